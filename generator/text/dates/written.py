"""Dates written in full on a page or in metadata: "Published: July 4, 2025, 3:25 PM", "2025-07-04T15:25".

These are timestamps (a time only when one is written), so they stay ISO strings: "2025-07-04"
or "2025-07-04T15:25". dateparser reads the written forms; plainly written ones are read by
the date speed-up (generator.speedups.dates) unless it is turned off, which keeps dateparser's
second-long import out of a run whose pages give their dates plainly.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, time

from generator import speedups
from generator.speedups import dates as fast_dates
from generator.text.dates.partial import PartialDate
from generator.text.dates.vocabulary import DATE_RE

DATEPARSER_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month", "year"]}
# "2025", "2025-07", "2025-07-04", "2025-07-04T15:25[:00[.000]][Z|+02:00]"
_ISO_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")


@dataclass(frozen=True)
class FoundDate:
    iso: str  # "2025-07-04T15:25" or "2025-07-04"
    start: int
    end: int


def find_date(text: str) -> FoundDate | None:
    """The first full date (with its time, when written) in `text`; else a numeric one."""
    for m in DATE_RE.finditer(text):
        iso = parse_written(m.group(0), with_time=m.group("time") is not None)
        if iso:
            return FoundDate(iso, m.start(), m.end())
    return _numeric_date(text)


# "6/25/2009": month and day in either order, read only where one of them cannot be a month
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


def _numeric_date(text: str) -> FoundDate | None:
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b >= 1 and a <= 31:
            month, day = b, a
        elif b > 12 >= a >= 1 and b <= 31:
            month, day = a, b
        else:
            continue  # "3/4/2009": March 4 or 3 April, the page does not say which
        try:
            return FoundDate(date(year, month, day).isoformat(), m.start(), m.end())
        except ValueError:
            continue
    return None


def parse_written(text: str, with_time: bool) -> str | None:
    """One written date as ISO: the day, or the minute when a time is written; None if it is none."""
    return _parse_written(text, with_time, speedups.enabled("dates"))


@functools.lru_cache(maxsize=4096)
def _parse_written(text: str, with_time: bool, fast: bool) -> str | None:
    if fast and (iso := _plainly_written(text, with_time)):
        return iso
    import dateparser  # here: only a date the fast path cannot read loads it

    parsed = dateparser.parse(text.replace(" at ", " "), languages=["en"], settings=DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    return parsed.strftime("%Y-%m-%dT%H:%M" if with_time else "%Y-%m-%d")


def _plainly_written(text: str, with_time: bool) -> str | None:
    """The fast path's reading of a date written in full, with a time exactly when `with_time`."""
    m = DATE_RE.fullmatch(text.strip())
    if m is None or (m.group("time") is not None) != with_time:
        return None
    return fast_dates.read(m.group("date"), m.group("time"))


def read_iso(text: str) -> str | None:
    """An ISO 8601 value at the precision it gives: "2025", "2025-07", "2025-07-04" or
    "2025-07-04T15:25" (seconds and time zone dropped); None when `text` is not written as ISO.

    ValueError when it is, but names no real day or time ("2025-13-40", "2025-07-04T25:00").
    """
    m = _ISO_VALUE.match(text)
    if m is None:
        return None
    year, month, day, hour, minute = (int(g) if g else None for g in m.groups())
    found = PartialDate(year, month, day)  # type: ignore[arg-type]
    if hour is None:
        return found.iso
    time(hour, minute)  # type: ignore[arg-type]
    return f"{found.iso}T{hour:02d}:{minute:02d}"
