"""MkDocs hook: the site is built only from pages an editor could publish.

- Refuses to build (PluginError), naming each file and line, while a page holds an item
  flagged `conflict`, line-merge conflict markers, a citation with no footnote definition (a
  source row deleted before `explainer generate` ran), an id that is not one of its story's
  items, or invalid editorial front matter (naming the key). The checks run before MkDocs
  empties site/, so a refused build leaves the previous site as it was.
- Pages with `status: draft` in their front matter are drafts: MkDocs' own draft level, so
  `mkdocs build` leaves them out while `mkdocs serve` still previews them. A draft publishes
  nothing of itself: its JSON stays out of the build too, and what points at it goes: its
  card on the home page (a top-level <div> block), its list item, and any other link to it
  becomes plain text (in `mkdocs build`; `serve` keeps them). (`explainer generate` already
  leaves drafts out of the home page, the archive, the actor pages and the timeline.)
- The invisible ids that let edits be read back (`<!-- xp ... -->`) are dropped from the HTML.
- `editor_note:` front matter is shown at the top of the page, HTML-escaped.
- When seeds/ holds articles the last `explainer generate` did not read, it says so at
  INFO level: visible in the build log, but never a warning, so `--strict` still passes
  (building is not generating; a stale site is the editor's call).

It never regenerates and never imports spaCy: only the light generator modules are used.
"""

from __future__ import annotations

import html
import json
import logging
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel

try:
    from generator.publish.changes import seed_drift
except ImportError:  # `mkdocs` run from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from generator.publish.changes import seed_drift
from generator.config import load_settings
from generator.errors import ConfigError
from generator.editorial.controls import Controls, page_controls
from generator.editorial.page import ID_COMMENT_RE, conflict_lines, strip_ids

log = logging.getLogger("mkdocs.hooks.build_guard")

_drafts: set[str] = set()  # src_uris of draft pages in the current build
_root: list[Path] = []
_serving: list[bool] = [False]

# A Markdown inline link "[text](target)" or "[text](target "title")".
LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# A list item line: "- [Story](stories/x.md)", "* ...", "1. ...".
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
# An opening HTML div tag: "<div class="card" markdown>".
DIV_OPEN_RE = re.compile(r"<div\b")
FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF_RE = re.compile(r"^\s{0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)


def on_startup(command, dirty):
    """`mkdocs serve` previews drafts, so links to them are kept there."""
    _serving[:] = [command == "serve"]


def on_config(config):
    """Note (INFO, never a warning) when seeds/ changed since the last generate."""
    _drafts.clear()
    _root[:] = [Path(config.config_file_path or ".").resolve().parent]
    try:
        settings = load_settings(_root[0])
    except ConfigError as exc:
        raise PluginError(str(exc)) from None
    drift = seed_drift(settings)
    if drift:
        log.info("build_guard: seeds/ is ahead of content/ (%s); run `explainer generate` to update the pages",
                 drift.summary())
    return config


def _shown(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(_root[0]).as_posix()
    except (ValueError, IndexError):
        return path


def _page_controls(text: str, path: str) -> tuple[Controls, list[str]]:
    """page_controls, naming the file as people type it. Resolving the path touches the disk,
    and the name shows only in messages, so it is worked out for a page with problems only."""
    controls, errors = page_controls(text, path)
    return (controls, errors) if not errors else page_controls(text, _shown(path))


def _known_ids(page: Path) -> set[str] | None:
    """The ids of a story page's items, from its JSON beside it (None: no JSON)."""
    data_file = page.with_suffix(".json")
    try:
        data = json.loads(data_file.read_text(encoding="utf-8")) if data_file.is_file() else None
    except ValueError:
        return set()
    if not isinstance(data, dict):
        return None
    ids = {"h-headline"}
    for key in ("summary", "background", "known", "whats_next", "actors", "timeline", "unknown", "quotes", "held"):
        ids |= {entry.get("id") for entry in data.get(key, []) if isinstance(entry, dict) and entry.get("id")}
    return ids


def page_problems(text: str, path: Path) -> list[str]:
    """Why this page must not be published, each with its file and line."""
    shown = _shown(str(path))
    lines = conflict_lines(text)
    if lines:
        return [f"{shown}:{n}: unresolved merge conflict markers" for n in lines]
    _, problems = _page_controls(text, str(path))
    defined = set(FOOTNOTE_DEF_RE.findall(text))
    known = None
    for n, line in enumerate(text.split("\n"), 1):
        for label in FOOTNOTE_REF_RE.findall(line):
            if label not in defined and not line.lstrip().startswith(f"[^{label}]:"):
                problems.append(f"{shown}:{n}: citation [^{label}] has no footnote (its source was removed?): "
                                f"run `explainer generate`, or remove the citation")
        for m in ID_COMMENT_RE.finditer(line):
            known = _known_ids(path) if known is None else known
            if "conflict" in m.group(2).split():
                problems.append(f"{shown}:{n}: {m.group(1)} is flagged conflict: the sources now say otherwise "
                                f"than the editors' text (see `explainer status`)")
            elif not known or m.group(1) not in known:
                problems.append(f"{shown}:{n}: unknown id {m.group(1)}: not an item of this story "
                                f"(remove the comment, or run `explainer generate`)")
    return problems


def on_pre_build(config):
    """Refuse to build, before site/ is emptied, while any page must not be published."""
    docs = Path(config.docs_dir)
    problems: list[str] = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        problems += page_problems(path.read_text(encoding="utf-8"), path)
    if problems:
        raise PluginError("build_guard: refusing to build the site:\n  " + "\n  ".join(problems)
                          + "\nResolve each one (see docs/editing.md), then build again.")


def on_files(files, config):
    """Mark drafts (and keep a draft's JSON out of the built site)."""
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        if not file.abs_src_path or not Path(file.abs_src_path).is_file():
            continue
        controls, _ = _page_controls(Path(file.abs_src_path).read_text(encoding="utf-8"), file.abs_src_path)
        if controls.draft:
            file.inclusion = InclusionLevel.DRAFT
            _drafts.add(file.src_uri)
    if not _serving[0]:
        for file in list(files):
            if file.src_uri.endswith(".json") and file.src_uri[:-5] + ".md" in _drafts:
                files.remove(file)
    return files


def _div_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line indexes of each top-level HTML <div> block (a card, a grid cell)."""
    blocks, depth, start = [], 0, 0
    for i, line in enumerate(lines):
        opened, closed = len(DIV_OPEN_RE.findall(line)), line.count("</div>")
        if depth == 0 and opened and line.startswith("<div"):
            start = i
        if depth or (opened and line.startswith("<div")):
            depth += opened - closed
            if depth <= 0:
                blocks.append((start, i))
                depth = 0
    return blocks


def _drop_draft_links(markdown: str, src_uri: str) -> str:
    """What teases a draft goes: its card (a top-level <div> block) or its list item;
    other links to a draft become plain text, so nothing points at an unpublished page."""
    here = posixpath.dirname(src_uri)

    def is_draft(target: str) -> bool:
        path = target.split("#", 1)[0]
        return bool(path) and "://" not in path and posixpath.normpath(posixpath.join(here, path)) in _drafts

    lines = markdown.splitlines(keepends=True)
    drop: set[int] = set()
    blocks = _div_blocks(lines)
    for i, line in enumerate(lines):
        if not any(is_draft(m.group(2)) for m in LINK_RE.finditer(line)):
            continue
        card = next(((a, b) for a, b in blocks if a <= i <= b), None)
        if card:
            drop.update(range(card[0], card[1] + 1))
            if card[1] + 1 < len(lines) and not lines[card[1] + 1].strip():
                drop.add(card[1] + 1)
        elif LIST_ITEM_RE.match(line):
            drop.add(i)
    out = [LINK_RE.sub(lambda m: m.group(1) if is_draft(m.group(2)) else m.group(0), line)
           for i, line in enumerate(lines) if i not in drop]
    return "".join(out)


def editor_note_html(note: str) -> str:
    """The note as an admonition in raw HTML: escaped, so it shows as typed, never as markup."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", note.strip()) if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f'<div class="admonition note editor-note"><p class="admonition-title">Editor\'s note</p>{body}</div>\n\n'


def _with_note(markdown: str, note: str) -> str:
    """After the page title when it opens the page, else at the top."""
    block = editor_note_html(note)
    lines = markdown.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip():
            if line.startswith("# "):
                return "".join(lines[: i + 1]) + "\n" + block + "".join(lines[i + 1:])
            break
    return block + markdown


def on_page_content(html_text, page, config, files):
    """The ids are for editors: readers' pages do without them."""
    return strip_ids(html_text)


def on_page_markdown(markdown, page, config, files):
    if _drafts and not _serving[0]:
        markdown = _drop_draft_links(markdown, page.file.src_uri)
    note = page.meta.get("editor_note")
    if isinstance(note, str) and note.strip():
        markdown = _with_note(markdown, note)
    return markdown
