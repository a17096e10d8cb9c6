"""The installed `newsterm` in a real terminal (tmux): launch, read, move, export, quit."""

from __future__ import annotations

from pathlib import Path

import pytest

from .tmux import NEWSTERM, Terminal, available, export_story

pytestmark = pytest.mark.skipif(not available(), reason="needs tmux and the installed command")


def test_newsterm_opens_the_seeds_moves_to_a_conflict_exports_and_quits(tmp_path: Path) -> None:
    """What a newcomer does first: run `newsterm`, press n, e, enter, q."""
    with Terminal([str(NEWSTERM)], cwd=tmp_path) as term:
        first = term.wait_for("Cross-reference")
        assert "Sources" in first and "Article" in first
        screen = term.wait_for("Headline: match")  # the pane opens on the headline
        assert "North Korea" in screen
        term.keys("n")
        screen = term.wait_for("CONFLICT")  # a counterpart, not the footer's "Next conflict"
        assert ": conflict" in screen  # the side panel's heading
        assert export_story(term, tmp_path).startswith("newsterm report")
        term.keys("q")
        assert term.exited(), term.screen()
        assert "Traceback" not in term.screen()


def test_newsterm_reports_a_bad_source_and_shows_the_rest(tmp_path: Path) -> None:
    """A folder with one unreadable file still opens; the problem is named on screen."""
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "A quiet day in the harbour\n2024-05-01\n\nThe ferry left on time at nine.\n",
        encoding="utf-8",
    )
    (folder / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    with Terminal([str(NEWSTERM), str(folder)], cwd=tmp_path, size=(100, 30)) as term:
        screen = term.wait_for("harbour")
        screen = term.wait_for("broken.json")
        assert "ferry" in screen
        term.keys("q")
        assert term.exited()
