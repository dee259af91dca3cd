"""Cluster stage: group analysed articles into stories.

(Minimal first version: every article is one story. Replaced by content clustering.)
"""

from __future__ import annotations

from typing import Sequence

from .config import Settings
from .models import AnalysedArticle


def cluster_articles(items: Sequence[AnalysedArticle], settings: Settings) -> list[list[AnalysedArticle]]:
    return [list(items)] if items else []
