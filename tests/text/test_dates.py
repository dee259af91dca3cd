"""The one date module: partial dates, the expression grammar, its points (timeline) and its
intervals (claims), and the readings the timeline's and the claims' grammars used to disagree on."""

from __future__ import annotations

from datetime import date

import pytest

from generator.text.dates import expressions
from generator.text.dates.partial import Interval, PartialDate, Precision, day_of

WEDNESDAY = date(2024, 6, 12)  # the reference of the examples
REF = date(2025, 7, 4)


def point(expression: str, reference: date | None, tense: str | None = "past") -> str | None:
    spec = expressions.parse_expression(expression)
    found = expressions.resolve(spec, reference, tense) if spec else None
    return found.iso if found else None


def days(first: str, last: str | None = None) -> Interval:
    return Interval(date.fromisoformat(first), date.fromisoformat(last or first))


# ---------------------------------------------------------------- the disagreements, read one way


@pytest.mark.parametrize("expression, tense, expected", [
    ("next Monday", "past", "2024-06-17"),
    ("next Monday", "future", "2024-06-17"),
    ("next Monday", None, "2024-06-17"),
    ("last Monday", "past", "2024-06-10"),
    ("last Monday", None, "2024-06-10"),
    ("on Monday", "past", "2024-06-10"),
    ("on Monday", "future", "2024-06-17"),
    ("yesterday", "past", "2024-06-11"),
    ("yesterday", None, "2024-06-11"),
    ("today", None, "2024-06-12"),
])
def test_timeline_and_claims_read_a_relative_day_alike(expression, tense, expected):
    assert expressions.interval_of(expression, WEDNESDAY, tense) == days(expected)
    if tense is not None:
        assert point(expression, WEDNESDAY, tense) == expected


def test_a_decade_is_an_interval_for_claims_and_no_timeline_point():
    spec = expressions.parse_expression("the 1990s")
    assert spec is not None and not spec.point
    assert expressions.resolve(spec, WEDNESDAY, "past") is None
    assert expressions.interval(spec, WEDNESDAY) == days("1990-01-01", "1999-12-31")
    assert expressions.interval_of("in the 1990s", None) == days("1990-01-01", "1999-12-31")


# ---------------------------------------------------------------- PartialDate


def test_partial_date_precision_iso_and_period():
    year, month, day = PartialDate(2024), PartialDate(2024, 2), PartialDate(2024, 2, 29)
    assert [d.precision for d in (year, month, day)] == [Precision.YEAR, Precision.MONTH, Precision.DAY]
    assert [d.iso for d in (year, month, day)] == ["2024", "2024-02", "2024-02-29"]
    assert (year.first, year.last) == (date(2024, 1, 1), date(2024, 12, 31))
    assert (month.first, month.last) == (date(2024, 2, 1), date(2024, 2, 29))
    assert day.interval == days("2024-02-29")
    assert year.contains(month) and month.contains(day) and day.contains(day) and not day.contains(month)
    assert month.before(date(2024, 3, 1)) and not month.before(date(2024, 2, 29))


def test_partial_date_exists_or_is_not_made():
    assert PartialDate.valid(2023, 2, 29) is None
    with pytest.raises(ValueError):
        PartialDate(2023, 2, 29)
    with pytest.raises(ValueError):
        PartialDate(2023, None, 3)
    assert PartialDate.of_day(date(2023, 3, 1)) == PartialDate(2023, 3, 1)


@pytest.mark.parametrize("text, expected", [
    ("2021", PartialDate(2021)), ("2021-02", PartialDate(2021, 2)), ("2021-02-03", PartialDate(2021, 2, 3)),
    ("2021-02-30", None), ("soon", None), ("", None), (None, None), ("2021-02-03T10:15", None),
])
def test_partial_date_from_iso_keeps_the_precision_given(text, expected):
    assert PartialDate.from_iso(text) == expected
    if expected is not None:
        assert expected.iso == text


def test_day_of_a_date_or_timestamp():
    assert day_of("2025-07-04T15:25") == date(2025, 7, 4)
    assert day_of("2025-07-04") == date(2025, 7, 4)
    assert day_of("2025-07") is None and day_of(None) is None and day_of("2025-13-04") is None


# ---------------------------------------------------------------- points (the timeline)


@pytest.mark.parametrize("expression, reference, tense, expected", [
    ("in April 2025", None, "past", "2025-04"),          # month precision, never a day
    ("in 2003", None, "past", "2003"),
    ("since 2022", None, "past", "2022"),
    ("Oct. 4, 2024", None, "past", "2024-10-04"),
    ("Friday, March 10, 2023", None, "past", "2023-03-10"),  # the written date wins over the weekday
    ("on Thursday", "2025-07-04", "past", "2025-07-03"),  # latest Thursday on or before a Friday
    ("on Friday", "2025-07-04", "past", "2025-07-04"),   # the same day counts
    ("last Friday", "2025-07-04", "past", "2025-06-27"),
    ("on Monday", "2023-03-10", "future", "2023-03-13"),  # scheduled: the next Monday
    ("earlier this year", "2025-07-04", "past", "2025"),
    ("in April this year", "2025-07-04", "past", "2025-04"),
    ("last month", "2025-01-15", "past", "2024-12"),
    ("nearly three years ago", "2025-07-04", "past", "2022"),  # approximate: a year at most
    ("On July 3", "2025-07-04", "past", "2025-07-03"),
    ("On July 3", "2025-06-01", "past", "2024-07-03"),  # the latest July 3 before the reference
    ("on March 13", "2023-03-10", "future", "2023-03-13"),
    ("the end of last year", "2023-03-10", "past", "2022"),
    ("late Friday", "2023-09-09", "past", "2023-09-08"),
    ("yesterday", "2025-03-01", "past", "2025-02-28"),
    ("Tuesday's", "2019-05-16", "past", "2019-05-14"),
    ("March 3-5, 2019", None, "past", "2019-03"),        # a span of days: its month only
    ("in the year 1998", None, "past", "1998"),
    ("last May", "2023-04-05", "present", "2022-05"),     # the words give the direction, not the verb
    ("last May", "2023-05-20", "past", "2022-05"),        # said in May: the May before
    ("next March", "2023-04-05", "past", "2024-03"),
    ("last Monday", "2023-09-10", "past", "2023-09-04"),  # explicit: six days back is meant
])
def test_expression_resolves_at_the_precision_written(expression, reference, tense, expected):
    spec = expressions.parse_expression(expression)
    assert spec is not None and spec.point
    assert point(expression, day_of(reference), tense) == expected


@pytest.mark.parametrize("expression", [
    "this week", "in recent months", "the past few months", "nine-year", "two years", "the 1990s",
    "for decades", "more than a decade ago", "more than 120 years", "48 hours", "4 to 11", "72",
    "by Monday", "until June 2019", "1969-1972",
])
def test_vague_spans_and_durations_are_not_timeline_points(expression):
    spec = expressions.parse_expression(expression)
    assert spec is None or not spec.point
    assert point(expression, REF) is None


@pytest.mark.parametrize("expression", ["nine-year", "two years", "for decades", "more than 120 years",
                                        "48 hours", "4 to 11", "72", "the weekend", "annual"])
def test_durations_and_ages_name_no_time_at_all(expression):
    assert expressions.parse_expression(expression) is None


def test_relative_date_without_reference_is_not_guessed():
    for expression in ("on Thursday", "On July 3", "last month", "earlier this year"):
        spec = expressions.parse_expression(expression)
        assert spec is not None and spec.relative
        assert expressions.resolve(spec, None) is None
        assert expressions.interval(spec, None) is None
    assert point("on Friday", REF, "present") is None


def test_a_weekday_after_a_sunday_reference_is_no_point_but_both_days_for_claims():
    sunday = date(2023, 9, 10)
    assert point("Monday", sunday, "past") is None
    assert expressions.interval_of("Monday", sunday, "past") == days("2023-09-04", "2023-09-11")
    assert expressions.interval_of("Monday", sunday, "future") == days("2023-09-11")


# ---------------------------------------------------------------- intervals (the claims)


@pytest.mark.parametrize(("expression", "first", "last"), [
    ("August 2021", "2021-08-01", "2021-08-31"),
    ("in 2021", "2021-01-01", "2021-12-31"),
    ("April this year", "2025-04-01", "2025-04-30"),
    ("July 3", "2025-07-03", None),
    ("Sept. 8", "2024-09-08", None),  # a later month without a tense is last year's
    ("July 14", "2025-07-14", None),  # ... the article's own month is this year's
    ("the 1990s", "1990-01-01", "1999-12-31"),
    ("Oct. 4, 2024", "2024-10-04", None),
    ("earlier this year", "2025-01-01", "2025-07-04"),  # up to the article's day
    ("this week", "2025-06-27", "2025-07-04"),
    ("in recent months", "2024-07-04", "2025-07-04"),
    ("1969-1972", "1969-01-01", "1972-12-31"),  # the years named
    ("until June 2019", "2019-06-01", "2019-06-30"),  # a limit: the date it names, no point
    ("three days ago", "2025-07-01", None),
])
def test_interval(expression, first, last):
    assert expressions.interval_of(expression, REF) == days(first, last)


def test_a_yearless_date_follows_the_tense_when_there_is_one():
    assert expressions.interval_of("on March 13", date(2023, 3, 10)) == days("2023-03-13")
    assert expressions.interval_of("on March 13", date(2023, 3, 10), "future") == days("2023-03-13")
    assert expressions.interval_of("on March 13", date(2023, 3, 10), "past") == days("2022-03-13")


def test_nearly_three_years_ago_excludes_a_date_almost_four_years_back():
    span = expressions.interval_of("nearly three years ago", REF)
    assert span.first.year == 2022 and span.last < date(2023, 2, 1)
    assert expressions.interval_of("August 2021", REF).last < span.first  # the two cannot both be right


def test_hedged_years_ago():
    """Counted back in years of 365.25 days from the article's date."""
    assert expressions.interval_of("more than a decade ago", REF) == days("2014-07-04", "2015-07-05")
    assert expressions.interval_of("five years ago", REF) == days("2020-01-03", "2021-01-02")
    assert expressions.interval_of("less than two years ago", REF) == days("2023-07-05", "2025-07-04")
    assert expressions.interval_of("about three months ago", REF) is None


def test_vague_or_unanchored_expressions_give_nothing():
    assert expressions.interval_of("nine-year", REF) is None
    assert expressions.interval_of("three years ago", None) is None
    assert expressions.interval_of("the next week", REF) is None


# ---------------------------------------------------------------- issue 16: the readings that were wrong


@pytest.mark.parametrize("expression", ["1700 GMT", "at 1700 GMT", "0546 GMT", "10:30 a.m.", "3pm"])
def test_a_clock_time_is_no_year(expression):
    assert expressions.parse_expression(expression) is None
    assert expressions.interval_of(expression, REF) is None


def test_a_clock_time_beside_a_day_leaves_the_day():
    assert point("1700 GMT on Tuesday", date(2024, 6, 12)) == "2024-06-11"


@pytest.mark.parametrize("reference, tense, expected", [
    ("2025-07-06", "past", "2025-07-04"),    # this July 4, two days before
    ("2025-01-10", "past", "2024-07-04"),    # about the past, in January: last year's
    ("2025-01-10", "future", "2025-07-04"),  # scheduled: the coming one
    ("2025-07-06", "future", "2026-07-04"),  # scheduled, and this year's has passed: never before the article
    ("2025-07-03", "past", "2025-07-04"),    # a page dated a day behind its text: not a year back
    ("2025-07-01", "past", "2024-07-04"),    # three days ahead in the past tense: last year's
])
def test_a_yearless_date_is_the_nearest_plausible_one(reference, tense, expected):
    assert point("July 4", date.fromisoformat(reference), tense) == expected


def test_a_scheduled_yearless_date_is_never_before_its_article():
    for reference in ("2025-07-04", "2025-07-05", "2025-12-31"):
        ref = date.fromisoformat(reference)
        assert expressions.resolve(expressions.parse_expression("on July 4"), ref, "future").first >= ref


def test_a_datelines_day_is_the_nearest_such_day():
    assert expressions.nearest_day(7, 8, date(2022, 7, 9)) == date(2022, 7, 8)
    assert expressions.nearest_day(12, 30, date(2023, 1, 2)) == date(2022, 12, 30)
    assert expressions.nearest_day(1, 2, date(2022, 12, 30)) == date(2023, 1, 2)
    assert expressions.nearest_day(2, 29, date(2023, 3, 1)) == date(2024, 2, 29)  # the nearest leap day


SATURDAY, SUNDAY = date(2023, 9, 9), date(2023, 9, 10)


@pytest.mark.parametrize("expression, tense, expected", [
    ("on Sunday", "past", "2023-09-10"),    # counted back from the window's last day, not its first
    ("on Friday", "past", "2023-09-08"),    # both ends agree
    ("on Saturday", "past", "2023-09-09"),
    ("on Monday", "future", "2023-09-11"),  # counted forward from the first day
    ("yesterday", "past", None),            # the ends disagree and a day gives no slack: not guessed
    ("last month", "past", "2023-08"),
])
def test_an_undated_article_is_read_against_the_storys_days(expression, tense, expected):
    found = expressions.resolve_between(expressions.parse_expression(expression), SATURDAY, SUNDAY, tense)
    assert (found.iso if found else None) == expected


@pytest.mark.parametrize("expression, tense, expected", [
    ("on Sunday", "past", "2014-03-09"),    # the nearest Sunday, after the one dated article: not 2 March
    ("on Monday", "past", "2014-03-10"),
    ("on Thursday", "past", "2014-03-06"),
    ("on Friday", "past", "2014-03-07"),
])
def test_a_weekday_of_an_undated_article_is_its_day_nearest_the_dated_ones(expression, tense, expected):
    friday = date(2014, 3, 7)
    found = expressions.resolve_between(expressions.parse_expression(expression), friday, friday, tense)
    assert found.iso == expected


def test_a_past_weekday_as_near_before_the_window_as_after_it_is_the_one_before():
    spec = expressions.parse_expression("on Wednesday")  # the window: Saturday and Sunday
    assert expressions.resolve_between(spec, date(2020, 5, 30), date(2020, 5, 31), "past").iso == "2020-05-27"
    assert expressions.resolve_between(spec, date(2020, 5, 30), date(2020, 5, 31), "present").iso == "2020-06-03"


def test_a_weekday_in_a_window_of_a_week_or_more_is_not_guessed():
    spec = expressions.parse_expression("on Sunday")
    assert expressions.resolve_between(spec, date(2023, 9, 1), date(2023, 9, 10), "past") is None
