"""Title, date and outlet of a plain-text article, from its first lines, front matter or name.

Copied articles put their metadata in many shapes: a title line then a dateline
("11:17, Tue, Jun 3, 2025 | UPDATED: 11:27, Tue, Jun 3, 2025"), a labelled line
("date 2025-06-02 <title>"), a wire dateline in the first paragraph ("LONDON (Reuters) -"),
YAML-style front matter, or nothing at all. A date is never invented: when none is found,
`published` stays None.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsterm.facts.timestamps import parse_date
from newsterm.ingest.sanitize import sanitize_line

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
FIELD_ALIASES = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "site": "source",
    "site_name": "source",
    "publication": "source",
    "published": "published",
    "date": "published",
    "pubdate": "published",
    "published_at": "published",
    "publish_date": "published",
    "datetime": "published",
    "created": "published",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "author": "author",
    "by": "author",
    "byline": "author",
    "id": "id",
    "guid": "guid",
}

_LABELLED_DATE_LINE = re.compile(
    r"^\s*(?:date|published|posted|updated|dated)\s*[:=]?\s*"
    r"(?P<date>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_LEADING_ISO = re.compile(
    r"^\s*(?P<date>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\s+[-–—|:]?\s*(?P<rest>\S.*)$"
)
_DATE_WORDS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february"
    r"|march|april|june|july|august|september|october|november|december|am|pm|a\.m|p\.m|gmt|utc"
    r"|bst|est|edt|cet|cest|pst|pdt|et|updated|published|posted|last|modified|on|at|first"
    r"|date|dated)\b|\d{1,4}(?:st|nd|rd|th)?",
    re.IGNORECASE,
)
_HAS_MONTH_OR_ISO = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)
_WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .,'-]{1,40}\s*)?\((?P<outlet>[A-Z][\w.&' -]{1,30})\)\s*[-—–:]"
)
_BYLINE_OUTLET = re.compile(
    r"^by\s+[\w.' -]{2,60}?(?:,|\||—|-)\s*(?P<outlet>[A-Z][\w.&' -]{1,40}?)\s*$", re.IGNORECASE
)
_COPYRIGHT_OUTLET = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<outlet>[A-Z][\w.&' -]{1,50}?)"
    r"(?:\.|,|\s+all rights.*)?\s*$",
    re.IGNORECASE,
)
# A file stem that names its outlet: "Reuters - North Korea ...", "bbc__north-korea".
_STEM_OUTLET = re.compile(r"^(?P<outlet>[A-Za-z][A-Za-z .&'’]{1,40}?)\s*(?:__| - | — |--)\s*\S")


def read_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style `key: value` front matter (scalars only) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        found = _FIELD.match(line.strip())
        if not found:
            continue
        key = FIELD_ALIASES.get(found.group(1).lower())
        value = found.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key and value and key not in fields:
            fields[key] = value
    return fields, text[match.end() :]


def dateline(line: str) -> datetime | None:
    """The first date of a line made only of dates and times, else None.

    "11:17, Tue, Jun 3, 2025 | UPDATED: 11:27, Tue, Jun 3, 2025" gives 2025-06-03 11:17: the
    first date is when the piece was published; the update time is not.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 120 or not _HAS_MONTH_OR_ISO.search(stripped):
        return None
    leftover = _DATE_WORDS.sub(" ", stripped)
    if len(re.findall(r"[A-Za-z]{2,}", leftover)) > 2:
        return None
    first = re.split(
        r"\||\bupdated\b|\bmodified\b|\blast\b", stripped, maxsplit=1, flags=re.IGNORECASE
    )[0]
    first = re.sub(
        r"^\s*(?:published|posted|date|dated|first published)\s*[:\s]",
        "",
        first,
        flags=re.IGNORECASE,
    )
    return parse_date(first) or parse_date(stripped)


def labelled_date_line(line: str) -> tuple[datetime, str] | None:
    """A line like " date 2025-06-02 North Korea says ...": its date and the rest (a title)."""
    match = _LABELLED_DATE_LINE.match(line) or _LEADING_ISO.match(line)
    if not match:
        return None
    when = parse_date(match.group("date"))
    if when is None:
        return None
    return when, match.group("rest").strip(" -–—|:")


def outlet_from_text(lines: list[str]) -> str | None:
    """An outlet named by a wire dateline, a byline or a copyright line."""
    for line in lines[:6]:
        match = _WIRE_DATELINE.match(line) or _BYLINE_OUTLET.match(line)
        if match:
            return sanitize_line(match.group("outlet"))
    for line in reversed(lines[-4:]):
        match = _COPYRIGHT_OUTLET.match(line.strip())
        if match:
            return sanitize_line(match.group("outlet"))
    return None


def outlet_from_stem(stem: str) -> str | None:
    """An outlet named in a file name such as "Reuters - North Korea.txt" or "bbc__story.md"."""
    match = _STEM_OUTLET.match(stem)
    if not match:
        return None
    outlet = match.group("outlet").strip()
    if re.fullmatch(r"[0-9a-f_ -]{6,}", outlet.lower()) and re.search(r"\d", outlet):
        return None  # a hash, not a name
    return outlet if not outlet.islower() else outlet.title() if len(outlet) > 4 else outlet.upper()
