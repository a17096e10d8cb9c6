"""Two articles side by side, passages aligned like a diff viewer's lines (tui.side_by_side).

The main screen reads one article against all the others, a passage at a time. This view reads
two against each other whole: what both say (and in which words), what only one says, where they
disagree. `[`/`]` put another source of the story on the right, `s` swaps the sides, `n`/`N` go
from difference to difference, enter reads the passage under the cursor in the main screen.

Every row is wrapped here, at the list's width, into one `Text` of two columns: article text
goes in as text, never as markup.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsterm.model import Article, Passage, StoryAlignment
from newsterm.text.diff import pair_spans
from newsterm.tui import actions
from newsterm.tui.render import MARKS, StyleMap, highlighted, passage_name, short_date
from newsterm.tui.screens.compared import ComparedStoryScreen
from newsterm.tui.side_by_side import Row, row_counts, rows
from newsterm.tui.widgets.footer import FittingFooter

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

MARK_NAMES = ("match", "conflict", "update", "related", "unique", "pending", "diff")
GUTTER = 3  # " ≠ " between the columns
DIFFERENCES = ("conflict", "update")
# Only measures and wraps; never written to.
_MEASURE = Console(file=io.StringIO(), width=400, color_system=None, legacy_windows=False)


def mark_styles(screen: Screen[None]) -> StyleMap:
    """The marks' colours from the stylesheet (the main screen's `.mark--*`), so that the views
    it opens follow the theme as it does."""
    return {
        name: screen.get_component_rich_style(f"mark--{name}", partial=True) for name in MARK_NAMES
    }


def columns(left: Text, gutter: Text, right: Text, width: int) -> Text:
    """Two texts wrapped into columns of half the width each, line beside line."""
    column = max(8, (width - GUTTER) // 2)
    left_lines = list(left.wrap(_MEASURE, column, overflow="fold")) if left else []
    right_lines = list(right.wrap(_MEASURE, column, overflow="fold")) if right else []
    result = Text(no_wrap=True, overflow="crop")
    for n in range(max(len(left_lines), len(right_lines), 1)):
        if n:
            result.append("\n")
        line = left_lines[n].copy() if n < len(left_lines) else Text()
        line.rstrip()
        line.pad_right(column - line.cell_len)
        result.append_text(line)
        result.append_text(gutter if n == 0 else Text(" " * GUTTER))
        if n < len(right_lines):
            result.append_text(right_lines[n])
    return result


class CompareScreen(ComparedStoryScreen[str | None]):
    """Two sources of one story, aligned; dismissed with the passage to read, or None."""

    BINDINGS = actions.bindings("compare")

    def __init__(
        self,
        corpus: Corpus,
        story_id: str,
        left: str,
        right: str,
        styles: StyleMap,
        at: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.story_id = story_id
        self.left = left
        self.right = right
        self._at = at  # a passage to put the cursor on once the rows exist
        self.rows: list[Row] = []
        self._row_at: dict[str, int] = {}  # passage id -> its row
        self._styles = styles

    def compose(self) -> ComposeResult:
        yield Static(id="compare-head", markup=False)
        yield OptionList(markup=False, id="compare-rows")
        yield FittingFooter()

    @property
    def compared_story(self) -> str:
        return self.story_id

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        if self.compare_if_needed():
            self.call_after_refresh(self.show)
        else:
            self.query_one("#compare-head", Static).update(
                Text("Comparing this story's sources…", style="dim")
            )

    @property
    def alignment(self) -> StoryAlignment | None:
        return self.corpus.cached_alignment(self.story_id)

    def show(self) -> None:
        """Lay the two articles out at the list's present width, the cursor kept on its
        passage."""
        alignment, listing = self.alignment, self.listing()
        if alignment is None or listing is None:
            return
        width = listing.scrollable_content_region.width or self.size.width - 2
        self._width = width
        at = self._at or self._passage_under_cursor()
        left, right = self.corpus.article(self.left), self.corpus.article(self.right)
        self.rows = rows(left, right, alignment)
        self._row_at = {
            passage.id: n
            for n, row in enumerate(self.rows)
            for passage in (row.left, row.right)
            if passage is not None
        }
        self.query_one("#compare-head", Static).update(self._head(left, right, width))
        options = [Option(self._row(n, row, width)) for n, row in enumerate(self.rows)]
        listing.clear_options()
        listing.add_options(options)
        listing.highlighted = self._row_of(at) if options else None
        self._at = None

    def _head(self, left: Article, right: Article, width: int) -> Text:
        count = len(self.corpus.story(self.story_id).article_ids)
        story = self.corpus.story(self.story_id).article_ids
        sides = []
        for article in (left, right):
            side = Text(article.label, style="bold")
            side.append(f" · {short_date(article)} · source {story.index(article.id) + 1}")
            side.append(f" of {count}", style="dim")
            side.append("\n")
            side.append(article.title or "", style="italic")
            sides.append(side)
        head = columns(sides[0], Text(" " * GUTTER), sides[1], width)
        head.append("\n")
        head.append_text(self._summary())
        return head

    def _summary(self) -> Text:
        counts = row_counts(self.rows)
        text = Text()
        for relation in ("conflict", "update", "match", "related"):
            n = counts.by_relation.get(relation, 0)
            if n:
                glyph, word = MARKS[relation]
                text.append(f"{n} {glyph} {word}", self._styles[relation])
                text.append(" · ")
        text.append(f"{counts.only_left} only left · {counts.only_right} only right")
        return text

    def _row(self, n: int, row: Row, width: int) -> Text:
        diff = self._styles["diff"]
        if row.left is not None and row.right is not None:
            spans_left, spans_right = pair_spans(row.left.text, row.right.text)
            left = self._passage(row.left, highlighted(row.left.text, spans_left, diff))
            right = self._passage(row.right, highlighted(row.right.text, spans_right, diff))
        else:
            left = self._alone(row.left, row) if row.left else self._away(n, row)
            right = self._alone(row.right, row) if row.right else self._away(n, row)
        gutter = Text(" " * GUTTER)
        if row.left is not None and row.right is not None and row.relation:
            gutter = Text.assemble(" ", (MARKS[row.relation][0], self._styles[row.relation]), " ")
        return columns(left, gutter, right, width)

    def _passage(self, passage: Passage, text: Text) -> Text:
        if passage.headline:
            text.stylize("bold")
        return text

    def _alone(self, passage: Passage, row: Row) -> Text:
        """A passage without its counterpart beside it: unmarked when the other article has
        none, marked when it has one elsewhere (the order of the two articles differs)."""
        text = self._passage(passage, Text(passage.text))
        if row.elsewhere is None:
            return Text.assemble(("• ", self._styles["unique"]), text)
        return text

    def _away(self, n: int, row: Row) -> Text:
        """The empty side of row `n`, one-sided: where its counterpart is, if anywhere."""
        other = row.elsewhere
        if other is None or row.relation is None:
            return Text()
        article = self.corpus.article(other.article_id)
        where = "further down" if self._row_at.get(other.id, 0) > n else "further up"
        glyph = MARKS[row.relation][0]
        text = Text(f"{glyph} {passage_name(other, article)}, {where}", style="dim italic")
        text.stylize(self._styles[row.relation], 0, len(glyph))
        return text

    def _passage_under_cursor(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.rows):
            return None
        row = self.rows[index]
        passage = row.left or row.right
        return passage.id if passage else None

    def _row_of(self, passage_id: str | None) -> int:
        return self._row_at.get(passage_id or "", 0)

    # ----------------------------------------------------------------- actions
    def action_difference(self, forward: bool = True) -> None:
        """The next (or previous) row where the two disagree, wrapping round."""
        listing = self.query_one(OptionList)
        count = len(self.rows)
        start = listing.highlighted if listing.highlighted is not None else -1
        step = 1 if forward else -1
        for offset in range(1, count + 1):
            n = (start + step * offset) % count
            if self.rows[n].relation in DIFFERENCES:
                listing.highlighted = n
                return
        self.notify("These two sources do not disagree.", markup=False)

    def action_other(self, step: int) -> None:
        """Another source of the story on the right (never the one on the left)."""
        story = self.corpus.story(self.story_id).article_ids
        others = [aid for aid in story if aid != self.left]
        if len(others) < 2:
            self.notify("The story has no other source to compare with.", markup=False)
            return
        self.right = others[(others.index(self.right) + step) % len(others)]
        self._at = self._passage_under_cursor()
        self.show()

    def action_swap(self) -> None:
        self.left, self.right = self.right, self.left
        self._at = self._passage_under_cursor()
        self.show()

    def action_read(self) -> None:
        """Back to the main screen, on the passage under the cursor (the left one of a pair)."""
        passage_id = self._passage_under_cursor()
        if passage_id is not None:
            self.dismiss(passage_id)

    @on(OptionList.OptionSelected, "#compare-rows")
    def _selected(self) -> None:
        self.action_read()


def default_pair(corpus: Corpus, story_id: str, article_id: str | None) -> tuple[str, str] | None:
    """The article being read on the left and, on the right, the source of the story that
    shares the most passages with it (what there is most to compare); None for a lone source."""
    story = corpus.story(story_id).article_ids
    if len(story) < 2:
        return None
    left = article_id if article_id in story else story[0]
    others = [aid for aid in story if aid != left]
    alignment = corpus.cached_alignment(story_id)
    if alignment is None:
        return left, others[0]
    mine = {p.id for p in corpus.article(left).passages}
    shared = dict.fromkeys(others, 0)
    for link in alignment.links:
        for here, there in ((link.a, link.b), (link.b, link.a)):
            if here in mine and link.relation != "related":
                other = corpus.passage(there).article_id
                if other in shared:
                    shared[other] += 1
    return left, max(others, key=lambda aid: shared[aid])  # first wins a tie: story order
