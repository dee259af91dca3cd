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
from dataclasses import dataclass
from multiprocessing import reduction
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from generator.errors import ExplainerError
from generator.models import Article, ArticleAnalysis

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
        when a full batch is left beyond the first process's two (never for a one-article update);
        it is forked from the first worker as soon as that one has loaded the model, so it shares
        the model instead of loading its own (see _fork_sibling).
        `meanwhile` is called once `todo` is used up, while the last batches are parsed.
        `total`, the most items `todo` can hold, makes the last batches small, so that no
        worker is left parsing a full batch alone at the end while the other waits.
        """
        if not self._conns:
            self.add(1)
        pending = iter(todo)
        busy: dict[Connection, int] = {}
        sent = 0
        used_up = called = False

        def size() -> int:
            if total is None:
                return BATCH
            return max(MIN_BATCH, min(BATCH, (total - sent) // (2 * max(len(self), processes))))

        def read(want: int) -> list[tuple[int, Article]]:
            nonlocal sent, used_up
            batch = [] if used_up else list(itertools.islice(pending, want))
            sent += len(batch)
            used_up = used_up or len(batch) < want
            return batch

        def all_sent() -> None:
            nonlocal called
            if used_up and not called:
                called = True
                if meanwhile is not None:
                    meanwhile()

        def give(conn: Connection) -> None:
            batch = read(size())
            if batch:
                self._send(conn, batch, busy)
            all_sent()

        # Each worker's first two batches (one in hand, one waiting: a worker never idles
        # between), and a first batch for each process to join, are read before anything is
        # sent: the request for another process goes ahead of the first worker's batches.
        held = [(conn, read(size())) for conn in list(self._conns) for _ in range(2)]
        joining: list[list[tuple[int, Article]]] = []
        while len(self) + len(joining) < processes and not used_up:
            batch = read(BATCH)
            if len(batch) < BATCH:  # too little left to be worth another process
                held.append((self._conns[0], batch))
                break
            joining.append(batch)
        for _ in joining:
            self._ask(self._conns[0], _FORK, busy)
        for conn, batch in held:
            if batch:
                self._send(conn, batch, busy)
        all_sent()
        while busy:
            for conn in wait(list(busy)):
                reply = self._receive(conn)
                busy[conn] -= 1
                if not busy[conn]:
                    del busy[conn]
                if isinstance(reply, _Forked):  # the first batch held for it goes to the new worker
                    new = self._adopt(conn) if reply.pid is not None else conn  # or, if none, to this one
                    self._send(new, joining.pop(0), busy)
                    if new is not conn:
                        give(new)
                    continue
                yield from reply
                give(conn)
        all_sent()

    def close(self) -> None:
        """Stop every worker; one that was never given work (still loading spaCy) at once.

        Every worker is told to stop before any is waited for: a worker waits for the ones it
        forked (_fork_sibling), which stop when told."""
        for conn in self._conns:
            if conn in self._used:
                try:
                    conn.send(None)
                except OSError:
                    pass
        for conn, proc in zip(self._conns, self._procs):
            if proc is not None:  # None: forked by another worker, which waits for it
                if conn in self._used:
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
        self._ask(conn, batch, busy)

    def _ask(self, conn: Connection, message: object, busy: dict) -> None:
        conn.send(message)
        self._used.add(conn)
        busy[conn] = busy.get(conn, 0) + 1

    def _adopt(self, conn: Connection) -> Connection:
        """The connection to a worker that the worker at `conn` has just forked."""
        new = Connection(reduction.recv_handle(conn))
        self._conns.append(new)
        self._procs.append(None)
        return new

    @staticmethod
    def _receive(conn: Connection) -> "list[tuple[int, ArticleAnalysis]] | _Forked":
        try:
            reply = conn.recv()
        except EOFError:
            raise ExplainerError("an analysis worker stopped unexpectedly (out of memory?)") from None
        if isinstance(reply, BaseException):
            raise reply
        return reply


_FORK = "fork"  # the message asking a worker to fork another one


@dataclass(frozen=True)
class _Forked:
    """A worker's reply to _FORK; the new worker's end of its pipe follows (send_handle).
    No pid: the fork failed, and no pipe follows."""

    pid: int | None


def _serve(conn: Connection, cache_dir: Path | None, not_ours: list[Connection]) -> None:
    """The worker's loop: load the model, then analyse batches until told to stop.

    It stops too when the main process is gone (the pipe ends), so a killed run leaves no
    worker behind holding the project lock; Ctrl-C is the main process's to handle.
    """
    from generator.nlp import analyse  # noqa: F401 - imported once here, before any sibling is forked
    from generator.nlp.model import load_model

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
    _loop(conn, cache_dir, failure)


def _loop(conn: Connection, cache_dir: Path | None, failure: BaseException | None) -> None:
    from generator.nlp import analyse

    forked: list[int] = []
    try:
        while True:
            try:
                message = conn.recv()
            except EOFError:
                return
            if message is None:
                return
            if failure is not None:
                conn.send(failure)
            elif message == _FORK:
                try:
                    forked.append(_fork_sibling(conn, cache_dir))
                except OSError:  # no room for another process: this one parses its share
                    conn.send(_Forked(None))
            else:
                try:
                    conn.send(analyse.analyse_batch([a for _, a in message], cache_dir, [i for i, _ in message]))
                except Exception as exc:  # noqa: BLE001 - handed to the main process, which raises it
                    conn.send(ExplainerError(f"analysis failed: {type(exc).__name__}: {exc}"))
    finally:
        for pid in forked:  # told to stop by the main process too (Workers.close)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def _fork_sibling(conn: Connection, cache_dir: Path | None) -> int:
    """Fork another worker from this one, which has the model loaded: the new one shares it
    (copy-on-write) instead of importing spaCy and loading the model again, a second and a
    half of CPU taken from the parse on a cold run. The main process gets the new worker's
    end of a new pipe over this one."""
    ours, theirs = multiprocessing.Pipe()
    try:
        pid = os.fork()
    except OSError:
        ours.close()
        theirs.close()
        raise
    if pid == 0:  # the new worker: it keeps only its own pipe, and never returns
        code = 0
        try:
            conn.close()
            ours.close()
            _loop(theirs, cache_dir, None)
        except BaseException:  # noqa: BLE001 - nothing to report to: the main process sees the pipe end
            code = 1
        finally:
            os._exit(code)
    theirs.close()
    conn.send(_Forked(pid))
    reduction.send_handle(conn, ours.fileno(), os.getppid())
    ours.close()
    return pid


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
