"""Date conflicts: relative dates resolved against each article's publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsterm import compare

from .conftest import _kinds


def _date_conflicts(a: str, b: str, published_a: date, published_b: date) -> list[str]:
    result = compare(a, b, published_a=published_a, published_b=published_b)
    return [c.explanation for c in result.conflicts if c.kind == "date"]


# Dates that name the same time, or different ones
def test_same_weekday_words_a_day_apart_agree() -> None:
    """Two outlets saying "on Friday" in articles a day apart report the same day."""
    text = "The minister resigned on Friday after weeks of pressure over the contract."
    assert _date_conflicts(text, text, date(2021, 5, 27), date(2021, 5, 28)) == []


@pytest.mark.parametrize(
    ("when_a", "when_b", "conflict"),
    [
        ("on March 3", "on March 3", False),
        ("on March 3", "on March 9", True),
        ("last week", "last week", False),
    ],
)
def test_explicit_and_relative_dates(when_a: str, when_b: str, conflict: bool) -> None:
    """Dates in the same place of one claim conflict only when they name different days."""
    text = "The company recalled the heaters {} after reports of fires in three homes."
    found = _date_conflicts(
        text.format(when_a), text.format(when_b), date(2022, 3, 10), date(2022, 3, 11)
    )
    assert bool(found) is conflict


def test_year_against_so_far_this_year_in_a_later_year() -> None:
    """ "in 2019" and "so far this year" in an article from 2020 are different years."""
    a = "The port handled about two million containers in 2019, the authority said."
    b = "The port handled about two million containers so far this year, the authority said."
    found = _date_conflicts(a, b, date(2020, 3, 2), date(2020, 3, 4))
    assert found and "2020" in found[0]


@pytest.mark.parametrize("relative", ["last month", "next month", "last week"])
def test_a_relative_period_against_a_year_is_compared_not_guessed(relative: str) -> None:
    """ "Last month" names no month of its own: its resolved date is compared as it is (its
    key, "month:-1", once crashed the check for guessed years, and "next month", "month:1",
    passed for January)."""
    a = f"Sales fell {relative}, the company said on Monday in a statement."
    b = "Sales fell in 2008, the company said on Monday in a statement."
    found = _date_conflicts(a, b, date(2010, 5, 18), date(2010, 5, 18))
    assert found and "2008" in found[0]


def test_a_year_guessed_for_a_day_does_not_conflict_with_a_year_given() -> None:
    """ "That March 2 rally" in a 2010 article and "the 2008 rally": the year of March 2 is
    only the article's, so it cannot contradict the year the other outlet gives."""
    a = "At that March 2 rally, Smith said he had served in the navy for six years."
    b = "At the 2008 rally, Smith said he had served in the navy for six years."
    assert _date_conflicts(a, b, date(2010, 5, 18), date(2010, 5, 18)) == []
    c = "At the March 9, 2010 rally, Smith said he had served in the navy for six years."
    assert _date_conflicts(a, c, date(2010, 5, 18), date(2010, 5, 18))


def test_a_date_the_other_passage_names_too_is_no_conflict() -> None:
    """ "Dating back to 1977" and "from 1977 through 2006" agree on 1977."""
    a = "The couple have released their tax returns dating back to 1977, aides said."
    b = "The couple have released their tax returns from 1977 through 2006, aides said."
    assert _date_conflicts(a, b, date(2015, 7, 31), date(2015, 7, 31)) == []


def test_dates_in_a_long_rewritten_stretch_date_different_things() -> None:
    """A short sentence inside a long one: its year dates an earlier run, the long one's
    weekday the announcement. Nothing says they date the same event."""
    a = "Smith ran for mayor in 2008."
    b = (
        "Smith, a former council member who announced his run for mayor on Tuesday, has spoken "
        "out on housing, transport and the harbour redevelopment."
    )
    assert _date_conflicts(a, b, date(2015, 5, 5), date(2015, 5, 5)) == []


# The day of the telling against the day of the event
@pytest.mark.parametrize(
    "telling",
    [
        "army spokeswoman Ann Reyes said Sunday",
        "the ministry said on Sunday",
        "a police officer told reporters Sunday",
        "the mayor added Sunday",
        "the mayor tweeted on Sunday",
        "the governor wrote Sunday",
    ],
)
def test_the_day_something_was_said_is_not_the_day_it_happened(telling: str) -> None:
    """ "Gunmen ambushed the convoy, a spokeswoman said Sunday" dates the telling: against
    "ambushed the convoy on Saturday" it is no conflict."""
    a = "Gunmen ambushed the aid convoy on Saturday near the border town, officials said."
    b = f"Gunmen ambushed the aid convoy near the border town, {telling}, a day after the attack."
    assert not _date_conflicts(a, b, date(2024, 3, 4), date(2024, 3, 4))


def test_two_days_of_telling_still_differ() -> None:
    a = "The border crossing will reopen next month, the ministry said on Monday."
    b = "The border crossing will reopen next month, the ministry said on Thursday."
    assert _date_conflicts(a, b, date(2024, 3, 5), date(2024, 3, 5))


def test_a_day_after_a_verb_of_news_is_still_the_event() -> None:
    """ "announced" is news in itself: the day of an announcement is the event's day."""
    a = "The carmaker announced on Monday that it will close its plant in the town."
    b = "The carmaker announced on Thursday that it will close its plant in the town."
    assert _date_conflicts(a, b, date(2024, 3, 8), date(2024, 3, 8))


def test_the_date_of_an_earlier_event_bounds_the_claim_and_is_not_its_date() -> None:
    """ "after an increase in 2016" dates the increase the decline followed, not the year the
    other passage reports: the two years are not two dates of one fact. Two such earlier
    events dated apart still conflict."""
    a = "2021 marks the fifth straight year that the number of ferry passengers has fallen."
    b = (
        "This is the fifth straight year that the number of ferry passengers has fallen after "
        "a rise in 2016, the port authority said."
    )
    assert "date" not in _kinds(a, b)
    c = b.replace("2016", "2015")
    assert "date" in _kinds(b, c)
