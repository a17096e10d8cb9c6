"""Dates read from prose: a day or month without a year, a decade, every form the scan finds."""

from __future__ import annotations

from datetime import date

import pytest


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


@pytest.mark.parametrize("written", ["the 1930s", "the 1930's", "the 1930’s"])
def test_a_decade_with_or_without_an_apostrophe(written: str) -> None:
    """ "Founded in the 1930's" spans the decade, so "founded in 1931" agrees with it."""
    from newsterm.facts.extract import extract_facts

    (mention,) = extract_facts(f"The gang was founded in {written} by Luciano.", None).dates
    assert (mention.low, mention.high) == (date(1930, 1, 1), date(1939, 12, 31))


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
