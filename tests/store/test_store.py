"""The store: one key policy for every cache; an unreadable entry is a miss, never an error."""

from __future__ import annotations

from generator.models import ArticleAnalysis
from generator.store.store import Store

STAGES = {"a": ("generator.models",), "b": ("generator.config",)}


def test_values_round_trip_by_stage_and_key(tmp_path):
    store = Store(tmp_path, STAGES)
    value = ArticleAnalysis("000", ())
    key = store.key("a", "input text")
    assert not store.has("a", key) and store.get("a", key, ArticleAnalysis) is None
    store.put("a", key, value)
    assert store.has("a", key) and store.get("a", key, ArticleAnalysis) == value
    store.put_bytes("a", key, b"\x00parse")
    assert store.get_bytes("a", key) == b"\x00parse"
    assert store.get_bytes("a", "other") is None


def test_keys_follow_the_stage_its_extra_key_and_the_inputs(tmp_path):
    store = Store(tmp_path, STAGES, {"b": "model-1"})
    assert store.key("a", "x") == store.key("a", "x")
    assert len({store.key("a", "x"), store.key("a", "y"), store.key("b", "x"),
                Store(tmp_path, STAGES, {"b": "model-2"}).key("b", "x")}) == 4


def test_corrupt_or_foreign_entries_are_misses(tmp_path):
    store = Store(tmp_path, STAGES)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bad.pkl").write_bytes(b"not a pickle")
    assert store.get("a", "bad", ArticleAnalysis) is None
    store.put("a", "other", {"a": 1})
    assert store.get("a", "other", ArticleAnalysis) is None
    (tmp_path / "a" / "last.pkl").write_bytes(b"\x80\x04broken")
    assert store.last("a", "k", tuple) is None


def test_no_root_caches_nothing():
    store = Store(None, STAGES)
    store.put("a", "k", 1)
    store.keep_last("a", "k", (1,))
    assert store.get("a", "k", int) is None and store.last("a", "k", tuple) is None and not store.has("a", "k")


def test_the_last_result_is_kept_under_its_key_only(tmp_path):
    store = Store(tmp_path, STAGES)
    store.keep_last("a", "k1", ("stories",))
    assert store.last("a", "k1", tuple) == ("stories",)
    assert store.last("a", "k2", tuple) is None
    assert store.last("a", "k1", dict) is None  # another kind of value: a miss
    store.keep_last("a", "k2", ("newer",))
    assert store.last("a", "k1", tuple) is None  # one entry: a whole-run cache never grows


def test_memo_table_reuses_entries_keeps_only_those_used_and_follows_its_key(tmp_path):
    store, made = Store(tmp_path, STAGES), []

    def make(value):
        return lambda: made.append(value) or value

    table = store.table("a", "k1")
    assert [table.get("a", make("A")), table.get("b", make("B")), table.get("a", make("X"))] == ["A", "B", "A"]
    table.save()
    table = store.table("a", "k1")
    assert table.get("a", make("Y")) == "A" and made == ["A", "B"]  # from the file
    table.save()  # only "a" was used: "b" is dropped, the file does not grow run after run
    assert store.table("a", "k1").get("b", make("B2")) == "B2"
    assert store.table("a", "k2").get("a", make("Z")) == "Z"  # another key (code, templates): all misses
