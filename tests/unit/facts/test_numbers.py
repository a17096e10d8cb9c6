"""Quantities read from prose: what counts as a figure, its value and scale, and what it counts."""

from __future__ import annotations

import pytest

from newsterm.facts.numbers import extract_quantities


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Yields rose to 1.25% on Monday.", [1.25]),
        ("The deal is worth 3.75 billion euros.", [3.75e9]),
        ("The vote was held at 11.30 pm and 40 members took part.", [40.0]),
        ("Trading stopped at 10:45 after 12 firms failed to report.", [12.0]),
        ("Shares were at 654 pence by 1018 GMT, up 3 pence.", [654.0, 3.0]),
        ("Polls close at 2100 local time and 12 seats are contested.", [12.0]),
    ],
)
def test_decimal_figures_are_not_clock_times(text: str, values: list[float]) -> None:
    """A decimal figure is a quantity; a clock time is not."""
    from newsterm.facts.extract import extract_facts

    assert [q.value for q in extract_facts(text).quantities] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Ozone reached .12 parts per million on Monday.", [0.12]),
        ("The clinic saw 40 cases per 100,000 children.", [40.0]),
        ("Only 9 cars per thousand households were sold.", [9.0]),
    ],
)
def test_decimals_without_a_zero_and_the_base_of_a_rate(text: str, values: list[float]) -> None:
    """ ".12" is twelve hundredths, and the "million" or "100,000" after "per" counts nothing: it
    read as a figure of its own, which other figures then contradicted."""
    assert [q.value for q in extract_quantities(text)] == values


def test_wire_scale_abbreviations_scale_number_words_and_count_nothing_alone() -> None:
    found = extract_quantities("Output rose by up to one mln bpd after the accord.")
    assert [(q.text, q.value, q.noun) for q in found] == [("one mln", 1_000_000, "bpd")]
    assert [q.value for q in extract_quantities("They paid two bln dlrs.")] == [2_000_000_000]
    assert extract_quantities("The bank gave mln stg assistance.") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("He will launch a $70-million program next week.", 70e6, "USD"),
        ("The firm agreed a £1.5-billion takeover.", 1.5e9, "GBP"),
    ],
)
def test_a_scale_joined_by_a_hyphen_scales_the_figure(text: str, value: float, unit: str) -> None:
    """ "A $70-million program" costs seventy million dollars, not seventy."""
    [quantity] = extract_quantities(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_hyphen_joins_only_whole_scale_words() -> None:
    """ "10-K" is a filing, not ten thousand."""
    assert [q.value for q in extract_quantities("The company filed its 10-K report late.")] == [10]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The airline flies its Skyline 400 jets on the northern route.", []),
        ("Engineers found the fault in the Harbour Line 3 trains on Tuesday.", []),
        ("The carrier now flies 12 Skyline 400 jets on the route.", [12.0]),
        # A month, a sentence's first word, a unit of measure: these digits count or measure.
        ("The council said that in March 5 people were hurt.", [5.0]),
        ("Some 500 people marched through the town on Sunday.", [500.0]),
        ("Officials in Varne 12 miles away heard the blast.", [12.0]),
        # A currency word that is also a verb is the verb after a name's digits...
        ("The mission said Orion 3 marks its first crewed flight.", []),
        ("The film said Rover 2 won three awards.", [3.0]),
        # ...but money after any other word.
        ("The museum paid 300 marks for the painting.", [300.0]),
    ],
)
def test_digits_after_a_name_name_a_thing_rather_than_count(text: str, values: list[float]) -> None:
    """ "Skyline 400" is a model, "Harbour Line 3" a line: digits that follow a capitalised word
    within a sentence are part of a name."""
    assert [q.value for q in extract_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Call police on 0845 125 2222 or Crimestoppers on 0800 555111.", []),
        ("Witnesses can call 555 1234 at any time.", []),
        ("In 2008 250 people died in the floods.", [250.0]),
        ("Damage was put at $US1 million ($1.52 million), police said.", [1e6]),
        ("The storm was 10 miles (16 km) wide.", [10.0]),
        ("Twelve people (including 3 children) died.", [12.0, 3.0]),
    ],
)
def test_telephone_numbers_and_conversions_are_not_counts(text: str, values: list[float]) -> None:
    """A telephone number counts nothing, and a figure in brackets after another is the same
    amount in another unit: read as counts, they contradicted other outlets' figures."""
    assert [q.value for q in extract_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The company hired 48K workers last spring.", [48_000.0]),
        ("Her post drew 12k replies within a day.", [12_000.0]),
        ("The club was fined 1.5M for the breach.", [1_500_000.0]),
        ("Workers dug a 4m trench beside the road.", [4.0]),
        ("The state will ship 25m masks to clinics.", [25_000_000.0]),
        ("The city has 2m people within its walls.", [2_000_000.0]),
        ("She ran the 200m heats twice.", [200.0]),
        ("The runners finished a 10 k loop.", [10.0]),
        ("She moved into flat 7B on the top floor.", [7.0]),
    ],
)
def test_a_scale_letter_written_onto_its_digits(text: str, values: list[float]) -> None:
    """ "48K" is forty-eight thousand even with no currency named: read as 48 it contradicted
    another outlet's "48,000"; nor is "25m masks" 25. A spaced "m", a lower-case one before no
    plural or after an article ("the 200m heats"), and a "B" stay plain numbers (a distance, a
    flat), as they were."""
    assert [q.value for q in extract_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Clinics gave 40,000 Covid-19 shots on Monday.", [40_000.0]),
        ("The navy ordered 12 F-35 jets and 3 MH-60 helicopters.", [12.0, 3.0]),
        ("Leaders of the G-20 met for 2 days.", [2.0]),
        ("The team won its top-10 match by 3 goals.", [10.0, 3.0]),
        ("Talks ran from 11-13 June with 40 delegates.", [12.0, 40.0]),  # a range, 11 to 13
    ],
)
def test_digits_hyphenated_onto_a_capitalised_word_name_a_thing(
    text: str, values: list[float]
) -> None:
    """ "COVID-19", "F-35": the digits name a disease or a plane and count nothing; read as a
    count, a pandemic's name contradicted another outlet's figures. A lower-case word before the
    hyphen, and digits before it, are figures as before."""
    assert [q.value for q in extract_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The judge gave him 14 1/2 years behind bars.", [14.5]),
        ("She swam 6 and a half miles and 2 and a quarter more.", [6.5, 2.25]),
        ("The hike took 3 and three quarters hours.", [3.75]),
        ("The note rose 5/32 and then 7 ticks.", [5 / 32, 7.0]),  # a fraction on its own
        ("Crews worked 9 5/4 shifts.", [9.0, 5.0]),
    ],
)
def test_a_fraction_after_whole_digits_is_part_of_the_figure(
    text: str, values: list[float]
) -> None:
    """ "14 1/2 years" is fourteen and a half years, not 14 years and 1 more: read as 14, it
    contradicted another outlet's "174 months"; a fraction alone, or one that is no proper
    fraction, is read as before."""
    assert [q.value for q in extract_quantities(text)] == values
