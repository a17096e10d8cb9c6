"""The app driven as a reader would drive it: keys, clicks, dialogs, sizes."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, Tree

from newsterm.corpus import cache
from newsterm.corpus.corpus import Corpus
from newsterm.export import render_text
from newsterm.model import StoryAlignment
from newsterm.support.pausing import Pause
from newsterm.tui.app import make_app
from newsterm.tui.screens.confirm import Confirm
from newsterm.tui.screens.export import ExportDialog
from newsterm.tui.screens.help import HelpScreen
from newsterm.tui.screens.main import MainScreen
from newsterm.tui.screens.search import SearchScreen
from newsterm.tui.widgets.article import ArticleView
from newsterm.tui.widgets.sources import SourceTree

from .conftest import BRIDGE_A, BRIDGE_B

pytestmark = pytest.mark.asyncio


def status(main: MainScreen) -> str:
    """The mark of the passage under the cursor, as the reader sees it."""
    alignment = main.alignment()
    assert alignment is not None and main.passage is not None
    return alignment.status(main.passage.id)


async def test_opens_the_seeds_with_the_story_and_its_three_sources(ready) -> None:
    """With no sources the bundled seeds open: one story, three articles, cursor on passage 1."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        tree = main.query_one(SourceTree)
        story_node = tree.root.children[0]
        assert "(3 · 2–3 Jun)" in str(story_node.label)
        assert len(story_node.children) == 3
        assert main.query_one(ArticleView).highlighted == 0
        assert main.passage is not None and main.passage.index == 0
        assert isinstance(app.focused, ArticleView)


async def test_j_and_k_move_between_passages_like_the_arrows(ready) -> None:
    """j/down go to the next passage, k/up back; the side panel follows the cursor."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("j", "j")
        assert main.passage is not None and main.passage.index == 2
        await pilot.press("k")
        assert main.passage.index == 1
        await pilot.press("down")
        assert main.passage.index == 2
        await pilot.press("up")
        head = str(main.query_one("#xref-head").render())
        assert "Passage 1" in head  # the body's first sentence: the headline comes before it


async def test_the_pane_opens_on_the_headline_compared_like_a_passage(ready) -> None:
    """The headline is the pane's first line, not repeated above it, and the side panel names
    it and lists the other outlets' headlines and sentences that tell the same."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.article is not None and main.passage is not None
        assert main.passage.headline and main.passage.text == main.article.title
        assert main.article.title not in str(main.query_one("#article-head").render())
        head = str(main.query_one("#xref-head").render())
        assert "Headline:" in head
        alignment = main.alignment()
        assert alignment is not None and alignment.links_of(main.passage.id)


async def test_n_visits_every_conflict_of_the_story_across_articles(ready) -> None:
    """Pressing n lands only on conflicts, walks through all of them, crossing into other
    articles, and comes back to the first; N walks the other way."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None and main.story is not None
        alignment = main.corpus.alignment(main.story.id)
        conflicts = {
            p.id
            for aid in main.story.article_ids
            for p in main.corpus.article(aid).passages
            if alignment.status(p.id) == "conflict"
        }
        assert len(conflicts) >= 2
        seen: list[str] = []
        articles: set[str] = set()
        for _ in range(len(conflicts)):
            await pilot.press("n")
            assert status(main) == "conflict"
            seen.append(main.passage.id)  # type: ignore[union-attr]
            articles.add(main.article_id)  # type: ignore[arg-type]
        assert set(seen) == conflicts
        assert len(articles) > 1
        await pilot.press("n")
        assert main.passage.id == seen[0]  # type: ignore[union-attr]
        await pilot.press("N")
        assert main.passage.id == seen[-1]  # type: ignore[union-attr]


async def test_n_pressed_while_comparing_jumps_once_the_comparison_lands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader who presses n straight away is not ignored: the jump waits for the story."""
    gate = threading.Event()
    original = Corpus.alignment

    def slow_alignment(self: Corpus, story_id: str, pause: Pause | None = None) -> StoryAlignment:
        gate.wait(10)
        return original(self, story_id, pause)

    monkeypatch.setattr(Corpus, "alignment", slow_alignment)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.main_screen
        for _ in range(200):
            await pilot.pause(0.02)
            if main.passage is not None:
                break
        first = main.passage
        assert first is not None and main.alignment() is None
        await pilot.press("n")
        assert any("jumping when ready" in str(n.message) for n in app._notifications)
        assert main.passage == first
        gate.set()
        for _ in range(200):
            await pilot.pause(0.02)
            if main.alignment() is not None and main.passage != first:
                break
        assert status(main) == "conflict"


async def test_side_panel_explains_the_conflict_in_plain_words(ready) -> None:
    """On a number conflict the side panel names the kind and the differing numbers."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        for _ in range(10):
            await pilot.press("n")
            texts = [
                str(main.query_one("#counterparts", OptionList).get_option_at_index(i).prompt)
                for i in range(main.query_one("#counterparts", OptionList).option_count)
            ]
            if any("CONFLICT number" in t for t in texts):
                break
        explained = "\n".join(texts)
        assert "≠" in explained
        assert "seven" in explained.lower() or "eight" in explained.lower()
        summary = str(main.query_one("#xref-summary").render())
        assert "contradicted by" in summary


async def test_m_and_u_jump_to_matches_and_unique_passages(ready, pile: Path) -> None:
    """m lands on a passage another source confirms, u on one only this source reports."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("m")
        assert status(main) == "match"
        await pilot.press("u")
        assert status(main) == "unique"


async def test_brackets_switch_between_the_articles_of_the_story(ready) -> None:
    """] opens the story's next source and [ the previous one, wrapping around."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.story is not None
        order = list(main.story.article_ids)
        first = main.article_id
        await pilot.press("right_square_bracket")
        assert main.article_id == order[(order.index(first) + 1) % 3]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert main.article_id == order[(order.index(first) - 1) % 3]


async def test_passages_stay_put_when_the_next_source_has_a_longer_headline(
    ready, pile: Path
) -> None:
    """Flipping between sources, the first passage stays on the same screen row: the header
    keeps the height of the story's tallest, so the reader's eye need not hunt for the text."""
    long_title = (
        "Death toll in Riverton rises to fourteen after Monday's collapse of the Old Mill "
        "bridge, as divers search the river and engineers begin to examine the wreckage"
    )
    courier = pile / "Courier - bridge.txt"
    lines = courier.read_text(encoding="utf-8").splitlines()
    courier.write_text("\n".join([long_title, *lines[1:]]) + "\n", encoding="utf-8")
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        view = main.query_one(ArticleView)
        head = main.query_one("#article-head")
        tops, titles = set(), set()
        for _ in range(3):
            tops.add(view.region.y)
            titles.add(main.article.title if main.article else None)
            await pilot.press("right_square_bracket")
            await pilot.pause(0.05)
        assert long_title in titles and len(titles) == 2
        assert tops == {view.region.y}
        assert main.article is not None
        main.open_article(next(a for a in main.story.article_ids if a != main.article_id))
        await pilot.pause(0.05)
        # The headline opens the pane (the header holds the outlet and date), whole.
        assert main.article.passages[0].headline
        first = view.get_option_at_index(0).prompt
        assert " ".join(str(first).split()).endswith(main.article.title)
        assert main.article.label in str(head.render())


async def test_tab_moves_between_the_panes(ready) -> None:
    """tab goes article → side panel → sources → article; shift+tab goes back."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.focused is not None and app.focused.id == "article"
        await pilot.press("tab")
        assert app.focused.id == "counterparts"
        await pilot.press("tab")
        assert app.focused.id == "sources"
        await pilot.press("shift+tab")
        assert app.focused.id == "counterparts"


async def test_enter_on_a_counterpart_jumps_to_it_in_its_own_article(ready) -> None:
    """From the side panel, enter opens the counterpart's article with the cursor on it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        before = main.article_id
        counterparts = main.query_one("#counterparts", OptionList)
        target = counterparts.get_option_at_index(0).id
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert main.passage is not None and main.passage.id == target
        assert main.article_id != before
        assert isinstance(app.focused, ArticleView)


async def test_selecting_an_article_in_the_source_list_opens_it(ready, pile: Path) -> None:
    """Moving in the source list and pressing enter opens that article; the closed group of
    single-source articles lists them when it is opened."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        tree = main.query_one(SourceTree)
        tree.focus()
        group = tree.root.children[-1]
        assert "Single-source" in str(group.label) and not group.is_expanded
        tree.move_cursor(group)
        await pilot.press("enter")
        await pilot.pause()
        assert group.is_expanded and len(group.children) == 1
        await pilot.press("down", "enter")
        await pilot.pause()
        assert main.article is not None and main.article.source == "Gazette"
        summary = str(main.query_one("#xref-summary").render())
        assert "Only one source" in summary


async def test_opening_a_lone_article_from_elsewhere_shows_it_in_the_source_list(
    ready, pile: Path
) -> None:
    """A search hit (or any jump) to a single-source article opens its group in the list and
    puts the list's cursor on it, though the group had not been listed yet."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None
        lone = next(a for a in main.corpus.articles if a.source == "Gazette")
        main.open_article(lone.id)
        await pilot.pause(0.1)
        tree = main.query_one(SourceTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == ("article", lone.id)


async def test_clicking_a_passage_moves_the_cursor_to_it(ready) -> None:
    """The mouse works too: a click on a passage puts the cursor there."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        view = main.query_one(ArticleView)
        await pilot.click(ArticleView, offset=(4, view.region.height - 2))
        await pilot.pause()
        assert view.highlighted is not None and view.highlighted > 0


async def test_export_writes_the_story_diff_to_the_default_file(ready, in_tmp) -> None:
    """e, then enter: the story's text diff lands in the current folder, same as the CLI's."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        default = Path(app.screen.query_one(Input).value)
        assert default.parent == in_tmp() and default.suffix == ".txt"
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if default.exists():
                break
        assert main.corpus is not None and main.story_id is not None
        expected = render_text(main.corpus, story_ids=[main.story_id])
        assert default.read_text(encoding="utf-8") == expected
        assert "≠" in expected


async def test_export_never_overwrites_without_asking(ready, in_tmp) -> None:
    """Typing the name of an existing file asks first; 'n' keeps the file as it was, 'y'
    replaces it."""
    existing = in_tmp() / "mine.txt"
    existing.write_text("keep me\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(existing)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause(0.2)
        assert existing.read_text(encoding="utf-8") == "keep me\n"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(100):
            await pilot.pause(0.02)
            if existing.read_text(encoding="utf-8") != "keep me\n":
                break
        assert existing.read_text(encoding="utf-8").startswith("newsterm report")


async def test_export_to_a_missing_folder_says_so_and_writes_nothing(ready, in_tmp) -> None:
    """A path in a folder that does not exist is refused in the dialog with a reason."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(in_tmp() / "nowhere" / "x.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "does not exist" in str(app.screen.query_one("#export-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert list(in_tmp().iterdir()) == []


async def test_help_lists_every_key_and_closes(ready) -> None:
    """? shows a help screen naming every binding of the main screen; escape closes it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        for binding in MainScreen.BINDINGS:
            assert binding.description in shown  # type: ignore[union-attr]
        assert "Quit" in shown and "Commands" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_search_finds_a_passage_and_enter_opens_it(ready) -> None:
    """/ then words: the matching passages are listed; enter jumps to the first one."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"soldiers killed")
        await pilot.pause()
        assert app.screen.query_one("#results", OptionList).option_count >= 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert main.passage is not None and "soldiers" in main.passage.text


async def test_command_palette_runs_next_conflict(ready) -> None:
    """ctrl+p offers the same actions as the keys: 'next conflict' jumps to one."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next conflict")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert status(main) == "conflict"


async def test_resize_to_80x24_keeps_the_cursor_and_collapses_the_source_list(ready) -> None:
    """Shrinking to 80x24 hides the source list (s brings it back) and keeps the passage."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.press("j", "j", "j")
        before = main.passage
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert main.passage == before
        assert (
            not main.query_one(SourceTree).display or main.query_one(SourceTree).region.width == 0
        )
        await pilot.press("s")
        await pilot.pause()
        assert main.query_one(SourceTree).region.width > 0
        await pilot.press("x")
        await pilot.pause()
        assert main.query_one("#crossref").region.width == 0
        await pilot.press("j")
        assert main.passage is not None and before is not None
        assert main.passage.index == before.index + 1


async def test_theme_switch_recolours_the_marks(ready) -> None:
    """A light theme changes the conflict colour and the app keeps working."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        dark = main._styles["conflict"]
        app.theme = "textual-light"
        await pilot.pause(0.2)
        assert main._styles["conflict"] != dark
        await pilot.press("n")
        assert status(main) == "conflict"


async def test_q_quits(ready) -> None:
    """q leaves the app."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_failure_while_loading_is_reported_and_the_app_stays_up(
    ready,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exception in the loading worker becomes a message; the reader can still quit."""

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("newsterm.corpus.load.load", broken)  # read_corpus imports it late
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app._notifications:
                break
        messages = [n.message for n in app._notifications]
        assert any("disk on fire" in m for m in messages)
        main = app.main_screen
        assert "disk on fire" in str(main.query_one("#status-text").render())
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_an_empty_folder_ends_the_app_saying_why(tmp_path: Path) -> None:
    """Sources with no article end the app with status 1 and the reason, instead of an empty
    screen that keys can only poke at."""
    app = make_app([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if not app.is_running:
                break
    assert app.return_code == 1
    assert app.return_value, "the reasons are the app's result, printed once it has ended"


async def test_story_list_puts_shared_stories_first_and_gathers_single_sources(
    ready, pile: Path
) -> None:
    """The two-source story comes first, with badges; the lone article sits in its own group,
    under its headline, which it keeps once it has been opened (and so compared)."""
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        tree = main.query_one(Tree)
        first, last = tree.root.children[0], tree.root.children[-1]
        assert "(2 · " in str(first.label)
        assert "Single-source" in str(last.label)
        badges = [str(child.label) for child in first.children]
        assert len(badges) == 2 and all("≠" in badge for badge in badges)
        last.expand()
        await pilot.pause()
        lone = last.children[0]
        assert str(lone.label).startswith("Apple harvest in the northern valley")
        main.open_article(lone.data[1])
        await pilot.pause(0.3)
        assert main.alignment() is not None
        assert str(lone.label).startswith("Apple harvest in the northern valley")


async def test_articles_of_one_outlet_in_a_story_are_told_apart_by_headline(
    ready, tmp_path: Path
) -> None:
    """A wire that files the story twice: its two articles would both read "Wire 5 Mar 2024",
    so they are listed under their headlines; an outlet with one article keeps its name."""
    folder = tmp_path / "wire"
    folder.mkdir()
    records = [
        {"title": "Bridge collapse in Riverton kills 12", "source": "Wire", "text": BRIDGE_A},
        {"title": "Riverton toll rises to 14", "source": "Wire", "text": BRIDGE_B},
        {"title": "Twelve dead as Old Mill bridge falls", "source": "Courier", "text": BRIDGE_A},
    ]
    for n, record in enumerate(records):
        record["text"] = record["text"].split("\n\n", 1)[1]
        record["published"] = f"2024-03-0{5 + n}"
    (folder / "pile.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    app = make_app([str(folder)])
    async with app.run_test(size=(140, 40)) as pilot:
        main = await ready(app, pilot)
        story = main.query_one(Tree).root.children[0]
        labels = [str(child.label) for child in story.children]
        assert len(labels) == 3
        assert any("Bridge collapse in Riverton" in label for label in labels)
        assert any("Riverton toll rises to 14" in label for label in labels)
        assert any("Courier" in label for label in labels)
        assert not any("Wire" in label for label in labels)


ORCHARD_B = """Northern valley apple growers report a record harvest
2024-09-21

Growers in the northern valley picked a record crop of apples this autumn, the cooperative said.
The cooperative expects prices to rise as a result.
"""


async def test_background_badges_wait_while_the_reader_is_busy(ready, pile: Path) -> None:
    """Other stories are compared only in quiet moments, so keys never queue behind them."""
    (pile / "Tribune - orchard.txt").write_text(ORCHARD_B, encoding="utf-8")
    app = make_app([str(pile)])
    app.activity.last = float("inf")  # a reader who never stops typing
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        corpus = main.corpus
        others = [s.id for s in corpus.stories if len(s.article_ids) > 1 and s.id != main.story_id]
        assert len(others) == 1
        await pilot.pause(0.5)
        assert corpus.cached_alignment(others[0]) is None
        app.activity.last = 0.0  # the reader pauses
        for _ in range(100):
            await pilot.pause(0.05)
            if corpus.cached_alignment(others[0]) is not None:
                break
        assert corpus.cached_alignment(others[0]) is not None
        await pilot.pause(0.1)
        tree = main.query_one(SourceTree)
        story_node = next(n for n in tree.root.children if n.data == ("story", others[0]))
        story_node.expand()  # a closed story lists its articles, with their badges, when opened
        await pilot.pause()
        labels = [str(leaf.label) for leaf in story_node.children]
        assert len(labels) == 2 and all("≠" in label for label in labels)  # "fall" vs "rise"


async def test_every_counterpart_of_a_widely_reported_passage_is_listed(
    ready, tmp_path: Path
) -> None:
    """Twelve outlets, one claim: the side panel lists all eleven others, not a first few."""
    folder = tmp_path / "wide"
    folder.mkdir()
    for number in range(12):
        (folder / f"Outlet{number} - dam.txt").write_text(
            f"Dam on the Vessa river gives way, outlet {number} reports\n"
            f"2024-04-0{1 + number % 3}\n\n"
            "The old dam on the Vessa river gave way on Sunday and flooded the lower town.\n"
            f"Our reporter number {number} spoke to residents who had climbed onto roofs.\n",
            encoding="utf-8",
        )
    app = make_app([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        await pilot.pause(0.4)
        listed = main.query_one("#counterparts", OptionList)
        ids = {listed.get_option_at_index(i).id for i in range(listed.option_count)} - {None}
        assert len(ids) == 11


async def test_a_second_start_on_the_same_sources_reads_the_cache(
    ready, pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first start keeps the built corpus once the reader pauses; the next one reads it."""
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    app = make_app([str(pile)], cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for _ in range(100):
            await pilot.pause(0.05)
            if list(private_cache.glob("*.corpus.msgpack")):
                break
        assert len(list(private_cache.glob("*.corpus.msgpack"))) == 1

    def no_build(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr("newsterm.corpus.load._build", no_build)
    app = make_app([str(pile)], cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        assert main.corpus is not None and len(main.corpus.articles) == 3
        assert "3 articles" in str(main.query_one("#status-text").render())


async def test_the_verdict_keeps_its_height_while_the_cursor_moves_in_a_story(
    ready, pile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A verdict of three lines followed by one of two does not shrink the panel under the
    reader's eyes (each change of height relays out the whole screen); a new story starts
    afresh."""
    import newsterm.tui.widgets.crossref as crossref

    long = "Confirmed by 1 of 2 sources; " + "a long verdict that wraps onto more lines; " * 3
    monkeypatch.setattr(
        crossref,
        "passage_summary",
        lambda corpus, story, passage, alignment: Text(long if passage.index == 0 else "Short."),
    )
    (pile / "Tribune - orchard.txt").write_text(ORCHARD_B, encoding="utf-8")
    app = make_app([str(pile)])
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(app, pilot)
        summary = main.query_one("#xref-summary")
        tall = summary.region.height
        await pilot.press("j")
        await pilot.pause()
        assert main.passage is not None and main.passage.index == 1
        assert summary.region.height == tall
        other = next(s for s in main.corpus.stories if s.id != main.story_id)
        main.open_article(other.article_ids[0], 1)
        await pilot.pause()
        assert summary.region.height < tall
