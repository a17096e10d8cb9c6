"""A Static that repaints only when its text changes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TextPanel(Static):
    """Moving the cursor re-sends the same heading and summary most of the time; an update
    costs a layout pass over the whole screen, so an unchanged text (same words, same styles)
    is not sent again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Text | None = None

    def show(self, text: Text) -> None:
        if text != self._shown:
            self._shown = text
            self.update(text)
