"""Writing text where a user asks, the way an editor would: never half-written, never clobbering.

What is already at the path decides how it is written:

- nothing: a new file, created atomically (below);
- a regular file: replaced atomically, and only when asked to (`force`). The text goes to a
  temporary file in the same folder, is flushed to the disk, then renamed over the old one, so a
  crash, a full disk or an interrupt leaves the old file or the new one, never half of either,
  and never the temporary file. The new file gets the mode of any new file (the umask's);
- a symbolic link: followed, and its target written under the same rules (the link stays a
  link); a link to nothing, to a folder or round in a loop is refused;
- a character device, a FIFO or a socket: a stream to write to, not a file to protect. It is
  opened as it is, never created, truncated or replaced (`/dev/null` stays a device), and needs
  no `force`. A FIFO no one reads is reported at once rather than waited on. A block device
  holds data as a file does, so it is written to directly but only with `force`;
- a folder is refused, and so are the `keep` paths (files, or folders and all the files in
  them): the caller's inputs, which must never be overwritten by its output.

`/dev/stdout`, `/dev/stderr` and `/dev/fd/N` name a descriptor this process already has: the
text is written to that descriptor, whatever it leads to (a terminal, a pipe, a file the shell
opened).

`prepare()` checks all of this before the work that produces the text, so that a refusal costs
nothing, and opens a stream at once (a FIFO's reader is known to be there); `Output.write()`
writes the text. `write_file()` does both.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import secrets
import socket
import stat
from collections.abc import Iterable
from pathlib import Path

from newsterm.support.interrupts import signals_held

# /dev/stdout and its kin name a descriptor this process holds, not a file to open afresh.
_FD_PATH = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")
_STD_PATHS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_TEMP_SUFFIX = ".tmp"


class WriteError(Exception):
    """A write that was refused or failed; the message says why in one line. Nothing was left
    behind: no temporary file, no half-written file."""


class ExistsError(WriteError):
    """Refused because it would overwrite data that is there (a file, a block device): allowed
    with `force`. Separate so that a caller can say how it spells force (`--force`, a dialog)."""


class Output:
    """A checked destination: `write()` fills it, once; `close()` gives it up unwritten."""

    def __init__(
        self,
        path: Path,
        *,
        force: bool = False,
        keep: Iterable[str | os.PathLike[str]] = (),
        stream: int | None = None,
    ) -> None:
        self.path = path
        self.force = force
        self.keep = tuple(keep)
        self._stream = stream
        # Written directly (a device, FIFO, socket or inherited descriptor), not a file created
        # or replaced: a caller need not announce where it wrote.
        self.is_stream = stream is not None

    def write(self, content: str | Iterable[str]) -> Path:
        """Write `content` (a text, or its pieces in order: each is written as it comes, so a
        long text need not be held whole), then close; the path written."""
        pieces = [content] if isinstance(content, str) else content
        if self._stream is not None:
            fd, self._stream = self._stream, None
            _write_stream(fd, self.path, pieces)
            return self.path
        # Checked again: the work between prepare() and now may have taken minutes.
        target = _classify(self.path, self.force, self.keep)
        if isinstance(target, int):  # it became a stream meanwhile
            _write_stream(target, self.path, pieces)
        else:
            _write_atomically(target, self.path, pieces, self.force)
        return self.path

    def close(self) -> None:
        """Give up without writing (a FIFO's reader then sees an empty stream)."""
        if self._stream is not None:
            os.close(self._stream)
            self._stream = None

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def prepare(
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    keep: Iterable[str | os.PathLike[str]] = (),
) -> Output:
    """Check that `path` may be written (see the module's docstring) and open it if it is a
    stream; raise WriteError with the reason if it may not."""
    named = Path(path).expanduser()
    if str(path).endswith(os.sep) and not _std_descriptor(str(path)):
        raise WriteError(f"{path} names a folder; add a file name")
    keep = tuple(keep)
    target = _classify(named, force, keep)
    return Output(named, force=force, keep=keep, stream=target if isinstance(target, int) else None)


def write_file(
    path: str | os.PathLike[str],
    content: str | Iterable[str],
    *,
    force: bool = False,
    keep: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """prepare(path) and write `content` there; the path written."""
    return prepare(path, force=force, keep=keep).write(content)


# ---------------------------------------------------------------------- what is there


def _std_descriptor(path: str) -> int | None:
    """The descriptor that /dev/stdout, /dev/fd/N or /proc/self/fd/N names, if any."""
    if path in _STD_PATHS:
        return _STD_PATHS[path]
    found = _FD_PATH.fullmatch(path)
    return int(found.group(1)) if found else None


def _classify(path: Path, force: bool, keep: tuple[str | os.PathLike[str], ...]) -> Path | int:
    """Where the text goes: the path of a regular file to create or replace atomically, or an
    open descriptor to write to as it is. Raises WriteError if neither may be done."""
    number = _std_descriptor(str(path))
    if number is not None:
        try:
            return os.dup(number)
        except OSError:
            raise WriteError(f"{path}: this process has no descriptor {number} open") from None
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return _new_file(path, keep)
    except NotADirectoryError:
        raise WriteError(f"{path.parent} is not a folder") from None
    except OSError as exc:
        raise WriteError(f"cannot reach {path}: {_reason(exc)}") from None
    real = path
    if stat.S_ISLNK(info.st_mode):
        real, info = _follow(path)
    _refuse_kept(path, real, keep)
    mode = info.st_mode
    shown = str(path) if real == path else f"{path} (a link to {real})"
    if stat.S_ISDIR(mode):
        raise WriteError(f"{shown} is a folder")
    if stat.S_ISREG(mode):
        if not force:
            raise ExistsError(f"{shown} already exists")
        return real
    if stat.S_ISBLK(mode) and not force:
        raise ExistsError(f"{shown} is a block device; writing to it overwrites its data")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _open_device(real, shown)
    if stat.S_ISFIFO(mode):
        return _open_fifo(real, shown)
    if stat.S_ISSOCK(mode):
        return _connect(real, shown)
    raise WriteError(f"{shown} is neither a file nor a device")


def _new_file(path: Path, keep: tuple[str | os.PathLike[str], ...]) -> Path:
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(f"folder {folder} does not exist")
    _refuse_kept(path, path, keep)
    return path


def _follow(link: Path) -> tuple[Path, os.stat_result]:
    """The final target of a symbolic link, and what it is; refused if there is none."""
    try:
        real = Path(os.path.realpath(link, strict=True))
        return real, os.lstat(real)
    except FileNotFoundError:
        raise WriteError(
            f"{link} is a link to {os.readlink(link)}, which does not exist; "
            "not creating a file through it"
        ) from None
    except (OSError, RuntimeError) as exc:  # a loop: ELOOP, or RuntimeError before 3.13
        reason = _reason(exc) if isinstance(exc, OSError) else "a loop of links"
        raise WriteError(f"{link} is a link that cannot be followed: {reason}") from None


def _refuse_kept(path: Path, real: Path, keep: tuple[str | os.PathLike[str], ...]) -> None:
    """Refuse to write over one of the `keep` files, or over a file inside a `keep` folder.

    Compared by what the paths lead to (links followed, hard links by inode), so that no other
    spelling of a kept file gets through; a new file inside a kept folder is no file of theirs."""
    if not keep:
        return
    resolved = Path(os.path.realpath(real))
    try:
        mine: os.stat_result | None = os.stat(resolved)
    except OSError:
        mine = None
    for kept in keep:
        kept_real = Path(os.path.realpath(Path(kept).expanduser()))
        try:
            theirs = os.stat(kept_real)
        except OSError:
            continue
        if stat.S_ISDIR(theirs.st_mode):
            if mine is not None and resolved.is_relative_to(kept_real):
                raise WriteError(
                    f"{path} is inside {kept}, a folder being read; choose another file"
                )
        elif mine is not None and os.path.samestat(mine, theirs):
            also = "" if str(kept) == str(path) else f" ({kept})"
            raise WriteError(f"{path}{also} is one of the files being read; choose another file")


# ----------------------------------------------------------------------------- streams


def _open_device(path: Path, shown: str) -> int:
    """A device, opened for writing as it is: no O_CREAT, no O_TRUNC, and checked once open
    in case the name was swapped for a regular file in between."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        raise WriteError(f"cannot write to {shown}: {_reason(exc)}") from None
    return _still_a_stream(fd, shown)


def _open_fifo(path: Path, shown: str) -> int:
    """A FIFO, opened without waiting: with no reader, opening for writing would block until
    one came, perhaps forever; non-blocking, it fails at once (ENXIO) and we can say so. Once
    open, writes block again, as they should when the reader is slower than we are."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise WriteError(f"no reader on FIFO {shown}") from None
        raise WriteError(f"cannot write to {shown}: {_reason(exc)}") from None
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    return _still_a_stream(fd, shown)


def _connect(path: Path, shown: str) -> int:
    """A Unix socket cannot be opened, only connected to; its descriptor is then written to
    like any stream."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except OSError as exc:
        sock.close()
        raise WriteError(f"cannot write to socket {shown}: {_reason(exc)}") from None
    return sock.detach()


def _still_a_stream(fd: int, shown: str) -> int:
    if stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise WriteError(f"{shown} changed into a file while being opened; not writing")
    return fd


def _write_stream(fd: int, shown: Path, pieces: Iterable[str]) -> None:
    try:
        with open(fd, "w", encoding="utf-8", newline="\n", closefd=True) as handle:
            for piece in pieces:
                handle.write(piece)
    except BrokenPipeError:
        raise WriteError(f"{shown}: the reader closed it before the end") from None
    except OSError as exc:
        raise WriteError(f"cannot write to {shown}: {_reason(exc)}") from None


# --------------------------------------------------------------------------------- files


def _write_atomically(target: Path, shown: Path, pieces: Iterable[str], force: bool) -> None:
    """Write a temporary file beside `target`, flush it to the disk, then move it into place:
    over the old file with `force`, else only if the name is still free."""
    folder = target.parent
    temp: Path | None = None
    try:
        with signals_held():  # no interrupt between creating it and holding on to it
            fd, temp = _create_temp(folder, target.name)
            handle = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        with handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        with signals_held():  # moved into place and forgotten, or neither
            if force:
                os.replace(temp, target)
            else:
                _link_new(temp, target, shown)
                temp.unlink(missing_ok=True)  # gone already if it was renamed
            temp = None
        _sync_folder(folder)
    except OSError as exc:
        raise WriteError(f"cannot write {shown}: {_reason(exc)}") from None
    finally:
        if temp is not None:
            with signals_held():
                temp.unlink(missing_ok=True)


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty, uniquely named file in `folder`, with the mode any new file gets (0666
    less the umask: mkstemp's 0600 would stay with the export)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(f"cannot write to folder {folder}: {_reason(exc)}") from None
    raise WriteError(f"cannot write to folder {folder}: no free temporary name")


def _link_new(temp: Path, target: Path, shown: Path) -> None:
    """Give the finished file its name only if no file has taken it meanwhile (a hard link
    fails rather than replace); where links are not supported, check and rename."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise ExistsError(f"{shown} already exists") from None
    except OSError:
        if os.path.lexists(target):
            raise ExistsError(f"{shown} already exists") from None
        os.rename(temp, target)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; a folder that cannot be synced costs only that."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: BaseException) -> str:
    """An OSError in a few words: 'permission denied', 'No space left on device'."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
