"""Date expressions as intervals, for comparing claims across sources.

Claims need two things from dates: whether a sentence is about the news or about its
history (Background), and whether two sources put the same event at incompatible times
(a checkable disagreement). Both are interval questions, so every expression becomes a
closed interval of days: "2019" is the whole year, "nearly five years ago" the half-year
before the fifth anniversary. The timeline module owns the canonical resolution; this is
the small fallback claims use when an article carries no `DateMention`s.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from generator.models import AnalysedArticle

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))


@dataclass(frozen=True)
class DateSpan:
    """One date expression of a sentence: its words, offsets in the sentence, interval."""

    expression: str
    start: int
    end: int
    lo: date
    hi: date

    def overlaps(self, other: "DateSpan") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_years(day: date, years: float) -> date:
    return day - timedelta(days=round(365.25 * years))


def iso_interval(iso: str) -> tuple[date, date] | None:
    """"2019" -> the year, "2019-03" -> the month, "2019-03-02" -> the day."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso or "")
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        return date(y, int(m.group(2)), 1), _month_end(y, int(m.group(2)))
    return date(y, 1, 1), date(y, 12, 31)


def _relative_years(text: str, ref: date) -> tuple[date, date] | None:
    # "nearly five years ago", "more than two decades ago", "a year ago"
    m = re.search(r"(nearly|almost|about|around|roughly|some|over|more than)?\s*\b(\d+|"
                  + "|".join(NUMBER_WORDS) + r")\s+(year|decade)s?\s+ago", text)
    if not m:
        return None
    n = int(m.group(2)) if m.group(2).isdigit() else NUMBER_WORDS[m.group(2)]
    n *= 10 if m.group(3) == "decade" else 1
    hedge = m.group(1) or ""
    if hedge in ("nearly", "almost"):
        return _shift_years(ref, n), _shift_years(ref, n - 0.5)
    if hedge in ("over", "more than"):
        return _shift_years(ref, n + 1), _shift_years(ref, n)
    return _shift_years(ref, n + 0.5), _shift_years(ref, n - 0.5)


def resolve(expression: str, ref: date | None) -> tuple[date, date] | None:
    """The interval an expression names, relative ones against `ref`; None when vague."""
    text = expression.lower().strip()
    m = re.search(r"\b(1[5-9]\d0|20\d0)s\b", text)  # "the 1990s"
    if m:
        y = int(m.group(1))
        return date(y, 1, 1), date(y + 9, 12, 31)
    year_m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    month_m = re.search(rf"\b({_MONTH_RE})\.?\b", text)
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text))
    year = int(year_m.group(1)) if year_m else None
    if year is None and ref and "this year" in text:
        year = ref.year
    if year is None and ref and "last year" in text:
        year = ref.year - 1
    if month_m and (year or ref):
        month = MONTHS[month_m.group(1)]
        y = year or (ref.year if ref and (month, 1) <= (ref.month, ref.day) else ref.year - 1)
        if day_m and 1 <= int(day_m.group(1)) <= calendar.monthrange(y, month)[1]:
            d = date(y, month, int(day_m.group(1)))
            return d, d
        return date(y, month, 1), _month_end(y, month)
    if year is not None:
        if ref and "earlier this year" in text:
            return date(year, 1, 1), ref
        return date(year, 1, 1), date(year, 12, 31)
    if ref is None:
        return None
    return _relative_years(text, ref) or _vague(text, ref)


def _vague(text: str, ref: date) -> tuple[date, date] | None:
    if re.search(r"\b(this|last) week\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                 r"\byesterday\b|\btoday\b", text):
        return ref - timedelta(days=7), ref
    if re.search(r"\b(recent|past|last) (few )?months\b", text):
        return ref - timedelta(days=365), ref
    return None


def reference_dates(items: Sequence[AnalysedArticle]) -> dict[str, date | None]:
    """Each article's own date, else the story's: its earliest publication date, else the
    latest full date (day, month and year) any article states, as a scraped page's dateline
    ("Posted: March 2, 2019") usually is."""
    own = {it.source_id: _parse_iso_day(it.article.published_date) for it in items}
    known = sorted(d for d in own.values() if d)
    fallback = known[0] if known else _latest_full_date(items)
    return {sid: d or fallback for sid, d in own.items()}


def _parse_iso_day(iso: str | None) -> date | None:
    span = iso_interval(iso or "")
    return span[0] if span and span[0] == span[1] else None


def _latest_full_date(items: Sequence[AnalysedArticle]) -> date | None:
    best: date | None = None
    for it in items:
        for e in it.analysis.entities:
            if e.label != "DATE" or not re.search(r"\b(19|20)\d\d\b", e.text):
                continue
            span = resolve(e.text, None)
            if span and span[0] == span[1] and (best is None or span[0] > best):
                best = span[0]
    return best


def sentence_dates(item: AnalysedArticle, index: int, ref: date | None) -> tuple[DateSpan, ...]:
    """The dated expressions of one sentence: the timeline's mentions when the article has
    them, else its DATE entities resolved here. Offsets are relative to the sentence."""
    sent = item.analysis.sentences[index]
    out: list[DateSpan] = []
    mentions = [dm for dm in item.analysis.date_mentions if dm.sentence == index and dm.date]
    if mentions:
        for dm in mentions:
            span = iso_interval(dm.date or "")
            pos = sent.text.find(dm.expression)
            if span and pos >= 0:
                out.append(DateSpan(dm.expression, pos, pos + len(dm.expression), *span))
        return tuple(out)
    for e in item.analysis.entities:
        if e.sentence != index or e.label != "DATE":
            continue
        span = resolve(e.text, ref)
        start = e.start - sent.start
        if span and 0 <= start < len(sent.text):
            out.append(DateSpan(e.text, start, start + len(e.text), *span))
    return tuple(out)
