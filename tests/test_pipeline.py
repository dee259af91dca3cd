"""Caching wraps the stages from outside: unchanged inputs are never analysed twice, a code
change in the NLP stage re-extracts from cached parses, and what workers make is stored here."""

from __future__ import annotations

import pytest

from generator.models import Article
from generator.nlp import analyse
from generator.pipeline import STAGES, _cached_analyse, stage_store
from generator.store.store import Store

pytestmark = pytest.mark.slow  # parses with spaCy

ARTICLES = [Article("001", "seeds/001.txt", ("The council met on Monday. It voted to close the bridge.",)),
            Article("002", "seeds/002.txt", ("Flooding forced 300 families from Rivertown, officials said.",))]


def _run(store, pool=None, articles=ARTICLES):
    messages: list[str] = []
    got = _cached_analyse(iter(articles), _settings(), store, pool, len(articles), messages.append)
    return got, messages


def _settings():
    from generator.config import Settings

    return Settings(n_process=1)


def _counting_parses(monkeypatch) -> list[int]:
    parsed: list[int] = []
    real = analyse.parse_texts

    def counted(texts, *args, **kwargs):
        parsed.append(len(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(analyse, "parse_texts", counted)
    return parsed


def test_a_warm_run_analyses_nothing_and_gives_the_same_analyses(tmp_path, monkeypatch):
    parsed = _counting_parses(monkeypatch)
    store = Store(tmp_path, STAGES)
    first, messages = _run(store)
    assert parsed == [2] and "analysed 2 articles" in messages
    second, messages = _run(Store(tmp_path, STAGES))
    assert second == first and parsed == [2] and messages == ["2 analyses reused from cache"]


def test_a_change_to_the_nlp_code_re_extracts_from_the_cached_parses(tmp_path, monkeypatch):
    parsed = _counting_parses(monkeypatch)
    first, _ = _run(Store(tmp_path, STAGES, {"analyse": "code v1"}))
    again, messages = _run(Store(tmp_path, STAGES, {"analyse": "code v2"}))  # as if the extractors changed
    assert again == first and parsed == [2] and "analysed 2 articles" in messages  # parsed once only



def test_cached_analyses_are_read_after_the_new_ones_are_sent_and_a_broken_one_is_redone(tmp_path, seed_articles):
    store = Store(tmp_path, STAGES)
    _run(store, articles=seed_articles[:3])  # three cached
    broken = next((tmp_path / "analyse").glob("*.pkl"))
    broken.write_bytes(b"not a pickle")
    order: list = []

    class Watched:
        """A pool that analyses here, recording what was sent when."""

        def run(self, todo, processes=1, meanwhile=None, total=None):
            sent = list(todo)
            order.append(("sent", [i for i, _ in sent]))
            meanwhile and (order.append("read"), meanwhile())
            return zip([i for i, _ in sent], analyse.analyse_batch([job for _, job in sent]))

    got, _ = _run(store, Watched(), seed_articles)
    assert [a.article for a in got] == list(seed_articles)
    assert [a.analysis for a in got] == [a for a, _ in analyse.analyse_batch([(x, None) for x in seed_articles])]
    # the new texts went out first; the cached ones were read after; the broken one was redone
    assert order[0] == ("sent", list(range(3, len(seed_articles)))) and order[1] == "read"
    assert len(order[2][1]) == 1
    assert len(list((tmp_path / "analyse").glob("*.pkl"))) == len(seed_articles)  # stored by this process


def test_the_stage_store_keys_the_nlp_stages_by_the_model(tmp_path):
    from generator.config import Settings

    store = stage_store(Settings(root=tmp_path))
    assert set(store.extra) == {"parse", "analyse", "run"} and len(set(store.extra.values())) == 1
