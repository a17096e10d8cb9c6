"""Average linkage: after a cut, the parts stay apart while a left-out fragment joins its event."""

from __future__ import annotations

from newsterm.corpus.linkage import average_linkage

# The threshold the example's weights are drawn around (grouping tunes its own, MERGE_MIN).
MERGE_MIN = 0.18


def test_parts_of_a_cut_group_stay_apart_while_a_fragment_joins_its_event() -> None:
    """After a cut, groups are merged again: reports of one event left out of the first pass
    (8, 9) join the part they belong to, while the two parts, as alike as ever on words, do not
    fall back together."""
    first, second, fragment = [0, 1, 2, 3], [4, 5, 6, 7], [8, 9]
    edges: dict[int, dict[int, float]] = {k: {} for k in range(10)}

    def link(xs: list[int], ys: list[int], weight: float) -> None:
        for x in xs:
            for y in ys:
                if x != y:
                    edges[x][y] = edges[y][x] = weight

    link(first, first, 0.5)
    link(second, second, 0.5)
    link(fragment, fragment, 0.5)
    link(first, second, 0.3)  # two events of one kind: told in the same words
    link(fragment, first, 0.3)
    link(fragment, second, 0.05)
    merged = average_linkage(
        10, edges, MERGE_MIN, start=[first, second, fragment], family=[0, 0, 1]
    )
    assert merged == [[0, 1, 2, 3, 8, 9], [4, 5, 6, 7]]
    # In the first pass the two events are one group, and the fragment, like only half of it,
    # averages too little to join: it is the cut that lets it in.
    assert average_linkage(10, edges, MERGE_MIN) == [list(range(8)), [8, 9]]
