"""The fact layer: what one passage commits to, beyond its words.

Numbers, dates (resolved against the article's publication date), quotations, qualifiers,
negation, names and lengths of time are what outlets get wrong or tell differently, so conflicts are
found in them rather than in raw word overlap. `extract` runs every reader over a passage."""
