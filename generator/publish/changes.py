"""What changed since the last run: the generator's state file and the "What changed" note.

`generate` writes `<state_dir>/state.json` (kept in Git) with the content hash of every
file under seeds/, the inputs of every page, and per story its sources and the texts of
its points. The next run compares against it to tell returning readers what was added
(`Story.changes`), and `mkdocs build` / `explainer status` compare seeds/ with it to
say which articles are not yet generated. Plain JSON, sorted keys: deterministic.
No clock is read: the note changes only when the articles do.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from generator.config import Settings
from generator.publish.merge import display_path
from generator.store.files import atomic_write
from generator.models import Story

STATE_FILE = "state.json"
VERSION = 1


def state_file(settings: Settings) -> Path:
    return settings.state_path / STATE_FILE


def seed_hashes(settings: Settings, digests: dict[Path, bytes] | None = None) -> dict[str, str]:
    """sha256 of every input file under seeds/ (as ingest sees them), keyed by path from the root.

    `digests`, when given, receives each plain file's digest by path, for the run's cache key
    (cache.folder_digest) to use instead of reading and hashing every input a second time."""
    seeds = settings.seeds_path
    if not seeds.is_dir():
        return {}
    from generator.ingest.files import input_files

    prefix = display_path(seeds, settings)
    out: dict[str, str] = {}
    for path in input_files(seeds):
        digest = hashlib.sha256(path.read_bytes())
        if path.is_symlink():
            out[display_path(path, settings)] = digest.hexdigest()
        else:
            out[f"{prefix}/{path.relative_to(seeds).as_posix()}"] = digest.hexdigest()
            if digests is not None:
                digests[path] = digest.digest()
    return out


def load_state(settings: Settings) -> dict[str, Any]:
    """The last run's state; an absent or unreadable file is an empty state (first run)."""
    path = state_file(settings)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == VERSION else {}


def story_points(story: Story) -> list[str]:
    """The texts a reader sees as points, in page order (duplicates kept once)."""
    texts = [i.text for i in story.summary + story.background + story.known + story.whats_next]
    texts += [t.text for t in story.timeline] + [u.text for u in story.unknown] + [q.text for q in story.quotes]
    return list(dict.fromkeys(texts))


def story_state(story: Story) -> dict[str, Any]:
    sources = [{"id": a.source_id, "file": a.file, "hash": a.content_hash,
                "outlet": a.outlet, "title": a.title} for a in story.sources]
    return {"sources": sorted(sources, key=lambda s: (s["file"], s["id"])),
            "points": story_points(story), "changes": list(story.changes)}


def build_state(stories: Iterable[Story], pages: Mapping[str, Iterable[str]],
                seeds: Mapping[str, str]) -> dict[str, Any]:
    """pages: page path (relative to content/) -> the input files it is made from."""
    return {"version": VERSION, "seeds": dict(sorted(seeds.items())),
            "pages": {rel: sorted(set(files)) for rel, files in sorted(pages.items())},
            "stories": {s.slug: story_state(s) for s in sorted(stories, key=lambda s: s.slug)}}


ALL_INPUTS = "*"  # a site-wide page (index, archive, hubs) is made from every input


def page_inputs(stories: Iterable[Story], pages: Iterable[str]) -> dict[str, list[str]]:
    """Which input files each generated page is made from: a story's own pages ("stories/<slug>.md",
    "stories/<slug>.json") its sources; every other page ["*"], all of them (listing every file
    for every hub page would make the state grow as pages times articles)."""
    by_stem = {f"stories/{s.slug}": sorted({a.file for a in s.sources}) for s in stories}
    return {rel: by_stem.get(rel.rsplit(".", 1)[0], [ALL_INPUTS]) for rel in sorted(pages)}


def save_state(settings: Settings, state: dict[str, Any]) -> None:
    atomic_write(state_file(settings), json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def _plural(n: int, word: str) -> str:
    return f"{n} new {word}" + ("" if n == 1 else "s")


def describe_changes(story: Story, previous: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Short lines on what this run added to the story; the last note if nothing was added."""
    if not previous:
        return ()  # a new story (or the first run): everything is new, nothing to single out
    old_files = {s.get("file") for s in previous.get("sources", [])}
    added = [a for a in story.sources if a.file not in old_files]
    old_points = set(previous.get("points", []))
    new_points = [p for p in story_points(story) if p not in old_points]
    if not added and not new_points:
        return tuple(str(line) for line in previous.get("changes", []))
    lines = []
    for a in sorted(added, key=lambda a: (a.source_id, a.file)):
        # readers see outlets and titles, never a file name
        named = [part for part in (a.outlet, a.title) if part] or ["an article with no outlet or title stated"]
        lines.append("New source: " + ": ".join(named))
    if new_points:
        lines.append(_plural(len(new_points), "point"))
    return tuple(lines)


def annotate_changes(stories: Iterable[Story], state: Mapping[str, Any]) -> list[Story]:
    """Each story with `changes` set against the previous run's state (matched by its stable slug)."""
    previous = state.get("stories", {}) if isinstance(state.get("stories"), dict) else {}
    return [replace(s, changes=describe_changes(s, previous.get(s.slug))) for s in stories]


@dataclass(frozen=True)
class SeedDrift:
    """How seeds/ differs from what the last generate read."""

    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    never_generated: bool = False

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.removed or self.never_generated)

    def summary(self, most: int = 5) -> str:
        """"new: seeds/a.txt; changed: seeds/b.txt" (long lists shortened)."""
        def files(names: tuple[str, ...]) -> str:
            more = f" and {len(names) - most} more" if len(names) > most else ""
            return ", ".join(names[:most]) + more

        parts = [f"{label}: {files(names)}" for label, names in
                 (("new", self.new), ("changed", self.changed), ("removed", self.removed)) if names]
        if self.never_generated:
            parts.append("never generated (no state file)")
        return "; ".join(parts)


def seed_drift(settings: Settings, state: Mapping[str, Any] | None = None) -> SeedDrift:
    state = load_state(settings) if state is None else state
    now = seed_hashes(settings)
    if "seeds" not in state:
        return SeedDrift(new=tuple(sorted(now)), never_generated=bool(now))
    then = state["seeds"]
    return SeedDrift(tuple(sorted(set(now) - set(then))),
                     tuple(sorted(f for f in now if f in then and now[f] != then[f])),
                     tuple(sorted(set(then) - set(now))))
