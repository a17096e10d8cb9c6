"""Reading sources: files and folders in, `Document`s out, one clear error per bad source.

Each format has a reader; the dispatcher picks one by content first (the bytes at the head of
the file) and by suffix second, because saved files are often misnamed. A folder is walked
recursively in a stable order, hidden entries and symlink loops skipped, so the same folder
always yields the same articles in the same order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsterm.ingest.decode import looks_binary
from newsterm.ingest.document import Document, NotAnArticle, SourceError
from newsterm.ingest.feeds import SUFFIXES as FEED_SUFFIXES
from newsterm.ingest.feeds import read_feed, sniff_feed
from newsterm.ingest.fetch import FetchOptions, is_url
from newsterm.ingest.html import SUFFIXES as HTML_SUFFIXES
from newsterm.ingest.html import read_html, sniff_html
from newsterm.ingest.jsonlines import SUFFIXES as JSON_SUFFIXES
from newsterm.ingest.jsonlines import read_json
from newsterm.ingest.newsboat import SUFFIXES as NEWSBOAT_SUFFIXES
from newsterm.ingest.newsboat import read_newsboat, sniff_sqlite
from newsterm.ingest.opening import NOT_REGULAR, read_head
from newsterm.ingest.plaintext import SUFFIXES as TEXT_SUFFIXES
from newsterm.ingest.plaintext import read_plaintext
from newsterm.ingest.web import read_urls
from newsterm.support.pausing import Pause, step

__all__ = [
    "Document",
    "Reader",
    "SourceError",
    "displayable",
    "read_sources",
    "register",
    "source_files",
]

ErrorSink = Callable[[str, str], None]


@dataclass(frozen=True)
class Reader:
    """A format: how to recognise it and how to read it."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[Path, ErrorSink], list[Document]]


def _sniff_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


READERS: list[Reader] = [
    Reader("newsboat", NEWSBOAT_SUFFIXES, sniff_sqlite, read_newsboat),
    Reader("feed", FEED_SUFFIXES, sniff_feed, read_feed),
    Reader("html", HTML_SUFFIXES, sniff_html, read_html),
    Reader("json", JSON_SUFFIXES, _sniff_json, read_json),
    Reader("text", TEXT_SUFFIXES, lambda head: False, lambda path, _err: read_plaintext(path)),
]


def register(reader: Reader, *, first: bool = True) -> None:
    """Add a format reader; content sniffers registered first win."""
    if first:
        READERS.insert(0, reader)
    else:
        READERS.append(reader)


def _reader_for(path: Path, head: bytes, explicit: bool) -> Reader | None:
    """Content wins over suffix; an unknown suffix is read as text only if named explicitly or
    if it has no suffix at all and looks like text."""
    for reader in READERS:
        if reader.sniff(head):
            return reader
    suffix = path.suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    if (explicit or not suffix) and head and not looks_binary(head):
        return _text_reader()
    return None


def _text_reader() -> Reader:
    return next(reader for reader in READERS if reader.name == "text")


# Browsers save a page's images, scripts and frames in a folder beside it ("page_files",
# localised in some languages); those are the page's furniture, never articles of their own.
_ASSET_SUFFIXES = ("_files", "-dateien", "_fichiers", "_archivos", "-bestanden", "_arquivos")


def _is_page_assets(name: str, siblings: set[str]) -> bool:
    lower = name.lower()
    for suffix in _ASSET_SUFFIXES:
        if lower.endswith(suffix):
            stem = lower[: -len(suffix)]
            return any(f"{stem}{ext}" in siblings for ext in (".html", ".htm", ".xhtml"))
    return False


def _walk(folder: Path, on_error: ErrorSink) -> Iterator[Path]:
    """Files under a folder, sorted, skipping hidden entries and directory symlink loops."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> Iterator[Path]:
        try:
            stat = directory.stat()
        except OSError as exc:
            on_error(str(directory), exc.strerror or "cannot read folder")
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            return  # a symlink loop, or the same folder reached twice
        seen.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            on_error(str(directory), exc.strerror or "cannot read folder")
            return
        names = {entry.name.lower() for entry in entries}
        for entry in entries:
            if entry.name.startswith((".", "~")) or entry.name.endswith("~"):
                continue
            if _is_page_assets(entry.name, names):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    yield from visit(path)
                elif entry.is_file():
                    yield path
                elif entry.is_symlink():
                    # A link to a device (/dev/zero reads without end) or a FIFO is named as such.
                    gone = not os.path.exists(path)
                    on_error(str(path), "broken symbolic link" if gone else NOT_REGULAR)
            except OSError as exc:
                on_error(str(path), exc.strerror or "cannot read")

    yield from visit(folder)


def read_file(path: Path, on_error: ErrorSink, *, explicit: bool) -> list[Document]:
    """Documents of one file; errors go to `on_error`, never raise."""
    head = read_head(path)
    reader = _reader_for(path, head, explicit)
    if reader is None:
        if explicit:
            reason = "empty file" if not head else "not an article (binary or unknown format)"
            on_error(str(path), reason)
        return []
    try:
        return reader.read(path, on_error)
    except NotAnArticle as exc:
        if explicit:
            on_error(str(path), str(exc))
    except SourceError as exc:
        on_error(str(path), str(exc))
    except RecursionError:
        on_error(str(path), "too deeply nested to read")
    except MemoryError:
        # Under a memory limit this comes from a file of any size: "too large" would mislead.
        on_error(str(path), "not enough memory to read it")
    return []


# What a file name must not bring to a terminal or a report: C0 and C1 controls (an escape
# sequence retitles the terminal, a newline forges a second message line), DEL, and the
# invisible characters that reorder or hide text ("evil\u202etxt.exe").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED_ESCAPES.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def displayable(location: str) -> str:
    """A location fit to print and to write to a UTF-8 file.

    A file name that is not valid UTF-8 reaches Python with its bad bytes as lone surrogates
    (PEP 383), which no terminal or UTF-8 file will take: an export crashed on "caf\\xe9.txt".
    They are shown as escapes, as `ls -b` does, and so are control and invisible characters: a
    name holding an escape sequence or a newline reached stderr and the text and Markdown
    exports raw, and its stem stood in as the outlet's name.
    """
    try:
        location.encode("utf-8")
    except UnicodeEncodeError:
        try:
            location = os.fsencode(location).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that is not an undecodable byte
            location = location.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNPRINTABLE.sub(_escape, location)


def read_sources(
    paths: Iterable[str | os.PathLike[str]],
    on_error: ErrorSink,
    pause: Pause | None = None,
    *,
    fetch: FetchOptions | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Document]:
    """Every document under the given files, folders and web addresses, in a stable order.
    `pause` runs before each file (see newsterm.support.pausing): a folder of thousands of files
    takes minutes to read, and the app must be able to call it off when the reader quits.

    Sources of the form http(s)://... are fetched first, all at once (newsterm.ingest.fetch,
    with `fetch`'s options; `progress` gets ("fetching", done, total)); their documents take
    their places in the order given."""
    paths = list(paths)
    documents: list[Document] = []

    def report(where: str, why: str) -> None:
        on_error(displayable(where), why)

    urls = [str(raw) for raw in paths if is_url(raw)]
    fetched = iter(read_urls(urls, report, fetch, progress, pause) if urls else [])
    if urls and progress:
        progress("reading", 0, 0)
    for raw in paths:
        step(pause)
        if is_url(raw):
            documents.extend(next(fetched))  # located by their URLs, already fit to print
            continue
        path = Path(raw).expanduser()
        found: list[Document] = []
        if path.is_dir():
            files = 0
            for file in _walk(path, report):
                step(pause)
                files += 1
                found.extend(read_file(file, report, explicit=False))
            if not files:  # named: else a wrong folder shows only as articles missing
                report(str(path), "empty folder: no file to read")
        elif path.is_file():
            found.extend(read_file(path, report, explicit=True))
        elif path.exists():
            # A FIFO, socket or device: opening it could block forever or read without end.
            report(str(path), NOT_REGULAR)
        elif path.is_symlink():
            report(str(path), "broken symbolic link")
        else:
            report(str(path), "no such file or folder")
        for document in found:
            document.location = displayable(document.location)
        documents.extend(found)
    return documents


def source_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The files `read_sources` would open, in the same order, without reading them."""
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            yield from _walk(path, lambda _where, _why: None)
        elif path.is_file():
            yield path
