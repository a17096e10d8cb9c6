"""What the app remembers between runs: the theme, the panes shown, and where the reader was in
each pile, in one small JSON file of the platform's state folder.

A reader who closes newsterm on a story and opens it again on the same pile expects to be back
on that passage, with the panes and the theme they chose. The pile is known by its sources (see
`pile_key`), so another pile opens at its own last place, or at its start.

The file is the app's own, but it is read as untrusted: anything in it that is not what the app
writes (a damaged file, a value of the wrong type, a theme that no longer exists, an article the
pile no longer holds) is ignored, never an error. It is written atomically (a temporary file in
the same folder, then renamed), so a crash leaves the old file or the new one, never half of
one; a write that fails costs only what would have been remembered.

`$NEWSTERM_STATE_DIR` names another folder (the tests use one of their own).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsterm.tui.history import Place

STATE_ENV = "NEWSTERM_STATE_DIR"
FILE_NAME = "state.json"
VERSION = 1
MAX_PILES = 50  # places remembered, the most recently read kept
MAX_BYTES = 1 << 20  # a bigger file is not ours: it is not read


def state_dir() -> Path:
    """$NEWSTERM_STATE_DIR, else the platform's state folder (~/.local/state/newsterm)."""
    chosen = os.environ.get(STATE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_state_dir("newsterm", appauthor=False))


def pile_key(sources: Sequence[str] | None) -> str:
    """One pile's name in the file: a digest of its sources, as absolute paths and in any
    order, so the same folder opened from elsewhere is the same pile. (A digest, so that the
    file does not list the folders a reader has read.)"""
    if not sources:
        return "seeds"
    named = sorted(
        source if "://" in source else os.path.abspath(os.path.expanduser(source))
        for source in sources
    )
    return hashlib.sha256("\0".join(named).encode("utf-8", "surrogateescape")).hexdigest()[:32]


@dataclass
class Settings:
    """The remembered state; every field has a default that means 'nothing remembered'."""

    theme: str | None = None
    sources_toggled: bool = False  # MainScreen's class "-sources-toggled"
    crossref_hidden: bool = False  # MainScreen's class "-crossref-hidden"
    places: dict[str, Place] = field(default_factory=dict)  # pile key -> place, oldest first

    def place(self, pile: str) -> Place | None:
        return self.places.get(pile)

    def remember(self, pile: str, place: Place) -> None:
        """The pile's last place, made the most recent; the oldest piles forgotten."""
        self.places.pop(pile, None)
        self.places[pile] = place
        for old in list(self.places)[:-MAX_PILES]:
            del self.places[old]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "theme": self.theme,
            "sources_toggled": self.sources_toggled,
            "crossref_hidden": self.crossref_hidden,
            "places": {
                pile: {"article": place.article_id, "passage": place.passage}
                for pile, place in self.places.items()
            },
        }

    @classmethod
    def from_json(cls, data: object) -> Settings:
        """What can be trusted of `data`: each field taken only if it has the right type."""
        found = cls()
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return found
        theme = data.get("theme")
        if isinstance(theme, str) and 0 < len(theme) <= 100:
            found.theme = theme
        for name in ("sources_toggled", "crossref_hidden"):
            if isinstance(data.get(name), bool):
                setattr(found, name, data[name])
        places = data.get("places")
        if isinstance(places, dict):
            for pile, entry in list(places.items())[-MAX_PILES:]:
                if not isinstance(entry, dict):
                    continue
                article, passage = entry.get("article"), entry.get("passage")
                if (
                    isinstance(article, str)
                    and 0 < len(article) <= 4096
                    and type(passage) is int
                    and 0 <= passage < 1_000_000
                ):
                    found.places[str(pile)] = Place(article, passage)
        return found


def load(folder: Path | None = None) -> Settings:
    """The remembered state; the defaults when there is none or it cannot be trusted."""
    path = (folder or state_dir()) / FILE_NAME
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return Settings()
        return Settings.from_json(json.loads(raw.decode("utf-8")))
    except (OSError, ValueError, RecursionError):
        return Settings()


def save(settings: Settings, folder: Path | None = None) -> bool:
    """Write the state atomically; False (and nothing changed) if it could not be written."""
    folder = folder or state_dir()
    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=1)
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".part", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, folder / FILE_NAME)
        return True
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
