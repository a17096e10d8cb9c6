"""Files only we could have written: a folder checked as ssh's StrictModes checks, and files
opened inside it by descriptor.

A check of a path and a later use of the same path are two looks at whatever the path names at
each moment: another local user who may rename entries in a folder on the way can swap in their
own folder between the two (a rename in a loop wins that race soon enough). So nothing here is
checked by path. The way to the folder is walked once from `/`, each folder opened inside the one
before with O_NOFOLLOW and checked by fstat on what was opened; files are then opened relative
to the folder's descriptor, again refusing links, and checked by fstat too. What is checked is
what is used.

The rules are StrictModes': the folder must be ours and writable by no one else; every folder on
the way must be owned by us or root and writable by no one else, unless sticky (/tmp), where
others may add entries but not rename or delete ours; a file must be a regular file of ours that
no one else may write. Links above the folder are resolved first (~/.cache may well be one), and
the real folders on the way are the ones checked; the folder itself and its files may not be
links. Where the system lacks these calls (Windows), nothing is trusted.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# Opening relative to a folder's descriptor and refusing links: without them nothing is trusted,
# rather than trusted on a path checked apart from its use.
SUPPORTED = (
    all(hasattr(os, name) for name in ("O_DIRECTORY", "O_NOFOLLOW", "getuid"))
    and {os.open, os.mkdir, os.unlink, os.rename, os.stat} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
)
PART = ".part"  # a file being written, or cut off by a kill: never one that is read
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_FOLDER = os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC
# O_NONBLOCK: a FIFO under a file's name is opened (and then refused) rather than waited on.
_FILE = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


class Foreign(OSError):
    """Something under a file's name that is not a regular file of ours: a link, a FIFO, a
    folder, a file someone else owns or may write."""


def _ours(info: os.stat_result) -> bool:
    """Ours, and no one else may write it (for a folder: add, swap or delete a file in it)."""
    return info.st_uid == os.getuid() and not info.st_mode & _OTHERS_WRITE


def _on_the_way(info: os.stat_result) -> bool:
    """A folder above ours: no one but us or root may rename what is in it."""
    owner_ok = info.st_uid in (os.getuid(), 0)
    return owner_ok and (not info.st_mode & _OTHERS_WRITE or bool(info.st_mode & stat.S_ISVTX))


def _open_private(folder: Path, create: bool) -> int | None:
    """A descriptor of the folder if it and every folder on the way pass the checks, creating
    what is missing (0700) when `create`; else None."""
    folder = Path(os.path.abspath(folder))
    way = [*Path(os.path.realpath(folder.parent)).parts[1:], folder.name]
    try:
        fd = os.open("/", _FOLDER)
    except OSError:
        return None
    try:
        if not _on_the_way(os.fstat(fd)):
            raise PermissionError("/")
        for depth, name in enumerate(way, 1):
            try:
                inner = os.open(name, _FOLDER, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, 0o700, dir_fd=fd)
                inner = os.open(name, _FOLDER, dir_fd=fd)
            os.close(fd)
            fd = inner
            info = os.fstat(fd)
            if not (_ours(info) if depth == len(way) else _on_the_way(info)):
                raise PermissionError(name)
    except OSError:
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def private(folder: Path, create: bool = False) -> Iterator[int | None]:
    """The folder's descriptor while the block runs if only we could have written in it (see
    above), else None. With `create`, missing folders are made, 0700."""
    fd = _open_private(folder, create) if SUPPORTED else None
    try:
        yield fd
    finally:
        if fd is not None:
            os.close(fd)


@contextlib.contextmanager
def as_named(folder: Path) -> Iterator[int | None]:
    """The folder as its path names it, a link followed and nothing checked: for counting or
    deleting files by name, never for reading them. None if there is no such folder."""
    fd = None
    if SUPPORTED:
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        yield fd
    finally:
        if fd is not None:
            os.close(fd)


def open_ours(folder: int, name: str) -> IO[bytes] | None:
    """The file `name` of the folder, open for reading, if it is a regular file of ours that no
    one else may write; None if there is none; Foreign if something else is there."""
    try:
        fd = os.open(name, _FILE, dir_fd=folder)
    except FileNotFoundError:
        return None
    except OSError as error:  # a link, refused by O_NOFOLLOW
        raise Foreign(name) from error
    handle = open(fd, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    info = os.fstat(fd)
    if not (stat.S_ISREG(info.st_mode) and _ours(info)):
        handle.close()
        raise Foreign(name)
    return handle


@contextlib.contextmanager
def replacing(folder: int, name: str) -> Iterator[IO[bytes]]:
    """A new file that takes the place of `name` once the block ends: written under a
    temporary name ending in PART, synced, and renamed over `name`, so that a reader sees the
    old file or the new one whole, and of two writers one wins whole. If the block raises, the
    temporary file is deleted and nothing changes."""
    temporary = f"{name}.{secrets.token_hex(6)}{PART}"
    fd = os.open(temporary, _NEW_FILE, 0o600, dir_fd=folder)
    try:
        with open(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(fd)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        drop(folder, temporary)
        raise
    with contextlib.suppress(OSError):
        os.fsync(folder)  # the rename too survives a crash


def listing(folder: int, suffixes: tuple[str, ...]) -> list[tuple[str, os.stat_result]]:
    """Names in the folder ending with one of `suffixes`, with their lstat (links included, so
    that they can be dropped)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(suffixes):
                with contextlib.suppress(OSError):
                    found.append((entry.name, entry.stat(follow_symlinks=False)))
    return found


def drop(folder: int, name: str) -> None:
    """Delete a file of the folder (a link itself, never its target); gone already is fine."""
    with contextlib.suppress(OSError):
        os.unlink(name, dir_fd=folder)
