"""Sources whose text cannot be trusted to read well: spun or machine-mangled English.

Placeholder: no source is flagged yet.
"""

from __future__ import annotations

from typing import Sequence

from generator.models import AnalysedArticle
from generator.sections.claims.alignment import Alignment


def find(items: Sequence[AnalysedArticle], al: Alignment) -> set[str]:
    return set()
