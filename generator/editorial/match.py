"""Which item of a freshly generated story each decision is about (gettext's msgmerge).

A decision is keyed by the id its item had when the desk decided. On a new run:

1. the same id is there: the decision applies as it is (ids come from the words, so the
   generator's words are unchanged);
2. an actor: the same name or one of its aliases;
3. a point that stands for the decided sentence (new articles made another source's sentence
   the claim's words): the decision follows the claim, flagged "needs review" if it edits;
4. else the most similar item of the same kind whose numbers are the same ("Fact 3" is never
   "Fact 13"): one new in this run and similar in its words (an item the last run showed too
   is another claim, unless what follows says otherwise); one citing a source that still says
   the decided words and sharing most of their content words; or one with nearly all of them
   (the generator chose another source's sentence for the same claim). The decision moves to
   it and is flagged "needs review" (gettext's fuzzy); never a conflict;
5. else nothing: a hide waits for the item to come back; a reworded item's text stays on the
   page where it stood, flagged for review.

A conflict is only declared where the words under an edit changed in their own source: a
reworded item is not found again, one of the sources it was drawn from is still in the
story with different bytes (same file, new key), and the generator's old words are in none
of the story's sources any more. Articles coming or going never make a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Mapping

from rapidfuzz import fuzz

from generator.editorial.decisions import Decisions, ItemDecision
from generator.editorial.ids import norm
from generator.models import Story

FUZZY = 0.7  # similarity (0..1) above which a new item is taken for the decided one
# Checkable values: figures, and numbers written as words ("seven to two" is never "eight to one").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                     r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)\b")


@dataclass(frozen=True)
class Candidate:
    id: str
    text: str
    sources: tuple[str, ...]  # keys
    names: tuple[str, ...] = ()  # an actor's name and aliases
    said: tuple[str, ...] = ()  # the sentences it stands for (normalised), its own among them


@dataclass(frozen=True)
class Match:
    decided: str  # the id in the decisions file
    current: str | None  # the id in this story (None: not found)
    how: str  # "same", "alias", "member" (its sentence is one the item stands for), "fuzzy", "none"
    review: str | None = None
    conflict: str | None = None


def candidates(story: Story) -> dict[str, list[Candidate]]:
    """The story's items by id prefix (p: points and open questions, d: disputes, t: timeline
    rows, q: quotes, a: actors), each with its words and its sources' keys."""
    keys = {a.source_id: a.key for a in story.sources}

    def cand(ident: str, text: str, sources, names=(), said=()) -> Candidate:
        return Candidate(ident, text, tuple(keys.get(s, s) for s in sources), tuple(names),
                         tuple(norm(t) for t in said))

    out: dict[str, list[Candidate]] = {}
    for item in (*story.summary, *story.background, *story.known, *story.whats_next, *story.unknown):
        out.setdefault(item.id[:1], []).append(cand(item.id, item.text, item.sources, said=getattr(item, "said", ())))
    for t in story.timeline:
        out.setdefault("t", []).append(cand(t.id, t.text, t.sources))
    for q in story.quotes:
        out.setdefault("q", []).append(cand(q.id, q.text, q.sources))
    for a in story.actors:
        out.setdefault("a", []).append(cand(a.id, a.name, a.sources, (a.name, *a.aliases)))
    for h in story.held:
        out.setdefault("held", []).append(cand(h.id, h.text, h.sources))
    return out


def similarity(a: str, b: str) -> float:
    """0..1; 0 unless both state the same numbers."""
    na, nb = norm(a), norm(b)
    if not na or not nb or _NUMBER.findall(na) != _NUMBER.findall(nb):
        return 0.0
    score = fuzz.ratio(na, nb)
    if min(len(na), len(nb)) >= 0.6 * max(len(na), len(nb)):
        score = max(score, fuzz.token_set_ratio(na, nb) - 5)
    return score / 100


_STOP = frozenset("a an the of in on at to for by with from as and or but after before its their his her "
                  "is are was were be been has have had that this it which who said says".split())


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+(?:[.'][a-z0-9]+)*", norm(text)) if w not in _STOP}


def overlap(a: str, b: str) -> float:
    """Shared content words over the fewer of the two (0..1); 0 unless the numbers are the same."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb or _NUMBER.findall(norm(a)) != _NUMBER.findall(norm(b)):
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _score(d: ItemDecision, c: Candidate, still_said: set[str], fresh: bool) -> float:
    """How surely `c` is the decided item in other words (0: not at all)."""
    score = similarity(d.was or "", c.text) + (0.03 if set(c.sources) & set(d.sources) else 0.0)
    if score >= FUZZY and fresh:
        return score
    shared = overlap(d.was or "", c.text)
    if set(c.sources) & still_said and shared >= 0.6:
        return FUZZY  # its sentence is still in a source this item cites: the same claim, reworded
    if shared >= 0.75 and score >= 0.5 and min(len(content_words(d.was or "")), len(content_words(c.text))) >= 5:
        return FUZZY - 0.01  # nearly all its content words, another source's sentence: the same claim
    return 0.0


def _in_sources(text: str, story: Story) -> bool:
    wanted = norm(text)
    return any(wanted in norm(a.text) for a in story.sources)


def _conflict(d: ItemDecision, story: Story, previous_files: Mapping[str, str]) -> str | None:
    """Why the words under this reworded item changed in their own source, or None."""
    if d.text is None or not d.was or _in_sources(d.was, story):
        return None
    files = {a.file: a for a in story.sources}
    keys = {a.key for a in story.sources}
    for key in d.sources:
        article = files.get(previous_files.get(key, ""))
        if key not in keys and article is not None:
            name = article.outlet or article.title or "its source"
            return f"the sentence it rewords changed in {name}; check your text against the source"
    return None


def match_all(story: Story, decisions: Decisions, previous_files: Mapping[str, str] | None = None,
              previous_ids: Collection[str] | None = None) -> list[Match]:
    """One Match per decided item, most certain first (exact, alias, then fuzzy by score).

    `previous_files`: source key -> file in the last run; `previous_ids`: the ids the last run
    showed (None: unknown, every item may be the decided one in other words)."""
    previous_files = previous_files or {}
    fresh = (lambda c: True) if previous_ids is None else (lambda c, old=set(previous_ids): c.id not in old)
    pool = candidates(story)
    ids = {c.id for cs in pool.values() for c in cs}
    taken: set[str] = set()
    matches: dict[str, Match] = {}
    for ident in decisions.items:
        if ident in ids:
            matches[ident] = Match(ident, ident, "same")
            taken.add(ident)
    for ident, d in decisions.items.items():
        if ident in matches or not ident.startswith("a-"):
            continue
        names = {norm(n) for n in (d.was, d.name) if n}
        hit = next((c for c in pool.get("a", []) if c.id not in taken and names & {norm(n) for n in c.names}), None)
        if hit is not None:
            matches[ident] = Match(ident, hit.id, "alias")
            taken.add(hit.id)
    for ident, d in decisions.items.items():
        if ident in matches or not d.was:
            continue
        said = norm(d.was)
        hit = next((c for c in pool.get(ident[:1], []) if c.id not in taken and any(said in s for s in c.said)), None)
        if hit is not None:  # its sentence is one the claim now shown in other words stands for
            review = f"the generator's words changed: now “{hit.text}”" if d.edits() else None
            matches[ident] = Match(ident, hit.id, "member", review=review)
            taken.add(hit.id)
    scored: list[tuple[float, str, str]] = []
    texts = {a.key: norm(a.text) for a in story.sources}
    for ident, d in decisions.items.items():
        if ident in matches or not d.was:
            continue
        said = norm(d.was)
        still_said = {k for k in d.sources if said in texts.get(k, "")}
        for c in pool.get(ident[:1], []) + (pool.get("held", []) if d.approve else []):
            if c.id in taken:
                continue
            score = _score(d, c, still_said, fresh(c))
            if score > 0:
                scored.append((score, ident, c.id))
    for score, ident, current in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if ident in matches or current in taken:
            continue
        text = next(c.text for cs in pool.values() for c in cs if c.id == current)
        matches[ident] = Match(ident, current, "fuzzy", review=f"the generator's words changed: now “{text}”")
        taken.add(current)
    for ident, d in decisions.items.items():
        if ident not in matches:
            conflict = _conflict(d, story, previous_files)
            review = None if conflict or d.text is None else "the point it rewords is no longer in the sources"
            matches[ident] = Match(ident, None, "none", review=review, conflict=conflict)
    return [matches[i] for i in decisions.items]
