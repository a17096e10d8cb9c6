"""Writing the cache goes wrong in every way a disk allows, and costs at most the cache: two
writers at once, a writer killed halfway, a full disk, a read-only folder.

Writers run in forked processes, which inherit this test's settings (the lowered size floor, the
cache folder). A tiny disk is a tmpfs, mounted where the test may (as root); elsewhere those tests
are skipped and the file size limit (RLIMIT_FSIZE) stands in for a full disk.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import select
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsterm.corpus.load
from newsterm import load
from newsterm.corpus import cache

from .disks import fill, mount, small_tmpfs

TEXT = "{title}\n2024-04-0{day}\n\n{body}\n"
FORK = multiprocessing.get_context("fork")


def write_pile(folder: Path, subject: str) -> Path:
    folder.mkdir()
    for number, outlet in enumerate(("Herald", "Courier", "Gazette"), 1):
        (folder / f"{outlet} - {subject}.txt").write_text(
            TEXT.format(
                title=f"{subject} in Marlow, {outlet} reports",
                day=number,
                body=f"The {subject} reached {300 + number} homes in Marlow on Monday. " * 20,
            ),
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    return write_pile(tmp_path / "pile", "Floodwater")


def corpora(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.corpus.msgpack"))


def parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.part"))


def texts(pile: Path, **options: Any) -> list[str]:
    return [article.text for article in load([pile], **options).articles]


def no_build(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("built again instead of read from the cache")


def assert_served_from_the_cache(pile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = texts(pile)
    with monkeypatch.context() as patch:
        patch.setattr(newsterm.corpus.load, "_build", no_build)
        assert texts(pile, cache=True) == expected


def _save_slowly(pile: Path, start: Any) -> None:
    corpus = load([pile], cache=True, save=False)
    start.wait()

    def slowly() -> bool:
        time.sleep(0.002)
        return True

    os._exit(0 if corpus.save_to_cache(slowly) else 1)


def test_two_processes_writing_the_same_corpus_at_once_leave_one_whole_file(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = FORK.Barrier(2)
    writers = [FORK.Process(target=_save_slowly, args=(pile, start)) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert [writer.exitcode for writer in writers] == [0, 0]
    assert len(corpora(private_cache)) == 1
    assert parts(private_cache) == []
    assert_served_from_the_cache(pile, monkeypatch)


def _save_until_killed(pile: Path, signal_fd: int) -> None:
    corpus = load([pile], cache=True, save=False)
    pieces = 0

    def pause() -> bool:
        nonlocal pieces
        pieces += 1
        if pieces == 3:
            os.write(signal_fd, b"halfway")
            time.sleep(60)  # killed here
        return True

    corpus.save_to_cache(pause)
    os._exit(0)


def test_a_writer_killed_halfway_leaves_nothing_that_is_read_and_its_piece_is_evicted(
    pile: Path, tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading, writing = os.pipe()
    writer = FORK.Process(target=_save_until_killed, args=(pile, writing))
    writer.start()
    ready, _, _ = select.select([reading], [], [], 60)
    assert ready, "the writer never got halfway"
    assert writer.pid is not None
    os.kill(writer.pid, signal.SIGKILL)
    writer.join(10)
    os.close(reading)
    os.close(writing)
    assert corpora(private_cache) == []
    (cut,) = parts(private_cache)
    # Restart: the cut-off piece is not read, the corpus is built and written whole beside it.
    assert texts(pile, cache=True) == texts(pile)
    assert len(corpora(private_cache)) == 1
    assert_served_from_the_cache(pile, monkeypatch)
    # An hour on, the next write sweeps the piece away.
    old = time.time() - 2 * 3600
    os.utime(cut, (old, old))
    other = write_pile(tmp_path / "other", "Wildfire")
    load([other], cache=True)
    assert parts(private_cache) == []
    assert len(corpora(private_cache)) == 2


def _load_with_a_file_size_limit(pile: Path, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    corpus = load([pile], cache=True)
    os._exit(0 if len(corpus.articles) == 3 and not corpus.in_cache else 1)


def test_a_write_that_runs_out_of_room_costs_only_the_cache(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RLIMIT_FSIZE: the kernel refuses the write past a size, as a full disk would."""
    child = FORK.Process(target=_load_with_a_file_size_limit, args=(pile, 2000))
    child.start()
    child.join(60)
    assert child.exitcode == 0
    assert corpora(private_cache) == []
    assert parts(private_cache) == []
    load([pile], cache=True)
    assert_served_from_the_cache(pile, monkeypatch)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs, or the test is skipped."""
    with small_tmpfs(tmp_path / "disk", "256k", "0700") as disk:
        yield disk


def test_a_full_disk_costs_only_the_cache(
    pile: Path, tiny_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tiny_disk / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    filler = fill(tiny_disk)
    expected = texts(pile)
    assert texts(pile, cache=True) == expected
    assert corpora(folder) == [] and parts(folder) == []
    filler.unlink()
    assert texts(pile, cache=True) == expected
    assert_served_from_the_cache(pile, monkeypatch)


def test_a_read_only_folder_costs_only_the_cache(
    pile: Path, tmp_path: Path, tiny_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache that can be read but not written to: what is there is used, a damaged file is
    built again (and left, since it cannot be deleted), and a new pile is built and not kept."""
    folder = tiny_disk / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    damaged_pile = write_pile(tmp_path / "damaged", "Wildfire")
    load([pile], cache=True)
    load([damaged_pile], cache=True)
    (damaged,) = (
        path for path in corpora(folder) if path.name.startswith(cache.key_for([damaged_pile]))
    )
    damaged.write_bytes(damaged.read_bytes()[:100])
    mount("-o", "remount,ro", str(tiny_disk))
    assert_served_from_the_cache(pile, monkeypatch)
    assert texts(damaged_pile, cache=True) == texts(damaged_pile)
    new_pile = write_pile(tmp_path / "new", "Earthquake")
    assert texts(new_pile, cache=True) == texts(new_pile)
    assert len(corpora(folder)) == 2 and parts(folder) == []
