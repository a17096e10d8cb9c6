"""Quitting ends the app at once, whatever it is doing.

A load of all of Reuters runs for a minute. The load, the comparisons in the background and
the cache write stop within moments of `q` or Ctrl+C, and a cache write cut short leaves
nothing behind. What a real terminal and real signals do is checked in tests/e2e/test_quit.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.worker import Worker

import newsterm.corpus.load
import newsterm.tui.background as background
import newsterm.tui.screens.main as main_screen
from newsterm.support.pausing import Cancelled, Pause, step
from newsterm.tui.activity import Activity
from newsterm.tui.app import arm_exit_deadline, make_app, terminal_gone

from .conftest import exited

pytestmark = pytest.mark.asyncio

BOUND = 20.0  # seconds any test here may take; each takes one or two


async def until(pilot: object, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.02)  # type: ignore[attr-defined]


class SlowStage:
    """A load stage that runs for half a minute unless its pause says no: grouping a big pile."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.ended = threading.Event()
        self.outcome = ""

    def __call__(
        self,
        articles: object,
        index: object,
        progress: object = None,
        workers: int = 1,
        pause: Pause | None = None,
    ) -> object:
        self.entered.set()
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                step(pause)
                time.sleep(0.01)
            self.outcome = "ran to its end"
            raise AssertionError("the stage was never called off")
        except Cancelled:
            self.outcome = "cancelled"
            raise
        finally:
            self.ended.set()


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
async def test_quitting_during_a_slow_load_calls_it_off_and_exits(
    pile: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    """`q`, or Ctrl+C with nothing selected (Textual 8 only says which key quits): the app
    exits, and the load's worker is cancelled and its thread ends within moments."""
    stage = SlowStage()
    monkeypatch.setattr(newsterm.corpus.load, "group_stories", stage)
    app = make_app([str(pile)])

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, stage.entered.is_set)
            (worker,) = [w for w in app.workers if w.group == "load"]
            await pilot.press(key)
            assert await exited(app), "the app is still running"
            assert worker.is_cancelled
        assert await asyncio.to_thread(stage.ended.wait, 2.0), "the load went on after quitting"

    await asyncio.wait_for(run(), BOUND)
    assert stage.outcome == "cancelled"
    assert app.return_code == 0


async def test_a_signal_quits_with_the_shells_status_for_it(ready, pile: Path) -> None:
    """SIGTERM, SIGHUP and SIGINT take the app's own way out (the handler is installed only in a
    real terminal; tests/e2e sends real signals): the status is 128 + the signal's number."""
    app = make_app([str(pile)])

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(app, pilot)
            app.stop_on_signal(signal.SIGTERM)
            app.stop_on_signal(signal.SIGHUP)  # a second signal while quitting changes nothing
            assert await exited(app)

    await asyncio.wait_for(run(), BOUND)
    assert app.return_code == 128 + signal.SIGTERM


def test_a_signalled_process_that_has_not_ended_by_the_deadline_is_ended() -> None:
    """The backstop for a terminal closed under the app (tests/e2e/test_quit.py): its own exit
    can hang on the gone terminal, and the deadline ends the process with the signal's status."""
    ended: list[int] = []
    done = threading.Event()

    def end(status: int) -> None:
        ended.append(status)
        done.set()

    timer = arm_exit_deadline(128 + signal.SIGHUP, seconds=0.05, end=end)
    assert timer.daemon, "the process would wait for the deadline at exit"
    assert done.wait(2.0)
    assert ended == [128 + signal.SIGHUP]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals")
def test_a_terminal_is_gone_once_its_window_has_closed() -> None:
    """A closed window is the master side of the app's pseudo-terminal closing: from then on
    the app's side is hung up, and the app gives itself GONE_DEADLINE rather than longer."""
    master, slave = os.openpty()
    try:
        assert not terminal_gone(slave)
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


async def test_the_workers_threads_are_not_waited_for_long_at_quit(pile: Path) -> None:
    """The loop's default executor, where Textual runs thread workers, is one that gives up on
    a thread after a short grace (tui.threads)."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)):
        loop = asyncio.get_running_loop()
        probe = await loop.run_in_executor(None, threading.current_thread)
        assert probe.daemon and probe.name.startswith("newsterm-worker-")


def _hold_the_save(patch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The background work's pause blocks from its first call until the app quits, so the app
    is always quit with a cache write under way (the background work saves first). Returns
    (saving, done): saving is set once the write has begun, done once the work has ended."""
    saving, done = threading.Event(), threading.Event()
    quiet_pause = main_screen.quiet_pause

    def held(activity: Activity, worker: Worker[None]) -> Pause:
        if worker.group != "badges":  # the side panel's warming, say
            return quiet_pause(activity, worker)

        def pause() -> bool:
            saving.set()
            while not worker.is_cancelled:
                time.sleep(0.01)
            return False

        return pause

    original = background.save_and_align

    def watched(*args: object) -> None:
        try:
            original(*args)  # type: ignore[arg-type]
        finally:
            done.set()

    patch.setattr(main_screen, "quiet_pause", held)
    patch.setattr(main_screen, "save_and_align", watched)
    return saving, done


@pytest.fixture
def big_pile(tmp_path: Path) -> Path:
    """A pile just big enough to be cached (newsterm.corpus.cache.MIN_ARTICLES)."""
    folder = tmp_path / "big"
    folder.mkdir()
    for n in range(110):
        (folder / f"{n:03d}.txt").write_text(
            f"Harbour report number {n}\n2024-05-0{1 + n % 9}\n\n"
            f"The ferry number {n} left the harbour at {n % 12 + 1} o'clock, officials said.\n",
            encoding="utf-8",
        )
    return folder


async def _start_again(ready: Callable[..., object], pile: Path) -> None:
    """The next start on the same pile, with the cache, opens it whole."""
    app = make_app([str(pile)], cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)  # type: ignore[misc]
        assert main.corpus is not None and len(main.corpus.articles) == 110


@pytest.mark.parametrize("grace", [0.0, 30.0])
async def test_quitting_during_a_cache_write_leaves_a_whole_cache_or_none(
    ready,
    big_pile: Path,
    private_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    grace: float,
) -> None:
    """A write is given SAVE_GRACE seconds after a quit. Either it is finished in that time, or
    it is abandoned and the file it began is removed. Never is a part left behind, and the next
    start is fine either way: from the cache, or built again."""
    monkeypatch.setattr(background, "SAVE_GRACE", grace)
    app = make_app([str(big_pile)], cache=True)

    async def run() -> bool:
        with pytest.MonkeyPatch.context() as patch:  # undone for the next start
            saving, done = _hold_the_save(patch)
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, saving.is_set)
                await pilot.press("q")
                assert await exited(app)
            assert await asyncio.to_thread(done.wait, 5.0), "the cache write went on"
        assert not [p for p in private_cache.rglob("*") if p.name.endswith(".part")]
        cached = newsterm.corpus.load.load([big_pile], cache=True, save=False).in_cache
        await _start_again(ready, big_pile)
        return cached

    cached = await asyncio.wait_for(run(), BOUND)
    assert cached == (grace > 0), "a finished write is read; an abandoned one left nothing"
