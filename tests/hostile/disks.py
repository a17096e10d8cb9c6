"""A small tmpfs for the tests of a full disk: ENOSPC while writing, on a disk of our own."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def mount(*argv: str) -> None:
    """`mount` with these arguments, or the test is skipped where mounting is not allowed."""
    done = subprocess.run(["mount", *argv], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")


@contextmanager
def small_tmpfs(folder: Path, size: str, mode: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder` (made here) with `mode`, unmounted afterwards. The
    test is skipped where mounting is not allowed: without root, or in a container that
    forbids it."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir()
    mount("-t", "tmpfs", "-o", f"size={size},mode={mode}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """A file that takes every free byte of `disk`, so that the next write fails with ENOSPC."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler
