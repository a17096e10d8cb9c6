"""A pile of articles: built from documents, indexed, grouped into stories, aligned per story,
and kept on disk between runs. `corpus.load` is the pipeline; `corpus.Corpus` what it returns."""
