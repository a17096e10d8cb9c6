"""Typed, explained disagreements between two passages that make the same claim.

A word-level alignment of the two passages (difflib over canonical stems) shows the slots where
they differ; each kind of fact is then checked in its slot, or, failing that, paired by what it
counts or when it happened. Every conflict carries a sentence a reader can check against the
text: "seven ≠ eight: other countries in the monitoring group".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from newsterm.facts import DateMention, Name, Quantity, Quote
from newsterm.facts.cues import affirming_idiom_at
from newsterm.facts.dates import MONTHS, describe, month_span, safe_date
from newsterm.facts.numbers import SCALES, money_family, words_to_number
from newsterm.facts.quotes import same_words
from newsterm.lexicon import (
    are_antonyms,
    canonical_stem,
    contrast_set,
    leaning,
    same_actor,
    same_given_name,
)
from newsterm.model import Conflict
from newsterm.text import NEGATIONS, STOPWORDS, fold, squash, stem

if TYPE_CHECKING:
    from newsterm.compare import Prepared

Span = tuple[int, int]
Slot = tuple[Span, Span]  # the character ranges of one differing region, in a and in b


# The widest rewritten stretch (in words, either side) in which one fact can replace another.
_SLOT_WIDTH = 6


def _slots(a: Prepared, b: Prepared) -> list[tuple[str, int, int, int, int]]:
    matcher = SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def _char_span(prep: Prepared, i1: int, i2: int) -> Span:
    if i1 >= i2:
        # An insertion point: the gap between two tokens.
        left = prep.tokens[i1 - 1].end if i1 > 0 else 0
        right = prep.tokens[i1].start if i1 < len(prep.tokens) else len(prep.text)
        return left, right
    return prep.tokens[i1].start, prep.tokens[i2 - 1].end


def _inside(span: Span, start: int, end: int) -> bool:
    return (
        (span[0] <= start and end <= span[1])
        or (start <= span[0] < end)
        or (start < span[1] <= end)
    )


def _same_slot(slots: list[Slot], a_range: Span, b_range: Span) -> bool:
    return any(_inside(sa, *a_range) and _inside(sb, *b_range) for sa, sb in slots)


def _context(a: Prepared, a_start: int, b: Prepared, b_start: int) -> list[int]:
    """Shared words just before two facts (token indices in a): where in the claim they sit.

    Of the word runs the two passages share in the dozen words before the facts, the phrase
    kept is the head of a common-noun phrase ("monitoring group" out of "sanctions monitoring
    group including South Korea"), since it names what the facts are about.
    """

    def window(prep: Prepared, start: int) -> list[int]:
        return [i for i, t in enumerate(prep.tokens) if t.end <= start][-12:]

    wa, wb = window(a, a_start), window(b, b_start)
    b_keys = [b.keys[i] for i in wb]
    chunks: list[tuple[int, int, list[int]]] = []
    for i in range(len(wa)):
        for j in range(len(b_keys)):
            if i and j and a.keys[wa[i - 1]] == b_keys[j - 1]:
                continue  # not the start of a maximal run
            k = 0
            while i + k < len(wa) and j + k < len(b_keys) and a.keys[wa[i + k]] == b_keys[j + k]:
                k += 1
            chunk = _head_chunk(a, wa[i : i + k])
            if len(chunk) == 2:
                proper = any(a.tokens[t].is_capitalised for t in chunk)
                chunks.append((proper, -k, chunk))
    if not chunks:
        return []
    return min(chunks, key=lambda item: (item[0], item[1], item[2][0]))[2]


def _phrase_text(prep: Prepared, chunk: list[int]) -> str:
    return prep.text[prep.tokens[chunk[0]].start : prep.tokens[chunk[-1]].end] if chunk else ""


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


def _head_chunk(prep: Prepared, run: list[int]) -> list[int]:
    """The last two words of the first run of content words (a noun phrase ends in its head)."""
    chunk: list[int] = []
    for i in run:
        if prep.keys[i] == "":
            continue  # the rest of a multi-word name
        if prep.tokens[i].norm in STOPWORDS or prep.tokens[i].norm in _CHUNK_BREAKS:
            if len(chunk) >= 2:
                break
            chunk = []
            continue
        chunk.append(i)
    return chunk[-2:] if len(chunk) >= 2 else []


_CHUNK_BREAKS = frozenset(
    "including comprising such like which led backed based called named known".split()
)

# ---------------------------------------------------------------------------------- numbers


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
    qa_all = [q for q in a.facts.quantities]
    qb_all = [q for q in b.facts.quantities]
    used_b: set[int] = set()
    for qa in qa_all:
        best: tuple[int, int] | None = None
        same_noun_a = [
            q for q in qa_all if q.noun and canonical_stem(q.noun) == canonical_stem(qa.noun)
        ]
        for j, qb in enumerate(qb_all):
            if j in used_b or not _units_compatible(qa.unit, qb.unit):
                continue
            same_noun = bool(qa.noun) and canonical_stem(qa.noun) == canonical_stem(qb.noun)
            in_slot = _same_slot(slots, (qa.start, qa.end), (qb.start, qb.end))
            same_noun_b = [
                q for q in qb_all if q.noun and canonical_stem(q.noun) == canonical_stem(qb.noun)
            ]
            lone = len(qa_all) == 1 and len(qb_all) == 1 and (not qa.noun or not qb.noun)
            unique_noun = same_noun and len(same_noun_a) == 1 and len(same_noun_b) == 1
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


# Reports this many days apart or more may give two figures for a count that changed between
# them (a death toll, a forecast); the explanation says so, since it changes what a reader does.
UPDATE_DAYS = 2


def _time_apart(a: Prepared, b: Prepared) -> str:
    """' (published 5 days apart: perhaps a later figure)', or '' when the articles are of the
    same day or next day, or either date is unknown or only inferred from its story."""
    if a.published is None or b.published is None or a.published_inferred or b.published_inferred:
        return ""
    days = abs((a.published - b.published).days)
    if days < UPDATE_DAYS:
        return ""
    return f" (published {days} days apart: perhaps a later figure)"


def _quantity_conflicts(
    a: Prepared, b: Prepared, slots: list[Slot], anchored_only: bool, same_noun: bool = False
) -> list[Conflict]:
    """`anchored_only`: only figures counting one noun after the same words; `same_noun`: only
    figures counting one noun."""
    found = []
    apart = _time_apart(a, b)
    for qa, qb in _pair_quantities(a, b, slots):
        if _counted_for_others(a, qa, b, qb):
            continue
        text_a = f"{qa.qualifier_text} {qa.text}".strip()
        text_b = f"{qb.qualifier_text} {qb.text}".strip()
        noun = qa.noun_text or qb.noun_text
        chunk = _context(a, qa.start, b, qb.start)
        context = _phrase_text(a, chunk)
        counts_alike = bool(qa.noun) and canonical_stem(qa.noun) == canonical_stem(qb.noun)
        if (anchored_only and not (context and counts_alike)) or (same_noun and not counts_alike):
            continue
        about = f": {noun}" if noun else ""
        if context and not noun:
            about = f": {context}"  # the only hint of what is counted
        elif context and _reads_as_a_place(a, chunk, noun):
            about += f" in the {context}"
        if _precise_rates_differ(qa, qb):
            found.append(
                Conflict("number", qa.text, qb.text, f"{qa.text} ≠ {qb.text}{about}{apart}")
            )
        elif _rounded_alike(qa, qb):
            continue
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


# How far before a figure (in characters) the name it belongs to may stand: "Hansbrough
# finished the game with 20 points".
_SUBJECT_REACH = 60
# Punctuation that ends a clause: a name, or a negation, does not reach past it.
_CLAUSE_END = re.compile(r"[.;:!?]")


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
            if not _CLAUSE_END.search(between):
                found = name
    if found is None or _PLACE_WORDS.search(prep.text, max(0, found.start - 12), found.start):
        return None
    return found


def _counted_for_others(a: Prepared, qa: Quantity, b: Prepared, qb: Quantity) -> bool:
    """ "Daye finished with eight rebounds" against "Hansbrough finished with nine rebounds":
    each figure follows a different name, so they count for different people or places."""
    na, nb = _subject(a, qa), _subject(b, qb)
    if na is None or nb is None or _not_a_name(na) or _not_a_name(nb):
        return False
    if na.key == nb.key or same_actor(na.key, nb.key) or _same_name(na.key, nb.key):
        return False
    return _keyed(b, na.key) == 0 and _keyed(a, nb.key) == 0


def _precise_rates_differ(qa: Quantity, qb: Quantity) -> bool:
    """ "0.5%" against "0.505%": rates written with decimals are exact figures, not roundings
    (a yield cap, an interest rate), so any difference between them is a different figure."""
    if qa.unit != "%" or qb.unit != "%" or qa.qualifier or qb.qualifier or qa.value == qb.value:
        return False
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


# ------------------------------------------------------------------------------------ dates

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
# ambushed, a spokesman said Sunday" against "ambushed the convoy on Saturday" is no conflict.
# Verbs that are news in themselves ("announced", "reported earnings") are left out.
_TELLING = re.compile(
    r"\b(?:said|says|told(?:\s+[\w.]+){0,2}|added|stated)\s+(?:on\s+)?\Z", re.IGNORECASE
)


def _date_class(prep: Prepared, mention: DateMention) -> str:
    """Only dates of one class are paired: "since 1977" bounds, "said Sunday" tells."""
    if _TELLING.search(prep.text, max(0, mention.start - 40), mention.start):
        return "told"
    return _DATE_CLASS.get(mention.preposition, "at")


def _describe_side(mention: DateMention, inferred: bool) -> str:
    if not mention.relative or mention.reference is None:
        return ""
    dated = f"{mention.reference.day} {mention.reference:%b %Y}"
    note = " (date inferred from its story)" if inferred else ""
    return f"'{mention.text}' in an article dated {dated}{note}"


# Two dates that are each their passage's only one of their kind are paired wherever they sit
# only when the passages tell mostly the same words (symmetric similarity, not containment: a
# short sentence inside a long one says nothing of what the long one's date is about).
_LONE_DATES_SIMILARITY = 0.5


def _date_conflicts(
    a: Prepared, b: Prepared, slots: list[Slot], symmetric: float
) -> list[Conflict]:
    found = []
    used_b: set[int] = set()
    classes_a = [_date_class(a, d) for d in a.facts.dates]
    classes_b = [_date_class(b, d) for d in b.facts.dates]
    for da, cls in zip(a.facts.dates, classes_a, strict=True):
        partner = None
        for j, db in enumerate(b.facts.dates):
            if j in used_b or classes_b[j] != cls:
                continue
            if _same_slot(slots, (da.start, da.end), (db.start, db.end)) or (
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
            kind_a, kind_b = da.key.split(":", 1)[0], db.key.split(":", 1)[0]
            if kind_a == kind_b and kind_a in ("weekday", "month", "monthday") and da.key != db.key:
                found.append(
                    Conflict(
                        "date",
                        da.text,
                        db.text,
                        f"{da.text} vs {db.text}: different days for the same event",
                    )
                )
    return found


# ----------------------------------------------------------------------------------- quotes


def _told_elsewhere(mention: DateMention, other: Prepared) -> bool:
    """Whether the other passage names a time overlapping this date anywhere."""
    return any(d.resolved and mention.overlaps(d) for d in other.facts.dates)


def _year_guessed_apart(da: DateMention, db: DateMention) -> bool:
    """ "That March 2 event" against "the 2008 event": one side names no year, and only the
    year guessed for it from its article's date keeps the two apart."""
    for guessed, given in ((da, db), (db, da)):
        named = _named_month(guessed)
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


_DAY_OF_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _named_month(mention: DateMention) -> tuple[int, int] | None:
    """(month, day or 0) of a mention that names a month but no year ("March 2", "in March"),
    else None ("last month" names none)."""
    if re.search(r"\d{4}", mention.text):
        return None
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", mention.text.lower()) if w in MONTHS), 0)
    if not month:
        return None
    day = _DAY_OF_MONTH.search(mention.text)
    return month, int(day.group(1)) if day else 0


def _quote_conflicts(a: Prepared, b: Prepared, slots: list[Slot]) -> list[Conflict]:
    quotes_a, quotes_b = list(a.facts.quotes), list(b.facts.quotes)
    agreed_a = {i for i, qa in enumerate(quotes_a) if any(same_words(qa, qb) for qb in quotes_b)}
    agreed_b = {j for j, qb in enumerate(quotes_b) if any(same_words(qa, qb) for qa in quotes_a)}
    rest_a = [q for i, q in enumerate(quotes_a) if i not in agreed_a]
    rest_b = [q for j, q in enumerate(quotes_b) if j not in agreed_b]
    found = []
    for qa in rest_a:
        for qb in rest_b:
            in_slot = _same_slot(slots, (qa.start, qa.end), (qb.start, qb.end))
            lone = len(rest_a) == 1 and len(rest_b) == 1
            if not _anchored_alike(a, qa, b, qb) or not (in_slot or lone):
                continue
            if squash(qa.text) in squash(b.text) or squash(qb.text) in squash(a.text):
                continue  # the other outlet uses the same words, just not as a quotation
            if _differ_only_in_names(qa.text, qb.text):
                continue  # "Muammar al-Qaddafi" against "Moammar Gadhafi": a house spelling
            found.append(
                Conflict(
                    "quote",
                    qa.text,
                    qb.text,
                    f"“{qa.text}” vs “{qb.text}”: different words quoted for the same statement",
                )
            )
            rest_b.remove(qb)
            break
    return found


_QUOTED_WORD = re.compile(r"[\w’'-]+")


def _differ_only_in_names(text_a: str, text_b: str) -> bool:
    """Whether two quotations differ only in capitalised words: the same words quoted, with the
    names in them spelled each outlet's way."""
    words_a, words_b = _QUOTED_WORD.findall(text_a), _QUOTED_WORD.findall(text_b)
    matcher = SequenceMatcher(None, [w.lower() for w in words_a], [w.lower() for w in words_b])
    changed = [
        word
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
        for word in (*words_a[i1:i2], *words_b[j1:j2])
    ]
    shared = sum(size for *_, size in matcher.get_matching_blocks())
    return (
        bool(changed)
        and shared >= len(changed)
        and all(any(part[:1].isupper() for part in word.split("-")) for word in changed)
    )


def _anchored_alike(a: Prepared, qa: Quote, b: Prepared, qb: Quote) -> bool:
    """Both quotes follow the same word ("as", "called", "described ... as")."""

    def word_before(prep: Prepared, start: int) -> str:
        before = [i for i, t in enumerate(prep.tokens) if t.end <= start]
        return prep.keys[before[-1]] if before else ""

    return word_before(a, qa.start) == word_before(b, qb.start) != ""


# --------------------------------------------------------------------------------- negation


# Verbs that deny what follows them ("failed to capture", "refused to sign", "unable to reach").
_NEGATING_VERBS = frozenset(stem(w) for w in "fail refuse unable decline".split())
# Words that carry a denial in themselves ("gave no details" = "withheld the details"; "their
# failure to win" = "they failed to win"): a side using one is not asserting what the other
# side's "not" denies.
_DENYING_WORDS = frozenset(
    stem(w)
    for w in (
        "deny denied lack lacked absent withheld withhold removed omitted failure refusal inability"
    ).split()
)
_UN_WORDS = ("under", "univers", "uniq", "union", "unit", "until", "unless", "unveil")


def _is_negation(prep: Prepared, index: int) -> bool:
    token = prep.tokens[index]
    norm = token.norm
    if norm in NEGATIONS or norm.endswith("n't"):
        # Inside a hyphenated compound ("the do-not-call registry", "a no-fly zone") the word
        # names a thing rather than denying the claim; "no doubt" and "not only" deny nothing.
        before = prep.text[max(0, token.start - 1) : token.start]
        after = prep.text[token.end : token.end + 1]
        return "-" not in before + after and not affirming_idiom_at(prep.text, token.start)
    # "Failed to win", "refused to sign"; and "has yet to regain", which is "has not regained"
    # told another way.
    return (stem(norm) in _NEGATING_VERBS or norm == "yet") and _next_norm(prep, index) == "to"


def _denies(prep: Prepared, index: int) -> bool:
    """A negation, or a word that denies by itself ("unknown", "declined", "withheld")."""
    if _is_negation(prep, index):
        return True
    norm = prep.tokens[index].norm
    if stem(norm) in _DENYING_WORDS or stem(norm) in _NEGATING_VERBS:
        return True
    return len(norm) >= 6 and norm.startswith("un") and not norm.startswith(_UN_WORDS)


def _negated(prep: Prepared, index: int) -> bool:
    """A word with a negation just before it ("not known", "did not win"): the negated word says
    what its opposite says, so "not known" against "unknown" is no contradiction."""
    return any(_is_negation(prep, k) for k in range(max(0, index - 2), index))


def _next_norm(prep: Prepared, index: int) -> str:
    return prep.tokens[index + 1].norm if index + 1 < len(prep.tokens) else ""


def _phrase(prep: Prepared, i1: int, i2: int, pad: int = 1) -> str:
    lo, hi = max(0, i1 - pad), min(len(prep.tokens), i2 + pad)
    if lo >= hi:
        return ""
    return prep.text[prep.tokens[lo].start : prep.tokens[hi - 1].end]


def _marked(prep: Prepared, marks: Callable[[Prepared, int], bool]) -> int:
    """How many of a passage's words `marks` picks out: the negation and exception rules count
    only a passage that denies, or excepts, more often than the other."""
    return sum(marks(prep, index) for index in range(len(prep.tokens)))


def _negation_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]], symmetric: float = 1.0
) -> list[Conflict]:
    """A short stretch negated in one passage and asserted in the other. Only when one
    passage negates more often than the other: a negation merely moved ("was not due to
    farmers" against "was due to doctors, not to farmers"; "nor was he asked" against "he
    was not asked") denies nothing the other asserts."""
    if _marked(a, _denies) == _marked(b, _denies):
        return []
    found = []
    for _tag, i1, i2, j1, j2 in ops:
        if (i2 - i1) > 3 or (j2 - j1) > 3:
            continue
        neg_a = any(_is_negation(a, i) for i in range(i1, i2))
        neg_b = any(_is_negation(b, j) for j in range(j1, j2))
        if neg_a == neg_b:
            continue
        other = range(j1, j2) if neg_a else range(i1, i2)
        if any(_denies(b if neg_a else a, k) for k in other):
            continue  # "gave no details" against "declined to give details"
        negator, lo, hi = (a, i1, i2) if neg_a else (b, j1, j2)
        cue = next(k for k in range(lo, hi) if _is_negation(negator, k))
        if symmetric < _PREDICATE_CHECK_BELOW and not _predicate_told(
            negator, cue, b if neg_a else a
        ):
            continue  # "Thompson never recovered" against "Klitschko bombed Thompson"
        # A negation added where the other passage has nothing must deny a word it tells:
        # "wounding seven, none seriously" adds a detail to "wounding seven", no denial.
        added = (j1 == j2) if neg_a else (i1 == i2)
        if added and not _predicate_told(negator, cue, b if neg_a else a, words=1):
            continue
        if any(
            are_antonyms(stem(a.tokens[i].norm), stem(b.tokens[j].norm))
            for i in range(i1, i2)
            for j in range(j1, j2)
        ):
            continue  # "did not win" against "lost": a denied word against its opposite
        side = "the first" if neg_a else "the second"
        text_a, text_b = _phrase(a, i1, i2), _phrase(b, j1, j2)
        found.append(
            Conflict(
                "negation",
                text_a,
                text_b,
                f"'{text_a}' vs '{text_b}': {side} negates what the other asserts",
            )
        )
    return found


# Words that carve an exception out of what they follow ("all carriers except Israeli ones").
_EXCEPTING = frozenset("except excluding excepting barring".split())


# How many content words after a negation make up what it denies.
_PREDICATE_WORDS = 2
# Passages this alike both ways say the same thing but for the negation (and the synonyms that
# may come with it: "not required to" against "forced to"), so what is denied need not be found
# word for word.
_PREDICATE_CHECK_BELOW = 0.7


def _predicate_told(
    negator: Prepared, cue: int, other: Prepared, words: int = _PREDICATE_WORDS
) -> bool:
    """Whether what a negation denies is told in the other passage: the first content words
    after it ("was not Deep Throat": Deep, Throat) all appear there. "Lindsay never checked
    into Morningside" denies nothing "Lindsay Lohan checks into Betty Ford" asserts."""
    told = set(other.keys) | {token.stem for token in other.tokens}
    denied = []
    for k in range(cue + 1, min(cue + 6, len(negator.tokens))):
        between = negator.text[negator.tokens[k - 1].end : negator.tokens[k].start]
        if _CLAUSE_END.search(between):
            break
        token = negator.tokens[k]
        if token.norm in STOPWORDS or token.norm in ("to", "be", "been", "have", "has", "had"):
            continue
        denied.append(k)
        if len(denied) == words:
            break
    return all(negator.keys[k] in told or negator.tokens[k].stem in told for k in denied)


def _excepts(prep: Prepared, index: int) -> bool:
    return prep.tokens[index].norm in _EXCEPTING


def _exception_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]]
) -> list[Conflict]:
    """ "Open to Israeli carriers" against "open to all carriers except Israeli ones": an
    exception put in one short stretch turns what the other includes into what it leaves out,
    a denial that no "not" marks. Only a passage that excepts more often than the other counts,
    so that an exception merely moved within the sentence says nothing."""
    count_a, count_b = _marked(a, _excepts), _marked(b, _excepts)
    if count_a == count_b:
        return []
    prep, first = (a, True) if count_a > count_b else (b, False)
    for _tag, i1, i2, j1, j2 in ops:
        if (i2 - i1) > 3 or (j2 - j1) > 3:
            continue
        lo, hi = (i1, i2) if first else (j1, j2)
        if any(_excepts(prep, k) for k in range(lo, hi)):
            text_a, text_b = _phrase(a, i1, i2), _phrase(b, j1, j2)
            side = "the first" if first else "the second"
            explanation = f"'{text_a}' vs '{text_b}': {side} makes an exception the other does not"
            return [Conflict("negation", text_a, text_b, explanation)]
    return []


# Verbs that put a decision still to come in front of what the other passage tells as done or
# decided ("is considering opening" against "is opening"). Only the -ing forms: "considered"
# ("those considered obese") judges rather than weighs.
_WEIGHING = frozenset("considering weighing mulling contemplating".split())


def _tentative_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]]
) -> list[Conflict]:
    """ "Oman is opening its airspace" against "Oman is considering opening its airspace": one
    word inserted and nothing else changed, yet one passage reports a decision and the other
    only that it is being weighed."""
    for tag, i1, i2, j1, j2 in ops:
        if tag not in ("insert", "delete") or max(i2 - i1, j2 - j1) > 2:
            continue
        prep, lo, hi = (a, i1, i2) if tag == "delete" else (b, j1, j2)
        if hi >= len(prep.tokens) or prep.tokens[hi].is_number:
            continue  # nothing follows to put in doubt, or a measure ("weighing 40 tonnes")
        if any(prep.tokens[k].norm in _WEIGHING for k in range(lo, hi)):
            text_a, text_b = _phrase(a, i1, i2), _phrase(b, j1, j2)
            side = "the first" if tag == "delete" else "the second"
            explanation = f"'{text_a}' vs '{text_b}': {side} says it is only being considered"
            return [Conflict("qualifier", text_a, text_b, explanation)]
    return []


# ---------------------------------------------------------------------- names and antonyms


def _name_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]]
) -> list[Conflict]:
    found = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or (i2 - i1) > 4 or (j2 - j1) > 4:
            continue  # a long rewritten stretch is a paraphrase, not one name put for another
        sa, sb = _char_span(a, i1, i2), _char_span(b, j1, j2)
        names_a = [n for n in a.names if _inside(sa, n.start, n.end) and not _not_a_name(n)]
        names_b = [n for n in b.names if _inside(sb, n.start, n.end) and not _not_a_name(n)]
        if len(names_a) != 1 or len(names_b) != 1:
            continue
        na, nb = names_a[0], names_b[0]
        if na.key == nb.key or same_actor(na.key, nb.key):
            continue
        if _names_a_source(a, na) or _names_a_source(b, nb):
            continue  # "police said" against "the CBC reported": who told it, not what happened
        if _same_name(na.key, nb.key) and not _other_last_words(a, na, i1, i2, b, nb, j1, j2):
            continue
        # A reordered sentence moves a name without removing it: only a name that one passage
        # mentions more often than the other, put where the other has a name it lacks, counts.
        written_a, written_b = a.text[na.start : na.end], b.text[nb.start : nb.end]
        if _mentions(a, written_a) <= _mentions(b, written_a) or (
            _mentions(b, written_b) <= _mentions(a, written_b)
        ):
            continue
        # The same, told in another accepted form ("the U.S. market" against "the PC market
        # in the United States"): a name's key folds its aliases.
        if _keyed(a, na.key) <= _keyed(b, na.key) or _keyed(b, nb.key) <= _keyed(a, nb.key):
            continue
        # Or told in a shorter form elsewhere: "Liz Cheney" against "... his daughter,
        # Elizabeth": she is named in both, so no one was put in her place.
        if _named_elsewhere(na, b, nb) or _named_elsewhere(nb, a, na):
            continue
        found.append(
            Conflict(
                "entity",
                na.text,
                nb.text,
                f"{na.text} vs {nb.text}: a different name in the same place",
            )
        )
    return found


# Words around a name that make it the source of the report rather than part of the claim:
# "the CBC reported", "according to THR", "her rep told Us", "Vancouver police said". A name
# that itself "said" something is left alone: "the Bank of Japan said it would buy bonds" is
# the bank acting.
_REPORTED = frozenset(stem(w) for w in "reported reports wrote".split())
_SAID = frozenset(stem(w) for w in "said says".split())
_TOLD = stem("told")
_SPOKESPEOPLE = frozenset("police officials sources spokesman spokeswoman spokesperson".split())


def _tokens_of(prep: Prepared, name: Name) -> list[int]:
    """Indices of the tokens that make up a name."""
    return [k for k, t in enumerate(prep.tokens) if name.start <= t.start < name.end]


def _names_a_source(prep: Prepared, name: Name) -> bool:
    """Whether a name is who told the story, not who or where it happened."""
    tokens = prep.tokens
    inside = _tokens_of(prep, name)
    if not inside:
        return False
    after = inside[-1] + 1
    if after < len(tokens) and tokens[after].stem in _REPORTED:
        return True
    if (
        after + 1 < len(tokens)
        and tokens[after].norm in _SPOKESPEOPLE
        and tokens[after + 1].stem in _SAID
    ):
        return True
    before = inside[0] - 1
    while before >= 0 and tokens[before].norm in ("the", "a"):
        before -= 1
    if before < 1:
        return False
    word, prior = tokens[before].norm, tokens[before - 1].norm
    return (
        (word == "to" and prior == "according")
        or (word == "by" and tokens[before - 1].stem in _REPORTED)
        or tokens[before].stem == _TOLD
    )


# Words that end an organisation's name in one outlet's style and not another's ("Oracle
# Corp."/"Oracle Inc.", "the Sheriff's Department"/"the Sheriff's Office"): a different one says
# nothing about a different organisation.
_NAME_SUFFIXES = frozenset(
    "corp corporation inc incorporated co company ltd limited llc plc ag sa nv group holdings "
    "department dept office agency ministry bureau service administration authority".split()
)


def _other_last_words(
    a: Prepared, na: Name, i1: int, i2: int, b: Prepared, nb: Name, j1: int, j2: int
) -> bool:
    """ "Party Leader Pierre Smith" against "Party Leader Pierre Paul Jones": the names share
    their leading words, so as wholes they pass for one name told two ways, but a title among
    those words says a person is named, and the replaced words that end both names are no
    spelling of each other. A different surname after the same title is a different person.
    Without a title the shared words may be the name itself and the tail a paraphrase of what it
    names ("the Webb Space Telescope", "the Webb Space Observatory"), so nothing is said."""

    def tail(prep: Prepared, name: Name, lo: int, hi: int) -> list[str] | None:
        inside = [k for k in range(lo, hi) if name.start <= prep.tokens[k].start < name.end]
        within = _tokens_of(prep, name)
        if len(within) < 2 or not inside or inside[-1] != within[-1] or inside == within:
            return None  # not a longer name whose last words alone were replaced
        if not any(prep.tokens[k].norm in _TITLE_WORDS for k in within if k < inside[0]):
            return None
        words = [prep.tokens[k].norm for k in inside]
        return None if set(words) <= _NAME_SUFFIXES else words

    tail_a, tail_b = tail(a, na, i1, i2), tail(b, nb, j1, j2)
    if tail_a is None or tail_b is None:
        return False
    return not _same_name(" ".join(tail_a), " ".join(tail_b))


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


# A capitalised run this long is a headline in title case, not one name ("Lindsay Lohan Checks
# Out Of Betty Ford Treatment Center").
_LONGEST_NAME = 6


def _not_a_name(name: Name) -> bool:
    """A capitalised pronoun contraction ("I'll", "I'm") or a headline is not a name."""
    return (
        fold(name.text).replace("’", "'").startswith("i'") or len(name.text.split()) > _LONGEST_NAME
    )


def _same_name(key_a: str, key_b: str) -> bool:
    """ "Lee"/"Lee Seong-kweun" (one name told shorter) and "Korea"/"Korean" (a demonym), with
    or without titles ("Gen. Sattler"/"General Sattler")."""
    if _same_name_as_written(key_a, key_b):
        return True
    bare_a, bare_b = _bare_name(key_a), _bare_name(key_b)
    if not bare_a or not bare_b:
        return True  # a title alone ("General", "Secretary") names no one in particular
    if _same_name_as_written(bare_a, bare_b):
        return True
    # One outlet gives only the surname, spelled its own way: "Syrian Information Minister
    # Ahmad" against "Ahmed".
    short, long = sorted((bare_a.split(), bare_b.split()), key=len)
    return len(short) == 1 < len(long) and (
        _same_name_as_written(short[0], long[-1]) or same_given_name(short[0], long[0])
    )


# Short forms of the words that make up place names: "W. American Blvd" is "West American
# Boulevard", "Mt Cook" is "Mount Cook".
_NAME_ABBREVIATIONS = {
    "mt": "mount",
    "mtn": "mountain",
    "ft": "fort",
    "pt": "point",
    "blvd": "boulevard",
    "ave": "avenue",
    "rd": "road",
    "hwy": "highway",
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
}


def _spelled_out(key: str) -> str:
    return " ".join(_NAME_ABBREVIATIONS.get(w.strip("."), w) for w in key.split())


def _same_name_as_written(key_a: str, key_b: str) -> bool:
    key_a, key_b = _spelled_out(key_a), _spelled_out(key_b)
    words_a, words_b = set(key_a.split()), set(key_b.split())
    shared = words_a & words_b - _ACRONYM_SKIP  # "Bank of Japan"/"Bank of India" share one word
    if words_a <= words_b or words_b <= words_a or len(shared) >= 2:
        return True
    if _acronym_of(key_a, key_b) or _acronym_of(key_b, key_a):
        return True
    split_a, split_b = key_a.split(), key_b.split()
    if (
        len(split_a) > 1
        and len(split_b) > 1
        and split_a[-1] == split_b[-1]
        and (split_a[0][0] == split_b[0][0] or same_given_name(split_a[0], split_b[0]))
    ):
        return True  # "Doug Feith"/"Douglas J. Feith", "Liz Cheney"/"Elizabeth Cheney"
    squashed_a, squashed_b = squash(key_a), squash(key_b)
    short, long = sorted((squashed_a, squashed_b), key=len)
    if short and long == short + "s":
        return True  # "KO"/"KOs"
    if len(short) >= 4 and long.startswith(short[:-1]):
        return True  # "Korea"/"Korean", "Visual Basic"/"VisualBasic", "Data"/"Datamonitor"
    if len(short) >= 3 and " " not in key_a + key_b and long.startswith(short):
        return True  # an abbreviation: "Ark"/"Arkansas", "Calif"/"California"
    # Transliterations and typos: "Zulifquar"/"Zulfiqar", "Qaeda"/"Qaida", "Turkmen"/"Turkoman".
    return len(short) >= 5 and SequenceMatcher(None, short, long).ratio() >= 0.8


# Titles and roles written in front of a name, and the Arabic article: "Gen. Sattler" and
# "General Sattler", "Falluja" and "Al-Fallujah" name the same.
_TITLE_WORDS = frozenset(
    """mr mrs ms miss dr gen general col colonel lt capt captain sgt adm admiral maj major sen
    senator rep representative gov governor judge justice president vice prime minister
    secretary chief executive ceo chairman chairwoman director spokesman spokeswoman witness
    lawyer attorney prosecutor officer sir lord lady st saint king queen prince princess pope
    rev reverend defense defence foreign interior finance health state u.s district
    leader""".split()
)


def _bare_name(key: str) -> str:
    words = [w for w in key.replace("-", " ").split() if w.strip(".") not in _TITLE_WORDS]
    while words and words[0] in ("al", "el", "the"):
        words = words[1:]
    return " ".join(words)


_ACRONYM_SKIP = frozenset("of the and for de".split())


def _acronym_of(short: str, long: str) -> bool:
    """ "aba" for "american basketball association", "rnc chairman" for "republican national
    committee chairman": initials of the leading words, the rest shared."""
    head, _, rest = short.partition(" ")
    letters = head.replace(".", "")
    if len(letters) < 2:
        return False
    # "THR" is "The Hollywood Reporter": the small words count when the initials keep them,
    # and a name's key has dropped its leading "the".
    content = [w for w in long.split() if w not in _ACRONYM_SKIP]
    for words in (content, long.split(), ["the", *content]):
        if len(words) < len(letters):
            continue
        initials = "".join(w[0] for w in words[: len(letters)])
        tail = " ".join(words[len(letters) :])
        if initials == letters and (tail == rest or not rest):
            return True
    return False


def _named_elsewhere(name: Name, other: Prepared, facing: Name) -> bool:
    """Whether the other passage calls the same person by another form of the given name
    somewhere besides the name facing it ("Liz Cheney" and, later, "Elizabeth")."""
    first = _bare_name(name.key).split()[:1]
    return bool(first) and any(
        n is not facing and same_given_name(first[0], _bare_name(n.key)) for n in other.names
    )


def _keyed(prep: Prepared, key: str) -> int:
    """How many of a passage's names have this key."""
    return sum(name.key == key for name in prep.names)


def _mentions(prep: Prepared, name: str) -> int:
    """How often a name is written in a passage, as whole words."""
    return len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", prep.text))


def _swapped(word_a: str, word_b: str, seq_a: Sequence[str], seq_b: Sequence[str]) -> bool:
    """True when a has one more `word_a` and b one more `word_b` than the other passage: a word
    put in place of another. A word both passages use as often was only moved."""
    return seq_a.count(word_a) > seq_b.count(word_a) and seq_b.count(word_b) > seq_a.count(word_b)


def _shared_terms(a: Prepared, b: Prepared) -> int:
    return len(a.terms & b.terms)


def _replaced_pairs(
    ops: list[tuple[str, int, int, int, int]], widest: int
) -> Iterator[tuple[int, int]]:
    """Token pairs (i in a, j in b) facing each other in a short replaced stretch (at most
    `widest` words a side) of an otherwise shared claim: where a swapped word would sit."""
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or (i2 - i1) > widest or (j2 - j1) > widest:
            continue
        for i in range(i1, i2):
            for j in range(j1, j2):
                yield i, j


def _contrast_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]]
) -> list[Conflict]:
    """A member of a closed set put where the other passage has another ("his brother" vs "his
    sister", "days" vs "years"), in a short replaced stretch of an otherwise shared claim."""
    for i, j in _replaced_pairs(ops, 3):
        ka, kb = a.keys[i], b.keys[j]
        if not ka or not kb:
            continue
        # Closed sets list words as written: "explosion" stays itself here though
        # synonyms fold it into "blast" for similarity.
        group = contrast_set(ka, kb) or contrast_set(stem(a.tokens[i].norm), stem(b.tokens[j].norm))
        if group and _swapped(ka, kb, a.keys, b.keys):
            if _same_length_of_time(a, i, b, j):
                continue
            wa, wb = a.tokens[i].surface, b.tokens[j].surface
            return [Conflict("entity", wa, wb, f"'{wa}' vs '{wb}': a different {group}")]
    return []


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


def _length_in_days(prep: Prepared, index: int) -> float | None:
    token = prep.tokens[index]
    unit = token.norm.removesuffix("s")
    unit = "century" if unit == "centurie" else unit
    if unit not in _DAYS_IN:
        return None
    found = _COUNT_BEFORE.search(prep.text, max(0, token.start - 24), token.start)
    count = 1.0  # "a week", "the last decade", "a year-long mission"
    if found and found.group(1)[0].isdigit():
        count = float(found.group(1))
    elif found:
        words = re.split("[ -]", found.group(1).lower())
        # The longest run of number words that ends at the unit: "about one and a half".
        counts = (words_to_number(" ".join(words[k:])) for k in range(len(words)))
        count = next((c for c in counts if c), 1.0)
    return count * _DAYS_IN[unit]


def _same_length_of_time(a: Prepared, i: int, b: Prepared, j: int) -> bool:
    """ "seven days" against "about a week", "12-month" against "year-long": one length of
    time in other units."""
    days_a, days_b = _length_in_days(a, i), _length_in_days(b, j)
    if not days_a or not days_b:
        return False
    return abs(days_a - days_b) <= _SAME_LENGTH * max(days_a, days_b)


def _antonym_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]]
) -> list[Conflict]:
    for i, j in _replaced_pairs(ops, 4):
        sa, sb = stem(a.tokens[i].norm), stem(b.tokens[j].norm)
        opposite = are_antonyms(sa, sb)
        # "a troubled start-up" against "a triumphant start-up": no antonym pair, but one
        # judges well what the other judges badly.
        judged_apart = not opposite and leaning(sa) * leaning(sb) < 0
        if not (opposite or judged_apart) or _negated(a, i) != _negated(b, j):
            continue
        if _prefix_written_apart(a, i, sb) or _prefix_written_apart(b, j, sa):
            continue  # "non-binding" against "nonbinding": one word, hyphenated or not
        a_stems = [stem(t.norm) for t in a.tokens]
        b_stems = [stem(t.norm) for t in b.tokens]
        if _swapped(sa, sb, a_stems, b_stems):
            wa, wb = a.tokens[i].surface, b.tokens[j].surface
            what = "opposite judgements of one thing" if judged_apart else "opposite words"
            explanation = f"'{wa}' vs '{wb}': {what} in the same claim"
            return [Conflict("antonym", wa, wb, explanation)]
    return []


def _prefix_written_apart(prep: Prepared, index: int, other_stem: str) -> bool:
    """Whether the word at `index`, with the word before it, spells `other_stem`: the prefix
    of "non-binding" is a token of its own."""
    if index == 0:
        return False
    before = prep.tokens[index - 1]
    return (
        before.end == prep.tokens[index].start - 1
        and stem(before.norm + prep.tokens[index].norm) == other_stem
    )


# Words between two that trade places without changing the claim: "Smith and Jones" is
# "Jones and Smith", "Spain played Italy" the same match as "Italy played Spain".
_SYMMETRIC_GAPS = frozenset(
    stem(w)
    for w in "and or nor plus vs versus between with met meet play played face faced drew tied "
    "married merged".split()
)
# How many words may stand between two that trade places: enough for "work phones and delete it
# from their personal", few enough that the same words around two others are no coincidence.
_SWAP_GAP = 6


def _transposed_conflicts(a: Prepared, b: Prepared) -> list[Conflict]:
    """Two words that trade places around the same words ("Spain beat Italy" against "Italy
    beat Spain", "delete it from work phones and keep it on personal ones" against "... from
    personal phones and keep it on work ones"): every word is shared, so nothing looks replaced,
    yet each passage says of one thing what the other says of the other."""
    keys_a, keys_b = a.keys, b.keys
    at_a, at_b = _positions(keys_a), _positions(keys_b)
    for i, first in enumerate(keys_a):
        if first not in at_b or not _is_content(a, i):
            continue
        for k in range(i + 2, min(i + 2 + _SWAP_GAP, len(keys_a))):
            second = keys_a[k]
            if second == first or second not in at_b or not _is_content(a, k):
                continue
            # "Macintosh II and Macintosh SE": the words before the first item, said again
            # before the second, are the name both items share, not a difference between them.
            shared = 0
            while (
                shared < k - i - 1
                and i - 1 - shared >= 0
                and keys_a[k - 1 - shared] == keys_a[i - 1 - shared]
            ):
                shared += 1
            if all(
                not keys_a[g] or stem(a.tokens[g].norm) in _SYMMETRIC_GAPS
                for g in range(i + 1, k - shared)
            ):
                continue
            swapped = (second, *keys_a[i + 1 : k], first)
            if not _has_run(keys_b, at_b, swapped) or _has_run(keys_a, at_a, swapped):
                continue
            if _has_run(keys_b, at_b, keys_a[i : k + 1]):
                continue
            wa, wb = a.tokens[i].surface, a.tokens[k].surface
            explanation = (
                f"'{wa}' and '{wb}' trade places: each passage says of one what the other says "
                "of the other"
            )
            return [Conflict("entity", wa, wb, explanation)]
    return []


def _positions(keys: Sequence[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        found.setdefault(key, []).append(index)
    return found


def _has_run(keys: Sequence[str], at: dict[str, list[int]], run: Sequence[str]) -> bool:
    """Whether `run` occurs in `keys` (whose positions by key are `at`)."""
    size = len(run)
    return any(tuple(keys[s : s + size]) == tuple(run) for s in at.get(run[0], ()))


def _is_content(prep: Prepared, index: int) -> bool:
    token = prep.tokens[index]
    return bool(prep.keys[index]) and token.norm not in STOPWORDS and len(token.norm) > 1


def _role_words(prep: Prepared) -> tuple[Counter[str], Counter[str], dict[str, str]]:
    """Stems written with a "co-" in front ("co-founder"), stems written bare, and how each
    "co-" word was written."""
    joint: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    written: dict[str, str] = {}
    for i, token in enumerate(prep.tokens):
        before = prep.tokens[i - 1] if i else None
        if before and before.norm == "co" and prep.text[before.end : token.start] == "-":
            joint[token.stem] += 1
            written.setdefault(token.stem, token.surface)
        else:
            bare[token.stem] += 1
    return joint, bare, written


def _shared_role_conflicts(a: Prepared, b: Prepared) -> list[Conflict]:
    """ "The founder" against "the co-founder": the "co-" turns a role held alone into one held
    with others, so the passages credit the person with different things. Only a word that one
    passage writes with "co-" more often and the other bare more often counts (see _swapped)."""
    if "co" not in a.words and "co" not in b.words:
        return []
    joint_a, bare_a, written_a = _role_words(a)
    joint_b, bare_b, written_b = _role_words(b)
    for word in sorted(joint_a.keys() | joint_b.keys()):
        if len(word) < 3:
            continue
        if joint_a[word] > joint_b[word] and bare_b[word] > bare_a[word]:
            wa, wb, side = f"co-{written_a[word]}", written_a[word], "the first"
        elif joint_b[word] > joint_a[word] and bare_a[word] > bare_b[word]:
            wa, wb, side = written_b[word], f"co-{written_b[word]}", "the second"
        else:
            continue
        explanation = f"'{wa}' vs '{wb}': {side} says the role is shared with others"
        return [Conflict("entity", wa, wb, explanation)]
    return []


def _counted_nouns(prep: Prepared) -> set[str]:
    return {canonical_stem(q.noun) for q in prep.facts.quantities if q.noun}


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
    if anchored_only and _counted_nouns(a).isdisjoint(_counted_nouns(b)):
        return []  # the one conflict looked for needs a noun both count (spares the alignment)
    ops = _slots(a, b)
    # A figure, date or quote stands in for another only in a short rewritten stretch: in a
    # long one ("announced the date Wednesday" against "the election slated for June 25"; "a
    # $43,000 watch" against "$750,000 in campaign cash") the two are about different things.
    slots: list[Slot] = [
        (_char_span(a, i1, i2), _char_span(b, j1, j2))
        for _tag, i1, i2, j1, j2 in ops
        if max(i2 - i1, j2 - j1) <= _SLOT_WIDTH
    ]
    found: list[Conflict] = []
    # A headline's figure is checked only against one counting the same thing: headlines are
    # terse enough that "INDEX FELL 1.0 PCT" and "COMPLETIONS FELL 0.2 PCT" would face each other.
    headline = a.headline or b.headline
    found += _quantity_conflicts(a, b, slots, anchored_only, same_noun=headline)
    if anchored_only:
        return found
    found += _date_conflicts(a, b, slots, symmetric)
    # A headline's capitals, quotes and clipped wording ("Sister Is 'Dead Wrong' On Gay
    # Marriage") are house style, not names or words put in place of others: of the checks
    # that read wording, only a denial is looked for in one.
    if not headline:
        found += _quote_conflicts(a, b, slots)
    # A word swapped in a slot says something only if the rest of the claim is shared: two short
    # sentences with one word in common ("circus") are not the same claim told two ways.
    if _shared_terms(a, b) >= 2:
        negation = _negation_conflicts(a, b, ops, symmetric)
        found += negation
        if not headline:
            found += _wording_conflicts(a, b, ops, negated=bool(negation))
    unique: dict[tuple[str, str, str], Conflict] = {}
    for conflict in found:
        unique.setdefault((conflict.kind, conflict.a, conflict.b), conflict)
    return list(unique.values())


def _wording_conflicts(
    a: Prepared, b: Prepared, ops: list[tuple[str, int, int, int, int]], negated: bool
) -> list[Conflict]:
    """The checks that read which word stands where: an exception, a hedge, a name, an
    opposite word, a member of a closed set, a role or an order changed. After a negation
    conflict, an exception or an opposite word would tell the same difference again."""
    found: list[Conflict] = []
    if not negated:
        found += _exception_conflicts(a, b, ops)
    found += _tentative_conflicts(a, b, ops)
    found += _name_conflicts(a, b, ops)
    if not negated:
        found += _antonym_conflicts(a, b, ops)
    found += _contrast_conflicts(a, b, ops)
    found += _shared_role_conflicts(a, b)
    found += _transposed_conflicts(a, b)
    return found
