"""Which stories of a pile the source list shows, and in which order: the filter and the sorts.

A journalist with a pile of hundreds of stories looks for the ones that matter: those an outlet
covered (or did not), those of a week, those with a word in them, those where outlets disagree.
The filter is typed as a line of terms (`oil outlet:reuters from:1987-03 has:conflicts`) so that
it is one field to type in, shown as typed, and kept while the reader moves on.

Pure functions over the corpus, no widgets: the same query means the same stories for a key, a
test and a timing. What is costly (the folded text of every story) is computed once per corpus
and only when a query first needs it; a keystroke then costs a scan of plain strings.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from newsterm.model import Story, StoryAlignment

if TYPE_CHECKING:
    from newsterm.corpus.corpus import Corpus

Sort = Literal["outlets", "recent", "conflicts"]
SORTS: tuple[Sort, ...] = ("outlets", "recent", "conflicts")
SORT_NAMES: dict[Sort, str] = {
    "outlets": "most outlets",
    "recent": "most recent",
    "conflicts": "most conflicts",
}
# An article of at least this many words is a report, not a brief (a market report, a
# dividend notice, a table of results): what a reader opens a story for. Counted in words, not
# passages: a wire archive's market briefs ("PEORIA HOGS SEEN STEADY/UP 0.50 DLR") run to five
# short sentences of some sixty words, and counted as reports, one day's 33 of them was the
# second story of all Reuters.
REPORT_WORDS = 100
CONFLICTS_TERM = "has:conflicts"
CHUNK = 500  # stories matched between two looks at whether to stop

_TERM = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def fold(text: str) -> str:
    """Case and accents aside, so that 'zurich' finds 'Zürich' and 'OPEC' finds 'Opec'."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Query:
    """A parsed filter: every term must hold for a story to be listed."""

    words: tuple[str, ...] = ()  # folded; each must appear in the story's text
    without: tuple[str, ...] = ()  # -word: must not appear
    outlets: tuple[str, ...] = ()  # outlet:x: an outlet whose name holds x covered it
    not_outlets: tuple[str, ...] = ()  # -outlet:x: none did
    since: date | None = None  # from:2024-03 — the story has a report on or after
    until: date | None = None  # to:2024-03 — ... on or before (the month's last day)
    conflicts: bool = False  # has:conflicts
    updates: bool = False  # has:updates
    min_outlets: int = 0  # outlets:3 — told by at least three outlets
    problems: tuple[str, ...] = ()  # terms not understood, in words for the status line

    @property
    def empty(self) -> bool:
        return self == Query(problems=self.problems)

    @property
    def needs_comparison(self) -> bool:
        """Whether the query asks what only a compared story can answer."""
        return self.conflicts or self.updates


def _day(value: str, *, end: bool) -> date | None:
    """'2024', '2024-03' or '2024-03-05' as a day: the first of the span, or its last (`end`)."""
    found = _DATE.match(value)
    if found is None:
        return None
    year = int(found[1])
    month = int(found[2]) if found[2] else (12 if end else 1)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    day = int(found[3]) if found[3] else (last if end else 1)
    if not 1 <= day <= last:
        return None
    return date(year, month, day)


def parse_query(text: str) -> Query:
    """Terms separated by spaces; "quoted words" are one phrase; a leading - negates a word or
    an outlet. `outlet:`, `from:`, `to:`, `has:conflicts`, `has:updates` and `outlets:N` are
    operators; any other `x:y` is a word (a time, a ratio)."""
    words: list[str] = []
    without: list[str] = []
    outlets: list[str] = []
    not_outlets: list[str] = []
    problems: list[str] = []
    query = Query()
    for match in _TERM.finditer(text):
        negated, operator, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare
        operator = (operator or "").casefold()
        if operator in ("outlet", "by"):
            (not_outlets if negated else outlets).append(fold(value))
        elif operator in ("from", "since", "to", "until"):
            end = operator in ("to", "until")
            day = _day(value, end=end)
            if day is None:
                problems.append(f"{operator}: wants a date like 2024-03-05, 2024-03 or 2024")
            elif end:
                query = replace(query, until=day)
            else:
                query = replace(query, since=day)
        elif operator == "has":
            wanted = value.casefold().rstrip("s")
            if wanted == "conflict":
                query = replace(query, conflicts=True)
            elif wanted == "update":
                query = replace(query, updates=True)
            else:
                problems.append("has: takes conflicts or updates")
        elif operator == "outlets" and value.rstrip("+").isdigit():
            query = replace(query, min_outlets=int(value.rstrip("+")))
        else:
            term = match.group(0).removeprefix(negated) if operator else value
            if quoted is not None and operator:
                term = f"{operator}:{quoted}"
            folded = fold(term.strip())
            if folded:
                (without if negated else words).append(folded)
    return replace(
        query,
        words=tuple(words),
        without=tuple(without),
        outlets=tuple(outlets),
        not_outlets=tuple(not_outlets),
        problems=tuple(problems),
    )


def with_conflicts(text: str, wanted: bool) -> str:
    """The query text with `has:conflicts` added or taken out, the rest as typed."""
    terms = [t for t in text.split() if t.casefold().rstrip("s") != "has:conflict"]
    if wanted:
        terms.append(CONFLICTS_TERM)
    return " ".join(terms)


@dataclass(frozen=True, slots=True)
class Tally:
    """How many conflicts and updates a compared story holds (links between two articles)."""

    conflicts: int
    updates: int


def tally(alignment: StoryAlignment) -> Tally:
    conflicts = sum(link.relation == "conflict" for link in alignment.links)
    updates = sum(link.relation == "update" for link in alignment.links)
    return Tally(conflicts, updates)


@dataclass(frozen=True)
class Found:
    """What the list shows for a query: stories with several sources, in the sort's order; the
    single-source articles; and what there was to choose from."""

    several: tuple[str, ...]  # story ids
    single: tuple[str, ...]  # article ids of the stories with one source
    several_total: int
    single_total: int
    uncompared: int = 0  # stories the query could not judge yet (not compared)
    # Those stories, in the order listed: compared on demand (SourcePane), since a reader who
    # asks for conflicts wants them found, not a count of what was not looked at.
    to_compare: tuple[str, ...] = ()


@dataclass
class Finder:
    """The facts each story of one corpus is matched and sorted on, gathered once."""

    corpus: Corpus = field(repr=False)  # a worker's description holds its arguments' repr
    _rank: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _text: dict[str, str] = field(default_factory=dict, repr=False)
    _outlets: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _tallies: dict[str, Tally] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        stories = self.corpus.stories
        self.several = [s for s in stories if len(s.article_ids) > 1]
        self.single = [s for s in stories if len(s.article_ids) == 1]
        for story in self.several:
            self._rank[story.id] = story_rank(self.corpus, story)
        # Stable: equal ranks keep the corpus's order, as the list always had.
        self.several.sort(key=lambda story: self._rank[story.id])

    def tally(self, story_id: str) -> Tally | None:
        """Conflicts and updates of a compared story; None until it is compared."""
        found = self._tallies.get(story_id)
        if found is None:
            alignment = self.corpus.cached_alignment(story_id)
            if alignment is None:
                return None
            found = self._tallies[story_id] = tally(alignment)
        return found

    def text_of(self, story: Story) -> str:
        """Headlines, outlets and text of every article of the story, folded."""
        found = self._text.get(story.id)
        if found is None:
            parts: list[str] = [story.title]
            for article in self.corpus.story_articles(story.id):
                parts += (article.title, article.label, article.text)
            found = self._text[story.id] = fold("\n".join(parts))
        return found

    def outlets_of(self, story: Story) -> tuple[str, ...]:
        """The folded names its articles' outlets go by (the label shown, and the key)."""
        found = self._outlets.get(story.id)
        if found is None:
            names: set[str] = set()
            for article in self.corpus.story_articles(story.id):
                names.add(fold(article.label))
                names.add(article.voice.split(":", 1)[1])
            found = self._outlets[story.id] = tuple(names)
        return found

    def warm(self, pause: Callable[[], bool]) -> bool:
        """Gather what a filter by words or outlet reads, ahead of the first such filter (all of
        Reuters: half a second of folding). `pause` runs between stories, a few hundred at a
        time, and stops the work when it returns False; True once all is gathered."""
        for number, story in enumerate((*self.several, *self.single)):
            if number % CHUNK == 0 and not pause():
                return False
            self.text_of(story)
            self.outlets_of(story)
        return True

    def find(
        self, query: Query, sort: Sort = "outlets", stop: Callable[[], bool] = lambda: False
    ) -> Found | None:
        """The stories the query keeps, the several-source ones in the sort's order; None when
        `stop` (asked every few hundred stories) says a newer query has made this one moot."""
        keep = self._matcher(query)
        several = _kept(self.several, keep, stop)
        single = _kept(self.single, keep, stop)
        if several is None or single is None:
            return None
        to_compare: list[str] = []
        if query.needs_comparison or sort == "conflicts":
            # Only the stories the rest of the query keeps: 'greenspan has:conflicts' waits
            # for nine stories to be compared, not for all of Reuters.
            rest = replace(query, conflicts=False, updates=False)
            candidates = _kept(self.several, self._matcher(rest), stop)
            if candidates is None:
                return None
            to_compare = [s.id for s in candidates if self.tally(s.id) is None]
        if sort == "recent":
            several.sort(key=_recency)
            single.sort(key=_recency)
        elif sort == "conflicts":
            several.sort(key=self._by_conflicts)
        return Found(
            tuple(s.id for s in several),
            tuple(s.article_ids[0] for s in single),
            len(self.several),
            len(self.single),
            len(to_compare),
            tuple(to_compare),
        )

    def _by_conflicts(self, story: Story) -> tuple[int, int, int]:
        """Most conflicts first, then most updates; stories not compared yet after those with
        some, before those known to have none (they may yet)."""
        found = self.tally(story.id)
        if found is None:
            return (1, 0, 0)
        if found.conflicts or found.updates:
            return (0, -found.conflicts, -found.updates)
        return (2, 0, 0)

    def _matcher(self, query: Query) -> Callable[[Story], bool] | None:
        """One test for a story, all the query's terms in it; None when it has none."""
        tests: list[Callable[[Story], bool]] = []
        if query.min_outlets:
            tests.append(lambda s: s.outlet_count >= query.min_outlets)
        if query.since or query.until:
            since, until = query.since or date.min, query.until or date.max
            tests.append(
                lambda s: (
                    s.first_day is not None
                    and s.last_day is not None
                    and s.first_day <= until
                    and s.last_day >= since
                )
            )
        if query.conflicts:
            tests.append(lambda s: (t := self.tally(s.id)) is not None and t.conflicts > 0)
        if query.updates:
            tests.append(lambda s: (t := self.tally(s.id)) is not None and t.updates > 0)
        if query.outlets or query.not_outlets:
            tests.append(lambda s: _names_match(self.outlets_of(s), query))
        if query.words or query.without:
            tests.append(lambda s: _text_matches(self.text_of(s), query))
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda story: all(test(story) for test in tests)


def _kept(
    stories: list[Story], keep: Callable[[Story], bool] | None, stop: Callable[[], bool]
) -> list[Story] | None:
    """The stories `keep` keeps (all of them for no test), None once `stop` says so."""
    if keep is None:
        return list(stories)
    kept: list[Story] = []
    for start in range(0, len(stories), CHUNK):
        if stop():
            return None
        kept += filter(keep, stories[start : start + CHUNK])
    return kept


def _names_match(names: tuple[str, ...], query: Query) -> bool:
    return all(any(want in name for name in names) for want in query.outlets) and not any(
        unwanted in name for unwanted in query.not_outlets for name in names
    )


def _text_matches(text: str, query: Query) -> bool:
    return all(word in text for word in query.words) and not any(
        word in text for word in query.without
    )


def _recency(story: Story) -> tuple[int, int]:
    """Latest report first; undated stories last."""
    if story.last_day is None:
        return (1, 0)
    return (0, -story.last_day.toordinal())


def story_rank(corpus: Corpus, story: Story) -> tuple[int, int, int, int]:
    """Stories told by the most outlets first, then by the most independent reports, then (in
    a wire archive, where one outlet tells them all) by the most full reports and articles: the
    first screen shows where outlets can agree or disagree, or a developing story, not a pile of
    one outlet's briefs told in one template."""
    reports = sum(
        len(corpus.article(aid).text.split()) >= REPORT_WORDS for aid in story.article_ids
    )
    return (-story.outlet_count, -story.independent_reports, -reports, -len(story.article_ids))


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet of a pile: its key (Article.voice), the name shown, and how many stories of
    the pile it covers."""

    voice: str
    label: str
    stories: int
    named: bool  # False when a file name stands in for an outlet nothing names


def pile_outlets(corpus: Corpus) -> list[Outlet]:
    """Every outlet of the pile, those covering the most stories first: who could have
    covered a story, for a view that says who did not."""
    labels: dict[str, str] = {}
    named: dict[str, bool] = {}
    stories: dict[str, set[str]] = {}
    for story in corpus.stories:
        for article in corpus.story_articles(story.id):
            voice = article.voice
            labels.setdefault(voice, article.label)
            named.setdefault(voice, article.outlet_known)
            stories.setdefault(voice, set()).add(story.id)
    found = [Outlet(v, labels[v], len(stories[v]), named[v]) for v in labels]
    found.sort(key=lambda o: (-o.stories, o.label.casefold()))
    return found
