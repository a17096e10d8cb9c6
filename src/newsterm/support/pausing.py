"""Long engine work that can step aside for a reader, and be called off.

The app does its background work (comparing every story for the badges, writing the cache) in
threads, and Python threads share one interpreter lock: a thread busy for a second makes every
key pressed in that second wait. So the long loops of the engine take a `pause` callable and
call it between small pieces of work. The app's pause blocks while the reader is typing and
returns False once the work is no longer wanted; the loop then raises `Cancelled`. Without a
pause (the CLI, the API) nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable

Pause = Callable[[], bool]


class Cancelled(Exception):
    """A pause said the work is no longer wanted."""


def step(pause: Pause | None) -> None:
    """Give way between two pieces of work; raise Cancelled if told to stop."""
    if pause is not None and not pause():
        raise Cancelled
