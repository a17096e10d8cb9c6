"""Tokens: whole phrases found in any case, and the character before a position."""

from __future__ import annotations

from newsterm.text.tokens import char_before, phrase_pattern


def test_phrase_pattern_finds_whole_phrases_longest_first_in_any_case() -> None:
    pattern = phrase_pattern(("up to", "up", "Claim", "claims", "nearly"))
    text = "Up to 40 claims, nearly all UPheld; a claim was upended, and prices went up."
    assert [m.group() for m in pattern.finditer(text)] == [
        "Up to",
        "claims",
        "nearly",
        "claim",
        "up",
    ]


def test_char_before_skips_white_space_back_to_the_last_character() -> None:
    text = "He left.  \n Then"
    assert char_before(text, text.index("Then")) == "."
    assert char_before(text, 1) == "H"
    assert char_before("  Then", 2) == ""
    assert char_before("Then", 0) == ""
