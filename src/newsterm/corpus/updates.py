"""When a difference between two reports is an update, not a contradiction.

Two passages contradict each other only when two voices tell one event at comparable times. A
figure an outlet gives again in a later report, or a toll reported days after another outlet's
on a developing story, changed in between: a fact-checker wants to see it as "14 -> 23 between
2 Jun and 6 Jun", not as a "≠". Two reports of the same outlet never contradict each other as
independent sources, whatever their dates: the later one revises the earlier.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsterm.model import Article, Conflict

# Reports this many days apart or more may give two figures for something that changed between
# them (a death toll, a forecast, a meeting moved). A day apart is still one news cycle: outlets
# reporting the next morning on the same event contradict each other when they differ (the
# seeds' reports of 2 and 3 June do). Set by hand with the first "perhaps a later figure" note.
UPDATE_DAYS = 2

# Kinds whose explanation says what the figures count ("14 ≠ 23: people"), worth keeping.
_COUNTED = ("number", "qualifier")
_APART_NOTE = re.compile(r" \(published \d+ days apart: perhaps a later figure\)")


def _when(article: Article) -> datetime | None:
    """A report's own publication time; a date borrowed from its story says nothing of it."""
    return None if article.published_inferred else article.published


def _day(when: datetime, with_year: bool) -> str:
    return f"{when.day} {when:%b %Y}" if with_year else f"{when.day} {when:%b}"


def update_note(a: Article, b: Article, same_outlet: bool) -> tuple[str, bool] | None:
    """How a difference between articles `a` and `b` is an update, and whether `a` is the
    earlier; None when it is a contradiction (two outlets, less than UPDATE_DAYS apart or
    undated)."""
    when_a, when_b = _when(a), _when(b)
    if when_a is None or when_b is None:
        if same_outlet:
            return "told again by the same outlet", True
        return None
    days = abs((when_a.date() - when_b.date()).days)
    if not same_outlet and days < UPDATE_DAYS:
        return None
    a_first = when_a.replace(tzinfo=None) <= when_b.replace(tzinfo=None)
    first, last = (when_a, when_b) if a_first else (when_b, when_a)
    if days:
        with_year = first.year != last.year
        note = f"between {_day(first, with_year)} and {_day(last, True)}"
    elif first != last:
        note = f"later on {_day(last, True)}"
    else:
        note = f"on {_day(last, True)}"
    if same_outlet:
        note += ", by the same outlet"
    return note, a_first


def as_update(conflict: Conflict, note: str, a_first: bool) -> Conflict:
    """The conflict told as a change, earlier words first: "14 → 23 between 2 Jun and 6 Jun:
    people"."""
    earlier, later = (conflict.a, conflict.b) if a_first else (conflict.b, conflict.a)
    explanation = f"{earlier} → {later} {note}"
    if conflict.kind in _COUNTED:
        _, _, detail = _APART_NOTE.sub("", conflict.explanation).partition(": ")
        if detail:
            explanation += f": {detail}"
    return Conflict(conflict.kind, conflict.a, conflict.b, explanation)
