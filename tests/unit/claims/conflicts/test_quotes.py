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
