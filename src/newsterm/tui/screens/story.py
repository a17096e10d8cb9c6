"""The story view: one story seen whole, before reading it passage by passage.

When each outlet reported (a timeline, first report first), which outlets of the pile told the
story and which did not, and every conflict and update between its sources in one list. Enter
reads the article or the passage chosen in the main screen; `c` puts a conflict's two sources
(or the chosen article and the one being read) side by side.

Article text goes into the list as `Text`, never parsed as markup.
"""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsterm.model import Passage
from newsterm.text.diff import pair_spans
from newsterm.tui import actions
from newsterm.tui.finding import Outlet
from newsterm.tui.render import (
    MARKS,
    StyleMap,
    article_counts,
    badges,
    highlighted,
    short_date,
    short_span,
)
from newsterm.tui.screens.compare import CompareScreen, default_pair
from newsterm.tui.screens.compared import ComparedStoryScreen
from newsterm.tui.story_facts import Disagreement, Moment, coverage, disagreements, timeline
from newsterm.tui.widgets.footer import FittingFooter

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

BAR = 12  # cells of the timeline's bar: where in the story's span a report fell
OUTLET = 18  # cells of the outlet column
MISSING_SHOWN = 12  # outlets named as not covering the story; the rest are counted
INDENT = 4  # cells before each line of a conflict's explanation and passages
# Only measures and wraps; never written to.
_MEASURE = Console(file=io.StringIO(), width=400, color_system=None, legacy_windows=False)

# What the story view returns: ("article", id) to read an article, ("passage", id) a passage.
Choice = tuple[str, str]


def bar(moment: Moment) -> str:
    """'──●─────────': the report's day within the story's span; blank when undated."""
    if moment.place is None:
        return " " * BAR
    at = round(moment.place * (BAR - 1))
    return "─" * at + "●" + "─" * (BAR - 1 - at)


def days_apart(first: date | None, last: date | None) -> str:
    if first is None or last is None or first == last:
        return ""
    days = (last - first).days
    return f" ({days} day{'s' if days != 1 else ''})"


class StoryScreen(ComparedStoryScreen[Choice | None]):
    """Timeline, coverage, conflicts and updates of one story."""

    BINDINGS = actions.bindings("story")

    def __init__(
        self,
        corpus: Corpus,
        story_id: str,
        outlets: list[Outlet],
        styles: StyleMap,
        reading: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.story = corpus.story(story_id)
        self.outlets = outlets
        self.reading = reading  # the article open in the main screen
        self._styles = styles
        self._disagreements: dict[str, Disagreement] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="story-head", markup=False)
        yield OptionList(markup=False, id="story-list")
        yield FittingFooter()

    @property
    def compared_story(self) -> str:
        return self.story.id

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.call_after_refresh(self.show)  # rows are fitted to the list's width: laid out
        self.compare_if_needed()  # drawn again once compared

    def show(self) -> None:
        """Fill the view (again, once the story's sources are compared), cursor kept."""
        listing = self.listing()
        if listing is None:
            return
        keep = listing.highlighted
        self._width = listing.scrollable_content_region.width or self.size.width
        self.query_one("#story-head", Static).update(self._head())
        options = [*self._timeline(), *self._coverage(), *self._differences()]
        listing.clear_options()
        listing.add_options(options)
        first = next((n for n, o in enumerate(options) if o and not o.disabled), None)
        listing.highlighted = keep if keep is not None and keep < len(options) else first

    def _head(self) -> Text:
        story = self.story
        head = Text(story.title or "(untitled)", style="bold")
        sources = len(story.article_ids)
        line = f"\n{sources} source{'s' if sources != 1 else ''}"
        line += f" · {story.outlet_count} outlet{'s' if story.outlet_count != 1 else ''}"
        if story.independent_reports not in (sources, story.outlet_count):
            line += f" · {story.independent_reports} independent reports"
        span = short_span(story)
        if span:
            line += f" · {span}{days_apart(story.first_day, story.last_day)}"
        head.append(line, style="dim")
        return head

    def _heading(self, title: str) -> Option:
        return Option(Text(title, style="bold underline"), disabled=True)

    def _timeline(self) -> list[Option]:
        alignment = self.corpus.cached_alignment(self.story.id)
        moments = timeline(self.corpus, self.story)
        spread = self.story.days is not None and self.story.days > 0
        options = [self._heading("Timeline")]
        for moment in moments:
            article = moment.article
            row = Text("▸ " if article.id == self.reading else "  ", style="bold")
            row.append(f"{short_date(article):>12} ", style="dim" if moment.inferred else "")
            if spread:
                row.append(bar(moment) + " ", style="dim")
            name = article.label if len(article.label) <= OUTLET else article.label[: OUTLET - 1]
            row.append(f"{name:<{OUTLET}} ", style="bold")
            counts = badges(article_counts(article, alignment), self._styles)
            counts.pad_right(max(1, 10 - counts.cell_len))
            row.append_text(counts)
            row.append(article.title or "")
            row.truncate(self._width, overflow="ellipsis")  # one line each: a column to scan
            options.append(Option(row, id=f"article:{article.id}"))
        return options

    def _coverage(self) -> list[Option | None]:
        found = coverage(self.story, self.outlets)
        options: list[Option | None] = [None, self._heading("Who covered it")]
        told = Text()
        if found.pile == 1:
            told.append("The pile has one outlet: ")
            told.append(found.covered[0].label if found.covered else "?", style="bold")
            told.append(". Nothing to compare coverage with.", style="dim")
            options.append(Option(told, disabled=True))
            return options
        told.append(f"{len(found.covered)} of the pile's {found.pile} outlets: ")
        for n, outlet in enumerate(found.covered):
            told.append(", " if n else "")
            told.append(outlet.label, style="bold")
        options.append(Option(told, disabled=True))
        if found.missing:
            missing = Text("Not covered by ")
            missing.append("(and how many of the pile's stories each covers)", style="dim")
            missing.append(": ")
            for n, outlet in enumerate(found.missing[:MISSING_SHOWN]):
                missing.append(", " if n else "")
                missing.append(outlet.label, style="bold")
                missing.append(f" {outlet.stories}", style="dim")
            more = len(found.missing) - MISSING_SHOWN
            if more > 0:
                missing.append(f", and {more} more", style="dim")
            options.append(Option(missing, disabled=True))
        return options

    def _differences(self) -> list[Option | None]:
        alignment = self.corpus.cached_alignment(self.story.id)
        options: list[Option | None] = [None]
        if len(self.story.article_ids) < 2:
            options.append(self._heading("Conflicts and updates"))
            options.append(Option(Text("One source: nothing to compare.", "dim"), disabled=True))
            return options
        if alignment is None:
            options.append(self._heading("Conflicts and updates"))
            options.append(Option(Text("Comparing the sources…", "dim"), disabled=True))
            return options
        found = disagreements(self.corpus, self.story, alignment)
        self._disagreements = {d.first.id + "|" + d.second.id: d for d in found}
        conflicts = sum(d.link.relation == "conflict" for d in found)
        title = f"Conflicts and updates ({conflicts} ≠, {len(found) - conflicts} Δ)"
        options.append(self._heading(title))
        if not found:
            text = Text("The sources do not contradict each other.", "dim")
            options.append(Option(text, disabled=True))
        for item in found:
            key = f"passage:{item.first.id}|{item.second.id}"
            options.append(Option(self._difference(item), id=key))
        return options

    def _difference(self, item: Disagreement) -> Text:
        link = item.link
        style = self._styles[link.relation]
        text = Text()
        text.append(f"{MARKS[link.relation][0]} {link.relation}", style + Style(bold=True))
        kinds = sorted({c.kind for c in link.conflicts})
        if kinds:
            text.append(f" {', '.join(kinds)}", style)
        first = self.corpus.article(item.first.article_id)
        second = self.corpus.article(item.second.article_id)
        text.append(f"  {first.label} {short_date(first)} / {second.label} {short_date(second)}")
        for conflict in link.conflicts:
            text.append_text(self._hanging(Text(conflict.explanation, self._styles["conflict"])))
        spans = pair_spans(item.first.text, item.second.text)
        for passage, article_label, marked in (
            (item.first, first.label, spans[0]),
            (item.second, second.label, spans[1]),
        ):
            said = Text(f"{article_label}: ", style="dim")
            said.append_text(highlighted(passage.text, marked, self._styles["diff"]))
            text.append_text(self._hanging(said))
        return text

    def _hanging(self, text: Text) -> Text:
        """A new line of the entry, wrapped here under an indent so the entries stand apart."""
        lines = text.wrap(_MEASURE, max(20, self._width - INDENT), overflow="fold")
        result = Text()
        for line in lines:
            result.append("\n" + " " * INDENT)
            line.rstrip()
            result.append_text(line)
        return result

    # ----------------------------------------------------------------- actions
    def _chosen(self) -> tuple[str, str] | None:
        listing = self.query_one(OptionList)
        index = listing.highlighted
        if index is None:
            return None
        option_id = listing.get_option_at_index(index).id or ""
        kind, _, value = option_id.partition(":")
        return (kind, value) if kind else None

    @on(OptionList.OptionSelected, "#story-list")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        kind, value = chosen
        self.dismiss((kind, value.split("|")[0]))

    def action_compare(self) -> None:
        """A conflict's two sources side by side; for an article, it against the one being
        read (or the source sharing most with it)."""
        chosen = self._chosen()
        at: Passage | None = None
        pair: tuple[str, str] | None
        if chosen is not None and chosen[0] == "passage":
            item = self._disagreements.get(chosen[1])
            if item is None:
                return
            pair = (item.first.article_id, item.second.article_id)
            at = item.first
        else:
            article = chosen[1] if chosen else self.reading
            pair = default_pair(self.corpus, self.story.id, article)
            reading = self.reading
            if pair and chosen and reading in self.story.article_ids and reading != chosen[1]:
                pair = (chosen[1], reading)
        if pair is None:
            self.notify("This story has only one source.", markup=False)
            return

        def read(passage_id: str | None) -> None:
            if passage_id:
                self.dismiss(("passage", passage_id))

        screen = CompareScreen(
            self.corpus, self.story.id, *pair, self._styles, at=at.id if at else None
        )
        self.app.push_screen(screen, read)
