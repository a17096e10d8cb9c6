"""Running every check: each kind, the shared-words gate, anchored figures only, headlines."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.claims.compare import prepare
from newsterm.claims.conflicts.find import find_conflicts

from .conftest import _kinds


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The mayor said his brother had been hired by the city water department last year.",
            "The mayor said his sister had been hired by the city water department last year.",
            "antonym",  # WordNet's opposites; the closed set of relatives helped one story only
        ),
        (
            "The new stadium will hold games for the next ten years, the league announced.",
            "The new stadium will hold games for the next ten days, the league announced.",
            "entity",
        ),
        (
            "Inspectors said the old bridge had passed an inspection in March before it closed.",
            "Inspectors said the old bridge had failed an inspection in March before it closed.",
            "antonym",
        ),
        (
            "Firefighters described the blaze near the refinery as controlled on Sunday night.",
            "Firefighters described the blaze near the refinery as uncontrolled on Sunday night.",
            "antonym",
        ),
        (
            "Police captured the escaped inmate near the border town after a long search.",
            "Police failed to capture the escaped inmate near the border town after a long search.",
            "negation",
        ),
        (
            "The storm left over 30 families homeless in the coastal villages, officials said.",
            "The storm left over 45 families homeless in the coastal villages, officials said.",
            "number",
        ),
        (
            "The fair opened in Spain in 2019 and its second edition will open in Spain in May.",
            "The fair opened in Spain in 2019 and its second edition will open in Portugal in May.",
            "entity",
        ),
    ],
)
def test_changed_fact_is_a_conflict(a: str, b: str, kind: str) -> None:
    """A fact changed in one place of an otherwise identical claim is reported with its kind."""
    result = compare(a, b)
    assert result.relation == "conflict"
    assert kind in _kinds(a, b)


def test_one_shared_word_is_not_enough_for_a_negation() -> None:
    """Two short sentences sharing a single word do not negate each other."""
    result = compare("Britain is not a playground.", "Is this really the playground?")
    assert "negation" not in {c.kind for c in result.conflicts}


def test_a_short_sentence_inside_a_long_one_is_checked_only_for_anchored_figures() -> None:
    """The long sentence's other clauses tell of other people: one man's age is not another's.
    A figure counting the same thing after the same words is still checked."""
    short = "Labrador, who is 46, said he was stunned when the leader lost his primary election."
    long = (
        "Carter, 49, began gathering commitments from other members on Wednesday, the day after "
        "the leader suffered a stunning loss in the primary election for his seat."
    )
    assert compare(short, long).conflicts == ()
    toll = "Police said 12 people were killed in the blast."
    told_at_length = (
        "The blast, which police said killed 14 people and wounded dozens more near the central "
        "market on Friday morning, was the third this month."
    )
    assert _kinds(toll, told_at_length) == {"number"}


def test_title_case_wording_in_a_headline_is_not_an_entity_conflict() -> None:
    """'Approves Budget' against 'Passes Budget' is house style, not two names."""
    a = prepare("City Council Approves Harbour Budget After Long Debate", headline=True)
    b = prepare("City Council Passes Harbour Budget After Long Debate", headline=True)
    assert find_conflicts(a, b) == []
    # The same words as body text with real names in them still conflict by name.
    c = prepare("Mayor Ada Kessler approved the harbour budget after a long debate.")
    d = prepare("Mayor Ben Okafor approved the harbour budget after a long debate.")
    assert [conflict.kind for conflict in find_conflicts(c, d)] == ["entity"]


def test_a_headline_that_denies_what_another_asserts_is_a_conflict() -> None:
    a = prepare("Ozy Media founder arrested on fraud charges", headline=True)
    b = prepare("Ozy Media founder not arrested on fraud charges", headline=True)
    assert [conflict.kind for conflict in find_conflicts(a, b)] == ["negation"]
