"""Two articles side by side, passage against passage, in the order a diff viewer would show them.

Each passage of the left article is paired with at most one of the right (its strongest link:
a conflict before an update, a match, a related passage; then the higher score). Pairs that keep
both articles' order stand on one row, as many as can, the stronger first. A pair whose right
passage comes out of that order (the second outlet told it earlier or later in its article) is
shown as two one-sided rows, each naming its counterpart, as a diff shows a moved line.
Passages with no counterpart stand alone, those of the left before those of the right between
two rows of pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsterm.model import RELATION_RANK, Article, Link, Passage, StoryAlignment


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the comparison: a pair, or one side alone (the other None).

    `link` joins the pair; on a one-sided row it joins the passage to `elsewhere`, its
    counterpart on the other side, shown on a row of its own further up or down."""

    left: Passage | None
    right: Passage | None
    link: Link | None = None
    elsewhere: Passage | None = None

    @property
    def relation(self) -> str | None:
        return self.link.relation if self.link is not None else None


def _pairs(left: Article, right: Article, alignment: StoryAlignment) -> dict[str, Link]:
    """One link per passage at most, strongest first: left passage id -> link."""
    on_left = {p.id for p in left.passages}
    on_right = {p.id for p in right.passages}
    candidates = [
        link
        for link in alignment.links
        if (link.a in on_left and link.b in on_right) or (link.b in on_left and link.a in on_right)
    ]
    candidates.sort(key=lambda link: (RELATION_RANK[link.relation], -link.score))
    taken: set[str] = set()
    paired: dict[str, Link] = {}
    for link in candidates:
        if link.a in taken or link.b in taken:
            continue
        taken.update((link.a, link.b))
        paired[link.a if link.a in on_left else link.b] = link
    return paired


def _in_order(indices: Sequence[int], weights: Sequence[int]) -> set[int]:
    """Positions of the heaviest increasing run through `indices` (a weighted longest
    increasing subsequence): the pairs that can stand on one row without crossing, conflicts
    kept in line before matches, matches before related passages. Quadratic: articles have
    tens of passages, not thousands."""
    best: list[int] = []
    before: list[int] = []
    for i, value in enumerate(indices):
        previous = max(
            (j for j in range(i) if indices[j] < value), key=best.__getitem__, default=-1
        )
        best.append(weights[i] + (best[previous] if previous >= 0 else 0))
        before.append(previous)
    kept: set[int] = set()
    position = max(range(len(best)), key=best.__getitem__, default=-1)
    while position >= 0:
        kept.add(position)
        position = before[position]
    return kept


def rows(left: Article, right: Article, alignment: StoryAlignment) -> list[Row]:
    """The comparison of two articles of one story, top to bottom."""
    paired = _pairs(left, right, alignment)
    left_at = {p.id: n for n, p in enumerate(left.passages)}
    right_at = {p.id: n for n, p in enumerate(right.passages)}
    by_id = {p.id: p for p in (*left.passages, *right.passages)}

    def partner(passage: Passage, link: Link) -> Passage:
        return by_id[link.b if link.a == passage.id else link.a]

    pairs = [(p, partner(p, paired[p.id]), paired[p.id]) for p in left.passages if p.id in paired]
    weights = [len(RELATION_RANK) - RELATION_RANK[link.relation] for _, _, link in pairs]
    kept = _in_order([right_at[q.id] for _, q, _ in pairs], weights)
    anchors = [pair for n, pair in enumerate(pairs) if n in kept]
    moved = [pair for n, pair in enumerate(pairs) if n not in kept]
    moved_left = {p.id: (q, link) for p, q, link in moved}
    moved_right = {q.id: (p, link) for p, q, link in moved}

    found: list[Row] = []
    i = j = 0

    def lone_left(upto: int) -> None:
        nonlocal i
        while i < upto:
            p = left.passages[i]
            q, link = moved_left.get(p.id, (None, None))
            found.append(Row(p, None, link, q))
            i += 1

    def lone_right(upto: int) -> None:
        nonlocal j
        while j < upto:
            q = right.passages[j]
            p, link = moved_right.get(q.id, (None, None))
            found.append(Row(None, q, link, p))
            j += 1

    for p, q, link in anchors:
        lone_left(left_at[p.id])
        lone_right(right_at[q.id])
        found.append(Row(p, q, link))
        i, j = left_at[p.id] + 1, right_at[q.id] + 1
    lone_left(len(left.passages))
    lone_right(len(right.passages))
    return found


@dataclass(frozen=True, slots=True)
class RowCounts:
    """How the two articles compare, row by row: pairs by relation, and passages alone."""

    by_relation: dict[str, int]
    only_left: int
    only_right: int


def row_counts(found: Sequence[Row]) -> RowCounts:
    by_relation: dict[str, int] = {}
    only_left = only_right = 0
    for row in found:
        if row.left is not None and row.right is not None and row.relation:
            by_relation[row.relation] = by_relation.get(row.relation, 0) + 1
        elif row.left is not None and row.elsewhere is None:
            only_left += 1
        elif row.right is not None and row.elsewhere is None:
            only_right += 1
        elif row.left is not None and row.relation:  # a pair shown apart counts once
            by_relation[row.relation] = by_relation.get(row.relation, 0) + 1
    return RowCounts(by_relation, only_left, only_right)
