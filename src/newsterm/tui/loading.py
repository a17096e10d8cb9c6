"""Reading the sources for the main screen, and what the status line says about it.

The screen runs `read_corpus` in a thread worker and shows the rest: the progress as the load
goes, the problems met in the sources, and the corpus summary once it is built. Kept apart from
the screen, which owns the widgets and the reading position, so the words and thresholds of
the load live in one place and can be read without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.notifications import SeverityLevel

from newsterm.model import Article, LoadError
from newsterm.support.pausing import Pause

STAGES = {
    "fetching": "Fetching pages and feeds",
    "reading": "Reading sources",
    "indexing": "Indexing",
    "grouping": "Grouping articles into stories",
    "aligning": "Comparing passages",
    "cache": "Checking the cache",
    "saving": "Saving to the cache for the next start",
}
MAX_ERROR_NOTES = 5
# Piles at least this big open their articles for reading while the index and the stories are
# still being built (seconds to half a minute on ten thousand articles); a smaller pile is
# grouped in about a second, and a list that regroups under the reader then would only jar.
EARLY_READING_MIN = 500
WAITING_FOR_STORIES = (
    "Stories are still being formed. Matches and conflicts appear here once the progress "
    "bar below is done; you can read meanwhile."
)
STORIES_FAILED = (
    "Stories could not be formed (the status line says why), so nothing can be compared. "
    "The articles can still be read."
)

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus
    from newsterm.corpus.forked_build import ForkedBuild
    from newsterm.ingest.fetch import FetchOptions


@dataclass
class Progress:
    """Written by the loading thread, read by a UI timer: no message per article."""

    stage: str = "reading"
    done: int = 0
    total: int = 0


def read_corpus(
    sources: Sequence[str] | None,
    *,
    cache: bool,
    progress: Callable[[Progress], None],
    early: Callable[[Sequence[Article]], None],
    pause: Pause | None = None,
    fetch: FetchOptions | None = None,
    forked: ForkedBuild | None = None,
) -> Corpus:
    """The corpus of the sources (the bundled seeds when None), URLs fetched with `fetch`'s
    options, or the one `forked` builds (see read_forked). `early` is given the articles
    as soon as they are read, on a pile big enough for reading to start before the stories
    are formed (EARLY_READING_MIN). The cache is saved later, in the reader's quiet moments
    (see tui.background). `pause` is asked between small pieces of the build; once it says
    no, the load stops with Cancelled (see newsterm.support.pausing)."""

    if forked is not None and sources:
        return read_forked(
            forked, sources, cache=cache, progress=progress, early=early, pause=pause
        )

    def read(articles: Sequence[Article]) -> None:
        if len(articles) >= EARLY_READING_MIN:
            early(articles)

    from newsterm.corpus.load import load  # the engine, imported off the first frame's path

    return load(
        sources,
        progress=_reporting(progress),
        cache=cache,
        save=False,
        on_articles=read,
        pause=pause,
        fetch=fetch,
    )


def read_forked(
    build: ForkedBuild,
    sources: Sequence[str],
    *,
    cache: bool,
    progress: Callable[[Progress], None],
    early: Callable[[Sequence[Article]], None],
    pause: Pause | None = None,
) -> Corpus:
    """The corpus a forked process builds (see newsterm.corpus.forked_build), the articles
    read here meanwhile for `early` reading; built here as by `read_corpus` if the child fails.
    The child is ended if `pause` calls the load off."""
    from newsterm.corpus import cache as disk_cache
    from newsterm.corpus.load import read_articles

    reported = _reporting(progress)
    key = disk_cache.key_for(sources) if cache else None  # a walk of the files: once
    if key is not None and disk_cache.has_corpus(key):
        build.stop()  # forked for nothing: the cache holds the pile
        return read_corpus(sources, cache=cache, progress=progress, early=early, pause=pause)
    try:
        articles = read_articles(list(sources), lambda *_: None, reported, pause)
        if len(articles) >= EARLY_READING_MIN:
            early(articles)
        corpus = build.wait(reported, pause)
    finally:
        build.stop()
    if corpus is None:  # the child failed: nothing is lost but the time
        return read_corpus(
            sources, cache=cache, progress=progress, early=lambda _: None, pause=pause
        )
    corpus.cache_key = key  # saved in the reader's quiet moments, with the cache
    return corpus


def _reporting(progress: Callable[[Progress], None]) -> Callable[[str, int, int], None]:
    """The engine's progress calls (stage, done, total) as the state the UI timer reads."""

    def reported(stage: str, done: int, total: int) -> None:
        progress(Progress(stage, done, total))

    return reported


def progress_label(state: Progress, *, early: bool) -> str:
    """The status line while the sources load: the stage, how far, and whether one can read."""
    label = STAGES.get(state.stage, state.stage.capitalize())
    if state.total:
        label += f": {state.done:,} of {state.total:,}"
    label += "…"
    if early:
        label += " · you can read meanwhile"
    return label


def error_notes(errors: Sequence[LoadError]) -> list[tuple[str, SeverityLevel]]:
    """The notifications for problems met in the sources: the first few, then a count."""
    notes: list[tuple[str, SeverityLevel]] = [
        (str(error), "information" if error.kind == "note" else "warning")
        for error in errors[:MAX_ERROR_NOTES]
    ]
    if len(errors) > MAX_ERROR_NOTES:
        notes.append(
            (
                f"…and {len(errors) - MAX_ERROR_NOTES} more sources with problems "
                "(run 'newsterm export' to list them all).",
                "warning",
            )
        )
    return notes


def nothing_read(errors: Sequence[LoadError]) -> Text:
    """What the shell is told when no source gave an article: each source's reason, then the
    verdict, one line each, as the export says them. A `Text`: nothing in a file name is
    parsed as markup. Printed by Textual once the terminal is restored, so no line of it can
    land on the app's screen as it is put away."""
    lines = [f"newsterm: {error}" for error in errors]
    lines.append("newsterm: nothing could be read from the sources given")
    return Text("\n".join(lines), no_wrap=True, overflow="ignore")


def corpus_summary(corpus: Corpus) -> str:
    """The status line once the corpus is built: what there is to read, and the two keys."""
    articles, stories = len(corpus.articles), len(corpus.stories)
    shared = sum(1 for s in corpus.stories if len(s.article_ids) > 1)
    text = (
        f"{articles:,} article{'s' if articles != 1 else ''} · "
        f"{stories:,} stor{'ies' if stories != 1 else 'y'} "
        f"({shared:,} with several sources) · ? help · ctrl+p commands"
    )
    if corpus.errors:
        text += f" · {len(corpus.errors)} source problem(s)"
    return text
