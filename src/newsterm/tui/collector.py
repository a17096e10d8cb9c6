"""Full garbage collections put off while the reader is typing.

A full collection scans every object the app has made since it froze the corpus out of the
collector's sight (gc.freeze in MainScreen._loaded): Textual's widgets, caches and rendered
lines. About ten milliseconds here, and landing on a keypress it made the slowest keys. Young
collections go on as usual: they free most of the cycles a keypress leaves behind (a few
thousand objects per key, from Textual's rendering), so memory stays bounded however long the
keys keep coming. Only the full pass waits for a quiet moment, in the spirit of Textual's own
PAUSE_GC_ON_SCROLL, which pauses collection outright for the length of a scroll.
"""

from __future__ import annotations

import gc

_NEVER = 1 << 30  # a third-generation threshold no count of young collections reaches


class FullCollections:
    """`hold` on input, `release` when input has stopped; each is cheap to repeat."""

    def __init__(self) -> None:
        self._saved: tuple[int, ...] | None = None

    @property
    def held(self) -> bool:
        return self._saved is not None

    def hold(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle = self._saved[:2]
            gc.set_threshold(young, middle, _NEVER)

    def release(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
