"""What the two views over one story's comparison share (the story view, side by side).

Each shows what comparing the story's sources found: when the story is not compared yet, it is
compared in a thread and the view drawn again once it is. Rows are wrapped to the list's width,
so the view is drawn again when that width changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.widgets import OptionList
from textual.worker import get_current_worker

from newsterm.support.pausing import Cancelled
from newsterm.tui.background import until_cancelled
from newsterm.tui.screens.once import OnceScreen

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

ResultT = TypeVar("ResultT")


class ComparedStoryScreen(OnceScreen[ResultT]):
    """A screen drawn from one story's comparison, at its list's width (`show`)."""

    corpus: Corpus
    _width = 0  # the list's width when last drawn; 0 until drawn from a comparison

    @property
    def compared_story(self) -> str:
        """The id of the story shown."""
        raise NotImplementedError

    def show(self) -> None:
        raise NotImplementedError

    def compare_if_needed(self) -> bool:
        """Start comparing the story unless it is compared already; whether it was."""
        if self.corpus.cached_alignment(self.compared_story) is not None:
            return True
        self._align()
        return False

    @work(thread=True, exclusive=True, group="compare-story", exit_on_error=False)
    def _align(self) -> None:
        try:
            self.corpus.alignment(self.compared_story, until_cancelled(get_current_worker()))
        except Cancelled:
            return
        self.app.call_from_thread(self.show)

    def listing(self) -> OptionList | None:
        """The view's list; None once the view is closed. A draw can come after that: one
        asked for after a refresh runs on whichever screen is on top when the request is
        handled, and a comparing thread ends when it ends."""
        found = self.query(OptionList)
        return found.first() if found else None

    def on_resize(self) -> None:
        listing = self.listing()
        width = listing.scrollable_content_region.width if listing else 0
        if self._width and width and width != self._width:
            self.show()

    def action_close(self) -> None:
        self.dismiss(None)  # None: each view's "nothing chosen"

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()
