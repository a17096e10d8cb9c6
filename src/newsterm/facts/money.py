"""Money: which currency a figure is in, from a symbol ("£", "A$") or the words after it
("50 mln stg", "2 bln Canadian dlrs").

Figures in different currencies never contradict each other; a figure that says only "dollars"
may be any dollar, and pairs with a figure in any of them.
"""

from __future__ import annotations

CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "$us": "USD",
    "a$": "AUD",
    "$a": "AUD",
    "c$": "CAD",
    "$c": "CAD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
}
# Money named after a figure, wire abbreviations included ("50 mln stg", "2 bln dlrs"). A word
# one country's money alone goes by is its code. A word several countries' money goes by
# ("dollars", "francs") is that family's name, unless a word before it says whose (see
# _CURRENCY_OWNERS): then it too is a code, and "Canadian dlrs" never pairs with "U.S. dlrs".
_CURRENCY_FAMILIES = {
    "dollar": ("USD", "AUD", "CAD", "HKD", "NZD", "SGD", "TWD"),
    "franc": ("FRF", "CHF", "BEF"),
    "krona": ("SEK", "NOK", "DKK"),
    "peso": ("MXN", "ARS", "CLP", "PHP"),
    "pound": ("GBP", "EGP"),
}
CURRENCY_WORDS = {
    **dict.fromkeys(["dollar", "dollars", "dlr", "dlrs"], "dollar"),
    **dict.fromkeys(["franc", "francs"], "franc"),
    **dict.fromkeys(["krona", "kronor", "krone", "kroner", "crowns"], "krona"),
    **dict.fromkeys(["peso", "pesos"], "peso"),
    # Pounds are sterling unless said otherwise, as "£" is.
    **dict.fromkeys(["pound", "pounds", "stg", "sterling"], "GBP"),
    **dict.fromkeys(["euro", "euros", "ecu", "ecus"], "EUR"),
    "yen": "JPY",
    **dict.fromkeys(["yuan", "renminbi"], "CNY"),
    **dict.fromkeys(["rupee", "rupees"], "INR"),
    "won": "KRW",
    **dict.fromkeys(["ruble", "rubles", "rouble", "roubles"], "RUB"),
    **dict.fromkeys(["marks", "deutschmarks"], "DEM"),
    **dict.fromkeys(["lira", "lire"], "ITL"),
    **dict.fromkeys(["guilder", "guilders"], "NLG"),
    "rand": "ZAR",
    **dict.fromkeys(["shekel", "shekels"], "ILS"),
    **dict.fromkeys(["riyal", "riyals"], "SAR"),
    "naira": "NGN",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    **dict.fromkeys(["zloty", "zlotys"], "PLN"),
}
# Currency words that are also verbs: after a name's digits they are the verb.
CURRENCY_VERBS = frozenset({"marks", "won", "crowns"})
_CURRENCY_OWNERS = {
    "us": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "nz": "NZD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "french": "FRF",
    "swiss": "CHF",
    "belgian": "BEF",
    "swedish": "SEK",
    "norwegian": "NOK",
    "danish": "DKK",
    "mexican": "MXN",
    "argentine": "ARS",
    "chilean": "CLP",
    "philippine": "PHP",
    "egyptian": "EGP",
}
_FAMILY_OF = {code: family for family, codes in _CURRENCY_FAMILIES.items() for code in codes}


def money_family(unit: str) -> str:
    """The family a figure's unit belongs to: "dollar" for "AUD", "USD" and "dollar" alike."""
    return _FAMILY_OF.get(unit, unit)


def currency_named(words: list[str]) -> str:
    """The money a figure's noun phrase names, given its folded words ("mln australian dlrs"
    -> "AUD"), or ""."""
    for i, word in enumerate(words):
        unit = CURRENCY_WORDS.get(word)
        if unit is None:
            continue
        for owner in (" ".join(words[max(0, i - 2) : i]), " ".join(words[i - 1 : i])):
            code = _CURRENCY_OWNERS.get(owner)
            if code and money_family(code) == money_family(unit):
                return code
        return unit
    return ""
