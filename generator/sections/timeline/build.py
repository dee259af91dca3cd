"""Timeline: dated events, relative dates resolved against each article's own date.

Per story: resolves what needed the story's date, keeps real events, and merges the same
event told by several sources into one cited entry (events.py). The date mentions come
from each article's parse (generator.nlp.dates).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from generator.text.dates.expressions import parse_expression, resolve
from generator.text.dates.partial import PartialDate, Precision, day_of
from generator.sections.timeline.events import Candidate, complete_sentence, group_events
from generator.models import AnalysedArticle, DateMention, Sentence, TimelineEntry

def build_timeline(items: Sequence[AnalysedArticle], reference_date: str | None) -> list[TimelineEntry]:
    """One entry per dated event across the story's sources, sorted by date then text."""
    candidates: list[Candidate] = []
    for item in sorted(items, key=lambda it: it.source_id):
        reference = day_of(item.article.published_date or reference_date)
        candidates.extend(_candidates(item, reference))
    corpus = [s.lemmas for it in items for s in it.analysis.sentences]
    entries = [
        TimelineEntry(group.date.iso, group.text, group.sources)
        for group in group_events(candidates, corpus)
    ]
    return sorted(entries, key=lambda e: (e.date, e.text, e.sources))


def _candidates(item: AnalysedArticle, reference: date | None) -> list[Candidate]:
    """The article's dated events, with dates that needed the story's date resolved now."""
    sentences = item.analysis.sentences
    resolved: dict[int, list[tuple[PartialDate, DateMention]]] = {}
    for m in item.analysis.date_mentions:
        point = PartialDate.from_iso(m.date)
        if point is None and m.relative:
            spec = parse_expression(m.expression)
            point = resolve(spec, reference, m.tense) if spec else None
        if point is None:
            continue  # undated article in an undated story: left out rather than guessed
        if m.tense == "present" and (reference is None or point.before(reference)):
            continue  # "A man walks past the hall on Jan. 9, 2018": a photo caption, not the story's event
        resolved.setdefault(m.sentence, []).append((point, m))
    out = []
    for index in sorted(resolved):
        text = _whole_clause(sentences[index], [m for _, m in resolved[index]], index == len(sentences) - 1)
        if text is None:
            continue  # "The final count late Sunday showed" -- cut off by the scraper
        kept = _prefer_explicit(resolved[index])
        points = {point for point, _ in kept}
        for point, m in kept:
            if any(c.sentence == index and c.date == point for c in out):
                continue  # "on Sunday (June 2)": one date, said twice
            out.append(Candidate(
                date=point, source_id=item.source_id, sentence=index, text=text,
                lemmas=m.event_lemmas or sentences[index].lemmas, other_dates=len(points) - 1,
                relative=m.relative or _is_relative(m.expression), approximate=m.approximate,
                main_clause=m.main_clause,
            ))
    return out


# Where a cut-off last sentence may be trimmed: before a side clause ("..., which states that an atta").
SIDE_CLAUSE_START = re.compile(
    r",\s+(?:which|who|whose|where|when|while|as|and|but|after|before|because|although|though|"
    r"including|according|saying|adding|prompting|leaving|sending)\b")
MIN_TRIMMED_WORDS = 6


def _whole_clause(sentence: Sentence, mentions: Sequence[DateMention], last: bool) -> str | None:
    """The sentence, or for the page's last sentence cut off by the scraper, its main clause
    up to the side clause where the cut fell, when every date of it lies before that point:
    "The strike in May 2019 forced the plant to close, which cost the town its bigg" ->
    "The strike in May 2019 forced the plant to close" (trimmed, never completed)."""
    text = sentence.text
    if complete_sentence(text):
        return text
    if not last:
        return None
    date_end = max(m.end for m in mentions) - sentence.start
    cuts = [m.start() for m in SIDE_CLAUSE_START.finditer(text) if m.start() >= date_end]
    if not cuts:
        return None
    kept = text[:cuts[-1]].rstrip()
    start = kept.lstrip("\"'\u201c\u2018(")
    if len(kept.split()) < MIN_TRIMMED_WORDS or not start[:1].isupper():
        return None
    return kept


def _prefer_explicit(found: list[tuple[PartialDate, DateMention]]) -> list[tuple[PartialDate, DateMention]]:
    """A weekday within a week of a written date in its sentence gives way to it.

    "will open on Sunday (June 2)" is June 2 even if the article's own date is a day off.
    """
    explicit = [point.first for point, m in found
                if point.precision is Precision.DAY and not _is_weekday(m.expression)]

    def overruled(point: PartialDate) -> bool:
        day = point.first
        return any(day != e and abs((day - e).days) < 7 for e in explicit)

    return [(point, m) for point, m in found if not (_is_weekday(m.expression) and overruled(point))]


def _is_weekday(expression: str) -> bool:
    spec = parse_expression(expression)
    return spec is not None and spec.kind == "weekday"


def _is_relative(expression: str) -> bool:
    spec = parse_expression(expression)
    return spec is not None and spec.relative
