"""NLP: the only stage that touches spaCy. Article -> ArticleAnalysis (plain data; no Doc leaves)."""
