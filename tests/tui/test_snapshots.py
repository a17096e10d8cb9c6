"""The picture: main screen, help and export dialog on the seeds, compared with saved SVGs.

Run `pytest tests/tui/test_snapshots.py --snapshot-update` after an intended visual change and
look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from newsterm.corpus.load import seeds_path
from newsterm.tui.app import make_app

from .conftest import wait_ready

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def beside_the_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are shown relative to the current folder: make them the same on every machine."""
    monkeypatch.chdir(seeds_path().parent)


async def _ready(pilot) -> None:  # type: ignore[no-untyped-def]
    await wait_ready(pilot.app, pilot)


def test_main_screen_on_the_seeds(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Three panes: the story and its sources, the first article, its counterparts."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_ready)


def test_main_screen_on_a_conflict_at_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the source list steps aside; a number conflict is explained in the side panel."""

    async def on_conflict(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        # The header settles at the story's tallest once the pane has its width; the jump waits
        # for it, or the passages scroll one line apart from run to run.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=on_conflict)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Every key and the meaning of each mark."""

    async def help_open(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=help_open)


def test_export_dialog(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The dialog shows the file it will write, ready to edit."""

    async def dialog_open(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("Input").value = "newsterm-story.txt"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=dialog_open)
