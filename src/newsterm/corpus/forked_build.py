"""A big pile's corpus built in a forked process while the app starts.

The app builds its corpus in a thread beside the interface, and a process that runs threads
cannot fork safely (see newsterm.support.forking), so the whole build ran on one CPU while the
other stood idle: on a machine of two CPUs, five thousand articles took five seconds to form
their stories, nearly all of it reading, indexing and grouping.

So the command line, before the app starts any thread, forks a child that reads, indexes and
groups the pile, forking its own workers for the links between articles as `newsterm export`
does, and hands the corpus back through an unlinked temporary file in the cache's own format
(typed frames that decode to data only: see newsterm.corpus.cache). Its progress comes back
over a pipe, a line per step. Meanwhile the app reads the articles itself, on the other CPU,
so that they can be read before the stories are formed.

Nothing depends on the child: if it fails, is killed or hands back a damaged file, the app
builds the corpus itself as it always did. The child ignores Ctrl+C (the app's to handle),
writes nothing to the terminal, and is ended when the app stops waiting for it (the reader
quits) or when the app's process dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import stat
import tempfile
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, NoReturn

from newsterm.ingest.fetch import is_url
from newsterm.support.interrupts import STOP_SIGNALS, signals_held
from newsterm.support.pausing import Pause, step

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

# Piles smaller than this many bytes are built in the app's thread as before: a forked build
# pays for writing the corpus out and reading it back (a tenth of the build), and the app reads
# the articles twice, which only a build of some seconds repays (bench/app_startup.py).
FORK_MIN_BYTES = 2_000_000
_POLL = 0.1  # seconds between looks at the pause while the child works
# How far the child stands back from the app for the CPU (os.nice): bench/app_startup.py's
# first frame on 5,000 articles was 0.12 s later with the child at the app's priority.
CHILD_NICENESS = 10
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

Report = Callable[[str, int, int], None]


def _pile_bytes(sources: Sequence[str], enough: int) -> int:
    """The size of the files the sources name (folders walked), counted up to `enough`; 0 if
    one is neither a file nor a folder (a pipe, a device): what the child read of it, the app
    could not read again, whether for early reading or to build the pile if the child fails."""
    kinds = []
    for source in sources:
        try:
            info = os.stat(source)
        except OSError:
            continue  # the build will say why it cannot be read
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            return 0
        kinds.append((source, info))
    total = 0
    for source, info in kinds:
        if stat.S_ISREG(info.st_mode):
            total += info.st_size
            continue
        for folder, _dirs, names in os.walk(source):
            for name in names:
                with contextlib.suppress(OSError):
                    total += os.stat(os.path.join(folder, name)).st_size
                if total >= enough:
                    return total
    return total


class ForkedBuild:
    """A child process building the corpus of some sources; see the module's docstring."""

    def __init__(self, pid: int, progress_fd: int, result: IO[bytes]) -> None:
        self._pid = pid
        self._progress_fd = progress_fd
        self._result = result

    @classmethod
    def start(cls, sources: Sequence[str] | None, *, cache: bool) -> ForkedBuild | None:
        """A build of the sources forked now, or None where it would not pay or is not safe:
        the seeds, a small pile, web sources, a process with threads.

        Called before the app's first frame, so it imports nothing of the engine (a tenth of a
        second; the command line has imported newsterm.ingest.fetch already) and leaves the
        cache to the child and the app: with `cache`, a child that finds the pile in the cache
        stops at once, and the app reads it from there (see tui.loading.read_forked)."""
        if not sources or any(map(is_url, sources)):
            return None
        if _pile_bytes(sources, FORK_MIN_BYTES) < FORK_MIN_BYTES:
            return None
        from newsterm.support import forking

        if not forking.can_fork():
            return None
        result = tempfile.TemporaryFile()  # noqa: SIM115 - kept open until the corpus is read
        read_end, write_end = os.pipe()
        # The child inherits the mask: no signal lands before it has set its dispositions.
        with signals_held():
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _child(list(sources), cache, write_end, result)
        os.close(write_end)
        return cls(pid, read_end, result)

    def wait(self, progress: Report | None = None, pause: Pause | None = None) -> Corpus | None:
        """The child's corpus once it is done, its steps passed on to `progress` meanwhile; None
        if it failed. `pause` is asked between looks (it may raise Cancelled): then, or on any
        other exception, the child is ended."""
        if self._progress_fd < 0:
            return None  # waited for once already
        try:
            self._follow(progress, pause)
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return None
            from newsterm.corpus import cache as disk_cache
            from newsterm.corpus.corpus import Corpus

            try:
                articles, stories, index, errors = disk_cache.undump_corpus(self._result)
            except (*disk_cache.UNREADABLE, OSError):
                return None
            return Corpus(articles, stories, index, errors)
        finally:
            self.stop()

    def _follow(self, progress: Report | None, pause: Pause | None) -> None:
        """Pass the child's progress lines on until it closes its end of the pipe."""
        pending = b""
        while True:
            step(pause)
            ready, _, _ = select.select([self._progress_fd], [], [], _POLL)
            if not ready:
                continue
            chunk = os.read(self._progress_fd, 65536)
            if not chunk:
                return
            *lines, pending = (pending + chunk).split(b"\n")
            if progress is None:
                continue
            for line in lines:
                stage, done, total = line.decode("ascii").split()
                progress(stage, int(done), int(total))

    def stop(self) -> None:
        """End the child if it still runs, and let go of the pipe and the file."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGTERM)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = 0
        if self._progress_fd >= 0:
            os.close(self._progress_fd)
            self._progress_fd = -1
        self._result.close()


def _child(sources: list[str], cache: bool, progress_fd: int, result: IO[bytes]) -> NoReturn:
    """The forked child's whole life: settle in, build, exit without returning into the
    parent's code (no atexit handlers, no buffers of the parent's flushed). Exit status 0 only
    when the corpus is in `result`."""
    code = 1
    try:
        # Behind the app: the reader's first frame and keys come before the build, which takes
        # whatever CPU they leave (on two CPUs, nearly all of the second).
        os.nice(CHILD_NICENESS)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the app's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        quiet = os.open(os.devnull, os.O_RDWR)  # the terminal is the app's
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        if _build_into(result, sources, cache, progress_fd):
            code = 0
    finally:
        os._exit(code)


def _build_into(result: IO[bytes], sources: list[str], cache: bool, progress_fd: int) -> bool:
    """Build the corpus and write it to `result`; False, with nothing written, when the cache
    holds the pile (the app reads it from there)."""
    from newsterm.corpus import cache as disk_cache
    from newsterm.corpus.load import load
    from newsterm.support import forking

    if cache and disk_cache.has_corpus(disk_cache.key_for(sources)):
        return False
    # A step the parent has no room for yet is dropped, never waited on: the parent reads its
    # own copy of the articles meanwhile, and the next step says as much. Each line is written
    # whole (under PIPE_BUF) or not at all.
    os.set_blocking(progress_fd, False)

    def report(stage: str, done: int, total: int) -> None:
        with contextlib.suppress(BlockingIOError):
            os.write(progress_fd, f"{stage} {done} {total}\n".encode("ascii"))

    corpus = load(sources, progress=report, workers=forking.default_workers())
    disk_cache.dump_corpus(result, (corpus.articles, corpus.stories, corpus.index, corpus.errors))
    result.flush()
    return True
