"""The same article arriving twice is read once.

Piles overlap: a feed file and a newsboat cache hold the same entries, a page is saved twice, a
JSON export repeats a record. Counting such a copy as a second outlet would make agreement look
stronger than it is, so documents are merged when they share a URL (ignoring tracking
parameters, fragments and the scheme), a guid within one outlet, or their exact text, outlet and
headline (ignoring spacing and case). Wire copy republished by *different* outlets is not
removed here: each outlet stays visible, and stories count it as one report (`Story.reports`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit

from newsterm.ingest.document import Document

_TRACKING_PREFIXES = ("utm_", "mc_", "at_")
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "ocid", "cmpid", "ref", "smid", "sr_share", "rss"})


def url_key(url: str) -> str | None:
    """A URL reduced to what names the page: host without "www.", path, meaningful query."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS
    ]
    if not path and not query:
        return None  # a site's home page (some feeds link every entry there) names no article
    return f"{host}{path}" + (f"?{urlencode(sorted(query))}" if query else "")


def text_key(text: str) -> str:
    """A digest of the text with spacing and case ignored."""
    return hashlib.blake2b(" ".join(text.casefold().split()).encode(), digest_size=16).hexdigest()


def _keys(document: Document) -> list[str]:
    keys = []
    if document.url:
        found = url_key(document.url)
        if found:
            keys.append(f"url:{found}")
    if document.guid:
        # A guid is only promised unique within its feed ("1", "2" are common), so it is
        # scoped by the outlet; a guid that is a URL names the page itself.
        found = url_key(document.guid) if "://" in document.guid else None
        keys.append(f"url:{found}" if found else f"guid:{document.source or ''}:{document.guid}")
    if document.text.strip():
        # The same text under another outlet or headline is wire copy, not a second arrival:
        # it stays, and the story counts it as one report.
        who = " ".join(f"{document.source or ''}|{document.title}".casefold().split())
        keys.append(f"text:{who}:{text_key(document.text)}")
    return keys


def _merged(kept: Document, copy: Document) -> Document:
    """The first copy, with metadata only the later copy had filled in."""
    return replace(
        kept,
        title=kept.title or copy.title,
        source=kept.source or copy.source,
        published=kept.published or copy.published,
        url=kept.url or copy.url,
        author=kept.author or copy.author,
        guid=kept.guid or copy.guid,
    )


def deduplicate(documents: Sequence[Document]) -> list[Document]:
    """Documents in input order, each article once: later copies are dropped, their metadata
    used only to fill gaps in the first."""
    kept: list[Document] = []
    position: dict[str, int] = {}
    for document in documents:
        keys = _keys(document)
        found = next((position[key] for key in keys if key in position), None)
        if found is None:
            found = len(kept)
            kept.append(document)
        else:
            kept[found] = _merged(kept[found], document)
        for key in _keys(kept[found]) + keys:
            position.setdefault(key, found)
    return kept
