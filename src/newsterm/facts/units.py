"""Units of measure, so that one amount told in two systems is one amount.

An American outlet writes "220 pounds" and "300 miles" where a British or wire one writes "100
kilograms" and "480 kilometres". Read as different nouns the figures were never compared, so
"300 miles" against "300 kilometres" passed, and the words alone read as rivals ("'pounds' vs
'kilograms': two different kinds of mass unit"). Each unit here has its dimension and its size
in that dimension's base unit; lengths of time are newsterm.facts.durations'.

Physics, not a word list written from examples: every common unit of length, mass, area and
volume news uses, in the spellings of both sides of the Atlantic.
"""

from __future__ import annotations

from functools import cache

from newsterm.facts.quantity import Quantity
from newsterm.text.tokens import stem

# dimension -> unit words -> size in the dimension's base unit (metre, kilogram, square metre,
# litre).
_SIZES: dict[str, dict[str, float]] = {
    "length": {
        "mile miles": 1609.344,
        "km kilometre kilometres kilometer kilometers": 1000.0,
        "metre metres meter meters": 1.0,
        "cm centimetre centimetres centimeter centimeters": 0.01,
        "mm millimetre millimetres millimeter millimeters": 0.001,
        "foot feet ft": 0.3048,
        "yard yards": 0.9144,
        "inch inches": 0.0254,
    },
    "mass": {
        "kg kilo kilos kilogram kilograms kilogramme kilogrammes": 1.0,
        "g gram grams gramme grammes": 0.001,
        "pound pounds lb lbs": 0.45359237,
        "ounce ounces oz": 0.028349523,
        "tonne tonnes": 1000.0,
        # A ton is 907 kg in America and 1,016 in Britain; news uses it for a tonne as often.
        "ton tons": 1000.0,
    },
    "area": {
        "acre acres": 4046.8564,
        "hectare hectares ha": 10_000.0,
    },
    "volume": {
        "litre litres liter liters": 1.0,
        "gallon gallons": 3.785411784,
        "barrel barrels": 158.987295,
    },
}
# Two conversions this close are one amount rounded: "220 pounds" is 99.8 kilograms, "36 feet"
# 10.97 metres, "between 30 and 80 pounds" 13.6 to 36.3 kilograms.
SAME_AMOUNT = 0.06
# A pound is also money: "220 pounds" is a weight when the other outlet gives kilograms.
_POUND = stem("pounds")


@cache
def _units() -> dict[str, tuple[str, float]]:
    table: dict[str, tuple[str, float]] = {}
    for dimension, sizes in _SIZES.items():
        for words, size in sizes.items():
            for word in words.split():
                table[stem(word)] = (dimension, size)
    return table


def measured(q: Quantity) -> tuple[str, float, float] | None:
    """The dimension of the unit `q` counts and its interval in the base unit, or None when it
    counts no unit of measure. A pound is read as a weight unless a sign says money ("£")."""
    if not q.noun or (q.unit and not (q.noun == _POUND and "£" not in q.text)):
        return None
    unit = _units().get(q.noun)
    if unit is None:
        return None
    dimension, size = unit
    return dimension, q.low * size, q.high * size


def one_dimension(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures measure in different units of one dimension ("miles", "km")."""
    ma, mb = measured(qa), measured(qb)
    return ma is not None and mb is not None and ma[0] == mb[0] and qa.noun != qb.noun


def same_amount(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures of one dimension can be one amount, each rounded in its own unit."""
    ma, mb = measured(qa), measured(qb)
    if ma is None or mb is None or ma[0] != mb[0]:
        return False
    if qa.range and qb.range:  # both ends given: each end is one amount
        return _close(ma[1], mb[1]) and _close(ma[2], mb[2])
    low_a, high_a = ma[1] * (1 - SAME_AMOUNT), ma[2] * (1 + SAME_AMOUNT)
    return low_a <= mb[2] and mb[1] <= high_a


def told_in(q: Quantity, other: Quantity) -> str:
    """`q` told in the unit `other` counts, for an explanation: "about 287 pounds"; "" when it
    cannot be (different dimensions, or a range)."""
    mq, mo = measured(q), measured(other)
    if mq is None or mo is None or mq[0] != mo[0] or q.range or not other.value:
        return ""
    value = q.value * _units()[q.noun][1] / _units()[other.noun][1]
    amount = f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    return f"about {amount} {other.noun_text.split()[-1]}"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_AMOUNT * max(abs(a), abs(b))


def is_unit(word_stem: str) -> bool:
    """Whether a word (as a stem) is a unit of measure: two units are compared by the amounts
    they measure (one_dimension, same_amount), never as rival words."""
    return word_stem in _units()
