"""Analyse stage: parse each cleaned article once and turn the parse into plain data.

This is the only place a spaCy `Doc` is handed to extractors; what leaves this module is an
`ArticleAnalysis` of dataclasses, so compose and render never depend on spaCy.
Each extractor lives in its own module:
  sentences, entities -> here
  actor mentions      -> generator.sections.actors.build.extract_mentions
  date mentions       -> generator.sections.timeline.build.extract_dates
  quotations          -> generator.nlp.quotes.extract.extract_quotes
  topic terms         -> generator.nlp.topic_terms.counts (what clustering compares)
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from generator.nlp.actors.mentions import extract_mentions
from generator.nlp.dates import extract_dates
from generator.nlp.quotes.extract import extract_quotes
from generator.nlp import topic_terms
from generator.models import AnalysedArticle, Article, ArticleAnalysis
from generator.store.cache import code_fingerprint
from generator.store.cache import load as cache_load
from generator.store.cache import store as cache_store
from generator.nlp.parsed import ParsedArticle
from generator.nlp.model import ParseCache, iter_parses, model_key

if TYPE_CHECKING:
    from generator.nlp.workers import Workers

def analyse_doc(article: Article, doc) -> ArticleAnalysis:
    """The article's parse as plain data: sentences, entities and every kind of mention."""
    parsed = ParsedArticle.of(article, doc)
    entities = parsed.entities()
    return ArticleAnalysis(
        source_id=article.source_id,
        sentences=parsed.sentences,
        entities=entities,
        actor_mentions=tuple(extract_mentions(parsed)),
        date_mentions=tuple(extract_dates(parsed)),
        quotes=tuple(extract_quotes(parsed)),
        terms=topic_terms.counts(parsed.sentences, entities),
    )


def _analysis_key(article: Article) -> str:
    fingerprint = code_fingerprint(model_key())
    payload = "\0".join([fingerprint, article.source_id, article.published or "", article.text])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def analyse_articles(
    articles: Iterable[Article],
    cache_dir: Path | None,
    n_process: int = 1,
    progress: Callable[[str], None] | None = None,
    workers: "Workers | None" = None,
    expected: int | None = None,
) -> list[AnalysedArticle]:
    """Analyse every article, reusing cached analyses; only new or changed texts are parsed.

    Two caches, both keyed by content hash: the analysis itself (a warm run loads neither
    spaCy nor a parse), and the parse (a code change re-extracts without re-parsing).
    With `workers` (already loading the model) the parsing and analysing happen there, and
    `articles` is consumed lazily: the first ones are parsed while the rest are cleaned;
    `expected`, when known, is how many there are at most (see Workers.analyse: `total`).
    """
    seen: list[Article] = []
    results: dict[int, ArticleAnalysis] = {}
    cached: list[tuple[int, Path]] = []  # analyses on disk, read once every new text is handed out
    unreadable: list[tuple[int, Article]] = []

    def misses() -> Iterator[tuple[int, Article]]:
        for i, article in enumerate(articles):
            seen.append(article)
            path = _analysis_path(cache_dir, article) if cache_dir is not None else None
            if path is not None and path.exists():
                cached.append((i, path))
            else:
                yield i, article

    def read_cached() -> None:
        """The cached analyses, read while the workers parse (reading a thousand takes longer
        than loading spaCy would leave idle); an unreadable one is analysed after all."""
        for i, path in cached:
            hit = cache_load(path, ArticleAnalysis)
            if hit is None:
                unreadable.append((i, seen[i]))
            else:
                results[i] = hit
        cached.clear()

    def analysed(todo: Iterable[tuple[int, Article]]) -> Iterable[tuple[int, ArticleAnalysis]]:
        if workers is None:
            batch = list(todo)
            return analyse_batch([a for _, a in batch], cache_dir, [i for i, _ in batch], n_process)
        return workers.analyse(todo, n_process, meanwhile=read_cached, total=expected)

    made = list(analysed(misses()))
    read_cached()  # when no worker ran (nothing new) or none was used
    made += analysed(unreadable)
    fresh = 0
    for i, analysis in made:
        results[i] = analysis
        fresh += 1
    if progress and fresh:
        progress(f"analysed {fresh} articles")
    if progress:
        progress(f"{len(results) - fresh} analyses reused from cache")
    return [AnalysedArticle(a, results[i]) for i, a in enumerate(seen) if i in results]


def analyse_batch(articles: Sequence[Article], cache_dir: Path | None, indices: Sequence[int],
                  n_process: int = 1) -> list[tuple[int, ArticleAnalysis]]:
    """Parse (or reuse cached parses of) and analyse articles; each analysis is cached.

    Each parse becomes plain data as soon as it is made: no list of every Doc in memory.
    """
    parses = ParseCache(Path(cache_dir) / "parses" if cache_dir is not None else None)
    out: list[tuple[int, ArticleAnalysis]] = []
    for k, doc in iter_parses([a.text for a in articles], parses, n_process=n_process):
        analysis = analyse_doc(articles[k], doc)
        if cache_dir is not None:
            cache_store(_analysis_path(cache_dir, articles[k]), analysis)
        out.append((indices[k], analysis))
    return out


def _analysis_path(cache_dir: Path, article: Article) -> Path:
    return Path(cache_dir) / "analysis" / f"{_analysis_key(article)}.pkl"
