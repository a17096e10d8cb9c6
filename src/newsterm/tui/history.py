"""Where the reader has been: the places to go back to, across articles and stories.

Following a claim to its counterpart in another article, a search hit or the next story, a
reader often wants to return to the passage they left, as a browser's back button does. A jump
remembers the place it leaves; `backspace` (or `ctrl+o`, as in vim) returns to the last one.
Moving the cursor a passage at a time remembers nothing: that is reading, not a jump.
"""

from __future__ import annotations

from dataclasses import dataclass

DEPTH = 100  # places kept; the oldest go first


@dataclass(frozen=True, slots=True)
class Place:
    """A passage, by its article and its index there: what `open_article` takes."""

    article_id: str
    passage: int


class History:
    """A bounded stack of places, the last one left on top; the same place twice in a row is
    kept once, so that back never seems to do nothing."""

    def __init__(self, depth: int = DEPTH) -> None:
        self._places: list[Place] = []
        self._depth = depth

    def __len__(self) -> int:
        return len(self._places)

    def push(self, place: Place) -> None:
        if self._places and self._places[-1] == place:
            return
        self._places.append(place)
        del self._places[: -self._depth]

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None
