"""Name conflicts: another name put in a claim's place, and the forms of one name that are not."""

from __future__ import annotations

import pytest

from newsterm import compare

from .conftest import _candidate_kinds, _kinds


# Another name in the same place
def test_different_countries_with_shared_first_word_conflict() -> None:
    """Two names that share a first word ("United ...") are still different names."""
    a = "Protesters from the United Kingdom gathered outside the embassy on Thursday morning."
    b = "Protesters from the United States gathered outside the embassy on Thursday morning."
    assert "entity" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a_name", "b_name"),
    [
        ("Bank of Canada", "Bank of England"),  # names sharing only "bank of"
        ("Halley's Comet", "Halley's Crater"),  # a possessive name
    ],
)
def test_names_sharing_a_word_can_differ(a_name: str, b_name: str) -> None:
    """Two names that share a word but not the rest are different names in the same place."""
    sentence = "Reporters said {} had been at the centre of the debate for a week."
    assert "entity" in _kinds(sentence.format(a_name), sentence.format(b_name))


def test_another_surname_after_the_same_title_and_first_name_conflicts() -> None:
    """ "Party Leader Anna Berg" against "Party Leader Anna Maria Holm": two people, though the
    names share three words."""
    a = "Green Party Leader Anna Berg has closed her account on the video app on Monday."
    b = "Green Party Leader Anna Maria Holm has closed her account on the video app on Monday."
    assert "entity" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Brazil's central bank raised its main rate for a third time on Wednesday.",
            "Chile's central bank raised its main rate for a third time on Wednesday.",
        ),
        (
            "Germany will send two more air defence systems to the front, officials said.",
            "Poland will send two more air defence systems to the front, officials said.",
        ),
    ],
)
def test_name_opening_a_sentence_is_still_a_name(a: str, b: str) -> None:
    """A country, or a word owning something ("Brazil's"), at the start of a sentence is a name,
    so another one put in its place is an entity conflict."""
    assert "entity" in _kinds(a, b)


def test_a_name_that_acts_is_still_compared() -> None:
    """ "The Bank of Japan said it would buy bonds" is the bank acting, not a source."""
    a = "The Bank of Japan said on Wednesday it would conduct emergency bond buying."
    b = "The Bank of India said on Wednesday it would conduct emergency bond buying."
    assert "entity" in _kinds(a, b)


# One name written in other forms
def test_demonym_is_not_a_different_name() -> None:
    """ "Peru" and "Peruvian" in the same place name the same country."""
    a = "Peru officials confirmed the outbreak in the northern province on Friday."
    b = "Peruvian officials confirmed the outbreak in the northern province on Friday."
    assert "entity" not in _kinds(a, b)


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
            "Police said Mohammed Karimi was arrested at the airport on Sunday night.",
            "Police said Mohammad Karimi was arrested at the airport on Sunday night.",
        ),
        (
            "The NFL chief Roger Goodell announced the new rules on Monday in a letter.",
            "The National Football League chief Roger Goodell announced the new rules on Monday.",
        ),
    ],
)
def test_spelling_variant_and_acronym_are_one_name(a: str, b: str) -> None:
    """A transliteration or an acronym of the same name is not an entity conflict."""
    assert "entity" not in _kinds(a, b)


def test_state_abbreviation_is_the_same_name() -> None:
    """ "Ark." for "Arkansas" is the same place told shorter."""
    a = "The senator made the announcement in his hometown of Hope, Arkansas, on Tuesday."
    b = "The senator made the announcement in his hometown of Hope, Ark., on Tuesday."
    assert "entity" not in _kinds(a, b)


@pytest.mark.parametrize(
    ("a_name", "b_name"),
    [
        ("Gen. Okafor", "General Okafor"),  # a title written two ways
        ("Tom Brandt", "Thomas K. Brandt"),  # a short first name and a middle initial
        ("Al-Mansura", "Mansoura"),  # the Arabic article and a transliteration
        ("the Pentagon", "the Defense Department"),  # a listed alias
    ],
)
def test_one_name_written_two_ways_is_not_a_conflict(a_name: str, b_name: str) -> None:
    """Titles, short first names, transliterations and aliases do not make a different name."""
    sentence = "Reporters said {} had been at the centre of the debate for a week."
    assert "entity" not in _kinds(sentence.format(a_name), sentence.format(b_name))


@pytest.mark.parametrize(
    ("a_name", "b_name"),
    [
        ("the Vera Rubin Space Telescope", "the Vera Rubin Space Observatory"),  # no title
        ("the Dane County Sheriff Department", "the Dane County Sheriff Office"),  # house style
    ],
)
def test_another_last_word_without_a_title_or_for_an_office_is_no_other_name(
    a_name: str, b_name: str
) -> None:
    sentence = "Reporters said {} had been at the centre of the debate for a week."
    assert "entity" not in _kinds(sentence.format(a_name), sentence.format(b_name))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The bodies of Ms McMeekin and Miss Jenkin were found in their house on Saturday.",
            "The bodies of Alice McMeekin and Katie Jenkin were found in their house on Saturday.",
        ),
        (
            "The Hollywood Reporter says Ross is in talks with the studio to return as director.",
            "According to THR, Ross is in talks with the studio to return as director.",
        ),
    ],
)
def test_a_title_or_the_initials_of_a_name_are_the_same_name(a: str, b: str) -> None:
    """ "Miss Jenkin" is "Katie Jenkin"; "THR" is "The Hollywood Reporter"."""
    assert "entity" not in _kinds(a, b)


@pytest.mark.parametrize(
    ("b", "conflict"),
    [
        ("In Damascus, the minister, Ahmed, dismissed the charges as baseless today.", False),
        ("In Damascus, the minister, Hassan, dismissed the charges as baseless today.", True),
    ],
)
def test_a_surname_spelled_another_way_is_the_same_person(b: str, conflict: bool) -> None:
    """One outlet writes the full title and name, the other the surname in its own spelling."""
    a = "In Damascus, Syrian Information Minister Ahmad dismissed the charges as baseless today."
    assert ("entity" in _candidate_kinds(a, b)) is conflict


@pytest.mark.parametrize(
    ("b", "conflict"),
    [
        ("Earlier on Friday, Elizabeth Cheney set out her position in a written statement.", False),
        ("Earlier on Friday, Dick Cheney set out his position in a written statement.", True),
    ],
)
def test_a_nickname_is_the_same_person(b: str, conflict: bool) -> None:
    """ "Liz Cheney" is "Elizabeth Cheney"; her father is someone else."""
    a = "Earlier on Friday, Liz Cheney set out her position in a written statement."
    assert ("entity" in _kinds(a, b)) is conflict


def test_a_name_told_in_another_accepted_form_elsewhere_is_no_swap() -> None:
    """ "The U.S. market" against "the PC market in the United States": both name the U.S."""
    a = "Dell has about 32 percent of the U.S. market, but a much lower share elsewhere."
    b = "Dell has 32 percent of the PC market in the United States, but a lower share elsewhere."
    assert "entity" not in _kinds(a, b)


def test_a_person_named_later_by_another_form_of_her_name_was_not_replaced() -> None:
    """One outlet names "Liz Cheney"; the other names her father first and her, as
    "Elizabeth", later: both name her, so no one was put in her place."""
    a = "Mary Cheney, the younger sister of Liz Cheney, criticised her sister's stance on Friday."
    b = (
        "Mary Cheney, a daughter of Dick Cheney, criticised her older sibling, Elizabeth, for her "
        "stance on Friday."
    )
    named = [c.explanation for c in compare(a, b).conflicts if "Liz" in c.explanation]
    assert named == []


# Who told the story, and capitals that are not names
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # who told it
            "Kirkpatrick, 61, was charged on Saturday with first-degree murder, Vancouver "
            "police said.",
            "Kirkpatrick, 61, was charged on Saturday with first-degree murder, the CBC reported.",
        ),
        (  # one place written short and long
            "The climber died in the Mt Cook National Park on Saturday, police said.",
            "The climber died in the Mount Cook National Park on Saturday, police said.",
        ),
        (
            "She was struck as she walked into the store at 200 W. American Blvd. on Wednesday.",
            "She was struck as she walked into the store at 200 West American Boulevard on "
            "Wednesday.",
        ),
        (  # a plural
            "Thompson, the mandatory challenger, fell to 36-3 (24 KOs) on Saturday.",
            "Thompson, the mandatory challenger, fell to 36-3 (24 KO) on Saturday.",
        ),
    ],
)
def test_a_source_or_a_spelling_is_not_a_different_name(a: str, b: str) -> None:
    """Outlets credit different sources and abbreviate differently; the claim is the same."""
    assert "entity" not in _kinds(a, b)


def test_a_source_on_one_side_only_is_no_swap() -> None:
    """ "According to THR, Ross will direct" tells who reported it; the other outlet's "Gary
    Ross" in the same place is the subject, not a rival source."""
    a = "Gary Ross is back in talks to direct the sequel Catching Fire, the studio said."
    b = "According to THR, Ross is back in talks to direct the sequel Catching Fire, studio said."
    assert "entity" not in _kinds(a, b)


def test_common_word_opening_a_sentence_is_not_a_name() -> None:
    """'Shares' and 'Stocks' open a sentence only because of grammar: no name conflict."""
    a = "Shares of the carmaker rose sharply in early trading after the results."
    b = "Stocks of the carmaker rose sharply in early trading after the results."
    assert "entity" not in _kinds(a, b)


def test_pronoun_contraction_is_not_a_name() -> None:
    """ "I'll" at the start of a quotation is not a name that can conflict with one."""
    a = "As governor, I'll end the state's war on small farms, he said at the fair."
    b = "As governor, Smith will end the state's war on small farms, he said at the fair."
    assert not any("I'll" in c.explanation for c in compare(a, b).conflicts)


def test_a_headline_in_title_case_is_not_one_long_name() -> None:
    """A title-case headline is a run of capitalised words, not a name to set against one."""
    a = "Singer Ann Lee is missing after pretending to check into an unlicensed Calif. clinic."
    b = "Singer Ann Lee Checks Out Of Sunny Hills Treatment Center And Into Malibu Rehab"
    assert "entity" not in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Okafor's company paid the fine, the regulator said.",
            "Lindqvist's company paid the fine, the regulator said.",
        ),
        (
            "Inspectors found rats in Delmonte's kitchen on Tuesday.",
            "Inspectors found rats in Harwood’s kitchen on Tuesday.",
        ),
    ],
)
def test_a_possessive_owner_changed_is_a_conflict_however_short(a: str, b: str) -> None:
    """The same thing owned by another party: as plain a difference as a figure, even in a
    sentence too short for its similarity to say much."""
    result = compare(a, b)
    assert result.relation == "conflict"
    (conflict,) = result.conflicts
    assert "a different owner of the same" in conflict.explanation


def test_an_owner_named_inside_the_other_name_is_not_another_owner() -> None:
    """ "the U.S. FBI's list" and "the United States' list": one name holds the other (in an
    alias's form), so at most a name told two ways, weighed as such, never an owner changed."""
    a = "He is on the U.S. FBI's list of most wanted suspects, officials said."
    b = "He is on the United States' list of most wanted suspects, officials said."
    assert not any("owner" in c.explanation for c in compare(a, b).conflicts)
