"""Disagreements between sources on checkable values, shown side by side.

A disagreement is two sentences from different sources that state the same thing (they
are similar, and the value sits in the same context words) with incompatible values:
  - dates:   "the dam opened in May 2009" vs "the dam opened five years ago"
  - figures: "31 people were killed" vs "at least 40 deaths"
  - ranks:   "became the first country to" vs "became the first European country to"
and, in generator.sections.claims.attributions, quoted wording, who is quoted, and people's titles.
Each becomes Unknown(kind="disputed") whose text names the point in a few neutral words
built only from the words in dispute, and whose variants are each source's own sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz

from generator.sections.claims import attributions
from generator.sections.claims.alignment import Alignment, Claim, stem, story_names
from generator.models import AnalysedArticle, Unknown
from generator.sections.claims.dating import DateSpan

MAX_DISPUTES = 8
# Two sentences this similar (a share of the claim threshold) may be about the same thing.
RELATED = 0.5
CONTEXT_WORDS = 4  # content words either side of a value that say what it measures
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "from", "with",
         "as", "is", "was", "were", "are", "has", "had", "have", "been", "be", "that", "this",
         "its", "their", "his", "her", "since", "after", "before", "than", "more", "less", "about",
         "nearly", "almost", "least", "some", "over", "up", "around", "roughly", "ago", "year",
         "years", "which", "who", "it", "they", "he", "she", "so", "do", "did", "not"}
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True)
class Conflict:
    """Two claims (indices into Alignment.claims) disagreeing on one value."""

    a: int
    b: int
    kind: str  # "Dates" | "Figures" | "Descriptions"
    value_a: str
    value_b: str


def find(items: Sequence[AnalysedArticle], al: Alignment, similarity: float) -> list[Unknown]:
    """Every disagreement of the story, most sources first, at most MAX_DISPUTES."""
    related = RELATED * similarity
    items = sorted(items, key=lambda it: it.source_id)
    conflicts = (date_conflicts(al, related) + number_conflicts(al, related)
                 + descriptor_conflicts(al, related))
    disputes = [_dispute(al, group) for group in _cluster(conflicts)]
    disputes += attributions.disputes(items, al)
    unique: dict[tuple, Unknown] = {}
    for d in disputes:
        unique.setdefault(tuple(sorted(d.variants.items())), d)
    ranked = sorted(unique.values(), key=lambda u: (-len(u.variants), u.text))
    return ranked[:MAX_DISPUTES]


def _pairs(al: Alignment, related: float) -> Iterable[tuple[int, int]]:
    """Claims of different sources similar enough to be about the same thing."""
    support_only = np.array([c.support_only for c in al.claims], dtype=bool)
    close = np.triu(al.sim >= related, k=1) & ~(support_only[:, None] & support_only[None, :])
    for i, j in zip(*np.nonzero(close)):  # in row order, as two nested loops would find them
        yield int(i), int(j)


def context(text: str, start: int, end: int, after: int = 2) -> set[str]:
    """Stems of the content words around a value: what it is a value of."""
    before = [w.lower() for w in _TOKEN.findall(text[:start])][-CONTEXT_WORDS * 2:]
    following = [w.lower() for w in _TOKEN.findall(text[end:])][: CONTEXT_WORDS]
    words = [w for w in before if w not in _STOP][-CONTEXT_WORDS:] + [w for w in following if w not in _STOP][:after]
    return {stem(w) for w in words}


# ---------------------------------------------------------------- dates


def date_conflicts(al: Alignment, related: float) -> list[Conflict]:
    """Same event, incompatible dates: the intervals do not overlap and two words around
    the dates ("the new dam opened in ...", "the dam was opened ...") say it is the
    same event. The story's protagonists, named everywhere, do not count as such words."""
    common = story_names(al.claims)
    out = []
    for i, j in _pairs(al, related):
        ci, cj = al.claims[i], al.claims[j]
        for da in ci.dates:
            for db in cj.dates:
                # a date the other sentence also gives is a second event, not a conflict
                matched = any(x.overlaps(db) for x in ci.dates) or any(x.overlaps(da) for x in cj.dates)
                if not matched and _same_context(ci, da, cj, db, common):
                    out.append(Conflict(i, j, "Dates", da.expression, db.expression))
    return out


def _same_context(ci: Claim, da: DateSpan, cj: Claim, db: DateSpan, common: frozenset[str]) -> bool:
    """The words leading up to both dates share two stems ("the dam opened in" / "dam was opened")."""
    shared = (context(ci.text, da.start, da.end, after=0) & context(cj.text, db.start, db.end, after=0)) - common
    return len(shared) >= 2


# ---------------------------------------------------------------- figures

# A count with its hedge: "more than 300", "at least 41", "nearly 90", "5.2".
_HEDGES = (r"more than|over|at least|nearly|almost|about|around|some|roughly|approximately|"
           r"an estimated|up to|fewer than|less than|exceeded|passed|topped")
_NUMBER = re.compile(rf"(?:({_HEDGES})\s+)?"
                     r"(?<![\w.,:])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(million|billion))?(?![\w:]|,\d)",
                     re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# What a figure counts, in the words news copy uses for it (synonyms share one key).
MEASURES = {
    "deaths": r"kill|dead|death|die|toll|fatalit|lives",  # not "bodies": often a local count
    "injured": r"injur|wound|hurt",
    "missing": r"missing",
    "displaced": r"displac|homeless|evacuat",
    "arrested": r"arrest|detain",
    "magnitude": r"magnitude",
}
_GENERIC_COUNTED = {"people", "person", "persons", "residents", "individuals"}


@dataclass(frozen=True)
class Figure:
    lo: float
    hi: float
    expression: str
    key: str  # what it counts: a MEASURES key or the noun after it
    subject: str | None  # what it is a figure of, when named next to it ("tremor", "storm")
    start: int
    end: int


def figures(c: Claim) -> list[Figure]:
    """The counts of a claim, each as the interval its hedge allows, with what it counts.
    Years, days and clock times are dates, not counts."""
    out: list[Figure] = []
    if not _DIGIT.search(c.text):  # most claims have no figure: skip _NUMBER's slow scan
        return out
    for m in _NUMBER.finditer(c.text):
        if any(d.start <= m.start(2) < d.end for d in c.dates):
            continue
        if re.search(r"[A-Z][\w]*-$", c.text[: m.start(2)]):
            continue  # part of a name: "Rover-7", "F-16"
        value = float(m.group(2).replace(",", "")) * {"million": 1e6, "billion": 1e9}.get(m.group(3) or "", 1)
        if m.group(3) is None and re.fullmatch(r"(19|20)\d\d", m.group(2)):
            continue  # a year the entity recogniser missed
        lo, hi = _hedged((m.group(1) or "").lower(), value)
        key = _measure(c.text, m.start(), m.end())
        if key:
            out.append(Figure(lo, hi, m.group(0).strip(), key, _subject(c.text, m.start(), m.end()),
                              m.start(), m.end()))
    return out


def _hedged(hedge: str, v: float) -> tuple[float, float]:
    if hedge in ("more than", "over", "at least", "exceeded", "passed", "topped"):
        return v, float("inf")
    if hedge in ("nearly", "almost"):
        return v * 0.9, v
    if hedge in ("about", "around", "some", "roughly", "approximately", "an estimated"):
        return v * 0.9, v * 1.1
    if hedge in ("up to", "fewer than", "less than"):
        return 0.0, v
    return v, v


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words after the figure (to the clause's end) and before it (nearest first)."""
    after = re.split(r"[,;.(]", text[end:], maxsplit=1)[0].replace("-", " ").split()[:4]
    clauses = re.split(r"[,;.)]", text[:start])
    # a figure opening its clause ("the dead, at least 41 so far") reads across the comma
    if len(clauses) > 1 and not clauses[-1].strip():
        clauses = clauses[:-1]
    before = clauses[-1].replace("-", " ").split()[-4:][::-1]
    clean = lambda ws: [w.lower().strip("\"'”’,:") for w in ws]
    return clean(after), clean(before)


@lru_cache(maxsize=1 << 14)
def _is_measure(word: str) -> str | None:
    return next((key for key, pattern in MEASURES.items() if re.match(pattern, word)), None)


def _measure(text: str, start: int, end: int) -> str | None:
    """What the figure counts: a measure word right after it (up to the clause's end) or
    right before it; else the first specific noun after it ("2 reactors")."""
    after, before = _words_around(text, start, end)
    for word in after + before:
        if _is_measure(word):
            return _is_measure(word)
    hedges = set(_HEDGES.split("|"))
    lead = [w for w in before if w not in hedges and w != "$"]
    if len(lead) >= 2 and lead[0] == "of" and lead[1].isalpha() and lead[1] not in _STOP:
        return lead[1]  # "annual sales of approximately $3 billion"
    run: list[str] = []  # "$3 billion in annual sales": the noun ending the first phrase
    for w in after:
        if w.isalpha() and w not in _STOP and w not in _GENERIC_COUNTED:
            run.append(w)
        elif run:
            break
    return run[-1] if run else None


def _subject(text: str, start: int, end: int) -> str | None:
    """What the figure is a figure of, when named beside it: "a 4.1 tremor", "the storm
    had a category of 3", "a storm with a category of 4"."""
    after, before = _words_around(text, start, end)
    after = [w for w in after if not _is_measure(w)]
    if after and after[0].isalpha() and after[0] not in _STOP | _GENERIC_COUNTED:
        return after[0]
    if before and before[0] in ("of", "at"):
        rest = [w for w in before[1:] if w not in _STOP and w.isalpha()]
        if len(rest) >= 2 and _is_measure(rest[0]):
            return rest[1]
    return None


def _same_thing(a: Figure, b: Figure) -> bool:
    if a.key != b.key:
        return False
    if a.subject and b.subject:
        return a.subject == b.subject or a.subject.endswith(b.subject) or b.subject.endswith(a.subject)
    return True


def _close(a: Figure, b: Figure) -> bool:
    """Within a third of each other: two counts of one thing (31 vs 40 dead), not a local
    count beside a national one (3 injured at one school)."""
    x, y = sorted((a.hi if a.hi != float("inf") else a.lo, b.hi if b.hi != float("inf") else b.lo))
    return x > 0 and x / y >= 2 / 3


def _dates_apart(ci: Claim, cj: Claim) -> bool:
    """Both sentences dated, on days that do not meet: two events (a storm, then a second one)."""
    return bool(ci.dates and cj.dates) and not any(a.overlaps(b) for a in ci.dates for b in cj.dates)


def number_conflicts(al: Alignment, related: float) -> list[Conflict]:
    """Same measure of the same thing, intervals that cannot both be true. Casualty-style
    measures (deaths, injured ...) are compared across the whole story when the figures are
    close; other figures only between sentences similar enough to be about the same thing."""
    figs = [figures(c) for c in al.claims]
    n = len(al.claims)
    out = []
    for i in range(n):
        if not figs[i]:
            continue
        for j in range(i + 1, n):
            if not figs[j] or al.claims[i].sid == al.claims[j].sid or _dates_apart(al.claims[i], al.claims[j]):
                continue
            similar = al.sim[i, j] >= related
            for fa in figs[i]:
                for fb in figs[j]:
                    if not _same_thing(fa, fb) or not (fa.hi < fb.lo or fb.hi < fa.lo):
                        continue
                    if similar or (fa.key in MEASURES and _close(fa, fb)):
                        out.append(Conflict(i, j, f"Figures ({fa.key})", fa.expression, fb.expression))
    return out


# ---------------------------------------------------------------- ranks and records

# "became the first country to", "becoming the first nation to", ", the first country to":
# a record claimed for the subject. Words up to the verb or preposition are what it is.
_RECORD = re.compile(r"(?:\b(?:become|became|becomes|becoming|is|was|are|were|as)|,)\s+the\s+"
                     r"(first|only|last|second|third|largest|biggest|deadliest|strongest|"
                     r"[a-z]+-largest|[a-z]+-biggest)(?:-ever)?\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)"
                     r"(?=\s+(?:to|since|in|of|on|ever|that|who|which|after|with|for)\b|[,.;])")
# Words news copy uses interchangeably for one thing ("nation" / "country").
_SYNONYMS = {"nation": "country", "state": "country"}


def records(c: Claim) -> list[tuple[str, str, str]]:
    """(rank word, what, as written) for each record the claim states."""
    out = []
    for m in _RECORD.finditer(c.text):
        what = " ".join(_SYNONYMS.get(w, w) for w in m.group(2).lower().split())
        out.append((m.group(1), what, f"the {m.group(1)} {m.group(2)}"))
    return out


def _same_what(a: str, b: str) -> bool:
    """One thing however spelled: 'storm' / 'rainstorm' agree; 'country' / 'European
    country' do not (a word was added: a stronger claim)."""
    if a == b or fuzz.ratio(a, b) >= 85:
        return True
    short, long = sorted((a, b), key=len)
    return " " not in long and long.endswith(short)


def descriptor_conflicts(al: Alignment, related: float) -> list[Conflict]:
    """The same rank claimed for different things: "the first country" vs "the first
    European country" (one is a stronger or a different claim than the other)."""
    recs = [records(c) for c in al.claims]
    out = []
    for i, j in _pairs(al, related):
        for rank_a, what_a, text_a in recs[i]:
            for rank_b, what_b, text_b in recs[j]:
                if rank_a == rank_b and not _same_what(what_a, what_b):
                    out.append(Conflict(i, j, "Descriptions", text_a, text_b))
    return out


# ---------------------------------------------------------------- assembling


def _cluster(conflicts: Sequence[Conflict]) -> list[list[Conflict]]:
    """Conflicts of one kind sharing a claim are one disagreement (three sources, one date)."""
    groups: list[list[Conflict]] = []
    for c in conflicts:
        touching = [g for g in groups if g[0].kind == c.kind
                    and {c.a, c.b} & {x for k in g for x in (k.a, k.b)}]
        merged = [c] + [k for g in touching for k in g]
        groups = [g for g in groups if g not in touching] + [merged]
    return groups


def _gap(k: Conflict) -> float:
    """How far apart the two values are (numbers), so a dispute is named by its closest pair."""
    nums = [float(x.replace(",", "")) for x in (re.search(r"\d[\d,.]*", v) for v in (k.value_a, k.value_b))
            if x for x in [x.group(0).rstrip(".,")]]
    return abs(nums[0] - nums[1]) / max(nums) if len(nums) == 2 and max(nums) else 0.0


def _dispute(al: Alignment, group: Sequence[Conflict]) -> Unknown:
    first = min(group, key=lambda k: (_gap(k), al.claims[k.a].sid, al.claims[k.b].sid, k.value_a, k.value_b))
    variants: dict[str, str] = {}
    for k in sorted(group, key=lambda k: (al.claims[k.a].sid, al.claims[k.a].order)):
        for i in (k.a, k.b):
            variants.setdefault(al.claims[i].sid, al.claims[i].text)
    text = f'{first.kind} differ: "{first.value_a}" vs "{first.value_b}"'
    return Unknown("disputed", text, tuple(sorted(variants)), dict(sorted(variants.items())))
