"""Analyse stage: parse each cleaned article once and turn the parse into plain data.

This is the only place a spaCy `Doc` is handed to extractors; what leaves this module is an
`ArticleAnalysis` of dataclasses, so compose and render never depend on spaCy.
Each extractor lives in its own module:
  sentences, entities -> here
  actor mentions      -> generator.sections.actors.build.extract_mentions
  date mentions       -> generator.sections.timeline.build.extract_dates
  quotations          -> generator.sections.quotes.build.extract_quotes
  topic terms         -> generator.nlp.topic_terms.counts (what clustering compares)
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from generator.sections.actors import build as actors
from generator.sections.quotes import build as quotes
from generator.sections.timeline import build as timeline
from generator.nlp import topic_terms
from generator.models import AnalysedArticle, Article, ArticleAnalysis, Entity, Sentence
from generator.store.cache import code_fingerprint
from generator.store.cache import load as cache_load
from generator.store.cache import store as cache_store
from generator.nlp.doc_arrays import entity_spans
from generator.nlp.model import ParseCache, iter_parses, model_key

if TYPE_CHECKING:
    from generator.nlp.workers import Workers

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


def sentences_of(doc, article: Article, text: str | None = None) -> tuple[Sentence, ...]:
    """The article's sentences as plain data, with their paragraph, content lemmas and numbers.

    Reads the parse's token attributes as one array and the text (`doc.text`, or `text` when
    the caller has it) as one string: spaCy builds a Python object for every token, span and
    `.text` access, which cost more than the work here.
    """
    from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, ORTH

    sents = list(doc.sents)
    starts = paragraph_starts(article)
    text = doc.text if text is None else text
    strings = doc.vocab.strings
    rows = doc.to_array([IS_STOP, IS_PUNCT, IS_SPACE, LIKE_NUM, ENT_TYPE, LEMMA, ORTH]).tolist() if sents else []
    lemma_of: dict[int, str | None] = {}  # lemma hash -> folded lemma, None when blank
    number_ents = [(e.start, e.end, e.text) for e in entity_spans(doc) if e.label_ in NUMBER_LABELS]
    out: list[Sentence] = []
    para = 0
    for sent in sents:
        raw = text[sent.start_char:sent.end_char]  # == sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        while para + 1 < len(starts) and starts[para + 1] <= start:
            para += 1
        lemmas: list[str] = []
        loose: list[str] = []  # numbers outside any entity
        for stop, punct, space, like_num, ent_type, lemma, orth in rows[sent.start:sent.end]:
            if not (stop or punct or space):
                if lemma not in lemma_of:
                    word = strings[lemma]
                    lemma_of[lemma] = word.lower() if word.strip() else None
                if lemma_of[lemma] is not None:
                    lemmas.append(lemma_of[lemma])
            if like_num and not ent_type:
                loose.append(strings[orth])
        # sent.ents: the entities wholly inside the sentence, in order
        numbers = tuple(t for s, e, t in number_ents if sent.start <= s and e <= sent.end) + tuple(loose)
        out.append(Sentence(len(out), stripped, start, start + len(stripped), para, tuple(lemmas), numbers))
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


def entities_of(doc, sentences: Sequence[Sentence], text: str | None = None) -> tuple[Entity, ...]:
    """The kept entities, each with its sentence; `text` is `doc.text` when the caller has it."""
    if not sentences:
        return ()
    starts = [s.start for s in sentences]  # sentence_index_at, with one list for every entity
    out = []
    for e in entity_spans(doc):
        label = e.label_
        if label in ENTITY_LABELS:
            start, end = e.start_char, e.end_char
            out.append(Entity(e.text if text is None else text[start:end], label, start, end,
                              max(0, bisect_right(starts, start) - 1)))
    return tuple(out)


def analyse_doc(article: Article, doc) -> ArticleAnalysis:
    text = _text_of(doc, article)
    sentences = sentences_of(doc, article, text)
    entities = entities_of(doc, sentences, text)
    return ArticleAnalysis(
        source_id=article.source_id,
        sentences=sentences,
        entities=entities,
        actor_mentions=tuple(actors.extract_mentions(doc, sentences)),
        date_mentions=tuple(timeline.extract_dates(doc, sentences, article.published)),
        quotes=tuple(quotes.extract_quotes(doc, sentences, text)),
        terms=topic_terms.counts(sentences, entities),
    )


def _text_of(doc, article: Article) -> str:
    """The parse's text: the article's own, which spaCy's tokenizer keeps character for
    character, unless the lengths disagree. `doc.text` joins every token anew, which costs
    as much as some extractors."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return article.text if end == len(article.text) else doc.text


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
