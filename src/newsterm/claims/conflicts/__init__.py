"""Typed disagreements between two passages that make the same claim, one module per kind.

`slots` aligns the two passages word by word and finds the stretches where they differ; each
kind (`numbers`, `dates`, `quotes`, `negation`, `names`, `wording`, `roles`) looks for its facts
there; `find` runs them in order."""
