"""Worker processes that load their model before they are needed (speed-up `workers`).

Why processes: spaCy takes longer to import and load (~1.7 s) than everything else a
one-article update does, so a worker loads it while the main process reads and cleans the
inputs. On a cold run every worker parses *and* analyses its share, so extraction runs on
every core too, and only plain data crosses between processes, never spaCy Docs.

The pool is generic: a `Job` names (as "module:function", imported in the worker only) what
a worker sets up once and what it does with each batch. The NLP stage's job is `ANALYSE`;
its results are the same as in-process ones (tests/nlp/test_workers.py checks it).
`fork_map` shares pure, independent steps (composing, rendering stories) among processes.
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
from importlib import import_module
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence, TypeVar

from generator.errors import ExplainerError

T = TypeVar("T")
R = TypeVar("R")
BATCH = 16  # articles per message: spaCy's batch size, and the unit a free worker takes next
MIN_BATCH = 2  # the last batches shrink to this, so that the workers finish together


class Job(NamedTuple):
    """What a worker does: `setup()` once when it starts (may raise ExplainerError, which
    every batch then gets), `handle(payloads) -> results` per batch; both "module:function"."""

    setup: str
    handle: str


# The NLP stage's job: load spaCy's model, then analyse (article, cached parse) pairs.
ANALYSE = Job("generator.nlp.model:load_model", "generator.nlp.analyse:analyse_batch")


def _resolve(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)


def can_fork() -> bool:
    """Workers only where fork exists and this process has not loaded spaCy itself.

    With the model already in memory (a test session, a library user) parsing here is
    cheaper than loading it again elsewhere.
    """
    return hasattr(os, "fork") and "spacy" not in sys.modules


class Workers:
    """A pool of worker processes for one `Job`; each sets up (loads the model) as soon as it starts."""

    def __init__(self, job: Job = ANALYSE, count: int = 1):
        self.job = job
        self._conns: list[Connection] = []
        self._procs: list = []
        self._used: set[Connection] = set()
        self.add(count)

    def add(self, count: int) -> None:
        ctx = multiprocessing.get_context("fork")
        for _ in range(count):
            ours, theirs = ctx.Pipe()
            # the child closes every end that is ours, or it would never see EOF if we die
            proc = ctx.Process(target=_serve, args=(theirs, self.job, [*self._conns, ours]), daemon=True)
            proc.start()
            theirs.close()
            self._conns.append(ours)
            self._procs.append(proc)

    def __len__(self) -> int:
        return len(self._conns)

    def run(self, todo: Iterable[tuple[int, Any]], processes: int = 1,
            meanwhile: Callable[[], None] | None = None,
            total: int | None = None) -> Iterator[tuple[int, Any]]:
        """(index, result) for every (index, payload) of `todo`, in whatever order they finish.

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

        def read(want: int) -> list[tuple[int, Any]]:
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
        joining: list[list[tuple[int, Any]]] = []
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

    def _send(self, conn: Connection, batch: list[tuple[int, Any]], busy: dict) -> None:
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
    def _receive(conn: Connection) -> "list[tuple[int, Any]] | _Forked":
        try:
            reply = conn.recv()
        except EOFError:
            raise ExplainerError("a worker process stopped unexpectedly (out of memory?)") from None
        if isinstance(reply, BaseException):
            raise reply
        return reply


_FORK = "fork"  # the message asking a worker to fork another one


@dataclass(frozen=True)
class _Forked:
    """A worker's reply to _FORK; the new worker's end of its pipe follows (send_handle).
    No pid: the fork failed, and no pipe follows."""

    pid: int | None


def _serve(conn: Connection, job: Job, not_ours: list[Connection]) -> None:
    """The worker's loop: set up (load the model), then handle batches until told to stop.

    It stops too when the main process is gone (the pipe ends), so a killed run leaves no
    worker behind holding the project lock; Ctrl-C is the main process's to handle.
    """
    handle = _resolve(job.handle)  # imported once here, before any sibling is forked
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for other in not_ours:
        other.close()

    # The collector stays on here, whatever the main process chose: parses come and go by the
    # thousand. The model, loaded once, is set aside from its scans (gc.freeze).
    gc.enable()
    failure: BaseException | None = None
    try:
        _resolve(job.setup)()
    except ExplainerError as exc:  # no model: every batch gets the reason, raised by the caller
        failure = exc
    gc.freeze()
    _loop(conn, handle, failure)


def _loop(conn: Connection, handle: Callable, failure: BaseException | None) -> None:
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
                    forked.append(_fork_sibling(conn, handle))
                except OSError:  # no room for another process: this one parses its share
                    conn.send(_Forked(None))
            else:
                try:
                    results = handle([payload for _, payload in message])
                    conn.send([(i, result) for (i, _), result in zip(message, results)])
                except Exception as exc:  # noqa: BLE001 - handed to the main process, which raises it
                    conn.send(ExplainerError(f"a worker failed: {type(exc).__name__}: {exc}"))
    finally:
        for pid in forked:  # told to stop by the main process too (Workers.close)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def _fork_sibling(conn: Connection, handle: Callable) -> int:
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
            _loop(theirs, handle, None)
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


def prestart(job: Job = ANALYSE) -> None:
    """Start one worker now, for a run that may need it (see take_prestarted)."""
    if can_fork() and not _PRESTARTED:
        _PRESTARTED.append(Workers(job))


def take_prestarted(job: Job = ANALYSE) -> "Workers | None":
    """The worker started early if there is one for this job, else a new one where possible;
    None where workers cannot be used (see can_fork) or the `workers` speed-up is off."""
    from generator import speedups

    while _PRESTARTED:
        pool = _PRESTARTED.pop()
        if pool.job == job and speedups.enabled("workers"):
            return pool
        pool.close()
    return Workers(job) if can_fork() and speedups.enabled("workers") else None


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
