"""Publication dates written in ISO 8601 take a fast path that must read them as dateutil does."""

from __future__ import annotations

import pytest
from dateutil import parser as dateutil_parser

from newsterm.facts.timestamps import parse_date


@pytest.mark.parametrize(
    "written",
    [
        "2024-05-01",
        "2024-05-01 10:00",
        "2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00+0200",
        "2024-05-01T23:59:59.250-05:00",
    ],
)
def test_iso_dates_read_the_same_as_dateutil_reads_them(written: str) -> None:
    assert parse_date(written) == dateutil_parser.parse(written)


def test_impossible_and_out_of_range_iso_dates_are_no_date() -> None:
    assert parse_date("2024-13-01") is None
    assert parse_date("1850-01-01") is None


def test_other_forms_still_go_to_dateutil() -> None:
    assert parse_date("26-FEB-1987 15:01:01.79") == dateutil_parser.parse("26-FEB-1987 15:01:01.79")


@pytest.mark.parametrize(
    "stamp",
    [
        "26-FEB-1987 15:01:01.79",
        "3-Mar-1987 09:05:00.00",
        "1-APR-1987 00:00:00",
        "7-jun-2024 23:59:59.5",
    ],
)
def test_a_wire_stamp_reads_as_dateutil_reads_it(stamp: str) -> None:
    """The quick reading of "26-FEB-1987 15:01:01.79" gives what dateutil gives."""
    from dateutil import parser as date_parser

    assert parse_date(stamp) == date_parser.parse(stamp, fuzzy=True)


def test_an_impossible_wire_stamp_is_left_to_dateutil() -> None:
    assert parse_date("31-FEB-1987 10:00:00") is None
