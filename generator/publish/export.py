"""The machine-readable twin of the pages, exactly as `export-schema.md` describes.

Keys are written in schema order and lists in page order, so the same input gives
byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from generator import __version__
from generator.models import Article, Rejection, Story


def source_json(a: Article, garbled: bool = False) -> dict[str, Any]:
    return {
        "id": a.source_id,
        "file": a.file,
        "title": a.title,
        "outlet": a.outlet,
        "author": a.author,
        "published": a.published,
        "url": a.url,
        "text": a.text,
        "removed": [{"line": r.line, "reason": r.reason} for r in a.removed],
        "garbled": garbled,  # its text reads as garbled (typos, words run together)
    }


def _items(items) -> list[dict[str, Any]]:
    return [{"text": i.text, "sources": list(i.sources)} for i in items]


def story_json(s: Story) -> dict[str, Any]:
    return {
        "slug": s.slug,
        "headline": s.headline,
        "event_date": s.event_date,
        "updated": s.updated,
        "summary": _items(s.summary),
        "background": _items(s.background),
        "actors": [
            {"name": a.name, "kind": a.kind, "aliases": list(a.aliases), "role": a.role,
             "mentions": a.mentions, "sources": list(a.sources)}
            for a in s.actors
        ],
        "timeline": [{"date": t.date, "text": t.text, "sources": list(t.sources)} for t in s.timeline],
        "known": _items(s.known),
        "unknown": [
            {"kind": u.kind, "text": u.text, "sources": list(u.sources),
             "variants": dict(sorted(u.variants.items()))}
            for u in s.unknown
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "sources": list(q.sources)}
            | ({"note": q.note} if q.note else {})
            for q in s.quotes
        ],
        "whats_next": _items(s.whats_next),
        "sources": [source_json(a, a.source_id in s.garbled) for a in s.sources],
        "held": [{"section": h.section, "text": h.text, "sources": list(h.sources), "reason": h.reason}
                 for h in s.held],
    }


def export_data(stories: Sequence[Story], rejected: Sequence[Rejection]) -> dict[str, Any]:
    return {
        "generator": {"name": "explainer", "version": __version__},
        "stories": [story_json(s) for s in stories],
        "rejected": [{"file": r.file, "error": r.error} for r in rejected],
    }


def export_json(stories: Sequence[Story], rejected: Sequence[Rejection]) -> str:
    return json.dumps(export_data(stories, rejected), ensure_ascii=False, indent=2) + "\n"
