"""The parts of the app that need no terminal: the remembered state, the history of places,
what reaches a browser, a citation's text, a header's location."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import newsterm
from newsterm.model import Article
from newsterm.tui import settings
from newsterm.tui.browser import browser_commands, web_link
from newsterm.tui.citing import citation, cite
from newsterm.tui.history import History, Place
from newsterm.tui.render import article_header, middle_clip


def test_the_browser_never_gets_what_is_not_a_web_address() -> None:
    """Addresses come from hostile files: only http(s) ones, whole, reach a browser."""

    def link(url: str) -> str | None:
        return web_link(Article(id="a", title="t", text="x", url=url))

    assert link("https://example.com/a?b=c") == "https://example.com/a?b=c"
    assert link("HTTP://EXAMPLE.COM/") == "HTTP://EXAMPLE.COM/"
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "-x", "http://a b", "http://a\x07"):
        assert link(bad) is None
    environ = {"BROWSER": os.pathsep.join(["no-such-browser-here", "sh -c 'echo %s'", "true"])}
    assert browser_commands("https://e.x/", environ) == [
        ["sh", "-c", "echo https://e.x/"],
        ["true", "https://e.x/"],
    ]


def test_history_keeps_the_last_places_once_each() -> None:
    history = History(depth=3)
    for n in (1, 1, 2, 3, 4):
        history.push(Place("a", n))
    assert len(history) == 3
    assert [history.pop(), history.pop(), history.pop(), history.pop()] == [
        Place("a", 4),
        Place("a", 3),
        Place("a", 2),
        None,
    ]


def test_settings_round_trip_and_forget_the_oldest_piles(tmp_path: Path) -> None:
    state = settings.Settings(theme="nord", crossref_hidden=True)
    for n in range(settings.MAX_PILES + 5):
        state.remember(f"pile{n}", Place(f"article{n}", n))
    state.remember("pile7", Place("again", 1))  # read again: the most recent
    assert settings.save(state, tmp_path)
    back = settings.load(tmp_path)
    assert back == state
    assert len(back.places) == settings.MAX_PILES
    assert list(back.places)[-1] == "pile7" and "pile0" not in back.places
    assert [p.name for p in tmp_path.iterdir()] == [settings.FILE_NAME]  # no temporary left


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"version": 99, "theme": "nord"}',
        b"[" * 100_000,
        b'{"version": 1, "theme": "' + b"x" * (settings.MAX_BYTES + 10) + b'"}',
    ],
)
def test_a_damaged_state_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    (tmp_path / settings.FILE_NAME).write_bytes(content)
    assert settings.load(tmp_path) == settings.Settings()


def test_only_well_typed_values_are_taken_from_the_state_file(tmp_path: Path) -> None:
    data = {
        "version": 1,
        "theme": 7,
        "sources_toggled": "yes",
        "crossref_hidden": True,
        "places": {
            "good": {"article": "a", "passage": 3},
            "negative": {"article": "a", "passage": -1},
            "float": {"article": "a", "passage": 1.5},
            "bool": {"article": "a", "passage": True},
            "no article": {"passage": 2},
            "list": [1, 2],
        },
    }
    (tmp_path / settings.FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    state = settings.load(tmp_path)
    assert state.theme is None and state.sources_toggled is False and state.crossref_hidden
    assert state.places == {"good": Place("a", 3)}


def test_a_state_folder_that_cannot_be_written_costs_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert settings.save(settings.Settings(theme="nord"), blocked / "state") is False


def test_a_pile_is_known_by_its_sources_in_any_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = settings.pile_key(["one", "two"])
    assert a == settings.pile_key([str(tmp_path / "two"), str(tmp_path / "one")])
    assert a != settings.pile_key(["one"])
    assert settings.pile_key(None) == "seeds"
    assert "one" not in a  # a digest: the file does not list what was read


def test_the_state_folder_is_the_platforms_unless_named(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(settings.STATE_ENV, str(tmp_path))
    assert settings.state_dir() == tmp_path
    monkeypatch.delenv(settings.STATE_ENV)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    if sys.platform == "linux":
        assert settings.state_dir() == tmp_path / "xdg" / "newsterm"


def test_the_cache_folder_is_the_platforms_unless_named(monkeypatch, tmp_path: Path) -> None:
    from newsterm.corpus import cache

    assert cache.cache_dir() == Path(os.environ["NEWSTERM_CACHE_DIR"])
    monkeypatch.delenv("NEWSTERM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform == "linux":
        assert cache.cache_dir() == tmp_path / "xdg" / "newsterm"


def test_a_citation_names_outlet_date_and_address() -> None:
    article = Article(id="a", title="t", text="x", source="Herald", url="https://herald.example/a")
    assert cite(article) == "Herald, date unknown, https://herald.example/a"
    corpus = newsterm.load()
    passage = corpus.articles[0].passages[1]
    quoted = citation(corpus, None, passage).text
    assert quoted.startswith(f"“{passage.text}”\n— ")
    assert corpus.articles[0].location in quoted and "(file name)" in quoted


def test_a_location_is_shortened_from_the_middle_to_one_line() -> None:
    url = "https://www.example.com/world/asia/2025/06/02/north-korea-russia-military-ties-peace"
    assert middle_clip(url, 200) == url
    short = middle_clip(url, 40)
    assert len(short) == 40 and short.startswith("https://www.exa") and short.endswith("ies-peace")
    assert "…" in short
    article = Article(id="a", title="A headline", text="x", source="The Daily Courier", url=url)
    for width in (30, 50, 80):
        header = article_header(article, None, width)
        lines = header.plain.split("\n")
        assert len(lines[-1]) <= width and "…" in lines[-1], (width, lines)
        assert len(lines) <= 3  # title, outlet and date, location (beside them when room)
    assert len(article_header(article, None, 120).plain.split("\n")) == 2


def test_the_side_panel_says_what_only_one_matching_source_adds(tmp_path: Path) -> None:
    """Two tellings of one claim, one with a detail the other does not support: a match, and
    the panel names who adds what, from either side."""
    from rich.style import Style

    from newsterm.model import other_end
    from newsterm.tui.render import MARKS, counterpart

    records = [
        {
            "id": "herald",
            "source": "Herald",
            "published": "2024-03-05",
            "title": "Founder of Riverton lender arrested",
            "text": "The founder of Riverton Savings was arrested on Monday at his home in the "
            "capital, police said.\n\nOfficers searched the bank's offices for six hours.",
        },
        {
            "id": "courier",
            "source": "Courier",
            "published": "2024-03-05",
            "title": "Riverton lender's founder arrested again",
            "text": "The founder of Riverton Savings, who was recently released on bail, was "
            "arrested on Monday at his home in the capital, police said.\n\nOfficers searched "
            "the bank's offices for six hours.",
        },
    ]
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    corpus = newsterm.load([str(pile)])
    (story,) = [s for s in corpus.stories if len(s.article_ids) == 2]
    styles = {name: Style() for name in (*MARKS, "diff")}
    found = {}
    for link in corpus.alignment(story.id).links:
        if link.relation == "match" and "arrested" in corpus.passage(link.a).text:
            for here in (link.a, link.b):
                there = corpus.passage(other_end(link, here))
                found[there.article_id] = counterpart(corpus, link, corpus.passage(here), styles)
    assert "only Courier adds: who was recently released on bail" in found["courier"].plain
    assert "only this article adds: who was recently released on bail" in found["herald"].plain
