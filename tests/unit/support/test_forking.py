"""Comparing stories, and finding look-alike articles, in several processes gives exactly what
one process gives."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsterm import load
from newsterm.cli import main
from newsterm.corpus import corpus as corpus_module
from newsterm.corpus import stories
from newsterm.support import forking

STORM_A = """Storm floods the coastal town of Marlow
2024-04-02

Floodwater reached 300 homes in Marlow on Monday, the fire service said.
Two people were rescued from a car near the harbour.
"""
STORM_B = """Marlow flooded as storm hits the coast
2024-04-03

Floodwater reached 350 homes in Marlow on Monday, the fire service said.
Two people were rescued from a car near the harbour, police said.
"""
VOTE_A = """Council approves the new library budget
2024-04-04

The council voted to fund the library for another five years.
"""
VOTE_B = """Library budget passes the council vote
2024-04-05

The council voted to fund the library for another six years.
"""


@pytest.fixture
def pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(corpus_module, "FORK_MIN_STORIES", 1)  # two stories are enough to fork for
    folder = tmp_path / "pile"
    folder.mkdir()
    for name, text in {
        "Herald - storm.txt": STORM_A,
        "Courier - storm.txt": STORM_B,
        "Gazette - vote.txt": VOTE_A,
        "Tribune - vote.txt": VOTE_B,
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_two_processes_find_the_same_links_as_one(
    pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = load([pile]).align_all(workers=1)
    forked = load([pile])
    forks = []
    real = forking.forked_map

    def counted(*args: object, **kwargs: object) -> object:
        forks.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(forking, "forked_map", counted)
    assert forked.align_all(workers=2) == serial
    assert forks, "the stories were not compared in the workers"
    conflicts = [link for a in serial for link in a.links if link.relation == "conflict"]
    assert len(conflicts) == 2  # 300/350 homes, five/six years


def test_forked_map_keeps_order_and_needs_no_pickling() -> None:
    offset = 10
    add = lambda n: n + offset  # noqa: E731 - a lambda cannot be pickled; forking never tries
    assert list(forking.forked_map(add, range(20), 2)) == list(range(10, 30))


def test_grouping_in_two_processes_gives_the_same_stories(
    pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = load([pile], workers=1)
    forks = []
    real = forking.forked_map

    def counted(*args: object) -> object:
        forks.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stories, "FORK_MIN_ARTICLES", 1)
    monkeypatch.setattr(stories, "PROGRESS_EVERY", 1)  # one article per piece of work
    monkeypatch.setattr(forking, "forked_map", counted)
    forked = load([pile], workers=2)
    assert forks, "grouping did not use the workers"
    assert forked.stories == serial.stories
    assert [sorted(s.article_ids) for s in forked.stories] == [
        sorted(s.article_ids) for s in serial.stories
    ]
    assert len(forked.stories) == 2  # the storm and the vote


def test_no_fork_while_other_threads_run(pile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked child gets only the forking thread: a lock held by another would never open."""

    def must_not_fork(*_args: object) -> None:
        raise AssertionError("forked while another thread was running")

    monkeypatch.setattr(forking, "forked_map", must_not_fork)
    monkeypatch.setattr(stories, "FORK_MIN_ARTICLES", 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        corpus = load([pile], workers=2)
        assert len(corpus.align_all(workers=2)) == len(corpus.stories)
    finally:
        stop.set()
        other.join()


def test_export_report_is_the_same_whatever_the_jobs(pile: Path, tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        out = tmp_path / f"report-{jobs}.json"
        assert main(["export", "--quiet", "-f", "json", "-j", jobs, "-o", str(out), str(pile)]) == 0
    first, second = (tmp_path / f"report-{j}.json" for j in ("1", "2"))
    assert first.read_bytes() == second.read_bytes()


def test_a_bad_jobs_value_is_refused(pile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "-j", "none", str(pile)])
    assert "not a positive whole number: 'none'" in capsys.readouterr().err
