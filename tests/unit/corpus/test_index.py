"""The startup index: terms, search and candidate retrieval by postings."""

from __future__ import annotations

import os
import subprocess
import sys

import newsterm
import newsterm.corpus.index
import newsterm.corpus.stories
from newsterm.corpus.index import SHINGLE, names_in, shingles, term_of, terms


def _corpus(tmp_path, articles: dict[str, str]):
    for name, text in articles.items():
        (tmp_path / name).write_text(text)
    return newsterm.load([tmp_path])


def test_terms_drop_stopwords_and_merge_inflections_and_synonyms() -> None:
    """Index terms are content words, stemmed, with synonyms merged."""
    assert terms("The soldiers were wounded in the attacks") == terms("soldier injured attack")
    assert term_of("the") is None and term_of("not") is None and term_of("2024") is None


def test_shingles_spot_copies_and_are_the_same_in_every_process() -> None:
    """A copy shares every run of term ids, a trimmed copy all but the cut ones, another text
    none; and the hashes do not change with the process's string-hash salt, since a cached
    index's shingles are compared with those of articles indexed in a later run."""
    ids = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    assert shingles(ids) == shingles(list(ids))
    assert len(shingles(ids) & shingles(ids[2:])) == len(ids) - 2 - SHINGLE + 1
    assert not shingles(ids) & shingles([7, 8, 7, 8, 7])
    assert shingles([]) == frozenset()
    script = f"from newsterm.corpus.index import shingles; print(sorted(shingles({ids!r})))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{sorted(shingles(ids))}\n"}


def test_search_finds_passages_with_all_words(tmp_path) -> None:
    """Search matches every query word by stem, across articles, in reading order."""
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "Harbour\nThe harbour flooded on Monday.\nFishermen lost boats.\n",
            "b.txt": "Storm\nBoats were lost when the storm flooded the harbour.\n",
        },
    )
    hits = [corpus.passage(h.passage_id).text for h in corpus.index.search("flooding harbours")]
    assert hits == [
        "The harbour flooded on Monday.",
        "Boats were lost when the storm flooded the harbour.",
    ]
    assert corpus.index.search("volcano") == []
    assert corpus.index.search("the") == []


def test_similar_articles_come_from_shared_terms(tmp_path) -> None:
    """Articles about the same event are candidates of each other; an unrelated one is not."""
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "Quake hits Valdoria\nA magnitude 6.1 earthquake struck Valdoria province, "
            "collapsing the Mirela bridge.\n",
            "b.txt": "Valdoria earthquake\nThe earthquake in Valdoria province brought down the "
            "Mirela bridge, officials said.\n",
            "c.txt": "Chess final\nThe chess final in Oslo ended in a draw after six hours.\n",
        },
    )
    index = corpus.index
    number = {a.id: n for n, a in enumerate(corpus.articles)}
    candidates = [j for j, _ in index.similar_articles(number["a"])]
    assert candidates == [number["b"]]
    assert [sorted(s.article_ids) for s in corpus.stories] == [["a", "b"], ["c"]]


def test_later_candidates_are_the_later_part_of_all_and_a_zero_minimum_keeps_only_the_met(
    tmp_path,
) -> None:
    """Grouping asks each article only for the articles after it: the same candidates in the
    same order as the full list cut there. Scores are binned over the whole pile, so an
    article that shares no term scores 0 and must not pass a minimum of 0."""
    corpus = _corpus(
        tmp_path,
        {
            f"{name}.txt": f"Valdoria quake {name}\nAn earthquake struck Valdoria province, "
            f"collapsing the Mirela bridge near {name}.\n"
            for name in ("a", "b", "c", "d")
        }
        | {"z.txt": "Chess final\nThe chess final in Oslo ended in a draw after six hours.\n"},
    )
    index = corpus.index
    number = {a.id: n for n, a in enumerate(corpus.articles)}
    for n in range(index.size):
        every = index.similar_articles(n, 0.0)
        assert index.similar_articles(n, 0.0, later=True) == [(j, s) for j, s in every if j > n]
        assert n not in [j for j, _ in every]
    for name in "abcd":
        quake = index.similar_articles(number[name], 0.0)
        assert sorted(j for j, _ in quake) == sorted(number[k] for k in "abcd" if k != name)
    assert index.similar_articles(number["z"], 0.0) == []


def test_a_tables_row_labels_are_not_names_but_its_dates_and_wrapped_prose_are() -> None:
    """Wire earnings briefs are tables: their rows open with the same capitalised labels in
    every brief, and counted as names those made every brief share its "names" with every
    other. A month opening a row is a date, and a name opening a hard-wrapped line of prose is
    still a name."""
    text = (
        "Harbour Freight Inc said on Monday its profit rose.\n"
        "    Oper shr 21 cts vs 18 cts\n"
        "    Revs 7,866,000 vs 5,503,000\n"
        "    Pay March 31\n"
        "The board of\n"
        "Harbour Freight met in Dunmere."
    )
    found = names_in(text)
    assert "Oper" not in found and "Revs" not in found and "Pay March" not in found
    assert "March" in found
    assert "Harbour Freight" in found and "Dunmere" in found


def test_a_row_whose_figure_is_written_in_words_is_a_label_too() -> None:
    """In "Record April Nine" the row's figure is a number word, capitalised as the label is, so
    the run of capitals takes it in. Counted as a name, every brief with that row shared it."""
    text = (
        "Shares of Seller Cove Inc rose.\n"
        "Qtly div 14 cts vs 12 cts prior\n"
        "Pay May 22\n"
        "Record April Nine"
    )
    found = names_in(text)
    assert "Record April Nine" not in found and "Record April" not in found
    assert "April" in found and "Seller Cove Inc" in found


def test_indexing_and_grouping_report_progress_as_they_go(tmp_path, monkeypatch) -> None:
    """Each stage reports how far it has got, not only that it started: on a big pile the
    indexing and grouping bars would otherwise stand at zero for seconds."""
    monkeypatch.setattr(newsterm.corpus.index, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(newsterm.corpus.stories, "PROGRESS_EVERY", 1)
    for number in range(4):
        (tmp_path / f"report{number}.txt").write_text(
            f"Report {number} on the harbour\n2024-05-0{number + 1}\n\n"
            f"The harbour in Varne reopened on day {number} after the storm, officials said.\n"
        )
    seen: dict[str, list[tuple[int, int]]] = {}
    newsterm.load(
        [tmp_path],
        progress=lambda stage, done, total: seen.setdefault(stage, []).append((done, total)),
    )
    for stage in ("indexing", "grouping"):
        done = [d for d, _ in seen[stage]]
        assert done == sorted(done) and done[-1] == 4 and len(set(done)) >= 4, (stage, seen[stage])
        assert {t for _, t in seen[stage]} == {4}
