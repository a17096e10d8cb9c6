"""Helpers for driving the app: start it on some sources and wait until a story is readable."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from newsterm.tui.app import NewstermApp
from newsterm.tui.screens.main import MainScreen


async def wait_ready(app: NewstermApp, pilot: object, timeout: float = 20.0) -> MainScreen:
    """Wait until the corpus is loaded and the open story's sources have been compared."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await pilot.pause(0.02)  # type: ignore[attr-defined]
        main = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or not main.ready.is_set():
            continue
        if main.corpus is not None and (
            main.story_id is None or main.corpus.cached_alignment(main.story_id) is not None
        ):
            await pilot.pause(0.05)  # type: ignore[attr-defined]
            return main
    raise AssertionError("the app did not become ready in time")


BRIDGE_A = """Bridge collapse in Riverton kills 12, officials say
2024-03-05

Twelve people were killed when the Old Mill bridge collapsed in Riverton on Monday, officials said.
Rescue teams pulled 30 survivors from the river overnight.
Mayor Ana Ruiz said the bridge had passed an inspection in January.
The cause of the collapse is not yet known.
"""

BRIDGE_B = """Death toll in Riverton rises after Monday's collapse
2024-03-06

Fourteen people were killed when the Old Mill bridge collapsed in Riverton on Monday, police said.
Overnight, rescue teams pulled 30 survivors from the river.
Divers searched the water near the Old Mill bridge through the night.
Mayor Ana Ruiz said the bridge had failed an inspection in January.
Engineers from the state arrived on Tuesday to examine the wreckage.
"""

ORCHARD = """Apple harvest in the northern valley breaks records
2024-09-20

Growers in the northern valley picked a record crop of apples this autumn.
The cooperative expects prices to fall as a result.
"""


def bridge_pile(folder: Path) -> Path:
    """One story told by two outlets with disagreements, and one other, written to `folder`."""
    folder.mkdir()
    (folder / "Herald - bridge.txt").write_text(BRIDGE_A, encoding="utf-8")
    (folder / "Courier - bridge.txt").write_text(BRIDGE_B, encoding="utf-8")
    (folder / "Gazette - orchard.txt").write_text(ORCHARD, encoding="utf-8")
    return folder


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    """A folder of my own: see `bridge_pile`."""
    return bridge_pile(tmp_path / "pile")


async def exited(app: NewstermApp, timeout: float = 5.0) -> bool:
    """True once the app has stopped running (not waiting on a pilot: there is none left)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while app.is_running:
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Path]:
    """Run the test from an empty folder, where the app writes its exports by default."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return lambda: work


@pytest.fixture
def ready() -> Callable[..., object]:
    """`main = await ready(app, pilot)`: the main screen once its first story is readable."""
    return wait_ready
