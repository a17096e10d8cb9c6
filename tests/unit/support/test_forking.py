"""Comparing stories, and finding look-alike articles, in several processes gives exactly what
one process gives."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsterm import load
from newsterm.cli import main
from newsterm.corpus import corpus as corpus_module
from newsterm.corpus import stories
from newsterm.support import forking

from ..corpus.conftest import _indexed
from ..corpus.test_split import _two_events

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


def test_groups_cut_in_two_in_forked_processes_give_the_same_stories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two players' injuries told in the same words: linkage makes one group of eight, and the
    split, run in forked workers, cuts it by player exactly as one process does."""
    texts = _two_events(
        ("Ike Dunmore", "Raul Vastag"), ("Dorvale Herons", "Kestwick Owls"), ("2016", "2018")
    )
    articles, index = _indexed(texts)
    serial = stories._clusters(articles, index, workers=1)
    sent = []
    real = forking.forked_map

    def counted(task: object, items: list[list[int]], *args: object) -> object:
        sent.append(items)
        return real(task, items, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(stories, "FORK_MIN_SPLIT_ARTICLES", 1)
    monkeypatch.setattr(forking, "forked_map", counted)
    forked = stories._clusters(articles, index, workers=2)
    assert sent == [[list(range(8))]], "the group was not cut in a worker"
    assert forked == serial == [[0, 1, 2, 3], [4, 5, 6, 7]]


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


# ------------------------------------------------------------------- stopping the workers


def _alive(pid: int) -> bool:
    """Whether a process still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def _gone_within(pids: list[int], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _disposition(_item: int) -> tuple[int, bool, bool]:
    return (
        os.getpid(),
        signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
        signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
    )


def test_workers_leave_stopping_to_the_parent() -> None:
    """Ctrl+C reaches every process of the group: workers ignore it (no traceback of theirs),
    and die quietly on the SIGTERM with which the parent terminates them."""
    found = list(forking.forked_map(_disposition, range(8), 2))
    assert {pid for pid, _, _ in found} - {os.getpid()}
    assert all(ignores_int and default_term for _, ignores_int, default_term in found)


def run_script(tmp_path: Path, code: str) -> subprocess.Popen[str]:
    """Run `code` in a Python process of its own session (so nothing it forks can outlive the
    test: the finally of each test kills the whole group)."""
    script = tmp_path / "parent.py"
    script.write_text(code)
    return subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def read_line(process: subprocess.Popen[str], seconds: float = 60.0) -> str:
    """The next line the process prints, waiting at most `seconds` for it."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, "the process printed nothing in time"
    return process.stdout.readline()


def end_group(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_stop_workers_ends_a_pool_whose_generator_is_suspended(tmp_path: Path) -> None:
    """An interrupt that lands in the caller's loop leaves forked_map suspended at a yield,
    its pool open: stop_workers terminates and joins it there and then. (In a process of its
    own, so that a stop_workers that hangs fails the test instead of hanging it.)"""
    parent = run_script(
        tmp_path,
        "import multiprocessing, os, time\n"
        "from newsterm.support import forking\n"
        "def slow(n):\n"
        "    time.sleep(0.2 if n else 0)\n"
        "    return os.getpid()\n"
        "results = forking.forked_map(slow, range(50), 2)\n"
        "first = next(results)\n"
        "workers = [c.pid for c in multiprocessing.active_children()]\n"
        "assert first in workers\n"
        "print(' '.join(map(str, workers)), flush=True)\n"
        "forking.stop_workers()\n"
        "print(len(multiprocessing.active_children()), flush=True)\n"
        "results.close()  # the generator's own cleanup is then a no-op\n"
        "print('closed', flush=True)\n",
    )
    try:
        out, _ = parent.communicate(timeout=60)
        lines = out.splitlines()
        assert parent.returncode == 0, out
        workers = [int(pid) for pid in lines[0].split()]
        assert len(workers) == 2
        assert lines[1:] == ["0", "closed"]
        assert not any(_alive(pid) for pid in workers)
    finally:
        end_group(parent)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_a_parent_killed_outright(tmp_path: Path) -> None:
    """SIGKILL leaves the parent no time to clean up: the kernel tells the workers instead."""
    parent = run_script(
        tmp_path,
        "import os, time\n"
        "from newsterm.support import forking\n"
        "def task(n):\n"
        "    time.sleep(60 if n else 0)\n"
        "    return os.getpid()\n"
        "results = forking.forked_map(task, range(4), 2, in_order=False)\n"
        "next(results)\n"
        "import multiprocessing\n"
        "print(' '.join(str(c.pid) for c in multiprocessing.active_children()), flush=True)\n"
        "time.sleep(60)\n",
    )
    try:
        workers = [int(pid) for pid in read_line(parent).split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        parent.kill()
        parent.wait(timeout=30)
        assert _gone_within(workers)
    finally:
        end_group(parent)
