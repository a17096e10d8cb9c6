"""Where the cursor goes next: pure functions over a story's passages and their marks.

Kept apart from the widgets so that "next conflict" means the same thing for a key, the command
palette and a test, and can be checked without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsterm.model import Passage

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus


def story_passages(corpus: Corpus, story_id: str) -> list[Passage]:
    """Every passage of a story in reading order: article by article, top to bottom."""
    return [p for article in corpus.story_articles(story_id) for p in article.passages]


def find_next(
    passages: Sequence[Passage],
    status_of: Callable[[str], str],
    current: str | None,
    wanted: str,
    *,
    forward: bool = True,
    wrap: bool = True,
) -> Passage | None:
    """The next passage (wrapping around the story, unless not `wrap`) whose mark is `wanted`.

    Starting from the current passage rather than the top means repeated presses walk through
    every conflict once before coming back, the way `n` does in a pager.
    """
    if not passages:
        return None
    ids = [p.id for p in passages]
    start = ids.index(current) if current in ids else (-1 if forward else len(passages))
    step = 1 if forward else -1
    count = len(passages)
    for offset in range(1, count + 1):
        index = start + step * offset
        if not wrap and not 0 <= index < count:
            return None
        candidate = passages[index % count]
        if status_of(candidate.id) == wanted:
            return candidate
    return None


def in_other_stories(
    corpus: Corpus, listed: Sequence[str], story_id: str, wanted: str, *, forward: bool = True
) -> Passage | None:
    """The first passage marked `wanted` in the next story of the list (the previous one going
    back, wrapping) whose comparison is done. A story not compared yet is passed over rather
    than compared now: a key must not wait seconds on a big story. So `n` walks a whole pile,
    where within a story without conflicts it had nowhere to go."""
    order = list(listed)
    if story_id in order:
        k = order.index(story_id)
        order = [*order[k + 1 :], *order[:k]]
    if not forward:
        order.reverse()
    for other in order:
        alignment = corpus.cached_alignment(other)
        if alignment is None:
            continue
        passages = story_passages(corpus, other)
        found = find_next(passages, alignment.status, None, wanted, forward=forward)
        if found is not None:
            return found
    return None


def neighbour_article(article_ids: Sequence[str], current: str, step: int) -> str | None:
    """The previous or next article of a story, wrapping; None when the story has one."""
    if len(article_ids) < 2 or current not in article_ids:
        return None
    return article_ids[(article_ids.index(current) + step) % len(article_ids)]
