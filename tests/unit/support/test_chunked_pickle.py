"""Pickling in pieces: what comes back is what went in, and the writer can be stopped."""

from __future__ import annotations

import io

import pytest

from newsterm import load
from newsterm.support import chunked_pickle
from newsterm.support.pausing import Cancelled


def test_nested_lists_tuples_and_dicts_come_back_equal() -> None:
    value = (
        [{"id": n, "words": ["a"] * (n % 5)} for n in range(2500)],
        tuple(range(3001)),
        {f"term{n}": [n, n + 1] for n in range(1200)},
        ["few", ("small", 2), {"x": 1}],
        None,
    )
    out = io.BytesIO()
    chunked_pickle.dump(value, out)
    out.seek(0)
    assert chunked_pickle.load(out) == value


def test_an_index_comes_back_and_still_answers_searches(seeds) -> None:
    index = load([seeds]).index
    out = io.BytesIO()
    chunked_pickle.dump(index, out)
    out.seek(0)
    back = chunked_pickle.load(out)
    assert type(back) is type(index)
    assert [(h.passage_id, h.score) for h in back.search("Korea")] == [
        (h.passage_id, h.score) for h in index.search("Korea")
    ]


def test_pause_runs_between_pieces_and_can_stop_the_writing() -> None:
    value = [list(range(10)) for _ in range(chunked_pickle.CHUNK * 5)]
    calls = 0

    def counting() -> bool:
        nonlocal calls
        calls += 1
        return True

    chunked_pickle.dump(value, io.BytesIO(), counting)
    assert calls >= 5

    def stop_after_two() -> bool:
        nonlocal calls
        calls += 1
        return calls <= 2

    calls = 0
    with pytest.raises(Cancelled):
        chunked_pickle.dump(value, io.BytesIO(), stop_after_two)
    assert calls == 3
