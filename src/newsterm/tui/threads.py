"""The threads the app's workers run in: quitting never waits long for them.

Textual runs a thread worker in the event loop's default executor. Python's default is a
ThreadPoolExecutor, and the process joins its threads with no time limit twice: when the loop
shuts down and again at exit. Quitting during the load of all of Reuters cleared the screen and
then waited over a minute for the load to finish. Ctrl+C in that wait printed a traceback.

The engine's long loops stop at their next step once the worker is cancelled (see
newsterm.support.pausing), so a quit usually waits milliseconds. Some steps cannot be cut,
though: a big file is read whole (two seconds for all of Reuters), and the last passes of
grouping take a second on a big pile. So this executor bounds the wait. At shutdown it gives its
threads GRACE seconds to finish and abandons the rest. They are daemon threads, and the process
does not wait for them at exit. Work that must not be cut off midway, such as writing a file,
runs inside `finishing()`. Such work is given FINISHING_GRACE seconds instead, so it can end
cleanly.
"""

from __future__ import annotations

import functools
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

# Seconds a quit waits for work that could not stop sooner: time enough for a cancelled loop to
# reach its next step (milliseconds apart). Anything still running after that is abandoned as
# the process ends: the reading of one big file, say, or grouping's last passes.
GRACE = 0.5
# Seconds a quit waits for work in `finishing()`. The longest such work is a cache write told to
# stop, which finishes what it was given for tui.background.SAVE_GRACE (half a second), then
# the piece it is in (up to a second on all of Reuters), and then removes its file.
FINISHING_GRACE = 2.0

_finishing: set[threading.Thread] = set()
_finishing_guard = threading.Lock()


@contextmanager
def finishing() -> Iterator[None]:
    """Within this block, the calling thread's work is waited for up to FINISHING_GRACE at quit
    rather than GRACE: it writes a file, say, and is told to stop through its own pause."""
    thread = threading.current_thread()
    with _finishing_guard:
        _finishing.add(thread)
    try:
        yield
    finally:
        with _finishing_guard:
            _finishing.discard(thread)


Result = TypeVar("Result")
Params = ParamSpec("Params")


class WorkerThreads(ThreadPoolExecutor):
    """A thread per task, at most `max_workers` running at once, never joined for longer than
    `grace` seconds at shutdown.

    It subclasses ThreadPoolExecutor only because asyncio accepts nothing else as a loop's
    default executor. It overrides `submit` and `shutdown` and uses none of the pool's own
    threads."""

    def __init__(
        self,
        max_workers: int | None = None,
        grace: float = GRACE,
        finishing_grace: float = FINISHING_GRACE,
    ) -> None:
        super().__init__(max_workers)  # the pool starts no thread of its own until submit
        self.grace = grace
        self.finishing_grace = finishing_grace
        self._slots = threading.BoundedSemaphore(self._max_workers)
        self._guard = threading.RLock()
        self._alive: set[threading.Thread] = set()
        self._closed = False
        self._numbers = itertools.count(1)

    def submit(
        self, fn: Callable[Params, Result], /, *args: Params.args, **kwargs: Params.kwargs
    ) -> Future[Result]:
        future: Future[Result] = Future()
        with self._guard:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
            thread = threading.Thread(
                target=self._run,
                args=(future, fn, args, kwargs),
                name=f"newsterm-worker-{next(self._numbers)}",
                daemon=True,  # never joined at exit: see the module's docstring
            )
            self._alive.add(thread)
        thread.start()
        return future

    def _run(
        self,
        future: Future[Result],
        fn: Callable[..., Result],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        try:
            with self._slots:
                # A task still waiting for a slot when the app quit is not started at all.
                if self._closed or not future.set_running_or_notify_cancel():
                    return
                try:
                    result = fn(*args, **kwargs)
                except BaseException as error:
                    self._settle(functools.partial(future.set_exception, error))
                else:
                    self._settle(functools.partial(future.set_result, result))
        finally:
            with self._guard:
                self._alive.discard(threading.current_thread())

    def _settle(self, settle: Callable[[], None]) -> None:
        """Hand the outcome over, unless the executor was shut down. Then the loop that asked
        for it may be closed already. Its callback would fail, and concurrent.futures would
        print that failure's traceback at exit."""
        with self._guard:
            if not self._closed:
                settle()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Take no more tasks; with `wait`, give the running ones up to `grace` seconds, and
        those in `finishing()` up to `finishing_grace`."""
        with self._guard:
            self._closed = True
            threads = list(self._alive)
        if not wait:
            return
        start = time.monotonic()
        for thread in threads:
            thread.join(max(0.0, start + self.grace - time.monotonic()))
        for thread in threads:
            with _finishing_guard:
                if thread not in _finishing:
                    continue
            thread.join(max(0.0, start + self.finishing_grace - time.monotonic()))

    @property
    def running(self) -> int:
        """Threads whose task has not returned yet, abandoned ones included."""
        with self._guard:
            return len(self._alive)
