"""JSON text as the export writes it: `json.dumps(data, ensure_ascii=False, indent=2)`'s layout,
byte for byte, in pieces, encoded in C.

The JSON export is the contract other tools read, byte-identical for the same input, so its
layout is the standard library's; only the encoding is orjson's (bench/golden_exports.py: all four
recorded piles identical). Floats are the one place the two differ (orjson writes 0.00001 where
the standard library writes 1e-05): the export's floats are scores rounded to four places, which
both write alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

# Pieces of about this many characters are written at a time (see json_pieces).
PIECE_CHARS = 1 << 20
# Items of a top-level list encoded in one call: one call per item (234,000 on all of Reuters)
# cost more in Python than the encoding did in C.
ITEMS_AT_ONCE = 512


def json_pieces(data: dict[str, Any]) -> Iterator[str]:
    """The JSON text of `data` in pieces of about PIECE_CHARS, to write as they come: the
    layout of `json.dumps(data, ensure_ascii=False, indent=2)`, byte for byte.

    An export of all of Reuters is some 60 MB of JSON: held whole as one string, then again as
    encoded bytes while written, it added a few hundred megabytes to the export's peak memory.
    So each top-level list is encoded a slice of items at a time, by orjson (in C): with an
    indent, the standard library's encoder is its pure-Python one, and rendering all of Reuters
    took 3.5-4 CPU s of an export from the cache that takes 5."""
    batch: list[str] = []
    size = 0
    for piece in _json_parts(data):
        batch.append(piece)
        size += len(piece)
        if size >= PIECE_CHARS:
            yield "".join(batch)
            batch, size = [], 0
    batch.append("\n")
    yield "".join(batch)


def _encoded(value: Any, depth: int) -> str:
    """`value` as json.dumps(indent=2) writes it `depth` levels in: every line after the first
    indented by the levels above it. JSON strings hold no raw newline, so each one is a line."""
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def _json_parts(data: dict[str, Any]) -> Iterator[str]:
    if not data:
        yield "{}"
        return
    yield "{"
    for number, (key, value) in enumerate(data.items()):
        yield ("," if number else "") + "\n  " + _encoded(key, 0) + ": "
        if isinstance(value, list) and value:
            yield "["
            for start in range(0, len(value), ITEMS_AT_ONCE):
                # A slice as a list one level in: "[\n    item,\n    item\n  ]", less its
                # brackets, is the slice's part of the whole list.
                text = _encoded(value[start : start + ITEMS_AT_ONCE], 1)
                yield ("," if start else "") + text[1:-4]
            yield "\n  ]"
        else:
            yield _encoded(value, 1)
    yield "\n}"
