"""The loaded corpus: articles, their stories, the index, and alignments computed on demand.

Alignment is per story and lazy: the app shows the first story while the others wait, and an
export aligns them all. Results are cached and safe to request from worker threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from newsterm.claims.prepared import Prepared, prepare
from newsterm.corpus import cache as disk_cache
from newsterm.corpus.align import align_story
from newsterm.corpus.index import Index, names_in
from newsterm.model import Article, Link, LoadError, Passage, Story, StoryAlignment
from newsterm.support import forking
from newsterm.support.pausing import Pause
from newsterm.text.tokens import fold

Progress = Callable[[str, int, int], None]

# Below this many stories to compare, starting worker processes costs more than it saves.
FORK_MIN_STORIES = 40


@dataclass
class Corpus:
    """Articles, their stories, the index, and alignments computed on demand."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    index: Index
    errors: tuple[LoadError, ...] = ()
    # Set when the corpus was loaded with the on-disk cache (see load): its key there, and
    # whether the corpus itself is stored under it yet.
    cache_key: str | None = field(default=None, repr=False)
    in_cache: bool = field(default=False, repr=False)
    _alignments: dict[str, StoryAlignment] = field(default_factory=dict, repr=False)
    _prepared: dict[str, Prepared] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _story_locks: dict[str, threading.Lock] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._articles = {a.id: a for a in self.articles}
        # The index numbers articles in the corpus's order.
        self._index_numbers = {a.id: n for n, a in enumerate(self.articles)}
        self._passages = {p.id: p for a in self.articles for p in a.passages}
        self._stories = {s.id: s for s in self.stories}
        self._story_of = {aid: s.id for s in self.stories for aid in s.article_ids}

    # ------------------------------------------------------------------ lookups
    def article(self, article_id: str) -> Article:
        return self._articles[article_id]

    def passage(self, passage_id: str) -> Passage:
        return self._passages[passage_id]

    def story(self, story_id: str) -> Story:
        return self._stories[story_id]

    def story_of(self, article_id: str) -> Story:
        return self._stories[self._story_of[article_id]]

    def story_articles(self, story_id: str) -> list[Article]:
        return [self._articles[aid] for aid in self._stories[story_id].article_ids]

    # --------------------------------------------------------------- alignment
    def prepared(self, passage: Passage) -> Prepared:
        """Tokens and facts of a passage, resolved against its article's date; cached."""
        found = self._prepared.get(passage.id)
        if found is None:
            found = self._prepare(passage)
            self._prepared[passage.id] = found
        return found

    def _prepare(self, passage: Passage) -> Prepared:
        """Uncached: a passage belongs to one story, aligned once, so alignment keeps no
        prepared passages around (on all of Reuters they held most of a gigabyte)."""
        article = self._articles[passage.article_id]
        return prepare(
            passage.text,
            article.date_for_resolving,
            article.published_inferred,
            headline=passage.headline,
            name_words=self._name_words(article.id) if passage.headline else frozenset(),
        )

    def _name_words(self, article_id: str) -> frozenset[str]:
        """Words the article's body writes as names: what tells a headline's names from its
        capitalised words. The index found the names already, for grouping, in all the text:
        where the headline is the text's first line (a record with no title), its own title
        case would vouch for itself, so the names come from the text after it."""
        article = self.article(article_id)
        headline = article.headline
        names: Iterable[str]
        if headline is not None and not headline.in_title:
            names = names_in(article.text[headline.end :])
        else:
            names = self.index.article_names[self._index_numbers[article_id]]
        return frozenset(fold(word) for name in names for word in name.split())

    def alignment(self, story_id: str, pause: Pause | None = None) -> StoryAlignment:
        """Links and unique passages of one story, computed on first request. `pause` runs
        between pieces of the work (see newsterm.support.pausing) and may call it off with
        Cancelled."""
        found = self._alignments.get(story_id)
        if found is not None:
            return found
        # One lock per story: a story is compared once, and a thread comparing one story (the
        # app's background badges, paused while the reader types) never holds up another.
        with self._lock:
            story_lock = self._story_locks.setdefault(story_id, threading.Lock())
        with story_lock:
            found = self._alignments.get(story_id)
            if found is None:
                found = align_story(
                    self._stories[story_id], self.story_articles(story_id), self._prepare, pause
                )
                self._alignments[story_id] = found
        return found

    def cached_alignment(self, story_id: str) -> StoryAlignment | None:
        """The story's alignment if it was computed already; never computes (the UI must not
        block on it)."""
        return self._alignments.get(story_id)

    def align_all(self, progress: Progress | None = None, workers: int = 1) -> list[StoryAlignment]:
        """Every story's alignment, in story order. With `workers` > 1, a big pile's stories
        are compared in that many forked processes (see newsterm.support.forking); same result."""
        total = len(self.stories)
        fresh = len(self._alignments) < total
        pending = [
            s.id for s in self.stories if len(s.article_ids) > 1 and s.id not in self._alignments
        ]
        in_parallel = workers > 1 and len(pending) >= FORK_MIN_STORIES and forking.can_fork()
        if in_parallel:
            # The names headlines are read against, decoded here once if the index came from
            # the cache (see cache._StoredIndex), not again in every worker.
            self.index.article_names  # noqa: B018
            done = total - len(pending)
            for story_id, alignment in self._align_forked(pending, workers):
                self._alignments.setdefault(story_id, alignment)
                done += 1
                if progress:
                    progress("aligning", done, total)
        result = []
        for number, story in enumerate(self.stories, 1):
            result.append(self.alignment(story.id))
            if progress and not in_parallel:
                progress("aligning", number, total)
        if fresh and self.in_cache and self.cache_key is not None:
            # The comparing costs more than the reading: keep it for the next export too.
            if progress:
                progress("saving", 0, 0)
            disk_cache.write_alignments(self.cache_key, self._alignments)
        return result

    def _align_forked(
        self, story_ids: Sequence[str], workers: int
    ) -> Iterator[tuple[str, StoryAlignment]]:
        """(story id, alignment) for each story, compared in forked processes that inherit
        the corpus, as they finish (any order; align_all puts them back in story order)."""
        # Large stories first, so that no worker is left with a big one at the end.
        ordered = sorted(story_ids, key=lambda sid: -len(self.story(sid).article_ids))
        return forking.forked_map(
            lambda sid: (sid, self.alignment(sid)), ordered, workers, in_order=False, chunksize=8
        )

    def save_to_cache(self, pause: Pause | None = None) -> bool:
        """Store the corpus on disk for the next load of the same sources, if it was loaded with
        the cache, is big enough to be worth it and is not stored yet; True if it was written.
        `pause` runs between pieces of the work (see newsterm.support.pausing); a cancelled save
        writes nothing."""
        if self.in_cache or self.cache_key is None:
            return False
        if len(self.articles) < disk_cache.MIN_ARTICLES:
            return False
        state = (self.articles, self.stories, self.index, self.errors)
        self.in_cache = disk_cache.write_corpus(self.cache_key, state, pause)
        return self.in_cache

    @property
    def links(self) -> list[Link]:
        return [link for alignment in self.align_all() for link in alignment.links]

    @property
    def unique(self) -> list[str]:
        return [pid for alignment in self.align_all() for pid in alignment.unique]
