"""The hostile pile in the app: it opens, shows markup as text, and leaks nothing."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from textual.widgets import Tree

from newsterm.tui.app import make_app
from newsterm.tui.widgets.article import ArticleView

from ..e2e.tmux import NEWSTERM, Terminal, available
from ..tui.conftest import wait_ready
from .pile import EXPECTED_BAD
from .test_hostile_export import DANGEROUS


def _labels(tree: Tree) -> list[str]:  # type: ignore[type-arg]
    found = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        found.append(str(node.label))
        for child in node.children:
            walk(child)

    walk(tree.root)
    return found


@pytest.mark.asyncio
async def test_the_app_opens_the_hostile_pile_and_shows_markup_literally(hostile: Path) -> None:
    """Titles full of Rich markup appear as typed; every broken file is named in a notice;
    moving through every article never raises."""
    app = make_app([str(hostile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await wait_ready(app, pilot)
        assert main.corpus is not None
        notices = " ".join(n.message for n in app._notifications)
        for name in sorted(EXPECTED_BAD)[:3]:
            assert name in notices
        for article in main.corpus.articles:
            main.open_article(article.id)
            await pilot.pause()
            head = str(main.query_one("#article-head").render())
            assert not DANGEROUS.search(head)
            await pilot.press("j", "n", "u")
        # Every article has been opened, so every group is listed (a closed group lists its
        # articles only when opened).
        labels = _labels(main.query_one(Tree))
        assert len([label for label in labels if label]) > len(main.corpus.articles)
        assert any("[b]Evil[/b]" in label for label in labels)
        assert not any(DANGEROUS.search(label) for label in labels)
        evil = next(a for a in main.corpus.articles if a.source == "[b]Evil[/b] Times")
        main.open_article(evil.id)
        await pilot.pause()
        view = main.query_one(ArticleView)
        # The title is the headline, the pane's first line, shown as typed (wrapped anywhere).
        assert "[link=https://evil.example]click[/link]" in "".join(
            str(view.get_option_at_index(0).prompt).split()
        )
        assert view.option_count >= 1
        assert app.is_running


@pytest.mark.skipif(not available(), reason="needs tmux and the installed command")
def test_the_terminal_title_and_screen_survive_the_hostile_pile(
    hostile: Path, tmp_path: Path
) -> None:
    """In a real terminal: the window title stays what it was, the clipboard escape never
    arrives, the screen is not cleared, and every article can be visited."""
    with Terminal([str(NEWSTERM), str(hostile)], cwd=tmp_path) as term:
        term.wait_for("Sources")
        title_before = term.display("#{pane_title}")
        term.wait_for("stories")
        for _ in range(4):
            term.keys("j", "n", "]", "u")
        term.keys("slash")
        term.keys("h", "a", "r", "b", "o", "u", "r", "Enter")
        time.sleep(0.5)
        screen = term.wait_for("Cross-reference")
        assert "pwned" not in term.display("#{pane_title}")
        assert term.display("#{pane_title}") == title_before
        assert "Sources" in screen or "Article" in screen
        assert not re.search(r"\x1b|\x9b", screen)
        term.keys("q")
        assert term.exited()
        assert "Traceback" not in term.screen()
