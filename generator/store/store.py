"""Every cache of the pipeline's results, behind one class with one key policy.

A stage's entries are keyed by the stage's code (the modules it runs, through their imports:
keys.code_fingerprint) and by its inputs. A change to one stage's code discards that
stage's entries only. The stages opt in from outside (pipeline.py wraps each stage); no
stage reads or writes a cache itself. As pelican/cache.py does it: an unreadable entry is a
miss, never an error, and values are pickles we wrote ourselves (inputs are never unpickled).

Layout under the cache dir: `<stage>/<key>.pkl` for one value per input (analyses, stories,
pages), `<stage>/<key>.bin` for bytes (parses), `<stage>/table.pkl` for many small values in
one file (what each input read and cleaned as, the hub pages), `<stage>/last.pkl` for a
stage's last whole result (clusters, the run's stories).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, Mapping, TypeVar

from generator.store.keys import code_fingerprint, text_key

T = TypeVar("T")


class Store:
    """Caches under `root` (None: nothing is cached) for the named `stages`, each given as
    the modules whose code it runs; `extra` adds what else shapes a stage's output (the model)."""

    def __init__(self, root: Path | None, stages: Mapping[str, tuple[str, ...]],
                 extra: Mapping[str, str] | None = None):
        self.root = Path(root) if root is not None else None
        self.stages = dict(stages)
        self.extra = dict(extra or {})

    def key(self, stage: str, *parts: str) -> str:
        """The key of a value `stage` makes from `parts` (its inputs, as text)."""
        return text_key(code_fingerprint(self.stages[stage], self.extra.get(stage, "")), *parts)

    def _path(self, stage: str, name: str) -> Path | None:
        return self.root / stage / name if self.root is not None else None

    def has(self, stage: str, key: str) -> bool:
        path = self._path(stage, f"{key}.pkl")
        return path is not None and path.exists()

    def get(self, stage: str, key: str, kind: type[T]) -> T | None:
        return load(self._path(stage, f"{key}.pkl"), kind)

    def put(self, stage: str, key: str, value: object) -> None:
        save(self._path(stage, f"{key}.pkl"), pickle.dumps(value, protocol=4))

    def get_bytes(self, stage: str, key: str) -> bytes | None:
        path = self._path(stage, f"{key}.bin")
        try:
            return path.read_bytes() if path is not None else None
        except OSError:
            return None

    def put_bytes(self, stage: str, key: str, data: bytes) -> None:
        save(self._path(stage, f"{key}.bin"), data)

    def last(self, stage: str, key: str, kind: type[T]) -> T | None:
        """The stage's last whole result, when it was made under `key`."""
        entry = load(self._path(stage, "last.pkl"), tuple)
        if entry is None or len(entry) != 2 or entry[0] != key or not isinstance(entry[1], kind):
            return None
        return entry[1]

    def keep_last(self, stage: str, key: str, value: object) -> None:
        """Replaces the stage's one last result, so whole-run caches never grow."""
        save(self._path(stage, "last.pkl"), pickle.dumps((key, value), protocol=4))

    def table(self, stage: str, key: str) -> "MemoTable":
        """Many small values of `stage` in one file, valid under `key` (see MemoTable)."""
        return MemoTable(self, stage, key)


class MemoTable:
    """Many small results in one file (what each input read and cleaned as, the hub pages):
    one read instead of one per input or page.

    The file belongs to one `key` (the stage's code and settings); an entry is keyed by the
    full text of its input. Saved with only the entries this run used, so it never outgrows
    one run.
    """

    def __init__(self, store: Store, stage: str, key: str):
        self.store, self.stage, self.key = store, stage, key
        loaded = store.last(stage, key, dict)
        self._old: dict[str, object] = loaded if loaded is not None else {}
        self._used: dict[str, object] = {}

    def get(self, entry: str, compute: Callable[[], T]) -> T:
        if entry not in self._used:
            value = self._old.get(entry)
            self._used[entry] = compute() if value is None else value
        return self._used[entry]  # type: ignore[return-value]

    def save(self) -> None:
        if self._used != self._old:
            self.store.keep_last(self.stage, self.key, self._used)


def load(path: Path | None, kind: type[T]) -> T | None:
    """The pickled value at `path` if it is a `kind`; None when missing, unreadable or foreign."""
    if path is None:
        return None
    try:
        value = pickle.loads(path.read_bytes())  # one read: twice as fast as pickle.load's many
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return value if isinstance(value, kind) else None


def save(path: Path | None, data: bytes) -> None:
    """Written beside and renamed into place: a reader never sees half an entry."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
