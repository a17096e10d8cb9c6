"""Sentence passages: a record without a title keeps its opening headline line."""

from __future__ import annotations

from newsterm.text.sentences import segment


def test_a_record_without_a_title_keeps_its_opening_headline_line() -> None:
    text = (
        "Ellen DeGeneres To Host Oscars Again\n"
        "January 13 2014\n"
        "The comedian will return to the stage of the Dolby Theatre in March.\n"
        "Backstage Crew Notes\n"
    )
    spans = [text[s:e] for s, e in segment(text, opens_with_headline=True)]
    # The opening line is a passage; the dateline and a later sub-heading are not.
    assert spans == [
        "Ellen DeGeneres To Host Oscars Again",
        "The comedian will return to the stage of the Dolby Theatre in March.",
    ]
    assert [text[s:e] for s, e in segment(text)] == spans[1:]
    # A short opening label is not a headline.
    assert segment("Politics\nThe vote was held on Monday.\n", opens_with_headline=True) == [
        (9, 37)
    ]


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in segment(text)]


def test_questions_inside_one_attributed_quotation_are_one_passage() -> None:
    """ "Who pays? The town?" she asked: one quotation, one passage, its speaker with it. A
    question that closes its own quotation, or stands outside one, still ends a sentence."""
    text = '"Who pays for this? The town?" the mayor asked the council. The vote was put off.'
    assert _sentences(text) == [
        '"Who pays for this? The town?" the mayor asked the council.',
        "The vote was put off.",
    ]
    assert _sentences("“Who pays for this? Nobody knows.” The vote was put off.") == [
        "“Who pays for this?",
        "Nobody knows.”",
        "The vote was put off.",
    ]
    assert _sentences("Who pays? Nobody knows.") == ["Who pays?", "Nobody knows."]
