"""The picture of the views this work added or changed: search results grouped by story, the
help's legend of every sign at 80x24, and a header whose address is shortened to one line.

Run `pytest tests/tui/test_snapshots_following.py --snapshot-update` after an intended visual
change and look at the new SVGs before committing them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from newsterm.corpus.load import seeds_path
from newsterm.tui.app import make_app

from .conftest import wait_ready


@pytest.fixture(autouse=True)
def beside_the_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are shown relative to the current folder: make them the same on every machine."""
    monkeypatch.chdir(seeds_path().parent)


def test_search_results_grouped_by_story(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Under the story's heading, each hit with its outlet and date; the first down from the
    field has highlighted the first one."""

    async def searched(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("slash", *"soldiers", "down")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=searched)


def test_help_legend_at_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The meanings of the badges, dates and scores, wrapped beside their signs."""

    async def legend(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        pilot.app.screen.query_one("#help", VerticalScroll).scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=legend)


def test_header_with_a_long_address(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The article's address on one line, its site and its last words kept."""
    long = "https://www.example-herald.com/news/world/2024/03/05/riverton-old-mill-bridge-collapse"
    records = [
        {
            "id": outlet.lower(),
            "source": outlet,
            "url": f"{long}-{outlet.lower()}-report-with-a-long-slug",
            "published": "2024-03-05",
            "title": f"{outlet}: bridge collapse in Riverton",
            "text": f"{number} people were killed when the Old Mill bridge collapsed in "
            "Riverton on Monday, officials said.\n\nRescue teams pulled 30 survivors out.",
        }
        for outlet, number in (("Herald", "Twelve"), ("Courier", "Fourteen"))
    ]
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_ready(pilot.app, pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(make_app([str(pile)]), terminal_size=(100, 24), run_before=ready)
