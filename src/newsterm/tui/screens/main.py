"""The main screen: sources, article and cross-reference, and every key that moves between them.

The screen owns the corpus and the reading position (story, article, passage). Slow work (reading
and indexing the sources, aligning a story) runs in thread workers that call pure engine
functions and post messages back, so the interface answers while the engine works. What the
workers do is in tui.loading and tui.background, the export flow in screens.export, and the keys
in tui.actions; this module wires them to the widgets.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, ProgressBar, Tree
from textual.worker import Worker, WorkerState, get_current_worker

from newsterm.model import Article, Passage, Story, StoryAlignment
from newsterm.support.pausing import Cancelled
from newsterm.tui import actions
from newsterm.tui import settings as saved
from newsterm.tui.activity import Activity
from newsterm.tui.background import failure_message, quiet_pause, save_and_align, until_cancelled
from newsterm.tui.loading import (
    STORIES_FAILED,
    WAITING_FOR_STORIES,
    Progress,
    corpus_summary,
    error_notes,
    nothing_read,
    progress_label,
    read_corpus,
)
from newsterm.tui.navigation import find_next, in_other_stories, neighbour_article, story_passages
from newsterm.tui.render import MARKS, StyleMap, warm_counterparts
from newsterm.tui.screens.finder import FindingScreen
from newsterm.tui.screens.following import FollowingScreen
from newsterm.tui.screens.search import SearchScreen
from newsterm.tui.widgets.article import ArticleHead, ArticleView
from newsterm.tui.widgets.crossref import CrossRef
from newsterm.tui.widgets.footer import FittingFooter
from newsterm.tui.widgets.source_pane import SourcePane
from newsterm.tui.widgets.sources import SourceTree

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus
    from newsterm.corpus.forked_build import ForkedBuild
    from newsterm.ingest.fetch import FetchOptions
    from newsterm.tui.screens.export import ExportRequest


class MainScreen(FollowingScreen, FindingScreen):
    """Three panes over one corpus; the footer and the help screen list every key. The keys
    that follow a claim out of the app or retrace a reader's steps are FollowingScreen's."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    COMPONENT_CLASSES = {
        "mark--match",
        "mark--conflict",
        "mark--update",
        "mark--related",
        "mark--unique",
        "mark--pending",
        "mark--diff",
    }

    BINDINGS = actions.bindings("main")  # the table the footer, help and palette read too

    class ArticlesRead(Message):
        def __init__(self, articles: Sequence[Article]) -> None:
            super().__init__()
            self.articles = articles

    class Loaded(Message):
        def __init__(self, corpus: Corpus) -> None:
            super().__init__()
            self.corpus = corpus

    class Aligned(Message):
        def __init__(self, story_id: str) -> None:
            super().__init__()
            self.story_id = story_id

    def __init__(
        self,
        sources: Sequence[str] | None,
        activity: Activity | None = None,
        *,
        cache: bool = False,
        settings: saved.Settings | None = None,
        fetch: FetchOptions | None = None,
        forked: ForkedBuild | None = None,
    ) -> None:
        super().__init__(settings or saved.Settings(), saved.pile_key(sources))
        self.sources = list(sources) if sources else None
        self.cache = cache
        self.fetch = fetch
        self.forked = forked  # a build of the sources the command line forked, if any
        self.activity = activity or Activity()
        self.corpus: Corpus | None = None
        self.story_id: str | None = None
        self.article_id: str | None = None
        self.ready = threading.Event()  # set when the corpus is loaded (tests wait on it)
        # Articles open for reading before the corpus is built (see loading.EARLY_READING_MIN).
        self.early: dict[str, Article] | None = None
        self._early_opened: str | None = None  # the article early reading opened by itself
        self._early_note = WAITING_FOR_STORIES
        self._progress = Progress()
        self._styles: StyleMap = {}
        # A conflict jump asked for before its story was compared: (story, status, forward).
        self._pending_jump: tuple[str, str, bool] | None = None

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield SourcePane(id="source-pane")
            with Vertical(id="article-pane") as pane:
                pane.border_title = "Article"
                yield ArticleHead(id="article-head")
                yield ArticleView(id="article")
            xref = CrossRef(id="crossref")
            xref.border_title = "Cross-reference"
            yield xref
        with Horizontal(id="status"):
            yield Label("Starting…", id="status-text")
            yield ProgressBar(id="progress", show_eta=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.show_panes_as_saved()
        self._styles = self._mark_styles()
        self.query_one(ArticleHead).show(Text("Reading sources…", style="dim"))
        self.app.theme_changed_signal.subscribe(self, self._on_theme_changed)
        self._ticker = self.set_interval(0.25, self._show_progress)
        self._load()

    def _mark_styles(self) -> StyleMap:
        """Mark colours come from the stylesheet, so they follow the theme."""
        return {
            name: self.get_component_rich_style(f"mark--{name}", partial=True)
            for name in ("match", "conflict", "update", "related", "unique", "pending", "diff")
        }

    def _on_theme_changed(self, _theme: object) -> None:
        self.call_after_refresh(self._restyle)

    def _restyle(self) -> None:
        self._styles = self._mark_styles()
        if self.corpus is None:
            self._refresh_article(keep=True)  # an article read early has marks too
            return
        tree = self.query_one(SourceTree)
        for story in self.corpus.stories:
            alignment = self.corpus.cached_alignment(story.id)
            if alignment is not None:
                tree.update_badges(self.corpus, alignment, self._styles)
        self._refresh_article(keep=True)

    # ----------------------------------------------------------------- loading
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        """Read and build the corpus; stops within moments once the worker is cancelled, as
        when the reader quits (a load can run for a minute)."""

        def progress(state: Progress) -> None:
            self._progress = state

        def early(articles: Sequence[Article]) -> None:
            self.post_message(self.ArticlesRead(articles))

        pause = until_cancelled(get_current_worker())
        try:
            corpus = read_corpus(
                self.sources,
                cache=self.cache,
                progress=progress,
                early=early,
                pause=pause,
                fetch=self.fetch,
                forked=self.forked,
            )
        except Cancelled:
            return  # the reader quit: there is no one to show it to
        self.post_message(self.Loaded(corpus))

    def _show_progress(self) -> None:
        if self.ready.is_set():
            return
        state = self._progress
        label = progress_label(state, early=self.early is not None)
        # No layout pass: the line's size is fixed by the stylesheet, and a relayout of the
        # whole screen ten times a second took a quarter of a CPU from the build it reports on.
        self.query_one("#status-text", Label).update(label, layout=False)
        bar = self.query_one(ProgressBar)
        bar.update(total=state.total or None, progress=state.done)

    @on(ArticlesRead)
    def _articles_read(self, message: ArticlesRead) -> None:
        """Open the articles for reading while the index and stories are still being built."""
        if self.corpus is not None or not message.articles:
            return
        self.early = {article.id: article for article in message.articles}
        tree = self.query_one(SourceTree)
        tree.populate_early(message.articles)
        first = tree.first_article()
        self._early_opened = first
        if first is not None:
            self.open_article(first, remember=False)
        self.query_one(ArticleView).focus()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        corpus = message.corpus
        self.corpus = corpus
        # Where the reader got to while the stories were formed, if anywhere: kept. A reader
        # who has not moved from the article opened for them is shown the first story with
        # several sources instead, as on a small pile: what there is to compare.
        reading = self.article_id if self.early is not None else None
        position = self.query_one(ArticleView).highlighted or 0
        if reading == self._early_opened and position == 0:
            reading = None
        self.early = None
        # The corpus lives as long as the app and holds no garbage cycles. Moving it out of the
        # collector's sight keeps full collections, which scan every object and take tens of
        # milliseconds on a large corpus, from landing on a keypress (p95 halved on the seeds).
        gc.freeze()
        self.ready.set()
        self._ticker.stop()
        self.query_one(ProgressBar).display = False
        for note, severity in error_notes(corpus.errors):
            self.notify(note, severity=severity, markup=False, timeout=8)
        tree = self.query_one(SourceTree)
        tree.populate(corpus, self._styles)
        if not corpus.articles:
            # An empty app would only say so: the shell is told, with every reason.
            self.app.exit(corpus.errors, return_code=1, message=nothing_read(corpus.errors))
            return
        place = self.settings.place(self.pile)  # where the reader left this pile last time
        if reading is None and place is not None and self._has_article(place.article_id):
            reading, position = place.article_id, place.passage
        if reading is not None and self._has_article(reading):
            self.open_article(reading, position, remember=False)
        else:
            first = tree.first_article()
            if first is not None:
                self.open_article(first, remember=False)
            self.query_one(ArticleView).focus()
        self._set_status(corpus_summary(corpus))
        self._align_in_background()

    def _set_status(self, text: str) -> None:
        self.query_one("#status-text", Label).update(Text(text), layout=False)

    # --------------------------------------------------------------- alignment
    @work(thread=True, group="align", exit_on_error=False)
    def _align(self, story_id: str) -> None:
        assert self.corpus is not None
        try:
            self.corpus.alignment(story_id, until_cancelled(get_current_worker()))
        except Cancelled:
            return  # the reader quit
        self.post_message(self.Aligned(story_id))

    @work(thread=True, exclusive=True, group="badges", exit_on_error=False)
    def _align_in_background(self) -> None:
        """The cache saved, then badges for every story, largest first, in the reader's quiet
        moments (see tui.background)."""
        assert self.corpus is not None
        pause = quiet_pause(self.activity, get_current_worker())
        save_and_align(
            self.corpus, pause, lambda story_id: self.post_message(self.Aligned(story_id))
        )

    @on(Aligned)
    def _aligned(self, message: Aligned) -> None:
        assert self.corpus is not None
        alignment = self.corpus.cached_alignment(message.story_id)
        if alignment is None:
            return
        self.query_one(SourceTree).update_badges(self.corpus, alignment, self._styles)
        if message.story_id == self.story_id:
            self._refresh_article(keep=True)
            self._warm(message.story_id)
            pending, self._pending_jump = self._pending_jump, None
            if pending is not None and pending[0] == message.story_id:
                self.action_next(pending[1], pending[2])

    @work(thread=True, exclusive=True, group="warm", exit_on_error=False)
    def _warm(self, story_id: str) -> None:
        """The side panel's word diffs for the open story, in the reader's quiet moments."""
        corpus = self.corpus
        alignment = corpus.cached_alignment(story_id) if corpus else None
        if corpus is None or alignment is None:
            return
        pause = quiet_pause(self.activity, get_current_worker())
        warm_counterparts(corpus, alignment, stop=lambda: not pause())

    def alignment(self) -> StoryAlignment | None:
        """The current story's alignment if it is ready; asks for it otherwise."""
        if self.corpus is None or self.story_id is None:
            return None
        found = self.corpus.cached_alignment(self.story_id)
        if found is None:
            self._align(self.story_id)
        return found

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failure in a worker is reported, never fatal: the reader can go on."""
        if event.state != WorkerState.ERROR:
            return
        message = failure_message(event.worker)
        self.notify(message, severity="error", markup=False, timeout=15)
        self._set_status(message)
        if event.worker.group == "load":
            self.query_one(ProgressBar).display = False
            self._ticker.stop()
            if self.early is not None:  # the reader keeps the articles read so far
                self._early_note = STORIES_FAILED
                self._refresh_crossref()

    # ----------------------------------------------------------------- reading
    @property
    def article(self) -> Article | None:
        if self.article_id is None:
            return None
        if self.corpus is None:
            return self.early.get(self.article_id) if self.early else None
        return self.corpus.article(self.article_id)

    def _has_article(self, article_id: str) -> bool:
        try:
            return self.corpus is not None and self.corpus.article(article_id) is not None
        except KeyError:
            return False

    @property
    def story(self) -> Story | None:
        if self.corpus is None or self.story_id is None:
            return None
        return self.corpus.story(self.story_id)

    @property
    def passage(self) -> Passage | None:
        article = self.article
        index = self.query_one(ArticleView).highlighted
        if article is None or index is None or index >= len(article.passages):
            return None
        return article.passages[index]

    def open_article(
        self, article_id: str, passage_index: int = 0, *, remember: bool = True
    ) -> None:
        """Show an article with the cursor on one of its passages; `remember` the place left,
        for back (FollowingScreen.action_back)."""
        if remember:
            self.remember_place()
        self.article_id = article_id
        if self.corpus is None:  # read early: no story yet (see _articles_read)
            self.story_id = None
            self.query_one(SourceTree).reveal(article_id)
            self._refresh_article(keep=False, index=passage_index)
            return
        story_id = self.corpus.story_of(article_id).id
        if story_id != self.story_id and self.corpus.cached_alignment(story_id) is not None:
            self._warm(story_id)
        self.story_id = story_id
        self.query_one(SourceTree).reveal(article_id)
        self._refresh_article(keep=False, index=passage_index)

    def _refresh_article(self, *, keep: bool, index: int = 0) -> None:
        article, story = self.article, self.story
        if article is None:
            return
        view = self.query_one(ArticleView)
        if keep and view.highlighted is not None:
            index = view.highlighted
        self.query_one(ArticleHead).show_header(article, story, self.corpus)
        view.show(article, self.alignment(), self._styles, index)
        self._refresh_crossref()

    def _refresh_crossref(self) -> None:
        if self.corpus is None and self.early is not None:
            self.query_one(CrossRef).waiting(Text(self._early_note, style="dim"))
            return
        if self.corpus is None or self.story is None:
            return
        self.query_one(CrossRef).show(
            self.corpus, self.story, self.passage, self.alignment(), self._styles
        )

    @on(OptionList.OptionHighlighted, "#article")
    def _passage_highlighted(self) -> None:
        self._refresh_crossref()

    @on(OptionList.OptionSelected, "#counterparts")
    def _counterpart_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.jump_to(event.option.id)

    @on(Tree.NodeSelected, "#sources")
    def _node_selected(self, event: Tree.NodeSelected[tuple[str, str]]) -> None:
        data = event.node.data
        if data and data[0] == "article" and data[1] != self.article_id:
            self.open_article(data[1])

    def jump_to(self, passage_id: str) -> None:
        """Open the passage's article with the cursor on it, and read from there."""
        assert self.corpus is not None
        passage = self.corpus.passage(passage_id)
        self.remember_place()
        if passage.article_id == self.article_id:
            self.query_one(ArticleView).highlighted = passage.index
        else:
            self.open_article(passage.article_id, passage.index, remember=False)
        self.query_one(ArticleView).focus()

    # ----------------------------------------------------------------- actions
    def action_move(self, step: int) -> None:
        view = self.query_one(ArticleView)
        if step > 0:
            view.action_cursor_down()
        else:
            view.action_cursor_up()

    def _still_forming(self) -> bool:
        """True, with a word to the reader, while articles are read before stories exist."""
        if self.corpus is None and self.early is not None:
            self.notify(self._early_note, markup=False)
            return True
        return False

    def action_next(self, status: str, forward: bool = True) -> None:
        corpus, story = self.corpus, self.story
        if self._still_forming() or corpus is None or story is None:
            return
        alignment = self.alignment()
        if alignment is None:
            # The key is kept, not dropped: the jump happens when the comparison lands.
            self._pending_jump = (story.id, status, forward)
            self.notify("Still comparing this story's sources; jumping when ready.", timeout=3)
            return
        self._pending_jump = None
        passages, here = story_passages(corpus, story.id), self.passage
        current = here.id if here else None
        # On through the story, then the next story listed with one, then round this story.
        found = find_next(passages, alignment.status, current, status, forward=forward, wrap=False)
        if found is None:
            listed = self.query_one(SourceTree).listed_stories()
            found = in_other_stories(corpus, listed, story.id, status, forward=forward)
        found = found or find_next(passages, alignment.status, current, status, forward=forward)
        if found is None:
            self.notify(
                f"No {MARKS[status][1]} passage in the stories compared so far.", markup=False
            )
            return
        self.jump_to(found.id)

    def action_article(self, step: int) -> None:
        story = self.story
        if self._still_forming() or story is None or self.article_id is None:
            return
        target = neighbour_article(story.article_ids, self.article_id, step)
        if target is None:
            self.notify("This story has only one source.")
            return
        self.open_article(target)

    def action_search(self) -> None:
        if self._still_forming() or self.corpus is None:
            return

        def chosen(passage_id: str | None) -> None:
            if passage_id:
                self.jump_to(passage_id)

        self.app.push_screen(SearchScreen(self.corpus), chosen)

    def action_export(self) -> None:
        story = self.story
        if self.corpus is None or story is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        # The exports are imported when first asked for: not on the first frame's path.
        from newsterm.tui.screens.export import ExportDialog, default_export_path

        self.app.push_screen(ExportDialog(default_export_path(story)), self._export)

    def _export(self, request: ExportRequest | None) -> None:
        from newsterm.tui.screens.export import export_in

        if request is not None and self.corpus is not None and self.story_id is not None:
            export_in(self, self.corpus, self.story_id, request)
