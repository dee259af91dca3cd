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
from typing import TypeVar

T = TypeVar("T")
PACKAGE_DIR = Path(__file__).resolve().parent


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
        with open(path, "rb") as fh:
            value = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return value if isinstance(value, kind) else None


def store(path: Path | None, value: object) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(pickle.dumps(value, protocol=4))
    os.replace(tmp, path)
