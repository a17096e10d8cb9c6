"""Helpers shared by the conflict tests: the kinds of conflict compare() finds."""

from __future__ import annotations

from newsterm import compare


def _kinds(a: str, b: str) -> set[str]:
    return {conflict.kind for conflict in compare(a, b).conflicts}
