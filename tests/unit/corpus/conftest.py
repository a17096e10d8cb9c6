"""Helpers shared by the corpus tests: bare indexed articles, and an article file with a title."""

from __future__ import annotations

from pathlib import Path

from newsterm.corpus.index import Index
from newsterm.model import Article, Passage


def _indexed(texts: list[str]) -> tuple[list[Article], Index]:
    """Bare articles, one passage each, and their index: enough for the split step."""
    articles = []
    for n, text in enumerate(texts):
        passage = Passage(
            id=f"p{n}", article_id=f"x{n}", index=0, start=0, end=len(text), text=text
        )
        articles.append(Article(id=f"x{n}", title="", text=text, passages=(passage,)))
    return articles, Index(articles)


def _write(folder: Path, name: str, title: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
