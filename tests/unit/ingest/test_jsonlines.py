"""JSON Lines and JSON arrays: the fields other tools write, and one error per bad record."""

from __future__ import annotations

import json
from datetime import datetime

from newsterm.ingest.jsonlines import read_json

from .conftest import _errors


def test_json_lines_fields_and_aliases(write) -> None:
    """Common aliases (body, pubDate, link, outlet) map to the article's fields."""
    path = write(
        "pile.jsonl",
        json.dumps(
            {
                "id": "r1",
                "title": "Quake hits coast",
                "text": "A quake hit.",
                "source": "Wire",
                "published": "2024-05-01",
                "url": "https://e.org/1",
            }
        )
        + "\n"
        + json.dumps(
            {
                "headline": "Second",
                "body": "Body text.",
                "pubDate": "Tue, 07 May 2024 10:00:00 GMT",
                "link": "https://e.org/2",
                "outlet": "Other",
            }
        )
        + "\n",
    )
    errors, sink = _errors()
    first, second = read_json(path, sink)
    assert not errors
    assert (first.id, first.title, first.source, first.url) == (
        "r1",
        "Quake hits coast",
        "Wire",
        "https://e.org/1",
    )
    assert first.published == datetime(2024, 5, 1)
    assert (second.title, second.source, second.url) == ("Second", "Other", "https://e.org/2")
    assert second.published is not None and second.published.date().isoformat() == "2024-05-07"
    assert first.location == f"{path}:1"


def test_json_array_and_nested_articles(write) -> None:
    """A JSON array of articles, and objects holding an "articles" list, are both read."""
    path = write(
        "export.json",
        json.dumps(
            [{"text": "one"}, {"story": "s", "articles": [{"text": "two"}, {"text": "three"}]}]
        ),
    )
    errors, sink = _errors()
    assert [d.text for d in read_json(path, sink)] == ["one", "two", "three"]
    assert not errors


def test_epoch_timestamps(write) -> None:
    """Numeric dates are Unix seconds (or milliseconds)."""
    path = write(
        "t.jsonl",
        '{"text": "x", "published": 1717200000}\n{"text": "y", "published": 1717200000000}\n',
    )
    errors, sink = _errors()
    docs = read_json(path, sink)
    assert not errors
    assert {d.published.date().isoformat() for d in docs} == {"2024-06-01"}


def test_sanitised_fields(write) -> None:
    """Escape sequences in any field never survive ingest."""
    path = write(
        "evil.jsonl",
        json.dumps({"title": "T\u001b]0;owned\u0007itle", "text": "Body \u001b[2J text"}) + "\n",
    )
    errors, sink = _errors()
    [doc] = read_json(path, sink)
    assert not errors
    assert doc.title == "Title"
    assert "\x1b" not in doc.text


def test_bad_lines_are_reported_and_the_rest_is_read(write) -> None:
    """A malformed line, a line without text and a non-object each get one error line."""
    path = write(
        "mixed.jsonl",
        '{"text": "good one"}\n{not json}\n{"title": "no text"}\n[1, 2]\n\n{"text": "good two"}\n',
    )
    errors, sink = _errors()
    docs = read_json(path, sink)
    assert [d.text for d in docs] == ["good one", "good two"]
    assert [where.rsplit(":", 1)[1] for where, _ in errors] == ["2", "3", "4"]
    assert "invalid JSON" in errors[0][1]
    assert "no text" in errors[1][1]
