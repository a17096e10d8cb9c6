"""Sources in, `Document`s out: one reader per format, chosen by content then suffix
(`sources`), then decoding, sanitising, cleaning and de-duplicating what they read."""
