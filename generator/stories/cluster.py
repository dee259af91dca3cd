"""Cluster stage: group analysed articles into stories, and set aside what is not one story.

Articles are compared by what they are about: term frequencies over content lemmas plus the named
entities they mention (entities weigh more: two stories share vocabulary far more often
than they share people and places), counted once per article by the analysis (topic_terms.py).
Clustering is a single pass over articles in date order against story centroids,
O(articles x stories), never all pairs of articles, so it stays linear as the desk grows; a
second pass merges stories whose centroids converged.

A roundup (a digest of several unrelated stories) would pollute whichever story it joined,
so it is recognised by its parts having nothing in common and set aside with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

import numpy as np

from generator.nlp import topic_terms
from generator.config import Settings
from generator.models import AnalysedArticle, Rejection
from generator.text.dates.partial import day_of
from generator.text.vectors import Tfidf

# No IDF: weights fitted on the articles at hand make a lone event look like many stories
# (its shared words get the lowest weight); sublinear term frequency over content lemmas
# and entities is stable whatever else is in seeds/.
USE_IDF = False


def term_counts(item: AnalysedArticle) -> tuple[tuple[str, int], ...]:
    """The article's term counts: from its analysis, or counted now for one made without them."""
    return item.analysis.terms or topic_terms.counts(item.analysis.sentences, item.analysis.entities)


def _day(item: AnalysedArticle) -> date | None:
    return day_of(item.article.published_date)


# ---------------------------------------------------------------- roundups


def paragraph_groups(item: AnalysedArticle) -> list[list[int]]:
    """Sentence indices per paragraph, for paragraphs long enough to be about something."""
    groups: dict[int, list[int]] = {}
    for s in item.analysis.sentences:
        groups.setdefault(s.paragraph, []).append(s.index)
    words = {s.index: len(s.text.split()) for s in item.analysis.sentences}
    return [idx for _, idx in sorted(groups.items()) if sum(words[i] for i in idx) >= 25]


# Digest cues, general to news sites' roundup formats, each with the words it cannot match
# without (a cheap test that rules out almost every article before any pattern is tried):
DIGEST_CUES = [
    (("top ",), re.compile(r"\btop (stories|headlines|news)\b", re.I)),  # "Here are today's top stories"
    (("day's", "morning's", "evening's", "week's"), re.compile(r"\bhere (are|is) (today's|this morning's|this evening's|the day's|the week's)\b", re.I)),
    (("caught up",), re.compile(r"\blet's get caught up\b", re.I)),  # "Today is Monday, March 27. Let's get caught up."
    (("briefing", "digest", "listen", "roundup", "round-up", "newsletter"),
     re.compile(r"\b(morning|evening|daily|weekly) (briefing|digest|listen|roundup|round-up|newsletter)\b", re.I)),
    (("other news",), re.compile(r"\bin other news\b", re.I)),  # "In other news, the city council voted..."
    (("*",), re.compile(r"^\s*(\*\s*){3,}\s*$")),  # "***" between the parts of a digest
    (("need to know",), re.compile(r"\bwhat you need to know (today|this morning)\b", re.I)),
]


def digest_cues(item: AnalysedArticle) -> int:
    lines = list(item.article.paragraphs) + [r.line for r in item.article.removed]
    folded = "\n".join(lines).casefold()  # casefold: whatever re.I matches, the words are in it
    cues = [cue for words, cue in DIGEST_CUES if any(w in folded for w in words)]
    return sum(1 for line in lines for cue in cues if cue.search(line)) if cues else 0


def cohesion(item: AnalysedArticle, vectorizer) -> float:
    """Mean similarity of each substantial paragraph to the rest of the article."""
    paras = paragraph_groups(item)
    if len(paras) < 2:
        return 1.0
    sims = []
    for k, idx in enumerate(paras):
        rest = [i for j, p in enumerate(paras) if j != k for i in p]
        a = vectorizer.transform([topic_terms.counts(item.analysis.sentences, item.analysis.entities, idx)])
        b = vectorizer.transform([topic_terms.counts(item.analysis.sentences, item.analysis.entities, rest)])
        sims.append(float((a @ b.T).toarray()[0, 0]))
    return float(np.mean(sims))


def is_roundup(item: AnalysedArticle, vectorizer) -> bool:
    """A digest names itself as one and its parts have little in common.

    Both are required: a normal article may say "top stories" once, and a short article
    with a photo caption may have low cohesion; only a digest has both.
    """
    return digest_cues(item) >= 2 and cohesion(item, vectorizer) < 0.15


# ---------------------------------------------------------------- clustering


@dataclass
class _Cluster:
    members: list[int]
    centroid: np.ndarray
    first: date | None
    last: date | None


def _add(c: _Cluster, i: int, v: np.ndarray, d: date | None) -> None:
    n = len(c.members)
    c.centroid = (c.centroid * n + v) / (n + 1)
    c.members.append(i)
    if d is not None:
        c.first = d if c.first is None else min(c.first, d)
        c.last = d if c.last is None else max(c.last, d)


def absorb(ca: "_Cluster", cb: "_Cluster") -> None:
    """Merge story cb into ca: weighted centroid, members, and the date span of both."""
    n, m = len(ca.members), len(cb.members)
    ca.centroid = (ca.centroid * n + cb.centroid * m) / (n + m)
    ca.members.extend(cb.members)
    dates = [d for d in (ca.first, ca.last, cb.first, cb.last) if d is not None]
    ca.first, ca.last = (min(dates), max(dates)) if dates else (None, None)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(a @ b / (na * nb)) if na and nb else 0.0


def cluster_articles(items: Sequence[AnalysedArticle], settings: Settings) -> list[list[AnalysedArticle]]:
    groups, _ = cluster_with_rejections(items, settings)
    return groups


def cluster_with_rejections(
    items: Sequence[AnalysedArticle], settings: Settings
) -> tuple[list[list[AnalysedArticle]], list[Rejection]]:
    """Stories (lists of articles, each sorted by source id) and the roundups set aside."""
    if not items:
        return [], []
    vectorizer = Tfidf(sublinear_tf=True, use_idf=USE_IDF, counted=True)
    feats = [term_counts(it) for it in items]
    vectorizer.fit(feats)
    set_aside = [it for it in items if is_roundup(it, vectorizer)]
    rejected = [
        Rejection(it.article.file, "a roundup of several unrelated stories, not one article: set aside")
        for it in set_aside
    ]
    kept = [it not in set_aside for it in items]
    keep = [it for it, k in zip(items, kept) if k]
    if not keep:
        return [], rejected
    order = sorted(range(len(keep)), key=lambda i: (keep[i].article.published_date or "", keep[i].source_id))
    matrix = vectorizer.transform([f for f, k in zip(feats, kept) if k])
    threshold, window = settings.cluster_similarity, settings.cluster_date_window_days
    clusters: list[_Cluster] = []
    index = _Index(matrix.shape[1])
    for i in order:
        (v, nz), d = _dense_row(matrix, i), _day(keep[i])
        # Only clusters the index cannot rule out are scored exactly, as before: same choice, fewer dot products.
        scored = [(_cos(v, clusters[k].centroid), -k) for k in index.candidates(v, d, threshold, window, nz)]
        best = max(scored, default=None)
        if best is not None and best[0] >= threshold:
            _add(clusters[-best[1]], i, v, d)
            index.update(-best[1], clusters[-best[1]])
        else:
            clusters.append(_Cluster([i], v.copy(), d, d))
            index.update(len(clusters) - 1, clusters[-1])
    clusters = _merge_converged(clusters, threshold, window)
    clusters = _attach_lone_articles(clusters, settings.cluster_lone_similarity, window)
    groups = [sorted((keep[i] for i in c.members), key=lambda it: it.source_id) for c in clusters]
    groups.sort(key=lambda g: g[0].source_id)
    return groups, rejected


def _dense_row(matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Row i of a CSR matrix as a dense vector (without scipy's slower row indexing), and its
    non-zero positions in order (np.flatnonzero of it, without scanning the vocabulary)."""
    v = np.zeros(matrix.shape[1])
    lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
    indices, data = matrix.indices[lo:hi], matrix.data[lo:hi]
    v[indices] = data
    return v, np.sort(indices[data != 0]).astype(np.intp)


def find_copies(items: Sequence[AnalysedArticle], threshold: float = 90.0) -> dict[str, str]:
    """Near-duplicate copies of one wire story within a story: copy id -> original id.

    Syndicated copies ("By The Associated Press", republished with a new headline) are one
    piece of reporting; counting them twice would inflate "N of M sources". The original is
    the earliest published (then the longest, then the smallest id).
    """
    from rapidfuzz import fuzz

    def norm(it: AnalysedArticle) -> str:
        return " ".join(it.article.text.lower().split())

    def rank(it: AnalysedArticle) -> tuple:
        return (it.article.published or "9999", -len(it.article.text), it.source_id)

    ordered = sorted(items, key=rank)
    texts = {it.source_id: norm(it) for it in ordered}
    copies: dict[str, str] = {}
    for k, it in enumerate(ordered):
        if it.source_id in copies:
            continue
        for other in ordered[k + 1:]:
            if other.source_id in copies:
                continue
            a, b = texts[it.source_id], texts[other.source_id]
            if min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
                continue
            if fuzz.ratio(a, b, score_cutoff=threshold) >= threshold:  # the cutoff lets it stop early
                copies[other.source_id] = it.source_id
    return copies


def _merge_converged(clusters: list[_Cluster], threshold: float, window: int) -> list[_Cluster]:
    """Merge stories whose centroids ended up alike (articles arrived in an unlucky order).

    Pairs are tried in order, (0, 1), (0, 2), ..., and the first alike pair is merged, then
    the search starts again. One sparse product and the date spans rule out the pairs that
    cannot be merged; a pair scored and found unlike stays ruled out until one of its stories
    grows; a merged story keeps its place (rows are masked, not deleted), so the order of
    pairs is the order of the shrinking list.
    """
    if len(clusters) < 2:
        return clusters
    index = _Index(clusters[0].centroid.shape[0], capacity=len(clusters))
    for k, c in enumerate(clusters):
        index.update(k, c)
    alive = np.ones(len(clusters), dtype=bool)
    todo = np.triu(index.pair_bounds(threshold) & index.pair_windows(window), k=1)
    while True:
        merged = _first_alike_pair(clusters, todo, threshold)
        if merged is None:
            return [c for c, kept in zip(clusters, alive) if kept]
        a, b = merged
        ca = clusters[a]
        absorb(ca, clusters[b])
        alive[b] = False
        todo[b, :] = todo[:, b] = False
        index.update(a, ca)
        windows = index.pair_windows(window)  # a before the others after it, after those before it
        row = index.bounds(ca.centroid, threshold) & alive & np.where(np.arange(len(alive)) > a,
                                                                      windows[a], windows[:, a])
        todo[a, a + 1:] = row[a + 1:]
        todo[:a, a] = row[:a]


def _attach_lone_articles(clusters: list[_Cluster], threshold: float, window: int) -> list[_Cluster]:
    """A story of one article that is nearly alike a story several outlets tell joins it: a
    feature or an angle on the same event ("the families will never forget Monday", "where the
    merged firm will have its offices") shares fewer words with the breaking reports than they
    share with each other, and alone it makes a thin page of its own."""
    groups = [c for c in clusters if len(c.members) >= 2]
    kept = list(groups)
    for lone in (c for c in clusters if len(c.members) == 1):
        scored = [(_cos(lone.centroid, g.centroid), -k) for k, g in enumerate(groups) if _near_in_time(lone, g, window)]
        best = max(scored, default=None)
        if best is not None and best[0] >= threshold:
            absorb(groups[-best[1]], lone)
        else:
            kept.append(lone)
    return sorted(kept, key=lambda c: min(c.members))


def _near_in_time(a: _Cluster, b: _Cluster, window: int) -> bool:
    if None in (a.first, a.last, b.first, b.last):
        return True
    return max((b.first - a.last).days, (a.first - b.last).days) <= window  # type: ignore[operator]


def _first_alike_pair(clusters: list[_Cluster], todo: np.ndarray, threshold: float) -> tuple[int, int] | None:
    """The first pair (a < b) in row order still to try that is alike, exactly as scored;
    pairs found unlike are crossed off `todo`."""
    for a, b in zip(*np.nonzero(todo)):
        a, b = int(a), int(b)
        if _cos(clusters[a].centroid, clusters[b].centroid) >= threshold:
            return a, b
        todo[a, b] = False
    return None


# Cosines computed in another order differ from _cos in the last bits only: anything this far
# below the threshold is below it exactly too, so it can be ruled out without an exact score.
_MARGIN = 1e-9


class _Index:
    """The centroids as rows of one matrix, to rule out, in one product, what cannot be alike.

    Scoring an article against each story one dense vector at a time costs stories x vocabulary;
    the article's few non-zero terms against the matrix cost stories x its length. Whatever is
    not ruled out is scored exactly as before, so the clustering is the same.
    """

    def __init__(self, dim: int, capacity: int = 64):
        self.rows = np.zeros((capacity, dim))
        self.norms = np.zeros(capacity)
        self.first = np.zeros(capacity, dtype=np.int64)
        self.last = np.zeros(capacity, dtype=np.int64)
        self.dated = np.zeros(capacity, dtype=bool)
        self.size = 0

    def update(self, k: int, c: _Cluster) -> None:
        """Row k is now cluster c (a new cluster, or one that just grew); capacity doubles."""
        if k >= self.rows.shape[0]:
            grow = max(k + 1, 2 * self.rows.shape[0])
            self.rows = np.vstack([self.rows, np.zeros((grow - self.rows.shape[0], self.rows.shape[1]))])
            for name in ("norms", "first", "last", "dated"):
                old = getattr(self, name)
                setattr(self, name, np.concatenate([old, np.zeros(grow - old.shape[0], dtype=old.dtype)]))
        self.rows[k] = c.centroid
        self.norms[k] = np.linalg.norm(c.centroid)
        self.dated[k] = c.first is not None and c.last is not None
        self.first[k] = c.first.toordinal() if self.dated[k] else 0
        self.last[k] = c.last.toordinal() if self.dated[k] else 0
        self.size = max(self.size, k + 1)

    def bounds(self, v: np.ndarray, threshold: float, nz: np.ndarray | None = None) -> np.ndarray:
        """Per cluster: True unless its cosine with v is certainly below the threshold.
        `nz`: v's non-zero positions in order, when known (scanning v for them costs more)."""
        nz = np.flatnonzero(v) if nz is None else nz
        nv = float(np.sqrt(v[nz] @ v[nz]))
        dots = self.rows[: self.size, nz] @ v[nz]
        denom = self.norms[: self.size] * nv
        cos = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
        return cos >= threshold - _MARGIN

    def candidates(self, v: np.ndarray, d: date | None, threshold: float, window: int,
                   nz: np.ndarray | None = None) -> list[int]:
        """Clusters within the date window that may reach the threshold, in cluster order."""
        if self.size == 0:
            return []
        keep = self.bounds(v, threshold, nz)
        if d is not None:
            day = d.toordinal()
            n = self.size
            near = (self.first[:n] - day <= window) & (day - self.last[:n] <= window)
            keep &= ~self.dated[:n] | near
        return [int(k) for k in np.flatnonzero(keep)]

    def pair_windows(self, window: int) -> np.ndarray:
        """For every pair (a, b), a before b: whether b's first day is within a's date window
        (neither more than `window` days before a's first day nor after its last; undated stories
        are within every window)."""
        n = self.size
        first, last, dated = self.first[:n], self.last[:n], self.dated[:n]
        near = (first[:, None] - first[None, :] <= window) & (first[None, :] - last[:, None] <= window)
        return near | ~dated[:, None] | ~dated[None, :]

    def pair_bounds(self, threshold: float) -> np.ndarray:
        """For every pair of clusters: True unless their cosine is certainly below the threshold."""
        from scipy import sparse

        rows = sparse.csr_matrix(self.rows[: self.size])
        dots = (rows @ rows.T).toarray()
        denom = np.outer(self.norms[: self.size], self.norms[: self.size])
        cos = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
        return cos >= threshold - _MARGIN
