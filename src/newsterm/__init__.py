"""newsterm: read several news articles about one story side by side.

The public API is small: `load()` reads sources into a `Corpus` (articles, stories, alignment on
demand) and `compare()` relates two passages. Importing this package loads nothing yet: each
name is imported when first used, so that `newsterm --version`, the first frame of the app and
a Ctrl+C at once do not wait for the whole engine (the terminal UI lives in `newsterm.tui`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsterm.claims.compare import compare
    from newsterm.corpus.corpus import Corpus
    from newsterm.corpus.load import load
    from newsterm.model import (
        Article,
        Comparison,
        Conflict,
        Link,
        LoadError,
        Passage,
        Story,
        StoryAlignment,
    )

# Where each public name lives: imported on first use (see __getattr__).
_HOMES = {
    "compare": "newsterm.claims.compare",
    "Corpus": "newsterm.corpus.corpus",
    "load": "newsterm.corpus.load",
    **dict.fromkeys(
        (
            "Article",
            "Comparison",
            "Conflict",
            "Link",
            "LoadError",
            "Passage",
            "Story",
            "StoryAlignment",
        ),
        "newsterm.model",
    ),
}

__all__ = [
    "Article",
    "Comparison",
    "Conflict",
    "Corpus",
    "Link",
    "LoadError",
    "Passage",
    "Story",
    "StoryAlignment",
    "__version__",
    "compare",
    "load",
]


def __getattr__(name: str) -> Any:
    """A public name, imported the first time it is asked for, then kept."""
    if name == "__version__":
        from importlib import metadata

        value: Any = metadata.version("newsterm")  # one source: the project's metadata
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'newsterm' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
