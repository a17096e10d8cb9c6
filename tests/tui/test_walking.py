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


FIRE = """Warehouse fire in Dunmore {verb} {count} workers
2024-05-1{day}

A fire at the Dunmore grain warehouse {verb} {count} workers on Sunday night, the fire service said.
The blaze started in the drying room shortly after 10 p.m. and burned for {hours} hours.
Owner Lena Park said the warehouse held {tonnes} tonnes of wheat.
"""


async def test_n_after_the_last_conflict_of_a_story_goes_on_to_the_next_story(
    tmp_path: Path, ready
) -> None:
    """A walk with n visits every conflict of the pile, story after story, and N walks back."""
    folder = write_pile(tmp_path / "pile")
    for outlet, day, count, hours, tonnes in (
        ("Gazette", 2, 3, 5, 900),
        ("Courier", 3, 4, 7, 1200),
    ):
        text = FIRE.format(verb="injures", count=count, day=day, hours=hours, tonnes=tonnes)
        (folder / f"{outlet} - fire.txt").write_text(text, encoding="utf-8")
    app = make_app([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        corpus = main.corpus
        assert corpus is not None
        stories = {_story_of(main, "bridge"), _story_of(main, "fire")}
        conflicts = {
            p.id
            for sid in stories
            for aid in corpus.story(sid).article_ids
            for p in corpus.article(aid).passages
            if corpus.alignment(sid).status(p.id) == "conflict"
        }
        assert {corpus.passage(p).article_id for p in conflicts} and len(conflicts) >= 4
        seen: list[str] = []
        for _ in range(len(conflicts)):
            await pilot.press("n")
            assert main.passage is not None
            seen.append(main.passage.id)
        assert set(seen) == conflicts  # both stories, each conflict once
        await pilot.press("N")
        assert main.passage is not None and main.passage.id == seen[-2]
