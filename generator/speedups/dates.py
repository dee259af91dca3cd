"""The date fast path: full dates written plainly, read by hand exactly as dateparser reads them.

dateparser reads "Friday, July 4th, 2025" or "4 July 2025 at 10:34" the same way, but loading
it costs about a second of a run that cleans a single new article. `read` takes the plain
forms and returns None for anything else (an odd form, an impossible date or time), which the
caller (generator.text.dates.written) then gives to dateparser. Tested against dateparser on
generated forms: tests/speedups/test_dates.py.
"""

from __future__ import annotations

import datetime as dt
import re

_PLAIN_DATE_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
_SUFFIX_OR_PUNCTUATION = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b|[.,]", re.I)
_SEPT = re.compile(r"\bsept\b", re.I)  # AP style; strptime knows only "Sep"
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\.?)?", re.I)


def read(date_words: str, clock: str | None = None) -> str | None:
    """ISO day ("2025-07-04") of a plainly written date, or with `clock` its minute
    ("2025-07-04T10:34"); None when the words are not one of the plain forms.

    `date_words` is a full date as the "date" group of generator.text.dates.vocabulary.DATE_RE
    matches it ("Friday, July 4th, 2025", "4 Sept 2025", "2025-07-04"); `clock` is its "time"
    group ("3:25 PM").
    """
    day = _plain_date(date_words)
    if day is None or clock is None:
        return day
    return _with_clock(day, clock)


def _plain_date(date_words: str) -> str | None:
    words = _SUFFIX_OR_PUNCTUATION.sub(" ", date_words).split()
    if len(words) == 4:
        words = words[1:]  # the weekday the written date starts with: "Friday July 4 2025"
    text = _SEPT.sub("Sep", " ".join(words))
    for fmt in _PLAIN_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return None


def _with_clock(day: str, clock: str) -> str | None:
    m = _CLOCK.fullmatch(clock)
    if m is None:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if half and 1 <= hour <= 12:  # a 24-hour clock with a stray "pm" ("14:38pm") reads as written
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{day}T{hour:02d}:{minute:02d}"
