"""Following a claim back out of the app and retracing one's steps: the original page opened,
the passage copied as a citation, back after a jump, the next story, the first and last
passage, the previous match and unique passage."""

from __future__ import annotations

import asyncio
import json
import stat
from pathlib import Path

import pytest
from textual.widgets import OptionList

from newsterm.tui.app import NewstermApp, make_app
from newsterm.tui.widgets.article import ArticleView

from .conftest import BRIDGE_A, BRIDGE_B

pytestmark = pytest.mark.asyncio

ORCHARD_A = (
    "Growers in the northern valley picked a record crop of apples this autumn, the "
    "cooperative said on Friday.\n\nThe cooperative expects prices to fall by 12 percent.\n\n"
    "Pickers worked through the weekend to bring the harvest in."
)
ORCHARD_B = (
    "Growers in the northern valley picked a record crop of apples this autumn, the "
    "cooperative said on Friday.\n\nThe cooperative expects prices to fall by 20 percent.\n\n"
    "A new packing plant opened in the valley in August."
)


def _body(text: str) -> tuple[str, str]:
    """A test article's title and body from the conftest's plain text (title, date, text)."""
    lines = text.strip().split("\n")
    return lines[0], "\n".join(lines[3:])


FIELDS = ("id", "source", "url", "published", "title", "text")


@pytest.fixture
def web_pile(tmp_path: Path) -> Path:
    """Two stories, each told by two outlets that give their articles' addresses."""
    herald_title, herald = _body(BRIDGE_A)
    courier_title, courier = _body(BRIDGE_B)
    records = [
        ("herald-bridge", "Herald", "https://herald.example/news/bridge", "2024-03-05",
         herald_title, herald),
        ("courier-bridge", "Courier", "https://courier.example/riverton/collapse", "2024-03-06",
         courier_title, courier),
        ("herald-apples", "Herald", "https://herald.example/farming/apples", "2024-09-20",
         "Record apple harvest in the northern valley", ORCHARD_A),
        ("courier-apples", "Courier", "https://courier.example/valley/apples", "2024-09-20",
         "Northern valley apple crop breaks records", ORCHARD_B),
    ]  # fmt: skip
    path = tmp_path / "web.jsonl"
    path.write_text(
        "".join(json.dumps(dict(zip(FIELDS, r, strict=True))) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def notes(app: NewstermApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_y_copies_a_conflict_with_both_sides_and_their_links(ready, web_pile) -> None:
    """On a passage in conflict, y copies it and the other outlet's version, each with its
    outlet, date and address, and the explanation; a notification says what was copied."""
    app = make_app([str(web_pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("n")
        assert main.passage is not None
        await pilot.press("y")
        copied = app.clipboard
        assert main.passage.text in copied
        assert "https://herald.example/news/bridge" in copied
        assert "https://courier.example/riverton/collapse" in copied
        assert "Herald, 5 Mar 2024" in copied and "Courier, 6 Mar 2024" in copied
        assert "≠ number" in copied or "Δ number" in copied
        assert any("other version" in note for note in notes(app))


async def test_y_copies_a_plain_passage_with_its_source(ready, web_pile) -> None:
    app = make_app([str(web_pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("u")  # a passage only one outlet reports: nothing to set against it
        assert main.passage is not None and main.article is not None
        await pilot.press("y")
        lines = app.clipboard.splitlines()
        assert lines[0] == f"“{main.passage.text}”"
        assert lines[1] == f"— {main.article.label}, {lines[1].split(', ')[1]}, {main.article.url}"
        assert any("Copied the passage with" in note for note in notes(app))


def _recorder(folder: Path) -> tuple[Path, Path]:
    """A $BROWSER that writes the address it is given to a file, and that file."""
    record = folder / "opened.txt"
    script = folder / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {record}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, record


async def _wait_for(path: Path, timeout: float = 10.0) -> str:
    for _ in range(int(timeout / 0.05)):
        if path.exists() and path.read_text():
            return path.read_text()
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} was never written")


async def test_o_gives_the_article_address_to_the_browser(
    ready, web_pile, tmp_path, monkeypatch
) -> None:
    """o runs $BROWSER with the article's address, and the app goes on at once."""
    script, record = _recorder(tmp_path)
    monkeypatch.setenv("BROWSER", str(script))
    app = make_app([str(web_pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.article is not None and main.article.url
        await pilot.press("o")
        assert any(main.article.url in note for note in notes(app))
        await pilot.press("j")  # not blocked while the browser runs
        assert await _wait_for(record) == main.article.url


async def test_o_with_a_browser_that_fails_copies_the_link(
    ready, web_pile, tmp_path, monkeypatch
) -> None:
    """A browser that cannot start (over SSH, say) leaves the link on the clipboard."""
    failing = tmp_path / "nobrowser.sh"
    failing.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(failing))
    app = make_app([str(web_pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("o")
        for _ in range(100):
            await pilot.pause(0.05)
            if app.clipboard:
                break
        assert main.article is not None and app.clipboard == main.article.url
        assert any("No browser could open it" in note for note in notes(app))


async def test_o_on_a_file_says_there_is_no_link(ready, tmp_path, monkeypatch) -> None:
    """The seeds were read from files: o says so, and names the file, starting nothing."""
    script, record = _recorder(tmp_path)
    monkeypatch.setenv("BROWSER", str(script))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("o")
        await pilot.pause(0.3)
        assert main.article is not None
        assert any("has no link" in n and main.article.location in n for n in notes(app))
        assert not record.exists()


async def test_back_returns_to_the_passage_before_a_counterpart_jump(ready) -> None:
    """enter on a counterpart opens another article; backspace comes back to the passage left,
    and ctrl+o does the same for an earlier jump."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("j", "j", "j")
        start = (main.article_id, main.passage)
        counterparts = main.query_one("#counterparts", OptionList)
        assert counterparts.option_count
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert main.article_id != start[0]
        middle = (main.article_id, main.passage)
        await pilot.press("right_square_bracket")  # another jump: the next article
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert (main.article_id, main.passage) == middle
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert (main.article_id, main.passage) == start
        assert isinstance(app.focused, ArticleView)
        await pilot.press("backspace")  # nothing left
        assert any("Nothing to go back to" in note for note in notes(app))


async def test_braces_move_between_the_stories_of_the_list(ready, web_pile) -> None:
    """} opens the next story of the source list at its first article, { the previous; back
    returns to where } was pressed."""
    app = make_app([str(web_pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        first_story = main.story_id
        await pilot.press("j")
        left = (main.article_id, main.passage)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert main.story_id != first_story
        assert main.story is not None and main.article_id == main.story.article_ids[0]
        assert main.passage is not None and main.passage.index == 0
        second_story = main.story_id
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert main.story_id == first_story
        await pilot.press("backspace")  # back to the second story, where { was pressed
        await pilot.pause()
        assert main.story_id == second_story
        await pilot.press("backspace")  # and to the passage where } was pressed
        await pilot.pause()
        assert (main.article_id, main.passage) == left


async def test_g_and_G_go_to_the_first_and_last_passage(ready) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.article is not None
        await pilot.press("G")
        assert main.passage == main.article.passages[-1]
        await pilot.press("g")
        assert main.passage == main.article.passages[0]


async def test_M_and_U_walk_back_through_matches_and_unique_passages(ready) -> None:
    """M and U go the other way from m and u."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        for forward, backward, wanted in (("m", "M", "match"), ("u", "U", "unique")):
            await pilot.press(forward)
            first = main.passage
            await pilot.press(forward)
            assert main.passage != first
            await pilot.press(backward)
            assert main.passage == first
            alignment = main.alignment()
            assert alignment is not None and main.passage is not None
            assert alignment.status(main.passage.id) == wanted


async def test_the_new_keys_are_in_the_palette(ready) -> None:
    """ctrl+p offers 'Copy citation' as it offers every key's action."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"copy citation")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert main.passage is not None and main.passage.text in app.clipboard
