"""Compose stage: all analysed articles of one story become one `Story`, every section filled.

The order matters and is the page's dependency graph: actors first (quotes need canonical
speaker names), then the timeline (the event date comes from it), then the cross-source
synthesis of claims, then quotes (a statement the claims show is no key quote).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from generator.config import Settings
from generator.models import AnalysedArticle, Story, TimelineEntry
from generator.sections.actors.build import build_actors, key_actors
from generator.sections.claims import dating
from generator.sections.claims.synthesis import synthesise
from generator.sections.quotes import build_quotes
from generator.sections.timeline.build import build_timeline
from generator.stories.cluster import find_copies
from generator.stories.headline import choose_headline
from generator.stories.slugs import slugify
from generator.stories.introductions import introduce_people
from generator.stories.verify import no_speakers_of, verify
from generator.text.dates.partial import PartialDate, Precision, day_of


def choose_event_date(timeline: Sequence[TimelineEntry], items: Sequence[AnalysedArticle]) -> str | None:
    """The day-precise date most sources put an event on, not after the newest article.

    With no such date, the earliest publication date: the story is at least that old. When no
    article is dated, nothing says which dated event is the news (a birth date is one too): a
    date then needs most of the sources and to lie in the latest year any of them names, else
    the latest full date an article states stands in.
    """
    published = publication_dates(items)
    latest = day_of(published[-1]) if published else None
    earliest = day_of(published[0]) if published else None
    support: Counter[str] = Counter()
    recent: Counter[str] = Counter()  # days up to RECENT_DAYS before the first article: the news
    for entry in timeline:
        point = PartialDate.from_iso(entry.date)
        if point and point.precision is Precision.DAY and (latest is None or point.first <= latest):
            support[entry.date] += len(entry.sources)
            if earliest is not None and (earliest - point.first).days <= RECENT_DAYS:
                recent[entry.date] += len(entry.sources)
    if recent:
        return sorted(recent.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    if support and earliest is not None:  # only older days: background (a birth, a dissolution) unless most say it
        support = Counter({d: n for d, n in support.items() if 2 * n > len(items)})
    if latest is None and support:  # no source is dated: the news is in the latest year named
        year = latest_year(items)
        support = Counter({d: n for d, n in support.items()
                           if 2 * n > len(items) and (year is None or int(d[:4]) >= year)})
    if support:
        return sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return published[0] if published else latest_stated_date(items)


def latest_year(items: Sequence[AnalysedArticle]) -> int | None:
    """The latest year any article names in a date ("in 2009", "March 11th, 2011")."""
    years = [int(y) for it in items for e in it.analysis.entities if e.label == "DATE"
             for y in re.findall(r"\b(?:19|20)\d\d\b", e.text)]
    return max(years) if years else None


def latest_stated_date(items: Sequence[AnalysedArticle]) -> str | None:
    """With no publication date and no dated event: the latest full date an article states
    (a scraped page's dateline, "March 26, 2024"), when it is in the latest year named."""
    latest = dating.latest_full_date(items)
    year = latest_year(items)
    return latest.isoformat() if latest and (year is None or latest.year >= year) else None


RECENT_DAYS = 10  # an event this many days before the first article is the one it reports
OUTLIER_DAYS = 45  # a publication date this far from the others' median is a page's stray date


def publication_dates(items: Sequence[AnalysedArticle]) -> list[str]:
    """The sources' publication dates, sorted, without a stray one: with three or more dated, a
    date more than OUTLIER_DAYS from their median (a page's old "date" stamp, an archive date)
    does not date the story."""
    dates = sorted(d for d in (it.article.published_date for it in items) if d)
    days = [day_of(d) for d in dates]
    if len(dates) < 3 or any(d is None for d in days):
        return dates
    median = days[len(days) // 2]
    return [d for d, day in zip(dates, days) if abs((day - median).days) <= OUTLIER_DAYS]


def reference_date(items: Sequence[AnalysedArticle]) -> str | None:
    """The story's own date for resolving dates in undated articles: the earliest publication."""
    dates = publication_dates(items)
    return dates[0] if dates else None


def compose_story(items: Sequence[AnalysedArticle], settings: Settings, slug: str | None = None) -> Story:
    every = sorted(items, key=lambda it: it.source_id)
    copies = find_copies(every)
    # Copies of a wire story are one piece of evidence: only originals feed the analysis.
    items = [it for it in every if it.source_id not in copies]
    actors = build_actors(items)
    timeline = build_timeline(items, reference_date(items))
    synthesis = synthesise(items, actors, timeline, settings)
    # quotes after the claims: a quote whose words a statement shows is no key quote
    statements = [i.text for i in (*synthesis.summary, *synthesis.background, *synthesis.known,
                                   *synthesis.whats_next, *synthesis.unknown) if getattr(i, "kind", "") != "disputed"]
    quotes = build_quotes(items, actors, statements)
    headline = choose_headline(items, synthesis.summary)
    published = sorted(d for d in (it.article.published_date for it in every) if d)
    return introduce_people(verify(Story(
        slug=slug or slugify(headline),
        headline=headline,
        event_date=choose_event_date(timeline, items),
        updated=published[-1] if published else None,
        sources=tuple(it.article for it in every),
        summary=synthesis.summary,
        background=synthesis.background,
        actors=tuple(key_actors(actors)),
        timeline=tuple(timeline),
        known=synthesis.known,
        unknown=synthesis.unknown,
        quotes=tuple(quotes[: settings.max_quotes]),
        whats_next=synthesis.whats_next,
        copies=tuple(sorted(copies.items())),
        held=synthesis.held,
        garbled=synthesis.garbled,
        commentary=synthesis.commentary,
    ), no_speakers_of(actors)))
