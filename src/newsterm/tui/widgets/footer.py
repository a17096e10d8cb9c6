"""A footer that fits: the keys that do not fit the terminal's width are left out, not cut.

Textual's footer lays every shown key in one row and cuts the row at the right edge: at 80
columns, or at 120 with the source list focused (its "enter Open article" comes first), the
command palette's key was cut in half and help was gone. Here keys are taken in their order
(the table's, tui.actions) while they fit; help and the palette's key are always kept, since
they lead to every other key.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS = ("app.help", "help", "command_palette", "app.command_palette")
_KEY_CELLS = 3  # a key's padding either side and the space after its description
_PALETTE_CELLS = 2  # its border on the left and padding on the right


def key_width(key: FooterKey) -> int:
    """Cells a key takes in the footer's usual (not compact) style."""
    cells = len(key.key_display) + len(key.description) + _KEY_CELLS
    return cells + (_PALETTE_CELLS if key.has_class("-command-palette") else 0)


class FittingFooter(Footer):
    """Textual's footer, keeping only the keys that fit its width (see the module's note)."""

    def __init__(self) -> None:
        super().__init__()
        self._fitted_at = -1

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        room = self.size.width or self.app.size.width
        self._fitted_at = room
        yield from fitting(keys, room)

    def on_resize(self) -> None:
        if self._fitted_at not in (-1, self.size.width) and self.is_attached:
            self.call_after_refresh(self.recompose)


def fitting(widgets: list[Widget], room: int) -> list[Widget]:
    """The widgets that fit `room` cells, in order, those in ALWAYS first served."""
    kept: set[int] = set()
    used = 0
    for n, widget in enumerate(widgets):
        if isinstance(widget, FooterKey) and widget.action in ALWAYS:
            kept.add(n)
            used += key_width(widget)
    for n, widget in enumerate(widgets):
        if n in kept:
            continue
        width = key_width(widget) if isinstance(widget, FooterKey) else 0
        if isinstance(widget, FooterKey) and used + width > room:
            continue
        kept.add(n)
        used += width
    return [widget for n, widget in enumerate(widgets) if n in kept]
