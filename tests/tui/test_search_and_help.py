"""Search grouped by story, reached with the first down; the help screen explains every sign
and scrolls with j/k."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import OptionList

from newsterm.tui.app import make_app
from newsterm.tui.render import MARKS
from newsterm.tui.screens.help import SIGNS, HelpScreen, legend, plain
from newsterm.tui.screens.search import SearchScreen

pytestmark = pytest.mark.asyncio


async def test_the_first_down_highlights_the_first_result(ready, pile: Path) -> None:
    """Results are grouped under their stories, each with its outlet and date; the first down
    from the field lands on the first result, enter opens it."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("slash", *"the")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#results", OptionList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        headings = [
            i for i in range(results.option_count) if results.get_option_at_index(i).disabled
        ]
        assert len(headings) == 2  # the bridge and the orchard
        assert "Bridge" in prompts[headings[0]] or "Death toll" in prompts[headings[0]]
        assert any("Herald" in p and "5 Mar 2024" in p for p in prompts)
        assert "stories" in str(app.screen.query_one("#search-count").render())
        await pilot.press("down")
        assert results.has_focus and results.highlighted == 1
        chosen = results.get_option_at_index(1).id
        await pilot.press("enter")
        await pilot.pause()
        assert main.passage is not None and main.passage.id == chosen


async def test_enter_in_the_field_opens_the_first_result(ready) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("slash", *"soldiers", "enter")
        await pilot.pause()
        assert main.passage is not None and "soldiers" in main.passage.text


async def test_help_explains_every_mark_and_badge_and_scrolls(ready) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        shown += plain(legend(), width=60)
        for glyph, _ in MARKS.values():
            assert f"{glyph}  " in shown
        for sign in ("2≠ 1Δ 6✓ 4•", "≈2 Jun 2025?", "independent", "0.87", "(file name)"):
            assert sign in shown
        # Each meaning wraps beside its sign, not under it.
        starts = (" ", "Marks", *(title for title, _ in SIGNS))
        starts += tuple(glyph for glyph, _ in MARKS.values())
        starts += tuple(sign for _, rows in SIGNS for sign, _ in rows)
        lines = plain(legend(), 60).splitlines()
        assert all(line.startswith(starts) for line in lines if line.strip())
        assert "~2 Jun" not in shown
        scroller = app.screen.query_one("#help", VerticalScroll)
        assert scroller.max_scroll_y > 0  # taller than 24 rows
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroller.scroll_y > 0
        await pilot.press("k", "k", "k")
        await pilot.pause()
        assert scroller.scroll_y == 0
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
