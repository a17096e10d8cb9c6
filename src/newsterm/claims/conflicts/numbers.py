"""Figures that differ: "seven ≠ eight: other countries in the monitoring group".

Each figure of one passage is paired with the figure of the other that counts the same thing
(the same noun, in the same slot, or the only figure of each), and the pair conflicts when the
values cannot both hold: bounds that exclude each other, a floor against a ceiling, exact rates
that differ. A figure rounded from the other ("$13 billion", "$12.8 billion"), one counted for
someone else ("Daye had eight rebounds", "Hansbrough had nine"), or in another currency is none.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from newsterm.claims.conflicts.measures import measures_apart, periods_apart
from newsterm.claims.conflicts.names import keyed
from newsterm.claims.conflicts.slots import (
    CLAUSE_END,
    Slot,
    phrase_text,
    same_slot,
    shared_context,
)
from newsterm.claims.prepared import Prepared, told_stems
from newsterm.facts.changes import is_a_change
from newsterm.facts.durations import days_in, same_length_of_time
from newsterm.facts.money import money_family
from newsterm.facts.name_forms import not_a_name, same_name
from newsterm.facts.names import Name
from newsterm.facts.number_words import SCALES
from newsterm.facts.quantity import Quantity
from newsterm.facts.units import one_dimension, same_amount, told_in
from newsterm.model import Conflict
from newsterm.text.lexicon import canonical_stem, same_actor
from newsterm.text.tokens import fold

# Tuning.
# Reports this many days apart or more may give two figures for a count that changed between
# them (a death toll, a forecast); the explanation says so, since it changes what a reader does.
# Set by hand: a report of the next day is mostly the same news cycle.
UPDATE_DAYS = 2
# How far before a figure (in characters) the name it belongs to may stand: "Hansbrough
# finished the game with 20 points". With it, ECB+ dev number conflicts went 379 -> 355, the 24
# removed all false; SummEdits, MSRP, BASIL and the seeds unchanged.
_SUBJECT_REACH = 60


# Words that open what follows a noun phrase naming a group or a thing: "the monitoring group
# including ...", "the sanctions committee of ...". Two shared words followed by one of these read
# as "in the monitoring group"; two followed by the number itself or by "and" are usually a verb
# and its subject or object ("Police arrested 12", "the ship ran aground and 45 ..."), which
# would read as nonsense after "in the".
_PHRASE_OPENERS = frozenset(
    "including comprising such like which who that of in on at for with from to by among "
    "led backed based called named known made".split()
)


def _reads_as_a_place(prep: Prepared, chunk: list[int], noun: str) -> bool:
    """Whether the chunk can be shown as "in the <chunk>" after "<noun>" in an explanation: a
    noun phrase of its own, not the count's noun or scale again ("stg in the mln stg")."""
    following = chunk[-1] + 1 if chunk else len(prep.tokens)
    if following >= len(prep.tokens) or prep.tokens[following].norm not in _PHRASE_OPENERS:
        return False
    noun_words = {fold(word) for word in noun.split()}
    return not any(
        prep.tokens[i].norm in SCALES or prep.tokens[i].norm in noun_words for i in chunk
    )


def _units_compatible(a: str, b: str) -> bool:
    """Two figures can be one count when their units agree, or when one says only "dollars" and
    the other whose. A bare figure never pairs with money (its passage's money is carried over
    to it where it names one, see extract_quantities), nor one country's money with another's."""
    if a == b:
        return True
    family = money_family(a)
    return family == money_family(b) and family in (a, b)


def _pair_quantities(
    a: Prepared, b: Prepared, slots: list[Slot]
) -> Iterable[tuple[Quantity, Quantity]]:
    qa_all = list(a.quantities)
    qb_all = list(b.quantities)
    # Each figure's counted noun as a canonical stem, and how many figures of its passage count
    # it, worked out once per figure rather than again for every figure it is paired with.
    stems_a = [canonical_stem(q.noun) for q in qa_all]
    stems_b = [canonical_stem(q.noun) for q in qb_all]
    counts_a = Counter(s for q, s in zip(qa_all, stems_a, strict=True) if q.noun)
    counts_b = Counter(s for q, s in zip(qb_all, stems_b, strict=True) if q.noun)
    used_b: set[int] = set()
    told_alike = _told_alike(qa_all, stems_a, qb_all, stems_b)
    used_b.update(told_alike.values())
    for i, (qa, stem_a) in enumerate(zip(qa_all, stems_a, strict=True)):
        if i in told_alike:
            continue
        best: tuple[int, int] | None = None
        for j, qb in enumerate(qb_all):
            if j in used_b:
                continue
            converted = one_dimension(qa, qb)  # "300 miles", "480 kilometres"
            if not (converted or _units_compatible(qa.unit, qb.unit)):
                continue
            if bool(qa.span) != bool(qb.span):
                continue  # "a seven-day average" describes the average; it counts nothing
            same_noun = bool(qa.noun) and (stem_a == stems_b[j] or converted)
            in_slot = same_slot(slots, (qa.start, qa.end), (qb.start, qb.end))
            lone = len(qa_all) == 1 and len(qb_all) == 1 and (not qa.noun or not qb.noun)
            unique_noun = same_noun and counts_a[stem_a] == 1 and counts_b[stems_b[j]] == 1
            rank = (
                3
                if same_noun and in_slot
                else 2
                if unique_noun
                else (1 if (in_slot and (same_noun or not qa.noun or not qb.noun)) or lone else 0)
            )
            if rank and (best is None or rank > best[0]):
                best = (rank, j)
        if best is not None:
            used_b.add(best[1])
            yield qa, qb_all[best[1]]


def _a_part_of_the_other(prep: Prepared, part: Quantity, whole: Quantity) -> bool:
    """Whether `part` and another figure of its passage add up to `whole`: "200 million doses
    this year and 300 million in 2022" against "500 million doses". A sum told in parts is not
    another figure for it. The parts are of one unit, count the noun `whole` counts (the second
    may leave it unsaid), and are joined as parts are ("and", "plus", a comma), not set against
    each other ("26 cts vs 10 cts", "from 12 to 18"), where a sum is a coincidence."""
    if part.vague or whole.vague or not 0 < part.value < whole.value or not part.noun:
        return False
    stem = canonical_stem(part.noun)
    if whole.noun and canonical_stem(whole.noun) != stem:
        return False
    for other in prep.quantities:
        if other is part or other.vague or other.unit != part.unit or other.value <= 0:
            continue
        if other.noun and canonical_stem(other.noun) != stem:
            continue
        if not math.isclose(part.value + other.value, whole.value, rel_tol=1e-9):
            continue
        first, second = (part, other) if part.start < other.start else (other, part)
        between = prep.text[first.end : second.start]
        if _JOINS_PARTS.search(between) and not _SETS_AGAINST.search(between):
            return True
    return False


_JOINS_PARTS = re.compile(r"\b(?:and|plus)\b|,")
_SETS_AGAINST = re.compile(r"\b(?:vs|versus|from|to|against|compared|than)\b", re.IGNORECASE)


def _told_alike(
    qa_all: list[Quantity], stems_a: list[str], qb_all: list[Quantity], stems_b: list[str]
) -> dict[int, int]:
    """The figures both passages give, written alike (value, unit, bound, and the noun counted
    or none): "rose by 37,000 to 412,000" against "rose 37,000 last week to 412,000". Each is
    the other's counterpart whatever stands around it; paired by position and noun instead, the
    two sentences' figures crossed over ("412,000 ≠ 37,000"). Only a figure each passage gives
    once. `stems_a` and `stems_b`: each figure's counted noun as a canonical stem."""

    def keys(quantities: list[Quantity], stems: list[str]) -> list[tuple[float, str, str, str]]:
        return [
            (q.value, q.unit, q.qualifier, stem if q.noun else "")
            for q, stem in zip(quantities, stems, strict=True)
        ]

    keys_a, keys_b = keys(qa_all, stems_a), keys(qb_all, stems_b)
    count_a, count_b = Counter(keys_a), Counter(keys_b)
    where_b = {key: j for j, key in enumerate(keys_b) if count_b[key] == 1}
    return {
        i: where_b[key]
        for i, (q, key) in enumerate(zip(qa_all, keys_a, strict=True))
        if count_a[key] == 1 and key in where_b and not q.vague
    }


def _time_apart(a: Prepared, b: Prepared) -> str:
    """' (published 5 days apart: perhaps a later figure)', or '' when the articles are of the
    same day or next day, or either date is unknown or only inferred from its story."""
    if a.published is None or b.published is None or a.published_inferred or b.published_inferred:
        return ""
    days = abs((a.published - b.published).days)
    if days < UPDATE_DAYS:
        return ""
    return f" (published {days} days apart: perhaps a later figure)"


def quantity_conflicts(
    a: Prepared, b: Prepared, slots: list[Slot], anchored_only: bool, same_noun: bool = False
) -> list[Conflict]:
    """`anchored_only`: only figures counting one noun after the same words; `same_noun`: only
    figures counting one noun."""
    found = []
    apart = _time_apart(a, b)
    for qa, qb in _pair_quantities(a, b, slots):
        if (
            _counted_for_others(a, qa, b, qb)
            or _one_counts_the_others(qa, qb)
            or is_a_change(a.text, qa.start) != is_a_change(b.text, qb.start)
            or _a_part_of_the_other(a, qa, qb)
            or _a_part_of_the_other(b, qb, qa)
            or _price_of_a_thing_untold(a, qa, b)
            or _price_of_a_thing_untold(b, qb, a)
            or measures_apart(a, qa, b, qb)
            or periods_apart(a, qa, b, qb)
        ):
            continue
        text_a = f"{qa.qualifier_text} {qa.text}".strip()
        text_b = f"{qb.qualifier_text} {qb.text}".strip()
        noun = qa.noun_text or qb.noun_text
        chunk = shared_context(a, qa.start, b, qb.start)
        context = phrase_text(a, chunk)
        converted = one_dimension(qa, qb)
        counts_alike = bool(qa.noun) and (
            converted or canonical_stem(qa.noun) == canonical_stem(qb.noun)
        )
        if (anchored_only and not (context and counts_alike)) or (same_noun and not counts_alike):
            continue
        about = f": {noun}" if noun else ""
        if context and not noun:
            about = f": {context}"  # the only hint of what is counted
        elif context and _reads_as_a_place(a, chunk, noun):
            about += f" in the {context}"
        if qa.span and qb.span and qa.span != qb.span:
            # "a three-decade-old ban" against "a 32-year-old ban": one length in two units.
            days_a, days_b = qa.value * days_in(qa.span), qb.value * days_in(qb.span)
            if not same_length_of_time(days_a, days_b):
                told = f"{qa.text}-{qa.span} ≠ {qb.text}-{qb.span}"
                found.append(Conflict("number", qa.text, qb.text, f"{told}{about}{apart}"))
        elif converted:
            if not same_amount(qa, qb):
                told = f"{qa.text} {qa.noun_text} ≠ {qb.text} {qb.noun_text}"
                if in_its_unit := told_in(qb, qa):
                    told += f" ({in_its_unit})"
                found.append(Conflict("number", qa.text, qb.text, f"{told}{apart}"))
        elif _precise_rates_differ(qa, qb):
            found.append(
                Conflict("number", qa.text, qb.text, f"{qa.text} ≠ {qb.text}{about}{apart}")
            )
        elif _rounded_alike(qa, qb):
            continue
        elif qa.range and qb.range and (qa.low, qa.high) != (qb.low, qb.high):
            # "between $4 and $11" against "between $3 and $11": they overlap, yet the outlets
            # give different figures for where it starts or ends.
            found.append(Conflict("number", text_a, text_b, f"{text_a} ≠ {text_b}{about}{apart}"))
        elif not qa.overlaps(qb):
            if qa.value == qb.value:
                found.append(
                    Conflict(
                        "qualifier",
                        text_a,
                        text_b,
                        f"{text_a} vs {text_b}{about}: the bounds exclude each other",
                    )
                )
            else:
                found.append(
                    Conflict("number", qa.text, qb.text, f"{qa.text} ≠ {qb.text}{about}{apart}")
                )
        elif (
            qa.qualifier == qb.qualifier
            and qa.qualifier in ("lower", "upper")
            and qa.value != qb.value
            and not qa.vague
            and not qb.vague
        ):
            # "over 50 others" against "over 70 others": both floors hold at once, but the
            # outlets give different figures for the same count.
            found.append(Conflict("number", text_a, text_b, f"{text_a} ≠ {text_b}{about}{apart}"))
        elif _bound_changed(qa, qb):
            found.append(
                Conflict(
                    "qualifier",
                    text_a,
                    text_b,
                    f"{text_a} vs {text_b}{about}: the same figure, bounded another way",
                )
            )
        elif qa.value == qb.value and {qa.qualifier, qb.qualifier} == {"lower", "upper"}:
            found.append(
                Conflict(
                    "qualifier",
                    text_a,
                    text_b,
                    f"{text_a} vs {text_b}{about}: a floor against a ceiling",
                )
            )
    return found


# Bounds that exclude their figure: "less than 870" cannot be 870, "around 870" can.
_STRICT_BOUNDS = frozenset(
    "more than|over|above|exceeding|just over|in excess of|upwards of|fewer than|less than"
    "|under|below|just under".split("|")
)


def _bound_changed(qa: Quantity, qb: Quantity) -> bool:
    """ "around 870" against "less than 870": one figure, both outlets qualify it, one by a
    bound that leaves the figure itself out and the other by a different kind of qualifier."""
    if qa.value != qb.value or not qa.qualifier or not qb.qualifier or qa.vague or qb.vague:
        return False
    if qa.qualifier == qb.qualifier:
        return False
    strict = {" ".join(q.qualifier_text.lower().split()) in _STRICT_BOUNDS for q in (qa, qb)}
    return True in strict and {qa.qualifier, qb.qualifier} != {"lower", "upper"}


# A name after these says where or whose, not who: "in Los Angeles for four weeks", "video
# of Brooklyn mother of 13".
_PLACE_WORDS = re.compile(r"\b(?:in|at|of|from|near|outside|inside|to)\s+(?:the\s+)?\Z", re.I)


def _subject(prep: Prepared, quantity: Quantity) -> Name | None:
    """The last name before a figure in its clause, unless it names a place: whose figure it
    is."""
    found = None
    for name in prep.names:
        if name.end <= quantity.start and quantity.start - name.end <= _SUBJECT_REACH:
            between = prep.text[name.end : quantity.start]
            if not CLAUSE_END.search(between):
                found = name
    if found is None or _PLACE_WORDS.search(prep.text, max(0, found.start - 12), found.start):
        return None
    return found


def _counted_for_others(a: Prepared, qa: Quantity, b: Prepared, qb: Quantity) -> bool:
    """ "Daye finished with eight rebounds" against "Hansbrough finished with nine rebounds":
    each figure follows a different name, so they count for different people or places."""
    na, nb = _subject(a, qa), _subject(b, qb)
    if na is None or nb is None or not_a_name(na) or not_a_name(nb):
        return False
    if na.key == nb.key or same_actor(na.key, nb.key) or same_name(na.key, nb.key):
        return False
    return keyed(b, na.key) == 0 and keyed(a, nb.key) == 0


# An amount of money between "a" and the thing it prices: "a $43,000 Rolex watch".
_PRICED = re.compile(r"\ban?\s+\Z", re.IGNORECASE)


def _price_of_a_thing_untold(prep: Prepared, q: Quantity, other: Prepared) -> bool:
    """ "a $43,000 Rolex watch" is the price of one thing: it tells nothing of a figure in a
    passage that never names that thing ("spent $750,000 on personal items"), where it was
    read as another amount for the same money."""
    if not q.unit or q.unit == "%" or not q.noun or not _PRICED.search(prep.text, 0, q.start):
        return False
    told = told_stems(other)
    return canonical_stem(q.noun) not in told and q.noun not in told


# Words that open a counted noun and set its things apart from those counted before it.
_SET_APART = frozenset({"other", "others", "additional"})


def _one_counts_the_others(qa: Quantity, qb: Quantity) -> bool:
    """ "seven AK-47s, three other assault rifles" against "seven AK-47 assault rifles": "three
    other rifles" counts the rifles besides those named before it, so it is no figure for what
    the other passage's plain "rifles" counts. Both saying "other" ("eight other countries",
    "seven other countries") count the same set, and are compared."""

    def apart(q: Quantity) -> bool:
        first = q.noun_text.split(maxsplit=1)[0] if q.noun_text else ""
        return fold(first) in _SET_APART

    return apart(qa) != apart(qb)


def _precise_rates_differ(qa: Quantity, qb: Quantity) -> bool:
    """ "0.5%" against "0.505%": rates written with decimals are exact figures, not roundings
    (a yield cap, an interest rate), so any difference between them is a different figure."""
    if qa.unit != "%" or qb.unit != "%" or qa.qualifier or qb.qualifier or qa.value == qb.value:
        return False
    if qa.vague or qb.vague:
        return False  # a range ("1.5 to 2.5%") commits to its interval, not to a rate
    return "." in qa.text and "." in qb.text


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounded_alike(qa: Quantity, qb: Quantity) -> bool:
    """ "1,662" and "1,661.51", "$13 billion" and "$12.8 billion", "$42,400" and "$42,409": the
    plainer figure is the other rounded to its precision (at the same scale)."""

    def written(q: Quantity) -> tuple[float, int] | None:
        found = _WRITTEN_NUMBER.search(q.text)
        if not found:
            return None
        digits = found.group().replace(",", "")
        if "." in digits:
            return float(digits), len(digits.split(".", 1)[1])
        # "$42,400" is "$42,409" to the hundred; "2,000" is no rounding of "2,400", so only a
        # figure with three significant digits or more counts its trailing zeros.
        significant = digits.rstrip("0")
        zeros = len(digits) - len(significant) if len(significant) >= 3 else 0
        return float(digits), -zeros

    wa, wb = written(qa), written(qb)
    if not wa or not wb or wa[1] == wb[1] or not wa[0] or not wb[0] or qa.value == qb.value:
        return False
    if abs(qa.value / wa[0] - qb.value / wb[0]) > 1e-9 * max(qa.value / wa[0], 1):
        return False  # different scales ("13 million" against "12.8 billion")
    if max(wa[0], wb[0]) < 10 and min(wa[1], wb[1]) == 0:
        return False  # "3" against "2.6": too coarse to call a rounding
    places = min(wa[1], wb[1])
    return round(wa[0], places) == round(wb[0], places)


def counted_nouns(prep: Prepared) -> frozenset[str]:
    """The nouns a passage's figures count, as canonical stems. Kept with the passage: the
    anchored check asks for them for every pair the passage meets."""
    found = prep.counted_nouns
    if found is None:
        found = prep.counted_nouns = frozenset(
            canonical_stem(q.noun) for q in prep.quantities if q.noun
        )
    return found
