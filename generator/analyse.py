"""Analyse stage: parse each cleaned article once and turn the parse into plain data.

This is the only place a spaCy `Doc` is handed to extractors; what leaves this module is an
`ArticleAnalysis` of dataclasses, so compose and render never depend on spaCy.
Each extractor lives in its own module:
  sentences, entities -> here
  actor mentions      -> generator.actors.extract_mentions
  date mentions       -> generator.timeline.extract_dates
  quotations          -> generator.quotes.extract_quotes
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Sequence

from . import actors, quotes, timeline
from .models import AnalysedArticle, Article, ArticleAnalysis, Entity, Sentence
from .cache import code_fingerprint
from .cache import load as cache_load
from .cache import store as cache_store
from .nlp import ParseCache, iter_parses, model_key

# Entity labels we keep as plain data (numbers and dates feed claim comparison).
ENTITY_LABELS = {
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME",
    "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "WORK_OF_ART", "LAW", "PRODUCT",
}
NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}


def paragraph_starts(article: Article) -> list[int]:
    starts, pos = [], 0
    for para in article.paragraphs:
        starts.append(pos)
        pos += len(para) + 2
    return starts


def sentences_of(doc, article: Article) -> tuple[Sentence, ...]:
    starts = paragraph_starts(article)
    out: list[Sentence] = []
    para = 0
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        while para + 1 < len(starts) and starts[para + 1] <= start:
            para += 1
        lemmas = tuple(
            t.lemma_.lower() for t in sent
            if not (t.is_stop or t.is_punct or t.is_space) and t.lemma_.strip()
        )
        numbers = tuple(
            e.text for e in sent.ents if e.label_ in NUMBER_LABELS
        ) + tuple(t.text for t in sent if t.like_num and not t.ent_type_)
        out.append(Sentence(len(out), text, start, start + len(text), para, lemmas, numbers))
    return tuple(out)


def sentence_index_at(sentences: Sequence[Sentence], char: int) -> int:
    """Index of the sentence containing a character offset (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def entities_of(doc, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
    if not sentences:
        return ()
    return tuple(
        Entity(e.text, e.label_, e.start_char, e.end_char, sentence_index_at(sentences, e.start_char))
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    )


def analyse_doc(article: Article, doc) -> ArticleAnalysis:
    sentences = sentences_of(doc, article)
    return ArticleAnalysis(
        source_id=article.source_id,
        sentences=sentences,
        entities=entities_of(doc, sentences),
        actor_mentions=tuple(actors.extract_mentions(doc, sentences)),
        date_mentions=tuple(timeline.extract_dates(doc, sentences, article.published)),
        quotes=tuple(quotes.extract_quotes(doc, sentences)),
    )


def _analysis_key(article: Article) -> str:
    fingerprint = code_fingerprint(model_key())
    payload = "\0".join([fingerprint, article.source_id, article.published or "", article.text])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def analyse_articles(
    articles: Sequence[Article],
    cache_dir: Path | None,
    n_process: int = 1,
    progress: Callable[[str], None] | None = None,
) -> list[AnalysedArticle]:
    """Analyse every article, reusing cached analyses; only new or changed texts are parsed.

    Two caches, both keyed by content hash: the analysis itself (a warm run loads neither
    spaCy nor a parse), and the parse (a code change re-extracts without re-parsing).
    """
    results: list[ArticleAnalysis | None] = [None] * len(articles)
    paths: list[Path | None] = [None] * len(articles)
    if cache_dir is not None:
        for i, article in enumerate(articles):
            paths[i] = Path(cache_dir) / "analysis" / f"{_analysis_key(article)}.pkl"
            results[i] = cache_load(paths[i], ArticleAnalysis)
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        parses = ParseCache(Path(cache_dir) / "parses" if cache_dir is not None else None)
        # Each parse becomes plain data as soon as it is made: no list of every Doc in memory.
        for k, doc in iter_parses([articles[i].text for i in todo], parses, n_process=n_process):
            i = todo[k]
            results[i] = analyse_doc(articles[i], doc)
            if paths[i] is not None:
                cache_store(paths[i], results[i])
        if progress:
            progress(f"analysed {len(todo)} articles ({parses.hits} parses from cache, {parses.misses} parsed)")
    if progress:
        progress(f"{len(articles) - len(todo)} analyses reused from cache")
    return [AnalysedArticle(a, r) for a, r in zip(articles, results) if r is not None]
