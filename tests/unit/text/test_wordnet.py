"""The relations newsterm keeps of WordNet: opposites, classes, synonyms, prefixes on the word."""

from __future__ import annotations

import pytest

from newsterm.text.lexicon import are_antonyms, shared_class, synonymous
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
