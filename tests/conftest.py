"""Shared fixtures: the bundled seeds, and small articles written for one test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsterm.corpus import seeds_path


@pytest.fixture(scope="session")
def seeds() -> Path:
    return seeds_path()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path and return its path: write("a.txt", "text")."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
