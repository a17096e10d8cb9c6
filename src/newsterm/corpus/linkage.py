"""Average-linkage clustering over sparse similarity edges: how story grouping forms groups.

Average linkage, not single linkage: one loosely related item cannot chain two groups together,
since a merge needs the two groups alike on average over all their pairs. Edges are sparse (only
pairs that share something are linked), so the cost follows the links, not the square of the
number of items. Knows nothing of articles: items are numbers.
"""

from __future__ import annotations

import heapq


def average_linkage(
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
