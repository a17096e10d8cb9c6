"""An OptionList for panes whose options change on every keypress.

A plain OptionList asks for a layout pass over the whole screen whenever its content height
changes, and its scrollbar appearing or disappearing asks for another; together they cost more
than everything else a keypress does. A pane whose height is set by the layout (`1fr`) and whose
scrollbar is always shown (`overflow-y: scroll` in the stylesheet) needs neither: OptionList
updates the scrollbar itself when its lines change.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """Give it a height from the layout and `overflow-y: scroll`, or it will not resize."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
