"""Running out of memory ends a command-line run with one line, not a traceback; and stretches
that build millions of objects, none of them garbage, go without the garbage collector.

A pile too big for the memory a process may have (a container's limit, `ulimit -v`, a small
machine) raises MemoryError wherever the next allocation happens, usually deep in building the
index. Python would print a traceback naming that place, which tells a reader nothing they can
act on. The run instead unwinds (temporary files removed, worker processes stopped on the way,
as for Ctrl+C), the traceback is let go so that what the work held is freed before anything is
printed, and one line says what happened and what to try; the exit status is 1.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

OUT_OF_MEMORY = (
    "out of memory: these sources need more than this process may use "
    "(read fewer at a time, or raise the limit)"
)


@contextmanager
def out_of_memory_ends_run(warn: Callable[[str], None]) -> Iterator[None]:
    """Within this block, MemoryError becomes one line through `warn` and SystemExit(1)."""
    try:
        yield
    except MemoryError:
        pass  # leaving the handler drops the traceback, and with it the work's data
    else:
        return
    from newsterm.support.forking import stop_workers

    gc.collect()
    stop_workers()
    warn(OUT_OF_MEMORY)
    raise SystemExit(1)


@contextmanager
def collections_paused() -> Iterator[None]:
    """No garbage collection within this block (as it was after it).

    For stretches that build millions of objects at once, none of them garbage until the block
    is long over: reading a corpus back from the cache, building an export's JSON data. The
    collector would otherwise pass over them again and again as they are made, finding nothing
    (the JSON data of all of Reuters took 1.2 CPU s to build with it, 0.3 s without). Only for
    code that makes no reference cycles: none are collected meanwhile."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            # What the block made goes straight to the oldest generation, unexamined. Left in the
            # youngest, the next collection (in whichever thread allocates next) would pass over
            # all of it, and the middle generation's next one again: 0.3 CPU s after reading all
            # of Reuters from the cache. In the oldest it waits for a full collection, which its
            # arrival does not bring on (only survivors of the middle generation count).
            gc.freeze()
            gc.unfreeze()
            gc.enable()
