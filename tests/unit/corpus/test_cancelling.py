"""A load can be called off between small pieces of work, at every stage, and changes nothing
when it is not: the app passes a pause that says no once the reader quits (see
newsterm.support.pausing), and quitting must not wait for a build of a minute to finish."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import newsterm.corpus.articles
import newsterm.ingest.sources
from newsterm.corpus import stories
from newsterm.corpus.articles import build_articles
from newsterm.corpus.index import Index
from newsterm.corpus.load import load
from newsterm.corpus.stories import group_stories
from newsterm.ingest.sources import read_sources
from newsterm.support import forking
from newsterm.support.pausing import Cancelled

TOWNS = ["Oldhaven", "Marrow Creek", "Lindqvist", "Brannock", "Pellworth", "Ashby"]
EVENTS = [
    "a fire swept through the textile mill",
    "floods closed the ferry terminal",
    "the council voted to rebuild the bridge",
    "a storm cut power to the harbour",
]


class Countdown:
    """A pause that says yes `allowed` times and no after that; it counts every call."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls <= self.allowed


def _always() -> Countdown:
    return Countdown(10**9)


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    """Twenty-four short reports: four events in six towns, each told twice."""
    folder = tmp_path / "pile"
    folder.mkdir()
    number = 0
    for town in TOWNS:
        for event in EVENTS:
            for outlet in ("Herald", "Courier"):
                number += 1
                (folder / f"{number:03d}-{outlet}.txt").write_text(
                    f"In {town}, {event}\n2024-03-0{1 + number % 5}\n\n"
                    f"In {town} on Monday {event}, officials said. "
                    f"The {outlet} counted {number} witnesses in {town}.\n",
                    encoding="utf-8",
                )
    return folder


def _no_errors(_where: str, _why: str) -> None:
    pass


def test_reading_sources_stops_at_the_first_no(pile: Path, monkeypatch) -> None:
    """Between files: once the pause says no, no further file is opened."""
    opened: list[Path] = []
    read_file = newsterm.ingest.sources.read_file

    def counted(path: Path, *args, **kwargs):
        opened.append(path)
        return read_file(path, *args, **kwargs)

    monkeypatch.setattr(newsterm.ingest.sources, "read_file", counted)
    with pytest.raises(Cancelled):
        read_sources([pile], _no_errors, lambda: False)
    assert opened == []
    pause = Countdown(5)
    with pytest.raises(Cancelled):
        read_sources([pile], _no_errors, pause)
    assert pause.calls == pause.allowed + 1
    assert 0 < len(opened) < pause.allowed


def test_building_articles_stops_at_the_first_no(pile: Path, monkeypatch) -> None:
    documents = read_sources([pile], _no_errors)
    built: list[str] = []
    build_article = newsterm.corpus.articles.build_article

    def counted(document, article_id):
        built.append(article_id)
        return build_article(document, article_id)

    monkeypatch.setattr(newsterm.corpus.articles, "build_article", counted)
    pause = Countdown(3)
    with pytest.raises(Cancelled):
        build_articles(documents, _no_errors, None, pause)
    assert len(built) == 3 and pause.calls == 4


def _stops_anywhere(run, total: int) -> None:
    """`run(pause)` raises Cancelled at the first no, wherever in its `total` steps it comes."""
    for allowed in sorted({0, 1, total // 3, total // 2, 2 * total // 3, total - 1}):
        pause = Countdown(allowed)
        with pytest.raises(Cancelled):
            run(pause)
        assert pause.calls == allowed + 1, f"went on after a no at step {allowed + 1}"


def test_indexing_stops_at_the_first_no_and_is_unchanged_without_one(pile: Path) -> None:
    articles = newsterm.load([pile]).articles
    counted = _always()
    index = Index(articles, pause=counted)
    assert counted.calls > len(articles)  # the articles, then the vectors
    _stops_anywhere(lambda pause: Index(articles, pause=pause), counted.calls)
    plain = Index(articles)
    assert index.term_ids == plain.term_ids and index.vectors == plain.vectors
    assert index.passage_postings == plain.passage_postings


def test_grouping_stops_at_the_first_no_and_is_unchanged_without_one(pile: Path) -> None:
    corpus = newsterm.load([pile])
    articles, index = list(corpus.articles), corpus.index
    counted = _always()
    grouped = group_stories(articles, index, pause=counted)
    assert counted.calls > len(articles)  # links, the split of each group, then each story
    _stops_anywhere(lambda pause: group_stories(articles, index, pause=pause), counted.calls)
    assert grouped == group_stories(articles, index)
    assert grouped[1] == list(corpus.stories)


def test_forked_link_search_is_asked_in_the_parent_only(pile: Path, monkeypatch) -> None:
    """A forked worker cannot hear a no said after it forked: the pause is asked between spans,
    in the process that forked them, and never inside a worker."""
    if not forking.can_fork():
        pytest.skip("forking needs Linux and a single thread")
    corpus = newsterm.load([pile])
    articles, index = list(corpus.articles), corpus.index
    monkeypatch.setattr(stories, "FORK_MIN_ARTICLES", 1)
    parent = os.getpid()
    asked_in: set[int] = set()

    def pause() -> bool:
        asked_in.add(os.getpid())
        return os.getpid() == parent  # a worker asking would be cancelled, and say so

    assert group_stories(articles, index, workers=2, pause=pause)[1] == list(corpus.stories)
    assert asked_in == {parent}


def test_a_whole_load_stops_at_the_first_no_and_is_unchanged_without_one(pile: Path) -> None:
    counted = _always()
    corpus = load([pile], pause=counted)
    _stops_anywhere(lambda pause: load([pile], pause=pause), counted.calls)
    plain = load([pile])
    assert corpus.stories == plain.stories and corpus.articles == plain.articles
