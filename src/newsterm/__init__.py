"""newsterm: read several news articles about one story side by side.

The public API is small: `load()` reads sources into a `Corpus` (articles, stories, alignment on
demand) and `compare()` relates two passages. Importing this package loads the engine only;
the terminal UI lives in `newsterm.tui` and is imported by the CLI when it is needed.
"""

from importlib import metadata

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

__version__ = metadata.version("newsterm")  # one source: the project's metadata

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
