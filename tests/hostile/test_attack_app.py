"""The app under a storm of input: the terminal resized hundreds of times, 100 KB pasted into
search, 2,000 keys arriving at once. Each time it stays responsive (a key still does what it
does) and `q` still quits. Every test runs under asyncio.wait_for, so a hang fails it.

Keys that open and close screens, sent at once, crashed the app: a second enter on the story
view popped the main screen (tui.screens.once now dismisses a screen only while it is on
top)."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Size
from textual.widgets import Input

from newsterm.tui.app import NewstermApp, make_app
from newsterm.tui.screens.main import MainScreen
from newsterm.tui.screens.search import SearchScreen

from ..tui.conftest import bridge_pile, exited, wait_ready

pytestmark = pytest.mark.asyncio
BOUND = 60.0  # seconds any test here may take


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    return bridge_pile(tmp_path / "pile")


async def _still_answers(app: NewstermApp, pilot: object) -> None:
    """Help opens on ? and closes on escape: the app is reading keys and drawing."""
    await pilot.press("question_mark")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert type(app.screen).__name__ == "HelpScreen"
    await pilot.press("escape")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, MainScreen)


def _resize(app: NewstermApp, width: int, height: int) -> None:
    """What a terminal's SIGWINCH becomes: a Resize event in the app's queue (and, headless,
    the driver's idea of the size), without waiting for the app to lay out again."""
    size = Size(width, height)
    if isinstance(app._driver, HeadlessDriver):
        app._driver._size = size
    app.post_message(events.Resize(size, size))


async def test_a_resize_storm_leaves_the_app_working(pile: Path) -> None:
    """500 sizes from 1x1 to 300x100 arrive at once (a window dragged about), on the main
    screen and again on help; then the extremes one at a time, each laid out before the next.
    The app ends at the last size, answers keys and quits with q."""

    async def run() -> None:
        app = make_app([str(pile)])
        rng = random.Random(3)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_ready(app, pilot)
            for screen in ("main", "help"):
                if screen == "help":
                    await pilot.press("question_mark")
                for _ in range(250):
                    _resize(app, rng.randint(1, 300), rng.randint(1, 100))
                _resize(app, 90, 30)
                await pilot.pause()
                await pilot.pause()
                assert app.size == Size(90, 30)
            await pilot.press("escape")
            for width, height in [(1, 1), (300, 100), (2, 60), (300, 1), (20, 5), (1, 100)]:
                await pilot.resize_terminal(width, height)
                await pilot.press("j", "question_mark", "escape")
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            await _still_answers(app, pilot)
            await pilot.press("q")
            assert await exited(app)

    await asyncio.wait_for(run(), BOUND)


async def test_a_100_kb_paste_into_search_is_taken_and_the_app_quits(pile: Path) -> None:
    """A 100 KB paste (a whole article, newlines and all) lands in the search field as one
    event; the search runs, the field keeps what an input line can hold, escape leaves and
    q quits."""
    pasted = ("bridge collapse Riverton inspection\n" * 3000)[:100_000]

    async def run() -> None:
        app = make_app([str(pile)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_ready(app, pilot)
            await pilot.press("slash")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            field = app.screen.query_one("#query", Input)
            field.post_message(events.Paste(pasted))
            await pilot.pause()
            await pilot.pause()
            assert field.value and "\n" not in field.value
            await pilot.press("escape")
            await pilot.pause()
            await _still_answers(app, pilot)
            await pilot.press("q")
            assert await exited(app)

    await asyncio.wait_for(run(), BOUND)


# Keys that move through the pile without opening or hiding anything. Each costs 1.5 to 5 ms;
# tab and shift+tab (40 to 70 ms each, as focus restyles the panes) are with the others.
MOVING_KEYS = [
    "j", "k", "n", "N", "m", "M", "u", "U", "down", "up", "pagedown", "pageup", "home", "end",
    "g", "G", "right_curly_bracket", "left_curly_bracket",
    "left_square_bracket", "right_square_bracket", "backspace", "r", "exclamation_mark",
]  # fmt: skip
# And keys that open, close, hide and show panes and screens; none that leaves the app (q),
# opens a browser (o), copies (y) or asks where to save (e).
STORM_KEYS = [
    *MOVING_KEYS, "tab", "shift+tab", "enter", "escape", "question_mark", "escape", "slash",
    "a", "b", "escape", "s", "x", "t", "c", "f", "P",
]  # fmt: skip


def _send_at_once(app: NewstermApp, keys: list[str]) -> None:
    """Key events put in the app's queue in one go, as a terminal delivers a burst of input,
    instead of one per frame as Pilot.press does."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        driver.send_message(event)


async def _storm(pile: Path, keys: list[str]) -> None:
    """2,000 of `keys` arrive at once; the app works through them all, answers, and quits."""
    app = make_app([str(pile)])
    rng = random.Random(5)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(app, pilot)
        _send_at_once(app, [rng.choice(keys) for _ in range(2_000)])
        await pilot.pause()
        await pilot.pause()
        assert any(isinstance(screen, MainScreen) for screen in app.screen_stack)
        for _ in range(5):  # back to the main screen, whatever the storm left open
            if isinstance(app.screen, MainScreen):
                break
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, MainScreen), [type(s).__name__ for s in app.screen_stack]
        await _still_answers(app, pilot)
        await pilot.press("q")
        assert await exited(app)


async def test_2000_moving_keys_at_once_are_all_handled_and_q_still_quits(pile: Path) -> None:
    """2,000 keys at once (a stuck key, or a paste into a terminal without bracketed paste)
    that move through stories, articles and passages."""
    await asyncio.wait_for(_storm(pile, MOVING_KEYS), BOUND)


async def test_2000_keys_of_every_kind_at_once_leave_the_app_working(pile: Path) -> None:
    """The same storm with the keys that open and close screens and hide panes."""
    await asyncio.wait_for(_storm(pile, STORM_KEYS), BOUND)


async def test_two_enters_at_once_in_the_story_view_keep_the_main_screen(pile: Path) -> None:
    async def run() -> None:
        app = make_app([str(pile)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_ready(app, pilot)
            await pilot.press("t")
            await pilot.pause()
            assert type(app.screen).__name__ == "StoryScreen"
            _send_at_once(app, ["enter", "enter"])
            await pilot.pause()
            await pilot.pause()
            assert any(isinstance(screen, MainScreen) for screen in app.screen_stack)
            await pilot.press("q")
            assert await exited(app)

    await asyncio.wait_for(run(), BOUND)
