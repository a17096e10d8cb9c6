"""What a bare figure is stated of (newsterm.claims.conflicts.measures)."""

from __future__ import annotations

import pytest

from newsterm.claims.conflicts.measures import measure_of
from newsterm.claims.prepared import prepare


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Exports rose to 4,100 in May.", "export"),
        ("Retail sales (seasonally adjusted) fell 2,300 in April.", "sale"),
        ("Pending orders—which are counted a month late—dropped to 880.", "order"),
        ("The backlog, the ministry said, was 12,000.", "backlog"),
        ("Output has not grown 5% since March.", "output"),
        ("Last week was 4,000, traders said.", None),  # a time, not a measure
        ("It fell to 300.", None),
        ("Prices rose. By noon 400 had left.", None),  # another sentence
    ],
)
def test_measure_of_a_bare_figure(text: str, measure: str | None) -> None:
    prep = prepare(text)
    figure = next(q for q in prep.quantities if not q.noun)
    assert measure_of(text, figure) == measure
