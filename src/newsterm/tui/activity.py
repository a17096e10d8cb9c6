"""When the reader last touched the keyboard or mouse, so background work can give way.

Badges for every story are computed in a thread while the reader browses. Python threads share
one interpreter lock, so a busy background thread roughly doubles the time a keypress takes to
answer. Background work therefore waits for a quiet moment between stories: it costs a reader
nothing to have the badges a fraction of a second later, and a sluggish key costs a lot.
"""

from __future__ import annotations

import time
from collections.abc import Callable

QUIET = 0.3  # seconds without input before background work resumes
_POLL = 0.05


class Activity:
    """The time of the latest input event; read from worker threads, written by the app."""

    def __init__(self) -> None:
        self.last = 0.0

    def touch(self) -> None:
        self.last = time.monotonic()

    def wait_until_quiet(self, stop: Callable[[], bool], quiet: float = QUIET) -> bool:
        """Block until there has been no input for `quiet` seconds; False if told to stop."""
        while time.monotonic() - self.last < quiet:
            if stop():
                return False
            time.sleep(_POLL)
        return not stop()
