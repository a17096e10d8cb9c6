"""The same article arriving twice is read once.

Piles overlap: a feed file and a newsboat cache hold the same entries, a page is saved twice, a
JSON export repeats a record. Counting such a copy as a second outlet would make agreement look
stronger than it is, so documents are merged when they share a URL (ignoring tracking
parameters, fragments and the scheme), a guid within one outlet, or their exact text, outlet and
headline (ignoring spacing and case). Wire copy republished by *different* outlets is not
removed here: each outlet stays visible, and stories count it as one report (`Story.reports`).

Every merge is reported (see `merge_notes`): a pile that shrinks without a word looks like
articles lost, and a merge that should not have happened can only be questioned if it is seen.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urlsplit

from newsterm.ingest.document import Document

_TRACKING_PREFIXES = ("utm_", "mc_", "at_")
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "ocid", "cmpid", "ref", "smid", "sr_share", "rss"})
# Up to this many merges each get a note; beyond it, one note counts them and this many follow.
MAX_MERGE_NOTES = 5
_SHOWN_AFTER_SUMMARY = 3
_WHY = {"url": "same URL", "guid": "same guid", "text": "identical text"}


@dataclass(frozen=True, slots=True)
class Merge:
    """A later copy read into an earlier document: where each was found, and why they are one
    ("same URL", "same guid", "identical text")."""

    kept: str
    copy: str
    why: str


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


def _where(document: Document) -> str:
    return document.location or document.url or document.guid or document.title or "(unnamed)"


def deduplicate(
    documents: Sequence[Document], on_merge: Callable[[Merge], None] | None = None
) -> list[Document]:
    """Documents in input order, each article once: later copies are dropped, their metadata
    used only to fill gaps in the first. Each copy dropped is passed to `on_merge`."""
    kept: list[Document] = []
    position: dict[str, int] = {}
    for document in documents:
        keys = _keys(document)
        matched = next((key for key in keys if key in position), None)
        if matched is None:
            found = len(kept)
            kept.append(document)
        else:
            found = position[matched]
            if on_merge:
                why = _WHY[matched.partition(":")[0]]
                on_merge(Merge(_where(kept[found]), _where(document), why))
            kept[found] = _merged(kept[found], document)
        for key in _keys(kept[found]) + keys:
            position.setdefault(key, found)
    return kept


def _source_of(location: str) -> str:
    """The file a location names ("pile.jsonl:12", "feed.xml#3" are in pile.jsonl, feed.xml)."""
    if "://" in location:
        return location
    return re.sub(r":\d+$", "", location.partition("#")[0])


def merge_notes(merges: Sequence[Merge]) -> list[tuple[str, str]]:
    """Notes (location, text) saying what was read once and why, readable however many.

    A few merges are named one by one; many (the same pile loaded twice, a feed saved daily)
    get one note counting them by reason, then the first few, so that neither stderr nor the
    app's notifications drown in them (the app shows the first five problems).
    """
    if not merges:
        return []
    notes = [
        (merge.copy, f"read once: the same article as {merge.kept} ({merge.why})")
        for merge in merges
    ]
    if len(merges) <= MAX_MERGE_NOTES:
        return notes
    sources = sorted({_source_of(merge.copy) for merge in merges})
    try:
        where = sources[0] if len(sources) == 1 else os.path.commonpath(sources) or sources[0]
    except ValueError:  # URLs, or relative and absolute paths mixed
        where = sources[0]
    reasons = Counter(merge.why for merge in merges)
    counted = ", ".join(f"{why}: {count:,}" for why, count in reasons.most_common())
    summary = (
        f"{len(merges):,} duplicates read once ({counted}); the first {_SHOWN_AFTER_SUMMARY} follow"
    )
    return [(where, summary), *notes[:_SHOWN_AFTER_SUMMARY]]
