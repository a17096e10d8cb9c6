"""Story grouping on mixed piles: one event stays together, two events of one kind come apart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsterm.corpus import split, stories
from newsterm.corpus.index import Index
from newsterm.corpus.linkage import average_linkage
from newsterm.corpus.load import load
from newsterm.model import Article, Passage

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


def _indexed(texts: list[str]) -> tuple[list[Article], Index]:
    """Bare articles, one passage each, and their index: enough for the split step."""
    articles = []
    for n, text in enumerate(texts):
        passage = Passage(
            id=f"p{n}", article_id=f"x{n}", index=0, start=0, end=len(text), text=text
        )
        articles.append(Article(id=f"x{n}", title="", text=text, passages=(passage,)))
    return articles, Index(articles)


def test_contrast_vectors_weigh_names_and_years_above_words() -> None:
    """Who and when set events apart: a name or a year shared within one event outweighs a
    rare word ("fog") shared across the two."""
    texts = [
        "The ferry Osprey ran aground near Port Wendel in 2019, harbour master Ada Kessler said.",
        "Harbour master Ada Kessler said the Osprey ran aground in 2019 in fog near Port Wendel.",
        "The ferry Tern ran aground near Bexmoor in 2021, harbour master Omar Pell said.",
        "Harbour master Omar Pell said the Tern ran aground in 2021 in fog off Bexmoor.",
    ]
    articles, index = _indexed(texts)
    vectors = split._contrast_vectors(articles, index, [0, 1, 2, 3])
    fog = index.term_ids[next(t for t in index.term_names if t.startswith("fog"))]
    second = vectors[1]
    assert ("year", "2019") in second and ("year", "2021") not in second
    assert second[("name", "ada kessler")] > second[fog]
    assert second[("year", "2019")] > second[fog]


def _two_events(
    names: tuple[str, str], teams: tuple[str, str], years: tuple[str, str]
) -> list[str]:
    """Two events of one kind told in the same words; report k of either event shares an
    outlet's turn of phrase with report k of the other, so only names and years tell them apart.
    Each outlet orders the words its own way: the reports are not copies of one another."""
    outlets = [
        "The {team} placed pitcher {name} on the injured list in {year} after an elbow strain. "
        "{name} will miss the rest of the season, and {quirk} about it.",
        "After an elbow strain in {year}, {name} will miss the rest of the season: the {team} "
        "placed the pitcher on the injured list, and {quirk} about it.",
        "On the injured list: {name}. The pitcher will miss the season's rest after an elbow "
        "strain, the {team} said in {year}, and {quirk} about it.",
        "{quirk} about it when {name}, the {team} pitcher, was placed on the injured list in "
        "{year}: an elbow strain, and he will miss the rest of the season.",
    ]
    phrasing = [
        "sources close to the bullpen whispered",
        "a glum clubhouse attendant murmured",
        "the beat reporters scribbled furiously",
        "radio callers grumbled endlessly",
    ]
    return [
        outlet.format(name=name, team=team, year=year, quirk=quirk)
        for name, team, year in zip(names, teams, years, strict=True)
        for outlet, quirk in zip(outlets, phrasing, strict=True)
    ]


def test_split_goes_by_names_and_years_when_wording_is_shared() -> None:
    """Eight reports, two players: they split by player, not by the outlets' phrasing."""
    articles, index = _indexed(
        _two_events(
            ("Ike Dunmore", "Raul Vastag"), ("Dorvale Herons", "Kestwick Owls"), ("2016", "2018")
        )
    )
    parts = sorted(split.split_group(articles, index, list(range(8))))
    assert parts == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_split_goes_by_figures_when_names_and_words_are_shared() -> None:
    """Two quakes on one island, years apart, told without a year or a date: the same place,
    the same agency, the same words. Only the magnitude and the toll tell them apart."""
    outlets = [  # the same words, each outlet in its own order
        "A magnitude {mag} quake shook Varna Island and hurt {toll} people, the Kessel "
        "Institute said, and {quirk}.",
        "The Kessel Institute said a quake of magnitude {mag} shook Varna Island; {toll} people "
        "were hurt and {quirk}.",
        "In all {toll} people were hurt when a magnitude {mag} quake shook Varna Island, said "
        "the Kessel Institute, and {quirk}.",
        "A quake of magnitude {mag} shook Varna Island, the Kessel Institute said: {toll} "
        "people were hurt, and {quirk}.",
    ]
    phrasing = [  # each report its own
        "fishermen hauled their boats ashore",
        "the harbour ferry stopped running",
        "schools sent pupils home early",
        "the island radio went off the air",
        "shopkeepers swept glass from the pavements",
        "the lighthouse keeper checked the lamp",
        "farmers counted their cattle twice",
        "a wedding went ahead in the rubble",
    ]
    events = (("5.6", "14"), ("6.1", "37"))
    texts = [
        outlet.format(mag=mag, toll=toll, quirk=phrasing[4 * e + k])
        for e, (mag, toll) in enumerate(events)
        for k, outlet in enumerate(outlets)
    ]
    parts = sorted(split.split_group(*_indexed(texts), list(range(8))))
    assert parts == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_figures_and_days_leave_years_and_clock_times_out() -> None:
    """A day is "when", a bare year belongs to the year features, a clock time is neither;
    what is left are the figures the report commits to."""
    found = split._figures_and_days(
        "On Wednesday, March 4, 2009, at 7:35 am, 12 people and 40% of the staff left; "
        "about a dozen more, in 2010, for $3 million."
    )
    assert ("day", (3, 4)) in found
    figures = {value for kind, value in found if kind == "figure"}
    assert (12.0, "") in figures and (40.0, "%") in figures and (3_000_000.0, "") in figures
    assert not {v for v, _unit in figures} & {2009.0, 2010.0, 7.0, 35.0, 4.0}


def test_a_sum_is_one_figure_however_its_money_is_written() -> None:
    """ "$3 million", "3 mln dlrs" and a bare "3 million" (its currency named earlier) state
    one figure to grouping; "3 pct" states another."""
    figures = [
        {v for kind, v in split._figures_and_days(text) if kind == "figure"}
        for text in (
            "It paid $3 million.",
            "It paid 3 mln dlrs.",
            "It paid 3 million.",
            "It paid 3 pct.",
        )
    ]
    assert figures[0] == figures[1] == figures[2] == {(3_000_000.0, "")}
    assert figures[3] == {(3.0, "%")}


def test_split_leaves_a_two_report_angle_in_its_story() -> None:
    """Two of seven reports of one fire profile its owner; they stay in the fire's story."""
    lead = (
        "A fire swept through the Brannock textile mill in Oldhaven, fire chief Ada Kessler said."
    )
    texts = [
        f"{lead} Crews fought the blaze for six hours as smoke drifted over the harbour.",
        f"{lead} Smoke drifted over the harbour and forty workers fled the dye room.",
        f"{lead} Forty workers fled when the blaze began in the dye room late at night.",
        f"{lead} The blaze began late at night and the roof of the weaving shed collapsed.",
        f"{lead} The roof of the weaving shed collapsed after crews fought for six hours.",
        f"{lead} Owner Tomas Reyes, whose grandfather Elias Reyes founded the Brannock works in "
        "1921, vowed to rebuild with help from the Reyes family trust in Valdora.",
        f"{lead} Tomas Reyes, heir to the Brannock works his grandfather Elias Reyes founded in "
        "1921, said the Reyes family trust in Valdora would pay to rebuild.",
    ]
    articles, index = _indexed(texts)
    assert split.split_group(articles, index, list(range(7))) == [list(range(7))]


def test_leads_are_the_names_a_report_repeats() -> None:
    """Whom a report is about: the name words it repeats most, possessives folded in."""
    text = (
        "Police arrested Marta Quill on Friday in Dunmere. Quill's lawyer said Quill would "
        "plead not guilty; the Dunmere court set bail, and Quill left with her brother Teo."
    )
    assert set(split._leads(text)) == {"quill", "dunmere"}


_TIED_LEADS = """
import sys
from newsterm.corpus import split
first = ["Police said Alpha met Beta. Officers saw Alpha and Beta leave."] * 4
second = ["Police said Beta met Gamma. Officers saw Beta and Gamma leave."] * 4
leads = [split._leads(text) for text in first + second]
print(split._lead_apart(leads, [0, 1, 2, 3], [4, 5, 6, 7]))
"""


def test_a_tie_between_leads_is_broken_the_same_way_in_every_run() -> None:
    """Alpha and Beta lead the first part equally often, and only Alpha is the first part's
    own. Which one wins decides the split, so it must not depend on the order a set happens to
    iterate in, which changes with the interpreter's hash seed: the same pile, the same
    stories, every time it is opened."""
    answers = set()
    for seed in range(6):
        run = subprocess.run(
            [sys.executable, "-c", _TIED_LEADS],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        answers.add(run.stdout.strip())
    assert answers == {"True"}  # Alpha, met first, leads the first part


def test_parts_with_their_own_leads_are_two_events() -> None:
    """Two arrests (Quill, Varga) are apart; two angles on Quill's arrest are not."""
    quill = [frozenset({"quill", "dunmere"})] * 3 + [frozenset({"quill", "police"})]
    varga = [frozenset({"varga", "dunmere"})] * 3 + [frozenset({"varga"})]
    assert split._lead_apart(quill + varga, [0, 1, 2, 3], [4, 5, 6, 7])
    court = [frozenset({"quill", "court"})] * 4
    assert not split._lead_apart(quill + court, [0, 1, 2, 3], [4, 5, 6, 7])
    # One part without a lead of its own: a mixed bag of follow-ups, not an event.
    mixed = [frozenset({"ames"}), frozenset({"bryce"}), frozenset({"cole"}), frozenset({"dorn"})]
    assert not split._lead_apart(quill + mixed, [0, 1, 2, 3], [4, 5, 6, 7])


def test_parts_of_a_cut_group_stay_apart_while_a_fragment_joins_its_event() -> None:
    """After a cut, groups are merged again: reports of one event left out of the first pass
    (8, 9) join the part they belong to, while the two parts, as alike as ever on words, do not
    fall back together."""
    first, second, fragment = [0, 1, 2, 3], [4, 5, 6, 7], [8, 9]
    edges: dict[int, dict[int, float]] = {k: {} for k in range(10)}

    def link(xs: list[int], ys: list[int], weight: float) -> None:
        for x in xs:
            for y in ys:
                if x != y:
                    edges[x][y] = edges[y][x] = weight

    link(first, first, 0.5)
    link(second, second, 0.5)
    link(fragment, fragment, 0.5)
    link(first, second, 0.3)  # two events of one kind: told in the same words
    link(fragment, first, 0.3)
    link(fragment, second, 0.05)
    merged = average_linkage(
        10, edges, stories.MERGE_MIN, start=[first, second, fragment], family=[0, 0, 1]
    )
    assert merged == [[0, 1, 2, 3, 8, 9], [4, 5, 6, 7]]
    # In the first pass the two events are one group, and the fragment, like only half of it,
    # averages too little to join: it is the cut that lets it in.
    assert average_linkage(10, edges, stories.MERGE_MIN) == [list(range(8)), [8, 9]]


def test_lone_article_joins_a_small_group_it_links_to() -> None:
    """One clear link into a group of three is enough to join it; the same link into a group
    of eight, which the article is otherwise unlike, is not."""
    small = {0: {1: 0.2}, 1: {0: 0.2, 2: 0.5, 3: 0.5}, 2: {1: 0.5, 3: 0.5}, 3: {1: 0.5, 2: 0.5}}
    assert stories._reattach(small, [[1, 2, 3], [0]]) == [[0, 1, 2, 3]]
    large = {k: {m: 0.5 for m in range(1, 9) if m != k} for k in range(1, 9)}
    large[0] = {1: 0.2}
    large[1][0] = 0.2
    assert stories._reattach(large, [list(range(1, 9)), [0]]) == [list(range(1, 9)), [0]]


def _fire_with_wire_profile(copies: list[str]) -> list[str]:
    """Five reports of one mill fire, each in its outlet's own words, then `copies`: outlets'
    runs of one wire profile of the mill's owner."""
    return [
        "A fire swept through the Brannock textile mill in Oldhaven, fire chief Ada Kessler "
        "said, and crews fought the blaze for six hours as smoke drifted over the harbour.",
        "Smoke from the burning Brannock mill drifted over Oldhaven harbour while forty workers "
        "fled the dye room, according to chief Ada Kessler.",
        "Forty workers escaped when a blaze began late at night in the dye room of the Brannock "
        "mill, Oldhaven fire chief Ada Kessler told reporters.",
        "Late at night the Brannock mill caught fire; by morning the roof of its weaving shed in "
        "Oldhaven had collapsed, Kessler said.",
        "Oldhaven firefighters spent six hours at the Brannock textile mill before the weaving "
        "shed roof fell in, said Ada Kessler, the town's fire chief.",
        *copies,
    ]


WIRE_PROFILE = (
    "Owner Tomas Reyes, whose grandfather Elias Reyes founded the Brannock works in 1921, "
    "vowed to rebuild with help from the Reyes family trust in Valdora. The trust, set up by "
    "Elias Reyes after the war, has paid for the Valdora chapel and the Reyes scholarships."
)


def test_copies_of_one_report_count_once() -> None:
    """A wire story run whole, run trimmed, and run with a line added is one report."""
    trimmed = WIRE_PROFILE.rsplit(" The trust", 1)[0]
    _, index = _indexed([WIRE_PROFILE, trimmed, WIRE_PROFILE + " Reyes declined to comment."])
    assert split._distinct_reports(index, [0, 1, 2]) == 1
    _, fire = _indexed(_fire_with_wire_profile([]))
    assert split._distinct_reports(fire, list(range(5))) == 5


def test_split_leaves_a_wire_angle_run_by_three_outlets_in_its_story() -> None:
    """Three outlets running one wire profile of the mill's owner are one angle on the fire,
    not a second event, though three articles would be enough for a part of their own."""
    copies = [WIRE_PROFILE] * 2 + [f"{WIRE_PROFILE} Reyes took no questions."]
    articles, index = _indexed(_fire_with_wire_profile(copies))
    assert split.split_group(articles, index, list(range(8))) == [list(range(8))]


def test_days_and_months_are_not_names_two_reports_share() -> None:
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
    # The words alone put them together: the headlines are what keeps them apart.
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


def test_a_title_made_from_the_opening_words_is_no_headline(tmp_path) -> None:
    """Without headlines the briefs are judged on their words alone, as before: a title that
    only repeats the opening words names nothing the body does not."""
    records = [{k: v for k, v in _brief(n).items() if k != "title"} for n in range(3)]
    assert _groups(load(_pile(tmp_path, records))) == [{"brief0", "brief1", "brief2"}]
