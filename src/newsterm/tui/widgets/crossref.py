"""The cross-reference panel: what the other sources do with the passage under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets.option_list import Option

from newsterm.corpus import Corpus
from newsterm.model import Passage, Story, StoryAlignment, other_end
from newsterm.tui.render import MARKS, StyleMap, counterpart, passage_summary
from newsterm.tui.widgets.steady_list import SteadyOptionList
from newsterm.tui.widgets.text_panel import TextPanel

RELATION_ORDER = {"conflict": 0, "match": 1, "related": 2}


class Counterparts(SteadyOptionList):
    """Counterparts as options, so `enter` (or a click) on one jumps to it in its article."""

    BINDINGS = [
        Binding("down", "cursor_down", "Next counterpart", show=False),
        Binding("up", "cursor_up", "Previous counterpart", show=False),
        Binding("enter", "select", "Jump to it"),
    ]


class CrossRef(Vertical):
    """Heading, counterparts (conflicts first), and the story's verdict on the passage."""

    def compose(self) -> ComposeResult:
        yield TextPanel(id="xref-head")
        yield Counterparts(markup=False, id="counterparts")
        yield TextPanel(id="xref-summary", min_lines=2)

    def show(
        self,
        corpus: Corpus,
        story: Story,
        passage: Passage | None,
        alignment: StoryAlignment | None,
        styles: StyleMap,
    ) -> None:
        head = self.query_one("#xref-head", TextPanel)
        options = self.query_one(Counterparts)
        summary = self.query_one("#xref-summary", TextPanel)
        options.clear_options()
        if passage is None:
            head.show(Text("No passage selected.", style="dim"))
            summary.show(Text(""))
            return
        status = alignment.status(passage.id) if alignment else "pending"
        glyph, word = MARKS[status]
        heading = Text()
        heading.append(f"{glyph} ", styles[status])
        heading.append(f"Passage {passage.index + 1}: {word}", style="bold")
        head.show(heading)
        summary.show(passage_summary(corpus, story, passage, alignment))
        if alignment is None:
            return
        links = sorted(
            alignment.links_of(passage.id),
            key=lambda link: (RELATION_ORDER[link.relation], -link.score),
        )
        entries: list[Option | None] = []
        for link in links:
            if entries:
                entries.append(None)  # a divider line between counterparts
            entries.append(
                Option(counterpart(corpus, link, passage, styles), id=other_end(link, passage.id))
            )
        options.add_options(entries)
        if links:
            options.highlighted = 0  # so enter works as soon as the panel has focus
        if not links:
            options.add_option(
                Option(Text("No other source reports this passage.", style="dim"), disabled=True)
            )
