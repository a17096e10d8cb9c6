"""Loading in a child process: bounded by a time limit (a load that hangs fails the test
instead of hanging the suite) and measured on its own (its peak resident memory, against the
peak of the same child loading one small file, since what the modules take varies)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import NamedTuple

WAIT = 60.0
SCRIPT = (
    "import json, resource, sys, newsterm\n"
    "c = newsterm.load(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "print(json.dumps([[a.title for a in c.articles],"
    " [[e.location, e.reason] for e in c.errors], peak]))\n"
)
# What reading a huge file may add to the peak of reading a small one: a bounded read holds a
# few chunks of some MB, never the file.
MARGIN_MB = 120


class Loaded(NamedTuple):
    titles: list[str]
    errors: list[tuple[str, str]]
    peak_mb: float  # the child's largest resident size


def load_in_child(*paths: Path) -> Loaded:
    """What a load done by another process found, that process killed after WAIT seconds."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=True,
    )
    titles, errors, peak = json.loads(result.stdout)
    return Loaded(titles, [tuple(e) for e in errors], peak)


@cache
def small_load_mb() -> float:
    """The peak of a child that loads one short article."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "small.txt"
        path.write_text("A title\n\nThe ferry left at nine on Monday, the company said.\n")
        return load_in_child(path).peak_mb


def bounded_memory(loaded: Loaded) -> bool:
    return loaded.peak_mb < small_load_mb() + MARGIN_MB
