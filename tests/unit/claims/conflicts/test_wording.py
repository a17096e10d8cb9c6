"""Wording conflicts: opposites, rivals in a closed set, lengths of time, a decision weighed."""

from __future__ import annotations

import pytest

from newsterm import compare

from .conftest import _kinds


# Opposite words and judgements
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The appeals court upheld the ban on night flights at the regional airport.",
            "The appeals court overturned the ban on night flights at the regional airport.",
        ),
        (
            "Storm damage prevented engineers from reaching the substation until Friday.",
            "Storm damage allowed engineers to reach the substation until Friday.",
        ),
        (
            "Analysts at the bank upgraded the carmaker's shares after the results on Tuesday.",
            "Analysts at the bank downgraded the carmaker's shares after the results on Tuesday.",
        ),
        (
            "The central bank governor struck a hawkish tone at the press conference on Thursday.",
            "The central bank governor struck a dovish tone at the press conference on Thursday.",
        ),
        (
            "The ferry service will resume on the northern route from Monday, the operator said.",
            "The ferry service will halt on the northern route from Monday, the operator said.",
        ),
    ],
)
def test_opposite_words_in_the_same_claim_conflict(a: str, b: str) -> None:
    """Opposites, curated or WordNet's ("upheld"/"overturned", "upgraded"/"downgraded",
    "hawkish"/"dovish", "resume"/"halt") in a shared claim conflict."""
    assert "antonym" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Turnout in the northern districts was higher than officials expected on Sunday.",
            "Turnout in the northern districts was lower than officials expected on Sunday.",
        ),
        (
            "The river reached its highest level in a decade after the storm on Friday.",
            "The river reached its lowest level in a decade after the storm on Friday.",
        ),
        (
            "The storm was stronger than forecasters had predicted on Monday.",
            "The storm was weaker than forecasters had predicted on Monday.",
        ),
    ],
)
def test_opposite_degrees_of_adjectives_conflict(a: str, b: str) -> None:
    """ "higher" / "lower": WordNet keeps opposites between base forms, and "high" / "low" only
    in some sense; a degree is of the measured sense, where they are plain opposites."""
    assert "antonym" in _kinds(a, b)


def test_two_degrees_of_one_adjective_are_no_opposites() -> None:
    a = "The storm was stronger than forecasters had predicted on Monday."
    b = "The storm was strongest in the north, forecasters had predicted on Monday."
    assert "antonym" not in _kinds(a, b)


@pytest.mark.parametrize("cause", ["because of"])
def test_a_cause_against_a_concession_conflicts(cause: str) -> None:
    """ "Closed because of the strike" and "closed despite the strike" relate the strike to the
    closure in opposite ways."""
    sentence = "The port stayed closed on Friday {} the strike by dock workers, the company said."
    a, b = sentence.format(cause), sentence.format("despite")
    assert "antonym" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (
            "The founder of the troubled start-up was arrested on fraud charges on Thursday.",
            "The founder of the triumphant start-up was arrested on fraud charges on Thursday.",
            True,
        ),
        (
            "Talks on the border ended in a bitter and hostile mood, officials said.",
            "Talks on the border ended in a bitter and friendly mood, officials said.",
            True,
        ),
        (  # "position" shares its stem with "positive", which the list leaves out
            "Earlier on Friday, the senator revealed her position on the marriage bill.",
            "Earlier on Friday, the senator revealed her opposition to the marriage bill.",
            False,
        ),
    ],
)
def test_a_judgement_turned_around_is_a_conflict(a: str, b: str, conflict: bool) -> None:
    """A favourable word put where the other outlet has an unfavourable one."""
    assert ("antonym" in _kinds(a, b)) is conflict


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("drafted a non-binding list of cuts", "drafted a nonbinding list of cuts", False),
        ("drafted a binding list of cuts", "drafted a nonbinding list of cuts", True),
    ],
)
def test_a_prefix_written_with_a_hyphen_is_the_same_word(a: str, b: str, conflict: bool) -> None:
    """ "Non-binding" and "nonbinding" are one word in two house styles, not opposites."""
    sentence = "Ministers {} for the health budget on Friday."
    assert ("antonym" in _kinds(sentence.format(a), sentence.format(b))) is conflict


# Rival members of a closed set
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The fire alarm sounded every second during the night, neighbours complained.",
            "The fire alarm sounded every minute during the night, neighbours complained.",
        ),
    ],
)
def test_rival_in_a_closed_set_is_a_conflict(a: str, b: str) -> None:
    """Units of time are a closed set; a word in two sets ("second") is a rival within either
    of them. (Ordinals and levels of government were sets too, until the leave-one-story-out
    test of bench/lexicon_ablation.py found they helped one SummEdits story only.)"""
    assert "entity" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b", "group"),
    [
        (
            "Fighting broke out in the northern districts of the city overnight, residents said.",
            "Fighting broke out in the southern districts of the city overnight, residents said.",
            "region",
        ),
    ],
)
def test_new_closed_sets_name_the_difference(a: str, b: str, group: str) -> None:
    """North is not south."""
    explanations = [c.explanation for c in compare(a, b).conflicts]
    assert any(f"a different {group}" in e for e in explanations)


def test_same_fate_in_other_words_is_a_match() -> None:
    """ "wounded" and "injured" are the same fate."""
    sentence = "Twelve miners were {} after the tunnel flooded near the village on Sunday."
    assert compare(sentence.format("wounded"), sentence.format("injured")).relation == "match"


@pytest.mark.parametrize(
    ("b", "conflict"),
    [
        ("Two patrol ships were sent to the area, the coast guard said.", False),
        ("Two patrol cars were sent to the area, the coast guard said.", True),
    ],
)
def test_boat_and_ship_are_one_vehicle(b: str, conflict: bool) -> None:
    """News copy calls one vessel a boat and a ship; a car is another thing."""
    a = "Two patrol boats were sent to the area, the coast guard said."
    assert ("entity" in _kinds(a, b)) is conflict


# Obligation, permission and advice
@pytest.mark.parametrize(
    ("binding_a", "binding_b"), [("required", "obliged"), ("advised", "urged")]
)
def test_the_same_force_in_other_words_is_a_match(binding_a: str, binding_b: str) -> None:
    sentence = (
        "Drivers are now {} to fit winter tyres between November and March, the ministry said."
    )
    assert compare(sentence.format(binding_a), sentence.format(binding_b)).relation == "match"


# Lengths of time (newsterm.facts.durations)
@pytest.mark.parametrize(
    ("a_length", "b_length"),
    [
        ("seven days", "about a week"),
        ("a 12-month", "a year-long"),
        ("24 hours", "a day"),
        ("ten years", "a decade"),
        ("one and a half years", "18 months"),
    ],
)
def test_one_length_of_time_in_other_units_is_no_conflict(a_length: str, b_length: str) -> None:
    a = f"The rescue team searched the flooded valley for {a_length} before the rain stopped."
    b = f"The rescue team searched the flooded valley for {b_length} before the rain stopped."
    assert not compare(a, b).conflicts


@pytest.mark.parametrize(
    ("a_length", "b_length"),
    [("two weeks", "two months"), ("a day", "a week"), ("three years", "three decades")],
)
def test_different_lengths_of_time_still_conflict(a_length: str, b_length: str) -> None:
    a = f"The rescue team searched the flooded valley for {a_length} before the rain stopped."
    b = f"The rescue team searched the flooded valley for {b_length} before the rain stopped."
    assert "a different unit of time" in " ".join(c.explanation for c in compare(a, b).conflicts)


# A decision only being weighed
def test_a_decision_only_weighed_against_one_taken_conflicts() -> None:
    """ "is closing" against "is considering closing": a decision against a possibility."""
    a = "The council is closing the old library on the high street to save money, it said."
    b = (
        "The council is considering closing the old library on the high street to save money, "
        "it said."
    )
    result = compare(a, b)
    assert result.relation == "conflict"
    assert any("only being considered" in c.explanation for c in result.conflicts)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The bridge was closed to lorries of 40 tonnes after the inspection on Friday.",
            "The bridge was closed to lorries weighing 40 tonnes after the inspection on Friday.",
        ),
        (
            "Residents called obese by the survey have doubled since 1990 to about 4 million.",
            "Residents considered obese by the survey have doubled since 1990 to about 4 million.",
        ),
    ],
)
def test_weighing_a_load_or_judging_a_state_is_no_doubt(a: str, b: str) -> None:
    assert not compare(a, b).conflicts


@pytest.mark.parametrize(
    ("a_noun", "b_noun", "conflict"),
    [
        ("hedge funds", "banks", True),  # the compound's head, its last word, is what was swapped
        ("pension funds", "funds", False),  # the same head, only less said of it
    ],
)
def test_the_head_of_a_compound_is_compared(a_noun: str, b_noun: str, conflict: bool) -> None:
    claim = "Two {} bought most of the city's bonds at the auction on Tuesday, the treasurer said."
    result = compare(claim.format(a_noun), claim.format(b_noun))
    assert (result.relation == "conflict") == conflict, result.conflicts
