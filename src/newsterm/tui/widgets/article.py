"""The article pane: the cleaned article, one option per passage, each marked by its fate."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsterm.model import Article, StoryAlignment
from newsterm.tui.render import StyleMap, passage_prompt
from newsterm.tui.widgets.steady_list import SteadyOptionList


class ArticleView(SteadyOptionList):
    """Passages as options: the highlight is the reading cursor, clicks move it too.

    Markup is off: passage text is shown as text, whatever brackets it contains.
    """

    BINDINGS = [
        Binding("down", "cursor_down", "Next passage", show=False),
        Binding("up", "cursor_up", "Previous passage", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.article: Article | None = None
        self._shown_with: tuple[StoryAlignment | None, StyleMap] = (None, {})
        self._wrapped_at = 0

    def on_resize(self) -> None:
        """Passages are wrapped to the pane's width (see passage_prompt): rewrap on resize."""
        width = self.scrollable_content_region.width
        if self.article is not None and width and width != self._wrapped_at:
            alignment, styles = self._shown_with
            self.show(self.article, alignment, styles, self.highlighted)

    def show(
        self,
        article: Article,
        alignment: StoryAlignment | None,
        styles: StyleMap,
        highlight: int | None = 0,
    ) -> None:
        """Fill the pane with an article; keep the cursor where asked (or where it was).

        Sends no OptionHighlighted: whoever fills the pane refreshes what follows the cursor.
        """
        self.article = article
        self._shown_with = (alignment, styles)
        width = self.scrollable_content_region.width or self.size.width or 80
        self._wrapped_at = width
        options = [
            Option(
                passage_prompt(
                    passage,
                    alignment.status(passage.id) if alignment else "pending",
                    styles,
                    width,
                ),
                id=passage.id,
            )
            for passage in article.passages
        ]
        # No highlight message: the screen refreshes the side panel itself, in the same pass
        # as the article, so that a switch repaints the screen once rather than twice.
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            if options:
                self.highlighted = None
                self.highlighted = min(highlight or 0, len(options) - 1)
