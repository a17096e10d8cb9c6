"""The match decision: the same claim told consistently, against a different claim."""

from __future__ import annotations

import pytest

from newsterm import compare


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
