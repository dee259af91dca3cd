"""Per-event merging for the timeline: the same dated event told by several sources is one entry.

Two dated sentences tell the same event when their dates agree (equal, or one period contains
the other: "in 2016" and "in June 2016") and their words overlap, weighted by TF-IDF over the
story so that words every sentence shares ("council", "city") count little. The entry
shows the clearest complete sentence of the group and cites every source in it.

A sentence is shown on one row at most: "X, who founded the firm in 1976, was diagnosed in
2004 and had surgery in 2009" is its main event's row, never three rows. A date told only in
a side clause of a sentence whose own event is undated ("Abe, who resigned in 2020, collapsed")
is never shown: it may only add its source to a row that tells that event plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from generator.text.dates.partial import PartialDate, Precision
from generator.text.dates.vocabulary import DATE_WORDS

# TF-IDF cosine two dated sentences need to tell the same event (checked on the seeds and corpus).
SAME_EVENT = 0.25
# A day named away from the days the story was reported (a birth date, a scheduled handover)
# is rarely the day of two of its events: two tellings of it need to share less.
SAME_DAY_AWAY = 0.05
AWAY_DAYS = 7  # how long before the story's first report a day counts as away from it
# Day numbers and years belong to the date: "May 12", "in 2016".
_DATE_NUMBER = re.compile(r"\d{1,2}(st|nd|rd|th)?|1[6-9]\d\d|20\d\d")
# An approximate year ("almost five years ago") may sit this many years from the exact one.
APPROXIMATE_YEARS = 1
# Sentences longer than this are rarely the clearest telling ("..., which ..., after ..."), and
# the more a sentence says, the fewer of a row's sources state all of it.
LONG_SENTENCE_WORDS = 30


@dataclass(frozen=True)
class Candidate:
    """One dated sentence of one source."""

    date: PartialDate
    source_id: str
    sentence: int
    text: str
    lemmas: tuple[str, ...]
    other_dates: int = 0  # further dates in the same sentence ("in 1998, ... lifted in June 2019")
    relative: bool = False  # the date was worked out ("on Tuesday"), not written out
    approximate: bool = False
    main_clause: bool = True  # the date times the sentence's main clause
    shown: bool = True  # False: a side date of a sentence whose own event is undated; joins a row, never is one


@dataclass(frozen=True)
class EventGroup:
    date: PartialDate
    text: str
    sources: tuple[str, ...]
    others: tuple[str, ...] = ()  # the group's other sentences not shown yet, clearest first


def event_words(lemmas: Sequence[str]) -> list[str]:
    """Content lemmas that describe the event, not its date: figures stay ("the 40-point drop")."""
    return [w for w in lemmas if w not in DATE_WORDS and not _DATE_NUMBER.fullmatch(w)]


def _vectors(candidates: Sequence[Candidate], corpus: Sequence[Sequence[str]]):
    """TF-IDF rows (L2-normalised) of the candidates, with IDF taken over every story sentence."""
    from generator.text.vectors import Tfidf

    docs = [event_words(c.lemmas) for c in candidates]
    background = [event_words(s) for s in corpus] + docs
    if not any(background):
        return None
    vectorizer = Tfidf(sublinear_tf=True)
    vectorizer.fit(background)
    return vectorizer.transform(docs)


def group_events(candidates: Sequence[Candidate], corpus: Sequence[Sequence[str]],
                 window: tuple[date, date] | None = None) -> list[EventGroup]:
    """Group by event, finest dates first, so a vaguer mention joins the exact telling.

    At each precision (day, month, year): a mention first joins the finer group it fits best
    ("in 2016" joins the "June 2016" telling of the same event); the rest are linked to
    mentions of the same date whose words they share (single link: A~B and B~C is one event).
    Mentions that may not be shown then join the group they fit, as support only. `window` is
    the first and last day the story was reported on (see `SAME_DAY_AWAY`).
    """
    if not candidates:
        return []
    matrix = _vectors(candidates, corpus)
    sim = (matrix @ matrix.T).toarray() if matrix is not None else None
    order = sorted(range(len(candidates)), key=lambda i: _order_key(candidates[i]))
    groups: list[list[int]] = []
    for level in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        rest = []
        for i in (i for i in order if candidates[i].shown and candidates[i].date.precision is level):
            target = _best_group(i, groups, candidates, sim)
            if target is None:
                rest.append(i)
            else:
                target.append(i)
        groups.extend(_link(rest, candidates, sim, window))
    for i in (i for i in order if not candidates[i].shown):
        target = _best_group(i, groups, candidates, sim, same_date=True)
        if target is not None:
            target.append(i)
    return _assign(_drop_asides(groups, candidates), candidates, sim)


def _drop_asides(groups: list[list[int]], candidates: Sequence[Candidate]) -> list[list[int]]:
    """A date told only in a side clause gives way when the story tells that date's events plainly.

    "Residents cleared debris from the storm, which hit on Monday" adds nothing to
    "The storm hit the coast late Monday"; but "..., since the firm went public in 2016" stays
    when no sentence says what happened in 2016 in its main clause.
    """
    def plain(members: list[int]) -> bool:
        return any(candidates[i].main_clause and candidates[i].shown for i in members)

    dates = {candidates[members[0]].date for members in groups if plain(members)}
    return [members for members in groups if plain(members) or candidates[members[0]].date not in dates]


def _assign(groups: list[list[int]], candidates: Sequence[Candidate], sim) -> list[EventGroup]:
    """Each group's clearest sentence, no sentence on two rows: groups told in a main clause
    choose first, the most widely reported first; a group left with no sentence of its own is
    no row (its sentence already stands on its main event's row)."""
    def priority(members: list[int]) -> tuple:
        first = candidates[members[0]]
        return (not any(candidates[i].main_clause for i in members),
                -len({candidates[i].source_id for i in members}), first.date.iso, first.source_id, first.sentence)

    used: set[tuple[str, int]] = set()
    out = []
    for members in sorted(groups, key=priority):
        chosen = _summarise([candidates[i] for i in members], sim, members, used)
        if chosen is not None:
            out.append(chosen)
    return out


def _best_group(i: int, groups: list[list[int]], candidates: Sequence[Candidate], sim,
                same_date: bool = False) -> list[int] | None:
    """The finer-dated group (or with `same_date`, also a group of the same date) whose mentions
    are most like mention i, if like enough."""
    best, best_score = None, SAME_EVENT
    for members in groups:
        first = candidates[members[0]]
        if sim is None or not (_dates_agree(candidates[i], first) or (same_date and candidates[i].date == first.date)):
            continue
        score = max(float(sim[i, j]) for j in members)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = members, score  # ties go to the earlier group
    return best


def _same_event(a: Candidate, b: Candidate, score: float, window: tuple[date, date] | None) -> bool:
    """Two same-date mentions tell one event: their words are alike enough."""
    if a.date != b.date:
        return False
    if score >= SAME_EVENT:
        return True
    away = a.date.precision is Precision.DAY and (
        window is None or not window[0] - timedelta(days=AWAY_DAYS) <= a.date.first <= window[1])
    return away and score >= SAME_DAY_AWAY


def _link(indices: list[int], candidates: Sequence[Candidate], sim, window=None) -> list[list[int]]:
    """Single-link clusters of same-date mentions (union-find over positions), in mention order."""
    parent = list(range(len(indices)))

    def root(p: int) -> int:
        while parent[p] != p:
            p = parent[p]
        return p

    for a, i in enumerate(indices):
        for b in range(a + 1, len(indices)):
            j = indices[b]
            if sim is not None and _same_event(candidates[i], candidates[j], float(sim[i, j]), window):
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)  # the earlier mention stays the root
    clusters: dict[int, list[int]] = {}
    for p, i in enumerate(indices):
        clusters.setdefault(root(p), []).append(i)
    return list(clusters.values())


def _order_key(c: Candidate) -> tuple:
    return (-c.date.precision, c.approximate, c.relative, c.date.iso, c.source_id, c.sentence)


def _dates_agree(c: Candidate, group_first: Candidate) -> bool:
    """`c` fits a group whose first mention holds a strictly finer date that c's date contains."""
    fine = group_first.date
    if fine.precision <= c.date.precision:
        return False
    if c.date.contains(fine):
        return True
    if c.approximate and c.date.precision is Precision.YEAR:
        return abs(c.date.year - fine.year) <= APPROXIMATE_YEARS
    return False


def _summarise(members: list[Candidate], sim, indices: list[int], used: set[tuple[str, int]]) -> EventGroup | None:
    """The group's date (its finest), every source, and its clearest sentence not shown yet
    (recorded in `used`); None when every sentence it could show is shown already."""
    date = members[0].date
    sources = tuple(sorted({m.source_id for m in members}))

    def centrality(k: int) -> float:
        if sim is None or len(indices) < 2:
            return 0.0
        others = [sim[indices[k], j] for j in indices if j != indices[k]]
        return round(sum(others) / len(others), 6)

    def clarity(k: int) -> tuple:
        """Whole sentence, states the group's date, about that date only, in its main clause,
        standing alone; then most like the others (the consensus telling); then shortest."""
        m = members[k]
        words = len(m.text.split())
        return (
            not complete_sentence(m.text), m.date != date, m.other_dates > 0, not m.main_clause,
            _anaphoric(m.text), m.approximate, words > LONG_SENTENCE_WORDS, -centrality(k),
            m.relative, words, m.source_id, m.sentence,
        )

    free = [k for k in range(len(members)) if members[k].shown and (members[k].source_id, members[k].sentence) not in used]
    if not free:
        return None
    ordered = sorted(free, key=clarity)
    best = members[ordered[0]]
    used.add((best.source_id, best.sentence))
    # (only as plain a telling: whole, of the row's date in its main clause, standing alone)
    others = tuple(dict.fromkeys(members[k].text for k in ordered[1:]
                                 if members[k].text != best.text and members[k].date == date and members[k].main_clause
                                 and complete_sentence(members[k].text) and not _anaphoric(members[k].text)))
    return EventGroup(date, best.text, sources, others)


def complete_sentence(text: str) -> bool:
    """A whole sentence: capitalised start, closing punctuation (scraped text is often cut)."""
    stripped = text.strip().lstrip("\"'\u201c\u2018(")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit()) and \
        text.rstrip().rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))


# A sentence opening on a pronoun or demonstrative leans on the one before: "This decision follows...".
ANAPHORS = frozenset({
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "his", "her", "their",
})


def _anaphoric(text: str) -> bool:
    first = text.strip().lstrip("\"'\u201c\u2018(").split(maxsplit=1)
    return bool(first) and first[0].lower().strip(",") in ANAPHORS
