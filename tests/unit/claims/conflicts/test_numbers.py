"""Number conflicts: which differences between two figures count, and which do not."""

from __future__ import annotations

import pytest

from newsterm import compare

SENTENCE = "The central bank said the {} figure for the quarter was final, officials added."


def _number_conflict(a: str, b: str) -> bool:
    result = compare(SENTENCE.format(a), SENTENCE.format(b))
    return any(c.kind == "number" for c in result.conflicts)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("1.25%", "1.2%", True),  # exact rates, both with decimals
        ("3.75%", "3.75%", False),
        ("2%", "2.4%", True),  # small figures are not taken for roundings of each other
        ("13%", "12.8%", False),  # a whole-number rate rounding the precise one
        ("over 40", "over 60", True),  # the same floor with a different figure
        ("at least 12", "at least 12", False),
        ("1,204", "1,203.8", False),  # the same figure, rounded
        ("1,204", "1,250", True),
        ("$42,400", "$42,409", False),  # to the hundred: three significant digits stay
        ("2,000", "2,400", True),  # one significant digit is a different figure, not a rounding
        ("1,500", "1,523", True),
    ],
)
def test_figure_pairs(a: str, b: str, conflict: bool) -> None:
    """Two figures in the same place conflict only when they cannot be the same figure."""
    assert _number_conflict(a, b) is conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Police said at least 30 people were hurt when the bus overturned on Monday.",
            "At least 37 people suffered injuries when the bus overturned on Monday, police said.",
        ),
        (
            "The union said 200 staff walked out at the port before dawn on Thursday.",
            "Before dawn on Thursday, 260 staff walked out at the port, the union said.",
        ),
    ],
)
def test_plural_without_s_is_the_counted_noun(a: str, b: str) -> None:
    """ "people" and "staff" are plurals: the figure counts them, not the verb that follows, so a
    reordered sentence with another figure still conflicts."""
    assert any(c.kind == "number" for c in compare(a, b).conflicts)


def test_two_models_listed_in_another_order_do_not_contradict() -> None:
    a = "The maker showed its Falcon 7 and Falcon 9 engines at the show on Monday."
    b = "The maker showed its Falcon 9 and Falcon 7 engines at the show on Monday."
    assert not compare(a, b).conflicts
