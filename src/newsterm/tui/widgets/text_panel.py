"""A Static that repaints only when its text changes, and relays out only when it must."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual.css.styles import RulesMap
from textual.visual import visualize
from textual.widgets import Static


class TextPanel(Static):
    """Moving the cursor re-sends the same heading and summary most of the time, and a layout
    pass over the whole screen costs more than everything else a keypress does. So an unchanged
    text (same words, same styles) is not sent again, and a text that wraps to as many lines as
    the one it replaces repaints in place: the panel's height cannot have changed."""

    def __init__(self, *, id: str | None = None, min_lines: int = 1) -> None:
        super().__init__(id=id)
        self._shown: Text | None = None
        self._lines = -1
        # Keep this many lines even for a shorter text (the stylesheet gives the same
        # min-height), so that texts of one or two lines do not each resize the panel.
        self._min_lines = min_lines

    def lines(self, text: Text) -> int:
        """Lines the text wraps to at the panel's width; -1 before the first layout."""
        width = self.content_size.width
        if width <= 0:
            return -1  # not laid out yet: the first layout measures it
        # A widget's styles serve as the rules mapping, as in Textual's own Widget; only the
        # annotation says otherwise.
        rules = cast(RulesMap, self.styles)
        return visualize(self, text, markup=False).get_height(rules, width)

    def show(self, text: Text, *, at_least: int = 0) -> int:
        """Show a text, padded to `at_least` lines: a caller that knows the tallest of the
        texts it will show in turn keeps the panel one height, so each repaints in place.
        Returns the lines the text itself takes (-1 before the first layout; 0 when an
        unchanged text was not measured again)."""
        lines: int | None = None
        own = 0
        if at_least:
            lines = own = self.lines(text)
            if 0 <= lines < at_least:
                text = text + Text("\n" * (at_least - lines))
                lines = at_least
        if text == self._shown:
            return own
        if lines is None:
            lines = own = self.lines(text)
        if lines >= 0:
            lines = max(lines, self._min_lines)
        same_height = lines >= 0 and lines == self._lines
        self._shown, self._lines = text, lines
        self.update(text, layout=not same_height)
        return own
