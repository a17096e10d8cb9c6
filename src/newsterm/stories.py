"""Group articles into stories: the same event, reported by several outlets.

Articles are linked when their characteristic words overlap (tf-idf cosine from the index),
helped by the names they share and held back by distance in time: two earthquakes a year apart
use the same words but are different stories. Groups are formed by average linkage over those
links, so one loosely related article cannot chain two stories together the way single linkage
would.

Two events of the same kind (two celebrities entering rehab, two earthquakes) share most of
their words, so a large group is then checked for a second time with weights that ignore what
all its members say and keep what only some of them share: when it falls into two parts much
less alike than each part is within, it is cut in two (see `split_group`). Groups are then
merged once more, the parts of a cut group never with each other: reports of an event that
were too unlike both events together to join the first time can now join their own.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from newsterm import parallel
from newsterm.facts import dates_and_quantities
from newsterm.facts.dates import MONTHS, WEEKDAYS
from newsterm.index import PROGRESS_EVERY, Index, names_in, terms
from newsterm.model import Article, Story
from newsterm.text import STOPWORDS, fold

LINK_MIN = 0.12  # weakest similarity considered at all
MERGE_MIN = 0.18  # average similarity two groups need to merge
WINDOW = timedelta(days=10)  # reports of one event rarely lie further apart
WIRE_COPY = 0.6  # shingle overlap above which two articles are the same report republished


def _day(article: Article) -> date | None:
    return article.published.date() if article.published else None


NAME_WEIGHT = 0.5  # share of the score given to the names two articles share
# Weekdays as headlines and datelines shorten them; not read as dates (a "Sun" is a newspaper).
WEEKDAY_ABBREVIATIONS = "mon tue tues wed thu thur thurs fri sat sun".split()
# Capitalised by convention, not because they name anyone or anywhere. "May" is left in: alone
# it is as often a person ("May said") as the month.
CALENDAR_WORDS = frozenset(MONTHS).union(WEEKDAYS, WEEKDAY_ABBREVIATIONS) - {"may"}


class _Names:
    """Names of each article weighted by rarity in this pile.

    A name every article of the pile carries ("Klitschko" in a pile about his fights) says
    nothing about which of them go together; a name only some carry ("Rahman", "Thompson")
    tells one fight from the other.

    Days and months are left out: every event happens on some Friday, and two reports of
    different events that both say "Friday" share no one and nowhere. In a small pile the day
    is as rare as a real name, and a short report whose only capitalised word is its day would
    count as sharing all its names with every other report of that day.
    """

    def __init__(self, index: Index) -> None:
        # Sorted, not in set order: sums of floats taken in another order differ in the last
        # bit, and a tie broken the other way groups the pile differently from run to run.
        article_names = [
            sorted(name for name in names if name not in CALENDAR_WORDS)
            for names in index.article_names
        ]
        df = Counter(name for names in article_names for name in names)
        n = len(index.articles)
        self.weights = [
            {name: math.log((n + 1) / df[name]) for name in names} for names in article_names
        ]
        self.totals = [sum(w.values()) for w in self.weights]

    def similarity(self, i: int, j: int) -> float | None:
        a, b = self.weights[i], self.weights[j]
        if not a or not b:
            return None
        if len(a) > len(b):
            a, b = b, a
        shared = sum(w for name, w in a.items() if name in b)
        smaller = min(self.totals[i], self.totals[j])
        return shared / smaller if smaller > 0 else None


# A headline word at least this rare (idf; ~9.5 for a word never seen in background news)
# names what the report is about: the company in "GTI CORP <GTI> 4TH QTR NET".
HEADLINE_RARE = 5.0
# Two reports whose headlines each name something the other report never mentions keep this
# share of their score: two firms' earnings briefs, told in one template.
HEADLINE_APART = 0.5


class _Headlines:
    """The rare words of each article's headline: what, or whom, the report is about.

    Wire services file hundreds of briefs in one template (earnings tables, note sales, load
    factors) whose bodies share nearly every word, so the words say they are one story. Their
    headlines say otherwise: each names its own company, and no brief mentions the other's.
    Reports of one event, even with headlines worded apart, mention what the other's headline
    names somewhere in the text (none of the 174 BASIL pairs that have headlines fails this).
    A title made up from the opening words, for an article without a headline, is no evidence.
    """

    def __init__(self, index: Index) -> None:
        self.index = index
        self.rare: list[frozenset[int]] = []
        for article in index.articles:
            title = article.title or ""
            body = article.passages[1:] if article.headline else article.passages
            opening = body[0].text if body else article.text
            if opening.startswith(title.rstrip("…")) or article.text.startswith(title):
                title = ""  # no headline: the title stands in for one with the opening words
            ids = (index.term_ids.get(t) for t in terms(title))
            self.rare.append(
                frozenset(t for t in ids if t is not None and index.idf(t) >= HEADLINE_RARE)
            )

    def apart(self, i: int, j: int) -> bool:
        """Each headline's rare words are missing from the other report, body and all."""
        a, b = self.rare[i], self.rare[j]
        if not a or not b:
            return False
        tf = self.index.article_tf
        return tf[j].keys().isdisjoint(a) and tf[i].keys().isdisjoint(b)


def pair_score(
    index: Index, names: _Names, headlines: _Headlines, i: int, j: int, cosine: float
) -> float:
    """Similarity of two articles for story grouping: words, names, time apart, headlines."""
    a, b = index.articles[i], index.articles[j]
    shared = names.similarity(i, j)
    if shared is not None:
        cosine = (1 - NAME_WEIGHT) * cosine + NAME_WEIGHT * shared
    day_a, day_b = _day(a), _day(b)
    if day_a and day_b:
        gap = abs(day_a - day_b)
        if gap > WINDOW:
            # Far apart in time: only a very close text (a follow-up quoting itself) stays.
            cosine *= 0.5 if gap <= 4 * WINDOW else 0.25
    if headlines.apart(i, j):
        cosine *= HEADLINE_APART
    return cosine


def _average_linkage(
    n: int,
    edges: dict[int, dict[int, float]],
    merge_min: float,
    groups_left: int = 1,
    start: list[list[int]] | None = None,
    family: list[int] | None = None,
) -> list[list[int]]:
    """Average-linkage groups of 0..n-1 over sparse similarity edges.

    Merging stops when no two groups average at least `merge_min`, or when `groups_left`
    groups remain. `start` gives groups to begin from instead of one per item; two groups
    whose `family` numbers overlap (the parts of one cut group) are never merged.
    """
    first = start if start is not None else [[i] for i in range(n)]
    members: dict[int, list[int]] = dict(enumerate(first))
    families: dict[int, set[int]] = {g: {family[g]} if family else set() for g in members}
    links: dict[int, dict[int, float]]  # summed weights between groups
    if start is None:
        links = {i: dict(edges[i]) for i in range(n)}
    else:
        links = {g: {} for g in members}
        group_of = {i: g for g, group in members.items() for i in group}
        for i in range(n):
            for j, score in edges[i].items():
                gi, gj = group_of[i], group_of[j]
                if gi != gj:
                    links[gi][gj] = links[gi].get(gj, 0.0) + score
    heap = [
        (-score / (len(members[g]) * len(members[h])), g, h)
        for g in links
        for h, score in links[g].items()
        if g < h
    ]
    heapq.heapify(heap)
    while heap and len(members) > groups_left:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        average = links[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(-negative - average) > 1e-12:
            continue  # stale entry: the groups changed since it was pushed
        if average < merge_min:
            break
        if families[i] & families[j]:
            continue
        families[i] |= families.pop(j)
        # Merge j into i and update summed link weights to every neighbour.
        members[i].extend(members.pop(j))
        for k, weight in links.pop(j).items():
            if k == i:
                continue
            links[k].pop(j, None)
            links[i][k] = links[i].get(k, 0.0) + weight
            links[k][i] = links[i][k]
        links[i].pop(j, None)
        for k, weight in links[i].items():
            heapq.heappush(
                heap, (-weight / (len(members[i]) * len(members[k])), min(i, k), max(i, k))
            )
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


# Below this many articles, finding look-alikes in forked processes costs more than it saves.
FORK_MIN_ARTICLES = 2_000


def _edges(
    index: Index, progress: Callable[[int], None] | None, workers: int
) -> dict[int, dict[int, float]]:
    """Each article's links to the later articles it is like, by score (both directions)."""
    n = len(index.articles)
    names = _Names(index)
    headlines = _Headlines(index)

    def links_of(span: range) -> list[list[tuple[int, float]]]:
        found = []
        for i in span:
            mine = []
            for j, cosine in index.similar_articles(i, LINK_MIN):
                if j > i:
                    score = pair_score(index, names, headlines, i, j, cosine)
                    if score >= LINK_MIN:
                        mine.append((j, score))
            found.append(mine)
        return found

    spans = [range(start, min(start + PROGRESS_EVERY, n)) for start in range(0, n, PROGRESS_EVERY)]
    if workers > 1 and n >= FORK_MIN_ARTICLES and parallel.can_fork():
        results = parallel.forked_map(links_of, spans, workers)
    else:
        results = map(links_of, spans)
    edges: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    # Spans come back in order, so the edges are filled in the same order either way (the
    # merging below breaks ties by it): one process or several give the same stories.
    if progress:
        progress(0)
    for span, found in zip(spans, results, strict=True):
        for i, mine in zip(span, found, strict=True):
            for j, score in mine:
                edges[i][j] = score
                edges[j][i] = score
        if progress:
            progress(span.stop)  # articles whose links are found so far
    return edges


def _clusters(
    index: Index, progress: Callable[[int], None] | None = None, workers: int = 1
) -> list[list[int]]:
    n = len(index.articles)
    edges = _edges(index, progress, workers)
    groups = _average_linkage(n, edges, MERGE_MIN)
    result: list[list[int]] = []
    family: list[int] = []
    for number, group in enumerate(groups):
        parts = split_group(index, group)
        result.extend(parts)
        family.extend([number] * len(parts))
    if len(result) > len(groups):
        result = _average_linkage(n, edges, MERGE_MIN, start=result, family=family)
    return sorted(_reattach(edges, result), key=lambda g: g[0])


# Average link a lone article needs to join a group after the split: one clear link into a
# small group is enough, a single link into a large one is not (0.02 to 0.05 do as well on the
# dev part of bench/grouping.py; 0.1 left reports of an event on their own).
REATTACH_MIN = 0.04


def _reattach(edges: dict[int, dict[int, float]], groups: list[list[int]]) -> list[list[int]]:
    """Lone articles joined to the group they are on average most like, if close enough.

    Average linkage leaves an article alone when one strong link is outweighed by the size of
    a group; after groups are settled, it joins the one whose members it is closest to overall.
    Only groups the article has links into are looked at, so the cost follows the links.
    """
    large = [list(g) for g in groups if len(g) > 1]
    group_of = {i: k for k, group in enumerate(large) for i in group}
    sizes = [len(group) for group in large]  # before any article joins: order does not matter
    alone = []
    for (article,) in (g for g in groups if len(g) == 1):
        totals: dict[int, float] = {}
        for other, weight in edges[article].items():
            k = group_of.get(other)
            if k is not None:
                totals[k] = totals.get(k, 0.0) + weight
        best, best_score = None, REATTACH_MIN
        for k in sorted(totals):
            score = totals[k] / sizes[k]
            if score >= best_score:
                best, best_score = k, score
        if best is None:
            alone.append([article])
        else:
            large[best].append(article)
    return [sorted(group) for group in large] + alone


SPLIT_MIN = 6  # smaller groups are left whole: too few articles to tell two events apart
SPLIT_MAX = 200  # the split compares every pair of the group
# Two parts are two events when, on the contrast weights, they are nearly unrelated (below
# SPLIT_BETWEEN) and less than SPLIT_RATIO as alike as each part is within. Tuned on the dev
# part of bench/grouping.py.
SPLIT_BETWEEN = 0.075
SPLIT_RATIO = 0.5
# A part of one or two articles is more often one outlet's angle on the event (a profile, a
# follow-up) than a second event: two events of a kind each draw several reports. Copies of one
# report count once (see `_distinct_reports`).
SPLIT_PART_MIN = 3
# Weight of a name or a year in the contrast vectors, against a word's idf (at most ~9.5, for
# a word never seen in background news). Who, where and when tell two events of one kind apart
# better than how they are told, so a name shared by part of the group outweighs any word
# shared the same way. Chosen on the dev part of bench/grouping.py (10 to 15 do as well).
SLOT_WEIGHT = 12.0
# Weight of a figure (a toll, a magnitude, a sum, a version number) or a day mentioned in the
# contrast vectors. Two events of one kind differ in their figures and days ("5.6" and "five
# hurt" against "5.9" and "ten dead"; "Dec. 11" against "April 28"), but angles on one event
# differ in them too, so one weighs about as much as a rare word, below a name. Chosen on the
# dev part of bench/grouping.py: 5 to 7 cut one more dev topic in two and nothing else; from 8
# a dev event is cut along its angles.
FIGURE_WEIGHT = 6.0
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@functools.lru_cache(maxsize=1024)
def _figures_and_days(text: str) -> tuple[tuple[str, object], ...]:
    """The exact figures a text states and the days it names, each once.

    A figure is its value, and whether it is a percentage: outlets write one sum "$3 million",
    "3 mln dlrs" or, once the currency is named, "3 mln". Vague ones ("dozens") commit to
    nothing, and a bare year is left to the year features. A day is a month and day ("Dec. 11",
    "Wednesday, March 4, 2009"), its year left to the year features too. Cached: a group cut
    in two is cut again part by part, over the same articles.
    """
    dates, quantities = dates_and_quantities(text)
    found: set[tuple[str, object]] = set()
    for q in quantities:
        bare_year = not q.unit and q.value.is_integer() and 1900 <= q.value <= 2099
        if not q.vague and not bare_year:
            found.add(("figure", (round(q.value, 6), "%" if q.unit == "%" else "")))
    for mention in dates:
        if mention.low and mention.low == mention.high:
            found.add(("day", (mention.low.month, mention.low.day)))
        elif mention.key.startswith("monthday:"):
            month, day = mention.key.removeprefix("monthday:").split("-")
            found.add(("day", (int(month), int(day))))
    return tuple(sorted(found, key=repr))


def _contrast_vectors(index: Index, group: list[int]) -> list[dict[object, float]]:
    """Vectors of the group's articles weighted by what sets them apart *within the group*.

    Words and names every member uses ("rehab", "Klitschko") get no weight; those a part of the
    group shares ("Rahman" in one fight's reports, "Thompson" in the other's) get the most.
    Names and the years the text mentions weigh most: reports of two events of one kind are
    told alike but name other people, places and years. Figures and days weigh like a rare word.
    """
    n = len(group)
    features: list[Counter[object]] = []
    for i in group:
        found: Counter[object] = Counter(index.article_tf[i])
        for name in sorted(index.article_names[i]):  # see _Names: the same pile, the same groups
            found[("name", name)] += 2
        for year in sorted(set(_YEAR_RE.findall(index.articles[i].text))):
            found[("year", year)] += 2
        for figure in _figures_and_days(index.articles[i].text):
            found[figure] += 2
        features.append(found)
    df = Counter(feature for found in features for feature in found)
    vectors = []
    for found in features:
        weights = {}
        for feature, count in found.items():
            if df[feature] < 2 or df[feature] >= n:
                continue  # in one article only, or in all: says nothing about the split
            rarity = math.log(n / df[feature])
            if isinstance(feature, tuple):
                base = SLOT_WEIGHT if feature[0] in ("name", "year") else FIGURE_WEIGHT
            else:
                base = index.idf(feature)
            weights[feature] = (1 + math.log(count)) * base * rarity
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({f: w / norm for f, w in weights.items()})
    return vectors


def _dot(a: dict[object, float], b: dict[object, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def _bisect(sim: list[list[float]], members: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Two parts of `members` by average linkage, and the outliers set aside on the way.

    A lone article unlike all others would otherwise be the last to join and make every split
    "one against the rest"; it is set aside and the rest bisected again.
    """
    outliers: list[int] = []
    rest = list(members)
    while len(rest) >= 4 and len(outliers) <= len(members) // 5:
        edges: dict[int, dict[int, float]] = {k: {} for k in range(len(rest))}
        for a in range(len(rest)):
            for b in range(a + 1, len(rest)):
                value = sim[rest[a]][rest[b]]
                if value > 0:
                    edges[a][b] = edges[b][a] = value
        parts = _average_linkage(len(rest), edges, 0.0, groups_left=2)
        if len(parts) != 2:
            break
        small = min(parts, key=len)
        if len(small) >= 2:
            return [rest[k] for k in parts[0]], [rest[k] for k in parts[1]], outliers
        outliers.append(rest[small[0]])
        rest = [m for k, m in enumerate(rest) if k != small[0]]
    return rest, [], outliers


# Parts somewhat more alike than SPLIT_BETWEEN (up to SPLIT_BETWEEN_LEADS) are still two events
# when each is about someone or somewhere the other mostly is not (see `_lead_apart`). Tuned on
# the dev part of bench/grouping.py.
SPLIT_BETWEEN_LEADS = 0.1
LEADS = 2  # an article's lead names: the name words it repeats most
_POSSESSIVE = re.compile(r"['’]s?$")


def _leads(text: str) -> tuple[str, ...]:
    """The name words an article repeats most: whom or where the report is about."""
    counts: Counter[str] = Counter()
    for match in names_in(text):
        for word in match.split():
            word = _POSSESSIVE.sub("", word).lower()
            if len(word) > 2 and fold(word) not in STOPWORDS:
                counts[word] += 1
    # A tuple in the order found, not a set: _lead_apart breaks ties between leads by the order
    # it meets them, and a set's order changes from run to run.
    return tuple(word for word, _ in counts.most_common(LEADS))


def _lead_apart(leads: list[tuple[str, ...]], first: list[int], second: list[int]) -> bool:
    """Whether each part has its own lead: a name at least half its articles lead with and at
    most a quarter of the other part's do ("Jackson" arrested in one, "Williams" in the other).

    Reports of one event told from two angles share their lead ("Lohan" at one clinic or the
    other), so this tells a second event from a second angle where the words alone cannot.
    """
    for part, other in ((first, second), (second, first)):
        counts = Counter(word for k in part for word in leads[k])
        if not counts:
            return False
        top = max(counts.values())
        # Of leads named equally often, the one the other part names least: which of the two
        # was met first says nothing about the event.
        in_other = min(
            sum(word in leads[k] for k in other) for word, n in counts.items() if n == top
        )
        if 2 * top < len(part) or 4 * in_other > len(other):
            return False
    return True


# Share of the shorter article's word runs found in the longer one above which the two are one
# report: the same wire copy run twice, or trimmed by one outlet and extended by another.
SAME_REPORT = 0.5


def _distinct_reports(index: Index, members: list[int]) -> int:
    """How many different reports `members` are, counting copies of one report once.

    Three outlets running one wire story are one account of the event, not three: they agree
    with each other word for word and so look, to the contrast weights, like a tight part of
    their own. SPLIT_PART_MIN asks for several reports, so such a part is one report's angle
    on the event, not a second event.
    """
    kept: list[int] = []
    for i in members:
        if not any(index.shingle_overlap(i, j) >= SAME_REPORT for j in kept):
            kept.append(i)
    return len(kept)


def split_group(index: Index, group: list[int]) -> list[list[int]]:
    """A group cut in two when it holds two events of the same kind, recursively."""
    if not SPLIT_MIN <= len(group) <= SPLIT_MAX:
        return [group]
    vectors = _contrast_vectors(index, group)
    n = len(group)
    sim = [[0.0] * n for _ in range(n)]
    for a in range(n):
        for b in range(a + 1, n):
            sim[a][b] = sim[b][a] = _dot(vectors[a], vectors[b])
    first, second, outliers = _bisect(sim, list(range(n)))
    if min(len(first), len(second)) < SPLIT_PART_MIN:
        return [group]

    def mean(xs: list[int], ys: list[int]) -> float:
        pairs = [(x, y) for x in xs for y in ys if x != y]
        return sum(sim[x][y] for x, y in pairs) / len(pairs) if pairs else 0.0

    within = min(mean(first, first), mean(second, second))
    between = mean(first, second)
    limit = SPLIT_BETWEEN
    if SPLIT_BETWEEN <= between < SPLIT_BETWEEN_LEADS:
        leads = [_leads(index.articles[i].text) for i in group]
        if _lead_apart(leads, first, second):
            limit = SPLIT_BETWEEN_LEADS
    if within <= 0 or between >= limit or between >= SPLIT_RATIO * within:
        return [group]
    if min(_distinct_reports(index, [group[k] for k in part]) for part in (first, second)) < (
        SPLIT_PART_MIN
    ):
        return [group]
    for k in outliers:  # back to the part it is closer to
        (first if mean([k], first) >= mean([k], second) else second).append(k)
    return split_group(index, [group[k] for k in sorted(first)]) + split_group(
        index, [group[k] for k in sorted(second)]
    )


def _central(index: Index, group: list[int]) -> int:
    """The member most similar to the others: its headline names the story best."""
    if len(group) <= 2:
        return min(group, key=lambda i: (_day(index.articles[i]) or date.max, i))
    return max(group, key=lambda i: (sum(index.cosine(i, j) for j in group if j != i), -i))


def _order(articles: Sequence[Article], group: list[int]) -> list[int]:
    """Dated articles first, oldest first; undated after, in input order."""
    return sorted(
        group, key=lambda i: (articles[i].published is None, _day(articles[i]) or date.max, i)
    )


def copy_overlap(index: Index, i: int, j: int) -> float:
    """Share of the *larger* article's shingles found in the other.

    Measured against the larger one so that an outlet which runs the wire story and adds as much
    reporting of its own counts as a second report, while a copy with a credit line or a trimmed
    paragraph does not.
    """
    a, b = index.article_shingles[i], index.article_shingles[j]
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def _reports(index: Index, ordered: list[int]) -> tuple[int, ...]:
    """Report numbers: near-identical articles (wire copy) share one."""
    report_of: dict[int, int] = {}
    for position, i in enumerate(ordered):
        report_of[i] = position
        for j in ordered[:position]:
            if copy_overlap(index, i, j) >= WIRE_COPY:
                report_of[i] = report_of[j]
                break
    numbers: dict[int, int] = {}
    return tuple(numbers.setdefault(report_of[i], len(numbers)) for i in ordered)


def group_stories(
    index: Index, progress: Callable[[int], None] | None = None, workers: int = 1
) -> tuple[list[Article], list[Story]]:
    """Stories of an indexed corpus, and its articles with borrowed reference dates filled in.
    `progress` hears now and then how many articles have had their links to others found,
    which is most of the time grouping takes; with `workers` > 1 a big pile's links are found
    in that many forked processes (see newsterm.parallel), with the same stories as a result."""
    articles = list(index.articles)
    stories = []
    for number, group in enumerate(_clusters(index, progress, workers), 1):
        ordered = _order(articles, group)
        dated = sorted(d for d in (_day(articles[i]) for i in group) if d)
        if dated:
            reference = dated[(len(dated) - 1) // 2]
            for i in group:
                if articles[i].published is None:
                    articles[i] = replace(
                        articles[i], published_inferred=True, reference_date=reference
                    )
        title = articles[_central(index, group)].title or articles[ordered[0]].label
        stories.append(
            Story(
                id=f"s{number}",
                title=title,
                article_ids=tuple(articles[i].id for i in ordered),
                reports=_reports(index, ordered),
            )
        )
    return articles, stories
