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
from typing import IO, Any, Generic, TypeVar, cast, get_args, get_origin

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
        return _decode(self._decoder(kind), self._payload())

    def _payload(self) -> bytes:
        """The next frame's bytes, checked against its length and CRC-32."""
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
        return payload

    def _decoder(self, kind: Any) -> msgspec.msgpack.Decoder[Any]:
        decoder = self._decoders.get(kind)
        if decoder is None:
            decoder = self._decoders[kind] = msgspec.msgpack.Decoder(kind)
        return decoder

    def take_split(self, kind: type[T]) -> T:
        """What `Writer.put_split` wrote, as `kind`: list[X], tuple[X, ...], dict[K, V], or any
        other type (then one frame)."""
        return self.take_later(kind).value()

    def take_later(self, kind: type[T]) -> Later[T]:
        """What `take_split` would return, read and checked now (every frame's length and
        CRC-32, so a file cut short or altered is still refused as a whole, at once) but decoded
        only when `Later.value` is first called: a reader that may never need a big value pays
        for its bytes, not for the millions of objects they make."""
        origin, args = get_origin(kind), get_args(kind)
        if origin is dict:
            key: Any
            value: Any
            key, value = args
            item: Any = tuple[key, value]  # put_split wrote a dict as a list of its items
        elif origin is list or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
            item = args[0]
        else:
            return Later(kind, self._decoder(kind), [self._payload()], split=False)
        count = self.take(int)
        payloads = []
        announced = 0
        while announced < count:
            payload = self._payload()
            size = _array_size(payload)
            if not size:
                raise Damaged("an empty piece, or not a list")
            announced += size
            payloads.append(payload)
        if announced != count:
            raise Damaged("more items than announced")
        return Later(kind, self._decoder(list[item]), payloads, split=True)

    def end(self) -> None:
        """Raise Damaged unless the file ends here: anything after the last frame is foreign."""
        if self._left or self._source.read(1):
            raise Damaged("bytes after the last frame")


class Later(Generic[T]):
    """A value whose frames were read and checked but not yet decoded (`Reader.take_later`)."""

    def __init__(
        self,
        kind: type[T],
        decoder: msgspec.msgpack.Decoder[Any],
        payloads: list[bytes],
        *,
        split: bool,
    ) -> None:
        """`split`: the payloads are the pieces of a list, tuple or dict, each decoded by
        `decoder` as a list; else one payload, the value whole."""
        self._kind = kind
        self._decoder = decoder
        self._payloads = payloads
        self._split = split

    def value(self) -> T:
        """The value, decoded now (each call decodes again: keep what it returns); raises
        Damaged if the bytes, though whole, are not of the declared types."""
        if not self._split:
            return cast(T, _decode(self._decoder, self._payloads[0]))
        found: list[Any] = []
        for payload in self._payloads:
            found.extend(_decode(self._decoder, payload))
        origin = get_origin(self._kind)
        if origin is dict:
            return cast(T, dict(found))
        if origin is tuple:
            return cast(T, tuple(found))
        return cast(T, found)


def _decode(decoder: msgspec.msgpack.Decoder[Any], payload: bytes) -> Any:
    try:
        return decoder.decode(payload)
    except msgspec.DecodeError as error:  # ValidationError too: not of the declared type
        raise Damaged(str(error)) from error


def _array_size(payload: bytes) -> int:
    """How many items the MessagePack array that `payload` starts with holds (0 if it is not an
    array): a piece of a split list is counted without being decoded. Decoding checks the
    rest, and that the array is all there is."""
    first = payload[:1]
    if not first:
        return 0
    tag = first[0]
    if 0x90 <= tag <= 0x9F:  # fixarray
        return tag & 0x0F
    if tag == 0xDC and len(payload) >= 3:  # array 16
        return int.from_bytes(payload[1:3], "big")
    if tag == 0xDD and len(payload) >= 5:  # array 32
        return int.from_bytes(payload[1:5], "big")
    return 0
