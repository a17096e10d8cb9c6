"""Whether the conflicts found between two passages make them a conflict: a learned combiner.

The conflict checks propose; this decides. Each check is evidence of a different strength: two
figures that differ after the same words are nearly always a changed fact, a name put for
another in a paraphrase often only another way to name one party ("Hussein" / "Saddam"), an
opposite word in a sentence of which little else is shared says less than in one where nothing
else changed. Explicit facts (figures, dates, bounds, quotations, denials) stay conflicts; for
the conflicts of wording, instead of thresholds set by hand, a logistic model weighs how many of
each family were found and how alike the passages are. It is fitted, and checked story by
story (leave-one-story-out), by bench/fit_judge.py on the development parts of SummEdits
(conflict or not), MSRP (a paraphrase is no conflict) and ClaimDiff (claims that strengthen
each other or are neutral are no conflict), and shipped as coefficients in data/judge.txt, so
the decision stays deterministic, offline and free of dependencies.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from newsterm.model import Conflict

# Families of evidence, from a conflict's kind and the check that wrote its explanation. A
# figure, a date, a bound, a quotation's words or a denial is an explicit fact: found in the same
# slot of the same claim, it is a conflict, and the combiner does not weigh it (MSRP calls "$34
# billion" against "$33.4 billion" a paraphrase; a reader checking facts wants to see it). So is
# a role: two named parties that trade places around the same words ("Smith beat Jones" /
# "Jones beat Smith"), a role held alone against one shared, or the same thing owned by another
# party ("Smith's company" / "Jones's company"). The development sets hold two such candidates,
# both conflicts, too few to weigh, and a short sentence's low similarity had the combiner call
# the swap a paraphrase. Two common words swapped are weighed as a member put for another. A
# word put for another is evidence of varying strength: that is what the combiner weighs.
EXPLICIT = ("number", "qualifier", "date", "quote", "negation", "role")
WORDING = ("name", "member", "antonym", "rare_antonym")
FAMILIES = (*EXPLICIT, *WORDING)
# Each family counts once as found and once times the passages' similarity both ways: a name
# put for another in a sentence otherwise told word for word is another party, one in a loose
# paraphrase more often the same party named another way ("Hussein" / "Saddam").
FEATURES = (
    *WORDING,
    *(f"{name}*symmetric" for name in WORDING),
    "symmetric",
    "containment",
    "single",
    "unchanged",
)


def family(conflict: Conflict) -> str:
    """Which check found a conflict: its kind, with "entity" split into a name put for another,
    a rival member of a class, and a role changed or traded (an owner among them), and
    "antonym" into opposites in the words' usual senses and in a rarer one."""
    if conflict.kind == "antonym" and "opposite in one of their senses" in conflict.explanation:
        return "rare_antonym"
    if conflict.kind != "entity":
        return conflict.kind
    text = conflict.explanation
    if "a different name in the same place" in text or "a different source" in text:
        return "name"
    if "trade places" in text or "role is shared" in text or "a different owner" in text:
        return "role"
    return "member"


def features(
    conflicts: Sequence[Conflict],
    symmetric: float,
    containment: float,
    changes: int,
    unchanged: float = 0.0,
) -> dict[str, float]:
    """What the combiner weighs: conflicts found per family of wording (at most two counted),
    each also times the similarity both ways; how alike the passages are both ways and by
    containment; whether their words differ in one stretch only, stretches of function words
    aside (`changes` counts the others): the word the conflict is about and nothing else,
    however short the sentence and so however low its similarity; and the share of both
    passages' words outside the differing stretches
    ("the mayor opened the bridge" against "the governor opened the bridge": six in seven,
    whatever their weight). An explicit family found is marked "explicit" (see EXPLICIT)."""
    found = dict.fromkeys(FEATURES, 0.0)
    for conflict in conflicts:
        name = family(conflict)
        if name in EXPLICIT:
            found["explicit"] = 1.0
        else:
            found[name] = min(found[name] + 1.0, 2.0)
    for name in WORDING:
        found[f"{name}*symmetric"] = found[name] * symmetric
    found["symmetric"] = symmetric
    found["containment"] = containment
    # One differing stretch, not how many: the count mostly said how long the sentences were,
    # and a fit on long ones read a short sentence's one swapped word ("The mayor signed the
    # order" / "The governor signed the order") as a paraphrase (see bench/fit_judge.py).
    found["single"] = float(changes == 1)
    found["unchanged"] = unchanged
    return found


@cache
def _coefficients() -> tuple[float, dict[str, float]]:
    """The bias and the weight of each feature, from data/judge.txt (see bench/fit_judge.py)."""
    raw = files("newsterm").joinpath("data", "judge.txt").read_text(encoding="utf-8")
    bias, weights = 0.0, {}
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, value = line.split()
        if name == "bias":
            bias = float(value)
        else:
            weights[name] = float(value)
    return bias, weights


def conflict_probability(found: dict[str, float]) -> float:
    """How likely the wording conflicts found make the passages a conflict (0..1)."""
    bias, weights = _coefficients()
    z = bias + math.fsum(weights.get(name, 0.0) * found.get(name, 0.0) for name in FEATURES)
    return 1 / (1 + math.exp(-z))


def says_conflict(found: dict[str, float]) -> bool:
    """Whether the evidence makes the passages a conflict: an explicit fact found, or wording
    conflicts the combiner gives a probability of at least one half."""
    return bool(found.get("explicit")) or conflict_probability(found) >= 0.5
