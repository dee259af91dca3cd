"""Merge stage: write generated pages into content/ without losing editors' edits.

As copier/cruft update a templated project, each page's last generated text is kept in
the repository as the merge base (`settings.base_path/<same relative path>`; the stored
text itself, because NLP output drifts with model versions). On regeneration:

- new page: written, base stored;
- unedited page (page == base): replaced by the new generated text;
- edited page: three-way merged (`git merge-file --diff3`, labels edited/base/generated);
  a conflict leaves standard markers in the page and is reported as "content/x.md:42";
- locked page (`lock: true` in its front matter): never touched, base kept;
- a page no longer generated is left alone (`explainer status` lists it as orphaned).

Editorial front-matter keys are lifted out before the merge and put back after it
(frontmatter_controls). All writes of a run are staged beside their targets, listed in a
journal, then renamed pages first and bases last; an interrupted commit is rolled forward
by the next run (`recover`), so content/ is either as it was or fully updated.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.store.files import atomic_write, write_text
from generator.config import Settings
from generator.errors import ConfigError, ExplainerError
from generator.publish.controls import insert_controls, is_locked, page_controls, strip_controls

LABELS = ("edited", "base", "generated")
JOURNAL = "journal.json"
STAGED_SUFFIX = ".explainer-new"
# A conflict block starts "<<<<<<< edited" and ends ">>>>>>> generated" (git's 7-char markers).
MARKER_RE = re.compile(r"^(<{7}|>{7}|\|{7})(?: |$)")
START_RE = re.compile(r"^<{7}(?: |$)")

Action = Literal["new", "replaced", "merged", "conflict", "unchanged", "locked"]


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageMerge:
    """What to do with one page: new texts for the page and its base (None = leave as is)."""

    action: Action
    text: str | None
    base: str | None
    conflicts: tuple[int, ...] = ()  # 1-based lines of "<<<<<<<" markers in the resulting page


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


def conflict_lines(text: str) -> tuple[int, ...]:
    """1-based line numbers where a conflict block starts (or a stray marker sits)."""
    if "<" * 7 not in text and ">" * 7 not in text and "|" * 7 not in text:
        return ()  # no marker anywhere: most pages, skipped without reading line by line
    lines: list[int] = []
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        if START_RE.match(line):
            lines.append(n)
            inside = True
        elif MARKER_RE.match(line):
            if not inside:
                lines.append(n)  # a stray "|||||||" or ">>>>>>>" is unresolved too
            inside = inside and not line.startswith(">>>>>>>")
    return tuple(lines)


_GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C"}


def merge3(edited: str, base: str, generated: str) -> tuple[str, int]:
    """`git merge-file -p --diff3`: the merged text and the number of conflicts."""
    with tempfile.TemporaryDirectory(prefix="explainer-merge-") as tmp:
        paths = []
        for label, text in zip(LABELS, (edited, base, generated)):
            path = Path(tmp) / label
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        labels = [arg for label in LABELS for arg in ("-L", label)]
        try:
            proc = subprocess.run(["git", "merge-file", "-p", "--diff3", *labels, *paths],
                                  capture_output=True, env={**os.environ, **_GIT_ENV}, check=False)
        except FileNotFoundError:
            raise ExplainerError("git is needed to merge edited pages but was not found on PATH") from None
    if proc.returncode > 127:
        raise ExplainerError(f"git merge-file failed: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout.decode("utf-8"), proc.returncode


def merge_page(current: str | None, base: str | None, generated: str) -> PageMerge:
    """Decide one page. Pure apart from running git; never drops an editor's line silently."""
    if current is None:
        return PageMerge("new", generated, generated)
    if is_locked(current):
        return PageMerge("locked", None, None, conflict_lines(current))
    body, controls = strip_controls(current)
    gen_body = strip_controls(generated)[0]
    if base is not None and body == strip_controls(base)[0]:
        merged, action = gen_body, "replaced"
    else:
        # No stored base (page predates it): nothing is assumed shared, so any difference conflicts.
        merged, _ = merge3(body, strip_controls(base)[0] if base is not None else "", gen_body)
        action = "merged"
    final = insert_controls(merged, controls)
    conflicts = conflict_lines(final)
    if conflicts:
        action = "conflict"
    elif final == current:
        action = "unchanged"
    return PageMerge(action, final if final != current else None,
                     generated if generated != base else None, conflicts)


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def display_path(path: Path, settings: Settings) -> str:
    """A path as people type it: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(Path(settings.root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def plan_pages(pages: dict[str, str], settings: Settings) -> dict[str, PageMerge]:
    """Merge every page in memory; refuse (ConfigError) if an edited page's controls are invalid."""
    errors: list[str] = []
    plans: dict[str, PageMerge] = {}
    for rel, generated in sorted(pages.items()):
        target = settings.content_path / rel
        current = _read(target)
        if current == generated and not conflict_lines(current):
            base = _read(settings.base_path / rel)
            if base == generated:  # untouched since we wrote it, and the same again: nothing to do
                plans[rel] = PageMerge("unchanged", None, None)
                continue
        if current is not None and not conflict_lines(current):
            errors += page_controls(current, display_path(target, settings))[1]
        plans[rel] = merge_page(current, _read(settings.base_path / rel), generated)
    if errors:
        raise ConfigError("\n".join(errors))
    return plans


def write_pages(pages: dict[str, str], settings: Settings) -> WriteResult:
    """pages: path relative to content/ -> generated Markdown. Merges, then commits atomically."""
    plans = plan_pages(pages, settings)
    page_writes = [(settings.content_path / rel, p.text) for rel, p in plans.items() if p.text is not None]
    base_writes = [(settings.base_path / rel, p.base) for rel, p in plans.items() if p.base is not None]
    commit(page_writes + base_writes, settings)
    written = tuple(rel for rel, p in plans.items() if p.text is not None)
    conflicts = tuple(f"{display_path(settings.content_path / rel, settings)}:{line}"
                      for rel, p in plans.items() for line in p.conflicts)
    return WriteResult(written, conflicts)


def journal_path(settings: Settings) -> Path:
    return settings.state_path / JOURNAL


def _staged(target: Path) -> Path:
    # A dot file beside the target: same file system (atomic rename), ignored by MkDocs.
    return target.with_name(f".{target.name}{STAGED_SUFFIX}")


def commit(writes: list[tuple[Path, str]], settings: Settings) -> None:
    """Stage every file, record the renames in a journal, then rename in order."""
    if not writes:
        return
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in writes:
            write_text(_staged(target), text, fsync=False)  # synced all at once below
            staged.append((_staged(target), target))
        _sync_all([tmp for tmp, _ in staged])
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    journal = journal_path(settings)
    renames = [[str(tmp), str(target)] for tmp, target in staged]
    atomic_write(journal, json.dumps({"renames": renames}, indent=1) + "\n")
    try:
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        _roll_forward(journal)


def _roll_forward(journal: Path) -> None:
    """Finish the renames a journal lists (those already done are skipped), then drop it."""
    data = json.loads(journal.read_text(encoding="utf-8"))
    for tmp, target in data.get("renames", []):
        if Path(tmp).exists():
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
    journal.unlink()


def recover(settings: Settings) -> list[str]:
    """Complete an interrupted commit, discard files staged without a journal; say what was done."""
    done: list[str] = []
    journal = journal_path(settings)
    if journal.is_file():
        _roll_forward(journal)
        done.append(f"completed the interrupted update recorded in {display_path(journal, settings)}")
    for folder in (settings.content_path, settings.base_path):
        if folder.is_dir():
            for stale in sorted(folder.rglob(f".*{STAGED_SUFFIX}")):
                stale.unlink()
                done.append(f"discarded {display_path(stale, settings)} from an interrupted run")
    return done
