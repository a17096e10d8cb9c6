"""Quantities in news prose, written in digits or in words, as value intervals with their noun.

"seven other countries", "nine million rounds", "around 600 soldiers", "thousands more injured",
"$2.5 billion", "4.4%": each becomes a `Quantity` whose interval says what the text commits to
("around 600" is 540..660, "thousands" is 2,000..9,999, "at least 100" is 100..inf). Two outlets
contradict each other on a quantity only when their intervals for the same noun cannot overlap.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from newsterm.facts.cues import QUALIFIER_RE, qualifier_kind
from newsterm.facts.dates import MONTHS, WEEKDAYS
from newsterm.facts.digit_forms import (
    FRACTION_AFTER,
    VULGAR_FRACTIONS,
    WORD_AFTER,
    fraction_over,
    fraction_value,
    glued_scale,
    hyphenated_code,
    looks_plural,
)
from newsterm.facts.durations import TIME_UNITS
from newsterm.facts.money import (
    CURRENCY_SYMBOLS,
    CURRENCY_VERBS,
    CURRENCY_WORDS,
    currency_named,
    money_family,
)
from newsterm.facts.number_words import SCALES, TENS, UNITS, VAGUE, words_to_number
from newsterm.facts.quantity import Quantity
from newsterm.facts.ranges import joined_into_ranges
from newsterm.facts.units import is_unit
from newsterm.text.tokens import STOPWORDS, char_before, fold, stem

# Modifiers that sit between a number and its noun without being the noun.
_PRE_MODIFIERS = frozenset(
    "other more additional new further extra some of the than about an a another".split()
)

# Wire copy's scales ("one mln bpd", "two bln dlrs"): only after a number word, never alone.
_WIRE_SCALES = ("mln", "bln", "bn")
_WORD_NUMBER = "|".join(
    sorted(
        [
            *UNITS,
            *TENS,
            "hundred",
            "thousand",
            "million",
            "billion",
            "trillion",
            *_WIRE_SCALES,
            "a",
            "an",
            "half",
            "quarter",
        ],
        key=len,
        reverse=True,
    )
)
# "and" joins number words after a scale ("one hundred and five") or before a fraction ("two
# and a half"), never two numbers: "between two and three" is a range, not five.
_NUMBER_AND = (
    r"(?:(?<=hundred\s)|(?<=thousand\s)|(?<=million\s)|(?<=billion\s))and"
    r"|and(?=\s+an?\s+(?:half|quarter)\b)"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|mln|bln|bn|tn|m|b|k)\b"
# "a $70-million program": the scale joined on as a compound adjective. Whole words only: with a
# hyphen, "10-K" is a filing and "5-m" a distance.
_HYPHEN_SCALE = r"(?:hundred|thousand|million|billion|trillion)\b"

_VAGUE_PHRASES = (
    r"tens of thousands|hundreds of thousands|tens of millions|hundreds of millions"
    r"|dozens|scores|hundreds|thousands|millions|billions|several|a few|a couple|a dozen"
    r"|a handful"
)
_CURRENCY_SYMBOL = r"(?:US|A|C)\$|\$(?:US|A|C)?(?=\s?\d)|£|€|¥"
# What a quantity can start with: a digit, a currency, or the first letter of a number word
# or vague phrase. Checking that first lets the scan pass over most positions at once instead
# of trying every number word at each: extraction over a text ran about twice as fast.
_FIRST = "".join(sorted({word[0] for word in re.findall(r"[a-z]+", _WORD_NUMBER + _VAGUE_PHRASES)}))
QUANTITY_RE = re.compile(
    r"(?=\.?\d|" + _CURRENCY_SYMBOL + r"|[" + _FIRST + r"])"
    r"(?P<currency>" + _CURRENCY_SYMBOL + r")?\s?"
    r"(?:(?<=\$US)|(?<=\$A)|(?<=\$C)|(?<![\w.,]))(?:"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<dscale>" + _SCALE_WORD + r")|-(?P<hscale>" + _HYPHEN_SCALE + r"))?"
    r"|(?P<vague>" + _VAGUE_PHRASES + r")\b"
    r"|(?P<words>(?:(?:" + _NUMBER_AND + "|" + _WORD_NUMBER + r")(?:[\s-]+|\b)){1,8})"
    r")"
    r"(?P<unit>\s?(?:%|per\s?cent\b|percent\b|pct\b))?",
    re.IGNORECASE,
)


# What every quantity holds: a digit, a currency sign, or the start of a word of _WORD_NUMBER or
# _VAGUE_PHRASES other than "a", "an" and "of" (which count nothing alone: "a million" holds
# "million", "a few" holds "few"). A passage with none has no quantity, and is spared the scan,
# which stops at every "a" and "an" to throw it away: most passages of news have no figure.
_QUANTITY_WORDS = sorted(
    set(re.findall(r"[a-z]+", _WORD_NUMBER + "|" + _VAGUE_PHRASES)) - {"a", "an", "of"},
    key=len,
    reverse=True,
)
# The first letters are checked first, as in QUANTITY_RE: the scan passes over other words at once.
_MAY_HOLD_QUANTITY = re.compile(
    r"\d|[$£€¥]|\b(?=["
    + "".join(sorted({w[0] for w in _QUANTITY_WORDS}))
    + r"])(?:"
    + "|".join(_QUANTITY_WORDS)
    + ")",
    re.IGNORECASE,
)


def may_hold_quantity(text: str) -> bool:
    """False only when `text` has no quantity (extract_quantities would find none)."""
    return _MAY_HOLD_QUANTITY.search(text) is not None


# A word, or a dotted abbreviation read whole ("U.S."), whose dots do not end the phrase.
_NOUN_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’-]*")


def _digits_value(digits: str) -> tuple[float, float]:
    """Value and rounding half-width: "2.5" may stand for anything from 2.45 to 2.55."""
    plain = digits.replace(",", "")
    value = float(plain)
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return value, (0.5 * 10**-decimals if decimals else 0.0)


def _interval(value: float, slack: float, qualifier: str) -> tuple[float, float]:
    low, high = value - slack, value + slack
    if qualifier == "approx":
        return value * 0.85, value * 1.15
    if qualifier == "lower":
        return low, math.inf
    if qualifier == "upper":
        return 0.0, high
    if qualifier == "near":  # "nearly", "almost": a bit below
        return value * 0.8, high
    return low, high


def _noun_after(text: str, end: int) -> tuple[str, str]:
    """The noun a number counts: "seven other countries" -> countries, "600 North Korean soldiers"
    -> soldiers. A run of up to three content words follows the number; its first plural word is
    the noun (a verb often comes next), else its last word. A sum of money counts its money
    ("dollar" for "dlrs", "17.50 dlrs/bbl"), unless words after it say what the money is: "60
    mln dlrs of aid" counts aid, as "$60 million of aid" does."""
    rest = text[end : end + 80]
    run: list[re.Match[str]] = []
    folded: list[str] = []  # the run's words, folded
    money_of: re.Match[str] | None = None  # the money word an "of" followed
    cursor = 0
    for word_match in _NOUN_WORD.finditer(rest):
        if re.search(r"[,.;:!?()\"“”]", rest[cursor : word_match.start()]):
            break
        cursor = word_match.end()
        norm = fold(word_match.group())
        if not run and (norm in _PRE_MODIFIERS or word_match.group().endswith(".")):
            continue  # "seven other countries", "5 mln U.S. dlrs"
        if run and folded[-1] in CURRENCY_WORDS:
            if norm == "of" and run[-1] is not money_of:
                money_of = run[-1]
                continue
            if rest[run[-1].end() : word_match.start()] == "/":
                break  # "17.50 dlrs/bbl": a price, in dollars
        if norm in STOPWORDS or norm in _PRE_MODIFIERS:
            break
        run.append(word_match)
        folded.append(norm)
        if len(run) == 3:
            break
    if not run:
        return "", ""
    plural = [i for i, word in enumerate(folded) if looks_plural(word)]
    head = next((i for i in plural if folded[i] not in CURRENCY_WORDS), len(run) - 1)
    if rest.startswith("-") and run[0].start() == 1 and len(run) > 1 and folded[0].isalpha():
        # "a 30-year bond rose", "a 5-year-old boy": a measure hyphenated onto the figure
        # describes the noun after it, which is what the figure is of. Read from the end of
        # the run, the verb ("rose") was the noun, and a 30-year bond's figure met a 10-year
        # note's.
        head = 1
    elif folded[0] not in CURRENCY_WORDS and is_unit(stem(folded[0])):
        head = 0  # "50 km offshore": a unit is what the figure counts, plural or not
    first = _NOUN_WORD.search(rest)
    phrase_start = first.start() if first else run[0].start()
    money = CURRENCY_WORDS.get(folded[head])
    noun = money_family(money) if money else stem(folded[head])
    return noun, rest[phrase_start : run[head].end()]


# "Eric Kirkpatrick, 61, opened fire": a person's age between commas after the name.
_NAME_AND_COMMA_BEFORE = re.compile(r"[A-Z][\w.'’-]*,[ \t]\Z")
_AGE_CLOSES = re.compile(r"[ \t]*(?:[,;)]|\.(?!\d)|$)")


def _is_an_age(text: str, start: int, end: int) -> bool:
    """Whether a bare figure is someone's age, which pairs only with another age: read as a
    count, "Benjamin Banky, 40" contradicted "killing one man"."""
    figure = text[start:end]
    return (
        figure.isdigit()
        and 0 < int(figure) < 120
        and _NAME_AND_COMMA_BEFORE.search(text, max(0, start - 40), start) is not None
        and _AGE_CLOSES.match(text, end) is not None
    )


def _is_year(digits: str, has_scale: bool, currency: str | None, unit: str | None) -> bool:
    return (
        not has_scale
        and not currency
        and not unit
        and len(digits) == 4
        and digits.isdigit()
        and 1800 <= int(digits) <= 2100
    )


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
# Units of measure: after one of these, digits that follow a name measure ("Kabul 12 miles
# away"), whatever the name before them.
_MEASURES = frozenset(
    """mile miles km kilometre kilometres kilometer kilometers metre metres meter meters foot
    feet yard yards inch inches kg kilo kilos kilogram kilograms pound pounds lb lbs ton tons
    tonne tonnes barrel barrels bpd acre acres hectare hectares degree degrees percent pct
    point points year years month months week weeks day days hour hours minute minutes second
    seconds""".split()
)


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """ "Falcon 9", "Boeing 737", "Windows 10", "Flight 370": digits right after a capitalised
    word, within a sentence, name a thing rather than count anything. Read as counts, two
    outlets listing "Falcon 7 and Falcon 9" in another order contradicted each other. Months
    ("in March 5 people died") and weekdays do not name, a sentence's first word ("Some 500
    people") is capitalised for another reason, and a unit, a currency or "of" after the digits
    ("Kabul 12 miles away", "Spain 91381 of wheat") says they measure, unless the currency
    is also a verb ("Apollo 11 marks fifty years", "Galaxy 10 won praise")."""
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if match is None or len(match.group(1)) < 2 or not match.group(1)[0].isupper():
        return False
    word = match.group(1).lower()
    if word in MONTHS or word in WEEKDAYS or word in STOPWORDS:
        return False
    before = char_before(text, match.start())
    if not before or before in ".!?:;\"'“‘(-–—":
        return False
    after = WORD_AFTER.match(text, end)
    if after is None:
        return True
    word = after.group(1).lower()
    if word in _MEASURES or word == "of":
        return False
    return word not in CURRENCY_WORDS or word in CURRENCY_VERBS


_PER = re.compile(r"\bper \Z", re.IGNORECASE)
_LEADING_ZERO = re.compile(r"0\d+$")
_GROUP_BEFORE = re.compile(r"(?<![\d,.])(\d{3,}) \Z")
_GROUP_AFTER = re.compile(r" \d{3}")
# A figure's unit, then an opening bracket: "10 miles (", "$1 million (".
_CONVERSION_OPENS = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]*){0,2}\([ \t]*\Z")


def _not_a_count(
    text: str, start: int, end: int, digits: str | None, found: list[Quantity]
) -> bool:
    """Digits that count nothing of their own: a telephone number ("0845 125 2222": a leading
    zero, or groups of digits apart by single spaces) and a conversion given in brackets after
    a figure ("$US1 million ($1.52 million)", "10 miles (16 km)"): the same amount again, in
    another currency or unit, that another outlet's figure would seem to contradict."""
    if digits is not None and digits.isdigit():
        if _LEADING_ZERO.match(digits) and (len(digits) >= 4 or _GROUP_AFTER.match(text, end)):
            return True  # "0845", "020 7946": a dialling code (not "09" of "2008-09")
        if len(digits) >= 3:
            before = _GROUP_BEFORE.search(text, max(0, start - 12), start)
            if before and not _is_year(before.group(1), False, None, None):
                return True  # "125 2222", but not "in 2008 250 people"
            if _GROUP_AFTER.match(text, end) and not _is_year(digits, False, None, None):
                return True
    return bool(found) and _CONVERSION_OPENS.fullmatch(text, found[-1].end, start) is not None


# A run of number words that is only articles and "and" ("a ", "an-"): every match of a text
# with no figure, one per "a", and it counts nothing. Letters spelled out, not IGNORECASE, which
# would let [a-z] match "ſ" and the Kelvin sign.
_ARTICLES_ONLY = re.compile(r"[^A-Za-z]*(?:(?:[aA][nN][dD]|[aA][nN]|[aA])(?![A-Za-z])[^A-Za-z]*)+")


def extract_quantities(text: str, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """All quantities in a passage, except inside the `skip` spans (dates, times)."""
    found: list[Quantity] = []
    if not may_hold_quantity(text):
        return found
    skip = skip or []
    qualifiers = [(m.start(), m.end(), m.group()) for m in QUALIFIER_RE.finditer(text)]
    consumed = 0  # the end of a fraction read onto the digits before it ("22 1/2")
    for match in QUANTITY_RE.finditer(text):
        if match.start() < consumed:
            continue
        words = match.group("words")
        if words is not None and _ARTICLES_ONLY.fullmatch(words):
            continue  # "a", "an", "and": _trim_word_number would drop every word of it
        start, end = match.span()
        raw = match.group()
        lead = len(raw) - len(raw.lstrip())
        start += lead
        while end > start and text[end - 1].isspace():
            end -= 1
        if words is not None and _SPAN_AFTER.match(text, end - 1):
            end -= 1  # "a three-decade-old ban": the hyphen joins the count to its unit
        if any(s <= start < e or s < end <= e for s, e in skip):
            continue
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".:/"):
            continue  # inside a word, a time "11:17", a version "3.5.1" or a URL
        if (
            end < len(text)
            and text[end].isalnum()
            and not match.group("unit")
            and text[end] not in VULGAR_FRACTIONS  # "2½": whole digits and a fraction
        ):
            continue
        if _not_a_count(text, start, end, match.group("digits"), found):
            continue
        if _PER.search(text, max(0, start - 4), start):
            continue  # "per million", "per 100,000 people": the base of a rate counts nothing
        currency = match.group("currency")
        unit_text = match.group("unit")
        vague = False
        if match.group("digits"):
            digits = match.group("digits")
            dscale = match.group("dscale") or match.group("hscale")
            if (
                digits.isdigit()  # "91,381" and "1.50" are amounts: names carry plain digits
                and not (currency or unit_text or dscale)
                and (_part_of_a_name(text, start, end) or hyphenated_code(text, start))
            ):
                continue
            if _is_year(digits, bool(dscale), currency, unit_text):
                continue
            if (
                dscale
                and dscale.lower() in ("m", "b", "k")
                and not currency
                and not glued_scale(match)
            ):
                # "5 m" is more likely metres than millions without a currency.
                dscale = None
                end = match.end("digits")
            value, slack = _digits_value(digits)
            fraction = None if dscale or not digits.isdigit() else FRACTION_AFTER.match(text, end)
            added = fraction_value(fraction) if fraction else 0.0
            if fraction and added:
                value += added
                end = consumed = fraction.end()
            elif not dscale and (over := fraction_over(text, digits, end)):
                value, end = over  # "rose 16/32": half a point, as "rose 1/2"
                consumed = end
            if dscale:
                factor = SCALES[dscale.lower()]
                value, slack = value * factor, slack * factor
        elif match.group("vague"):
            phrase = match.group("vague").lower()
            low_v: float
            high_v: float
            if phrase.startswith("tens of") or phrase.startswith("hundreds of"):
                base = SCALES[phrase.rsplit(" ", 1)[1][:-1]]
                factor = 10 if phrase.startswith("tens") else 100
                low_v, high_v = 2 * factor * base, 10 * factor * base - 1
            else:
                low_v, high_v = VAGUE[phrase]
            value, slack, vague = (low_v + high_v) / 2, (high_v - low_v) / 2, True
        else:
            trimmed = _trim_word_number(text, start, match.end("words"))
            if trimmed is None:
                continue
            start, end, number = trimmed
            value, slack = number, 0.0
            unit_text = None
        unit = "%" if unit_text else (CURRENCY_SYMBOLS.get((currency or "").lower(), ""))
        noun, noun_text = _noun_after(text, end)
        if not noun and not unit and _is_an_age(text, start, end):
            noun, noun_text = "age", "age"
        if not unit and noun_text:
            unit = currency_named([fold(m.group()) for m in _NOUN_WORD.finditer(noun_text)])
        qualifier_text = ""
        qualifier = ""
        for _q_start, q_end, q_text in qualifiers:
            if q_end <= start and not text[q_end:start].strip(" $£€\"'“‘"):
                qualifier_text, qualifier = q_text, qualifier_kind(q_text)
        low, high = (
            _interval(value, slack, qualifier) if not vague else (value - slack, value + slack)
        )
        if vague and qualifier == "lower":
            high = math.inf
        found.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                low=low,
                high=high,
                value=value,
                unit=unit,
                noun=noun,
                noun_text=noun_text,
                qualifier=qualifier,
                qualifier_text=qualifier_text,
                vague=vague,
                span=span.group(1).lower() if (span := _SPAN_AFTER.match(text, end)) else "",
            )
        )
    return _money_carried_over(joined_into_ranges(text, found))


# A count hyphenated onto a unit of time: "a 32-year-old ban", "a three-decade-old ban".
_SPAN_AFTER = re.compile(r"-(" + "|".join(TIME_UNITS) + r")s?\b", re.IGNORECASE)

# An amount that reads as money once money is in the air: a scale ("738 mln") or decimals.
_AMOUNT = re.compile(r"\d(?:\.\d+|\s?(?:" + _SCALE_WORD + r"))\Z", re.IGNORECASE)


def _money_carried_over(found: list[Quantity]) -> list[Quantity]:
    """Give a bare amount the money named last before it in its passage ("narrowed to 567 mln
    dlrs from 738 mln"): wire copy names a currency once per run of figures, and a bare figure
    never pairs with money (see conflicts). Only forward: a figure before the unit it shares
    ("five to 10 pct") may be a range's low end, and given the unit it read as a figure of its
    own, which contradicted "9.62 pct"."""
    carried = list(found)
    money = ""
    for i, q in enumerate(carried):
        if q.unit and q.unit != "%":
            money = q.unit
        elif money and not q.unit and not q.noun and not q.vague and _AMOUNT.search(q.text):
            carried[i] = replace(q, unit=money)
    return carried


_SCALE_NAMES = frozenset(
    ["hundred", "thousand", "million", "billion", "trillion", "half", "quarter"]
)
_WORD_SPAN = re.compile(r"[A-Za-z]+")


def _trim_word_number(text: str, start: int, end: int) -> tuple[int, int, float] | None:
    """Cut connectors off a run of number words: "and seven" is seven, "a million" a million."""
    spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD_SPAN.finditer(text, start, end)]
    while spans and (
        spans[0][2] == "and"
        or (spans[0][2] in ("a", "an") and (len(spans) < 2 or spans[1][2] not in _SCALE_NAMES))
    ):
        spans.pop(0)
    while spans and spans[-1][2] in ("and", "a", "an"):
        spans.pop()
    if spans and spans[0][2] in _WIRE_SCALES:
        return None  # "mln dlrs" with no number before it counts nothing
    if not spans or all(w in ("half", "quarter", "a", "an") for _, _, w in spans):
        return None
    s, e = spans[0][0], spans[-1][1]
    number = words_to_number(text[s:e])
    if number is None:
        return None
    if [w for _, _, w in spans] == ["one"] and not _counts_something(text, e):
        return None  # "one of the", "no one": a pronoun, not a count
    return s, e, number


def _counts_something(text: str, end: int) -> bool:
    nxt = _NOUN_WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return nxt is not None and fold(nxt.group()) not in STOPWORDS | {"another", "day", "time"}
