"""Plain-text and Markdown articles: one article per file, metadata found in the first lines."""

from __future__ import annotations

import re
from pathlib import Path

from newsterm.facts.timestamps import parse_date
from newsterm.ingest.clean import strip_markdown
from newsterm.ingest.decode import read_text
from newsterm.ingest.document import Document, SourceError
from newsterm.ingest.metadata import (
    dateline,
    labelled_date_line,
    outlet_from_stem,
    outlet_from_text,
    read_front_matter,
)
from newsterm.ingest.sanitize import sanitize, sanitize_line

SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".mkd")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$")
_MAX_TITLE = 300


def parse_plaintext(
    raw: str, *, location: str = "", stem: str = "", markdown: bool = False
) -> Document:
    """Split a text article into title, date, outlet and body, trusting nothing to be present."""
    text = sanitize(raw)
    fields, text = read_front_matter(text)
    title = fields.get("title", "")
    if markdown or fields:
        lines = text.split("\n")
        for i, line in enumerate(lines[:5]):
            heading = _MARKDOWN_HEADING.match(line)
            if heading:
                if not title:
                    title = heading.group(1)
                    del lines[i]
                break
        text = strip_markdown("\n".join(lines))
    published = parse_date(fields["published"]) if fields.get("published") else None
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)

    head = labelled_date_line(lines[0]) if lines else None
    if head is not None:
        published = published or head[0]
        if head[1] and not title:
            title = head[1]
        lines.pop(0)
    elif lines and dateline(lines[0]):
        published = published or dateline(lines[0])
        lines.pop(0)
    while lines and not lines[0]:
        lines.pop(0)
    if not title and lines and len(lines[0]) <= _MAX_TITLE:
        title = lines.pop(0)
    # A dateline usually sits just under the title, sometimes under a standfirst or a byline.
    for i, line in enumerate(lines[:4]):
        if not line:
            continue
        found = dateline(line)
        if found:
            published = published or found
            del lines[i]
            break
    body_lines = lines
    if not title:
        first = next((line for line in body_lines if line), "")
        title = " ".join(first.split()[:12]) + ("…" if len(first.split()) > 12 else "")
    source = (
        fields.get("source")
        or outlet_from_text([ln for ln in body_lines if ln])
        or (outlet_from_stem(stem) if stem else None)
    )
    return Document(
        text="\n".join(body_lines).strip("\n"),
        title=sanitize_line(title),
        source=sanitize_line(source) if source else None,
        published=published,
        url=fields.get("url"),
        location=location,
        id=fields.get("id"),
        author=fields.get("author"),
        guid=fields.get("guid"),
    )


def read_plaintext(path: Path) -> list[Document]:
    raw, notes = read_text(path)
    markdown = path.suffix.lower() in (".md", ".markdown", ".mdown", ".mkd")
    document = parse_plaintext(raw, location=str(path), stem=path.stem, markdown=markdown)
    if not document.text.strip():
        raise SourceError("no article text (only a title or metadata)")
    document.notes.extend(notes)
    return [document]
