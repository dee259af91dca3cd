"""Editors' site-wide overrides (`site_config/overrides.yaml`), applied to every Story.

They win over what the generator infers, and over the `seeds/sources.yaml` sidecar read
at ingest; a story's own decisions (editorial.decisions) win over them. Three sections,
all optional (see the documented example file):

    actors:   {<actor name or alias>: {name, aliases, role, stories}}
    outlets:  {<source file>: <outlet name>}
    sources:  {<source file>: {url, outlet, author, date}}

A source file is its path from the project root ("seeds/001_x.txt") or its file name.
`sources.<file>.outlet` wins over `outlets.<file>`. Matching of actor keys ignores case.
An actor override applies to every story naming the actor, or, with `stories: [<slug>]`,
to those stories only. A role set here is the desk's word: it cites no source and the page
marks it as the editors'.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError
from generator.models import Actor, Article, Mark, Story

ACTOR_KEYS = ("name", "aliases", "role", "stories")
SOURCE_KEYS = ("url", "outlet", "author", "date")
SECTIONS = ("actors", "outlets", "sources")
# ISO 8601 at any precision a source may state: "2025", "2025-07", "2025-07-04", "2025-07-04T15:25".
ISO_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$")


@dataclass(frozen=True)
class ActorOverride:
    name: str | None = None
    aliases: tuple[str, ...] | None = None
    role: str | None = None
    stories: tuple[str, ...] | None = None  # the stories (slugs) it applies to; None: every story


@dataclass(frozen=True)
class Overrides:
    actors: dict[str, ActorOverride] = field(default_factory=dict)  # key lower-cased
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # file -> {url, outlet, author, published}

    def __bool__(self) -> bool:
        return bool(self.actors or self.sources)


def load_overrides(path: Path, origin: str | None = None) -> Overrides:
    """Read and validate the file; every problem is reported at once, naming file and key."""
    origin = origin or str(path)
    if not path.is_file():
        return Overrides()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}") from None
    return parse_overrides(data or {}, origin)


def parse_overrides(data: Any, origin: str = "overrides") -> Overrides:
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping with keys {', '.join(SECTIONS)}")
    errors = [f"{origin}: unknown section '{k}' (known: {', '.join(SECTIONS)})" for k in data if k not in SECTIONS]
    actors = {str(k).lower(): _actor(k, v, origin, errors) for k, v in _section(data, "actors", origin, errors)}
    sources: dict[str, dict[str, str]] = {}
    for key, value in _section(data, "outlets", origin, errors):
        if _text(value, f"{origin}: outlets.{key}", errors):
            sources.setdefault(str(key), {})["outlet"] = value.strip()
    for key, value in _section(data, "sources", origin, errors):
        sources.setdefault(str(key), {}).update(_source(key, value, origin, errors))
    if errors:
        raise ConfigError("\n".join(errors))
    return Overrides(actors, sources)


def _section(data: dict, name: str, origin: str, errors: list[str]) -> list[tuple[Any, Any]]:
    section = data.get(name) or {}
    if not isinstance(section, dict):
        errors.append(f"{origin}: '{name}' must be a mapping, got {type(section).__name__}")
        return []
    return sorted(section.items(), key=lambda kv: str(kv[0]))


def _text(value: Any, where: str, errors: list[str]) -> bool:
    if isinstance(value, str) and value.strip():
        return True
    errors.append(f"{where} must be non-empty text, got {value!r}")
    return False


def _actor(key: Any, value: Any, origin: str, errors: list[str]) -> ActorOverride:
    where = f"{origin}: actors.{key}"
    if not isinstance(value, dict):
        errors.append(f"{where} must be a mapping with keys {', '.join(ACTOR_KEYS)}")
        return ActorOverride()
    errors += [f"{where}: unknown key '{k}' (known: {', '.join(ACTOR_KEYS)})" for k in value if k not in ACTOR_KEYS]
    name = value.get("name")
    role = value.get("role")
    aliases = value.get("aliases")
    if name is not None and not _text(name, f"{where}.name", errors):
        name = None
    if role is not None and not _text(role, f"{where}.role", errors):
        role = None
    if aliases is not None and not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
        errors.append(f"{where}.aliases must be a list of names, got {aliases!r}")
        aliases = None
    stories = value.get("stories")
    if stories is not None and not (isinstance(stories, list) and all(isinstance(x, str) and x.strip() for x in stories)):
        errors.append(f"{where}.stories must be a list of story slugs, got {stories!r}")
        stories = None
    return ActorOverride(name.strip() if name else None,
                         tuple(a.strip() for a in aliases) if aliases is not None else None,
                         role.strip() if role else None,
                         tuple(x.strip() for x in stories) if stories is not None else None)


def _source(key: Any, value: Any, origin: str, errors: list[str]) -> dict[str, str]:
    where = f"{origin}: sources.{key}"
    if not isinstance(value, dict):
        errors.append(f"{where} must be a mapping with keys {', '.join(SOURCE_KEYS)}")
        return {}
    out: dict[str, str] = {}
    for k, v in sorted(value.items(), key=lambda kv: str(kv[0])):
        if k not in SOURCE_KEYS:
            errors.append(f"{where}: unknown key '{k}' (known: {', '.join(SOURCE_KEYS)})")
        elif k == "date":
            iso = v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else str(v)
            if ISO_RE.match(iso):
                out["published"] = iso.replace(" ", "T")[:16]
            else:
                errors.append(f"{where}.date must be an ISO date like 2025-07-04, got {v!r}")
        elif _text(v, f"{where}.{k}", errors):
            out[k] = v.strip()
    return out


def apply_overrides(story: Story, overrides: Overrides) -> Story:
    """The story with editors' overrides applied; pure, returns a new Story."""
    if not overrides:
        return story
    sources = tuple(_override_source(a, overrides) for a in story.sources)
    renames: dict[str, str] = {}
    marks = dict(story.marks)
    actors = tuple(_override_actor(a, overrides, renames, story.slug, marks) for a in story.actors)
    quotes = tuple(replace(q, speaker=renames.get(q.speaker.lower(), q.speaker)) if q.speaker else q
                   for q in story.quotes)
    updated = story.updated
    if sources != story.sources:
        dates = sorted(a.published for a in sources if a.published)
        updated = dates[-1] if dates else story.updated
    return replace(story, sources=sources, actors=actors, quotes=quotes, updated=updated, marks=marks)


def _override_source(article: Article, overrides: Overrides) -> Article:
    meta: dict[str, str] = {}
    for key in (Path(article.file).name, article.file):  # the full path wins over the bare name
        meta.update(overrides.sources.get(key, {}))
    return replace(article, **meta) if meta else article


def _override_actor(actor: Actor, overrides: Overrides, renames: dict[str, str], slug: str,
                    marks: dict[str, Mark]) -> Actor:
    """Match by the actor's name first, then by its aliases in order."""
    found = next((overrides.actors[n.lower()] for n in (actor.name, *actor.aliases)
                  if n.lower() in overrides.actors), None)
    if found is None or (found.stories is not None and slug not in found.stories):
        return actor
    name = found.name or actor.name
    if found.aliases is not None:
        aliases = tuple(a for a in dict.fromkeys(found.aliases) if a != name)
    else:
        aliases = tuple(a for a in dict.fromkeys((*actor.aliases, actor.name)) if a != name)
    for old in (actor.name, *actor.aliases):
        renames[old.lower()] = name
    role_changed = found.role is not None and found.role != actor.role
    desk = (("role",) if role_changed else ()) + (("name",) if name != actor.name else ())
    if desk and actor.id:
        mark = marks.get(actor.id, Mark())
        marks[actor.id] = replace(mark, desk=mark.desk + tuple(f for f in desk if f not in mark.desk))
    return replace(actor, name=name, aliases=aliases, role=found.role or actor.role,
                   role_sources=() if role_changed else actor.role_sources)
