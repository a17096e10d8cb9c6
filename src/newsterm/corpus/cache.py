"""A built corpus kept on disk, so that a second start on the same sources is near-instant.

Reading, indexing and grouping the 19k Reuters articles takes about twenty seconds; loading the
same corpus back from the cache takes about one. The cache is only worth having if it is never
wrong, so its key covers everything that decides what `load()` builds:

- every file read, found the same way the readers find them (folders walked), with its size,
  modification and change times (the change time cannot be set back by hand, so an edit that
  keeps size and mtime still changes the key), and every given path that is missing;
- the engine itself: the version, and the size and mtime of every module and data file of the
  package, so that an edited checkout never serves what the old code built;
- the registered readers and whether the optional HTML extractor is installed.

And it must never hand the reader what someone else wrote. Two guards, each enough alone against
a planted file running code, and both kept:

- The files hold data only: typed MessagePack frames (newsterm.support.frames), decoded into the
  declared types of the model and the index's tables. Loading one cannot run code, whoever wrote
  it. (The cache used to be a pickle, which runs whatever its bytes name.)
- Only what we wrote is read, as ssh's StrictModes has it (newsterm.support.private_folder): a
  folder of ours that no one else may write, every folder on the way owned by us or root and
  writable by no one else unless sticky, checked on the descriptors actually used, and files of
  ours opened by descriptor inside it, no link followed. Elsewhere the cache is not used.

A file that is not exactly what we write (cut short, altered, foreign, a link) is deleted and
the corpus built again. Files are written under a temporary `.part` name, synced and renamed into
place, so a reader sees a whole file or none, and a write that fails costs only the next start.
Files of an older newsterm (`.corpus.pickle`, `.alignments.pickle`) are dropped unread.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import stat
import sys
import threading
import time
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta, timezone
from importlib import metadata
from pathlib import Path
from typing import IO, Any, TypeVar

import msgspec

from newsterm.corpus.index import Index
from newsterm.model import Article, Link, LoadError, Story, StoryAlignment
from newsterm.support import frames, private_folder
from newsterm.support.memory import collections_paused
from newsterm.support.pausing import Cancelled, Pause
from newsterm.support.private_folder import PART, drop, listing

CACHE_ENV = "NEWSTERM_CACHE_DIR"
MIN_ARTICLES = 100  # smaller piles build faster than a cache is worth keeping
KEEP = 4  # cache files kept; the least recently used go first
# 3: typed frames instead of a pickle; 4: no per-term postings lists; 5: shingles of term ids.
_FORMAT = 5
_SUFFIX = ".corpus.msgpack"
# Beside a corpus, the story alignments an export computed for it (all of them), so that a second
# export of the same sources skips the comparing too.
ALIGNMENTS = ".alignments.msgpack"
_STALE_PART = 3600  # seconds after which a .part is a cut-off write, not one under way
_OURS = (_SUFFIX, ALIGNMENTS, PART)  # what newsterm writes in the folder
# What an older newsterm wrote there (pickles): never read, swept away by _evict.
_OLD = (".corpus.pickle", ".alignments.pickle")

CorpusState = tuple[tuple[Article, ...], tuple[Story, ...], Index, tuple[LoadError, ...]]
T = TypeVar("T")


def cache_dir() -> Path:
    """$NEWSTERM_CACHE_DIR, else the platform's cache folder: ~/.cache/newsterm on Linux
    ($XDG_CACHE_HOME/newsterm when set), ~/Library/Caches/newsterm on macOS, the local
    AppData's on Windows (platformdirs)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only when the cache is used: a start without it need not pay

    return Path(platformdirs.user_cache_dir("newsterm", appauthor=False))


# --------------------------------------------------------------------------- the key
def _engine_stamp(digest: Any) -> None:
    package = Path(__file__).resolve().parents[1]  # newsterm/, not only this folder
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".gz") and "tui" not in path.parts:
            info = path.stat()
            digest.update(
                f"{path.relative_to(package)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
            )


def key_for(paths: Sequence[str | os.PathLike[str]]) -> str:
    """The cache key of a load of these sources: changes whenever the result could."""
    from newsterm.ingest.sources import READERS, source_files

    digest = hashlib.sha256()
    digest.update(f"{_FORMAT}\0{metadata.version('newsterm')}\0{sys.version}\n".encode())
    _engine_stamp(digest)
    for reader in READERS:
        digest.update(
            f"reader\0{reader.name}\0{reader.read.__module__}.{reader.read.__qualname__}\n".encode()
        )
    digest.update(f"trafilatura\0{importlib.util.find_spec('trafilatura') is not None}\n".encode())
    for given in paths:
        digest.update(f"source\0{os.path.abspath(os.path.expanduser(given))}\n".encode())
    for file in source_files(paths):
        # A SQLite database (a newsboat cache) may hold its newest rows in a write-ahead log
        # beside it, which the reader sees but the database file's times do not show.
        for part in (
            file,
            file.with_name(file.name + "-wal"),
            file.with_name(file.name + "-journal"),
        ):
            try:
                info = part.stat()
            except OSError:
                if part is file:
                    digest.update(f"unreadable\0{file}\n".encode())
                continue
            digest.update(
                f"file\0{part.resolve()}\0{info.st_size}\0{info.st_mtime_ns}"
                f"\0{info.st_ctime_ns}\0{info.st_ino}\n".encode()
            )
    return digest.hexdigest()


# ------------------------------------------------------------------------ the format
class _Header(msgspec.Struct, array_like=True, frozen=True):
    """The first frame: which file this is. Arrays travel as machine bytes, hence the last two."""

    format: int
    key: str
    part: str
    byteorder: str
    int_size: int


def _header(key: str, part: str) -> _Header:
    return _Header(_FORMAT, key, part, sys.byteorder, array("i").itemsize)


# Every table of an Index (its attributes) and the type it is read back as. The arrays travel as
# their bytes; term_ids is not stored but rebuilt from term_names, whose order numbers the terms.
# An index holding a table not listed here is not stored: it would come back without it.
_INDEX_TABLES: dict[str, Any] = {
    "size": int,
    "term_names": list[str],
    "article_df": list[int],
    "passage_ids": list[str],
    "passage_article": bytes,
    "passage_postings": list[bytes],
    "article_tf": list[dict[int, int]],
    "article_shingles": list[frozenset[int]],
    "article_names": list[frozenset[str]],
    "_idf": list[float],
    "vectors": list[dict[int, float]],
}
_REBUILT = {"term_ids", "_search"}  # _search: arrays rebuilt on first use


def _put_corpus(writer: frames.Writer, state: CorpusState) -> None:
    articles, stories, index, errors = state
    if isinstance(index, _StoredIndex):
        index.decode_all()
    skipped = _REBUILT | _StoredIndex.OWN
    tables = {name: value for name, value in vars(index).items() if name not in skipped}
    if set(tables) != set(_INDEX_TABLES):
        raise ValueError(f"index tables the cache does not know: {sorted(tables)}")
    writer.put_split(articles)
    writer.put(_zones(articles))
    writer.put_split(stories)
    writer.put(list(errors))
    tables["passage_article"] = tables["passage_article"].tobytes()
    tables["passage_postings"] = [posting.tobytes() for posting in tables["passage_postings"]]
    for name in _INDEX_TABLES:
        writer.put_split(tables[name])


def _take_corpus(reader: frames.Reader, name: str) -> CorpusState:
    """`name`: the file's, deleted if a table of the index proves undecodable later."""
    articles = reader.take_split(list[Article])
    for number, offset in reader.take(dict[int, int]).items():
        published = articles[number].published
        if published is None:
            raise frames.Damaged("a time zone for an undated article")
        zone = timezone(timedelta(microseconds=offset))
        articles[number] = replace(articles[number], published=published.astimezone(zone))
    stories = reader.take_split(tuple[Story, ...])
    errors = tuple(reader.take(list[LoadError]))
    tables = {name: reader.take_later(kind) for name, kind in _INDEX_TABLES.items()}
    return tuple(articles), stories, _StoredIndex(tables, name), errors


class _StoredIndex(Index):
    """An Index read from the cache, each of its tables decoded when first used.

    Its tables are most of the objects in the file (on all of Reuters, 0.8 CPU s of decoding,
    and the garbage collector's passes over all they build), and an export whose comparisons
    were stored too never looks at them. Their bytes were read and checked
    with the rest of the file (frames.Reader.take_later), so a damaged file is still refused
    whole when it is read. A table that, whole, is not of its declared type is in a file we
    could not have written: the file is deleted, so that the next start builds the corpus again,
    and Damaged raised, since this one has no index to give."""

    OWN = frozenset({"_later", "_decoding", "_file"})  # the loader's state, not tables

    def __init__(self, tables: dict[str, frames.Later[Any]], file: str) -> None:
        """`file`: the cache file's name, deleted if a table turns out undecodable ("" for a
        corpus read from elsewhere: see undump_corpus)."""
        # Not Index.__init__, which indexes articles: the tables come from the file.
        self._later = tables
        self._file = file
        # Reentrant: decoding term_ids reads term_names. The app reads the index from more
        # than one thread.
        self._decoding = threading.RLock()

    def __getattr__(self, name: str) -> Any:
        """A table not decoded yet (only called for attributes not set on the object)."""
        if name != "term_ids" and name not in _INDEX_TABLES:  # _later may be emptied meanwhile
            raise AttributeError(name)
        with self._decoding:
            if name not in self.__dict__:
                self._decode(name)
        return self.__dict__[name]

    def _decode(self, name: str) -> None:
        if name == "term_ids":  # not stored: the order of term_names numbers the terms
            self.term_ids = {term: number for number, term in enumerate(self.term_names)}
            return
        try:
            with collections_paused():  # as when the file was read: none of it is garbage
                value = self._later[name].value()
        except frames.Damaged as error:
            if self._file:  # "": handed over by a forked build, in no cache file
                with private_folder.private(cache_dir()) as folder:
                    if folder is not None:
                        drop(folder, self._file)
            raise frames.Damaged(f"the cached index's {name} is undecodable: {error}") from None
        if name == "passage_article":
            value = array("i", value)
        elif name == "passage_postings":
            value = [array("i", posting) for posting in value]
        self.__dict__[name] = value
        del self._later[name]  # its bytes are not needed again

    def decode_all(self) -> None:
        """Every table, now (before the index is written out again)."""
        for name in [*self._later, "term_ids"]:
            getattr(self, name)


def _zones(articles: Sequence[Article]) -> dict[int, int]:
    """Articles dated in a zone other than UTC: their place and UTC offset in microseconds.
    MessagePack keeps the instant of an aware datetime but not its zone, and a report shows the
    local time as published."""
    found = {}
    for number, article in enumerate(articles):
        offset = article.published.utcoffset() if article.published is not None else None
        if offset:
            found[number] = offset // timedelta(microseconds=1)
    return found


class _Alignment(msgspec.Struct, array_like=True, frozen=True):
    """A StoryAlignment as stored: its links once, and each passage's links (strongest first)
    as places in that tuple, so that they come back the same objects."""

    story_id: str
    links: tuple[Link, ...]
    unique: tuple[str, ...]
    by_passage: dict[str, list[int]]


def _stored_alignment(alignment: StoryAlignment) -> _Alignment:
    place = {id(link): number for number, link in enumerate(alignment.links)}
    by_passage = {
        passage: [place[id(link)] for link in alignment.links_of(passage)]
        for passage in alignment._by_passage
    }
    return _Alignment(alignment.story_id, alignment.links, alignment.unique, by_passage)


def _put_alignments(writer: frames.Writer, alignments: Mapping[str, StoryAlignment]) -> None:
    writer.put_split([_stored_alignment(alignment) for alignment in alignments.values()])


def _take_alignments(reader: frames.Reader) -> dict[str, StoryAlignment]:
    found = {}
    for stored in reader.take_split(list[_Alignment]):
        links = stored.links
        by_passage = {
            passage: tuple(links[place] for place in places)
            for passage, places in stored.by_passage.items()
        }
        found[stored.story_id] = StoryAlignment(stored.story_id, links, stored.unique, by_passage)
    return found


# ------------------------------------------------------------------- reading, writing
def read_corpus(key: str) -> CorpusState | None:
    """The articles, stories, index and load errors `write_corpus` stored under this key, or None
    (missing, untrusted, damaged or foreign: then deleted)."""
    return _read(key, _SUFFIX, lambda reader: _take_corpus(reader, f"{key}{_SUFFIX}"))


def has_corpus(key: str) -> bool:
    """Whether a corpus is stored under this key (not whether it will prove readable): a start
    that will read it need not build it elsewhere too (see corpus.forked_build)."""
    with private_folder.private(cache_dir()) as folder:
        if folder is None:
            return False
        try:
            os.stat(f"{key}{_SUFFIX}", dir_fd=folder, follow_symlinks=False)
        except OSError:
            return False
    return True


def dump_corpus(out: IO[bytes], state: CorpusState) -> None:
    """A built corpus written to a file of the caller's in the cache's own format, frames of
    data only: how a forked build hands its corpus back (see corpus.forked_build)."""
    _put_corpus(frames.Writer(out), state)


def undump_corpus(handle: IO[bytes]) -> CorpusState:
    """The corpus `dump_corpus` wrote, from the file's start; one of UNREADABLE if it is not
    whole."""
    handle.seek(0)
    with collections_paused():
        reader = frames.Reader(handle, os.fstat(handle.fileno()).st_size)
        state = _take_corpus(reader, "")  # in no cache file: nothing to drop
        reader.end()
    return state


def read_alignments(key: str) -> dict[str, StoryAlignment] | None:
    """The story alignments `write_alignments` stored beside the corpus of this key, or None."""
    return _read(key, ALIGNMENTS, _take_alignments)


def write_corpus(key: str, state: CorpusState, pause: Pause | None = None) -> bool:
    """Store a built corpus (articles, stories, index, load errors) under `key`; True if it was
    written. A failure to write costs only the next start. `pause` runs between the pieces of
    the file (see newsterm.support.frames) and may call the write off: then nothing is left."""
    return _write(key, _SUFFIX, lambda writer: _put_corpus(writer, state), pause)


def write_alignments(key: str, alignments: Mapping[str, StoryAlignment]) -> bool:
    """Store the story alignments of the corpus of `key` beside it; True if written."""
    return _write(key, ALIGNMENTS, lambda writer: _put_alignments(writer, alignments), None)


# A file that cannot be what we wrote, whatever the reason: deleted, and the corpus built again.
UNREADABLE = (frames.Damaged, ValueError, LookupError, TypeError, AttributeError, OverflowError)
# A write that failed: it costs only the next start.
_UNWRITABLE = (OSError, Cancelled, msgspec.MsgspecError, ValueError, TypeError, OverflowError)


def _read(key: str, part: str, take: Callable[[frames.Reader], T]) -> T | None:
    with private_folder.private(cache_dir()) as folder:
        if folder is None:
            return None
        name = f"{key}{part}"
        try:
            handle = private_folder.open_ours(folder, name)
        except private_folder.Foreign:
            drop(folder, name)
            return None
        if handle is None:
            return None
        # Millions of objects arrive at once and none is garbage: collections on the way would
        # only scan them again and again.
        try:
            with handle, collections_paused():
                reader = frames.Reader(handle, os.fstat(handle.fileno()).st_size)
                if reader.take(_Header) != _header(key, part):
                    raise frames.Damaged("written for another key or format")
                value = take(reader)
                reader.end()
                with contextlib.suppress(OSError):
                    os.utime(handle.fileno())  # most recently used
        except UNREADABLE:
            drop(folder, name)
            return None
        except OSError:
            return None
    return value


def _write(key: str, part: str, put: Callable[[frames.Writer], None], pause: Pause | None) -> bool:
    with private_folder.private(cache_dir(), create=True) as folder:
        if folder is None:
            return False
        try:
            with private_folder.replacing(folder, f"{key}{part}") as out:
                writer = frames.Writer(out, pause)
                writer.put(_header(key, part))
                put(writer)
        except _UNWRITABLE:
            return False
        _evict(folder)
    return True


def _evict(folder: int) -> None:
    """Keep the KEEP most recently used corpora and their comparisons; drop writes cut off over
    an hour ago, comparisons whose corpus is gone, and files of ours that are not frames at all
    (pickles of an older newsterm)."""
    corpora: list[tuple[int, str]] = []
    names = set()
    for name, info in listing(folder, (*_OURS, *_OLD)):
        if name.endswith(_OLD):
            drop(folder, name)
        elif name.endswith(PART):
            if info.st_mtime < time.time() - _STALE_PART:
                drop(folder, name)
        elif not _framed(folder, name):
            drop(folder, name)
        else:
            names.add(name)
            if name.endswith(_SUFFIX):
                corpora.append((info.st_mtime_ns, name))
    for _, name in sorted(corpora, reverse=True)[KEEP:]:
        drop(folder, name)
        names.discard(name)
    for name in names:
        if name.endswith(ALIGNMENTS) and name.replace(ALIGNMENTS, _SUFFIX) not in names:
            drop(folder, name)


def _framed(folder: int, name: str) -> bool:
    """Whether a file opens as frames do (its format is checked when it is read)."""
    try:
        handle = private_folder.open_ours(folder, name)
    except OSError:
        return False
    if handle is None:
        return False
    with handle:
        return handle.read(len(frames.MAGIC)) == frames.MAGIC


# ------------------------------------------------------------------------ the command
@dataclass(frozen=True)
class Usage:
    """What the cache folder holds, for `newsterm cache`."""

    folder: Path
    corpora: int  # cached corpora (each may have its comparisons beside it)
    size: int  # bytes of every file newsterm wrote there
    trusted: bool  # False: others could have written there (see private_folder): never read


def usage() -> Usage:
    folder = cache_dir()
    with private_folder.as_named(folder) as fd:
        if fd is None:
            return Usage(folder, 0, 0, True)
        files = [(name, info) for name, info in listing(fd, _OURS) if stat.S_ISREG(info.st_mode)]
    with private_folder.private(folder) as trusted:
        ok = trusted is not None
    corpora = sum(1 for name, _ in files if name.endswith(_SUFFIX))
    return Usage(folder, corpora, sum(info.st_size for _, info in files), ok)


def clear() -> int:
    """Delete every cached corpus, its comparisons and any cut-off write; returns how many
    corpora there were. Other files in the folder are left alone."""
    removed = 0
    with private_folder.as_named(cache_dir()) as fd:
        if fd is None:
            return 0
        for name, info in listing(fd, _OURS):
            if stat.S_ISDIR(info.st_mode):
                continue
            try:
                os.unlink(name, dir_fd=fd)
            except OSError:  # not ours to delete (a shared folder): left, and not counted
                continue
            removed += name.endswith(_SUFFIX)
    return removed
