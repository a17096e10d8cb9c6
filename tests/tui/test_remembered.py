"""What the app remembers between runs (tui.settings): the theme, the panes shown, and the last
place in each pile; a damaged or stale state file is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.tui import settings
from newsterm.tui.app import make_app
from newsterm.tui.history import Place

pytestmark = pytest.mark.asyncio


async def test_the_last_place_in_a_pile_is_where_it_reopens(ready, pile: Path) -> None:
    """Quit on the third passage of the story's second article; the next start on the same
    pile opens there; another pile opens at its own start."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("right_square_bracket", "j", "j")
        left = (main.article_id, main.passage)
        await pilot.press("q")
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert (main.article_id, main.passage) == left
    app = make_app()  # the seeds: a pile never read before
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.passage is not None and main.passage.index == 0


async def test_a_place_the_pile_no_longer_holds_is_ignored(ready, pile: Path) -> None:
    state = settings.Settings()
    state.remember(settings.pile_key([str(pile)]), Place("gone", 5))
    settings.save(state)
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.passage is not None and main.passage.index == 0


async def test_a_passage_past_the_end_opens_the_last(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        article = main.article_id
    assert article is not None
    state = settings.load()
    state.remember(settings.pile_key([str(pile)]), Place(article, 999))
    settings.save(state)
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.article is not None and main.passage == main.article.passages[-1]


async def test_the_theme_and_the_panes_shown_are_kept(ready) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("x", "s")
        app.theme = "nord"
        await pilot.pause()
    assert settings.load().theme == "nord"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert app.theme == "nord"
        assert main.has_class("-crossref-hidden") and main.has_class("-sources-toggled")
        assert main.query_one("#crossref").region.width == 0
        await pilot.press("x")
    assert not settings.load().crossref_hidden


async def test_a_damaged_state_file_opens_the_app_as_new(ready, private_state: Path) -> None:
    (private_state / settings.FILE_NAME).write_bytes(b'{"version": 1, "theme": "nord", "pla')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert app.theme != "nord" and not main.has_class("-crossref-hidden")
        await pilot.press("j")
        await pilot.press("q")
    assert settings.load().places["seeds"].passage == 1  # and it is whole again
