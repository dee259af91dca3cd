"""Date expressions: what a phrase like "on Tuesday", "in May 2019" or "the 1990s" says, and
which days it names against an article's date. The one grammar of the timeline and the claims.

`parse_expression` reads one expression (a spaCy DATE entity, with its preposition when it
has one) into a `DateSpec`, or None when the words name no time at all (durations, ages,
"for decades"). A spec is a *point* the timeline can show ("in May 2019", "on Tuesday",
"almost five years ago" as a year) or only a stretch that claims can compare ("the 1990s",
"this week", "more than a decade ago", "by Monday"): `DateSpec.point`.

`resolve` gives the timeline's point: a `PartialDate` at the precision the words allow, never
more, or None when the expression is no point or needs a reference or a direction it lacks.
`interval` gives the days the words allow, for comparing claims: the point's whole period, or
for a stretch what it covers ("nearly three years ago": the half-year before the third
anniversary; "the 1990s": ten years). Both read the same spec the same way; `tense` ("past",
"future", "present" or None) says which way an unanchored date points. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from generator.text.dates.partial import Interval, PartialDate
from generator.text.dates.vocabulary import MONTHS, NUMBER_WORDS, WEEKDAYS, alternation

# ---------------------------------------------------------------- reading an expression

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b(?!s)")  # "in 1998", not "the 1980s"
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")  # "2019-05-14" in datelines
_MACHINE_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_MONTH = re.compile(rf"\b({alternation(MONTHS)})\b\.?")
_WEEKDAY = re.compile(alternation(WEEKDAYS))
_WEEKDAY_ONLY = re.compile(rf"(?:(last|this|next) )?({alternation(WEEKDAYS)})")
_PLAIN_YEAR = re.compile(r"(?:the )?(?:year )?\d{4}")
_OTHER_WORDS = re.compile(r"[a-z]{3,}")
_DAY_SUFFIXES = re.compile(r"\b(st|nd|rd|th|of|last|next|this)\b")
_DAY_NUMBER = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
# No point in time: "this week", "in recent weeks", "for decades", "a five-year plan", "the 1980s".
_VAGUE = re.compile(
    r"\b(weeks?|decades?|century|centuries|recent|recently|past|coming|upcoming|season|hours?|"
    r"minutes?|seconds?|times?|age|aged|old|period|era)\b|-(year|month|day|week)\b|\d0s\b|\d's\b"
)
# A bound is not a point: "more than five years ago" says only "before 2014".
_BOUND = re.compile(
    r"^(more than|over|less than|under|at least|up to|within|for|until|till|by|before|after)\b"
)
# A date given as a limit ("by Monday", "until June 2019"): the stretch it names, not a point.
_LIMIT = re.compile(r"^(by|until|till|before|after|for|up to|within)\s+")
_PREPOSITION = re.compile(r"^(on|in|at|since|during|from|of)\s+")
# Modifiers that keep the date: "late Tuesday", "earlier this month", "no later than Wednesday",
# "the start of last year", "mid-June".
_QUALIFIER = re.compile(
    r"^(the|late|early|earlier|later|no later than|as early as|as late as|mid-?|"
    r"(?:the )?(?:end|beginning|start|middle|first half|second half) of)\s*"
)
_SIDE = {"earlier": -1, "later": 1}  # "earlier this year": the part of the year before the article
# Hedges of a count: a year "nearly five years ago" is approximate; "more than" only bounds it.
HEDGES = {
    "nearly": "under", "almost": "under", "close to": "under",
    "about": "about", "around": "about", "roughly": "about", "some": "about",
    "approximately": "about", "just": "about",
    "over": "over", "more than": "over", "at least": "over",
    "less than": "within", "under": "within", "within": "within", "fewer than": "within",
}
_APPROX = re.compile(r"^(nearly|almost|about|around|roughly|some|approximately|close to|just)\s+")
_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|overnight|noon|midnight)\b")
_COUNT = rf"(\d+|{alternation(NUMBER_WORDS)})"
_AGO = re.compile(rf"^{_COUNT} (year|month|day)s? ago$")
_OFFSET = re.compile(r"^(?:so far )?(this|last|next|previous) (year|month)$")
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_MONTH_YEAR_REL = re.compile(r"^(.*?)\s*(?:of )?(this|last|next) year$")
# Stretches that are no point: "the 1990s", "this week", "in recent months", "two decades ago".
_DECADE = re.compile(r"\b(1[5-9]\d0|20\d0)s\b")
_WINDOWS = ((re.compile(r"\b(this|last) week\b"), 7), (re.compile(r"\b(recent|past|last) (few )?months\b"), 365))
_HEDGED_AGO = re.compile(rf"(?:\b({alternation(HEDGES)})\s+)?\b{_COUNT}\s+(year|decade)s?\s+ago\b")
_ANY_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# A clock time is no date: "1700 GMT" is five in the afternoon, not the year 1700; "10:30 a.m.", "3pm".
_CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])[0-5]\d\s*(?:gmt|utc|z|hrs|hours|h|local time|[ecmp][sd]?t|cet|cest|bst|ist|jst)\b"
    r"|\b\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?")


@dataclass(frozen=True)
class DateSpec:
    """What an expression states. kind: calendar | weekday | offset | ago | span.

    calendar: year/month/day as written; a missing year is taken from the reference
      (`year_offset` set: "June this year"; `step` -1/+1: "last June"/"next June";
      neither: the nearest such date in the tense's direction).
    weekday: `weekday` 0=Monday; `step` -1 for "last Friday", +1 for "next Monday".
    offset: `unit` year|month|day moved by `amount` from the reference ("last month" = -1);
      `side` -1/+1 for the part before/after the reference ("earlier this year").
    ago: `amount` units counted back ("five years ago" = -5 years, "two decades ago" = -20),
      with its `hedge`: "" exact, under ("nearly"), about, over ("more than"), within ("less than").
    span: the years `year`..`until_year` ("the 1990s", "1969-1972"), or when `year` is None
      the `amount` days up to the reference ("this week": 7).
    `point`: False when the words name a stretch the timeline cannot show as one date.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    step: int = 0
    unit: str | None = None
    amount: int = 0
    year_offset: int | None = None
    approximate: bool = False
    hedge: str = ""
    side: int = 0
    until_year: int | None = None
    point: bool = True

    @property
    def relative(self) -> bool:
        """True when the date cannot be known without the article's own date."""
        if self.kind == "span":
            return self.year is None
        return self.kind != "calendar" or self.year is None


def normalise(text: str) -> str:
    """Lower case, plain quotes and dashes, no brackets: "Monday (June 2)" -> "monday june 2"."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[()\[\]\"\u201c\u201d]", " ", text)
    text = re.sub(r"(?<=[a-z])'s\b", "", text)  # "Tuesday's vote": the day, not its possessive
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def is_iso(text: str) -> bool:
    """Machine-written dates ("2019-05-14"): news prose spells dates out, metadata does not."""
    return _MACHINE_DATE.fullmatch(text.strip()) is not None


def _strip(pattern: re.Pattern, text: str) -> tuple[str, str]:
    """Remove leading matches of `pattern`; return the rest and the first word removed ("" if none)."""
    first = ""
    while (m := pattern.match(text)) and m.end() > 0:
        first = first or m.group(1)
        text = text[m.end():].strip()
    return text, first


@lru_cache(maxsize=8192)
def parse_expression(expression: str) -> DateSpec | None:
    """What an expression names: a point in time, a stretch (`point` False), or None for no time.

    Memoised (a pure function of the text; DateSpec is frozen): the same few expressions recur
    in every article, and each story re-reads its mentions' expressions.
    """
    text = re.sub(r"\s+", " ", _CLOCK.sub(" ", normalise(expression))).strip(" ,")
    text, _ = _strip(_PREPOSITION, text)
    if not text:
        return None
    return _point(text) or _stretch(text)


def _point(text: str) -> DateSpec | None:
    """A reading the timeline can show: a calendar date, a weekday, a count from the article's date."""
    if _BOUND.match(text) or _VAGUE.search(text):
        return None
    side = _SIDE.get(text.split(" ", 1)[0], 0)
    text, _ = _strip(_QUALIFIER, text)
    text, approx = _strip(_APPROX, text)
    text, _ = _strip(_QUALIFIER, text)
    text = _PART_OF_DAY.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    if not text:
        return None
    spec = _calendar(text) or _relative(text)
    if spec is None:
        return None
    if spec.kind == "offset" and spec.amount == 0 and side:
        spec = replace(spec, side=side)
    if approx:
        # "about five years ago" is a year, not a day; "about March 3" is not a date at all.
        if spec.kind in ("offset", "ago") and spec.unit == "year":
            return replace(spec, approximate=True, hedge=HEDGES[approx] if spec.kind == "ago" else "")
        return None
    return spec


def _calendar(text: str) -> DateSpec | None:
    """Dates written with a month name or a year: "Jan. 9, 2018", "June 2016", "May 12", "1998"."""
    if m := _ISO.match(text):
        return DateSpec("calendar", int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    year_offset = None
    if (m := _MONTH_YEAR_REL.match(text)) and _MONTH.search(m[1]):
        # "in June this year", "May of last year": the month of a year named relatively.
        text, year_offset = m[1], {"this": 0, "last": -1, "next": 1}[m[2]]
    month_match = _MONTH.search(text)
    years = _YEAR.findall(text)
    if not month_match:
        if years and _PLAIN_YEAR.fullmatch(text):
            return DateSpec("calendar", int(years[0]))
        return None
    rest = _YEAR.sub(" ", text[:month_match.start()] + " " + text[month_match.end():])
    rest = _WEEKDAY.sub(" ", rest)
    if _OTHER_WORDS.search(_DAY_SUFFIXES.sub(" ", rest)):
        return None  # other words around the month: not a plain calendar date
    days = _DAY_NUMBER.findall(rest)
    # A span of days ("March 3-5") is dated to its month: no single day is the event's.
    day = int(days[0]) if len(days) == 1 else None
    if day is not None and not 1 <= day <= 31:
        return None
    month = MONTHS[month_match[1]]
    if re.match(r"(last|next) ", text) and not years and year_offset is None:
        # "last June", "next March": the direction is in the words, whatever the verb's tense
        return DateSpec("calendar", None, month, day, step=-1 if text.startswith("last") else 1)
    return DateSpec("calendar", int(years[0]) if years else None, month, day, year_offset=year_offset)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _relative(text: str) -> DateSpec | None:
    """Dates counted from the article's own date: "on Tuesday", "last month", "five years ago"."""
    if text in _DAY_WORDS:
        return DateSpec("offset", unit="day", amount=_DAY_WORDS[text])
    if m := _AGO.match(text):
        return DateSpec("ago", unit=m[2], amount=-_count(m[1]))
    if m := _OFFSET.match(text):
        amount = {"this": 0, "last": -1, "previous": -1, "next": 1}[m[1]]
        return DateSpec("offset", unit=m[2], amount=amount)
    if m := _WEEKDAY_ONLY.fullmatch(text):
        step = {"last": -1, "next": 1}.get(m[1] or "", 0)
        return DateSpec("weekday", weekday=WEEKDAYS.index(m[2]), step=step)
    return None


def _stretch(text: str) -> DateSpec | None:
    """A reading with no point, for comparing claims: a decade, the last week or months, a
    hedged count of years ago, a date given as a limit, or the years named among other words."""
    if m := _DECADE.search(text):
        return DateSpec("span", year=int(m[1]), until_year=int(m[1]) + 9, point=False)
    for pattern, days in _WINDOWS:
        if pattern.search(text):
            return DateSpec("span", amount=days, point=False)
    if m := _HEDGED_AGO.search(text):
        years = _count(m[2]) * (10 if m[3] == "decade" else 1)
        return DateSpec("ago", unit="year", amount=-years, hedge=HEDGES.get(m[1] or "", ""), point=False)
    if m := _LIMIT.match(text):
        limit = parse_expression(text[m.end():])
        return replace(limit, point=False) if limit is not None else None
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    if years:
        return DateSpec("span", year=min(years), until_year=max(years), point=False)
    return None


# ---------------------------------------------------------------- points (the timeline)


DIRECTIONS = ("past", "future")


def resolve(spec: DateSpec, reference: date | None, tense: str | None = "past") -> PartialDate | None:
    """The point `spec` names at its precision; None when it is no point, or needs a reference
    (or a direction) it lacks.

    `reference` is the article's date; `tense` says which way an unanchored date points:
    "past" (the latest such date on or before), "future" (the next on or after).
    """
    if not spec.point or spec.kind == "span":
        return None
    return _resolve(spec, reference, tense)


def _resolve(spec: DateSpec, ref: date | None, tense: str | None) -> PartialDate | None:
    if spec.kind == "calendar" and spec.year is not None:
        return PartialDate.valid(spec.year, spec.month, spec.day)
    if ref is None:
        return None
    if spec.kind in ("offset", "ago"):
        return _offset(spec, ref)
    if spec.kind == "calendar" and spec.step:
        return _named_month(spec, ref)
    if tense not in DIRECTIONS:
        return None  # "Mayor opens bridge on Friday": a headline's present says no direction
    future = tense == "future"
    if spec.kind == "weekday":
        if not future and spec.step == 0 and (ref.weekday() - spec.weekday) % 7 == 6:
            # "rescuers arrived Monday" on a page dated Sunday: six days back, or a page date a
            # day behind its updated text (time zones, first-publication dates); no way to tell
            return None
        return PartialDate.of_day(_weekday(spec, ref, future))
    if spec.year_offset is not None:
        return PartialDate.valid(ref.year + spec.year_offset, spec.month, spec.day)
    return _yearless(spec, ref, future)


def _offset(spec: DateSpec, ref: date) -> PartialDate | None:
    if spec.unit == "year":
        return PartialDate.valid(ref.year + spec.amount)
    if spec.unit == "month":
        index = ref.year * 12 + ref.month - 1 + spec.amount
        return PartialDate.valid(index // 12, index % 12 + 1)
    try:
        return PartialDate.of_day(ref + timedelta(days=spec.amount))
    except OverflowError:
        return None


def _weekday(spec: DateSpec, ref: date, future: bool) -> date:
    """"on Tuesday" in a past-tense sentence: the latest Tuesday on or before the article's date."""
    if spec.step > 0 or (future and spec.step == 0):
        ahead = (spec.weekday - ref.weekday()) % 7
        return ref + timedelta(days=ahead or (7 if spec.step > 0 else 0))
    back = (ref.weekday() - spec.weekday) % 7
    return ref - timedelta(days=back or (7 if spec.step < 0 else 0))


def _named_month(spec: DateSpec, ref: date) -> PartialDate | None:
    """ "last May" in a June 2024 article is May 2024, in a May 2024 one May 2023; "next" alike."""
    if spec.step < 0:
        year = ref.year if (spec.month, spec.day or 1) < (ref.month, ref.day if spec.day else 1) else ref.year - 1
    else:
        year = ref.year if (spec.month, spec.day or 31) > (ref.month, ref.day if spec.day else 31) else ref.year + 1
    return PartialDate.valid(year, spec.month, spec.day)


# A page's date may lag its text by a day or two (time zones, a first-publication date on an
# updated page, a story's date standing in for an undated article's): a past-tense yearless
# date this close after the reference is this year's, not a year back.
LAG_DAYS = 2


def _yearless(spec: DateSpec, ref: date, future: bool) -> PartialDate | None:
    """"On May 12" with no year: the nearest May 12 on or before the reference (or a day or two
    after it, `LAG_DAYS`), or, when scheduled, the next on or after it: never before the article."""
    if spec.day is None:
        year = ref.year
        if not future and spec.month > ref.month:
            year -= 1
        if future and spec.month < ref.month:
            year += 1
        return PartialDate.valid(year, spec.month)
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                  if (d := PartialDate.valid(y, spec.month, spec.day)) is not None]
    if future:
        return next((d for d in candidates if d.first >= ref), None)
    return next((d for d in reversed(candidates) if d.first <= ref + timedelta(days=LAG_DAYS)), None)


def nearest_day(month: int, day: int, ref: date) -> date | None:
    """The day `month`/`day` names nearest to `ref`, before or after: a dateline's "July 8" in a
    story of July 2022 is 8 July 2022, in one of early January 2023 it is 8 July 2022 too."""
    candidates = [d.first for y in (ref.year - 1, ref.year, ref.year + 1)
                  if (d := PartialDate.valid(y, month, day)) is not None]
    return min(candidates, key=lambda d: (abs((d - ref).days), d), default=None)


def resolve_between(spec: DateSpec, first: date, last: date, tense: str | None = "past") -> PartialDate | None:
    """The point `spec` names in an undated article of a story published from `first` to `last`.

    The article's own day is unknown but lies near that window (before or after it: the window
    is the days of the dated articles only). A weekday in a window shorter than a week is its day
    nearest the window, in a future-tense sentence the first on or after the window's first day:
    counted back from the first day, the aftermath ("rescuers arrived on Sunday") would be dated
    before the event. Otherwise a date the window's ends read alike is that date; anything else
    the ends disagree on is not guessed.
    """
    if spec.kind == "weekday" and spec.step == 0 and (last - first).days < 7:
        return resolve(spec, first, "future") if tense == "future" else _weekday_nearest(spec.weekday, first, last,
                                                                                        tense == "past")
    at_first, at_last = resolve(spec, first, tense), resolve(spec, last, tense)
    return at_first if at_first == at_last else None


def _weekday_nearest(weekday: int | None, first: date, last: date, past: bool = False) -> PartialDate | None:
    """The day of that weekday inside the window, else the nearest to it; on a tie the later,
    but the earlier in a past-tense sentence ("the launch on Wednesday was called off", read in
    an undated article of a story published on Saturday and Sunday, is the Wednesday before)."""
    if weekday is None:
        return None
    days = [first + timedelta(days=k) for k in range(-6, (last - first).days + 7)]
    days = [d for d in days if d.weekday() == weekday]

    def gap(d: date) -> int:
        return 0 if first <= d <= last else min(abs((d - first).days), abs((d - last).days))
    return PartialDate.of_day(min(days, key=lambda d: (gap(d), d.toordinal() if past else -d.toordinal())))


# ---------------------------------------------------------------- intervals


def interval(spec: DateSpec, reference: date | None, tense: str | None = None) -> Interval | None:
    """The days `spec` allows, relative ones counted from `reference`; None when it cannot say.

    Without a direction (`tense` None or "present") a weekday is the latest on or before the
    reference, and a yearless date lies in the reference's own month or the latest such month
    before it. A weekday one day after a Sunday reference may be six days back or the next day
    (a page dated a day behind its text): the interval holds both.
    """
    if spec.kind == "span":
        return _span(spec, reference)
    if spec.kind == "ago" and spec.unit == "year":
        return _years_ago(spec, reference) if reference is not None else None
    if spec.kind == "ago" and spec.hedge:
        return None  # "about three months ago": no day or month to hold it to
    direction = tense if tense in DIRECTIONS else None
    if spec.kind == "weekday" and reference is not None:
        day = _resolve(spec, reference, direction or "past")
        return day.interval if day else Interval(reference - timedelta(days=6), reference + timedelta(days=1))
    if direction is None and spec.kind == "calendar" and spec.year is None and reference is not None \
            and not spec.step and spec.year_offset is None:
        year = reference.year if spec.month <= reference.month else reference.year - 1
        spec = replace(spec, year=year)
    found = _resolve(spec, reference, direction or "past")
    if found is None:
        return None
    if spec.side and reference is not None and found.first <= reference <= found.last:
        # "earlier this year": up to the article's day; "later this year": from it
        return Interval(found.first, reference) if spec.side < 0 else Interval(reference, found.last)
    return found.interval


def interval_of(expression: str, reference: date | None, tense: str | None = None) -> Interval | None:
    """The days an expression allows (see `interval`); None when it names no time."""
    spec = parse_expression(expression)
    return interval(spec, reference, tense) if spec is not None else None


def _span(spec: DateSpec, ref: date | None) -> Interval | None:
    if spec.year is not None:
        return Interval(date(spec.year, 1, 1), date(spec.until_year or spec.year, 12, 31))
    return Interval(ref - timedelta(days=spec.amount), ref) if ref is not None else None


def _years_back(day: date, years: float) -> date:
    return day - timedelta(days=round(365.25 * years))


def _years_ago(spec: DateSpec, ref: date) -> Interval | None:
    """ "nearly five years ago": the half-year before the fifth anniversary; "more than five
    years ago": the year before it; "five years ago", "about five": half a year either side."""
    n = -spec.amount
    low, high = {"under": (n, n - 0.5), "over": (n + 1, n), "within": (n, 0)}.get(spec.hedge, (n + 0.5, n - 0.5))
    try:
        return Interval(_years_back(ref, low), _years_back(ref, high))
    except OverflowError:
        return None
