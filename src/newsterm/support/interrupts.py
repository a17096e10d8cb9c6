"""Stopping a command-line run on Ctrl+C or SIGTERM: at once, quietly, and tidily.

Python turns SIGINT into a KeyboardInterrupt that ends in a traceback, and SIGTERM kills the
process where it stands, leaving forked workers and temporary files behind. A command instead
runs inside `stopping_on_signals()`: either signal raises `Interrupted` in the main thread, which
unwinds through every `finally` (temporary files removed, worker pools terminated) up to the
command, which says so in one line and exits with `exit_status()`. Further signals are ignored
while that cleanup runs, so a second Ctrl+C cannot cut it short.

`signals_held()` keeps the signals waiting for the few statements that must not be split (a
temporary file created and remembered, a rename and the removal that follows it); they are
delivered as soon as it ends.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: stop now, cleaning up on the way out.

    A KeyboardInterrupt, so that code written for Ctrl+C treats SIGTERM alike, and a
    BaseException, so that no `except Exception` in the work swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_status(signum: int) -> int:
    """The shell's convention for a run ended by a signal: 128 + its number (130 for SIGINT,
    143 for SIGTERM)."""
    return 128 + signum


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within this block, SIGINT and SIGTERM raise `Interrupted` (once; later ones are ignored
    so the cleanup runs to its end). The previous handlers come back afterwards. Outside the
    main thread, where Python cannot set handlers, it changes nothing."""
    if not _in_main_thread():
        yield
        return

    def ignore(_signum: int, _frame: FrameType | None) -> None:
        """A second signal while the first one's cleanup runs: let the cleanup finish."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        for each in STOP_SIGNALS:
            signal.signal(each, ignore)
        raise Interrupted(signum)

    previous = {each: signal.signal(each, stop) for each in STOP_SIGNALS}
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the duration of the block, then deliver any that came.

    Only the main thread runs Python's signal handlers, so only there can a signal split the
    block; elsewhere this does nothing."""
    if not _in_main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
