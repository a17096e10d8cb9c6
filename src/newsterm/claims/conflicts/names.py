"""Names put in each other's place: "Senator Smith vs Senator Jones: a different name in the
same place".

A name replaced in a short stretch of an otherwise shared claim is a conflict, unless the two
are forms of one name (newsterm.facts.name_forms), a country and its seat of government, who
told the story rather than who is in it ("the CBC reported"), or a name only moved.
"""

from __future__ import annotations

import re

from newsterm.claims.conflicts.slots import (
    Op,
    char_span,
    inside,
)
from newsterm.claims.prepared import Prepared
from newsterm.facts.name_forms import NAME_SUFFIXES, TITLE_WORDS, bare_name, not_a_name, same_name
from newsterm.facts.names import Name
from newsterm.model import Conflict
from newsterm.text.lexicon import canonical_name, same_actor, same_given_name
from newsterm.text.tokens import stem


def name_conflicts(a: Prepared, b: Prepared, ops: list[Op]) -> list[Conflict]:
    found = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or (i2 - i1) > 4 or (j2 - j1) > 4:
            continue  # a long rewritten stretch is a paraphrase, not one name put for another
        sa, sb = char_span(a, i1, i2), char_span(b, j1, j2)
        names_a = [n for n in a.names if inside(sa, n.start, n.end) and not not_a_name(n)]
        names_b = [n for n in b.names if inside(sb, n.start, n.end) and not not_a_name(n)]
        if len(names_a) != 1 or len(names_b) != 1:
            continue
        na, nb = names_a[0], names_b[0]
        if na.key == nb.key or same_actor(na.key, nb.key):
            continue
        source_a, source_b = _names_a_source(a, na), _names_a_source(b, nb)
        if (
            source_a
            and source_b
            and _credited_alike(a, na, b, nb)
            and not same_name(na.key, nb.key)
        ):
            # "according to Reuters" / "according to the AP": one claim credited to another
            # party, which a reader weighs differently (whether it counts is the combiner's).
            explanation = f"{na.text} vs {nb.text}: credited to a different source"
            found.append(Conflict("entity", na.text, nb.text, explanation))
            continue
        if source_a or source_b:
            continue  # "police said" against "the CBC reported": who told it, not what happened
        if same_name(na.key, nb.key) and not _other_last_words(a, na, i1, i2, b, nb, j1, j2):
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
        if keyed(a, na.key) <= keyed(b, na.key) or keyed(b, nb.key) <= keyed(a, nb.key):
            continue
        # Or told in a shorter form elsewhere: "Liz Cheney" against "... his daughter,
        # Elizabeth": she is named in both, so no one was put in her place.
        if _named_elsewhere(na, b, nb) or _named_elsewhere(nb, a, na):
            continue
        owned = _owned(a, na)
        if owned and owned == _owned(b, nb) and not _one_holds(na.key, nb.key):
            # "Smith's company" / "Jones's company": the same thing, another owner. As
            # categorical as a figure (judge.EXPLICIT), where a bare name put for another may
            # be one party named two ways the alias lists do not know. Not where one name
            # holds the other ("the U.S. FBI's list" / "the United States' list").
            what = f"a different owner of the same {owned}"
        else:
            what = "a different name in the same place"
        found.append(Conflict("entity", na.text, nb.text, f"{na.text} vs {nb.text}: {what}"))
    return found


def _one_holds(key_a: str, key_b: str) -> bool:
    """Whether one name is part of the other, as written or in an alias's form ("us fbi"
    holds "united states")."""
    for outer, inner in ((key_a.split(), key_b), (key_b.split(), key_a)):
        spans = (
            " ".join(outer[i:j]) for i in range(len(outer)) for j in range(i + 1, len(outer) + 1)
        )
        if any(span == inner or canonical_name(span) == inner for span in spans):
            return True
    return False


def _owned(prep: Prepared, name: Name) -> str:
    """What a name written as a possessive owns: the word after "Smith's" ("company"), or ""
    when the name is no possessive."""
    written = prep.text[name.start : name.end]
    if not written.endswith(("'s", "’s")) and prep.text[name.end : name.end + 1] not in ("'", "’"):
        return ""
    inside = _tokens_of(prep, name)
    after = inside[-1] + 1 if inside else len(prep.tokens)
    return prep.tokens[after].norm if after < len(prep.tokens) and prep.keys[after] else ""


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


def _credit_words(prep: Prepared, name: Name) -> tuple[str, str]:
    """The words that make a name a source: the one before it and the one after it."""
    inside = _tokens_of(prep, name)
    before = inside[0] - 1
    while before >= 0 and prep.tokens[before].norm in ("the", "a"):
        before -= 1
    after = inside[-1] + 1
    return (
        prep.tokens[before].stem if before >= 0 else "",
        prep.tokens[after].stem if after < len(prep.tokens) else "",
    )


def _credited_alike(a: Prepared, na: Name, b: Prepared, nb: Name) -> bool:
    """Both names credited the same way ("according to Reuters" / "according to the AP"):
    "Vancouver police said" against "the CBC reported" is two outlets' sourcing, not one claim
    credited to two parties."""
    before_a, after_a = _credit_words(a, na)
    before_b, after_b = _credit_words(b, nb)
    return (before_a == before_b and before_a in _CREDITING) or (
        after_a == after_b and after_a in _REPORTED
    )


_CREDITING = frozenset({"to", _TOLD, *(stem(w) for w in ("by",))})


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
        if not any(prep.tokens[k].norm in TITLE_WORDS for k in within if k < inside[0]):
            return None
        words = [prep.tokens[k].norm for k in inside]
        return None if set(words) <= NAME_SUFFIXES else words

    tail_a, tail_b = tail(a, na, i1, i2), tail(b, nb, j1, j2)
    if tail_a is None or tail_b is None:
        return False
    return not same_name(" ".join(tail_a), " ".join(tail_b))


def _named_elsewhere(name: Name, other: Prepared, facing: Name) -> bool:
    """Whether the other passage calls the same person by another form of the given name
    somewhere besides the name facing it ("Liz Cheney" and, later, "Elizabeth")."""
    first = bare_name(name.key).split()[:1]
    return bool(first) and any(
        n is not facing and same_given_name(first[0], bare_name(n.key)) for n in other.names
    )


def keyed(prep: Prepared, key: str) -> int:
    """How many of a passage's names have this key."""
    return sum(name.key == key for name in prep.names)


def _mentions(prep: Prepared, name: str) -> int:
    """How often a name is written in a passage, as whole words."""
    return len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", prep.text))
