"""Typed frames: what comes back is what went in, the writer can be stopped, and a file that is
not exactly what was written (cut, altered, a pickle, the wrong types) is refused whole."""

from __future__ import annotations

import io
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest

from newsterm.model import Passage
from newsterm.support import frames
from newsterm.support.pausing import Cancelled, Pause

VALUE = (
    [{"id": n, "words": ["a"] * (n % 5)} for n in range(2500)],
    tuple(range(3001)),
    {f"term{n}": [n, n + 1] for n in range(1200)},
    [Passage(f"a:{n}", "a", n, n, n + 1, "x", n == 0) for n in range(1500)],
)
KINDS = (
    list[dict[str, int | list[str]]],
    tuple[int, ...],
    dict[str, list[int]],
    list[Passage],
)


def written(pause: Pause | None = None) -> bytes:
    out = io.BytesIO()
    writer = frames.Writer(out, pause)
    writer.put("header")
    for value in VALUE:
        writer.put_split(value)
    return out.getvalue()


def read(data: bytes) -> tuple[object, ...]:
    reader = frames.Reader(io.BytesIO(data), len(data))
    assert reader.take(str) == "header"
    found = tuple(reader.take_split(kind) for kind in KINDS)
    reader.end()
    return found


def test_lists_tuples_dicts_and_dataclasses_come_back_equal() -> None:
    assert read(written()) == VALUE


def test_pause_runs_between_pieces_and_can_stop_the_writing() -> None:
    calls = 0

    def counting() -> bool:
        nonlocal calls
        calls += 1
        return True

    written(counting)
    assert calls >= 10  # long lists and dicts go in pieces of CHUNK

    def stop_after_two() -> bool:
        nonlocal calls
        calls += 1
        return calls <= 2

    calls = 0
    with pytest.raises(Cancelled):
        written(stop_after_two)
    assert calls == 3


def test_a_file_cut_anywhere_is_refused() -> None:
    data = written()
    for end in [*range(0, 40), *range(40, len(data), max(1, len(data) // 97))]:
        with pytest.raises(frames.Damaged):
            read(data[:end])


def test_one_altered_byte_anywhere_is_refused() -> None:
    data = bytearray(written())
    for place in range(0, len(data), max(1, len(data) // 211)):
        altered = bytearray(data)
        altered[place] ^= 0x20
        with pytest.raises(frames.Damaged):
            read(bytes(altered))


def test_bytes_after_the_last_frame_are_refused() -> None:
    with pytest.raises(frames.Damaged):
        read(written() + b"\x00")


def test_a_frame_of_other_types_than_declared_is_refused() -> None:
    out = io.BytesIO()
    writer = frames.Writer(out)
    writer.put({"not": "a list"})
    data = out.getvalue()
    with pytest.raises(frames.Damaged):
        frames.Reader(io.BytesIO(data), len(data)).take(list[int])


@dataclass
class _Planted:
    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, ("true",))


def test_a_pickle_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickle names the code it runs; frames name none, and a pickle is not frames."""
    ran: list[object] = []
    monkeypatch.setattr(os, "system", ran.append)
    payload = pickle.dumps(_Planted())
    for data in (payload, frames.MAGIC + payload):
        with pytest.raises(frames.Damaged):
            frames.Reader(io.BytesIO(data), len(data)).take(list[int])
    assert ran == []


def test_msgpack_extension_types_build_nothing() -> None:
    """MessagePack's extension types are the one place a decoder could be asked to build
    something of its own; declared types refuse them."""
    payload = msgspec.msgpack.encode(msgspec.msgpack.Ext(1, b"os.system"))
    out = io.BytesIO()
    writer = frames.Writer(out)
    writer.put(msgspec.msgpack.Ext(1, b"os.system"))
    data = out.getvalue()
    assert payload in data
    with pytest.raises(frames.Damaged):
        frames.Reader(io.BytesIO(data), len(data)).take(list[str])


def test_a_length_larger_than_the_file_is_refused_before_it_is_read() -> None:
    data = frames.MAGIC + (2**32 - 1).to_bytes(4, "little") + bytes(4)
    with pytest.raises(frames.Damaged):
        frames.Reader(io.BytesIO(data), len(data)).take(bytes)


def test_a_value_read_for_later_is_checked_now_and_decoded_on_demand() -> None:
    data = written()
    reader = frames.Reader(io.BytesIO(data), len(data))
    assert reader.take(str) == "header"
    later = [reader.take_later(kind) for kind in KINDS]
    reader.end()
    assert tuple(value.value() for value in later) == VALUE
    # Cut short or altered, the file is refused at once, before anything is decoded.
    for damaged in (data[: len(data) // 2], data[:-5] + bytes(5)):
        reader = frames.Reader(io.BytesIO(damaged), len(damaged))
        reader.take(str)
        with pytest.raises(frames.Damaged):
            for kind in KINDS:
                reader.take_later(kind)
            reader.end()


def test_a_value_read_for_later_of_other_types_is_refused_when_decoded() -> None:
    out = io.BytesIO()
    frames.Writer(out).put_split(["a", "b"])
    data = out.getvalue()
    later = frames.Reader(io.BytesIO(data), len(data)).take_later(list[int])
    with pytest.raises(frames.Damaged):
        later.value()
