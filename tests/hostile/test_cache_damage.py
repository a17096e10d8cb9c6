"""A cache file that is not what newsterm wrote (cut short, altered, emptied, another key's) is
never used: it is dropped, the corpus is built again from the sources, and the file rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsterm.corpus.load
from newsterm import load
from newsterm.corpus import cache
from newsterm.corpus.corpus import Corpus

TEXT = "{title}\n2024-04-0{day}\n\n{body}\n"


@pytest.fixture
def pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "MIN_ARTICLES", 1)
    folder = tmp_path / "pile"
    folder.mkdir()
    for number, outlet in enumerate(("Herald", "Courier", "Gazette"), 1):
        (folder / f"{outlet} - storm.txt").write_text(
            TEXT.format(
                title=f"Storm floods Marlow, {outlet} reports",
                day=number,
                body=f"Floodwater reached {300 + number} homes in Marlow on Monday, "
                "the fire service said. Roads to the coast were closed.",
            ),
            encoding="utf-8",
        )
    return folder


def summary(corpus: Corpus) -> tuple[object, ...]:
    return (
        [
            (a.id, a.title, a.text, a.published, [p.text for p in a.passages])
            for a in corpus.articles
        ],
        [s.article_ids for s in corpus.stories],
        [(h.passage_id, h.score) for h in corpus.index.search("floodwater")],
    )


def stored(folder: Path, part: str = ".corpus.msgpack") -> Path:
    (path,) = folder.glob(f"*{part}")
    return path


def assert_rebuilt_and_rewritten(
    pile: Path, folder: Path, expected: tuple[object, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The damaged file gave way to a build from the sources, whose result was written whole:
    the next load reads it without building."""
    corpus = load([pile], cache=True)
    assert summary(corpus) == expected
    with monkeypatch.context() as patch:
        patch.setattr(newsterm.corpus.load, "_build", _no_build)
        again = load([pile], cache=True)
    assert summary(again) == expected


def _no_build(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("built again: the rewritten cache file was not used")


@pytest.mark.parametrize("share", [0.0, 0.001, 0.01, 0.1, 0.5, 0.9, 0.999])
def test_a_file_cut_short_is_dropped_and_rebuilt(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    expected = summary(load([pile], cache=True))
    path = stored(private_cache)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * share)])
    assert_rebuilt_and_rewritten(pile, private_cache, expected, monkeypatch)


def test_an_altered_letter_in_an_article_is_never_served(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file still decodes (a letter for a letter), so only a checksum tells."""
    expected = summary(load([pile], cache=True))
    path = stored(private_cache)
    data = path.read_bytes()
    assert data.count(b"Floodwater") >= 3
    path.write_bytes(data.replace(b"Floodwater", b"Gloodwater", 1))
    corpus = load([pile], cache=True)
    assert not any("Gloodwater" in a.text for a in corpus.articles)
    assert_rebuilt_and_rewritten(pile, private_cache, expected, monkeypatch)


@pytest.mark.parametrize("share", [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95])
def test_a_flipped_byte_anywhere_is_dropped_and_rebuilt(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    expected = summary(load([pile], cache=True))
    path = stored(private_cache)
    data = bytearray(path.read_bytes())
    data[int(len(data) * share)] ^= 0x01
    path.write_bytes(bytes(data))
    assert_rebuilt_and_rewritten(pile, private_cache, expected, monkeypatch)


@pytest.mark.parametrize("content", ["empty", "zeros", "text", "another key"])
def test_a_foreign_file_under_the_name_is_dropped_and_rebuilt(
    pile: Path,
    tmp_path: Path,
    private_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
) -> None:
    expected = summary(load([pile], cache=True))
    path = stored(private_cache)
    size = path.stat().st_size
    if content == "another key":
        other = tmp_path / "other.txt"
        other.write_text("Ferry\n\nThe ferry left at noon.\n", encoding="utf-8")
        path.unlink()
        load([other], cache=True)
        stored(private_cache).rename(path)
    else:
        path.write_bytes({"empty": b"", "zeros": bytes(size), "text": b"hello\n" * 100}[content])
    assert_rebuilt_and_rewritten(pile, private_cache, expected, monkeypatch)


def test_damaged_comparisons_are_compared_again(
    pile: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [(a.story_id, a.links, a.unique) for a in load([pile], cache=True).align_all()]
    path = stored(private_cache, cache.ALIGNMENTS)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    corpus = load([pile], cache=True)
    assert corpus.in_cache
    assert [(a.story_id, a.links, a.unique) for a in corpus.align_all()] == expected
    assert stored(private_cache, cache.ALIGNMENTS).stat().st_size == len(data)
