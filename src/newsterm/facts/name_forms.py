"""One name written in different forms: whether two name keys can name the same one.

Outlets write a name their own way: shorter ("Lee" for "Lee Seong-kweun"), with or without a
title ("Gen. Sattler", "General Sattler"), as initials ("ABA"), as a demonym ("Korea",
"Korean"), transliterated ("Qaeda", "Qaida"), with a given name's other form ("Liz", "Elizabeth").
A different name put in a claim's place is a conflict only when no such form joins the two.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from newsterm.facts.names import Name
from newsterm.text.lexicon import same_given_name
from newsterm.text.tokens import fold, squash

# Words that end an organisation's name in one outlet's style and not another's ("Oracle
# Corp."/"Oracle Inc.", "the Sheriff's Department"/"the Sheriff's Office"): a different one says
# nothing about a different organisation.
NAME_SUFFIXES = frozenset(
    "corp corporation inc incorporated co company ltd limited llc plc ag sa nv group holdings "
    "department dept office agency ministry bureau service administration authority".split()
)


# A capitalised run this long is a headline in title case, not one name ("Lindsay Lohan Checks
# Out Of Betty Ford Treatment Center").
_LONGEST_NAME = 6


def not_a_name(name: Name) -> bool:
    """A capitalised pronoun contraction ("I'll", "I'm") or a headline is not a name."""
    return (
        fold(name.text).replace("’", "'").startswith("i'") or len(name.text.split()) > _LONGEST_NAME
    )


def same_name(key_a: str, key_b: str) -> bool:
    """ "Lee"/"Lee Seong-kweun" (one name told shorter) and "Korea"/"Korean" (a demonym), with
    or without titles ("Gen. Sattler"/"General Sattler")."""
    if _same_name_as_written(key_a, key_b):
        return True
    bare_a, bare_b = bare_name(key_a), bare_name(key_b)
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
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr gen general col colonel lt capt captain sgt adm admiral maj major sen
    senator rep representative gov governor judge justice president vice prime minister
    secretary chief executive ceo chairman chairwoman director spokesman spokeswoman witness
    lawyer attorney prosecutor officer sir lord lady st saint king queen prince princess pope
    rev reverend defense defence foreign interior finance health state u.s district
    leader""".split()
)


def bare_name(key: str) -> str:
    words = [w for w in key.replace("-", " ").split() if w.strip(".") not in TITLE_WORDS]
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
