"""Who does what: two words that trade places ("Spain beat Italy" / "Italy beat Spain"), and a
role held alone against one shared ("the founder" / "the co-founder").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsterm.claims.prepared import Prepared
from newsterm.facts.negation import NEGATIONS
from newsterm.model import Conflict
from newsterm.text.tokens import STOPWORDS, stem

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


def transposed_conflicts(a: Prepared, b: Prepared) -> list[Conflict]:
    """Two words or names that trade places around the same words ("Spain beat Italy" against
    "Italy beat Spain", "delete it from work phones and keep it on personal ones" against "...
    from personal phones and keep it on work ones"): every word is shared, so nothing looks
    replaced, yet each passage says of one thing what the other says of the other. A name of
    several words moves as one ("Serena Williams beat Maria Sharapova"): word by word, its
    first and last words never trade places with the other name's."""
    units_a, units_b = _units(a), _units(b)
    keys_a, keys_b = [key for key, _ in units_a], [key for key, _ in units_b]
    at_a, at_b = _positions(keys_a), _positions(keys_b)
    # Only content words b also has can trade places: found once, rather than tested again for
    # every word within reach of each (the pairs are met in the same order as before).
    usable = [
        i for i, (key, token) in enumerate(units_a) if key in at_b and _is_content(a, token, key)
    ]
    for n, i in enumerate(usable):
        first = keys_a[i]
        for k in usable[n + 1 :]:
            if k >= i + 2 + _SWAP_GAP:
                break
            second = keys_a[k]
            if k < i + 2 or second == first:
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
                not keys_a[g] or stem(a.tokens[units_a[g][1]].norm) in _SYMMETRIC_GAPS
                for g in range(i + 1, k - shared)
            ) or _one_list(a, units_a, i, k):
                continue
            gap = a.text[_span(a, units_a, i)[1] : _span(a, units_a, k)[0]].strip()
            if gap[:1] == "," and gap[-1:] == ",":
                # "said George Ahn, chief marketing officer, Tibco" against "Tibco's chief
                # marketing officer George Ahn said": an aside set off by commas between the
                # two, not a verb whose doer and object they are.
                continue
            swapped = (second, *keys_a[i + 1 : k], first)
            if not _has_run(keys_b, at_b, swapped) or _has_run(keys_a, at_a, swapped):
                continue
            if _has_run(keys_b, at_b, keys_a[i : k + 1]):
                continue
            wa, wb = _surface(a, units_a, i), _surface(a, units_a, k)
            # Two parties trading places is who did what to whom (judge.EXPLICIT); two words
            # swapped may be a phrase told in another order ("Dividend 20 pct (unchanged)" /
            # "an unchanged 20 pct dividend"), weighed as a word put for another.
            # A name opening one passage is known as one by the other, which writes it mid-way.
            named = {name.text for name in (*a.names, *b.names)}
            moved = "trade places" if wa in named and wb in named else "swap"
            explanation = (
                f"'{wa}' and '{wb}' {moved}: each passage says of one what the other says "
                "of the other"
            )
            return [Conflict("entity", wa, wb, explanation)]
    return []


def _units(prep: Prepared) -> list[tuple[str, int]]:
    """The passage's comparison keys with each name of several words made one ("serena
    williams"), each with the index of its first token."""
    units: list[tuple[str, int]] = []
    spans = [(name.start, name.end) for name in prep.names]
    tokens, keys = prep.tokens, prep.keys
    index = 0
    for start, end in spans:
        while index < len(tokens) and tokens[index].start < start:
            units.append((keys[index], index))
            index += 1
        covered = index
        while covered < len(tokens) and tokens[covered].end <= end:
            covered += 1
        if covered - index > 1:
            joined = " ".join(key for key in keys[index:covered] if key)
            units.append((joined, index))
            index = covered
    units.extend((keys[k], k) for k in range(index, len(tokens)))
    return units


def _span(prep: Prepared, units: list[tuple[str, int]], unit: int) -> tuple[int, int]:
    """Where a unit (a word, or a name of several words) starts and ends in the text."""
    first = units[unit][1]
    last = units[unit + 1][1] - 1 if unit + 1 < len(units) else len(prep.tokens) - 1
    return prep.tokens[first].start, prep.tokens[last].end


def _surface(prep: Prepared, units: list[tuple[str, int]], unit: int) -> str:
    start, end = _span(prep, units, unit)
    return prep.text[start:end]


_LIST_JOINS = frozenset("and or nor plus".split())


def _one_list(prep: Prepared, units: list[tuple[str, int]], first: int, last: int) -> bool:
    """Whether units `first` and `last` are items of one list ("Miami, West Palm Beach and Fort
    Myers"): between them, items of one word or name each, every two parted by a comma or a
    conjunction. A list told in another order is the same list."""
    parts: list[str] = []  # "," for a parting, "i" for an item
    for unit in range(first, last):
        between = prep.text[_span(prep, units, unit)[1] : _span(prep, units, unit + 1)[0]]
        if "," in between or ";" in between:
            parts.append(",")
        if unit + 1 < last:
            word = prep.tokens[units[unit + 1][1]].norm
            if word in NEGATIONS:
                return False  # "Spain, not Italy, won": one item denied, not a list
            parts.append("," if word in _LIST_JOINS else "i")
    collapsed = [p for n, p in enumerate(parts) if not (p == "," and n and parts[n - 1] == ",")]
    return (
        bool(collapsed)
        and collapsed[0] == ","
        and collapsed[-1] == ","
        and all(collapsed[n] != collapsed[n + 1] for n in range(len(collapsed) - 1))
    )


def _positions(keys: Sequence[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        found.setdefault(key, []).append(index)
    return found


def _has_run(keys: Sequence[str], at: dict[str, list[int]], run: Sequence[str]) -> bool:
    """Whether `run` occurs in `keys` (whose positions by key are `at`)."""
    size = len(run)
    return any(tuple(keys[s : s + size]) == tuple(run) for s in at.get(run[0], ()))


def _is_content(prep: Prepared, index: int, key: str) -> bool:
    token = prep.tokens[index]
    return bool(key) and token.norm not in STOPWORDS and len(token.norm) > 1


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


def shared_role_conflicts(a: Prepared, b: Prepared) -> list[Conflict]:
    """ "The founder" against "the co-founder": the "co-" turns a role held alone into one held
    with others, so the passages credit the person with different things. Only a word that one
    passage writes with "co-" more often and the other bare more often counts (see swapped)."""
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
