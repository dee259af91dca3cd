"""The fast path for plainly written dates reads them exactly as dateparser does."""

from __future__ import annotations

import datetime as dt
import random

import dateparser
import pytest

from generator.metadata import _PARSE_SETTINGS, DATE_RE, parse_date, plain_date


def _written(d: dt.date) -> list[str]:
    month, mon, weekday, wd = d.strftime("%B"), d.strftime("%b"), d.strftime("%A"), d.strftime("%a")
    n = d.day
    suffix = "th" if n in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return [f"{month} {n}, {d.year}", f"{mon}. {n} {d.year}", f"{n} {month} {d.year}", f"{n}{suffix} {mon} {d.year}",
            f"{weekday}, {month} {n}, {d.year}", f"{wd}. {n} {month}, {d.year}", d.isoformat(),
            f"{month} {n}{suffix}, {d.year}", f"Sept {n}, {d.year}", f"{month.upper()} {n} {d.year}"]


def _dateparser(text: str) -> str | None:
    parsed = dateparser.parse(text, languages=["en"], settings=_PARSE_SETTINGS)
    return parsed.strftime("%Y-%m-%d") if parsed else None


def test_plain_dates_read_as_dateparser_reads_them():
    rng = random.Random(7)
    days = [dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(15000)) for _ in range(30)]
    texts = [t for d in days for t in _written(d) if DATE_RE.fullmatch(t)]
    fast = [(t, plain_date(t)) for t in texts]
    assert sum(iso is not None for _, iso in fast) > 0.8 * len(texts)
    for text, iso in fast:
        if iso is not None:
            assert iso == _dateparser(text), text


@pytest.mark.parametrize("text", ["February 30, 2024", "Sept 31, 2024", "31 June 2023"])
def test_impossible_dates_are_left_to_dateparser(text):
    assert plain_date(text) is None
    assert parse_date(text, False) == _dateparser(text)


def test_a_written_time_goes_to_dateparser():
    assert parse_date("July 4, 2025 at 10:15 AM", True) == "2025-07-04T10:15"
