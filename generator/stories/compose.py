"""Compose stage: all analysed articles of one story become one `Story`, every section filled.

The order matters and is the page's dependency graph: actors first (quotes need canonical
speaker names), then the timeline (the event date comes from it), then quotes, then the
cross-source synthesis of claims (which must not repeat what other sections say).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from generator.config import Settings
from generator.models import AnalysedArticle, Story, TimelineEntry
from generator.sections.actors.build import build_actors
from generator.sections.claims.synthesis import synthesise
from generator.sections.quotes import build_quotes
from generator.sections.timeline.build import build_timeline
from generator.stories.cluster import find_copies
from generator.stories.slugs import slugify
from generator.stories.verify import verify
from generator.text.dates.partial import PartialDate, Precision, day_of


def _is_full_sentence(text: str) -> bool:
    """A lead-like sentence, not a dateline ("CITY:") or a fragment: enough words, a full stop."""
    return len(text.split()) >= 8 and text.rstrip()[-1:] in ".!?\"”’"


def choose_headline(items: Sequence[AnalysedArticle], summary: Sequence = ()) -> str:
    """The source title that shares most words with the other titles: the consensus headline.

    Extractive: it is one outlet's own headline, never a composed one. When no source states
    a title, the story's lead point (the first In brief item: its most corroborated fact),
    else the first full sentence of the first article.
    """
    titles = [(it.source_id, it.article.title) for it in items if it.article.title]
    if not titles:
        if summary:
            return summary[0].text
        for it in items:
            for sentence in it.analysis.sentences:
                if _is_full_sentence(sentence.text):
                    return sentence.text
        return "Untitled story"

    def words(t: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", t.lower()) if len(w) > 2}

    def score(entry: tuple[str, str]) -> tuple[float, str]:
        sid, title = entry
        mine = words(title)
        shared = sum(len(mine & words(other)) / (len(mine | words(other)) or 1)
                     for osid, other in titles if osid != sid)
        return (-shared, sid)

    return sorted(titles, key=score)[0][1]


def choose_event_date(timeline: Sequence[TimelineEntry], items: Sequence[AnalysedArticle]) -> str | None:
    """The day-precise date most sources put an event on, not after the newest article.

    With no such date, the earliest publication date: the story is at least that old. When no
    article is dated, nothing says which dated event is the news (a birth date is one too): a
    date then needs most of the sources.
    """
    published = sorted(d for d in (it.article.published_date for it in items) if d)
    latest = day_of(published[-1]) if published else None
    support: Counter[str] = Counter()
    for entry in timeline:
        point = PartialDate.from_iso(entry.date)
        if point and point.precision is Precision.DAY and (latest is None or point.first <= latest):
            support[entry.date] += len(entry.sources)
    if latest is None:
        support = Counter({d: n for d, n in support.items() if 2 * n > len(items)})
    if support:
        return sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return published[0] if published else None


def reference_date(items: Sequence[AnalysedArticle]) -> str | None:
    """The story's own date for resolving dates in undated articles: the earliest publication."""
    dates = sorted(d for d in (it.article.published_date for it in items) if d)
    return dates[0] if dates else None


def compose_story(items: Sequence[AnalysedArticle], settings: Settings, slug: str | None = None) -> Story:
    every = sorted(items, key=lambda it: it.source_id)
    copies = find_copies(every)
    # Copies of a wire story are one piece of evidence: only originals feed the analysis.
    items = [it for it in every if it.source_id not in copies]
    actors = build_actors(items)
    timeline = build_timeline(items, reference_date(items))
    quotes = build_quotes(items, actors)
    synthesis = synthesise(items, actors, timeline, settings)
    headline = choose_headline(items, synthesis.summary)
    published = sorted(d for d in (it.article.published_date for it in every) if d)
    return verify(Story(
        slug=slug or slugify(headline),
        headline=headline,
        event_date=choose_event_date(timeline, items),
        updated=published[-1] if published else None,
        sources=tuple(it.article for it in every),
        summary=synthesis.summary,
        background=synthesis.background,
        actors=tuple(actors),
        timeline=tuple(timeline),
        known=synthesis.known,
        unknown=synthesis.unknown,
        quotes=tuple(quotes[: settings.max_quotes]),
        whats_next=synthesis.whats_next,
        copies=tuple(sorted(copies.items())),
    ))
