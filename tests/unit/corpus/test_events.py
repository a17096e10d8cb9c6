"""Stories are events: recurring reports come apart, a figure told days later is an update, and
one outlet is one voice (corpus.stories, corpus.align, corpus.updates)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsterm import load
from newsterm.corpus import stories
from newsterm.corpus.pair_signals import Figures, Headlines
from newsterm.corpus.stories import time_factor
from newsterm.export import render_json, render_text

# A weekly figure, told each week in the same words: the weeks are different events.
CLAIMS = (
    "Weekly filings for unemployment benefits in Varrenland {verb} to {n} in the week ended "
    "{day}, the Labour Office said on Thursday.\n"
    "Economists polled beforehand had expected {n} filings, and the four-week average moved "
    "to {avg}, the office said.\n"
    "Continuing claims, a gauge of how many people stay on benefits, stood at {cont}."
)

# One flood reported by two outlets four days apart: the toll rose in between.
FLOOD = (
    "Floods in the Kessel valley have killed {n} people, the regional governor Ilse Marten said.\n"
    "Rescue teams from Dornau and Weilbach searched villages along the swollen Kessel river.\n"
    "The governor said the dam at Ostrach held overnight and that schools would stay shut."
)


def _pile(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "pile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _claims(week: int) -> dict:
    return {
        "id": f"week{week}",
        "source": "Varren Wire",
        "title": f"Varrenland jobless claims {'rise' if week % 2 else 'fall'} in week {week}",
        "text": CLAIMS.format(
            verb="rose" if week % 2 else "fell",
            n=400 + 13 * week,
            day=f"March {week * 7}",
            avg=390 + 11 * week,
            cont=2100 + 17 * week,
        ),
        "published": f"1987-03-{week * 7 + 2:02d}",
    }


def test_a_recurring_report_told_in_one_template_is_one_event_a_week(tmp_path: Path) -> None:
    """Four weeks of one weekly figure are four events: their differing figures set them
    apart, they do not contradict each other."""
    corpus = load(_pile(tmp_path, [_claims(week) for week in range(1, 5)]))
    assert len(corpus.stories) == 4
    kinds = {link.relation for a in corpus.align_all() for link in a.links}
    assert "conflict" not in kinds


def test_time_apart_weighs_more_each_day_and_never_to_nothing() -> None:
    assert time_factor(0) == 1.0
    assert 1.0 > time_factor(1) > time_factor(2) > time_factor(7) > time_factor(30)
    assert time_factor(365) > 0


def _flood(tmp_path: Path, second_day: str, second_source: str) -> list:
    records = [
        {
            "id": "early",
            "source": "Kessel Courier",
            "title": "Kessel valley floods kill 14",
            "text": FLOOD.format(n=14),
            "published": "2024-06-02",
        },
        {
            "id": "later",
            "source": second_source,
            "title": "Kessel valley flood toll climbs",
            "text": FLOOD.format(n=23),
            "published": second_day,
        },
    ]
    corpus = load(_pile(tmp_path, records))
    (story,) = corpus.stories
    return [link for link in corpus.alignment(story.id).links if link.relation != "related"]


def test_a_figure_reported_days_later_by_another_outlet_is_an_update(tmp_path: Path) -> None:
    links = _flood(tmp_path, "2024-06-06", "Dornau Post")
    (toll,) = [link for link in links if link.conflicts]
    assert toll.relation == "update" and not toll.same_outlet
    (change,) = toll.conflicts
    assert change.kind == "number"
    assert change.explanation.startswith("14 → 23 between 2 Jun and 6 Jun 2024")


def test_the_same_figure_next_day_from_another_outlet_is_still_a_conflict(
    tmp_path: Path,
) -> None:
    """Reports a day apart are one news cycle: two outlets differing there contradict."""
    links = _flood(tmp_path, "2024-06-03", "Dornau Post")
    assert any(link.relation == "conflict" for link in links)


def test_one_outlet_never_contradicts_or_confirms_itself(tmp_path: Path) -> None:
    """Two reports of one outlet: the later figure is an update, the sentences told alike
    confirm nothing, so they stay unique to that outlet."""
    pile = _pile(
        tmp_path,
        [
            {
                "id": "morning",
                "source": "Kessel Courier",
                "title": "Kessel valley floods kill 14",
                "text": FLOOD.format(n=14),
                "published": "2024-06-02T08:00:00",
            },
            {
                "id": "evening",
                "source": "Kessel Courier (Online)",
                "title": "Kessel valley flood toll climbs",
                "text": FLOOD.format(n=23),
                "published": "2024-06-02T19:00:00",
            },
        ],
    )
    corpus = load(pile)
    (story,) = corpus.stories
    assert story.outlet_count == 1 and story.independent_reports == 1
    alignment = corpus.alignment(story.id)
    strong = [link for link in alignment.links if link.relation != "related"]
    assert strong and all(link.same_outlet for link in strong)
    assert {link.relation for link in strong} <= {"update", "match"}
    (toll,) = [link for link in strong if link.conflicts]
    assert toll.conflicts[0].explanation.startswith("14 → 23 later on 2 Jun 2024")
    assert "by the same outlet" in toll.conflicts[0].explanation
    for passage in corpus.article("morning").passages:
        assert alignment.status(passage.id) in ("update", "unique", "related")
    assert set(alignment.unique) >= {p.id for p in corpus.article("evening").passages[1:]}


def test_wire_copy_under_two_outlets_counts_as_one_report(tmp_path: Path) -> None:
    text = FLOOD.format(n=14)
    pile = _pile(
        tmp_path,
        [
            {"id": "a", "source": "Kessel Courier", "title": "Floods kill 14", "text": text},
            {"id": "b", "source": "Dornau Post", "title": "Floods kill 14", "text": text},
            {
                "id": "c",
                "source": "Weilbach Herald",
                "title": "Fourteen dead in Kessel floods",
                "text": "Fourteen people died in floods in the Kessel valley, governor Ilse Marten "
                "said, as teams from Dornau searched villages along the river.",
            },
        ],
    )
    corpus = load(pile)
    (story,) = corpus.stories
    assert story.outlet_count == 3 and story.independent_reports == 2


def test_records_of_one_archive_that_name_no_outlet_are_one_voice(tmp_path: Path) -> None:
    """A JSON Lines archive without a source field is one place's: its file stands in for the
    outlet. Loose files that name none are each their own."""
    records = [{**_claims(week), "id": f"r{week - 1}"} for week in (1, 2)]
    for record in records:
        del record["source"]
    corpus = load(_pile(tmp_path, records))
    voices = {corpus.article(aid).voice for aid in ("r0", "r1")}
    assert len(voices) == 1 and voices.pop().startswith("file:")
    (tmp_path / "one.txt").write_text("Storm hits Marlow\n\n" + FLOOD.format(n=3), "utf-8")
    (tmp_path / "two.txt").write_text("Storm in Marlow\n\n" + FLOOD.format(n=3), "utf-8")
    loose = load([tmp_path / "one.txt", tmp_path / "two.txt"])
    assert len({a.voice for a in loose.articles}) == 2


def test_a_story_says_when_its_reports_came_out(tmp_path: Path) -> None:
    links = _flood(tmp_path, "2024-06-06", "Dornau Post")
    assert links
    corpus = load(tmp_path / "pile.jsonl")
    (story,) = corpus.stories
    assert (str(story.first_day), str(story.last_day), story.days) == (
        "2024-06-02",
        "2024-06-06",
        4,
    )
    report = render_text(corpus)
    assert "2–6 Jun 2024 (4 days)" in report
    assert "Updates: the same claim, told differently later" in report
    assert "Δ number" in report
    data = json.loads(render_json(corpus))
    assert data["stories"][0]["first_published"] == "2024-06-02"
    assert data["stories"][0]["outlets"] == 2
    assert {link["relation"] for link in data["links"]} >= {"update"}
    assert all("same_outlet" in link for link in data["links"])


def test_an_undated_report_borrows_its_story_date_but_is_never_called_later(
    tmp_path: Path,
) -> None:
    """An undated article takes its story's date to resolve 'on Monday', but a date borrowed
    says nothing of when it was written: its different figure stays a contradiction."""
    records = [
        {
            "id": "dated",
            "source": "Kessel Courier",
            "title": "Kessel valley floods kill 14",
            "text": FLOOD.format(n=14),
            "published": "2024-06-02",
        },
        {
            "id": "undated",
            "source": "Dornau Post",
            "title": "Kessel valley flood toll",
            "text": FLOOD.format(n=23),
        },
    ]
    corpus = load(_pile(tmp_path, records))
    (story,) = corpus.stories
    assert corpus.article("undated").published_inferred
    relations = {link.relation for link in corpus.alignment(story.id).links if link.conflicts}
    assert relations == {"conflict"}


def _rates(day: int, rates: tuple[str, str, str], source: str = "Varren Wire") -> dict:
    """A daily notice under one headline: a few rates, told in a line or two."""
    short, middle, long = rates
    return {
        "id": f"rates{day}-{short}",
        "source": source,
        "title": "Varren Housing Bank adjusts short-term note rates",
        "text": (
            f"The Varren Housing Bank said it set rates on its short-term notes at {short} "
            f"pct for 30 days, {middle} pct for 90 days and {long} pct for 180 days."
        ),
        "published": f"1987-04-{day:02d}",
    }


def test_one_headline_on_two_days_with_other_figures_is_the_next_report(tmp_path: Path) -> None:
    """The same headline, word for word, on two days, over other rates: two notices, two
    events, though their bodies are too short to be told alike by their words alone."""
    records = [
        _rates(1, ("5.81", "5.92", "6.03")),
        _rates(3, ("5.86", "5.97", "6.11")),
        _rates(8, ("5.90", "6.02", "6.15")),
    ]
    corpus = load(_pile(tmp_path, records))
    assert len(corpus.stories) == 3


def test_one_headline_on_two_days_with_the_same_figures_is_one_report(tmp_path: Path) -> None:
    """Told again the next day with the same figures (a repeat, a second outlet's copy): one
    report, one story."""
    records = [_rates(1, ("5.81", "5.92", "6.03")), _rates(2, ("5.81", "5.92", "6.03"))]
    corpus = load(_pile(tmp_path, records))
    assert len(corpus.stories) == 1


def test_one_headline_from_two_outlets_on_two_days_is_one_event(tmp_path: Path) -> None:
    """Two outlets under one headline a day apart, each with figures of its own, are two voices
    on one event: only one outlet's series recurs."""
    records = [
        _rates(1, ("5.81", "5.92", "6.03"), source="Varren Wire"),
        _rates(2, ("5.86", "5.97", "6.11"), source="Ostrach Post"),
    ]
    corpus = load(_pile(tmp_path, records))
    assert len(corpus.stories) == 1


def test_an_undated_notice_under_one_headline_is_not_taken_for_the_next_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recurring-notice test asks for two days: with one report undated, nothing says the
    two came out on different days, and their score keeps its whole."""
    undated = _rates(1, ("5.86", "5.97", "6.11"))
    del undated["published"]
    undated["id"] = "undated"
    corpus = load(_pile(tmp_path, [_rates(1, ("5.81", "5.92", "6.03")), undated]), cache=False)
    articles, index = corpus.articles, corpus.index

    def score() -> float:
        return stories.pair_score(
            articles,
            stories._Names(index),
            Headlines(articles, index),
            Figures(articles),
            0,
            1,
            1.0,
        )

    kept = score()
    monkeypatch.setattr(stories, "RECURRING_APART", 1.0)
    assert score() == kept
