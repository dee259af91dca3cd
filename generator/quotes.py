"""Key quotes: direct quotations verbatim, each with its speaker.

extract_quotes: per article (called by generator.analyse).
build_quotes: per story, merges the same quotation across sources, canonical speaker names.
"""

from __future__ import annotations

from typing import Sequence

from .models import Actor, AnalysedArticle, Quote, QuoteMention, Sentence


def extract_quotes(doc, sentences: Sequence[Sentence]) -> list[QuoteMention]:
    return []


def build_quotes(items: Sequence[AnalysedArticle], actors: Sequence[Actor]) -> list[Quote]:
    return []
