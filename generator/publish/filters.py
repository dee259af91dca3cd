"""Formatting helpers and Jinja2 filters for the page templates.

Filters that return `SafeMd` build Markdown from escaped parts; every other value printed
by a template goes through `markdown_escape.md_inline` (the environment's `finalize`).
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import yaml

from generator.publish.markdown_escape import SafeMd, clean_text, md_inline, safe_token, safe_url, url_host
from generator.text.dates.partial import PartialDate, Precision
from generator.text.dates.vocabulary import MONTH_NAMES


def parse_iso(value: object) -> PartialDate | None:
    """The date of an ISO date or timestamp at its stated precision, or None if it is not one."""
    return PartialDate.from_iso(str(value or ""), timestamp=True)


def human_date(value: object) -> str:
    """'2025-07-03' -> '3 July 2025', '2025-04' -> 'April 2025', '2021' -> '2021'.

    Unparseable dates are shown as written (escaped by the template), never guessed.
    """
    found = parse_iso(value)
    if found is None:
        return clean_text(value)
    if found.month is None:
        return str(found.year)
    if found.day is None:
        return f"{MONTH_NAMES[found.month - 1]} {found.year}"
    return f"{found.day} {MONTH_NAMES[found.month - 1]} {found.year}"


def iso_day(value: object) -> str | None:
    """The YYYY-MM-DD part of an ISO value when it is that precise (for front matter)."""
    found = parse_iso(value)
    return found.iso if found is not None and found.precision is Precision.DAY else None


def date_position(value: str) -> float | None:
    """A date as a fractional year (start of the period it names), for the timeline strip."""
    found = parse_iso(value)
    if found is None:
        return None
    return found.year + (found.first - PartialDate(found.year).first).days / 366


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


def support_count(sources: Iterable[str], labels: Mapping[str, str], copies: Mapping[str, str] | None = None) -> int:
    """How many of the story's independent articles (wire copies counted once) report a point."""
    copies = copies or {}
    counted = {sid for sid in labels if sid not in copies}
    return len({copies.get(sid, sid) for sid in sources} & counted)


def support(sources: Iterable[str], labels: Mapping[str, str], copies: Mapping[str, str] | None = None) -> str:
    """'3 of 5 sources': how many of the story's independent articles report a point.

    A wire copy (copies: copy id -> original id) is one piece of evidence with its original,
    so it counts as the original and is not counted in the total.
    """
    total = len([sid for sid in labels if sid not in (copies or {})])
    return f"{support_count(sources, labels, copies)} of {total} source" + ("" if total == 1 else "s")


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
