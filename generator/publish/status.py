"""`explainer status`: the state of every page for editors, without running the pipeline.

Per page: edited (differs from its merge base), locked, draft, conflict (marker lines),
orphaned (generated before, no longer generated), out of date (its articles changed in
seeds/ since the last generate), hand-written (never generated). Reads files only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.publish.changes import ALL_INPUTS, SeedDrift, load_state, seed_drift
from generator.config import Settings
from generator.publish.controls import page_controls
from generator.publish.merge import conflict_lines, display_path, journal_path


@dataclass(frozen=True)
class PageStatus:
    page: str  # relative to content/
    generated: bool  # has a merge base
    edited: bool = False
    locked: bool = False
    draft: bool = False
    conflicts: tuple[int, ...] = ()
    orphaned: bool = False
    out_of_date: bool = False
    problems: tuple[str, ...] = ()  # invalid front matter


@dataclass(frozen=True)
class Report:
    pages: tuple[PageStatus, ...]
    drift: SeedDrift
    interrupted: bool = False

    @property
    def conflicts(self) -> tuple[str, ...]:
        return tuple(f"{p.page}:{n}" for p in self.pages for n in p.conflicts)


def collect(settings: Settings) -> Report:
    state = load_state(settings)
    drift = seed_drift(settings, state)
    touched = set(drift.changed) | set(drift.removed)
    pages_state = state.get("pages", {}) if isinstance(state.get("pages"), dict) else {}
    content = settings.content_path
    files = sorted(p for p in content.rglob("*.md")
                   if not any(part.startswith(".") for part in p.relative_to(content).parts)) if content.is_dir() else []
    rows = [_page_status(p.relative_to(content).as_posix(), p, settings, pages_state, touched, drift)
            for p in files]
    return Report(tuple(rows), drift, journal_path(settings).is_file())


def _page_status(rel: str, path: Path, settings: Settings, pages_state: dict,
                 touched: set[str], drift: SeedDrift) -> PageStatus:
    text = path.read_text(encoding="utf-8")
    base_file = settings.base_path / rel
    base = base_file.read_text(encoding="utf-8") if base_file.is_file() else None
    conflicts = conflict_lines(text)
    controls, problems = page_controls(text, display_path(path, settings))
    inputs = pages_state.get(rel)
    made_from = touched if inputs == [ALL_INPUTS] else touched & set(inputs or ())
    out_of_date = inputs is not None and (bool(made_from) or (rel == "index.md" and bool(drift)))
    return PageStatus(
        page=rel, generated=base is not None,
        edited=base is not None and text != base,
        locked=controls.lock, draft=controls.draft, conflicts=conflicts,
        orphaned=base is not None and bool(pages_state) and inputs is None,
        out_of_date=out_of_date,
        problems=() if conflicts else tuple(problems),
    )


def _flag(value: bool) -> str:
    return "yes" if value else "-"


COLUMNS = ("page", "edited", "locked", "draft", "conflict", "orphaned", "out-of-date")


def format_report(report: Report, settings: Settings) -> str:
    """A plain table, then what needs doing."""
    content = display_path(settings.content_path, settings)
    rows = [COLUMNS] + [(
        f"{content}/{p.page}" + ("" if p.generated else " (hand-written)"),
        _flag(p.edited), _flag(p.locked), _flag(p.draft),
        ",".join(map(str, p.conflicts)) or "-", _flag(p.orphaned), _flag(p.out_of_date),
    ) for p in report.pages]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    if not report.pages:
        lines.append(f"(no pages in {content}/)")
    lines.append("")
    lines.append(f"seeds: {report.drift.summary()} - run `explainer generate`" if report.drift
                 else "seeds: up to date with the last generate")
    for p in report.pages:
        lines += [f"conflict {content}/{p.page}:{n}: resolve the markers, then commit" for n in p.conflicts]
        lines += [f"invalid {problem}" for problem in p.problems]
        if p.orphaned:
            lines.append(f"orphaned {content}/{p.page}: its story is no longer generated; delete it or keep it by hand")
    if report.interrupted:
        lines.append("an interrupted generate left a journal; the next `explainer generate` completes it")
    return "\n".join(lines) + "\n"

