"""What could not be read stays findable: P lists every problem of the sources after their
notifications have faded, and a pile with nothing readable ends the app with the reasons
instead of opening it empty."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static

from newsterm.tui.app import make_app
from newsterm.tui.screens.problems import ProblemsScreen

from .conftest import BRIDGE_A, BRIDGE_B

pytestmark = pytest.mark.asyncio


def _pile(folder: Path, broken: int) -> Path:
    folder.mkdir()
    (folder / "Herald - bridge.txt").write_text(BRIDGE_A, encoding="utf-8")
    (folder / "Courier - bridge.txt").write_text(BRIDGE_B, encoding="utf-8")
    for number in range(broken):
        (folder / f"[bold]empty {number}[red].txt").write_text("", encoding="utf-8")
    return folder


async def test_p_lists_every_problem_and_closes(ready, tmp_path: Path) -> None:
    pile = _pile(tmp_path / "pile", broken=8)  # more than the notifications name
    app = make_app([str(pile)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = str(app.screen.query_one("#problems-list", Static).render())
        assert "8 sources not read" in shown
        for number in range(8):
            assert f"[bold]empty {number}[red].txt" in shown  # as named, never as markup
        await pilot.press("j", "k", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)


async def test_a_pile_without_problems_says_so(ready, tmp_path: Path) -> None:
    app = make_app([str(_pile(tmp_path / "pile", broken=0))])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("P")
        await pilot.pause()
        shown = str(app.screen.query_one("#problems-list", Static).render())
        assert "without a problem" in shown


async def test_nothing_readable_ends_the_app_with_the_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    app = make_app([str(folder)])
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if app._exit:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
    assert app.return_code == 1
    assert app.return_value is not None
    assert [error.reason for error in app.return_value] == ["empty file"]
