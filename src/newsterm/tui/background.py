"""What the main screen's thread workers do once the corpus is built, in the reader's quiet moments.

Saving the cache and comparing every story take seconds to minutes on a large pile; they run in
threads that give way to every keypress (see tui.activity). The screen keeps the workers
themselves (Textual binds them to it) and the messages they post; the work is here, as plain
functions of the corpus, with the words for a worker that failed.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.worker import Worker

from newsterm.support.pausing import Cancelled
from newsterm.tui.activity import Activity
from newsterm.tui.threads import finishing

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

WORKER_TASKS = {"load": "Reading the sources", "align": "Comparing a story"}
# Seconds a cache write may go on once the reader has quit. A write nearly done is worth
# finishing, since the next start then takes a second or two instead of a full build. One with
# further to go is abandoned at its next piece, and the file it began is removed. All of Reuters
# takes one to two seconds to write.
SAVE_GRACE = 0.5


def until_cancelled(worker: Worker[None]) -> Callable[[], bool]:
    """A pause (newsterm.support.pausing) that never waits and says no once the worker is
    cancelled, as every worker is when the app quits."""
    return lambda: not worker.is_cancelled


def quiet_pause(activity: Activity, worker: Worker[None]) -> Callable[[], bool]:
    """Between small pieces of the work: wait while the reader types; False once cancelled."""
    return lambda: activity.wait_until_quiet(lambda: worker.is_cancelled)


def save_and_align(
    corpus: Corpus, pause: Callable[[], bool], aligned: Callable[[str], object]
) -> None:
    """Keep the corpus on disk for the next start, then compare every story with several
    sources, largest first, calling `aligned` with each story compared. Stops once `pause`
    returns False, when the engine raises `Cancelled` (see newsterm.support.pausing)."""

    quit_at: float | None = None

    def pause_saving() -> bool:
        # Waits while the reader types, as the rest does. Once the reader quits, the save
        # goes on for SAVE_GRACE seconds at most and is then abandoned cleanly.
        nonlocal quit_at
        if pause():
            return True
        if quit_at is None:
            quit_at = time.monotonic()
        return time.monotonic() - quit_at < SAVE_GRACE

    try:
        # First keep the corpus on disk for the next start (a no-op unless the app was
        # started with the cache and the corpus is new and big enough).
        with finishing():  # a quit waits for the file to be finished or removed
            corpus.save_to_cache(pause_saving)
        for story in sorted(corpus.stories, key=lambda s: -len(s.article_ids)):
            if len(story.article_ids) < 2:
                break
            if corpus.cached_alignment(story.id) is None:
                corpus.alignment(story.id, pause)
                gc.freeze()  # alignments are kept for good, like the corpus (MainScreen._loaded)
                aligned(story.id)
    except Cancelled:
        return


def failure_message(worker: Worker[object]) -> str:
    """'<what> failed: <error>' for a worker that raised."""
    what = WORKER_TASKS.get(worker.group, "A background task")
    error = worker.error
    return f"{what} failed: {type(error).__name__}: {error}"
