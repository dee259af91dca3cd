"""Plain-text knowledge of English news copy shared by the stages: dates, words, vectors. No spaCy, no I/O."""
