"""Every stage's output on the bundled seeds, compared line by line with a recorded reference.

The fast end of the differential harness (bench/stages.py, which runs BASIL, ECB+ and 5,000
Reuters articles too): a rewrite of a hot path that moves any article, index term, story or link
of the seeds fails here in a second, and names the stage. A change that means to move them says
why, and records the reference again:

    NEWSTERM_RECORD_STAGES=1 python -m pytest tests/unit/corpus/test_stages.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import newsterm
from newsterm.corpus.load import seeds_path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from stages import STAGES, stage_lines

REFERENCE = Path(__file__).with_name("seeds_stages.txt")
# The seeds' folder is in their paths; the reference holds this instead, so that any checkout
# (or installed copy) compares the same.
FOLDER = "<seeds>"


def _lines() -> list[str]:
    corpus = newsterm.load(None, workers=1)
    folder = str(seeds_path())
    return [
        f"{stage}\t{line.replace(folder, FOLDER)}"
        for stage in STAGES
        for line in stage_lines(corpus, stage)
    ]


def test_every_stage_of_the_seeds_is_as_recorded() -> None:
    lines = _lines()
    if os.environ.get("NEWSTERM_RECORD_STAGES"):
        REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pytest.skip("reference recorded")
    recorded = REFERENCE.read_text(encoding="utf-8").splitlines()
    for stage in STAGES:
        was = [line for line in recorded if line.startswith(f"{stage}\t")]
        now = [line for line in lines if line.startswith(f"{stage}\t")]
        assert now == was, f"the {stage} stage moved"
