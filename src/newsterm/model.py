"""The plain data that flows between the engine's stages.

Every stage is a pure function from these values to new ones, so the objects are frozen: a view
can hold on to an `Article` while a worker builds the next index without anything changing under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Literal, get_args

# How two linked passages of a story relate. `compare()` answers "unrelated" where alignment
# keeps no link at all, or a "related" one (same subject, not the same claim).
Relation = Literal["match", "conflict", "related"]
CompareRelation = Literal["match", "conflict", "unrelated"]
# The mark a passage gets: its strongest link's relation, or "unique" when it has none.
Status = Literal["conflict", "match", "related", "unique"]
# The one ranking of relations, strongest first: a passage is marked by, a side panel lists, and
# a report groups claims by, a conflict before a match before a related passage.
RELATIONS: tuple[Relation, ...] = ("conflict", "match", "related")
RELATION_RANK: dict[str, int] = {relation: rank for rank, relation in enumerate(RELATIONS)}
# What a conflict is about: a figure, the bounds around one ("at least" / "at most"), a date, a
# quotation's words, a denial or an exception, a name or a role put for another, an opposite word.
ConflictKind = Literal["number", "qualifier", "date", "quote", "negation", "entity", "antonym"]
CONFLICT_KINDS: tuple[ConflictKind, ...] = get_args(ConflictKind)


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence-sized unit of an article: `text == article.text[start:end]`, or, when
    `in_title`, `text == article.title[start:end]`.

    The headline is a passage so that it is aligned and checked like the rest: an outlet's
    headline can contradict another's ("Seven killed" against "Eight dead") or its own body.
    It comes first. Taken from the title it is `in_title`, with id suffix ":0", and the body's
    passages are ":1", ":2"... either way; a record without a title may open its text with it.
    """

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str
    headline: bool = False
    in_title: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: boilerplate dropped, metadata detected, text split into passages."""

    id: str
    title: str
    text: str
    source: str | None = None
    published: datetime | None = None
    location: str = ""
    url: str | None = None
    passages: tuple[Passage, ...] = ()
    # Set when `published` is unknown and a date was borrowed from the article's story, so that
    # relative dates ("last week") can still be resolved; the borrowed date is `reference_date`.
    published_inferred: bool = False
    reference_date: date | None = None
    author: str | None = None
    guid: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What to call the article in a list: its outlet, else the name of its file."""
        if self.source:
            return self.source
        if self.location and "://" not in self.location:
            return PurePath(self.location.split("#", 1)[0]).stem or self.id
        return self.url or self.location or self.id

    @property
    def headline(self) -> Passage | None:
        """The passage that is the article's headline, when it has one (it comes first)."""
        first = self.passages[0] if self.passages else None
        return first if first is not None and first.headline else None

    @property
    def date_for_resolving(self) -> date | None:
        """The date relative expressions are resolved against: published, else the borrowed one."""
        if self.published is not None:
            return self.published.date()
        return self.reference_date


@dataclass(frozen=True, slots=True)
class Conflict:
    """A typed disagreement between two passages, with a sentence a person can read."""

    kind: ConflictKind
    a: str
    b: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """What `compare()` concludes about two passages."""

    relation: CompareRelation
    score: float
    conflicts: tuple[Conflict, ...] = ()
    # Similarity of the two passages on their own terms (before the decision rule), kept for
    # alignment, which also wants to know about passages that are merely "related".
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Link:
    """Two passages of different articles in one story that speak about the same thing."""

    a: str
    b: str
    relation: Relation
    score: float
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same event."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    # Articles that are near-identical copies (wire copy republished) share a report number, so
    # agreement can count independent reports rather than outlets.
    reports: tuple[int, ...] = ()

    @property
    def independent_reports(self) -> int:
        return len(set(self.reports)) if self.reports else len(self.article_ids)


@dataclass(frozen=True, slots=True)
class LoadError:
    """A source that could not be read, and why, in words fit for one line of stderr."""

    location: str
    reason: str
    # "error": the source (or part of it) was not read; "note": it was read, with a caveat the
    # user should know about, such as being cut short.
    kind: Literal["error", "note"] = "error"

    def __str__(self) -> str:
        prefix = "note: " if self.kind == "note" else ""
        return f"{self.location}: {prefix}{self.reason}"


@dataclass(frozen=True, slots=True)
class StoryAlignment:
    """The links and the unique passages of one story."""

    story_id: str
    links: tuple[Link, ...]
    unique: tuple[str, ...]
    _by_passage: dict[str, tuple[Link, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def links_of(self, passage_id: str) -> tuple[Link, ...]:
        """Links touching a passage, strongest relation first (conflict, match, related)."""
        return self._by_passage.get(passage_id, ())

    def status(self, passage_id: str) -> Status:
        """The mark a passage gets in the article view: its strongest link's relation."""
        links = self.links_of(passage_id)
        if not links:
            return "unique"
        return min((link.relation for link in links), key=RELATION_RANK.__getitem__)


def other_end(link: Link, passage_id: str) -> str:
    """The passage at the other end of a link."""
    return link.b if link.a == passage_id else link.a
