"""Date conflicts: relative dates resolved against each article's publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsterm import compare


def _date_conflicts(a: str, b: str, published_a: date, published_b: date) -> list[str]:
    result = compare(a, b, published_a=published_a, published_b=published_b)
    return [c.explanation for c in result.conflicts if c.kind == "date"]


def test_same_weekday_words_a_day_apart_agree() -> None:
    """Two outlets saying "on Friday" in articles a day apart report the same day."""
    text = "The minister resigned on Friday after weeks of pressure over the contract."
    assert _date_conflicts(text, text, date(2021, 5, 27), date(2021, 5, 28)) == []


def test_year_against_so_far_this_year_in_a_later_year() -> None:
    """ "in 2019" and "so far this year" in an article from 2020 are different years."""
    a = "The port handled about two million containers in 2019, the authority said."
    b = "The port handled about two million containers so far this year, the authority said."
    found = _date_conflicts(a, b, date(2020, 3, 2), date(2020, 3, 4))
    assert found and "2020" in found[0]


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


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("slated for June 25", date(2013, 1, 30), date(2013, 6, 25)),  # the coming June
        ("on December 20", date(2014, 1, 5), date(2013, 12, 20)),  # last December
        ("on March 2", date(2020, 3, 4), date(2020, 3, 2)),  # two days before
    ],
)
def test_month_day_without_year_is_the_nearest_such_day(
    phrase: str, published: date, expected: date
) -> None:
    """A day and month without a year are resolved to the occurrence nearest the article."""
    from newsterm.facts.extract import extract_facts

    (mention,) = extract_facts(f"The vote is {phrase}.", published).dates
    assert mention.low == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2015, 2, 25), date(2015, 3, 1)),  # a speech "in March", days away
        (date(2015, 10, 5), date(2015, 3, 1)),  # a law passed "in March", seven months back
        (date(2015, 12, 5), date(2016, 3, 1)),  # a season ahead
    ],
)
def test_month_without_year_is_the_coming_one_only_when_near(
    published: date, expected: date
) -> None:
    """A month named without a year points ahead only within a season, else back."""
    from newsterm.facts.extract import extract_facts

    (mention,) = extract_facts("The speech is in March.", published).dates
    assert mention.low == expected


def test_dates_in_a_long_rewritten_stretch_date_different_things() -> None:
    """A short sentence inside a long one: its year dates an earlier run, the long one's
    weekday the announcement. Nothing says they date the same event."""
    a = "Smith ran for mayor in 2008."
    b = (
        "Smith, a former council member who announced his run for mayor on Tuesday, has spoken "
        "out on housing, transport and the harbour redevelopment."
    )
    assert _date_conflicts(a, b, date(2015, 5, 5), date(2015, 5, 5)) == []


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


_EVERY_FORM = (
    "On 2024-03-05, Tuesday, March 5, 2024 and 5th of March 2024, in Sept. 2023, so far this "
    "year, year to date, so far in 2022, earlier this month, later this week, last Friday, next "
    "month, past year, previous week, coming weekend, this March, three days ago, a few weeks "
    "ago, several months ago, an hour and 12 years ago, yesterday, today, tonight, this morning, "
    "last night, the weekend, Sunday, Wednesday, the 1990s, 1980s, in May, June, Dec 1999, 31 "
    "December. Jan, Feb, Apr, Aug, Oct and Nov follow; eleven years ago and twelve weeks ago."
)


def test_first_letter_filter_finds_every_date_the_full_pattern_finds() -> None:
    """The scan skips words whose first letter no date form starts with; checked against the
    same alternatives without that shortcut, over every form and the bundled seeds."""
    import re

    from newsterm.corpus.load import seeds_path
    from newsterm.facts import dates

    plain = re.compile(r"\b(?:" + "|".join(dates._ALTERNATIVES) + r")\b", re.IGNORECASE)
    texts = [_EVERY_FORM, _EVERY_FORM.upper()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_path().iterdir())]
    for text in texts:
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in dates.DATE_RE.finditer(text)] == expected
    assert len(list(dates.DATE_RE.finditer(_EVERY_FORM))) == 41


@pytest.mark.parametrize("relative", ["last month", "next month", "last week"])
def test_a_relative_period_against_a_year_is_compared_not_guessed(relative: str) -> None:
    """ "Last month" names no month of its own: its resolved date is compared as it is (its
    key, "month:-1", once crashed the check for guessed years, and "next month", "month:1",
    passed for January)."""
    a = f"Sales fell {relative}, the company said on Monday in a statement."
    b = "Sales fell in 2008, the company said on Monday in a statement."
    found = _date_conflicts(a, b, date(2010, 5, 18), date(2010, 5, 18))
    assert found and "2008" in found[0]


@pytest.mark.parametrize("written", ["the 1930s", "the 1930's", "the 1930’s"])
def test_a_decade_with_or_without_an_apostrophe(written: str) -> None:
    """ "Founded in the 1930's" spans the decade, so "founded in 1931" agrees with it."""
    from newsterm.facts.extract import extract_facts

    (mention,) = extract_facts(f"The gang was founded in {written} by Luciano.", None).dates
    assert (mention.low, mention.high) == (date(1930, 1, 1), date(1939, 12, 31))


@pytest.mark.parametrize(
    "telling",
    [
        "army spokeswoman Ann Reyes said Sunday",
        "the ministry said on Sunday",
        "a police officer told reporters Sunday",
        "the mayor added Sunday",
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
