"""`newsterm export -o` pointed at what is not a plain file, as a real command: a FIFO with and
without a reader, /dev/stdout. Each run is a subprocess with a time limit, so an export that
waited forever on a FIFO would fail the test instead of hanging it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

WAIT = 120.0


def export(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsterm", "export", *argv],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


def test_a_fifo_without_a_reader_is_reported_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = export("-o", str(fifo))
    assert result.returncode == 1
    assert result.stderr == f"newsterm: no reader on FIFO {fifo}\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and os.listdir(tmp_path) == ["fifo"]


def test_a_fifo_with_a_reader_receives_the_report_without_force(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the reader is there first
    try:
        result = export("-o", str(fifo))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # a stream: no "wrote ..." line
        received = b""
        while chunk := os.read(reader, 1 << 16):  # the writer has closed: ends at EOF
            received += chunk
    finally:
        os.close(reader)
    assert received.decode().startswith("newsterm report:")
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and os.listdir(tmp_path) == ["fifo"]


@pytest.mark.parametrize("name", ["/dev/stdout", "-"])
def test_standard_output_by_name(name: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsterm", "export", "-o", name],
        capture_output=True,
        text=True,
        timeout=WAIT,
        cwd=tmp_path,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("newsterm report:")
    assert os.listdir(tmp_path) == []
