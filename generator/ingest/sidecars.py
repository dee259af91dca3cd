"""Optional sidecar metadata an editor writes beside the inputs.

- `seeds/sources.yaml`: file name (relative to seeds/) -> {title, url, outlet, author, published};
  a record of a multi-record file is addressed as "name.jsonl#2".
- `<file>.meta.yaml` (or `<stem>.meta.yaml`) beside one input, with the same keys.

Precedence, highest first: the per-file sidecar, sources.yaml, what the file itself states
(front matter, JSON fields, HTML meta tags), and last what clean infers from the text.
A sidecar with a bad key rejects the article it describes, naming the sidecar and the key,
so a misspelt key is never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.ingest.meta import validate_meta

INDEX_NAMES = ("sources.yaml", "sources.yml")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


@dataclass(frozen=True)
class SourcesIndex:
    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # entry name -> message
    problems: tuple[str, ...] = ()  # messages about the index file as a whole


def is_sidecar(rel_to_seeds: str) -> bool:
    return rel_to_seeds in INDEX_NAMES or rel_to_seeds.lower().endswith(SIDECAR_SUFFIXES)


def load_index(seeds: Path, shown: str) -> SourcesIndex:
    """Read seeds/sources.yaml when present; `shown` is how messages name it."""
    path = next((seeds / n for n in INDEX_NAMES if (seeds / n).is_file()), None)
    if path is None:
        return SourcesIndex()
    label = f"{shown}/{path.name}" if shown not in ("", ".") else path.name
    if not path.resolve().is_relative_to(seeds.resolve()):
        return SourcesIndex(problems=(f"{label}: symbolic link pointing outside the input folder: not read",))
    data, problem = _load_yaml(path, label)
    if problem:
        return SourcesIndex(problems=(problem,))
    if not isinstance(data, dict):
        return SourcesIndex(problems=(f"{label}: expected a mapping of file name -> metadata",))
    entries: dict[str, dict[str, str]] = {}
    errors: dict[str, str] = {}
    for name in sorted(data, key=str):
        meta, errs = validate_meta(data[name], f"{label}: entry '{name}'")
        entries[str(name)] = meta
        if errs:
            errors[str(name)] = "; ".join(errs)
    return SourcesIndex(entries, errors)


def unused_entries(index: SourcesIndex, used: set[str]) -> list[str]:
    """Names of entries that match no input file: likely a typo in the file name."""
    return [name for name in sorted(index.entries) if name not in used]


def per_file_meta(path: Path, shown: str) -> tuple[dict[str, str], str | None, str | None]:
    """(metadata, error, the sidecar's name) for `<file>.meta.yaml` or `<stem>.meta.yaml`."""
    stem = path.stem
    for candidate in [path.with_name(path.name + s) for s in SIDECAR_SUFFIXES] + \
                     [path.with_name(stem + s) for s in SIDECAR_SUFFIXES]:
        if candidate.is_file() and not candidate.is_symlink():
            label = f"{shown}/{candidate.name}" if shown not in ("", ".") else candidate.name
            data, problem = _load_yaml(candidate, label)
            if problem:
                return {}, problem, candidate.name
            meta, errors = validate_meta(data if data is not None else {}, label)
            return meta, "; ".join(errors) or None, candidate.name
    return {}, None, None


def _load_yaml(path: Path, label: str) -> tuple[Any, str | None]:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig")), None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError) as exc:  # ValueError: "2024-13-45"
        return None, f"{label}: not valid YAML: {' '.join(str(exc).split()) or type(exc).__name__}"
