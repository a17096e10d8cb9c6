"""Figures that tell a change ("rose 37,000", "a drop of 34,000") rather than a level ("to
473,000"). A change and a level are two figures of one report, never two tellings of one, and
"rose 5 percent to 7 percent" is a change and the level it reached, not a range.
"""

from __future__ import annotations

import re

# Right after a verb of rising or falling ("rose 37,000", "fell by 5%", "up 3"), or after such
# a noun and "of" ("a drop of 34,000", "an increase of 2%").
_MOVES = (
    r"ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)"
    r"|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|gain(?:s|ed|ing)?|los(?:e|es|t|ing)"
    r"|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|slip(?:s|ped|ping)?|plung(?:e|es|ed|ing)"
    r"|soar(?:s|ed|ing)?|grow(?:s|n|ing)?|grew|shr(?:ink|inks|ank|unk|inking)|up|down|off"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:" + _MOVES + r")(?:\s+by)?|(?:" + _MOVES + r"|cut|growth|reduction|loss)\s+of)\s+\Z",
    re.IGNORECASE,
)


def is_a_change(text: str, start: int) -> bool:
    """Whether the figure at `start` tells by how much something moved: "a drop of 34,000"
    against "from 507,000 a week earlier" was a conflict."""
    return _CHANGE_BEFORE.search(text, max(0, start - 30), start) is not None
