"""Stretches that build only live objects go without the garbage collector, and leave it as
they found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from newsterm.support.memory import collections_paused


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.usefixtures("collector_restored")
def test_collections_are_paused_within_and_resumed_after() -> None:
    gc.enable()
    with collections_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), collections_paused():
        raise KeyError("a failure inside resumes them too")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_restored")
def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    with collections_paused():
        pass
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_restored")
def test_what_was_made_meanwhile_is_still_collected() -> None:
    """Moved to the oldest generation unexamined, not frozen: garbage there is found too."""

    class Node:
        other: object = None

    gc.enable()
    with collections_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
    found = len(gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
    del a, b
    assert gc.collect() >= 2
    assert len(gc.get_objects(generation=2)) < found
