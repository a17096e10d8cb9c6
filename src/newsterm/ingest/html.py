"""Saved web pages: the article's body, headline, outlet and publication date.

With the optional extra `newsterm[html]`, trafilatura (the best-kept article extractor) finds the
body. Without it, a standard-library fallback reads the page's own markup: the metadata pages
publish for search engines and social networks (Open Graph, JSON-LD, <time>), the text of its
<article> (or <main>, or <body>) with navigation, headers, footers, asides, forms and scripts
dropped, and no short menu-like lines. The fallback says once that the extra does better.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from newsterm.facts.timestamps import parse_date
from newsterm.ingest.decode import decode, read_bytes, unknown_declared
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.htmltext import html_to_text
from newsterm.ingest.sanitize import sanitize_line

SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml")
_HTML_HEAD = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.IGNORECASE)
# Set to False to use the standard-library fallback even when trafilatura is installed.
USE_TRAFILATURA = True
_told_about_extra = False
_MIN_WORDS = 7  # a line shorter than this without a full stop is a menu item or a label

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline", "sailthru.title")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
    "article.published",
)


def sniff_html(head: bytes) -> bool:
    """An HTML document: starts with markup and declares html, head, body, meta or title."""
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return stripped.startswith(b"<") and bool(_HTML_HEAD.search(stripped[:4096]))


class _PageParser(HTMLParser):
    """Metadata of a page and the text of its article region, in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.ld_json: list[str] = []
        self.times: list[str] = []
        self.canonical: str | None = None
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (
                found.get("property") or found.get("name") or found.get("itemprop") or ""
            ).lower()
            if key and found.get("content") and key not in self.meta:
                self.meta[key] = found["content"]
        elif tag == "link" and "canonical" in found.get("rel", "").lower().split():
            self.canonical = self.canonical or found.get("href") or None
        elif tag == "time" and found.get("datetime"):
            self.times.append(found["datetime"])
        elif tag in ("title", "script"):
            self._in.append(tag if tag == "title" else found.get("type", "").lower())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "script") and self._in:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if not self._in:
            return
        if self._in[-1] == "title":
            self.title_parts.append(data)
        elif self._in[-1] == "application/ld+json":
            self.ld_json.append(data)


def _ld_objects(blobs: list[str]) -> list[dict[str, Any]]:
    """JSON-LD objects of the page, @graph lists flattened; broken blocks are ignored."""
    out: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            out.append(value)
            if "@graph" in value:
                walk(value["@graph"])

    for blob in blobs:
        try:
            walk(json.loads(blob))
        except (json.JSONDecodeError, RecursionError):
            continue
    return out


def _ld_field(objects: list[dict[str, Any]], key: str) -> str:
    for obj in objects:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(isinstance(k, str) and ("Article" in k or k == "WebPage") for k in kinds):
            continue
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, list) and value:
            value = value[0].get("name") if isinstance(value[0], dict) else value[0]
        if isinstance(value, str) and value.strip():
            return value
    return ""


class PageMeta:
    """Headline, outlet, date and URL a page declares about itself."""

    def __init__(self, html: str) -> None:
        parser = _PageParser()
        try:
            parser.feed(html)
            parser.close()
        except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
            pass
        meta = parser.meta
        objects = _ld_objects(parser.ld_json)
        self.title = next((meta[k] for k in _TITLE_KEYS if meta.get(k)), "") or _ld_field(
            objects, "headline"
        )
        page_title = " ".join("".join(parser.title_parts).split())
        self.source = next((meta[k] for k in _SITE_KEYS if meta.get(k)), "") or _ld_field(
            objects, "publisher"
        )
        if not self.title and page_title:
            # "Headline - Outlet" or "Headline | Outlet": the part that is not the outlet.
            parts = re.split(r"\s+[|–—-]\s+", page_title)
            self.title = parts[0] if len(parts) > 1 else page_title
            if len(parts) > 1 and not self.source:
                self.source = parts[-1]
        dates = [meta[k] for k in _DATE_KEYS if meta.get(k)]
        dates += [_ld_field(objects, "datePublished"), *parser.times]
        self.published: datetime | None = next(
            (found for found in map(parse_date, filter(None, dates)) if found), None
        )
        self.url = meta.get("og:url") or parser.canonical or None
        self.author = meta.get("author") or _ld_field(objects, "author") or None


class _RegionParser(HTMLParser):
    """Which of <article>, <main> a page has, so the fallback reads only the story's region."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("article", "main"):
            self.tags.add(tag)


def _region(html: str) -> str:
    """The HTML of the page's <article> elements, else its <main>, else the whole page."""
    finder = _RegionParser()
    finder.feed(html)
    for tag in ("article", "main"):
        if tag in finder.tags:
            spans = re.findall(rf"<{tag}\b.*?(?:</{tag}\s*>|\Z)", html, re.IGNORECASE | re.DOTALL)
            text = "\n".join(spans)
            if len(html_to_text(text).split()) >= 30:
                return text
    return html


def fallback_text(html: str) -> str:
    """The story's paragraphs by the standard library alone."""
    text = html_to_text(_region(html), drop_furniture=True)
    kept = []
    for line in text.split("\n"):
        words = line.split()
        if len(words) >= _MIN_WORDS or (len(words) >= 3 and line.rstrip()[-1:] in ".!?\"'”’"):
            kept.append(line)
    return "\n".join(kept)


def _trafilatura() -> Any | None:
    if not USE_TRAFILATURA:
        return None
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def _extract_with_trafilatura(module: Any, html: str) -> dict[str, Any] | None:
    try:
        found = module.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # a third-party parser on hostile input: fall back rather than fail
        return None
    if found is None:
        return None
    return found.as_dict() if hasattr(found, "as_dict") else dict(found)


def parse_html(html: str, location: str, on_error: Callable[[str, str], None]) -> Document:
    """One article from a page; raises SourceError when no article text is found."""
    global _told_about_extra
    meta = PageMeta(html)
    module = _trafilatura()
    extracted = _extract_with_trafilatura(module, html) if module else None
    if extracted and len((extracted.get("text") or "").split()) >= _MIN_WORDS:
        text = extracted["text"]
        title = meta.title or extracted.get("title") or ""
        source = meta.source or extracted.get("sitename") or ""
        published = meta.published or parse_date(extracted.get("date") or "")
    else:
        if module is None and not _told_about_extra:
            _told_about_extra = True
            on_error(
                location,
                "note: read with the basic HTML reader; "
                "install newsterm[html] for better article extraction",
            )
        text = fallback_text(html)
        title, source, published = meta.title, meta.source, meta.published
    if not text.strip():
        raise SourceError("no article text found in the page")
    title = sanitize_line(html_to_text(title)) if title else ""
    return Document(
        text=text,
        title=title,
        source=sanitize_line(source) or None,
        published=published,
        url=sanitize_line(meta.url) if meta.url else None,
        location=location,
        author=sanitize_line(meta.author) if meta.author else None,
    )


def read_html(path: Path, on_error: Callable[[str, str], None]) -> list[Document]:
    data, truncated = read_bytes(path)
    if not data.strip():
        raise SourceError("empty file")
    html, encoding = decode(data)
    unknown = unknown_declared(data)
    if unknown and encoding != "utf-8":
        on_error(str(path), f"note: unknown encoding {unknown!r} declared, read as {encoding}")
    document = parse_html(html, str(path), on_error)
    if truncated:
        document.notes.append("truncated to the first 8 MB")
    return [document]
