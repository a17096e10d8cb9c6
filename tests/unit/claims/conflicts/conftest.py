"""Helpers shared by the conflict tests: the kinds of conflict compare() finds."""

from __future__ import annotations

from newsterm import compare
from newsterm.claims.compare import evidence
from newsterm.claims.prepared import prepare


def _kinds(a: str, b: str) -> set[str]:
    return {conflict.kind for conflict in compare(a, b).conflicts}


def _candidate_kinds(a: str, b: str) -> set[str]:
    """The kinds of conflict the checks propose, before the combiner (newsterm.claims.judge)
    weighs those of wording against how alike the passages are."""
    return {conflict.kind for conflict in evidence(prepare(a), prepare(b)).conflicts}
