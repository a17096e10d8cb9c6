"""A plain-text article's metadata: datelines, and the outlet from a file name or wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsterm.ingest.metadata import dateline, labelled_date_line, outlet_from_stem
from newsterm.ingest.plaintext import parse_plaintext


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
