"""Documents into articles: the body cleaned, the headline chosen, the text cut into passages.

Each article gets an id unique in the pile (from its record, else its file), and its size is
bounded so that a broken or hostile source costs no more than a long real article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from newsterm.ingest.clean import clean_body, table_lines
from newsterm.ingest.dedup import Merge, deduplicate, merge_notes
from newsterm.ingest.document import Document
from newsterm.model import Article, Passage
from newsterm.support.pausing import Pause, step
from newsterm.text.sentences import MIN_HEADLINE_WORDS, is_heading, segment

# Bounds that keep the time and memory spent on one article in proportion to a real article:
# a news story is a few thousand words; a megabyte of one "sentence" is a broken or hostile file.
MAX_ARTICLE_CHARS = 400_000
MAX_PASSAGE_CHARS = 1_200


Progress = Callable[[str, int, int], None]


def _base_id(document: Document, number: int) -> str:
    if document.id:
        return document.id
    location = document.location
    if location and "://" not in location:
        path_part, _, suffix = location.partition("#")
        stem = Path(re.sub(r":\d+$", "", path_part)).stem
        line = re.search(r":(\d+)$", path_part)
        if line or suffix:
            return f"{stem}-{line.group(1) if line else ''}{suffix}".rstrip("-")
        return stem
    return f"a{number}"


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split sentences longer than MAX_PASSAGE_CHARS at a space, so every passage stays small
    enough to compare (alignment is quadratic in passage length)."""
    out = []
    for start, end in spans:
        while end - start > MAX_PASSAGE_CHARS:
            cut = text.rfind(" ", start + MAX_PASSAGE_CHARS // 2, start + MAX_PASSAGE_CHARS)
            if cut <= start:
                cut = start + MAX_PASSAGE_CHARS
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out


def _headline(title: str, text: str) -> str:
    """The title, when it is a headline worth comparing across outlets; else ''.

    Outlets put a story's claim most plainly in the headline ("Seven killed" against "Eight
    dead"), so it is aligned like any passage. Not when the title is a label ("Politics") or
    merely the opening words of the text, which are compared already.
    """
    words = title.split()
    if len(words) < MIN_HEADLINE_WORDS:
        return ""
    opening = " ".join(text[: len(title) + 40].split()).casefold()
    if opening.startswith(" ".join(words).rstrip("….").casefold()):
        return ""
    return title


def build_article(document: Document, article_id: str) -> Article:
    """Clean a document's body and split it into passages."""
    text, _dropped = clean_body(document.text)
    notes = list(document.notes)
    if document.title and text.startswith(document.title + "\n"):
        text = text[len(document.title) + 1 :]
    if len(text) > MAX_ARTICLE_CHARS:
        cut = text.rfind("\n", 0, MAX_ARTICLE_CHARS)
        text = text[: cut if cut > MAX_ARTICLE_CHARS // 2 else MAX_ARTICLE_CHARS]
        notes.append(f"truncated to its first {len(text):,} characters")
    sentences = segment(text, opens_with_headline=not document.title)
    # Without a title, an opening line segment() kept though heading-shaped is the headline.
    opens = not document.title and bool(sentences) and is_heading(text[slice(*sentences[0])])
    # segment() takes a table's lines for headings; a wire brief is nothing else.
    spans = _bounded(text, sorted({*sentences, *table_lines(text)}))
    headline = _headline(document.title, text)
    first = 1 if headline else 0
    passages = tuple(
        Passage(
            f"{article_id}:{n}",
            article_id,
            n - 1 + first,
            start,
            end,
            text[start:end],
            headline=opens and n == 1,
        )
        for n, (start, end) in enumerate(spans, 1)
    )
    if headline:
        top = Passage(
            f"{article_id}:0",
            article_id,
            0,
            0,
            len(headline),
            headline,
            headline=True,
            in_title=True,
        )
        passages = (top, *passages)
    return Article(
        id=article_id,
        title=document.title or (passages[0].text[:80] if passages else article_id),
        text=text,
        source=document.source,
        published=document.published,
        location=document.location,
        url=document.url,
        passages=passages,
        author=document.author,
        guid=document.guid,
        notes=tuple(notes),
    )


def build_articles(
    documents: Sequence[Document],
    on_error: Callable[[str, str], None],
    progress: Progress | None = None,
    pause: Pause | None = None,
) -> list[Article]:
    """Articles with unique ids, in input order; documents with no passages are reported.
    `pause` runs before each document (see newsterm.support.pausing), so that a pile of
    thousands can be called off between two articles."""
    merges: list[Merge] = []
    documents = deduplicate(documents, merges.append)  # the same article twice is read once
    for where, note in merge_notes(merges):
        on_error(where, f"note: {note}")
    articles: list[Article] = []
    taken: set[str] = set()
    for number, document in enumerate(documents, 1):
        step(pause)
        base = _base_id(document, number)
        article_id, suffix = base, 2
        while article_id in taken:
            article_id, suffix = f"{base}~{suffix}", suffix + 1
        article = build_article(document, article_id)
        for note in article.notes:
            if note.startswith("truncated"):
                on_error(document.location or article_id, f"note: {note}")
        if not article.passages:
            on_error(document.location or article_id, "no article text left after cleaning")
            continue
        taken.add(article_id)
        articles.append(article)
        if progress and number % 200 == 0:
            progress("reading", number, len(documents))
    return articles
