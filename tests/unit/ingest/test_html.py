"""Saved web pages: body, headline, outlet and date, with trafilatura or the stdlib fallback."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import newsterm.ingest.html as html_reader
from newsterm.corpus.load import load
from newsterm.ingest.sources import read_sources

STORY = [
    "The ferry Nordlys ran aground off Kessel Point on Tuesday night, the coastguard said.",
    "All 214 passengers were taken ashore by lifeboats before dawn, officials said on Wednesday.",
    "The operator said an investigation into the cause of the grounding had begun.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry runs aground off Kessel Point | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-08-14T07:30:00+00:00">
<link rel="canonical" href="https://gazette.example/ferry">
<script>var tracking = "script text must not be read";</script>
<style>p {{ color: red }}</style>
</head><body>
<header><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
<nav class="main-menu"><ul><li>World</li><li>Politics</li><li>Weather</li></ul></nav>
<div class="share-bar">Share on Facebook</div>
<article>
<h1>Ferry runs aground off Kessel Point</h1>
<p>{STORY[0]}</p>
<p>{STORY[1]}</p>
<aside>Related: timetable changes across the whole network this winter season</aside>
<p>{STORY[2]}</p>
</article>
<footer>© 2024 Harbour Gazette. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>
"""

JSON_LD_PAGE = f"""<html><head><title>Ferry aground</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
  {{"@type": "NewsArticle", "headline": "Ferry aground at Kessel Point",
    "datePublished": "2024-08-15T09:00:00Z",
    "publisher": {{"@type": "Organization", "name": "Valley Courier"}}}}]}}</script>
</head><body><div id="content"><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<div class="footer">Contact us about advertising with our newsroom today please</div>
</body></html>"""


@pytest.fixture(params=["trafilatura", "fallback"])
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with trafilatura (when installed) and with the standard-library fallback."""
    if request.param == "trafilatura":
        pytest.importorskip("trafilatura")
    else:
        monkeypatch.setattr(html_reader, "USE_TRAFILATURA", False)
    monkeypatch.setattr(html_reader, "_told_about_extra", False)
    return request.param


def _read(*paths):
    errors: list[tuple[str, str]] = []
    documents = read_sources(list(paths), lambda where, why: errors.append((where, why)))
    return documents, errors


def test_page_metadata(write, extractor: str) -> None:
    """Headline, outlet, date and canonical URL come from the page's own metadata."""
    (page,), _ = _read(write("ferry.html", PAGE))
    assert page.title == "Ferry runs aground off Kessel Point"
    assert page.source == "Harbour Gazette"
    assert page.published == datetime(2024, 8, 14, 7, 30, tzinfo=UTC)
    assert page.url == "https://gazette.example/ferry"


def test_body_without_furniture(write, extractor: str) -> None:
    """The story's paragraphs are kept in order; menus, scripts, asides and footers are not."""
    (page,), _ = _read(write("ferry.html", PAGE))
    body = [line for line in page.text.split("\n") if line in STORY]
    assert body == STORY
    for furniture in ("script text", "Politics", "Share on Facebook", "timetable", "rights"):
        assert furniture not in page.text


def test_json_ld_metadata(write, extractor: str) -> None:
    """A page that states its headline, date and publisher only in JSON-LD is understood."""
    (page,), _ = _read(write("courier.htm", JSON_LD_PAGE))
    assert page.title == "Ferry aground at Kessel Point"
    assert page.source == "Valley Courier"
    assert page.published == datetime(2024, 8, 15, 9, 0, tzinfo=UTC)
    assert STORY[0] in page.text


def test_fallback_says_once_that_the_extra_helps(write, tmp_path, monkeypatch) -> None:
    """Without trafilatura, one note in the whole run names the extra."""
    monkeypatch.setattr(html_reader, "USE_TRAFILATURA", False)
    monkeypatch.setattr(html_reader, "_told_about_extra", False)
    write("pages/a.html", PAGE)
    write("pages/b.html", JSON_LD_PAGE)
    documents, errors = _read(tmp_path / "pages")
    assert len(documents) == 2
    assert len(errors) == 1 and "newsterm[html]" in errors[0][1]


def test_truncated_page_still_gives_its_text(write, extractor: str) -> None:
    """A page cut off mid-article yields the paragraphs it holds."""
    cut = PAGE[: PAGE.index(STORY[1]) + 40]
    (page,), _ = _read(write("cut.html", cut))
    assert STORY[0] in page.text


def test_page_without_article_text_is_one_error(write, extractor: str) -> None:
    """A page of menus only: one line naming it, no article."""
    path = write("menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    documents, errors = _read(path)
    assert documents == []
    assert [where for where, _ in errors if "no article text" in _] == [str(path)]


@pytest.mark.parametrize("name", ["saved_page", "page.txt", "article.php"])
def test_html_recognised_by_content(write, name: str, extractor: str) -> None:
    """A page saved without .html (or with the wrong suffix) is still read as HTML."""
    (page,), _ = _read(write(name, PAGE))
    assert page.source == "Harbour Gazette"


def test_windows_1252_page(write, extractor: str) -> None:
    """A page in windows-1252 keeps its curly quotes and accents."""
    body = "<p>“We are safe,” said café owner Zoë Brandt, who was aboard the Nordlys ferry.</p>"
    page_bytes = PAGE.replace(f"<p>{STORY[2]}</p>", body).encode("cp1252")
    page_bytes = page_bytes.replace(b'charset="utf-8"', b'charset="windows-1252"')
    (page,), _ = _read(write("cp.html", page_bytes))
    assert "“We are safe,” said café owner Zoë Brandt" in page.text


def test_hostile_title_sanitised(write, extractor: str) -> None:
    """Escape sequences and bidi overrides in a page's title never reach the terminal."""
    hostile = PAGE.replace("Harbour Gazette", "Harbour&#27;]0;owned&#7;\u202e Gazette")
    hostile = hostile.replace("<title>Ferry", "<title>\x1b[2JFerry")
    (page,), _ = _read(write("hostile.html", hostile))
    for field in (page.title, page.source or ""):
        assert "\x1b" not in field and "\x07" not in field and "\u202e" not in field


def test_mixed_folder_through_load(write, tmp_path) -> None:
    """A folder of a page, a feed and a text file: each read by its own reader, with location."""
    write("mixed/ferry.html", PAGE)
    write(
        "mixed/feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>'
        "<item><title>Ferry aground</title><link>https://courier.example/f</link>"
        f"<description>{STORY[0]} {STORY[1]}</description></item></channel></rss>",
    )
    write("mixed/notes.txt", "Ferry grounded\n\n" + STORY[0] + "\n" + STORY[2])
    corpus = load(tmp_path / "mixed")
    assert sorted(a.label for a in corpus.articles) == [
        "Harbour Gazette",
        "Valley Courier",
        "notes",
    ]
    assert all(a.location.startswith(str(tmp_path / "mixed")) for a in corpus.articles)


def test_unknown_encoding_is_one_note_and_the_page_is_read(write, extractor: str) -> None:
    """A page declaring an unknown charset: one note naming it, the text still read."""
    data = PAGE.replace('charset="utf-8"', 'charset="x-martian"').replace(
        "taken ashore", "taken ashore at the caf\u00e9"
    )
    path = write("odd.html", data.encode("cp1252"))
    documents, errors = _read(path)
    assert "taken ashore at the café" in documents[0].text
    notes = [why for where, why in errors if "x-martian" in why]
    assert len(notes) == 1 and all(where == str(path) for where, _ in errors)


def test_saved_page_assets_folder_skipped(write, tmp_path) -> None:
    """The "page_files" folder a browser saves beside a page (ads, frames) is not read."""
    write("saved/Ferry aground.html", PAGE)
    write("saved/Ferry aground_files/ad-frame.html", PAGE.replace("Harbour Gazette", "Ad Network"))
    write("saved/Ferry aground_files/app.js", "var x = 1;")
    documents, errors = _read(tmp_path / "saved")
    assert [d.source for d in documents] == ["Harbour Gazette"]
    assert not [e for e in errors if "_files" in e[0]]
