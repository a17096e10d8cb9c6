"""The match model: its probability and features, and the fast decision that gives its answer."""

from __future__ import annotations

import pytest

from newsterm.claims.prepared import prepare
from newsterm.claims.similarity import match_features, match_probability


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


_SENTENCES = (
    "The company hired 300 workers at the plant on Monday.",
    "The company hired 350 workers at the plant on Monday.",
    "On Monday the plant took on 300 new workers, the company said.",
    "Shares of the company fell 3 pct to 41 dlrs in early trading.",
    "The company's shares rose 2 pct in early trading.",
    "Rain flooded dozens of homes in the valley overnight.",
)


@pytest.mark.parametrize("threshold", [0.05, 0.3, 0.5, 0.7, 0.95])
def test_early_decision_agrees_with_the_model_at_any_threshold(threshold: float) -> None:
    """Whichever features the decision leaves out, it gives the full model's answer."""
    from newsterm.claims.similarity import model_says_match

    prepared = [prepare(text) for text in _SENTENCES]
    for pa in prepared:
        for pb in prepared:
            assert model_says_match(pa, pb, threshold) == (match_probability(pa, pb) >= threshold)


def test_a_settled_pair_leaves_the_figures_unread() -> None:
    """A pair the word overlaps settle does not extract either passage's facts."""
    from newsterm.claims.similarity import model_says_match

    pa = prepare("Shares of the company fell 3 pct to 41 dlrs in early trading.")
    pb = prepare("Rain flooded 40 homes in the valley overnight, police said.")
    assert not model_says_match(pa, pb, 0.5)
    assert pa._facts is None and pb._facts is None
