"""Negation conflicts: a claim denied on one side only, or an exception carved out of it."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.claims.conflicts import negation

from .conftest import _kinds


# A denial of what the other passage tells
@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (  # what is denied, "recovered", is not what the other tells
            "Klitschko bombed Thompson with a vicious right hand in the fifth round, putting him "
            "down late in the frame.",
            "Thompson never recovered from a big right hand from Klitschko near the end of the "
            "fifth round.",
            False,
        ),
        (  # what is denied is told by the other
            "The minister was arrested on fraud charges in the capital on Thursday, police said.",
            "The minister was not arrested on fraud charges in the capital on Thursday, police "
            "said.",
            True,
        ),
        (  # alike but for the negation and a synonym: the synonym need not be found
            "Staff are now forced to delete the app from their work phones, the commission said.",
            "Staff are not required to delete the app from their work phones, the commission said.",
            True,
        ),
    ],
)
def test_a_negation_conflicts_only_with_what_it_denies(a: str, b: str, conflict: bool) -> None:
    assert ("negation" in _kinds(a, b)) is conflict


def test_denied_word_against_the_word_itself_still_conflicts() -> None:
    """ "did not win" against "won" remains a negation conflict."""
    a = "The home side did not win the derby at the old stadium on Saturday evening."
    b = "The home side won the derby at the old stadium on Saturday evening."
    assert "negation" in _kinds(a, b)


def test_a_negation_added_before_a_told_word_still_conflicts() -> None:
    a = "Two soldiers of the patrol were seriously hurt when the bomb went off on Friday."
    b = "Two soldiers of the patrol were not seriously hurt when the bomb went off on Friday."
    assert [c.kind for c in compare(a, b).conflicts] == ["negation"]


@pytest.mark.parametrize("cut", ["...", "…", " ..."])
def test_an_excerpt_cut_off_where_the_other_denies_is_no_conflict(cut: str) -> None:
    """A roundup's or a feed summary's excerpt stops on an ellipsis: whether the next word was
    "no" is not known. Told in full, the same words conflict."""
    a = "The harbour plan passed 9-1 with councillor Ada Moss as the lone vote"
    b = "Only councillor Ada Moss voted no."
    assert "negation" not in _kinds(a + cut, b)
    assert "negation" in _kinds(a + ".", b)


def test_a_negation_added_beside_one_moved_still_conflicts() -> None:
    """One more denial in one passage than in the other is still a denial of the claim."""
    a = "The inspectors said the flooding was caused by the broken dam, not by the storm."
    b = "The inspectors said the flooding was not caused by the dam, and not by the storm."
    assert "negation" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The inspectors said the flooding was caused by the broken dam, not by the storm.",
            "The inspectors said the flooding was not caused by the storm but by the broken dam.",
        ),
        (
            "None of the council members backed the plan, nor was the mayor consulted on it.",
            "None of the council members backed the plan and the mayor was not consulted on it.",
        ),
    ],
)
def test_a_negation_moved_within_the_sentence_is_no_conflict(a: str, b: str) -> None:
    """Both passages deny the same thing, in different places: neither negates the other."""
    assert "negation" not in _kinds(a, b)


def test_a_negation_that_adds_a_detail_denies_nothing() -> None:
    """ "wounding four, none seriously" says more than "wounding four", not the opposite."""
    a = "Two bombs were thrown at the patrol in the old town, wounding four."
    b = "Two bombs were thrown at the patrol in the old town, wounding four, none seriously."
    assert not compare(a, b).conflicts


# Two ways of denying one thing
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The airline confirmed the crash but gave no details about the passengers on board.",
            "The airline confirmed the crash but declined to give details about the passengers "
            "on board.",
        ),
        (
            "The museum said the sketch was not known to experts before the auction last week.",
            "The museum said the sketch was unknown to experts before the auction last week.",
        ),
        (
            "The home side did not win the derby at the old stadium on Saturday evening.",
            "The home side lost the derby at the old stadium on Saturday evening.",
        ),
        (
            "Of the whole council, only Alderman Price of Ward 4 voted no on the levy.",
            "Alderman Price was the only council member to vote against the levy.",
        ),
        (
            "The governor will not set up a new panel on the flooding, aides said.",
            "The governor is opposing setting up a new panel on the flooding, aides said.",
        ),
    ],
)
def test_two_ways_of_denying_are_not_a_conflict(a: str, b: str) -> None:
    """A "not" against a word that denies by itself ("declined", "unknown", "against",
    "opposing") or against the opposite of the denied word ("did not win"/"lost") tells the same
    thing."""
    assert not compare(a, b).conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The league has seen three failures in a row to agree a new television deal.",
            "Three times in a row the league failed to agree a new television deal.",
        ),
        (
            "The two men were charged with failure to report the money to the tax office.",
            "The two men were charged with failing to report the money to the tax office.",
        ),
        (
            "Officials blamed the mayor's refusal to sign the budget for the shutdown.",
            "Officials said the mayor refused to sign the budget, causing the shutdown.",
        ),
    ],
)
def test_a_failure_told_as_a_noun_is_the_same_denial(a: str, b: str) -> None:
    """ "their failure to agree" and "they failed to agree" deny the same thing."""
    assert not [c for c in compare(a, b).conflicts if c.kind == "negation"]


def test_yet_to_is_a_negation() -> None:
    """ "Had yet to regain consciousness" is "had not yet regained" told another way."""
    a = "Police said the second victim had not yet regained consciousness on Wednesday."
    b = "Police said the second victim had yet to regain consciousness on Wednesday."
    assert "negation" not in _kinds(a, b)


# Words that look like a denial and are not
def test_not_inside_a_hyphenated_compound_is_no_negation() -> None:
    """ "the do-not-call list" names a list; it does not deny the claim."""
    a = "Regulators said the do-not-call list had grown to 50 million numbers this year."
    b = "Regulators said the call list had grown to 50 million numbers this year."
    assert "negation" not in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "There is no question that the port must reopen before the harvest, he said.",
            "There is little question that the port must reopen before the harvest, he said.",
        ),
        (
            "The minister said there is no doubt that the port must reopen before the harvest.",
            "The minister said it is clear that the port must reopen before the harvest.",
        ),
        (
            "No wonder the port must reopen before the harvest, the minister said.",
            "The port must reopen before the harvest, the minister said.",
        ),
        (
            "Florida's primary isn't until March 9, after 28 other states have voted.",
            "Florida's primary will be March 9, after 28 other states have voted.",
        ),
    ],
)
def test_an_idiom_that_affirms_is_no_negation(a: str, b: str) -> None:
    """ "There is no question that the port must reopen" asserts that it must."""
    assert "negation" not in _kinds(a, b)


def test_no_question_asked_still_negates() -> None:
    """Outside the idiom, "no question" denies: nobody asked one."""
    a = "No question was asked about the port at the briefing, reporters said."
    b = "A question was asked about the port at the briefing, reporters said."
    assert "negation" in _kinds(a, b)


# Exceptions
def test_an_exception_carved_out_of_the_claim_conflicts() -> None:
    """ "Open to foreign airlines" against "open to all airlines except foreign ones"."""
    a = "The island is opening its two airports to foreign airlines from next spring."
    b = (
        "The island is opening its two airports to all airlines except foreign ones from next "
        "spring."
    )
    result = compare(a, b)
    assert result.relation == "conflict"
    assert any("exception" in c.explanation for c in result.conflicts)


def test_the_same_exception_in_both_is_no_conflict() -> None:
    a = "The island is opening its two airports to all airlines except foreign ones next spring."
    b = "The island is opening both its airports to all airlines except foreign ones next spring."
    assert not compare(a, b).conflicts


def test_things_set_apart_in_other_words_are_no_exception_conflict(monkeypatch) -> None:
    """ "Excluding volatile fuel costs" and "even setting aside fuel costs" set the same things
    apart in their own words: the other passage has words of its own where the exception is,
    so its exception cannot be read as missing."""
    a = "Excluding volatile fuel costs, the harbour index rose 4 percent in March."
    b = "Even setting aside fuel costs, the harbour index rose 4 percent in March."
    assert "negation" not in _kinds(a, b)
    monkeypatch.setattr(negation, "_content", lambda *_: ["other"])  # the words read alike
    assert "negation" in _kinds(a, b)


def test_a_denial_said_twice_in_a_row_denies_once() -> None:
    """Speech transcribed word for word repeats itself ("we will not, we will not give in"); an
    outlet that tidies the quotation denies as often, and tells the same thing."""
    a = (
        "“We are going to be clear with the board that we will not, we will not give in to "
        "these demands,” the union leader said on Friday."
    )
    b = (
        "The union leader said on Friday they are going to be clear with the board that we "
        "will not give in to these demands."
    )
    assert "negation" not in _kinds(a, b)
