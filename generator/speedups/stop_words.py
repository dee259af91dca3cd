"""spaCy's English stop words without importing spaCy (speed-up `stop_words`).

Composing a story needs the list but no parse; importing spaCy would cost a second of every
run that adds one article (its parse is made in a worker process). So the word-list file
spaCy ships is executed on its own; with the speed-up off, spaCy's module is imported.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words."""
    from generator import speedups

    spec = importlib.util.find_spec("spacy") if speedups.enabled("stop_words") else None
    words_file = Path(spec.origin).parent / "lang" / "en" / "stop_words.py" if spec and spec.origin else None
    if words_file is None or not words_file.is_file():  # an unusual install: the ordinary import
        from spacy.lang.en.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    module_spec = importlib.util.spec_from_file_location("_explainer_spacy_stop_words", words_file)
    module = importlib.util.module_from_spec(module_spec)  # type: ignore[arg-type]
    module_spec.loader.exec_module(module)  # type: ignore[union-attr]
    return frozenset(module.STOP_WORDS)
