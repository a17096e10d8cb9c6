"""Comparing a pile's stories, and finding which articles are alike, on several CPUs, for exports.

Aligning every story is most of an export of a big pile, and each story is aligned on its own,
from the corpus alone, so the work splits cleanly. Finding each article's look-alikes, most of
grouping, reads the built index alone, one article at a time, and splits the same way. Worker
processes are forked: they inherit the built corpus instead of receiving a copy, and send back
only the alignments (a few megabytes for 19,000 articles) or the links found. The result is the
same as in one process, story for story, so exports stay byte-identical.

Forking is only safe in a process that runs no other threads, so this is for the command line
(`newsterm export`), never for the app; and only where the platform forks (Linux), since a
spawned worker would have to rebuild or unpickle the corpus first.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from newsterm.corpus import Corpus
    from newsterm.model import StoryAlignment

MIN_STORIES = 40  # below this, starting processes costs more than it saves
MAX_WORKERS = 8

# The task forked workers run (see forked_map): set just before the pool forks, cleared after.
# Inherited, so it need not be picklable, nor what it reads (the corpus, the index).
_TASK: Callable | None = None

Item = TypeVar("Item")
Result = TypeVar("Result")


def default_workers() -> int:
    """The CPUs this process may run on, up to MAX_WORKERS."""
    try:
        available = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        available = os.cpu_count() or 1
    return max(1, min(available, MAX_WORKERS))


def can_fork() -> bool:
    """Forking keeps its promises here: Linux, and no other thread that could hold a lock."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def align_stories(
    corpus: Corpus, story_ids: Sequence[str], workers: int
) -> Iterator[tuple[str, StoryAlignment]]:
    """(story id, alignment) for each story, as the workers finish them (any order)."""
    # Large stories first, so that no worker is left with a big one at the end.
    ordered = sorted(story_ids, key=lambda sid: -len(corpus.story(sid).article_ids))
    return forked_map(
        lambda sid: (sid, corpus.alignment(sid)), ordered, workers, in_order=False, chunksize=8
    )


def worth_it(story_ids: Sequence[str], workers: int) -> bool:
    return workers > 1 and len(story_ids) >= MIN_STORIES and can_fork()


def _run_task(item: object) -> object:
    assert _TASK is not None
    return _TASK(item)


def forked_map(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    in_order: bool = True,
    chunksize: int = 1,
) -> Iterator[Result]:
    """task(item) for each item, computed by `workers` forked processes: in the items' order,
    or as the workers finish them with `in_order=False`.

    The task and everything it reads are inherited when the pool forks, not sent; only items
    and results cross between processes, so both should be small. The caller checks
    can_fork() first.
    """
    global _TASK
    _TASK = task
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            mapper = pool.imap if in_order else pool.imap_unordered
            yield from mapper(_run_task, items, chunksize=chunksize)
    finally:
        _TASK = None
