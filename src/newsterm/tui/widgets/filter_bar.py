"""The filter field above the source list, and the line under it saying what is listed.

Typing is debounced: the list follows a pause in typing (DEBOUNCE), not every keystroke, so
that a fast typist on a pile of 13,000 stories is never waiting for lists they have typed past.

The field is out of the tab order: tab moves between panes, and a reader who tabs through the
sources would otherwise land in a text field where `q` and `j` are letters. `f` (or a click)
opens it; enter or ↓ goes back to the list with the filter kept, escape clears it.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from newsterm.tui import actions
from newsterm.tui.finding import SORT_NAMES, Sort

DEBOUNCE = 0.15  # seconds of quiet typing before the list follows
PLACEHOLDER = "f filter: words outlet: from: to: has:conflicts"


class FilterInput(Input):
    """The field: focusable only once opened (f, a click), so tab passes it by."""

    BINDINGS = actions.bindings("filter")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self.opened = False

    def allow_focus(self) -> bool:
        return self.opened and super().allow_focus()

    def open(self) -> None:
        self.opened = True
        self.focus()

    def on_blur(self) -> None:
        self.opened = False

    def on_mouse_down(self, _event: events.MouseDown) -> None:
        if not self.opened:
            self.open()

    def action_keep(self) -> None:
        """Back to the list with the filter as typed (applied at once, not after the pause)."""
        self.post_message(FilterBar.Leave(clear=False))

    def action_clear(self) -> None:
        self.post_message(FilterBar.Leave(clear=True))


class FilterBar(Vertical):
    """The field and the status line; tells its pane when the query settles or the reader
    leaves the field."""

    class Changed(Message):
        """The query the list should show, typing having paused."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Leave(Message):
        """The reader is done with the field: back to the list (`clear`: without a filter)."""

        def __init__(self, *, clear: bool) -> None:
            super().__init__()
            self.clear = clear

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._settle: Timer | None = None
        self._status: tuple[tuple[str, ...], Sort, bool, str] | None = None

    def compose(self) -> ComposeResult:
        yield FilterInput(id="filter-input")
        yield Static(id="filter-status", markup=False)

    @property
    def input(self) -> FilterInput:
        return self.query_one(FilterInput)

    @property
    def settling(self) -> bool:
        """Typing has not paused long enough yet for the list to follow."""
        return self._settle is not None

    @property
    def text(self) -> str:
        return self.input.value

    def set_text(self, text: str) -> None:
        """Replace the query (a key that toggles a term); the list follows at once."""
        with self.input.prevent(Input.Changed):
            self.input.value = text
        self._cancel()
        self.post_message(self.Changed(text))

    @on(Input.Changed, "#filter-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._settle is None:
            self._settle = self.set_timer(DEBOUNCE, self._settled)
        else:
            self._settle.reset()

    def _settled(self) -> None:
        self._settle = None
        self.post_message(self.Changed(self.text))

    def _cancel(self) -> None:
        if self._settle is not None:
            self._settle.stop()
            self._settle = None

    @on(Leave)
    def _leave(self, event: Leave) -> None:
        pending = self._settle is not None
        self._cancel()
        if event.clear and self.text:
            self.set_text("")
        elif pending:
            self.post_message(self.Changed(self.text))
        self.input.opened = False

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()

    def show_status(
        self, counts: tuple[str, ...], sort: Sort, conflicts: bool, notes: str = ""
    ) -> None:
        """'↕ most outlets · ☐ ≠ only · 12 of 3,126 stories', or a shorter form of it where
        the list is narrow (`counts`: the counts' forms, longest first). The sort and the
        conflicts toggle are links (a click does what r and ! do). Our words only: nothing from
        an article goes in."""
        self._status = (counts, sort, conflicts, notes)
        room = self.size.width - 2  # the line's padding
        box = "☒" if conflicts else "☐"
        forms = [
            (SORT_NAMES[sort], " only", " · ", counts[0]),
            (sort, "", " · ", counts[min(1, len(counts) - 1)]),
            (sort, "", " ", counts[-1]),
        ]
        for name, only, gap, count in forms:
            if len(f"↕ {name}{gap}{box} ≠{only}{gap}{count}") <= room:
                break
        line = Content.from_markup(
            "[@click=screen.rank]↕ $name[/]$gap[@click=screen.conflicts_only]$box ≠$only[/]$gap",
            name=name,
            box=box,
            only=only,
            gap=gap,
        )
        content = Content.assemble(line, count)
        if notes:
            content = Content.assemble(content, "\n", Content.styled(notes, "italic"))
        self.query_one("#filter-status", Static).update(content)

    def on_resize(self) -> None:
        if self._status is not None:
            self.show_status(*self._status)
