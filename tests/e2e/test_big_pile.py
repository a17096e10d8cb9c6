"""A pile big enough to be built in a forked process (newsterm.corpus.forked_build), opened in
the real `newsterm` in a real terminal (tmux): the stories the app shows are those a build in
one process forms, the child is gone once they are shown, and a second start reads the pile
from the cache the first one filled."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from newsterm.corpus.forked_build import FORK_MIN_BYTES
from newsterm.corpus.load import load

from .piles import council_reports
from .test_quit import _children, _descendants, _none_alive
from .tmux import NEWSTERM, Terminal, available

pytestmark = pytest.mark.skipif(
    not available() or not Path("/proc/self/stat").exists(),
    reason="needs tmux, the installed command and /proc",
)

SUMMARY = re.compile(r"([\d,]+) articles · ([\d,]+) stories")


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Council reports of six towns over a month, a little over FORK_MIN_BYTES."""
    path = tmp_path_factory.mktemp("pile") / "pile.jsonl"
    return council_reports(path, min_bytes=int(FORK_MIN_BYTES * 1.2))


def _summary(term: Terminal, timeout: float = 120) -> tuple[int, int]:
    """(articles, stories) from the status line, once the stories are formed."""
    screen = term.wait_for(" stories (", timeout=timeout)
    found = SUMMARY.search(screen)
    assert found, screen
    return int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))


def test_a_big_pile_is_built_aside_and_read_from_the_cache_next_time(
    pile: Path, tmp_path: Path
) -> None:
    here = load([pile])
    expected = (len(here.articles), len(here.stories))
    cache = tmp_path / "cache"  # this test's own, so that what it finds there is its doing
    environ = {"NEWSTERM_CACHE_DIR": str(cache)}
    with Terminal([str(NEWSTERM), str(pile)], cwd=tmp_path, environ=environ) as term:
        term.wait_for("Sources", timeout=30)
        app = int(term.display("#{pane_pid}"))
        forked = _descendants(app)
        assert forked, "the pile was not built in a forked process"
        assert _summary(term) == expected
        assert _none_alive(forked), "the forked build outlived its work"
        # The reader's quiet moments: the corpus it was handed is written to the cache.
        deadline = time.monotonic() + 60
        while not any(cache.rglob("*.corpus.msgpack")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert any(cache.rglob("*.corpus.msgpack")), "the first start filled no cache"
        term.keys("q")
        assert term.exited()
    with Terminal([str(NEWSTERM), str(pile)], cwd=tmp_path, environ=environ) as term:
        assert _summary(term, timeout=30) == expected
        app = int(term.display("#{pane_pid}"))
        assert _children(app) == []  # the child found the cache and stopped
        term.keys("q")
        assert term.exited()
