"""Story grouping on mixed piles: one event stays together, two events of one kind come apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsterm.corpus import load

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
    """Two related reports a day apart are one story; the same two a year apart are not."""
    records = [
        {
            "id": "first",
            "title": "Mill fire in Oldhaven",
            "text": FIRE_A[0].format(day="Monday") + "\n" + SHARED,
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
