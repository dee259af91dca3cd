"""TF-IDF vectors, computed exactly as scikit-learn's TfidfVectorizer computes them.

Why not scikit-learn itself: importing it costs over a second (it pulls in scipy.stats),
a third of the budget for regenerating after one new article. The arithmetic is a few
lines of scipy.sparse; `tests/test_vectors.py` checks the matrices against scikit-learn's,
bit for bit (same values, same index order within rows, so products sum in the same order).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Sequence

import numpy as np
from scipy import sparse

Analyzer = Callable[[object], Iterable[str]]
_WHITE_SPACES = re.compile(r"\s\s+")


def tokens(doc: object) -> Iterable[str]:
    """The analyzer for documents that are already lists of features."""
    return doc  # type: ignore[return-value]


@lru_cache(maxsize=None)
def char_wb(low: int, high: int) -> Analyzer:
    """Character n-grams inside word boundaries, padded with a space (scikit-learn's "char_wb").

    One analyzer per (low, high), so its memo of each word's n-grams serves every story."""

    @lru_cache(maxsize=1 << 16)
    def word_grams(word: str) -> tuple[str, ...]:  # words recur across a story's sentences
        w = f" {word} "
        size = len(w)
        grams: list[str] = []
        for n in range(low, high + 1):
            if size <= n:  # a word no longer than n counts once, and ends the word
                grams.append(w)
                break
            grams.extend([w[i:i + n] for i in range(size - n + 1)])
        return tuple(grams)

    def analyze(text: object) -> list[str]:
        grams: list[str] = []
        for word in _WHITE_SPACES.sub(" ", str(text)).split():
            grams.extend(word_grams(word))
        return grams

    return analyze


class Tfidf:
    """fit / transform / fit_transform with TfidfVectorizer's defaults: smooth IDF, L2 norm."""

    def __init__(self, analyzer: Analyzer = tokens, *, sublinear_tf: bool = True, use_idf: bool = True,
                 counted: bool = False):
        """counted: each document is already its features' counts, (feature, count) pairs in
        order of first appearance (the same matrices as from the features themselves)."""
        self.analyzer = analyzer
        self.sublinear_tf = sublinear_tf
        self.use_idf = use_idf
        self.counted = counted
        self.vocabulary_: dict[str, int] = {}
        self.idf_: np.ndarray | None = None

    def fit(self, docs: Sequence[object]) -> "Tfidf":
        if self.use_idf:
            self.fit_transform(docs)
            return self
        terms: set[str] = set()  # without IDF the vocabulary is all there is to learn
        for doc in docs:
            terms.update(self._counts(doc))
        if not terms:
            raise ValueError("empty vocabulary: no document has a feature")
        self.vocabulary_ = {term: i for i, term in enumerate(sorted(terms))}
        return self

    def fit_transform(self, docs: Sequence[object]) -> sparse.csr_matrix:
        first_seen: dict[str, int] = defaultdict(itertools.count().__next__)  # a new feature: the next id
        rows = []
        for doc in docs:
            counts = self._counts(doc)
            rows.append(([first_seen[f] for f in counts], counts.values()))
        if not first_seen:
            raise ValueError("empty vocabulary: no document has a feature")
        counts = _csr(rows, len(first_seen))
        # scikit-learn keeps each row in order of first appearance, renumbered: so do we
        self.vocabulary_ = {term: i for i, term in enumerate(sorted(first_seen))}
        to_sorted = np.empty(len(first_seen), dtype=np.int32)
        to_sorted[list(first_seen.values())] = [self.vocabulary_[t] for t in first_seen]
        counts.indices = to_sorted.take(counts.indices)
        counts.has_sorted_indices = False  # or scipy would sort them back on the next copy
        if self.use_idf:
            df = np.bincount(counts.indices, minlength=len(first_seen)).astype(np.float64) + 1.0
            idf = np.full_like(df, fill_value=len(docs) + 1, dtype=np.float64)
            idf /= df
            np.log(idf, out=idf)
            self.idf_ = idf + 1.0
        return self._weigh(counts)

    def transform(self, docs: Sequence[object]) -> sparse.csr_matrix:
        vocab = self.vocabulary_
        rows = []
        for doc in docs:
            counts = {f: n for f, n in self._counts(doc).items() if f in vocab}
            rows.append(([vocab[f] for f in counts], counts.values()))
        return self._weigh(_csr(rows, len(vocab)))

    def _counts(self, doc: object) -> dict[str, int]:
        return dict(doc) if self.counted else Counter(self.analyzer(doc))  # type: ignore[arg-type]

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        x = counts
        if self.sublinear_tf:
            np.log(x.data, x.data)
            x.data += 1.0
        if self.use_idf and self.idf_ is not None:
            x.data *= self.idf_[x.indices]
        _normalise_rows(x)
        return x


def _csr(rows: list[tuple[list[int], Iterable[int]]], width: int) -> sparse.csr_matrix:
    """Counts as a matrix, each row's indices sorted (the order scikit-learn gives them)."""
    indices: list[int] = []
    data: list[int] = []
    indptr = [0]
    for ids, counts in rows:
        indices.extend(ids)
        data.extend(counts)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
        shape=(len(rows), width),
    )
    matrix.sort_indices()
    return matrix


def _normalise_rows(x: sparse.csr_matrix) -> None:
    """L2 per row, summing squares left to right as scikit-learn's compiled loop does."""
    data, indptr = x.data, x.indptr
    for r in range(x.shape[0]):
        lo, hi = indptr[r], indptr[r + 1]
        total = 0.0
        for value in data[lo:hi].tolist():
            total += value * value
        if total != 0.0:
            data[lo:hi] /= np.sqrt(total)
