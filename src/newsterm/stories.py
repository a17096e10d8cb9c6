"""Group articles into stories: the same event, reported by several outlets.

Articles are linked when their characteristic words overlap (tf-idf cosine from the index),
helped by the names they share and held back by distance in time: two earthquakes a year apart
use the same words but are different stories. Groups are formed by average linkage over those
links, so one loosely related article cannot chain two stories together the way single linkage
would.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from newsterm.index import Index
from newsterm.model import Article, Story

LINK_MIN = 0.12  # weakest similarity considered at all
MERGE_MIN = 0.22  # average similarity two groups need to merge
WINDOW = timedelta(days=10)  # reports of one event rarely lie further apart
WIRE_COPY = 0.6  # shingle overlap above which two articles are the same report republished


def _day(article: Article) -> date | None:
    return article.published.date() if article.published else None


def pair_score(index: Index, i: int, j: int, cosine: float) -> float:
    """Similarity of two articles for story grouping: words, names, and time apart."""
    a, b = index.articles[i], index.articles[j]
    names_a, names_b = index.article_names[i], index.article_names[j]
    if names_a and names_b:
        shared = len(names_a & names_b) / min(len(names_a), len(names_b))
        cosine = 0.8 * cosine + 0.2 * shared
    day_a, day_b = _day(a), _day(b)
    if day_a and day_b:
        gap = abs(day_a - day_b)
        if gap > WINDOW:
            # Far apart in time: only a very close text (a follow-up quoting itself) stays.
            cosine *= 0.5 if gap <= 4 * WINDOW else 0.25
    return cosine


def _clusters(index: Index) -> list[list[int]]:
    n = len(index.articles)
    edges: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for i in range(n):
        for j, cosine in index.similar_articles(i, LINK_MIN):
            if j > i:
                score = pair_score(index, i, j, cosine)
                if score >= LINK_MIN:
                    edges[i][j] = score
                    edges[j][i] = score
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: dict(edges[i]) for i in range(n)}  # summed weights
    heap = [(-score, i, j) for i in range(n) for j, score in edges[i].items() if i < j]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        average = links[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(-negative - average) > 1e-12:
            continue  # stale entry: the groups changed since it was pushed
        if average < MERGE_MIN:
            break
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


def group_stories(index: Index) -> tuple[list[Article], list[Story]]:
    """Stories of an indexed corpus, and its articles with borrowed reference dates filled in."""
    articles = list(index.articles)
    stories = []
    for number, group in enumerate(_clusters(index), 1):
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
