"""Names in a passage: a capitalised word opening a sentence is a name only on other evidence."""

from __future__ import annotations

import pytest

from newsterm.facts.names import extract_names


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
