"""Has the page said this already, in other words? Which other sources say it too?

One fact, one place, counted for every source that reports it.

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

from generator.text.support import NUMBER, numbers, prepared, same_dated_fact, same_figure_fact, stems, why_unsupported
from generator.text.vectors import Tfidf

MAY_SAY_IT = 0.2  # cosine above which another source may say a line: it is no single-source claim
SAYS_IT_TOO = 0.5  # cosine of a line and a source's closest sentence above which the source says it too
MIN_SENTENCE_WORDS = 6  # a shorter sentence ("Ray III.") is a scrap, not a statement
SIMILAR = 0.25  # cosine of two lines' vectors above which the second says the first again
# Two timeline rows of one date this alike tell one event ("A powerful earthquake shook Velora on
# Saturday" / "The tremor struck central Velora early on Saturday"): the date is shared already, so
# fewer shared words make the same event (distinct events of one day measured 0.03-0.10).
SAME_DAY_SIMILAR = 0.12


def features(text: str) -> list[str]:
    """A line's stemmed content words and its figures."""
    return sorted(stems(text)) + [n.replace(",", "") for n in NUMBER.findall(text)]


class PageRepeats:
    """The lines shown so far on one page, and a test for a new line saying one again."""

    def __init__(self, tfidf: Tfidf | None):
        """`tfidf`: the story's vectoriser (PageRepeats.of fits one); None: nothing repeats."""
        self._tfidf = tfidf
        self._shown: list[dict[int, float]] = []
        self._lines: list[str] = []

    @classmethod
    def of(cls, source_texts: Iterable[str]) -> "PageRepeats":
        """An empty page with the IDF learnt from every sentence of the story's sources."""
        sentences = [s for text in source_texts for s, _ in prepared(text or "").sentences]
        return cls(Tfidf(features).fit(sentences) if any(map(features, sentences)) else None)

    @property
    def vectoriser(self) -> Tfidf | None:
        """The story's fitted TF-IDF, for the other checks to share."""
        return self._tfidf

    def fresh(self) -> "PageRepeats":
        """An empty list of shown lines with the same vectors (the IDF is learnt once per story)."""
        return PageRepeats(self._tfidf)

    def _vector(self, line: str) -> dict[int, float]:
        row = self._tfidf.transform([line])  # type: ignore[union-attr]
        return dict(zip(row.indices.tolist(), row.data.tolist()))

    def add(self, line: str) -> None:
        self._lines.append(line)
        if self._tfidf is not None:
            self._shown.append(self._vector(line))

    def repeats(self, line: str, similar: float = SIMILAR) -> bool:
        """The line says again what a line shown above it says (`similar`: the cosine that makes
        two lines one; lower where the lines share a day, SAME_DAY_SIMILAR)."""
        if any(same_dated_fact(line, other) or same_figure_fact(line, other) for other in self._lines):
            return True  # one dated or counted fact in other words, whatever the vectors say
        if self._tfidf is None or not self._shown or not re.search(r"\w", line):
            return False
        mine = self._vector(line)  # a few features each: a dict product beats a sparse one
        return any(sum(v * other.get(i, 0.0) for i, v in mine.items()) >= similar for other in self._shown)


class SourceSentences:
    """Every sentence of a story's sources as vectors: which sources state a line in their own words.

    A source says a line too when one of its sentences is close to it (SAYS_IT_TOO), gives
    every figure the line gives, and the source passes the support rule for the line (its
    names, its polarity). The composer groups sentences into points before verification; this
    finds the sources it missed, so that "N of M" counts an outlet that says it in other words."""

    def __init__(self, texts: dict[str, str], tfidf: Tfidf | None = None):
        """`tfidf`: the story's vectoriser when one is fitted already (PageRepeats.vectoriser)."""
        self._rows = [(sid, s) for sid in sorted(texts) for s, _ in prepared(texts[sid] or "").sentences
                      if len(s.split()) >= MIN_SENTENCE_WORDS]
        self._of: dict[str, list[int]] = {}
        for i, (sid, _) in enumerate(self._rows):
            self._of.setdefault(sid, []).append(i)
        self._texts = texts
        self._tfidf = tfidf if tfidf is not None else Tfidf(features).fit([s for _, s in self._rows]) \
            if any(features(s) for _, s in self._rows) else None
        self._matrix = self._tfidf.transform([s for _, s in self._rows]) if self._tfidf is not None else None

    def _similarities(self, line: str):
        """The cosine of the line with every sentence (rows in self._rows order)."""
        return (self._matrix @ self._tfidf.transform([line]).T).toarray().ravel()  # type: ignore[union-attr]

    def also_stating(self, line: str, cited: Iterable[str]) -> tuple[str, ...]:
        """The sources beyond `cited` that state `line` in words of their own."""
        if self._tfidf is None or not self._rows:
            return ()
        cited = set(cited)
        sims = self._similarities(line)
        figures = numbers(line)
        found = []
        for sid in sorted(self._texts):
            if sid in cited:
                continue
            best = max(self._of.get(sid, ()), key=lambda i: sims[i], default=None)
            if best is None or sims[best] < SAYS_IT_TOO or not figures <= numbers(self._rows[best][1]):
                continue
            if why_unsupported(line, prepared(self._texts[sid])) is None:
                found.append(sid)
        return tuple(found)

    def others_may_state(self, line: str, cited: Iterable[str]) -> bool:
        """Another source has a sentence near the line (MAY_SAY_IT): "only one source says it"
        cannot be asserted, even where the support rule does not confirm that source."""
        if self._tfidf is None or not self._rows:
            return False
        cited = set(cited)
        sims = self._similarities(line)
        return any(sims[i] >= MAY_SAY_IT for i, (sid, _) in enumerate(self._rows) if sid not in cited)
