"""Curated word lists: name aliases, synonyms and antonyms, shipped as small text files.

Kept as data rather than code so that a reviewer can read and extend them without touching the
logic, and so that each entry is a decision someone can argue with.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from newsterm.text.tokens import fold, stem


def _lines(name: str) -> list[list[str]]:
    raw = files("newsterm").joinpath("data", name).read_text(encoding="utf-8")
    groups = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            groups.append([item.strip() for item in line.split(",") if item.strip()])
    return groups


def _name_key(text: str) -> str:
    return " ".join(fold(word) for word in text.replace("’", "'").split())


@cache
def _aliases() -> dict[str, str]:
    table = {}
    for group in _lines("aliases.txt"):
        canonical = _name_key(group[0])
        for item in group:
            table[_name_key(item)] = canonical
    return table


@cache
def _nicknames() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for group in _lines("nicknames.txt"):
        names = [fold(name) for name in group]
        pairs.update((x, y) for x in names for y in names if x != y)
    return frozenset(pairs)


def same_given_name(name_a: str, name_b: str) -> bool:
    """ "Liz" and "Elizabeth", "Bill" and "William": one person's given name, told two ways."""
    return (fold(name_a), fold(name_b)) in _nicknames()


@cache
def _leanings() -> dict[str, int]:
    table: dict[str, int] = {}
    for group in _lines("polarity.txt"):
        label, _, first = group[0].partition(":")
        sign = 1 if label.strip() == "positive" else -1
        for word in (first, *group[1:]):
            table[stem(fold(word.strip()))] = sign
    return table


def leaning(stem_: str) -> int:
    """+1 for a word that judges favourably ("triumphant"), -1 unfavourably ("troubled"),
    0 for the rest."""
    return _leanings().get(stem_, 0)


@cache
def _synonyms() -> dict[str, str]:
    table = {}
    for group in _lines("synonyms.txt"):
        canonical = stem(fold(group[0].split()[0]))
        for item in group:
            table[stem(fold(item.replace(" ", "")))] = canonical
            if " " not in item:
                table[stem(fold(item))] = canonical
    return table


@cache
def _antonyms() -> frozenset[tuple[str, str]]:
    pairs = set()
    for group in _lines("antonyms.txt"):
        if len(group) == 2:
            a, b = (stem(fold(word)) for word in group)
            pairs.add((a, b))
            pairs.add((b, a))
    return frozenset(pairs)


@cache
def _seats() -> frozenset[tuple[str, str]]:
    pairs = set()
    for group in _lines("capitals.txt"):
        if len(group) == 2:
            country, seat = canonical_name(group[0]), canonical_name(group[1])
            pairs.add((country, seat))
            pairs.add((seat, country))
    return frozenset(pairs)


def same_actor(key_a: str, key_b: str) -> bool:
    """True when two name keys are a country and the seat of its government ("Moscow", "Russia")."""
    return (key_a, key_b) in _seats()


def canonical_name(text: str) -> str:
    """The key two spellings of one name share: "U.S.", "US" and "United States" agree."""
    key = _name_key(text)
    if key.startswith("the "):
        key = _aliases().get(key, key[4:])
    return _aliases().get(key, key)


def known_name(key: str) -> bool:
    """True for a country, a seat of government or a listed alias: a name even where a sentence
    starts with it ("Japan's yields rose"), when capitals alone cannot tell."""
    return key in _aliases() or key in _alias_targets() or key in _known_places()


@cache
def _known_places() -> frozenset[str]:
    return frozenset(key for pair in _seats() for key in pair)


def has_aliases(key: str) -> bool:
    """True for a canonical name that other spellings map to ("united states")."""
    return key in _alias_targets()


@cache
def _alias_targets() -> frozenset[str]:
    return frozenset(_aliases().values())


def canonical_stem(word_stem: str) -> str:
    """Map a stem to its synonym group's representative ("wound" -> "injur")."""
    return _synonyms().get(word_stem, word_stem)


def are_antonyms(stem_a: str, stem_b: str) -> bool:
    """Opposites from the curated list, or a word against its negative-prefixed form."""
    return (stem_a, stem_b) in _antonyms() or _prefixed_opposite(stem_a, stem_b)


# Prefixes that turn a word into its opposite ("controlled"/"uncontrolled", "legal"/"illegal").
# "in-", "im-" and "dis-" are left out: too many words merely start with them ("increase",
# "import", "discover").
_NEGATIVE_PREFIXES = ("un", "non", "non-", "il", "ir")


def _prefixed_opposite(stem_a: str, stem_b: str) -> bool:
    short, long = sorted((stem_a, stem_b), key=len)
    if len(short) < 4:
        return False
    return any(long == prefix + short for prefix in _NEGATIVE_PREFIXES)


@cache
def _contrasts() -> dict[str, dict[int, tuple[str, int]]]:
    """Stem -> the closed sets it belongs to (line number -> label and member); "second" is both
    an ordinal and a unit of time. A member may be several words joined by "=" ("required =
    obliged"): words for one degree, which are rivals of the other members but not of each
    other. They are kept here rather than folded as synonyms, which would also make passages
    that use them look more alike everywhere else."""
    raw = files("newsterm").joinpath("data", "contrasts.txt").read_text(encoding="utf-8")
    table: dict[str, dict[int, tuple[str, int]]] = {}
    for number, line in enumerate(raw.splitlines()):
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        label, members = line.split(":", 1)
        for member, words in enumerate(members.split(",")):
            for word in words.split("="):
                if word.strip():
                    table.setdefault(stem(fold(word.strip())), {})[number] = (
                        label.strip(),
                        member,
                    )
    return table


def contrast_set(stem_a: str, stem_b: str) -> str:
    """The name of the closed set two different words both belong to ("relative" for
    "brother"/"sister"), or "" when they are not rivals for the same place."""
    if stem_a == stem_b or canonical_stem(stem_a) == canonical_stem(stem_b):
        return ""
    found_a, found_b = _contrasts().get(stem_a, {}), _contrasts().get(stem_b, {})
    for line in sorted(found_a.keys() & found_b.keys()):
        if found_a[line][1] != found_b[line][1]:
            return found_a[line][0]
    return ""
