"""Formatting helpers and Jinja2 filters for the page templates.

Filters that return `SafeMd` build Markdown from escaped parts; every other value printed
by a template goes through `markdown_escape.md_inline` (the environment's `finalize`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Mapping, Sequence

import yaml

from generator.publish.markdown_escape import SafeMd, clean_text, md_inline, safe_token, safe_url, url_host

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T\d{2}:\d{2}(?::\d{2})?)?")


def parse_iso(value: object) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO date at its stated precision, or None if it is not one."""
    m = ISO_DATE.fullmatch(str(value or ""))
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def human_date(value: object) -> str:
    """'2025-07-03' -> '3 July 2025', '2025-04' -> 'April 2025', '2021' -> '2021'.

    Unparseable dates are shown as written (escaped by the template), never guessed.
    """
    parts = parse_iso(value)
    if parts is None:
        return clean_text(value)
    year, month, day = parts
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS[month - 1]} {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def iso_day(value: object) -> str | None:
    """The YYYY-MM-DD part of an ISO value when it is that precise (for front matter)."""
    parts = parse_iso(value)
    if parts is None or parts[2] is None:
        return None
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"


def date_position(value: str) -> float | None:
    """A date as a fractional year (start of the period it names), for the timeline strip."""
    parts = parse_iso(value)
    if parts is None:
        return None
    year, month, day = parts
    start = dt.date(year, 1, 1)
    days = (dt.date(year, month or 1, day or 1) - start).days
    return year + days / 366


def footnote_labels(source_ids: Sequence[str], keys: Sequence[str] = ()) -> dict[str, SafeMd]:
    """Source id -> footnote label: the source's stable key (editorial.ids) when it has one,
    else its id; one unfit for a label gets a positional one. Readers never see labels:
    footnotes are numbered in the order they are defined (the Sources order)."""
    labels: dict[str, SafeMd] = {}
    for index, sid in enumerate(source_ids, start=1):
        key = keys[index - 1] if index <= len(keys) and keys[index - 1] else sid
        label = safe_token(key, r"[A-Za-z0-9][A-Za-z0-9-]{0,47}")
        labels[sid] = SafeMd(label if label and label not in labels.values() else f"src{index:03d}")
    return labels


def citations(sources: Iterable[str], labels: Mapping[str, str]) -> SafeMd:
    """'[^000][^003]' for the cited sources the page lists, in Sources order, each once."""
    cited = set(sources)
    return SafeMd("".join(f"[^{label}]" for sid, label in labels.items() if sid in cited))


def support(sources: Iterable[str], labels: Mapping[str, str], copies: Mapping[str, str] | None = None) -> str:
    """'3 of 5 sources': how many of the story's independent articles report a point.

    A wire copy (copies: copy id -> original id) is one piece of evidence with its original,
    so it counts as the original and is not counted in the total.
    """
    copies = copies or {}
    counted = {sid for sid in labels if sid not in copies}
    n = len({copies.get(sid, sid) for sid in sources} & counted)
    total = len(counted)
    return f"{n} of {total} source" + ("" if total == 1 else "s")


def link(url: object, label: object = None) -> SafeMd:
    """A Markdown link for an http(s) URL, labelled with its host; nothing for other URLs."""
    href = safe_url(url)
    if href is None:
        return SafeMd("")
    return SafeMd(f"[{md_inline(label if label else url_host(href))}]({href})")


def quoted(text: object) -> SafeMd:
    """Quoted words in typographic quotation marks, escaped."""
    return SafeMd(f"“{md_inline(text)}”")


# libyaml's safe dumper when PyYAML has it: the same text (checked on every page we make), faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: Mapping[str, object], comment: str = "") -> SafeMd:
    """A YAML front-matter block; values are dumped by PyYAML, so they cannot break out."""
    body = yaml.dump(dict(data), Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10**6)
    head = f"# {comment}\n" if comment else ""
    return SafeMd(f"---\n{head}{body}---\n")


FILTERS = {
    "human_date": human_date,
    "quoted": quoted,
    "link": link,
}
