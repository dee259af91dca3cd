"""Verify before selecting: each candidate point becomes a line only when it passes.

A point (a fact and the sentences of every source that state it, from alignment) is shown
as one sentence. Which one is decided here, per candidate sentence of the point:
  - it must stand alone (resolved from its own source when it leans on the sentence before:
    generator.sections.claims.resolve), with balanced quotation marks, not cut off;
  - its support is counted per source: a source counts only when one of its sentences states
    what the line states (most of its words, every number, every date, the names, the same
    polarity) and the verification gate's support rule agrees (generator.text.support);
    a source giving another value is never support. Sources beyond the aligned ones are
    checked too: a fact said in other words elsewhere is still the same point;
  - the best-supported sentence is shown, and its count is exactly the sources verified.
A point that says again what a line already on the page says (in any section) is skipped,
not held: one fact, one place. A point none of whose sentences passes is held with its reason;
so is one that only a source with garbled text makes, and one giving a toll lower than a line
already shown gives (the count at an earlier time, read as a second figure: `earlier_count`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from generator.models import AnalysedArticle, Held
from generator.sections.claims.alignment import ATTRIBUTION, Alignment, Claim, Point, clarity, stem
from generator.sections.claims.discrepancies import (EVOLVING, MEASURES, figures, placed_elsewhere, same_thing,
                                                     written)
from generator.sections.claims.resolve import standalone
from generator.text.support import NEGATION, names, numbers, prepared, why_unsupported

COVER = 0.6  # share of a line's words (weighted) a source's sentence must state to count as its support
COMMON_SHARE = 0.6  # a word this share of the sources use is the story's own vocabulary
TOLD_SHARE = 0.5  # a thing this share of the sources speak of is known to a reader of the page
# Light verbs say little of what a sentence states.
LIGHT = frozenset({"say", "make", "take", "become", "do", "go", "get", "have", "be", "come", "give", "also"})
# One word standing for another in news copy, as stems.
SYNONYMS = {"nation": "countr", "formal": "offici", "formally": "offici", "officially": "offici",
            "chief": "ceo", "execut": "ceo", "kill": "death", "killed": "death", "dead": "death",
            "die": "death", "died": "death", "fatali": "death", "injure": "injury", "wound": "injury",
            "seize": "take", "seized": "take", "took": "take", "toll": "death"}
NEAR = 0.3  # a sentence of another source this similar may state the line in other words
REPEAT_SIM = 0.55  # a candidate this similar to a line already shown ...
REPEAT_COVER = 0.6  # ... or with this share of its words already shown, says it again
# Facts are told in other words more often than plans: a fact this similar to one shown, with this
# share of its words shown, is the same fact ("crowds swimming in the pool" / "jumping in his pool").
FACT_REPEAT_SIM, FACT_REPEAT_COVER = 0.45, 0.35
REPEAT_PARAPHRASE = 0.75  # this similar, it says it again whatever it adds
RETOLD_WORDS, RETOLD_SHARE = 2, 0.5  # a fact's own words shared with a fact shown: the same fact retold
BACKED_COVER = 0.3  # a sentence counted as a shown line's support, with this share of its words shown
# Counts that grow as the news goes on, bodies recovered among them ("32 bodies recovered so far" / "68")
COUNTED_SO_FAR = EVOLVING | {"bodies"}
PART_SHARE = 0.1  # a count under this share of a larger one of the same measure counts something else
FLOOR_SHARE = 0.9  # "more than 2,000" beside "2,012": the floor is the same count, rounded
_RATE = re.compile(r"\b(?:each|every|a|per) (?:year|month|week|day)\b|\bannually\b", re.I)
# "In Tibet, at least 12 died": a count of the place the line opens on, not the story's total
_PLACE_FIRST = re.compile(r"^\W*(?:In|Across|Elsewhere in|Outside) ((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*),")
MAX_TRIED = 6  # sentences of a point tried as its shown line
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
FIGURE_REPEAT_SIM = 0.35  # two lines giving the same figures and this similar tell one fact


def _values(text: str) -> set[float]:
    out = set()
    for m in _FIGURE.finditer(text):
        v = float(m.group(0).replace(",", ""))
        if not (1900 <= v <= 2100 and "." not in m.group(0)):  # years date a fact, they do not measure it
            out.add(v)
    return out


def _same_figures(a: str, b: str, sim: float) -> bool:
    """Two lines giving the same figures, however rounded ("52 percent to 48" / "51.9% to
    48.1%"): two of them, or one and a similar sentence."""
    va, vb = _values(a), _values(b)
    same = {x for x in va if any(abs(x - y) <= max(0.5, 0.01 * max(x, y)) for y in vb)}
    exact = {x for x in same if x in va and x in vb and x != int(x)}  # "71.8%" twice: one figure
    return len(same) >= 2 or bool(exact) or (len(same) == 1 and sim >= FIGURE_REPEAT_SIM and max(same) >= 10)


def _shared_phrase(a: Claim, b: Claim, common: frozenset[str]) -> bool:
    """Three content words in a row that both sentences say ("declared a state of emergency"),
    not all of them the story's own vocabulary: the same fact told twice."""
    def runs(c: Claim) -> set[tuple[str, ...]]:
        words = [canonical(w) for w in c.lemmas if w not in ATTRIBUTION]
        return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}
    return any(not set(run) <= common for run in runs(a) & runs(b))


# A share of something named ("a quarter of the city"): two facts giving the same share of the
# same thing tell one fact, however its words differ ("has disappeared" / "was washed away").
_SHARE = re.compile(r"\b(half|third|quarter|fifth|tenth|two[- ]thirds|three[- ]quarters) of (?:the |its |their |a )?"
                    r"([a-z-]+(?: [a-z-]+)?)", re.I)
_NOT_THE_THING = frozenset("has have had is are was were been be will would could may might all them those these "
                           "that which who".split())


def _shares(text: str) -> set[tuple[str, str]]:
    """(share, thing) pairs: "a quarter of the coastal city" -> (quarter, coastal), (quarter, city)."""
    return {(m.group(1).lower().replace("-", " "), stem(w)) for m in _SHARE.finditer(text)
            for w in m.group(2).lower().split() if w not in _NOT_THE_THING and len(w) > 2}


# The question an open question asks, by its question word and the verb after it: "It is unclear
# what caused the roof to fall" and "Engineers do not yet know what caused the collapse" ask one.
_ASKS = re.compile(r"\b(what|why|how|who|which)\s+([a-z]{3,}ed)\b", re.I)


def _asks(text: str) -> set[tuple[str, str]]:
    return {(m.group(1).lower(), stem(m.group(2).lower())) for m in _ASKS.finditer(text)}


def _kind(c: Claim) -> str:
    return c.cue if c.cue in ("next", "open_question") else "fact"


@lru_cache(maxsize=1 << 16)
def canonical(word: str) -> str:
    """A lemma as compared across sources: its stem, or the stem of the word it stands for."""
    w = stem(word.lower())
    return SYNONYMS.get(w, SYNONYMS.get(word.lower(), w))


@dataclass(frozen=True)
class Line:
    """A verified line: its text, the claim it shows, the sources that state it."""

    text: str
    claim: int  # index into Alignment.claims
    sources: tuple[str, ...]
    members: tuple[int, ...]  # the claims it stands for (for repeats)
    stems: frozenset[str]  # its content words, stemmed
    sentences: frozenset[tuple[str, int]] = frozenset()  # (source, sentence index) it is made of
    backing: frozenset[int] = frozenset()  # the claims, one per source, that state it


@dataclass
class Page:
    """The lines chosen so far, in page order, and the lines held back."""

    al: Alignment
    items: dict[str, AnalysedArticle]
    garbled: frozenset[str] = frozenset()
    commentary: frozenset[str] = frozenset()  # opinion pieces: no claim rests on them alone
    lines: list[Line] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)
    common: frozenset[str] = frozenset()  # stems most sources use: the story's own vocabulary
    told: frozenset[str] | None = None  # stems two sources or more use (None: too few sources to tell)
    facts: set[int] = field(default_factory=set)  # claims shown as facts (In brief, Background, What we know)
    section_of: dict[int, str] = field(default_factory=dict)  # shown claim -> its section
    counts: dict[int, frozenset] = field(default_factory=dict)  # claim -> its counts of a measure (memo)
    figs: dict[int, list] = field(default_factory=dict)  # claim -> its figures (memo: read against every line shown)

    def __post_init__(self) -> None:
        used: dict[str, set[str]] = {}
        for c in self.al.claims:
            for w in c.lemmas:
                used.setdefault(canonical(w), set()).add(c.sid)
        n = len({c.sid for c in self.al.claims})
        self.common = frozenset(w for w, sids in used.items() if n > 2 and len(sids) >= COMMON_SHARE * n)
        # the words two sources or more use: a noun the story tells of (resolve.standalone's `told`)
        self.told = frozenset(w for w, sids in used.items() if len(sids) >= max(2, TOLD_SHARE * n)) if n > 2 else None
        self._verified: dict[tuple, tuple[Line | None, str | None]] = {}

    def fill(self, section: str, points: Sequence[Point], limit: int, hold: bool = True,
             accept=None, facts: bool = True) -> list[Line]:
        """The first `limit` points that verify, in the order given, each line accepted by
        `accept` (a section's own test) when given; failures held (if `hold`). Facts are
        checked against the facts already shown for the same fact in other words; an open
        question or a plan only against the same sentence or a close paraphrase (a question
        about a fact is not the fact)."""
        out: list[Line] = []
        for p in points:
            if len(out) >= limit:
                break
            if self.repeats(p, facts):
                continue
            line, reason = self.verify(p)
            if line is not None and accept is not None and not accept(line):
                continue
            if line is None:
                if hold and reason:
                    c = self.al.claims[p.rep]
                    self.held.append(Held(section, c.text, p.sources, reason))
                continue
            if self.repeats_line(line, facts, section):
                continue
            earlier = self.earlier_count(line) if section != "whats_next" else None
            if earlier is not None:
                self.held.append(Held(section, line.text, line.sources, earlier)) if hold else None
                continue
            out.append(line)
            self.facts.add(line.claim) if facts else None
            self.section_of[line.claim] = section
            self.lines.append(line)
        return out

    # ------------------------------------------------------------ one point

    def verify(self, p: Point) -> tuple[Line | None, str | None]:
        """The point's best-supported sentence that passes every check, or why none does."""
        key = (p.rep, p.members)
        if key not in self._verified:
            self._verified[key] = self._verify(p)
        return self._verified[key]

    def _verify(self, p: Point) -> tuple[Line | None, str | None]:
        tried = sorted(p.members, key=lambda i: (i != p.rep, self.al.claims[i].order, self.al.claims[i].sid))
        best: Line | None = None
        first_reason: str | None = None
        for i in tried[:MAX_TRIED]:
            c = self.al.claims[i]
            if c.support_only or (i != p.rep and _kind(c) != _kind(self.al.claims[p.rep])):
                continue  # a plan or an open question is shown in its own words, not a fact's
            resolved = standalone(self.items[c.sid], c.index, c.text, join=_kind(c) == "fact", told=self._told)
            if resolved.text is None:
                first_reason = first_reason or resolved.reason
                continue
            made_of = frozenset((c.sid, k) for k in resolved.sentences)
            # a plan or an open question keeps its whole sentence: a trim could cut the words that make it one
            for text in (trimmed(resolved.text) if _kind(c) == "fact" else [resolved.text]):
                if resolved.stand_in and resolved.stand_in in text:
                    first_reason = first_reason or f"does not stand alone (points to '{resolved.stand_in}')"
                    continue
                stems = self._stems_of(c, resolved.sentences, text)
                found = self.supporting(text, i, stems, p)
                if not found:
                    first_reason = first_reason or "no source states it as shown"
                    continue
                backing = frozenset(j for j in found.values() if j is not None) | {i}
                line = Line(text, i, tuple(sorted(found)), p.members, stems, made_of, backing)
                if best is None or (len(line.sources), self._clarity(p, i)) > (len(best.sources), self._clarity(p, best.claim)):
                    best = line
        if best is None:
            return None, first_reason or "no sentence of it can be shown"
        if set(best.sources) <= self.garbled:
            return None, "only a source whose text is garbled says it"
        if set(best.sources) <= self.commentary | self.garbled:
            return None, "only an opinion piece says it"
        return best, None

    def earlier_count(self, line: Line) -> str | None:
        """Why a fact gives a count that is out of date, or None. A toll grows as the news goes
        on: "about 50 feared dead" shown below "288 killed" reads as a second, conflicting
        figure, not as the first night's count. A count of deaths, injured or missing, lower
        than one of the same thing (same measure, same subject, no other place) on a line
        already shown, is the count at an earlier time; a count this small beside the other
        (`PART_SHARE`) is of something else ("a second blast killed 2")."""
        mine = [f for f in self._figures(line.claim) if f.key in COUNTED_SO_FAR and not f.rising]
        if not mine or _RATE.search(line.text):
            return None  # "flu kills 250,000 people each year": a rate, no toll
        place = _PLACE_FIRST.match(line.text)
        for other in self.lines:
            if other.claim not in self.facts:
                continue
            text = self.al.claims[other.claim].text
            for g in self._figures(other.claim):
                for f in mine:
                    low, high = written(f), g.lo
                    # below it, or a floor well below it ("at least 1,760" / "3,549"; not "more than 2,000" / "2,012")
                    below = f.hi < high or f.hi == float("inf") and low < FLOOR_SHARE * high
                    if same_thing(f, g) and below and low >= PART_SHARE * high and not placed_elsewhere(f, text) \
                            and not placed_elsewhere(g, line.text) \
                            and not (place and re.search(rf"\b{re.escape(place.group(1))}\b", text) is None):
                        return f"an earlier count ({f.expression}): the page gives a later one ({g.expression})"
        return None

    def _told(self, noun: str) -> bool:
        return self.told is None or canonical(noun) in self.told

    def _clarity(self, p: Point, i: int) -> float:
        """How well a sentence stands for its point (close to the others, readable): breaks ties."""
        return clarity(self.al.claims, self.al.sim, p.members, i)

    def _stems_of(self, c: Claim, sentences: Sequence[int], text: str) -> frozenset[str]:
        """The line's content words as stemmed lemmas (only those whose word the line keeps)."""
        item = self.items[c.sid]
        lemmas = [w for i in sentences for w in item.analysis.sentences[i].lemmas] or list(c.lemmas)
        shown = {w[:4] for w in re.findall(r"[a-z]+", text.lower())}
        return frozenset(stem(w) for w in lemmas if w not in ATTRIBUTION and _WORD.match(w) and not w.isdigit()
                         and w[:4] in shown)

    def support(self, text: str, shown: int, stems: frozenset[str], p: Point) -> tuple[str, ...]:
        return tuple(sorted(self.supporting(text, shown, stems, p)))

    def supporting(self, text: str, shown: int, stems: frozenset[str], p: Point) -> dict[str, int | None]:
        """Every source that states `text`, with the claim of it that does (None: the shown
        sentence's own source): each member's, and any other source whose close sentence
        states it in other words."""
        claims, sim = self.al.claims, self.al.sim
        c = claims[shown]
        by_source: dict[str, list[int]] = {}
        for j in p.members:
            by_source.setdefault(claims[j].sid, []).append(j)
        for j in np.nonzero(sim[shown] >= NEAR)[0].tolist():
            by_source.setdefault(claims[j].sid, []).append(j)
        out: dict[str, int | None] = {}
        for sid in sorted(set(by_source) | {c.sid}):
            source = prepared(self.items[sid].article.text)
            if why_unsupported(text, source) is not None:
                continue
            if sid == c.sid:
                out[sid] = None
                continue
            j = next((j for j in dict.fromkeys(by_source[sid]) if self.states(text, c, stems, claims[j])), None)
            if j is not None:
                out[sid] = j
        return out

    def states(self, text: str, shown: Claim, stems: frozenset[str], other: Claim) -> bool:
        """Does `other` (a sentence of another source) state the line? Most of its words,
        every number, every date, its names, the same polarity."""
        if self.coverage(stems - {stem(w) for w in shown.names}, other) < COVER:
            return False
        if not numbers(text) <= numbers(other.text):
            return False
        dates = [d for d in shown.dates if d.expression in text]
        if dates and not all(any(d.overlaps(o) for o in other.dates) for d in dates):
            return False
        low = other.text.lower()
        source_text = self.items[other.sid].article.text.lower()
        theirs = [n for n in names(other.text) if n.lower() not in text.lower()]
        for n in names(text):
            if n.lower() not in low and (theirs or n.lower() not in source_text):
                return False
        return bool(NEGATION.search(text)) == bool(NEGATION.search(other.text))

    def coverage(self, told: frozenset[str], other: Claim) -> float:
        """Share of the line's words that `other` states, weighted: the story's own vocabulary
        (words most sources use) and light verbs count half, one word standing for another
        in news copy ("nation"/"country") counts as the same."""
        if not told:
            return 1.0
        have = {canonical(w) for w in other.lemmas} | {canonical(w) for w in other.names}
        weight = {w: (0.5 if w in self.common or w in LIGHT else 1.0) for w in {canonical(x) for x in told}}
        own = [w for w, v in weight.items() if v == 1.0]
        if own and sum(w in have for w in own) * 2 < len(own):
            return 0.0  # the story's vocabulary alone ("the match", "extra time") is not the fact
        return sum(v for w, v in weight.items() if w in have) / sum(weight.values())

    # ------------------------------------------------------------ repeats

    def repeats(self, p: Point, facts: bool = True) -> bool:
        """A point whose shown sentence is already a line, or (a fact) already counted as
        stating one."""
        return any(p.rep == line.claim or facts and p.rep in line.backing for line in self.lines)

    def _counts(self, claim: int) -> frozenset:
        """The claim's counts of a measure ("9 deaths"): two lines giving one are the story's
        toll told twice ("officials confirmed 9 deaths" / "the quake killed 9 people")."""
        if claim not in self.counts:
            self.counts[claim] = frozenset((f.key, f.lo, f.hi, f.subject) for f in self._figures(claim)
                                           if f.key in MEASURES)
        return self.counts[claim]

    def _figures(self, claim: int) -> list:
        if claim not in self.figs:
            self.figs[claim] = figures(self.al.claims[claim])
        return self.figs[claim]

    def repeats_line(self, line: Line, facts: bool = True, section: str = "") -> bool:
        """The line says what a line on the page says: the same sentence, a close paraphrase,
        or similar with most of its words already shown."""
        backed = [other for other in self.lines if line.claim in other.backing]
        if len(backed) >= 2:
            return True  # a sentence packing facts already shown, each stated by it
        for other in self.lines:
            if line.claim == other.claim or line.sentences & other.sentences:
                return True
            s = max(self.al.sim[line.claim, other.claim], self.al.sim[other.claim, line.claim])
            told = line.stems
            covered = len(told & other.stems) / len(told) if told else 1.0
            if other in backed and covered >= BACKED_COVER:
                return True
            # the same fact in other words: one of the two sentences states the other line
            mine, theirs = self.al.claims[line.claim], self.al.claims[other.claim]
            alike = other.claim in self.facts if facts else self.section_of.get(other.claim) == section
            if alike and _shared_phrase(mine, theirs, self.common):
                return True
            if alike and (self.states(line.text, mine, line.stems, theirs)
                          or self.states(other.text, theirs, other.stems, mine)):
                return True
            if _same_figures(line.text, other.text, s) or self._counts(line.claim) & self._counts(other.claim):
                return True
            if alike and _shares(line.text) & _shares(other.text):
                return True  # the same share of the same thing
            if section == "open_question" and self.section_of.get(other.claim) == section \
                    and _asks(line.text) & _asks(other.text):
                return True  # the same question asked twice
            if s >= REPEAT_PARAPHRASE or (s >= REPEAT_SIM and covered >= REPEAT_COVER) or covered >= 0.85:
                return True
            own = told - self.common  # the story's own vocabulary is in every line: it tells nothing apart
            if facts and other.claim in self.facts and s >= FACT_REPEAT_SIM and own and \
                    len(own & other.stems) / len(own) >= FACT_REPEAT_COVER:
                return True
            # the words that make the fact (not the story's own) mostly shared with a fact shown:
            # "Fire crews resumed work on Monday" / "Firefighters have resumed work after a pause"
            theirs_own = other.stems - self.common
            shared = own & theirs_own
            if facts and other.claim in self.facts and len(shared) >= RETOLD_WORDS \
                    and len(shared) >= RETOLD_SHARE * min(len(own), len(theirs_own)):
                return True
        return False


# A side clause a sentence may be trimmed of: "..., becoming the first to do so since the group
# seized power in 2021." -> "..., becoming the first to do so." Clauses that change what the
# main clause means ("unless", "if", "but", "although") are never cut, nor a phrase the verb
# needs ("working with federal agencies", "known as ..."); "which", "who", "while" only after a comma.
_SIDE_CLAUSE = re.compile(r"(?:,?\s+(?:since|after|before|when)|,\s+(?:following|amid|which|who|while|despite))"
                          r"\s+[^,;]*$")
MIN_TRIMMED_WORDS = 7
MAX_TRIMS = 2
# "..., forcing the resignation of the prime minister": a participle phrase adding a second fact
_PARTICIPLE = re.compile(r",\s+(?!including\b|according\b)[a-z]+ing\s+[^,;]*$")


# "The quake is the deadliest since a 1985 quake": the "since" bounds the superlative; without it
# the line says "the deadliest ever", which no source says.
_BOUNDED = re.compile(r"\bsince\b", re.I)
_SUPERLATIVE = re.compile(r"\b(?:[a-z]{3,}est|most|least|first|last|only|record|biggest|worst|best|largest|highest|"
                          r"lowest)\b", re.I)


# What a trimmed main clause may not end on: the cut took a phrase it needs ("protection seven
# days [after the second dose]", "broke in the third set and again [after ...]").
_NEEDS_MORE = re.compile(r"\b(?:\d[\d,.]*|and|or|but|nor|than|again|then|just|only|even|right|long|shortly|soon|"
                         r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|moments?|decades?|"
                         r"[a-z]+ly"
                         # a noun phrase's first adjective: "read out in a cheering[, dancing parliament]"
                         r"|(?:a|an|the)\s+[a-z]+ing)$", re.I)


def trimmed(text: str) -> list[str]:
    """The sentence, then the sentence without its last side clause, then without the one
    before (trimmed at most): a source may state the main clause and not the detail a side
    clause adds. A cut that leaves the main clause needing what it took is not made."""
    out = [text]
    body = text.rstrip()
    end = re.search(r"[.!?][\"'”’)\]]*$", body)
    if not end or re.search(r"[\"“”]", body):
        return out
    stop, rest = body[end.start():end.start() + 1], body[: end.start()]
    for _ in range(MAX_TRIMS):
        m = _SIDE_CLAUSE.search(rest) or _PARTICIPLE.search(rest)
        if m and _BOUNDED.search(rest[m.start():]) and _SUPERLATIVE.search(rest[: m.start()]):
            m = _PARTICIPLE.search(rest)  # the superlative goes with what bounds it, or both stay
            if m and _SUPERLATIVE.search(rest[: m.start()]) and _BOUNDED.search(rest[m.start():]):
                m = None
        if not m or len(rest[: m.start()].split()) < MIN_TRIMMED_WORDS:
            break
        cut = re.sub(r",\s+\w+$", "", rest[: m.start()].rstrip(",;: "))  # "..., shortly" left of "shortly after"
        if _NEEDS_MORE.search(cut):
            break
        rest = cut
        out.append(rest + stop)
    return out
