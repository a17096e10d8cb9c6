"""Group articles into stories: the same event, reported by several outlets.

Articles are linked when their characteristic words overlap (tf-idf cosine from the index),
helped by the names they share and held back by distance in time: two earthquakes a year apart
use the same words but are different stories. Groups are formed by average linkage over those
links, so one loosely related article cannot chain two stories together the way single linkage
would.

Two events of the same kind (two celebrities entering rehab, two earthquakes) share most of
their words, so a large group is then checked again and cut in two where it holds two events
(see newsterm.corpus.split). Groups are then merged once more, the parts of a cut group never
with each other: reports of an event that were too unlike both events together to join the
first time can now join their own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from newsterm.corpus.index import PROGRESS_EVERY, Index
from newsterm.corpus.linkage import average_linkage
from newsterm.corpus.pair_signals import CALENDAR_WORDS, Figures, Headlines
from newsterm.corpus.split import SPLIT_MAX, SPLIT_MIN, split_group
from newsterm.model import Article, Story
from newsterm.support import forking
from newsterm.support.pausing import Pause, step

# Tuning. Measured by bench/grouping.py (pairwise F1 against gold events) on the development
# part of BASIL and ECB+, and its Reuters headline-ticker proxy; the held-out parts were not
# looked at while choosing them.
LINK_MIN = 0.12  # weakest similarity considered at all (set with the first grouping; not swept)
# Average similarity two groups need to merge: raised from the first grouping's value when names
# joined the score (BASIL F1 0.93 -> 0.99, ECB+ dev 0.82 -> 0.87), lowered again to 0.16 with the
# time decay (see TIME_HALF), which took the scores of reports days apart down.
MERGE_MIN = 0.16
# Time apart, a first-class signal: a story is one event, and reports of one event come out
# within a day or two (AllSides roundups: 190 of 208 within a day; BASIL: 58 of 60 within two
# days), while reports of the same kind of event a few days apart (weekly jobless claims, daily
# money-market operations, the next day's deal after the day's talks) are other events. A
# pair's score is multiplied by 1 / (1 + days / TIME_HALF): a day apart keeps 0.6, two days
# 0.43, a week 0.18; never less than TIME_FLOOR, so that a follow-up quoting its first report
# word for word can still join it. Chosen with MERGE_MIN on the development parts of AllSides,
# BASIL and ECB+ (bench/grouping.py): AllSides pairwise F1 0.547 -> 0.819, BASIL 1.000 -> 0.989
# (two reports of one event four days apart), ECB+ 0.958 -> 0.965; a sharper decay (1.0) took
# AllSides to 0.839 but BASIL to 0.935, a flatter one (2.0) AllSides to 0.792.
TIME_HALF = 1.5
TIME_FLOOR = 0.1
# Shingle overlap above which two articles are the same report republished, counted once as a
# voice (set by hand with the first grouping; wire copy overlaps near 1, rewrites below 0.3).
WIRE_COPY = 0.6
# Share of the score given to the names two articles share (chosen with MERGE_MIN).
NAME_WEIGHT = 0.5
# Names two articles share are weighed against at least this many names of the pile's mean
# weight, not against the fewer names a short report carries: a wire brief that names only
# "Indonesia" shared all its names with every other Indonesian brief (sugar output, copra
# imports, tea exports: eight events in one story). Chosen on the development parts of
# bench/grouping.py, the held-out parts not looked at: 0 (before) / 3 / 5 / 8 took AllSides
# pairwise F1 0.819 / 0.827 / 0.830 / 0.857, ECB+ 0.965 / 0.958 / 0.966 / 0.964, BASIL 0.989
# throughout, and Reuters 5k's pairs of different firms in one story 439 / 353 / 308 / 287 (of
# one firm 618 / 588 / 555 / 540).
NAMES_SHARED_FULL = 8
# Two reports whose headlines each name something the other report never mentions keep this
# share of their score: two firms' earnings briefs, told in one template.
HEADLINE_APART = 0.5
SUBJECTS_APART = 0.2
# Average link a lone article needs to join a group after the split: one clear link into a
# small group is enough, a single link into a large one is not (0.02 to 0.05 do as well on the
# dev part of bench/grouping.py; 0.1 left reports of an event on their own).
REATTACH_MIN = 0.04
# Reports told in one template (weekly jobless claims, a fund's dividend notices, a central
# bank's daily operations) share nearly every word (word cosine at least TEMPLATE_WORDS) and
# differ in their figures and days: two such reports that each state at least FIGURES_MIN figures
# or days and share fewer than half of the smaller one's are two events, and keep FIGURES_APART
# of their score. Outlets telling one event in their own words pick different figures, so the
# test is only made of near-identical wording (made of all pairs, it took BASIL's dev F1 from
# 0.989 to 0.905). Set by hand (as HEADLINE_APART); checked on the development parts of
# AllSides, BASIL and ECB+, and on the Reuters proxy (bench/events.py).
TEMPLATE_WORDS = 0.7
FIGURES_APART = 0.5
# A recurring report: one outlet's headline, word for word (figures aside), on two days, over
# bodies that each state a figure the other does not ("FREDDIE MAC ADJUSTS SHORT-TERM DISCOUNT
# RATES" each morning; a money market's daily forecast). The next day's report, not the same
# one told again: two events, however alike their names make them. Two outlets under one
# headline on two days are two voices on one event, and are left alone. Set by hand with
# SUBJECTS_APART's share, on the Reuters proxy (bench/events.py: stories spanning over a
# week); BASIL, ECB+ and AllSides have no such pairs, and do not move.
RECURRING_APART = 0.2
# Below this many articles, finding look-alikes in forked processes costs more than it saves
# (bench/pipeline.py: forking paid from a few thousand articles on a 2-CPU machine).
FORK_MIN_ARTICLES = 2_000
# Cutting groups in two (see _split_all) is forked when the groups to cut hold this many
# articles: each compares its members pairwise, so a few hundred articles in big groups cost a
# second or more, while forking costs some tens of milliseconds.
FORK_MIN_SPLIT_ARTICLES = 300


def _day(article: Article) -> date | None:
    return article.published.date() if article.published else None


class _Names:
    """Names of each article weighted by rarity in this pile.

    A name every article of the pile carries ("Klitschko" in a pile about his fights) says
    nothing about which of them go together; a name only some carry ("Rahman", "Thompson")
    tells one fight from the other. One shared name is not all of two reports' names in
    common, though, even when it is all a short one has (see NAMES_SHARED_FULL): a country's
    name is shared by every report from there.

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
        n = index.size
        self.weights = [
            {name: math.log((n + 1) / df[name]) for name in names} for names in article_names
        ]
        self.totals = [sum(w.values()) for w in self.weights]
        named = sum(map(len, self.weights))  # every name of every article, counted once each
        self.full = NAMES_SHARED_FULL * math.fsum(self.totals) / named if named else 0.0

    def similarity(self, i: int, j: int) -> float | None:
        a, b = self.weights[i], self.weights[j]
        if not a or not b:
            return None
        if len(a) > len(b):
            a, b = b, a
        shared = sum(w for name, w in a.items() if name in b)
        smaller = min(self.totals[i], self.totals[j])
        return shared / max(smaller, self.full) if smaller > 0 else None


def time_factor(days: int) -> float:
    """How much of two reports' likeness survives the days between them (see TIME_HALF)."""
    return max(TIME_FLOOR, 1 / (1 + days / TIME_HALF))


def pair_score(
    articles: Sequence[Article],
    names: _Names,
    headlines: Headlines,
    figures: Figures,
    i: int,
    j: int,
    cosine: float,
) -> float:
    """Similarity of two articles for story grouping: words, names, time apart, headlines,
    figures."""
    a, b = articles[i], articles[j]
    words = cosine
    shared = names.similarity(i, j)
    if shared is not None:
        cosine = (1 - NAME_WEIGHT) * cosine + NAME_WEIGHT * shared
    day_a, day_b = _day(a), _day(b)
    if day_a and day_b:
        cosine *= time_factor(abs((day_a - day_b).days))
    if headlines.apart(i, j):
        cosine *= HEADLINE_APART
    elif headlines.subjects_apart(i, j):
        cosine *= SUBJECTS_APART
    if words >= TEMPLATE_WORDS and cosine >= LINK_MIN and figures.apart(i, j):
        cosine *= FIGURES_APART
    elif (
        day_a
        and day_b
        and day_a != day_b
        and headlines.same_words(i, j)  # a set comparison, before the voices' regex
        and a.voice == b.voice
        and figures.changed(i, j)
    ):
        cosine *= RECURRING_APART
    return cosine


def _edges(
    articles: Sequence[Article],
    index: Index,
    progress: Callable[[int], None] | None,
    workers: int,
    pause: Pause | None = None,
) -> dict[int, dict[int, float]]:
    """Each article's links to the later articles it is like, by score (both directions).
    `pause` runs between articles in this process, between spans when they are forked."""
    n = len(articles)
    names = _Names(index)
    headlines = Headlines(articles, index)
    figures = Figures(articles)
    spans = [range(start, min(start + PROGRESS_EVERY, n)) for start in range(0, n, PROGRESS_EVERY)]
    index.prepare_search()  # once, here: forked workers inherit it
    forked = workers > 1 and n >= FORK_MIN_ARTICLES and forking.can_fork()
    # A forked worker cannot hear a no said after it forked: then the pause is asked only
    # between spans, below, in this process.
    between_articles = None if forked else pause

    def links_of(span: range) -> list[list[tuple[int, float]]]:
        found = []
        for i in span:
            step(between_articles)
            mine = []
            for j, cosine in index.similar_articles(i, LINK_MIN, later=True):
                score = pair_score(articles, names, headlines, figures, i, j, cosine)
                if score >= LINK_MIN:
                    mine.append((j, score))
            found.append(mine)
        return found

    results = forking.forked_map(links_of, spans, workers) if forked else map(links_of, spans)
    edges: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    # Spans come back in order, so the edges are filled in the same order either way (the
    # merging below breaks ties by it): one process or several give the same stories.
    if progress:
        progress(0)
    for span, found in zip(spans, results, strict=True):
        step(pause)
        for i, mine in zip(span, found, strict=True):
            for j, score in mine:
                edges[i][j] = score
                edges[j][i] = score
        if progress:
            progress(span.stop)  # articles whose links are found so far
    return edges


def _clusters(
    articles: Sequence[Article],
    index: Index,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
    pause: Pause | None = None,
) -> list[list[int]]:
    n = len(articles)
    edges = _edges(articles, index, progress, workers, pause)
    groups = average_linkage(n, edges, MERGE_MIN)
    result: list[list[int]] = []
    family: list[int] = []
    for number, parts in enumerate(_split_all(articles, index, groups, workers, pause)):
        result.extend(parts)
        family.extend([number] * len(parts))
    if len(result) > len(groups):
        result = average_linkage(n, edges, MERGE_MIN, start=result, family=family)
    return sorted(_reattach(edges, result), key=lambda g: g[0])


def _split_all(
    articles: Sequence[Article],
    index: Index,
    groups: list[list[int]],
    workers: int,
    pause: Pause | None,
) -> Iterator[list[list[int]]]:
    """Each group's parts (see split.split_group), in the groups' order. Groups are cut apart
    independently, each over its own articles' pairs, so with `workers` > 1 and enough of them
    to cut (a pile of big stories: 1.7 of 3.7 CPU s of grouping 900 articles) they are cut in
    forked processes; the parts come back in order, so the stories are the same."""
    splittable = [g for g in groups if SPLIT_MIN <= len(g) <= SPLIT_MAX]
    forked = (
        workers > 1
        and sum(len(g) for g in splittable) >= FORK_MIN_SPLIT_ARTICLES
        and forking.can_fork()
    )
    if not forked:
        for group in groups:
            step(pause)  # splitting every group takes seconds on a big pile
            yield split_group(articles, index, group)
        return
    # Taken whole, so that the pool ends here rather than whenever the generator is collected.
    cut = iter(
        list(forking.forked_map(lambda g: split_group(articles, index, g), splittable, workers))
    )
    for group in groups:
        step(pause)
        yield next(cut) if SPLIT_MIN <= len(group) <= SPLIT_MAX else [group]


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


def _central(articles: Sequence[Article], index: Index, group: list[int]) -> int:
    """The member most similar to the others: its headline names the story best."""
    if len(group) <= 2:
        return min(group, key=lambda i: (_day(articles[i]) or date.max, i))
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


def _reports(articles: Sequence[Article], index: Index, ordered: list[int]) -> tuple[int, ...]:
    """Report numbers: articles that are one voice share one, those of one outlet and copies
    of one wire report (near-identical text under several outlets' names) alike. Joined through
    either, so an outlet running a wire story and its own follow-up counts once with the wire."""
    parent = {i: i for i in ordered}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of_voice: dict[str, int] = {}
    for position, i in enumerate(ordered):
        joined = first_of_voice.setdefault(articles[i].voice, i)
        if joined != i:
            parent[root(i)] = root(joined)
        for j in ordered[:position]:
            if copy_overlap(index, i, j) >= WIRE_COPY:
                parent[root(i)] = root(j)
                break
    numbers: dict[int, int] = {}
    return tuple(numbers.setdefault(min_root, len(numbers)) for min_root in map(root, ordered))


def group_stories(
    indexed: Sequence[Article],
    index: Index,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
    pause: Pause | None = None,
) -> tuple[list[Article], list[Story]]:
    """Stories of indexed articles (`index` is theirs), and the articles with borrowed reference
    dates filled in. `progress` hears now and then how many articles have had their links to
    others found, which is most of the time grouping takes; with `workers` > 1 a big pile's
    links are found in that many forked processes (see newsterm.support.forking), with the same
    stories as a result. `pause` runs between pieces of the work (see newsterm.support.pausing):
    grouping takes half a minute on ten thousand articles, and the app calls it off when the
    reader quits."""
    articles = list(indexed)
    stories = []
    for number, group in enumerate(_clusters(indexed, index, progress, workers, pause), 1):
        step(pause)
        ordered = _order(articles, group)
        dated = sorted(d for d in (_day(articles[i]) for i in group) if d)
        if dated:
            reference = dated[(len(dated) - 1) // 2]
            for i in group:
                if articles[i].published is None:
                    articles[i] = replace(
                        articles[i], published_inferred=True, reference_date=reference
                    )
        title = articles[_central(indexed, index, group)].title or articles[ordered[0]].label
        stories.append(
            Story(
                id=f"s{number}",
                title=title,
                article_ids=tuple(articles[i].id for i in ordered),
                reports=_reports(articles, index, ordered),
                outlets=tuple(articles[i].voice for i in ordered),
                first_day=dated[0] if dated else None,
                last_day=dated[-1] if dated else None,
            )
        )
    return articles, stories
