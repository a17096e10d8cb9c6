"""A cache file another local user could have put or swapped in is never loaded.

The attacker's file is made the way an attacker would: with newsterm itself, loading the victim's
sources into a cache folder of the attacker's while the build is swapped for the attacker's own
corpus, so that it is a well-formed cache file, under the right key and in the right format,
holding the attacker's articles. Permission checks need another user: as root, folders and files
are given to `nobody` (uid 65534); without root those tests are skipped.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsterm.corpus.load
from newsterm import load
from newsterm.corpus import cache

OTHER = 65534  # nobody
TEXT = "{title}\n2024-04-0{day}\n\n{body}\n"
REAL_BUILD = newsterm.corpus.load._build


def write_pile(folder: Path, story: str) -> Path:
    folder.mkdir(parents=True)
    for number, outlet in enumerate(("Herald", "Courier", "Gazette"), 1):
        (folder / f"{outlet} - {story}.txt").write_text(
            TEXT.format(
                title=f"{story} in Marlow, {outlet} reports",
                day=number,
                body=f"The {story} reached {300 + number} homes in Marlow on Monday.",
            ),
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    return write_pile(tmp_path / "pile", "Floodwater")


@pytest.fixture
def attacker_pile(tmp_path: Path) -> Path:
    return write_pile(tmp_path / "attacker-pile", "ATTACKER")


def plant(pile: Path, folder: Path, attacker_pile: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache file for `pile` in `folder` that holds the attacker's corpus."""

    def attackers_build(_paths: object, *rest: Any, **named: Any) -> Any:
        return REAL_BUILD([attacker_pile], *rest, **named)

    with monkeypatch.context() as patch:
        patch.setenv(cache.CACHE_ENV, str(folder))
        patch.setattr(newsterm.corpus.load, "_build", attackers_build)
        load([pile], cache=True)
    (planted,) = folder.glob("*.corpus.msgpack")
    return planted


def loaded_attackers(pile: Path) -> bool:
    """Whether a load of the victim's pile came back with the attacker's articles."""
    corpus = load([pile], cache=True)
    assert corpus.articles
    return any("ATTACKER" in article.text for article in corpus.articles)


def give_away(*paths: Path) -> None:
    """Hand files or folders to another user, or skip the test where that is not possible."""
    if os.getuid() != 0:
        pytest.skip("needs root to give a file to another user")
    for path in paths:
        try:
            os.chown(path, OTHER, OTHER, follow_symlinks=False)
        except PermissionError:
            pytest.skip("this system does not let root give files away")


def no_build(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the corpus was built again instead of read from the cache")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The victim's cache folder (where $NEWSTERM_CACHE_DIR points), under a folder of ours."""
    path = tmp_path / "home" / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(path))
    return path


def test_the_attackers_file_is_read_when_nothing_is_wrong(
    pile: Path, attacker_pile: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control case: a file planted where only we may write is ours by definition, and is
    used; so the refusals below are the checks at work, not a planting that never worked."""
    plant(pile, folder, attacker_pile, monkeypatch)
    assert loaded_attackers(pile)


def test_a_folder_of_another_user_is_never_read(
    pile: Path, attacker_pile: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = plant(pile, folder, attacker_pile, monkeypatch)
    give_away(folder, planted)
    assert not loaded_attackers(pile)


@pytest.mark.parametrize("mode", [0o770, 0o730, 0o707, 0o777])
def test_a_folder_others_may_write_is_never_read(
    pile: Path, attacker_pile: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    plant(pile, folder, attacker_pile, monkeypatch)
    folder.chmod(mode)
    assert not loaded_attackers(pile)


@pytest.mark.parametrize("change", ["owner", 0o620, 0o602, 0o666])
def test_a_file_of_another_user_or_that_others_may_write_is_never_read(
    pile: Path,
    attacker_pile: Path,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: str | int,
) -> None:
    planted = plant(pile, folder, attacker_pile, monkeypatch)
    if change == "owner":
        give_away(planted)
    else:
        planted.chmod(int(change))
    assert not loaded_attackers(pile)


@pytest.mark.parametrize("mode", [0o775, 0o757, 0o777])
def test_a_folder_on_the_way_that_others_may_write_without_sticky_bit_is_refused(
    pile: Path, attacker_pile: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    """Whoever may write to a folder on the way may swap the cache folder for one of theirs."""
    plant(pile, folder, attacker_pile, monkeypatch)
    folder.parent.chmod(mode)
    assert not loaded_attackers(pile)


def test_a_folder_on_the_way_owned_by_another_user_is_refused(
    pile: Path, attacker_pile: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its owner may rename what is in it, as StrictModes has it."""
    plant(pile, folder, attacker_pile, monkeypatch)
    give_away(folder.parent)
    folder.parent.chmod(0o755)
    assert not loaded_attackers(pile)


def test_a_sticky_folder_on_the_way_is_fine(
    pile: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/tmp is writable by all but sticky: no one else may rename or delete what is ours."""
    load([pile], cache=True)
    folder.parent.chmod(0o1777)
    monkeypatch.setattr(newsterm.corpus.load, "_build", no_build)
    assert load([pile], cache=True).in_cache


def test_a_cache_folder_that_is_a_link_is_refused(
    pile: Path, attacker_pile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "elsewhere"
    plant(pile, real, attacker_pile, monkeypatch)
    link = tmp_path / "cache-link"
    link.symlink_to(real)
    monkeypatch.setenv(cache.CACHE_ENV, str(link))
    assert not loaded_attackers(pile)


def test_a_link_above_the_cache_folder_is_followed_and_its_target_checked(
    pile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """~/.cache is often a link to another disk: the real folders on the way are checked."""
    (tmp_path / "disk").mkdir()
    (tmp_path / "dot-cache").symlink_to(tmp_path / "disk")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "dot-cache" / "newsterm"))
    load([pile], cache=True)
    monkeypatch.setattr(newsterm.corpus.load, "_build", no_build)
    assert load([pile], cache=True).in_cache
    (tmp_path / "disk").chmod(0o777)
    monkeypatch.undo()
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "dot-cache" / "newsterm"))
    assert not load([pile], cache=True).in_cache


def test_a_cache_file_that_is_a_link_is_refused_and_the_link_removed(
    pile: Path, attacker_pile: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = plant(pile, tmp_path / "elsewhere", attacker_pile, monkeypatch)
    folder.mkdir(mode=0o700, parents=True)
    link = folder / planted.name
    link.symlink_to(planted)
    assert not loaded_attackers(pile)
    assert not link.is_symlink()
    assert planted.exists()  # the link went, never its target


def test_a_fifo_under_a_cache_files_name_neither_hangs_nor_is_read(
    pile: Path, folder: Path
) -> None:
    folder.mkdir(mode=0o700, parents=True)
    os.mkfifo(folder / f"{cache.key_for([pile])}.corpus.msgpack", 0o600)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(load([pile], cache=True)), daemon=True)
    worker.start()
    worker.join(20)
    assert done, "loading hung on a FIFO in the cache folder"


class _Payload:
    """A pickle that runs code when loaded: it writes a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


def test_a_pickle_in_the_cache_runs_nothing_and_is_replaced(
    pile: Path, folder: Path, tmp_path: Path
) -> None:
    """Even in a folder of ours (written by an old newsterm, or by anything running as us), a
    cache file is data: a pickle there is foreign, deleted, and the corpus built again."""
    marker = tmp_path / "marker"
    folder.mkdir(mode=0o700, parents=True)
    path = folder / f"{cache.key_for([pile])}.corpus.msgpack"
    payload = pickle.dumps(_Payload(marker))
    path.write_bytes(payload)
    path.chmod(0o600)
    corpus = load([pile], cache=True)
    assert not marker.exists(), "loading the cache ran code"
    assert any("Floodwater" in a.text for a in corpus.articles)
    assert path.read_bytes() != payload


def _swap(folder: Path, other: Path, stop: Any, as_user: int | None) -> None:
    """Another user's loop: swap their folder with the victim's, atomically where the C library
    has renameat2 (RENAME_EXCHANGE, as in the issue), else by two renames each way. (The shared
    folder is opened first: as that user, the test's own folders above it are closed.)"""
    shared = os.open(folder.parent, os.O_RDONLY | os.O_DIRECTORY)
    if as_user is not None:
        os.setgid(as_user)
        os.setuid(as_user)
    mine, theirs = folder.name.encode(), other.name.encode()
    exchange = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    steps = [(folder.name, "aside"), (other.name, folder.name)]
    steps += [(folder.name, other.name), ("aside", folder.name)]
    while not stop.is_set():
        if exchange is not None and exchange(shared, mine, shared, theirs, 2) == 0:
            continue
        for source, target in steps:
            with contextlib.suppress(OSError):
                os.rename(source, target, src_dir_fd=shared, dst_dir_fd=shared)


def test_swapping_the_cache_folder_in_a_loop_never_serves_the_attackers_corpus(
    pile: Path, attacker_pile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack of issue 22: the cache folder's parent is writable by others (no sticky bit),
    and another user swaps their folder with the cache folder, over and over, while newsterm
    loads. A check of the folder and a later read of a file in it by path see two folders."""
    shared = tmp_path / "shared"
    folder, other = shared / "cache", shared / "theirs"
    plant(pile, other, attacker_pile, monkeypatch)
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    load([pile], cache=True)  # the victim's own cache, from before the folder was opened up
    as_user = None
    if os.getuid() == 0:
        as_user = OTHER
        for path in (other, *other.iterdir()):
            os.chown(path, OTHER, OTHER)
    shared.chmod(0o777)
    # Computing the key (it walks newsterm's own files) and building the pile when the cache is
    # refused are slow next to the read: done once, so that more loads try the race in the time.
    key = cache.key_for([pile])
    built = load([pile])
    monkeypatch.setattr(cache, "key_for", lambda _paths: key)
    monkeypatch.setattr(newsterm.corpus.load, "_build", lambda *_args, **_named: built)
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    swapper = context.Process(target=_swap, args=(folder, other, stop, as_user), daemon=True)
    swapper.start()
    try:
        deadline = time.monotonic() + 8
        loads = 0
        while time.monotonic() < deadline:
            corpus = load([pile], cache=True, save=False)
            served = any("ATTACKER" in article.text for article in corpus.articles)
            assert not served, f"the attacker's corpus was served (load {loads})"
            loads += 1
    finally:
        stop.set()
        swapper.join(5)
        if swapper.is_alive():
            swapper.kill()
        shutil.rmtree(shared, ignore_errors=True)
    assert loads > 20
