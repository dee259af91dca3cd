"""The dates of claim sentences, as intervals of days, for comparing claims across sources.

Claims need two things from dates: whether a sentence is about the news or about its history
(Background), and whether two sources put the same event at incompatible times (a checkable
disagreement). Both are interval questions. A sentence's dates are the timeline's points when
the extraction found some (each point's whole period), else every DATE entity of the sentence
read by the one date grammar (generator.text.dates.expressions) as the days it allows: "nearly
five years ago" the half-year before the fifth anniversary, "the 1990s" the decade, "this week"
the seven days up to the article's date. An entity the extraction read as a mention keeps that mention's
tense ("will reopen on Monday" is the next Monday).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from generator.models import AnalysedArticle, DateMention
from generator.text.dates.expressions import interval_of
from generator.text.dates.partial import Interval, PartialDate, day_of
from generator.text.dates.vocabulary import is_clock_time

_HAS_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class DateSpan:
    """One date expression of a sentence: its words, offsets in the sentence, the days it allows."""

    expression: str
    start: int
    end: int
    interval: Interval
    main: bool = True  # it times the sentence's own event, not a side clause's ("... set by X in 2017")

    def overlaps(self, other: DateSpan) -> bool:
        return self.interval.overlaps(other.interval)


def reference_dates(items: Sequence[AnalysedArticle]) -> dict[str, date | None]:
    """Each article's own date, else the story's: its earliest publication date, else the
    latest full date (day, month and year) any article states, as a scraped page's dateline
    ("Posted: March 2, 2019") usually is."""
    own = {it.source_id: day_of(it.article.published_date) for it in items}
    known = sorted(d for d in own.values() if d)
    fallback = known[0] if known else latest_full_date(items)
    return {sid: d or fallback for sid, d in own.items()}


LEAD_SENTENCES = 3  # an undated article's own day is told in its lead, if anywhere


def latest_full_date(items: Sequence[AnalysedArticle]) -> date | None:
    """The latest full date any article's lead states: a day written in the body is as often
    a past event's ("elected pope on March 13, 2013") as the news's own."""
    best: date | None = None
    for it in items:
        for e in it.analysis.entities:
            if e.label != "DATE" or not _HAS_YEAR.search(e.text) or e.sentence >= LEAD_SENTENCES:
                continue
            span = interval_of(e.text, None)
            if span and span.one_day and (best is None or span.first > best):
                best = span.first
    return best


def sentence_dates(item: AnalysedArticle, index: int, ref: date | None) -> tuple[DateSpan, ...]:
    """The dated expressions of one sentence: the timeline's mentions when the article has
    them, else its DATE entities read here. Offsets are relative to the sentence."""
    sent = item.analysis.sentences[index]
    out: list[DateSpan] = []
    mentions = [dm for dm in item.analysis.date_mentions if dm.sentence == index]
    dated = [dm for dm in mentions if dm.date]
    if dated:
        for dm in dated:
            point = PartialDate.from_iso(dm.date)
            pos = sent.text.find(dm.expression)
            if point and pos >= 0:
                out.append(DateSpan(dm.expression, pos, pos + len(dm.expression), point.interval, dm.main_clause))
        return tuple(out)
    for e in item.analysis.entities:
        if e.sentence != index or e.label != "DATE":
            continue
        start = e.start - sent.start
        text = e.text.strip()
        if text.isdigit() and _NUMBER_OF_A_NAME.search(sent.text[:max(0, start)]) \
                or re.fullmatch(r"\S+\s+\d+", text) and _NUMBER_OF_A_NAME.search(text.rsplit(None, 1)[0] + " "):
            continue  # "Flight 1549", "Route 66": a number in a name, no year
        if is_clock_time(text, (sent.text[start + len(e.text):].split() or [""])[0]):
            continue  # "from around 1545 GMT": a time of day, not the year 1545
        span = interval_of(e.text, ref, _tense_at(mentions, e.start))
        if span and 0 <= start < len(sent.text):
            # a side clause's date stays a side clause's when the story's date resolves it
            # ("X, whose brother died three years ago, said ...": not the sentence's own time)
            main = next((m.main_clause for m in mentions if m.start <= e.start < m.end), True) \
                and not _MEASURED_AGAINST.search(sent.text[:start])
            out.append(DateSpan(e.text, start, start + len(e.text), span, main))
    return tuple(out)


# A capitalised word right before a bare number that is no preposition, article or month: the
# number is part of a name ("Flight 1549", "Apollo 11", "Euro 2016"), not a year.
_NUMBER_OF_A_NAME = re.compile(r"\b(?!(?:In|On|By|Since|Until|From|Of|For|To|At|The|Before|After|During|Around|"
                               r"Between|Through|And|Or|Early|Late|Mid|Summer|Winter|Spring|Autumn|Fall|Jan|Feb|Mar|Apr|"
                               r"May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+$)[A-Z][\w'’-]*\s+$")


# What the news is measured against, just before a date: "beaten only by a rally in 1989", "twice as
# large as the one in 2017", "more than in 2021" (the parse gave it no event's timing: nlp.dates)
_MEASURED_AGAINST = re.compile(r"\b(?:than|as \w+ as|(?:surpassed|beaten|eclipsed|exceeded|topped|bettered|"
                               r"outstripped|dwarfed) (?:only )?by)\b[^,;]{0,100}$", re.I)


def _tense_at(mentions: Sequence[DateMention], start: int) -> str | None:
    """The tense of the mention whose expression holds the character `start`, if one does."""
    return next((m.tense for m in mentions if m.start <= start < m.end), None)
