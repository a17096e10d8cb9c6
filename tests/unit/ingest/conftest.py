"""Helpers shared by the ingest tests: a sink that keeps the errors a reader reports."""

from __future__ import annotations


def _errors() -> tuple[list[tuple[str, str]], object]:
    errors: list[tuple[str, str]] = []
    return errors, lambda where, why: errors.append((where, why))
