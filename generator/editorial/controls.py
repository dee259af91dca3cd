"""Editors' controls in a page's YAML front matter: `lock`, `status`, `editor_note`, `slug`.

The generator never writes these keys; editors add them. They are read here (for generate,
the build guard and `explainer status`) and validated with messages naming file and key.
When a page is written again, every front-matter key the generator does not write (these
controls, or any other MkDocs key an editor added, such as `hide:`) is carried over at the
top of its front matter. Front matter is recognised exactly as MkDocs does (`---` line,
YAML, `---` or `...` line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from rapidfuzz import fuzz, process

CONTROL_KEYS = ("lock", "status", "editor_note", "slug")
STATUS_VALUES = ("draft", "published")
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,120}")

# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE), so both agree on what front matter is.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# A top-level YAML key starts at column 0: "lock: true", "editor_note: |".
TOP_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:")
MARKER_PREFIXES = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")
# libyaml's safe loader when PyYAML was built with it: the same YAML, many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Controls:
    lock: bool = False
    status: str = "published"
    editor_note: str | None = None
    slug: str | None = None  # the story's URL, as the desk set it

    @property
    def draft(self) -> bool:
        return self.status == "draft"


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(YAML between the fences or None, body after the closing fence)."""
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def read_front_matter(text: str, file: str) -> tuple[dict[str, Any], list[str]]:
    """The front matter as a mapping, and problems (each naming the file)."""
    block, _ = split_front_matter(text)
    if block is None:
        return {}, []
    try:
        data = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f":{where.line + 2}" if where is not None else ""
        return {}, [f"{file}{line}: front matter is not valid YAML ({getattr(exc, 'problem', exc)})"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"{file}: front matter must be a mapping of keys, got {type(data).__name__}"]
    return data, []


def validate_controls(data: dict[str, Any], file: str) -> tuple[Controls, list[str]]:
    """Check the editorial keys' values and catch misspelt editorial keys."""
    errors: list[str] = []
    lock, status, note = data.get("lock", False), data.get("status", "published"), data.get("editor_note")
    if not isinstance(lock, bool):
        errors.append(f"{file}: front matter key 'lock' must be true or false, got {lock!r}")
        lock = False
    if not isinstance(status, str) or status not in STATUS_VALUES:
        errors.append(f"{file}: front matter key 'status' must be one of {', '.join(STATUS_VALUES)}, got {status!r}")
        status = "published"
    if note is not None and not isinstance(note, str):
        errors.append(f"{file}: front matter key 'editor_note' must be text, got {note!r}")
        note = None
    slug = data.get("slug")
    if slug is not None and not (isinstance(slug, str) and SLUG_RE.fullmatch(slug)):
        errors.append(f"{file}: front matter key 'slug' must be lower-case letters, digits and hyphens "
                      f"(as in council-approves-tram-line), got {slug!r}")
        slug = None
    for key in sorted(str(k) for k in data):
        hint = _misspelt_control(key)
        if hint:
            errors.append(f"{file}: front matter key '{key}' is not an editorial control; did you mean {hint}?")
    return Controls(lock, status, note.strip() if isinstance(note, str) and note.strip() else None, slug), errors


def _misspelt_control(key: str) -> str | None:
    """A key that looks like an editorial control but is not one ("locked", "Editor-Note")."""
    if key in CONTROL_KEYS:
        return None
    norm = key.strip().lower().replace("-", "_").replace(" ", "_")
    if norm == "draft":  # "draft: true" is a common guess at "status: draft"
        return "'status: draft'"
    best = process.extractOne(norm, CONTROL_KEYS, scorer=fuzz.ratio, score_cutoff=80)
    return f"'{best[0]}'" if best else None


def page_controls(text: str, file: str) -> tuple[Controls, list[str]]:
    """Controls of a page and every problem with its front matter."""
    data, errors = read_front_matter(text, file)
    controls, more = validate_controls(data, file)
    return controls, errors + more


def is_locked(text: str) -> bool:
    """Lenient read for the merge: an unreadable front matter is not a lock."""
    data, _ = read_front_matter(text, "")
    return data.get("lock") is True


def strip_controls(text: str, generated: tuple[str, ...] | None = None) -> tuple[str, tuple[str, ...]]:
    """The page without its editors' keys, and those keys' lines (with continuations).

    Editors' keys are the controls, or, given the keys the generator writes (`generated`),
    every other key."""
    block, body = split_front_matter(text)
    if block is None:
        return text, ()
    kept: list[str] = []
    lifted: list[str] = []
    current = kept
    for line in block.splitlines(keepends=True):
        m = TOP_KEY_RE.match(line)
        if m:
            mine = m.group(1) in CONTROL_KEYS if generated is None else m.group(1) not in generated
            current = lifted if mine else kept
        elif line.startswith(MARKER_PREFIXES):  # a conflict marker never travels with a control
            current = kept
        current.append(line)
    if not lifted:
        return text, ()
    if not "".join(kept).strip():
        return body.lstrip("\n"), tuple(lifted)
    fence_end = FRONT_MATTER_RE.match(text).end()
    closing = text[:fence_end].splitlines(keepends=True)[-1]
    return "---\n" + "".join(kept) + closing + body, tuple(lifted)


def insert_controls(text: str, lines: tuple[str, ...]) -> str:
    """Put editorial key lines back at the top of the front matter (creating it if needed)."""
    if not lines:
        return text
    block = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if FRONT_MATTER_RE.match(text):
        first_newline = text.index("\n") + 1
        return text[:first_newline] + block + text[first_newline:]
    return "---\n" + block + "---\n\n" + text
