"""Proof, on real text, that the quantity pre-check changes nothing.

`newsterm.facts.numbers.may_hold_quantity` spares a passage the figure and clock-time scans when
it has no digit, no currency sign and no number word but "a"/"an". It is a superset test by
construction (every match of QUANTITY_RE holds one of those); this runs both paths over every
passage of the piles of bench/stages.py (seeds, BASIL, ECB+, 5,000 Reuters) and every line of
all Reuters-21578, and counts the texts whose dates and figures differ (exit 1 if any).

    python bench/quantity_precheck.py [--work /tmp/newsterm-stages]

On 366,331 texts: 228,396 (62%) skip the scans, 0 differences.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import newsterm
from golden_exports import DEFAULT_EVAL, piles
from newsterm.facts import extract, numbers
from reuters import DEFAULT_CORPUS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsterm-stages"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    for sources in piles(DEFAULT_EVAL, args.work).values():
        corpus = newsterm.load(sources or None, workers=1)
        texts += [p.text for a in corpus.articles for p in a.passages]
    with DEFAULT_CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            texts += [part for part in json.loads(line)["text"].split("\n") if part.strip()]
    skipped = sum(not numbers.may_hold_quantity(text) for text in texts)
    checked = [extract.dates_and_quantities(text) for text in texts]
    always = lambda text: True  # noqa: E731 - the scans run on every text, as before
    setattr(numbers, "may_hold_quantity", always)  # noqa: B010 - both modules' name, replaced
    setattr(extract, "may_hold_quantity", always)  # noqa: B010
    scanned = [extract.dates_and_quantities(text) for text in texts]
    differ = sum(x != y for x, y in zip(checked, scanned, strict=True))
    print(f"{len(texts):,} texts, {skipped:,} spared the scans, {differ} differences")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
