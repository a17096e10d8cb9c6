"""Lengths of time: "seven days", "about a week", "a 12-month", "the last decade".

Outlets give one length in different units; read with the count before it, a length can be
compared whatever unit each outlet chose, so that "seven days" and "a week" agree while "two
weeks" and "two months" do not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsterm.facts.number_words import words_to_number
from newsterm.text.tokens import Token

# Days in each unit of time, to tell "seven days" from "a week" only when they differ.
_DAYS_IN = {
    "second": 1 / 86_400,
    "minute": 1 / 1_440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30.44,
    "year": 365.25,
    "decade": 3_652.5,
    "century": 36_525,
}


# The count before a unit of time: "seven days", "12-month", "about a week", "the last decade".
_COUNT_BEFORE = re.compile(r"(\d+(?:\.\d+)?|[a-z]+(?:[ -][a-z]+){0,3})[ -]\Z", re.IGNORECASE)


# Lengths this close are one length told two ways: "the last 11 years", "the last decade".
_SAME_LENGTH = 0.15


# The units of time, as written after a count ("three-decade", "a 32-year").
TIME_UNITS = tuple(_DAYS_IN)


def days_in(unit: str) -> float:
    """Days in one unit of time (TIME_UNITS)."""
    return _DAYS_IN[unit]


def length_in_days(text: str, tokens: Sequence[Token], index: int) -> float | None:
    """The length of time the unit word at `index` names, with the count before it, in days;
    None when the word is no unit of time."""
    token = tokens[index]
    unit = token.norm.removesuffix("s")
    unit = "century" if unit == "centurie" else unit
    if unit not in _DAYS_IN:
        return None
    found = _COUNT_BEFORE.search(text, max(0, token.start - 24), token.start)
    count = 1.0  # "a week", "the last decade", "a year-long mission"
    if found and found.group(1)[0].isdigit():
        count = float(found.group(1))
    elif found:
        words = re.split("[ -]", found.group(1).lower())
        # The longest run of number words that ends at the unit: "about one and a half".
        counts = (words_to_number(" ".join(words[k:])) for k in range(len(words)))
        count = next((c for c in counts if c), 1.0)
    return count * _DAYS_IN[unit]


def same_length_of_time(days_a: float | None, days_b: float | None) -> bool:
    """ "seven days" against "about a week", "12-month" against "year-long": one length of
    time in other units (lengths from `length_in_days`)."""
    if not days_a or not days_b:
        return False
    return abs(days_a - days_b) <= _SAME_LENGTH * max(days_a, days_b)
