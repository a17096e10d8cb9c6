"""`n` across a pile: from a story without conflicts to the next story that has one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.tui.app import make_app
from newsterm.tui.screens.main import MainScreen

from .piles import write_pile

pytestmark = pytest.mark.asyncio


def _story_of(main: MainScreen, word: str) -> str:
    assert main.corpus is not None
    return next(
        s.id
        for s in main.corpus.stories
        if len(s.article_ids) > 1 and word in main.corpus.article(s.article_ids[0]).title.lower()
    )


async def test_n_in_a_story_without_conflicts_goes_to_the_next_story_with_one(
    tmp_path: Path, ready, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dam story's outlets agree; `n` there opens the bridge story at a conflict, once
    that story is compared. A story not compared yet is passed over, not waited for."""
    app = make_app([str(write_pile(tmp_path / "pile"))])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None
        dam, bridge = _story_of(main, "dam"), _story_of(main, "bridge")
        main.open_article(main.corpus.story(dam).article_ids[0])
        await pilot.pause(0.05)
        corpus = main.corpus
        corpus.alignment(dam)
        alignment = corpus.alignment(bridge)
        compared = corpus.cached_alignment
        with monkeypatch.context() as patch:  # the bridge story not compared yet
            patch.setattr(
                corpus, "cached_alignment", lambda s: None if s == bridge else compared(s)
            )
            await pilot.press("n")
        assert main.story_id == dam
        assert any("compared so far" in str(n.message) for n in app._notifications)
        await pilot.press("n")
        assert main.story_id == bridge and main.passage is not None
        assert alignment.status(main.passage.id) == "conflict"
