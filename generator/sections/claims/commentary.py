"""Sources that are commentary, not reports: a column or first-person piece.

A newsroom does not take facts from an opinion column: its sentences are the writer's view
("What I saw in the courtroom sickened me", "Everybody lost"), however they read. A source is
commentary when its writer speaks in the first person, outside quotation marks, in many of its
sentences: news reports keep the first person inside quotes. The Sources list labels it, and a
claim only commentary makes is held back (generator.sections.claims.page).
"""

from __future__ import annotations

import re
from typing import Sequence

from generator.models import AnalysedArticle
from generator.text.standalone import QUOTED, WRITER_FIRST_PERSON, speech_paragraphs

MIN_FIRST_PERSON = 4  # sentences with the writer's "I", "me" or "my" ...
MIN_SHARE = 0.25  # ... and at least this share of the source's sentences
MIN_WORDS = 5  # shorter pieces are labels and crossheads, not the writer's sentences

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_person_share(paragraphs: Sequence[str]) -> tuple[int, int]:
    """(sentences in the writer's own first person, sentences), outside quotations; paragraphs
    whose quotation marks do not pair up are skipped (a quote running on over paragraphs)."""
    mine = total = 0
    speech = speech_paragraphs(paragraphs)  # a speaker's words the writer quotes over paragraphs
    for k, paragraph in enumerate(paragraphs):
        if k in speech or paragraph.count('"') % 2 or paragraph.count("“") != paragraph.count("”"):
            continue
        for sentence in _SENTENCE_END.split(QUOTED.sub(" ", paragraph)):
            if len(sentence.split()) < MIN_WORDS:
                continue
            total += 1
            mine += bool(WRITER_FIRST_PERSON.search(sentence))
    return mine, total


def find(items: Sequence[AnalysedArticle]) -> set[str]:
    """The ids of the sources that are commentary."""
    out = set()
    for it in items:
        mine, total = first_person_share(it.article.paragraphs)
        if mine >= MIN_FIRST_PERSON and mine >= MIN_SHARE * total:
            out.add(it.source_id)
    return out
