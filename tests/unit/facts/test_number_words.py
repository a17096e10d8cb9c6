"""Numbers written in words: "two and a half" is one figure, "four and six" two."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.facts.numbers import extract_quantities


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The works took two and a half years.", [2.5]),
        ("The plan costs one and a half million dollars.", [1.5e6]),
        ("He served one hundred and five days.", [105.0]),
        ("Four thousand and twenty fans came.", [4020.0]),
        ("Half a million people marched.", [500_000.0]),
        # "and" between two numbers joins nothing: two figures, or after "between" a range
        # (four to six inches, its middle five), never ten.
        ("Between four and six inches of snow fell.", [5.0]),
        ("Seven and nine votes were cast in the two rounds.", [7.0, 9.0, 2.0]),
    ],
)
def test_number_words_joined_by_and(text: str, values: list[float]) -> None:
    """ "two and a half" is 2.5 (it read as 1.0), "four and six" two figures (it read as ten)."""
    assert [q.value for q in extract_quantities(text)] == values


def test_a_range_in_digits_and_the_same_range_in_words_agree() -> None:
    a = "The two valleys got 4 to 6 inches of snow overnight, the weather service said."
    b = "The two valleys got between four and six inches of snow overnight, the service said."
    assert not compare(a, b).conflicts


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("a two", 2.0), ("an eight", 8.0), ("a hundred", 100.0), ("a half", 0.5), ("a", None)],
)
def test_an_article_before_a_number_word_counts_nothing(phrase: str, value: float | None) -> None:
    """ "a two-week visit" is two weeks: the article made it three, so 21 days, against
    another outlet's "14-day visit" ("'week' vs 'day': a different unit of time")."""
    from newsterm.facts.number_words import words_to_number

    assert words_to_number(phrase) == value
