"""Piles for the real-terminal tests: many short council reports, written in a moment."""

from __future__ import annotations

import json
from pathlib import Path

TOWNS = ["Oldhaven", "Marrow Creek", "Pellworth", "Ashby", "Brannock", "Lindqvist"]


def council_reports(path: Path, *, count: int = 0, min_bytes: int = 0) -> Path:
    """`count` reports, or as many as make the file `min_bytes` long, as JSON Lines."""
    with path.open("w", encoding="utf-8") as out:
        n = 0
        while n < count or out.tell() < min_bytes:
            town = TOWNS[n % len(TOWNS)]
            record = {
                "id": f"a{n}",
                "title": f"{town} council report number {n}",
                "source": f"Outlet {n % 7}",
                "published": f"2024-03-{1 + n % 28:02d}",
                "text": f"The {town} council met on Monday about item {n}. "
                f"Officials said {n % 90 + 10} people attended and the vote was {n % 9} to 2.",
            }
            out.write(json.dumps(record) + "\n")
            n += 1
    return path
