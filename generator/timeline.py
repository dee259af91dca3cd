"""Timeline: dated events, relative dates resolved against each article's own date.

extract_dates: per article (called by generator.analyse).
build_timeline: per story, one entry per event merged across sources, sorted.
"""

from __future__ import annotations

from typing import Sequence

from .models import AnalysedArticle, DateMention, Sentence, TimelineEntry


def extract_dates(doc, sentences: Sequence[Sentence], published: str | None) -> list[DateMention]:
    return []


def build_timeline(items: Sequence[AnalysedArticle], reference_date: str | None) -> list[TimelineEntry]:
    return []
