"""Quote conflicts: the same words quoted in another house style are the same quote."""

from __future__ import annotations

from .conftest import _kinds


def test_a_quote_with_a_number_in_words_or_digits_is_the_same_quote() -> None:
    """House styles differ on numbers; the quoted words do not."""
    a = 'Whitey Bulger is now on the agency\'s "10 Most Wanted" list alongside two others.'
    b = 'Whitey Bulger is now on the agency\'s "Ten Most Wanted" list alongside two others.'
    assert "quote" not in _kinds(a, b)


def test_a_quote_with_names_spelled_another_way_is_the_same_quote() -> None:
    """Transliterations differ by house style; the words quoted are the same."""
    a = (
        'He said "it looks like (strongman Muammar) al-Qaddafi is going to beat the United '
        'States" on Monday.'
    )
    b = (
        'He said "it looks like (strongman Moammar) Gadhafi is going to beat the United States" '
        "on Monday."
    )
    assert "quote" not in _kinds(a, b)


def test_quotation_marks_of_two_styles_pair_up() -> None:
    """Re-typed copy opens with a straight mark and closes with a curly one: each quotation is
    read on its own, not the words between two quotations as one."""
    from newsterm.facts.quotes import extract_quotes

    text = '"The harbour will reopen,” Vance says. “The tolls will not change."'
    assert [q.text for q in extract_quotes(text)] == [
        "The harbour will reopen",
        "The tolls will not change",
    ]


def test_one_speakers_words_quoted_two_ways_at_the_start_of_a_sentence_conflict() -> None:
    """Nothing before either quotation to anchor it, but the same speaker after both, and one
    statement told in two wordings: a changed quotation."""
    a = '"We will not reopen the quarry," Mr. Brackwell said on Monday.'
    b = '"We will never reopen the quarry," Brackwell said on Monday.'
    assert "quote" in _kinds(a, b)


def test_two_things_one_speaker_said_are_not_one_quotation() -> None:
    a = '"We will not reopen the quarry," Brackwell said on Monday.'
    b = '"The council meets again in May," Brackwell said on Monday.'
    assert "quote" not in _kinds(a, b)


def test_two_speakers_are_not_one_quotation() -> None:
    a = '"We will not reopen the quarry," Brackwell said on Monday.'
    b = '"We will never reopen the quarry," Ostrander said on Monday.'
    assert "quote" not in _kinds(a, b)
