"""Story grouping on mixed piles: one event stays together, two events of one kind come apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsterm.corpus import pair_signals, stories
from newsterm.corpus.load import load

from .conftest import _indexed

# Two fires of the same kind: the words are the same, the places, people and details are not.
FIRE_A = [
    "A fire swept through the Brannock textile mill in Oldhaven on {day}, and firefighters "
    "fought the blaze for six hours, fire chief Ada Kessler said.",
    "The Brannock mill blaze in Oldhaven forced 40 workers to flee; chief Ada Kessler praised "
    "the night shift for raising the alarm.",
    "Oldhaven residents were told to keep windows shut as smoke from the Brannock mill fire "
    "drifted over the harbour, Kessler said.",
    "Investigators in Oldhaven said the Brannock fire started in a dye room; owner Tomas Reyes "
    "said the mill would rebuild.",
]

FIRE_B = [
    "A fire destroyed the Lindqvist timber yard in Marrow Creek on {day}, and firefighters "
    "fought the blaze through the night, fire chief Omar Pell said.",
    "The Lindqvist yard blaze in Marrow Creek sent sparks across the railway; chief Omar Pell "
    "said crews from three towns helped.",
    "Marrow Creek residents were told to stay indoors as smoke from the Lindqvist timber fire "
    "spread along the valley, Pell said.",
    "Investigators in Marrow Creek said the Lindqvist fire began near a sawmill; manager Greta "
    "Holm said the yard was insured.",
]

SHARED = (
    "Firefighters said the blaze was under control by morning.\n"
    "Officials said no one was seriously injured in the fire.\n"
    "The fire service urged businesses to check their alarms and sprinklers."
)


def _pile(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "pile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _groups(corpus) -> list[set[str]]:
    return sorted((set(s.article_ids) for s in corpus.stories), key=min)


def _fire_records(lead: list[str], prefix: str, first_day: int) -> list[dict]:
    records = []
    for n, sentence in enumerate(lead):
        others = " ".join(s.format(day="Monday") for s in lead if s is not sentence)
        records.append(
            {
                "id": f"{prefix}{n}",
                "source": f"Outlet {n}",
                "title": sentence.split(",")[0][:60],
                "text": sentence.format(day="Monday") + "\n" + others + "\n" + SHARED,
                "published": f"2024-03-{first_day + n:02d}",
            }
        )
    return records


def test_two_events_of_one_kind_are_not_merged(tmp_path: Path) -> None:
    """Two different fires reported in the same week, same vocabulary: two stories."""
    records = _fire_records(FIRE_A, "a", 4) + _fire_records(FIRE_B, "b", 4)
    corpus = load(_pile(tmp_path, records))
    assert _groups(corpus) == [{"a0", "a1", "a2", "a3"}, {"b0", "b1", "b2", "b3"}]


def test_one_story_told_over_several_days_is_not_split(tmp_path: Path) -> None:
    """Reports of one fire spread over a week stay one story."""
    records = _fire_records(FIRE_A, "a", 1)
    for n, record in enumerate(records):
        record["published"] = f"2024-03-{1 + 2 * n:02d}"
    corpus = load(_pile(tmp_path, records))
    assert _groups(corpus) == [{"a0", "a1", "a2", "a3"}]


@pytest.mark.parametrize(("second", "together"), [("2024-03-05", True), ("2025-03-05", False)])
def test_publication_dates_far_apart_separate_a_story(
    tmp_path: Path, second: str, together: bool
) -> None:
    """Two related reports a day apart are one story; the same two a year apart are not.

    Each report names someone the other does not (a day of the week names no one)."""
    records = [
        {
            "id": "first",
            "title": "Mill fire in Oldhaven",
            "text": FIRE_A[0].format(day="Monday")
            + " Night manager Ruth Okafor raised the alarm.\n"
            + SHARED,
            "published": "2024-03-04",
        },
        {
            "id": "second",
            "title": "Oldhaven mill blaze",
            "text": FIRE_A[1] + "\n" + FIRE_A[3] + "\n" + SHARED,
            "published": second,
        },
    ]
    corpus = load(_pile(tmp_path, records))
    assert (len(corpus.stories) == 1) is together


def test_unrelated_articles_stay_apart(tmp_path: Path) -> None:
    """A fire and a football result share no story."""
    records = [
        *_fire_records(FIRE_A, "a", 4)[:2],
        {
            "id": "match",
            "title": "Rovers win derby",
            "text": "Oldhaven Rovers beat Marrow Creek United 3-1 in the derby on Saturday.\n"
            "Striker Lena Park scored twice before half-time.",
            "published": "2024-03-05",
        },
    ]
    corpus = load(_pile(tmp_path, records))
    assert {"match"} in _groups(corpus)


def test_story_members_listed_oldest_first(tmp_path: Path) -> None:
    """Within a story, dated articles come oldest first."""
    records = _fire_records(FIRE_A, "a", 4)
    records.reverse()
    corpus = load(_pile(tmp_path, records))
    (story,) = corpus.stories
    assert story.article_ids == ("a0", "a1", "a2", "a3")


def test_lone_article_joins_a_small_group_it_links_to() -> None:
    """One clear link into a group of three is enough to join it; the same link into a group
    of eight, which the article is otherwise unlike, is not."""
    small = {0: {1: 0.2}, 1: {0: 0.2, 2: 0.5, 3: 0.5}, 2: {1: 0.5, 3: 0.5}, 3: {1: 0.5, 2: 0.5}}
    assert stories._reattach(small, [[1, 2, 3], [0]]) == [[0, 1, 2, 3]]
    large = {k: {m: 0.5 for m in range(1, 9) if m != k} for k in range(1, 9)}
    large[0] = {1: 0.2}
    large[1][0] = 0.2
    assert stories._reattach(large, [list(range(1, 9)), [0]]) == [list(range(1, 9)), [0]]


def test_days_and_months_are_not_names_two_reports_share(monkeypatch) -> None:
    """Two killings reported on a Friday in September share a day, not a person or a place: a
    short report whose only capitalised words are its date shares no names with the other."""
    _, index = _indexed(
        [
            "Police arrested a woman on Friday in the killing of two co-workers in September.",
            "A suspended worker shot two women at the Kraft plant in Northeast Philadelphia on "
            "Friday, police said of the September shooting.",
            "Yvonne Hiller was charged in the Kraft plant shooting in Northeast Philadelphia.",
        ]
    )
    # Weighed against the reports' own names (see NAMES_SHARED_FULL): all of them shared.
    monkeypatch.setattr(stories, "NAMES_SHARED_FULL", 0)
    names = stories._Names(index)
    assert names.similarity(0, 1) is None
    assert names.similarity(1, 2) == pytest.approx(1.0)


# Three firms' note sales, filed on three days through one lead manager: the bodies share
# the manager, the agency and most words, and only the headline says whose notes they are.
_BRIEFS = [
    "{firm} is raising {size} mln dlrs through an offering of notes due {due} yielding {rate} "
    "pct, said lead manager Salton Brothers.",
    "{firm} said it is offering {size} mln dlrs of notes due {due} with a {rate} pct coupon, "
    "priced at par by Salton Brothers.",
    "An offering of {size} mln dlrs of {firm} notes due {due} was priced to yield {rate} pct, "
    "said Salton Brothers.",
]

_FIRMS = [
    ("BRANNOCK MILLS", "BRM", "Brannock Mills Inc"),
    ("OSPREY FREIGHT", "OSF", "Osprey Freight Corp"),
    ("KESTWICK FOODS", "KWF", "Kestwick Foods Co"),
]


def _brief(n: int) -> dict:
    headline, ticker, firm = _FIRMS[n]
    rate = f"{7 + n}.{n}5"
    text = _BRIEFS[n].format(firm=firm, size=100 + 50 * n, due=1992 + n, rate=rate)
    text += (
        f" The notes are non-callable for {3 + n} years and were rated A-{1 + n % 2} by Moody's."
    )
    return {
        "id": f"brief{n}",
        "title": f"{headline} <{ticker}> SELLS NOTES AT {rate} PCT",
        "text": text,
        "source": "Wire",
        "published": f"2026-03-0{n + 1}",
    }


def test_briefs_of_different_firms_in_one_template_are_not_one_story(tmp_path, monkeypatch) -> None:
    """Each headline names a firm the other briefs never mention: three stories, not one story
    of three reports contradicting each other's amounts and rates."""
    path = _pile(tmp_path, [_brief(n) for n in range(3)])
    assert _groups(load(path)) == [{"brief0"}, {"brief1"}, {"brief2"}]
    # The words and the names they share put them together: the headlines are what keeps them
    # apart (with the names weighed as before NAMES_SHARED_FULL, which alone now tells them
    # apart in so small a pile).
    monkeypatch.setattr(stories, "NAMES_SHARED_FULL", 0)
    monkeypatch.setattr(stories, "HEADLINE_APART", 1.0)
    assert _groups(load(path, cache=False)) == [{"brief0", "brief1", "brief2"}]


def test_reports_of_one_event_with_headlines_worded_apart_stay_together(tmp_path) -> None:
    """Headlines of one event may share no word ("Osprey sinks" / "Twelve rescued at
    Wendel"), but each report mentions what the other's headline names."""
    body = (
        "The ferry Osprey sank off Port Wendel on Monday and twelve passengers were rescued, "
        "harbour master Ada Kessler said. Kessler said the Osprey struck rocks in fog."
    )
    records = [
        {"id": "a", "title": "Ferry Osprey sinks in fog", "text": body, "source": "One"},
        {
            "id": "b",
            "title": "Twelve rescued at Port Wendel",
            "text": body.replace("sank", "went down").replace("struck", "hit"),
            "source": "Two",
        },
    ]
    corpus = load(_pile(tmp_path, records))
    assert _groups(corpus) == [{"a", "b"}]


def test_a_title_made_from_the_opening_words_is_no_headline(tmp_path, monkeypatch) -> None:
    """Without headlines the briefs are judged on their words and names alone, as before: a
    title that only repeats the opening words names nothing the body does not. (Names weighed
    as before NAMES_SHARED_FULL, which would keep these three briefs apart on its own.)"""
    monkeypatch.setattr(stories, "NAMES_SHARED_FULL", 0)
    records = [{k: v for k, v in _brief(n).items() if k != "title"} for n in range(3)]
    assert _groups(load(_pile(tmp_path, records))) == [{"brief0", "brief1", "brief2"}]


# Morning briefs of three grain markets in one template, as a wire archive files them: the
# headline, in capitals, names the market; the body never does.
_MARKETS = ("KELSO", "DUNMORE", "ARDLOW")


def _market_brief(n: int) -> dict:
    return {
        "id": f"market{n}",
        "title": f"{_MARKETS[n]} BARLEY SEEN STEADY/UP 0.{n + 2}5 DLR - DEALERS",
        "text": (
            f"Barley prices are expected steady to 0.{n + 2}5 dlr higher on estimated "
            f"arrivals of {2 + n},{n}00 tonnes, dealers said. Top seen at {9 + n}.40 dlrs a "
            "bushel.\nDealers said the market closed firmer late yesterday."
        ),
        "source": "Wire",
        "published": "2026-04-07",
    }


def test_briefs_in_capitals_naming_different_markets_are_stories_of_their_own(
    tmp_path, monkeypatch
) -> None:
    """Each headline names a market its body and the other briefs never mention, and the
    headlines are otherwise alike: three events, not one story of three conflicting prices."""
    path = _pile(tmp_path, [_market_brief(n) for n in range(3)])
    assert _groups(load(path, cache=False)) == [{"market0"}, {"market1"}, {"market2"}]
    monkeypatch.setattr(stories, "SUBJECTS_APART", 1.0)
    assert _groups(load(path, cache=False)) == [{"market0", "market1", "market2"}]


def test_reactions_in_capitals_to_one_event_stay_one_story(tmp_path, monkeypatch) -> None:
    """Headlines alike but for their verbs, which the bodies word otherwise: the verbs are no
    subjects (WordNet knows them as verbs), so the reactions stay one story."""
    said = {
        "union": "Its members had waited two years for the pay rise the accord brings.",
        "mayor": "The town council will spend the new port fees on roads and schools.",
    }
    records = [
        {
            "id": f"reaction{n}",
            "title": f"{who.upper()} {verb} HARBOUR ACCORD",
            "text": (
                f"The {who} said on Monday that the harbour accord signed in Port Wendel "
                f"would secure jobs at the docks. {said[who]}"
            ),
            "source": "Wire",
            "published": "2026-04-07",
        }
        for n, (who, verb) in enumerate((("union", "APPLAUDS"), ("mayor", "HAILS")))
    ]
    path = _pile(tmp_path, records)
    assert _groups(load(path, cache=False)) == [{"reaction0", "reaction1"}]
    monkeypatch.setattr(pair_signals, "only_noun", lambda stem: True)
    assert _groups(load(path, cache=False)) == [{"reaction0"}, {"reaction1"}]


def test_the_day_in_wire_headlines_is_not_what_the_briefs_are_about(tmp_path, monkeypatch) -> None:
    """Two markets' tables filed the same day under "... - APR 7": the day is the template's,
    so each headline's subject is its market alone, which the other brief never mentions."""
    records = [
        {
            "id": "rates",
            "title": "KELSO EXCHS NOON - APR 7",
            "text": (
                "Dlr 7.8035 uk 12.622 - 12.634 us/uk 1.6180 - 1.6190 us/w ger 1.8215 - "
                "1.8225. Total todate 20."
            ),
        },
        {
            "id": "tenders",
            "title": "DUNMORE COFFEE TENDERS - APR 7",
            "text": "None posted, total todate 20 originals. Dlr 7.8030 uk 12.622 us/uk 1.6180.",
        },
    ]
    for record in records:
        record.update(source="Wire", published="2026-04-07")
    path = _pile(tmp_path, records)
    assert _groups(load(path, cache=False)) == [{"rates"}, {"tenders"}]
    monkeypatch.setattr(pair_signals, "CALENDAR_TERMS", frozenset())
    assert _groups(load(path, cache=False)) == [{"rates", "tenders"}]


# Towns of other reports of the pile, so that the country is rare in it, as in an archive.
_TOWNS = ("Weilbach", "Dornau", "Kelso", "Dunmore", "Ardlow", "Wendel")


def test_one_shared_country_is_not_all_of_two_reports_names_in_common(monkeypatch) -> None:
    """Two briefs that each name only Indonesia share all their names, and so does every
    other brief from there (sugar output, copra imports): weighed against the few names a
    short brief carries, the country alone made them one story. Two reports naming the same
    minister, firm and town share what tells one event."""
    texts = [
        "Cane growers in Indonesia said sugar output would miss its target this season.",
        "Coconut crushers in Indonesia will not buy copra abroad this year, officials said.",
        "Minister Ilse Marten of Varrenland opened the Brannock Mills plant in Oldhaven on "
        "Monday with Tomas Reyes of Osprey Freight.",
        "In Oldhaven, Minister Ilse Marten and Tomas Reyes of Osprey Freight opened the "
        "Brannock Mills plant of Varrenland.",
    ]
    texts += [f"Officials in {town} said the {town} harbour reopened." for town in _TOWNS]
    _, index = _indexed(texts)
    names = stories._Names(index)
    country, event = names.similarity(0, 1), names.similarity(2, 3)
    assert country is not None and event is not None
    assert country < 0.3 < event
    monkeypatch.setattr(stories, "NAMES_SHARED_FULL", 0)
    assert stories._Names(index).similarity(0, 1) == pytest.approx(1.0)
