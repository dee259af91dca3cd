"""generator.text.vectors against scikit-learn's TfidfVectorizer: the same matrices, bit for bit.

scikit-learn stays a test dependency as the oracle; the generator does not import it (its
import alone costs over a second of every run that composes a story).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.text.vectors import Tfidf, char_wb
from tests.paths import ROOT, corpus_files


def _lines() -> list[str]:
    lines: list[str] = []
    for path in (corpus_files() or sorted((ROOT / "seeds").glob("*.txt")))[:8]:
        lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.split()) > 3][:40]
    return lines


def _words(line: str) -> list[str]:
    return re.findall(r"\w+", line.lower())


def _same(ours, theirs) -> None:
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)  # exact, not approximately


@pytest.mark.parametrize("use_idf", [True, False])
@pytest.mark.parametrize("sublinear", [True, False])
def test_token_lists_fit_transform_and_transform(use_idf: bool, sublinear: bool) -> None:
    docs = [_words(ln) for ln in _lines()]
    fit, rest = docs[::2], docs[1::2]
    theirs = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=sublinear, use_idf=use_idf)
    ours = Tfidf(sublinear_tf=sublinear, use_idf=use_idf)
    _same(ours.fit_transform(fit), theirs.fit_transform(fit))
    assert ours.vocabulary_ == theirs.vocabulary_
    _same(ours.transform(rest), theirs.transform(rest))
    a, b = ours.fit_transform(docs), theirs.fit_transform(docs)
    assert np.array_equal((a @ a.T).toarray(), (b @ b.T).toarray())


def test_char_ngrams_within_word_boundaries() -> None:
    texts = [" ".join(_words(ln)) for ln in _lines()] + ["a bc", "x  y\tzz"]
    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False)
    ours = Tfidf(char_wb(3, 5))
    a, b = ours.fit_transform(texts), theirs.fit_transform(texts)
    _same(a, b)
    assert np.array_equal((a @ a.T).toarray(), (b @ b.T).toarray())


def test_char_wb_counts_a_short_word_once() -> None:
    assert char_wb(3, 5)("a") == [" a "]
    assert char_wb(2, 3)("ab") == [" a", "ab", "b ", " ab", "ab "]


def test_unknown_features_are_ignored_and_empty_rows_stay_zero() -> None:
    vec = Tfidf().fit([["court", "ruling"], ["court"]])
    m = vec.transform([["court", "unseen"], ["unseen"]])
    assert m.shape == (2, 2)
    assert m[1].nnz == 0
    assert m[0].toarray()[0, vec.vocabulary_["court"]] == pytest.approx(1.0)


@pytest.mark.parametrize("use_idf", [True, False])
def test_empty_vocabulary_is_an_error(use_idf: bool) -> None:
    with pytest.raises(ValueError):
        Tfidf(use_idf=use_idf).fit([[], []])


@pytest.mark.parametrize("use_idf", [True, False])
def test_counted_documents_give_the_same_matrices(use_idf: bool) -> None:
    """Counts made once (and cached with an article's analysis) stand for the features."""
    docs = [_words(line) for line in _lines()]
    counted = [tuple(Counter(d).items()) for d in docs]
    plain, ours = Tfidf(use_idf=use_idf), Tfidf(use_idf=use_idf, counted=True)
    _same(ours.fit_transform(counted[:100]), plain.fit_transform(docs[:100]))
    assert ours.vocabulary_ == plain.vocabulary_
    _same(ours.transform(counted[100:]), plain.transform(docs[100:]))
    # fit alone (without IDF it only learns the vocabulary), then transform: the same again
    fitted = Tfidf(use_idf=use_idf, counted=True).fit(counted[:100])
    assert fitted.vocabulary_ == plain.vocabulary_
    _same(fitted.transform(counted[100:]), plain.transform(docs[100:]))
