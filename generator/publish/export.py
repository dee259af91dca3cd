"""The machine-readable twin of the pages, exactly as `export-schema.md` describes.

Keys are written in schema order and lists in page order, so the same input gives
byte-identical JSON. `explainer export` prints what the generator derived (ids included,
the desk's decisions alongside, never applied); a story page's JSON beside it is the story
as published, the desk's decisions applied and marked. `story_from_json` reads the latter
back (a locked page's story is kept that way).
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from generator import __version__
from generator.stories.hubs import key_actors, other_actors
from generator.models import (
    Actor,
    Article,
    Held,
    Item,
    Mark,
    Quote,
    Rejection,
    RemovedLine,
    Story,
    TimelineEntry,
    Unknown,
)


def source_json(a: Article, garbled: bool = False, opinion: bool = False) -> dict[str, Any]:
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
        "garbled": garbled,  # its text reads as garbled (typos, words run together or out of order)
        "opinion": opinion,  # commentary (a column, a first-person piece), not a report
        "key": a.key,
        "hash": a.content_hash,
    } | ({"dateline": a.dateline} if a.dateline else {})


def _mark(s: Story, ident: str) -> dict[str, Any]:
    """The desk's marks on an item, as fields added to it (none when it has none)."""
    m = s.marks.get(ident)
    if m is None:
        return {}
    out: dict[str, Any] = {}
    if m.desk:
        out["desk"] = list(m.desk)
    if m.review:
        out["review"] = m.review
    if m.conflict:
        out["conflict"] = m.conflict
    if m.new:
        out["new"] = True
    return out


def _items(s: Story, items) -> list[dict[str, Any]]:
    return [{"text": i.text, "sources": list(i.sources), "id": i.id} | _mark(s, i.id) for i in items]


def story_json(s: Story) -> dict[str, Any]:
    data = {
        "slug": s.slug,
        "headline": s.headline,
        "event_date": s.event_date,
        "updated": s.updated,
        "summary": _items(s, s.summary),
        "background": _items(s, s.background),
        "actors": [
            {"name": a.name, "kind": a.kind, "aliases": list(a.aliases), "role": a.role,
             "mentions": a.mentions, "sources": list(a.sources), "id": a.id,
             "role_sources": list(a.role_sources)} | ({"standing": a.standing} if a.standing != "actor" else {})
            | _mark(s, a.id)
            for a in [*key_actors(s.actors), *other_actors(s.actors)]  # as the page shows them
        ],
        "timeline": [{"date": t.date, "text": t.text, "sources": list(t.sources), "id": t.id} | _mark(s, t.id)
                     for t in s.timeline],
        "known": _items(s, s.known),
        "unknown": [
            {"kind": u.kind, "text": u.text, "sources": list(u.sources),
             "variants": dict(sorted(u.variants.items())), "id": u.id} | _mark(s, u.id)
            for u in s.unknown
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "sources": list(q.sources)}
            | ({"note": q.note} if q.note else {}) | {"id": q.id} | _mark(s, q.id)
            for q in s.quotes
        ],
        "whats_next": _items(s, s.whats_next),
        "sources": [source_json(a, a.source_id in s.garbled, a.source_id in s.commentary) for a in s.sources],
        "held": [{"section": h.section, "text": h.text, "sources": list(h.sources), "reason": h.reason, "id": h.id}
                 for h in s.held],
        "copies": [list(pair) for pair in s.copies],
    }
    if s.description:
        data["description"] = s.description
    if "h-headline" in s.marks:
        data["headline_desk"] = True
    if s.changes:
        data["changes"] = list(s.changes)
    if s.new_since:
        data["new_since"] = s.new_since
    return data


def export_data(stories: Sequence[Story], rejected: Sequence[Rejection],
                desk: Mapping[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """`desk`: each story's recorded decisions (slug -> the decisions file's data), alongside."""
    desk = desk or {}
    return {
        "generator": {"name": "explainer", "version": __version__},
        "stories": [story_json(s) | ({"desk": desk[s.slug]} if s.slug in desk else {}) for s in stories],
        "rejected": [{"file": r.file, "error": r.error} for r in rejected],
    }


def export_json(stories: Sequence[Story], rejected: Sequence[Rejection],
                desk: Mapping[str, dict[str, Any]] | None = None) -> str:
    return json.dumps(export_data(stories, rejected, desk), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- read back


def _marks(data: dict[str, Any], marks: dict[str, Mark]) -> None:
    ident = data.get("id") or ""
    if ident and any(k in data for k in ("desk", "review", "conflict", "new")):
        marks[ident] = Mark(tuple(data.get("desk", ())), data.get("review"), data.get("conflict"),
                            bool(data.get("new")))


def _article(d: dict[str, Any]) -> Article:
    paragraphs = tuple(p for p in str(d.get("text") or "").split("\n\n") if p)
    return Article(d["id"], d["file"], paragraphs, tuple(RemovedLine(r["line"], r["reason"]) for r in d["removed"]),
                   title=d.get("title"), outlet=d.get("outlet"), author=d.get("author"), published=d.get("published"),
                   url=d.get("url"), content_hash=d.get("hash", ""), dateline=d.get("dateline"), key=d.get("key", ""))


def story_from_json(data: dict[str, Any]) -> Story:
    """A story page's JSON back into the Story it was written from (ids and marks included)."""
    marks: dict[str, Mark] = {}
    for key in ("summary", "background", "known", "whats_next", "actors", "timeline", "unknown", "quotes"):
        for entry in data.get(key, []):
            _marks(entry, marks)
    if data.get("headline_desk"):
        marks["h-headline"] = Mark(("text",))

    def items(key: str) -> tuple[Item, ...]:
        return tuple(Item(i["text"], tuple(i["sources"]), i.get("id", "")) for i in data.get(key, []))

    return Story(
        slug=data["slug"], headline=data["headline"], event_date=data.get("event_date"), updated=data.get("updated"),
        sources=tuple(_article(a) for a in data.get("sources", [])),
        summary=items("summary"), background=items("background"), known=items("known"),
        whats_next=items("whats_next"),
        actors=tuple(Actor(a["name"], a["kind"], tuple(a["aliases"]), a.get("role"), a["mentions"],
                           tuple(a["sources"]), tuple(a.get("role_sources", ())),
                           standing=a.get("standing", "actor"), id=a.get("id", ""))
                     for a in data.get("actors", [])),
        timeline=tuple(TimelineEntry(t["date"], t["text"], tuple(t["sources"]), t.get("id", ""))
                       for t in data.get("timeline", [])),
        unknown=tuple(Unknown(u["kind"], u["text"], tuple(u["sources"]), dict(u.get("variants", {})), u.get("id", ""))
                      for u in data.get("unknown", [])),
        quotes=tuple(Quote(q.get("speaker"), q["text"], tuple(q["sources"]), q.get("note"), q.get("id", ""))
                     for q in data.get("quotes", [])),
        changes=tuple(data.get("changes", ())),
        copies=tuple(tuple(pair) for pair in data.get("copies", [])),  # type: ignore[misc]
        held=tuple(Held(h["section"], h["text"], tuple(h["sources"]), h["reason"], h.get("id", ""))
                   for h in data.get("held", [])),
        garbled=tuple(a["id"] for a in data.get("sources", []) if a.get("garbled")),
        commentary=tuple(a["id"] for a in data.get("sources", []) if a.get("opinion")),
        marks=marks, new_since=data.get("new_since"), description=data.get("description"),
    )
