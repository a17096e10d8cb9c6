"""The sources pane: the filter bar over the source list, and the filter and sort between them.

The pane owns what is asked (the query as typed, the sort) and applies it to the list; the
main screen only fills the list and opens what is chosen in it.

On all of Reuters a filter by words reads 15 million characters: 50 to 100 ms. It runs in a
thread, so that keys typed meanwhile are answered, and a newer query calls an older one off.
What it reads is gathered once, in the reader's quiet moments after the stories are formed, so
that the first filter does not pay for it.

Conflicts are known only for stories compared. A query that asks about them (`has:conflicts`,
the sort by conflicts) has the stories the rest of it keeps compared at once, in a thread, the
list following as each is done and the status saying how far it has got: the background badges
compare every story in the reader's quiet moments, which on all of Reuters takes many minutes.
"""

from __future__ import annotations

import time

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.worker import get_current_worker

from newsterm.model import StoryAlignment
from newsterm.support.pausing import Cancelled
from newsterm.tui.activity import Activity
from newsterm.tui.background import until_cancelled
from newsterm.tui.finding import SORTS, Finder, Found, Query, Sort, parse_query, with_conflicts
from newsterm.tui.widgets.filter_bar import FilterBar
from newsterm.tui.widgets.sources import SourceTree


class SourcePane(Vertical):
    """Filter bar and source list under one border, titled "Sources"."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Sources"
        self.sort: Sort = "outlets"
        self.conflicts_only = False
        self.pending = False  # a filter is being applied (tests wait for it)
        self.last_filter_seconds = 0.0  # asked to shown, for the latest filter (timings)
        self._asked = 0  # the number of the latest filter asked for
        self._comparing: frozenset[str] = frozenset()  # stories the compare worker has to do
        self._compared = (0, 0)  # (done, of) for the status line while it works
        self._reapplied = 0.0  # when the list last followed the compare worker

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter")
        yield SourceTree(id="sources")

    def on_mount(self) -> None:
        self.apply()

    @property
    def busy(self) -> bool:
        """Whether the list is yet to follow what was typed or asked (tests wait on it)."""
        return self.pending or self.bar.settling

    @property
    def source_tree(self) -> SourceTree:
        return self.query_one(SourceTree)

    @property
    def bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    def open_filter(self) -> None:
        """Put the reader in the filter field, the text as it was."""
        self.bar.input.open()

    def cycle_sort(self) -> None:
        """Most outlets → most recent → most conflicts → most outlets."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.apply()

    def toggle_conflicts(self) -> None:
        """Only the stories in which outlets disagree, or all again: a term of the query, so
        the field shows it and the reader can edit it like the rest."""
        query = parse_query(self.bar.text)
        self.bar.set_text(with_conflicts(self.bar.text, not query.conflicts))

    @on(SourceTree.Filled)
    def _filled(self) -> None:
        """The corpus loaded: what the reader typed or chose meanwhile applies, and what later
        filters read is gathered while the reader reads."""
        self.apply()
        finder = self.source_tree.finder
        if finder is not None:
            self._warm(finder)

    @work(thread=True, exclusive=True, group="filter-warm", exit_on_error=False, description="warm")
    def _warm(self, finder: Finder) -> None:
        worker = get_current_worker()
        activity = getattr(self.app, "activity", None)
        if isinstance(activity, Activity):
            finder.warm(lambda: activity.wait_until_quiet(lambda: worker.is_cancelled))
        else:
            finder.warm(lambda: not worker.is_cancelled)

    @on(FilterBar.Changed)
    def _changed(self, event: FilterBar.Changed) -> None:
        event.stop()
        self.apply()

    @on(FilterBar.Leave)
    def _leave(self, _event: FilterBar.Leave) -> None:
        self.source_tree.focus()

    def apply(self) -> None:
        """Show the stories the query finds, in the order asked, and say how many."""
        finder = self.source_tree.finder
        if finder is None:
            self.bar.show_status(("stories not formed yet",), self.sort, False)
            return
        self._asked += 1
        self.pending = True
        self._find(finder, parse_query(self.bar.text), self.sort, self._asked)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False, description="filter")
    def _find(self, finder: Finder, query: Query, sort: Sort, asked: int) -> None:
        worker = get_current_worker()
        started = time.perf_counter()
        found = finder.find(query, sort, stop=lambda: worker.is_cancelled)
        if found is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._show, finder, query, found, (asked, started))

    def _show(self, finder: Finder, query: Query, found: Found, asked: tuple[int, float]) -> None:
        """The list as found, unless a newer filter was asked for or the list filled again."""
        tree = self.source_tree
        if asked[0] != self._asked or finder is not tree.finder:
            return
        everything = query.empty and self.sort == "outlets"
        if not (everything and tree.found is None):  # as listed already: nothing to move
            tree.show_found(None if everything else found)
        self.last_filter_seconds = time.perf_counter() - asked[1]
        self.pending = False
        self.conflicts_only = query.conflicts
        notes = list(query.problems)
        if found.to_compare:
            if not set(found.to_compare) <= self._comparing:
                self._comparing = frozenset(found.to_compare)
                self._compared = (0, len(found.to_compare))
                self._compare(finder, found.to_compare)
            done, of = self._compared
            notes.append(f"comparing stories for conflicts: {done:,} of {of:,}…")
        elif self._comparing:  # the query no longer asks: the work is called off
            self._comparing = frozenset()
            self.workers.cancel_group(self, "filter-compare")
        self.bar.show_status(
            _counts(found, filtered=not query.empty), self.sort, query.conflicts, "; ".join(notes)
        )

    @work(thread=True, exclusive=True, group="filter-compare", exit_on_error=False)
    def _compare(self, finder: Finder, story_ids: tuple[str, ...]) -> None:
        """Compare the stories a query about conflicts is waiting for, in the order listed."""
        pause = until_cancelled(get_current_worker())
        for story_id in story_ids:
            try:
                alignment = finder.corpus.alignment(story_id, pause)
            except Cancelled:
                return  # a newer query, or the reader quit
            self.app.call_from_thread(self._one_compared, finder, alignment)

    def _one_compared(self, finder: Finder, alignment: StoryAlignment) -> None:
        """Badges for the story, and at most twice a second (and at the end) the list again."""
        if finder is not self.source_tree.finder:
            return
        tree = self.source_tree
        tree.update_badges(finder.corpus, alignment, tree.mark_styles)
        done, of = self._compared
        self._compared = (done + 1, of)
        now = time.monotonic()
        if done + 1 >= of or now - self._reapplied > 0.5:
            self._reapplied = now
            if done + 1 >= of:
                self._comparing = frozenset()
            self.apply()


def _counts(found: Found, *, filtered: bool) -> tuple[str, str, str]:
    """What is listed, from the longest form to the shortest: '12 of 3,126 stories, 40 of
    9,890 single', '12/3,126 +40 single', '12/3,126'; without a filter '3,126 stories, 9,890
    single', '3,126 stories', '3,126'."""
    several, single = len(found.several), len(found.single)
    stories = "story" if found.several_total == 1 else "stories"
    if not filtered:
        long = short = f"{found.several_total:,} {stories}"
        if found.single_total:
            long += f", {found.single_total:,} single"
        return long, short, f"{found.several_total:,}"
    long = f"{several:,} of {found.several_total:,} {stories}"
    tiny = short = f"{several:,}/{found.several_total:,}"
    if found.single_total:
        long += f", {single:,} of {found.single_total:,} single"
        short += f" +{single:,} single"
    return long, short, tiny
