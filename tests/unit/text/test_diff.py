"""Which words light up as different between two wordings of one claim."""

from __future__ import annotations

from newsterm.text.diff import differing_spans, mark, pair_spans


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_a_changed_number_is_marked_on_both_sides() -> None:
    a = "Rescuers found 12 survivors in the river on Tuesday."
    b = "Rescuers found 15 survivors in the river on Tuesday."
    spans_a, spans_b = pair_spans(a, b)
    assert marked(a, spans_a) == ["12"]
    assert marked(b, spans_b) == ["15"]


def test_inflections_do_not_light_up_but_synonyms_do() -> None:
    a = "Two climbers were injured when the ropes snapped."
    b = "Two climbers are wounded when a rope snaps."
    spans_a, spans_b = pair_spans(a, b)
    assert marked(a, spans_a) == ["injured"]
    assert marked(b, spans_b) == ["wounded"]


def test_a_word_moved_elsewhere_in_the_sentence_is_not_a_difference() -> None:
    a = "The ministry shipped grain in 2023 from Odesa to Cairo."
    b = "From Odesa to Cairo the ministry shipped grain in 2023 by sea."
    spans_a, spans_b = pair_spans(a, b)
    assert "2023" not in " ".join(marked(a, spans_a))
    assert "2023" not in " ".join(marked(b, spans_b))
    assert marked(b, spans_b) == ["sea"]


def test_a_moved_word_pairs_once_so_a_repeated_word_still_shows() -> None:
    a = "Police said the fire started late; police said."
    b = "The fire started late, police said."
    spans_a, _ = pair_spans(a, b)
    assert marked(a, spans_a) == ["Police"]


def test_a_word_no_other_source_uses_is_marked_against_all_of_them() -> None:
    text = "The mayor resigned on Monday after the vote."
    others = ["The mayor resigned after the vote.", "After the vote the mayor resigned."]
    assert marked(text, differing_spans(text, others)) == ["Monday"]


def test_stopwords_alone_are_not_marked() -> None:
    a, b = "The council approved the plan.", "A council approved a plan."
    assert pair_spans(a, b) == ([], [])


def test_mark_wraps_each_span() -> None:
    assert mark("seven other countries", [(0, 5)], "[-", "-]") == "[-seven-] other countries"
