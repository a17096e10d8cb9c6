"""Shared fixtures: the bundled seeds, small articles written for one test, and for the fetch
tests a web server of their own on 127.0.0.1 with every other address cut off."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsterm.corpus.load import seeds_path

from .unit.ingest.fetch_server import Connections, Site, offline, serve


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path): f"{hashlib.sha256(path.read_bytes()).hexdigest()} {path.stat().st_mtime_ns}"
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test keeps its cached corpora (newsterm.corpus.cache) in a folder of its own, never in
    the user's ~/.cache, and never sees another test's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NEWSTERM_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The app's remembered state (newsterm.tui.settings: theme, panes, the last place in each
    pile) goes to a folder of the test's own: never the user's, never another test's."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("NEWSTERM_STATE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def seeds_are_never_modified() -> Iterator[None]:
    """Every test run reads the seeds; at the end they must be byte for byte what they were."""
    before = _fingerprint(seeds_path())
    yield
    assert _fingerprint(seeds_path()) == before, "a test run modified the seed articles"


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


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> Iterator[Connections]:
    """Every connection the test makes, none of them leaving 127.0.0.1 (see fetch_server)."""
    with offline(monkeypatch) as connections:
        yield connections


@pytest.fixture
def site(net: Connections) -> Iterator[Site]:
    """A web server on 127.0.0.1 for this test alone, serving the routes it is given."""
    with serve() as running:
        yield running
