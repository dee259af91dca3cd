"""A story page read back: every item line with its id, its section and its words.

The page carries its items' ids invisibly (`<!-- xp p-0a1b2c3d4e -->` at the end of a line,
kept by Python-Markdown as an HTML comment and dropped from the built site by the build
guard) and marks each section (`<!-- xp:section known -->` after its heading). Reading a page
back needs nothing else from the template: an item is a line with an id, or, on a page
written before ids existed, a bullet, a table row or a quotation in a known section.
Everything else is a "loose" line (headings, notes, footnote definitions, or an editor's
own paragraph); readback compares loose lines with the page as it was written.

Text comes back as the reader sees it: citations, support counts, marks and ids removed,
HTML entities (the escaping of article text) decoded, spaces collapsed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

# The conventions the renderer writes by (generator.publish.render imports them from here).
ID_COMMENT_RE = re.compile(r"<!--\s*xp\s+([a-z0-9][a-z0-9-]*)((?:\s+[a-z]+)*)\s*-->")
SECTION_MARKER_RE = re.compile(r"<!--\s*xp:section\s+([a-z_]+)\s*-->")
HEADINGS = {"In brief": "summary", "Background": "background", "Key actors": "actors", "Timeline": "timeline",
            "What we know": "known", "What we don't know": "unknown", "Key quotes": "quotes",
            "What's next": "whats_next", "Related stories": "related", "Sources": "sources",
            "How this page was made": "made"}
GROUP_TITLES = {"**Open questions**": "open_question", "**Reported by one source only**": "single_source",
                "**Where sources disagree**": "disputed"}
FLAGS = ("review", "conflict")


def id_comment(ident: str, flags: tuple[str, ...] = ()) -> str:
    """The invisible id an item's line ends with; `flags` tell an editor what needs a look."""
    return f"<!-- xp {' '.join((ident, *flags))} -->"


def section_marker(name: str) -> str:
    return f"<!-- xp:section {name} -->"


_IDS_IN_HTML_RE = re.compile(r"\s?<!--\s*xp[ :][^>]*?-->")


def strip_ids(html_text: str) -> str:
    """A built page without the ids and section markers (they are for editors, not readers)."""
    return _IDS_IN_HTML_RE.sub("", html_text) if "<!--" in html_text else html_text


# Line conflict markers left by the three-way merge of earlier versions ("<<<<<<< edited").
_MARKER_RE = re.compile(r"^(<{7}|>{7}|\|{7})(?: |$)")
_START_RE = re.compile(r"^<{7}(?: |$)")


def conflict_lines(text: str) -> tuple[int, ...]:
    """1-based lines where an unresolved conflict block of the old line merge starts (or a
    stray marker sits): such a page is never read back or published until resolved."""
    if "<" * 7 not in text and ">" * 7 not in text and "|" * 7 not in text:
        return ()
    lines: list[int] = []
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        if _START_RE.match(line):
            lines.append(n)
            inside = True
        elif _MARKER_RE.match(line):
            if not inside:
                lines.append(n)
            inside = inside and not line.startswith(">>>>>>>")
    return tuple(lines)

FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
CITE_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_SPAN_RE = re.compile(r"<span class=\"xp-[^\"]*\"[^>]*>.*?</span>")
_WHEN_RE = re.compile(r"<span class=\"xp-when\"[^>]*>(.*?)</span>")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
FOOTNOTE_RE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
_COMMENT_RE = re.compile(r"<!--.*?-->")
_SMALL_RE = re.compile(r"<br>\s*<small>(.*?)</small>")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_RULE_RE = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_H1_RE = re.compile(r"^#\s+(.*?)\s*(?:\{\s*#headline\s*\})?\s*$")
_QUOTE_RE = re.compile(r"^\s*>\s?(.*)$")
_ATTRIBUTION_RE = re.compile(r"^\s*—\s*\*\*(.*?)\*\*")
_ACTOR_ITEM_RE = re.compile(r"^(?P<name>.+?)(?: \(also: (?P<aliases>[^)]*)\))?(?:: (?P<role>.*))?$")

POINT_SECTIONS = ("summary", "background", "known", "open_question", "single_source", "disputed", "whats_next")
TABLE_SECTIONS = ("actors", "timeline", "sources")


@dataclass(frozen=True)
class Entry:
    """One item as the page shows it."""

    section: str
    id: str | None
    fields: dict[str, Any]  # text; or name, role, aliases; date, text; speaker; outlet, title, ...
    line: int  # 1-based, in the whole file
    cites: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # "review", "conflict" as written in the id comment

    @property
    def text(self) -> str:
        return str(self.fields.get("text") or self.fields.get("name") or "")


@dataclass(frozen=True)
class Loose:
    """A line that is not an item: kept to tell an editor's paragraph from the template's lines."""

    section: str
    text: str  # the line, stripped
    line: int


@dataclass(frozen=True)
class Page:
    front: dict[str, Any] = field(default_factory=dict)
    front_error: str | None = None
    entries: tuple[Entry, ...] = ()
    loose: tuple[Loose, ...] = ()
    body_start: int = 1  # line number where the body starts (after the front matter)
    lines: dict[int, str] = field(default_factory=dict)  # the body's lines by number, as written


def plain(text: str) -> str:
    """What a reader sees of a fragment of a line: decorations gone, entities decoded."""
    text = _COMMENT_RE.sub("", text)
    text = _SPAN_RE.sub("", text)
    text = CITE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)  # a link reads as its words ("[**Harbour Board**](../actors/...)")
    return " ".join(html.unescape(text).split())


def _source_fields(body: str) -> dict[str, Any]:
    """A Sources entry ("**Outlet**, “Title”, by Author, 3 July 2025.") as its fields."""
    outlet = re.match(r"\*\*(.*?)\*\*", body)
    author = re.search(r", by (.*?)(?:, |\.?$)", plain(body))
    title = re.search(r"(?<!opens )“(.*?)”", plain(_LINK_RE.sub(r"\1", body)))
    return {"outlet": plain(outlet.group(1)) if outlet else None, "author": author.group(1) if author else None,
            "title": title.group(1) if title and not plain(body).startswith(("untitled", "Outlet not known, untitled"))
            else None}


def _cells(line: str) -> list[str]:
    inner = line.strip()
    return [c.strip() for c in inner[1:-1].split("|")] if inner.startswith("|") and inner.endswith("|") else []


def _id_and_flags(line: str) -> tuple[str | None, tuple[str, ...]]:
    m = ID_COMMENT_RE.search(line)
    if not m:
        return None, ()
    return m.group(1), tuple(m.group(2).split())


def _actor_fields(line: str) -> dict[str, Any] | None:
    cells = _cells(line)
    if cells:
        if len(cells) < 2:
            return None
        first = cells[0]
        small = _SMALL_RE.search(first)
        aliases = plain(small.group(1)).removeprefix("also:").strip() if small else ""
        name = plain(_SMALL_RE.sub("", first)).strip("* ").strip()
        role = plain(cells[1])
        return {"name": name, "role": None if role in ("", "—") else role,
                "aliases": [a.strip() for a in aliases.split(",") if a.strip()]}
    m = _ACTOR_ITEM_RE.match(plain(LIST_RE.sub("", line, count=1)))
    if not m:
        return None
    aliases = m.group("aliases") or ""
    return {"name": m.group("name").strip(), "role": (m.group("role") or "").strip() or None,
            "aliases": [a.strip() for a in aliases.split(",") if a.strip()]}


def _row_fields(section: str, line: str) -> dict[str, Any] | None:
    cells = _cells(line)
    if section == "timeline" and len(cells) >= 2:
        return {"date": plain(cells[0]), "text": plain(cells[1])}
    if section == "sources" and len(cells) >= 6:
        title = _SMALL_RE.sub("", cells[2])
        out = {k: plain(v) for k, v in zip(("outlet", "title", "author", "date", "link"),
                                            (cells[1], title, cells[3], cells[4], cells[5]))}
        return {k: (None if v in ("", "—") else v) for k, v in out.items()}
    return None


def _entry(section: str, line: str, n: int) -> Entry | None:
    """The item on this line, if it is one."""
    ident, flags = _id_and_flags(line)
    cites = tuple(CITE_RE.findall(line))
    footnote = FOOTNOTE_RE.match(line)
    if footnote:  # the Sources list: one footnote per source, labelled by its key
        return Entry("sources", footnote.group(1), _source_fields(footnote.group(2)), n)
    if section == "sources":
        cells = _cells(line)
        label = re.fullmatch(r"\[\^([^\]\s]+)\]", cells[0]) if cells else None
        fields = _row_fields(section, line) if label else None
        return Entry(section, label.group(1), fields, n) if fields else None
    if section == "actors":
        if _RULE_RE.match(line) or (ident is None and _cells(line)[:1] == ["Name"]):
            return None
        if ident is None and not (_ROW_RE.match(line) or LIST_RE.match(line)):
            return None
        fields = _actor_fields(line)
        return Entry(section, ident, fields, n, cites, flags) if fields and fields["name"] else None
    if section == "timeline" and LIST_RE.match(line):  # "- <span class="xp-when" ...>3 July 2025</span> text"
        when = _WHEN_RE.search(line)
        rest = LIST_RE.sub("", _WHEN_RE.sub("", line), count=1)
        if when is None:  # a line of the desk's own: "- 5 July 2025: What happened."
            date, _, rest = plain(rest).partition(": ")
            return Entry(section, ident, {"date": date, "text": rest}, n, cites, flags) if rest else None
        return Entry(section, ident, {"date": plain(when.group(1)), "text": plain(rest)}, n, cites, flags)
    if section == "timeline":
        if not _ROW_RE.match(line) or _RULE_RE.match(line) or (ident is None and _cells(line)[:1] == ["Date"]):
            return None
        fields = _row_fields(section, line)
        return Entry(section, ident, fields, n, cites, flags) if fields else None
    if section == "quotes":
        m = _QUOTE_RE.match(line)
        if not m:
            return None
        text = plain(m.group(1)).strip().removeprefix("“").removesuffix("”").strip()
        return Entry(section, ident, {"text": text}, n, cites, flags)
    if section in POINT_SECTIONS:
        if ident is None and not LIST_RE.match(line):
            return None
        return Entry(section, ident, {"text": plain(LIST_RE.sub("", line, count=1))}, n, cites, flags)
    return None


def parse_page(text: str) -> Page:
    """Read a story page: its front matter, its items (with ids where it carries them), the rest."""
    import yaml

    front: dict[str, Any] = {}
    error = None
    m = FRONT_MATTER_RE.match(text)
    body = text[m.end():] if m else text
    if m:
        try:
            data = yaml.load(m.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            front = data if isinstance(data, dict) else {}
        except yaml.YAMLError as exc:
            error = str(getattr(exc, "problem", exc))
    start = text[: m.end()].count("\n") + 1 if m else 1
    entries: list[Entry] = []
    loose: list[Loose] = []
    section = "top"
    last: Entry | None = None
    for n, line in enumerate(body.split("\n"), start):
        stripped = line.strip()
        marker = SECTION_MARKER_RE.fullmatch(stripped)
        if marker:
            section = marker.group(1)
            continue
        if line.startswith("## "):
            section = HEADINGS.get(stripped[3:].strip(), "other")
        elif stripped in GROUP_TITLES and section in ("unknown",) + POINT_SECTIONS:
            section = GROUP_TITLES[stripped]
        if not stripped:
            continue
        h1 = _H1_RE.match(line) if line.startswith("# ") and section == "top" else None
        if h1:
            ident, flags = _id_and_flags(line)
            entries.append(Entry("headline", ident or "h-headline", {"text": plain(h1.group(1))}, n, (), flags))
            continue
        if section == "quotes" and last is not None and last.section == "quotes" and _ATTRIBUTION_RE.match(line):
            speaker = plain(_ATTRIBUTION_RE.match(line).group(1))
            entries[-1] = Entry(last.section, last.id, {**last.fields, "speaker": speaker}, last.line, last.cites,
                                last.flags)
            last = None
            continue
        entry = _entry(section, line, n)
        if entry is None:
            loose.append(Loose(section, stripped, n))
            last = None
        else:
            entries.append(entry)
            last = entry
    return Page(front, error, tuple(entries), tuple(loose), start,
                {n: line for n, line in enumerate(body.split("\n"), start)})
