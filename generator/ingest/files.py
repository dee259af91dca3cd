"""Which files under seeds/ are inputs, and which must not be read.

Shared by ingest (which reads them) and the change tracker (which hashes them), so both see
the same files: hidden files skipped, links pointing outside seeds/ never followed, files
over the size limit never read.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_INPUT_BYTES = 5 * 1024 * 1024  # 5 MB: larger files are rejected unread


def safety_problem(path: Path, seeds: Path) -> str | None:
    """Why a path must not be read ("skip" for a harmless one), or None when it is safe."""
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(seeds.resolve()):
            return "symbolic link pointing outside the input folder: not read"
        if not target.exists():
            return "broken symbolic link"
        if target.is_dir():
            return "skip"  # a link to a folder inside seeds/: its files are read there
    if not path.is_file():
        return "skip"
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        return f"file too large ({size / 1_048_576:.1f} MB; the limit is {MAX_INPUT_BYTES // 1_048_576} MB): not one article"
    return None


def valid_name(name: str) -> bool:
    """Undecodable bytes in a file name arrive as lone surrogates, which no page can hold."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk(seeds: Path) -> list[Path]:
    """Non-hidden files (and links) under seeds/, in path order; linked folders are not entered."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(seeds, followlinks=False):
        base = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [base / d for d in dirnames if (base / d).is_symlink()]
        found += [base / f for f in filenames if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(seeds).as_posix())


def input_files(seeds: Path) -> list[Path]:
    """The files ingest reads, in path order: safe to open, with a printable name."""
    return [p for p in walk(seeds) if safety_problem(p, seeds) is None and valid_name(p.name)]
