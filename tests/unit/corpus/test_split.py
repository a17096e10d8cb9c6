"""Splitting a group of two events of one kind: by names, years, figures and leads, not angles."""

from __future__ import annotations

import os
import subprocess
import sys

from newsterm.corpus import split
from newsterm.facts.extract import figures_and_days

from .conftest import _indexed


# What sets two events apart
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
    found = figures_and_days(
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
        {v for kind, v in figures_and_days(text) if kind == "figure"}
        for text in (
            "It paid $3 million.",
            "It paid 3 mln dlrs.",
            "It paid 3 million.",
            "It paid 3 pct.",
        )
    ]
    assert figures[0] == figures[1] == figures[2] == {(3_000_000.0, "")}
    assert figures[3] == {(3.0, "%")}


# Leads: whom each part is about
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


# Angles and wire copy stay in their story
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
