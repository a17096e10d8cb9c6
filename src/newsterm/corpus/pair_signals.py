"""What two articles' headlines and figures say about whether they tell one event.

Grouping (newsterm.corpus.stories) scores pairs by their words and names; these read the rest:
a headline's rare words and subjects (two firms' briefs told in one template), and the exact
figures and days each report states (two weeks' claims, two days' notices). Each is a signal
the score is weighed down by, kept here so that the scoring reads as a list of weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsterm.corpus.index import Index, term_of, terms
from newsterm.facts.dates import MONTHS, WEEKDAYS
from newsterm.facts.extract import figures_and_days
from newsterm.model import Article
from newsterm.text.lexicon import only_noun

# A headline word at least this rare (idf; ~9.5 for a word never seen in background news)
# names what the report is about: the company in "GTI CORP <GTI> 4TH QTR NET". With
# HEADLINE_APART, it took Reuters 5k pairs of different firms in one story 1,422 -> 905,
# BASIL and ECB+ unchanged.
HEADLINE_RARE = 5.0

# A wire archive's headlines in capitals cannot show a name by its case, and its template
# briefs ("PEORIA HOGS SEEN STEADY - PRIVATE" over "Hog prices are expected steady on estimated
# receipts of 2,000 head...") name their subject, a market or a fund, in the headline alone.
# The subjects of a capitals headline are its nouns (or words WordNet does not know, as most
# names) at least SUBJECT_RARE rare (idf) that its own body never uses. Two briefs whose
# headlines are told alike (at least SUBJECT_TEMPLATE of the shorter one's other words in
# both) and each name a subject the other report never mentions are about two subjects, and
# keep SUBJECTS_APART (newsterm.corpus.stories) of their score. Without the template test and
# the nouns, reactions to one event ("DOLE SAYS...", "DUTCH MINISTER APPLAUDS...") came apart
# on their verbs (Reuters' 24 reports of Volcker's departure became six stories). Headlines in
# mixed case are left to HEADLINE_APART: there such words are an outlet's wording ("assail",
# "fresh"; 17 same-event pairs of AllSides dev). Set by hand on Reuters' hog and cattle briefs
# of 7 April (33 markets' reports in one story, now one story per market) and checked with the
# ticker proxy of bench/grouping.py; BASIL, ECB+ and AllSides have no capitals headlines, and
# no change.
SUBJECT_RARE = 3.0
SUBJECT_TEMPLATE = 0.5
# Weekdays as headlines and datelines shorten them; not read as dates (a "Sun" is a newspaper).
WEEKDAY_ABBREVIATIONS = "mon tue tues wed thu thur thurs fri sat sun".split()
# Capitalised by convention, not because they name anyone or anywhere. "May" is left in: alone
# it is as often a person ("May said") as the month.
CALENDAR_WORDS = frozenset(MONTHS).union(WEEKDAYS, WEEKDAY_ABBREVIATIONS) - {"may"}
# The same as index terms: a wire headline's day ("HONG KONG EXCHS NOON - APR 7") is in the
# template, never what the report is about.
CALENDAR_TERMS = frozenset(term for term in map(term_of, CALENDAR_WORDS) if term)
# Fewer figures or days than this say nothing about a report's being another's.
FIGURES_MIN = 2


class Headlines:
    """The rare words of each article's headline: what, or whom, the report is about.

    Wire services file hundreds of briefs in one template (earnings tables, note sales, load
    factors) whose bodies share nearly every word, so the words say they are one story. Their
    headlines say otherwise: each names its own company, and no brief mentions the other's.
    Reports of one event, even with headlines worded apart, mention what the other's headline
    names somewhere in the text (none of the 174 BASIL pairs that have headlines fails this).
    A title made up from the opening words, for an article without a headline, is no evidence.
    """

    def __init__(self, articles: Sequence[Article], index: Index) -> None:
        self.index = index
        self.rare: list[frozenset[int]] = []
        self.subjects: list[frozenset[int]] = []
        self._headline_terms: dict[int, frozenset[int]] = {}  # of capitals headlines
        self.words: list[frozenset[str]] = []  # each headline's terms, figures aside
        for number, article in enumerate(articles):
            title = article.title or ""
            body = article.passages[1:] if article.headline else article.passages
            opening = body[0].text if body else article.text
            if opening.startswith(title.rstrip("…")) or article.text.startswith(title):
                title = ""  # no headline: the title stands in for one with the opening words
            title_terms = terms(title)
            self.words.append(frozenset(title_terms))
            ids = Counter(t for t in map(index.term_ids.get, title_terms) if t is not None)
            told = [t for t in ids if index.term_names[t] not in CALENDAR_TERMS]
            self.rare.append(frozenset(t for t in told if index.idf(t) >= HEADLINE_RARE))
            subjects: frozenset[int] = frozenset()
            if title.isupper():
                tf = index.article_tf[number]  # the headline's words count twice there
                subjects = frozenset(
                    t
                    for t in told
                    if tf[t] <= 2 * ids[t]
                    and index.idf(t) >= SUBJECT_RARE
                    and only_noun(index.term_names[t])
                )
                self._headline_terms[number] = frozenset(ids)
            self.subjects.append(subjects)

    def apart(self, i: int, j: int) -> bool:
        """Each headline's rare words are missing from the other report, body and all."""
        a, b = self.rare[i], self.rare[j]
        if not a or not b:
            return False
        tf = self.index.article_tf
        return tf[j].keys().isdisjoint(a) and tf[i].keys().isdisjoint(b)

    def same_words(self, i: int, j: int) -> bool:
        """The two headlines are one set of words, figures aside: "FREDDIE MAC ADJUSTS
        SHORT-TERM DISCOUNT RATES" each morning, "U.K. MONEY MARKET DEFICIT FORECAST AT 800 MLN
        STG" and "... AT 700 MLN STG"."""
        return bool(self.words[i]) and self.words[i] == self.words[j]

    def subjects_apart(self, i: int, j: int) -> bool:
        """Two briefs in capitals whose headlines each name a subject that the other report
        never mentions (see SUBJECTS_APART)."""
        a, b = self.subjects[i], self.subjects[j]
        if not a or not b:
            return False
        tf = self.index.article_tf
        if a <= tf[j].keys() or b <= tf[i].keys():
            return False
        return self._told_alike(i, j) >= SUBJECT_TEMPLATE

    def _told_alike(self, i: int, j: int) -> float:
        """Share of the shorter headline's other words (its subjects aside) that the other
        headline has too: "HOGS SEEN STEADY/UP 0.50 DLR - PRIVATE" under two markets' names."""
        a = self._headline_terms[i] - self.subjects[i]
        b = self._headline_terms[j] - self.subjects[j]
        return len(a & b) / (min(len(a), len(b)) or 1)


class Figures:
    """The exact figures and days each article states (see facts.extract.figures_and_days),
    read only for pairs otherwise alike enough to join: a whole article's facts cost more than
    its words."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self._found: dict[int, frozenset[tuple[str, object]]] = {}

    def of(self, i: int) -> frozenset[tuple[str, object]]:
        found = self._found.get(i)
        if found is None:
            found = self._found[i] = frozenset(figures_and_days(self.articles[i].text))
        return found

    def apart(self, i: int, j: int) -> bool:
        """Both state several figures or days, and share fewer than half of the smaller set."""
        a, b = self.of(i), self.of(j)
        if len(a) < FIGURES_MIN or len(b) < FIGURES_MIN:
            return False
        return 2 * len(a & b) < min(len(a), len(b))

    def changed(self, i: int, j: int) -> bool:
        """Each states a figure the other does not."""
        a = {f for f in self.of(i) if f[0] == "figure"}
        b = {f for f in self.of(j) if f[0] == "figure"}
        return bool(a - b) and bool(b - a)
