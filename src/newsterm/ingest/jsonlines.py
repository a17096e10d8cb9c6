"""JSON Lines and JSON arrays of article objects, with the field names other tools use.

A JSON document (an array, or one object of articles) is parsed whole, so it is read only up to
MAX_JSON_BYTES and a bigger one is refused by its size before a byte is read. JSON Lines of some
size are read a line at a time instead, each line at most MAX_LINE_BYTES: a 200 MB line is
reported and skipped while it is read past, never held in memory. A line nested too deeply for
the parser costs that line alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsterm.facts.timestamps import parse_date
from newsterm.ingest.decode import MAX_BYTES, decode, read_text
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.opening import open_source
from newsterm.ingest.sanitize import sanitize, sanitize_line

SUFFIXES = (".jsonl", ".ndjson", ".jsonlines", ".json")
# A JSON file is a collection, not one article: it may be a whole archive. Parsed whole, it
# takes several times its size in memory.
MAX_JSON_BYTES = 256 * 1024 * 1024
# One line of JSON Lines is one article (or a few): 400,000 characters are kept of an article's
# text, so a line of this size is already far more than is ever read of it.
MAX_LINE_BYTES = 16 * 1024 * 1024
_SKIP_CHUNK = 1024 * 1024
_TEXT_KEYS = (
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "maintext",
    "description",
    "summary",
)
_TITLE_KEYS = ("title", "headline", "name")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site_name", "site", "feed", "domain")
_DATE_KEYS = (
    "published",
    "date",
    "pubDate",
    "pubdate",
    "published_at",
    "publish_date",
    "date_publish",
    "datetime",
    "created_at",
    "timestamp",
)
_URL_KEYS = ("url", "link", "href", "canonical_url")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):  # {"name": "Reuters"} or {"value": "..."}
        return str(_first(value, ("name", "title", "value", "text")) or "")
    if isinstance(value, list):
        return "\n".join(_as_text(item) for item in value)
    return "" if value is None else str(value)


def _as_date(value: Any) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(_as_text(value)) if value is not None else None


def document_from_record(record: dict[str, Any], location: str) -> Document:
    """One article object to a Document; raises SourceError when it has no text."""
    text = _as_text(_first(record, _TEXT_KEYS))
    if not text.strip():
        raise SourceError("no text field (expected one of: text, body, content)")
    ident = record.get("id")
    return Document(
        text=sanitize(text),
        title=sanitize_line(_as_text(_first(record, _TITLE_KEYS))),
        source=sanitize_line(_as_text(_first(record, _SOURCE_KEYS))) or None,
        published=_as_date(_first(record, _DATE_KEYS)),
        url=sanitize_line(_as_text(_first(record, _URL_KEYS))) or None,
        location=location,
        id=sanitize_line(str(ident)) if ident not in (None, "") else None,
        author=sanitize_line(_as_text(record.get("author") or record.get("byline"))) or None,
        guid=sanitize_line(_as_text(record.get("guid"))) or None,
    )


def _records(value: Any) -> Iterator[dict[str, Any]]:
    """Article objects in a decoded value: the object itself, or those of an "articles" list."""
    if isinstance(value, dict):
        nested = value.get("articles") or value.get("items") or value.get("entries")
        if isinstance(nested, list) and not _first(value, _TEXT_KEYS):
            for item in nested:
                yield from _records(item)
        else:
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _records(item)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def read_json(path: Path, on_error: Callable[[str, str], None]) -> list[Document]:
    """Read a .jsonl/.json file; bad lines or records are reported one by one, the rest is read."""
    handle, size = open_source(path)
    with handle:
        head = handle.read(4096)
        if size > MAX_BYTES and _line_by_line(path, head):
            handle.seek(0)
            return _read_lines(handle, path, on_error)
    if size > MAX_JSON_BYTES:
        raise SourceError(
            f"too large to read: {_megabytes(size)}, over the {_megabytes(MAX_JSON_BYTES)} "
            "a JSON document may have (JSON Lines are read line by line, whatever their size)"
        )
    raw, _notes = read_text(path, limit=MAX_JSON_BYTES)
    stripped = raw.lstrip("\ufeff \t\r\n")
    documents: list[Document] = []

    whole: Any = None
    if stripped.startswith("["):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise SourceError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    elif path.suffix.lower() == ".json" and stripped.startswith("{"):
        try:
            whole = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):
            whole = None  # perhaps JSON Lines saved as .json; read line by line below
    if whole is not None:
        for n, record in enumerate(_records(whole), 1):
            _add(record, f"{path}#{n}", documents, on_error)
        return documents

    for lineno, line in enumerate(raw.split("\n"), 1):
        _read_line(line, f"{path}:{lineno}", documents, on_error)
    return documents


def _line_by_line(path: Path, head: bytes) -> bool:
    """Whether a big file can be read a line at a time: JSON Lines in an 8-bit encoding (a
    UTF-16 file's newlines are two bytes, and a .json file may be one object over many lines)."""
    if (
        path.suffix.lower() == ".json"
        or b"\x00" in head
        or head.startswith((b"\xff\xfe", b"\xfe\xff"))
    ):
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _read_lines(handle: Any, path: Path, on_error: Callable[[str, str], None]) -> list[Document]:
    documents: list[Document] = []
    lineno = 0
    while line := handle.readline(MAX_LINE_BYTES + 1):
        lineno += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            on_error(f"{path}:{lineno}", f"line longer than {_megabytes(MAX_LINE_BYTES)}, skipped")
            while (chunk := handle.read(_SKIP_CHUNK)) and b"\n" not in chunk:
                pass
            if chunk:  # go back to just after the newline that ends the long line
                handle.seek(chunk.index(b"\n") + 1 - len(chunk), 1)
            continue
        text, _encoding = decode(line)
        _read_line(text, f"{path}:{lineno}", documents, on_error)
    return documents


def _add(
    record: Any, where: str, documents: list[Document], on_error: Callable[[str, str], None]
) -> None:
    if not isinstance(record, dict):
        on_error(where, "not a JSON object")
        return
    try:
        documents.append(document_from_record(record, where))
    except SourceError as exc:
        on_error(where, str(exc))


def _read_line(
    line: str, where: str, documents: list[Document], on_error: Callable[[str, str], None]
) -> None:
    if not line.strip():
        return
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        on_error(where, f"invalid JSON ({exc.msg})")
        return
    except RecursionError:
        on_error(where, "too deeply nested to read")
        return
    records = list(_records(value))
    if not records:
        on_error(where, "not a JSON object")
    for k, record in enumerate(records, 1):
        _add(record, where + (f"#{k}" if len(records) > 1 else ""), documents, on_error)
