"""The date fast path reads plainly written dates exactly as dateparser does; turned off,
dateparser reads them all, with the same results."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys

import dateparser
import pytest

from generator import speedups
from generator.speedups import dates as fast_dates
from generator.text.dates.vocabulary import DATE_RE
from generator.text.dates.written import DATEPARSER_SETTINGS, parse_written
from tests.paths import ROOT


def plain_date(text: str) -> str | None:
    """The fast path on a date written without a time, split as the date finder splits it."""
    m = DATE_RE.fullmatch(text)
    return fast_dates.read(m.group("date")) if m and m.group("time") is None else None


def plain_time(text: str) -> str | None:
    """The fast path on a date written with a clock time."""
    m = DATE_RE.fullmatch(text)
    return fast_dates.read(m.group("date"), m.group("time")) if m and m.group("time") else None


def _written(d: dt.date) -> list[str]:
    month, mon, weekday, wd = d.strftime("%B"), d.strftime("%b"), d.strftime("%A"), d.strftime("%a")
    n = d.day
    suffix = "th" if n in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return [f"{month} {n}, {d.year}", f"{mon}. {n} {d.year}", f"{n} {month} {d.year}", f"{n}{suffix} {mon} {d.year}",
            f"{weekday}, {month} {n}, {d.year}", f"{wd}. {n} {month}, {d.year}", d.isoformat(),
            f"{month} {n}{suffix}, {d.year}", f"Sept {n}, {d.year}", f"{month.upper()} {n} {d.year}"]


def _with_time(day: str, rng: random.Random) -> list[str]:
    hour, minute = rng.randrange(24), rng.randrange(60)
    half = "AM" if hour < 12 else "PM"
    twelve = hour % 12 or 12
    return [f"{day} {hour:02d}:{minute:02d}", f"{day}, {twelve}:{minute:02d} {half}", f"{day} at {twelve}:{minute:02d} {half.lower()}",
            f"{day}, {twelve}:{minute:02d} {half[0].lower()}.m.", f"{day} {hour}:{minute:02d}:{rng.randrange(60):02d}",
            f"{day} 12:{minute:02d} AM", f"{day} 12:{minute:02d} PM"]


def _plain_dates() -> list[str]:
    rng = random.Random(7)
    days = [dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(15000)) for _ in range(30)]
    return [t for d in days for t in _written(d) if DATE_RE.fullmatch(t)]


def _dates_with_times() -> list[str]:
    rng = random.Random(11)
    days = [dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(15000)) for _ in range(20)]
    texts = [t for d in days for written in _written(d)[:4] for t in _with_time(written, rng)]
    return [m.group(0) for m in map(DATE_RE.fullmatch, texts) if m and m.group("time")]


def _dateparser(text: str) -> str | None:
    parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _dateparser_minute(text: str) -> str | None:
    parsed = dateparser.parse(text.replace(" at ", " "), languages=["en"], settings=DATEPARSER_SETTINGS)
    return parsed.strftime("%Y-%m-%dT%H:%M") if parsed else None


def _fast_path_agrees(texts: list[str], fast, slow) -> None:
    """The fast path reads most texts, and each one it reads as dateparser does."""
    read = [(t, fast(t)) for t in texts]
    assert sum(iso is not None for _, iso in read) > 0.8 * len(texts)
    for text, iso in read:
        if iso is not None:
            assert iso == slow(text), text


def test_plain_dates_read_as_dateparser_reads_them():
    _fast_path_agrees(_plain_dates(), plain_date, _dateparser)


def test_plain_dates_with_a_clock_time_read_as_dateparser_reads_them():
    _fast_path_agrees(_dates_with_times(), plain_time, _dateparser_minute)


@pytest.mark.parametrize("text", ["February 30, 2024", "Sept 31, 2024", "31 June 2023"])
def test_impossible_dates_are_left_to_dateparser(text):
    assert plain_date(text) is None
    assert parse_written(text, False) == _dateparser(text)


@pytest.mark.parametrize("text", ["July 4, 2025 24:00", "February 30, 2024 10:00", "July 4, 2025 10:60 PM"])
def test_odd_clock_times_are_left_to_dateparser(text):
    assert plain_time(text) is None


@pytest.mark.parametrize("text", ["July 4, 2025 13:10 PM", "July 4, 2025 0:10 AM", "March 10, 2019 14:38pm",
                                  "March 10, 2019 00:38pm", "March 10, 2019 14:38am"])
def test_a_24_hour_clock_with_a_stray_half_of_day_reads_as_dateparser_reads_it(text):
    assert plain_time(text) is not None
    assert plain_time(text) == _dateparser_minute(text)


@pytest.fixture
def library_only():
    speedups.use(set())
    try:
        yield
    finally:
        speedups.use(speedups.ALL)


def test_turned_off_dateparser_reads_every_form_with_the_same_results(library_only):
    assert not speedups.enabled("dates")
    for text in _plain_dates():
        assert parse_written(text, False) == _dateparser(text), text
    for text in _dates_with_times():
        assert parse_written(text, True) == _dateparser_minute(text), text


def test_on_or_off_the_written_dates_read_the_same():
    texts = [(t, False) for t in _plain_dates()] + [(t, True) for t in _dates_with_times()]
    fast = [parse_written(t, with_time) for t, with_time in texts]
    speedups.use(set())
    try:
        slow = [parse_written(t, with_time) for t, with_time in texts]
    finally:
        speedups.use(speedups.ALL)
    assert fast == slow


def test_speedups_on_by_default_and_unknown_names_refused():
    assert speedups.enabled("dates")
    with pytest.raises(ValueError, match="unknown speed-up"):
        speedups.use({"dates", "warp"})
    assert speedups.enabled("dates")


def test_plain_dates_do_not_load_dateparser_unless_the_speedup_is_off():
    code = ("import sys; from generator import speedups; from generator.text.dates.written import find_date; "
            "{}; found = find_date('Posted: Friday, July 4, 2025, 3:25 PM'); "
            "print(found.iso, 'dateparser' in sys.modules)")
    for setting, loaded in (("pass", "False"), ("speedups.use(())", "True")):
        out = subprocess.run([sys.executable, "-c", code.format(setting)], cwd=ROOT, capture_output=True,
                             text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
        assert out.stdout.split() == ["2025-07-04T15:25", loaded]


@pytest.mark.parametrize("weekday", ["Mon", "Tue", "Tues", "Wed", "Thu", "Fri", "Sat", "Sun", "Tues.", "Wednesday"])
def test_every_weekday_form_reads_the_same_on_or_off(weekday):
    text = f"{weekday}, July 3, 2025"
    assert plain_date(text) == _dateparser(text) == "2025-07-03"


def test_known_difference_dateparser_does_not_read_thurs():
    """"Thurs." is AP style; the fast path reads it, dateparser (1.x) does not, so with the
    speed-up off such a date is not found. Pinned here so that a change on either side shows."""
    assert plain_date("Thurs., July 3, 2025") == "2025-07-03"
    assert _dateparser("Thurs., July 3, 2025") is None
