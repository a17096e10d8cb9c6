"""Cleaning a body: page furniture out, story lines and tables kept, hard-wrapped paragraphs
joined."""

from __future__ import annotations

import re

import pytest

from newsterm.corpus.articles import build_article
from newsterm.ingest import clean
from newsterm.ingest.clean import carries_amount, clean_body, is_boilerplate, unwrap
from newsterm.ingest.document import Document


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


def test_a_brief_of_three_wrapped_lines_keeps_every_sentence() -> None:
    """Too few lines to judge the wrapping by its share of broken lines, yet each break is
    mid-sentence: unjoined, the first two lines read as headings and were left out."""
    text = (
        "Barley prices are\n"
        "seen firm on estimated arrivals of 1,200 tonnes, dealers\n"
        "said. Best grades quoted at 9.40 dlrs a bushel.\n"
    )
    assert _passages(text) == [
        "Barley prices are seen firm on estimated arrivals of 1,200 tonnes, dealers said.",
        "Best grades quoted at 9.40 dlrs a bushel.",
    ]


def test_wrapped_prose_after_a_table_is_joined_where_it_runs_on() -> None:
    """A table keeps its rows; the note under it, wrapped mid-sentence, becomes one line.
    After an abbreviation's full stop a line may go on in lower case."""
    rows = [
        "Shr 1.10 dlrs vs 90 cts",
        "Net 4,200,000 vs 3,100,000",
        "Revs 61.5 mln vs 55.0 mln",
        "Nine mths",
        "Shr 3.05 dlrs vs 2.80 dlrs",
        "Net 11.6 mln vs 10.9 mln",
    ]
    note = ["The payout, set by the U.S.", "parent, was converted at 1.35 marks", "per dollar."]
    lines = unwrap("\n".join(rows + note)).split("\n")
    assert lines == [
        *rows,
        "The payout, set by the U.S. parent, was converted at 1.35 marks per dollar.",
    ]


def test_a_heading_over_a_paragraph_stays_a_heading() -> None:
    """A short line that ends on no function word, followed by a capitalised sentence, is a
    heading, not a wrapped line."""
    text = "Market reaction\nShares of the bank fell 3 pct in early trading.\n"
    assert unwrap(text) == text


# A dividend brief and an earnings brief in the shape of Reuters wire copy (figures invented):
# indented lines, no full stops, a sign-off.
DIVIDEND_BRIEF = "Qtly div 14 cts vs 12 cts prior\n    Pay June 2\n    Record May Nine\n Reuter\n"
EARNINGS_BRIEF = (
    "Qtr ended March 31\n"
    "    Shr 42 cts vs 37 cts\n"
    "    Net 5,318,000 vs 4,702,000\n"
    "    Revs 88.4 mln vs 79.9 mln\n"
    "    Nine mths\n"
    "    Shr 1.21 dlrs vs 96 cts\n"
    "    Net 15.3 mln vs 12.2 mln\n"
    "    NOTE: Net for nine mths includes a gain of\n"
    "1,250,000 dlrs or ten cts a share from the sale of its\n"
    "trucking unit.\n"
    " REUTER\n"
)


def _passages(text: str, title: str = "") -> list[str]:
    article = build_article(Document(text=text, title=title), "a")
    return [passage.text for passage in article.passages if not passage.in_title]


def test_a_dividend_brief_keeps_its_lines() -> None:
    """ "Qtly div 14 cts vs 12 cts prior / Pay June 2 / Record May Nine": three lines without a
    full stop, once all taken for headings, so the brief showed only its headline."""
    assert _passages(DIVIDEND_BRIEF, "MERIDIAN PAPER CO <MPC> RAISES QUARTERLY") == [
        "Qtly div 14 cts vs 12 cts prior",
        "Pay June 2",
        "Record May Nine",
    ]


def test_an_earnings_table_keeps_its_rows_labels_and_wrapped_note() -> None:
    """Every row, the "Nine mths" label that says which figures follow, and the note wrapped
    over three lines read as one sentence; the sign-off is not part of the table."""
    assert _passages(EARNINGS_BRIEF, "HARLAND FOODS INC <HFI> 3RD QTR NET") == [
        "Qtr ended March 31",
        "Shr 42 cts vs 37 cts",
        "Net 5,318,000 vs 4,702,000",
        "Revs 88.4 mln vs 79.9 mln",
        "Nine mths",
        "Shr 1.21 dlrs vs 96 cts",
        "Net 15.3 mln vs 12.2 mln",
        "NOTE: Net for nine mths includes a gain of 1,250,000 dlrs or ten cts a share from the "
        "sale of its trucking unit.",
    ]


def test_a_table_inside_a_story_is_kept() -> None:
    """Prose, then a table of two rows with amounts, then prose: all of it."""
    text = (
        "Harland Foods said quarterly profit rose on higher sales of frozen meals.\n"
        "Net 5,318,000 vs 4,702,000\n"
        "Revs 88.4 mln vs 79.9 mln\n"
        "The company said it expects the trend to continue."
    )
    assert _passages(text) == text.split("\n")


def test_a_web_page_keeps_its_table_and_loses_its_furniture() -> None:
    """A saved page: its results table stays; the byline, dateline, newsletter box, teaser and
    credit stay out, and so does a headline stating an amount above its dateline."""
    text = (
        "Harland Foods profit jumps 13% as frozen meals sell\n"
        "By Jane Okafor\n"
        "Published 3 June 2025 10:12 BST\n"
        "Harland Foods said quarterly profit rose on higher sales of frozen meals.\n"
        "Sign up to our business newsletter and get the markets in your inbox. "
        "See our privacy notice.\n"
        "Also read\n"
        "Frozen meals: the results at a glance\n"
        "Revenue £88.4m (£79.9m)\n"
        "Profit £5.3m (£4.7m)\n"
        "Shares £12.40, up 3%\n"
        "The company said it expects the trend to continue.\n"
        "Photo: Jane Okafor/Reuters\n"
    )
    assert _passages(text, "Harland Foods results") == [
        "Harland Foods said quarterly profit rose on higher sales of frozen meals.",
        "Frozen meals: the results at a glance",
        "Revenue £88.4m (£79.9m)",
        "Profit £5.3m (£4.7m)",
        "Shares £12.40, up 3%",
        "The company said it expects the trend to continue.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Shr 21 cts vs 18 cts",
        "Revs 7,866,000",
        "Qtly div seven cts vs six cts prior",
        "Sales 65.9 mln vs 51.1 mln",
        "Qtly div 10 Canadian cts vs 10 Canadian cts prior",
        "MAY 2515 15541 off 885",
        "us/uk 1.6180 - 1.6190",
        "MAY7 284 1/2 UP 1",
        "Exports 4,000 tonnes",
        "Revenue £88.4m",
        "Unemployment 5.2%",
    ],
)
def test_amounts(line: str) -> None:
    assert carries_amount(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published: July 29, 2004",
        "Updated 10.12 BST",
        "POSTED: 10:52 GMT, April 10, 2007",
        "8 / 2 / 13 at 1: 30 PM",
        "Ellen DeGeneres To Host 86th Oscars",
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",
        "Pay March 13",
        "Nine mths",
    ],
)
def test_dates_times_and_ordinals_are_not_amounts(line: str) -> None:
    """A dateline must not turn a run of bylines and datelines into a table."""
    assert not carries_amount(line)


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter, Vision, will be published every three weeks. Annual subscriptions "
        "are 126 dlrs, the company said.",
        "Uniclub said the marketing venture needs the consent of its lenders, it told "
        "shareholders.",
        "(C) - Sales made on exporters' own account.",
    ],
)
def test_reporting_with_form_words_or_a_footnote_mark_is_kept(line: str) -> None:
    """Wire copy about newsletters, marketing or consent, and a table's "(C)" footnote, were
    dropped as sign-up forms and copyright lines (52 Reuters sentences)."""
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service "
        "apply.",
        "Copyright © 2025 Harland Media Ltd. All rights reserved.",
        "(c) Reuters 2025",
    ],
)
def test_forms_and_copyright_lines_still_go(line: str) -> None:
    """Guards: a form that reports nothing and a copyright line are still furniture."""
    assert is_boilerplate(line)


# One example of each alternative of the form-term pattern, in the cases pages write them.
FORM_TERM_EXAMPLES = [
    "Sign-up",
    "NEWSLETTER",
    "Unsubscribe",
    "Subscription",
    "Privacy Notice",
    "Cookie policy",
    "Terms and Conditions",
    "E-mail address",
    "Consented",
    "reCAPTCHA",
    "Opt out",
    "Adverts from",
    "MARKETING",
    "Inbox",
]


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern's alternatives outside any group: "a|b(?:c|d)" is ["a", "b(?:c|d)"]."""
    parts, depth, start = [], 0, 0
    for position, char in enumerate(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:position])
            start = position + 1
    return [*parts, pattern[start:]]


def test_the_quick_form_term_test_never_passes_over_a_form_term() -> None:
    """The substring test run before the pattern (a speed-up) must say "maybe" wherever the
    pattern matches. One example per alternative, in order, so that an alternative added to
    the pattern without an example here (and its piece there) fails."""
    alternatives = _top_level_alternatives(clean._FORM_TERMS.pattern)
    assert len(alternatives) == len(FORM_TERM_EXAMPLES)
    for alternative, example in zip(alternatives, FORM_TERM_EXAMPLES, strict=True):
        assert re.fullmatch(alternative, example, re.IGNORECASE), (alternative, example)
        assert clean._may_hold_form_terms(f"Read our {example} today"), example
        assert not clean._may_hold_form_terms("The council met on Monday about the bridge.")
