"""The app and its factory: one way to build it, shared by the CLI, the Pilot and snapshot tests.

Quitting ends the process within a second or two whatever is running: `q`, Ctrl+C (unless it
copies a selection), SIGTERM, SIGHUP and SIGINT all leave through Textual's exit, which restores
the terminal and cancels the workers; their threads (tui.threads) are waited for briefly.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.timer import Timer

from newsterm.model import LoadError
from newsterm.tui import actions
from newsterm.tui import settings as saved
from newsterm.tui.activity import QUIET, Activity
from newsterm.tui.collector import FullCollections
from newsterm.tui.commands import NewstermCommands
from newsterm.tui.screens.help import HelpScreen
from newsterm.tui.screens.main import MainScreen
from newsterm.tui.threads import WorkerThreads

_INPUT = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
# Signals that end the app as `q` does. Unhandled, SIGTERM and SIGHUP killed it with the terminal
# left in raw mode and the alternate screen, and SIGINT raised KeyboardInterrupt wherever the main
# thread stood. In the app Ctrl+C is a key, not SIGINT, since Textual turns the terminal's signal
# keys off.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)
# Seconds a signalled app has to end its own way before the process is ended outright. Its own
# way takes one or two (tui.threads' graces). When the terminal was closed under it, though,
# Textual's output thread can die on the hung-up terminal and its restore then waits forever on
# the thread's full queue: one closed window in ten left a process running.
EXIT_DEADLINE = 5.0
# Seconds instead when the terminal is already gone (a window closed: SIGHUP after the hang-up).
# There is nothing to restore, and the place in the pile is saved within milliseconds of the
# loop's turn (NewstermApp.exit).
GONE_DEADLINE = 1.0


def terminal_gone(fd: int) -> bool:
    """Whether the terminal on `fd` has hung up: a write of nothing to it fails with EIO (or
    the descriptor is no longer there), where a live one takes the nothing and says so."""
    try:
        os.write(fd, b"")
    except OSError as error:
        return error.errno in (errno.EIO, errno.ENXIO, errno.EBADF)
    return False


def arm_exit_deadline(
    status: int, seconds: float = EXIT_DEADLINE, end: Callable[[int], object] = os._exit
) -> threading.Timer:
    """End the process with `status` in `seconds` unless it has ended by then: a daemon timer,
    which the process does not wait for when it ends first. The place in the pile is saved
    before the app's exit begins (NewstermApp.exit), so nothing the reader needs is lost."""
    timer = threading.Timer(seconds, end, (status,))
    timer.daemon = True
    timer.name = "newsterm-exit-deadline"
    timer.start()
    return timer


if TYPE_CHECKING:
    from newsterm.corpus.forked_build import ForkedBuild
    from newsterm.ingest.fetch import FetchOptions


class NewstermApp(App[tuple[LoadError, ...]]):
    """Small on purpose: the main screen owns the corpus, the keys and the work. Its result,
    when nothing at all could be read, is why, source by source."""

    CSS_PATH = "newsterm.tcss"
    TITLE = "newsterm"
    COMMANDS = App.COMMANDS | {NewstermCommands}
    COMMAND_PALETTE_BINDING = actions.palette_key()
    BINDINGS = actions.bindings("app")  # the keys, like the screen's, come from tui.actions

    def __init__(
        self,
        sources: Sequence[str] | None = None,
        *,
        cache: bool = False,
        fetch: FetchOptions | None = None,
        forked: ForkedBuild | None = None,
    ) -> None:
        super().__init__()
        self.sources = list(sources) if sources else None
        self.cache = cache
        self.fetch = fetch
        self.forked = forked
        self.activity = Activity()
        self.full_collections = FullCollections()
        self._collect_later: Timer | None = None
        self._stopping = False
        self._deadline: threading.Timer | None = None
        self.settings = saved.Settings()  # read in on_mount (tui.settings)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app, in the terminal (the CLI) or headless (snapshot tests); Textual's run."""
        try:
            return super().run(*args, **kwargs)
        finally:
            if not kwargs.get("headless"):  # a headless app's process goes on: tests
                self._default_stop_signals()
                self._end_quietly()

    @staticmethod
    def _end_quietly() -> None:
        """What is left of a process whose app has ended, made short and quiet."""
        # As the process ends, Python collects every object it can still see. Quit while a big
        # pile is being built, nothing is frozen yet, and that took three seconds on all of
        # Reuters. Frozen, it takes half a second (see MainScreen._loaded for the freeze after
        # the load).
        gc.freeze()
        # The terminal is back in its usual mode, where Ctrl+C is SIGINT again. Pressed in that
        # half second it would print a KeyboardInterrupt traceback.
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)

    def on_load(self) -> None:
        # Before the first worker starts: the threads that quitting need not wait for.
        asyncio.get_running_loop().set_default_executor(WorkerThreads())

    async def on_event(self, event: events.Event) -> None:
        # Every key and click, whoever handles it, tells background work to give way, and
        # full garbage collections to wait until the reader pauses (see tui.collector).
        if isinstance(event, _INPUT):
            self.activity.touch()
            self.full_collections.hold()
            if self._collect_later is None:
                self._collect_later = self.set_timer(QUIET, self._quiet)
            else:
                self._collect_later.reset()
        await super().on_event(event)

    def _quiet(self) -> None:
        self._collect_later = None  # a one-shot timer cannot be reset once it has fired
        self.full_collections.release()

    def on_unmount(self) -> None:
        self.full_collections.release()  # an app run in tests must not leave them off

    def on_mount(self) -> None:
        self._handle_stop_signals()
        self.settings = saved.load()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        main = MainScreen(
            self.sources,
            self.activity,
            cache=self.cache,
            settings=self.settings,
            fetch=self.fetch,
            forked=self.forked,
        )
        self.push_screen(main)

    def _keep_theme(self, _theme: object) -> None:
        """A theme chosen (in the command palette) is the theme of the next run too."""
        if self.settings.theme != self.theme:
            self.settings.theme = self.theme
            saved.save(self.settings)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit (q, Ctrl+C, a signal) with the reader's place in the pile saved first."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.save_place()
        super().exit(*args, **kwargs)

    def _handle_stop_signals(self) -> None:
        """In a real terminal, SIGTERM, SIGHUP and SIGINT quit the app (see `stop_on_signal`).
        A test's app leaves the signals of the process that runs it alone. So does an app run
        outside the main thread, where signals cannot be handled.

        The handler is Python's own rather than the loop's: it runs at once in the main
        thread, even while that thread is busy with the pile, so the exit deadline starts when
        the signal comes; the loop's would start it only once the loop is free again."""
        if self.is_headless or threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()

        output = sys.__stderr__.fileno() if sys.__stderr__ else 2  # where Textual draws

        def on_signal(signum: int, _frame: object) -> None:
            if self._deadline is None:
                seconds = GONE_DEADLINE if terminal_gone(output) else EXIT_DEADLINE
                self._deadline = arm_exit_deadline(128 + signum, seconds)
            # A closed loop (the app is ending already) refuses the call: the deadline ends it.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self.stop_on_signal, signum)

        for signum in STOP_SIGNALS:
            signal.signal(signum, on_signal)

    @staticmethod
    def _default_stop_signals() -> None:
        """Once the app has ended there is no loop to quit through: a signal ends the process
        as it would have without the app (SIGINT is ignored: see `_end_quietly`)."""
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                signal.signal(signum, signal.SIG_DFL)

    def stop_on_signal(self, signum: int) -> None:
        """Quit as `q` does, with the status a shell gives a process ended by the signal (128 +
        its number: 143 for SIGTERM), and within EXIT_DEADLINE seconds even if the terminal has
        gone (see `_handle_stop_signals`). A second signal while the app quits changes
        nothing."""
        if self._stopping:
            return
        self._stopping = True
        self.exit(return_code=128 + signum)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        if any(isinstance(s, MainScreen) for s in self.screen_stack):
            self.push_screen(HelpScreen())

    @property
    def main_screen(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))


def make_app(
    sources: Sequence[str] | None = None,
    *,
    cache: bool = False,
    fetch: FetchOptions | None = None,
    forked: ForkedBuild | None = None,
) -> NewstermApp:
    """The app on the given sources (files, folders, URLs of pages and feeds), or on the
    bundled seeds when None; with `cache`, a corpus built before from the same sources is read
    from disk (newsterm.corpus.cache); URLs are fetched with `fetch`'s options. `forked`: the
    corpus of the sources being built in a forked process (newsterm.corpus.forked_build)."""
    return NewstermApp(sources, cache=cache, fetch=fetch, forked=forked)
