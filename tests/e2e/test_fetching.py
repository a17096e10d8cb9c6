"""A journalist's day with web sources, in a real terminal (tmux): `newsterm FEED FEED --full`
against a news site served on 127.0.0.1 by the test, the fetch shown as it goes; the pile
filtered by outlet; the article's page opened through a `$BROWSER` that records its argument;
a report exported that cites each source by its URL. And a command whose sources give nothing
to read ends at once, non-zero, saying why, instead of opening an empty app."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

import pytest

from tests.unit.ingest.fetch_server import news_site, serve

from .tmux import NEWSTERM, Terminal, available, export_story, recording_browser, wait_for_file

pytestmark = pytest.mark.skipif(not available(), reason="needs tmux and the installed command")


def test_fetch_two_feeds_filter_open_the_page_and_export(tmp_path: Path) -> None:
    browser, opened = recording_browser(tmp_path)
    with serve() as site:
        news = news_site(site)
        argv = [str(NEWSTERM), news.rss, news.atom, "--full", "--save", str(tmp_path / "saved")]
        with Terminal(argv, cwd=tmp_path, environ={"BROWSER": str(browser)}) as term:
            screen = term.wait_for("stories", timeout=30)
            assert "Traceback" not in screen
            # Both outlets told the fire: one story of two sources, named by their outlets.
            screen = term.wait_for("Valley Post")
            assert "Harbour Gazette" in screen

            term.keys("f")
            time.sleep(1)  # the field takes the keys once focused; before, "o" opens a link
            term.keys(*"outlet:post", "Enter")
            screen = term.wait_for("outlet:post")
            assert "Millbrook" in screen or "Northgate" in screen or "fire" in screen.lower()

            term.keys("o")
            term.wait_for("Opening http://127.0.0.1")
            assert wait_for_file(opened).startswith(site.base)

            report = export_story(term, tmp_path)
            assert news.gazette_fire in report and news.post_fire in report
            term.keys("q")
            assert term.exited(), term.screen()
            assert "Traceback" not in term.screen()
    # Fetched pages were kept: the same pile reads offline.
    assert any((tmp_path / "saved").rglob("*.htm*"))


def test_nothing_readable_ends_non_zero_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    command = f"{shlex.quote(str(NEWSTERM))} pile; echo exit status $?"
    with Terminal(["sh", "-c", command], cwd=tmp_path) as term:
        assert term.exited(timeout=20), term.screen()
        screen = term.scrollback()
        assert "exit status 1" in screen
        assert "nothing could be read from the sources given" in screen
        assert "empty.txt" in screen
        assert "Traceback" not in screen
