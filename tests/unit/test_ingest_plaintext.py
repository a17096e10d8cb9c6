"""Plain-text and Markdown articles: title, date, outlet and body from messy real-world files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsterm.ingest.clean import clean_body, is_boilerplate, unwrap
from newsterm.ingest.metadata import dateline, labelled_date_line, outlet_from_stem
from newsterm.ingest.plaintext import parse_plaintext, read_plaintext


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "11:17, Tue, Jun 3, 2025 | UPDATED: 11:27, Tue, Jun 3, 2025",
            datetime(2025, 6, 3, 11, 17),
        ),
        ("Published: 4 March 2024 | Updated: 5 March 2024", datetime(2024, 3, 4)),
        ("Monday, 12 February 2024 08:05", datetime(2024, 2, 12, 8, 5)),
        ("2023-11-30", datetime(2023, 11, 30)),
        ("Posted on Jan. 9, 2022 at 6:45 pm", datetime(2022, 1, 9, 18, 45)),
    ],
)
def test_dateline_takes_the_first_date(line: str, expected: datetime) -> None:
    """A line of dates gives its first one: publication, not the update."""
    assert dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The talks began in March 2024 and ended without agreement.",
        "North Korea says military ties with Russia to ensure 'peace'",
        "Around 600 soldiers have been killed.",
        "",
    ],
)
def test_dateline_rejects_prose(line: str) -> None:
    """A sentence that merely mentions a date is not a dateline."""
    assert dateline(line) is None


def test_labelled_date_line_splits_date_and_title() -> None:
    """ " date 2025-06-02 <title>" carries both the date and the headline."""
    found = labelled_date_line(" date 2025-06-02 Storm closes schools across the region")
    assert found == (datetime(2025, 6, 2), "Storm closes schools across the region")


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


@pytest.mark.parametrize(
    ("stem", "outlet"),
    [
        ("Reuters - Storm closes schools", "Reuters"),
        ("bbc__storm-closes-schools", "BBC"),
        ("000_1e57c82900ebba1d", None),
        ("storm-closes-schools", None),
    ],
)
def test_outlet_from_file_name(stem: str, outlet: str | None) -> None:
    """A file name names its outlet only in the usual "Outlet - title" shapes."""
    assert outlet_from_stem(stem) == outlet


def test_outlet_from_wire_dateline() -> None:
    """ "LONDON (Reuters) -" in the first paragraph names the outlet."""
    doc = parse_plaintext(
        "Shares slide in early trade\nLONDON (Reuters) - Shares fell on Monday as investors fled.\n"
    )
    assert doc.source == "Reuters"


@pytest.mark.parametrize(
    "line",
    [
        "Others are reading now",
        "Also read",
        "READ MORE:",
        "Advertisement",
        "Story continues below advertisement",
        "Invalid email",
        "Share this article",
        "We use your sign-up to provide content in ways you've consented to. "
        "You can unsubscribe at any time. Read our Privacy Policy",
        "Sign up to our newsletter and receive the best stories in your inbox. "
        "See our privacy notice.",
        "Kim and Putin met in Pyongyang last year (Image: Getty)",
        "Photo: Jane Doe/AP",
        "© 2024 The Example Times. All rights reserved.",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    """Page furniture from any outlet is recognised by its shape, not its exact words."""
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter's editor resigned on Monday after the board met.",
        "Officials said they would share more information on Friday.",
        "Subscription numbers fell by a third, the company said.",
        "Read the full statement, the minister urged reporters.",
    ],
)
def test_story_lines_are_kept(line: str) -> None:
    """Reporting that happens to mention a newsletter or sharing is not boilerplate."""
    assert not is_boilerplate(line)


def test_clean_body_drops_boilerplate_and_blank_lines() -> None:
    """The cleaned body has one paragraph per line and none of the furniture."""
    body, dropped = clean_body(
        "First paragraph.\n\nAlso read\n\nInvalid email\nSecond paragraph.\n"
    )
    assert body == "First paragraph.\nSecond paragraph."
    assert dropped == 2


def test_unwrap_joins_hard_wrapped_paragraphs() -> None:
    """Wire copy wrapped at a fixed width becomes one line per paragraph."""
    text = (
        "Showers continued throughout the week in\n"
        "the cocoa zone, alleviating the drought since early\n"
        "January, the review said.\n"
        "    The dry period means the harvest will be late\n"
        "this year, traders said.\n"
    )
    assert unwrap(text).split("\n") == [
        "Showers continued throughout the week in the cocoa zone, alleviating the drought "
        "since early January, the review said.",
        "The dry period means the harvest will be late this year, traders said.",
    ]


def test_read_plaintext_from_disk(write) -> None:
    """A file on disk becomes one document that points back to its path."""
    path: Path = write("Reuters - Talks.txt", "Talks resume\nTalks resumed on Monday in Geneva.\n")
    [doc] = read_plaintext(path)
    assert doc.location == str(path)
    assert doc.source == "Reuters"
    assert doc.title == "Talks resume"
