"""Opening a source file so that reading it always ends.

A folder of articles may hold anything a link can point at. Checking the kind of a path and then
opening it are two steps, and between them (or through a symlink) the path can become a FIFO,
whose open blocks until a writer comes, or a device such as /dev/zero, which reads without end.
So a source is opened without blocking and without becoming the controlling terminal, and the
kind is checked on the opened file itself (`fstat`), which cannot change under us.

Files under /proc and /sys are regular files that declare no size (`st_size` 0) yet hold text
that is made up as it is read (and some of it private: the environment, a process's status).
They are no articles: one that declares no size but has bytes to give is refused by name.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from newsterm.ingest.document import SourceError

NOT_REGULAR = "not a regular file"
SYSTEM_FILE = "a system file that declares no size (as under /proc or /sys), not an article"
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def open_source(path: Path) -> tuple[BinaryIO, int]:
    """The file opened for reading and the size it declares; SourceError with a one-line reason
    when it is not a regular file, cannot be opened, or is a system file of no declared size."""
    try:
        fd = os.open(path, _FLAGS)
    except PermissionError:
        raise SourceError("permission denied") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    handle = os.fdopen(fd, "rb")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(NOT_REGULAR)
        if info.st_size == 0 and _gives_bytes(handle):
            raise SourceError(SYSTEM_FILE)
    except BaseException:
        handle.close()
        raise
    return handle, info.st_size


def _gives_bytes(handle: BinaryIO) -> bool:
    try:
        given = bool(handle.read(1))
        handle.seek(0)
    except OSError:
        return False
    return given


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a file for sniffing its format; b"" when it cannot be read."""
    try:
        handle, _declared = open_source(path)
    except SourceError:
        return b""
    with handle:
        try:
            return handle.read(size)
        except OSError:
            return b""
