"""Dates written in full on a page or in metadata: found, read at the precision written."""

from __future__ import annotations

import pytest

from generator.text.dates.written import find_date, parse_written, read_iso


@pytest.mark.parametrize("text, written, iso", [
    ("Published: July 4, 2025", "July 4, 2025", "2025-07-04"),
    ("Posted Fri. 4 July 2025 at 10:34", "Fri. 4 July 2025 at 10:34", "2025-07-04T10:34"),
    ("Updated Tues., Sept. 3, 2024, 3:25 p.m. ET", "Tues., Sept. 3, 2024, 3:25 p.m.", "2024-09-03T15:25"),
    ("By Jane Roe | 2025-07-04", "2025-07-04", "2025-07-04"),
    ("Jane Roe, 4th Jul 2025 14.02 GMT", "4th Jul 2025 14.02", "2025-07-04T14:02"),
    ("6/25/2009 6:31 PM PDT", "6/25/2009", "2009-06-25"),  # numeric: the 25th can only be a day
    ("Posted 25/06/2009", "25/06/2009", "2009-06-25"),
])
def test_find_date_reads_the_first_full_date_with_its_time(text, written, iso):
    found = find_date(text)
    assert found is not None and found.iso == iso
    assert text[found.start:found.end] == written


def test_no_full_date_no_guess():
    assert find_date("Published on Tuesday, in July") is None
    assert find_date("July 2025") is None
    assert find_date("Posted 3/4/2009") is None  # March 4 or 3 April: the page does not say


def test_a_written_time_goes_to_dateparser():
    assert parse_written("July 4, 2025 at 10:15 AM", True) == "2025-07-04T10:15"


@pytest.mark.parametrize("text, iso", [
    ("2025", "2025"), ("2025-07", "2025-07"), ("2025-07-04", "2025-07-04"),
    ("2025-07-04T15:25", "2025-07-04T15:25"), ("2025-07-04T15:25:59.123+02:00", "2025-07-04T15:25"),
    ("2025-07-04 15:25Z", "2025-07-04T15:25"), ("July 4, 2025", None), ("20250704", None),
])
def test_read_iso_keeps_the_precision_given(text, iso):
    assert read_iso(text) == iso


@pytest.mark.parametrize("text", ["2025-13-40", "2025-02-30", "2025-07-04T25:00", "2025-07-04T10:60", "0000"])
def test_read_iso_refuses_impossible_values(text):
    with pytest.raises(ValueError):
        read_iso(text)
