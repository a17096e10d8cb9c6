"""JSON Lines and JSON arrays of article objects, with the field names other tools use."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsterm.facts.timestamps import parse_date
from newsterm.ingest.decode import read_text
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.sanitize import sanitize, sanitize_line

SUFFIXES = (".jsonl", ".ndjson", ".jsonlines", ".json")
# A JSON file is a collection, not one article: it may be a whole archive.
MAX_JSON_BYTES = 1024 * 1024 * 1024
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


def read_json(path: Path, on_error: Callable[[str, str], None]) -> list[Document]:
    """Read a .jsonl/.json file; bad lines or records are reported one by one, the rest is read."""
    raw, _notes = read_text(path, limit=MAX_JSON_BYTES)
    stripped = raw.lstrip("\ufeff \t\r\n")
    documents: list[Document] = []

    def add(record: Any, where: str) -> None:
        if not isinstance(record, dict):
            on_error(where, "not a JSON object")
            return
        try:
            documents.append(document_from_record(record, where))
        except SourceError as exc:
            on_error(where, str(exc))

    whole: Any = None
    if stripped.startswith("["):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise SourceError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    elif path.suffix.lower() == ".json" and stripped.startswith("{"):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None  # perhaps JSON Lines saved as .json; read line by line below
    if whole is not None:
        for n, record in enumerate(_records(whole), 1):
            add(record, f"{path}#{n}")
        return documents

    for lineno, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(f"{path}:{lineno}", f"invalid JSON ({exc.msg})")
            continue
        records = list(_records(value))
        if not records:
            on_error(f"{path}:{lineno}", "not a JSON object")
        for k, record in enumerate(records, 1):
            add(record, f"{path}:{lineno}" + (f"#{k}" if len(records) > 1 else ""))
    return documents
