"""Exports: the highlighted diff as text, the same as Markdown, and the JSON contract.

Renderers return strings; `write_file` is the only place that touches the disk, through
newsterm.support.files: atomically (a temporary file in the same folder, then a rename), never
replacing an existing file unless asked to, and never replacing a device, FIFO or link. The
text report is meant to be read on paper: differing words are marked wdiff-style, "[-seven-]"
in the first source and "{+eight+}" in the others, so it needs no colour.
"""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsterm.corpus.claim_groups import ClaimGroup, report_claims
from newsterm.model import Article, Story, StoryAlignment, format_date, where_from
from newsterm.support import files
from newsterm.support.jsontext import json_pieces
from newsterm.support.memory import collections_paused
from newsterm.text.diff import differing_spans, mark, pair_spans

if TYPE_CHECKING:
    # Annotations only: the app's first frame shows dates through this module without
    # loading the engine.
    from newsterm.corpus.corpus import Corpus

FORMATS = ("text", "markdown", "json")
# The mark of a difference in a report: told differently at one time by two outlets (≠), or
# told again differently later or by the same outlet (Δ, an update).
GLYPHS = {"conflict": "≠", "update": "Δ"}
WIDTH = 100
# Related pairs a report shows per story, the closest first (see claim_groups.report_claims).
RELATED_SHOWN = 5
Progress = Callable[[str, int, int], None]


class ExportError(Exception):
    """An export that could not be written; the message says why in one line."""


# ------------------------------------------------------------------------------ helpers


def letters(n: int) -> str:
    """Source labels: A..Z, then AA, AB, ..."""
    label = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        label = chr(65 + rem) + label
    return label


def _source_labels(corpus: Corpus, story: Story) -> dict[str, str]:
    return {aid: letters(n) for n, aid in enumerate(story.article_ids)}


def _group_lines_text(
    corpus: Corpus, group: ClaimGroup, labels: dict[str, str], indent: str
) -> list[str]:
    pivot, others = group.passages[0], group.passages[1:]
    lines = []
    pivot_marked = mark(
        pivot.text, differing_spans(pivot.text, [p.text for p in others]), "[-", "-]"
    )
    entries = [(labels[pivot.article_id], pivot_marked)]
    for passage in others:
        _, spans = pair_spans(pivot.text, passage.text)
        entries.append((labels[passage.article_id], mark(passage.text, spans, "{+", "+}")))
    for label, text in entries:
        prefix = f"{indent}[{label}] "
        lines.extend(
            textwrap.wrap(
                text,
                WIDTH,
                initial_indent=prefix,
                subsequent_indent=" " * len(prefix),
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    for link, conflict in group.conflicts:
        pair = (
            f"[{labels[corpus.passage(link.a).article_id]}]/"
            f"[{labels[corpus.passage(link.b).article_id]}]"
        )
        head = f"{indent}{GLYPHS[link.relation]} {conflict.kind} {pair}: "
        lines.extend(
            textwrap.wrap(
                conflict.explanation,
                WIDTH,
                initial_indent=head,
                subsequent_indent=" " * len(head),
                break_long_words=False,
            )
        )
    return lines


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def story_voices(story: Story) -> str:
    """'4 articles from 3 outlets, 2 independent reports': outlets and wire copy count once."""
    articles, outlets = len(story.article_ids), story.outlet_count
    text = _plural(articles, "article")
    text += f" from {_plural(outlets, 'outlet')}" if outlets != articles else ""
    if story.independent_reports not in (articles, outlets):
        text += f", {_plural(story.independent_reports, 'independent report')}"
    return text


def story_span(story: Story) -> str:
    """When the story's dated reports came out: '2 Jun 2025', '2-6 Jun 2025 (4 days)'."""
    first, last = story.first_day, story.last_day
    if first is None or last is None:
        return "undated"
    if first == last:
        return f"{first.day} {first:%b %Y}"
    start = (
        f"{first.day}"
        if (first.year, first.month) == (last.year, last.month)
        else (
            f"{first.day} {first:%b}" if first.year == last.year else f"{first.day} {first:%b %Y}"
        )
    )
    return f"{start}–{last.day} {last:%b %Y} ({_plural(story.days or 0, 'day')})"


def _summary(corpus: Corpus, story: Story) -> str:
    alignment = corpus.alignment(story.id)
    tally = Counter(link.relation for link in alignment.links)
    return (
        f"{story_voices(story)} · {story_span(story)} · "
        f"{_plural(tally['match'], 'matching pair')} · "
        f"{_plural(tally['conflict'], 'conflicting pair')} · "
        + (f"{_plural(tally['update'], 'update')} · " if tally["update"] else "")
        + _plural(len(alignment.unique), "unique passage")
    )


def related_heading(total: int) -> str:
    """The related pairs' heading, saying how many were left out when some were."""
    heading = "Related: the same subject, different details"
    if total > RELATED_SHOWN:
        heading += f" (the {RELATED_SHOWN} closest of {total} pairs)"
    return heading


# --------------------------------------------------------------------------------- text


def render_text(
    corpus: Corpus, progress: Progress | None = None, *, story_ids: Sequence[str] | None = None
) -> str:
    """The highlighted diff: per story, its sources, then each claim as the sources tell it.

    `story_ids` narrows the report to some stories (the app exports the one being read); the
    format stays the same so a reader of one report can read any other.
    """
    out: list[str] = []
    stories = (
        list(corpus.stories) if story_ids is None else [corpus.story(sid) for sid in story_ids]
    )
    n_stories = len(stories)
    n_articles = sum(len(story.article_ids) for story in stories)
    out.append(
        f"newsterm report: {n_articles} article{'s' if n_articles != 1 else ''}, "
        f"{n_stories} stor{'ies' if n_stories != 1 else 'y'}"
    )
    out.append("Marks: [-words-] only in the first source of a claim; {+words+} differ from it.")
    for number, story in enumerate(stories, 1):
        if progress:
            progress("exporting", number, n_stories)
        out.extend(["", "═" * WIDTH])
        out.extend(textwrap.wrap(f"STORY {number}: {story.title}", WIDTH, subsequent_indent="  "))
        out.append(_summary(corpus, story))
        out.append("─" * WIDTH)
        labels = _source_labels(corpus, story)
        out.append("Sources")
        for aid in story.article_ids:
            article = corpus.article(aid)
            unnamed = "" if article.outlet_known else " (file name)"
            out.append(f"  [{labels[aid]}] {article.label}{unnamed} · {format_date(article)}")
            if article.title and article.title != article.label:
                out.extend(
                    textwrap.wrap(
                        article.title, WIDTH, initial_indent="      ", subsequent_indent="      "
                    )
                )
            out.append(f"      {where_from(article)}")
        if len(story.article_ids) < 2:
            out.append("")
            out.append("Only one source reports this story: nothing to compare.")
            continue
        parts = report_claims(corpus, story.id, RELATED_SHOWN)
        headings = {
            "conflict": "Conflicts: the same claim, told differently",
            "update": "Updates: the same claim, told differently later or by the same outlet",
            "match": "Agreements: the same claim, told consistently",
            "related": related_heading(parts.related),
        }
        shown = None
        for counter, group in enumerate(parts.groups, 1):
            if group.relation != shown:
                shown = group.relation
                out.extend(["", headings[shown]])
            kinds = f" ({', '.join(group.kinds)})" if group.kinds else ""
            sources = len(group.article_ids)
            out.append("")
            out.append(f"  {counter}. {group.relation.upper()}{kinds} · {sources} sources")
            out.extend(_group_lines_text(corpus, group, labels, "     "))
        unique = parts.unique
        if unique:
            out.extend(["", "Reported by one source only"])
            for aid in story.article_ids:
                mine = [p for p in unique if p.article_id == aid]
                if not mine:
                    continue
                out.append("")
                out.append(f"  Only in [{labels[aid]}] {corpus.article(aid).label}:")
                for passage in mine:
                    out.extend(
                        textwrap.wrap(
                            passage.text,
                            WIDTH,
                            initial_indent="   • ",
                            subsequent_indent="     ",
                            break_long_words=False,
                        )
                    )
    if corpus.errors:
        out.extend(["", "Sources that could not be read"])
        out.extend(f"  {error}" for error in corpus.errors)
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- markdown


def _md_escape(text: str) -> str:
    """Article text as literal Markdown: no emphasis, links or HTML can come from it."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|~&" else ch for ch in text)


def _md_mark(text: str, spans: list[tuple[int, int]], wrap: str) -> str:
    out, cursor = [], 0
    for start, end in sorted(spans):
        out.append(_md_escape(text[cursor:start]))
        out.append(f"{wrap}{_md_escape(text[start:end])}{wrap}")
        cursor = end
    out.append(_md_escape(text[cursor:]))
    return "".join(out)


def _md_link(article: Article) -> str:
    """The article's address as a link a Markdown viewer opens; a path (or an address that
    could break out of an autolink) as plain escaped text."""
    url = article.url or ""
    if url.startswith(("http://", "https://")) and not any(c in url for c in "<>|\\` \t\n"):
        return f"<{url}>"
    return _md_escape(where_from(article))


def render_markdown(corpus: Corpus, progress: Progress | None = None) -> str:
    """The same report as Markdown: ~~struck~~ words only in the first source, **bold** changes."""
    n_articles, n_stories = len(corpus.articles), len(corpus.stories)
    out = [
        f"# newsterm report: {n_articles} article{'s' if n_articles != 1 else ''}, "
        f"{n_stories} stor{'ies' if n_stories != 1 else 'y'}",
        "",
    ]
    for number, story in enumerate(corpus.stories, 1):
        if progress:
            progress("exporting", number, len(corpus.stories))
        labels = _source_labels(corpus, story)
        out += [
            f"## Story {number}: {_md_escape(story.title)}",
            "",
            f"*{_md_escape(_summary(corpus, story))}*",
            "",
            "| | Source | Date | Title | Link |",
            "|---|---|---|---|---|",
        ]
        for aid in story.article_ids:
            article = corpus.article(aid)
            out.append(
                f"| {labels[aid]} | {_md_escape(article.label)} | "
                f"{_md_escape(format_date(article))} | {_md_escape(article.title)} | "
                f"{_md_link(article)} |"
            )
        out.append("")
        if len(story.article_ids) < 2:
            out += ["Only one source reports this story: nothing to compare.", ""]
            continue
        parts = report_claims(corpus, story.id, RELATED_SHOWN)
        shown = None
        for group in parts.groups:
            if group.relation == "related" and shown != "related":
                out += [f"*{_md_escape(related_heading(parts.related))}*", ""]
            shown = group.relation
            kinds = f" ({', '.join(group.kinds)})" if group.kinds else ""
            out.append(
                f"### {group.relation.capitalize()}{kinds}, {len(group.article_ids)} sources"
            )
            out.append("")
            pivot, others = group.passages[0], group.passages[1:]
            spans = differing_spans(pivot.text, [p.text for p in others])
            out.append(f"- **{labels[pivot.article_id]}**: {_md_mark(pivot.text, spans, '~~')}")
            for passage in others:
                _, other_spans = pair_spans(pivot.text, passage.text)
                out.append(
                    f"- **{labels[passage.article_id]}**: "
                    f"{_md_mark(passage.text, other_spans, '**')}"
                )
            for link, conflict in group.conflicts:
                pair = (
                    f"{labels[corpus.passage(link.a).article_id]}/"
                    f"{labels[corpus.passage(link.b).article_id]}"
                )
                glyph = GLYPHS[link.relation]
                explanation = _md_escape(conflict.explanation)
                out.append(f"- {glyph} *{conflict.kind}* ({pair}): {explanation}")
            out.append("")
        if parts.unique:
            out += ["### Reported by one source only", ""]
            for passage in parts.unique:
                out.append(f"- **{labels[passage.article_id]}**: {_md_escape(passage.text)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------- json


def to_json_data(corpus: Corpus, progress: Progress | None = None) -> dict[str, Any]:
    """The JSON contract of DESIGN.md, with a few extra fields other tools may use."""
    alignments = corpus.align_all(progress)  # comparing makes garbage: collected as usual
    with collections_paused():
        return _json_data(corpus, alignments)


def _json_data(corpus: Corpus, alignments: list[StoryAlignment]) -> dict[str, Any]:
    # Plain loops, no helper called per passage or per link: on all of Reuters (141,000
    # passages, 62,000 links) the calls cost a third of the building.
    articles = []
    for a in corpus.articles:
        passages = []
        for p in a.passages:
            # Offsets point into the cleaned text; a headline's taken from the title, marked
            # `"in": "title"`, into the title (the cleaned text does not repeat it).
            passage: dict[str, Any] = {"id": p.id, "text": p.text, "start": p.start, "end": p.end}
            if p.in_title:
                passage["in"] = "title"
            passages.append(passage)
        articles.append(
            {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "published": a.published.isoformat() if a.published is not None else None,
                "published_inferred": a.published_inferred,
                "reference_date": a.reference_date.isoformat() if a.reference_date else None,
                "location": a.location,
                "url": a.url,
                "passages": passages,
            }
        )
    links = []
    for alignment in alignments:
        for link in alignment.links:
            conflicts = (
                [
                    {"kind": c.kind, "a": c.a, "b": c.b, "explanation": c.explanation}
                    for c in link.conflicts
                ]
                if link.conflicts
                else []
            )
            links.append(
                {
                    "a": link.a,
                    "b": link.b,
                    "relation": link.relation,
                    "score": link.score,
                    "same_outlet": link.same_outlet,
                    "conflicts": conflicts,
                }
            )
    return {
        "version": 1,
        "articles": articles,
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": list(s.article_ids),
                "independent_reports": s.independent_reports,
                "outlets": s.outlet_count,
                "first_published": s.first_day.isoformat() if s.first_day else None,
                "last_published": s.last_day.isoformat() if s.last_day else None,
            }
            for s in corpus.stories
        ],
        "links": links,
        "unique": [pid for alignment in alignments for pid in alignment.unique],
        "errors": [{"location": e.location, "reason": e.reason} for e in corpus.errors],
    }


def render_json(corpus: Corpus, progress: Progress | None = None) -> str:
    return "".join(json_pieces(to_json_data(corpus, progress)))


RENDERERS: dict[str, Callable[[Corpus, Progress | None], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}


def render(corpus: Corpus, fmt: str, progress: Progress | None = None) -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(corpus, progress)


# ------------------------------------------------------------------------------ writing


def write_file(
    path: str | os.PathLike[str],
    content: str | Iterable[str],
    *,
    force: bool = False,
    keep: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write `content` (a text, or its pieces in order) to `path`; the path written.

    The rules are newsterm.support.files': a file is written atomically and only replaced with
    `force`, a link is written through, a device or FIFO is written to and never replaced, and
    the `keep` paths (the sources) are never written. Raises ExportError with the reason."""
    try:
        return files.write_file(path, content, force=force, keep=keep)
    except files.ExistsError as exc:
        raise ExportError(f"{exc} (use --force to overwrite)") from None
    except files.WriteError as exc:
        raise ExportError(str(exc)) from None
