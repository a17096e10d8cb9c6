"""Work split over several CPUs by forked processes that inherit what they read.

A task that reads a big structure built in memory (a pile's index, its articles) and turns
small items into small results splits cleanly over CPUs, if the structure need not be sent:
forked workers inherit it instead of receiving a copy, and send back only their results. The
callers (story grouping, an export's alignments) keep results in item order, or put them back
in it, so the outcome is the same as in one process.

Forking is only safe in a process that runs no other threads, so this is for the command line
(`newsterm export`, and the app's build, forked before the app starts a thread: see
newsterm.corpus.forked_build), never from the app's own threads; and only where the platform
forks (Linux), since a spawned worker would have to rebuild or unpickle the corpus first.

Workers never decide to stop on their own: Ctrl+C reaches the whole process group, and a worker
that took it as a KeyboardInterrupt would print a traceback of its own. So workers ignore SIGINT
and die quietly on SIGTERM (what `Pool.terminate` sends), and the parent, stopped by the signal
(see newsterm.support.interrupts), terminates and joins them on its way out: the pool ends with
the generator, and `stop_workers` ends any pool still open. A worker whose parent is killed
outright (SIGKILL) is sent SIGTERM by the kernel rather than left running.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from newsterm.support.interrupts import STOP_SIGNALS, signals_held

MAX_WORKERS = 8

# The task forked workers run (see forked_map): set just before the pool forks, cleared after.
# Inherited, so it need not be picklable, nor what it reads (the corpus, the index).
_TASK: Callable | None = None
# The process that forked the workers, so a worker can tell it was orphaned before it started.
_PARENT = 0
# Pools forked_map has running, so that an interrupt can end them wherever it arrives.
_POOLS: list[multiprocessing.pool.Pool] = []
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

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


def _start_worker() -> None:
    """Each worker's first act: leave stopping to the parent (see the module's docstring).

    The worker was forked with SIGINT and SIGTERM held (see forked_map), so no signal can reach
    it before these dispositions are in place; they are released last."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux, or no prctl: only SIGKILL can orphan us
        pass
    if os.getppid() != _PARENT:  # the parent died before prctl took effect
        os._exit(1)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def stop_workers() -> None:
    """Terminate and join every pool still running: for an interrupt that arrived while the
    caller of forked_map, not the generator, was running (the generator, suspended, would
    otherwise keep its pool until it is closed or collected)."""
    while _POOLS:
        _POOLS.pop().terminate()


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
    global _TASK, _PARENT
    _TASK, _PARENT = task, os.getpid()
    context = multiprocessing.get_context("fork")
    try:
        # Workers inherit the signal mask: held, no signal lands before _start_worker is done,
        # and none lands here before the pool is registered for stop_workers.
        with signals_held():
            pool = context.Pool(workers, initializer=_start_worker)
            _POOLS.append(pool)
        try:
            mapper = pool.imap if in_order else pool.imap_unordered
            yield from mapper(_run_task, items, chunksize=chunksize)
        finally:
            if pool in _POOLS:
                _POOLS.remove(pool)
            pool.terminate()  # kills and joins the workers (a no-op if stop_workers did)
    finally:
        _TASK = None
