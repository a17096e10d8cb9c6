"""Bytes to text: a file saved on Windows, in any language or in UTF-16, reads as the characters
meant, and nothing a terminal would act on survives decoding."""

from __future__ import annotations

import codecs
import json

import pytest

from newsterm.ingest.decode import decode, looks_binary
from newsterm.ingest.sources import read_sources

from .conftest import _errors
from .translations import HEADLINES, PARAGRAPHS, article


def test_cp1252_text_is_decoded(write) -> None:
    """Text saved on Windows (cp1252 curly quotes) reads as the characters meant."""
    path = write("win.txt", "Title\n\x93Quoted\x94 caf\xe9 prices rose.\n".encode("latin-1"))
    errors, sink = _errors()
    [doc] = read_sources([path], sink)
    assert not errors
    assert "“Quoted” café prices rose." in doc.text


# Undeclared legacy encodings: each sample is one of the translations, saved as a text file
# would be on a machine of that language. Before charset-normalizer, each became mojibake.
LEGACY = [
    ("ru", "cp1251"),
    ("ru", "koi8-r"),
    ("el", "cp1253"),
    ("el", "iso-8859-7"),
    ("zh", "gb18030"),
    ("zh-hant", "big5"),
    ("ja", "shift_jis"),
    ("ja", "euc-jp"),
    ("ko", "euc-kr"),
    ("cs", "cp1250"),
    ("pl", "cp1250"),
    ("pl", "iso-8859-2"),
]


@pytest.mark.parametrize(
    ("language", "encoding"), LEGACY, ids=[f"{lang}-{enc}" for lang, enc in LEGACY]
)
def test_undeclared_legacy_encodings_are_detected(language: str, encoding: str) -> None:
    """Cyrillic, Greek, Chinese, Japanese, Korean, Czech and Polish text that says nothing of
    its encoding reads as written."""
    text = article(language)
    decoded, used = decode(text.encode(encoding))
    assert decoded == text, used


@pytest.mark.parametrize(("language", "encoding"), [("ru", "koi8-r"), ("ja", "shift_jis")])
def test_a_detected_encoding_reaches_the_article(write, language: str, encoding: str) -> None:
    """Through the reader: the article's title and text are the translation, with a note of
    the encoding used."""
    path = write("story.txt", article(language).encode(encoding))
    errors, sink = _errors()
    [doc] = read_sources([path], sink)
    assert not errors
    assert doc.title == HEADLINES[language]
    assert doc.text.strip() == PARAGRAPHS[language]


@pytest.mark.parametrize("language", ["fr", "de", "pt", "sv", "nl", "en"])
def test_western_text_stays_cp1252(language: str) -> None:
    """A guard for the detector: Western European text saved on Windows still reads as cp1252.
    Taken at its word, the detector reads Portuguese as cp1250 ("Săo Paulo"), Swedish as HP
    Roman-8, Dutch as Mac Latin-2 and English with curly quotes as a DOS code page."""
    text = PARAGRAPHS[language]
    assert decode(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(
    "raw",
    [b"Caf\xe9 cr\xe8me", b"Tr\xe8s d\xe9j\xe0 vu", b"\x93Quoted\x94 caf\xe9", b"na\xefve"],
)
def test_short_western_text_stays_cp1252(raw: bytes) -> None:
    """A guard: a few words are as plausible in a dozen code pages; cp1252 is kept."""
    assert decode(raw) == (raw.decode("cp1252"), "cp1252")


def test_english_with_one_accent_is_not_read_as_chinese() -> None:
    """One "ç" and the letter after it make a valid GB18030 character; a page of English with
    one such pair is still English (two ECB+ articles saved as cp1252 read as Chinese)."""
    text = "The plan kept the historic fa\xe7ades of the square. " * 60
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_a_declared_encoding_still_comes_first() -> None:
    """A guard: what the bytes declare beats what the detector would guess."""
    text = f'<?xml version="1.0" encoding="koi8-r"?>\n{PARAGRAPHS["ru"]}'
    assert decode(text.encode("koi8-r")) == (text, "koi8-r")


WIDE = [
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", b""),
    ("utf-32-be", b""),
]


@pytest.mark.parametrize(
    ("encoding", "bom"), WIDE, ids=[f"{e}{'-bom' if b else ''}" for e, b in WIDE]
)
@pytest.mark.parametrize("language", ["en", "ru", "ja"])
def test_utf16_and_utf32_with_and_without_bom(
    write, encoding: str, bom: bytes, language: str
) -> None:
    """Windows tools save UTF-16, often without a byte-order mark; its NUL bytes, falling all
    at odd (LE) or all at even (BE) offsets, tell it from binary. Without a mark such a file
    was refused as binary; with one it was read already (those cases guard it)."""
    text = article(language)
    path = write("story.txt", bom + text.encode(encoding))
    errors, sink = _errors()
    [doc] = read_sources([path], sink)
    assert not errors
    assert doc.text.strip() == PARAGRAPHS[language]
    assert decode(bom + text.encode(encoding))[0] == text


def test_utf16_json_lines_without_bom_are_read(write) -> None:
    """A JSON Lines export in UTF-16LE without a mark: every record is read."""
    records = [{"title": f"Report {n}", "text": PARAGRAPHS["fr"]} for n in range(3)]
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\r\n" for record in records)
    path = write("export.jsonl", lines.encode("utf-16-le"))
    errors, sink = _errors()
    docs = read_sources([path], sink)
    assert not errors
    assert [doc.title for doc in docs] == ["Report 0", "Report 1", "Report 2"]
    assert docs[0].text == PARAGRAPHS["fr"]


def test_binary_with_nul_bytes_is_still_refused(write) -> None:
    """A guard: NUL bytes scattered at both parities are binary, not UTF-16."""
    noise = bytes((n * 37 + n // 7) % 256 for n in range(4096))
    path = write("blob.txt", b"header\x00\x00" + noise)
    errors, sink = _errors()
    assert read_sources([path], sink) == []
    assert errors == [(str(path), "binary file, not text")]
    assert looks_binary(b"header\x00\x00" + noise)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"before\x00after", "beforeafter"),
        (b"bell\x07 and\x0b tab\tstay\r\nline", "bell and tab\tstay\nline"),
        (b"red \x1b[31mtext\x1b[0m", "red text"),
        (b"title \x1b]0;pwned\nnext line", "title \nnext line"),
        ("c1 \x85 \x9b2J".encode(), "c1 \n "),
    ],
)
def test_decoded_text_holds_no_control_characters(raw: bytes, expected: str) -> None:
    """NULs, controls and escape sequences never leave decode(); an unterminated escape
    sequence ends with its line, so one stray byte cannot swallow a whole file."""
    assert decode(raw)[0] == expected


def test_a_json_record_with_a_raw_control_character_is_read(write) -> None:
    """A raw control character inside a JSON string made the whole line invalid JSON; it is
    now dropped and the record read."""
    line = '{"title": "Flood", "text": "The river\x01 rose. Bridges\x1b[2J closed."}\n'
    path = write("pile.jsonl", line.encode())
    errors, sink = _errors()
    [doc] = read_sources([path], sink)
    assert not errors
    assert doc.text == "The river rose. Bridges closed."


def test_lone_surrogates_from_json_escapes_never_reach_the_text(write) -> None:
    """JSON may escape half a surrogate pair ("\\ud800"); such a character cannot be written
    to a terminal or a UTF-8 file, so it becomes U+FFFD. A whole pair stays one character."""
    record = '{"title": "Odd \\udc80 title", "text": "Half \\ud83d pair; whole \\ud83d\\ude00."}\n'
    path = write("pile.jsonl", record.encode())
    errors, sink = _errors()
    [doc] = read_sources([path], sink)
    assert not errors
    assert doc.text == "Half \ufffd pair; whole 😀."
    assert doc.title == "Odd \ufffd title"
    doc.text.encode("utf-8")
