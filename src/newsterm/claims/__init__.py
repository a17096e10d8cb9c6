"""Two passages: are they the same claim, and do they tell it the same way?

`prepared` makes a passage ready (tokens, terms, names, facts on demand), `similarity` says how
alike two are, `conflicts` finds where they disagree, and `compare` decides the relation."""
