"""A newsboat cache: items with their feed's title, deleted ones skipped, the file never touched."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm.cli import main
from newsterm.ingest.sources import read_sources

# The schema newsboat 2.x creates (cache.cpp); older caches lack the later columns.
SCHEMA = """
CREATE TABLE rss_feed (
  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,
  url VARCHAR(1024) NOT NULL,
  title VARCHAR(1024) NOT NULL,
  lastmodified INTEGER(11) NOT NULL DEFAULT 0,
  is_rtl INTEGER(1) NOT NULL DEFAULT 0,
  etag VARCHAR(128) NOT NULL DEFAULT ""
);
CREATE TABLE rss_item (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  guid VARCHAR(64) NOT NULL,
  title VARCHAR(1024) NOT NULL,
  author VARCHAR(1024) NOT NULL,
  url VARCHAR(1024) NOT NULL,
  feedurl VARCHAR(1024) NOT NULL,
  pubDate INTEGER NOT NULL,
  content VARCHAR(65535) NOT NULL,
  unread INTEGER(1) NOT NULL,
  enclosure_url VARCHAR(1024),
  enclosure_type VARCHAR(1024),
  enqueued INTEGER(1) NOT NULL DEFAULT 0,
  flags VARCHAR(52),
  deleted INTEGER(1) NOT NULL DEFAULT 0,
  base VARCHAR(128) NOT NULL DEFAULT "",
  content_mime_type VARCHAR(255) NOT NULL DEFAULT "",
  enclosure_description VARCHAR(1024) NOT NULL DEFAULT "",
  enclosure_description_mime_type VARCHAR(128) NOT NULL DEFAULT ""
);
CREATE TABLE google_replay (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  guid VARCHAR(64) NOT NULL,
  state INTEGER NOT NULL,
  ts INTEGER NOT NULL
);
CREATE TABLE metadata (
  db_schema_version_major INTEGER NOT NULL,
  db_schema_version_minor INTEGER NOT NULL
);
CREATE INDEX idx_rssurl ON rss_feed(rssurl);
CREATE INDEX idx_guid ON rss_item(guid);
CREATE INDEX idx_feedurl ON rss_item(feedurl);
CREATE INDEX idx_deleted ON rss_item(deleted);
INSERT INTO metadata VALUES (2, 36);
"""
# A newsbeuter-era cache: no deleted, base or content_mime_type columns.
OLD_SCHEMA = """
CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL,
  title VARCHAR(1024) NOT NULL);
CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid VARCHAR(64) NOT NULL,
  title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,
  feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL,
  unread INTEGER(1) NOT NULL);
"""

FEEDS = [
    ("https://gazette.example/rss", "https://gazette.example/", "Harbour Gazette"),
    ("https://courier.example/atom", "https://courier.example/", "Valley Courier"),
]
# (guid, title, url, feedurl, pubDate, content, deleted)
ITEMS = [
    (
        "g-1",
        "Ferry runs aground",
        "https://gazette.example/ferry",
        FEEDS[0][0],
        1723620600,
        "<p>The ferry Nordlys ran aground on Tuesday night.</p><p>All 214 passengers safe.</p>",
        0,
    ),
    (
        "c-9",
        "Passengers recall night on the rocks",
        "https://courier.example/ferry-night",
        FEEDS[1][0],
        1723633200,
        "<div>Passengers of the Nordlys spent hours on deck.<br>Nobody was hurt.</div>",
        0,
    ),
    (
        "g-2",
        "Deleted item",
        "https://gazette.example/old",
        FEEDS[0][0],
        1723500000,
        "<p>This item was deleted by the user and must not be read.</p>",
        1,
    ),
]


def make_cache(path: Path, *, old: bool = False) -> Path:
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA if old else SCHEMA)
    if old:
        db.executemany("INSERT INTO rss_feed VALUES (?, ?, ?)", FEEDS)
        db.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread) "
            "VALUES (?, ?, '', ?, ?, ?, ?, 1)",
            [item[:6] for item in ITEMS if not item[6]],
        )
    else:
        db.executemany("INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)", FEEDS)
        db.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread,"
            " deleted) VALUES (?, ?, 'Desk', ?, ?, ?, ?, 1, ?)",
            ITEMS,
        )
    db.commit()
    db.close()
    return path


def _read(path: Path):
    errors: list[tuple[str, str]] = []
    documents = read_sources([path], lambda where, why: errors.append((where, why)))
    return documents, errors


def test_items_read_with_feed_title_as_outlet(tmp_path: Path) -> None:
    """Each live item becomes an article: title, URL, date, guid, outlet = its feed's title."""
    documents, errors = _read(make_cache(tmp_path / "cache.db"))
    assert not errors
    assert [(d.title, d.source) for d in documents] == [
        ("Ferry runs aground", "Harbour Gazette"),
        ("Passengers recall night on the rocks", "Valley Courier"),
    ]
    first = documents[0]
    assert first.url == "https://gazette.example/ferry"
    assert first.guid == "g-1"
    assert first.published == datetime(2024, 8, 14, 7, 30, tzinfo=UTC)
    assert first.location == f"{tmp_path / 'cache.db'}#1"


def test_item_html_becomes_text(tmp_path: Path) -> None:
    """The cached HTML is turned into paragraphs of plain text."""
    documents, _ = _read(make_cache(tmp_path / "cache.db"))
    assert documents[1].text == "Passengers of the Nordlys spent hours on deck.\nNobody was hurt."


def test_deleted_items_skipped(tmp_path: Path) -> None:
    """Items the user deleted in newsboat are not read."""
    documents, _ = _read(make_cache(tmp_path / "cache.db"))
    assert "Deleted item" not in [d.title for d in documents]


def test_old_cache_without_newer_columns(tmp_path: Path) -> None:
    """A cache from before the deleted/mime-type columns is still read."""
    documents, errors = _read(make_cache(tmp_path / "cache.db", old=True))
    assert not errors
    assert [d.source for d in documents] == ["Harbour Gazette", "Valley Courier"]


def test_cache_never_written(tmp_path: Path) -> None:
    """Reading leaves the cache byte for byte as it was, with its modification time, and
    creates no journal beside it."""
    path = make_cache(tmp_path / "cache.db")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    _read(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_read_only_file_is_readable(tmp_path: Path) -> None:
    """A cache the user cannot write (mode 0444) is read all the same."""
    path = make_cache(tmp_path / "cache.db")
    path.chmod(0o444)
    documents, errors = _read(path)
    assert len(documents) == 2 and not errors


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"SQLite format 3\x00" + b"\xff" * 200, "cannot"),
        (b"this is not a database at all, just text" * 3, "cannot"),
    ],
    ids=["corrupt", "not-sqlite"],
)
def test_corrupt_cache_is_one_error(tmp_path: Path, content: bytes, reason: str) -> None:
    """A corrupt cache gives one line naming it and the reason, never a traceback."""
    path = tmp_path / "cache.db"
    path.write_bytes(content)
    documents, errors = _read(path)
    assert documents == []
    assert len(errors) == 1
    assert errors[0][0] == str(path) and reason in errors[0][1]


def test_locked_cache_is_one_error(tmp_path: Path) -> None:
    """A cache locked by a writer (newsboat mid-update) is reported, not waited on forever."""
    path = make_cache(tmp_path / "cache.db")
    writer = sqlite3.connect(path)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        documents, errors = _read(path)
    finally:
        writer.rollback()
        writer.close()
    assert documents == []
    assert len(errors) == 1 and "locked" in errors[0][1]


def test_other_sqlite_file_in_a_folder_is_skipped_quietly(tmp_path: Path) -> None:
    """An SQLite file that is not a newsboat cache is not an article: no error inside a folder,
    one line when it is named."""
    other = tmp_path / "pile" / "app.sqlite"
    other.parent.mkdir()
    sqlite3.connect(other).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    assert _read(other.parent) == ([], [])
    _, errors = _read(other)
    assert len(errors) == 1 and "not a newsboat cache" in errors[0][1]


def test_cli_newsboat_option_reads_the_default_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsterm export --newsboat` finds ~/.local/share/newsboat/cache.db when no path is given."""
    home = tmp_path / "home"
    (home / ".local" / "share" / "newsboat").mkdir(parents=True)
    make_cache(home / ".local" / "share" / "newsboat" / "cache.db")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert main(["export", "-q", "-f", "json", "--newsboat"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert sorted(a["title"] for a in exported["articles"]) == [
        "Ferry runs aground",
        "Passengers recall night on the rocks",
    ]


def test_cli_newsboat_explicit_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--newsboat PATH` reads that cache."""
    path = make_cache(tmp_path / "elsewhere.db")
    assert main(["export", "-q", "-f", "json", "--newsboat", str(path)]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 2


def test_cli_newsboat_missing_cache_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No cache where newsboat keeps it: one line saying where newsterm looked, status 1."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert main(["export", "-q", "--newsboat"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no newsboat cache found" in err[0] and ".newsboat" in err[0]
