"""Headlines are compared like passages: where outlets put a story's claim most plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsterm
from newsterm.claims.compare import prepare
from newsterm.claims.conflicts.find import find_conflicts
from newsterm.export import render_json
from newsterm.facts.names import capitals_tell_names
from newsterm.text.sentences import segment

BODY_A = (
    "Rescue crews searched the river below the Marlow footbridge on Tuesday after it gave way "
    "during the morning rush.\n\n"
    "The county engineer said the structure had been inspected in the spring.\n"
)
BODY_B = (
    "The Marlow footbridge gave way on Tuesday morning as commuters crossed it to the station, "
    "and divers spent the day in the river.\n\n"
    "Residents had complained about rust on the railings for two years.\n"
)


def _write(folder: Path, name: str, title: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")


def _links_between(corpus: newsterm.Corpus, a: str, b: str) -> list[newsterm.Link]:
    return [
        link
        for link in corpus.links
        if {corpus.passage(link.a).text, corpus.passage(link.b).text} == {a, b}
    ]


def test_a_titled_article_opens_with_its_headline_as_a_passage(tmp_path) -> None:
    _write(tmp_path, "a", "Seven killed as Marlow footbridge collapses", BODY_A)
    (article,) = newsterm.load([tmp_path / "a.txt"]).articles
    headline, first, *_ = article.passages
    assert headline.headline and headline.in_title and headline.text == article.title
    assert article.title[headline.start : headline.end] == headline.text
    assert headline.id.endswith(":0") and first.id.endswith(":1") and not first.headline
    assert [p.index for p in article.passages] == list(range(len(article.passages)))
    assert all(article.text[p.start : p.end] == p.text for p in article.passages[1:])


@pytest.mark.parametrize(
    "title",
    [
        "Footbridge",  # a label, not a claim
        "Bridge collapse",
        # The title is only the opening words of the text, which are compared already.
        "Rescue crews searched the river below the Marlow footbridge…",
    ],
)
def test_no_headline_passage_for_labels_or_opening_words(tmp_path, title: str) -> None:
    _write(tmp_path, "a", title, BODY_A)
    (article,) = newsterm.load([tmp_path / "a.txt"]).articles
    assert not any(p.headline for p in article.passages)


def test_headlines_that_disagree_on_a_figure_are_a_conflict(tmp_path) -> None:
    """Neither body gives a toll; only the headlines do, and they differ."""
    seven, eight = (
        "Seven killed as Marlow footbridge collapses",
        "Eight killed as Marlow footbridge collapses",
    )
    _write(tmp_path, "a", seven, BODY_A)
    _write(tmp_path, "b", eight, BODY_B)
    corpus = newsterm.load([tmp_path])
    assert len(corpus.stories) == 1
    (link,) = _links_between(corpus, seven, eight)
    assert link.relation == "conflict"
    assert [c.kind for c in link.conflicts] == ["number"]


def test_json_export_marks_the_headline_and_its_offsets_point_into_the_title(tmp_path) -> None:
    _write(tmp_path, "a", "Seven killed as Marlow footbridge collapses", BODY_A)
    _write(tmp_path, "b", "Eight killed as Marlow footbridge collapses", BODY_B)
    data = json.loads(render_json(newsterm.load([tmp_path])))
    for article in data["articles"]:
        first = article["passages"][0]
        assert first["in"] == "title" and first["id"].endswith(":0")
        assert article["title"][first["start"] : first["end"]] == first["text"]
        assert all("in" not in p for p in article["passages"][1:])


def test_a_record_without_a_title_keeps_its_opening_headline_line() -> None:
    text = (
        "Ellen DeGeneres To Host Oscars Again\n"
        "January 13 2014\n"
        "The comedian will return to the stage of the Dolby Theatre in March.\n"
        "Backstage Crew Notes\n"
    )
    spans = [text[s:e] for s, e in segment(text, opens_with_headline=True)]
    # The opening line is a passage; the dateline and a later sub-heading are not.
    assert spans == [
        "Ellen DeGeneres To Host Oscars Again",
        "The comedian will return to the stage of the Dolby Theatre in March.",
    ]
    assert [text[s:e] for s, e in segment(text)] == spans[1:]
    # A short opening label is not a headline.
    assert segment("Politics\nThe vote was held on Monday.\n", opens_with_headline=True) == [
        (9, 37)
    ]


@pytest.mark.parametrize(
    ("text", "tells"),
    [
        ("Mike Huckabee Is Running For President Again", False),
        ("BAHIA COCOA REVIEW SAYS CROP OUTLOOK IMPROVES", False),
        ("Lee Seong-kweun, Kim Jong Un and Vladimir Putin met in Moscow.", True),
        ("The minister told The New York Times on Monday that talks would resume.", True),
        ("Storm closes schools", True),  # too short to tell
    ],
)
def test_capitals_tell_names_except_in_title_case_or_capitals(text: str, tells: bool) -> None:
    assert capitals_tell_names(text) is tells


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


def test_title_case_wording_in_a_headline_is_not_an_entity_conflict() -> None:
    """'Approves Budget' against 'Passes Budget' is house style, not two names."""
    a = prepare("City Council Approves Harbour Budget After Long Debate", headline=True)
    b = prepare("City Council Passes Harbour Budget After Long Debate", headline=True)
    assert find_conflicts(a, b) == []
    # The same words as body text with real names in them still conflict by name.
    c = prepare("Mayor Ada Kessler approved the harbour budget after a long debate.")
    d = prepare("Mayor Ben Okafor approved the harbour budget after a long debate.")
    assert [conflict.kind for conflict in find_conflicts(c, d)] == ["entity"]


def test_a_headline_that_denies_what_another_asserts_is_a_conflict() -> None:
    a = prepare("Ozy Media founder arrested on fraud charges", headline=True)
    b = prepare("Ozy Media founder not arrested on fraud charges", headline=True)
    assert [conflict.kind for conflict in find_conflicts(a, b)] == ["negation"]


def test_a_records_opening_headline_is_its_headline_with_offsets_into_the_text(tmp_path) -> None:
    """A JSON record without a title: its opening line is the headline, and stays in the text."""
    record = {
        "text": "Seven Killed As Marlow Footbridge Collapses\n\n" + BODY_A,
        "source": "Courier",
    }
    (tmp_path / "pile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = newsterm.load([tmp_path / "pile.jsonl"]).articles
    headline, first, *_ = article.passages
    assert headline.headline and not headline.in_title and not first.headline
    assert article.text[headline.start : headline.end] == headline.text
    assert headline.text == "Seven Killed As Marlow Footbridge Collapses"
    data = json.loads(render_json(newsterm.load([tmp_path / "pile.jsonl"])))
    assert all("in" not in p for p in data["articles"][0]["passages"])
