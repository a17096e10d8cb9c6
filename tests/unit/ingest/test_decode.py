"""Bytes to text: a file saved on Windows reads as the characters meant."""

from __future__ import annotations

from newsterm.ingest.sources import read_sources

from .conftest import _errors


def test_cp1252_text_is_decoded(write) -> None:
    """Text saved on Windows (cp1252 curly quotes) reads as the characters meant."""
    path = write("win.txt", "Title\n\x93Quoted\x94 caf\xe9 prices rose.\n".encode("latin-1"))
    errors, sink = _errors()
    [doc] = read_sources([path], sink)
    assert not errors
    assert "“Quoted” café prices rose." in doc.text
