"""The main screen's keys for finding the stories that matter in a pile: filter and sort the
source list, see a story whole, put two of its sources side by side.

A base class of the main screen, so that these actions are the screen's (its bindings, the
footer, the help screen and the palette reach them from tui.actions like any other) while the
main screen's module stays about reading. What it needs of the main screen is declared here and
provided there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from newsterm.model import Passage
from newsterm.tui.finding import Outlet, pile_outlets
from newsterm.tui.screens.compare import CompareScreen, default_pair, mark_styles
from newsterm.tui.screens.problems import ProblemsScreen
from newsterm.tui.screens.story import Choice, StoryScreen
from newsterm.tui.widgets.source_pane import SourcePane

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

NOT_YET = "Stories are still being formed; this works once they are."


class FindingScreen(Screen[None]):
    """Filter (f), sort (r), only conflicts (!), story view (t), side by side (c), and what
    could not be read (P)."""

    corpus: Corpus | None
    story_id: str | None
    article_id: str | None
    _pile_outlets: tuple[Corpus, list[Outlet]] | None = None

    # Provided by the main screen.
    def open_article(self, article_id: str, passage_index: int = 0) -> None:
        raise NotImplementedError

    def jump_to(self, passage_id: str) -> None:
        raise NotImplementedError

    def action_toggle_sources(self) -> None:
        raise NotImplementedError

    @property
    def passage(self) -> Passage | None:
        raise NotImplementedError

    def action_problems(self) -> None:
        """Every problem met in the sources, after their notifications have faded."""
        if self.corpus is None:
            self.notify(NOT_YET, severity="warning")
            return
        self.app.push_screen(ProblemsScreen(self.corpus.errors))

    # ------------------------------------------------------------------ the list
    @property
    def source_pane(self) -> SourcePane:
        return self.query_one(SourcePane)

    def _show_sources(self) -> None:
        """Bring the source list back if it stepped aside (a narrow terminal, or `s`)."""
        if not self.source_pane.display or self.source_pane.region.width == 0:
            self.action_toggle_sources()

    def action_filter(self) -> None:
        """Into the filter field, the source list shown if it was not."""
        self._show_sources()
        self.call_after_refresh(self.source_pane.open_filter)

    def action_rank(self) -> None:
        """The next sort, the list shown and focused to browse it."""
        self._show_sources()
        self.source_pane.cycle_sort()  # the line under the filter says by what
        self.source_pane.source_tree.focus()

    def action_conflicts_only(self) -> None:
        self._show_sources()
        self.source_pane.toggle_conflicts()
        self.source_pane.source_tree.focus()

    # ------------------------------------------------------------------- views
    def _ready(self) -> Corpus | None:
        if self.corpus is None:
            self.notify(NOT_YET, markup=False)
            return None
        if self.story_id is None:
            self.notify("Open an article first.", markup=False)
            return None
        return self.corpus

    def outlets(self, corpus: Corpus) -> list[Outlet]:
        """The pile's outlets, gathered once per corpus."""
        if self._pile_outlets is None or self._pile_outlets[0] is not corpus:
            self._pile_outlets = (corpus, pile_outlets(corpus))
        return self._pile_outlets[1]

    def action_story_view(self) -> None:
        corpus = self._ready()
        if corpus is None or self.story_id is None:
            return
        outlets = self.outlets(corpus)
        screen = StoryScreen(corpus, self.story_id, outlets, mark_styles(self), self.article_id)
        self.app.push_screen(screen, self._chosen)

    def _chosen(self, choice: Choice | None) -> None:
        if choice is None:
            return
        kind, value = choice
        if kind == "article":
            self.open_article(value)
        else:
            self.jump_to(value)

    def action_compare(self) -> None:
        corpus = self._ready()
        if corpus is None or self.story_id is None:
            return
        pair = default_pair(corpus, self.story_id, self.article_id)
        if pair is None:
            self.notify("This story has only one source: nothing to put beside it.")
            return

        def read(passage_id: str | None) -> None:
            if passage_id:
                self.jump_to(passage_id)

        at = self.passage.id if self.passage else None
        screen = CompareScreen(corpus, self.story_id, *pair, mark_styles(self), at=at)
        self.app.push_screen(screen, read)
