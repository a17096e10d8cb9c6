"""Untrusted text loses what could act on a terminal and keeps what a reader needs."""

from __future__ import annotations

import pytest

from newsterm.ingest.sanitize import sanitize, sanitize_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain text", "plain text"),
        ("red \x1b[31malert\x1b[0m here", "red alert here"),
        ("title \x1b]0;pwned\x07 end", "title  end"),
        ("clip \x1b]52;c;ZXZpbA==\x1b\\ end", "clip  end"),
        ("dcs \x1bPq#0;2;0;0;0\x1b\\ end", "dcs  end"),
        ("c1 csi \x9b2J end", "c1 csi  end"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("bidi \u202eevil\u202c text", "bidi evil text"),
        ("isolate \u2066x\u2069", "isolate x"),
        ("zero\u200bwidth", "zerowidth"),
        ("windows\r\nline\rbreaks", "windows\nline\nbreaks"),
        ("tab\tstays\nnewline stays", "tab\tstays\nnewline stays"),
        ("Zürich “quotes” — 東京 😀", "Zürich “quotes” — 東京 😀"),
        ("", ""),
    ],
)
def test_sanitize(raw: str, expected: str) -> None:
    """Escape sequences of every family, controls and bidi overrides go; prose stays."""
    assert sanitize(raw) == expected


def test_sanitize_line_collapses_whitespace() -> None:
    """One-line fields (titles, outlets) never carry line breaks."""
    assert sanitize_line(" A\ttitle\nacross\r\nlines \x1b[1m ") == "A title across lines"


def test_c1_controls_alone_are_removed_as_well_as_escape_sequences() -> None:
    assert sanitize("price\x9b31m rose") == "price rose"
    assert sanitize("caf\u0065\u0301 open") == "caf\u00e9 open"  # composed to NFC
