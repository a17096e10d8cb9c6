"""The main screen's keys for following a claim back out and retracing one's steps (back to
where a jump started, the next or previous story, the first or last passage, the article's
original page, the passage copied as a citation), and what it remembers for the next run (the
panes shown, the last place in the pile: tui.settings).

A base class of MainScreen, apart from it so that the screen's module stays about the panes,
the load and the workers; what this class needs of the screen is declared below and defined
there.
"""

from __future__ import annotations

import subprocess
import time
from contextlib import suppress
from typing import TYPE_CHECKING

from textual import work
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Tree
from textual.worker import get_current_worker

from newsterm.model import Article, Passage, Story, StoryAlignment
from newsterm.tui import settings as saved
from newsterm.tui.browser import open_in_browser, web_link
from newsterm.tui.citing import citation
from newsterm.tui.history import History, Place
from newsterm.tui.widgets.article import ArticleView

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

# Seconds to watch a browser just started for a failure (a missing command, no browser at
# all): a browser that is still running then is taken to have opened the page.
BROWSER_WATCH = 5.0
SAVE_EVERY = 2.0  # seconds between checks that the reader's place changed (see save_place)


class FollowingScreen(Screen[None]):
    """Back, next story, first/last passage, open link, copy citation; panes and place kept."""

    corpus: Corpus | None
    article_id: str | None
    story_id: str | None
    early: dict[str, Article] | None

    def __init__(self, settings: saved.Settings, pile: str) -> None:
        super().__init__()
        self.history = History()
        self.settings = settings  # remembered between runs (tui.settings)
        self.pile = pile  # this pile's name there (settings.pile_key)
        self._saved_place: Place | None = None

    # What the screen defines (MainScreen).
    @property
    def article(self) -> Article | None:
        raise NotImplementedError

    @property
    def story(self) -> Story | None:
        raise NotImplementedError

    @property
    def passage(self) -> Passage | None:
        raise NotImplementedError

    def alignment(self) -> StoryAlignment | None:
        raise NotImplementedError

    def open_article(
        self, article_id: str, passage_index: int = 0, *, remember: bool = True
    ) -> None:
        raise NotImplementedError

    def _still_forming(self) -> bool:
        raise NotImplementedError

    # ----------------------------------------------------------------- history
    def remember_place(self) -> None:
        """Remember the passage under the cursor, before a jump takes the reader elsewhere."""
        if self.article_id is not None:
            index = self.query_one(ArticleView).highlighted or 0
            self.history.push(Place(self.article_id, index))

    def _known(self, article_id: str) -> bool:
        if self.corpus is not None:
            try:
                self.corpus.article(article_id)
            except KeyError:
                return False
            return True
        return self.early is not None and article_id in self.early

    def action_back(self) -> None:
        """Return to where the last jump started: a counterpart followed, a search hit, a story
        or article opened."""
        place = self.history.pop()
        while place is not None and not self._known(place.article_id):
            place = self.history.pop()  # read before stories were formed, say: gone since
        if place is None:
            self.notify("Nothing to go back to: back returns to where a jump started.")
            return
        view = self.query_one(ArticleView)
        if place.article_id == self.article_id:
            view.highlighted = min(place.passage, max(view.option_count - 1, 0))
        else:
            self.open_article(place.article_id, place.passage, remember=False)
        view.focus()

    # -------------------------------------------------------------- navigation
    def listed_stories(self) -> list[str]:
        """The stories of the source list, in its order (as sorted or filtered there): those
        with several sources, what there is to compare."""
        tree: Tree[tuple[str, str]] = self.query_one("#sources", Tree)
        return [
            node.data[1]
            for node in tree.root.children
            if node.data is not None and node.data[0] == "story" and node.data[1]
        ]

    def action_story(self, step: int) -> None:
        """Open the next (or previous) story of the source list at its first article."""
        if self._still_forming() or self.corpus is None:
            return
        stories = self.listed_stories()
        if not stories:
            self.notify("No story has several sources in this pile.")
            return
        if self.story_id in stories:
            target = stories[(stories.index(self.story_id) + step) % len(stories)]
        else:  # a single-source article: the first or the last story
            target = stories[0 if step > 0 else -1]
        if target == self.story_id:
            self.notify("The list holds no other story.")
            return
        self.open_article(self.corpus.story(target).article_ids[0])
        self.query_one(ArticleView).focus()

    def action_edge(self, last: bool) -> None:
        """The article's first passage (its headline), or its last."""
        view = self.query_one(ArticleView)
        if view.option_count:
            view.highlighted = view.option_count - 1 if last else 0

    # ------------------------------------------------------------ out of the app
    def action_open_link(self) -> None:
        """The article's original page in the reader's browser; a word when it has none."""
        article = self.article
        if article is None:
            return
        url = web_link(article)
        if url is None:
            if article.url:
                note = f"This article's address is not a web page: {article.url}"
            else:
                note = f"This article has no link; it was read from {article.location}."
            self.notify(note, title="No link", markup=False)
            return
        try:
            process = open_in_browser(url)
        except OSError as error:
            self._no_browser(url, str(error))
            return
        self.notify(f"Opening {url}", title="Browser", markup=False, timeout=4)
        self._watch_browser(process, url)

    @work(thread=True, group="browser", exit_on_error=False)
    def _watch_browser(self, process: subprocess.Popen[bytes], url: str) -> None:
        """Tell the reader if the browser failed at once; never waits past BROWSER_WATCH, and
        gives up at once when the app quits."""
        worker = get_current_worker()
        deadline = time.monotonic() + BROWSER_WATCH
        while time.monotonic() < deadline and not worker.is_cancelled:
            status = process.poll()
            if status is not None:
                if status != 0:
                    self.app.call_from_thread(self._no_browser, url, f"exit status {status}")
                return
            time.sleep(0.1)

    def _no_browser(self, url: str, why: str) -> None:
        """No browser could open the page (over SSH, say): the link is copied instead."""
        self.app.copy_to_clipboard(url)
        self.notify(
            f"No browser could open it ({why}); the link is copied to the clipboard: {url}",
            title="Browser",
            severity="warning",
            markup=False,
            timeout=8,
        )

    def action_copy_citation(self) -> None:
        """Copy the passage under the cursor as a citation (see tui.citing): through the
        terminal (OSC 52), so it works over SSH too."""
        passage, corpus = self.passage, self.corpus
        if passage is None:
            return
        if corpus is None:
            self.notify("Stories are still being formed; cite the passage when they are.")
            return
        cited = citation(corpus, self.alignment(), passage)
        self.app.copy_to_clipboard(cited.text)
        self.notify(cited.summary, title="Citation", markup=False)

    # --------------------------------------------------------- kept between runs
    def show_panes_as_saved(self) -> None:
        """The panes as the reader left them last time; their place saved every few seconds."""
        self.set_class(self.settings.sources_toggled, "-sources-toggled")
        self.set_class(self.settings.crossref_hidden, "-crossref-hidden")
        self.set_interval(SAVE_EVERY, self.save_place)

    def action_toggle_sources(self) -> None:
        self.toggle_class("-sources-toggled")
        self.settings.sources_toggled = self.has_class("-sources-toggled")
        saved.save(self.settings)

    def action_toggle_crossref(self) -> None:
        self.toggle_class("-crossref-hidden")
        self.settings.crossref_hidden = self.has_class("-crossref-hidden")
        saved.save(self.settings)

    def save_place(self) -> None:
        """Remember where the reader is in this pile, for the next start on it; written only
        when it changed, and never before the corpus is built (an article read early may be
        one a story later merges away)."""
        if self.corpus is None or self.article_id is None:
            return
        place = Place(self.article_id, self.query_one(ArticleView).highlighted or 0)
        if place != self._saved_place:
            self._saved_place = place
            self.settings.remember(self.pile, place)
            saved.save(self.settings)

    def on_unmount(self) -> None:
        with suppress(NoMatches):  # the panes may be gone already: the app saved on exit
            self.save_place()
