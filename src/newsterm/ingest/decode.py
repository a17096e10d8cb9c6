"""Bytes to text without ever crashing: UTF-8 first, then what the bytes declare, then cp1252.

Articles arrive saved by browsers, exported by feed readers and copied from Windows machines.
A file that is really binary (an image, a PDF, a zip) is refused with a reason instead of being
shown as mojibake.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from newsterm.ingest.document import SourceError

MAX_BYTES = 8 * 1024 * 1024  # beyond this a "news article" is not one; read the head and say so

_BINARY_SIGNATURES = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"MZ",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
    b"SQLite format 3\x00",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
)
_DECLARED = re.compile(
    rb"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)


def looks_binary(head: bytes) -> bool:
    """Known binary signatures, or NUL bytes in text that is not UTF-16/32."""
    if head.startswith(_BINARY_SIGNATURES):
        return True
    if head.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    ):
        return False
    sample = head[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return bool(sample) and control / len(sample) > 0.1


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used. Never raises on bad bytes: replacement is the last resort."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:2048])
    if declared:
        name = declared.group(1).decode("ascii", "ignore")
        try:
            codecs.lookup(name)
            return data.decode(name, errors="replace"), name
        except LookupError:
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def unknown_declared(data: bytes) -> str | None:
    """The encoding the bytes declare (XML prologue, <meta charset>), if Python has no codec
    of that name; None when nothing or a known encoding is declared."""
    declared = _DECLARED.search(data[:2048])
    if not declared:
        return None
    name = declared.group(1).decode("ascii", "ignore")
    try:
        codecs.lookup(name)
    except LookupError:
        return name
    return None


def read_bytes(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, bool]:
    """The file's bytes (at most `limit`) and whether it was cut short."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise SourceError("permission denied") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    if len(data) > limit:
        return data[:limit], True
    return data, False


def read_text(path: Path, limit: int = MAX_BYTES) -> tuple[str, list[str]]:
    """Decoded text of a text file plus notes about what was done to it."""
    data, truncated = read_bytes(path, limit)
    if not data.strip():
        raise SourceError("empty file")
    if looks_binary(data):
        raise SourceError("binary file, not text")
    text, encoding = decode(data)
    notes = []
    if truncated:
        notes.append(f"truncated to the first {limit // (1024 * 1024)} MB")
    if encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded as {encoding}")
    return text, notes
