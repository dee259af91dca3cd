"""The English words of dates, written once: month and weekday names, number words, and the
pattern of a date written in full ("Friday, July 4, 2025, 3:25 PM").

Spelt out rather than taken from `calendar`, whose names follow the process's locale.
"""

from __future__ import annotations

import re

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# lower-case month word -> number: full names, three-letter abbreviations, and AP style "Sept."
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS |= {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS["sept"] = 9
WEEKDAYS = tuple(name.lower() for name in WEEKDAY_NAMES)  # monday .. sunday (0 .. 6, as date.weekday())
# written before a full date only ("Tues., Sept. 3, 2024"): too ambiguous in running text
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Clock zones news copy writes after a time ("0700 GMT", "3 p.m. EDT")
ZONES = frozenset({"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "est", "edt", "cst", "cdt",
                   "mst", "mdt", "pst", "pdt", "ist", "jst", "kst", "aest", "aedt", "hkt", "sgt", "msk"})
# What follows a time of day written in four figures: "(1900 GMT)", "at 0600 hours"
CLOCK_SUFFIXES = ZONES | {"hrs", "hours", "h", "local", "z"}


def is_clock_time(expression: str, next_word: str = "") -> bool:
    """Four figures before a time zone ("1545 GMT", "(0600 hours)") are a time of day, not a year;
    `next_word`: the word after the expression, when the zone is not part of it."""
    words = expression.strip("()").split()
    if not words or not (len(words[0]) == 4 and words[0].isdigit()):
        return False
    zone = words[1:2] or [next_word]
    return zone[0].lower().strip(".,)") in CLOCK_SUFFIXES


# Words that are the date's wording, not the event's ("in June", "last Friday", "years ago").
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {
    "year", "month", "week", "day", "ago", "earlier", "later", "last", "next", "this", "today",
    "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "recent", "early", "late",
}


def alternation(words) -> str:
    """A regex alternation of `words`, longest first: "september|sept|sep" tries the whole word."""
    return "|".join(sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- a date written in full

_MONTH = rf"(?:{alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?:(?:{alternation(WEEKDAYS + WEEKDAY_ABBREVIATIONS)})\.?,?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# "July 4, 2025" / "4 July 2025" / "2025-07-04" / "July-04-2025" (a page's stamp), with an optional weekday before.
_DATE = (rf"(?:{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+\d{{4}}"
         rf"|(?<![\w-]){_MONTH}-\d{{1,2}}-\d{{4}}(?![\w-])|\d{{4}}-\d{{2}}-\d{{2}})")
# "10:15 AM", "14.02 GMT", "3pm", optionally after "at" or ISO's "T".
_CLOCK = (r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
          r"|\d{1,2}\.\d{2}(?=\s+[A-Z]{2,4}\b|$)|\d{1,2}\s*[ap]\.?m\.?")
_TIME = rf"(?:,?\s*(?:at\s+|T)?(?P<time>{_CLOCK})(?![\w:]))"
CLOCK = _CLOCK  # a time of day as written, for patterns elsewhere that read one
DATE_RE = re.compile(rf"(?P<date>{_DATE}){_TIME}?", re.I)  # group "time" set when a time is written
# The same written date without named groups, for patterns that hold several ("... updated <date>").
DATE_TEXT = rf"{_DATE}(?:,?\s*(?:at\s+|T)?(?:{_CLOCK})(?![\w:]))?"
# A weekday's name or its abbreviation as a word ("Monday", "Tues.", "SAT").
WEEKDAY_WORD = rf"\b(?:{alternation(WEEKDAYS + WEEKDAY_ABBREVIATIONS)})\b"
