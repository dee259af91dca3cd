"""The desk's decisions on one story: plain data, one small YAML file per story, kept in Git.

Like copier's answers file, the file is the record: `explainer generate` adds what an editor
changed on the page, then applies every decision to the freshly generated story, on every
run. An editor may also edit it by hand (docs/editing.md shows each key). Example:

    story: council-approves-tram-line
    headline: Council approves the tram line
    items:
      p-0a1b2c3d4e:                 # an item's stable id (editorial.ids)
        was: Russia has officially recognized ...   # the generator's words when decided
        sources: [valleyherald-3fa2c1]           # the sources they were drawn from then
        text: Russia formally recognised ...        # reworded: the desk's words
        review: the generator's words changed ...   # needs a look (gettext's "fuzzy")
      p-1b2c3d4e5f: {was: ..., hide: true}          # hidden everywhere
      p-2c3d4e5f6a: {was: ..., sections: [summary]} # shown in In brief (moved, pinned)
      a-3d4e5f6a7b: {was: Harbour Board, role: ...}   # an actor's role for this story
    order:
      background: [p-..., p-...]   # the desk's order (items not listed keep their places)
    added:
    - {id: e-4e5f6a7b8c, section: known, after: p-..., before: p-..., text: ...}
    sources:
      nghean-5d6e7f: {file: seeds/002_x.txt, exclude: true}

Everything is validated when read; a problem names the file and the key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError

SECTIONS = ("summary", "background", "known", "open_question", "single_source", "disputed", "whats_next",
            "timeline", "actors", "quotes")
ITEM_TEXT_KEYS = ("was", "text", "role", "name", "date", "speaker", "review", "conflict", "section", "after",
                  "before")
ITEM_KEYS = ITEM_TEXT_KEYS + ("sources", "hide", "sections", "approve", "accepted")
SOURCE_KEYS = ("file", "exclude", "outlet", "title", "author", "published", "url")
ADDED_KEYS = ("id", "section", "text", "after", "before", "date", "paragraph")
TOP_KEYS = ("story", "headline", "description", "items", "order", "added", "sources")
HEADER = ("# The desk's decisions on content/stories/{slug}.md,\n"
          "# recorded by `explainer generate` from edits of the page and applied on every run.\n"
          "# Editable by hand: see docs/editing.md.\n")


@dataclass(frozen=True)
class ItemDecision:
    """What the desk decided about one generated item."""

    was: str | None = None  # the generator's words (an actor's name) when the decision was made
    sources: tuple[str, ...] = ()  # keys of the sources the item was drawn from then
    section: str | None = None  # where it stood then, with its neighbours (to place it if it goes)
    after: str | None = None
    before: str | None = None
    text: str | None = None  # reworded
    hide: bool = False  # hidden everywhere it shows
    sections: tuple[str, ...] | None = None  # shown in these sections (moved, pinned, marked disputed)
    role: str | None = None
    name: str | None = None
    date: str | None = None
    speaker: str | None = None
    approve: bool = False  # a held-back line approved
    review: str | None = None
    conflict: str | None = None
    accepted: bool = False  # the editor cleared a review/conflict flag on the page

    def edits(self) -> bool:
        """Does it change anything on the page (beyond remembering the item)?"""
        return bool(self.text is not None or self.hide or self.sections is not None or self.role is not None
                    or self.name is not None or self.date is not None or self.speaker is not None or self.approve)


@dataclass(frozen=True)
class Added:
    """A line of the desk's own, placed after the generated item it followed."""

    id: str
    section: str
    text: str
    after: str | None = None
    before: str | None = None
    date: str | None = None  # a desk row of the timeline
    paragraph: bool = False  # written as a paragraph, not as a point of the list


@dataclass(frozen=True)
class SourceDecision:
    file: str | None = None
    exclude: bool = False
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Decisions:
    story: str
    headline: str | None = None
    description: str | None = None
    items: dict[str, ItemDecision] = field(default_factory=dict)
    order: dict[str, tuple[str, ...]] = field(default_factory=dict)
    added: tuple[Added, ...] = ()
    sources: dict[str, SourceDecision] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.headline or self.description or self.items or self.order or self.added or self.sources)

    def item(self, ident: str) -> ItemDecision:
        return self.items.get(ident, ItemDecision())

    def with_item(self, ident: str, decision: ItemDecision | None) -> "Decisions":
        items = dict(self.items)
        if decision is None:
            items.pop(ident, None)
        else:
            items[ident] = decision
        return replace(self, items=items)

    def referenced(self) -> set[str]:
        """Ids the desk's order and its own lines' places name."""
        ids = {i for seq in self.order.values() for i in seq}
        ids |= {x for a in self.added for x in (a.after, a.before) if x}
        return ids

    def tidy(self) -> "Decisions":
        """Without the items that decide nothing and that nothing names. An item only named (by
        an order, or as the place of a line of the desk's own) is remembered by its words, so it
        is found again when the generator words it differently."""
        named = self.referenced()
        items = {k: d for k, d in self.items.items() if d.edits() or d.review or d.conflict or d.accepted
                 or k in named}
        return replace(self, items=items)

    def renamed(self, moves: dict[str, str]) -> "Decisions":
        """Every id in the order, the desk's lines and the items' places followed to its new id."""
        if not moves:
            return self

        def new(ident: str | None) -> str | None:
            return moves.get(ident, ident) if ident else ident

        order = {s: tuple(dict.fromkeys(new(i) for i in seq)) for s, seq in self.order.items()}
        added = tuple(replace(a, after=new(a.after), before=new(a.before)) for a in self.added)
        items = {k: replace(d, after=new(d.after), before=new(d.before)) for k, d in self.items.items()}
        return replace(self, order=order, added=added, items=items)


# ---------------------------------------------------------------- files


def decisions_path(folder: Path, slug: str) -> Path:
    return folder / f"{slug}.yaml"


def load_decisions(folder: Path, slug: str, shown: str | None = None) -> Decisions:
    path = decisions_path(folder, slug)
    if not path.is_file():
        return Decisions(slug)
    origin = shown or str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}") from None
    return parse_decisions(data or {}, slug, origin)


def load_all(folder: Path, shown_folder: str) -> dict[str, Decisions]:
    """Every story's decisions in `folder`, by slug."""
    if not folder.is_dir():
        return {}
    return {p.stem: load_decisions(folder, p.stem, f"{shown_folder}/{p.name}") for p in sorted(folder.glob("*.yaml"))}


def _text(value: Any, where: str, errors: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    errors.append(f"{where} must be text, got {value!r}")
    return None


def _bool(value: Any, where: str, errors: list[str]) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    errors.append(f"{where} must be true or false, got {value!r}")
    return False


def _names(value: Any, where: str, errors: list[str]) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    errors.append(f"{where} must be a list of names, got {value!r}")
    return None


def _mapping(value: Any, where: str, errors: list[str]) -> dict:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    errors.append(f"{where} must be a mapping, got {type(value).__name__}")
    return {}


def _unknown(data: dict, known: tuple[str, ...], where: str, errors: list[str]) -> None:
    errors += [f"{where}: unknown key '{k}' (known: {', '.join(known)})" for k in data if k not in known]


def _item(value: Any, where: str, errors: list[str]) -> ItemDecision:
    data = _mapping(value, where, errors)
    _unknown(data, ITEM_KEYS, where, errors)
    texts = {k: _text(data.get(k), f"{where}.{k}", errors) for k in ITEM_TEXT_KEYS}
    sections = _names(data.get("sections"), f"{where}.sections", errors)
    for s in sections or ():
        if s not in SECTIONS:
            errors.append(f"{where}.sections: unknown section '{s}' (known: {', '.join(SECTIONS)})")
    return ItemDecision(sources=_names(data.get("sources"), f"{where}.sources", errors) or (),
                        hide=_bool(data.get("hide"), f"{where}.hide", errors), sections=sections,
                        approve=_bool(data.get("approve"), f"{where}.approve", errors),
                        accepted=_bool(data.get("accepted"), f"{where}.accepted", errors), **texts)


def _added(value: Any, where: str, errors: list[str]) -> Added | None:
    data = _mapping(value, where, errors)
    _unknown(data, ADDED_KEYS, where, errors)
    texts = {k: _text(data.get(k), f"{where}.{k}", errors) for k in ADDED_KEYS if k != "paragraph"}
    if not texts["id"] or not texts["text"] or texts["section"] not in SECTIONS:
        errors.append(f"{where} needs an id, a text and a section (one of {', '.join(SECTIONS)})")
        return None
    return Added(**texts, paragraph=_bool(data.get("paragraph"), f"{where}.paragraph", errors))  # type: ignore[arg-type]


def parse_decisions(data: Any, slug: str, origin: str = "decisions") -> Decisions:
    errors: list[str] = []
    data = _mapping(data, origin, errors)
    _unknown(data, TOP_KEYS, origin, errors)
    items = {str(k): _item(v, f"{origin}: items.{k}", errors)
             for k, v in _mapping(data.get("items"), f"{origin}: items", errors).items()}
    order = {}
    for section, ids in _mapping(data.get("order"), f"{origin}: order", errors).items():
        if section not in SECTIONS:
            errors.append(f"{origin}: order.{section}: unknown section (known: {', '.join(SECTIONS)})")
        order[str(section)] = _names(ids, f"{origin}: order.{section}", errors) or ()
    added_list = data.get("added") or []
    if not isinstance(added_list, list):
        errors.append(f"{origin}: added must be a list")
        added_list = []
    added = tuple(a for i, v in enumerate(added_list) if (a := _added(v, f"{origin}: added[{i}]", errors)))
    sources = {}
    for key, value in _mapping(data.get("sources"), f"{origin}: sources", errors).items():
        where = f"{origin}: sources.{key}"
        value = _mapping(value, where, errors)
        _unknown(value, SOURCE_KEYS, where, errors)
        sources[str(key)] = SourceDecision(
            exclude=_bool(value.get("exclude"), f"{where}.exclude", errors),
            **{k: _text(value.get(k), f"{where}.{k}", errors) for k in SOURCE_KEYS if k != "exclude"})
    headline = _text(data.get("headline"), f"{origin}: headline", errors)
    description = _text(data.get("description"), f"{origin}: description", errors)
    if errors:
        raise ConfigError("\n".join(errors))
    return Decisions(str(data.get("story") or slug), headline, description, items, order, added, sources)


def _plain(obj: Any) -> dict[str, Any]:
    """A dataclass as a mapping without its empty fields (the file shows only what was decided)."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if value in (None, False, ()) and f.name != "sections":
            continue
        if f.name == "sections" and value is None:
            continue
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def to_data(d: Decisions) -> dict[str, Any]:
    data: dict[str, Any] = {"story": d.story}
    if d.headline is not None:
        data["headline"] = d.headline
    if d.description is not None:
        data["description"] = d.description
    if d.items:
        data["items"] = {k: _plain(v) for k, v in sorted(d.items.items())}
    if d.order:
        data["order"] = {k: list(v) for k, v in sorted(d.order.items())}
    if d.added:
        data["added"] = [_plain(a) for a in d.added]
    if d.sources:
        data["sources"] = {k: _plain(v) for k, v in sorted(d.sources.items())}
    return data


def dump_decisions(d: Decisions) -> str:
    body = yaml.dump(to_data(d), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=False)
    return HEADER.format(slug=d.story) + body
