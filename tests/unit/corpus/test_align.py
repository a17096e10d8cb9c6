"""Which links a story keeps: what the side panel lists under a passage."""

from __future__ import annotations

from pathlib import Path

import newsterm

REOPENED = (
    "The Lindqvist harbour bridge reopened to traffic on Monday after three weeks of storm "
    "repairs costing the city council a large sum."
)
ENGINEERS_A = "Engineers replaced the cables torn by the storm, working through the night."
ENGINEERS_B = (
    "Engineers worked through the night on the Lindqvist harbour bridge, replacing cables torn "
    "by the storm."
)
COMMUTERS = (
    "Commuters who crossed the Lindqvist harbour bridge on Monday morning praised the repairs."
)


def _load(folder: Path, a: list[str], b: list[str]) -> newsterm.Corpus:
    for name, title, paragraphs in (("a", "Harbour bridge reopens", a), ("b", "Bridge open", b)):
        text = "\n\n".join([title, *paragraphs, "The ferry timetable was unchanged."])
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    corpus = newsterm.load([folder])
    assert len(corpus.stories) == 1
    return corpus


def _linked(corpus: newsterm.Corpus, text: str) -> dict[str, str]:
    """First word of each passage linked to the one that reads `text` -> the relation."""
    passage = next(p for a in corpus.articles for p in a.passages if p.text == text)
    found = {}
    for link in corpus.links:
        if passage.id in (link.a, link.b):
            other = corpus.passage(link.b if link.a == passage.id else link.a)
            found[other.text.split()[0]] = link.relation
    return found


def test_a_passage_is_related_to_every_passage_that_returns_to_its_subject(tmp_path) -> None:
    """The second report tells of the bridge in two places. The first report's sentence about
    the reopening is related to both, not only to the closer one, though one of them has its
    own counterpart in the first report: the reader sees everywhere the subject comes back."""
    corpus = _load(tmp_path, [REOPENED, ENGINEERS_A], [ENGINEERS_B, COMMUTERS])
    assert _linked(corpus, ENGINEERS_A) == {"Engineers": "match"}
    assert _linked(corpus, REOPENED) == {"Engineers": "related", "Commuters": "related"}


def test_passages_with_counterparts_of_their_own_are_not_also_related(tmp_path) -> None:
    """Each end of a near miss already matches a passage of the other report: listing the near
    miss too would only crowd the side panel."""
    corpus = _load(tmp_path, [REOPENED, ENGINEERS_A], [REOPENED, ENGINEERS_B])
    assert _linked(corpus, ENGINEERS_B) == {"Engineers": "match"}
    assert set(_linked(corpus, REOPENED).values()) == {"match"}


def test_a_short_sentence_sharing_one_word_is_not_related(tmp_path) -> None:
    """ "The bridge is a symbol." shares only "bridge" with the lede: contained in it by weight,
    but about nothing the lede reports."""
    corpus = _load(tmp_path, [REOPENED], ["The bridge is a symbol.", COMMUTERS])
    assert "The" not in _linked(corpus, REOPENED)
    assert _linked(corpus, REOPENED)["Commuters"] == "related"
