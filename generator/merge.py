"""Merge stage: write generated pages into content/ without losing editors' edits.

(Minimal first version: atomic writes. Replaced by the three-way merge.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import Settings


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_pages(pages: dict[str, str], settings: Settings) -> WriteResult:
    """pages: path relative to content/ -> generated Markdown."""
    written = []
    for rel, text in sorted(pages.items()):
        target = settings.content_path / rel
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        atomic_write(target, text)
        written.append(rel)
    return WriteResult(tuple(written), ())
