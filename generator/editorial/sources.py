"""Sources the desk excluded or corrected, applied to a Story before anything else.

An excluded source leaves the story entirely: its citations go from every item, an item only
it supported goes, an actor only it named goes, a disagreement left with one variant is no
longer one, and "N of M" counts without it (the count is made from the story's sources when
the page is rendered). A corrected outlet, title or author is the desk's word for the source.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from generator.editorial.decisions import SourceDecision
from generator.models import Story


def _keep(sources: tuple[str, ...], out: set[str]) -> tuple[str, ...]:
    return tuple(s for s in sources if s not in out)


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (text or "").lower()))


def exclude_sources(story: Story, decisions: Mapping[str, SourceDecision]) -> Story:
    """The story without the sources the desk excluded (by key, else by file)."""
    files = {d.file for d in decisions.values() if d.exclude and d.file}
    out = {a.source_id for a in story.sources
           if (decisions.get(a.key) and decisions[a.key].exclude) or a.file in files}
    if not out:
        return story

    def items(seq):
        return tuple(replace(i, sources=_keep(i.sources, out)) for i in seq if _keep(i.sources, out))

    unknown = []
    for u in story.unknown:
        variants = {k: v for k, v in u.variants.items() if k not in out}
        if u.kind == "disputed" and u.variants and len(variants) < 2:
            continue
        if _keep(u.sources, out):
            unknown.append(replace(u, sources=_keep(u.sources, out), variants=variants))
    actors = tuple(replace(a, sources=_keep(a.sources, out), role_sources=_keep(a.role_sources, out),
                           role=a.role if not a.role_sources or _keep(a.role_sources, out) else None)
                   for a in story.actors if _keep(a.sources, out))
    sources = tuple(a for a in story.sources if a.source_id not in out)
    headline = story.headline
    gone = [a.title for a in story.sources if a.source_id in out and a.title]
    if headline in gone:
        titles = [a.title for a in sources if a.title]
        headline = max(titles, key=lambda t: (len(_words(t) & _words(headline)), t), default=headline)
    dates = sorted(a.published for a in sources if a.published)
    return replace(
        story, sources=sources, headline=headline, summary=items(story.summary),
        background=items(story.background), known=items(story.known), whats_next=items(story.whats_next),
        timeline=items(story.timeline), quotes=items(story.quotes), unknown=tuple(unknown), actors=actors,
        held=tuple(h for h in story.held if _keep(h.sources, out)),
        copies=tuple((c, o) for c, o in story.copies if c not in out and o not in out),
        garbled=tuple(g for g in story.garbled if g not in out),
        commentary=tuple(g for g in story.commentary if g not in out),
        updated=dates[-1][:10] if dates else story.updated)


def correct_sources(story: Story, decisions: Mapping[str, SourceDecision]) -> Story:
    """Outlet, title, author, date and URL as the desk corrected them."""
    fields = ("outlet", "title", "author", "published", "url")
    sources = []
    for a in story.sources:
        d = decisions.get(a.key)
        changes = {f: getattr(d, f) or None for f in fields if d is not None and getattr(d, f) is not None}
        sources.append(replace(a, **changes) if changes else a)
    return replace(story, sources=tuple(sources)) if tuple(sources) != story.sources else story
