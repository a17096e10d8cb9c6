"""Details one passage adds that the other does not support: "only A adds ...".

An inserted detail ("the founder, who was recently released on bail, was arrested") contradicts
nothing, so it is no conflict; but a reader comparing two tellings of one claim wants to know
that only one outlet says it. A stretch the other passage lacks, of two informative words or
more that the other passage never uses, is such a detail, unless it only credits a source ("the
agency said", "according to police").
"""

from __future__ import annotations

from newsterm.claims.conflicts.slots import opcodes
from newsterm.claims.prepared import Prepared
from newsterm.text.tokens import STOPWORDS

# Words that make a stretch a credit to a source rather than a detail of the claim.
_CREDITS = frozenset("said says told according reported reports added stated".split())
# Informative words an added stretch must hold (a lone adjective is a nuance, not a detail).
_DETAIL_WORDS = 2


def added_details(a: Prepared, b: Prepared) -> tuple[str, ...]:
    """ "A: who was recently released on bail": each stretch one passage adds, marked with the
    side ("A" the first, "B" the second) that adds it."""
    found: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "insert" or (tag == "replace" and (j2 - j1) >= 3 * max(i2 - i1, 1)):
            side, prep, lo, hi, other = "B", b, j1, j2, a
        elif tag == "delete" or (tag == "replace" and (i2 - i1) >= 3 * max(j2 - j1, 1)):
            side, prep, lo, hi, other = "A", a, i1, i2, b
        else:
            continue
        tokens = prep.tokens[lo:hi]
        if any(t.norm in _CREDITS for t in tokens):
            continue
        known = set(other.keys)
        new = [
            k
            for k in range(lo, hi)
            if prep.keys[k] in prep.terms
            and prep.keys[k] not in known
            and prep.tokens[k].norm not in STOPWORDS
        ]
        if len(new) >= _DETAIL_WORDS:
            text = prep.text[tokens[0].start : tokens[-1].end]
            found.append(f"{side}: {text}")
    return tuple(found)
