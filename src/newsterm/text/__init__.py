"""Words and sentences: tokens and normal forms, sentence splitting, the word lists, the
background word weights and the word diff shown to readers. Knows nothing of articles."""
