"""`explainer status`: the state of every page for editors, without running the pipeline.

Per page: edited (changed since generate wrote it: the edits become decisions at the next
generate), locked (and behind its sources), draft, review (items flagged "needs review"),
conflict (lines to resolve), orphaned (generated before, no longer generated), out of date
(its articles changed in seeds/ since the last generate), hand-written (never generated).
Then what needs doing, each with its file and line: conflicts, edits no decision can hold,
items to review, held-back lines, invalid front matter or decisions. Reads files only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.editorial.controls import page_controls
from generator.editorial.decisions import Decisions, load_decisions
from generator.editorial.page import ID_COMMENT_RE, conflict_lines, parse_page
from generator.editorial.readback import read_back
from generator.errors import ConfigError
from generator.publish.changes import ALL_INPUTS, SeedDrift, load_state, seed_drift
from generator.publish.write import journal_path


@dataclass(frozen=True)
class PageStatus:
    page: str  # relative to content/
    generated: bool  # generate wrote it
    edited: bool = False
    locked: bool = False
    draft: bool = False
    conflicts: tuple[tuple[int | None, str], ...] = ()  # (line, why)
    review: tuple[tuple[int | None, str], ...] = ()
    orphaned: bool = False
    out_of_date: bool = False
    behind: str | None = None  # locked: what the sources now give that the page lacks
    problems: tuple[str, ...] = ()  # invalid front matter or decisions
    held: tuple[dict[str, Any], ...] = ()  # held-back lines of a story page


@dataclass(frozen=True)
class Report:
    pages: tuple[PageStatus, ...]
    drift: SeedDrift
    interrupted: bool = False
    content: str = "content"

    @property
    def conflicts(self) -> tuple[str, ...]:
        return tuple(f"{self.content}/{p.page}" + (f":{n}" if n else "") + f": {why}"
                     for p in self.pages for n, why in p.conflicts)

    @property
    def invalid(self) -> tuple[str, ...]:
        return tuple(problem for p in self.pages for problem in p.problems)


def collect(settings: Settings) -> Report:
    state = load_state(settings)
    drift = seed_drift(settings, state)
    touched = set(drift.changed) | set(drift.removed)
    content = settings.content_path
    files = sorted(p for p in content.rglob("*.md")
                   if not any(part.startswith(".") for part in p.relative_to(content).parts)) if content.is_dir() else []
    rows = [_page_status(p.relative_to(content).as_posix(), p, settings, state, touched, drift) for p in files]
    return Report(tuple(rows), drift, journal_path(settings).is_file(), settings.shown(content))


def _reference(settings: Settings, rel: str) -> str | None:
    for folder in (settings.written_path, settings.base_path):
        if (folder / rel).is_file():
            return (folder / rel).read_text(encoding="utf-8")
    return None


def _decisions(settings: Settings, rel: str, problems: list[str]) -> Decisions:
    slug = Path(rel).stem
    try:
        return load_decisions(settings.decisions_path, slug, settings.shown(settings.decisions_path / f"{slug}.yaml"))
    except ConfigError as exc:
        problems.append(str(exc))
        return Decisions(slug)


def _flags(text: str, decisions: Decisions) -> tuple[list, list]:
    """(line, why) of the items flagged conflict / review on the page."""
    conflicts, review = [], []
    for n, line in enumerate(text.split("\n"), 1):
        m = ID_COMMENT_RE.search(line)
        if not m or not m.group(2).strip():
            continue
        d = decisions.item(m.group(1))
        if "conflict" in m.group(2):
            conflicts.append((n, f"{d.conflict or 'the sources now say otherwise'} ({m.group(1)})"))
        if "review" in m.group(2):
            review.append((n, f"{d.review or 'needs review'} ({m.group(1)})"))
    return conflicts, review


def _unkept(ref: str, text: str, decisions: Decisions, story: dict[str, Any]) -> list:
    """What the next generate could not keep of this page's edits (a dry read-back)."""
    sources = story.get("sources", [])
    labels = {s["id"]: s.get("key") or s["id"] for s in sources} | {s["key"]: s["key"] for s in sources
                                                                  if s.get("key")}
    held = {h["id"]: h["section"] for h in story.get("held", []) if h.get("id")}
    back = read_back(parse_page(ref), parse_page(text), decisions, labels, {}, held)
    return list(back.unkept)


def _page_status(rel: str, path: Path, settings: Settings, state: dict, touched: set[str],
                 drift: SeedDrift) -> PageStatus:
    text = path.read_text(encoding="utf-8")
    ref = _reference(settings, rel)
    hashes = state.get("written") or {}
    generated = ref is not None or rel in hashes
    problems: list[str] = []
    controls, front = page_controls(text, settings.shown(path))
    markers = conflict_lines(text)
    conflicts = [(n, "unresolved conflict markers of the old line merge: keep what is right, delete the "
                     "marker lines") for n in markers]
    review: list = []
    held: tuple = ()
    behind = None
    is_story = rel.startswith("stories/")
    if is_story and generated and not markers:
        decisions = _decisions(settings, rel, problems)
        flagged, review = _flags(text, decisions)
        conflicts += flagged
        story = (state.get("stories") or {}).get(Path(rel).stem) or {}
        held = tuple(story.get("held", []))
        behind = story.get("behind") if controls.lock else None
        if ref is not None and ref != text and not front:
            conflicts += _unkept(ref, text, decisions, story)
    edited = (ref is not None and text != ref) if is_story else (rel in hashes and _sha(text) != hashes[rel])
    pages_state = state.get("pages", {}) if isinstance(state.get("pages"), dict) else {}
    inputs = pages_state.get(rel)
    made_from = touched if inputs == [ALL_INPUTS] else touched & set(inputs or ())
    return PageStatus(
        page=rel, generated=generated, edited=edited, locked=controls.lock, draft=controls.draft,
        conflicts=tuple(conflicts), review=tuple(review),
        orphaned=generated and bool(pages_state) and inputs is None,
        out_of_date=inputs is not None and (bool(made_from) or (rel == "index.md" and bool(drift))),
        behind=behind, problems=tuple(problems + ([] if markers else front)), held=held,
    )


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _flag(value: bool) -> str:
    return "yes" if value else "-"


COLUMNS = ("page", "edited", "locked", "draft", "review", "conflict", "orphaned", "out-of-date")


def _lines(items) -> str:
    return ",".join(str(n) for n, _ in items if n) or ("yes" if items else "-")


def format_report(report: Report, settings: Settings) -> str:
    """A plain table, then what needs doing."""
    content = report.content
    rows = [COLUMNS] + [(
        f"{content}/{p.page}" + ("" if p.generated else " (hand-written)"),
        _flag(p.edited), "behind" if p.behind else _flag(p.locked), _flag(p.draft),
        _lines(p.review), _lines(p.conflicts), _flag(p.orphaned), _flag(p.out_of_date),
    ) for p in report.pages]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    if not report.pages:
        lines.append(f"(no pages in {content}/)")
    lines.append("")
    lines.append(f"seeds: {report.drift.summary()} - run `explainer generate`" if report.drift
                 else "seeds: up to date with the last generate")
    for p in report.pages:
        where = f"{content}/{p.page}"
        lines += [f"conflict {where}" + (f":{n}" if n else "") + f": {why}" for n, why in p.conflicts]
        lines += [f"review {where}" + (f":{n}" if n else "") + f": {why}" for n, why in p.review]
        lines += [f"invalid {problem}" for problem in p.problems]
        if p.edited and p.page.startswith("stories/") and not p.conflicts:
            lines.append(f"edited {where}: your edits become decisions at the next `explainer generate`")
        if p.behind:
            lines.append(f"behind {where}: locked; the sources now give {p.behind} (remove `lock` to take them)")
        for h in p.held:
            lines.append(f"held {where}: {h.get('id')} ({h.get('section')}): “{h.get('text')}” - {h.get('reason')}; "
                         f"to approve it, paste `- {h.get('text')} <!-- xp {h.get('id')} -->` into the page")
        if p.orphaned:
            lines.append(f"orphaned {where}: its story is no longer generated; delete it or keep it by hand")
    if report.interrupted:
        lines.append("an interrupted generate left a journal; the next `explainer generate` completes it")
    return "\n".join(lines) + "\n"
