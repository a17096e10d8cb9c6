"""The public API on the seed story: what a fact-checker would check first."""

from __future__ import annotations

import pytest

import newsterm
from newsterm import compare


@pytest.fixture(scope="module")
def corpus():
    return newsterm.load()


def _conflicts(corpus) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for link in corpus.links:
        for conflict in link.conflicts:
            rows.append(
                (
                    conflict.kind,
                    conflict.a,
                    conflict.b,
                    corpus.passage(link.a).text,
                    corpus.passage(link.b).text,
                )
            )
    return rows


def test_seeds_form_one_story(corpus) -> None:
    """The three seed reports are grouped as one story with all three sources."""
    assert len(corpus.stories) == 1
    assert len(corpus.stories[0].article_ids) == 3


def test_seed_metadata(corpus) -> None:
    """Titles and dates come from each file's own shape; the undated one borrows its story's."""
    by_id = {a.id[:3]: a for a in corpus.articles}
    assert by_id["000"].published.isoformat() == "2025-06-03T11:17:00"
    assert by_id["001"].published.isoformat() == "2025-06-02T00:00:00"
    assert by_id["001"].title == "North Korea says military ties with Russia to ensure 'peace'"
    assert by_id["002"].published is None and by_id["002"].published_inferred
    assert by_id["002"].reference_date.isoformat().startswith("2025-06")


def test_seed_boilerplate_is_dropped(corpus) -> None:
    """Sign-up forms, teasers and image credits are not passages."""
    texts = " ".join(p.text for a in corpus.articles for p in a.passages)
    for junk in (
        "Invalid email",
        "Privacy Policy",
        "Others are reading now",
        "Also read",
        "(Image: Getty)",
    ):
        assert junk not in texts


def test_seven_against_eight_countries(corpus) -> None:
    """One outlet's "seven other countries" conflicts with the others' "eight"."""
    numbers = {(k, frozenset((a, b))) for k, a, b, *_ in _conflicts(corpus) if k == "number"}
    assert ("number", frozenset({"seven", "eight"})) in numbers
    pairs = [
        (pa, pb)
        for k, a, b, pa, pb in _conflicts(corpus)
        if k == "number" and {a, b} == {"seven", "eight"}
    ]
    assert len(pairs) == 2  # Express against AFP, and against the third outlet


def test_in_2024_against_so_far_this_year(corpus) -> None:
    """ "nine million rounds ... in 2024" conflicts with "... so far this year" (a 2025 article)."""
    dates = [
        (c.a, c.b, c.explanation)
        for link in corpus.links
        for c in link.conflicts
        if c.kind == "date"
        and "nine million" in corpus.passage(link.a).text
        and "nine million" in corpus.passage(link.b).text
    ]
    assert len(dates) == 2  # both dated reports against the undated one
    for a, b, explanation in dates:
        assert {a, b} == {"2024", "so far this year"}
        assert "2024 vs 2025" in explanation and "inferred" in explanation


def test_last_october_is_consistent_with_formed_in_2024(corpus) -> None:
    """Resolved against June 2025, "last October" lies inside 2024: no date conflict."""
    for kind, a, b, *_ in _conflicts(corpus):
        if kind == "date":
            assert "last October" not in (a, b)


def test_passages_shared_by_all_three_are_linked(corpus) -> None:
    """The claim all three outlets report (about 600 soldiers killed) links all three."""
    story = corpus.stories[0]
    alignment = corpus.alignment(story.id)
    soldiers = [
        p
        for a in corpus.story_articles(story.id)
        for p in a.passages
        if "600 North Korean soldiers" in p.text
    ]
    assert len(soldiers) == 3
    for passage in soldiers:
        assert alignment.status(passage.id) == "match"
        linked = {
            corpus.passage(newsterm.model.other_end(link, passage.id)).article_id
            for link in alignment.links_of(passage.id)
            if link.relation == "match"
        }
        assert len(linked) == 2


def test_compare_is_symmetric_in_relation() -> None:
    a = "The factory employs 300 workers, the company said."
    b = "The factory employs 450 workers, the company said."
    assert compare(a, b).relation == compare(b, a).relation == "conflict"


def test_compare_resolves_relative_dates_against_publication() -> None:
    """ "last year" in 2025 is 2024; "in 2023" is not."""
    a = "The ministry said exports fell last year."
    b = "The ministry said exports fell in 2023."
    result = compare(a, b, published_a="2025-03-01", published_b="2025-03-01")
    assert result.relation == "conflict"
    assert [c.kind for c in result.conflicts] == ["date"]
    agreeing = compare(a, "The ministry said exports fell in 2024.", "2025-03-01", "2025-03-01")
    assert agreeing.relation == "match"


def test_load_reports_errors_without_stopping(tmp_path, seeds) -> None:
    """A bad source becomes a LoadError; the rest loads."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n")
    seen = []
    corpus = newsterm.load([seeds, bad], on_error=seen.append)
    assert len(corpus.articles) == 3
    assert [str(e) for e in corpus.errors] == [
        f"{bad}:1: invalid JSON (Expecting property name enclosed in double quotes)"
    ]
    assert seen == list(corpus.errors)
