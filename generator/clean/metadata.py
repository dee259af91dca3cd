"""Page metadata: dates at the precision stated, people's names, and explicit metadata validation.

Dates found in the text are parsed with dateparser; the precision is what the text states (a
time only when one is written), never a guess. Explicit metadata (sidecar YAML, front matter,
JSON fields) is validated here so every message names the file and the key.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import reprlib
from dataclasses import dataclass
from typing import Any


META_KEYS = ("title", "url", "outlet", "author", "published")
META_ALIASES = {"date": "published", "source": "outlet", "publisher": "outlet", "byline": "author",
                "headline": "title", "link": "url"}

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# "July 4, 2025" / "4 July 2025" / "2025-07-04", optionally followed by a time.
DATE = rf"(?:{WEEKDAY}{MONTH}\s+{_DAY},?\s+\d{{4}}|{WEEKDAY}{_DAY}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
TIME = (r"(?:,?\s*(?:at\s+|T)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\.\d{2}(?=\s+[A-Z]{2,4}\b|$)"
        r"|\d{1,2}\s*[ap]\.?m\.?)(?![\w:]))")  # "10:15 AM", "14.02 GMT", "3pm"
DATE_RE = re.compile(rf"(?P<date>{DATE}){TIME}?", re.I)
ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?"
                    r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
_PARSE_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month", "year"]}


# Values quoted in error messages are bounded: front matter is untrusted text, and YAML
# aliases can nest a "billion laughs" (a list of ten lists of ten lists...) that a plain
# repr() would spell out in full.
_BRIEF = reprlib.Repr()
_BRIEF.maxstring = _BRIEF.maxother = 80
_BRIEF.maxlist = _BRIEF.maxdict = _BRIEF.maxtuple = _BRIEF.maxset = 4
_BRIEF.maxlevel = 2


def brief(value: Any) -> str:
    """repr() of a value, cut short, for a one-line message."""
    return _BRIEF.repr(value)


@dataclass(frozen=True)
class FoundDate:
    iso: str  # "2025-07-04T15:25" or "2025-07-04"
    start: int
    end: int


def find_date(text: str) -> FoundDate | None:
    """The first full date (with its time, when written) in `text`."""
    for m in DATE_RE.finditer(text):
        iso = parse_date(m.group(0), with_time=m.group("time") is not None)
        if iso:
            return FoundDate(iso, m.start(), m.end())
    return None


_WEEKDAY_RE = re.compile(rf"^{WEEKDAY}", re.I)
_PLAIN_DATE_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")


def plain_date(text: str) -> str | None:
    """ISO day of a date written in full without a time ("Friday, July 4th, 2025", "4 Sept 2025").

    A fast path: dateparser reads these the same way, but loading it costs about a second of a
    run that cleans a single new article. Anything else (a time, an odd form) goes to dateparser.
    """
    words = _WEEKDAY_RE.sub("", text.strip())
    words = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|[.,]", " ", words, flags=re.I)
    words = re.sub(r"\bsept\b", "Sep", " ".join(words.split()), flags=re.I)
    for fmt in _PLAIN_DATE_FORMATS:
        try:
            return dt.datetime.strptime(words, fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return None


_PLAIN_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\.?)?", re.I)


def plain_time(text: str) -> str | None:
    """ISO minute of a plain date and clock time ("July 4, 2025, 03:25 PM", "4 July 2025 at 10:34"),
    the fast path again: dateparser reads them the same way. None for anything else."""
    m = DATE_RE.fullmatch(text.strip())
    day = plain_date(m.group("date")) if m and m.group("time") else None
    clock = _PLAIN_TIME_RE.fullmatch(m.group("time")) if day else None
    if clock is None:
        return None
    hour, minute, half = int(clock.group(1)), int(clock.group(2)), (clock.group(3) or "").lower()
    if half and 1 <= hour <= 12:  # a 24-hour clock with a stray "pm" ("14:38pm") reads as written
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{day}T{hour:02d}:{minute:02d}"


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, with_time: bool) -> str | None:
    """dateparser on one date expression; ISO at day precision, or minute when a time is written."""
    iso = plain_time(text) if with_time else plain_date(text)
    if iso:
        return iso
    import dateparser  # here: only files with a date to read load it

    parsed = dateparser.parse(text.replace(" at ", " "), languages=["en"], settings=_PARSE_SETTINGS)
    if parsed is None:
        return None
    return parsed.strftime("%Y-%m-%dT%H:%M" if with_time else "%Y-%m-%d")


def normalise_explicit_date(value: Any) -> str:
    """An explicit `published` value as ISO at its own precision; ValueError when it is not a date."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)  # YAML reads "published: 2025" as an int
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a date, got {brief(value)}")
    m = ISO_RE.match(value.strip())
    if m:
        parts = [p for p in m.groups() if p is not None]
        iso = "-".join(parts[:3]) + (f"T{parts[3]}:{parts[4]}" if len(parts) == 5 else "")
        _check_iso(iso, value)
        return iso
    found = find_date(value)
    if found is None:
        raise ValueError(f"not a date: {brief(value)} (use ISO 8601, e.g. 2025-07-04 or 2025-07-04T15:25)")
    return found.iso


def _check_iso(iso: str, value: str) -> None:
    fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d", 16: "%Y-%m-%dT%H:%M"}[len(iso)]
    try:
        dt.datetime.strptime(iso, fmt)
    except ValueError:
        raise ValueError(f"not a valid date: {brief(value)}") from None


def tidy_name(name: str) -> str:
    """Names as written, except ALL-CAPS bylines ("SAM SMITH") shown as "Sam Smith"."""
    name = " ".join(name.split()).strip(" ,;:-–—|/")
    if not any(c.islower() for tok in name.split() if tok.lower() not in _CONNECTORS for c in tok):
        name = " ".join(_cap(tok) for tok in name.split())
    return name


_CONNECTORS = ("and", "of", "de", "van", "von", "al")


def _cap(token: str) -> str:
    if token.lower() in _CONNECTORS:
        return token.lower()
    return token[:1] + token[1:].lower()


def validate_meta(data: Any, origin: str) -> tuple[dict[str, str], list[str]]:
    """Check an explicit metadata mapping; returns (clean values, error messages naming origin and key).

    Unknown keys are errors (a misspelt "autor" must not be silently ignored).
    """
    if not isinstance(data, dict):
        return {}, [f"{origin}: expected a mapping of {', '.join(META_KEYS)}, got {type(data).__name__}"]
    meta: dict[str, str] = {}
    errors: list[str] = []
    for raw_key in sorted(data, key=str):
        key = META_ALIASES.get(str(raw_key), str(raw_key))
        value = data[raw_key]
        if key not in META_KEYS:
            errors.append(f"{origin}: unknown key {brief(raw_key)} (known: {', '.join(META_KEYS)})")
        elif value is None:
            continue
        elif key == "published":
            try:
                meta[key] = normalise_explicit_date(value)
            except ValueError as exc:
                errors.append(f"{origin}: key 'published': {exc}")
        elif not isinstance(value, str) or not value.strip():
            errors.append(f"{origin}: key {brief(raw_key)} must be non-empty text, got {brief(value)}")
        elif key == "url" and not re.match(r"^https?://\S+$", value.strip()):
            errors.append(f"{origin}: key 'url' must be an http(s) address, got {brief(value)}")
        else:
            meta[key] = " ".join(value.split())
    return meta, errors
