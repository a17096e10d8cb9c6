"""The learned combiner: explicit facts always count, a word put for another is weighed."""

from __future__ import annotations

from newsterm import compare
from newsterm.claims.judge import FEATURES, _coefficients, family, features, says_conflict
from newsterm.model import Conflict


def test_every_feature_has_a_shipped_coefficient() -> None:
    _bias, weights = _coefficients()
    assert set(weights) == set(FEATURES)


def test_an_explicit_fact_is_a_conflict_whatever_the_similarity() -> None:
    number = Conflict("number", "12", "15", "12 ≠ 15: people")
    assert says_conflict(features([number], symmetric=0.3, containment=0.3, changes=6))


def test_a_name_put_for_another_counts_more_the_less_else_changed() -> None:
    name = Conflict(
        "entity", "Smith", "Jones", "Smith vs Jones: a different name in the same place"
    )
    assert family(name) == "name"
    alone = features([name], symmetric=0.9, containment=0.9, changes=1, unchanged=0.95)
    rewritten = features([name], symmetric=0.55, containment=0.6, changes=6, unchanged=0.5)
    assert says_conflict(alone)
    assert not says_conflict(rewritten)


def test_a_name_swapped_in_an_otherwise_identical_sentence_conflicts() -> None:
    a = "Inspector Morrow led the search of the warehouse on the quay on Tuesday night."
    b = "Inspector Garland led the search of the warehouse on the quay on Tuesday night."
    assert compare(a, b).relation == "conflict"


def test_one_word_put_for_another_in_a_short_sentence_conflicts() -> None:
    """A short sentence's one swapped word is a large share of it, so its similarity is low;
    that the swap is the only difference is what says it is another fact."""
    pairs = [
        ("The mayor signed the order on Tuesday.", "The governor signed the order on Tuesday."),
        ("A named official confirmed the talks.", "An unnamed official confirmed the talks."),
    ]
    for a, b in pairs:
        assert compare(a, b).relation == "conflict", (a, b)


def test_a_pronoun_that_follows_a_changed_name_is_no_second_difference() -> None:
    name = Conflict("entity", "Liz", "Dick", "Liz vs Dick: a different name in the same place")
    a = "On Friday, Liz Okonjo set out her position in a written statement."
    b = "On Friday, Dick Okonjo set out his position in a written statement."
    assert compare(a, b).relation == "conflict"
    assert features([name], 0.8, 0.8, changes=1)["single"] == 1.0
    assert features([name], 0.8, 0.8, changes=2)["single"] == 0.0
