"""Analysis in worker processes (speed-up `workers`) gives exactly the analyses made in this process."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from generator.errors import ExplainerError
from generator.nlp.analyse import analyse_batch
from generator.speedups import workers



def jobs(items):
    """(index, article) -> (index, (article, no cached parse)): the NLP job's payloads."""
    return ((i, (a, None)) for i, a in items)


def analyses_here(articles) -> dict:
    return {i: analysis for i, (analysis, _) in enumerate(analyse_batch([(a, None) for a in articles]))}


@pytest.mark.slow
def test_workers_analyse_every_article_as_this_process_does(seed_articles, tmp_path):
    here = analyses_here(seed_articles)
    with workers.Workers(count=2) as pool:
        there = dict(pool.run(jobs(enumerate(seed_articles))))
    assert sorted(there) == list(range(len(seed_articles)))
    assert all(there[i][0] == here[i] for i in here)
    assert all(there[i][1] for i in here)  # each new parse comes back as bytes, for the caller to cache


def test_more_articles_than_one_batch_are_shared_and_all_come_back(seed_articles, tmp_path):
    many = [replace(a, source_id=f"{a.source_id}-{k}", paragraphs=a.paragraphs[:2]) for k in range(12) for a in seed_articles]
    assert len(many) >= 3 * workers.BATCH
    with workers.Workers(count=1) as pool:
        got = sorted(i for i, _ in pool.run(jobs(enumerate(many)), processes=2))
        assert len(pool) == 2  # more than one batch of work: a second process joined
    assert got == list(range(len(many)))


def test_an_unused_worker_is_stopped_without_waiting_for_the_model(tmp_path):
    pool = workers.Workers(tmp_path, count=1)
    start = time.monotonic()
    pool.close()
    assert time.monotonic() - start < 5
    assert len(pool) == 0


def test_a_failure_in_a_worker_reaches_the_caller(seed_articles, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ValueError("no parse")

    from generator.nlp import analyse

    monkeypatch.setattr(analyse, "analyse_batch", broken)  # inherited by the forked worker
    with workers.Workers(count=1) as pool:
        with pytest.raises(ExplainerError, match="ValueError: no parse"):
            list(pool.run(jobs(enumerate(seed_articles[:1]))))


@pytest.mark.slow
def test_no_workers_once_spacy_is_loaded_here(seed_articles):
    assert seed_articles  # the session has loaded spaCy by now
    import spacy  # noqa: F401

    assert not workers.can_fork()


def test_one_article_never_starts_a_second_process(seed_articles):
    with workers.Workers(count=1) as pool:
        got = [i for i, _ in pool.run(jobs([(7, seed_articles[0])]), processes=2)]
        assert len(pool) == 1
    assert got == [7]


def test_a_missing_model_is_reported_by_the_worker_with_its_reason(seed_articles, monkeypatch):
    from generator.nlp import model as nlp

    def no_model():
        raise nlp.ModelNotInstalled("no English spaCy model installed")

    monkeypatch.setattr(nlp, "load_model", no_model)  # inherited by the forked worker
    with workers.Workers(count=1) as pool:
        with pytest.raises(nlp.ModelNotInstalled, match="no English spaCy model"):
            list(pool.run(jobs(enumerate(seed_articles[:1]))))


def test_a_prestarted_worker_is_taken_for_its_job_or_stopped(monkeypatch):
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    workers.prestart()
    taken = workers.take_prestarted()
    assert taken is not None and len(taken) == 1
    taken.close()
    workers.prestart()
    other = workers.take_prestarted(workers.Job("generator.nlp.model:load_model", "builtins:list"))
    assert other is not None and other.job.handle == "builtins:list" and workers._PRESTARTED == []
    other.close()
    workers.prestart()
    start = time.monotonic()
    workers.discard_prestarted()  # nothing changed: the worker goes, spaCy loaded or not
    assert time.monotonic() - start < 5
    assert workers._PRESTARTED == []


def _square_and_pid(x: int) -> tuple[int, int]:
    import os

    return x * x, os.getpid()


def test_fork_map_keeps_input_order_and_uses_other_processes():
    import os

    out = workers.fork_map(_square_and_pid, list(range(12)), processes=2)
    assert [v for v, _ in out] == [x * x for x in range(12)]
    assert all(pid != os.getpid() for _, pid in out)
    assert workers.fork_map(_square_and_pid, [3], processes=2) == [(9, os.getpid())]  # one item: no fork


@pytest.mark.parametrize("count", [1, 16, 17, 40])
def test_meanwhile_runs_once_right_after_the_last_batch_is_sent(seed_articles, count):
    """The caller's own work (reading cached analyses) overlaps the parse of the last batches."""
    many = [replace(seed_articles[k % len(seed_articles)], source_id=f"x{k}", paragraphs=("Short text here.",))
            for k in range(count)]
    taken, calls = [], []

    def todo():
        for i, article in enumerate(many):
            taken.append(i)
            yield i, (article, None)

    with workers.Workers(count=1) as pool:
        got = pool.run(todo(), processes=2, meanwhile=lambda: calls.append(len(taken)))
        first = next(got)  # the meanwhile work is done before waiting on the first results
        assert calls == [count]
        rest = list(got)
    assert calls == [count] and len(rest) + 1 == count and first[0] in range(count)


def test_meanwhile_runs_even_when_there_is_nothing_to_send():
    calls = []
    with workers.Workers(count=1) as pool:
        assert list(pool.run(iter([]), meanwhile=lambda: calls.append(1))) == []
    assert calls == [1]


def test_the_last_batches_shrink_when_the_total_is_known_and_a_small_remainder_stays_with_one_process(seed_articles):
    many = [replace(seed_articles[k % len(seed_articles)], source_id=f"y{k}", paragraphs=("Short text here.",))
            for k in range(40)]
    sizes = []
    with workers.Workers(count=1) as pool:
        real = pool._send
        pool._send = lambda conn, batch, busy: (sizes.append(len(batch)), real(conn, batch, busy))
        got = sorted(i for i, _ in pool.run(jobs(enumerate(many)), processes=2, total=len(many)))
        assert len(pool) == 2
    assert got == list(range(40)) and sum(sizes) == 40
    assert sizes[-1] <= workers.MIN_BATCH and max(sizes) == workers.BATCH
    with workers.Workers(count=1) as pool:  # 40 = two batches and a remainder: one process
        assert len(list(pool.run(jobs(enumerate(many[:40])), processes=2))) == 40 and len(pool) == 1


def _children(pid: int) -> list[int]:
    """Linux: the processes `pid` started, from /proc (ps would need a package)."""
    return [int(p) for t in Path(f"/proc/{pid}/task").iterdir() for p in (t / "children").read_text().split()]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from Linux's /proc")
def test_a_second_process_is_forked_from_the_first_worker_gives_the_same_analyses_and_stops(seed_articles):
    many = [replace(a, source_id=f"{a.source_id}-{k}", paragraphs=a.paragraphs[:2]) for k in range(12) for a in seed_articles]
    here = analyses_here(many)
    with workers.Workers(count=1) as pool:
        first = pool._procs[0].pid
        there = {i: analysis for i, (analysis, _) in pool.run(jobs(enumerate(many)), processes=2, total=len(many))}
        assert len(pool) == 2
        [sibling] = _children(first)  # the new worker is the first worker's child, not ours
        assert sibling not in _children(os.getpid())
    assert there == here
    assert not Path(f"/proc/{sibling}").exists()  # stopped, and waited for by the first worker


def test_when_no_second_process_can_be_forked_the_first_worker_parses_everything(seed_articles, monkeypatch):
    def no_room(*_args):
        raise OSError("Cannot allocate memory")

    monkeypatch.setattr(workers, "_fork_sibling", no_room)  # inherited by the forked worker
    many = [replace(a, source_id=f"{a.source_id}-{k}", paragraphs=a.paragraphs[:1]) for k in range(12) for a in seed_articles]
    with workers.Workers(count=1) as pool:
        got = sorted(i for i, _ in pool.run(jobs(enumerate(many)), processes=2, total=len(many)))
        assert len(pool) == 1
    assert got == list(range(len(many)))
