"""What a figure is of: the measure its clause states it of ("the four-week moving average was
534,000", "continuing claims fell to 3,655,000"), and the period it is given for ("rose 0.2 pct
in January", "2.53 pct in December").

A figure that counts no noun of its own ("534,000", "45,000") is paired with the other
passage's figure by where it stands, and two reports of one release told in one template ("X
was N, a decrease of M from the previous week's revised level") pair the figures of two
different series. What tells them apart is the measure each figure is given for: the noun
before the verb that states it. Two measures that differ, each never mentioned by the other
passage, are two series, and their figures are not two tellings of one count. A passage that
names the other's measure anywhere is left to the other checks: "the toll rose to 50" against
"officials put the toll at 45" is one count.

Monthly figures differ from month to month: "the index rose 0.2 pct in January" and "production
rose 2.53 pct in December" are two months' figures, not two tellings of one, whatever they
measure; so are a month's and its year's. A figure's period is the month, year or day named
next to it in its sentence; two figures given for two periods are not compared. The periods
themselves are compared by the date checks, so a report that moves an event to another month
is still caught there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsterm.claims.prepared import Prepared, told_stems
from newsterm.facts.dates import MONTHS, WEEKDAYS, DateMention
from newsterm.facts.money import money_family
from newsterm.facts.quantity import Quantity
from newsterm.facts.units import is_unit
from newsterm.text.lexicon import canonical_stem
from newsterm.text.tokens import STOPWORDS, fold, stem

# The verbs that state a level or a move of a measure, in their common forms: copulas, verbs of
# standing and totalling, and of rising and falling. Only their place matters (what stands
# before them), so the list is of forms, not of meanings.
_STATES = (
    r"is|are|was|were|stands?|stood|totall?(?:s|ed|ing)?|reach(?:es|ed)?|hit|amount(?:s|ed)"
    r"|came|comes|ris(?:e|es|en)|rose|fall(?:s|en)?|fell|drop(?:s|ped)?|declin(?:e|es|ed)"
    r"|increas(?:e|es|ed)|decreas(?:e|es|ed)|jump(?:s|ed)?|climb(?:s|ed)?|slip(?:s|ped)?"
    r"|grow(?:s|n)?|grew|edg(?:e|es|ed)|dipp?(?:s|ed)?|surg(?:e|es|ed)|plung(?:e|es|ed)"
)
_AUXILIARY = r"(?:(?:has|have|had|will|would|could|may|might|should|be|been|not)\s+)*"
# A parenthesis between a noun and its verb: "claims—which get reported with a week's
# delay—fell", "sales (seasonally adjusted) rose", "the rate, the ministry said, was".
_ASIDE = r"(?:\s*[—–]\s*[^—–.;]{1,80}?[—–]\s*|\s*\([^()]{1,80}\)\s*|\s*,[^,.;]{1,60},\s*|\s+)"
_MEASURE = re.compile(
    # A hyphen parts words as the tokens do ("pre-tax" is "pre" and "tax"): the head is "tax".
    r"\b(?P<head>[A-Za-z][A-Za-z'’]*)" + _ASIDE + _AUXILIARY + r"(?:" + _STATES + r")\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?]\s")
# Words that cannot be the measure: when a clause says "last week was" or "it fell", the figure's
# measure is not told there.
_NOT_MEASURES = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        "week weeks month months year years day days quarter quarters period time"
        " which that who what this these those there it they he she we".split()
    )
)


@lru_cache(maxsize=4096)
def _measures(text: str) -> tuple[tuple[int, str], ...]:
    """Where each measure's verb ends, and the measure's stem, in order."""
    found = []
    for match in _MEASURE.finditer(text):
        word = fold(match.group("head"))
        if word in STOPWORDS or word in _NOT_MEASURES:
            continue
        found.append((match.end(), canonical_stem(stem(word))))
    return tuple(found)


def measure_of(text: str, quantity: Quantity) -> str | None:
    """The stem of what a figure is stated of: the last measure before it in its sentence."""
    found = None
    for end, measure in _measures(text):
        if end > quantity.start:
            break
        # A sentence ended between them: that measure was another sentence's.
        found = None if _SENTENCE_END.search(text, end, quantity.start) else measure
    return found


def _bare(q: Quantity) -> bool:
    """A figure that counts no noun of its own, only its money ("374.9 billion dlrs") or its
    unit ("109,200 short tons"): a sum in dollars or a weight in tons says in what it is
    counted, not what it measures."""
    return (
        not q.noun
        or (q.unit not in ("", "%") and q.noun == money_family(q.unit))
        or is_unit(q.noun)
    )


def measures_apart(a: Prepared, qa: Quantity, b: Prepared, qb: Quantity) -> bool:
    """Two bare figures stated of two measures, neither of which the other passage names."""
    if not (_bare(qa) and _bare(qb)):
        return False  # what a figure counts is its noun: numbers pairs those itself
    ma, mb = measure_of(a.text, qa), measure_of(b.text, qb)
    if ma is None or mb is None or ma == mb:
        return False
    return ma not in told_stems(b) and mb not in told_stems(a)


# How far from a figure (in characters, within its sentence) the period it is given for may
# stand: "rose 4.77 billion dlrs, or 4.1 pct, in February", "In January, sales fell 5.8 pct".
_PERIOD_REACH = 40
# Date phrases that can be a figure's period. A weekday mostly dates the telling ("said on
# Tuesday"), and "ago", "since" and the like are spans of their own.
_PERIOD_KINDS = frozenset({"month", "year", "monthday", "day"})


def period_of(prep: Prepared, quantity: Quantity) -> DateMention | None:
    """The period a figure is given for: the nearest month, year or day phrase in its sentence
    within _PERIOD_REACH characters, after it first ("fell 0.2 pct in January")."""
    text = prep.text
    best: tuple[int, DateMention] | None = None
    for mention in prep.facts.dates:
        if mention.kind not in _PERIOD_KINDS or mention.preposition in ("since", "until"):
            continue
        if mention.start >= quantity.end:
            gap, between = mention.start - quantity.end, (quantity.end, mention.start)
        elif mention.end <= quantity.start:
            gap, between = quantity.start - mention.end + 1, (mention.end, quantity.start)
        else:
            continue  # the figure's own digits
        if gap > _PERIOD_REACH or _SENTENCE_END.search(text, *between):
            continue
        if best is None or gap < best[0]:
            best = (gap, mention)
    return best[1] if best else None


def periods_apart(a: Prepared, qa: Quantity, b: Prepared, qb: Quantity) -> bool:
    """Two figures given for two periods: two months' figures, or a month's and its year's
    (March's sales are not the year's, though March is in the year)."""
    pa, pb = period_of(a, qa), period_of(b, qb)
    if pa is None or pb is None:
        return False
    if pa.resolved and pb.resolved:
        assert pa.low and pa.high and pb.low and pb.high
        return (pa.low, pa.high) != (pb.low, pb.high)
    return pa.kind == pb.kind and pa.key != pb.key
