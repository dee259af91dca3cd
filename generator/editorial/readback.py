"""An edited story page read back against the page as it was written: differences become decisions.

Both pages are parsed the same way (editorial.page) and compared item by item, by id:

- an item's words changed: reworded (the desk's text; its old words are kept as `was`);
- an item gone from every place it showed: hidden (a claim deleted from What we know also
  leaves In brief and the Timeline: editors correct claims, not lines);
- an item now shown in a section where it was not: moved there (pinned to In brief, marked
  disputed under "Where sources disagree", approved when it was a held-back line);
- items of a section in another order: that order;
- a line without an id: the desk's own, placed after the item before it (a line whose id an
  editor deleted while retyping it is recognised as the item that stood there);
- an actor's name or role, a timeline row's date, a quote's speaker, a source's row changed:
  set; a source's row deleted: the source excluded; the headline or description changed: set;
- a "review" or "conflict" flag removed from an id comment: the editor accepted the text.

What cannot be kept as a decision (a line added among the sources, a changed date that is
not a date) is returned as `unkept` with its line: the page is then left as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from generator.editorial.decisions import Added, Decisions, ItemDecision, SourceDecision
from generator.editorial.ids import digest, item_id, norm
from generator.editorial.page import LIST_RE, POINT_SECTIONS, Entry, Loose, Page

GENERATED_FRONT = ("title", "description", "tags", "updated", "published", "event_date", "sources",
                   "source_urls", "generator")
_ID_SECTION = {"quotes": "quote", "actors": "actor"}
_NOT_PROSE = ("|", "!!!", "???", "<", "{:", "[^", "*[", "#", "---")
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}


@dataclass(frozen=True)
class Readback:
    decisions: Decisions
    unkept: tuple[tuple[int | None, str], ...] = ()  # (line, why): each an edit no decision can hold
    notes: tuple[tuple[int | None, str], ...] = ()  # template lines an editor deleted (they come back)


def family(ident: str) -> str:
    return ident.split("-", 1)[0]


def iso_date(text: str) -> str | None:
    """'3 July 2025' / 'July 2025' / '2025' / '2025-07-03' -> ISO at that precision, else None."""
    value = " ".join(text.replace(",", " ").split()).lower()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        parts = [int(p) for p in value.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            return None
        return value
    m = re.fullmatch(r"(?:(\d{1,2}) )?([a-z]+) (\d{4})|([a-z]+) (\d{1,2}) (\d{4})", value)
    if not m:
        return None
    day, month, year = (m[1], m[2], m[3]) if m[2] else (m[5], m[4], m[6])
    if month not in _MONTHS:
        return None
    try:
        dt.date(int(year), _MONTHS[month], int(day or 1))
    except ValueError:
        return None
    return f"{int(year):04d}-{_MONTHS[month]:02d}" + (f"-{int(day):02d}" if day else "")


# ---------------------------------------------------------------- ids for lines without one


def _computed_id(entry: Entry, labels: Mapping[str, str]) -> str:
    if entry.section == "sources":
        return labels.get(entry.id or "", entry.id or "")
    if entry.section == "headline":
        return "h-headline"
    return item_id(_ID_SECTION.get(entry.section, entry.section), entry.text)


def _with_id(entry: Entry, ident: str | None) -> Entry:
    return replace(entry, id=ident)


def identify_reference(page: Page, labels: Mapping[str, str]) -> list[Entry]:
    """Every item of the page as written, with its id (computed from its words on a page
    written before ids existed)."""
    return [_with_id(e, _computed_id(e, labels)) if e.id is None or e.section == "sources" else e
            for e in page.entries]


def identify_edited(reference: list[Entry], page: Page, labels: Mapping[str, str]) -> list[Entry]:
    """Every item of the edited page with the id it carries, else the id of the written item
    with the same words, else of the written item that stood in its place (an editor who
    retyped a line and lost its comment); a line left without an id is the desk's own."""
    entries = [_with_id(e, labels.get(e.id or "", e.id)) if e.section == "sources" else e for e in page.entries]
    by_text: dict[tuple[str, str], str] = {}
    for r in reference:
        by_text.setdefault((family(r.id or ""), norm(r.text)), r.id or "")
    out: list[Entry] = []
    for e in entries:
        if e.id is None:
            fam = family(_computed_id(e, labels))
            e = _with_id(e, by_text.get((fam, norm(e.text))))
        out.append(e)
    present = {e.id for e in out if e.id}
    missing = [r for r in reference if r.id not in present]
    for i, e in enumerate(out):
        if e.id is not None:
            continue
        before = _previous_id(out, i)
        for r in missing:
            if r.section == e.section and _previous_id(reference, reference.index(r)) == before:
                out[i] = _with_id(e, r.id)
                missing.remove(r)
                break
    return out


def _previous_id(entries: list[Entry], index: int) -> str | None:
    section = entries[index].section
    for e in reversed(entries[:index]):
        if e.section != section:
            return None
        if e.id:
            return e.id
    return None


# ---------------------------------------------------------------- decisions by family


def _occurrences(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for e in entries:
        if e.id:
            out.setdefault(e.id, []).append(e)
    return out


def _neighbours(entries: list[Entry], entry: Entry) -> tuple[str | None, str | None]:
    same = [e.id for e in entries if e.section == entry.section and e.id and not e.id.startswith("e-")]
    i = same.index(entry.id) if entry.id in same else -1
    return (same[i - 1] if i > 0 else None), (same[i + 1] if 0 <= i < len(same) - 1 else None)


def _base(decisions: Decisions, ref: list[Entry], first: Entry) -> ItemDecision:
    """The item's decision so far, or a new one remembering what the generator had written."""
    if first.id in decisions.items:
        return decisions.items[first.id]
    after, before = _neighbours(ref, first)
    return ItemDecision(was=first.text, sources=first.cites, section=first.section, after=after, before=before)


def _changed_text(was: list[Entry], now: list[Entry]) -> str | None:
    shown = norm(was[0].text)
    for e in now:
        if norm(e.text) != shown:
            return e.text
    return None


def _item_decision(ident: str, was: list[Entry], now: list[Entry], current: ItemDecision,
                   unkept: list) -> ItemDecision:
    d = current
    text = _changed_text(was, now)
    if text is not None and ident[:1] in "pdtq":
        d = replace(d, text=None if norm(text) == norm(d.was or "") else text)
    first_was, first_now = was[0].fields, now[0].fields
    if ident.startswith("a-"):
        name = next((e.fields["name"] for e in now if norm(e.fields["name"]) != norm(first_was["name"])), None)
        if name is not None:
            d = replace(d, name=None if norm(name) == norm(d.was or "") else name)
        role = next((e.fields.get("role") for e in now if norm(e.fields.get("role") or "")
                     != norm(first_was.get("role") or "")), False)
        if role is not False:
            d = replace(d, role=role or "")
    if ident.startswith("t-") and norm(first_now.get("date", "")) != norm(first_was.get("date", "")):
        iso = iso_date(first_now.get("date", ""))
        if iso is None:
            unkept.append((now[0].line, f"'{first_now.get('date')}' is not a date (write it as 3 July 2025)"))
        else:
            d = replace(d, date=iso)
    if ident.startswith("q-") and norm(first_now.get("speaker") or "") != norm(first_was.get("speaker") or ""):
        speaker = first_now.get("speaker") or ""
        d = replace(d, speaker=None if speaker == "Unidentified speaker" else speaker)
    had = {f for e in was for f in e.flags}
    has = {f for e in now for f in e.flags}
    if had - has or (had and text is not None):  # flag cleared, or the flagged words rewritten
        d = replace(d, accepted=True)
    return d


def _placement(ident: str, was: list[Entry], now: list[Entry], d: ItemDecision) -> ItemDecision:
    """Moved (shown somewhere new), or deleted (gone from a place, shown nowhere new)."""
    if ident[:1] not in "pd":
        return d
    before, after = Counter(e.section for e in was), Counter(e.section for e in now)
    if after - before:
        return replace(d, sections=tuple(dict.fromkeys(e.section for e in now)), hide=False)
    if before - after:
        return replace(d, hide=True)
    return d


def _items(decisions: Decisions, ref: list[Entry], ed: list[Entry], held: Mapping[str, str],
           unkept: list) -> Decisions:
    was_by, now_by = _occurrences(ref), _occurrences(ed)
    for ident, was in was_by.items():
        if ident.startswith(("e-", "h-")) or was[0].section == "sources":
            continue
        current = _base(decisions, ref, was[0])
        now = now_by.get(ident)
        if now is None:
            d = replace(current, hide=True)
        else:
            d = _placement(ident, was, now, _item_decision(ident, was, now, current, unkept))
        if d != current:
            decisions = decisions.with_item(ident, d)
    for ident, now in now_by.items():
        if ident in was_by or ident.startswith(("e-", "h-")) or now[0].section == "sources":
            continue
        if ident in held or decisions.item(ident).hide:
            sections = tuple(dict.fromkeys(e.section for e in now))
            current = decisions.item(ident)
            decisions = decisions.with_item(ident, replace(
                current, hide=False, approve=ident in held or current.approve, sections=sections,
                was=current.was or now[0].text))
    return decisions


# ---------------------------------------------------------------- the desk's own lines


def _blocks(loose: list[Loose]) -> list[Loose]:
    """Consecutive added lines of one section as one paragraph."""
    out: list[Loose] = []
    for line in loose:
        if out and out[-1].section == line.section and out[-1].line + out[-1].text.count("\n") + 1 == line.line:
            prev = out[-1]
            out[-1] = Loose(prev.section, prev.text + "\n" + line.text, prev.line)
        else:
            out.append(line)
    return out


def _new_loose(ref: Page, ed: Page) -> tuple[list[Loose], list[Loose]]:
    """Lines of the edited page that the written page did not have, and the reverse."""
    left = Counter((x.section, x.text) for x in ref.loose)
    added: list[Loose] = []
    for x in ed.loose:
        if left[(x.section, x.text)]:
            left[(x.section, x.text)] -= 1
        else:
            added.append(x)
    remaining = Counter((x.section, x.text) for x in ed.loose)
    dropped: list[Loose] = []
    for x in ref.loose:
        if remaining[(x.section, x.text)]:
            remaining[(x.section, x.text)] -= 1
        else:
            dropped.append(x)
    return added, dropped


def _desk_lines(ed: list[Entry], known: set[str], new_loose: list[Loose],
                unkept: list) -> list[tuple[int, str, str | None, Entry | None]]:
    """(line, section, id or None, entry) of each desk line on the edited page, in page order.
    `known`: ids of generated items (written, held back or hidden): not the desk's."""
    out: list[tuple[int, str, str | None, Entry | None]] = []
    for e in ed:
        if e.id is None or e.id.startswith("e-") or (e.id not in known and e.section in POINT_SECTIONS):
            if e.section in POINT_SECTIONS or e.section == "timeline":
                out.append((e.line, e.section, e.id if e.id and e.id.startswith("e-") else None, e))
            elif e.id is None:
                unkept.append((e.line, f"a {e.section} line of your own cannot be kept; "
                                       f"write it under In brief, Background, What we know or What's next"))
    for block in _blocks(new_loose):
        if block.section in POINT_SECTIONS and not block.text.startswith(_NOT_PROSE):
            out.append((block.line, block.section, None, None))
        else:
            unkept.append((block.line, f"this line of your own in {block.section} cannot be kept as a "
                                       f"decision; move it under a section of points or remove it"))
    return sorted(out, key=lambda x: x[0])


def _added(decisions: Decisions, ref: list[Entry], ed: list[Entry], new_loose: list[Loose],
           held: Mapping[str, str], unkept: list, ed_lines: Mapping[int, str]) -> Decisions:
    known = {e.id for e in ref if e.id} | set(held) | set(decisions.items)
    texts = {x.line: x.text for x in _blocks(new_loose)}
    lines = _desk_lines(ed, known, new_loose, unkept)
    found: list[Added] = []
    for line, section, ident, entry in lines:
        text = " ".join((entry.text if entry is not None else texts[line]).split())
        if not text:
            continue
        date = None
        if section == "timeline" and entry is not None:
            date = iso_date(entry.fields.get("date", ""))
            if date is None:
                unkept.append((line, "a timeline row of your own needs a date such as 3 July 2025"))
                continue
        generated = [e for e in ed if e.section == section and e.id and e.id in known and not e.id.startswith("e-")]
        after = next((e.id for e in reversed(generated) if e.line < line), None)
        before = next((e.id for e in generated if e.line > line), None)
        ident = ident or f"e-{digest(section + ':' + text)}"
        paragraph = section != "timeline" and (entry is None or not LIST_RE.match(ed_lines.get(line, "- ")))
        found.append(Added(ident, section, text, after, before, date, paragraph))
    shown_before = {e.id for e in ref if e.id and e.id.startswith("e-")}
    kept = [a for a in decisions.added if a.id not in shown_before and a.id not in {f.id for f in found}]
    return replace(decisions, added=tuple(kept + found))


# ---------------------------------------------------------------- order, sources, headline


def _order(decisions: Decisions, ref: list[Entry], ed: list[Entry]) -> Decisions:
    order = dict(decisions.order)
    for section in dict.fromkeys(e.section for e in ed):
        if section in ("headline", "sources"):
            continue
        was = list(dict.fromkeys(e.id for e in ref if e.section == section and e.id and not e.id.startswith("e-")))
        now = list(dict.fromkeys(e.id for e in ed if e.section == section and e.id and not e.id.startswith("e-")))
        common_now = [i for i in now if i in was]
        reordered = common_now != [i for i in was if i in now] and len(common_now) > 1
        moved_in = any(i not in was for i in now) and len(now) > 1  # its place among the others
        if reordered or moved_in:
            order[section] = tuple(now)
    return replace(decisions, order=order)


def _sources(decisions: Decisions, ref: list[Entry], ed: list[Entry], files: Mapping[str, str]) -> Decisions:
    sources = dict(decisions.sources)
    now = {e.id: e for e in ed if e.section == "sources"}
    for r in (e for e in ref if e.section == "sources" and e.id):
        current = sources.get(r.id, SourceDecision(file=files.get(r.id)))
        e = now.get(r.id)
        if e is None:
            sources[r.id] = replace(current, exclude=True)
            continue
        changes = {k: e.fields.get(k) or "" for k in ("outlet", "title", "author")
                   if norm(e.fields.get(k) or "") != norm(r.fields.get(k) or "")}
        if changes:
            sources[r.id] = replace(current, **changes)
    return replace(decisions, sources=sources)


def _front(decisions: Decisions, ref: Page, ed: Page, ref_entries: list[Entry], ed_entries: list[Entry],
           unkept: list) -> Decisions:
    h_was = next((e.text for e in ref_entries if e.section == "headline"), None)
    h_now = next((e.text for e in ed_entries if e.section == "headline"), None)
    if h_was is not None and h_now is not None and norm(h_now) != norm(h_was):
        decisions = replace(decisions, headline=h_now)
    elif norm(ed.front.get("title")) != norm(ref.front.get("title")) and ed.front.get("title"):
        import html

        decisions = replace(decisions, headline=html.unescape(str(ed.front["title"])))
    if norm(ed.front.get("description")) != norm(ref.front.get("description")) and ed.front.get("description"):
        import html

        decisions = replace(decisions, description=html.unescape(str(ed.front["description"])))
    for key in GENERATED_FRONT[2:]:
        if key in ed.front and ed.front.get(key) != ref.front.get(key):
            unkept.append((None, f"front matter '{key}' is written by the generator; a change to it cannot be kept"))
    return decisions


def _remember(decisions: Decisions, ref: list[Entry]) -> Decisions:
    """The words of every item the desk's order or own lines name, so that it is found again
    when the generator words it differently; then nothing that decides nothing."""
    first = {}
    for e in ref:
        if e.id and e.id not in first and not e.id.startswith("e-"):
            first[e.id] = e
    for ident in sorted(decisions.referenced() - set(decisions.items)):
        e = first.get(ident)
        if e is not None and e.section not in ("sources", "headline"):
            decisions = decisions.with_item(ident, ItemDecision(was=e.text, sources=e.cites, section=e.section))
    return decisions.tidy()


def read_back(ref: Page, ed: Page, decisions: Decisions, labels: Mapping[str, str] | None = None,
              files: Mapping[str, str] | None = None, held: Mapping[str, str] | None = None) -> Readback:
    """The decisions that turn the page as written (`ref`) into the page as edited (`ed`).

    `labels`: footnote label -> source key (a page written before keys cites "000");
    `files`: source key -> its file; `held`: ids of the story's held-back lines -> section."""
    labels, files, held = labels or {}, files or {}, held or {}
    unkept: list = []
    ref_entries = identify_reference(ref, labels)
    ed_entries = identify_edited(ref_entries, ed, labels)
    new_loose, dropped = _new_loose(ref, ed)
    d = _items(decisions, ref_entries, ed_entries, held, unkept)
    d = _added(d, ref_entries, ed_entries, new_loose, held, unkept, ed.lines)
    d = _order(d, ref_entries, ed_entries)
    d = _sources(d, ref_entries, ed_entries, files)
    d = _front(d, ref, ed, ref_entries, ed_entries, unkept)
    d = _remember(d, ref_entries)
    notes = tuple((x.line, f"a line the generator writes was deleted and will come back: {x.text[:60]}")
                  for x in dropped if not x.text.startswith("<!--"))
    return Readback(d, tuple(unkept), notes)
