"""The corpus's prepared headlines: only words the body writes as names are names."""

from __future__ import annotations

import json

import newsterm

from .conftest import _write


def test_in_a_headline_only_words_the_body_writes_as_names_are_names(tmp_path) -> None:
    _write(
        tmp_path,
        "a",
        "Kessler Targets Harbour Trust For Cutting Budget",
        "Senator Ada Kessler said on Monday that the Harbour Trust would cut the budget.\n",
    )
    corpus = newsterm.load([tmp_path / "a.txt"])
    headline = corpus.articles[0].passages[0]
    assert headline.headline
    names = corpus.prepared(headline).names
    assert [name.text for name in names] == ["Kessler", "Harbour Trust"]


def test_an_opening_headline_does_not_vouch_for_its_own_names(tmp_path) -> None:
    """A record with no title keeps its headline in the text; the headline's own title case
    must not count as the body writing those words as names."""
    record = {
        "text": "Kessler Targets Harbour Trust For Cutting Budget\n\n"
        "Senator Ada Kessler said on Monday that the harbour trust would cut the budget.\n",
        "source": "Courier",
    }
    (tmp_path / "pile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    corpus = newsterm.load([tmp_path / "pile.jsonl"])
    headline = corpus.articles[0].passages[0]
    assert headline.headline and not headline.in_title
    assert [name.text for name in corpus.prepared(headline).names] == ["Kessler"]
