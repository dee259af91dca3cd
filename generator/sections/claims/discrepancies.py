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
from generator.text.dates.vocabulary import MONTHS
from generator.text.standalone import LATER_INSIDE

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


def find(items: Sequence[AnalysedArticle], al: Alignment, similarity: float,
         people: set[str] | None = None) -> list[Unknown]:
    """Every disagreement of the story, most sources first, at most MAX_DISPUTES. `people`:
    the surnames of the story's persons, who alone can be in dispute over who said something."""
    related = RELATED * similarity
    items = sorted(items, key=lambda it: it.source_id)
    undated = frozenset(it.source_id for it in items if not it.article.published_date)
    days = {it.source_id: it.article.published_date for it in items if it.article.published_date}
    conflicts = (date_conflicts(al, related, undated) + number_conflicts(al, related, days)
                 + descriptor_conflicts(al, related) + age_conflicts(al))
    given = {it.source_id for it in items}  # (the caller may leave sources out: garbled ones)
    conflicts = [c for c in conflicts if al.claims[c.a].sid in given and al.claims[c.b].sid in given]
    disputes = [_dispute(al, group) for group in _cluster(conflicts)]
    disputes += attributions.disputes(items, al, people)
    unique: dict[tuple, Unknown] = {}
    for d in disputes:
        unique.setdefault(tuple(sorted(d.variants.items())), d)
    ranked = sorted(unique.values(), key=lambda u: (-len(u.variants), u.text))
    said: dict[tuple, Unknown] = {}  # one disagreement told once: "7.9 vs 7.8" found in two pairs of sentences
    for d in ranked:
        said.setdefault(_told_as(d.text), d)
    return list(said.values())[:MAX_DISPUTES]


def _told_as(text: str) -> tuple:
    """What a disagreement says, whatever the order of its values: its label and the set of them."""
    values = re.findall(r'"([^"]*)"', text)
    return (text.split(":", 1)[0], frozenset(values)) if values else (text,)


def _pairs(al: Alignment, related: float) -> Iterable[tuple[int, int]]:
    """Claims of different sources similar enough to be about the same thing."""
    support_only = np.array([c.support_only for c in al.claims], dtype=bool)
    close = np.triu(al.sim >= related, k=1) & ~(support_only[:, None] & support_only[None, :])
    for i, j in zip(*np.nonzero(close)):  # in row order, as two nested loops would find them
        yield int(i), int(j)


def context(text: str, start: int, end: int, after: int = 2) -> set[str]:
    """Stems of the content words around a value: what it is a value of. Capitalised words
    (places, names) say where or who, not which event or quantity."""
    before = [w.lower() for w in _TOKEN.findall(text[:start]) if not w[0].isupper()][-CONTEXT_WORDS * 2:]
    following = [w.lower() for w in _TOKEN.findall(text[end:]) if not w[0].isupper()][: CONTEXT_WORDS]
    words = [w for w in before if w not in _STOP][-CONTEXT_WORDS:] + [w for w in following if w not in _STOP][:after]
    return {stem(w) for w in words}


# ---------------------------------------------------------------- dates


def date_conflicts(al: Alignment, related: float, undated: frozenset[str] = frozenset()) -> list[Conflict]:
    """Same event, incompatible dates: the intervals do not overlap and two words around
    the dates ("the new dam opened in ...", "the dam was opened ...") say it is the
    same event, or the clauses holding the dates tell the same event in three words of
    their own (one source dates the court's ruling in April, another in December). The
    story's protagonists, named everywhere, do not count as such words. A day told from
    the writer's own ("yesterday", "Monday") in an article of unknown date (`undated`) was
    placed from the story's date, a guess: it is in conflict with nothing."""
    common = story_names(al.claims)
    out = []
    for i, j in _pairs(al, related):
        ci, cj = al.claims[i], al.claims[j]
        for da in ci.dates:
            for db in cj.dates:
                if da.overlaps(db):
                    continue  # "14 years ago" / "in 2004": one time, told two ways
                if _of_a_noun(ci.text, da) or _of_a_noun(cj.text, db):
                    continue  # "survivors of Monday's earthquake": the day of the quake, not of the search
                if da.main != db.main:
                    continue  # "failed on Tuesday" / "residents who left on Monday": two events' dates
                if ci.sid in undated and _relative(da) or cj.sid in undated and _relative(db):
                    continue
                if (ci.sid in undated and _told_from_the_writers_day(da)
                        or cj.sid in undated and _told_from_the_writers_day(db)) and _days_apart(da, db) < GUESSED_DAY_ERROR:
                    continue  # "will resign next month" in an undated article / "Aug. 2": the guess of its day is off
                # a date the other sentence also gives is a second event, not a conflict
                # (a vague span such as "in recent months" gives no date of its own)
                matched = any(x.overlaps(db) and _precise(x) for x in ci.dates) or \
                    any(x.overlaps(da) and _precise(x) for x in cj.dates) or \
                    _named_in(da.expression, cj.text) or _named_in(db.expression, ci.text)
                if matched or al.sim[i, j] < SAME_EVENT_SIM or _since(ci, da) or _since(cj, db):
                    continue
                if _years_apart(da, db) or _night_and_next_day(da, db) or _week_and_months_apart(da, db):
                    continue
                if _same_context(ci, da, cj, db, common) or _same_event(ci, da, cj, db, common):
                    out.append(Conflict(i, j, "Dates", _with_lead(ci.text, da), _with_lead(cj.text, db)))
    return out


YEARS_APART = 400  # days between two dates beyond which they date two events (a verdict, the act it judges)
_NIGHT = re.compile(r"\b(?:night|overnight|late|evening|midnight|early)\b", re.I)


def _days_apart(a: DateSpan, b: DateSpan) -> int:
    """Days from the end of the earlier span to the start of the later (negative: they overlap)."""
    return max((a.interval.first - b.interval.last).days, (b.interval.first - a.interval.last).days)


def _years_apart(a: DateSpan, b: DateSpan) -> bool:
    """ "convicted on Thursday" / "assaulted her in 2004", "tried last year" / "in 2004": a time told
    from the writer's own (no year in its words) is the news or near it; a date years from it is
    another event (a plant "opened in 2010" / "in 2012" is one event misdated, both told as history)."""
    told_with_years = _NAMES_A_MONTH_OR_YEAR.search(a.expression) and _NAMES_A_MONTH_OR_YEAR.search(b.expression)
    return _days_apart(a, b) > YEARS_APART and not told_with_years


MONTHS_APART = 45  # days between a day of the writer's week and another date: two events


def _week_and_months_apart(a: DateSpan, b: DateSpan) -> bool:
    """ "convicted on Tuesday" / "died last May": a day of the writer's week ("Tuesday",
    "yesterday") and a date months from it date two events; an outlet misdating the news errs by
    days, not by months."""
    return (_relative(a) or _relative(b)) and _days_apart(a, b) > MONTHS_APART


def _night_and_next_day(a: DateSpan, b: DateSpan) -> bool:
    """ "on Monday night" / "on Tuesday": one night told from two clocks (a time zone, or the hours
    after midnight), not two days."""
    return _days_apart(a, b) <= 1 and bool(_NIGHT.search(a.expression) or _NIGHT.search(b.expression))


_NAMES_A_MONTH_OR_YEAR = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b|\b\d{{4}}\b", re.I)


WRITERS_DAY = 7  # a span of at most this many days, told from the writer's day ("yesterday", "this week")


GUESSED_DAY_ERROR = 62  # days an undated article's "next month" or "last week" may be off, its day guessed


def _told_from_the_writers_day(span: DateSpan) -> bool:
    """No month and no year in its words ("next month", "last week", "three years ago")."""
    return _NAMES_A_MONTH_OR_YEAR.search(span.expression) is None


def _relative(span: DateSpan) -> bool:
    """A day told from the writer's own: no month and no year in its words, a few days at most
    ("nearly three years ago" is years off however the writer's day is guessed)."""
    return _NAMES_A_MONTH_OR_YEAR.search(span.expression) is None \
        and (span.interval.last - span.interval.first).days < WRITERS_DAY


def _of_a_noun(text: str, span: DateSpan) -> bool:
    """A possessive date ("Monday's earthquake") dates the noun after it, not the sentence."""
    return text[span.end:span.end + 2] in ("'s", "’s")


_PREPOSITIONS = {"in", "on", "at", "by", "of", "since", "from", "until", "during", "the"}
PRECISE_DAYS = 62  # a date span this short names when something happened; a longer one only roughly
EVENT_WORDS = 3  # words of their own two dated clauses share when they tell one event
_CLAUSE = re.compile(r",\s*|;\s*|\s+and\s+|\s+but\s+")


SAME_EVENT_SIM = 0.55  # two sentences dating one event say much the same (a paraphrase, not a topic)
_CALENDAR_WORD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                            r"april|may|june|july|august|september|october|november|december|\d{4})\b", re.I)


def _named_in(expression: str, text: str) -> bool:
    """The other sentence names the same day, month or year ("on Wednesday"): the same date,
    however each was resolved."""
    words = {w.lower() for w in _CALENDAR_WORD.findall(expression)}
    return bool(words) and words <= {w.lower() for w in _CALENDAR_WORD.findall(text)}


def _since(c: Claim, span: DateSpan) -> bool:
    """"had battled cancer since 2003": the start of a state that goes on, not an event's date."""
    return span.expression.lower().startswith("since") or bool(re.search(r"\bsince\s*$", c.text[: span.start], re.I))


def _precise(span: DateSpan) -> bool:
    return (span.interval.last - span.interval.first).days <= PRECISE_DAYS


def _clause_words(text: str, span: DateSpan, common: frozenset[str]) -> set[str]:
    """Five-letter stems of the clause holding the date (the next clause when the date opens
    the sentence on its own, "In April this year, the court removed ..."), names aside."""
    parts = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
    bounds = [0] + [e for _, e in parts] + [len(text)]
    starts = [0] + [e for _, e in parts]
    ends = [s for s, _ in parts] + [len(text)]
    k = max(n for n in range(len(starts)) if starts[n] <= span.start)
    words = [w.lower() for w in _TOKEN.findall(text[starts[k]:ends[k]].replace(span.expression, " "))]
    if len([w for w in words if w not in _STOP]) < 2 and k + 1 < len(starts):
        words = [w.lower() for w in _TOKEN.findall(text[starts[k + 1]:ends[k + 1]])]
    del bounds
    return {w[:5] for w in words if w not in _STOP and len(w) > 3 and stem(w) not in common}


def _same_event(ci: Claim, da: DateSpan, cj: Claim, db: DateSpan, common: frozenset[str]) -> bool:
    return len(_clause_words(ci.text, da, common) & _clause_words(cj.text, db, common)) >= EVENT_WORDS


def _with_lead(text: str, span: DateSpan, words: int = 2) -> str:
    """The date with the words leading to it in its clause ("seized power in August 2021"):
    what is dated, so the two values read as two accounts of one event."""
    clause = re.split(r"[,;:()]", text[: span.start])[-1].split()
    lead: list[str] = []
    while clause and sum(w.lower() not in _PREPOSITIONS for w in lead) < words:
        lead.insert(0, clause.pop())
    return " ".join(lead + [span.expression]).strip()


def _same_context(ci: Claim, da: DateSpan, cj: Claim, db: DateSpan, common: frozenset[str]) -> bool:
    """The words leading up to both dates share two stems ("the dam opened in" / "dam was opened")."""
    shared = (context(ci.text, da.start, da.end, after=0) & context(cj.text, db.start, db.end, after=0)) - common
    return len(shared) >= 2


# ---------------------------------------------------------------- figures

# A count with its hedge: "more than 300", "at least 41", "nearly 90", "5.2".
_HEDGES = (r"more than|over|at least|nearly|almost|about|around|some|roughly|approximately|"
           r"an estimated|up to|fewer than|less than|exceeded|passed|topped")
_NUMBER = re.compile(rf"(?:({_HEDGES})\s+)?(?:US\$|[$€£¥])?"  # "more than $300 billion": the hedge holds
                     r"(?<![\w.,:])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(million|billion))?(?![\w:]|,\d)",
                     re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.?|[ap]m\b|o['’]clock\b)", re.I)
_SCORE = re.compile(r"\d\s?[-–]\s?\d")
_INCREMENT = re.compile(r"\b(additional|another|further|extra|more|new)\s*$", re.I)
_PART_BEFORE = re.compile(r"\b(?:of whom|of which|of them|of those|among them|among those)\s*$", re.I)
# "Of the dead, 101 are female": a part of a group named before it, said to be something
_GROUP_BEFORE = re.compile(r"\b(?:of|among) the(?: \S+)? \S+,\s*$", re.I)
_IS_AFTER = re.compile(r"\s+(?:are|were|is|was)\b", re.I)
# "has risen to", "climbed to", "now stands at": the count at one moment of a changing one
_RISEN = re.compile(r"\b(?:risen|rose|rising|climbed|climbing|increased|jumped|grown|grew|mounted|soared|"
                    r"reached|now stands at|has hit|topped)\s+(?:to\s+)?$", re.I)
_PART_AFTER = re.compile(r"\s+(?:of|among)\s+(?:the|them|those|these|whom)\b", re.I)
_PROJECTED = re.compile(r"\b(?:forecast|projected|projection|predicted|estimated to|expected to|anticipated to|exit polls?|"
                        r"polls? (?:showed|suggested|predicted)|on track to)\b", re.I)
# "26 people were injured in Bangkok": the place named just after the count (and its measure)
# ("237 injured in various parts of Examplia": the place after a phrase of parts)
_PLACE_AFTER = re.compile(r"(?:\s+[a-z]+){0,3}\s+(?:in|at|near)\s+"
                          r"(?:(?:the|various|several|many|other|some|parts?|areas?|regions?|of)\s+){0,4}"
                          r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")
_OPEN_END = re.compile(r"\s+(?:or|and)\s+(greater|more|higher|above|less|fewer|lower|below)\b", re.I)
_AS_OF = re.compile(r"\b(?:as of|as at|by)\s+((?:[A-Z]\w+|\d[\w:.]*)(?:\s+\w+)?)")
SMALL = 10  # counts this small differ by one or two and still disagree (1 vs 2 injured)
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
    rising: bool = False  # "the toll has risen to 1,300": a count told as it changes, at its time
    place: str | None = None  # "26 injured in Bangkok": where it was counted, when named right after it


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
        if _SCORE.search(c.text[max(0, m.start(2) - 3):m.end(2) + 3]):
            continue  # a score ("4-2", "3-3") is one value, never two counts
        if _CLOCK_AFTER.match(c.text[m.end():]):
            continue  # "a 6 p.m. curfew", "about 3 pm": a time of day the date grammar left, no count
        if _INCREMENT.search(c.text[: m.start()]):
            continue  # "an additional 178 killed": a part of a total, not the total
        before = c.text[max(0, m.start() - 40):m.start()]
        if _PART_BEFORE.search(before) or _PART_AFTER.match(c.text[m.end():]) or (
                _GROUP_BEFORE.search(before) and _IS_AFTER.match(c.text[m.end():])):
            continue  # "of whom 97 were women", "Of the dead, 101 are female", "37 of the injured": a part
        value = float(m.group(2).replace(",", "")) * {"million": 1e6, "billion": 1e9}.get(m.group(3) or "", 1)
        if m.group(3) is None and re.fullmatch(r"(19|20)\d\d", m.group(2)):
            continue  # a year the entity recogniser missed
        lo, hi = _hedged((m.group(1) or "").lower(), value)
        open_end = _OPEN_END.match(c.text[m.end():])
        if open_end:  # "magnitude 6.0 or greater", "50 or fewer"
            lo, hi = (lo, float("inf")) if open_end.group(1).lower() in ("greater", "more", "higher", "above") \
                else (0.0, hi)
        key = _measure(c.text, m.start(), m.end())
        if key:
            place = _PLACE_AFTER.match(c.text[m.end():])
            out.append(Figure(lo, hi, m.group(0).strip(), key, _subject(c.text, m.start(), m.end()),
                              m.start(), m.end(), bool(_RISEN.search(before)), place.group(1) if place else None))
    return out


def _apart(a: Figure, b: Figure) -> bool:
    """Values that cannot both be true: intervals that do not meet, or two ceilings of one
    measure that differ ("winds of up to 225 km/h" / "up to 177 km/h": each the greatest)."""
    if a.hi < b.lo or b.hi < a.lo:
        return True
    return _CEILING.match(a.expression) is not None and _CEILING.match(b.expression) is not None and a.hi != b.hi


_CEILING = re.compile(r"up to\b", re.I)


def written(f: Figure) -> float:
    """The value as written: a ceiling's top ("up to 225"), else its floor ("at least 41", "12")."""
    return f.hi if f.lo == 0.0 and f.hi != float("inf") else f.lo


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


ROUND_SHARE = 0.05  # a round number (a multiple of ten) this close to a measured one stands for it
_NUMERAL = re.compile(r"(\d[\d,]*)(?:\.(\d+))?\s*(million|billion|bn|m\b|b\b)?", re.I)


NEAR_SHARE = 0.01  # two counts of one thing this close are one count at two stages ("4.66 million" / "4,671,021")


def _near(a: Figure, b: Figure) -> bool:
    top = max(a.lo, b.lo)
    return a is not b and 0 < top < float("inf") and abs(a.lo - b.lo) <= NEAR_SHARE * top


def _rounded(a: Figure, b: Figure) -> bool:
    """One value written to fewer places: 51.9 and 52, $82.29 billion and $82.3 billion (never
    two values written to the same places: 31 and 32 are two counts)."""
    ma, mb = _NUMERAL.search(a.expression), _NUMERAL.search(b.expression)
    if not ma or not mb or (ma.group(3) or "").lower()[:1] != (mb.group(3) or "").lower()[:1]:
        return False
    places = [len(m.group(2) or "") for m in (ma, mb)]
    if places[0] == places[1]:
        return False
    values = [float(m.group(1).replace(",", "") + "." + (m.group(2) or "0")) for m in (ma, mb)]
    whole = next((v for v, p in zip(values, places) if p == 0), None)
    if whole is not None and whole >= 10 and whole % 10 == 0 and abs(values[0] - values[1]) <= ROUND_SHARE * whole:
        return True  # "40 seconds" / "39.1 seconds": a round number for the measured one
    (coarse, few), (fine, _) = sorted(zip(values, places), key=lambda t: t[1])
    return round(fine, few) == coarse


_OFFSET = re.compile(r"\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+"
                     r"(?:after|later|before|earlier|into|ago|from|since)\b", re.I)


_CONVERSION_BEFORE = re.compile(r"\d[\d,.]*\s*(?:[A-Za-z]+\s+){0,2}[A-Za-z€£¥$]*\s*\(\s*[A-Z]{0,3}\s*$")


_AGAINST = re.compile(r"^[^.;]{0,30}?\b(?:against|versus|vs\.?|relative to|compared with) (?:the |a |an )?([\w-]+)", re.I)


def _against(text: str, f: Figure) -> str | None:
    """What a change is measured against, told right after it ("rose 28 per cent against the dollar")."""
    m = _AGAINST.match(text[f.end:])
    return m.group(1).lower() if m else None


def _converted(text: str, f: Figure) -> bool:
    """The figure converts the one before it into another currency or unit, in brackets:
    "18 billion won ($16.8 million)", "72km (45 miles)"."""
    return _CONVERSION_BEFORE.search(text[:f.start]) is not None


def _time_use(text: str, f: Figure) -> str:
    """ "moment" for a time told from another ("40 minutes after the impact"), else "while"."""
    return "moment" if _OFFSET.match(text[f.end:]) else "while"


_AVERAGE = re.compile(r"\b(?:averag(?:e|ed|es|ing)|mean|per (?:game|match|day|year|capita|head)|a (?:game|match))\b", re.I)


def _averaged(text: str, f: Figure) -> bool:
    """An average ("averaged 29.7 points, 11.3 rebounds"), told in the figure's clause: never the same
    quantity as a single count."""
    stops = [m.start() for m in _CLAUSE_STOP.finditer(text)]  # "29.7" keeps its point
    clause_start = max((i for i in stops if i < f.start), default=-1) + 1
    clause_end = min((i for i in stops if i >= f.end), default=len(text))
    return bool(_AVERAGE.search(text[clause_start:clause_end]))


_CLAUSE_STOP = re.compile(r"[.;:](?=\s|$)")


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words after the figure (to the clause's end) and before it (nearest first)."""
    after = re.split(r"[,;.(]", text[end:], maxsplit=1)[0].replace("-", " ").split()[:4]
    clauses = re.split(r"[,;.)]", text[:start])
    # a figure opening its clause ("the dead, at least 41 so far") reads across the comma
    if len(clauses) > 1 and not clauses[-1].strip():
        clauses = clauses[:-1]
    before = clauses[-1].replace("-", " ").split()[-4:][::-1]
    def clean(ws: list[str]) -> list[str]:
        return [w.lower().strip("\"'”’,:") for w in ws]
    return clean(after), clean(before)


@lru_cache(maxsize=1 << 14)
def _is_measure(word: str) -> str | None:
    return next((key for key, pattern in MEASURES.items() if re.match(pattern, word)), None)


def _measure(text: str, start: int, end: int) -> str | None:
    """What the figure counts: a measure word right after it (up to the clause's end) or
    right before it; else the first specific noun after it ("2 reactors")."""
    after, before = _words_around(text, start, end)
    # "10 were killed and 80 trapped": a measure word before "and" (or another figure) is that
    # figure's, not this one's
    cut = next((k for k, w in enumerate(before) if w in ("and", "or") or any(c.isdigit() for c in w)), len(before))
    for word in after + before[:cut]:
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


_SHARE_WORDS = frozenset({"percent", "per", "pct", "%"})
_SHARE_OF = re.compile(r"\s*(?:percent|per cent|pct|%)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                       r"(?:[\d.,]+\s*(?:million|billion|m|bn)?\s+)?([a-z]+)\b", re.I)


def _subject(text: str, start: int, end: int) -> str | None:
    """What the figure is a figure of, when named beside it: "a 4.1 tremor", "the storm
    had a category of 3", "a storm with a category of 4"."""
    after, before = _words_around(text, start, end)
    after = [w for w in after if not _is_measure(w)]
    if after and after[0] in _SHARE_WORDS:  # "99 percent of ballot boxes" / "88 percent of the 64 million voters"
        share = _SHARE_OF.match(text[end:])
        return share.group(1).lower().rstrip("s") if share else None
    if after and after[0].isalpha() and after[0] not in _STOP | _GENERIC_COUNTED:
        return after[0]
    if before and before[0] in ("of", "at"):
        rest = [w for w in before[1:] if w not in _STOP and w.isalpha()]
        if len(rest) >= 2 and _is_measure(rest[0]):
            return rest[1]
    return None


def same_thing(a: Figure, b: Figure) -> bool:
    if a.key != b.key or a.place and b.place and a.place != b.place:
        return False  # another measure, or counted in another place ("in Bangkok" / "in Mandalay")
    if a.subject and b.subject:
        return a.subject == b.subject or a.subject.endswith(b.subject) or b.subject.endswith(a.subject)
    return not (a.subject or b.subject)  # "72 Germans" is a part of "all 150 on board"


# The thing a count of places or units is the reach of: "53 airports in 18 countries" -> airports
_OWNER = re.compile(r"\b([A-Za-z][\w'’-]+)\s+(?:in|across|from|at)\s+$", re.I)


def _owner(text: str, f: Figure) -> str | None:
    m = _OWNER.search(text[:f.start])
    return m.group(1).lower()[:5] if m and m.group(1).lower() not in _STOP else None


def _owners_differ(ta: str, fa: Figure, tb: str, fb: Figure) -> bool:
    """Both counts give what they are the reach of, and it is not the same thing."""
    a, b = _owner(ta, fa), _owner(tb, fb)
    return a is not None and b is not None and a != b


def placed_elsewhere(f: Figure, other: str) -> bool:
    """A count of one place ("237 injured in Examplia") beside a sentence that never names that
    place: the other count is of somewhere else, or of everywhere, not of the same thing."""
    return bool(f.place) and re.search(rf"\b{re.escape(f.place)}\b", other) is None


def _close(a: Figure, b: Figure) -> bool:
    """Within a third of each other: two counts of one thing (31 vs 40 dead), not a local
    count beside a national one (3 injured at one school)."""
    x, y = sorted((a.hi if a.hi != float("inf") else a.lo, b.hi if b.hi != float("inf") else b.lo))
    return x > 0 and x / y >= 2 / 3


def _as_of(text: str) -> str | None:
    m = _AS_OF.search(text)
    return m.group(1).lower() if m else None


PAST_DAYS = 365  # a sentence dated this long before the story's latest date tells another event


def _of_the_past(c: Claim, latest) -> bool:
    """ "A 1993 crash at the same airport killed 68": every date of the sentence a year or more
    before the story's latest date: its count is of another event, not this one's."""
    return latest is not None and bool(c.dates) and all((latest - d.interval.last).days >= PAST_DAYS for d in c.dates)


# Timed from a moment the sentence does not date: "an hour later", "close to an hour after the quake"
_TIMED_FROM = re.compile(LATER_INSIDE.pattern + r"|\b(?:seconds?|minutes?|hours?|days?|weeks?) after (?:the|that|this|it)\b",
                         re.I)


def _dates_apart(ci: Claim, cj: Claim) -> bool:
    """Both sentences dated, on days that do not meet: two events (a storm, then a second one);
    or one dated while the other is timed from a moment it does not name ("an aftershock hit an
    hour later" / "an aftershock was felt on Sunday"): two events unless shown otherwise."""
    if bool(ci.dates) != bool(cj.dates) and _TIMED_FROM.search((cj if ci.dates else ci).text):
        return True
    return bool(ci.dates and cj.dates) and not any(a.overlaps(b) for a in ci.dates for b in cj.dates)


# Counts that grow or shrink as the news goes on: two outlets writing on different days give
# two moments of one count ("2,012 dead" on Saturday, "at least 2,122" on Sunday), not a disagreement;
# so do two whose day is not known. Only two written on the same day disagree.
EVOLVING = frozenset({"deaths", "injured", "missing", "displaced", "arrested"})
# A count told at a stage of its counting: "with 98% of polling stations counted", "with more
# than 99 percent of ballots in"; two such tallies are one count at two moments
_COUNTING_STAGE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)\s+of\s+(?:the\s+)?(?:all\s+)?"
                             r"(?:votes?|ballots?|polling (?:stations|places)|precincts|districts|returns|stations)\b",
                             re.I)


def number_conflicts(al: Alignment, related: float, days: dict[str, str] | None = None) -> list[Conflict]:
    """Same measure of the same thing, at the same time, intervals that cannot both be true:
    between sentences of different sources similar enough to be about the same thing, figures
    close enough to be two counts of one thing (not a total and a part), never two values
    one source gives itself (a score, a vote share, a total and an estimate), never counts
    each dated at another time ("as of Saturday" / "as of Sunday")."""
    figs = [figures(c) for c in al.claims]
    latest = max((d.interval.last for c in al.claims for d in c.dates), default=None)
    given: dict[str, set[float]] = {}  # source -> every value it gives, of any measure
    by_source: dict[str, list[Figure]] = {}  # source -> its figures
    for c, fs in zip(al.claims, figs):
        for f in fs:
            given.setdefault(c.sid, set()).update({f.lo, f.hi} - {0.0, float("inf")})
            by_source.setdefault(c.sid, []).append(f)
    n = len(al.claims)
    out = []
    for i in range(n):
        if not figs[i]:
            continue
        for j in range(i + 1, n):
            ci, cj = al.claims[i], al.claims[j]
            if not figs[j] or ci.sid == cj.sid or _dates_apart(ci, cj) or al.sim[i, j] < related \
                    or _of_the_past(ci, latest) or _of_the_past(cj, latest):
                continue
            for fa in figs[i]:
                for fb in figs[j]:
                    if not same_thing(fa, fb) or not _apart(fa, fb) or fa.rising or fb.rising:
                        continue
                    if _owners_differ(ci.text, fa, cj.text, fb):
                        continue  # "airports in 18 countries" / "employees in 16 countries": two things' reach
                    if placed_elsewhere(fa, cj.text) or placed_elsewhere(fb, ci.text):
                        continue  # "237 injured in Examplia" / "4,718 injured" where Examplia is never named
                    if written(fb) in given.get(ci.sid, ()) or written(fa) in given.get(cj.sid, ()):
                        continue  # one source gives both values: two different things
                    if _rounded(fa, fb):
                        continue  # "51.9" / "52": one value, rounded
                    baselines = _against(ci.text, fa), _against(cj.text, fb)
                    if all(baselines) and baselines[0] != baselines[1]:
                        continue  # "41 per cent against the euro" / "28 per cent against the dollar": two measures
                    if _converted(ci.text, fa) or _converted(cj.text, fb):
                        continue  # "77.4 billion won ($72.3 million)": a conversion, at each outlet's rate and currency
                    if any(_rounded(fa, g) for g in by_source[cj.sid] if g.key == fb.key) \
                            or any(_rounded(g, fb) for g in by_source[ci.sid] if g.key == fa.key):
                        continue  # the other source gives this value too, rounded: its other one is another quantity
                    if any(_near(fa, g) for g in by_source[cj.sid] if g.key == fb.key) \
                            and any(_near(g, fb) for g in by_source[ci.sid] if g.key == fa.key):
                        continue  # each gives the other's value nearly ("4.66 million" / "4,671,021"): two quantities paired wrong
                    if _time_use(ci.text, fa) != _time_use(cj.text, fb):
                        continue  # "40 minutes after the impact" / "for almost 45 minutes": a moment, a while
                    if _averaged(ci.text, fa) != _averaged(cj.text, fb):
                        continue  # "averaged 29.7 points" over a series / "32 points" in one game
                    if fa.key not in MEASURES and not (_close(fa, fb) or max(fa.lo, fb.lo) <= SMALL):
                        continue  # "after 120 minutes" / "in the last 10 minutes": two spans
                    if _PROJECTED.search(ci.text) or _PROJECTED.search(cj.text):
                        continue  # "was forecast to win 36 seats" / "won 37 seats": a forecast, then the count
                    if fa.key in EVOLVING and (days is None or days.get(ci.sid) is None
                                               or days.get(ci.sid) != days.get(cj.sid)):
                        continue  # written on two days, or on days not known: the count then and the count later
                    if _COUNTING_STAGE.search(ci.text) or _COUNTING_STAGE.search(cj.text):
                        continue  # "with 98% of polling stations counted": a tally on its way, not the result
                    qualified = _as_of(ci.text), _as_of(cj.text)
                    if all(qualified) and qualified[0] != qualified[1]:
                        continue  # "as of Saturday" / "as of Sunday": counts at two times
                    out.append(Conflict(i, j, f"Figures ({fa.key})", fa.expression, fb.expression))
    return out


# ---------------------------------------------------------------- ages

# "Greg McMichael, 65, ...": a person's age in apposition, the way news copy gives it
_AGE = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),\s+(\d{1,3})(?=[,;)])")
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@dataclass(frozen=True)
class Age:
    first: str
    surname: str
    years: int
    expression: str


def ages(c: Claim) -> list[Age]:
    """The ages the claim gives people it names with a first name and a surname."""
    out = []
    for m in _AGE.finditer(c.text):
        words = [w for w in m.group(1).split() if w.lower() not in _NAME_SUFFIXES]
        years = int(m.group(2))
        if len(words) >= 2 and 0 < years <= 120:
            out.append(Age(words[-2].lower(), words[-1].lower(), years, m.group(0)))
    return out


def _same_person(a: Age, b: Age) -> bool:
    """One person, their first name written in full or short ("Greg" / "Gregory"), never two
    of one family ("Travis" / "Greg McMichael")."""
    return a.surname == b.surname and (a.first.startswith(b.first) or b.first.startswith(a.first))


def age_conflicts(al: Alignment) -> list[Conflict]:
    """One person given different ages by different sources ("Greg McMichael, 65" / "Gregory
    McMichael, 67"): never by a source that gives both (it tells two times or two people)."""
    found = [(i, a) for i, c in enumerate(al.claims) for a in ages(c)]
    given: dict[str, list[Age]] = {}
    for i, a in found:
        given.setdefault(al.claims[i].sid, []).append(a)
    out = []
    for k, (i, a) in enumerate(found):
        for j, b in found[k + 1:]:
            si, sj = al.claims[i].sid, al.claims[j].sid
            if si == sj or a.years == b.years or not _same_person(a, b):
                continue
            if any(_same_person(x, b) and x.years == b.years for x in given[si]) or \
                    any(_same_person(x, a) and x.years == a.years for x in given[sj]):
                continue
            out.append(Conflict(i, j, "Ages", a.expression, b.expression))
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


def _ordinal(rank: str) -> bool:
    """ "third" counts in order; "second-largest" ranks by size: the two never contradict."""
    return rank in ("first", "second", "third", "last", "only")


def descriptor_conflicts(al: Alignment, related: float) -> list[Conflict]:
    """Different ranks claimed for the same thing: "the first country" vs "the second
    country". A rank for a narrower group ("the first European country") is compatible."""
    recs = [records(c) for c in al.claims]
    out = []
    for i, j in _pairs(al, related):
        for rank_a, what_a, text_a in recs[i]:
            for rank_b, what_b, text_b in recs[j]:
                # "the first country" / "the first major world power" can both be true; "the
                # first country" / "the second country" cannot
                if rank_a != rank_b and _same_what(what_a, what_b) and _ordinal(rank_a) == _ordinal(rank_b):
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
    # the pair that names the dispute gives its two sources' variants: each states its value
    variants: dict[str, str] = {al.claims[i].sid: al.claims[i].text for i in (first.a, first.b)}
    for k in sorted(group, key=lambda k: (al.claims[k.a].sid, al.claims[k.a].order)):
        for i in (k.a, k.b):
            variants.setdefault(al.claims[i].sid, al.claims[i].text)
    text = f'{first.kind} differ: "{first.value_a}" vs "{first.value_b}"'
    return Unknown("disputed", text, tuple(sorted(variants)), dict(sorted(variants.items())))
