"""Headline passages, from the title or a record's first line, and the rows of wire briefs and
tables: compared like the rest, never lost."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

import newsterm
from newsterm.corpus.articles import build_article
from newsterm.export import render_json
from newsterm.ingest.document import Document

from .conftest import _write

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


def test_json_export_marks_the_headline_and_its_offsets_point_into_the_title(tmp_path) -> None:
    _write(tmp_path, "a", "Seven killed as Marlow footbridge collapses", BODY_A)
    _write(tmp_path, "b", "Eight killed as Marlow footbridge collapses", BODY_B)
    data = json.loads(render_json(newsterm.load([tmp_path])))
    for article in data["articles"]:
        first = article["passages"][0]
        assert first["in"] == "title" and first["id"].endswith(":0")
        assert article["title"][first["start"] : first["end"]] == first["text"]
        assert all("in" not in p for p in article["passages"][1:])


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


# Wire briefs in the Reuters shape (figures invented): a table and nothing else.
BRIEFS = [
    {
        "id": "7101",
        "title": "MERIDIAN PAPER CO <MPC> RAISES QUARTERLY",
        "text": "Qtly div 14 cts vs 12 cts prior\n    Pay June 2\n    Record May Nine\n Reuter\n",
    },
    {
        "id": "7102",
        "title": "HARLAND <HFI> NET",
        "text": "Shr 42 cts vs 37 cts\n    Net 5,318,000 vs 4,702,000\n"
        "    Revs 88.4 mln vs 79.9 mln\n Reuter\n",
    },
]


def test_wire_briefs_keep_their_figures_and_none_is_dropped(tmp_path) -> None:
    """The first brief showed only its headline; the second, whose title is too short to be
    compared, was dropped with "no article text left after cleaning"."""
    pile = tmp_path / "wire.jsonl"
    pile.write_text("".join(json.dumps(record) + "\n" for record in BRIEFS), encoding="utf-8")
    corpus = newsterm.load([pile])
    assert not corpus.errors
    bodies = {
        article.id: [p.text for p in article.passages if not p.in_title]
        for article in corpus.articles
    }
    assert bodies == {
        "7101": ["Qtly div 14 cts vs 12 cts prior", "Pay June 2", "Record May Nine"],
        "7102": ["Shr 42 cts vs 37 cts", "Net 5,318,000 vs 4,702,000", "Revs 88.4 mln vs 79.9 mln"],
    }
    for article in corpus.articles:
        body = [p for p in article.passages if not p.in_title]
        assert all(article.text[p.start : p.end] == p.text for p in body)
        assert [p.index for p in article.passages] == list(range(len(article.passages)))


def test_a_table_between_paragraphs_keeps_passages_in_order_without_overlap() -> None:
    text = (
        "Harland Foods said quarterly profit rose on higher sales of frozen meals.\n"
        "Shr 42 cts vs 37 cts\n"
        "Net 5,318,000 vs 4,702,000\n"
        "Revs 88.4 mln vs 79.9 mln. The company said it expects the trend to continue.\n"
        "Year\n"
        "Shr 1.58 dlrs vs 1.41 dlrs\n"
        "Net 19.9 mln vs 17.7 mln\n"
    )
    article = build_article(Document(text=text, title="Harland results"), "h")
    spans = [(p.start, p.end) for p in article.passages]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert [p.text for p in article.passages] == [
        "Harland Foods said quarterly profit rose on higher sales of frozen meals.",
        "Shr 42 cts vs 37 cts",
        "Net 5,318,000 vs 4,702,000",
        "Revs 88.4 mln vs 79.9 mln.",
        "The company said it expects the trend to continue.",
        "Year",
        "Shr 1.58 dlrs vs 1.41 dlrs",
        "Net 19.9 mln vs 17.7 mln",
    ]
