"""What an article is about, as the clustering compares articles: its content lemmas and the
named entities it mentions, counted.

Apart from cluster.py (numpy, scipy) because the analysis counts them once per article, in the
processes that parse, and the counts are cached with the analysis: a one-article update then
clusters a thousand articles without counting a thousand articles' words again.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from generator.models import Entity, Sentence

# Entities that say which event an article is about; dates and numbers do not.
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"}
ENTITY_WEIGHT = 3  # an entity token counts as this many words


@lru_cache(maxsize=1 << 16)
def entity_token(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return "ent:" + re.sub(r"\W+", "_", text.lower()).strip("_")


def features(sentences: Sequence[Sentence], entities: Sequence[Entity],
             keep: Sequence[int] | None = None) -> list[str]:
    """Lemma and entity tokens of an article, or of the sentences whose indices are in `keep`."""
    wanted = set(keep) if keep is not None else None
    tokens: list[str] = []
    for s in sentences:
        if wanted is None or s.index in wanted:
            tokens.extend(lemma for lemma in s.lemmas if len(lemma) > 2 and lemma.isalpha())
    for e in entities:
        if e.label in ACTOR_LABELS and (wanted is None or e.sentence in wanted):
            tokens.extend([entity_token(e.text)] * ENTITY_WEIGHT)
    return tokens


def counts(sentences: Sequence[Sentence], entities: Sequence[Entity],
           keep: Sequence[int] | None = None) -> tuple[tuple[str, int], ...]:
    """(term, count) pairs of `features`, terms in order of first appearance."""
    return tuple(Counter(features(sentences, entities, keep)).items())
