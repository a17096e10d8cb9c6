"""Deduplication: the same article twice is read once, and said so; wire copy stays, counted as
one report."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from newsterm.cli import main
from newsterm.corpus.articles import build_articles
from newsterm.corpus.load import load
from newsterm.ingest.dedup import Merge, deduplicate, merge_notes, url_key
from newsterm.ingest.document import Document

BODY = (
    "The regional water board closed the Arden reservoir on Friday after tests found algae.\n"
    "Officials said tap water in the valley remained safe to drink.\n"
    "The board will test the reservoir again next week, its chairman Piet Okafor said."
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.news.example/a/story?utm_source=rss", "http://news.example/a/story/", True),
        ("https://news.example/a/story#comments", "https://news.example/a/story", True),
        ("https://news.example/a/story?id=1", "https://news.example/a/story?id=2", False),
        ("https://news.example/a/story", "https://other.example/a/story", False),
    ],
)
def test_url_key(a: str, b: str, same: bool) -> None:
    """Tracking parameters, fragments, scheme, "www." and a trailing slash do not make a URL new."""
    assert (url_key(a) == url_key(b)) is same


def test_home_page_url_is_not_an_article_key() -> None:
    """Feeds that link every entry to the site's home page must not collapse into one entry."""
    assert url_key("https://news.example/") is None


@pytest.mark.parametrize(
    "second",
    [
        Document(text="A different body entirely.", url="https://n.example/x?utm_medium=feed"),
        Document(text="Another body.", guid="g-17", source="Wire"),
        Document(text="  " + BODY.upper().replace("\n", "\n\n") + "  ", source="wire"),
    ],
    ids=["same-url", "same-guid", "same-text"],
)
def test_second_copy_dropped(second: Document) -> None:
    """Same URL, same guid in one outlet, or the same text in one outlet: read once."""
    first = Document(text=BODY, url="https://n.example/x", guid="g-17", source="Wire")
    assert deduplicate([first, second]) == [first]


def test_guid_is_scoped_by_outlet() -> None:
    """Two feeds both numbering entries "1" are two articles."""
    a = Document(text="One body.", guid="1", source="Gazette")
    b = Document(text="Another body.", guid="1", source="Courier")
    assert deduplicate([a, b]) == [a, b]


def test_same_text_in_two_outlets_is_kept() -> None:
    """Identical wire text under two outlets is two outlets' copies, not one arrival."""
    a = Document(text=BODY, source="Wire")
    b = Document(text=BODY, source="Valley Post")
    assert deduplicate([a, b]) == [a, b]


def test_gaps_filled_from_the_later_copy() -> None:
    """The copy kept first borrows a date or outlet only the later copy had."""
    a = Document(text=BODY, url="https://n.example/x")
    b = Document(
        text=BODY, url="https://n.example/x#top", source="Wire", published=datetime(2024, 3, 1)
    )
    (kept,) = deduplicate([a, b])
    assert (kept.url, kept.source, kept.published) == (
        "https://n.example/x",
        "Wire",
        datetime(2024, 3, 1),
    )


def test_build_articles_reads_duplicates_once() -> None:
    """The public pipeline step drops the copy before ids are given."""
    docs = [Document(text=BODY, url="https://n.example/x"), Document(text=BODY, location="b.txt")]
    articles = build_articles(docs, lambda where, why: None)
    assert len(articles) == 1


def test_same_article_in_two_files_loads_once(write, tmp_path) -> None:
    """A JSON export and a text copy of the same report: one article."""
    write("pile/a.txt", "Reservoir closed\n\n" + BODY)
    write("pile/b.jsonl", json.dumps({"title": "Reservoir closed", "text": BODY}) + "\n")
    corpus = load(tmp_path / "pile")
    assert len(corpus.articles) == 1


def test_wire_copy_kept_per_outlet_but_counted_as_one_report(write, tmp_path) -> None:
    """Near-identical copy in two outlets: both outlets listed, one independent report."""
    own = (
        "Farmers near the Arden reservoir said they had warned the board about algae in June.\n"
        "One grower, Lena Marsh, said her irrigation pumps had clogged twice this summer.\n"
        "The board declined to comment on the farmers' claims before its meeting on Monday."
    )
    records = [
        {"source": "Wire", "title": "Reservoir closed", "text": BODY, "published": "2024-03-01"},
        {
            "source": "Valley Post",
            "title": "Reservoir shut",
            "text": BODY + "\nThe Valley Post contributed to this report.",
            "published": "2024-03-01",
        },
        {"source": "Farm Weekly", "title": "Growers warned", "text": BODY + "\n" + own},
    ]
    write("pile.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    corpus = load(tmp_path / "pile.jsonl")
    (story,) = corpus.stories
    assert len(story.article_ids) == 3
    assert story.independent_reports == 2


@pytest.mark.parametrize(
    ("second", "why"),
    [
        (Document(text="Another body.", url="https://n.example/x?utm_medium=feed"), "same URL"),
        (Document(text="Another body.", guid="g-17", source="Wire"), "same guid"),
        (Document(text=BODY.upper(), source="wire"), "identical text"),
    ],
    ids=["same-url", "same-guid", "same-text"],
)
def test_each_merge_is_reported_with_both_places_and_why(second: Document, why: str) -> None:
    first = Document(
        text=BODY, url="https://n.example/x", guid="g-17", source="Wire", location="feed.xml#2"
    )
    second.location = "copy.jsonl:7"
    merges: list[Merge] = []
    deduplicate([first, second], merges.append)
    assert merges == [Merge("feed.xml#2", "copy.jsonl:7", why)]


def test_a_few_merges_get_a_note_each() -> None:
    merges = [Merge(f"a.jsonl:{n}", f"b.jsonl:{n}", "identical text") for n in range(1, 4)]
    assert merge_notes(merges) == [
        (f"b.jsonl:{n}", f"read once: the same article as a.jsonl:{n} (identical text)")
        for n in range(1, 4)
    ]


def test_many_merges_get_one_summary_and_the_first_few() -> None:
    """The same pile loaded twice must not bury everything else under a thousand notes."""
    merges = [
        Merge(f"/news/a.jsonl:{n}", f"/news/b.jsonl:{n}", "same URL" if n % 4 else "same guid")
        for n in range(1, 1001)
    ]
    notes = merge_notes(merges)
    assert notes[0] == (
        "/news/b.jsonl",
        "1,000 duplicates read once (same URL: 750, same guid: 250); the first 3 follow",
    )
    assert notes[1:] == [
        ("/news/b.jsonl:1", "read once: the same article as /news/a.jsonl:1 (same URL)"),
        ("/news/b.jsonl:2", "read once: the same article as /news/a.jsonl:2 (same URL)"),
        ("/news/b.jsonl:3", "read once: the same article as /news/a.jsonl:3 (same URL)"),
    ]


def test_merges_across_files_are_summed_up_at_their_common_folder() -> None:
    merges = [Merge("/news/a.txt", f"/news/day{n}/a.txt", "identical text") for n in range(9)]
    assert merge_notes(merges)[0][0] == "/news"


def test_merged_duplicates_are_noted_when_loading(write, tmp_path) -> None:
    """ "3 records became 2 articles" said nothing; now the copy is named, with the record it
    was merged into and why, as a note (the article was read, once)."""
    records = [
        {"title": "Reservoir closed", "text": BODY, "url": "https://n.example/x"},
        {"title": "Other story", "text": "The ferry to Arden was cancelled again on Friday."},
        {"title": "Reservoir closed", "text": BODY, "url": "https://n.example/x?utm_source=a"},
    ]
    path = write("pile.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    corpus = load(tmp_path / "pile.jsonl")
    assert len(corpus.articles) == 2
    assert [(e.location, e.reason, e.kind) for e in corpus.errors] == [
        (f"{path}:3", f"read once: the same article as {path}:1 (same URL)", "note")
    ]


def test_the_export_lists_the_notes_readably(write, tmp_path, capsys) -> None:
    """A pile with the same 40 records twice: stderr gets four lines, not forty."""
    records = [
        {"title": f"Story {n}", "text": f"{BODY}\nThe board met {n} times this year."}
        for n in range(40)
    ]
    lines = "".join(json.dumps(r) + "\n" for r in records)
    write("pile/a.jsonl", lines)
    write("pile/b.jsonl", lines)
    assert main(["export", str(tmp_path / "pile"), "-f", "json", "-o", str(tmp_path / "o")]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if ": note: " in line]
    assert err[0].endswith(
        "pile/b.jsonl: note: 40 duplicates read once (identical text: 40); the first 3 follow"
    )
    assert len(err) == 4
    assert "b.jsonl:1: note: read once: the same article as " in err[1]
