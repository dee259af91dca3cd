"""Key actors: who is in the story, under which names, and in what role.

extract_mentions: per article, from the spaCy parse (called by generator.analyse).
build_actors: per story, merges mentions across sources into ranked Actor records.
"""

from __future__ import annotations

from typing import Sequence

from .models import Actor, ActorMention, AnalysedArticle, Sentence


def extract_mentions(doc, sentences: Sequence[Sentence]) -> list[ActorMention]:
    """Mentions of people, organisations, countries and groups, with attached role phrases."""
    return [
        ActorMention(e.text, e.label_, 0, e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}
    ]


def build_actors(items: Sequence[AnalysedArticle]) -> list[Actor]:
    """Actors ranked by mentions across sources, aliases merged."""
    return []
