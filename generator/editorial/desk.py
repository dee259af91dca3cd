"""The editorial stage over a run's stories: read the desk's edits back, then apply every decision.

For each story, before anything renders:

1. its page in content/ is compared with the page as generate last wrote it (kept in
   `.explainer/written/`; for projects from before decisions, the old merge base in
   `.explainer/base/`): what an editor changed becomes decisions (editorial.readback), added
   to the story's decisions file;
2. the site's overrides (site_config/overrides.yaml) and the story's decisions are applied
   (editorial.apply); a locked page's story is the one its JSON recorded, so the home card,
   the hubs and the JSON stay what the locked page says;
3. the page's controls are read: `slug` (the story's URL, as the desk set it), `status:
   draft` and `lock`.

An edit no decision can hold leaves the page as it is, and is reported with its file and
line, as is a page still holding line-merge conflict markers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

from generator.config import Settings
from generator.editorial.apply import apply_decisions
from generator.editorial.controls import Controls, page_controls
from generator.editorial.decisions import Decisions, load_all
from generator.editorial.overrides import Overrides, apply_overrides
from generator.editorial.page import conflict_lines, parse_page
from generator.editorial.readback import read_back
from generator.errors import ConfigError
from generator.models import Story


@dataclass(frozen=True)
class StoryDesk:
    """What the desk has said about one story, read before it is rendered."""

    slug: str  # the story's URL: the generated one, or the page's `slug` control
    page: str  # the page's path under content/ as it is now ("stories/<slug>.md")
    controls: Controls = Controls()
    decisions: Decisions = Decisions("")
    edited: bool = False  # the page differs from what generate last wrote
    keep_page: bool = False  # leave the page as it is (locked; an edit no decision holds)
    unkept: tuple[str, ...] = ()  # "content/stories/x.md:42: why"
    notes: tuple[str, ...] = ()
    reference: bool = True  # a record of the page as last written exists (else: compare when written)

    @property
    def locked(self) -> bool:
        return self.controls.lock

    @property
    def draft(self) -> bool:
        return self.controls.draft


@dataclass(frozen=True)
class Edited:
    stories: tuple[Story, ...]
    decisions: dict[str, Decisions]  # by final slug, as they stand after this run
    review: tuple[tuple[str, str, str], ...] = ()  # (slug, id, why)
    conflicts: tuple[tuple[str, str, str], ...] = ()  # (slug, id, why)
    behind: dict[str, str] | None = None  # locked slug -> what it lacks


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def reference_text(settings: Settings, rel: str, state: Mapping[str, Any]) -> str | None:
    """The page as generate last wrote it: the written copy, else the old merge base."""
    written = _read(settings.written_path / rel)
    return written if written is not None else _read(settings.base_path / rel)


def _labels(story: Story) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """label -> key (old pages cite source ids), key -> file, held id -> section."""
    labels = {a.source_id: a.key for a in story.sources} | {a.key: a.key for a in story.sources}
    return labels, {a.key: a.file for a in story.sources}, {h.id: h.section for h in story.held}


def read_desk(story: Story, decisions: Decisions, settings: Settings, state: Mapping[str, Any],
              errors: list[str]) -> StoryDesk:
    rel = f"stories/{story.slug}.md"
    path = settings.content_path / rel
    shown = settings.shown(path)
    text = _read(path)
    if text is None:
        return StoryDesk(story.slug, rel, decisions=decisions)
    markers = conflict_lines(text)
    if markers:
        return StoryDesk(story.slug, rel, decisions=decisions, edited=True, keep_page=True, unkept=tuple(
            f"{shown}:{n}: unresolved conflict markers of the old line merge: keep what is right, delete "
            f"the marker lines" for n in markers))
    controls, problems = page_controls(text, shown)
    errors += problems
    ref = reference_text(settings, rel, state)
    desk = StoryDesk(controls.slug or story.slug, rel, controls, decisions, keep_page=controls.lock,
                     reference=ref is not None)
    if ref is None or ref == text:
        return desk
    labels, files, held = _labels(story)
    back = read_back(parse_page(ref), parse_page(text), decisions, labels, files, held)
    first = parse_page(text).body_start

    def where(line: int | None) -> str:
        return f"{shown}:{line}" if line else shown

    unkept = tuple(f"{where(line)}: {why}" for line, why in back.unkept)
    notes = tuple(f"{where(line)}: {why}" for line, why in back.notes if line is None or line >= first)
    return replace(desk, decisions=back.decisions, edited=True, keep_page=desk.keep_page or bool(unkept),
                   unkept=unkept, notes=notes)


def read_desks(stories: Sequence[Story], settings: Settings, state: Mapping[str, Any]) -> dict[str, StoryDesk]:
    """Every story's desk, by its generated slug; invalid controls or decisions stop the run
    (ConfigError naming each file and key) before anything is written."""
    folder = settings.decisions_path
    all_decisions = load_all(folder, settings.shown(folder))
    errors: list[str] = []
    desks = {s.slug: read_desk(s, all_decisions.get(s.slug, Decisions(s.slug)), settings, state, errors)
             for s in stories}
    taken: dict[str, str] = {}
    for slug, desk in desks.items():
        if desk.slug in taken or (desk.slug != slug and desk.slug in desks):
            errors.append(f"{settings.shown(settings.content_path / desk.page)}: front matter key 'slug': "
                          f"'{desk.slug}' is already the URL of another story")
        taken[desk.slug] = slug
    if errors:
        raise ConfigError("\n".join(errors))
    return desks


def _point_ids(story: Story) -> set[str]:
    return {x.id for x in (*story.summary, *story.background, *story.known, *story.whats_next, *story.unknown)}


def behind(fresh: Story, frozen: Story) -> str | None:
    """What a locked page's story lacks that the sources now give (None: nothing)."""
    new_sources = {a.key for a in fresh.sources} - {a.key for a in frozen.sources}
    new_points = _point_ids(fresh) - _point_ids(frozen)
    parts = [f"{n} new {w}{'' if n == 1 else 's'}" for n, w in ((len(new_sources), "source"),
                                                               (len(new_points), "point")) if n]
    return ", ".join(parts) or None


def _previous(state: Mapping[str, Any], slug: str) -> tuple[dict[str, str], set[str] | None]:
    """From the last run's state: source key -> file, and the ids the story showed (None when
    the state is from before ids, and lists words)."""
    story = (state.get("stories") or {}).get(slug) or {}
    files = {s["key"]: s["file"] for s in story.get("sources", []) if s.get("key") and s.get("file")}
    points = story.get("points")
    return files, (set(points) if isinstance(points, dict) else None)


def edit_stories(stories: Sequence[Story], desks: Mapping[str, StoryDesk], overrides: Overrides,
                 state: Mapping[str, Any], frozen: Mapping[str, Story] | None = None) -> Edited:
    """Every story with the overrides and its decisions applied, under the slug the desk gave it.

    `frozen`: the story each locked page shows (from its JSON), by slug."""
    frozen = frozen or {}
    out: list[Story] = []
    decisions: dict[str, Decisions] = {}
    review: list[tuple[str, str, str]] = []
    conflicts: list[tuple[str, str, str]] = []
    lagging: dict[str, str] = {}
    for story in stories:
        desk = desks.get(story.slug) or StoryDesk(story.slug, f"stories/{story.slug}.md", decisions=Decisions(story.slug))
        fresh = apply_overrides(story, overrides)
        base = frozen.get(story.slug) if desk.locked else None
        applied = apply_decisions(base or fresh, desk.decisions, *_previous(state, story.slug))
        result = replace(applied.story, slug=desk.slug)
        kept = desk.decisions if base is not None else applied.decisions
        decisions[desk.slug] = replace(kept, story=desk.slug)
        if base is not None:
            lag = behind(apply_decisions(fresh, desk.decisions).story, applied.story)
            if lag:
                lagging[desk.slug] = lag
        review += [(desk.slug, ident, why) for ident, why in applied.review]
        conflicts += [(desk.slug, ident, why) for ident, why in applied.conflicts]
        out.append(result)
    return Edited(tuple(out), decisions, tuple(review), tuple(conflicts), lagging)

