"""Explicit metadata (sidecar YAML, front matter, HTML meta tags, JSON fields): checked here, so
every message names the file and the key, before anything is cleaned."""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from typing import Any

from generator.text.dates import written

META_KEYS = ("title", "url", "outlet", "author", "published")
META_ALIASES = {"date": "published", "source": "outlet", "publisher": "outlet", "byline": "author",
                "headline": "title", "link": "url"}

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
    try:
        iso = written.read_iso(value.strip())
    except ValueError:
        raise ValueError(f"not a valid date: {brief(value)}") from None
    if iso is not None:
        return iso
    found = written.find_date(value)
    if found is None:
        raise ValueError(f"not a date: {brief(value)} (use ISO 8601, e.g. 2025-07-04 or 2025-07-04T15:25)")
    return found.iso


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
