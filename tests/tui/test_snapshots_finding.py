"""The picture of the views for finding the stories that matter: the source list filtered and
sorted, the story view and two sources side by side, on a small pile of two outlets' stories.

Run `pytest tests/tui/test_snapshots_finding.py --snapshot-update` after an intended visual
change and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.tui.app import make_app

from .conftest import wait_ready
from .piles import write_pile


@pytest.fixture
def pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Shown relative to the current folder: the same path on every machine."""
    write_pile(tmp_path / "pile")
    monkeypatch.chdir(tmp_path)
    return "pile"


def test_the_list_filtered_and_sorted_by_recency(snap_compare, pile: str) -> None:  # type: ignore[no-untyped-def]
    """The query as typed above the list, the sort and the count under it."""

    async def filtered(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("f", *"outlet:gazette", "enter", "r")
        await pilot.pause(0.5)

    assert snap_compare(make_app([pile]), terminal_size=(120, 30), run_before=filtered)


def test_the_story_view(snap_compare, pile: str) -> None:  # type: ignore[no-untyped-def]
    """Timeline, who covered it among the pile's outlets, and the story's conflicts."""

    async def story(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("t")
        await pilot.pause(0.5)

    assert snap_compare(make_app([pile]), terminal_size=(120, 30), run_before=story)


def test_two_sources_side_by_side(snap_compare, pile: str) -> None:  # type: ignore[no-untyped-def]
    """Passages aligned in two columns, the relation between them in the gutter."""

    async def side_by_side(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("c")
        await pilot.pause(0.5)

    assert snap_compare(make_app([pile]), terminal_size=(120, 30), run_before=side_by_side)
