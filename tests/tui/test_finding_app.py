"""Finding the stories that matter, driven as a reader would: the filter field, the sorts, the
conflicts toggle, keys and clicks; the source list at 80x24 and on a wide terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from newsterm.tui.app import NewstermApp, make_app
from newsterm.tui.screens import main as main_screen
from newsterm.tui.screens.main import MainScreen
from newsterm.tui.widgets.filter_bar import FilterInput
from newsterm.tui.widgets.footer import FittingFooter, FooterKey
from newsterm.tui.widgets.source_pane import SourcePane
from newsterm.tui.widgets.sources import SourceTree

from .piles import write_pile

pytestmark = pytest.mark.asyncio


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    return write_pile(tmp_path / "pile")


async def compared(app: NewstermApp, pilot: object, main: MainScreen) -> None:
    """Wait until every story with several sources is compared (the background's work)."""
    assert main.corpus is not None
    app.activity.last = 0.0
    for _ in range(200):
        if all(
            main.corpus.cached_alignment(s.id) is not None
            for s in main.corpus.stories
            if len(s.article_ids) > 1
        ):
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("the stories were not compared in time")


async def settled(pane: SourcePane, pilot: object) -> None:
    for _ in range(200):
        await pilot.pause(0.02)  # type: ignore[attr-defined]
        if not pane.busy:
            return
    raise AssertionError("the list did not follow the filter")


def listed(tree: SourceTree) -> list[str]:
    """The list's top entries, as text: stories by their first word, then the single group."""
    return [str(node.label).split()[0] for node in tree.root.children]


async def test_f_filters_the_list_as_typed_and_enter_keeps_it(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        pane = main.query_one(SourcePane)
        tree = pane.source_tree
        nodes = list(tree.root.children)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.focused, FilterInput)
        await pilot.press(*"divers")
        await settled(pane, pilot)
        assert listed(tree) == ["Bridge"]
        assert "1/2 +0 single" in str(pane.bar.query_one("#filter-status").render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is tree and pane.bar.text == "divers" and listed(tree) == ["Bridge"]
        await pilot.press("f", "escape")
        await settled(pane, pilot)
        assert pane.bar.text == "" and tree.found is None
        assert tree.root.children[0] is nodes[0]  # the same nodes: none made again
        assert list(tree.root.children) == nodes


async def test_the_field_is_out_of_the_tab_order_and_opens_on_a_click(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        for _ in range(5):
            await pilot.press("tab")
            assert not isinstance(app.focused, Input)
        await pilot.click(FilterInput)
        await pilot.pause()
        assert isinstance(app.focused, FilterInput)
        await pilot.press(*"outlet:courier", "down")
        await settled(main.query_one(SourcePane), pilot)
        assert isinstance(app.focused, SourceTree)
        assert listed(main.query_one(SourceTree)) == ["Bridge"]


async def test_r_sorts_by_outlets_recency_and_conflicts(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await compared(app, pilot, main)
        pane = main.query_one(SourcePane)
        assert listed(pane.source_tree) == ["Bridge", "Dam", "Single-source"]
        await pilot.press("r")
        await settled(pane, pilot)
        assert pane.sort == "recent"
        assert listed(pane.source_tree) == ["Dam", "Bridge", "Single-source"]
        assert "↕ recent" in str(pane.bar.query_one("#filter-status").render())
        await pilot.press("r")
        await settled(pane, pilot)
        assert pane.sort == "conflicts"
        assert listed(pane.source_tree) == ["Bridge", "Dam", "Single-source"]
        assert "2≠" in str(pane.source_tree.root.children[0].label)  # the count sorted by
        await pilot.press("r")
        await settled(pane, pilot)
        assert pane.sort == "outlets"


async def test_only_stories_with_conflicts_by_key_and_by_click(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await compared(app, pilot, main)
        pane = main.query_one(SourcePane)
        await pilot.press("exclamation_mark")
        await settled(pane, pilot)
        assert pane.bar.text == "has:conflicts" and pane.conflicts_only
        assert listed(pane.source_tree) == ["Bridge"]
        status = pane.bar.query_one("#filter-status")
        # "↕ outlets · ☒ ≠ · …": the sort's link, then the toggle's (after the line's padding).
        await pilot.click(status, offset=(str(status.render()).index("≠") + 1, 0))
        await settled(pane, pilot)
        assert pane.bar.text == "" and not pane.conflicts_only
        await pilot.click(status, offset=(3, 0))  # the sort's link
        await settled(pane, pilot)
        assert pane.sort == "recent"


async def test_a_query_about_conflicts_compares_the_stories_it_keeps_at_once(
    ready, pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The background badges, which compare every story in the reader's quiet moments, have
    not got there (on all of Reuters that takes many minutes): the stories the words keep are
    compared for the query, and the list follows."""
    monkeypatch.setattr(main_screen, "save_and_align", lambda corpus, pause, aligned: None)
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        pane = main.query_one(SourcePane)
        corpus = main.corpus
        assert corpus is not None
        bridge = next(s.id for s in corpus.stories if s.title.startswith("Bridge"))
        dam = next(s.id for s in corpus.stories if s.title.startswith("Dam"))
        await pilot.press("f", *"divers has:conflicts", "enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if listed(pane.source_tree) == ["Bridge"] and not pane.busy:
                break
        assert listed(pane.source_tree) == ["Bridge"]
        assert corpus.cached_alignment(bridge) is not None
        assert corpus.cached_alignment(dam) is None  # 'divers' left it out: not compared
        await pilot.press("f", "ctrl+u", *"dam has:conflicts", "enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if corpus.cached_alignment(dam) is not None and not pane.busy:
                break
        assert corpus.cached_alignment(dam) is not None  # compared for the query: no conflict
        await pilot.pause(0.2)
        assert "Dam" not in listed(pane.source_tree)
        assert "comparing" not in str(pane.bar.query_one("#filter-status").render())


async def test_an_article_the_filter_leaves_out_is_not_brought_back(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None
        pane = main.query_one(SourcePane)
        await pilot.press("f", *"apples", "enter")
        await settled(pane, pilot)
        tree = pane.source_tree
        assert listed(tree) == ["Single-source"] and tree.root.children[0].is_expanded
        dam = next(a for a in main.corpus.articles if a.title.startswith("Dam"))
        main.open_article(dam.id)  # a search hit, say
        await pilot.pause()
        assert main.article_id == dam.id
        assert listed(tree) == ["Single-source"]
        await pilot.press("f", "escape")
        await settled(pane, pilot)
        assert not tree.root.children[-1].is_expanded  # opened by the filter, closed again


async def test_f_at_80x24_brings_the_list_back_and_nothing_leaves_the_screen(
    ready, pile: Path
) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(80, 24)) as pilot:
        main = await ready(app, pilot)
        pane = main.query_one(SourcePane)
        assert pane.region.width == 0
        await pilot.press("f")
        await pilot.pause()
        assert pane.region.width > 0 and isinstance(app.focused, FilterInput)
        await pilot.press("escape")
        await pilot.pause()
        for widget in main.query("#source-pane, #article-pane, #crossref, FooterKey"):
            assert widget.region.right <= 80, widget
        footer = main.query_one(FittingFooter)
        keys = [key for key in footer.query(FooterKey) if key.display]
        assert sum(key.outer_size.width for key in keys) <= 80
        assert any(key.action == "help" for key in keys)


async def test_the_list_widens_with_the_terminal_and_keeps_whole_titles(ready, pile: Path) -> None:
    app = make_app([str(pile)])
    async with app.run_test(size=(200, 40)) as pilot:
        main = await ready(app, pilot)
        tree = main.query_one(SourceTree)
        assert tree.region.width > 50  # 35 at 120 columns
        text = "\n".join(tree.render_line(y).text for y in range(6))
        assert "Bridge collapse in Riverton kills … (2 · 5–6 Mar) 2≠" in text
        assert "Herald 5 Mar 2024" in text
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        text = "\n".join(tree.render_line(y).text for y in range(6))
        assert "Bridge collapse in Rive… (2) 2≠" in text  # the span left out, not the count
        assert "Herald 5 Mar 2024" in text
