"""A big pile can be read while its index and stories are still being built."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Label

import newsterm.corpus.corpus
import newsterm.corpus.load
import newsterm.tui.loading as loading
import newsterm.tui.screens.main as main_screen
import newsterm.tui.widgets.sources as sources_widget
from newsterm.tui.app import make_app
from newsterm.tui.widgets.sources import SourceTree

pytestmark = pytest.mark.asyncio


async def until(pilot: object, condition: object, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.02)  # type: ignore[attr-defined]


def _hold_grouping(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Stories are formed only once the returned event is set: the time a big pile takes."""
    gate = threading.Event()
    grouping = newsterm.corpus.load.group_stories

    def slow_grouping(index: object, *rest: object) -> object:
        gate.wait(10)
        return grouping(index, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(newsterm.corpus.load, "group_stories", slow_grouping)
    return gate


async def test_articles_can_be_read_before_the_stories_are_formed(
    ready, pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader starts on the first article while grouping runs; keys that need stories say
    why they wait; once stories exist the reader stays on the same passage of the same article."""
    gate = _hold_grouping(monkeypatch)
    monkeypatch.setattr(loading, "EARLY_READING_MIN", 1)  # the pile has three articles
    app = make_app([str(pile)])
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            main = app.main_screen
            await until(pilot, lambda: main.passage is not None)
            assert not main.ready.is_set() and main.story is None
            tree = main.query_one(SourceTree)
            group = tree.root.children[0]
            assert "Not grouped into stories yet (3)" in str(group.label)
            headlines = sorted(str(leaf.label).split(" · ")[0] for leaf in group.children)
            assert headlines[0] == "Apple harvest in the northern valley breaks records"
            # The article pane opens on the headline, then the body.
            article_pane = main.query_one("#article")
            assert main.article is not None
            assert main.article.title in " ".join(
                str(article_pane.get_option_at_index(0).prompt).split()
            )
            assert main.article.text.split()[0] in str(article_pane.get_option_at_index(1).prompt)
            summary = str(main.query_one("#xref-summary").render())
            assert "Stories are still being formed" in " ".join(summary.split())
            await until(
                pilot,
                lambda: "read meanwhile" in str(main.query_one("#status-text", Label).render()),
            )

            await pilot.press("j", "j")
            reading, position = main.article_id, main.passage.index
            assert position == 2
            await pilot.press("n")
            assert any("still being formed" in str(n.message) for n in app._notifications)
            assert main.passage.index == position

            gate.set()
            await ready(app, pilot)
            assert main.story is not None
            assert main.article_id == reading and main.passage.index == position
            labels = [str(node.label) for node in tree.root.children]
            assert not any("Not grouped" in label for label in labels)
            assert "read meanwhile" not in str(main.query_one("#status-text", Label).render())
    finally:
        gate.set()


async def test_a_reader_who_has_not_moved_is_shown_a_story_to_compare(
    ready, pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Early reading opens the first article read, here one no other source reports. If the
    reader has not moved from it when the stories land, they are shown the story with several
    sources, as a small pile opens: what newsterm is for."""
    (pile / "Almanac - frost.txt").write_text(
        "Late frost expected in the hill country\n2024-03-04\n\n"
        "Forecasters expect a late frost in the hill country this weekend.\n",
        encoding="utf-8",
    )
    gate = _hold_grouping(monkeypatch)
    monkeypatch.setattr(loading, "EARLY_READING_MIN", 1)
    app = make_app([str(pile)])
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            main = app.main_screen
            await until(pilot, lambda: main.passage is not None)
            assert main.article is not None and "frost" in main.article.title
            gate.set()
            await ready(app, pilot)
            assert main.story is not None and len(main.story.article_ids) == 2
            assert "bridge" in main.article.title.lower() or "Riverton" in main.article.title
    finally:
        gate.set()


async def test_a_small_pile_opens_grouped_without_an_early_list(
    ready, pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below the size where grouping takes a while, the list is never shown ungrouped."""
    seen: list[str] = []
    post = main_screen.MainScreen.post_message

    def noted(self: main_screen.MainScreen, message: object) -> bool:
        seen.append(type(message).__name__)
        return post(self, message)  # type: ignore[arg-type]

    monkeypatch.setattr(main_screen.MainScreen, "post_message", noted)
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.story is not None and main.early is None
    assert "Loaded" in seen and "ArticlesRead" not in seen


async def test_a_failure_while_forming_stories_leaves_the_articles_readable(
    pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If grouping fails after the articles were opened, the error is shown, the reader keeps
    reading, and the side panel no longer promises comparisons."""

    def broken_grouping(index: object, *rest: object) -> object:
        raise RuntimeError("grouping broke")

    monkeypatch.setattr(newsterm.corpus.load, "group_stories", broken_grouping)
    monkeypatch.setattr(loading, "EARLY_READING_MIN", 1)
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.main_screen
        await until(pilot, lambda: "grouping broke" in str(main.query_one("#status-text").render()))
        assert main.corpus is None and main.passage is not None
        await pilot.press("j")
        assert main.passage.index == 1
        summary = " ".join(str(main.query_one("#xref-summary").render()).split())
        assert "could not be formed" in summary and "still being formed" not in summary


async def test_a_big_early_list_comes_in_blocks_listed_when_opened(
    pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before stories exist, a big pile is listed a block at a time (EARLY_BLOCK): one group
    of 19,000 lines kept the app from answering any key, q included, for seconds. The blocks
    after the first list their articles when opened."""
    gate = _hold_grouping(monkeypatch)
    monkeypatch.setattr(loading, "EARLY_READING_MIN", 1)
    monkeypatch.setattr(sources_widget, "EARLY_BLOCK", 2)  # the pile has three articles
    app = make_app([str(pile)])
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            main = app.main_screen
            await until(pilot, lambda: main.passage is not None)
            tree = main.query_one(SourceTree)
            first, second = tree.root.children
            assert "yet: 1–2 of 3" in str(first.label) and "yet: 3–3 of 3" in str(second.label)
            assert len(first.children) == 2 and not second.children
            second.expand()
            await pilot.pause()
            (leaf,) = second.children
            assert leaf.data is not None and leaf.data[0] == "article"
            tree.select_node(leaf)
            await until(pilot, lambda: main.article_id == leaf.data[1])
    finally:
        gate.set()
