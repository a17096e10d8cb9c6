"""Bytes to text without ever crashing, and without mojibake where the bytes allow it.

Articles arrive saved by browsers, exported by feed readers and copied from Windows machines, in
every language. The order: a byte-order mark; UTF-16/32 without one (recognised by where its NUL
bytes fall); UTF-8; what the bytes declare (XML prologue, <meta charset>); then charset-normalizer,
which tells Cyrillic from Greek from Shift JIS by how plausible each decoding reads; cp1252 last,
and whenever the detector is unsure, since most undeclared legacy files are Western. A file that
is really binary (an image, a PDF, a zip) is refused with a reason instead of being shown as
mojibake. The text handed on never holds a NUL, another control character or a lone surrogate.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import CharsetMatch, from_bytes

from newsterm.ingest.document import SourceError
from newsterm.ingest.opening import open_source
from newsterm.ingest.sanitize import strip_controls

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


# The encodings a detector may choose from, most used first (a tie between equally plausible
# readings goes to the earlier). These are the legacy encodings of the WHATWG Encoding Standard,
# the ones web pages and feeds are written in, without the ones all but extinct for news text,
# which are the detector's most frequent wrong answers: the Mac and DOS code pages (English in
# cp1252 read with its curly quotes as box-drawing characters of cp852 or cp775), and the Latin
# parts 3, 4, 10, 14 and 16 (Polish in ISO-8859-2 read as ISO-8859-10, "sprawiģ" for "sprawił":
# to a statistical test the two are equally plausible). Names as charset-normalizer gives them.
_CANDIDATES = (
    "cp1252",
    "cp1250",
    "cp1251",
    "iso8859_2",
    "koi8_r",
    "koi8_u",
    "iso8859_5",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "iso8859_9",
    "cp1257",
    "iso8859_13",
    "cp1255",
    "iso8859_8",
    "cp1256",
    "iso8859_6",
    "cp874",
    "cp1258",
    "gb18030",
    "big5",
    "cp932",
    "shift_jis",
    "euc_jp",
    "iso2022_jp",
    "euc_kr",
    "cp949",
    "iso8859_15",
    "latin_1",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
)
_NOT_WINDOWS = tuple(name for name in _CANDIDATES if not name.startswith("cp"))
_MULTIBYTE = frozenset(
    {"gb18030", "big5", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "euc_kr", "cp949"}
)
_MIN_MULTIBYTE_SHARE = 0.05
_ASCII = bytes(range(128))
# Below this much mess (charset-normalizer's chaos, 0 to 1) a decoding reads as text.
_MAX_CHAOS = 0.2
_TIE = 0.01
# The detector reads this much of a file: a few articles' worth tells the encoding as well as
# the whole, and it costs about a second per 8 MB.
_DETECT_BYTES = 256 * 1024
# cp1252 is kept when it reads with at most this much more mess than the detector's best.
_WESTERN_MARGIN = 0.05


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, from where the NUL bytes fall.

    In UTF-16LE every ASCII character (spaces, digits, line breaks, all of English) has a NUL
    high byte at an odd offset, and nothing puts one at an even offset; big-endian is the mirror
    image, and UTF-32 leaves two or three NULs in every four bytes. Binary data scatters its NULs
    over both. The guess is kept only if the bytes decode cleanly (random bytes soon make an
    unpaired surrogate) and read as text.
    """
    sample = head[: 4096 - 4096 % 4]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for name, zero in (
        ("utf-32-le", (2, 3)),
        ("utf-32-be", (0, 1)),
    ):
        quads = len(sample) // 4
        if quads and all(sample[k::4].count(0) >= 0.95 * quads for k in zero):
            return name if _reads_as_text(sample, name) else None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Japanese or Chinese in UTF-16 has NULs only where it has ASCII (line breaks, digits),
    # a few in a hundred characters; one stray NUL in ASCII text is not UTF-16.
    least = max(2, len(sample) // 200)
    if odd >= least and even <= odd * 0.02:
        name = "utf-16-le"
    elif even >= least and odd <= even * 0.02:
        name = "utf-16-be"
    else:
        return None
    return name if _reads_as_text(sample[: len(sample) - len(sample) % 2], name) else None


def _reads_as_text(sample: bytes, name: str) -> bool:
    """Bytes that decode without error (a cut-off last character aside) to few control
    characters: text, not binary that happens to have its NUL bytes in step."""
    try:
        text = codecs.getincrementaldecoder(name)(errors="strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    control = sum(1 for char in text if char < " " and char not in "\t\n\r")
    return bool(text) and control <= len(text) * 0.01


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
        return _wide_encoding(sample) is None
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return bool(sample) and control / len(sample) > 0.1


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used. Never raises on bad bytes: replacement is the last resort.

    The text holds no NUL, no control character but tab and newline, no terminal escape
    sequence and no lone surrogate, whatever the bytes were."""
    text, name = _decode(data)
    return strip_controls(text), name


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    # Before UTF-8, which would accept UTF-16's NUL bytes as characters.
    wide = _wide_encoding(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
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
    detected, guess = _detect(data)
    if detected:
        return data.decode(detected, errors="replace"), detected
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    if guess:  # not cp1252 at all: the detector's best reading, however unsure, beats U+FFFD
        return data.decode(guess, errors="replace"), guess
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def _detect(data: bytes) -> tuple[str | None, str | None]:
    """The legacy encoding charset-normalizer finds the bytes most plausibly written in, or None
    when it is unsure and cp1252 should be used; and its best guess all the same.

    Unsure means: nothing reads cleanly, or cp1252 reads about as cleanly as the best (short
    texts: "Café crème" is as plausible in a dozen code pages). The detector's language score
    cannot be the judge: it rates Portuguese read as cp1250 ("Săo Paulo") above cp1252, and it
    has no model of some languages at all (Big5 Chinese scores 0), while text really written in
    cp1250, Cyrillic, Greek or CJK encodings reads as a mess in cp1252. Among equally good
    readings the most used encoding wins (see _CANDIDATES).
    """
    if len(data) > _DETECT_BYTES:  # cut at a line break, never inside a multibyte character
        data = data[: data.rfind(b"\n", 0, _DETECT_BYTES) + 1 or _DETECT_BYTES]
    matches = _matches(data, _CANDIDATES)
    if not matches or matches[0].chaos > _MAX_CHAOS:
        # The detector skips an encoding "too similar" to one it found unsuited: Polish in
        # ISO-8859-2 is never tried once cp1250 has read its "ą" as "±". Without the Windows
        # code pages, the ISO ones get their turn.
        matches = _matches(data, _NOT_WINDOWS) or matches
    if not matches:
        return None, None
    best = matches[0]
    guess = str(best.encoding)
    if best.chaos > _MAX_CHAOS:
        return None, guess
    if any(
        "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + _WESTERN_MARGIN
        for match in matches
    ):
        return None, guess
    tied = [
        match
        for match in matches
        if match.chaos <= best.chaos + _TIE and match.coherence >= best.coherence - _TIE
    ]
    rank = {name: n for n, name in enumerate(_CANDIDATES)}
    chosen = min(tied, key=lambda match: rank.get(match.encoding, len(rank)))
    if chosen.encoding in _MULTIBYTE and _non_ascii_share(data) < _MIN_MULTIBYTE_SHARE:
        # English with one "ç" or curly quote: the byte and the letter after it make a valid
        # Chinese character, and one character reads without mess. Chinese, Japanese or Korean
        # text is mostly multibyte characters.
        return None, guess
    return str(chosen.encoding), guess


def _matches(data: bytes, candidates: tuple[str, ...]) -> list[CharsetMatch]:
    """charset-normalizer's readings of the bytes in the given encodings, best first."""
    try:
        return list(from_bytes(data, cp_isolation=list(candidates)))
    except Exception:  # a third-party detector must never stop a file from being read
        return []


def _non_ascii_share(data: bytes) -> float:
    return len(data.translate(None, _ASCII)) / len(data) if data else 0.0


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
    """The file's bytes (at most `limit`) and whether it was cut short; a FIFO, a device or a
    /proc file is refused without being read (see newsterm.ingest.opening)."""
    handle, _declared = open_source(path)
    with handle:
        try:
            data = handle.read(limit + 1)
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
