"""Cutting a group of articles in two when it holds two events of the same kind.

Two events of one kind (two celebrities entering rehab, two earthquakes) share most of their
words, so average linkage over ordinary similarity puts their reports together. A large group is
looked at again with weights that ignore what all its members say and keep what only some of
them share (names, years, figures, days): when it falls into two parts much less alike than
each part is within, it is cut in two, recursively.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from newsterm.corpus.index import Index, names_in
from newsterm.corpus.linkage import average_linkage
from newsterm.facts.extract import figures_and_days
from newsterm.model import Article
from newsterm.text.tokens import STOPWORDS, fold

# Tuning. Measured by bench/grouping.py on the development part of BASIL and ECB+ (pairwise F1
# against gold events); the held-out parts were not looked at while choosing them.
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
# Parts somewhat more alike than SPLIT_BETWEEN (up to SPLIT_BETWEEN_LEADS) are still two events
# when each is about someone or somewhere the other mostly is not (see `_lead_apart`). Tuned on
# the dev part of bench/grouping.py.
SPLIT_BETWEEN_LEADS = 0.1
LEADS = 2  # an article's lead names: the name words it repeats most
# Share of the shorter article's word runs found in the longer one above which the two are one
# report: the same wire copy run twice, or trimmed by one outlet and extended by another.
SAME_REPORT = 0.5


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _contrast_vectors(
    articles: Sequence[Article], index: Index, group: list[int]
) -> list[dict[object, float]]:
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
        for year in sorted(set(_YEAR_RE.findall(articles[i].text))):
            found[("year", year)] += 2
        for figure in figures_and_days(articles[i].text):
            found[figure] += 2
        features.append(found)
    df = Counter(feature for found in features for feature in found)
    vectors = []
    for found in features:
        weights: dict[object, float] = {}
        for feature, count in found.items():
            if df[feature] < 2 or df[feature] >= n:
                continue  # in one article only, or in all: says nothing about the split
            rarity = math.log(n / df[feature])
            if isinstance(feature, tuple):
                base = SLOT_WEIGHT if feature[0] in ("name", "year") else FIGURE_WEIGHT
            else:
                assert isinstance(feature, int)  # a term id
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
        parts = average_linkage(len(rest), edges, 0.0, groups_left=2)
        if len(parts) != 2:
            break
        small = min(parts, key=len)
        if len(small) >= 2:
            return [rest[k] for k in parts[0]], [rest[k] for k in parts[1]], outliers
        outliers.append(rest[small[0]])
        rest = [m for k, m in enumerate(rest) if k != small[0]]
    return rest, [], outliers


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


def split_group(articles: Sequence[Article], index: Index, group: list[int]) -> list[list[int]]:
    """A group cut in two when it holds two events of the same kind, recursively."""
    if not SPLIT_MIN <= len(group) <= SPLIT_MAX:
        return [group]
    vectors = _contrast_vectors(articles, index, group)
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
        leads = [_leads(articles[i].text) for i in group]
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
    return split_group(articles, index, [group[k] for k in sorted(first)]) + split_group(
        articles, index, [group[k] for k in sorted(second)]
    )
