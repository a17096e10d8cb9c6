"""A progress bar on stderr for long command-line runs; silent when stderr is not a terminal.

Written by hand rather than with Rich so that the engine and the CLI's export path stay free of
UI libraries. It redraws at most ten times a second, so it costs nothing measurable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_LABELS = {
    "reading": "Reading",
    "indexing": "Indexing",
    "grouping": "Grouping stories",
    "aligning": "Cross-referencing",
    "exporting": "Writing report",
    "cache": "Checking the cache",
    "saving": "Saving to the cache",
}


class ProgressBar:
    """Callable as `progress(stage, done, total)`; call `close()` to clear the line."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._last = 0.0
        self._drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != total:
            return
        self._last = now
        label = _LABELS.get(stage, stage)
        if total:
            width = 30
            filled = int(width * done / total)
            bar = "█" * filled + "░" * (width - filled)
            line = f"{label:<18} {bar} {done:,}/{total:,}"
        else:
            line = f"{label}…"
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
