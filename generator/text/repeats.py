"""Has the page said this already, in other words? One fact, one place.

Outlets tell one fact in their own words ("Two have been found alive" / "Two more workers were
found"), so word-for-word comparison lets a page repeat it once per outlet. Here a line is
compared with the lines shown above it as TF-IDF vectors of its stemmed content words and
figures, the IDF learnt from every sentence of the story's sources: the story's own topic words
("bridge", "Baltimore") weigh little, the words that make a fact weigh much. Holding a line that
only resembles another costs a line; showing a repeat costs a wrong one (precision first).
"""

from __future__ import annotations

import re
from typing import Iterable

from generator.text.support import NUMBER, prepared, stems
from generator.text.vectors import Tfidf

SIMILAR = 0.25  # cosine of two lines' vectors above which the second says the first again


def features(text: str) -> list[str]:
    """A line's stemmed content words and its figures."""
    return sorted(stems(text)) + [n.replace(",", "") for n in NUMBER.findall(text)]


class PageRepeats:
    """The lines shown so far on one page, and a test for a new line saying one again."""

    def __init__(self, source_texts: Iterable[str]):
        sentences = [s for text in source_texts for s, _ in prepared(text or "").sentences]
        self._tfidf = Tfidf(features).fit(sentences) if any(map(features, sentences)) else None
        self._shown: list = []

    def add(self, line: str) -> None:
        if self._tfidf is not None:
            self._shown.append(self._tfidf.transform([line]))

    def repeats(self, line: str) -> bool:
        """The line says again what a line shown above it says."""
        if self._tfidf is None or not self._shown or not re.search(r"\w", line):
            return False
        vector = self._tfidf.transform([line])
        return any((vector @ other.T)[0, 0] >= SIMILAR for other in self._shown)
