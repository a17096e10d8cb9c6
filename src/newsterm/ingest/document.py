"""What a reader hands to the pipeline: an article as found, before cleaning and segmentation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class Document:
    """Raw article fields from any format. Only `text` is required."""

    text: str
    title: str = ""
    source: str | None = None
    published: datetime | None = None
    url: str | None = None
    location: str = ""
    id: str | None = None
    author: str | None = None
    guid: str | None = None
    notes: list[str] = field(default_factory=list)


class SourceError(Exception):
    """A source that cannot be read; the message is the reason, fit for one line."""


class NotAnArticle(SourceError):
    """A file a reader recognised by its bytes but that holds no articles (an SQLite file that
    is not a newsboat cache): reported when named, skipped quietly inside a folder."""
