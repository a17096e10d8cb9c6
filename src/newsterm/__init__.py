"""newsterm: read several news articles about one story side by side.

The public API is small: `load()` reads sources into a `Corpus` (articles, stories, alignment on
demand) and `compare()` relates two passages. Importing this package loads the engine only;
the terminal UI lives in `newsterm.tui` and is imported by the CLI when it is needed.
"""

from newsterm.compare import compare
from newsterm.corpus import Corpus, load
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

__version__ = "0.1.0"

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
