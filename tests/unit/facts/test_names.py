"""Names in a passage: capitals tell names outside title case; a sentence opener needs more."""

from __future__ import annotations

import pytest

from newsterm.facts.names import capitals_tell_names, extract_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Opening a sentence, said once: a capitalised common word, not a name.
        ("Officials met on Monday. Talks went on late.", []),
        ('He left. "Talks went on late," she said.', []),
        ("The verdict: Guilty on all counts.", []),
        # Opening a sentence, but capitalised again later: a name.
        ("Berhane spoke first. The minister thanked Berhane.", ["Berhane", "Berhane"]),
        # Not opening a sentence: a name wherever it stands.
        ("The minister thanked Berhane for the talks.", ["Berhane"]),
        ("Police in Dunmere said so.", ["Dunmere"]),
        # Several words, or a possessive: a name even when opening a sentence.
        ("Ada Kessler spoke first.", ["Ada Kessler"]),
        ("Japan's exports rose.", ["Japan"]),
    ],
)
def test_names_and_sentence_openers(text: str, names: list[str]) -> None:
    assert [name.text for name in extract_names(text)] == names


@pytest.mark.parametrize(
    ("text", "tells"),
    [
        ("Mike Huckabee Is Running For President Again", False),
        ("BAHIA COCOA REVIEW SAYS CROP OUTLOOK IMPROVES", False),
        ("Lee Seong-kweun, Kim Jong Un and Vladimir Putin met in Moscow.", True),
        ("The minister told The New York Times on Monday that talks would resume.", True),
        ("Storm closes schools", True),  # too short to tell
    ],
)
def test_capitals_tell_names_except_in_title_case_or_capitals(text: str, tells: bool) -> None:
    assert capitals_tell_names(text) is tells


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A title's full stop ends no sentence: the word after it is the name it introduces.
        ("He thanked Mr. Vantongeren for the visit.", ["Vantongeren"]),
        ("Dr. Okafor and Mrs. Lindqvist met on Tuesday.", ["Okafor", "Lindqvist"]),
        # A straight mark after a comma closes a quotation; the sentence goes on.
        ('"We will not back down," Halvorsen said on Monday.', ["Halvorsen"]),
        # One that opens a sentence's quotation still opens the sentence.
        ('He left. "Nothing was said," she wrote.', []),
    ],
)
def test_names_after_a_title_or_a_closing_quotation_mark(text: str, names: list[str]) -> None:
    assert [name.text for name in extract_names(text)] == names
