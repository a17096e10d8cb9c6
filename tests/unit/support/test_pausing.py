"""Comparing a story can step aside between passages, and be called off without harm."""

from __future__ import annotations

import pytest

from newsterm import load
from newsterm.support.pausing import Cancelled


def test_a_paused_comparison_gives_the_same_alignment(seeds) -> None:
    plain = load([seeds])
    paused = load([seeds])
    story = plain.stories[0].id
    calls = 0

    def pause() -> bool:
        nonlocal calls
        calls += 1
        return True

    assert paused.alignment(story, pause) == plain.alignment(story)
    # At least once per passage: the app's reader never waits for more than one.
    passages = sum(len(a.passages) for a in paused.story_articles(story))
    assert calls >= passages


def test_a_comparison_called_off_is_not_kept_and_can_be_asked_for_again(seeds) -> None:
    corpus = load([seeds])
    story = corpus.stories[0].id
    with pytest.raises(Cancelled):
        corpus.alignment(story, lambda: False)
    assert corpus.cached_alignment(story) is None
    assert corpus.alignment(story).links
