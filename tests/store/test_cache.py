"""Caches are keyed by content and code: warm runs reuse, any change recomputes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.models import Article, ArticleAnalysis
from generator.nlp.analyse import _analysis_key, analyse_articles
from generator.store import cache


def test_store_then_load_round_trip(tmp_path):
    value = ArticleAnalysis("000", ())
    cache.store(tmp_path / "x.pkl", value)
    assert cache.load(tmp_path / "x.pkl", ArticleAnalysis) == value


def test_corrupt_or_foreign_entries_are_misses(tmp_path):
    (tmp_path / "bad.pkl").write_bytes(b"not a pickle")
    assert cache.load(tmp_path / "bad.pkl", ArticleAnalysis) is None
    cache.store(tmp_path / "other.pkl", {"a": 1})
    assert cache.load(tmp_path / "other.pkl", ArticleAnalysis) is None
    assert cache.load(tmp_path / "missing.pkl", ArticleAnalysis) is None



def test_memo_table_reuses_entries_keeps_only_those_used_and_follows_its_key(tmp_path):
    path, made = tmp_path / "t.pkl", []

    def make(value):
        return lambda: made.append(value) or value

    table = cache.MemoTable(path, "k1")
    assert [table.get("a", make("A")), table.get("b", make("B")), table.get("a", make("X"))] == ["A", "B", "A"]
    table.save()
    table = cache.MemoTable(path, "k1")
    assert table.get("a", make("Y")) == "A" and made == ["A", "B"]  # from the file
    table.save()  # only "a" was used: "b" is dropped, the file does not grow run after run
    assert cache.MemoTable(path, "k1").get("b", make("B2")) == "B2"
    assert cache.MemoTable(path, "k2").get("a", make("Z")) == "Z"  # another key (code, templates): all misses

def test_fingerprint_follows_the_code_and_the_extra_key(monkeypatch, tmp_path):
    assert cache.code_fingerprint("a") == cache.code_fingerprint("a")
    assert cache.code_fingerprint("a") != cache.code_fingerprint("b")
    (tmp_path / "mod.py").write_text("x = 1\n")
    monkeypatch.setattr(cache, "PACKAGE_DIR", tmp_path)
    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    (tmp_path / "mod.py").write_text("x = 2\n")
    cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() != before
    cache.code_fingerprint.cache_clear()


def test_analysis_key_changes_with_text_and_date():
    a = Article("000", "seeds/000.txt", ("One sentence here.",), published="2024-01-02")
    assert _analysis_key(a) == _analysis_key(replace(a))
    assert _analysis_key(a) != _analysis_key(replace(a, paragraphs=("Another sentence.",)))
    assert _analysis_key(a) != _analysis_key(replace(a, published="2024-01-03"))


@pytest.mark.slow
def test_warm_run_parses_nothing(tmp_path, capsys):
    arts = [Article("001", "seeds/001.txt", ("The council met on Monday. It voted to close the bridge.",))]
    messages: list[str] = []
    first = analyse_articles(arts, tmp_path, progress=messages.append)
    assert "analysed 1 articles" in messages
    messages.clear()
    second = analyse_articles(arts, tmp_path, progress=messages.append)
    assert second == first
    assert messages == ["1 analyses reused from cache"]


def test_the_run_key_uses_the_digests_the_state_already_took_and_is_the_same(tmp_path):
    from generator.config import load_settings
    from generator.publish.changes import seed_hashes

    seeds = tmp_path / "seeds"
    (seeds / "more").mkdir(parents=True)
    (seeds / "a.txt").write_text("Officials said the bridge would reopen on Monday.")
    (seeds / "more" / "b.md").write_text("# Floods\n\nRain closed the port.")
    (seeds / "sources.yaml").write_text("a.txt:\n  outlet: Daily Planet\n")
    (seeds / ".notes").write_text("hidden: neither the state nor the key reads it")
    digests: dict = {}
    seed_hashes(load_settings(tmp_path), digests)
    assert sorted(p.name for p in digests) == ["a.txt", "b.md", "sources.yaml"]
    assert cache.folder_digest(seeds, digests) == cache.folder_digest(seeds)
    wrong = {path: b"\0" * 32 for path in digests}  # were they not used, the key would not change
    assert cache.folder_digest(seeds, wrong) != cache.folder_digest(seeds)
