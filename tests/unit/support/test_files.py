"""Writing where a user points: files replaced atomically and only when asked, links written
through, devices and FIFOs written to and never replaced, folders and inputs refused, and
nothing half-written or temporary left behind whatever fails."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsterm.support import files
from newsterm.support.files import ExistsError, WriteError, prepare, write_file
from newsterm.support.interrupts import Interrupted, stopping_on_signals

# Bounds every wait on another thread, so that a write that blocks fails the test instead of
# hanging the run.
WAIT = 30.0


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def make_device(path: Path, kind: int, major: int, minor: int) -> Path:
    """A device node of our own (never the machine's /dev/null, which a regression would
    replace); skips where creating one is not allowed."""
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except PermissionError:
        pytest.skip("creating device nodes needs root (CAP_MKNOD)")
    return path


def null_device(tmp_path: Path) -> Path:
    """A private /dev/null (major 1, minor 3 on Linux) when we may make one, else the real one:
    a user who may not make device nodes may not replace /dev/null either."""
    try:
        return make_device(tmp_path / "null", stat.S_IFCHR, 1, 3)
    except pytest.skip.Exception:
        return Path(os.devnull)


# ------------------------------------------------------------------------- regular files


def test_a_new_file_is_written_with_the_mode_of_any_new_file(tmp_path: Path) -> None:
    written = write_file(tmp_path / "report.txt", "hello\n")
    assert written.read_text() == "hello\n"
    assert names(tmp_path) == ["report.txt"]
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~umask()


def test_pieces_are_written_in_order(tmp_path: Path) -> None:
    written = write_file(tmp_path / "out.json", iter(["{", '"a": 1', "}\n"]))
    assert written.read_text() == '{"a": 1}\n'


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("keep me")
    target.chmod(0o600)
    with pytest.raises(ExistsError, match="already exists"):
        write_file(target, "new")
    assert target.read_text() == "keep me"
    write_file(target, "new", force=True)
    assert target.read_text() == "new"
    assert names(tmp_path) == ["report.txt"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()  # a new file, not the old


def test_a_file_that_appears_during_the_work_is_not_overwritten(tmp_path: Path) -> None:
    """Checked before the work and again when writing: a file created in between is kept."""
    target = tmp_path / "report.txt"
    output = prepare(target)
    target.write_text("came meanwhile")
    with pytest.raises(ExistsError):
        output.write("report")
    assert target.read_text() == "came meanwhile"
    assert names(tmp_path) == ["report.txt"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        write_file(tmp_path / "nope" / "out.txt", "x")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for force in (False, True):
        with pytest.raises(WriteError, match="is a folder"):
            write_file(tmp_path / "d", "x", force=force)
    with pytest.raises(WriteError, match="names a folder"):
        write_file(f"{tmp_path}/new/", "x")
    assert names(tmp_path) == ["d"]


def test_a_read_only_folder_is_refused_and_left_clean(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        probe = folder / "probe"
        try:
            probe.touch()
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("permissions do not apply to this user (root): see the simulated test")
        with pytest.raises(WriteError, match=r"cannot write to folder .*permission denied"):
            write_file(folder / "out.txt", "x")
        assert names(folder) == []
    finally:
        folder.chmod(0o755)


def test_a_folder_we_may_not_write_to_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, by the error the kernel gives (EACCES, or EROFS on a read-only disk) for
    creating a file: a one-line reason, and nothing created."""
    real_open = os.open

    def denied(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", denied)
    with pytest.raises(WriteError, match=r"cannot write to folder .*Read-only file system"):
        write_file(tmp_path / "out.txt", "x")
    assert names(tmp_path) == []


@pytest.mark.parametrize("force", [False, True])
def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    target = tmp_path / ("report.txt" if force else "new.txt")
    if force:
        target.write_text("old report")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(WriteError, match="No space left on device"):
        write_file(target, "new report", force=force)
    assert names(tmp_path) == (["report.txt"] if force else [])
    if force:
        assert target.read_text() == "old report"


@pytest.mark.parametrize("force", [False, True])
def test_an_interrupt_mid_write_leaves_no_trace(tmp_path: Path, force: bool) -> None:
    """Ctrl+C while the text is being written: the old file (if any) stays, no temporary."""
    target = tmp_path / "report.txt"
    if force:
        target.write_text("old report")

    def pieces() -> Iterator[str]:
        yield "first half\n"
        assert any(name.endswith(".tmp") for name in names(tmp_path))  # it was being written
        os.kill(os.getpid(), signal.SIGINT)
        yield "second half\n"

    with stopping_on_signals(), pytest.raises(Interrupted):
        write_file(target, pieces(), force=force)
    assert names(tmp_path) == (["report.txt"] if force else [])
    if force:
        assert target.read_text() == "old report"


# ---------------------------------------------------------------------------------- links


def test_a_link_to_a_file_is_written_through(tmp_path: Path) -> None:
    """The target gets the text (with force: it is a file that exists); the link stays a link."""
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    with pytest.raises(ExistsError, match="already exists"):
        write_file(link, "new")
    assert real.read_text() == "old"
    write_file(link, "new", force=True)
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_text() == "new"
    assert names(tmp_path) == ["link.txt", "real.txt"]


def test_the_temporary_file_goes_beside_the_links_target(tmp_path: Path) -> None:
    """A link into another folder: the rename happens there, where the target lives."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "real.txt").write_text("old")
    here = tmp_path / "here"
    here.mkdir()
    (here / "link.txt").symlink_to(elsewhere / "real.txt")
    seen: list[str] = []

    def pieces() -> Iterator[str]:
        seen.extend(names(elsewhere))
        yield "new"

    write_file(here / "link.txt", pieces(), force=True)
    assert any(name.startswith(".real.txt.") and name.endswith(".tmp") for name in seen)
    assert (elsewhere / "real.txt").read_text() == "new"
    assert names(here) == ["link.txt"] and names(elsewhere) == ["real.txt"]


@pytest.mark.parametrize("force", [False, True])
def test_a_dangling_link_is_refused(tmp_path: Path, force: bool) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("gone.txt")
    with pytest.raises(WriteError, match="which does not exist"):
        write_file(link, "x", force=force)
    assert link.is_symlink() and names(tmp_path) == ["link.txt"]


def test_a_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "link").symlink_to("d")
    with pytest.raises(WriteError, match="is a folder"):
        write_file(tmp_path / "link", "x", force=True)
    assert names(tmp_path / "d") == []


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(WriteError, match="cannot be followed"):
        write_file(tmp_path / "a", "x", force=True)


# -------------------------------------------------------------------- devices and streams


def test_a_null_device_is_written_to_and_stays_a_device(tmp_path: Path) -> None:
    """`-o /dev/null` is not a file to protect: no force needed, and never replaced."""
    null = null_device(tmp_path)
    for force in (False, True):
        write_file(null, "discarded\n" * 1000, force=force)
        assert stat.S_ISCHR(null.stat().st_mode)
    assert not any(name.endswith(".tmp") for name in names(tmp_path))


def test_a_block_device_needs_force(tmp_path: Path) -> None:
    """A block device holds data like a file: refused without force. (This node names no real
    device, so with force the write fails: it is never replaced by a file either way.)"""
    node = make_device(tmp_path / "disk", stat.S_IFBLK, 240, 77)
    with pytest.raises(ExistsError, match="block device"):
        write_file(node, "x")
    with pytest.raises(WriteError, match="cannot write to"):
        write_file(node, "x", force=True)
    assert stat.S_ISBLK(node.lstat().st_mode)


def test_a_fifo_without_a_reader_is_reported_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            write_file(fifo, "x")
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(WAIT)
    if worker.is_alive():  # blocked in open(): give it a reader so the thread can end
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("writing to a FIFO with no reader blocked")
    assert len(outcome) == 1 and isinstance(outcome[0], WriteError)
    assert "no reader on FIFO" in str(outcome[0])
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_with_a_reader_gets_the_whole_text(tmp_path: Path) -> None:
    """More than a pipe holds (64 KiB), so the writer must wait for the reader, blocking."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    text = "".join(f"line {n}\n" for n in range(50_000))
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, before the writer
    os.set_blocking(reader_fd, True)
    output = prepare(fifo)  # no force: nothing is replaced
    received: list[bytes] = []

    def read_all() -> None:  # started once the writer is there, or it would read the end
        with open(reader_fd, "rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    output.write(iter(text.splitlines(keepends=True)))
    reader.join(WAIT)
    assert not reader.is_alive()
    assert received == [text.encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and names(tmp_path) == ["fifo"]


def test_a_fifo_through_a_link_is_written_to(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to("fifo")
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_file(tmp_path / "link", "through the link\n")
        assert os.read(reader_fd, 100) == b"through the link\n"
    finally:
        os.close(reader_fd)
    assert (tmp_path / "link").is_symlink()


def test_a_descriptor_path_writes_to_that_descriptor(tmp_path: Path) -> None:
    """/dev/fd/N (like /dev/stdout) is what this process already holds: a pipe here."""
    read_end, write_end = os.pipe()
    try:
        write_file(f"/dev/fd/{write_end}", "to the pipe\n")
        os.close(write_end)
        with open(read_end, "rb") as reader:
            assert reader.read() == b"to the pipe\n"
    finally:
        for fd in (read_end, write_end):
            with contextlib.suppress(OSError):
                os.close(fd)
    with pytest.raises(WriteError, match="no descriptor"):
        write_file("/dev/fd/987654", "x")


def test_a_socket_is_written_to(tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    server.settimeout(WAIT)
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
            received.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        write_file(path, "over the socket\n")
        thread.join(WAIT)
    finally:
        server.close()
    assert received == [b"over the socket\n"]
    assert stat.S_ISSOCK(path.lstat().st_mode)
    with pytest.raises(WriteError, match="cannot write to socket"):  # nobody listens now
        write_file(path, "x")


def test_closing_an_unwritten_stream_releases_it(tmp_path: Path) -> None:
    """The work failed after the FIFO was opened: its reader sees the end, not a hang."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with prepare(fifo) as output:
            assert output.is_stream
        os.set_blocking(reader_fd, True)
        assert os.read(reader_fd, 10) == b""  # end of file: no writer left
    finally:
        os.close(reader_fd)


# --------------------------------------------------------------------------------- inputs


def test_the_files_being_read_are_never_written(tmp_path: Path) -> None:
    """However the output names a source (the same path, a link, a hard link, a file inside a
    source folder), it is refused, even with force; a new file in a source folder is not."""
    source = tmp_path / "articles.jsonl"
    source.write_text("precious")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("also precious")
    (tmp_path / "link").symlink_to("articles.jsonl")
    os.link(source, tmp_path / "hard")
    keep = [str(source), str(folder)]
    for named in (source, tmp_path / "link", tmp_path / "hard", folder / "a.txt"):
        with pytest.raises(WriteError, match="being read"):
            write_file(named, "report", force=True, keep=keep)
    assert source.read_text() == "precious"
    assert (folder / "a.txt").read_text() == "also precious"
    write_file(folder / "report.txt", "report", keep=keep)
    assert (folder / "report.txt").read_text() == "report"
