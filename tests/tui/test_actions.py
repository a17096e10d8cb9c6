"""The table of keys: every row the app binds runs an action that exists, and the palette's order
is a true order; the bindings, the footer, the help screen and the palette all read it."""

from __future__ import annotations

import pytest

from newsterm.tui import actions
from newsterm.tui.actions import ACTIONS, Owner
from newsterm.tui.app import NewstermApp
from newsterm.tui.screens.help import HelpScreen
from newsterm.tui.screens.main import MainScreen

BOUND: dict[Owner, type] = {"main": MainScreen, "app": NewstermApp, "help": HelpScreen}


@pytest.mark.parametrize("row", [r for r in ACTIONS if r.owner in BOUND], ids=lambda r: r.keys)
def test_every_bound_key_runs_an_action_that_exists(row: actions.Action) -> None:
    name = row.action.split("(")[0]
    owner: type = BOUND[row.owner]
    if name.startswith("app."):
        owner, name = NewstermApp, name.removeprefix("app.")
    assert callable(getattr(owner, f"action_{name}", None)), row


def test_no_key_is_bound_twice_by_one_owner() -> None:
    for owner in BOUND:
        keys = [k for row in ACTIONS if row.owner == owner for k in row.keys.split(",")]
        assert len(keys) == len(set(keys)), owner


def test_the_palette_offers_main_screen_actions_in_a_true_order() -> None:
    offered = [row for row in ACTIONS if row.palette is not None]
    assert sorted(row.palette.order for row in offered if row.palette) == list(range(len(offered)))
    assert all(row.owner == "main" for row in offered)
    titles = [title for title, _, _ in actions.palette_actions()]
    assert len(titles) == len(set(titles))


def test_the_classes_read_the_table() -> None:
    assert actions.bindings("main") == MainScreen.BINDINGS
    assert actions.bindings("app") == NewstermApp.BINDINGS
    assert actions.bindings("help") == HelpScreen.BINDINGS
    assert actions.palette_key() == NewstermApp.COMMAND_PALETTE_BINDING
