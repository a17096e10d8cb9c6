"""Every typed, explained disagreement between two passages that make the same claim.

The checks run in a fixed order over the word-slot alignment (newsterm.claims.conflicts.slots):
figures, dates, quotes, then the checks that read which word stands where. Every conflict carries
a sentence a reader can check against the text.
"""

from __future__ import annotations

from newsterm.claims.conflicts.dates import date_conflicts
from newsterm.claims.conflicts.names import name_conflicts
from newsterm.claims.conflicts.negation import exception_conflicts, negation_conflicts
from newsterm.claims.conflicts.numbers import counted_nouns, quantity_conflicts
from newsterm.claims.conflicts.quotes import quote_conflicts, same_frame
from newsterm.claims.conflicts.roles import shared_role_conflicts, transposed_conflicts
from newsterm.claims.conflicts.slots import (
    SLOT_WIDTH,
    Op,
    Slot,
    char_span,
    opcodes,
)
from newsterm.claims.conflicts.wording import (
    antonym_conflicts,
    contrast_conflicts,
    tentative_conflicts,
)
from newsterm.claims.prepared import Prepared
from newsterm.model import Conflict


def _shared_terms(a: Prepared, b: Prepared) -> int:
    return len(a.terms & b.terms)


def find_conflicts(
    a: Prepared, b: Prepared, anchored_only: bool = False, symmetric: float = 1.0
) -> list[Conflict]:
    """Every typed conflict between two passages already judged to make the same claim;
    `symmetric` is their similarity both ways (see compare.similarity).

    With `anchored_only`, for passages whose overall similarity is only moderate, just the
    conflicts that carry their own evidence of being about the same thing are reported: two
    numbers counting the same noun after the same words ("... Japan and seven other countries"
    against "... Japan and eight other countries").
    """
    if anchored_only:
        # The one conflict looked for needs a noun both count (spares the alignment). Without one
        # in a, b's figures are not read: extracting them is most of the cost of its facts.
        nouns = counted_nouns(a)
        if not nouns or nouns.isdisjoint(counted_nouns(b)):
            return []
    ops = opcodes(a, b)
    # A figure, date or quote stands in for another only in a short rewritten stretch: in a
    # long one ("announced the date Wednesday" against "the election slated for June 25"; "a
    # $43,000 watch" against "$750,000 in campaign cash") the two are about different things.
    slots: list[Slot] = [
        (char_span(a, i1, i2), char_span(b, j1, j2))
        for _tag, i1, i2, j1, j2 in ops
        if max(i2 - i1, j2 - j1) <= SLOT_WIDTH
    ]
    found: list[Conflict] = []
    # A headline's figure is checked only against one counting the same thing: headlines are
    # terse enough that "INDEX FELL 1.0 PCT" and "COMPLETIONS FELL 0.2 PCT" would face each other.
    headline = a.headline or b.headline
    found += quantity_conflicts(a, b, slots, anchored_only, same_noun=headline)
    if anchored_only:
        return found
    found += date_conflicts(a, b, slots, symmetric)
    # A headline's capitals, quotes and clipped wording ("Sister Is 'Dead Wrong' On Gay
    # Marriage") are house style, not names or words put in place of others: of the checks
    # that read wording, only a denial is looked for in one.
    if not headline:
        found += quote_conflicts(a, b, slots)
    # A word swapped in a slot says something only if the rest of the claim is shared: two short
    # sentences with one word in common ("circus") are not the same claim told two ways.
    if _shared_terms(a, b) >= 2:
        negation = negation_conflicts(a, b, ops, symmetric)
        found += negation
        if not headline:
            found += _wording_conflicts(a, b, ops, negated=bool(negation))
    # One pair of words is one difference, told once: "second" against "first" is a rival
    # ordinal and, in a rarer sense, an opposite; the first check to find it names it.
    unique: dict[tuple[str, str], Conflict] = {}
    for conflict in found:
        unique.setdefault((conflict.a.lower(), conflict.b.lower()), conflict)
    return list(unique.values())


def framed_quote_conflicts(a: Prepared, b: Prepared) -> list[Conflict]:
    """Quotations that differ inside one sentence frame (see quotes.same_frame), for passages
    too short for their similarity to make them one claim."""
    if a.headline or b.headline or not same_frame(a, b):
        return []
    ops = opcodes(a, b)
    slots: list[Slot] = [(char_span(a, i1, i2), char_span(b, j1, j2)) for _t, i1, i2, j1, j2 in ops]
    return quote_conflicts(a, b, slots)


def _wording_conflicts(a: Prepared, b: Prepared, ops: list[Op], negated: bool) -> list[Conflict]:
    """The checks that read which word stands where: an exception, a hedge, a name, an
    opposite word, a member of a closed set, a role or an order changed. After a negation
    conflict, an exception or an opposite word would tell the same difference again."""
    found: list[Conflict] = []
    if not negated:
        found += exception_conflicts(a, b, ops)
    found += tentative_conflicts(a, b, ops)
    found += name_conflicts(a, b, ops)
    found += contrast_conflicts(a, b, ops)
    if not negated:
        found += antonym_conflicts(a, b, ops)
    found += shared_role_conflicts(a, b)
    found += transposed_conflicts(a, b)
    return found
