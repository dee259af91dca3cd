"""Parsing and per-article analysis in worker processes, started before they are needed.

Why processes: spaCy takes longer to import and load (~1.7 s) than everything else a
one-article update does, so a worker loads it while the main process reads and cleans the
inputs. On a cold run every worker parses *and* analyses its share, so extraction runs on
every core too, and only plain-data analyses cross between processes, never spaCy Docs.

The analyses are the same as in-process ones (`analyse_doc` is a pure function of the
article and its parse); tests/test_workers.py checks it.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import sys
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .errors import ExplainerError
from .models import Article, ArticleAnalysis

T = TypeVar("T")
R = TypeVar("R")
BATCH = 16  # articles per message: spaCy's batch size, and the unit a free worker takes next
MIN_BATCH = 2  # the last batches shrink to this, so that the workers finish together


def can_fork() -> bool:
    """Workers only where fork exists and this process has not loaded spaCy itself.

    With the model already in memory (a test session, a library user) parsing here is
    cheaper than loading it again elsewhere.
    """
    return hasattr(os, "fork") and "spacy" not in sys.modules


class Workers:
    """A pool of analysis processes; each loads the model as soon as it starts."""

    def __init__(self, cache_dir: Path | None, count: int = 1):
        self.cache_dir = cache_dir
        self._conns: list[Connection] = []
        self._procs: list = []
        self._used: set[Connection] = set()
        self.add(count)

    def add(self, count: int) -> None:
        ctx = multiprocessing.get_context("fork")
        for _ in range(count):
            ours, theirs = ctx.Pipe()
            # the child closes every end that is ours, or it would never see EOF if we die
            proc = ctx.Process(target=_serve, args=(theirs, self.cache_dir, [*self._conns, ours]), daemon=True)
            proc.start()
            theirs.close()
            self._conns.append(ours)
            self._procs.append(proc)

    def __len__(self) -> int:
        return len(self._conns)

    def analyse(self, todo: Iterable[tuple[int, Article]], processes: int = 1,
                meanwhile: Callable[[], None] | None = None,
                total: int | None = None) -> Iterator[tuple[int, ArticleAnalysis]]:
        """(index, analysis) for every (index, article) of `todo`, in whatever order they finish.

        `todo` is read lazily, a batch whenever a worker has room, so the articles can still be
        being read and cleaned here while the first ones are parsed. A second process starts
        when a full batch is left beyond the first process's two (never for a one-article update).
        `meanwhile` is called once `todo` is used up, while the last batches are parsed.
        `total`, the most items `todo` can hold, makes the last batches small, so that no
        worker is left parsing a full batch alone at the end while the other waits.
        """
        pending = iter(todo)
        busy: dict[Connection, int] = {}
        sent = 0
        sent_all = False

        def size() -> int:
            if total is None:
                return BATCH
            return max(MIN_BATCH, min(BATCH, (total - sent) // (2 * max(len(self), processes))))

        def all_sent() -> None:
            nonlocal sent_all
            if not sent_all:
                sent_all = True
                if meanwhile is not None:
                    meanwhile()

        def give(conn: Connection) -> None:
            nonlocal sent
            if sent_all:
                return
            want = size()
            batch = list(itertools.islice(pending, want))
            if batch:
                self._send(conn, batch, busy)
                sent += len(batch)
            if len(batch) < want:  # `todo` is used up
                all_sent()

        for conn in list(self._conns):
            for _ in range(2):  # one batch in hand, one waiting: a worker never idles between
                give(conn)
        while len(self) < processes and not sent_all:
            batch = list(itertools.islice(pending, BATCH))
            if len(batch) < BATCH:  # too little left to be worth loading the model once more
                if batch:
                    self._send(self._conns[0], batch, busy)
                all_sent()
                break
            self.add(1)
            self._send(self._conns[-1], batch, busy)
            sent += len(batch)
            give(self._conns[-1])
        while busy:
            for conn in wait(list(busy)):
                for index, analysis in self._receive(conn):
                    yield index, analysis
                busy[conn] -= 1
                if not busy[conn]:
                    del busy[conn]
                give(conn)
        all_sent()

    def close(self) -> None:
        """Stop every worker; one that was never given work (still loading spaCy) at once."""
        for conn, proc in zip(self._conns, self._procs):
            if conn in self._used:
                try:
                    conn.send(None)
                except OSError:
                    pass
                proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
            conn.close()
        self._conns, self._procs, self._used = [], [], set()

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _send(self, conn: Connection, batch: list[tuple[int, Article]], busy: dict) -> None:
        conn.send(batch)
        self._used.add(conn)
        busy[conn] = busy.get(conn, 0) + 1

    @staticmethod
    def _receive(conn: Connection) -> list[tuple[int, ArticleAnalysis]]:
        try:
            reply = conn.recv()
        except EOFError:
            raise ExplainerError("an analysis worker stopped unexpectedly (out of memory?)") from None
        if isinstance(reply, BaseException):
            raise reply
        return reply


def _serve(conn: Connection, cache_dir: Path | None, not_ours: list[Connection]) -> None:
    """The worker's loop: load the model, then analyse batches until told to stop.

    It stops too when the main process is gone (the pipe ends), so a killed run leaves no
    worker behind holding the project lock; Ctrl-C is the main process's to handle.
    """
    from . import analyse
    from .nlp import load_model

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for other in not_ours:
        other.close()

    # The collector stays on here, whatever the main process chose: parses come and go by the
    # thousand. The model, loaded once, is set aside from its scans (gc.freeze).
    gc.enable()
    failure: BaseException | None = None
    try:
        load_model()
    except ExplainerError as exc:  # no model: every batch gets the reason, raised by the caller
        failure = exc
    gc.freeze()
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        if failure is not None:
            conn.send(failure)
            continue
        try:
            conn.send(analyse.analyse_batch([a for _, a in batch], cache_dir, [i for i, _ in batch]))
        except Exception as exc:  # noqa: BLE001 - handed to the main process, which raises it
            conn.send(ExplainerError(f"analysis failed: {type(exc).__name__}: {exc}"))


_PRESTARTED: list[Workers] = []


def prestart(cache_dir: Path | None) -> None:
    """Start one worker now, for a run that may need it (see take_prestarted)."""
    if can_fork() and not _PRESTARTED:
        _PRESTARTED.append(Workers(cache_dir))


def take_prestarted(cache_dir: Path | None) -> "Workers | None":
    """The worker started early if there is one for this cache, else a new one where possible."""
    while _PRESTARTED:
        pool = _PRESTARTED.pop()
        if pool.cache_dir == cache_dir:
            return pool
        pool.close()
    return Workers(cache_dir) if can_fork() else None


def discard_prestarted() -> None:
    """Stop a worker nobody took (nothing had changed): at once, even while it loads spaCy."""
    while _PRESTARTED:
        _PRESTARTED.pop().close()


_TASK: tuple = ()


def fork_map(func: Callable[[T], R], items: Sequence[T], processes: int) -> list[R]:
    """[func(x) for x in items], in input order, shared among forked processes.

    For pure, CPU-bound steps over independent items (composing stories). Forked children
    read the items from the parent's memory; only the results are pickled back.
    """
    if processes < 2 or len(items) < 2 or not hasattr(os, "fork"):
        return [func(x) for x in items]
    global _TASK
    _TASK = (func, items)
    try:
        with multiprocessing.get_context("fork").Pool(min(processes, len(items))) as pool:
            return pool.map(_run_task, range(len(items)), chunksize=1)
    finally:
        _TASK = ()


def _run_task(index: int):
    func, items = _TASK
    return func(items[index])
