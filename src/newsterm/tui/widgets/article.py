"""The article pane: the article's header, then the cleaned article, one option per passage,
each marked by its fate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsterm.model import Article, Story, StoryAlignment
from newsterm.tui.render import StyleMap, article_header, passage_prompt
from newsterm.tui.widgets.steady_list import SteadyOptionList
from newsterm.tui.widgets.text_panel import TextPanel

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

# Headers measured to size the article header for a story (see ArticleHead.room): enough for
# any story a reader flips through; a larger one pays a rare relayout past them.
HEAD_ROOM_SOURCES = 60
HEAD_SHARE = 4  # the header is kept at most 1/HEAD_SHARE of the article pane tall


class ArticleHead(TextPanel):
    """Outlet, date and place in the story above the passages, as tall as the story's tallest.

    Headers differ by a line or two (a long headline, a note), and a header of another height
    relays out the whole screen twice, most of what switching article costs; the passages
    would jump up or down the screen too. Kept at the tallest, the header repaints in place as
    the reader moves between sources. On a short terminal no more than a quarter of the pane
    (the header's parent) is held back: there, rows of text matter more.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._room: tuple[tuple[str, int, int] | None, int] = (None, 0)

    def show_header(self, article: Article, story: Story | None, corpus: Corpus | None) -> None:
        """The article's header, padded to the story's tallest (none without a story yet)."""
        width = self.content_size.width
        self.show(article_header(article, story, width), at_least=self.room(story, corpus))

    def room(self, story: Story | None, corpus: Corpus | None) -> int:
        """Lines of the tallest article header in the story, at the panel's present width."""
        if story is None or corpus is None:
            return 0
        pane = self.parent
        pane_height = pane.content_size.height if isinstance(pane, Widget) else 0
        key = (story.id, self.content_size.width, pane_height // HEAD_SHARE)
        if self._room[0] != key:
            tallest = max(
                self.lines(article_header(corpus.article(a), story, key[1]))
                for a in story.article_ids[:HEAD_ROOM_SOURCES]
            )
            self._room = (key, min(tallest, key[2]))
        return self._room[1]


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
