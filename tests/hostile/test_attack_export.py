"""An export that cannot finish or must not write: killed with SIGKILL while writing, out of
room (a file size limit, a full disk), into a read-only folder, or told to write over one of
its own sources through a link. Never a half-written report under the name asked for, one line
saying why, and nothing left behind that could be taken for the report or for an article.

SIGINT and SIGTERM are in test_export_interrupt.py; -o naming a source by its own name is in
tests/unit/test_cli.py."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsterm.ingest.sources import source_files

from .disks import fill, mount, small_tmpfs
from .test_export_interrupt import write_pile

WAIT = 120.0
# The only thing an interrupted export may leave: a hidden temporary file beside the target,
# named after it (newsterm.support.files), which no folder scan reads.
TEMPORARY = re.compile(r"^\.report\.json\.[0-9a-f]{8}\.tmp$")


@pytest.fixture(scope="module")
def small_pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 articles: a few seconds to export, with a report of some 2 MB to write."""
    folder = tmp_path_factory.mktemp("export-pile")
    big = write_pile(folder / "all.jsonl")
    small = folder / "pile.jsonl"
    with big.open(encoding="utf-8") as lines:
        small.write_text("".join(next(lines) for _ in range(600)), encoding="utf-8")
    big.unlink()
    return small


def _export(pile: Path, output: Path, **popen: object) -> subprocess.Popen[bytes]:
    argv = ["export", str(pile), "-f", "json", "-j", "1", "--no-cache", "-o", str(output)]
    return subprocess.Popen(
        [sys.executable, "-m", "newsterm", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **popen,  # type: ignore[arg-type]
    )


def test_sigkill_while_writing_leaves_no_report_and_nothing_mistakable(
    small_pile: Path, tmp_path: Path
) -> None:
    """SIGKILL cannot be caught: the export is killed the moment its temporary file appears
    (the report being written), so no cleanup runs. The report's name is never there half
    written; the temporary file is hidden, named after the report, and never read as a
    source; a new export to the same name needs no --force."""
    out = tmp_path / "out"
    out.mkdir()
    export = _export(small_pile, out / "report.json")
    seen: list[str] = []
    deadline = time.monotonic() + WAIT
    try:
        while export.poll() is None and time.monotonic() < deadline:
            seen = os.listdir(out)
            if seen:
                export.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
    finally:
        if export.poll() is None:
            export.kill()
        export.communicate(timeout=WAIT)
    assert export.returncode == -signal.SIGKILL, "the export finished before it was killed"
    assert seen and all(TEMPORARY.match(name) for name in seen), seen
    left = os.listdir(out)
    assert "report.json" not in left
    assert all(TEMPORARY.match(name) for name in left), left
    assert list(source_files([out])) == []


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death, as on a full disk


def _run(argv: list[str], **run: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsterm", "export", *argv],
        capture_output=True,
        text=True,
        timeout=WAIT,
        **run,  # type: ignore[arg-type]
    )


@pytest.fixture
def tiny_pile(small_pile: Path, tmp_path: Path) -> Path:
    """60 articles: the report is still bigger than the room given below."""
    pile = tmp_path / "tiny.jsonl"
    with small_pile.open(encoding="utf-8") as lines:
        pile.write_text("".join(next(lines) for _ in range(60)), encoding="utf-8")
    return pile


def test_a_file_size_limit_mid_write_is_one_line_and_leaves_nothing(
    tiny_pile: Path, tmp_path: Path
) -> None:
    """RLIMIT_FSIZE makes the kernel refuse the write past 20 KB (EFBIG, as a full disk gives
    ENOSPC): exit 1, one line naming the file and the reason, no report, no temporary file."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.json"
    done = _run([str(tiny_pile), "-o", str(target), "--no-cache"], preexec_fn=_limit_file_size)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"newsterm: cannot write {target}: File too large"]
    assert os.listdir(out) == []


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, unmounted after the test; skipped where it cannot be mounted."""
    with small_tmpfs(tmp_path / "disk", "64k", "0755") as disk:
        yield disk


def test_a_full_disk_is_one_line_and_leaves_nothing(tiny_pile: Path, tmpfs: Path) -> None:
    """A 64 KiB tmpfs filled up before the export: ENOSPC while writing."""
    fill(tmpfs)
    target = tmpfs / "report.json"
    done = _run([str(tiny_pile), "-o", str(target), "--no-cache"])
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"newsterm: cannot write {target}: No space left on device"]
    assert os.listdir(tmpfs) == ["filler"]


def test_a_read_only_folder_is_one_line_before_any_work(tiny_pile: Path, tmp_path: Path) -> None:
    """A folder that cannot be written to (mode 0555, or as root a read-only tmpfs, since root
    writes through modes): refused at once, before the pile is read, in one line."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:
        mount("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder))
    else:
        folder.chmod(0o555)
    try:
        target = folder / "report.json"
        started = time.monotonic()
        done = _run([str(tiny_pile), "-o", str(target), "--no-cache"])
        assert done.returncode == 1
        [line] = done.stderr.splitlines()
        assert line.startswith("newsterm: ") and str(folder) in line
        assert os.listdir(folder) == []
        assert time.monotonic() - started < WAIT
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o755)


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_o_reaching_a_source_through_a_link_is_refused(
    tiny_pile: Path, tmp_path: Path, kind: str
) -> None:
    """-o naming a link to a source (or another name of the same file) is refused even with
    --force, and the source is left as it was."""
    link = tmp_path / "report.json"
    if kind == "symlink":
        link.symlink_to(tiny_pile)
    else:
        os.link(tiny_pile, link)
    before = tiny_pile.read_bytes()
    done = _run([str(tiny_pile), "-o", str(link), "--force", "--no-cache"])
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert "being read" in line
    assert tiny_pile.read_bytes() == before
    assert json.loads(before.splitlines()[0])
