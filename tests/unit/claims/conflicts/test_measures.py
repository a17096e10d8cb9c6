"""What a figure is stated of, and for when (newsterm.claims.conflicts.measures)."""

from __future__ import annotations

import pytest

from newsterm import compare
from newsterm.claims.conflicts import numbers
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


# A monthly release told in one template: what it measures, the figure, its month, the change.
_RELEASE = "{} {} in {}, down {} from the previous month's revised level, the agency said."


def _number_kinds(a: str, b: str) -> set[str]:
    return {conflict.kind for conflict in compare(a, b).conflicts}


def test_figures_of_two_months_are_not_two_tellings(monkeypatch: pytest.MonkeyPatch) -> None:
    """January's figure and December's are two figures; the months themselves are still
    compared by the date checks, so a report that moves the event is caught there."""
    january = _RELEASE.format("Exports rose to", "4,100 tonnes", "January", "300")
    december = _RELEASE.format("Exports rose to", "3,800 tonnes", "December", "250")
    also_january = _RELEASE.format("Exports rose to", "3,800 tonnes", "January", "250")
    assert _number_kinds(january, december) == {"date"}
    assert "number" in _number_kinds(january, also_january)
    the_year = _RELEASE.format("Exports rose to", "51,000 tonnes", "2024", "3,100")
    march = _RELEASE.format("Exports rose to", "4,300 tonnes", "March 2024", "260")
    assert "number" not in _number_kinds(the_year, march)  # the month's is not the year's
    monkeypatch.setattr(numbers, "periods_apart", lambda *_: False)
    assert "number" in _number_kinds(january, december)


def test_a_sum_of_money_is_stated_of_its_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "378.5 billion dlrs" counts dollars, which says nothing of what it measures: the
    construction spending of one report and the new orders of the other are two series."""
    spending = _RELEASE.format("Construction spending was", "378.5 billion dlrs", "May", "3.6")
    orders = _RELEASE.format("New orders were", "194.5 billion dlrs", "May", "8.2")
    assert "number" not in _number_kinds(spending, orders)
    monkeypatch.setattr(numbers, "measures_apart", lambda *_: False)
    assert "number" in _number_kinds(spending, orders)


def test_a_weight_is_stated_of_the_noun_before_its_verb() -> None:
    """A figure that counts only its unit ("9,000 tonnes") measures what the sentence says
    before the verb: shipments and output are two measures, not one figure told twice."""
    a = "Shipments fell to 9,000 tonnes in May, the ministry said."
    b = "Output fell to 7,000 tonnes in May, the ministry said."
    assert compare(a, b).relation != "conflict"
    same = "Shipments fell to 7,000 tonnes in May, the ministry said."
    assert compare(a, same).relation == "conflict"
