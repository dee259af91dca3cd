"""Write stage: the run's pages, their records and the desk's decisions, all at once or not at all.

Editors' edits were read back into decisions before rendering (generator.editorial), so a
story page is simply written again, with every front-matter key an editor added carried
over; a copy of it goes to `.explainer/written/` (what the next run reads edits against).
Left as they are: a locked page; a page holding an edit no decision can hold (reported with
its line); a page the generator never wrote; a site page (home, archive, hubs) edited by
hand since it was written (reported: its edits belong in a story or the templates).

All writes of a run (pages, JSON, written copies, decisions files, and the files a changed
slug leaves behind, deleted) are staged beside their targets, listed in a journal, then
renamed; an interrupted commit is rolled forward by the next run (`recover`), so content/ is
either as it was or fully updated.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from generator.config import Settings
from generator.editorial.controls import TOP_KEY_RE, insert_controls, split_front_matter, strip_controls
from generator.editorial.decisions import decisions_path, dump_decisions
from generator.editorial.desk import Edited, StoryDesk
from generator.store.files import atomic_write, write_text

JOURNAL = "journal.json"
STAGED_SUFFIX = ".explainer-new"


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...] = ()  # paths under content/ written
    conflicts: tuple[str, ...] = ()  # "content/stories/x.md:42: why"
    notes: tuple[str, ...] = ()
    hashes: dict[str, str] | None = None  # page under content/ -> sha256 of it as it now is


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def display_path(path: Path, settings: Settings) -> str:
    return settings.shown(path)


def carry_editor_keys(current: str | None, generated: str) -> str:
    """The generated page with the front-matter keys an editor added to the current one (every
    key the generated page does not have)."""
    if current is None:
        return generated
    block, _ = split_front_matter(generated)
    keys = tuple(m.group(1) for line in (block or "").splitlines() if (m := TOP_KEY_RE.match(line)))
    _, lines = strip_controls(current, keys)
    return insert_controls(generated, lines)


def _line_of(text: str, ident: str) -> int | None:
    needle = f"<!-- xp {ident} "
    return next((n for n, line in enumerate(text.split("\n"), 1) if needle in line), None)


class _Plan:
    """What to write, delete and report, page by page."""

    def __init__(self, settings: Settings, state: Mapping[str, Any]):
        self.settings = settings
        self.hashes: dict[str, str] = dict(state.get("written") or {})
        self.writes: list[tuple[Path, str | None]] = []
        self.written: list[str] = []
        self.conflicts: list[str] = []
        self.notes: list[str] = []
        self.texts: dict[str, str] = {}  # page -> its text after this run

    def put(self, rel: str, text: str, record: bool = False) -> None:
        target = self.settings.content_path / rel
        if _read(target) != text:
            self.writes.append((target, text))
            self.written.append(rel)
        if record and _read(self.settings.written_path / rel) != text:
            self.writes.append((self.settings.written_path / rel, text))
        self.hashes[rel] = sha(text)
        self.texts[rel] = text

    def where(self, slug: str, ident: str) -> str:
        """"content/stories/<slug>.md:<line>" of an item, as the page now reads."""
        rel = f"stories/{slug}.md"
        line = _line_of(self.texts.get(rel, ""), ident)
        return self.settings.shown(self.settings.content_path / rel) + (f":{line}" if line else "")

    def delete(self, path: Path) -> None:
        if path.exists():
            self.writes.append((path, None))

    def story_page(self, rel: str, text: str, desk: StoryDesk) -> None:
        current = _read(self.settings.content_path / desk.page)
        shown = self.settings.shown(self.settings.content_path / desk.page)
        if desk.keep_page and current is not None:
            self.conflicts += desk.unkept
            self.texts[rel] = current
            if desk.locked and not desk.unkept:
                self.notes.append(f"{shown}: locked: left as it is")
            return
        if not desk.reference and current is not None and carry_editor_keys(current, text) != current:
            self.conflicts.append(f"{shown}: no record of this page as generate last wrote it "
                                  f"({self.settings.written_dir}/{rel}), so its edits cannot be read back; "
                                  f"the page was left as it is (delete it to have it generated again)")
            self.texts[rel] = current
            return
        self.put(rel, carry_editor_keys(current, text), record=True)
        if desk.page != rel:  # the desk gave the story a new URL: its old files go
            for path in (self.settings.content_path / desk.page, self.settings.written_path / desk.page,
                         (self.settings.content_path / desk.page).with_suffix(".json")):
                self.delete(path)
            self.hashes.pop(desk.page, None)
            self.hashes.pop(desk.page[:-3] + ".json", None)

    def drop_stale(self, made: set[str]) -> None:
        """Site pages written before and no longer made (an actor no story names now) go, unless
        edited by hand; story pages stay (`explainer status` calls them orphaned)."""
        for rel, digest in sorted(self.hashes.items()):
            if rel in made or rel.startswith("stories/"):
                continue
            current = _read(self.settings.content_path / rel)
            if current is not None and sha(current) == digest:
                self.delete(self.settings.content_path / rel)
            self.hashes.pop(rel)

    def site_page(self, rel: str, text: str) -> None:
        current = _read(self.settings.content_path / rel)
        base = _read(self.settings.base_path / rel)
        known = self.hashes.get(rel)
        edited = current is not None and current != text and sha(current) != known and current != base
        if edited:
            shown = self.settings.shown(self.settings.content_path / rel)
            self.notes.append(f"{shown}: edited by hand, so left as it is (only story pages keep edits as "
                              f"decisions); delete it to have it generated again")
            self.texts[rel] = current
            return
        self.put(rel, text)


def plan_run(pages: Mapping[str, str], desks: Mapping[str, StoryDesk], edited: Edited, settings: Settings,
             state: Mapping[str, Any]) -> _Plan:
    by_page = {f"stories/{d.slug}.md": d for d in desks.values()}
    plan = _Plan(settings, state)
    for rel, text in sorted(pages.items()):
        if rel in by_page:
            plan.story_page(rel, text, by_page[rel])
        elif rel.startswith("stories/") and rel.endswith(".json"):
            plan.put(rel, text)
        else:
            plan.site_page(rel, text)
    plan.drop_stale(set(pages))
    for slug, decisions in sorted(edited.decisions.items()):
        path = decisions_path(settings.decisions_path, slug)
        text = dump_decisions(decisions) if decisions else None
        if text is None:
            plan.delete(path)
        elif _read(path) != text:
            plan.writes.append((path, text))
    for desk in desks.values():
        if f"stories/{desk.slug}.md" != desk.page:
            plan.delete(decisions_path(settings.decisions_path, Path(desk.page).stem))
    for slug, ident, why in edited.conflicts:
        plan.conflicts.append(plan.where(slug, ident) + f": {why} ({ident})")
    for slug, ident, why in edited.review:
        plan.notes.append(f"review {plan.where(slug, ident)}: {why} ({ident})")
    return plan


def write_run(pages: Mapping[str, str], desks: Mapping[str, StoryDesk], edited: Edited, settings: Settings,
              state: Mapping[str, Any]) -> WriteResult:
    """Write everything the run made, atomically; then drop the old merge base, if any."""
    plan = plan_run(pages, desks, edited, settings, state)
    commit(plan.writes, settings)
    if settings.base_path.is_dir() and settings.base_path != settings.written_path:
        shutil.rmtree(settings.base_path)  # its pages' edits are decisions now
    for desk in desks.values():
        plan.notes += list(desk.notes)
    return WriteResult(tuple(plan.written), tuple(plan.conflicts), tuple(plan.notes), plan.hashes)


# ---------------------------------------------------------------- the atomic commit


def _sync_all(paths: list[Path]) -> None:
    """Every staged file on disk before the journal that names them is.

    Linux's sync() waits until everything is written: one call instead of a thousand fsyncs,
    each of which waits for the disk. Elsewhere sync() may return early: fsync each file.
    """
    if sys.platform.startswith("linux"):
        os.sync()
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def journal_path(settings: Settings) -> Path:
    return settings.state_path / JOURNAL


def _staged(target: Path) -> Path:
    # A dot file beside the target: same file system (atomic rename), ignored by MkDocs.
    return target.with_name(f".{target.name}{STAGED_SUFFIX}")


def commit(writes: list[tuple[Path, str | None]], settings: Settings) -> None:
    """Stage every file, record the renames (and deletions: text None) in a journal, then do them."""
    if not writes:
        return
    staged: list[tuple[Path, Path]] = []
    deletions = [str(target) for target, text in writes if text is None]
    try:
        for target, text in writes:
            if text is not None:
                write_text(_staged(target), text, fsync=False)  # synced all at once below
                staged.append((_staged(target), target))
        _sync_all([tmp for tmp, _ in staged])
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    journal = journal_path(settings)
    renames = [[str(tmp), str(target)] for tmp, target in staged]
    atomic_write(journal, json.dumps({"renames": renames, "deletions": deletions}, indent=1) + "\n")
    try:
        for tmp, target in staged:
            os.replace(tmp, target)
        for target in deletions:
            Path(target).unlink(missing_ok=True)
    finally:
        _roll_forward(journal)


def _roll_forward(journal: Path) -> None:
    """Finish the renames and deletions a journal lists (those done are skipped), then drop it."""
    data = json.loads(journal.read_text(encoding="utf-8"))
    for tmp, target in data.get("renames", []):
        if Path(tmp).exists():
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
    for target in data.get("deletions", []):
        Path(target).unlink(missing_ok=True)
    journal.unlink()


def recover(settings: Settings) -> list[str]:
    """Complete an interrupted commit, discard files staged without a journal; say what was done."""
    done: list[str] = []
    journal = journal_path(settings)
    if journal.is_file():
        _roll_forward(journal)
        done.append(f"completed the interrupted update recorded in {settings.shown(journal)}")
    for folder in (settings.content_path, settings.state_path):
        if folder.is_dir():
            for stale in sorted(folder.rglob(f".*{STAGED_SUFFIX}")):
                stale.unlink()
                done.append(f"discarded {settings.shown(stale)} from an interrupted run")
    return done
