"""Date expressions: what a phrase like "on Tuesday" or "in May 2019" says, and which date it is.

`parse_expression` reads one expression (a spaCy DATE entity plus its preposition) into a
`DateSpec`, or None when the text gives no point in time (durations, ages, "this week",
"in recent weeks", decades). `resolve` turns a spec into an ISO date at the precision the
words allow ("2019", "2019-05", "2019-05-14"), never more, using the article's own date
for relative phrases. Pure functions: same text and reference, same answer.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = tuple(d.lower() for d in calendar.day_name)  # monday .. sunday
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9  # "Sept. 21" is AP style
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Words that are the date's wording, not the event's ("in June", "last Friday", "years ago").
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {
    "year", "month", "week", "day", "ago", "earlier", "later", "last", "next", "this", "today",
    "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "recent", "early", "late",
}

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b(?!s)")  # "in 1998", not "the 1980s"
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")  # "2019-05-14" in datelines
_MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?")
# No point in time: "this week", "in recent weeks", "for decades", "a five-year plan", "the 1980s".
_VAGUE = re.compile(
    r"\b(weeks?|decades?|century|centuries|recent|recently|past|coming|upcoming|season|hours?|"
    r"minutes?|seconds?|times?|age|aged|old|period|era)\b|-(year|month|day|week)\b|\d0s\b|\d's\b"
)
# A bound is not a date: "more than five years ago" says only "before 2014".
_BOUND = re.compile(
    r"^(more than|over|less than|under|at least|up to|within|for|until|till|by|before|after)\b"
)
_PREPOSITION = re.compile(r"^(on|in|at|since|during|from|of)\s+")
# Modifiers that keep the date: "late Tuesday", "earlier this month", "no later than Wednesday",
# "the start of last year", "mid-June".
_QUALIFIER = re.compile(
    r"^(the|late|early|earlier|later|no later than|as early as|as late as|mid-?|"
    r"(?:the )?(?:end|beginning|start|middle|first half|second half) of)\s*"
)
# Approximations keep a date but only at a coarse grain: "almost five years ago" -> a year.
_APPROX = re.compile(r"^(nearly|almost|about|around|roughly|some|approximately|close to|just)\s+")
_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|overnight|noon|midnight)\b")
_AGO = re.compile(r"^(\d+|" + "|".join(NUMBER_WORDS) + r") (year|month|day)s? ago$")
_OFFSET = re.compile(r"^(?:so far )?(this|last|next|previous) (year|month)$")
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_MONTH_YEAR_REL = re.compile(r"^(.*?)\s*(?:of )?(this|last|next) year$")


@dataclass(frozen=True)
class DateSpec:
    """What an expression states. kind: calendar | weekday | offset.

    calendar: year/month/day as written; a missing year is taken from the reference
      (`year_offset` set: "June this year"; `step` -1/+1: "last June"/"next June";
      neither: the nearest such date in the tense's direction).
    weekday: `weekday` 0=Monday; `step` -1 for "last Friday", +1 for "next Monday".
    offset: `unit` year|month|day moved by `amount` from the reference ("last month" = -1).
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

    @property
    def relative(self) -> bool:
        """True when the date cannot be known without the article's own date."""
        return self.kind != "calendar" or self.year is None


def normalise(text: str) -> str:
    """Lower case, plain quotes and dashes, no brackets: "Monday (June 2)" -> "monday june 2"."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[()\[\]\"\u201c\u201d]", " ", text)
    text = re.sub(r"(?<=[a-z])'s\b", "", text)  # "Tuesday's vote": the day, not its possessive
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def _strip(pattern: re.Pattern, text: str) -> tuple[str, bool]:
    """Remove leading matches of `pattern`; report whether there were any."""
    found = False
    while (m := pattern.match(text)) and m.end() > 0:
        text, found = text[m.end():].strip(), True
    return text, found


@lru_cache(maxsize=8192)
def parse_expression(expression: str) -> DateSpec | None:
    """The point in time an expression names, or None when it names none (or only vaguely).

    Memoised (a pure function of the text; DateSpec is frozen): the same few expressions recur
    in every article, and each story re-reads its mentions' expressions.
    """
    text = normalise(expression)
    text, _ = _strip(_PREPOSITION, text)
    if not text or _BOUND.match(text) or _VAGUE.search(text):
        return None
    text, _ = _strip(_QUALIFIER, text)
    text, approximate = _strip(_APPROX, text)
    text, _ = _strip(_QUALIFIER, text)
    text = _PART_OF_DAY.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    if not text:
        return None
    spec = _calendar(text) or _relative(text)
    if spec is None:
        return None
    if approximate:
        # "about five years ago" is a year, not a day; "about March 3" is not a date at all.
        if spec.kind == "offset" and spec.unit == "year":
            return DateSpec("offset", unit="year", amount=spec.amount, approximate=True)
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
        if years and re.fullmatch(r"(?:the )?(?:year )?\d{4}", text):
            return DateSpec("calendar", int(years[0]))
        return None
    rest = _YEAR.sub(" ", text[:month_match.start()] + " " + text[month_match.end():])
    rest = re.sub("|".join(WEEKDAYS), " ", rest)
    if re.search(r"[a-z]{3,}", re.sub(r"\b(st|nd|rd|th|of|last|next|this)\b", " ", rest)):
        return None  # other words around the month: not a plain calendar date
    days = re.findall(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", rest)
    # A span of days ("March 3-5") is dated to its month: no single day is the event's.
    day = int(days[0]) if len(days) == 1 else None
    if day is not None and not 1 <= day <= 31:
        return None
    month = MONTHS[month_match[1]]
    if re.match(r"(last|next) ", text) and not years and year_offset is None:
        # "last June", "next March": the direction is in the words, whatever the verb's tense
        return DateSpec("calendar", None, month, day, step=-1 if text.startswith("last") else 1)
    return DateSpec("calendar", int(years[0]) if years else None, month, day, year_offset=year_offset)


def _relative(text: str) -> DateSpec | None:
    """Dates counted from the article's own date: "on Tuesday", "last month", "five years ago"."""
    if text in _DAY_WORDS:
        return DateSpec("offset", unit="day", amount=_DAY_WORDS[text])
    if m := _AGO.match(text):
        n = int(m[1]) if m[1].isdigit() else NUMBER_WORDS[m[1]]
        return DateSpec("offset", unit=m[2], amount=-n)
    if m := _OFFSET.match(text):
        amount = {"this": 0, "last": -1, "previous": -1, "next": 1}[m[1]]
        return DateSpec("offset", unit=m[2], amount=amount)
    m = re.fullmatch(r"(?:(last|this|next) )?(" + "|".join(WEEKDAYS) + r")", text)
    if m:
        step = {"last": -1, "next": 1}.get(m[1] or "", 0)
        return DateSpec("weekday", weekday=WEEKDAYS.index(m[2]), step=step)
    return None


def resolve(spec: DateSpec, reference: str | None, tense: str = "past") -> str | None:
    """ISO date of `spec` at its precision; None when it needs a reference (or a direction) it lacks.

    `reference` is the article's date (YYYY-MM-DD); `tense` says which way an unanchored
    date points: "past" (the latest such date on or before), "future" (the next on or after).
    """
    if spec.kind == "calendar" and spec.year is not None:
        return _calendar_iso(spec.year, spec.month, spec.day)
    ref = _as_date(reference)
    if ref is None:
        return None
    if spec.kind == "offset":
        return _offset(spec, ref)
    if spec.kind == "calendar" and spec.step:
        return _named_month(spec, ref)
    if tense not in ("past", "future"):
        return None  # "Mayor opens bridge on Friday": a headline's present says no direction
    future = tense == "future"
    if spec.kind == "weekday":
        if not future and spec.step == 0 and (ref.weekday() - spec.weekday) % 7 == 6:
            # "rescuers arrived Monday" on a page dated Sunday: six days back, or a page date a
            # day behind its updated text (time zones, first-publication dates); no way to tell
            return None
        return _weekday(spec, ref, future).isoformat()
    if spec.year_offset is not None:
        return _calendar_iso(ref.year + spec.year_offset, spec.month, spec.day)
    return _yearless(spec, ref, future)


def _as_date(reference: str | None) -> date | None:
    if not reference or len(reference) < 10:
        return None
    try:
        return date.fromisoformat(reference[:10])
    except ValueError:
        return None


def _calendar_iso(year: int, month: int | None, day: int | None) -> str | None:
    """Format at the stated precision; None for impossible dates ("February 30")."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _offset(spec: DateSpec, ref: date) -> str | None:
    if spec.unit == "year":
        return f"{ref.year + spec.amount:04d}"
    if spec.unit == "month":
        index = ref.year * 12 + ref.month - 1 + spec.amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return (ref + timedelta(days=spec.amount)).isoformat()


def _weekday(spec: DateSpec, ref: date, future: bool) -> date:
    """"on Tuesday" in a past-tense sentence: the latest Tuesday on or before the article's date."""
    if spec.step > 0 or (future and spec.step == 0):
        ahead = (spec.weekday - ref.weekday()) % 7
        return ref + timedelta(days=ahead or (7 if spec.step > 0 else 0))
    back = (ref.weekday() - spec.weekday) % 7
    return ref - timedelta(days=back or (7 if spec.step < 0 else 0))


def _named_month(spec: DateSpec, ref: date) -> str | None:
    """ "last May" in a June 2024 article is May 2024, in a May 2024 one May 2023; "next" alike."""
    if spec.step < 0:
        year = ref.year if (spec.month, spec.day or 1) < (ref.month, ref.day if spec.day else 1) else ref.year - 1
    else:
        year = ref.year if (spec.month, spec.day or 31) > (ref.month, ref.day if spec.day else 31) else ref.year + 1
    return _calendar_iso(year, spec.month, spec.day)


def _yearless(spec: DateSpec, ref: date, future: bool) -> str | None:
    """"On May 12" with no year: the nearest May 12 on or before (or after, if scheduled) the reference."""
    year = ref.year
    if not future and (spec.month, spec.day or 1) > (ref.month, ref.day):
        year -= 1
    if future and (spec.month, spec.day or 31) < (ref.month, ref.day):
        year += 1
    return _calendar_iso(year, spec.month, spec.day)


def is_iso(text: str) -> bool:
    """Machine-written dates ("2019-05-14"): news prose spells dates out, metadata does not."""
    return bool(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text.strip()))


def contains(coarse: str, fine: str) -> bool:
    """True when the period `coarse` includes `fine`: "2016" contains "2016-06"."""
    return fine.startswith(coarse)


def before(iso: str, reference: str | None) -> bool:
    """True when the whole period `iso` lies before the reference date."""
    return bool(reference) and iso < reference[: len(iso)]
