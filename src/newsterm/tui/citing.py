"""A passage as a citation: its words, then who said it, when, and where to find it again.

What `y` copies. A reporter who quotes a passage needs its outlet, date and address with it, and
for a passage other outlets tell differently, their versions too, each with its own, so that
the disagreement can be checked at its sources rather than taken from newsterm's word. Plain
text, with no markup: it is pasted into notes, mail and chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsterm.model import (
    Article,
    Link,
    Passage,
    StoryAlignment,
    format_date,
    other_end,
    where_from,
)

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

GLYPHS = {"conflict": "≠", "update": "Δ"}


def cite(article: Article) -> str:
    """'Outlet, 3 Jun 2025, https://...'; a file name standing in for an unknown outlet says
    so, and a file read from disk is named by its path, since it has no address."""
    unnamed = " (file name)" if not article.outlet_known else ""
    return f"{article.label}{unnamed}, {format_date(article)}, {where_from(article)}"


def quoted(passage: Passage, article: Article) -> str:
    """The passage in quotation marks, then its source on a line of its own."""
    return f"“{passage.text}”\n— {cite(article)}"


@dataclass(frozen=True, slots=True)
class Citation:
    """The text to copy, and what the notification says was copied."""

    text: str
    summary: str


def _disputes(alignment: StoryAlignment | None, passage: Passage) -> list[Link]:
    """The links that tell the passage differently: conflicts, then updates, as ranked."""
    if alignment is None:
        return []
    return [link for link in alignment.links_of(passage.id) if link.conflicts]


def citation(corpus: Corpus, alignment: StoryAlignment | None, passage: Passage) -> Citation:
    """The passage with its outlet, date and address; for one in conflict (or told
    differently later), each other version with its own and the explanation of the
    difference."""
    article = corpus.article(passage.article_id)
    parts = [quoted(passage, article)]
    disputes = _disputes(alignment, passage)
    for link in disputes:
        there = corpus.passage(other_end(link, passage.id))
        parts.append(quoted(there, corpus.article(there.article_id)))
        parts[-1] += "".join(
            f"\n{GLYPHS[link.relation]} {conflict.kind}: {conflict.explanation}"
            for conflict in link.conflicts
        )
    if not disputes:
        where = "its link" if article.url else "its file (no link)"
        summary = f"Copied the passage with {article.label}, {format_date(article)} and {where}."
    else:
        kinds = sorted({c.kind for link in disputes for c in link.conflicts})
        versions = f"{len(disputes)} other version{'s' if len(disputes) != 1 else ''}"
        summary = (
            f"Copied the passage and its {versions} ({', '.join(kinds)}), each cited with its "
            "outlet, date and link (or file), and what differs."
        )
    heading = "" if not disputes else "Told differently:\n\n"
    text = parts[0] + ("\n\n" + heading + "\n\n".join(parts[1:]) if disputes else "")
    return Citation(text + "\n", summary)
