"""Cross-source synthesis: what we know, what we don't, background, what's next, in brief.

synthesise: per story, aligns claim-bearing sentences across sources (generator.sections.claims.alignment)
and sorts them into the page's sections, every statement a source sentence (trimmed at
most) with its citations. Each sentence is shown in one section only:

  - stated uncertainty ("it remains unclear ...") and  -> What we don't know (open_question)
    predictions ("could", "is expected to rise")
  - plans and schedules ("will meet on Friday"), and   -> What's next
    predictions the source files under "What's next:"
  - everything else is a fact, grouped across sources:
      history (dated over a year before the event,     -> Background
        "Since 2019, ...", past perfect, "The backstory:")
      the rest                                         -> What we know, single-source
                                                          points included ("1 of 5 sources")
  - disagreements on checkable values                  -> What we don't know (disputed)
  - single-source claims with a checkable value about  -> What we don't know (single_source),
    the story's main actors, that no other source         taken out of What we know
    corroborates (a few, most central first)
In brief repeats the top of What we know: the most corroborated, newest points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from generator.sections.claims import alignment
from generator.sections.claims import discrepancies
from generator.sections.claims import dating
from generator.text.dates.partial import PartialDate, Precision
from generator.text.dates.vocabulary import WEEKDAYS, alternation
from generator.sections.claims.alignment import Alignment, Claim, Point
from generator.config import Settings
from generator.models import Actor, AnalysedArticle, Held, Item, TimelineEntry, Unknown
from generator.sections.claims import attributions, commentary, garbled
from generator.sections.claims.page import Page

TOP_ACTORS = 6  # the story's main actors, for centrality
MAX_BACKGROUND = 8
MAX_NEXT = 4  # what comes next, the few plans the sources state; more repeat or speculate
MAX_OPEN_QUESTIONS = 8
MAX_SINGLE_SOURCE = 3
_WRITTEN = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                      r"december|\d{4})\b", re.I)
LEAD = 2  # a source's first sentences (its lead) state what happened, when and where
KEY_FIGURE_BY = 2  # In brief's key figure comes no later than its third point
HISTORY_DAYS = 365  # events this long before the news are its history, not its build-up
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass(frozen=True)
class Synthesis:
    summary: tuple[Item, ...] = ()
    background: tuple[Item, ...] = ()
    known: tuple[Item, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    whats_next: tuple[Item, ...] = ()
    held: tuple[Held, ...] = ()  # candidate lines that failed verification, with the reason
    garbled: tuple[str, ...] = ()  # sources whose text reads as garbled (spun or machine-mangled)
    commentary: tuple[str, ...] = ()  # sources that are opinion, not reports (a column)


@dataclass(frozen=True)
class Context:
    """What ranking and sorting need about the story as a whole."""

    al: Alignment
    event: date | None
    actors: tuple[tuple[str, ...], ...]  # each top actor's names, lower-cased
    # where no source dates the news: the latest day any sentence dates its own event ("In 1992,
    # a blast killed 263" is history beside a story that tells of 2012 and after)
    latest: date | None = None


CREDITED_REASON = "a quotation given to two speakers: the parser's reading of one source may be wrong"


def synthesise(items: Sequence[AnalysedArticle], actors: Sequence[Actor],
               timeline: Sequence[TimelineEntry], settings: Settings) -> Synthesis:
    if not items:
        return Synthesis()
    summary_points, max_known, similarity = settings.summary_points, settings.max_known, settings.claim_similarity
    items = sorted(items, key=lambda it: it.source_id)
    al = alignment.align(items, similarity)
    ctx = Context(al, event_date(items, timeline), top_actors(items, actors),
                  max((d.interval.last for c in al.claims for d in c.dates if d.main), default=None))
    claims = al.claims
    oq_pool = [i for i, c in enumerate(claims) if c.cue == "open_question"]
    next_pool = [i for i, c in enumerate(claims) if c.cue == "next"]
    taken = set(oq_pool) | set(next_pool)
    fact_pool = [i for i in range(len(claims)) if i not in taken]
    opens = alignment.select_points(claims, al.sim, similarity, oq_pool)
    nexts = [p for p in alignment.select_points(claims, al.sim, similarity, next_pool) if not happened(ctx, p, items)]
    # "40 are confirmed dead but the toll is expected to rise" also supports the toll
    facts = alignment.select_points(claims, al.sim, similarity, fact_pool, sorted(taken))
    # A source's own "What we don't know:" section, uncorroborated, is an open question.
    opens += [p for p in facts if len(p.sources) == 1 and claims[p.rep].heading == "open_question"]
    facts = [p for p in facts if p not in opens]
    background = [p for p in facts if is_background_point(ctx, p)]
    known = [p for p in facts if p not in background]

    bad = garbled.find(items, al)
    opinion = commentary.find(items)
    page = Page(al, {it.source_id: it for it in items}, frozenset(bad), frozenset(opinion))
    verified = {id(p): page.verify(p)[0] for p in known}
    count = lambda p: len(verified[id(p)].sources) if verified[id(p)] else 0  # noqa: E731
    brief = page.fill("summary", summary(ctx, known, count), summary_points, accept=_reported_fact)
    back = page.fill("background", rank(ctx, background, oldest_first=True), MAX_BACKGROUND, accept=_not_a_quote)
    ranked = sorted(rank(ctx, known), key=lambda p: -count(p))
    singles = [p for p in single_source_points(ctx, [p for p in ranked if count(p) == 1])]
    verdicts = [p for p in ranked if p not in singles and count(p) <= 1 and verdict(ctx, p)]
    page.held.extend(Held("known", claims[p.rep].text, tuple(p.sources), VERDICT_REASON) for p in verdicts)
    shown_known = page.fill("known", [p for p in ranked if p not in singles and p not in verdicts], max_known,
                            accept=_not_a_quote)
    open_lines = page.fill("open_question", rank(ctx, opens), MAX_OPEN_QUESTIONS, facts=False)
    single_lines = page.fill("single_source", singles, MAX_SINGLE_SOURCE)
    next_lines = page.fill("whats_next", rank(ctx, nexts), MAX_NEXT, facts=False)
    people = attributions.surnames(n for a in actors if a.kind == "person" and a.standing == "actor"
                                   for n in (a.name, *a.aliases)) if actors else None
    # a garbled source's wording is no side of a disagreement: the others' values are compared
    disputes = discrepancies.find([it for it in items if it.source_id not in bad], al, similarity, people)
    # who said a quotation is read by the parser, sentence by sentence: two sources giving it to two
    # people is far more often a misreading of one of them than a disagreement (blind readers judged
    # every such line on unseen stories false), so it is held for an editor to look at
    credited = [d for d in disputes if d.text.startswith(attributions.SPEAKER_DISPUTE)]
    page.held.extend(Held("disputed", d.text, d.sources, CREDITED_REASON) for d in credited)
    disputes = [d for d in disputes if d not in credited]
    unknown = ([Unknown("open_question", ln.text, ln.sources) for ln in open_lines] + disputes
               + [Unknown("single_source", ln.text, ln.sources) for ln in single_lines])
    item = lambda ln: Item(ln.text, ln.sources, said=tuple(claims[i].text for i in ln.members))  # noqa: E731
    return Synthesis(
        summary=tuple(map(item, brief)),
        background=tuple(map(item, back)),
        known=tuple(map(item, shown_known)),
        unknown=tuple(unknown),
        whats_next=tuple(map(item, next_lines)),
        held=tuple(page.held),
        garbled=tuple(sorted(bad)),
        commentary=tuple(sorted(opinion)),
    )


def happened(ctx: Context, p: Point, items: Sequence[AnalysedArticle]) -> bool:
    """A plan or schedule whose date had passed when the newest source was written: it is
    no longer what comes next (a completed event is never under What's next)."""
    refs = [d for d in dating.reference_dates(items).values() if d]
    if not refs:
        return False
    newest = max(refs)
    # only written dates ("on July 3", "in 2024"): a weekday's direction depends on tense
    ends = [d.interval.last for i in p.members for d in ctx.al.claims[i].dates if _WRITTEN.search(d.expression)]
    return bool(ends) and max(ends) < newest


# ---------------------------------------------------------------- story context


def event_date(items: Sequence[AnalysedArticle], timeline: Sequence[TimelineEntry]) -> date | None:
    """The news event's day: the day-precise timeline date most sources support, not after
    the newest article; else the story's reference date (its earliest publication)."""
    refs = [d for d in dating.reference_dates(items).values() if d]
    latest = max(refs) if refs else None
    support: dict[date, int] = {}
    for entry in timeline:
        point = PartialDate.from_iso(entry.date)
        if point and point.precision is Precision.DAY and (latest is None or point.first <= latest):
            support[point.first] = support.get(point.first, 0) + len(entry.sources)
    if support:
        return sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return min(refs) if refs else None


def top_actors(items: Sequence[AnalysedArticle], actors: Sequence[Actor]) -> tuple[tuple[str, ...], ...]:
    """The story's main actors, each as the names it goes by: the actor module's ranking
    when it has one, else the named entities found in the most sources."""
    if actors:
        return tuple(tuple(sorted({n.lower() for n in (a.name, *a.aliases) if n}))
                     for a in actors[:TOP_ACTORS])
    sources: dict[str, set[str]] = {}
    mentions: dict[str, int] = {}
    for it in items:
        for e in it.analysis.entities:
            if e.label in ACTOR_LABELS:
                key = alignment.entity_key(e.text, e.label)
                sources.setdefault(key, set()).add(it.source_id)
                mentions[key] = mentions.get(key, 0) + 1
    ranked = sorted(sources, key=lambda k: (-len(sources[k]), -mentions[k], k))
    return tuple((k,) for k in ranked[:TOP_ACTORS] if len(sources[k]) > 1)


def centrality(ctx: Context, p: Point) -> float:
    """Share of the story's top actors that the point's sentences mention."""
    if not ctx.actors:
        return 0.0
    text = " ".join(ctx.al.claims[i].text for i in p.members).lower()
    hits = sum(1 for names in ctx.actors if any(whole_word_in(n, text) for n in names))
    return hits / len(ctx.actors)


def whole_word_in(word: str, text: str) -> bool:
    """re.search(rf"\\b{re.escape(word)}\\b", text), without a pattern to compile for every name
    of every story (hundreds, more than the re module's cache holds: its own patterns were
    compiled again and again)."""
    if not word:
        return re.search(r"\b", text) is not None
    start = text.find(word)
    while start != -1:
        if _boundary(text, start) and _boundary(text, start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """\\b at position i: a word character on one side only (re's word characters: str.isalnum and _)."""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


# ---------------------------------------------------------------- sections


def _since_anchored(c: Claim, span: dating.DateSpan) -> bool:
    """'the first win since the club was relegated in 2009': the date measures how
    long, it does not date the sentence's news (a sentence *opening* with Since does)."""
    before = c.text[: span.start]
    lead = re.match(r"(since|in)\b", span.expression, re.I)  # the expression may hold "since 1985" itself
    if _COMPARED.search(before + (lead.group(1) if lead else "")):  # "its lowest level since 1985", "last seen in 1985"
        return True
    m = re.search(r"\bsince\b[^,;]*$", before, re.IGNORECASE)
    return bool(m) and bool(before[: m.start()].strip(" \"“"))


# A date a record or a level is measured against: it says how long, not when the news happened
# ("its lowest level since 1985", "last seen in 1985"; not "became the biggest retailer in the
# early 1990s", which dates what it tells)
_COMPARED = re.compile(r"\b(?:last (?:seen|recorded|reached|happened)(?:\s+(?:in|on|since))?|(?:lowest|highest|biggest|worst|best|first|"
                       r"largest|deadliest|strongest)\b[^,;.]{0,30}?\bsince)\s*$", re.I)


# Days named from the news itself: a sentence told on them is the news, never its background.
NEWS_DAYS = re.compile(rf"\b(?:on |early |late |last )?(?:{alternation(WEEKDAYS)}|"
                       r"today|tonight|yesterday|this (?:morning|afternoon|evening|week))\b", re.I)


def is_background_claim(ctx: Context, c: Claim, heading: bool = True) -> bool:
    """History: a background cue (or, if asked, a "The backstory:" heading above it), or
    dated over a year before the event; never a sentence reaching into the news period."""
    dates = [d for d in c.dates if not _since_anchored(c, d)]
    cued = c.cue == "background" or (heading and c.heading == "background")
    if NEWS_DAYS.search(alignment.uncertainty.unquoted(c.text)):
        return False  # "had been waiting for a result on Monday": told in the days of the news
    reference = ctx.event or ctx.latest
    if reference is None:
        return cued
    cutoff = reference - timedelta(days=HISTORY_DAYS)
    if any(d.interval.last >= cutoff for d in dates):
        return False
    # a side clause's old date ("breaking the record set in 2017") does not make its sentence history
    return cued or any(d.main for d in dates)


def is_background_point(ctx: Context, p: Point) -> bool:
    """Most of the point's supporting sources tell it as history: a fact that half the
    sources state as current stays in What we know. A source's own "The backstory:"
    heading decides only what that source alone says: writers file current context there."""
    members = [ctx.al.claims[i] for i in p.members]
    votes = [is_background_claim(ctx, c, heading=len(members) == 1) for c in members]
    return sum(votes) * 2 > len(votes)


def _checkable(c: Claim) -> bool:
    """Names a date, a figure or someone by full name: something another source could
    confirm or contradict."""
    figures = re.search(r"\d", alignment.uncertainty.unquoted(c.text))
    full_name = re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+", c.text[1:])
    return bool(c.dates or figures or full_name)


def single_source_points(ctx: Context, known: Sequence[Point]) -> list[Point]:
    """A few claims only one source makes that carry a checkable value about the story's
    main actors (at least half of them): where a reader most needs to know it is unconfirmed."""
    out = []
    for p in known:
        c = ctx.al.claims[p.rep]
        if len(p.sources) == 1 and c.order < 12 and _checkable(c) and centrality(ctx, p) >= 0.5:
            out.append(p)
    return rank(ctx, out)[:MAX_SINGLE_SOURCE]


def specificity(ctx: Context, p: Point) -> float:
    """How much checkable detail the shown sentence carries beyond the main actors: other
    names, dates, figures, quoted words (three or more count fully). News facts are specific;
    an outlet's own commentary ("the move is a clear turnaround") rarely is."""
    c = ctx.al.claims[p.rep]
    main = {n for names in ctx.actors for n in names}
    names = [e for e in c.entities if e not in main and not any(e in m or m in e for m in main)]
    plain = alignment.uncertainty.unquoted(c.text)
    figures = re.findall(r"\d[\d,.]*", plain)
    quoted = len(c.text) > len(plain.strip()) + 2
    return min(3, len(names) + len(c.dates) + len(figures) + int(quoted)) / 3


# Reported speech: "the ministry said", "according to", "told reporters" - news is sourced.
_ATTRIBUTED = re.compile(r"\b(said|says|told|noted|announced|stated|reported|confirmed|added|"
                         r"explained|highlighted|warned|wrote|quoting|according to|called)\b", re.I)
# The writer's own verdict, unsourced: "the move is clearly a turnaround", "a historic shift".
_EVALUATIVE = re.compile(r"\b(clearly|obviously|undoubtedly|surely|arguably|desperate|pragmatic|"
                         r"turnaround|historic|remarkable|dramatic|striking|bold)\b", re.I)


def reporting(ctx: Context, p: Point) -> float:
    """+1 for a sourced statement, -1 for the writer's unsourced verdict, else 0."""
    text = alignment.uncertainty.unquoted(ctx.al.claims[p.rep].text)
    if _ATTRIBUTED.search(text):
        return 1.0
    return -1.0 if _EVALUATIVE.search(text) else 0.0


# A verdict, not a description: "a historic shift", not "the historic old city".
_VERDICT = re.compile(r"\b(?:clearly|obviously|undoubtedly|surely|arguably|pragmatic|turnaround|remarkable|dramatic|"
                      r"extraordinary|astonishing|preposterous|historic(?= (?:shift|moment|step|day|decision|deal|win|"
                      r"victory|milestone|turn|first|feat|achievement)))\b", re.I)
VERDICT_REASON = "the writer's own verdict, with no fact a reader could check"


def verdict(ctx: Context, p: Point) -> bool:
    """One outlet's unsourced judgement with nothing checkable in it ("The most extraordinary
    league title in history was secured after perhaps the most dramatic game of the season",
    "Russia's move is a clear strategic turnaround"): commentary, not something we know."""
    text = alignment.uncertainty.unquoted(ctx.al.claims[p.rep].text)
    return not _ATTRIBUTED.search(text) and bool(_VERDICT.search(text)) and specificity(ctx, p) == 0


def salience(ctx: Context, p: Point) -> float:
    """Centrality (main actors) plus specificity (checkable detail), nudged up for sourced
    statements and down for commentary."""
    return centrality(ctx, p) + specificity(ctx, p) + reporting(ctx, p) / 3


def _time_key(ctx: Context, p: Point) -> int:
    """A point's date as a day number: its latest dated expression, else the event day."""
    ends = [d.interval.last for i in p.members for d in ctx.al.claims[i].dates]
    day = max(ends) if ends else ctx.event
    return day.toordinal() if day else 0


def rank(ctx: Context, points: Sequence[Point], oldest_first: bool = False) -> list[Point]:
    """Importance first (sources, then centrality and specificity), then time, then
    reading order."""
    def key(p: Point) -> tuple:
        c = ctx.al.claims[p.rep]
        t = _time_key(ctx, p)
        return (-len(p.sources), -round(salience(ctx, p), 2), t if oldest_first else -t,
                min(ctx.al.claims[i].order for i in p.members), c.sid, c.index)
    return sorted(points, key=key)


def summary(ctx: Context, known: Sequence[Point], count) -> list[Point]:
    """In brief, in order of preference: the core facts of the news itself (not dated before
    the event's week), the facts most sources tell first (a lead sentence counting one more),
    then those whose shown line most sources state, then the lead sentences (what happened,
    when, where), in the outlet's words rather than a quotation. The key figure (a toll, a
    price, a score: the best-supported point carrying a measured count) is moved up among
    the first points when the ranking left it out."""
    def key(p: Point) -> tuple:
        lead = min(ctx.al.claims[i].order for i in p.members)
        # how many sources tell the fact (aligned), then how many state the line shown (verified)
        return (-len(p.sources) - (lead <= LEAD), -count(p), -round(salience(ctx, p), 2), lead,
                ctx.al.claims[p.rep].sid)

    def quoted(p: Point) -> bool:
        text = ctx.al.claims[p.rep].text
        return 1 - len(alignment.uncertainty.unquoted(text).strip()) / max(1, len(text)) >= 0.5

    week = None if ctx.event is None else (ctx.event - timedelta(days=7)).toordinal()
    pool = [p for p in known if count(p) and not quoted(p) and (week is None or _time_key(ctx, p) >= week)]
    ordered = sorted(pool, key=key)
    # a toll first: where people died, that count is the story's key figure, not the missing or the hurt
    figure = next((p for p in ordered if _measured(ctx, p, "deaths")), None) \
        or next((p for p in ordered if _measured(ctx, p)), None)
    if figure is not None and ordered.index(figure) > KEY_FIGURE_BY:
        ordered.remove(figure)
        ordered.insert(KEY_FIGURE_BY, figure)
    return ordered


def _measured(ctx: Context, p: Point, measure: str | None = None) -> bool:
    """The point's sentence gives a count of something (deaths, seats, dollars, a score), or of
    the `measure` asked for."""
    c = ctx.al.claims[p.rep]
    if measure is not None:
        return any(f.key == measure for f in discrepancies.figures(c))
    return bool(_SCORE.search(c.text)) or any(f.key for f in discrepancies.figures(c))


_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
# A hedge or an impression, not a fact: "seemed to have decided", "could be in the water".
_HEDGE = re.compile(r"\b(seem|seems|seemed|appear|appears|appeared|could|might|(?-i:may)|reportedly|apparently|"
                    r"likely|possibly|probably)\b", re.I)  # "may" in lower case: "Mrs May" is a name


BRIEF_QUOTED_SHARE = 0.35  # In brief is in the outlet's words: a line this much quotation is a reaction
QUOTED_SHARE = 0.6  # a line this much quotation is a quote (Key quotes), not a stated fact


_QUOTE_TAIL = re.compile(r"[”\"],?\s+(?:he|she|they)\s+(?:said|says|added|told|wrote|noted)\b")


def _quoted_share(text: str) -> float:
    return 1 - len(alignment.uncertainty.unquoted(text).strip()) / max(1, len(text))


def _not_a_quote(line) -> bool:
    """What we know and Background state facts; a line that is mostly someone's quoted words
    belongs to Key quotes (shown there once), and so does one closed by '“...,” he said'."""
    return _quoted_share(line.text) < QUOTED_SHARE and not _QUOTE_TAIL.search(line.text)


def _reported_fact(line) -> bool:
    """In brief states facts in the outlet's words: not mostly a quotation, not a hedge."""
    plain = alignment.uncertainty.unquoted(line.text)
    quoted = 1 - len(plain.strip()) / max(1, len(line.text))
    return quoted < BRIEF_QUOTED_SHARE and not _HEDGE.search(plain)
