"""Pickling a big structure in small pieces, so that a thread doing it can step aside.

One `pickle.dump` of a built corpus runs for a second or more with no point at which the app's
background thread could wait for the reader to stop typing, or be told to hurry up and finish
at exit. Written piece by piece instead (the items of a long list a thousand at a time, the
attributes of an object one by one), each piece takes milliseconds, and between pieces `pause`
is called: the app waits there while the reader types, and it may give up.

The stream is a sequence of ordinary pickles: a small tag saying how the next ones make up a
value, then its pieces. Only the top levels are split; everything below is pickled whole.
"""

from __future__ import annotations

import dataclasses
import pickle
from typing import IO, Any

from newsterm.support.pausing import Pause, step

CHUNK = 1000  # list items or dict entries per piece
_FEW = 16  # a container this small is walked into rather than cut into slices
_DEPTH = 3  # levels walked into; deeper values are pickled whole


def dump(value: Any, out: IO[bytes], pause: Pause | None = None) -> None:
    """Write `value` to `out` in pieces, calling `pause` between them (see newsterm.support.pausing:
    it may stop the writing with Cancelled)."""

    def put(obj: Any) -> None:
        pickle.dump(obj, out, protocol=pickle.HIGHEST_PROTOCOL)

    def walk(obj: Any, depth: int) -> None:
        kind = type(obj)
        if depth < _DEPTH and kind in (list, tuple):
            if len(obj) <= _FEW:
                put(("few", kind is tuple, len(obj)))
                for item in obj:
                    walk(item, depth + 1)
            else:
                put(("many", kind is tuple, -(-len(obj) // CHUNK)))
                for start in range(0, len(obj), CHUNK):
                    put(list(obj[start : start + CHUNK]))
                    step(pause)
        elif depth < _DEPTH and kind is dict and len(obj) > _FEW:
            items = list(obj.items())
            put(("map", -(-len(items) // CHUNK)))
            for start in range(0, len(items), CHUNK):
                put(items[start : start + CHUNK])
                step(pause)
        elif depth < _DEPTH and _is_plain_object(obj):
            names = sorted(vars(obj))
            put(("object", kind, names))
            for name in names:
                walk(getattr(obj, name), depth + 1)
        else:
            put(("one",))
            put(obj)
            step(pause)

    walk(value, 0)


def load(source: IO[bytes]) -> Any:
    """Read back what `dump` wrote."""

    def take() -> Any:
        tag = pickle.load(source)
        kind = tag[0]
        if kind == "one":
            return pickle.load(source)
        if kind == "few":
            items = [take() for _ in range(tag[2])]
            return tuple(items) if tag[1] else items
        if kind == "many":
            items = []
            for _ in range(tag[2]):
                items.extend(pickle.load(source))
            return tuple(items) if tag[1] else items
        if kind == "map":
            found: dict[Any, Any] = {}
            for _ in range(tag[1]):
                found.update(pickle.load(source))
            return found
        if kind == "object":
            cls, names = tag[1], tag[2]
            obj = cls.__new__(cls)
            for name in names:
                setattr(obj, name, take())
            return obj
        raise pickle.UnpicklingError(f"unknown piece {kind!r}")

    return take()


# The default pickling of any object, to tell a class that defines its own (typed Any: the
# bound and unbound forms have different signatures, and only identity matters here).
_OBJECT_REDUCE_EX: Any = object.__reduce_ex__
_OBJECT_REDUCE: Any = object.__reduce__


def _is_plain_object(obj: Any) -> bool:
    """An instance of one of our own classes (the index) whose pickled form is its __dict__:
    not a dataclass, and with no pickling of its own to bypass."""
    kind = type(obj)
    return (
        hasattr(obj, "__dict__")
        and not isinstance(obj, type)
        and not dataclasses.is_dataclass(obj)
        and kind.__module__.startswith("newsterm.")
        and kind.__reduce_ex__ is _OBJECT_REDUCE_EX
        and kind.__reduce__ is _OBJECT_REDUCE
        and getattr(kind, "__getstate__", None) is getattr(object, "__getstate__", None)
        and not hasattr(kind, "__setstate__")
    )
