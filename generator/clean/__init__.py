"""Clean: RawDocument -> Article (the body, every removed line with its reason, the page's metadata)."""
