"""Pages and RSS/Atom feeds fetched over HTTP(S), then read exactly as their saved files would be.

newsterm is an offline reader, so fetching is opt-in by the form of a source (`http://` or
`https://`) and stays a thin layer in front of the readers: a page's or feed's bytes go through
the same feed and HTML readers as a file does. The bytes read are the bytes `--save DIR` keeps,
named in the order they were given, so that `newsterm DIR` later reopens the session offline
with the same articles: identity by construction, not by care.

What a server sends is hostile, like any article text. So:

- Only http and https are fetched, through an opener built here from the handlers we choose (no
  file:, ftp: or data: handler), and a redirect goes on only to http(s), at most `max_redirects`
  times, never round in a loop.
- Connecting and each wait for data have their own timeout, and a whole response its deadline,
  so a server that sends one byte a minute cannot hold a load forever; a response beyond
  `max_bytes` (compressed or not) is refused with its size named.
- Nothing is run: no script, no meta refresh; the XML readers resolve no external entity.
- Each failed URL costs one line naming it and the reason (HTTP status, timeout, host not found,
  too big, not a page or feed); the rest is read.

Fetching runs in a few threads (daemons, so that Ctrl+C never waits for a slow server), and the
results are taken in the order given: the same sources make the same articles in the same order.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import http.client
import io
import json
import os
import queue
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from newsterm.ingest.decode import MAX_BYTES, decode, looks_binary
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.feeds import parse_feed, sniff_feed
from newsterm.ingest.html import PageMeta, parse_html, sniff_html
from newsterm.ingest.jsonlines import document_from_record
from newsterm.ingest.sanitize import sanitize_line, strip_controls
from newsterm.support.pausing import Pause, step

__all__ = [
    "MANIFEST",
    "FetchError",
    "FetchOptions",
    "Response",
    "fetch",
    "is_url",
    "read_urls",
    "slug",
]

ErrorSink = Callable[[str, str], None]
Progress = Callable[[str, int, int], None]
T = TypeVar("T")

SCHEMES = ("http", "https")
# Beside the saved files, one JSON line per file saved: where it came from and when. Hidden, so
# that reading the folder back never takes it for an article.
MANIFEST = ".newsterm-fetched.jsonl"
# Inside a --full feed's folder, the feed itself: hidden, since its entries are the pages beside it.
FEED_COPY = ".feed.xml"
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_XML_TYPES = ("application/xml", "text/xml")
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)
_CHUNK = 64 * 1024
_WAIT = 0.1  # seconds between two looks at the pause while waiting for a response


def is_url(source: object) -> bool:
    """Whether a source names a web address to fetch: a string starting http:// or https://.
    Anything else is a path, as before (a file may well be called "http:")."""
    return isinstance(source, str) and source[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class FetchOptions:
    """How URL sources are fetched. The defaults suit a reader at a terminal; tests shorten the
    timeouts."""

    # A feed's entries replaced by the pages they link to, each read as a page.
    full: bool = False
    # Keep every page and feed fetched as a file in this folder (created if need be).
    save: Path | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest wait for the next piece of a response
    total_timeout: float = 120.0  # the longest a whole response may take, however it trickles
    max_bytes: int = 16 * 2**20
    max_redirects: int = 5
    workers: int = 4
    user_agent: str = ""  # "" means newsterm/<version>


class FetchError(SourceError):
    """A URL that could not be fetched or is not a page or feed; the message is the reason."""


@dataclass(frozen=True)
class Response:
    """What a server answered: the body (decompressed, within the size cap) and where from."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # lower case, without parameters
    charset: str | None
    data: bytes
    fetched: datetime


# ----------------------------------------------------------------------------- the opener
class _HTTPConnection(http.client.HTTPConnection):
    """Connects within the connect timeout, then waits at most `read_timeout` for each read."""

    def __init__(self, host: str, *, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._read_timeout = read_timeout

    def connect(self) -> None:
        super().connect()
        self.sock.settimeout(self._read_timeout)


class _HTTPSConnection(http.client.HTTPSConnection):
    """The same for TLS: the handshake counts as connecting."""

    def __init__(self, host: str, *, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._read_timeout = read_timeout

    def connect(self) -> None:
        super().connect()
        self.sock.settimeout(self._read_timeout)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self._read_timeout = read_timeout

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = partial(_HTTPConnection, read_timeout=self._read_timeout)
        return self.do_open(connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float) -> None:
        self._tls = ssl.create_default_context()  # certificates and host names checked
        super().__init__(context=self._tls)
        self._read_timeout = read_timeout

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = partial(_HTTPSConnection, read_timeout=self._read_timeout)
        return self.do_open(connection, req, context=self._tls)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to http(s), at most `limit` of them, never back to a URL seen.

    urllib itself would follow one to ftp: and allow ten; the checks here come first and say
    which rule stopped the fetch."""

    max_repeats = max_redirections = 1000  # urllib's own limits: ours come first

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        seen: tuple[str, ...] = getattr(req, "newsterm_seen", (req.full_url,))
        if newurl in seen:
            fp.close()
            raise FetchError(f"redirect loop (back to {_shown(newurl)})")
        if len(seen) > self.limit:
            fp.close()
            raise FetchError(f"too many redirects (more than {self.limit})")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.newsterm_seen = (*seen, newurl)  # type: ignore[attr-defined]
        return new

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
    ) -> Any:
        target = headers.get("location") or headers.get("uri")
        if target:
            newurl = urljoin(req.full_url, target.strip())
            if urlsplit(newurl).scheme.lower() not in SCHEMES:
                fp.close()
                raise FetchError(f"redirected to {_shown(newurl)}: not followed (only http(s) is)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(options: FetchOptions) -> urllib.request.OpenerDirector:
    """An opener of our own handlers only: http and https (and the proxies the environment
    names, as curl does), our redirect rules, errors as exceptions. No file:, ftp: or data:."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(options.read_timeout),
        _HTTPSHandler(options.read_timeout),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(options.max_redirects),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


_agent: str | None = None


def _user_agent(options: FetchOptions) -> str:
    global _agent
    if options.user_agent:
        return options.user_agent
    if _agent is None:
        from importlib import metadata

        try:
            version = metadata.version("newsterm")
        except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
            version = "dev"
        _agent = f"newsterm/{version} (terminal news reader; +https://pypi.org/project/newsterm/)"
    return _agent


# ------------------------------------------------------------------------------ fetching
def _shown(url: str) -> str:
    """A URL fit for one line of a message: no control characters, no password, not endless."""
    try:
        parts = urlsplit(url)
        if parts.password is not None or parts.username is not None:
            host = parts.hostname or ""
            url = urlunsplit(parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")))
    except ValueError:
        pass
    line = sanitize_line(url)
    return line if len(line) <= 200 else line[:199] + "…"


def _request_url(url: str) -> str:
    """The URL as HTTP wants it: a host in IDNA, the path and query percent-encoded (people
    paste addresses with spaces and accents), the fragment dropped."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid web address ({exc})") from None
    if parts.scheme.lower() not in SCHEMES or not host:
        raise FetchError("not a valid web address (no host)")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError("not a valid web address (host name)") from None
    if ":" in ascii_host:  # an IPv6 address
        ascii_host = f"[{ascii_host}]"
    netloc = ascii_host + (f":{port}" if port else "")
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~-._?")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def _reason(exc: BaseException, options: FetchOptions) -> str:
    """Why a fetch failed, in a few words a reader can act on."""
    if isinstance(exc, FetchError):
        return str(exc)
    if isinstance(exc, urllib.error.HTTPError):
        try:
            phrase = HTTPStatus(exc.code).phrase
        except ValueError:  # the server's own words are not shown: they are its to choose
            phrase = "error"
        return f"HTTP {exc.code} {phrase}"
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return "host not found (DNS lookup failed)"
    if isinstance(reason, TimeoutError):
        return f"timed out connecting (no answer within {options.connect_timeout:g} s)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted ({reason.verify_message or reason.reason})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "broken HTTP response (closed without an answer)"
    if isinstance(reason, http.client.BadStatusLine):
        return "broken HTTP response (not HTTP)"
    if isinstance(reason, http.client.HTTPException):
        said = sanitize_line(str(reason))[:80]  # http.client's own words: "got more than 100..."
        return f"broken HTTP response ({said or type(reason).__name__})"
    if isinstance(reason, OSError):
        return reason.strerror or type(reason).__name__
    return sanitize_line(str(reason))[:120] or type(exc).__name__


def fetch(
    url: str,
    options: FetchOptions | None = None,
    opener: urllib.request.OpenerDirector | None = None,
    stop: threading.Event | None = None,
) -> Response:
    """Fetch one URL with the rules above; raise FetchError with the reason if it fails."""
    options = options or FetchOptions()
    opener = opener or _opener(options)
    request = urllib.request.Request(
        _request_url(url),
        headers={
            "User-Agent": _user_agent(options),
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip",
        },
    )
    started = time.monotonic()
    try:
        with opener.open(request, timeout=options.connect_timeout) as response:
            data = _body(response, options, started, stop)
            headers = response.headers
            final = response.geturl()
            status = response.status
    except (FetchError, urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        if isinstance(exc, TimeoutError) and not isinstance(exc, urllib.error.URLError):
            raise FetchError(
                f"timed out waiting for data (nothing for {options.read_timeout:g} s)"
            ) from None
        raise FetchError(_reason(exc, options)) from None
    except ValueError as exc:  # urllib's word for a URL it cannot use
        raise FetchError(f"not a valid web address ({sanitize_line(str(exc))[:80]})") from None
    data = _decompressed(data, headers.get("Content-Encoding", ""), options)
    if not data.strip():
        raise FetchError(f"empty response (HTTP {status})")
    return Response(
        url=url,
        final_url=final,
        status=status,
        content_type=headers.get_content_type(),
        charset=headers.get_content_charset(),
        data=data,
        fetched=datetime.now(UTC).replace(microsecond=0),
    )


def _too_big(options: FetchOptions, size: str = "") -> FetchError:
    limit = f"{options.max_bytes / 2**20:g} MiB"
    return FetchError(f"too big: {size or 'more than ' + limit} (the limit is {limit} a response)")


def _body(
    response: Any, options: FetchOptions, started: float, stop: threading.Event | None
) -> bytes:
    """The response's bytes, refused beyond the size cap or the deadline."""
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > options.max_bytes:
        raise _too_big(options, f"{int(length) / 2**20:,.1f} MiB")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > options.total_timeout:
            raise FetchError(f"timed out (the response took more than {options.total_timeout:g} s)")
        if stop is not None and stop.is_set():
            raise FetchError("stopped")
        chunk = response.read1(_CHUNK)
        if not chunk:
            # http.client ends a body cut short quietly; half a page would pass for a page.
            if length.strip().isdigit() and size < int(length):
                raise FetchError(f"broken HTTP response (cut short: {size:,} of {length} bytes)")
            return b"".join(chunks)
        size += len(chunk)
        if size > options.max_bytes:
            raise _too_big(options)
        chunks.append(chunk)


def _decompressed(data: bytes, encoding: str, options: FetchOptions) -> bytes:
    """gzip (asked for) or deflate (sent anyway by some servers) undone, within the size cap:
    a small bomb must not become a large page."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"compressed as {sanitize_line(encoding)[:20]!r}, which is not read")
    wbits = 16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, options.max_bytes + 1)
    except zlib.error:
        if encoding != "deflate":
            raise FetchError("broken compressed response") from None
        try:  # "deflate" sent raw, without its zlib header, as some servers do
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = inflater.decompress(data, options.max_bytes + 1)
        except zlib.error:
            raise FetchError("broken compressed response") from None
    if len(out) > options.max_bytes:
        raise _too_big(options)
    return out


# ----------------------------------------------------------------------- names and saving
_SUFFIX = re.compile(r"\.(?:s?html?|xhtml|php\d?|aspx?|jsp|cms|xml|rss|atom|rdf)$", re.IGNORECASE)


def slug(url: str, limit: int = 80) -> str:
    """A file name stem for a URL: host and path in ASCII letters, digits, '.', '_' and '-'.

    Never empty, never starting with '.' (hidden, or '..'), without '/' or any control
    character, whatever the URL holds; a query adds a short digest so that ?id=1 and ?id=2
    differ."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        port = parts.port
    except ValueError:
        parts, host, port = urlsplit(""), "", None
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    words = [host + (f"_{port}" if port else ""), *unquote(parts.path).split("/")]
    text = "-".join(word for word in words if word.strip("."))  # no "." or ".." part
    text = _SUFFIX.sub("", text)
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = text[:limit].strip("-._") or "page"
    if parts.query:
        text += "-" + hashlib.sha256(parts.query.encode("utf-8", "replace")).hexdigest()[:8]
    return text


@dataclass(frozen=True)
class _Slot:
    """A name taken in the --save folder: the stem (the article id), and the open new file."""

    stem: str
    path: Path | None = None
    fd: int | None = None


class _Saver:
    """Writes what was fetched into the --save folder: never over a file (a taken name gets
    -2, -3...), each file created exclusively so that no link is followed, and each noted in
    the manifest. Without a folder it only names, so that ids are the same saved or not."""

    def __init__(self, folder: Path | None, on_error: ErrorSink) -> None:
        self.folder = folder.expanduser() if folder is not None else None
        self.on_error = on_error
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except FileExistsError:
                self._fail("it exists and is not a folder")
            except OSError as exc:
                self._fail(exc.strerror or str(exc))

    def _fail(self, why: str) -> None:
        """Saving stops (said once); reading goes on."""
        if self.folder is not None:
            self.on_error(str(self.folder), f"cannot save what is fetched here: {why}")
        self.folder = None

    def new_folder(self, base: str) -> Path | None:
        """A new sub-folder named `base` (or base-2...), or None when not saving."""
        for name in _candidates(base):
            if self.folder is None:
                return None
            try:
                (self.folder / name).mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                self._fail(exc.strerror or str(exc))
                return None
            return self.folder / name
        return None  # pragma: no cover - ten thousand copies of one URL

    def save(
        self, where: Path | None, base: str, suffix: str, data: bytes, about: dict[str, Any]
    ) -> str:
        """Write `data` to a new file `base[-N]suffix` in `where` (None: the folder itself);
        the stem used, which is `base` when not saving."""
        slot = self._reserve(where or self.folder, base, suffix)
        if slot.fd is None or slot.path is None or self.folder is None:
            return slot.stem
        try:
            with os.fdopen(slot.fd, "wb") as out:
                out.write(data)
        except OSError as exc:
            with contextlib.suppress(OSError):
                slot.path.unlink()
            self._fail(exc.strerror or str(exc))
            return slot.stem
        line = {"file": str(slot.path.relative_to(self.folder)), **about}
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            manifest = os.open(self.folder / MANIFEST, flags, 0o644)
            with os.fdopen(manifest, "a", encoding="utf-8") as out:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        except OSError as exc:
            self._fail(exc.strerror or str(exc))
        return slot.stem

    def _reserve(self, where: Path | None, base: str, suffix: str) -> _Slot:
        if self.folder is None or where is None:
            return _Slot(base)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        for stem in _candidates(base):
            path = where / f"{stem}{suffix}"
            try:
                return _Slot(stem, path, os.open(path, flags, 0o644))
            except FileExistsError:
                continue
            except OSError as exc:
                self._fail(exc.strerror or str(exc))
                break
        return _Slot(base)


def _candidates(base: str) -> Iterable[str]:
    yield base
    for number in range(2, 10_000):
        yield f"{base}-{number}"


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _about(response: Response, **extra: Any) -> dict[str, Any]:
    """What the manifest says of a saved file: where it came from, when, and as what."""
    return {
        "url": response.url,
        "final_url": response.final_url,
        "fetched": _stamp(response.fetched),
        "status": response.status,
        "content_type": response.content_type,
        **extra,
    }


# ----------------------------------------------------------------------- pages and feeds
def _kind(response: Response) -> str:
    """ "feed" or "page", by content first, then by the type the server declares; else a
    FetchError saying what it is instead."""
    head = response.data[:4096]
    declared = response.content_type
    if looks_binary(head):
        raise FetchError(f"not a web page or feed (binary, {declared})")
    # Only markup is passed on as a feed: feedparser given bytes that spell a file's path would
    # read that file.
    markup = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    # A feed declared as one is one even when the sniffer misses its root (after a DTD, say),
    # which it would then take for a page by the <title> inside.
    if sniff_feed(head) or (markup and declared in _FEED_TYPES):
        return "feed"
    if sniff_html(head):
        return "page"
    if markup and declared in _XML_TYPES:
        return "feed"  # parse_feed says if it is not one
    if markup and declared in _PAGE_TYPES:
        return "page"
    raise FetchError(f"not a web page or feed ({declared})")


_DOCTYPE = re.compile(r"\A\s*<!doctype[^>]*>", re.IGNORECASE)


def _page_html(response: Response) -> str:
    """The page as text: a BOM or valid UTF-8 first (servers often declare Latin-1 by default
    over UTF-8 pages), then the charset the server declares, then what the bytes say."""
    text, used = decode(response.data)
    declared = response.charset
    if declared and not used.startswith(("utf-8", "utf-16", "utf-32")):
        with contextlib.suppress(LookupError):  # a charset Python does not know
            text = strip_controls(response.data.decode(declared, errors="replace"))
    return text


def _own_url(meta: PageMeta, final_url: str) -> bool:
    """Whether the URL a page declares for itself is a web address on the host it came from."""
    if not is_url(meta.url):
        return False
    try:
        return urlsplit(meta.url or "").hostname == urlsplit(final_url).hostname
    except ValueError:
        return False


def _page_bytes(response: Response, entry: Document | None) -> bytes:
    """The page as saved and read: UTF-8, with a few tags in front saying where it came from.

    The HTML reader takes the page's URL from og:url (else its canonical link), the first one
    given. The page's own is kept when it is on the host it came from; otherwise (none, or a
    page claiming another site's address) the URL it was fetched from goes first. A page read
    for a feed entry (--full) gets the entry's headline, outlet and date where it names none."""
    page = _page_html(response)
    meta = PageMeta(page)
    tags = [
        '<meta charset="utf-8">',
        _meta("name", "newsterm:url", response.final_url),
        _meta("name", "newsterm:fetched", _stamp(response.fetched)),
    ]
    if not _own_url(meta, response.final_url):
        tags.append(_meta("property", "og:url", response.final_url))
    if entry is not None:
        if not meta.title and entry.title:
            tags.append(_meta("property", "og:title", entry.title))
        if not meta.source and entry.source:
            tags.append(_meta("property", "og:site_name", entry.source))
        if meta.published is None and entry.published is not None:
            tags.append(_meta("property", "article:published_time", entry.published.isoformat()))
    doctype = _DOCTYPE.match(page)
    at = doctype.end() if doctype else 0
    block = ("\n" if at else "") + "\n".join(tags) + "\n"
    return (page[:at] + block + page[at:]).encode("utf-8")


def _meta(attribute: str, key: str, value: str) -> str:
    return f'<meta {attribute}="{key}" content="{html.escape(value, quote=True)}">'


def _read_page(data: bytes, location: str, on_error: ErrorSink) -> Document:
    """What the HTML reader makes of these bytes as a file (see html.read_html)."""
    text, _ = decode(data[:MAX_BYTES])
    document = parse_html(text, location, on_error)
    if len(data) > MAX_BYTES:
        document.notes.append("truncated to the first 8 MB")
    return document


def _record(entry: Document, stem: str, feed: Response) -> dict[str, Any]:
    """A feed entry as a JSON Lines record: the form in which a --full entry whose page could
    not be read is saved and read back (by the JSON reader), so both ways give one article."""
    return {
        "id": stem,
        "title": entry.title,
        "text": entry.text,
        "source": entry.source,
        "url": entry.url,
        "published": entry.published.isoformat() if entry.published else None,
        "author": entry.author,
        "guid": entry.guid,
        "feed": feed.url,
        "fetched": _stamp(feed.fetched),
    }


def _entry_number(document: Document) -> int:
    return int(document.location.rpartition("#")[2])


@dataclass
class _Outcome:
    """One URL's result: the response, or why there is none."""

    response: Response | None = None
    error: str = ""


@dataclass
class _Session:
    """One call of read_urls: the options, the opener, the saver, and the progress so far."""

    options: FetchOptions
    on_error: ErrorSink
    progress: Progress | None
    pause: Pause | None
    saver: _Saver
    opener: urllib.request.OpenerDirector = field(init=False)
    stop: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0

    def __post_init__(self) -> None:
        self.opener = _opener(self.options)

    def get(self, urls: Sequence[str]) -> list[_Outcome]:
        """Fetch in a few daemon threads; the outcomes in the order of `urls`."""
        self.total += len(urls)
        self._report()
        return _in_threads(
            [partial(self._one, url) for url in urls],
            self.options.workers,
            self.pause,
            self._finished,
            self.stop,
        )

    def _one(self, url: str) -> _Outcome:
        try:
            return _Outcome(fetch(url, self.options, self.opener, self.stop))
        except FetchError as exc:
            return _Outcome(error=str(exc))

    def _finished(self) -> None:
        self.done += 1
        self._report()

    def _report(self) -> None:
        if self.progress:
            self.progress("fetching", self.done, self.total)


def _in_threads(
    jobs: Sequence[Callable[[], T]],
    workers: int,
    pause: Pause | None,
    finished: Callable[[], None],
    stop: threading.Event,
) -> list[T]:
    """Run jobs in up to `workers` daemon threads and return their results in order. The
    caller's thread waits, looking at `pause` between short waits: told to stop (or on Ctrl+C)
    it sets `stop` and raises at once, and the threads give up at their next read."""
    if not jobs:
        return []
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for number in range(len(jobs)):
        todo.put(number)
    ready: queue.SimpleQueue[tuple[int, Any, BaseException | None]] = queue.SimpleQueue()

    def work() -> None:
        while not stop.is_set():
            try:
                number = todo.get_nowait()
            except queue.Empty:
                return
            try:
                ready.put((number, jobs[number](), None))
            except BaseException as exc:  # a bug: raised again in the caller's thread
                ready.put((number, None, exc))

    threads = [
        threading.Thread(target=work, name=f"newsterm-fetch-{n}", daemon=True)
        for n in range(max(1, min(workers, len(jobs))))
    ]
    for thread in threads:
        thread.start()
    results: dict[int, T] = {}
    try:
        while len(results) < len(jobs):
            step(pause)
            try:
                number, result, problem = ready.get(timeout=_WAIT)
            except queue.Empty:
                continue
            if problem is not None:
                raise problem
            results[number] = result
            finished()
    except BaseException:
        stop.set()
        raise
    for thread in threads:  # each ends once the queue is empty: none is left to a fork
        thread.join()
    return [results[number] for number in range(len(jobs))]


# ------------------------------------------------------------------------------ reading
def read_urls(
    urls: Sequence[str],
    on_error: ErrorSink,
    options: FetchOptions | None = None,
    progress: Progress | None = None,
    pause: Pause | None = None,
) -> list[list[Document]]:
    """The documents of each URL, in the order given (a list per URL, empty if it failed).

    Each failure is one `on_error(url, reason)`. With `options.save`, what was read is kept in
    that folder under names numbered in the order given, so that reading the folder gives the
    same documents; their ids are the saved files' names, saved or not. `progress` gets
    ("fetching", done, total); `pause` is looked at while waiting (newsterm.support.pausing)."""
    options = options or FetchOptions()
    session = _Session(options, on_error, progress, pause, _Saver(options.save, on_error))
    width = max(3, len(str(len(urls))))
    found: list[list[Document]] = [[] for _ in urls]
    feeds: list[tuple[int, str, Response]] = []
    for place, (url, outcome) in enumerate(zip(urls, session.get(urls), strict=True)):
        base = f"{place + 1:0{width}d}-{slug(url)}"
        location = _shown(url)
        try:
            if outcome.response is None:
                raise FetchError(outcome.error)
            response = outcome.response
            if _kind(response) == "page":
                found[place] = [_page(session, response, base, location, None, None)]
            elif options.full:
                feeds.append((place, base, response))
            else:
                found[place] = _feed(session, response, base, location)
        except SourceError as exc:
            on_error(location, str(exc))
    for place, documents in _full(session, feeds, urls):
        found[place] = documents
    return found


def _page(
    session: _Session,
    response: Response,
    base: str,
    location: str,
    folder: Path | None,
    entry: Document | None,
) -> Document:
    """A page read as an article (and saved, if asked); raises SourceError if it holds none."""
    data = _page_bytes(response, entry)
    document = _read_page(data, location, session.on_error)
    document.id = session.saver.save(folder, base, ".html", data, _about(response))
    return document


def _feed(session: _Session, response: Response, base: str, location: str) -> list[Document]:
    """A feed's entries (and the feed saved as it came, if asked)."""
    documents = parse_feed(response.data, location, session.on_error)
    stem = session.saver.save(None, base, ".xml", response.data, _about(response))
    for document in documents:
        document.id = f"{stem}-{_entry_number(document)}"
    return documents


def _feed_links(response: Response) -> dict[int, str]:
    """Each entry's link by entry number, made absolute against the feed's address. Entries
    without text have one too, and --full reads their pages."""
    import feedparser  # imported on first use, as in newsterm.ingest.feeds

    parsed = feedparser.parse(io.BytesIO(response.data), resolve_relative_uris=False)
    links = {}
    for number, entry in enumerate(parsed.get("entries") or [], 1):
        link = entry.get("link")
        if isinstance(link, str) and link.strip():
            absolute = urljoin(response.final_url, link.strip())
            if is_url(absolute):
                links[number] = absolute
    return links


@dataclass
class _FullFeed:
    """A feed read with --full: its entries, their links, and what the feed reader said."""

    place: int
    base: str
    response: Response
    location: str
    entries: dict[int, Document]
    links: dict[int, str]
    held: dict[str, list[str]]

    @property
    def numbers(self) -> list[int]:
        return sorted(set(self.links) | set(self.entries))


def _full(
    session: _Session, feeds: list[tuple[int, str, Response]], urls: Sequence[str]
) -> list[tuple[int, list[Document]]]:
    """--full: every entry of every feed replaced by the page it links to, all fetched at once.
    An entry whose page cannot be read is read from the feed, with a line saying so."""
    plans = []
    for place, base, response in feeds:
        location = _shown(urls[place])
        held: dict[str, list[str]] = {}  # an entry's problems, said only if its page fails too

        def hold(where: str, why: str, held: dict[str, list[str]] = held) -> None:
            if "#" in where and not why.startswith("note: "):
                held.setdefault(where, []).append(why)
            else:
                session.on_error(where, why)

        try:
            entries = parse_feed(response.data, location, hold)
        except SourceError as exc:
            session.on_error(location, str(exc))
            continue
        by_number = {_entry_number(entry): entry for entry in entries}
        plans.append(
            _FullFeed(place, base, response, location, by_number, _feed_links(response), held)
        )
    asked = [plan.links[n] for plan in plans for n in plan.numbers if n in plan.links]
    answers = iter(session.get(asked))
    results = []
    for plan in plans:
        width = max(3, len(str(max(plan.numbers, default=0))))
        read: list[tuple[Document, str, bytes, dict[str, Any]]] = []
        for number in plan.numbers:
            entry = plan.entries.get(number)
            where = f"{plan.location}#{number}"
            name = f"{number:0{width}d}-{slug(plan.links.get(number, plan.location))}"
            problem = ""
            if number in plan.links:
                link = _shown(plan.links[number])
                outcome = next(answers)
                try:
                    if outcome.response is None:
                        raise FetchError(outcome.error)
                    if _kind(outcome.response) != "page":
                        raise FetchError("not a web page")
                    data = _page_bytes(outcome.response, entry)
                    document = _read_page(data, link, session.on_error)
                    document.id = name
                    read.append((document, ".html", data, _about(outcome.response)))
                    continue
                except SourceError as exc:
                    problem = str(exc)
                    said = f"; read from its entry in the feed ({where})" if entry else ""
                    session.on_error(link, problem + said)
            if entry is None:
                if not problem:
                    for why in plan.held.get(where, []):
                        session.on_error(where, why)
                continue
            record = _record(entry, name, plan.response)
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            about = _about(plan.response, entry=number)
            read.append((document_from_record(record, where), ".jsonl", line, about))
        if read:
            _save_full(session, plan, read)
        results.append((plan.place, [document for document, *_ in read]))
    return results


def _save_full(
    session: _Session, plan: _FullFeed, read: list[tuple[Document, str, bytes, dict[str, Any]]]
) -> None:
    """A --full feed's pages and entries saved in a folder of its own, with the feed itself
    hidden beside them (its entries are the files there). Names in a new folder are free, so
    each file gets the name its article's id was given."""
    folder = session.saver.new_folder(plan.base)
    if folder is None:
        return
    session.saver.save(folder, FEED_COPY, "", plan.response.data, _about(plan.response))
    for document, suffix, data, about in read:
        assert document.id is not None
        session.saver.save(folder, document.id, suffix, data, about)
