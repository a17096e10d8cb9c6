"""The executor the app's thread workers run in: results as usual, and a bounded wait at quit."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from newsterm.tui.threads import WorkerThreads, finishing

pytestmark = pytest.mark.asyncio


async def test_results_and_errors_come_back_as_from_any_executor() -> None:
    threads = WorkerThreads()
    loop = asyncio.get_running_loop()
    try:
        assert await loop.run_in_executor(threads, sum, [1, 2, 3]) == 6
        with pytest.raises(ZeroDivisionError):
            await loop.run_in_executor(threads, divmod, 1, 0)
        thread = await loop.run_in_executor(threads, threading.current_thread)
        assert thread.daemon  # never joined when the interpreter exits
    finally:
        threads.shutdown()
    assert threads.running == 0


async def test_at_most_max_workers_run_at_once() -> None:
    threads = WorkerThreads(max_workers=2)
    loop = asyncio.get_running_loop()
    lock = threading.Lock()
    running, most = 0, 0

    def task() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1

    try:
        await asyncio.wait_for(
            asyncio.gather(*(loop.run_in_executor(threads, task) for _ in range(6))), 10
        )
    finally:
        threads.shutdown()
    assert most == 2


async def test_shutdown_gives_up_on_a_thread_that_cannot_stop() -> None:
    """A quit waits `grace` for work that does not end, then leaves it to end with the process,
    and no outcome is handed to a loop that may be closed by then."""
    threads = WorkerThreads(grace=0.2, finishing_grace=0.2)
    release = threading.Event()
    loop = asyncio.get_running_loop()
    future = threads.submit(release.wait, 30)
    try:
        started = time.monotonic()
        await asyncio.to_thread(threads.shutdown)
        assert 0.15 < time.monotonic() - started < 2.0
        assert threads.running == 1
        with pytest.raises(RuntimeError):
            loop.run_in_executor(threads, time.sleep, 0)  # no new work after shutdown
    finally:
        release.set()
    await asyncio.sleep(0.2)
    assert threads.running == 0 and not future.done()


async def test_work_that_must_finish_is_given_longer() -> None:
    """A file being written (the cache) runs inside `finishing()`: waited for up to
    `finishing_grace`, so that it ends whole or removed, never cut off midway."""
    threads = WorkerThreads(grace=0.05, finishing_grace=5.0)
    ended = threading.Event()

    def write() -> None:
        with finishing():
            time.sleep(0.4)
            ended.set()

    threads.submit(write)
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await asyncio.to_thread(threads.shutdown)
    assert ended.is_set() and time.monotonic() - started < 4.0
