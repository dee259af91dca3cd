"""A date known to the year, the month or the day, and the days it may be.

`PartialDate` is what a timeline row or a written date states: "2019", "May 2019" or
"14 May 2019", never more precise than the words. `Interval` is a closed run of days: a
partial date's whole period, or what a vaguer phrase allows ("nearly five years ago", "the
1990s", "this week"), which is how claims compare dates across sources.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class Precision(IntEnum):
    """How much of a date is known; a greater value is finer."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True)
class Interval:
    """A closed interval of days, `first` to `last` inclusive."""

    first: date
    last: date

    def overlaps(self, other: Interval) -> bool:
        """True when some day lies in both."""
        return self.first <= other.last and other.first <= self.last

    @property
    def one_day(self) -> bool:
        return self.first == self.last


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_TIME = re.compile(r"(?<=\d)T\d{2}:\d{2}(?::\d{2})?$")


@dataclass(frozen=True)
class PartialDate:
    """A calendar date at year, month or day precision: `month` and `day` are None when unknown.

    Construction checks the date exists (ValueError for "2023-02-30" or a day without a month);
    `valid` returns None instead. Equality is by value: "2016" is not "2016-06".
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs its month")
        date(self.year, self.month or 1, self.day or 1)  # raises ValueError if there is no such day

    @classmethod
    def valid(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
        """The date, or None when the calendar has no such day ("February 30")."""
        try:
            return cls(year, month, day)
        except ValueError:
            return None

    @classmethod
    def of_day(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def from_iso(cls, text: str | None, timestamp: bool = False) -> PartialDate | None:
        """ "2019" / "2019-05" / "2019-05-14" at the precision written; None for anything else.

        With `timestamp`, a time after it ("2019-05-14T10:15", "2019-05-14T10:15:30") is allowed
        and dropped.
        """
        if not text:
            return None
        if timestamp:
            text = _TIME.sub("", text)
        m = _ISO.fullmatch(text)
        if m is None:
            return None
        return cls.valid(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def iso(self) -> str:
        """ "2019", "2019-05" or "2019-05-14": the form the models and the export carry."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso

    @property
    def first(self) -> date:
        """The first day of the period."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """The last day of the period."""
        if self.day is not None:
            return self.first
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def interval(self) -> Interval:
        return Interval(self.first, self.last)

    def contains(self, other: PartialDate) -> bool:
        """True when `other`'s period lies within this one: "2016" contains "2016-06" and itself."""
        return self.first <= other.first and other.last <= self.last

    def before(self, day: date) -> bool:
        """True when the whole period ends before `day`."""
        return self.last < day


def day_of(iso: str | None) -> date | None:
    """The day an ISO date or timestamp names ("2019-05-14", "2019-05-14T10:15"), when it is
    that precise; None for "2019-05", None, or anything not ISO."""
    found = PartialDate.from_iso(iso, timestamp=True)
    return found.first if found is not None and found.precision is Precision.DAY else None
