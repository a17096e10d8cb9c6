"""Full garbage collections wait while the reader types, and come back when they stop."""

from __future__ import annotations

import gc

import pytest

from newsterm.tui.activity import QUIET
from newsterm.tui.app import make_app
from newsterm.tui.collector import FullCollections


def test_holding_puts_off_only_the_full_collection_and_release_restores_it() -> None:
    before = gc.get_threshold()
    collections = FullCollections()
    try:
        collections.hold()
        collections.hold()  # a second key while held changes nothing
        held = gc.get_threshold()
        assert held[:2] == before[:2]  # young collections go on as before
        assert held[2] >= 1_000_000
    finally:
        collections.release()
    assert gc.get_threshold() == before
    collections.release()  # releasing twice leaves them as they were
    assert gc.get_threshold() == before


@pytest.mark.asyncio
async def test_a_key_holds_full_collections_until_the_reader_pauses(ready) -> None:
    before = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j")
        assert app.full_collections.held
        await pilot.press("j")
        assert app.full_collections.held
        await pilot.pause(2 * QUIET + 0.2)
        assert not app.full_collections.held
        assert gc.get_threshold() == before
        await pilot.press("j")
        assert app.full_collections.held  # and again after the first release
    assert gc.get_threshold() == before  # an app that exits mid-burst leaves them on
