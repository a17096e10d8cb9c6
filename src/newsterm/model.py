"""The plain data that flows between the engine's stages.

Every stage is a pure function from these values to new ones, so the objects are frozen: a view
can hold on to an `Article` while a worker builds the next index without anything changing under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Literal, get_args
from urllib.parse import urlsplit

# How two linked passages of a story relate. `compare()` answers "unrelated" where alignment
# keeps no link at all, or a "related" one (same subject, not the same claim). An "update" is
# what would be a conflict between reports that are not two voices at one time: the same outlet
# telling it again, or reports days apart on a developing story ("14 -> 23 between 2 and 6 Jun").
Relation = Literal["match", "conflict", "update", "related"]
CompareRelation = Literal["match", "conflict", "unrelated"]
# The mark a passage gets: its strongest link's relation, or "unique" when no other outlet
# reports it.
Status = Literal["conflict", "update", "match", "related", "unique"]
# The one ranking of relations, strongest first: a passage is marked by, a side panel lists, and
# a report groups claims by, a conflict before an update before a match before a related passage.
RELATIONS: tuple[Relation, ...] = ("conflict", "update", "match", "related")
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
    def voice(self) -> str:
        """Who speaks: the article's outlet, so that one outlet's articles count as one voice.

        The outlet named by the source (a record's field, a feed's title, a page's site name, a
        front matter `source:`, a dateline's agency), else the host of its URL, else the file it
        came in: the records of one JSON Lines file or feed that name no outlet are one archive's,
        while loose files that name none are each their own (nothing says they share an author).
        """
        if self.source:
            return "outlet:" + outlet_key(self.source)
        if self.url:
            host = urlsplit(self.url).hostname or ""
            if host:
                return "site:" + host.removeprefix("www.")
        container = re.sub(r"(?::\d+|#.*)$", "", self.location)
        return "file:" + (container or self.id)

    @property
    def outlet_known(self) -> bool:
        """Whether something names the outlet; if not, a file name stands in for it."""
        return bool(self.source or self.url)

    @property
    def label(self) -> str:
        """What to call the article in a list: its outlet, else its site, else the name of its
        file (see `outlet_known`: a view says so when no outlet is named)."""
        if self.source:
            return self.source
        host = urlsplit(self.url).hostname if self.url else None
        if host:
            return host.removeprefix("www.")
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


# Parts of an outlet's name that say which of its desks wrote, not who: "Fox News (Online News)"
# and "Fox News (Opinion)" are one outlet.
_DESK = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*|^the\s+", re.IGNORECASE)


# How an article is cited: its date as a reader reads it, and where it can be found again. One
# wording for the app's list, header and side panel, the copied citation and the reports; here
# rather than in newsterm.export, which the app's first frame would otherwise import for them.


def inferred_day(day: date) -> str:
    """A date borrowed from the article's story, never its own: '≈2 Jun 2025?'. Written the
    same way in the list, the header, the side panel and the reports; not with '~', which
    marks a related passage."""
    return f"≈{day.day} {day:%b %Y}?"


def format_date(article: Article) -> str:
    """How an article's date reads in a report, saying when it is unknown or borrowed."""
    if article.published is not None:
        when = article.published
        text = f"{when.day} {when:%b %Y}"
        if when.hour or when.minute:
            text += f" {when:%H:%M}"
        return text
    if article.reference_date is not None:
        return f"date unknown ({inferred_day(article.reference_date)}, inferred from its story)"
    return "date unknown"


def where_from(article: Article) -> str:
    """Where a reader can find the article again: its URL, else the file it was read from."""
    return article.url or article.location or article.id


def outlet_key(name: str) -> str:
    """The key two spellings of one outlet share: case, "The" and a desk in brackets aside."""
    return " ".join(_DESK.sub(" ", name).casefold().split())


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
    # Details only one passage adds, none of whose informative words the other uses: "A: who
    # was recently released on bail" (the first adds it). No conflict, but worth a mark.
    additions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """Two passages of different articles in one story that speak about the same thing.
    `same_outlet`: the two articles are one voice's, so a match does not confirm and a
    difference is the outlet telling it again (an update), not a contradiction."""

    a: str
    b: str
    relation: Relation
    score: float
    conflicts: tuple[Conflict, ...] = ()
    same_outlet: bool = False


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same event."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    # Articles that are one voice (one outlet's, or near-identical copies of one wire report)
    # share a report number, so agreement counts independent reports, not articles.
    reports: tuple[int, ...] = ()
    # The voice of each article (see Article.voice), in article order.
    outlets: tuple[str, ...] = ()
    # The first and last publication day of the story's dated articles: how far apart they are.
    first_day: date | None = None
    last_day: date | None = None

    @property
    def independent_reports(self) -> int:
        return len(set(self.reports)) if self.reports else len(self.article_ids)

    @property
    def outlet_count(self) -> int:
        """How many outlets tell the story (a file standing in for an unnamed one counts)."""
        return len(set(self.outlets)) if self.outlets else len(self.article_ids)

    @property
    def days(self) -> int | None:
        """How many days lie between the story's first and last dated report."""
        if self.first_day is None or self.last_day is None:
            return None
        return (self.last_day - self.first_day).days


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
        """Links touching a passage, strongest relation first (conflict, update, match,
        related)."""
        return self._by_passage.get(passage_id, ())

    def status(self, passage_id: str) -> Status:
        """The mark a passage gets in the article view: its strongest link's relation, where a
        match with the same outlet confirms nothing, so leaves the passage unique."""
        relations = [
            link.relation
            for link in self.links_of(passage_id)
            if not (link.same_outlet and link.relation == "match")
        ]
        if not relations:
            return "unique"
        return min(relations, key=RELATION_RANK.__getitem__)


def other_end(link: Link, passage_id: str) -> str:
    """The passage at the other end of a link."""
    return link.b if link.a == passage_id else link.a
