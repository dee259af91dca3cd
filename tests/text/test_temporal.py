"""Date expressions as intervals (the fallback claims use when the timeline gave none)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.text.temporal import iso_interval, resolve

REF = date(2025, 7, 4)


@pytest.mark.parametrize(("expression", "lo", "hi"), [
    ("August 2021", date(2021, 8, 1), date(2021, 8, 31)),
    ("in 2021", date(2021, 1, 1), date(2021, 12, 31)),
    ("April this year", date(2025, 4, 1), date(2025, 4, 30)),
    ("July 3", date(2025, 7, 3), date(2025, 7, 3)),
    ("Sept. 8", date(2024, 9, 8), date(2024, 9, 8)),  # a later month is last year's
    ("the 1990s", date(1990, 1, 1), date(1999, 12, 31)),
    ("Oct. 4, 2024", date(2024, 10, 4), date(2024, 10, 4)),
])
def test_resolve(expression, lo, hi):
    assert resolve(expression, REF) == (lo, hi)


def test_nearly_three_years_ago_excludes_a_date_almost_four_years_back():
    lo, hi = resolve("nearly three years ago", REF)
    assert lo.year == 2022 and hi < date(2023, 2, 1)
    aug_2021 = resolve("August 2021", REF)
    assert aug_2021[1] < lo  # the two cannot both be right


def test_vague_or_unanchored_expressions_give_nothing():
    assert resolve("nine-year", REF) is None
    assert resolve("three years ago", None) is None


def test_iso_interval_keeps_the_precision_given():
    assert iso_interval("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert iso_interval("2021-02") == (date(2021, 2, 1), date(2021, 2, 28))
    assert iso_interval("2021-02-03") == (date(2021, 2, 3), date(2021, 2, 3))
    assert iso_interval("soon") is None
