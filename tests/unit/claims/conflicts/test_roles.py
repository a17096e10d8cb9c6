"""Who does what: words that trade places, and a role held alone against one shared."""

from __future__ import annotations

import pytest

from newsterm import compare


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Rovers beat United 2-1 in the cup final at the national stadium on Sunday.",
            "United beat Rovers 2-1 in the cup final at the national stadium on Sunday.",
        ),
        # Short: little else to be alike in, yet the winner and the loser have changed.
        ("Okafor beat Lindqvist in the final.", "Lindqvist beat Okafor in the final."),
        (
            "Nurses may keep the app on their home phones but must remove it from hospital "
            "phones, the board said.",
            "Nurses may keep the app on their hospital phones but must remove it from home "
            "phones, the board said.",
        ),
    ],
)
def test_two_words_trading_places_conflict(a: str, b: str) -> None:
    """Every word is shared, but each passage says of one thing what the other says of the
    other: the winner and the loser, the phones kept and the phones cleared."""
    result = compare(a, b)
    assert result.relation == "conflict"
    assert any("trade places" in c.explanation or "swap" in c.explanation for c in result.conflicts)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Ana Ruiz defeated Carla Mendes in the mayoral runoff on Sunday, officials said.",
            "Carla Mendes defeated Ana Ruiz in the mayoral runoff on Sunday, officials said.",
        ),
        (
            "Lakeside Energy sued Northgate Power over the pipeline deal, court filings showed.",
            "Northgate Power sued Lakeside Energy over the pipeline deal, court filings showed.",
        ),
    ],
)
def test_names_of_several_words_trade_places_as_one(a: str, b: str) -> None:
    """A name moves whole: word by word, "Ana Ruiz" and "Carla Mendes" never trade places
    (first name with last name), yet the winner and the loser have."""
    result = compare(a, b)
    assert result.relation == "conflict"
    (conflict,) = result.conflicts
    assert "trade places" in conflict.explanation
    assert {conflict.a, conflict.b} in (
        {"Ana Ruiz", "Carla Mendes"},
        {"Lakeside Energy", "Northgate Power"},
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The ads will run in Dover, East Harbor and New Salem, the campaign said on Friday.",
            "The ads will run in New Salem, East Harbor and Dover, the campaign said on Friday.",
        ),
        (
            "Delegates from Peru, Chile, Bolivia or Ecuador may attend the summit next week.",
            "Delegates from Ecuador, Chile, Bolivia or Peru may attend the summit next week.",
        ),
    ],
)
def test_a_list_told_in_another_order_is_no_conflict(a: str, b: str) -> None:
    """Items of one list, parted by commas and a conjunction, are the same list in any order,
    however many items stand between the two that moved."""
    assert not compare(a, b).conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Talks between Rovers and United officials resumed at the stadium on Sunday.",
            "Talks between United and Rovers officials resumed at the stadium on Sunday.",
        ),
        (
            "Rovers met United officials at the national stadium on Sunday to settle the row.",
            "United met Rovers officials at the national stadium on Sunday to settle the row.",
        ),
        (
            "The maker showed its Falcon Sport and Falcon Classic engines at the show on Monday.",
            "The maker showed its Falcon Classic and Falcon Sport engines at the show on Monday.",
        ),
    ],
)
def test_words_trading_places_across_a_symmetric_link_are_no_conflict(a: str, b: str) -> None:
    """ "X and Y", "X met Y", "Falcon Sport and Falcon Classic": the same claim in either
    order, even when the name both items share is said again before the second."""
    assert not compare(a, b).conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The governor met Ana Ruiz at a hotel in Denver to discuss the new water plan.",
            "At a hotel in Denver, Ana Ruiz met the governor to discuss the new water plan.",
        ),
        (
            '"We will keep the plant open this year," said Maria Lopez, chief executive, Norvale.',
            'Norvale\'s chief executive Maria Lopez said: "We will keep the plant open this year."',
        ),
        (
            "Rescuers pulled two miners from the flooded shaft on Tuesday, the company said.",
            "The company said rescuers pulled two miners from the flooded shaft on Tuesday.",
        ),
        (
            "The bank raised its forecast for growth this year, citing strong exports.",
            "Citing strong exports, the bank raised its growth forecast for this year.",
        ),
    ],
)
def test_reordered_sentence_is_not_a_conflict(a: str, b: str) -> None:
    """Moving names and words around without changing them is the same claim, not a conflict."""
    assert compare(a, b).relation == "match"


@pytest.mark.parametrize(("role_a", "role_b"), [("co-founder", "founder"), ("host", "co-host")])
def test_a_role_shared_against_one_held_alone_conflicts(role_a: str, role_b: str) -> None:
    """ "The co-founder" and "the founder" credit the person with different things."""
    sentence = "The {} of the small bakery chain was questioned by police on Monday evening."
    result = compare(sentence.format(role_a), sentence.format(role_b))
    assert result.relation == "conflict"
    (conflict,) = result.conflicts
    assert conflict.kind == "entity"
    assert "shared with others" in conflict.explanation


def test_co_written_as_one_word_is_no_other_role() -> None:
    """ "co-operate" and "cooperate" are one spelling question, not two roles."""
    a = "The two cities will co-operate on the new tram line, the regional council said."
    b = "The two cities will cooperate on the new tram line, the regional council said."
    assert not compare(a, b).conflicts


def test_common_words_swapped_are_weighed_not_taken_for_parties() -> None:
    """Two parties trading places is an explicit fact; two common words swapped ("home" and
    "hospital" phones) may be a phrase told in another order ("Dividend 20 pct (unchanged)" /
    "an unchanged 20 pct dividend"), so it is told as a swap and weighed by the combiner."""
    a = "Nurses may keep the app on their home phones but must remove it from hospital phones."
    b = "Nurses may keep the app on their hospital phones but must remove it from home phones."
    (conflict,) = compare(a, b).conflicts
    assert "swap" in conflict.explanation and "trade places" not in conflict.explanation
