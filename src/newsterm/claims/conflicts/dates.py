"""Dates that differ: "2024 vs 2025: 'so far this year' in an article dated 2 Jun 2025".

Dates are compared once each is resolved against its own article's date, and only dates of one
class: "since 1977" bounds a period, "said Sunday" dates the telling, not what was told. Two
resolved dates conflict when their intervals cannot overlap; two unresolved ones when they name
different days, months or weekdays for one event.
"""

from __future__ import annotations

import re

from newsterm.claims.conflicts.slots import (
    Slot,
    same_slot,
)
from newsterm.claims.prepared import Prepared
from newsterm.facts.dates import DateMention, describe, month_span, safe_date
from newsterm.model import Conflict

# Tuning. Chosen with the slot rule that took BASIL's date conflicts from 35 (33 false) to 4,
# SummEdits and the seeds unchanged.
# Two dates that are each their passage's only one of their kind are paired wherever they sit
# only when the passages tell mostly the same words (symmetric similarity, not containment: a
# short sentence inside a long one says nothing of what the long one's date is about).
_LONE_DATES_SIMILARITY = 0.5


_DATE_CLASS = {
    "since": "since",
    "from": "since",
    "until": "until",
    "till": "until",
    "by": "until",
    "before": "before",
    "after": "after",
}


# A day right after a verb of saying dates the telling, not what is told: "the convoy was
# ambushed, a spokesman said Sunday" against "ambushed the convoy on Saturday" is no conflict,
# nor "she tweeted on Monday" that she would announce it, against "she announced Tuesday".
# Verbs that are news in themselves ("announced", "reported earnings") are left out.
_TELLING = re.compile(
    r"\b(?:said|says|told(?:\s+[\w.]+){0,2}|added|stated|tweeted|wrote|posted|noted|remarked"
    r"|explained|recalled|insisted)\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)


# A date that ends a short phrase opened by a word of sequence dates that phrase's event, which
# bounds the claim: "declined after an increase in 2014", "the lowest since the crash of 1987".
# Not "from": it is as often a place ("from North Korea to Russia in 2024").
_SEQUENCED = re.compile(
    r"\b(since|until|before|after)\s+(?:[\w'’-]+\s+){1,4}(?:in|of|on)\s+\Z",
    re.IGNORECASE,
)


def _date_class(prep: Prepared, mention: DateMention) -> str:
    """Only dates of one class are paired: "since 1977" bounds, "said Sunday" tells."""
    if _TELLING.search(prep.text, max(0, mention.start - 40), mention.start):
        return "told"
    found = _DATE_CLASS.get(mention.preposition, "at")
    if found == "at":
        sequenced = _SEQUENCED.search(prep.text, max(0, mention.start - 50), mention.start)
        if sequenced:
            return _DATE_CLASS[sequenced.group(1).lower()]
    return found


def _describe_side(mention: DateMention, inferred: bool) -> str:
    if not mention.relative or mention.reference is None:
        return ""
    dated = f"{mention.reference.day} {mention.reference:%b %Y}"
    note = " (date inferred from its story)" if inferred else ""
    return f"'{mention.text}' in an article dated {dated}{note}"


def date_conflicts(a: Prepared, b: Prepared, slots: list[Slot], symmetric: float) -> list[Conflict]:
    found = []
    used_b: set[int] = set()
    classes_a = [_date_class(a, d) for d in a.facts.dates]
    classes_b = [_date_class(b, d) for d in b.facts.dates]
    for da, cls in zip(a.facts.dates, classes_a, strict=True):
        partner = None
        for j, db in enumerate(b.facts.dates):
            if j in used_b or classes_b[j] != cls:
                continue
            if same_slot(slots, (da.start, da.end), (db.start, db.end)) or (
                classes_a.count(cls) == 1
                and classes_b.count(cls) == 1
                and symmetric >= _LONE_DATES_SIMILARITY
            ):
                partner = j
                break
        if partner is None:
            continue
        used_b.add(partner)
        db = b.facts.dates[partner]
        if da.resolved and db.resolved:
            if da.overlaps(db) or _same_relative_words(da, db) or _year_guessed_apart(da, db):
                continue
            if _told_elsewhere(da, b) or _told_elsewhere(db, a):
                continue  # "since 1977" against "from 1977 through 2006": 1977 is in both
            notes = [
                n
                for n in (
                    _describe_side(da, a.published_inferred),
                    _describe_side(db, b.published_inferred),
                )
                if n
            ]
            explanation = f"{describe(da)} vs {describe(db)}"
            if notes:
                explanation += ": " + "; ".join(notes)
            found.append(Conflict("date", da.text, db.text, explanation))
        elif not da.resolved and not db.resolved:
            kind_a, kind_b = da.kind, db.kind
            if _offsets_apart(da, db):
                found.append(
                    Conflict(
                        "date",
                        da.text,
                        db.text,
                        f"{da.text} vs {db.text}: a different time before the report",
                    )
                )
            elif (
                kind_a == kind_b
                and kind_a in ("weekday", "month", "monthday")
                and not _may_be_one_day(da.key, db.key)
            ):
                found.append(
                    Conflict(
                        "date",
                        da.text,
                        db.text,
                        f"{da.text} vs {db.text}: different days for the same event",
                    )
                )
    return found


_OFFSET = re.compile(r"ago:(\d+)(\w+)")
# Counts that are themselves estimates: "a few years ago" and "three years ago" may be one time.
_VAGUE_COUNT = re.compile(r"\b(?:few|several|couple)\b", re.IGNORECASE)


def _offsets_apart(da: DateMention, db: DateMention) -> bool:
    """ "35 years ago" against "20 years ago": one anchor (the report) and one unit, different
    counts. Compared by their words, so it holds without a publication date."""
    ma, mb = _OFFSET.fullmatch(da.key), _OFFSET.fullmatch(db.key)
    if ma is None or mb is None or ma.group(2) != mb.group(2) or ma.group(1) == mb.group(1):
        return False
    return not (_VAGUE_COUNT.search(da.text) or _VAGUE_COUNT.search(db.text))


def _may_be_one_day(key_a: str, key_b: str) -> bool:
    """ "last Monday" and "Monday" (keys "weekday:0:-1" and "weekday:0"): without the articles'
    dates, a bare day name may well be the last one; "last Monday" and "next Monday" are not."""
    if key_a == key_b:
        return True
    parts_a, parts_b = key_a.split(":"), key_b.split(":")
    return parts_a[:2] == parts_b[:2] and (len(parts_a) == 2 or len(parts_b) == 2)


def _told_elsewhere(mention: DateMention, other: Prepared) -> bool:
    """Whether the other passage names a time overlapping this date anywhere."""
    return any(d.resolved and mention.overlaps(d) for d in other.facts.dates)


def _year_guessed_apart(da: DateMention, db: DateMention) -> bool:
    """ "That March 2 event" against "the 2008 event": one side names no year, and only the
    year guessed for it from its article's date keeps the two apart."""
    for guessed, given in ((da, db), (db, da)):
        named = guessed.month_named
        if not guessed.relative or given.relative or named is None:
            continue
        assert given.low and given.high
        month, day = named
        for year in range(given.low.year, given.high.year + 1):
            if day:
                low = high = safe_date(year, month, day)
            else:
                low, high = month_span(year, month)
            if low and high and low <= given.high and given.low <= high:
                return True
    return False


def _same_relative_words(da: DateMention, db: DateMention) -> bool:
    """Both outlets say "Friday" (or "last week"), in articles dated a few days apart: the same
    words for what is most likely the same day, resolved apart only because one article came out
    a day later. Their resolution is too uncertain to call a conflict."""
    if not (da.relative and db.relative) or da.reference is None or db.reference is None:
        return False
    same_words = da.key == db.key or " ".join(da.text.lower().split()) == " ".join(
        db.text.lower().split()
    )
    return same_words and abs((da.reference - db.reference).days) <= 6
