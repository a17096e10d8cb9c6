"""Dates in news prose, absolute and relative, resolved into intervals of days.

News writes dates relative to the day it is published: "on Monday", "last October", "so far this
year". Two outlets only disagree about when something happened if, once each phrase is resolved
against its own article's date, the intervals cannot overlap. "launched last October" in a June
2025 article is October 2024, which sits inside "formed in 2024"; "in 2024" and "so far this year"
(in 2025) cannot both be true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from newsterm.facts.number_words import UNITS

# Bounds, not tuned values.
# How far back from a date the preposition is looked for: the longest ("throughout the
# mid-") with room for doubled spaces. Searching the whole text before each date instead made
# date extraction quadratic in the length of a passage.
_PREP_REACH = 48
# How far ahead a bare month name may point: "his speech in March" in a February article is the
# coming March, "the law passed in March" in an October one the last. A season; chosen with the
# date-pairing rules that took BASIL's date conflicts from 35 (33 false) to 4.
_MONTHS_AHEAD = 3


MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_WEEKDAY_RD = (MO, TU, WE, TH, FR, SA, SU)
# The counts a relative date can give ("three weeks ago", "a few days"): up to twelve.
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **{word: value for word, value in UNITS.items() if 1 <= value <= 12},
    "several": 3,
    "a few": 3,
}
PREPOSITIONS = frozenset(
    "in on since by until till from before after during through throughout as of at".split()
)

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_COUNT = (
    r"(?P<count>\d+|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve)"
)


def _named(pattern: str, old: str, new: str) -> str:
    """The same sub-pattern under another group name (a regex cannot reuse a name)."""
    return pattern.replace(f"?P<{old}>", f"?P<{new}>")


# Alternatives are tried left to right at each position, so longer forms come first.
_ALTERNATIVES = [
    r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))",
    r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?(?!\d)",
    r"(?:"
    + _named(_WEEKDAY, "weekday", "weekday2")
    + r",?\s+)?"
    + _named(_DAY, "day", "day2")
    + r"\s+(?:of\s+)?"
    + _named(_MONTH, "month", "month2")
    + r"(?:,?\s+"
    + _named(_YEAR, "year", "year2")
    + r")?",
    _named(_MONTH, "month", "month3") + r",?\s+" + _named(_YEAR, "year", "year3"),
    r"(?P<sofar>so far this year|so far in " + _named(_YEAR, "year", "year4") + r"|year to date)",
    r"(?P<within>(?:earlier|later) this (?:year|month|week))",
    r"(?P<rel>(?:last|this|next|past|previous|coming) (?:(?P<unit>week|month|year|weekend)|"
    + _named(_MONTH, "month", "month4")
    + "|"
    + _named(_WEEKDAY, "weekday", "weekday3")
    + "))",
    r"(?P<ago>" + _COUNT + r" (?P<agounit>day|week|month|year)s? ago)",
    r"(?P<deictic>yesterday|today|tonight|this morning|this afternoon|this evening|last night"
    r"|the weekend)",
    _named(_WEEKDAY, "weekday", "weekday4"),
    r"(?P<decade>(?:the )?(?:19|20)\d0[’']?s)",
    _named(_MONTH, "month", "month5"),
    _named(_YEAR, "year", "year5") + r"(?![\d%])",
]
# Every alternative starts with a digit or one of these letters ("jan", "wed", "so far", "a few
# days ago", "yesterday"...). Checking that first lets the scan skip most words at once instead
# of trying each alternative on them: date extraction over a text ran twice as fast.
DATE_FIRST = "0-9acdefjlmnopstwy"
DATE_RE = re.compile(
    r"\b(?=[" + DATE_FIRST + r"])(?:" + "|".join(_ALTERNATIVES) + r")\b", re.IGNORECASE
)
# "May" and "March" are also a verb; as bare month names they need a preposition in front.
_AMBIGUOUS_MONTHS = {"may", "march"}
_PREP_BEFORE = re.compile(
    r"(?:\b("
    + "|".join(sorted(PREPOSITIONS, key=len, reverse=True))
    + r")\s+(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?)$",
    re.IGNORECASE,
)


_DAY_OF_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase and the days it can mean; `low`/`high` are None when it cannot be resolved."""

    text: str
    start: int
    end: int
    low: date | None
    high: date | None
    relative: bool
    preposition: str  # "in", "since", ... or ""
    key: str  # a surface key for comparing unresolved mentions ("weekday:4", "month:10")
    reference: date | None  # the publication date a relative phrase was resolved against

    @property
    def resolved(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def kind(self) -> str:
        """What sort of phrase it is, from its key: "weekday", "month", "monthday", "ago"..."""
        return self.key.split(":", 1)[0]

    @property
    def month_day(self) -> tuple[int, int] | None:
        """(month, day) of a phrase that names one day of a month ("Dec. 11", "Wednesday,
        March 4, 2009"), resolved or not; None otherwise."""
        if self.low and self.low == self.high:
            return self.low.month, self.low.day
        if self.kind == "monthday":
            month, day = self.key.removeprefix("monthday:").split("-")
            return int(month), int(day)
        return None

    @property
    def month_named(self) -> tuple[int, int] | None:
        """(month, day or 0) of a phrase that names a month but no year ("March 2", "in
        March"), else None ("last month" names none)."""
        if re.search(r"\d{4}", self.text):
            return None
        words = re.findall(r"[a-z]+", self.text.lower())
        month = next((MONTHS[w] for w in words if w in MONTHS), 0)
        if not month:
            return None
        day = _DAY_OF_MONTH.search(self.text)
        return month, int(day.group(1)) if day else 0

    def overlaps(self, other: DateMention) -> bool:
        assert self.low and self.high and other.low and other.high
        return self.low <= other.high and other.low <= self.high


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    first = date(year, month, 1)
    return first, first + relativedelta(months=1, days=-1)


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The day, or None where the calendar has none ("February 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _recent_month(month: int, ref: date, strictly_before: bool) -> int:
    """Year of the most recent `month` at or before the reference month."""
    if month < ref.month or (month == ref.month and not strictly_before):
        return ref.year
    return ref.year - 1


def _month_year(month: int, ref: date) -> int:
    """Year of a month named without one: the coming one when it is at most a season away,
    else the most recent at or before the reference month."""
    ahead = (month - ref.month) % 12
    if 0 < ahead <= _MONTHS_AHEAD:
        return ref.year + (month < ref.month)
    return _recent_month(month, ref, strictly_before=False)


def _resolve(m: re.Match[str], ref: date | None) -> tuple[date | None, date | None, bool, str]:
    """(low, high, relative, key) of one DATE_RE match."""
    g = m.groupdict()
    if g["iso"]:
        day = safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
        return day, day, False, f"day:{g['iso']}"
    for month_g, day_g, year_g in (("month", "day", "year"), ("month2", "day2", "year2")):
        if g[month_g] and g[day_g]:
            month, day_n = MONTHS[g[month_g].lower()], int(g[day_g])
            if g[year_g]:
                day = safe_date(int(g[year_g]), month, day_n)
                return day, day, False, f"day:{g[year_g]}-{month}-{day_n}"
            key = f"monthday:{month}-{day_n}"
            if ref is None:
                return None, None, True, key
            # The nearest such day: "June 25" in a January article is the coming June (an
            # election "slated for June 25"), "December 20" in a January article the last one.
            # A tie goes to the past, which news reports more often.
            candidates = [
                d
                for y in (ref.year - 1, ref.year, ref.year + 1)
                if (d := safe_date(y, month, day_n))
            ]
            if not candidates:
                return None, None, True, key
            day = min(candidates, key=lambda d: (abs((d - ref).days), d > ref))
            return day, day, True, key
    if g["month3"]:
        low, high = month_span(int(g["year3"]), MONTHS[g["month3"].lower()])
        return low, high, False, f"month:{g['year3']}-{MONTHS[g['month3'].lower()]}"
    if g["sofar"]:
        if g["year4"]:
            year = int(g["year4"])
            return (
                date(year, 1, 1),
                (ref if ref and ref.year == year else date(year, 12, 31)),
                False,
                f"year:{year}",
            )
        if ref is None:
            return None, None, True, "thisyear"
        return date(ref.year, 1, 1), ref, True, "thisyear"
    if g["within"]:
        phrase = g["within"].lower()
        unit = phrase.rsplit(" ", 1)[1]
        if ref is None:
            return None, None, True, f"this{unit}"
        low, high = {
            "year": _year_span(ref.year),
            "month": month_span(ref.year, ref.month),
            "week": _week_span(ref),
        }[unit]
        return (
            (low, ref, True, f"this{unit}")
            if phrase.startswith("earlier")
            else (ref, high, True, f"this{unit}")
        )
    if g["rel"]:
        return _resolve_relative(g, ref)
    if g["ago"]:
        count_word = g["count"].lower()
        count = int(count_word) if count_word.isdigit() else _NUMBER_WORDS.get(count_word, 1)
        unit = g["agounit"].lower()
        key = f"ago:{count}{unit}"
        if ref is None:
            return None, None, True, key
        if unit == "day":
            day = ref - timedelta(days=count)
            return day, day, True, key
        if unit == "week":
            day = ref - timedelta(weeks=count)
            return day - timedelta(days=3), day + timedelta(days=3), True, key
        if unit == "month":
            day = ref - relativedelta(months=count)
            low, high = month_span(day.year, day.month)
            return low, high, True, key
        return (*_year_span(ref.year - count), True, key)
    if g["deictic"]:
        phrase = g["deictic"].lower()
        key = (
            "day:-1"
            if phrase in ("yesterday", "last night")
            else ("weekend" if phrase == "the weekend" else "day:0")
        )
        if ref is None:
            return None, None, True, key
        if phrase == "yesterday":
            return ref - timedelta(days=1), ref - timedelta(days=1), True, key
        if phrase == "last night":
            return ref - timedelta(days=1), ref, True, key
        if phrase == "the weekend":
            saturday = ref + relativedelta(weekday=SA(-1))
            return saturday, saturday + timedelta(days=1), True, key
        return ref, ref, True, key
    if g["weekday4"]:
        weekday = WEEKDAYS[g["weekday4"].lower()]
        key = f"weekday:{weekday}"
        if ref is None:
            return None, None, True, key
        day = ref + relativedelta(weekday=_WEEKDAY_RD[weekday](-1))
        return day, day, True, key
    if g["decade"]:
        start_year = int(re.search(r"\d{4}", g["decade"]).group())  # type: ignore[union-attr]
        return date(start_year, 1, 1), date(start_year + 9, 12, 31), False, f"decade:{start_year}"
    if g["month5"]:
        month = MONTHS[g["month5"].lower()]
        key = f"month:{month}"
        if ref is None:
            return None, None, True, key
        return (*month_span(_month_year(month, ref), month), True, key)
    if g["year5"]:
        year = int(g["year5"])
        return (*_year_span(year), False, f"year:{year}")
    return None, None, True, m.group().lower()  # pragma: no cover - every branch is covered


def _resolve_relative(
    g: dict[str, str | None], ref: date | None
) -> tuple[date | None, date | None, bool, str]:
    phrase = (g["rel"] or "").lower()
    which = phrase.split(" ", 1)[0]
    direction = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    if g["unit"]:
        unit = g["unit"].lower()
        key = f"{unit}:{direction}" if which != "past" else f"past{unit}"
        if ref is None:
            return None, None, True, key
        if which == "past" and unit != "weekend":
            delta = {
                "week": relativedelta(weeks=1),
                "month": relativedelta(months=1),
                "year": relativedelta(years=1),
            }[unit]
            return ref - delta, ref, True, key
        if unit == "week":
            return (*_week_span(ref + timedelta(weeks=direction)), True, key)
        if unit == "month":
            day = ref + relativedelta(months=direction)
            return (*month_span(day.year, day.month), True, key)
        if unit == "year":
            return (*_year_span(ref.year + direction), True, key)
        saturday = ref + relativedelta(weekday=SA(-1)) + timedelta(weeks=max(direction, 0))
        if direction < 0 and ref.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        return saturday, saturday + timedelta(days=1), True, key
    if g["month4"]:
        month = MONTHS[g["month4"].lower()]
        key = f"month:{month}:{direction}"
        if ref is None:
            return None, None, True, key
        if direction < 0:
            year = _recent_month(month, ref, strictly_before=True)
        elif direction > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return (*month_span(year, month), True, key)
    weekday = WEEKDAYS[(g["weekday3"] or "").lower()]
    key = f"weekday:{weekday}:{direction}"
    if ref is None:
        return None, None, True, key
    if direction < 0:
        day = ref + relativedelta(days=-1, weekday=_WEEKDAY_RD[weekday](-1))
    elif direction > 0:
        day = ref + relativedelta(days=1, weekday=_WEEKDAY_RD[weekday](+1))
    else:
        day = _week_span(ref)[0] + timedelta(days=weekday)
    return day, day, True, key


def extract_dates(text: str, published: date | None) -> list[DateMention]:
    """All date phrases of a passage, resolved against the article's date where one is known."""
    mentions = []
    for m in DATE_RE.finditer(text):
        surface = m.group()
        prep_match = _PREP_BEFORE.search(text, max(0, m.start() - _PREP_REACH), m.start())
        preposition = prep_match.group(1).lower() if prep_match else ""
        bare_month = m.group("month5")
        if bare_month and (
            not bare_month[0].isupper()
            or (bare_month.lower() in _AMBIGUOUS_MONTHS and not preposition)
            or (
                len(bare_month.rstrip(".")) <= 4
                and bare_month.lower().rstrip(".") not in ("may", "june", "july")
            )
        ):
            continue
        if m.group("weekday4") and not m.group("weekday4")[0].isupper():
            continue
        if m.group("year5") and m.start() > 0 and text[m.start() - 1] in "$£€#-/":
            continue
        low, high, relative, key = _resolve(m, published)
        mentions.append(
            DateMention(
                text=surface,
                start=m.start(),
                end=m.end(),
                low=low,
                high=high,
                relative=relative,
                preposition=preposition,
                key=key,
                reference=published if relative else None,
            )
        )
    return mentions


def describe(mention: DateMention) -> str:
    """What a mention resolves to, briefly: "2024", "October 2024", "30 May 2025"."""
    low, high = mention.low, mention.high
    if low is None or high is None:
        return mention.text
    if low == high:
        return f"{low.day} {low:%b %Y}"
    if low.month == 1 and low.day == 1 and low.year == high.year:
        return str(low.year)
    if low.day == 1 and high == month_span(low.year, low.month)[1]:
        return f"{low:%B %Y}"
    if low.year == high.year:
        return f"{low.day} {low:%b}–{high.day} {high:%b %Y}"
    return f"{low.day} {low:%b %Y}–{high.day} {high:%b %Y}"
