"""The story view (t) and two sources side by side (c), driven as a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from newsterm.tui.app import make_app
from newsterm.tui.screens.compare import CompareScreen, mark_styles
from newsterm.tui.screens.main import MainScreen
from newsterm.tui.screens.story import StoryScreen

from .piles import write_pile

pytestmark = pytest.mark.asyncio


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    return write_pile(tmp_path / "pile")


def lines(listing: OptionList) -> list[str]:
    return [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]


async def test_t_shows_the_story_whole_and_enter_reads_what_is_chosen(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.story is not None and main.story.title.startswith("Bridge")
        await pilot.press("t")
        await pilot.pause(0.2)
        assert isinstance(app.screen, StoryScreen)
        listing = app.screen.query_one(OptionList)
        shown = lines(listing)
        timeline = [line for line in shown if "Mar 2024" in line and "●" in line]
        outlets = [line.split("●")[1].strip("─ ").split()[0] for line in timeline]
        assert outlets == ["Herald", "Courier"]
        assert any("2 of the pile's 3 outlets: Herald, Courier" in line for line in shown)
        assert any(line.endswith("each covers): Gazette 2") for line in shown)
        conflicts = [line for line in shown if line.startswith("≠ conflict")]
        assert len(conflicts) == 2 and "Twelve" in conflicts[0] and "Fourteen" in conflicts[0]
        # The Courier's line of the timeline: enter reads that article.
        listing.highlighted = shown.index(timeline[1])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and main.article is not None
        assert main.article.source == "Courier"
        # A conflict: enter reads its first passage.
        await pilot.press("t")
        await pilot.pause(0.2)
        listing = app.screen.query_one(OptionList)
        listing.highlighted = lines(listing).index(conflicts[0])
        await pilot.press("enter")
        await pilot.pause()
        assert main.passage is not None and "Twelve" in main.passage.text


async def test_c_on_a_conflict_of_the_story_view_puts_its_sources_side_by_side(
    ready, pile: Path
) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("t")
        await pilot.pause(0.2)
        listing = app.screen.query_one(OptionList)
        listing.highlighted = next(
            n for n, line in enumerate(lines(listing)) if line.startswith("≠ conflict")
        )
        await pilot.press("c")
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        row = screen.rows[screen.query_one(OptionList).highlighted or 0]
        assert row.relation == "conflict" and row.left is not None and row.right is not None
        assert "Twelve" in row.left.text and "Fourteen" in row.right.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main


async def test_c_puts_the_article_beside_another_source_aligned(ready) -> None:
    app = make_app()  # the seeds: three sources of one story
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        story = main.story
        assert story is not None
        await pilot.press("c")
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.left == main.article_id
        assert screen.right in story.article_ids and screen.right != screen.left
        first_right = screen.right
        listing = screen.query_one(OptionList)
        assert listing.option_count == len(screen.rows) > 0
        await pilot.press("n")
        assert screen.rows[listing.highlighted or 0].relation in ("conflict", "update")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.right not in (first_right, screen.left)
        left, right = screen.left, screen.right
        await pilot.press("s")
        await pilot.pause()
        assert (screen.left, screen.right) == (right, left)
        await pilot.press("n")
        row = screen.rows[listing.highlighted or 0]
        assert row.left is not None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main and main.passage == row.left


async def test_the_views_of_a_single_source_story(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None
        lone = next(a for a in main.corpus.articles if a.title.startswith("Apple"))
        main.open_article(lone.id)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is main  # nothing to put beside it: said so
        await pilot.press("t")
        await pilot.pause(0.2)
        assert isinstance(app.screen, StoryScreen)
        shown = lines(app.screen.query_one(OptionList))
        assert any("One source: nothing to compare." in line for line in shown)
        assert any(line.endswith("each covers): Herald 2, Courier 1") for line in shown)


async def test_the_views_fit_80x24(ready) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        for key in ("t", "escape", "c"):
            await pilot.press(key)
            await pilot.pause(0.2)
            for widget in app.screen.query("*"):
                assert widget.region.right <= 80, widget
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        width = screen.query_one(OptionList).scrollable_content_region.width
        for n in range(screen.query_one(OptionList).option_count):
            prompt = screen.query_one(OptionList).get_option_at_index(n).prompt
            assert all(len(line) <= width for line in str(prompt).split("\n"))


async def test_a_view_closed_before_it_is_drawn_is_not_drawn(ready) -> None:
    """Both views draw once laid out (after a refresh, run by whichever screen is on top when
    the request is handled) or once compared (from a thread). A view closed meanwhile has no
    widgets left to draw into: the draw that comes late does nothing, and the app goes on."""
    app = make_app()  # the seeds: three sources of one story, compared once ready
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None and main.story is not None
        left, right = main.story.article_ids[:2]
        styles = mark_styles(main)
        for screen in (
            CompareScreen(main.corpus, main.story.id, left, right, styles),
            StoryScreen(main.corpus, main.story.id, [], styles),
        ):
            await app.push_screen(screen)
            await pilot.pause()
            assert screen.query(OptionList)
            screen.dismiss(None)
            await pilot.pause()
            assert not screen.query(OptionList)  # its widgets are gone
            main.call_after_refresh(screen.show)  # the late draws
            app.call_later(screen.on_resize)
            await pilot.pause(0.1)
            assert app.screen is main
        assert app.is_running and app.return_code is None
