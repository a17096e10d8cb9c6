"""The loaded corpus, and `load()`, the pipeline that builds it.

sources -> documents -> cleaned, segmented articles -> index -> stories -> (on demand) alignment.
Alignment is per story and lazy: the app shows the first story while the others wait, and an
export aligns them all. Results are cached and safe to request from worker threads.
"""

from __future__ import annotations

import copy
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from newsterm import cache as disk_cache
from newsterm import parallel
from newsterm.align import align_story
from newsterm.compare import Prepared, prepare
from newsterm.dedup import deduplicate
from newsterm.index import Index, names_in
from newsterm.ingest import Document, read_sources
from newsterm.ingest.clean import clean_body
from newsterm.model import Article, Link, LoadError, Passage, Story, StoryAlignment
from newsterm.pausing import Pause
from newsterm.segment import MIN_HEADLINE_WORDS, is_heading, segment
from newsterm.stories import group_stories
from newsterm.text import fold

Progress = Callable[[str, int, int], None]


def seeds_path() -> Path:
    """The bundled seed articles: inside the installed package, or beside it in a checkout."""
    packaged = Path(str(files("newsterm").joinpath("seeds")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def _base_id(document: Document, number: int) -> str:
    if document.id:
        return document.id
    location = document.location
    if location and "://" not in location:
        path_part, _, suffix = location.partition("#")
        stem = Path(re.sub(r":\d+$", "", path_part)).stem
        line = re.search(r":(\d+)$", path_part)
        if line or suffix:
            return f"{stem}-{line.group(1) if line else ''}{suffix}".rstrip("-")
        return stem
    return f"a{number}"


# Bounds that keep the time and memory spent on one article in proportion to a real article:
# a news story is a few thousand words; a megabyte of one "sentence" is a broken or hostile file.
MAX_ARTICLE_CHARS = 400_000
MAX_PASSAGE_CHARS = 1_200


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split sentences longer than MAX_PASSAGE_CHARS at a space, so every passage stays small
    enough to compare (alignment is quadratic in passage length)."""
    out = []
    for start, end in spans:
        while end - start > MAX_PASSAGE_CHARS:
            cut = text.rfind(" ", start + MAX_PASSAGE_CHARS // 2, start + MAX_PASSAGE_CHARS)
            if cut <= start:
                cut = start + MAX_PASSAGE_CHARS
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out


def _headline(title: str, text: str) -> str:
    """The title, when it is a headline worth comparing across outlets; else ''.

    Outlets put a story's claim most plainly in the headline ("Seven killed" against "Eight
    dead"), so it is aligned like any passage. Not when the title is a label ("Politics") or
    merely the opening words of the text, which are compared already.
    """
    words = title.split()
    if len(words) < MIN_HEADLINE_WORDS:
        return ""
    opening = " ".join(text[: len(title) + 40].split()).casefold()
    if opening.startswith(" ".join(words).rstrip("….").casefold()):
        return ""
    return title


def build_article(document: Document, article_id: str) -> Article:
    """Clean a document's body and split it into passages."""
    text, _dropped = clean_body(document.text)
    notes = list(document.notes)
    if document.title and text.startswith(document.title + "\n"):
        text = text[len(document.title) + 1 :]
    if len(text) > MAX_ARTICLE_CHARS:
        cut = text.rfind("\n", 0, MAX_ARTICLE_CHARS)
        text = text[: cut if cut > MAX_ARTICLE_CHARS // 2 else MAX_ARTICLE_CHARS]
        notes.append(f"truncated to its first {len(text):,} characters")
    spans = _bounded(text, segment(text, opens_with_headline=not document.title))
    headline = _headline(document.title, text)
    first = 1 if headline else 0
    # Without a title, an opening line segment() kept though heading-shaped is the headline.
    opens = not document.title and bool(spans) and is_heading(text[spans[0][0] : spans[0][1]])
    passages = tuple(
        Passage(
            f"{article_id}:{n}",
            article_id,
            n - 1 + first,
            start,
            end,
            text[start:end],
            headline=opens and n == 1,
        )
        for n, (start, end) in enumerate(spans, 1)
    )
    if headline:
        top = Passage(
            f"{article_id}:0",
            article_id,
            0,
            0,
            len(headline),
            headline,
            headline=True,
            in_title=True,
        )
        passages = (top, *passages)
    return Article(
        id=article_id,
        title=document.title or (passages[0].text[:80] if passages else article_id),
        text=text,
        source=document.source,
        published=document.published,
        location=document.location,
        url=document.url,
        passages=passages,
        author=document.author,
        guid=document.guid,
        notes=tuple(notes),
    )


def build_articles(
    documents: Sequence[Document],
    on_error: Callable[[str, str], None],
    progress: Progress | None = None,
) -> list[Article]:
    """Articles with unique ids, in input order; documents with no passages are reported."""
    documents = deduplicate(documents)  # the same article arriving twice is read once
    articles: list[Article] = []
    taken: set[str] = set()
    for number, document in enumerate(documents, 1):
        base = _base_id(document, number)
        article_id, suffix = base, 2
        while article_id in taken:
            article_id, suffix = f"{base}~{suffix}", suffix + 1
        article = build_article(document, article_id)
        for note in article.notes:
            if note.startswith("truncated"):
                on_error(document.location or article_id, f"note: {note}")
        if not article.passages:
            on_error(document.location or article_id, "no article text left after cleaning")
            continue
        taken.add(article_id)
        articles.append(article)
        if progress and number % 200 == 0:
            progress("reading", number, len(documents))
    return articles


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
    _index_numbers: dict[str, int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._articles = {a.id: a for a in self.articles}
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
        if headline is not None and not headline.in_title:
            names = names_in(article.text[headline.end :])
        else:
            if self._index_numbers is None:
                self._index_numbers = {a.id: n for n, a in enumerate(self.index.articles)}
            names = self.index.article_names[self._index_numbers[article_id]]
        return frozenset(fold(word) for name in names for word in name.split())

    def alignment(self, story_id: str, pause: Pause | None = None) -> StoryAlignment:
        """Links and unique passages of one story, computed on first request. `pause` runs
        between pieces of the work (see newsterm.pausing) and may call it off with Cancelled."""
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
        are compared in that many forked processes (see newsterm.parallel); same result."""
        total = len(self.stories)
        fresh = len(self._alignments) < total
        pending = [
            s.id for s in self.stories if len(s.article_ids) > 1 and s.id not in self._alignments
        ]
        in_parallel = parallel.worth_it(pending, workers)
        if in_parallel:
            done = total - len(pending)
            for story_id, alignment in parallel.align_stories(self, pending, workers):
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
            disk_cache.write(self.cache_key, dict(self._alignments), disk_cache.ALIGNMENTS)
        return result

    def save_to_cache(self, pause: Pause | None = None) -> bool:
        """Store the corpus on disk for the next load of the same sources, if it was loaded with
        the cache, is big enough to be worth it and is not stored yet; True if it was written.
        `pause` runs between pieces of the work (see newsterm.pausing); a cancelled save writes
        nothing."""
        if self.in_cache or self.cache_key is None:
            return False
        if len(self.articles) < disk_cache.MIN_ARTICLES:
            return False
        # The index holds the same articles: stored once, with the corpus, and put back on load.
        index = copy.copy(self.index)
        index.articles = []
        state = (self.articles, self.stories, index, self.errors)
        self.in_cache = disk_cache.write(self.cache_key, state, pause=pause)
        return self.in_cache

    @property
    def links(self) -> list[Link]:
        return [link for alignment in self.align_all() for link in alignment.links]

    @property
    def unique(self) -> list[str]:
        return [pid for alignment in self.align_all() for pid in alignment.unique]


def load(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    progress: Progress | None = None,
    on_error: Callable[[LoadError], None] | None = None,
    cache: bool = False,
    save: bool = True,
    on_articles: Callable[[Sequence[Article]], None] | None = None,
    workers: int = 1,
) -> Corpus:
    """Read sources (files, folders; the bundled seeds when None) into an indexed Corpus.

    Unreadable sources do not stop the load: each becomes a `LoadError` in `corpus.errors`
    (and is passed to `on_error` as it happens). With `cache`, a corpus built before from the
    very same sources is taken from disk, and a newly built one of some size is kept there
    (see newsterm.cache for what makes it safe). With `save=False` the caller decides when
    to write it (`Corpus.save_to_cache`): the app does so once the reader can browse.

    `on_articles` gets the cleaned, segmented articles as soon as they are read, before the
    index and the stories, which take most of a big build: the app lets the reader start on
    them meanwhile. It is not called when the corpus comes from the cache.

    With `workers` > 1, grouping a big pile forks that many processes (see newsterm.parallel):
    only for a caller that runs no other threads, such as `newsterm export`.
    """
    if paths is None:
        paths = [seeds_path()]
    elif isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    key = None
    if cache:
        if progress:
            progress("cache", 0, 0)
        key = disk_cache.key_for(paths)
        stored = disk_cache.read(key)
        if stored is not None:
            articles, stories, index, errors = stored
            index.articles = list(articles)
            for error in errors:
                if on_error:
                    on_error(error)
            corpus = Corpus(articles, stories, index, errors, cache_key=key, in_cache=True)
            corpus._alignments.update(disk_cache.read(key, disk_cache.ALIGNMENTS) or {})
            return corpus
    corpus = _build(paths, progress, on_error, on_articles, workers)
    corpus.cache_key = key
    if save and key is not None and len(corpus.articles) >= disk_cache.MIN_ARTICLES:
        if progress:
            progress("saving", 0, 0)
        corpus.save_to_cache()
    return corpus


def _stage(progress: Progress | None, stage: str, total: int) -> Callable[[int], None] | None:
    """A stage's own progress callback (done so far), reporting as `stage` of `total`."""
    if progress is None:
        return None
    progress(stage, 0, total)
    return lambda done: progress(stage, done, total)


def _build(
    paths: list[str | os.PathLike[str]],
    progress: Progress | None,
    on_error: Callable[[LoadError], None] | None,
    on_articles: Callable[[Sequence[Article]], None] | None = None,
    workers: int = 1,
) -> Corpus:
    errors: list[LoadError] = []

    def report(location: str, reason: str) -> None:
        kind = "note" if reason.startswith("note: ") else "error"
        error = LoadError(location, reason.removeprefix("note: "), kind)
        errors.append(error)
        if on_error:
            on_error(error)

    if progress:
        progress("reading", 0, 0)
    documents = read_sources(list(paths), report)
    articles = build_articles(documents, report, progress)
    if on_articles:
        on_articles(tuple(articles))
    index = Index(articles, _stage(progress, "indexing", len(articles)))
    articles, stories = group_stories(index, _stage(progress, "grouping", len(articles)), workers)
    index.articles = articles
    return Corpus(tuple(articles), tuple(stories), index, tuple(errors))
