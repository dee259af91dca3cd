"""Sources whose text cannot be trusted to read well: machine-mangled or badly typed English.

A source is garbled when its body holds several plain slips (words run together, letters
swapped or dropped: generator.nlp.spelling; word sequences a spinner or a machine translator
leaves, "this stamped ended", "..., saying.": generator.nlp.grammar_slips), more than careful
copy ever does: the Sources list
labels it, and a claim only it makes is held back (generator.sections.claims.page). One slip is
a typo any outlet makes; the labels need several distinct ones.
"""

from __future__ import annotations

from typing import Sequence

from generator.models import AnalysedArticle

MIN_SLIPS = 3  # distinct slips that make a source's text garbled
MIN_RATE = 1 / 400  # ... or two, in a text of at most 800 words (slips per word)


def find(items: Sequence[AnalysedArticle], al=None) -> set[str]:
    """The ids of the garbled sources."""
    out = set()
    for it in items:
        found = it.analysis.misspellings + it.analysis.grammar_slips
        slips = set(found)
        words = max(1, len(it.article.text.split()))
        if len(slips) >= MIN_SLIPS or (len(slips) >= 2 and len(found) / words >= MIN_RATE):
            out.add(it.source_id)
    return out
