"""Running out of memory ends a command-line run with one line, not a traceback.

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
