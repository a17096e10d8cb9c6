"""Property tests of ingest: any bytes decode to safe text, and any text goes through the JSON
Lines and plain-text readers, cleaning and passage building without an exception, the same way
every time."""

from __future__ import annotations

import codecs
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsterm.corpus.articles import build_article
from newsterm.ingest.clean import clean_body, table_lines
from newsterm.ingest.decode import decode, looks_binary
from newsterm.ingest.document import Document
from newsterm.ingest.plaintext import parse_plaintext
from newsterm.ingest.sources import read_sources

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of wire copy and web pages, the shapes the table and furniture rules look at, mixed
# with anything at all.
_pieces = st.sampled_from(
    [
        "Shr 21 cts vs 18 cts",
        "Net 1,234,000 vs 987,000",
        "Revs 65.9 mln",
        "Year",
        "Nine mths",
        "Pay March 13",
        "MAY 2515 15541 off 885",
        "us/uk 1.6180 - 1.6190",
        "284 1/2",
        "REUTER",
        "Published: July 29, 2004",
        "Also read",
        "(Image: Getty)",
        "© 2024 The Times",
        "(C) - Sales",
        "Sign up to our newsletter. See our privacy notice.",
        "the company said.",
        "\n",
        "\n    ",
        "\n\n",
        " ",
        ".",
        "\x00",
        "\x1b[31m",
        "\x1b]0;t",
        "\ud800",
        "\x85",
        "\r",
        "\u2028",
        "“",
    ]
)
text = st.one_of(
    st.lists(st.one_of(_pieces, st.text(max_size=10)), max_size=40).map("".join),
    st.text(max_size=300),
)
# Bytes as files arrive: raw noise, text in the encodings newsterm meets, UTF-16/32 with and
# without a byte-order mark, with NULs and controls scattered in.
_ENCODINGS = [
    "utf-8",
    "cp1252",
    "cp1251",
    "koi8-r",
    "gb18030",
    "shift_jis",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
]
_BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
encoded = st.builds(
    lambda t, enc: t.encode(enc, errors="ignore"), text, st.sampled_from(_ENCODINGS)
)
data = st.one_of(
    st.binary(max_size=600),
    encoded,
    st.builds(
        lambda bom, body: bom + body, st.sampled_from(_BOMS), st.one_of(encoded, st.binary())
    ),
    st.builds(lambda a, b: a + b"\x00" + b, encoded, encoded),
)


def _is_safe(decoded: str) -> bool:
    """No NUL, no control character but tab and newline (C0, DEL, C1), no lone surrogate."""
    return not any(
        (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or 0xD800 <= ord(ch) < 0xE000
        for ch in decoded
    )


@FAST
@given(data)
def test_any_bytes_decode_to_safe_text(raw: bytes) -> None:
    decoded, encoding = decode(raw)
    assert _is_safe(decoded)
    assert encoding
    decoded.encode("utf-8")  # writable anywhere
    assert decode(raw) == (decoded, encoding)
    looks_binary(raw)


@FILES
@given(data)
def test_any_file_reads_or_is_refused_with_a_reason(raw: bytes) -> None:
    """Through the readers: an article of safe text, or one line saying why not."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(raw)
        errors: list[tuple[str, str]] = []
        documents = read_sources([path], lambda where, why: errors.append((where, why)))
        again = read_sources([path], lambda where, why: None)
    assert documents == again
    assert len(documents) + len(errors) >= 1
    for document in documents:
        assert _is_safe(document.text.replace("\n", " "))
        assert _is_safe(document.title)


@FILES
@given(st.lists(st.one_of(text, st.dictionaries(st.sampled_from(["text", "title"]), text))))
@example(["not JSON", {"title": "Flood \udc80", "text": "The river rose \ud800 two metres."}])
def test_any_json_lines_read_without_an_exception(values: list[object]) -> None:
    """Lines of arbitrary JSON (strings with lone surrogates and controls escaped or not) and
    arbitrary non-JSON text: each record read or reported, its fields safe."""
    lines = [
        json.dumps(v, ensure_ascii=bool(n % 2)) if isinstance(v, dict) else str(v)
        for n, v in enumerate(values)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pile.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogatepass"))
        documents = read_sources([path], lambda where, why: None)
        assert documents == read_sources([path], lambda where, why: None)
    for document in documents:
        assert _is_safe(document.text.replace("\n", " "))
        assert _is_safe(document.title)


@FAST
@given(text, st.booleans())
def test_plain_text_parsing_is_total_and_deterministic(raw: str, markdown: bool) -> None:
    document = parse_plaintext(raw, markdown=markdown)
    assert document == parse_plaintext(raw, markdown=markdown)


@FAST
@given(text)
def test_cleaning_and_tables_are_total_and_deterministic(raw: str) -> None:
    """clean_body is deterministic; table lines are whole lines of the cleaned text, in order."""
    body, dropped = clean_body(raw)
    assert clean_body(raw) == (body, dropped)
    previous_end = 0
    for start, end in table_lines(body):
        assert previous_end <= start < end <= len(body)
        assert body[start:end] == body[start:end].strip()
        assert start == 0 or body[start - 1] == "\n"
        assert end == len(body) or body[end] == "\n"
        previous_end = end


@FAST
@given(text, st.sampled_from(["", "Harland results", "ZZ ZD"]))
def test_passages_are_ordered_disjoint_and_point_into_the_text(raw: str, title: str) -> None:
    article = build_article(Document(text=raw, title=title), "a")
    assert build_article(Document(text=raw, title=title), "a") == article
    previous_end = 0
    for passage in article.passages:
        if passage.in_title:
            assert article.title[passage.start : passage.end] == passage.text
            continue
        assert previous_end <= passage.start < passage.end <= len(article.text)
        assert article.text[passage.start : passage.end] == passage.text
        previous_end = passage.end
    assert [p.index for p in article.passages] == list(range(len(article.passages)))
