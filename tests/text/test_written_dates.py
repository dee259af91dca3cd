"""The fast path for plainly written dates reads them exactly as dateparser does."""

from __future__ import annotations

import datetime as dt
import random

import dateparser
import pytest

from generator.clean.metadata import (
    _PARSE_SETTINGS,
    DATE_RE,
    parse_date,
    plain_date,
    plain_time,
)


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
    _fast_path_agrees(texts, plain_date, _dateparser)


def _fast_path_agrees(texts: list[str], fast, slow) -> None:
    """The fast path reads most texts, and each one it reads as dateparser does."""
    read = [(t, fast(t)) for t in texts]
    assert sum(iso is not None for _, iso in read) > 0.8 * len(texts)
    for text, iso in read:
        if iso is not None:
            assert iso == slow(text), text


@pytest.mark.parametrize("text", ["February 30, 2024", "Sept 31, 2024", "31 June 2023"])
def test_impossible_dates_are_left_to_dateparser(text):
    assert plain_date(text) is None
    assert parse_date(text, False) == _dateparser(text)


def test_a_written_time_goes_to_dateparser():
    assert parse_date("July 4, 2025 at 10:15 AM", True) == "2025-07-04T10:15"


def _with_time(day: str, rng: random.Random) -> list[str]:
    hour, minute = rng.randrange(24), rng.randrange(60)
    half = "AM" if hour < 12 else "PM"
    twelve = hour % 12 or 12
    return [f"{day} {hour:02d}:{minute:02d}", f"{day}, {twelve}:{minute:02d} {half}", f"{day} at {twelve}:{minute:02d} {half.lower()}",
            f"{day}, {twelve}:{minute:02d} {half[0].lower()}.m.", f"{day} {hour}:{minute:02d}:{rng.randrange(60):02d}",
            f"{day} 12:{minute:02d} AM", f"{day} 12:{minute:02d} PM"]


def _dateparser_minute(text: str) -> str | None:
    parsed = dateparser.parse(text.replace(" at ", " "), languages=["en"], settings=_PARSE_SETTINGS)
    return parsed.strftime("%Y-%m-%dT%H:%M") if parsed else None


def test_plain_dates_with_a_clock_time_read_as_dateparser_reads_them():
    rng = random.Random(11)
    days = [dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(15000)) for _ in range(20)]
    texts = [t for d in days for written in _written(d)[:4] for t in _with_time(written, rng)]
    texts = [m.group(0) for m in map(DATE_RE.fullmatch, texts) if m and m.group("time")]
    _fast_path_agrees(texts, plain_time, _dateparser_minute)


@pytest.mark.parametrize("text", ["July 4, 2025 24:00", "February 30, 2024 10:00", "July 4, 2025 10:60 PM"])
def test_odd_clock_times_are_left_to_dateparser(text):
    assert plain_time(text) is None


@pytest.mark.parametrize("text", ["July 4, 2025 13:10 PM", "July 4, 2025 0:10 AM", "March 10, 2019 14:38pm",
                                  "March 10, 2019 00:38pm", "March 10, 2019 14:38am"])
def test_a_24_hour_clock_with_a_stray_half_of_day_reads_as_dateparser_reads_it(text):
    assert plain_time(text) is not None
    assert plain_time(text) == _dateparser_minute(text)
