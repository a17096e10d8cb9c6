"""The match decision: the same claim told consistently, against a different claim."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.claims.prepared import prepare
from newsterm.claims.similarity import match_features, match_probability


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The city council approved the new budget for schools on Tuesday evening.",
            "On Tuesday evening the city council approved the new budget for schools.",
        ),
        (
            "Heavy rain flooded dozens of homes in the river valley overnight, officials said.",
            "Heavy rain flooded dozens of homes in the river valley overnight.",
        ),
        (
            "About 40 ships were stuck outside the port after the strike began.",
            "About 40 vessels were stuck outside the port after the strike began, the agency said.",
        ),
    ],
)
def test_same_claim_is_a_match(a: str, b: str) -> None:
    """A reordered or slightly longer telling of one claim is a match."""
    assert compare(a, b).relation == "match"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The city council approved the new budget for schools on Tuesday evening.",
            "The mayor's office said the budget talks with teachers would resume next month.",
        ),
        (
            "Shares of the carmaker fell sharply after the recall was announced.",
            "The carmaker plans to open a new factory in the south of the country.",
        ),
    ],
)
def test_different_claim_is_not_a_match(a: str, b: str) -> None:
    """Passages about one subject that say different things are not a match."""
    assert compare(a, b).relation != "match"


def test_probability_grows_with_shared_wording() -> None:
    """The closer the wording, the more likely the pair is one claim."""
    base = prepare("The central bank kept its main interest rate unchanged on Thursday.")
    near = prepare("The central bank left its main interest rate unchanged on Thursday.")
    far = prepare("The central bank's governor will give a speech in London next week.")
    assert match_probability(base, near) > 0.5 > match_probability(base, far)


def test_number_mismatch_feature() -> None:
    """Differing sets of numbers are seen by the model."""
    a = prepare("The company hired 300 workers at the plant.")
    b = prepare("The company hired 350 workers at the plant.")
    assert match_features(a, b)["number_mismatch"] == 1.0
    assert match_features(a, a)["number_mismatch"] == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The American Medical Association urged lawmakers to fund the vaccine programme.",
            "The AMA urged lawmakers to fund the vaccine programme.",
        ),
        (
            "American troops left the base near the border on Friday, the ministry said.",
            "U.S. troops left the base near the border on Friday, the ministry said.",
        ),
    ],
)
def test_acronym_and_demonym_are_not_a_different_name(a: str, b: str) -> None:
    """An acronym or a demonym for the same name is not an entity conflict."""
    assert "entity" not in {c.kind for c in compare(a, b).conflicts}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The council approved the budget on Tuesday.",
            "On Tuesday the council approved the budget.",
        ),
        ("The council approved the budget on Tuesday.", "The budget vote was postponed again."),
        (
            "Rain flooded homes in the valley overnight.",
            "Rain flooded dozens of homes in the valley.",
        ),
    ],
)
def test_shortcut_decision_agrees_with_the_model(a: str, b: str) -> None:
    """The fast match decision gives the model's answer, with or without word order."""
    from newsterm.claims.compare import MATCH_THRESHOLD
    from newsterm.claims.similarity import model_says_match

    pa, pb = prepare(a), prepare(b)
    assert model_says_match(pa, pb, MATCH_THRESHOLD) == (
        match_probability(pa, pb) >= MATCH_THRESHOLD
    )
