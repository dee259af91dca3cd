"""What a body paragraph opens with that is not the article's words: a dateline ("PORTVILLE — "),
a label ("STORY: "), or a photo caption run into the paragraph's first sentence.

The opening is taken off the paragraph (the rest stays body text) and listed as removed with
its reason; a dateline's date is kept, since it dates the article (text/furniture.py has the
patterns). All examples are invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.clean import boilerplate as bp
from generator.models import RemovedLine
from generator.text import furniture
from generator.text.furniture import Dateline


@dataclass(frozen=True)
class Openers:
    paragraphs: tuple[str, ...]  # the body, each paragraph without what it opened with
    removed: tuple[RemovedLine, ...]
    dateline: Dateline | None  # the first dateline, whose date dates the article


def take_openers(paragraphs: list[str]) -> Openers:
    """Each paragraph without a leading dateline, label or caption sentence."""
    kept: list[str] = []
    removed: list[RemovedLine] = []
    first: Dateline | None = None
    for paragraph in paragraphs:
        rest = paragraph
        while True:
            cut = _opener(rest)
            if cut is None:
                break
            text, reason, found = cut
            removed.append(RemovedLine(text.strip(), reason))
            first = first or found
            rest = rest[len(text):].lstrip()
        if rest:
            kept.append(rest)
    return Openers(tuple(kept), tuple(removed), first)


# An advert slot's label run into the paragraph after it, with no space: "Hide AdIn a statement, ...".
_AD_LABEL = re.compile(r"^(?:Hide Ad|ADVERTISEMENT|Advertisement)(?=[A-Z\"“‘'(])(?!Hide Ad|Advert|ADVERT)")


def _opener(paragraph: str) -> tuple[str, str, Dateline | None] | None:
    """(the opening as written, its reason, the dateline if it is one), or None."""
    if (m := _AD_LABEL.match(paragraph)) and len(paragraph[m.end():].split()) >= furniture.MIN_WORDS_AFTER:
        return m.group(0), "boilerplate: advertisement label", None
    if found := furniture.label(paragraph):
        return found, "page label", None
    m = bp.SENTENCE_BREAK.search(paragraph)
    # a caption before a dateline test: "PLACE, STATE - JUNE 01: Jane Roe departs ..." is an
    # agency's caption whose place would otherwise pass for a dateline, leaving "JUNE 01: ..."
    if m is not None and (kind := furniture.caption(paragraph[:m.start()])):
        rest = paragraph[m.end():].strip()
        if kind == "photo caption" and _captions_last_words(rest):
            return paragraph, kind, None  # "This image shows the landing site. In the end, the probe bounced."
        return paragraph[:m.end()], kind, None  # "A screen grab shows the fire. The quake struck ..."
    if found := furniture.dateline(paragraph):
        return found.text, "dateline", found
    return None


MAX_CAPTION_TAIL_WORDS = 20  # one short sentence after a caption's is still the caption's


def _captions_last_words(rest: str) -> bool:
    """One short sentence left after a caption's first: the caption goes on ("In the end, the
    probe bounced elsewhere."); a story run in after a caption is a paragraph of several."""
    return 0 < len(rest.split()) <= MAX_CAPTION_TAIL_WORDS and bp.SENTENCE_BREAK.search(rest.rstrip(" .!?\"”’")) is None
