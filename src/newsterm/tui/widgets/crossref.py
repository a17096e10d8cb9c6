"""The cross-reference panel: what the other sources do with the passage under the cursor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets.option_list import Option

from newsterm.model import RELATION_RANK, Link, Passage, Story, StoryAlignment, other_end
from newsterm.tui.render import MARKS, StyleMap, counterpart, passage_name, passage_summary
from newsterm.tui.widgets.steady_list import SteadyOptionList
from newsterm.tui.widgets.text_panel import TextPanel

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus


class Counterparts(SteadyOptionList):
    """Counterparts as options, so `enter` (or a click) on one jumps to it in its article."""

    BINDINGS = [
        Binding("down", "cursor_down", "Next counterpart", show=False),
        Binding("up", "cursor_up", "Previous counterpart", show=False),
        Binding("enter", "select", "Jump to it"),
    ]


FIRST_SHOWN = 8  # counterparts drawn with the keypress; the rest follow once keys stop


class CrossRef(Vertical):
    """Heading, counterparts (conflicts first), and the story's verdict on the passage.

    In a story of forty sources a passage can have forty counterparts, and measuring them all
    would cost more than the rest of the keypress. The first few (conflicts first, the screen's
    worth) come at once; the others are added a moment later unless the cursor has moved on.
    """

    _rest: Timer | None = None
    _shown_count = 0
    # The verdict's lines, kept at the most a passage of this story has needed: it is two or
    # three lines long, and each change of height relaid out the whole screen twice.
    _summary_room: tuple[str, int] = ("", 0)

    def compose(self) -> ComposeResult:
        yield TextPanel(id="xref-head")
        yield Counterparts(markup=False, id="counterparts")
        yield TextPanel(id="xref-summary", min_lines=2)

    def _start_over(self) -> None:
        """Empty the counterparts, and call off the rest of the last passage's still to come."""
        self._shown_count += 1
        if self._rest is not None:
            self._rest.stop()
            self._rest = None
        self.query_one(Counterparts).clear_options()

    def waiting(self, note: Text) -> None:
        """Nothing to compare with yet (stories are still being formed): say so, and when."""
        self._start_over()
        self.query_one("#xref-head", TextPanel).show(Text("Not compared yet", style="dim"))
        self.query_one("#xref-summary", TextPanel).show(note)

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
        self._start_over()
        if passage is None:
            head.show(Text("No passage selected.", style="dim"))
            summary.show(Text(""))
            return
        status = alignment.status(passage.id) if alignment else "pending"
        glyph, word = MARKS[status]
        heading = Text()
        heading.append(f"{glyph} ", styles[status])
        name = passage_name(passage, corpus.article(passage.article_id))
        heading.append(f"{name}: {word}", style="bold")
        head.show(heading)
        verdict = passage_summary(corpus, story, passage, alignment)
        room = self._summary_room[1] if self._summary_room[0] == story.id else 0
        lines = summary.show(verdict, at_least=max(room, 1))
        self._summary_room = (story.id, max(room, lines))
        if alignment is None:
            return
        links = sorted(
            alignment.links_of(passage.id),
            key=lambda link: (RELATION_RANK[link.relation], -link.score),
        )

        def entries(some: Sequence[Link], first: bool) -> list[Option | None]:
            found: list[Option | None] = []
            for link in some:
                if found or not first:
                    found.append(None)  # a divider line between counterparts
                found.append(
                    Option(
                        counterpart(corpus, link, passage, styles), id=other_end(link, passage.id)
                    )
                )
            return found

        options.add_options(entries(links[:FIRST_SHOWN], first=True))
        if len(links) > FIRST_SHOWN:
            shown = self._shown_count

            def add_rest() -> None:
                # A stopped timer may still have queued its call: act only for this passage.
                if shown == self._shown_count:
                    self._rest = None
                    options.add_options(entries(links[FIRST_SHOWN:], first=False))

            self._rest = self.set_timer(0.15, add_rest)
        if links:
            options.highlighted = 0  # so enter works as soon as the panel has focus
        if not links:
            options.add_option(
                Option(Text("No other source reports this passage.", style="dim"), disabled=True)
            )
