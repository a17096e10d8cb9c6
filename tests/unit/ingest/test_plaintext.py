"""Plain-text and Markdown articles: title, date, outlet and body from messy real-world files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from newsterm.ingest.plaintext import parse_plaintext, read_plaintext


def test_parse_title_then_dateline_then_body() -> None:
    """The common copied-page shape: headline, dateline, paragraphs."""
    doc = parse_plaintext(
        "Flood waters rise in river town\n"
        "09:30, Wed, Apr 2, 2025 | UPDATED: 10:00, Wed, Apr 2, 2025\n"
        "Residents were evacuated on Tuesday.\n"
        "The river peaked at 5.2 metres.\n"
    )
    assert doc.title == "Flood waters rise in river town"
    assert doc.published == datetime(2025, 4, 2, 9, 30)
    assert doc.text.split("\n") == [
        "Residents were evacuated on Tuesday.",
        "The river peaked at 5.2 metres.",
    ]


def test_parse_without_any_date_never_invents_one() -> None:
    """No date in the text means published is None."""
    doc = parse_plaintext("A headline about nothing in particular\nFirst paragraph here.\n")
    assert doc.published is None
    assert doc.title == "A headline about nothing in particular"


def test_front_matter_wins() -> None:
    """YAML-style front matter gives title, outlet, date and URL directly."""
    doc = parse_plaintext(
        "---\n"
        'title: "Council approves budget"\n'
        "source: The Daily Planet\n"
        "published: 2024-09-14T08:00:00\n"
        "url: https://example.org/budget\n"
        "---\n"
        "The council approved the budget by seven votes to two.\n",
        markdown=True,
    )
    assert (doc.title, doc.source, doc.url) == (
        "Council approves budget",
        "The Daily Planet",
        "https://example.org/budget",
    )
    assert doc.published == datetime(2024, 9, 14, 8, 0)
    assert doc.text.strip() == "The council approved the budget by seven votes to two."


def test_markdown_heading_links_and_emphasis() -> None:
    """Markdown markup disappears but the words stay."""
    doc = parse_plaintext(
        "# Bridge reopens after repairs\n\n"
        "The **bridge** reopened on [Monday](https://example.org), officials said.\n\n"
        "![a photo](photo.jpg)\n",
        markdown=True,
    )
    assert doc.title == "Bridge reopens after repairs"
    assert "The bridge reopened on Monday, officials said." in doc.text
    assert "photo.jpg" not in doc.text


def test_read_plaintext_from_disk(write) -> None:
    """A file on disk becomes one document that points back to its path."""
    path: Path = write("Reuters - Talks.txt", "Talks resume\nTalks resumed on Monday in Geneva.\n")
    [doc] = read_plaintext(path)
    assert doc.location == str(path)
    assert doc.source == "Reuters"
    assert doc.title == "Talks resume"
