"""A newsboat cache.db that is corrupt, locked by another process, large, or in write-ahead-log
mode: one line for what cannot be read, and never a file created, changed or locked beside it.

The cache is newsboat's, and newsboat may be running: whatever newsterm does must leave the
folder as it found it (no "-journal", "-wal" or "-shm" of newsterm's making)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsterm.ingest.document import Document
from newsterm.ingest.sources import read_sources

from ..unit.ingest.test_newsboat import FEEDS, make_cache

WAIT = 60.0


def _read(path: Path) -> tuple[list[Document], list[tuple[str, str]]]:
    errors: list[tuple[str, str]] = []
    documents = read_sources([path], lambda where, why: errors.append((where, why)))
    return documents, errors


def _untouched(path: Path) -> tuple[list[str], bytes, int]:
    return sorted(os.listdir(path.parent)), path.read_bytes(), path.stat().st_mtime_ns


def test_a_corrupt_cache_is_one_line_and_creates_nothing(tmp_path: Path) -> None:
    """A real cache with its pages overwritten past the header: one line naming it."""
    path = make_cache(tmp_path / "cache.db")
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)
    path.write_bytes(bytes(data))
    before = _untouched(path)
    documents, errors = _read(path)
    assert documents == []
    [(where, why)] = errors
    assert where == str(path) and why.startswith("cannot") and "\n" not in why
    assert _untouched(path) == before


def test_a_cache_locked_by_another_process_is_one_line_within_seconds(tmp_path: Path) -> None:
    """newsboat mid-update holds an exclusive lock (its journal beside the cache): newsterm
    waits a second at most, says so in one line, and adds no file of its own."""
    path = make_cache(tmp_path / "cache.db")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN EXCLUSIVE')\n"
            "db.execute('UPDATE rss_item SET unread = 0')\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        listing = sorted(os.listdir(tmp_path))
        documents, errors = _read(path)
        assert sorted(os.listdir(tmp_path)) == listing
    finally:
        holder.kill()
        holder.wait(timeout=WAIT)
    assert documents == []
    assert errors == [(str(path), "cannot read newsboat cache (database is locked)")]


def test_a_cache_in_wal_mode_is_read_without_creating_its_log(tmp_path: Path) -> None:
    """Before: reading a cache in write-ahead-log mode with no log beside it made SQLite create
    "cache.db-wal" and "cache.db-shm" next to it, in newsboat's folder."""
    path = make_cache(tmp_path / "cache.db")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    db.close()
    assert sorted(os.listdir(tmp_path)) == ["cache.db"]
    before = _untouched(path)
    documents, errors = _read(path)
    assert len(documents) == 2 and not errors
    assert _untouched(path) == before


def test_a_large_cache_is_read_whole_and_left_as_it_was(tmp_path: Path) -> None:
    """20,000 items (about 11 MB): every live one is read, in a child process with a time
    limit, and the folder is as it was."""
    path = make_cache(tmp_path / "cache.db")
    db = sqlite3.connect(path)
    db.executemany(
        "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread,"
        " deleted) VALUES (?, ?, 'Desk', ?, ?, ?, ?, 1, 0)",
        (
            (
                f"bulk-{n}",
                f"Ferry {n} runs aground",
                f"https://gazette.example/{n}",
                FEEDS[n % 2][0],
                1723620600 + n,
                f"<p>The ferry number {n} ran aground near the harbour on Tuesday night.</p>" * 3,
            )
            for n in range(20_000)
        ),
    )
    db.commit()
    db.close()
    before = _untouched(path)
    script = (
        "import sys\n"
        "from newsterm.ingest.sources import read_sources\n"
        "errors = []\n"
        "docs = read_sources([sys.argv[1]], lambda w, r: errors.append(r))\n"
        "print(len(docs), len(errors))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=True,
    )
    assert done.stdout.split() == ["20002", "0"]
    assert _untouched(path) == before
