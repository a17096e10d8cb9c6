"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with feedparser.

A feed is a collection: every entry becomes one article whose outlet is the feed's title. The
full content is preferred to the summary, since many feeds put the whole story in
`content:encoded` and only a teaser in `description`. Feedparser is lenient with broken XML
(it falls back to a loose parser); a feed it can read nothing from is reported with the reason
it gives.
"""

from __future__ import annotations

import calendar
import io
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsterm.ingest.decode import read_bytes, unknown_declared
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.htmltext import html_to_text, looks_like_html
from newsterm.ingest.sanitize import sanitize_line

SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
MAX_FEED_BYTES = 64 * 1024 * 1024
_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>/]")
# A DOCTYPE may carry an internal subset in brackets, entity declarations and all: such a feed is
# still a feed (feedparser drops the declarations, so no entity is expanded or fetched).
_PROLOGUE = re.compile(
    rb"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>)*", re.DOTALL
)


def sniff_feed(head: bytes) -> bool:
    """A feed's root element (rss, feed, rdf:RDF) comes first, after the XML prologue."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    rest = head[_PROLOGUE.match(head).end() :]  # type: ignore[union-attr]
    return bool(_ROOT.match(rest))


def _clean(value: str, kind: str = "") -> str:
    if "html" in kind or looks_like_html(value):
        return html_to_text(value)
    return value


def _line(value: Any) -> str:
    return sanitize_line(_clean(value)) if isinstance(value, str) else ""


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, OSError, ValueError):
                continue
    return None


def _body(entry: Any) -> str:
    """The longest full content of an entry, else its summary, as text."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return _clean(best["value"], best.get("type") or "")
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _clean(summary, detail.get("type") or "")


def parse_feed(data: bytes, location: str, on_error: Callable[[str, str], None]) -> list[Document]:
    """Documents of a feed's entries; raises SourceError when it is not a readable feed."""
    import feedparser  # imported on first use: it is only needed when there is a feed

    # A stream, never the bytes themselves: feedparser takes bytes that look like a path or a
    # URL for a place to open, and would read another file's entries (or fetch one).
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = parsed.get("entries") or []
    if not entries:
        if problem is not None:
            raise SourceError(f"malformed feed ({_reason(problem)})")
        raise SourceError("feed has no entries")
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        on_error(location, f"note: malformed feed, read what it holds ({_reason(problem)})")
    unknown = unknown_declared(data)
    if unknown:
        used = parsed.get("encoding") or "a best guess"
        on_error(location, f"note: unknown encoding {unknown!r} declared, read as {used}")
    feed = parsed.get("feed") or {}
    outlet = _line(feed.get("title")) or None
    documents = []
    for number, entry in enumerate(entries, 1):
        where = f"{location}#{number}"
        text = _body(entry)
        if not text.strip():
            on_error(where, "feed entry has no text (neither content nor summary)")
            continue
        link = entry.get("link") or None
        documents.append(
            Document(
                text=text,
                title=_line(entry.get("title")),
                source=outlet,
                published=_date(entry),
                url=sanitize_line(link) if link else None,
                location=where,
                author=_line(entry.get("author")) or None,
                guid=sanitize_line(entry["id"]) if entry.get("id") else None,
            )
        )
    return documents


def _reason(problem: BaseException) -> str:
    message = " ".join(str(problem).split()).removeprefix("<unknown>:")
    return message[:160] or type(problem).__name__


def read_feed(path: Path, on_error: Callable[[str, str], None]) -> list[Document]:
    data, truncated = read_bytes(path, MAX_FEED_BYTES)
    if not data.strip():
        raise SourceError("empty file")
    if truncated:
        on_error(str(path), f"note: truncated to the first {MAX_FEED_BYTES // 2**20} MB")
    return parse_feed(data, str(path), on_error)
