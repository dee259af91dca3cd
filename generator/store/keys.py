"""Cache keys: what a stored value was made from.

A key covers everything that shapes the value: the inputs, and the code that computed it.
The code is the modules a stage runs, followed through their imports within the package
(`code_fingerprint`): editing the publish stage changes no key of the NLP stage, and a
comment in a renderer never discards a parse or an analysis.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # generator/
PACKAGE = PACKAGE_DIR.name
# Every import of a package module, wherever it stands (lazy imports inside functions too).
_IMPORT = re.compile(rf"^[ \t]*(?:from[ \t]+({PACKAGE}(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)"
                     rf"|import[ \t]+({PACKAGE}(?:\.\w+)*))", re.M)


def text_key(*parts: str) -> str:
    """sha256 of text parts (reprs of frozen dataclasses are deterministic, unlike pickles)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _module_file(name: str) -> Path | None:
    base = PACKAGE_DIR.parent.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports(source: str) -> set[str]:
    """The package modules a source file imports: `from a.b import c` names a.b, and a.b.c
    when c is a module."""
    found: set[str] = set()
    for m in _IMPORT.finditer(source):
        if m.group(3):
            found.add(m.group(3))
            continue
        found.add(m.group(1))
        for item in m.group(2).strip("() \n").split(","):
            words = item.split("#")[0].split()
            if words:
                found.add(f"{m.group(1)}.{words[0]}")
    return found


def module_closure(modules: tuple[str, ...]) -> list[Path]:
    """The files of `modules`, their packages' __init__ files and every package module they
    import, transitively, sorted."""
    seen: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None:
            continue
        seen[name] = path
        parts = name.split(".")
        todo.extend(".".join(parts[:i]) for i in range(1, len(parts)))
        todo.extend(_imports(path.read_text(encoding="utf-8")))
    return sorted(set(seen.values()))


@lru_cache(maxsize=None)
def code_fingerprint(modules: tuple[str, ...], extra: str = "") -> str:
    """Hash of the source of `modules` and of the package modules they import (module_closure)."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in module_closure(modules):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Larger inputs are rejected by ingest without being read; key them by size and mtime only.
LARGE_INPUT_BYTES = 5 * 1024 * 1024


def _entry_digest(path: Path, rel: str, known: Mapping[Path, bytes]) -> bytes:
    """What an input file contributes to the folder key; links and huge files are never read,
    nor files whose sha256 this run already took (`known`)."""
    try:
        if path.is_symlink():
            st = path.stat()  # the target's size and mtime: a changed target makes a new key
            return f"L\0{rel}\0{os.readlink(path)}\0{st.st_size}\0{st.st_mtime_ns}".encode()
        st = path.stat()
        if not path.is_file() or st.st_size > LARGE_INPUT_BYTES:
            return f"S\0{rel}\0{st.st_size}\0{st.st_mtime_ns}".encode()
        return f"F\0{rel}\0".encode() + (known.get(path) or hashlib.sha256(path.read_bytes()).digest())
    except OSError as exc:
        return f"E\0{rel}\0{exc.errno}".encode()


def folder_digest(folder: Path, known: Mapping[Path, bytes] | None = None) -> str:
    """Hash of every non-hidden entry under `folder` as ingest sees it (links not followed).

    Keys the whole-run cache: when no input changed, nothing is ingested, parsed or composed.
    `known`: files' sha256 digests already taken in this run (changes.seed_hashes), not taken again.
    """
    digest = hashlib.sha256(str(folder).encode())
    if not folder.is_dir():
        return digest.hexdigest()
    entries: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        names = [d for d in dirnames if (base / d).is_symlink()] + [f for f in filenames if not f.startswith(".")]
        entries += [((base / n).relative_to(folder).as_posix(), base / n) for n in names]
    known = known or {}
    for rel, path in sorted(entries):
        digest.update(_entry_digest(path, rel, known))
    return digest.hexdigest()
