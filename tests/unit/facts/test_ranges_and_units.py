"""Ranges, fractions and units of measure (newsterm.facts.ranges, digit_forms, units)."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.facts.numbers import extract_quantities


def figures(text: str) -> list[tuple[str, float, float]]:
    return [(q.text, q.low, q.high) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crews cleared between 40 and 90 acres.", ("between 40 and 90", 40, 90)),
        ("Fares rose 2 to 4 percent this spring.", ("2 to 4 percent", 2, 4)),
        ("Fares are 2 percent to 4 percent of costs.", ("2 percent to 4 percent", 2, 4)),
        ("The repairs will cost $6 to $9 million.", ("$6 to $9 million", 6e6, 9e6)),
        ("Three or four ferries were late.", ("Three or four", 3, 4)),
        ("Estimates ranged from 12 to 19 deaths.", ("12 to 19", 12, 19)),
    ],
)
def test_a_range_is_one_figure_over_its_interval(
    text: str, expected: tuple[str, float, float]
) -> None:
    found = extract_quantities(text)
    ranges = [q for q in found if q.range]
    assert [(q.text, q.low, q.high) for q in ranges] == [expected]
    assert all(q.vague for q in ranges)  # compared as an interval, never as an exact rate


@pytest.mark.parametrize(
    "text",
    [
        "Rents went from 700 to 900 dollars.",  # a change, not a span
        "Rents rose 5 percent to 7 percent.",  # the change, then the level reached
        "The motion passed on a 61-38 vote.",  # descending, and a tally
        "The motion passed by a vote of 38 to 61.",  # a tally
        "It lost 8 cents to $30.50.",  # two figures of two kinds
        "The deficit was put at $950 million or $2.7 billion.",  # two whole figures offered
        "Four were killed and 9 were hurt.",  # "and" outside "between"
        "Stocks fell in the week ended April nine to 88.5 mln tonnes.",  # a day, then a level
    ],
)
def test_what_is_no_range(text: str) -> None:
    assert not any(q.range for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The note rose 12/32 in early trade.", 0.375),
        ("The note rose 2-5/32 in early trade.", 2 + 5 / 32),
        ("The note rose 2 5/32 in early trade.", 2 + 5 / 32),
        ("Each box holds 3 ½ pounds of flour.", 3.5),
        ("Each box holds 3½ pounds of flour.", 3.5),
    ],
)
def test_fractions_are_read_whole(text: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text)] == [pytest.approx(value)]


@pytest.mark.parametrize("text", ["The shop is open 24/7.", "They marked 9/11 quietly."])
def test_slashes_that_are_no_fraction(text: str) -> None:
    assert all(q.value >= 1 for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # Inside the other's range: consistent.
        (
            "Fees take 2 percent to 4 percent of income.",
            "Fees take 3.5 percent of income.",
            "match",
        ),
        # Two ranges whose ends differ: the outlets give different figures.
        (
            "Workers will lose between $5 and $12 a week.",
            "Workers will lose between $7 and $12 a week.",
            "conflict",
        ),
        # One amount in two systems, each rounded.
        (
            "The ship ran aground 50 miles offshore.",
            "The ship ran aground 80 km offshore.",
            "match",
        ),
        ("The truck carried 9,000 pounds of salt.", "The truck carried 4 tonnes of salt.", "match"),
        (
            "The dam stands 40 feet above the river.",
            "The dam stands 12 metres above the river.",
            "match",
        ),
        # The same number in two units is two amounts.
        (
            "The ship ran aground 50 miles offshore.",
            "The ship ran aground 50 km offshore.",
            "conflict",
        ),
        (
            "Floods covered between 20 and 30 acres.",
            "Floods covered between 8 and 12 hectares.",
            "match",
        ),
        ("The bond gained 16/32 on the day.", "The bond gained 1/2 on the day.", "match"),
        ("Add 1 ½ cups of rice to the pot.", "Add 1.5 cups of rice to the pot.", "match"),
    ],
)
def test_figures_compared_as_amounts(a: str, b: str, relation: str) -> None:
    result = compare(a, b)
    assert result.relation == relation, [c.explanation for c in result.conflicts]


def test_a_converted_figure_is_explained_in_the_others_unit() -> None:
    result = compare(
        "The ship ran aground 50 miles offshore.", "The ship ran aground 50 km offshore."
    )
    assert [c.explanation for c in result.conflicts] == ["50 miles ≠ 50 km (about 31.1 miles)"]


def test_units_are_not_rival_words() -> None:
    """Two units of one dimension are compared by their amounts, never as two kinds of thing."""
    result = compare("He carried 40 pounds of gear.", "He carried 18 kilograms of gear.")
    assert result.relation == "match"
    assert not any(c.kind == "entity" for c in result.conflicts)


def test_tons_and_tonnes_are_one_measure() -> None:
    a = "The ship carried 40,000 tons of wheat to the port."
    assert compare(a, "The ship carried 40,000 tonnes of wheat to the port.").relation == "match"
    assert compare(a, "The ship carried 20,000 tonnes of wheat to the port.").relation == "conflict"


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # A measure hyphenated onto a figure describes the noun after it: two instruments.
        (
            "The 30-year bond rose 1/2 to yield 4.30 percent.",
            "The 10-year note rose 1/2 to yield 4.30 percent.",
            "match",
        ),
        # The same noun, given two lengths.
        ("He was sentenced to a 12-year term.", "He was sentenced to a 10-year term.", "conflict"),
    ],
)
def test_a_hyphenated_measure_counts_for_the_noun_after_it(a: str, b: str, relation: str) -> None:
    assert compare(a, b).relation == relation


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # One length in two units of time: three decades, about 32 years.
        (
            "The court struck down a three-decade-old ban.",
            "The court struck down a 32-year-old ban.",
            "match",
        ),
        (
            "The minister began a two-week visit to Paris.",
            "The minister began a 14-day visit to Paris.",
            "match",
        ),
        # A count in words hyphenated onto its unit is a figure, as in digits.
        (
            "The minister began a three-day visit to Paris.",
            "The minister began a four-day visit to Paris.",
            "conflict",
        ),
    ],
)
def test_lengths_of_time_hyphenated_onto_a_count(a: str, b: str, relation: str) -> None:
    assert compare(a, b).relation == relation
