"""Web sources read: pages and RSS/Atom feeds fetched, then read exactly as their files would be.

The bytes a reader is given are the bytes `--save DIR` keeps (newsterm.ingest.websave): a page
as UTF-8 with tags in front saying where it came from, a feed as it came, a --full entry whose
page failed as a JSON Lines record. Named in the order given, they read back from the folder as
the same documents with the same ids: identity by construction, not by care.

Nothing is run: no script, no meta refresh; the XML readers resolve no external entity. Each
failed URL costs one line naming it and the reason; the rest is read. Fetching runs in a few
daemon threads (Ctrl+C never waits for a slow server), and the results are taken in the order
given: the same sources make the same articles in the same order.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import queue
import re
import threading
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from newsterm.ingest.decode import MAX_BYTES, decode, looks_binary
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.feeds import parse_feed, sniff_feed
from newsterm.ingest.fetch import (
    FetchError,
    FetchOptions,
    Response,
    fetch,
    is_url,
    make_opener,
    shown_url,
)
from newsterm.ingest.html import PageMeta, parse_html, sniff_html
from newsterm.ingest.jsonlines import document_from_record
from newsterm.ingest.sanitize import sanitize_line, strip_controls
from newsterm.ingest.websave import FEED_COPY, Saver, about, slug, stamp
from newsterm.support.pausing import Pause, step

__all__ = ["read_urls"]

ErrorSink = Callable[[str, str], None]
Progress = Callable[[str, int, int], None]
T = TypeVar("T")

_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_XML_TYPES = ("application/xml", "text/xml")
_WAIT = 0.1  # seconds between two looks at the pause while waiting for a response


def _kind(response: Response) -> str:
    """ "feed" or "page", by content first, then by the type the server declares; else a
    FetchError saying what it is instead."""
    head = response.data[:4096]
    declared = sanitize_line(response.content_type)[:60]  # the server's words, as shown
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
        _meta("name", "newsterm:fetched", stamp(response.fetched)),
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
        "fetched": stamp(feed.fetched),
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
    saver: Saver
    opener: urllib.request.OpenerDirector = field(init=False)
    stop: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0

    def __post_init__(self) -> None:
        self.opener = make_opener(self.options)

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
    session = _Session(options, on_error, progress, pause, Saver(options.save, on_error))
    width = max(3, len(str(len(urls))))
    found: list[list[Document]] = [[] for _ in urls]
    feeds: list[tuple[int, str, Response]] = []
    for place, (url, outcome) in enumerate(zip(urls, session.get(urls), strict=True)):
        base = f"{place + 1:0{width}d}-{slug(url)}"
        location = shown_url(url)
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
    document.id = session.saver.save(folder, base, ".html", data, about(response))
    return document


def _feed(session: _Session, response: Response, base: str, location: str) -> list[Document]:
    """A feed's entries (and the feed saved as it came, if asked)."""
    documents = parse_feed(response.data, location, session.on_error)
    stem = session.saver.save(None, base, ".xml", response.data, about(response))
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
        location = shown_url(urls[place])
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
                link = shown_url(plan.links[number])
                outcome = next(answers)
                try:
                    if outcome.response is None:
                        raise FetchError(outcome.error)
                    if _kind(outcome.response) != "page":
                        raise FetchError("not a web page")
                    data = _page_bytes(outcome.response, entry)
                    document = _read_page(data, link, session.on_error)
                    document.id = name
                    read.append((document, ".html", data, about(outcome.response)))
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
            noted = about(plan.response, entry=number)
            read.append((document_from_record(record, where), ".jsonl", line, noted))
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
    session.saver.save(folder, FEED_COPY, "", plan.response.data, about(plan.response))
    for document, suffix, data, noted in read:
        assert document.id is not None
        session.saver.save(folder, document.id, suffix, data, noted)
