"""The on-disk corpus cache: a second start is served from disk, and never from a stale copy."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

import newsterm.corpus.corpus
import newsterm.corpus.load
from newsterm import load
from newsterm.cli import main
from newsterm.corpus import cache
from newsterm.export import to_json_data
from newsterm.model import LoadError
from newsterm.support import frames

STORY = """{title}
2024-04-0{day}

{body}
"""


@pytest.fixture
def pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two outlets on a storm, one on a vote; small enough that the size floor is lowered."""
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "Herald - storm.txt").write_text(
        STORY.format(
            title="Storm floods the coastal town of Marlow",
            day=2,
            body="Floodwater reached 300 homes in Marlow on Monday, the fire service said.",
        ),
        encoding="utf-8",
    )
    (folder / "Courier - storm.txt").write_text(
        STORY.format(
            title="Marlow flooded as storm hits the coast",
            day=3,
            body="Floodwater reached 350 homes in Marlow on Monday, the fire service said.",
        ),
        encoding="utf-8",
    )
    (folder / "Gazette - vote.txt").write_text(
        STORY.format(
            title="Council approves the new library budget",
            day=4,
            body="The council voted to fund the library for another five years.",
        ),
        encoding="utf-8",
    )
    return folder


def no_build(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the corpus was built again instead of read from the cache")


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.corpus.msgpack"))


def test_a_second_load_of_the_same_sources_is_read_from_disk(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load([pile], cache=True)
    assert len(cached_files(private_cache)) == 1
    monkeypatch.setattr(newsterm.corpus.load, "_build", no_build)
    second = load([pile], cache=True)
    assert [a.text for a in second.articles] == [a.text for a in first.articles]
    assert [s.article_ids for s in second.stories] == [s.article_ids for s in first.stories]
    story = next(s for s in second.stories if len(s.article_ids) == 2)
    conflicts = [link for link in second.alignment(story.id).links if link.relation == "conflict"]
    assert conflicts and "300" in conflicts[0].conflicts[0].explanation


def test_an_edited_file_is_read_again(pile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load([pile], cache=True)
    path = pile / "Gazette - vote.txt"
    stat = path.stat()
    # Same length and the same modification time: only the change time tells.
    path.write_text(path.read_text(encoding="utf-8").replace("five", "nine"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = load([pile], cache=True)
    assert any("nine years" in a.text for a in again.articles)


def test_a_file_added_to_a_folder_is_seen(pile: Path) -> None:
    assert len(load([pile], cache=True).articles) == 3
    (pile / "Tribune - storm.txt").write_text(
        STORY.format(title="Marlow storm", day=3, body="Floods hit 300 homes in Marlow."),
        encoding="utf-8",
    )
    assert len(load([pile], cache=True).articles) == 4


def test_a_damaged_cache_file_is_dropped_and_the_corpus_built_again(
    pile: Path, private_cache: Path
) -> None:
    load([pile], cache=True)
    (stored,) = cached_files(private_cache)
    stored.write_bytes(stored.read_bytes()[:100])
    corpus = load([pile], cache=True)
    assert len(corpus.articles) == 3
    (rewritten,) = cached_files(private_cache)
    assert rewritten.stat().st_size > 100


def test_a_cache_folder_others_may_write_is_not_trusted(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pickle runs code when it loads: one that someone else could have put there is ignored."""
    load([pile], cache=True)
    private_cache.chmod(0o777)
    monkeypatch.setattr(newsterm.corpus.load, "_build", no_build)
    with pytest.raises(AssertionError, match="built again"):
        load([pile], cache=True)


def test_small_piles_and_loads_without_cache_leave_nothing_on_disk(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load([pile])
    assert cached_files(private_cache) == []
    monkeypatch.setattr(cache, "MIN_ARTICLES", 4)
    load([pile], cache=True)
    assert cached_files(private_cache) == []


def test_problems_with_sources_are_reported_again_from_the_cache(pile: Path) -> None:
    (pile / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    first: list[LoadError] = []
    load([pile], cache=True, on_error=first.append)
    second: list[LoadError] = []
    corpus = load([pile], cache=True, on_error=second.append)
    assert first and second == first
    assert corpus.errors == tuple(first)


def test_only_the_most_recently_used_corpora_are_kept(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    for number in range(cache.KEEP + 2):
        source = tmp_path / f"note{number}.txt"
        source.write_text(f"Note {number}\n\nThe ferry left at {number} o'clock.\n", "utf-8")
        load([source], cache=True)
    assert len(cached_files(private_cache)) == cache.KEEP


def test_export_keeps_a_cache_unless_told_not_to(
    pile: Path, private_cache: Path, tmp_path: Path
) -> None:
    export = ["export", "--quiet", "--format", "json", str(pile), "-o"]
    assert main([*export, str(tmp_path / "first.json")]) == 0
    assert len(cached_files(private_cache)) == 1
    cache.clear()
    assert main([*export, str(tmp_path / "second.json"), "--no-cache"]) == 0
    assert cached_files(private_cache) == []
    assert (tmp_path / "first.json").read_text() == (tmp_path / "second.json").read_text()


def test_an_export_keeps_its_comparisons_for_the_next_one(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load([pile], cache=True)
    expected = [(a.story_id, a.links) for a in first.align_all()]
    assert len(list(private_cache.glob(f"*{cache.ALIGNMENTS}"))) == 1

    def no_align(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a story was compared again instead of read from the cache")

    monkeypatch.setattr(newsterm.corpus.corpus, "align_story", no_align)
    second = load([pile], cache=True)
    assert [(a.story_id, a.links) for a in second.align_all()] == expected


def test_a_database_log_beside_a_source_is_part_of_the_key(pile: Path) -> None:
    """newsboat's SQLite cache can hold new items in `cache.db-wal` while cache.db is unchanged."""
    database = pile / "cache.db"
    database.write_bytes(b"not really a database")
    before = cache.key_for([database])
    (pile / "cache.db-wal").write_bytes(b"new rows")
    assert cache.key_for([database]) != before


def test_the_index_of_a_cached_corpus_still_finds_passages(pile: Path) -> None:
    first = load([pile], cache=True)
    second = load([pile], cache=True)
    assert second.in_cache
    hits = second.index.search("floodwater")
    # Scores too: a term's weight depends on how many articles the index holds.
    assert hits == first.index.search("floodwater")
    assert {second.passage(h.passage_id).article_id for h in hits} == {
        a.id for a in second.articles if "Floodwater" in a.text
    }


def test_a_save_called_off_midway_leaves_no_file(pile: Path, private_cache: Path) -> None:
    corpus = load([pile], cache=True, save=False)
    assert not cached_files(private_cache)
    assert corpus.save_to_cache(pause=lambda: False) is False
    assert not corpus.in_cache
    assert not cached_files(private_cache)
    assert not list(private_cache.glob("*.part"))
    assert corpus.save_to_cache() is True
    assert len(cached_files(private_cache)) == 1


def test_newsterm_cache_says_where_the_cache_is_and_how_big(
    pile: Path, private_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cache"]) == 0
    assert f"{private_cache}: 0 cached corpora, 0.0 MiB" in capsys.readouterr().out
    load([pile], cache=True)
    assert main(["cache"]) == 0
    size = sum(path.stat().st_size for path in private_cache.iterdir())
    assert f"{private_cache}: 1 cached corpus, {size / 2**20:,.1f} MiB" in capsys.readouterr().out


def test_newsterm_cache_clear_deletes_only_what_newsterm_wrote(
    pile: Path, private_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = pile.parent / "report.txt"
    assert main(["export", str(pile), "-o", str(export)]) == 0
    assert cached_files(private_cache)
    (private_cache / "mine.txt").write_text("a note of the user's", encoding="utf-8")
    sources = {path: path.read_bytes() for path in pile.iterdir()}
    capsys.readouterr()
    assert main(["cache", "--clear"]) == 0
    assert "Removed 1 cached corpus" in capsys.readouterr().out
    assert sorted(path.name for path in private_cache.iterdir()) == ["mine.txt"]
    assert {path: path.read_bytes() for path in pile.iterdir()} == sources
    assert export.exists()


def test_newsterm_cache_warns_about_a_folder_others_may_write(
    private_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private_cache.chmod(0o777)
    assert main(["cache"]) == 0
    assert "others may write to this folder" in capsys.readouterr().err


def test_articles_are_handed_over_before_the_stories_are_formed_and_not_from_the_cache(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`on_articles` lets a caller start on the articles while the slow part is built; a corpus
    from the cache is ready at once and needs no such early look."""
    events: list[str] = []
    handed: list[tuple[str, ...]] = []
    grouping = newsterm.corpus.load.group_stories

    def noted_grouping(index: object, *rest: object) -> object:
        events.append("grouping")
        return grouping(index, *rest)  # type: ignore[arg-type]

    def read(articles: object) -> None:
        events.append("articles")
        handed.append(tuple(a.id for a in articles))  # type: ignore[attr-defined]

    monkeypatch.setattr(newsterm.corpus.load, "group_stories", noted_grouping)
    corpus = load([pile], cache=True, on_articles=read)
    assert events == ["articles", "grouping"]
    assert len(handed) == 1 and sorted(handed[0]) == sorted(a.id for a in corpus.articles)
    events.clear()
    load([pile], cache=True, on_articles=read)
    assert events == []


def test_dates_keep_their_time_zone_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MessagePack keeps an aware datetime's instant, not its zone: the zone is stored beside it,
    so that a report of a cached corpus shows the time as published."""
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    records = [
        {"title": f"Ferry {n}", "text": f"The ferry left at {n} o'clock.", "published": when}
        for n, when in enumerate(
            [
                "2024-04-02T10:00:00+05:30",
                "2024-04-02T10:00:00Z",
                "2024-04-02T10:00:00-03:15:30",
                "2024-04-02T10:00:00.250000",
                None,
            ]
        )
    ]
    source = tmp_path / "ferries.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first = load([source], cache=True)
    second = load([source], cache=True)
    assert second.in_cache
    dates = [(a.published.isoformat() if a.published else None) for a in first.articles]
    assert [(a.published.isoformat() if a.published else None) for a in second.articles] == dates
    assert "2024-04-02T10:00:00+05:30" in dates


def test_every_table_of_the_index_comes_back_from_the_cache(pile: Path) -> None:
    first = load([pile], cache=True)
    second = load([pile], cache=True)
    assert second.in_cache
    # The search arrays are not stored but rebuilt on first use, the same.
    rebuilt = {"_search"}
    tables = {name: table for name, table in vars(first.index).items() if name not in rebuilt}
    # Tables are decoded on first use: each one asked for comes back, and no other.
    for name, table in tables.items():
        assert getattr(second.index, name) == table, name
        assert type(getattr(second.index, name)) is type(table), name
    assert vars(second.index).keys() - rebuilt - cache._StoredIndex.OWN == tables.keys()

    def plain(search: dict) -> dict:
        return {term: (ids.tolist(), weights.tolist()) for term, (ids, weights) in search.items()}

    assert plain(second.index.prepare_search()) == plain(first.index.prepare_search())


def test_an_index_with_a_table_the_cache_does_not_know_is_not_stored(
    pile: Path, private_cache: Path
) -> None:
    """It would come back without that table: better no cache than a wrong one."""
    corpus = load([pile], cache=True, save=False)
    corpus.index.added_later = {}  # type: ignore[attr-defined]
    assert corpus.save_to_cache() is False
    assert cached_files(private_cache) == []
    assert not list(private_cache.glob("*.part"))


def test_pickles_of_an_older_newsterm_are_never_read_and_are_swept_away(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = private_cache / ("0" * 64 + ".corpus.pickle")
    old.write_bytes(pickle.dumps((2, "0" * 64)) + pickle.dumps(("one",)) + pickle.dumps([]))
    old_comparisons = old.with_name(old.name.replace(".corpus.", ".alignments."))
    old_comparisons.write_bytes(pickle.dumps({}))
    load([pile], cache=True)
    assert not old.exists() and not old_comparisons.exists()
    assert len(cached_files(private_cache)) == 1


def test_newsterm_cache_does_not_vouch_for_a_folder_that_is_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "real").mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "link"))
    assert cache.usage().trusted is False
    assert main(["cache"]) == 0
    assert "never read" in capsys.readouterr().err


def test_an_export_served_from_the_cache_decodes_none_of_the_index(pile: Path) -> None:
    """Its tables are most of the file, and the stored comparisons leave nothing to ask them."""
    assert main(["export", str(pile), "--format", "json", "--quiet", "-o", os.devnull]) == 0
    corpus = load([pile], cache=True)
    data = to_json_data(corpus)
    assert data["links"] and corpus.in_cache
    assert isinstance(corpus.index, cache._StoredIndex)
    assert vars(corpus.index).keys() == cache._StoredIndex.OWN


def test_an_undecodable_table_of_a_cached_index_deletes_the_file(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole and unaltered, yet not of its declared type: not a file this newsterm wrote."""
    load([pile], cache=True)
    tables = {**cache._INDEX_TABLES, "article_df": list[str]}
    monkeypatch.setattr(cache, "_INDEX_TABLES", tables)
    corpus = load([pile], cache=True)
    assert corpus.in_cache
    with pytest.raises(frames.Damaged):
        corpus.index.article_df  # noqa: B018
    assert cached_files(private_cache) == []
