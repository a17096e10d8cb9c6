"""Plumbing that knows nothing of news: forked worker pools, pausable long work, pickles
written in pieces, a progress bar, files written atomically."""
