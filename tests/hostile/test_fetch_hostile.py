"""Hostile servers: what a web server sends is as hostile as any article text.

Each test serves its own misbehaving replies on 127.0.0.1 (tests/unit/ingest/fetch_server) and
fails if anything connects elsewhere or takes too long. Nothing a server sends may reach a
terminal (escapes), run (scripts, refreshes), fetch anything else (entities, redirects off the
web), fill memory (bombs, endless bodies) or write outside the save folder.
"""

from __future__ import annotations

import gzip
import os
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsterm.ingest.document import Document

from ..unit.ingest.fetch_server import (
    GAZETTE_FIRE,
    Connections,
    Reply,
    Site,
    deadline,
    page,
    quick,
    read_quickly,
    rss,
)

# Escape sequences that fit in a header (Latin-1), and a bidi override for the pages.
ESC = "\x1b]0;pwned\x07\x1b[31m\x9b"
BIDI = "\u202e"


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with deadline(30):
        yield


def _shown(documents: list[list[Document]], errors: list[tuple[str, str]]) -> str:
    """Everything a reader could be shown: messages and every text field of every article."""
    parts = [f"{where} {why}" for where, why in errors]
    for found in documents:
        for document in found:
            parts += [document.text, document.title, document.source or "", document.url or ""]
            parts += [document.location, document.author or "", *document.notes]
    return "\n".join(parts)


def _clean(text: str) -> bool:
    return not any(ch in text for ch in "\x1b\x07\u202e\x9b\x00")


def test_escapes_in_pages_headers_and_addresses_never_reach_the_reader(site: Site) -> None:
    """Escape sequences in a headline, an outlet, a status line's reason, a redirect's target
    and the URL itself: gone from every message and field."""
    title = GAZETTE_FIRE.replace("Fire at", f"Fire{ESC}{BIDI} at")
    body = page(title, f"Gazette{ESC}{BIDI}", "2025-06-04")
    site.add("/page", body)
    site.routes["/reason"] = lambda h: (
        h.send_response(500, f"Bad{ESC}"),
        h.send_header("Content-Length", "0"),
        h.end_headers(),
    )  # type: ignore[assignment]
    site.routes["/moved"] = Reply(status=302, headers={"Location": f"/nowhere{ESC}"})
    site.routes["/typed"] = Reply(b"plain words", headers={"Content-Type": f"text/x{ESC}"})
    urls = ["/page", "/reason", "/moved", f"/x{ESC}", "/typed"]
    documents, errors = read_quickly([site.url(path) for path in urls])
    assert documents[0] and documents[0][0].title.startswith("Fire at Northgate")
    assert documents[0][0].source == "Gazette"
    assert [why for _, why in errors] == [
        "HTTP 500 Internal Server Error",
        "HTTP 404 Not Found",
        "HTTP 404 Not Found",
        "not a web page or feed (text/x)",
    ]
    assert any(path.startswith("/nowhere%1B") for path, _ in site.requests)  # escaped
    assert _clean(_shown(documents, errors))


@pytest.mark.parametrize(
    "target",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/etc/passwd",
        "data:text/html,<html><body><p>Planted text, not from any page.</p></body></html>",
        "javascript:alert(1)",
        "//elsewhere.example/page",
    ],
)
def test_a_redirect_never_leaves_the_web_or_this_host(site: Site, target: str) -> None:
    site.routes["/go"] = Reply(status=302, headers={"Location": target})
    documents, errors = read_quickly([site.url("/go")])
    assert documents == [[]]
    assert len(errors) == 1
    assert "not followed" in errors[0][1] or "host not found" in errors[0][1]


def test_a_feed_fetches_no_entity(site: Site) -> None:
    """External entities (a URL, a file) are never fetched, and internal ones that expand a
    billion times cost neither time nor memory."""
    secret = site.add("/secret", "root:x:0:0:planted")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY web SYSTEM "{secret}"><!ENTITY file SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>XXE</title>
<item><title>Entity test</title><link>http://127.0.0.1/a</link>
<description>Before the entities. &web; &file; After the entities.</description></item>
</channel></rss>"""
    laughs = '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "ha ha ha ha ha ha ha ha">'
    for level in range(1, 10):
        laughs += f'<!ENTITY {"abcdefghij"[level]} "{("&" + "abcdefghij"[level - 1] + ";") * 10}">'
    laughs += ']>\n<rss version="2.0"><channel><title>Laughs</title>'
    laughs += "<item><title>Laughs</title><description>&j;</description></item></channel></rss>"
    site.add("/xxe.xml", xxe, "application/rss+xml")
    site.add("/laughs.xml", laughs, "application/rss+xml")
    started = time.monotonic()
    documents, errors = read_quickly([site.url("/xxe.xml"), site.url("/laughs.xml")])
    assert time.monotonic() - started < 10
    assert site.asked("/secret") == 0
    shown = _shown(documents, errors)
    assert "root:" not in shown and "planted" not in shown
    assert len(shown) < 100_000


def test_a_compression_bomb_is_refused(site: Site) -> None:
    """64 MiB of zeros in 64 KiB of gzip: refused at the cap, not inflated whole."""
    bomb = gzip.compress(b"<html>" + bytes(64 * 2**20), compresslevel=9)
    site.routes["/bomb"] = Reply(
        bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    documents, errors = read_quickly([site.url("/bomb")], quick(max_bytes=2**20))
    assert documents == [[]]
    assert errors == [
        (site.url("/bomb"), "too big: more than 1 MiB (the limit is 1 MiB a response)")
    ]


def _garbage(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"NOT HTTP AT ALL\r\n\r\n")


def _many_headers(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    for number in range(500):
        handler.send_header(f"X-Header-{number}", "x")
    handler.end_headers()


def _cut_short(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>The first words only")


@pytest.mark.parametrize("reply", [_garbage, _many_headers, _cut_short])
def test_broken_http_is_one_line(site: Site, reply: object) -> None:
    site.routes["/broken"] = reply  # type: ignore[assignment]
    documents, errors = read_quickly([site.url("/broken")])
    assert documents == [[]]
    assert len(errors) == 1 and errors[0][1].startswith("broken HTTP response"), errors


def test_nothing_on_a_page_is_run_or_followed(site: Site) -> None:
    """A meta refresh, a script's redirect and an image are not fetched: one request only."""
    head = '<meta http-equiv="refresh" content="0; url=/refreshed">'
    body = page(GAZETTE_FIRE, "Harbour Gazette", "2025-06-04", head=head).replace(
        "</article>",
        '<img src="/pixel.gif"><script>location="/scripted"</script></article>',
    )
    site.add("/page", body)
    documents, errors = read_quickly([site.url("/page")])
    assert errors == [] and documents[0]
    assert [path for path, _ in site.requests] == ["/page"]


def test_full_follows_only_web_links_of_this_feed(site: Site, net: Connections) -> None:
    """--full on a feed whose entries link to file:, javascript:, data: and another host: none
    of those is opened; the other host is not found (no connection is even tried)."""
    entries = [
        (f"Entry {n}", link, "Wed, 04 Jun 2025 07:30:00 +0000", f"Summary number {n} of a story.")
        for n, link in enumerate(
            [
                "file:///etc/passwd",
                "javascript:alert(1)",
                "data:text/html,<p>planted</p>",
                "https://elsewhere.example/story",
            ],
            1,
        )
    ]
    site.add("/feed.xml", rss("Links", entries), "application/rss+xml")
    documents, errors = read_quickly([site.url("/feed.xml")], quick(full=True))
    assert [d.text for d in documents[0]] == [
        f"Summary number {n} of a story." for n in range(1, 5)
    ]
    assert errors == [
        (
            "https://elsewhere.example/story",
            "host not found (DNS lookup failed); read from its entry in the feed "
            f"({site.url('/feed.xml')}#4)",
        )
    ]
    assert {host for host, _ in net.addresses} == {"127.0.0.1"}


def test_saving_stays_in_its_folder_and_follows_no_link(site: Site, tmp_path: Path) -> None:
    """Addresses that try to climb out of the folder, or to write through a link planted
    there, land as new files inside it; nothing outside changes."""
    body = page(GAZETTE_FIRE, "Harbour Gazette", "2025-06-04")
    paths = ["/../../../../tmp/escape", "/%2e%2e/%2e%2e/escape", "/a/..%2f..%2fescape", "/.hidden"]
    for path in paths:
        site.routes[path] = Reply(body, headers={"Content-Type": "text/html"})
    saved = tmp_path / "saved"
    saved.mkdir()
    outside = tmp_path / "outside.html"
    outside.write_text("untouched")
    first = f"001-127.0.0.1_{site.port}-tmp-escape.html"
    (saved / first).symlink_to(outside)
    urls = [f"{site.base}{path}" for path in paths]
    documents, errors = read_quickly(urls, quick(save=saved))
    assert errors == [] and all(documents)
    assert outside.read_text() == "untouched"
    written = [p for p in saved.rglob("*") if not p.is_symlink()]
    for path in written:
        assert path.resolve().is_relative_to(saved.resolve())
        assert not path.name.startswith(".") or path.name == ".newsterm-fetched.jsonl"
        assert all(ch.isascii() and ch.isprintable() for ch in path.name)
    assert len([p for p in written if p.suffix == ".html"]) == 4
    assert (saved / first.replace(".html", "-2.html")).is_file()
    assert sorted(os.listdir(tmp_path)) == ["outside.html", "saved"]
