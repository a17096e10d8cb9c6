"""Plumbing that knows nothing of news: forked worker pools, pausable long work, typed frames
written in pieces, a private folder read by descriptor, files written where a user points,
interrupts, a progress bar."""
