"""A web server on 127.0.0.1 for the fetch tests, the news it serves, and the guards around them.

Each test starts its own server on a free port (`serve()`), fills it with pages and feeds
written here (`news_site()`: two outlets' reports of one fire, an RSS and an Atom feed linking to
them, an OPML list of both) or with replies that misbehave, and reads them through newsterm.
`offline()` makes sure none of it reaches another address: a connection anywhere but
127.0.0.1 fails the test, and a host name other than localhost "is not found", as a name that
does not exist would be, without asking any DNS server. `deadline()` bounds a test's time.
"""

from __future__ import annotations

import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import Any

import pytest

from newsterm.ingest.fetch import FetchOptions
from newsterm.ingest.web import read_urls

LOCAL = "127.0.0.1"


def quick(**changes: Any) -> FetchOptions:
    """Options with timeouts short enough for a test, and one or two changes."""
    settings: dict[str, Any] = {
        "connect_timeout": 2.0,
        "read_timeout": 0.5,
        "total_timeout": 3.0,
        "max_bytes": 256 * 1024,
    }
    settings.update(changes)
    return FetchOptions(**settings)


@dataclass
class Reply:
    """A canned answer: status, headers, body; `delay` before anything is sent."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


Route = Reply | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    """A running server: its routes (path -> Reply or a function writing the answer itself),
    and every request it was sent (path, headers)."""

    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://{LOCAL}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | str | bytes, content_type: str = "") -> str:
        """Serve `route` at `path`; a str or bytes is a 200 reply of that type. Returns the URL."""
        if isinstance(route, str | bytes):
            route = Reply(route, headers={"Content-Type": content_type or "text/html"})
        self.routes[path] = route
        return self.url(path)

    def asked(self, path: str) -> int:
        return sum(1 for asked, _ in self.requests if asked == path)


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self.site.requests.append((self.path, dict(self.headers.items())))
        route = self.site.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if not isinstance(route, Reply):
            route(self)
            return
        time.sleep(route.delay)
        body = route.data()
        self.send_response(route.status)
        headers = {"Content-Length": str(len(body)), **route.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a test's output shows only what newsterm says."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still sleeping in a slow reply is not waited for

    def handle_error(self, request: Any, client_address: Any) -> None:
        """The client hung up on a slow or endless reply, as it should: nothing to report."""


@contextmanager
def serve() -> Iterator[Site]:
    """A server on 127.0.0.1 and a free port, serving until the block ends."""
    site = Site(0)
    handler = type("Handler", (_Handler,), {"site": site})
    server = _Server((LOCAL, 0), handler)
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# ------------------------------------------------------------------------------ guards
@dataclass
class Connections:
    """Every address a socket tried to connect to during the test."""

    addresses: list[tuple[str, int]] = field(default_factory=list)


@contextmanager
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[Connections]:
    """No connection but to 127.0.0.1; no name looked up but localhost's. Proxies from the
    environment are dropped, so that the opener goes to the test's server itself."""
    seen = Connections()
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        host, port = address[0], address[1]
        seen.addresses.append((host, port))
        if host != LOCAL:
            raise AssertionError(f"a test tried to connect to {host}:{port}")
        real_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in (LOCAL, "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(LOCAL, *args, **kwargs)

    for variable in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield seen
    assert all(host == LOCAL for host, _ in seen.addresses)


class TookTooLong(Exception):
    """A test went past its deadline."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail the test, instead of hanging the run, if it takes longer than `seconds`."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TookTooLong(f"the test took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -------------------------------------------------------------------------------- news
GAZETTE_FIRE = """\
Fire at Northgate warehouse injures seven workers
A fire broke out at the Northgate logistics warehouse in Millbrook on Tuesday night, injuring
seven workers, the county fire service said.
About 60 firefighters fought the blaze for more than four hours before bringing it under control
shortly after 2 a.m. on Wednesday.
Fire chief Dana Ruiz said the fire started in a storage area holding lithium batteries.
"It spread very quickly through the roof space," Ruiz told reporters at the scene.
Three of the injured workers were taken to Millbrook General Hospital with burns, and the others
were treated for smoke inhalation.
The warehouse, which employs 240 people, will stay closed for at least two weeks while
investigators work out what caused the fire.
"""

POST_FIRE = """\
Eight hurt as blaze tears through Millbrook warehouse
Eight workers were injured when a fire tore through the Northgate logistics warehouse in
Millbrook on Tuesday night, according to the county fire service.
Around 60 firefighters battled the blaze for more than four hours before it was brought under
control early on Wednesday.
Fire chief Dana Ruiz said the fire began in a storage area where lithium batteries were kept.
"It spread very quickly through the roof space," Ruiz told reporters.
Three of the injured were taken to Millbrook General Hospital with burns, while the rest were
treated for smoke inhalation at the scene.
The warehouse employs 240 people and will remain closed for at least two weeks during the
investigation into the cause of the fire.
"""

GAZETTE_BRIDGE = """\
Millbrook council approves new river bridge
Millbrook council on Monday approved plans for a new pedestrian bridge over the river Lenn,
after three years of debate over its cost.
The bridge will cost 4.2 million pounds and is due to open in the spring of 2027, the council
said in a statement.
Councillor Amir Haddad said the crossing would link the town centre with the new housing estate
on the east bank.
Residents who opposed the plan said the money should have been spent on repairing existing roads.
"""


def page(text: str, outlet: str, published: str, *, head: str = "") -> str:
    """A news page as outlets write them: metadata in the head, the story in <article>, and
    navigation, a footer and a script around it."""
    title, *paragraphs = _paragraphs(text)
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}">
{head}
<script>window.tracker = "never run";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>Copyright {outlet}. All rights reserved.</footer>
</body></html>
"""


def _paragraphs(text: str) -> list[str]:
    """The title line, then paragraphs: a line ending a sentence ends its paragraph."""
    lines = text.strip().split("\n")
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[1:]:
        current.append(line)
        if line.rstrip().endswith((".", '"', "”")):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return [lines[0], *paragraphs]


def rss(title: str, entries: list[tuple[str, str, str, str]]) -> str:
    """An RSS 2.0 feed: entries of (title, link, RFC 822 date, summary)."""
    items = "\n".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate><description>{summary}</description></item>"
        for t, link, date, summary in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://{LOCAL}/</link>
<description>News</description>
{items}
</channel></rss>
"""


def atom(title: str, entries: list[tuple[str, str, str, str]]) -> str:
    """An Atom feed: entries of (title, link, ISO date, summary)."""
    items = "\n".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>{date}</updated><summary>{summary}</summary></entry>"
        for t, link, date, summary in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>
<id>urn:newsterm:test:{title}</id><updated>2025-06-04T08:00:00Z</updated>
{items}
</feed>
"""


def opml(feeds: list[tuple[str, str]]) -> str:
    """An OPML subscription list, feeds of (title, URL) in a folder, as feed readers export."""
    outlines = "\n".join(
        f'<outline type="rss" text="{title}" title="{title}" xmlUrl="{url}"/>'
        for title, url in feeds
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>My feeds</title></head>
<body><outline text="News">
{outlines}
</outline></body></opml>
"""


@dataclass(frozen=True)
class News:
    """The URLs of the news site `news_site` serves."""

    gazette_fire: str
    gazette_bridge: str
    post_fire: str
    rss: str
    atom: str
    opml: str


def news_site(site: Site) -> News:
    """Two outlets' reports of one fire (they disagree: seven or eight hurt), one unrelated
    story, the Harbour Gazette's RSS feed and the Valley Post's Atom feed linking to them, and
    an OPML list of both feeds."""
    gazette_fire = site.add(
        "/gazette/2025/06/fire.html",
        page(GAZETTE_FIRE, "Harbour Gazette", "2025-06-04T07:30:00+00:00"),
    )
    gazette_bridge = site.add(
        "/gazette/2025/06/bridge.html",
        page(GAZETTE_BRIDGE, "Harbour Gazette", "2025-06-02T10:00:00+00:00"),
    )
    post_fire = site.add(
        "/post/news/millbrook-fire",
        page(POST_FIRE, "Valley Post", "2025-06-04T09:15:00+00:00"),
    )
    feed = site.add(
        "/gazette/feed.xml",
        rss(
            "Harbour Gazette",
            [
                (
                    "Fire at Northgate warehouse injures seven workers",
                    gazette_fire,
                    "Wed, 04 Jun 2025 07:30:00 +0000",
                    "A fire broke out at the Northgate logistics warehouse in Millbrook on "
                    "Tuesday night, injuring seven workers, the county fire service said.",
                ),
                (
                    "Millbrook council approves new river bridge",
                    gazette_bridge,
                    "Mon, 02 Jun 2025 10:00:00 +0000",
                    "Millbrook council on Monday approved plans for a new pedestrian bridge "
                    "over the river Lenn, after three years of debate over its cost.",
                ),
            ],
        ),
        "application/rss+xml",
    )
    atom_feed = site.add(
        "/post/atom.xml",
        atom(
            "Valley Post",
            [
                (
                    "Eight hurt as blaze tears through Millbrook warehouse",
                    post_fire,
                    "2025-06-04T09:15:00Z",
                    "Eight workers were injured when a fire tore through the Northgate "
                    "logistics warehouse in Millbrook on Tuesday night.",
                )
            ],
        ),
        "application/atom+xml",
    )
    listing = site.add(
        "/feeds.opml",
        opml([("Harbour Gazette", feed), ("Valley Post", atom_feed)]),
        "text/x-opml",
    )
    return News(gazette_fire, gazette_bridge, post_fire, feed, atom_feed, listing)


def read_quickly(
    urls: list[str], options: FetchOptions | None = None
) -> tuple[list[Any], list[tuple[str, str]]]:
    """What `read_urls` finds at `urls` with short timeouts, and the errors it reports."""
    errors: list[tuple[str, str]] = []
    found = read_urls(urls, lambda where, why: errors.append((where, why)), options or quick())
    return found, errors
