"""Big values kept in a file as typed MessagePack frames, written a piece at a time.

Two needs meet here. A thread writing a big structure must be able to step aside between small
pieces (see newsterm.support.pausing): one encoding of a built corpus runs for a second or more
with no point at which the app's background thread could wait for the reader to stop typing. So a
long list or dict is written as many frames, a thousand items each, and `pause` is called between
frames.

And reading a file back must build nothing but data, whoever wrote it. A pickle calls whatever its
bytes name, so a planted one runs code as the reader. A frame is decoded by msgspec into the
type the reader declares (lists, dicts, strings, numbers, dataclasses and structs whose fields are
those) and anything else in it is an error; no class is named by the file, no code runs.

Each frame carries its length and a CRC-32 of its bytes, so a file that was cut short or altered
is found out as a whole (`Damaged`) rather than half read or read wrong.

A file is MAGIC, then frames: <u32 length><u32 CRC-32><MessagePack payload>, little-endian.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from typing import IO, Any, TypeVar, cast, get_args, get_origin

import msgspec

from newsterm.support.pausing import Pause, step

MAGIC = b"NTFRAME1"
CHUNK = 1000  # list items or dict entries per frame: a few milliseconds of encoding each
_HEAD = struct.Struct("<II")  # a frame's length and CRC-32

T = TypeVar("T")


class Damaged(ValueError):
    """The stream is cut short, altered, not frames at all, or not of the declared types."""


class Writer:
    """Writes frames to a binary file, calling `pause` after each (it may raise Cancelled)."""

    def __init__(self, out: IO[bytes], pause: Pause | None = None) -> None:
        self._out = out
        self._pause = pause
        self._encoder = msgspec.msgpack.Encoder()
        out.write(MAGIC)

    def put(self, value: Any) -> None:
        """One frame holding `value` whole."""
        payload = self._encoder.encode(value)
        if len(payload) >= 1 << 32:
            raise ValueError("a frame of 4 GiB or more")
        self._out.write(_HEAD.pack(len(payload), zlib.crc32(payload)))
        self._out.write(payload)
        step(self._pause)

    def put_split(self, value: Any) -> None:
        """A list, tuple or dict as its length and then frames of CHUNK items (entries), so that
        the writing can pause between them; any other value as one frame. Read it back with
        `Reader.take_split`."""
        if isinstance(value, Mapping):
            value = list(value.items())
        elif not isinstance(value, list | tuple):
            self.put(value)
            return
        self.put(len(value))
        for start in range(0, len(value), CHUNK):
            self.put(value[start : start + CHUNK])


class Reader:
    """Reads back what a Writer wrote, each frame as the type the caller declares."""

    def __init__(self, source: IO[bytes], size: int) -> None:
        """`size`: the file's length in bytes, so that a damaged length is caught before it is
        read (or allocated)."""
        self._source = source
        self._left = size - len(MAGIC)
        self._decoders: dict[Any, msgspec.msgpack.Decoder[Any]] = {}
        if self._left < 0 or source.read(len(MAGIC)) != MAGIC:
            raise Damaged("not a file of frames")

    def take(self, kind: type[T]) -> T:
        """The next frame, decoded as `kind`."""
        head = self._source.read(_HEAD.size)
        if len(head) < _HEAD.size:
            raise Damaged("cut short")
        length, checksum = _HEAD.unpack(head)
        self._left -= _HEAD.size
        if length > self._left:
            raise Damaged("cut short")
        payload = self._source.read(length)
        self._left -= length
        if len(payload) != length or zlib.crc32(payload) != checksum:
            raise Damaged("cut short or altered")
        decoder = self._decoders.get(kind)
        if decoder is None:
            decoder = self._decoders[kind] = msgspec.msgpack.Decoder(kind)
        try:
            value: T = decoder.decode(payload)
        except msgspec.DecodeError as error:  # ValidationError too: not of the declared type
            raise Damaged(str(error)) from error
        return value

    def take_split(self, kind: type[T]) -> T:
        """What `Writer.put_split` wrote, as `kind`: list[X], tuple[X, ...], dict[K, V], or any
        other type (then one frame)."""
        origin, args = get_origin(kind), get_args(kind)
        if origin is dict:
            key: Any
            value: Any
            key, value = args
            return cast(T, dict(self._items(tuple[key, value], self.take(int))))
        if origin is list:
            return cast(T, self._items(args[0], self.take(int)))
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return cast(T, tuple(self._items(args[0], self.take(int))))
        return self.take(kind)

    def _items(self, item: Any, count: int) -> list[Any]:
        found: list[Any] = []
        while len(found) < count:
            chunk = self.take(list[item])
            if not chunk:
                raise Damaged("an empty piece")
            found.extend(chunk)
        if len(found) != count:
            raise Damaged("more items than announced")
        return found

    def end(self) -> None:
        """Raise Damaged unless the file ends here: anything after the last frame is foreign."""
        if self._left or self._source.read(1):
            raise Damaged("bytes after the last frame")
