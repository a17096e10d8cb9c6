"""Every fact reader run over one passage, and the `Facts` they find together.

Grouping needs only a text's dates and figures (`dates_and_quantities`); a comparison wants all
of a passage's facts (`extract_facts`), computed when it first asks for them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsterm.facts.dates import DateMention, extract_dates
from newsterm.facts.names import Name, extract_names
from newsterm.facts.numbers import extract_quantities, may_hold_quantity
from newsterm.facts.quantity import Quantity
from newsterm.facts.quotes import Quote, extract_quotes

__all__ = [
    "DateMention",
    "Facts",
    "Name",
    "Quantity",
    "Quote",
    "dates_and_quantities",
    "extract_facts",
]

# Clock times are not quantities. "11.30" is a time only with "am"/"pm": without it, "1.25%" and
# "3.75 billion" are figures. Wire copy writes the 24-hour clock with a zone: "by 1018 GMT".
_TIME_RE = re.compile(
    r"\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?\b|\b\d{1,2}\.\d{2}\s?[ap]\.?m\.?|\b\d{1,2}\s?[ap]\.?m\.?\b"
    r"|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST"
    r"|local time)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the fact layer found in one passage."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[Quote, ...]
    names: tuple[Name, ...]


def dates_and_quantities(
    text: str, published: date | None = None
) -> tuple[list[DateMention], list[Quantity]]:
    """The dates a text mentions and its figures, the digits of dates and clock times left out
    of the figures: "March 4" and "7:35 am" are when, not how many."""
    dates = extract_dates(text, published)
    if not may_hold_quantity(text):
        return dates, []  # nor any clock time to leave out (see numbers.may_hold_quantity)
    skip = [(d.start, d.end) for d in dates] + [m.span() for m in _TIME_RE.finditer(text)]
    return dates, extract_quantities(text, skip)


def extract_facts(
    text: str, published: date | None = None, names: Sequence[Name] | None = None
) -> Facts:
    """Run every extractor over one passage; `published` anchors relative dates. `names`, when
    the caller found them already, are taken as they are."""
    dates, quantities = dates_and_quantities(text, published)
    return Facts(
        quantities=tuple(quantities),
        dates=tuple(dates),
        quotes=tuple(extract_quotes(text)),
        names=tuple(extract_names(text) if names is None else names),
    )


@functools.lru_cache(maxsize=4096)
def figures_and_days(text: str) -> tuple[tuple[str, object], ...]:
    """The exact figures a text states and the days it names, each once.

    A figure is its value, and whether it is a percentage: outlets write one sum "$3 million",
    "3 mln dlrs" or, once the currency is named, "3 mln". Vague ones ("dozens") commit to
    nothing, and a bare year is left to the year features. A day is a month and day ("Dec. 11",
    "Wednesday, March 4, 2009"), its year left to a caller's year features. Cached: grouping
    asks for an article's again for each look-alike, and a group cut in two is cut again part
    by part, over the same articles.
    """
    dates, quantities = dates_and_quantities(text)
    found: set[tuple[str, object]] = set()
    for q in quantities:
        # A range states both its figures ("between 30 and 80"), though it commits to neither.
        for value in q.ends or ((q.value,) if not q.vague else ()):
            bare_year = not q.unit and value.is_integer() and 1900 <= value <= 2099
            if not bare_year:
                found.add(("figure", (round(value, 6), "%" if q.unit == "%" else "")))
    for mention in dates:
        day = mention.month_day
        if day is not None:
            found.add(("day", day))
    return tuple(sorted(found, key=repr))
