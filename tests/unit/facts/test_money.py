"""Sums of money: which currency a figure is in decides which figures it may contradict."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.facts.money import money_family
from newsterm.facts.numbers import extract_quantities


def _units(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The fund lent 40 mln stg to the banks.", [(40e6, "GBP")]),
        ("THE FUND LENT 40 MLN STG", [(40e6, "GBP")]),
        ("The fund lent 40 mln dlrs to the banks.", [(40e6, "dollar")]),
        ("The fund lent 40 mln Australian dlrs.", [(40e6, "AUD")]),
        ("The fund lent 40 mln U.S. dlrs.", [(40e6, "USD")]),
        ("The fund lent 40 million Swiss francs.", [(40e6, "CHF")]),
        ("The fund lent 40 million francs.", [(40e6, "franc")]),
        ("The fund lent 40 billion yen.", [(40e9, "JPY")]),
        ("The fund lent $40 million.", [(40e6, "USD")]),
    ],
)
def test_the_money_a_figure_is_in(text: str, units: list[tuple[float, str]]) -> None:
    assert _units(text) == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shares closed high at A$4.57 on Friday.", [(4.57, "AUD")]),
        (
            "It fell 1.3 percent to C$12.43, and US$ 7 more.",
            [(1.3, "%"), (12.43, "CAD"), (7, "USD")],
        ),
        ("A £5 fee, a €2 toll and ¥300 in change.", [(5, "GBP"), (2, "EUR"), (300, "JPY")]),
    ],
)
def test_currency_after_a_word_keeps_its_currency(
    text: str, expected: list[tuple[float, str]]
) -> None:
    """ "at A$4.57": the "A" of the Australian dollar is not the article "a" with a bare 4.57."""
    assert [(q.value, q.unit) for q in extract_quantities(text)] == expected


def test_dollar_sign_before_the_country_letters() -> None:
    """Australian copy writes "$US1 million" for US dollars and "$A2.5 million" for its own."""
    found = extract_quantities("It cost $US1 million, or $A2.5 million.")
    assert [(q.value, q.unit) for q in found] == [(1e6, "USD"), (2.5e6, "AUD")]


def test_a_dotted_abbreviation_does_not_hide_what_is_counted() -> None:
    """ "U.S." before the noun used to end the phrase at its first dot: the noun was "u"."""
    (soldiers,) = extract_quantities("Some 300 U.S. soldiers crossed the border.")
    assert soldiers.noun_text == "U.S. soldiers"
    (dollars,) = extract_quantities("It lost 918,000 U.S. dlrs in the quarter.")
    assert dollars.noun_text == "U.S. dlrs"


def test_an_amount_after_money_is_in_that_money() -> None:
    """Wire copy names the currency once: "from 738 mln" is 738 mln dollars too."""
    found = _units("The deficit narrowed to 567 mln dlrs from 738 mln, revised from 742 mln.")
    assert found == [(567e6, "dollar"), (738e6, "dollar"), (742e6, "dollar")]


def test_counts_and_ranges_do_not_take_the_money() -> None:
    """A count of something else and a small bare number stay bare; a range ("five to 10
    pct") is one figure in its high end's unit, not the money named before it."""
    found = _units("It paid 5 mln stg to 12 banks, and 3 of them left; fees were five to 10 pct.")
    assert found == [(5e6, "GBP"), (12.0, ""), (3.0, ""), (7.5, "%")]


def test_money_families() -> None:
    assert money_family("AUD") == money_family("USD") == money_family("dollar") == "dollar"
    assert money_family("JPY") == "JPY"
    assert money_family("%") == "%"


_CLAIM = "The central bank said it gave the money market {} of assistance on Tuesday."


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("50 mln stg", "100 mln dlrs"),  # two currencies: two different sums
        ("50 mln Australian dollars", "100 mln Canadian dollars"),
        ("50 mln dlrs", "100 mln"),  # a bare figure may be any currency or none
        ("50 million francs", "100 million yen"),
    ],
)
def test_sums_in_different_money_do_not_conflict(a: str, b: str) -> None:
    result = compare(_CLAIM.format(a), _CLAIM.format(b))
    assert not [c for c in result.conflicts if c.kind == "number"], result.conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("50 mln stg", "60 mln stg"),
        ("$50 million", "60 mln dlrs"),  # one outlet's symbol, another's word
        ("50 mln dlrs", "60 mln Canadian dlrs"),  # "dollars" and whose dollars
        ("50 mln pounds", "£60 million"),
    ],
)
def test_sums_in_one_money_that_differ_conflict(a: str, b: str) -> None:
    result = compare(_CLAIM.format(a), _CLAIM.format(b))
    assert [c.kind for c in result.conflicts] == ["number"], result.conflicts
