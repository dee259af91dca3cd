"""Claims: In brief, Background, What we know, What we don't know, What's next."""
