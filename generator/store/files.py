"""Writing the generator's own files so that a crash never leaves half of one.

State files (the story registry, the state file, editors' decisions) and pages are written
beside their final name and renamed into place; `fsync` first, so that after a power cut a
file is the old one or the new one, never empty.
"""

from __future__ import annotations

import os
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    write_text(tmp, text)
    os.replace(tmp, path)


def write_text(path: Path, text: str, fsync: bool = True) -> None:
    """UTF-8 with \\n line ends, whatever the platform."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        if fsync:
            fh.flush()
            os.fsync(fh.fileno())
