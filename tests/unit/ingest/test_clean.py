"""Cleaning a body: page furniture out, story lines kept, hard-wrapped paragraphs joined."""

from __future__ import annotations

import pytest

from newsterm.ingest.clean import clean_body, is_boilerplate, unwrap


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
