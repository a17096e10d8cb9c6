"""Number conflicts: which differences count, whose figure each is, how one is explained."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.claims.compare import compare_prepared, prepare
from newsterm.claims.conflicts import numbers

from .conftest import _candidate_kinds, _kinds

# Which differences count
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
        ("at least 20 people", "at least 20 people"),
        ("more than a dozen people", "more than a dozen people"),
    ],
)
def test_same_floor_is_not_a_number_conflict(a: str, b: str) -> None:
    """The same bounded figure told twice agrees."""
    sentence = "Health officials said {} fell ill after the wedding banquet in the capital."
    assert compare(sentence.format(a), sentence.format(b)).relation == "match"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The index closed at 2,481 points.", "The index closed at 2,480.74 points."),
        ("The fund is worth $13 billion.", "The fund is worth $12.8 billion."),
    ],
)
def test_rounded_figure_is_not_a_number_conflict(a: str, b: str) -> None:
    """A figure and the same figure rounded agree."""
    assert "number" not in _kinds(a, b)


# What a figure counts, and for whom
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


@pytest.mark.parametrize(
    ("b", "conflict"),
    [
        (
            "Police said Eric Kirkpatrick, 61, opened fire at the office party on Friday, killing "
            "Benjamin Banky, 40.",
            False,
        ),
        ("Police said Eric Kirkpatrick, 62, opened fire at the office party on Friday.", True),
    ],
)
def test_an_age_is_compared_only_with_an_age(b: str, conflict: bool) -> None:
    """ "Banky, 40" is how old the victim was, not how many were killed."""
    a = (
        "Police said Eric Kirkpatrick, 61, opened fire at the office party on Friday, killing "
        "one man."
    )
    assert ("number" in _kinds(a, b)) is conflict


def test_figures_that_follow_different_names_count_for_different_people() -> None:
    """Two players' rebounds are two figures, not two tellings of one (that two players are
    named is a conflict of its own)."""
    a = "Austin Daye finished the game with 20 points and eight rebounds on Thursday."
    b = "Tyler Hansbrough finished the game with 20 points and nine rebounds on Thursday."
    assert _candidate_kinds(a, b) == {"entity"}


def test_a_place_before_a_figure_is_not_whose_figure_it_is() -> None:
    """ "In hospital in Los Angeles for four weeks" and "Page had been in hospital for three
    weeks": the same stay, told with different lengths."""
    a = (
        "She had been in hospital in Los Angeles for four weeks with pneumonia before the heart "
        "attack."
    )
    b = (
        "Agent Roesler said Page had been in hospital for three weeks with pneumonia before the "
        "heart attack."
    )
    assert "number" in _kinds(a, b)


def test_figures_far_apart_in_a_long_rewritten_stretch_are_not_paired() -> None:
    """Two rates in a sentence rewritten at length: the 30 percent one outlet attributes to
    a rival is not the 45.8 percent the other gives for all taxes."""
    a = (
        "Mr. Bush said his average federal tax rate was 36 percent, and contrasted that with what "
        "he said was the couple's 2014 tax rate: 30 percent."
    )
    b = (
        "The couple's effective federal tax rate for 2014 was 35.7 percent, while the effective "
        "tax rate for federal, state and local taxes was 45.8 percent."
    )
    assert "number" not in _kinds(a, b)


# The explanation: what the figures count, and how far apart they were told
def test_a_number_explanation_names_a_group_only_when_the_words_read_as_one() -> None:
    """'in the <phrase>' is said of a noun phrase ("the monitoring group including ..."), never
    of a verb and its neighbour ("protesters in the Police arrested")."""
    arrested = compare(
        "Police arrested 12 protesters outside the parliament building.",
        "Police arrested 15 protesters outside the parliament building.",
    )
    assert [c.explanation for c in arrested.conflicts] == ["12 ≠ 15: protesters"]
    aground = compare(
        "The ship ran aground and 45 people were rescued, officials said.",
        "The ship ran aground and 40 people were rescued, officials said.",
    )
    assert [c.explanation for c in aground.conflicts] == ["45 ≠ 40: people"]
    panel = compare(
        "An expert panel of the agency including four judges and nine other members met.",
        "An expert panel of the agency including four judges and six other members met.",
    )
    assert [c.explanation for c in panel.conflicts] == [
        "nine ≠ six: other members in the expert panel"
    ]


def test_a_number_explanation_does_not_repeat_its_unit_as_the_place() -> None:
    wire = compare(
        "The bank gave the market 33 mln stg in the mln stg assistance of the morning.",
        "The bank gave the market 361 mln stg in the mln stg assistance of the morning.",
    )
    explanations = [c.explanation for c in wire.conflicts]
    assert explanations and all(" in the " not in e for e in explanations)


def _number_explanations(a: str, b: str, day_a: str | None, day_b: str | None) -> list[str]:
    result = compare(a, b, day_a, day_b)
    return [c.explanation for c in result.conflicts if c.kind == "number"]


TOLL_A = "The storm has killed 14 people in the coastal province, the disaster agency said."

TOLL_B = "The storm has killed 23 people in the coastal province, the disaster agency said."


def test_a_figure_from_reports_days_apart_is_flagged_as_perhaps_a_later_one() -> None:
    (explanation,) = _number_explanations(TOLL_A, TOLL_B, "2024-09-02", "2024-09-06")
    assert explanation.startswith("14 ≠ 23")
    assert "published 4 days apart: perhaps a later figure" in explanation


@pytest.mark.parametrize(("day_a", "day_b"), [("2024-09-02", "2024-09-03"), (None, "2024-09-06")])
def test_reports_of_the_same_or_next_day_or_undated_get_no_such_remark(
    day_a: str | None, day_b: str | None
) -> None:
    (explanation,) = _number_explanations(TOLL_A, TOLL_B, day_a, day_b)
    assert explanation.startswith("14 ≠ 23")
    assert "apart" not in explanation


def test_a_date_only_inferred_from_the_story_says_nothing_about_time_apart() -> None:
    dated = prepare(TOLL_A, "2024-09-02")
    inferred = prepare(TOLL_B, "2024-09-06", published_inferred=True)
    (conflict,) = [c for c in compare_prepared(dated, inferred).conflicts if c.kind == "number"]
    assert "apart" not in conflict.explanation


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (
            "The haul held seven carbines, three other rifles and 40 rounds.",
            "The haul held seven rifles, three pistols and 40 rounds.",
            False,
        ),
        (
            "Guards found five revolvers and two other handguns in the van.",
            "Guards found five handguns and two shotguns in the van.",
            False,
        ),
        (
            "Peru and six other nations signed the pact.",
            "Peru and nine other nations signed the pact.",
            True,
        ),
    ],
)
def test_a_figure_of_other_things_counts_another_set(a: str, b: str, conflict: bool) -> None:
    """ "four other handguns" counts handguns besides those named before, so a plain "four
    handguns" elsewhere is no other figure for it; both saying "other" count one set."""
    assert ("number" in _candidate_kinds(a, b)) is conflict


def test_figures_both_passages_give_are_each_others_counterparts() -> None:
    """Both give "two" life terms without parole, worded apart: paired by position instead,
    the first passage's "five life terms" was set against the other's "two" ("five ≠ two")."""
    a = "The court gave Hale five life terms and two terms of life without parole."
    b = "A judge handed Hale two consecutive life terms without parole."
    assert "number" not in _candidate_kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (
            "Filings rose by 2,100 to 58,000 last month, the ministry said.",
            "The ministry said filings rose 2,100 last month to 58,000.",
            False,
        ),
        (
            "Orders slid by 600 in May, the agency said.",
            "Orders slid by 800 in May, the agency said.",
            True,
        ),
    ],
)
def test_a_change_is_compared_with_a_change_not_with_a_level(
    a: str, b: str, conflict: bool
) -> None:
    """ "rose by 2,100" tells how far a count moved, "to 58,000" where it stands: two figures
    of one report, not two tellings of one figure ("58,000 ≠ 2,100" was shown). Two changes
    are compared."""
    assert ("number" in _candidate_kinds(a, b)) is conflict


@pytest.mark.parametrize(
    ("total", "conflict"),
    [("90 new buses", False), ("120 new buses", True)],
)
def test_a_sum_told_in_parts_is_no_other_figure(total: str, conflict: bool) -> None:
    """ "40 buses this year and 50 next" against "90 buses": the parts add up to the whole, so
    neither part contradicts it; parts that do not add up still conflict."""
    a = "The city will buy 40 new buses this year and 50 new buses next year, the mayor said."
    b = f"The city will buy {total}, the mayor said."
    assert ("number" in _candidate_kinds(a, b)) is conflict


def test_figures_set_against_each_other_are_no_parts_of_a_sum() -> None:
    """ "40 buses against 50 a year ago" compares two figures; that they happen to add up to
    the other passage's 90 makes neither a part of it."""
    a = "The city bought 40 new buses this year, compared with 50 new buses last year."
    b = "The city bought 90 new buses this year."
    assert "number" in _candidate_kinds(a, b)


def test_the_price_of_one_thing_is_not_a_total_the_other_never_itemises(monkeypatch) -> None:
    """ "a $9,500 Cartier bracelet" prices one thing; "spent $310,000 in campaign cash on
    personal items" is a total that names no bracelet. Where the other passage names the
    thing, its price is compared."""
    lead = "Former mayor Ann Cole pleaded guilty on Monday to "
    a = lead + (
        "using campaign funds to buy personal items including a $9,500 Cartier bracelet and a "
        "fur coat."
    )
    b = lead + "charges that she spent $310,000 in campaign cash on personal items."
    c = lead + "using campaign funds to buy a Cartier bracelet that cost $12,000."
    assert "number" not in _kinds(a, b)
    assert "number" in _kinds(a, c)
    monkeypatch.setattr(numbers, "_price_of_a_thing_untold", lambda *_: False)
    assert "number" in _kinds(a, b)


# One release told in one template, each report giving another of its series.
_SERIES = "{} {}, down {} from the previous week's revised level, the agency said on Thursday."


def test_figures_of_two_series_in_one_template(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bare figures stated of two measures, neither named by the other passage, are two series,
    not two tellings of one count; the same measure with other figures is a conflict."""
    a = _SERIES.format("The seven-day average was", "12,400", "300")
    b = _SERIES.format("Hospital admissions were", "2,150", "90")
    same = _SERIES.format("The seven-day average was", "12,900", "250")
    assert "number" not in _kinds(a, b)
    assert "number" in _kinds(a, same)
    monkeypatch.setattr(numbers, "measures_apart", lambda *_: False)
    assert "number" in _kinds(a, b)


def test_a_measure_the_other_passage_names_is_one_count() -> None:
    """ "the toll rose to 50" against "officials said the toll was 45": each clause states its
    figure of its own noun, but both passages name the toll, so the figures are compared."""
    a = "The death toll rose to 50 on Sunday, the ministry said."
    b = "Officials said on Sunday the toll was 45."
    assert "number" in _kinds(a, b)
