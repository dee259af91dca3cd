"""The desk's decisions applied to a freshly generated Story, before anything renders.

Every view is made from the Story this returns (the page, its JSON, the home card, actor
pages, the site timeline and its strip, tags, the feed, the meta description), so a fix
made once shows everywhere. Order: sources excluded and corrected; each decision matched to
its item (editorial.match); items hidden, reworded, moved, their fields set; held-back lines
approved; the desk's own lines placed after the items they followed; each section in the
desk's order; headline and description; then the marks that let the page say which words
are the desk's and which items need a look.

Pure: the same story and decisions give the same result, and applying a story's decisions
to a story they were already applied to changes nothing (a locked page's story is kept so).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Collection, Mapping, Sequence

from generator.editorial.corrections import corrections, fix
from generator.editorial.decisions import Added, Decisions, ItemDecision
from generator.editorial.ids import norm
from generator.editorial.match import Match, match_all
from generator.editorial.sources import correct_sources, exclude_sources
from generator.models import Actor, Held, Item, Mark, Story, TimelineEntry, Unknown

POINTS = ("summary", "background", "known", "whats_next")
UNKNOWN_KINDS = ("open_question", "single_source", "disputed")
ORPHAN = "the point it rewords is no longer in the sources"


@dataclass(frozen=True)
class Applied:
    story: Story
    decisions: Decisions  # moved to the ids they matched, flags brought up to date
    review: tuple[tuple[str, str], ...] = ()  # (id, why) items that need a look
    conflicts: tuple[tuple[str, str], ...] = ()  # (id, why)


class _Sections:
    """The story's lists while decisions change them: point sections, timeline, quotes, actors."""

    def __init__(self, story: Story):
        self.points: dict[str, list] = {s: list(getattr(story, s)) for s in POINTS}
        self.kinds = list(dict.fromkeys([u.kind for u in story.unknown] + list(UNKNOWN_KINDS)))
        for kind in self.kinds:
            self.points[kind] = [u for u in story.unknown if u.kind == kind]
        self.timeline = list(story.timeline)
        self.quotes = list(story.quotes)
        self.actors = list(story.actors)
        self.held = list(story.held)
        self.marks: dict[str, Mark] = dict(story.marks)
        self.fixes: list[tuple[str, str]] = []  # misspellings the desk corrected: fixed on every line

    def mark(self, ident: str, field: str | None = None, review: str | None = None,
             conflict: str | None = None) -> None:
        m = self.marks.get(ident, Mark())
        desk = m.desk + ((field,) if field and field not in m.desk else ())
        self.marks[ident] = replace(m, desk=desk, review=review or m.review, conflict=conflict or m.conflict)

    def lists(self) -> list[list]:
        return [*self.points.values(), self.timeline, self.quotes, self.actors]

    def find(self, ident: str):
        return next((x for lst in self.lists() for x in lst if x.id == ident), None)

    def remove(self, ident: str) -> None:
        for lst in self.lists():
            lst[:] = [x for x in lst if x.id != ident]

    def story(self, story: Story) -> Story:
        unknown = tuple(u for kind in self.kinds for u in self.points[kind])
        return replace(story, summary=tuple(self.points["summary"]), background=tuple(self.points["background"]),
                       known=tuple(self.points["known"]), whats_next=tuple(self.points["whats_next"]),
                       unknown=unknown, timeline=tuple(self.timeline), quotes=tuple(self.quotes),
                       actors=tuple(self.actors), held=tuple(self.held), marks=self.marks)


def _as(section: str, obj):
    """An item as it must be to stand in `section` (a point, or an unknown of that kind)."""
    if section in UNKNOWN_KINDS:
        if isinstance(obj, Unknown):
            return replace(obj, kind=section, variants=obj.variants if section == obj.kind else {})
        return Unknown(section, obj.text, tuple(obj.sources), {}, id=obj.id)  # type: ignore[arg-type]
    if isinstance(obj, (Unknown, Held, TimelineEntry)):
        return Item(obj.text, tuple(obj.sources), id=obj.id)
    return obj


def _twin(ident: str) -> str | None:
    """A point's timeline row (the same claim) or a row's point."""
    if ident.startswith("p-"):
        return "t-" + ident[2:]
    return None


def _set_text(secs: _Sections, ident: str, text: str) -> None:
    for lst in secs.lists():
        lst[:] = [replace(x, text=text) if x.id == ident else x for x in lst]
    secs.mark(ident, "text")


def _reword(secs: _Sections, ident: str, d: ItemDecision) -> bool:
    """The desk's words for the item, or, when they only correct a misspelt word or two, that
    correction (made on every line that has the word, after every decision). False when the
    item is not in the story."""
    if secs.find(ident) is None:
        return False
    fixes = corrections(d.was, d.text or "") if d.was else None
    if fixes:
        secs.fixes += [f for f in fixes if f not in secs.fixes]
    else:
        _set_text(secs, ident, d.text or "")
    return not fixes


def _correct(secs: _Sections) -> None:
    """Each corrected misspelling fixed wherever it shows (a line in the desk's words aside)."""
    if not secs.fixes:
        return
    for lst in secs.lists():
        for i, x in enumerate(lst):
            if "text" in secs.marks.get(x.id, Mark()).desk or isinstance(x, Actor):
                continue
            new = replace(x, text=fix(x.text, secs.fixes))
            if isinstance(x, Unknown) and x.variants:
                new = replace(new, variants={k: fix(v, secs.fixes) for k, v in x.variants.items()})
            if new != x:
                lst[i] = new
                secs.mark(x.id, "corrected")


def _point(secs: _Sections, ident: str, d: ItemDecision, decided: Mapping[str, ItemDecision]) -> None:
    twin = _twin(ident)
    if d.hide:
        hidden = secs.find(ident)
        secs.remove(ident)
        if twin and twin not in decided:
            secs.remove(twin)
        _drop_versions(secs, {norm(t) for t in (d.was, getattr(hidden, "text", None)) if t})
        return
    if d.text is not None and _reword(secs, ident, d) and twin and twin not in decided and secs.find(twin):
        _set_text(secs, twin, d.text)
    if d.sections is not None:
        obj = secs.find(ident)
        if obj is None:
            return
        secs.remove(ident)
        for section in d.sections:
            if section in secs.points:
                secs.points[section].append(_as(section, obj))
        if "disputed" in d.sections and not (isinstance(obj, Unknown) and obj.kind == "disputed"):
            secs.mark(ident, "disputed")
        secs.mark(ident, "section")


def _drop_versions(secs: _Sections, said: set[str]) -> None:
    """A hidden claim's sentence (as decided, and as the generator words it now) leaves the
    disagreements too; one left with a single version is no longer one."""
    for kind in ("disputed",):
        kept = []
        for u in secs.points.get(kind, []):
            variants = {k: v for k, v in u.variants.items() if norm(v) not in said}
            if len(variants) != len(u.variants) and len(variants) < 2:
                continue
            kept.append(replace(u, variants=variants))
        secs.points[kind] = kept


def _row(secs: _Sections, ident: str, d: ItemDecision) -> None:
    if d.hide:
        secs.remove(ident)
        return
    if d.text is not None:
        _reword(secs, ident, d)
    if d.date is not None:
        secs.timeline = [replace(t, date=d.date) if t.id == ident else t for t in secs.timeline]
        secs.timeline.sort(key=lambda t: t.date)
        secs.mark(ident, "date")


def _actor(secs: _Sections, ident: str, d: ItemDecision) -> None:
    if d.hide:
        secs.remove(ident)
        return
    actor = next((a for a in secs.actors if a.id == ident), None)
    if actor is None:
        return
    new = actor
    if d.name is not None and d.name != actor.name:
        old = {n.lower() for n in (actor.name, *actor.aliases)}
        new = replace(new, name=d.name, aliases=tuple(dict.fromkeys((*actor.aliases, actor.name))))
        secs.quotes = [replace(q, speaker=d.name) if q.speaker and q.speaker.lower() in old else q
                       for q in secs.quotes]
        secs.mark(ident, "name")
    if d.role is not None:
        new = replace(new, role=d.role or None, role_sources=())
        secs.mark(ident, "role")
    secs.actors = [new if a.id == ident else a for a in secs.actors]


def _quote(secs: _Sections, ident: str, d: ItemDecision) -> None:
    if d.hide:
        secs.remove(ident)
        return
    if d.text is not None:
        _reword(secs, ident, d)
    if d.speaker is not None:
        secs.quotes = [replace(q, speaker=d.speaker or None) if q.id == ident else q for q in secs.quotes]
        secs.mark(ident, "speaker")


def _approve(secs: _Sections, ident: str, d: ItemDecision) -> None:
    held = next((h for h in secs.held if h.id == ident), None)
    if held is None:
        return
    targets = d.sections or (held.section,)
    placed = False
    for section in targets:
        if section in secs.points:
            secs.points[section].append(_as(section, held))
            placed = True
        elif section == "timeline" and d.date:
            secs.timeline.append(TimelineEntry(d.date, held.text, held.sources, id=held.id))
            secs.timeline.sort(key=lambda t: t.date)
            placed = True
    if placed:
        secs.held = [h for h in secs.held if h.id != ident]
        secs.mark(ident, "approved")


def _apply_item(secs: _Sections, ident: str, d: ItemDecision, decided: Mapping[str, ItemDecision]) -> None:
    if d.approve and any(h.id == ident for h in secs.held):
        _approve(secs, ident, d)
    kind = ident[:1]
    if kind in "pde":
        _point(secs, ident, d, decided)
    elif kind == "t":
        _row(secs, ident, d)
    elif kind == "a":
        _actor(secs, ident, d)
    elif kind == "q":
        _quote(secs, ident, d)


def _insert(lst: list, obj, after: str | None, before: str | None, placed: set[str]) -> None:
    ids = [x.id for x in lst]
    if after in ids:
        at = ids.index(after) + 1
    elif before in ids:
        at = ids.index(before)
    elif after is None:
        at = 0
    else:
        at = len(lst)
    while at < len(lst) and lst[at].id in placed:  # after the desk's lines already put there
        at += 1
    lst.insert(at, obj)


def _added(secs: _Sections, added: Sequence[Added]) -> None:
    placed: set[str] = set()
    for a in added:
        if secs.find(a.id) is not None:  # already there (a locked page's story): only marked
            secs.mark(a.id, "text")
            if a.paragraph:
                secs.mark(a.id, "paragraph")
            continue
        if a.section == "timeline":
            if a.date:
                _insert(secs.timeline, TimelineEntry(a.date, a.text, (), id=a.id), a.after, a.before, placed)
        elif a.section in secs.points:
            obj = _as(a.section, Item(a.text, (), id=a.id))
            _insert(secs.points[a.section], obj, a.after, a.before, placed)
        else:
            continue
        placed.add(a.id)
        secs.mark(a.id, "text")
        if a.paragraph:
            secs.mark(a.id, "paragraph")


def _reorder(lst: list, order: Sequence[str]) -> list:
    """The listed items in the desk's order, in the places listed items hold; the rest stay."""
    rank = {ident: i for i, ident in enumerate(order)}
    slots = [i for i, x in enumerate(lst) if x.id in rank]
    ordered = sorted((lst[i] for i in slots), key=lambda x: rank[x.id])
    out = list(lst)
    for slot, x in zip(slots, ordered):
        out[slot] = x
    return out


def _order(secs: _Sections, order: Mapping[str, Sequence[str]]) -> None:
    """Each section in the desk's order. A point the desk ordered among another section's
    points (the page lifts What we know's best points into a short In brief) is put there."""
    for section, ids in order.items():
        if section in secs.points:
            for ident in ids:
                if section in POINTS and not any(x.id == ident for x in secs.points[section]):
                    found = next((lst for name, lst in secs.points.items() if name in POINTS
                                  and any(x.id == ident for x in lst)), None)
                    if found is not None:
                        obj = next(x for x in found if x.id == ident)
                        found.remove(obj)
                        secs.points[section].append(obj)
            secs.points[section] = _reorder(secs.points[section], ids)
        elif section == "timeline":
            secs.timeline = _reorder(secs.timeline, ids)
        elif section == "quotes":
            secs.quotes = _reorder(secs.quotes, ids)
        elif section == "actors":
            secs.actors = _reorder(secs.actors, ids)


def _text_now(story: Story, ident: str) -> tuple[str | None, tuple[str, ...]]:
    keys = {a.source_id: a.key for a in story.sources}
    for lst in (story.summary, story.background, story.known, story.whats_next, story.unknown, story.timeline,
                story.quotes, story.held):
        for x in lst:
            if x.id == ident:
                return x.text, tuple(keys.get(s, s) for s in x.sources)
    actor = next((a for a in story.actors if a.id == ident), None)
    return (actor.name, tuple(keys.get(s, s) for s in actor.sources)) if actor else (None, ())


def _orphan(ident: str, d: ItemDecision) -> Added:
    section = (d.sections or (d.section,))[0] or "known"
    return Added(ident, section if section in POINTS + UNKNOWN_KINDS + ("timeline",) else "known",
                 d.text or "", d.after, d.before, d.date)


def _settle(story: Story, decisions: Decisions, matches: list[Match]) -> tuple[Decisions, list[Added]]:
    """The decisions moved to the ids they matched, their flags up to date; and the reworded
    items whose point is gone, to show where they stood."""
    items: dict[str, ItemDecision] = {}
    orphans: list[Added] = []
    added = list(decisions.added)
    moves = {m.decided: m.current for m in matches if m.current and m.current != m.decided}
    for m in matches:
        d = decisions.items[m.decided]
        if m.current is None:
            if d.accepted and d.text and not d.hide:  # the editor keeps the words alone: the desk's line
                added.append(_orphan(f"e-{m.decided[2:]}", d))
                continue
            # found when the source changed; kept until resolved (hiding the claim resolves it)
            conflict = None if d.hide else (m.conflict or d.conflict)
            d = replace(d, review=None if conflict else m.review, conflict=conflict, accepted=False)
            if d.text is not None and not d.hide:
                orphans.append(_orphan(m.decided, d))
            items[m.decided] = d
            continue
        text, keys = _text_now(story, m.current)
        if d.accepted:
            d = replace(d, was=text, sources=keys, review=None, conflict=None, accepted=False)
        elif m.how in ("fuzzy", "member"):  # only an edit needs a look; an item the desk only placed does not
            d = replace(d, review=m.review if d.edits() else None, conflict=None)
        else:
            d = replace(d, sources=keys or d.sources, conflict=None,
                        review=None if norm(text or "") == norm(d.was or "") else d.review)
        items[m.current] = d
    settled = replace(decisions, items=items, added=tuple(added)).renamed(moves).tidy()
    orphans = [replace(o, after=moves.get(o.after or "", o.after), before=moves.get(o.before or "", o.before))
               for o in orphans]
    return settled, orphans


def apply_decisions(story: Story, decisions: Decisions, previous_files: Mapping[str, str] | None = None,
                    previous_ids: Collection[str] | None = None) -> Applied:
    """The story as the desk decided it, and the decisions as they now stand.

    `previous_files` (source key -> file) and `previous_ids` (what the last run showed) tell
    a changed source and a new item (editorial.match)."""
    story = correct_sources(exclude_sources(story, decisions.sources), decisions.sources)
    matches = match_all(story, decisions, previous_files, previous_ids)
    settled, orphans = _settle(story, decisions, matches)
    secs = _Sections(story)
    for ident, d in settled.items.items():
        _apply_item(secs, ident, d, settled.items)
    _added(secs, list(settled.added) + orphans)
    _correct(secs)
    _order(secs, settled.order)
    review, conflicts = [], []
    for ident, d in settled.items.items():
        if d.review and not d.hide:
            secs.mark(ident, review=d.review)
            review.append((ident, d.review))
        if d.conflict:
            secs.mark(ident, conflict=d.conflict)
            conflicts.append((ident, d.conflict))
    result = replace(secs.story(story), ordered=tuple(sorted(settled.order)))
    if settled.headline:
        result = replace(result, headline=settled.headline)
        secs.mark("h-headline", "text")
    if settled.description:
        result = replace(result, description=settled.description)
    return Applied(replace(result, marks=secs.marks), settled, tuple(review), tuple(conflicts))
