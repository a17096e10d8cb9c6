"""Words put in place of others in a shared claim: an opposite ("rose" / "fell"), a rival
member of a closed set ("brother" / "sister", "days" / "years"), or a hedge that turns a decision
into one being weighed ("is opening" / "is considering opening").
"""

from __future__ import annotations

from newsterm.claims.conflicts.slots import (
    CLAUSE_END,
    Op,
    phrase,
    replaced_pairs,
    swapped,
)
from newsterm.claims.prepared import Prepared
from newsterm.facts.durations import length_in_days, same_length_of_time
from newsterm.facts.negation import is_negation, negated
from newsterm.facts.units import is_unit
from newsterm.model import Conflict
from newsterm.text.lexicon import (
    adjective_base,
    are_antonyms,
    contrast_set,
    leaning,
    listed_antonyms,
    one_member,
    opposite_in_some_sense,
    shared_class,
)
from newsterm.text.tokens import STOPWORDS, stem

# Verbs that put a decision still to come in front of what the other passage tells as done or
# decided ("is considering opening" against "is opening"). Only the -ing forms: "considered"
# ("those considered obese") judges rather than weighs.
_WEIGHING = frozenset("considering weighing mulling contemplating".split())


def tentative_conflicts(a: Prepared, b: Prepared, ops: list[Op]) -> list[Conflict]:
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
            text_a, text_b = phrase(a, i1, i2), phrase(b, j1, j2)
            side = "the first" if tag == "delete" else "the second"
            explanation = f"'{text_a}' vs '{text_b}': {side} says it is only being considered"
            return [Conflict("qualifier", text_a, text_b, explanation)]
    return []


def contrast_conflicts(a: Prepared, b: Prepared, ops: list[Op]) -> list[Conflict]:
    """A member of a closed set put where the other passage has another ("his brother" vs "his
    sister", "days" vs "years"), in a short replaced stretch of an otherwise shared claim."""
    for i, j in replaced_pairs(ops, 3):
        ka, kb = a.keys[i], b.keys[j]
        if not ka or not kb or (is_unit(a.tokens[i].stem) and is_unit(b.tokens[j].stem)):
            continue  # units: the figures they measure are compared (claims.conflicts.numbers)
        # Closed sets list words as written: "explosion" stays itself here though
        # synonyms fold it into "blast" for similarity.
        group = contrast_set(ka, kb) or contrast_set(stem(a.tokens[i].norm), stem(b.tokens[j].norm))
        wordnet = ""
        if (
            not group
            and _one_for_one(ops, i, j)
            and not one_member(a.tokens[i].stem, b.tokens[j].stem)
            and not _in_a_name(a, i)
            and not _in_a_name(b, j)
        ):
            wordnet = shared_class(a.tokens[i].stem, b.tokens[j].stem)
        if not group and are_antonyms(
            a.tokens[i].stem, b.tokens[j].stem, a.tokens[i].norm, b.tokens[j].norm
        ):
            continue  # "hawkish" / "dovish": opposites, told as such by antonym_conflicts
        if (group or wordnet) and swapped(ka, kb, a.keys, b.keys):
            days_a, days_b = (
                length_in_days(a.text, a.tokens, i),
                length_in_days(b.text, b.tokens, j),
            )
            if same_length_of_time(days_a, days_b):
                continue
            wa, wb = a.tokens[i].surface, b.tokens[j].surface
            if group:
                return [Conflict("entity", wa, wb, f"'{wa}' vs '{wb}': a different {group}")]
            explanation = f"'{wa}' vs '{wb}': two different kinds of {wordnet}"
            return [Conflict("entity", wa, wb, explanation)]
    return []


def _in_a_name(prep: Prepared, index: int) -> bool:
    """A word inside a name ("the Sheriff Office") names, it does not classify."""
    token = prep.tokens[index]
    return any(name.start <= token.start < name.end for name in prep.names)


def _one_for_one(ops: list[Op], i: int, j: int) -> bool:
    """Whether tokens i and j face each other in a replaced stretch of at most two words a side:
    one noun put for another, counted from the start ("his brother" / "his sister") or, as the
    head of an English compound is its last word, from the end ("hedge funds" / "banks")."""
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace" and i1 <= i < i2 and j1 <= j < j2:
            return max(i2 - i1, j2 - j1) <= 2 and (i - i1 == j - j1 or i2 - i == j2 - j)
    return False


def antonym_conflicts(a: Prepared, b: Prepared, ops: list[Op]) -> list[Conflict]:
    for i, j in replaced_pairs(ops, 4):
        sa, sb = _base_stem(a.tokens[i].norm), _base_stem(b.tokens[j].norm)
        # "carry out" / "executed": a particle is no opposite of anything. The function words
        # that are ("voted for" / "voted against") are in the curated list, and oppose each
        # other only about one thing: "the fight for his ouster" is "the fight against him".
        function_word = a.tokens[i].norm in STOPWORDS or b.tokens[j].norm in STOPWORDS
        if function_word and (not listed_antonyms(sa, sb) or _object_of(a, i) != _object_of(b, j)):
            continue
        opposite = are_antonyms(sa, sb, a.tokens[i].norm, b.tokens[j].norm) or _opposite_degrees(
            a.tokens[i].norm, b.tokens[j].norm
        )
        # "a troubled start-up" against "a triumphant start-up": no antonym pair, but one
        # judges well what the other judges badly.
        judged_apart = not opposite and leaning(sa) * leaning(sb) < 0
        # Opposites in a rarer sense of either word ("new" / "old", "buying" / "selling": words
        # with so many opposites that their usual senses keep none): weaker evidence, which the
        # combiner weighs on its own.
        rarely = not (opposite or judged_apart) and opposite_in_some_sense(sa, sb)
        if not (opposite or judged_apart or rarely) or _denied(a, i) != _denied(b, j):
            continue  # "not likely" / "unlikely": an opposite denied says the same
        if _prefix_written_apart(a, i, sb) or _prefix_written_apart(b, j, sa):
            continue  # "non-binding" against "nonbinding": one word, hyphenated or not
        a_stems = [_base_stem(t.norm) for t in a.tokens]
        b_stems = [_base_stem(t.norm) for t in b.tokens]
        if swapped(sa, sb, a_stems, b_stems):
            wa, wb = a.tokens[i].surface, b.tokens[j].surface
            what = (
                "opposite judgements of one thing"
                if judged_apart
                else "words opposite in one of their senses"
                if rarely
                else "opposite words"
            )
            explanation = f"'{wa}' vs '{wb}': {what} in the same claim"
            return [Conflict("antonym", wa, wb, explanation)]
    return []


def _opposite_degrees(word_a: str, word_b: str) -> bool:
    """ "higher" / "lower", "strongest" / "weakest": one degree of two adjectives opposite in some
    sense. Alone, "high" and "low" have so many senses that WordNet's opposites between them are
    weak evidence (opposite_in_some_sense); a comparison or a superlative is of the measured
    sense, where they are plain opposites."""
    base_a, base_b = adjective_base(word_a), adjective_base(word_b)
    return (
        bool(base_a and base_b)
        and base_a != base_b
        and word_a[-2:] == word_b[-2:]  # both "-er" or both "-est"
        and opposite_in_some_sense(base_a, base_b)
    )


def _base_stem(word: str) -> str:
    """A word's stem, or for a comparative or superlative its adjective's: "highest" against
    "lowest" are opposites as "high" and "low" are (text.lexicon.adjective_base)."""
    return adjective_base(word) or stem(word)


def _object_of(prep: Prepared, index: int) -> tuple[str, ...]:
    """The informative words of the phrase after `index`, up to the next function word: what a
    function word is about ("for the manager's dismissal": manager, dismissal)."""
    words: list[str] = []
    for k in range(index + 1, len(prep.tokens)):
        norm = prep.tokens[k].norm
        if norm in STOPWORDS and not words:
            continue  # "because of the strike": what opens the phrase
        if not prep.keys[k] or norm in STOPWORDS:
            break
        words.append(prep.keys[k])
    return tuple(words)


# How far back in its clause a denial reaches a word: "have not established that they are likely
# to succeed" denies "likely" as "unlikely to succeed" does.
_DENIAL_REACH = 8


def _denied(prep: Prepared, index: int) -> bool:
    """Whether the word at `index` stands under an odd number of negations in its clause."""
    if negated(prep.text, prep.tokens, index):
        return True
    count = 0
    for k in range(index - 1, max(-1, index - 1 - _DENIAL_REACH), -1):
        between = prep.text[prep.tokens[k].end : prep.tokens[k + 1].start]
        if CLAUSE_END.search(between) or "," in between:
            break
        count += is_negation(prep.text, prep.tokens, k)
    return count % 2 == 1


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
