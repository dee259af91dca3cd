"""The English words of dates, written once: month and weekday names, number words.

Spelt out rather than taken from `calendar`, whose names follow the process's locale.
"""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# lower-case month word -> number: full names, three-letter abbreviations, and AP style "Sept."
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS |= {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS["sept"] = 9
WEEKDAYS = tuple(name.lower() for name in WEEKDAY_NAMES)  # monday .. sunday (0 .. 6, as date.weekday())
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Words that are the date's wording, not the event's ("in June", "last Friday", "years ago").
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {
    "year", "month", "week", "day", "ago", "earlier", "later", "last", "next", "this", "today",
    "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "recent", "early", "late",
}


def alternation(words) -> str:
    """A regex alternation of `words`, longest first: "september|sept|sep" tries the whole word."""
    return "|".join(sorted(words, key=len, reverse=True))

