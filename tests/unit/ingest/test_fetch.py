"""Fetching pages and feeds over HTTP: read like their files, in order, one line per failure.

Every test serves its own pages and feeds on 127.0.0.1 (see fetch_server) and fails if anything
tries to connect elsewhere; each is bounded in time.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsterm.corpus.load import load
from newsterm.ingest import fetch as fetch_module
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.fetch import FetchOptions, is_url
from newsterm.ingest.opml import parse_opml
from newsterm.ingest.sources import read_sources
from newsterm.ingest.web import read_urls
from newsterm.ingest.websave import MANIFEST, slug
from newsterm.support.pausing import Cancelled

from .fetch_server import (
    GAZETTE_FIRE,
    Connections,
    Reply,
    Site,
    deadline,
    news_site,
    opml,
    page,
    quick,
    read_quickly,
    rss,
)


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with deadline(30):
        yield


def _fields(document: Document) -> dict:
    """A document's fields but where it was read from (a URL online, a path offline)."""
    fields = dataclasses.asdict(document)
    del fields["location"], fields["id"]
    return fields


# ------------------------------------------------------------------------------- reading
def test_a_page_is_read_with_its_url_outlet_and_date(site: Site, net: Connections) -> None:
    """A fetched page is read by the HTML reader: headline, outlet, date and body; its URL is
    where it came from, so the outlet is known from the host too. Scripts are not run."""
    news = news_site(site)
    [[document]], errors = read_quickly([news.gazette_fire])
    assert errors == []
    assert document.url == news.gazette_fire
    assert document.location == news.gazette_fire
    assert document.title == "Fire at Northgate warehouse injures seven workers"
    assert document.source == "Harbour Gazette"
    assert document.published is not None and document.published.isoformat().startswith(
        "2025-06-04T07:30"
    )
    assert "injuring seven workers" in document.text
    assert "never run" not in document.text and "All rights reserved" not in document.text
    assert net.addresses and {host for host, _ in net.addresses} == {"127.0.0.1"}


def test_feed_entries_keep_their_links(site: Site) -> None:
    """RSS and Atom entries become articles with their links as URLs and the feed's title as
    the outlet, located as FEED#n."""
    news = news_site(site)
    (gazette, post), errors = read_quickly([news.rss, news.atom])
    assert errors == []
    assert [(d.url, d.source, d.location) for d in gazette] == [
        (news.gazette_fire, "Harbour Gazette", f"{news.rss}#1"),
        (news.gazette_bridge, "Harbour Gazette", f"{news.rss}#2"),
    ]
    assert [(d.url, d.source) for d in post] == [(news.post_fire, "Valley Post")]
    assert post[0].title == "Eight hurt as blaze tears through Millbrook warehouse"


def test_full_reads_each_entrys_page(site: Site) -> None:
    """With --full an entry is the page it links to, read as a page; an entry whose page
    fails is read from the feed, and the failed page is named with its reason."""
    news = news_site(site)
    gone = site.url("/gazette/gone.html")
    site.add(
        "/mixed.xml",
        rss(
            "Harbour Gazette",
            [
                ("Fire at Northgate", news.gazette_fire, "Wed, 04 Jun 2025 07:30:00 +0000", "x"),
                ("A gone story", gone, "Wed, 04 Jun 2025 08:00:00 +0000", "Only this summary."),
            ],
        ),
        "application/rss+xml",
    )
    ([fire, summary],), errors = read_quickly([site.url("/mixed.xml")], quick(full=True))
    assert fire.url == news.gazette_fire and "Fire chief Dana Ruiz" in fire.text
    assert fire.location == news.gazette_fire
    assert summary.text == "Only this summary." and summary.url == gone
    assert errors == [
        (gone, f"HTTP 404 Not Found; read from its entry in the feed ({site.url('/mixed.xml')}#2)")
    ]


def test_full_fills_what_a_page_does_not_say_from_its_entry(site: Site) -> None:
    """A page without a date or outlet of its own gets its feed entry's."""
    bare = (
        "<html><body><article>"
        + "".join(f"<p>{line}</p>" for line in GAZETTE_FIRE.split("\n")[1:] if line)
        + "</article></body></html>"
    )
    link = site.add("/bare.html", bare)
    site.add(
        "/bare.xml",
        rss("Bare News", [("Warehouse fire", link, "Wed, 04 Jun 2025 07:30:00 +0000", "x")]),
        "application/rss+xml",
    )
    ([document],), errors = read_quickly([site.url("/bare.xml")], quick(full=True))
    assert errors == []
    assert document.source == "Bare News"
    assert document.title == "Warehouse fire"
    assert document.published is not None and document.published.day == 4


def test_results_keep_the_order_given(site: Site) -> None:
    """Fetched in parallel, read in the order given, whichever server answers first."""
    urls = []
    for number in range(6):
        text = GAZETTE_FIRE.replace("seven", f"{number + 2} hundred")
        body = page(text, f"Outlet {number}", "2025-06-04T07:30:00+00:00")
        site.routes[f"/p{number}"] = Reply(body, delay=0.05 * (6 - number))
        urls.append(site.url(f"/p{number}"))
    found, errors = read_quickly(urls)
    assert errors == []
    assert [documents[0].source for documents in found] == [f"Outlet {n}" for n in range(6)]


def test_progress_and_user_agent(site: Site) -> None:
    """Progress is reported as the "fetching" stage; every request names newsterm."""
    news = news_site(site)
    seen: list[tuple[str, int, int]] = []
    read_urls(
        [news.gazette_fire, news.rss],
        lambda *_: None,
        quick(),
        lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert seen[0] == ("fetching", 0, 2) and seen[-1] == ("fetching", 2, 2)
    agents = {headers["User-Agent"] for _, headers in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("newsterm/")


def test_html_charset_from_the_server(site: Site) -> None:
    """A page in windows-1251 that only the HTTP header declares is read in it."""
    text = GAZETTE_FIRE.replace("Dana Ruiz", "Дана Руис")
    body = page(text, "Harbour Gazette", "2025-06-04T07:30:00+00:00").replace(
        '<meta charset="utf-8">', ""
    )
    site.routes["/cp1251"] = Reply(
        body.encode("cp1251"), headers={"Content-Type": "text/html; charset=windows-1251"}
    )
    [[document]], errors = read_quickly([site.url("/cp1251")])
    assert errors == [] and "Дана Руис" in document.text


def test_gzip_is_read(site: Site) -> None:
    news = news_site(site)
    body = gzip.compress(page(GAZETTE_FIRE, "Harbour Gazette", "2025-06-04").encode())
    site.routes["/gz"] = Reply(
        body, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    [[document]], errors = read_quickly([site.url("/gz")])
    assert errors == [] and "seven workers" in document.text
    assert "gzip" in dict(site.requests[-1][1])["Accept-Encoding"]
    del news


def test_a_redirect_is_followed_and_the_article_keeps_where_it_landed(site: Site) -> None:
    news = news_site(site)
    site.routes["/short"] = Reply(status=301, headers={"Location": "/gazette/2025/06/fire.html"})
    [[document]], errors = read_quickly([site.url("/short")])
    assert errors == []
    assert document.url == news.gazette_fire
    assert document.location == site.url("/short")


def test_a_page_claiming_another_site_keeps_the_url_it_came_from(site: Site) -> None:
    """og:url on another host is not believed; on the page's own host it is (it drops the
    tracking parameters the link had)."""
    claims = page(
        GAZETTE_FIRE,
        "Harbour Gazette",
        "2025-06-04",
        head='<meta property="og:url" content="https://www.reuters.com/world/fire">',
    )
    own = page(
        GAZETTE_FIRE,
        "Harbour Gazette",
        "2025-06-04",
        head=f'<link rel="canonical" href="http://127.0.0.1:{site.port}/fire">',
    )
    site.add("/claims?utm_source=x", claims)
    site.add("/own?utm_source=x", own)
    ([claimed], [owned]), errors = read_quickly(
        [site.url("/claims?utm_source=x"), site.url("/own?utm_source=x")]
    )
    assert errors == []
    assert claimed.url == site.url("/claims?utm_source=x")
    assert owned.url == site.url("/fire")


# ----------------------------------------------------------------------------- failures
def _slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(2)


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then a byte every 0.2 s: never silent long enough for a read timeout."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html><body>")
    for _ in range(100):
        time.sleep(0.2)
        handler.wfile.write(b"x")
        handler.wfile.flush()


def _endless(handler: BaseHTTPRequestHandler) -> None:
    """No length, and more bytes than any cap."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html><body><article>")
    chunk = b"<p>" + b"word " * 2000 + b"</p>"
    for _ in range(1000):
        handler.wfile.write(chunk)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)

FAILURES = {
    "not found": (Reply(status=404), "HTTP 404 Not Found"),
    "server error": (Reply(b"oops", status=500), "HTTP 500 Internal Server Error"),
    "redirect loop": (Reply(status=302, headers={"Location": "/case"}), "redirect loop (back to"),
    "to a file": (
        Reply(status=302, headers={"Location": "file:///etc/passwd"}),
        "redirected to file:///etc/passwd: not followed (only http(s) is)",
    ),
    "to ftp": (
        Reply(status=307, headers={"Location": "ftp://127.0.0.1/x"}),
        "redirected to ftp://127.0.0.1/x: not followed (only http(s) is)",
    ),
    "slow": (_slow, "timed out"),
    "trickle": (_trickle, "timed out (the response took more than 1.5 s)"),
    "too big, said": (
        Reply(b"x", headers={"Content-Length": str(50 * 2**20)}),
        "too big: 50.0 MiB (the limit is 0.25 MiB a response)",
    ),
    "too big, sent": (_endless, "too big: more than 0.25 MiB (the limit is 0.25 MiB a response)"),
    "binary": (
        Reply(PNG, headers={"Content-Type": "image/png"}),
        "not a web page or feed (binary, image/png)",
    ),
    "json": (
        Reply(b'{"a": 1}', headers={"Content-Type": "application/json"}),
        "not a web page or feed (application/json)",
    ),
    "empty": (Reply(b"", headers={"Content-Type": "text/html"}), "empty response (HTTP 200)"),
    "no article": (
        Reply(b"<html><body><nav>Home</nav></body></html>", headers={"Content-Type": "text/html"}),
        "no article text found in the page",
    ),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_each_failure_is_one_line_naming_the_url(site: Site, case: str) -> None:
    """The URL that failed, and why in words, once; nothing else is read from it, and a good
    URL beside it is still read."""
    route, reason = FAILURES[case]
    site.routes["/case"] = route
    good = news_site(site).gazette_fire
    started = time.monotonic()
    (nothing, [document]), errors = read_quickly(
        [site.url("/case"), good], quick(total_timeout=1.5, max_bytes=256 * 1024)
    )
    assert time.monotonic() - started < 5
    assert nothing == [] and document.url == good
    assert len(errors) == 1
    where, why = errors[0]
    assert where == site.url("/case")
    assert why.startswith(reason), why


def test_too_many_redirects(site: Site) -> None:
    for number in range(8):
        site.routes[f"/r{number}"] = Reply(status=302, headers={"Location": f"/r{number + 1}"})
    _, errors = read_quickly([site.url("/r0")], quick(max_redirects=3))
    assert errors == [(site.url("/r0"), "too many redirects (more than 3)")]
    assert site.asked("/r4") == 0


def test_host_not_found_and_connection_refused(net: Connections) -> None:
    """No DNS server is asked (the guard answers "not found" for any name but localhost)."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    dead = f"http://127.0.0.1:{port}/page"
    _, errors = read_quickly(["https://news.invalid/story", dead])
    assert errors == [
        ("https://news.invalid/story", "host not found (DNS lookup failed)"),
        (dead, "connection refused"),
    ]


def test_not_a_valid_address() -> None:
    _, errors = read_quickly(["http:///no-host", "http://[::1/broken"])
    assert [why.split(" (")[0] for _, why in errors] == ["not a valid web address"] * 2


def test_the_opener_has_only_web_handlers() -> None:
    """No file:, ftp: or data: handler: a URL or a redirect to those cannot be opened."""
    opener = fetch_module.make_opener(FetchOptions())
    kinds = {type(handler) for handler in opener.handlers}
    for forbidden in (
        urllib.request.FileHandler,
        urllib.request.FTPHandler,
        urllib.request.DataHandler,
    ):
        assert forbidden not in kinds
    with pytest.raises(urllib.error.URLError):
        opener.open("file:///etc/passwd", timeout=1)


def test_a_pause_calls_fetching_off_at_once(site: Site) -> None:
    """The app's quit: the load stops within moments, not when a slow server answers."""
    site.routes["/slow"] = _slow
    calls = []

    def pause() -> bool:
        calls.append(1)
        return len(calls) < 3

    started = time.monotonic()
    with pytest.raises(Cancelled):
        read_urls([site.url("/slow")], lambda *_: None, quick(read_timeout=5), pause=pause)
    assert time.monotonic() - started < 1


# ----------------------------------------------------------------------------- sources
def test_read_sources_routes_urls_and_keeps_the_order(site: Site, write) -> None:
    news = news_site(site)
    local = write("local.txt", "A local note\nThe ferry left at nine in the morning.\n")
    errors: list[tuple[str, str]] = []
    documents = read_sources(
        [news.post_fire, local, news.gazette_fire],
        lambda where, why: errors.append((where, why)),
        fetch=quick(),
    )
    assert [d.title for d in documents] == [
        "Eight hurt as blaze tears through Millbrook warehouse",
        "A local note",
        "Fire at Northgate warehouse injures seven workers",
    ]
    assert errors == []


def test_read_sources_names_empty_folders(tmp_path: Path) -> None:
    """An empty folder is named; a folder of files that are not articles is passed over quietly
    as before (what it holds is not an article, and that is no error)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden").write_text("hidden files are not read")
    images = tmp_path / "images"
    images.mkdir()
    (images / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    errors: list[tuple[str, str]] = []
    assert read_sources([empty, images], lambda w, y: errors.append((w, y))) == []
    assert errors == [(str(empty), "empty folder: no file to read")]


def test_a_load_of_urls_is_never_served_from_the_cache(site: Site) -> None:
    """A page may change between two loads: each load fetches again. Its saved copy is a file
    like any, and cached like any."""
    news = news_site(site)
    for _ in range(2):
        corpus = load([news.gazette_fire], cache=True, fetch=quick())
        assert corpus.cache_key is None and not corpus.in_cache
    assert site.asked("/gazette/2025/06/fire.html") == 2


# -------------------------------------------------------------------------------- saving
def _same_after_reopening(site: Site, tmp_path: Path, options: FetchOptions) -> None:
    news = news_site(site)
    gone = site.url("/gone.html")
    site.add(
        "/partly.xml",
        rss("Partly", [("A gone story", gone, "Wed, 04 Jun 2025 08:00:00 +0000", "Summary.")]),
        "application/rss+xml",
    )
    urls = [news.gazette_fire, news.rss, news.atom, site.url("/partly.xml")]
    online_errors: list[tuple[str, str]] = []
    online = read_sources(urls, lambda w, y: online_errors.append((w, y)), fetch=options)
    offline_errors: list[tuple[str, str]] = []
    offline = read_sources([options.save], lambda w, y: offline_errors.append((w, y)))
    assert [_fields(d) for d in offline] == [_fields(d) for d in online]
    assert offline_errors == []
    built_online = load(urls, fetch=dataclasses.replace(options, save=None))
    built_offline = load([options.save])
    assert [a.id for a in built_offline.articles] == [a.id for a in built_online.articles]
    assert [s.article_ids for s in built_offline.stories] == [
        s.article_ids for s in built_online.stories
    ]


def test_saved_pages_and_feeds_reopen_as_the_same_documents(site: Site, tmp_path: Path) -> None:
    _same_after_reopening(site, tmp_path, quick(save=tmp_path / "saved"))
    names = sorted(p.name for p in (tmp_path / "saved").iterdir())
    assert names[0] == MANIFEST
    assert [name.split("-", 1)[0] for name in names[1:]] == ["001", "002", "003", "004"]
    assert names[1].endswith(".html") and names[2].endswith(".xml")
    manifest = [
        json.loads(line) for line in (tmp_path / "saved" / MANIFEST).read_text().splitlines()
    ]
    assert [entry["file"] for entry in manifest] == names[1:]
    assert all(entry["fetched"].endswith("Z") and entry["url"] for entry in manifest)


def test_full_pages_reopen_as_the_same_documents(site: Site, tmp_path: Path) -> None:
    _same_after_reopening(site, tmp_path, quick(full=True, save=tmp_path / "saved"))
    feed_folder = next((tmp_path / "saved").glob("002-*"))
    assert sorted(p.name for p in feed_folder.iterdir())[0] == ".feed.xml"
    assert [p.suffix for p in sorted(feed_folder.glob("0*"))] == [".html", ".html"]
    partly = next((tmp_path / "saved").glob("004-*"))
    assert [p.suffix for p in partly.glob("0*")] == [".jsonl"]


def test_saving_never_overwrites(site: Site, tmp_path: Path) -> None:
    news = news_site(site)
    folder = tmp_path / "saved"
    for _ in range(2):
        read_quickly([news.gazette_fire], quick(save=folder))
    first = slug(news.gazette_fire)
    assert {p.name for p in folder.glob("0*")} == {f"001-{first}.html", f"001-{first}-2.html"}


def test_a_save_folder_that_is_a_file_is_named_and_reading_goes_on(
    site: Site, tmp_path: Path
) -> None:
    news = news_site(site)
    blocker = tmp_path / "saved"
    blocker.write_text("not a folder")
    [[document]], errors = read_quickly([news.gazette_fire], quick(save=blocker))
    assert document.url == news.gazette_fire
    assert errors == [
        (str(blocker), "cannot save what is fetched here: it exists and is not a folder")
    ]
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/news/2025/fire.html", "example.com-news-2025-fire"),
        ("http://127.0.0.1:8080/feed.xml", "127.0.0.1_8080-feed"),
        ("https://example.com/../../etc/passwd", "example.com-etc-passwd"),
        ("https://example.com/%2e%2e%2f%2e%2e%2fetc", "example.com-etc"),
        ("https://example.com/a\x1b]0;pwned\x07b", "example.com-a-0-pwned-b"),
        ("https://bücher.example/straße", "xn--bcher-kva.example-stra-e"),
        ("https://example.com/", "example.com"),
        ("https://", "page"),
    ],
)
def test_saved_names_are_safe(url: str, expected: str) -> None:
    assert slug(url) == expected


def test_saved_names_of_long_and_query_urls() -> None:
    long = slug("https://example.com/" + "a" * 500)
    assert len(long) <= 80
    one, two = slug("https://example.com/story?id=1"), slug("https://example.com/story?id=2")
    assert one != two and one.startswith("example.com-story-")


# ---------------------------------------------------------------------------------- OPML
def test_opml_lists_feeds_in_order_once() -> None:
    data = opml(
        [
            ("A", "https://a.example/feed.xml"),
            ("B", "http://b.example/rss"),
            ("A again", "https://a.example/feed.xml"),
            ("Local", "file:///etc/passwd"),
        ]
    ).encode()
    feeds, skipped = parse_opml(data)
    assert feeds == ["https://a.example/feed.xml", "http://b.example/rss"]
    assert skipped == ["not a web address, skipped: file:///etc/passwd"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"<opml><body><outline", "not valid XML"),
        (b"<rss><channel/></rss>", "not an OPML file"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<opml><body><outline xmlUrl="&x;"/></body></opml>',
            "declares a DTD or entities",
        ),
    ],
)
def test_opml_that_cannot_be_read(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        parse_opml(data)


def test_is_url() -> None:
    assert is_url("https://example.com") and is_url("HTTP://example.com")
    assert not is_url("ftp://example.com") and not is_url(Path("http://x"))
    assert not is_url("./http:") and not is_url("file:///etc/passwd")
