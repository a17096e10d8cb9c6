"""A progress bar on stderr for long command-line runs; silent when stderr is not a terminal.

Written by hand rather than with Rich so that the engine and the CLI's export path stay free of
UI libraries. It redraws at most ten times a second, so it costs nothing measurable.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import TextIO


class ProgressBar:
    """Callable as `progress(stage, done, total)`; call `close()` to clear the line. `labels`
    says how each stage reads on the line (a stage without one is shown as named)."""

    def __init__(
        self,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.labels = labels or {}
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
        label = self.labels.get(stage, stage)
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
