"""A pile built in a forked process (newsterm.corpus.forked_build): the same corpus as a build
in this process, its progress passed on, the child ended when the wait is called off, and no
build at all where forking would not pay or is not safe."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from newsterm.corpus import forked_build
from newsterm.corpus.forked_build import ForkedBuild
from newsterm.corpus.load import load
from newsterm.support import forking
from newsterm.support.pausing import Cancelled
from newsterm.tui.loading import Progress, read_forked

pytestmark = pytest.mark.skipif(not forking.can_fork(), reason="forking needs Linux, one thread")


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    """Two events told by three outlets each, and some briefs of their own."""
    path = tmp_path / "pile.jsonl"
    rows = []
    for n in range(3):
        rows.append(
            {
                "id": f"quake{n}",
                "source": f"Outlet {n}",
                "published": "2024-05-02",
                "title": f"Quake of magnitude 6.1 shakes Varnholt, {n + 3} hurt",
                "text": "A magnitude 6.1 earthquake shook the port town of Varnholt on Thursday. "
                f"Officials said {n + 3} people were hurt and the harbour wall cracked.",
            }
        )
        rows.append(
            {
                "id": f"vote{n}",
                "source": f"Outlet {n}",
                "published": "2024-05-03",
                "title": "Pellworth council votes to close the old library",
                "text": "The Pellworth council voted 7 to 2 on Friday to close the old library "
                "on Mill Street. The mayor said the building was no longer safe.",
            }
        )
    for n in range(20):
        rows.append(
            {
                "id": f"brief{n}",
                "source": "Outlet 9",
                "published": f"2024-04-{n + 1:02d}",
                "title": f"Brief number {n}",
                "text": f"Item {n} of the day's briefs: the {n}th ferry ran late by {n} minutes.",
            }
        )
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def small_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked_build, "FORK_MIN_BYTES", 1)


def _stories(corpus) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return sorted(story.article_ids for story in corpus.stories)


def test_the_forked_corpus_is_the_one_built_here(pile: Path, small_enough: None) -> None:
    build = ForkedBuild.start([str(pile)], cache=False)
    assert build is not None
    steps: list[tuple[str, int, int]] = []
    corpus = build.wait(lambda *step: steps.append(step))
    assert corpus is not None
    here = load([pile])
    assert _stories(corpus) == _stories(here)
    assert [a.id for a in corpus.articles] == [a.id for a in here.articles]
    assert [a.text for a in corpus.articles] == [a.text for a in here.articles]
    assert corpus.index.term_names == here.index.term_names  # the index came back whole
    assert {stage for stage, _done, _total in steps} >= {"reading", "indexing", "grouping"}
    alignment = corpus.alignment(corpus.story_of("quake0").id)  # a corpus that compares
    assert alignment.links


def test_calling_the_wait_off_ends_the_child(pile: Path, small_enough: None) -> None:
    build = ForkedBuild.start([str(pile)], cache=False)
    assert build is not None
    pid = build._pid

    def no() -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        build.wait(pause=no)
    with pytest.raises(ChildProcessError):  # killed and reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)


def test_a_failed_child_is_built_here(
    pile: Path, small_enough: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child dies before it hands the corpus back: the wait says so, and the app's load
    builds the corpus itself, with the articles still opened early."""
    import newsterm.corpus.load as load_module

    def broken(*_args: object, **_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(load_module, "load", broken)  # in the child, forked after this
    build = ForkedBuild.start([str(pile)], cache=False)
    assert build is not None
    assert build.wait() is None
    monkeypatch.undo()
    monkeypatch.setattr(forked_build, "FORK_MIN_BYTES", 1)
    monkeypatch.setattr(load_module, "load", broken)
    build = ForkedBuild.start([str(pile)], cache=False)
    assert build is not None
    monkeypatch.setattr(load_module, "load", load)  # the parent's fallback builds for real
    monkeypatch.setattr("newsterm.tui.loading.EARLY_READING_MIN", 1)
    early: list[int] = []
    states: list[Progress] = []
    corpus = read_forked(
        build,
        [str(pile)],
        cache=False,
        progress=states.append,
        early=lambda articles: early.append(len(articles)),
    )
    assert _stories(corpus) == _stories(load([pile]))
    assert early == [len(corpus.articles)]


def test_no_fork_where_it_would_not_pay_or_is_not_safe(pile: Path) -> None:
    assert ForkedBuild.start([str(pile)], cache=False) is None  # a small pile
    forked_build.FORK_MIN_BYTES, before = 1, forked_build.FORK_MIN_BYTES
    try:
        assert ForkedBuild.start(None, cache=False) is None  # the seeds
        assert ForkedBuild.start(["https://example.invalid/feed"], cache=False) is None
        fifo = pile.with_name("pipe")
        os.mkfifo(fifo)  # what the child read of it could not be read again
        assert ForkedBuild.start([str(pile), str(fifo)], cache=False) is None
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        try:
            assert ForkedBuild.start([str(pile)], cache=False) is None  # a thread runs
        finally:
            stop.set()
            thread.join()
    finally:
        forked_build.FORK_MIN_BYTES = before


def test_a_pile_the_cache_holds_is_read_from_it(
    pile: Path, small_enough: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fork is made before the first frame, with no time to look in the cache; the app's
    load looks, ends the child and reads the cache instead."""
    monkeypatch.setenv("NEWSTERM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("newsterm.corpus.cache.MIN_ARTICLES", 1)
    load([pile], cache=True)  # stored
    build = ForkedBuild.start([str(pile)], cache=True)
    assert build is not None
    pid = build._pid
    corpus = read_forked(build, [str(pile)], cache=True, progress=lambda _: None, early=print)
    assert corpus.in_cache
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
