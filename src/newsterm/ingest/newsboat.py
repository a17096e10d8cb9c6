"""A newsboat cache (cache.db): the articles a newsboat user has already fetched.

The cache belongs to newsboat, which may be running: it is opened read-only through SQLite's
`mode=ro` URI so that nothing newsterm does can change it or create a file beside it, and its
columns are looked up with `PRAGMA table_info`, because caches written by older newsboat (and
newsbeuter) versions lack some of them. Items the user deleted are skipped; the outlet is the
feed's title.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from newsterm.ingest.document import Document, NotAnArticle, SourceError
from newsterm.ingest.htmltext import html_to_text, looks_like_html
from newsterm.ingest.sanitize import sanitize_line

SUFFIXES = (".db", ".sqlite", ".sqlite3")
SQLITE_MAGIC = b"SQLite format 3\x00"


def sniff_sqlite(head: bytes) -> bool:
    return head.startswith(SQLITE_MAGIC)


def default_caches() -> list[Path]:
    """Where newsboat keeps its cache: the old dotfolder, then the XDG data folder."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return [Path.home() / ".newsboat" / "cache.db", Path(data_home) / "newsboat" / "cache.db"]


def find_cache(path: str | None) -> Path:
    """The cache named, or the first default one that exists; SourceError naming where it looked."""
    if path:
        return Path(path).expanduser()
    candidates = default_caches()
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SourceError("no newsboat cache found (looked in " + ", ".join(map(str, candidates)) + ")")


def _columns(db: sqlite3.Connection, table: str) -> dict[str, str]:
    """Lower-cased column names of a table mapped to their real spelling ({} if no table)."""
    return {row[1].lower(): row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _query(db: sqlite3.Connection) -> tuple[str, list[str]]:
    items = _columns(db, "rss_item")
    if not items:
        raise NotAnArticle("SQLite file, but not a newsboat cache (no rss_item table)")
    if "content" not in items and "title" not in items:
        raise SourceError("newsboat cache without item titles or content")
    feeds = _columns(db, "rss_feed")
    wanted = ["id", "guid", "title", "author", "url", "feedurl", "pubdate", "content"]
    wanted += ["content_mime_type"]
    fields = [f"i.{items[name]}" if name in items else "NULL" for name in wanted]
    if "id" not in items:
        fields[0] = "i.rowid"
    names = list(wanted)
    join = ""
    if "rssurl" in feeds and "feedurl" in items and "title" in feeds:
        fields.append(f"f.{feeds['title']}")
        names.append("feed_title")
        join = f" LEFT JOIN rss_feed f ON f.{feeds['rssurl']} = i.{items['feedurl']}"
    where = f" WHERE coalesce(i.{items['deleted']}, 0) = 0" if "deleted" in items else ""
    order = f" ORDER BY i.{items['id']}" if "id" in items else " ORDER BY i.rowid"
    return f"SELECT {', '.join(fields)} FROM rss_item i{join}{where}{order}", names


def _date(value: object) -> datetime | None:
    try:
        seconds = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    if seconds <= 0:
        return None
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else ""


def _wal_without_log(path: Path) -> bool:
    """A cache in write-ahead-log mode with no log beside it: SQLite would create its "-wal" and
    "-shm" files next to the cache even to read it, so it is opened as immutable instead (which
    creates and locks nothing). With no log, every item is in the file itself; while newsboat
    runs the log exists, and the cache is read through it the ordinary read-only way."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    # Bytes 18 and 19 of the header are the write and read versions: 2 means WAL.
    wal = header.startswith(SQLITE_MAGIC) and header[18:20] == b"\x02\x02"
    return wal and not Path(f"{path}-wal").exists()


def read_newsboat(path: Path, on_error: Callable[[str, str], None]) -> list[Document]:
    """Every item of a newsboat cache that the user has not deleted."""
    uri = path.resolve().as_uri() + ("?immutable=1" if _wal_without_log(path) else "?mode=ro")
    try:
        db = sqlite3.connect(uri, uri=True, timeout=1.0)
    except sqlite3.Error as exc:
        raise SourceError(f"cannot open SQLite file ({exc})") from None
    try:
        query, names = _query(db)
        db.text_factory = bytes  # an item with broken UTF-8 must not stop the others
        rows = db.execute(query).fetchall()
    except sqlite3.Error as exc:
        raise SourceError(f"cannot read newsboat cache ({exc})") from None
    finally:
        db.close()
    documents = []
    for row in rows:
        item = dict(zip(names, row, strict=True))
        where = f"{path}#{item['id']}"
        content = _text(item["content"])
        mime = _text(item["content_mime_type"]).lower()
        text = content if mime == "text/plain" or not looks_like_html(content) else None
        text = html_to_text(content) if text is None else text
        if not text.strip():
            on_error(where, "newsboat item has no text")
            continue
        url = sanitize_line(_text(item["url"]))
        documents.append(
            Document(
                text=text,
                title=sanitize_line(html_to_text(_text(item["title"]))),
                source=sanitize_line(_text(item.get("feed_title"))) or None,
                published=_date(item["pubdate"]),
                url=url or None,
                location=where,
                author=sanitize_line(_text(item["author"])) or None,
                guid=sanitize_line(_text(item["guid"])) or None,
            )
        )
    return documents
