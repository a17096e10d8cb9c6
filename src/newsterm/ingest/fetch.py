"""Pages and feeds fetched over HTTP(S): the client, and the rules a hostile server meets.

newsterm is an offline reader, so fetching is opt-in by the form of a source (`http://` or
`https://`); newsterm.ingest.web reads what is fetched here with the same readers as files.
What a server sends is hostile, like any article text. So:

- Only http and https are fetched, through an opener built here from the handlers we choose (no
  file:, ftp: or data: handler), and a redirect goes on only to http(s), at most `max_redirects`
  times, never round in a loop.
- Connecting and each wait for data have their own timeout, and a whole response its deadline,
  so a server that sends one byte a minute cannot hold a load forever; a response beyond
  `max_bytes` (compressed or not) is refused with its size named, as is one cut short.
- Each failure is a FetchError whose message says why in a few words (HTTP status, timeout,
  host not found, too big), and never shows what the server chose to say.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from newsterm.ingest.document import SourceError
from newsterm.ingest.sanitize import sanitize_line

__all__ = [
    "FetchError",
    "FetchOptions",
    "Response",
    "fetch",
    "is_url",
    "make_opener",
    "shown_url",
]

SCHEMES = ("http", "https")
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)
_CHUNK = 64 * 1024


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

    def with_timeout(self, seconds: float) -> FetchOptions:
        """These options with one timeout for connecting and for each wait, as a command line
        gives it, and six times it (at least a minute) for a whole response."""
        return replace(
            self,
            connect_timeout=seconds,
            read_timeout=seconds,
            total_timeout=max(60.0, 6 * seconds),
        )


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


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The same for TLS: the handshake counts as connecting (HTTPSConnection.connect wraps the
    socket before `_HTTPConnection.connect` sets the read timeout on it)."""


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
            raise FetchError(f"redirect loop (back to {shown_url(newurl)})")
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
                shown = shown_url(newurl)
                raise FetchError(f"redirected to {shown}: not followed (only http(s) is)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def make_opener(options: FetchOptions) -> urllib.request.OpenerDirector:
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
def shown_url(url: str) -> str:
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
    opener = opener or make_opener(options)
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
