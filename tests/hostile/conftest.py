"""The hostile pile, checksummed before and after each test that reads it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .pile import build, checksums


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Path]:
    folder = build(tmp_path / "hostile")
    before = checksums(folder)
    yield folder
    assert checksums(folder) == before, "a source file was modified"
