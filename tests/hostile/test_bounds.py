"""Gigantic and strange inputs cost bounded time and say what was done to them."""

from __future__ import annotations

import os
import random
from pathlib import Path

import newsterm
from newsterm.corpus.articles import MAX_ARTICLE_CHARS, MAX_PASSAGE_CHARS


def _one_huge_line(path: Path, size: int, seed: int) -> Path:
    rng = random.Random(seed)
    words = ["harbour", "storm", "seven", "council", "2024", "Monday", "said", "river"]
    line = " ".join(rng.choice(words) for _ in range(size // 6))[:size]
    path.write_text(f"A title\n{line}\n", encoding="utf-8")
    return path


def test_a_megabyte_line_is_cut_into_bounded_passages(tmp_path: Path) -> None:
    """A 2 MB single line loads, in passages no longer than the bound, with a note."""
    path = _one_huge_line(tmp_path / "huge.txt", 2_000_000, seed=1)
    corpus = newsterm.load([path])
    [article] = corpus.articles
    assert len(article.text) <= MAX_ARTICLE_CHARS
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in article.passages)
    assert all(article.text[p.start : p.end] == p.text for p in article.passages)
    [note] = corpus.errors
    assert note.kind == "note" and "truncated" in note.reason and note.location == str(path)


def test_two_huge_articles_align_without_blowing_up(tmp_path: Path) -> None:
    """Alignment over two huge near-identical files finishes (bounded passages, capped text)."""
    _one_huge_line(tmp_path / "a.txt", 600_000, seed=2)
    _one_huge_line(tmp_path / "b.txt", 600_000, seed=3)
    corpus = newsterm.load([tmp_path])
    corpus.align_all()
    assert len(corpus.articles) == 2


def test_a_fifo_is_refused_not_opened(tmp_path: Path) -> None:
    """Opening a named pipe would block forever: it is reported and skipped."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    corpus = newsterm.load([fifo, newsterm.corpus.load.seeds_path()])
    assert [(e.location, e.reason) for e in corpus.errors] == [(str(fifo), "not a regular file")]
    assert len(corpus.articles) == 3


def test_a_fifo_inside_a_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nA sentence.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    corpus = newsterm.load([tmp_path])
    assert [a.title for a in corpus.articles] == ["Title"]
