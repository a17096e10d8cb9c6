"""OPML subscription lists: the feeds a feed reader exports, to be fetched as URL sources.

Every reader exports its subscriptions as OPML: `outline` elements, nested in folders, each feed
one with an `xmlUrl`. Only the URLs are taken, in the order written, each once; the feeds are
then fetched like any URL given (newsterm.ingest.fetch).

An OPML file has no use for a DTD, and a DTD is where XML's dangers live (entities that expand
a billion times, or that fetch a file or a URL): a file that declares one is refused unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.etree import ElementTree

from newsterm.ingest.decode import read_bytes
from newsterm.ingest.document import SourceError
from newsterm.ingest.fetch import is_url
from newsterm.ingest.sanitize import sanitize_line

MAX_OPML_BYTES = 8 * 1024 * 1024
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def feeds_of(listings: Iterable[str], note: Callable[[str], None]) -> list[str]:
    """The feed URLs of OPML files, in order; each entry skipped is a `note` naming its file.
    Raises SourceError naming the file when one cannot be read: the reader asked for it."""
    feeds: list[str] = []
    for listing in listings:
        try:
            found, skipped = read_opml(Path(listing).expanduser())
        except SourceError as exc:
            raise SourceError(f"{listing}: {exc}") from None
        for why in skipped:
            note(f"{listing}: {why}")
        if not found:
            note(f"{listing}: lists no feed to fetch")
        feeds.extend(found)
    return feeds


def read_opml(path: Path) -> tuple[list[str], list[str]]:
    """The feed URLs an OPML file lists, and the entries skipped (not http(s)), as messages.
    Raises SourceError when the file cannot be read as OPML."""
    data, truncated = read_bytes(path, MAX_OPML_BYTES)
    if truncated:
        raise SourceError(f"too big for a list of feeds (over {MAX_OPML_BYTES // 2**20} MB)")
    return parse_opml(data)


def parse_opml(data: bytes) -> tuple[list[str], list[str]]:
    """The feed URLs in OPML bytes, each once and in order, and what was skipped."""
    if not data.strip():
        raise SourceError("empty file")
    if _DTD.search(data):
        raise SourceError("declares a DTD or entities, which an OPML file never needs; not read")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise SourceError(f"not valid XML ({exc})") from None
    if _local(root.tag) != "opml":
        raise SourceError("not an OPML file (its root element is not <opml>)")
    feeds: list[str] = []
    skipped: list[str] = []
    for outline in root.iter():
        if _local(outline.tag) != "outline":
            continue
        attributes = {_local(key).lower(): value for key, value in outline.attrib.items()}
        url = (attributes.get("xmlurl") or "").strip()
        if not url:
            continue  # a folder, or a link that is not a feed
        if not is_url(url):
            skipped.append(f"not a web address, skipped: {sanitize_line(url)[:120]}")
        elif url not in feeds:
            feeds.append(url)
    return feeds, skipped


def _local(tag: str) -> str:
    """An element or attribute name without its namespace."""
    return tag.rpartition("}")[2]
