"""On-disk caches of our own intermediate results, keyed by content and code.

A key covers everything that shapes the value (the input data and the source code of the
modules that compute it), so a cache entry is never stale: a change makes a new key.
Values are pickles we wrote ourselves under the cache dir; input files are never unpickled.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, TypeVar

T = TypeVar("T")
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # generator/


@lru_cache(maxsize=None)
def code_fingerprint(extra: str = "") -> str:
    """Hash of the whole package's source: any code change makes new keys.

    Coarser than tracking which module feeds which result, but never stale when a stage
    grows a helper module; parses (keyed by the model alone) survive code changes.
    """
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load(path: Path | None, kind: type[T]) -> T | None:
    if path is None:
        return None
    try:
        value = pickle.loads(path.read_bytes())  # one read: twice as fast as pickle.load's many
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return value if isinstance(value, kind) else None


def memo(path: Path | None, kind: type[T], compute: Callable[[], T]) -> T:
    """The value stored at `path`, or `compute()` stored there for next time."""
    value = load(path, kind)
    if value is None:
        value = compute()
        store(path, value)
    return value


def store(path: Path | None, value: object) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(pickle.dumps(value, protocol=4))
    os.replace(tmp, path)


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


def text_key(*parts: str) -> str:
    """sha256 of text parts (reprs of frozen dataclasses are deterministic, unlike pickles)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def load_keyed(path: Path, key: str) -> object | None:
    """A single-entry cache file: the value when it was stored under `key`, else None."""
    entry = load(path, tuple)
    if entry is None or len(entry) != 2 or entry[0] != key:
        return None
    return entry[1]


def store_keyed(path: Path, key: str, value: object) -> None:
    """Replaces the file's one entry, so a cache of whole-run results never grows."""
    store(path, (key, value))


class MemoTable:
    """Many small results in one file (what each input read and cleaned as, the hub pages):
    one read instead of one per input or page.

    The file belongs to one `key` (code, templates); an entry is keyed by the full text of
    its input. Saved with only the entries this run used, so it never outgrows one run.
    """

    def __init__(self, path: Path | None, key: str):
        self.path, self.key = path, key
        loaded = load_keyed(path, key) if path is not None else None
        self._old: dict[str, object] = loaded if isinstance(loaded, dict) else {}
        self._used: dict[str, object] = {}

    def get(self, entry: str, compute: Callable[[], T]) -> T:
        if entry not in self._used:
            value = self._old.get(entry)
            self._used[entry] = compute() if value is None else value
        return self._used[entry]  # type: ignore[return-value]

    def save(self) -> None:
        if self.path is not None and self._used != self._old:
            store_keyed(self.path, self.key, self._used)
