"""`load()`: the pipeline that turns sources into a Corpus.

sources -> documents -> cleaned, segmented articles -> index -> stories; alignment follows per
story, on demand (see newsterm.corpus.corpus). With the cache, a pile built before from the very
same sources is read back from disk instead (see newsterm.corpus.cache).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Literal

from newsterm.corpus import cache as disk_cache
from newsterm.corpus.articles import Progress, build_articles
from newsterm.corpus.corpus import Corpus
from newsterm.corpus.index import Index
from newsterm.corpus.stories import group_stories
from newsterm.ingest.fetch import FetchOptions, is_url
from newsterm.ingest.sources import read_sources
from newsterm.model import Article, LoadError
from newsterm.support.pausing import Pause


def seeds_path() -> Path:
    """The bundled seed articles: inside the installed package, or beside it in a checkout."""
    packaged = Path(str(files("newsterm").joinpath("seeds")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "seeds"


def load(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    progress: Progress | None = None,
    on_error: Callable[[LoadError], None] | None = None,
    cache: bool = False,
    save: bool = True,
    on_articles: Callable[[Sequence[Article]], None] | None = None,
    workers: int = 1,
    pause: Pause | None = None,
    fetch: FetchOptions | None = None,
) -> Corpus:
    """Read sources (files, folders, http(s) URLs of pages and feeds; the bundled seeds when
    None) into an indexed Corpus.

    Unreadable sources do not stop the load: each becomes a `LoadError` in `corpus.errors`
    (and is passed to `on_error` as it happens). With `cache`, a corpus built before from the
    very same sources is taken from disk, and a newly built one of some size is kept there
    (see newsterm.corpus.cache for what makes it safe). With `save=False` the caller decides when
    to write it (`Corpus.save_to_cache`): the app does so once the reader can browse.

    `on_articles` gets the cleaned, segmented articles as soon as they are read, before the
    index and the stories, which take most of a big build: the app lets the reader start on
    them meanwhile. It is not called when the corpus comes from the cache.

    With `workers` > 1, grouping a big pile forks that many processes (see
    newsterm.support.forking): only for a caller that runs no other threads, such as `newsterm
    export`.

    `pause` runs between small pieces of the build (files, articles, links; see
    newsterm.support.pausing) and may call it off with `Cancelled`: the app's load runs for
    up to a minute, and must stop within moments of the reader quitting.

    URLs are fetched with `fetch`'s options (see newsterm.ingest.fetch), and a load with any
    never uses the cache: a page may change between two loads, and no key can know. Its saved
    copies (`FetchOptions.save`) are files, and a load of them does."""
    if paths is None:
        paths = [seeds_path()]
    elif isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    cache = cache and not any(is_url(path) for path in paths)
    key = None
    if cache:
        if progress:
            progress("cache", 0, 0)
        key = disk_cache.key_for(paths)
        stored = disk_cache.read_corpus(key)
        if stored is not None:
            articles, stories, index, errors = stored
            for error in errors:
                if on_error:
                    on_error(error)
            corpus = Corpus(articles, stories, index, errors, cache_key=key, in_cache=True)
            corpus._alignments.update(disk_cache.read_alignments(key) or {})
            return corpus
    corpus = _build(paths, progress, on_error, on_articles, workers, pause, fetch)
    corpus.cache_key = key
    if save and key is not None and len(corpus.articles) >= disk_cache.MIN_ARTICLES:
        if progress:
            progress("saving", 0, 0)
        corpus.save_to_cache()
    return corpus


def read_articles(
    paths: list[str | os.PathLike[str]],
    report: Callable[[str, str], None],
    progress: Progress | None = None,
    pause: Pause | None = None,
    fetch: FetchOptions | None = None,
) -> list[Article]:
    """The cleaned, segmented articles of the sources, before any index or story: what the app
    opens for reading while a forked process builds the rest (see corpus.forked_build).
    `report(location, reason)` hears of each source that could not be read."""
    if progress:
        progress("reading", 0, 0)
    documents = read_sources(list(paths), report, pause, fetch=fetch, progress=progress)
    return build_articles(documents, report, progress, pause)


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
    pause: Pause | None = None,
    fetch: FetchOptions | None = None,
) -> Corpus:
    errors: list[LoadError] = []

    def report(location: str, reason: str) -> None:
        kind: Literal["error", "note"] = "note" if reason.startswith("note: ") else "error"
        error = LoadError(location, reason.removeprefix("note: "), kind)
        errors.append(error)
        if on_error:
            on_error(error)

    articles = read_articles(paths, report, progress, pause, fetch)
    if on_articles:
        on_articles(tuple(articles))
    index = Index(articles, _stage(progress, "indexing", len(articles)), pause)
    articles, stories = group_stories(
        articles, index, _stage(progress, "grouping", len(articles)), workers, pause
    )
    return Corpus(tuple(articles), tuple(stories), index, tuple(errors))
