"""A built corpus kept on disk, so that a second start on the same sources is near-instant.

Reading, indexing and grouping the 19k Reuters articles takes about twenty seconds; loading the
same corpus back from a pickle takes under two. The cache is only worth having if it is never
wrong, so its key covers everything that decides what `load()` builds:

- every file read, found the same way the readers find them (folders walked), with its size,
  modification and change times (the change time cannot be set back by hand, so an edit that
  keeps size and mtime still changes the key), and every given path that is missing;
- the engine itself: the version, and the size and mtime of every module and data file of the
  package, so that an edited checkout never serves what the old code built;
- the registered readers and whether the optional HTML extractor is installed.

Pickle runs code when it loads, so a cache file is trusted only inside a directory that the
current user owns and no one else may write (created 0700); anywhere else the cache is not used.
A cache that cannot be read for any reason is deleted and the corpus built again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from newsterm.support import chunked_pickle
from newsterm.support.pausing import Cancelled, Pause

CACHE_ENV = "NEWSTERM_CACHE_DIR"
MIN_ARTICLES = 100  # smaller piles build faster than a cache is worth keeping
KEEP = 4  # cache files kept; the least recently used go first
_FORMAT = 2
_SUFFIX = ".corpus.pickle"
# Beside a corpus, the story alignments an export computed for it (all of them), so that a second
# export of the same sources skips the comparing too.
ALIGNMENTS = ".alignments.pickle"


def cache_dir() -> Path:
    """$NEWSTERM_CACHE_DIR, else $XDG_CACHE_HOME/newsterm, else ~/.cache/newsterm."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsterm"


def _private(path: Path) -> bool:
    """Owned by us and writable by no one else: a pickle here was written by us."""
    try:
        info = path.stat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _usable_dir(create: bool) -> Path | None:
    folder = cache_dir()
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    return folder if folder.is_dir() and _private(folder) else None


def _engine_stamp(digest: Any) -> None:
    package = Path(__file__).resolve().parents[1]  # newsterm/, not only this folder
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".gz") and "tui" not in path.parts:
            info = path.stat()
            digest.update(
                f"{path.relative_to(package)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
            )


def key_for(paths: Sequence[str | os.PathLike[str]]) -> str:
    """The cache key of a load of these sources: changes whenever the result could."""
    from newsterm.ingest.sources import READERS, source_files

    digest = hashlib.sha256()
    digest.update(f"{_FORMAT}\0{metadata.version('newsterm')}\0{sys.version}\n".encode())
    _engine_stamp(digest)
    for reader in READERS:
        digest.update(
            f"reader\0{reader.name}\0{reader.read.__module__}.{reader.read.__qualname__}\n".encode()
        )
    digest.update(f"trafilatura\0{importlib.util.find_spec('trafilatura') is not None}\n".encode())
    for given in paths:
        digest.update(f"source\0{os.path.abspath(os.path.expanduser(given))}\n".encode())
    for file in source_files(paths):
        # A SQLite database (a newsboat cache) may hold its newest rows in a write-ahead log
        # beside it, which the reader sees but the database file's times do not show.
        for part in (
            file,
            file.with_name(file.name + "-wal"),
            file.with_name(file.name + "-journal"),
        ):
            try:
                info = part.stat()
            except OSError:
                if part is file:
                    digest.update(f"unreadable\0{file}\n".encode())
                continue
            digest.update(
                f"file\0{part.resolve()}\0{info.st_size}\0{info.st_mtime_ns}"
                f"\0{info.st_ctime_ns}\0{info.st_ino}\n".encode()
            )
    return digest.hexdigest()


def read(key: str, part: str = _SUFFIX) -> Any | None:
    """What `write` stored under this key, or None (missing, untrusted or unreadable)."""
    folder = _usable_dir(create=False)
    if folder is None:
        return None
    path = folder / f"{key}{part}"
    if not path.is_file() or not _private(path):
        return None
    # Millions of objects arrive at once and none is garbage: collections on the way would
    # only scan them again and again (they took about half of the load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            if pickle.load(handle) != (_FORMAT, key):
                return None
            state = chunked_pickle.load(handle)
    except Exception:  # a cut-off or foreign file: build again, and drop it
        path.unlink(missing_ok=True)
        return None
    finally:
        if collecting:
            gc.enable()
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used
    return state


def write(key: str, state: Any, part: str = _SUFFIX, pause: Pause | None = None) -> bool:
    """Store `state` under `key`, atomically; True if it was written. A failure to write costs
    only the next start. `pause` runs between the pieces of the pickle (see chunked_pickle) and
    may return False to give up."""
    folder = _usable_dir(create=True)
    if folder is None:
        return False
    target = folder / f"{key}{part}"
    try:
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".part", delete=False) as out:
            temporary = Path(out.name)
            try:
                pickle.dump((_FORMAT, key), out, protocol=pickle.HIGHEST_PROTOCOL)
                chunked_pickle.dump(state, out, pause)
                out.flush()
                os.fsync(out.fileno())
            except BaseException:
                out.close()
                temporary.unlink(missing_ok=True)
                raise
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError, RecursionError, Cancelled):
        return False
    _evict(folder)
    return True


def _evict(folder: Path) -> None:
    entries = []
    for path in folder.glob("*.part"):  # left by a process killed while writing
        try:
            if path.stat().st_mtime < time.time() - 3600:
                path.unlink(missing_ok=True)
        except OSError:
            continue
    for path in folder.glob(f"*{_SUFFIX}"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)
    for path in folder.glob(f"*{ALIGNMENTS}"):
        if not path.with_name(path.name.replace(ALIGNMENTS, _SUFFIX)).exists():
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Usage:
    """What the cache folder holds, for `newsterm cache`."""

    folder: Path
    corpora: int  # cached corpora (each may have its comparisons beside it)
    size: int  # bytes of every file newsterm wrote there
    trusted: bool  # False: the folder is writable by others, so it is never read


def _own_files(folder: Path) -> list[Path]:
    """Everything newsterm writes there: corpora, comparisons, and pieces of a cut-off write."""
    return [
        path
        for pattern in (f"*{_SUFFIX}", f"*{ALIGNMENTS}", "*.part")
        for path in folder.glob(pattern)
        if path.is_file()
    ]


def usage() -> Usage:
    folder = cache_dir()
    if not folder.is_dir():
        return Usage(folder, 0, 0, True)
    files = _own_files(folder)
    size = 0
    for path in files:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    corpora = sum(1 for path in files if path.name.endswith(_SUFFIX))
    return Usage(folder, corpora, size, _private(folder))


def clear() -> int:
    """Delete every cached corpus, its comparisons and any cut-off write; returns how many
    corpora there were. Other files in the folder are left alone."""
    folder = cache_dir()
    if not folder.is_dir():
        return 0
    removed = 0
    for path in _own_files(folder):
        try:
            path.unlink(missing_ok=True)
        except OSError:  # not ours to delete (a shared folder): left, and not counted
            continue
        removed += path.name.endswith(_SUFFIX)
    return removed
