"""What the finding features decide, without a terminal: the filter's terms, which stories a
query keeps and in which order, the story view's facts, two articles aligned side by side, and
labels fitted to a width."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from rich.text import Text

import newsterm
from newsterm.corpus.corpus import Corpus
from newsterm.model import Article, Link, Passage, Story, StoryAlignment
from newsterm.tui.finding import (
    Finder,
    Query,
    parse_query,
    pile_outlets,
    story_rank,
    with_conflicts,
)
from newsterm.tui.side_by_side import row_counts, rows
from newsterm.tui.story_facts import coverage, disagreements, timeline
from newsterm.tui.widgets.source_labels import Entry, article_label, fit

from .piles import write_pile


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    found = newsterm.load([str(write_pile(tmp_path_factory.mktemp("pile") / "pile"))])
    found.align_all()
    return found


def story_titled(corpus: Corpus, start: str) -> str:
    return next(s.id for s in corpus.stories if s.title.startswith(start))


# ------------------------------------------------------------------------------------- queries
def test_words_phrases_and_negations() -> None:
    query = parse_query('Bridge "old mill" -orchard')
    assert query.words == ("bridge", "old mill") and query.without == ("orchard",)


def test_operators() -> None:
    query = parse_query("outlet:Herald -outlet:courier from:2024-03 to:2024 has:conflicts")
    assert query.outlets == ("herald",) and query.not_outlets == ("courier",)
    assert query.since == date(2024, 3, 1) and query.until == date(2024, 12, 31)
    assert query.conflicts and not query.updates and query.needs_comparison
    assert parse_query("to:2024-02").until == date(2024, 2, 29)  # the month's last day
    assert parse_query('outlet:"new york"').outlets == ("new york",)
    assert parse_query("outlets:3").min_outlets == 3
    assert parse_query("has:updates").updates


def test_what_is_not_understood_is_said_or_read_as_words() -> None:
    assert parse_query("from:yesterday").problems
    assert parse_query("has:cats").problems
    assert parse_query("10:30").words == ("10:30",)  # not an operator: a word
    assert parse_query("outlet:").outlets == ()  # being typed: nothing yet
    assert parse_query("  ").empty and not parse_query("x").empty


def test_the_conflicts_term_is_added_and_taken_out_as_typed() -> None:
    assert with_conflicts("oil  outlet:x", True) == "oil outlet:x has:conflicts"
    assert with_conflicts("oil has:conflicts", False) == "oil"
    assert with_conflicts("has:conflict oil", False) == "oil"


# ------------------------------------------------------------------------------------ matching
def found(corpus: Corpus, text: str, sort: str = "outlets") -> list[str]:
    result = Finder(corpus).find(parse_query(text), sort)  # type: ignore[arg-type]
    assert result is not None
    return [corpus.story(sid).title.split()[0] for sid in result.several] + [
        "single:" + corpus.article(aid).title.split()[0] for aid in result.single
    ]


def test_a_query_keeps_the_stories_it_describes(corpus: Corpus) -> None:
    assert found(corpus, "") == ["Bridge", "Dam", "single:Apple"]
    assert found(corpus, "divers") == ["Bridge"]  # a word of one article's body
    assert found(corpus, "RIVERTON -orchard") == ["Bridge"]
    assert found(corpus, "outlet:gazette") == ["Dam", "single:Apple"]
    assert found(corpus, "outlet:gazette outlet:herald") == ["Dam"]
    assert found(corpus, "-outlet:gazette") == ["Bridge"]
    assert found(corpus, "from:2024-04-02 to:2024-04") == ["Dam"]
    assert found(corpus, "from:2024-09") == ["single:Apple"]
    assert found(corpus, "has:conflicts") == ["Bridge"]
    assert found(corpus, "outlets:2") == ["Bridge", "Dam"]


def test_the_sorts(corpus: Corpus) -> None:
    assert found(corpus, "", "recent") == ["Dam", "Bridge", "single:Apple"]
    assert found(corpus, "", "conflicts") == ["Bridge", "Dam", "single:Apple"]


def test_in_a_wire_archive_a_story_of_full_reports_ranks_above_a_pile_of_briefs(
    tmp_path: Path,
) -> None:
    """One outlet tells every story of an archive, so the full reports decide: three reports of
    some 120 words come before five market briefs of five short sentences each (a day's
    template briefs, by passages as many as a report, came second of all Reuters)."""
    long_lines = " ".join(
        f"Sentence {k} of the report says what the ministers agreed at the talks."
        for k in range(10)
    )
    brief = (
        "Prices seen steady. Receipts seen at 2,000 head. Top seen at 51.00. "
        "Sources said so. It may rain."
    )
    folder = tmp_path / "pile"
    folder.mkdir()
    for k in range(3):
        text = f"Talks end in {k + 3} capitals\n\nDelegates from {k + 3} states met. {long_lines}\n"
        (folder / f"report{k}.txt").write_text(text, encoding="utf-8")
    for k in range(5):
        text = f"Hogs seen steady at market {k}\n\nMarket {k} opened. {brief}\n"
        (folder / f"brief{k}.txt").write_text(text, encoding="utf-8")
    corpus = newsterm.load([folder])
    by_name = {Path(a.location).stem: a.id for a in corpus.articles}
    reports = Story("r", "Talks end", tuple(by_name[f"report{k}"] for k in range(3)))
    briefs = Story("b", "Hogs seen steady", tuple(by_name[f"brief{k}"] for k in range(5)))
    assert all(len(corpus.article(aid).passages) >= 4 for aid in briefs.article_ids)
    reports = replace(reports, reports=(0, 0, 0), outlets=("wire",) * 3)
    briefs = replace(briefs, reports=(0,) * 5, outlets=("wire",) * 5)
    assert story_rank(corpus, reports) < story_rank(corpus, briefs)


def test_stories_not_compared_yet_are_counted_and_sorted_between(tmp_path: Path) -> None:
    fresh = newsterm.load([str(write_pile(tmp_path / "pile"))])
    finder = Finder(fresh)
    result = finder.find(parse_query("has:conflicts"))
    assert result is not None and result.several == () and result.uncompared == 2
    dam = story_titled(fresh, "Dam")
    fresh.alignment(dam)  # no conflict: known to be quiet, after those not compared yet
    result = finder.find(Query(), "conflicts")
    assert result is not None and result.several[-1] == dam and result.uncompared == 1


def test_a_newer_query_stops_an_older_one(corpus: Corpus) -> None:
    assert Finder(corpus).find(parse_query("bridge"), stop=lambda: True) is None


def test_warming_gathers_what_words_are_matched_on(corpus: Corpus) -> None:
    finder = Finder(corpus)
    assert not finder.warm(lambda: False)
    assert finder.warm(lambda: True)
    assert len(finder._text) == len(corpus.stories)


def test_the_piles_outlets_most_prolific_first(corpus: Corpus) -> None:
    outlets = [(o.label, o.stories) for o in pile_outlets(corpus)]
    assert outlets == [("Gazette", 2), ("Herald", 2), ("Courier", 1)]


# ---------------------------------------------------------------------------------- story view
def test_timeline_coverage_and_disagreements(corpus: Corpus) -> None:
    bridge = corpus.story(story_titled(corpus, "Bridge"))
    moments = timeline(corpus, bridge)
    assert [m.article.label for m in moments] == ["Herald", "Courier"]
    assert [m.place for m in moments] == [0.0, 1.0]
    covered = coverage(bridge, pile_outlets(corpus))
    assert [o.label for o in covered.covered] == ["Herald", "Courier"]
    assert [o.label for o in covered.missing] == ["Gazette"] and covered.pile == 3
    alignment = corpus.cached_alignment(bridge.id)
    assert alignment is not None
    found = disagreements(corpus, bridge, alignment)
    assert [d.link.relation for d in found] == ["conflict", "conflict"]
    first = found[0]
    assert "Twelve" in first.first.text and "Fourteen" in first.second.text


# -------------------------------------------------------------------------------- side by side
def article(name: str, texts: list[str]) -> Article:
    passages = tuple(
        Passage(f"{name}:{n}", name, n, 0, len(text), text) for n, text in enumerate(texts)
    )
    return Article(name, name, " ".join(texts), passages=passages)


def test_pairs_in_order_share_a_row_and_a_crossing_pair_is_shown_apart() -> None:
    left = article("L", ["a0", "a1", "a2", "a3"])
    right = article("R", ["b0", "b1", "b2"])
    links = (
        Link("L:0", "R:0", "match", 0.9),
        Link("L:1", "R:2", "conflict", 0.8),  # in order with L:0/R:0
        Link("L:3", "R:1", "related", 0.5),  # crosses L:1/R:2: shown apart
        Link("L:2", "R:2", "match", 0.7),  # R:2 is taken by the stronger conflict
    )
    found = rows(left, right, StoryAlignment("s", links, ()))
    shape = [
        (r.left.id if r.left else None, r.right.id if r.right else None, r.relation) for r in found
    ]
    assert shape == [
        ("L:0", "R:0", "match"),
        (None, "R:1", "related"),  # its counterpart L:3 further down
        ("L:1", "R:2", "conflict"),
        ("L:2", None, None),
        ("L:3", None, "related"),
    ]
    assert found[1].elsewhere is not None and found[1].elsewhere.id == "L:3"
    counts = row_counts(found)
    assert counts.by_relation == {"match": 1, "conflict": 1, "related": 1}
    assert (counts.only_left, counts.only_right) == (1, 0)


# ----------------------------------------------------------------------------------- labels
def test_a_label_is_cut_before_its_tail() -> None:
    label = Text("Bridge collapse in Riverton kills 12 (2 · 5–6 Mar)")
    tail = len(" (2 · 5–6 Mar)")
    assert fit(label, tail, 80).plain == label.plain
    assert fit(label, tail, 30).plain == "Bridge collapse… (2 · 5–6 Mar)"
    assert fit(label, tail, 12).cell_len == 12  # no room for both: cut at the end


def test_a_shorter_form_is_chosen_where_the_longer_would_cut_the_name() -> None:
    full = Text("2≠        Washington Examiner 11 May 2021")
    short = Text("2≠        Washington Examiner 11 May")
    entry = Entry(((full, 12, 10), (short, 7, 10)), whole_head=True)
    assert entry.at(60).plain == full.plain
    assert entry.at(37).plain == short.plain
    assert entry.at(20).cell_len == 20


def test_a_wire_headline_keeps_its_room_before_the_badges_padding_and_the_year() -> None:
    """One wire's story of one day: the headline names each brief, so in a list of thirty
    cells the badges lose their padding and the date its year before the headline is cut."""
    brief = Article(
        "r1",
        "REAGAN SAYS VOLCKER WILL NOT SERVE NEW TERM",
        "text",
        published=datetime(1987, 6, 2, 10, 6),
    )
    entry = article_label(brief, Text("6•"), by_headline=True)
    assert entry.at(80).plain == "6•       REAGAN SAYS VOLCKER WILL NOT SERVE NEW TERM 2 Jun 1987"
    narrow = entry.at(30).plain
    assert narrow.startswith("6• REAGAN SAYS VOLCKER")
    assert narrow.endswith(" 2 Jun") and len(narrow) == 30
