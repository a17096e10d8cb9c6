"""A figure read from news prose: the words, where they are, and the interval they commit to.

Its own module so that the readers that build figures (numbers, ranges) share it without
importing each other; newsterm.facts.numbers says how text becomes one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text: the words, where they are, and the interval they commit to."""

    text: str
    start: int
    end: int
    low: float
    high: float
    value: float
    unit: str  # "", "%", or a currency code
    noun: str  # stem of the counted noun ("countri"), "" when none could be found
    noun_text: str  # the noun phrase as written ("other countries")
    qualifier: str  # "", "approx", "lower", "upper"
    qualifier_text: str
    vague: bool
    # A range's two figures as written ("between 30 and 80": 30 and 80), None for one figure;
    # see newsterm.facts.ranges.
    ends: tuple[float, float] | None = None
    # The unit of time the figure is hyphenated onto ("32-year-old": "year"), or "": a count
    # of years, compared with a count of decades as a length of time (durations).
    span: str = ""

    @property
    def range(self) -> bool:
        return self.ends is not None

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high
