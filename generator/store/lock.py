"""One writer at a time: `generate` holds an exclusive lock on `.explainer.lock` at the project root.

`fcntl.flock` locks belong to the open file, so the operating system releases the lock when
the process ends, even on a crash: there is never a stale lock to delete by hand. The file
itself stays (it is gitignored); it holds the pid of the last holder, for the message.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.config import Settings
from generator.errors import LockHeld

LOCK_FILE = ".explainer.lock"


def lock_path(settings: Settings) -> Path:
    return Path(settings.root) / LOCK_FILE


@contextmanager
def content_lock(settings: Settings) -> Iterator[Path]:
    """Hold the project lock for the block; raise LockHeld at once if another run holds it."""
    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip()
        fh.close()
        who = f" (pid {holder})" if holder.isdigit() else ""
        raise LockHeld(f"{path}: another `explainer generate` is running{who}; "
                       "wait for it to finish, then run again") from None
    try:
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield path
    finally:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()
