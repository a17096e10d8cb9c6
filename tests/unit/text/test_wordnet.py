"""The relations newsterm keeps of WordNet: opposites, classes, synonyms, prefixes on the word."""

from __future__ import annotations

import pytest

from newsterm.text.lexicon import adjective_base, are_antonyms, shared_class, synonymous
from newsterm.text.tokens import stem


def _opposite(a: str, b: str) -> bool:
    return are_antonyms(stem(a), stem(b), a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("armed", "unarmed"),  # a prefix read on the word: the stems "arm"/"unarm" hide it
        ("visible", "invisible"),
        ("hired", "fired"),  # WordNet's direct antonyms
        ("ascended", "descended"),
        ("soared", "plunged"),  # verbs that specialise "increase" and "decrease"
        ("declined", "increased"),  # direction classes: the synonym group of "fall" against "rise"
        ("for", "against"),  # a stance, from the curated list
    ],
)
def test_opposites_are_found_without_a_list_entry(a: str, b: str) -> None:
    assert _opposite(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("increase", "crease"),  # "in-" only on adjectives
        ("invest", "vest"),
        ("injured", "wounded"),
        ("rose", "climbed"),
    ],
)
def test_look_alikes_and_synonyms_are_no_opposites(a: str, b: str) -> None:
    assert not _opposite(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("mayor", "governor"), ("copper", "zinc"), ("truck", "car"), ("violin", "cello")],
)
def test_members_of_one_class_are_rivals(a: str, b: str) -> None:
    assert shared_class(stem(a), stem(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("lawyer", "attorney"),  # synonyms
        ("road", "street"),  # one a kind of the other
        ("perform", "conduct"),  # verbs first, whatever their noun senses
    ],
)
def test_synonyms_wider_words_and_verbs_are_no_rivals(a: str, b: str) -> None:
    assert not shared_class(stem(a), stem(b))


def test_a_stem_in_two_synonym_groups_is_a_synonym_of_both() -> None:
    """ "ships" stems like "shipped", whose group is that of "transported": it is still a
    synonym of "vessel"."""
    assert synonymous(stem("ships"), stem("vessels"))


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("highest", "high"),
        ("lower", "low"),
        ("larger", "large"),  # the base's "e" dropped before the ending
        ("biggest", "big"),  # its last consonant doubled
        ("earliest", "early"),  # its "y" turned to "i"
        ("weaker", "weak"),
    ],
)
def test_a_comparative_or_superlative_has_its_adjective_as_base(word: str, base: str) -> None:
    assert adjective_base(word) == stem(base)


@pytest.mark.parametrize("word", ["worker", "water", "officer", "upper", "inner", "rain", "best"])
def test_nouns_short_roots_and_other_words_have_no_base(word: str) -> None:
    assert adjective_base(word) == ""
