"""The NLP stage: each cleaned article parsed once and its parse turned into plain data.

A spaCy `Doc` is handed to the extractors as one `ParsedArticle`; what leaves this stage is
an `ArticleAnalysis` of dataclasses, so nothing after it depends on spaCy. One extractor
per kind of mention:
  sentences, entities -> generator.nlp.parsed
  actor mentions      -> generator.nlp.actors.mentions
  date mentions       -> generator.nlp.dates
  quotations          -> generator.nlp.quotes.extract
  topic terms         -> generator.nlp.topic_terms (what clustering compares)
  misspellings        -> generator.nlp.spelling (typos and run-together words: garbled text)
  grammar slips       -> generator.nlp.grammar_slips (spun or mangled word order: garbled text)

Pure: an analysis is a function of the article, the code and the model. Caching the
analyses and the parses is the pipeline's business (generator.pipeline), not this stage's.
"""

from __future__ import annotations

from typing import Sequence

from generator.models import Article, ArticleAnalysis
from generator.nlp import topic_terms
from generator.nlp.actors.mentions import extract_mentions
from generator.nlp.dates import extract_dates
from generator.nlp.model import doc_from_bytes, doc_to_bytes, parse_texts
from generator.nlp.parsed import ParsedArticle
from generator.nlp.quotes.extract import quotes_and_genders
from generator.nlp.grammar_slips import grammar_slips
from generator.nlp.spelling import misspellings


def analyse_doc(article: Article, doc) -> ArticleAnalysis:
    """The article's parse as plain data: sentences, entities and every kind of mention."""
    parsed = ParsedArticle.of(article, doc)
    entities = parsed.entities()
    quotes, genders = quotes_and_genders(parsed)
    return ArticleAnalysis(
        source_id=article.source_id,
        sentences=parsed.sentences,
        entities=entities,
        actor_mentions=tuple(extract_mentions(parsed)),
        date_mentions=tuple(extract_dates(parsed)),
        quotes=tuple(quotes),
        terms=topic_terms.counts(parsed.sentences, entities),
        misspellings=misspellings(parsed),
        grammar_slips=grammar_slips(parsed),
        genders=tuple(sorted((k, g) for k, g in genders.items() if g in ("m", "f"))),
    )


def analyse_batch(jobs: Sequence[tuple[Article, bytes | None]], n_process: int = 1,
                  keep_parses: bool = True) -> list[tuple[ArticleAnalysis, bytes | None]]:
    """Each (article, its cached parse or None) analysed, in order; a new parse comes back as
    bytes (when `keep_parses`) for the caller to cache, a cached one as None.

    Each parse becomes plain data as soon as it is made: no list of every Doc in memory.
    """
    out: list[tuple[ArticleAnalysis, bytes | None] | None] = [None] * len(jobs)
    todo: list[int] = []
    for i, (article, data) in enumerate(jobs):
        doc = doc_from_bytes(data) if data is not None else None
        if doc is None:
            todo.append(i)
        else:
            out[i] = (analyse_doc(article, doc), None)
    for k, doc in parse_texts([jobs[i][0].text for i in todo], n_process=n_process) if todo else ():
        i = todo[k]
        out[i] = (analyse_doc(jobs[i][0], doc), doc_to_bytes(doc) if keep_parses else None)
    return out  # type: ignore[return-value]
