"""The --save folder: what was fetched, kept as files that read back as the same articles.

Names come from the URL and the order given (newsterm.ingest.web numbers them), so reading the
folder back walks them in that order. A name taken gets -2, -3...: nothing is ever overwritten,
and each file is created exclusively, so a link planted under a name is never followed. A
hidden manifest notes each file's URL and fetch time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from newsterm.ingest.fetch import Response

__all__ = ["FEED_COPY", "MANIFEST", "Saver", "about", "slug", "stamp"]

# Beside the saved files, one JSON line per file saved: where it came from and when. Hidden, so
# that reading the folder back never takes it for an article.
MANIFEST = ".newsterm-fetched.jsonl"
# Inside a --full feed's folder, the feed itself: hidden, since its entries are the pages beside it.
FEED_COPY = ".feed.xml"

ErrorSink = Callable[[str, str], None]


_SUFFIX = re.compile(r"\.(?:s?html?|xhtml|php\d?|aspx?|jsp|cms|xml|rss|atom|rdf)$", re.IGNORECASE)


def slug(url: str, limit: int = 80) -> str:
    """A file name stem for a URL: host and path in ASCII letters, digits, '.', '_' and '-'.

    Never empty, never starting with '.' (hidden, or '..'), without '/' or any control
    character, whatever the URL holds; a query adds a short digest so that ?id=1 and ?id=2
    differ."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        port = parts.port
    except ValueError:
        parts, host, port = urlsplit(""), "", None
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    words = [host + (f"_{port}" if port else ""), *unquote(parts.path).split("/")]
    text = "-".join(word for word in words if word.strip("."))  # no "." or ".." part
    text = _SUFFIX.sub("", text)
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = text[:limit].strip("-._") or "page"
    if parts.query:
        text += "-" + hashlib.sha256(parts.query.encode("utf-8", "replace")).hexdigest()[:8]
    return text


@dataclass(frozen=True)
class _Slot:
    """A name taken in the --save folder: the stem (the article id), and the open new file."""

    stem: str
    path: Path | None = None
    fd: int | None = None


class Saver:
    """Writes what was fetched into the --save folder: never over a file (a taken name gets
    -2, -3...), each file created exclusively so that no link is followed, and each noted in
    the manifest. Without a folder it only names, so that ids are the same saved or not."""

    def __init__(self, folder: Path | None, on_error: ErrorSink) -> None:
        self.folder = folder.expanduser() if folder is not None else None
        self.on_error = on_error
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except FileExistsError:
                self._fail("it exists and is not a folder")
            except OSError as exc:
                self._fail(exc.strerror or str(exc))

    def _fail(self, why: str) -> None:
        """Saving stops (said once); reading goes on."""
        if self.folder is not None:
            self.on_error(str(self.folder), f"cannot save what is fetched here: {why}")
        self.folder = None

    def new_folder(self, base: str) -> Path | None:
        """A new sub-folder named `base` (or base-2...), or None when not saving."""
        for name in _candidates(base):
            if self.folder is None:
                return None
            try:
                (self.folder / name).mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                self._fail(exc.strerror or str(exc))
                return None
            return self.folder / name
        return None  # pragma: no cover - ten thousand copies of one URL

    def save(
        self, where: Path | None, base: str, suffix: str, data: bytes, about: dict[str, Any]
    ) -> str:
        """Write `data` to a new file `base[-N]suffix` in `where` (None: the folder itself);
        the stem used, which is `base` when not saving."""
        slot = self._reserve(where or self.folder, base, suffix)
        if slot.fd is None or slot.path is None or self.folder is None:
            return slot.stem
        try:
            with os.fdopen(slot.fd, "wb") as out:
                out.write(data)
        except OSError as exc:
            with contextlib.suppress(OSError):
                slot.path.unlink()
            self._fail(exc.strerror or str(exc))
            return slot.stem
        line = {"file": str(slot.path.relative_to(self.folder)), **about}
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            manifest = os.open(self.folder / MANIFEST, flags, 0o644)
            with os.fdopen(manifest, "a", encoding="utf-8") as out:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        except OSError as exc:
            self._fail(exc.strerror or str(exc))
        return slot.stem

    def _reserve(self, where: Path | None, base: str, suffix: str) -> _Slot:
        if self.folder is None or where is None:
            return _Slot(base)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        for stem in _candidates(base):
            path = where / f"{stem}{suffix}"
            try:
                return _Slot(stem, path, os.open(path, flags, 0o644))
            except FileExistsError:
                continue
            except OSError as exc:
                self._fail(exc.strerror or str(exc))
                break
        return _Slot(base)


def _candidates(base: str) -> Iterable[str]:
    yield base
    for number in range(2, 10_000):
        yield f"{base}-{number}"


def stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def about(response: Response, **extra: Any) -> dict[str, Any]:
    """What the manifest says of a saved file: where it came from, when, and as what."""
    return {
        "url": response.url,
        "final_url": response.final_url,
        "fetched": stamp(response.fetched),
        "status": response.status,
        "content_type": response.content_type,
        **extra,
    }
