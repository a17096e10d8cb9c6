"""Work split over several CPUs by forked processes that inherit what they read.

A task that reads a big structure built in memory (a pile's index, its articles) and turns
small items into small results splits cleanly over CPUs, if the structure need not be sent:
forked workers inherit it instead of receiving a copy, and send back only their results. The
callers (story grouping, an export's alignments) keep results in item order, or put them back
in it, so the outcome is the same as in one process.

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
from typing import TypeVar

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
