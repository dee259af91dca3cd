"""Sections: a story's analysed articles -> the sections of its page. Pure functions, no spaCy."""
