"""Stable ids from content, stable source keys: never from position or from which files exist."""

from __future__ import annotations

from dataclasses import replace

from generator.editorial.ids import item_id, same_claim, source_key, source_keys, with_ids
from generator.models import Article, Item, Story, TimelineEntry
from tests.browser.support import full_story


def test_every_item_gets_an_id_and_every_source_a_key():
    s = with_ids(full_story())
    items = [*s.summary, *s.background, *s.known, *s.whats_next, *s.unknown, *s.timeline, *s.quotes, *s.actors]
    assert all(i.id for i in items) and all(a.key for a in s.sources)
    assert {i.id[:2] for i in s.summary + s.known} == {"p-"} and all(t.id.startswith("t-") for t in s.timeline)
    assert all(q.id.startswith("q-") for q in s.quotes) and all(a.id.startswith("a-") for a in s.actors)
    assert [u.id[:2] for u in s.unknown] == ["p-", "p-", "d-"]


def test_ids_come_from_the_words_not_the_position_or_the_other_files():
    s = full_story()
    shuffled = replace(s, known=s.known[::-1], sources=s.sources[::-1] + (Article("009", "seeds/009_new.txt", ("x",)),))
    a, b = with_ids(s), with_ids(shuffled)
    assert {i.text: i.id for i in a.known} == {i.text: i.id for i in b.known}
    assert {x.file: x.key for x in a.sources} == {x.file: x.key for x in b.sources if x.file in {y.file for y in a.sources}}


def test_the_same_claim_has_the_same_id_in_every_section_and_its_timeline_row_shares_it():
    text = "The council voted on Monday."
    s = with_ids(Story("s", "h", None, None, (), summary=(Item(text, ()),), known=(Item(text, ()),),
                       timeline=(TimelineEntry("2024-03-04", text, ()),)))
    assert s.summary[0].id == s.known[0].id == item_id("known", text)
    assert same_claim(s.known[0].id, s.timeline[0].id)
    assert item_id("known", "The Council voted  on Monday.") == s.known[0].id  # case and spacing aside


def test_the_same_words_twice_in_one_section_are_told_apart():
    s = with_ids(Story("s", "h", None, None, (), known=(Item("Same.", ()), Item("Same.", ()))))
    assert s.known[1].id == s.known[0].id + "-2"


def test_source_keys_are_host_and_content_hash_and_unique():
    a = Article("04", "seeds/04_amu.tv.txt", ("x",), content_hash="ab12cd" + "0" * 58)
    b = Article("04-cd6430", "seeds/other/04_amu.tv.txt", ("y",), content_hash="ab12cd" + "0" * 58)
    c = Article("005", "seeds/005_x.txt", ("z",), url="https://www.example.com/a", content_hash="ffeedd" + "0" * 58)
    assert source_key(a) == "amu-tv-ab12cd" and source_key(c) == "example-com-ffeedd"
    keys = source_keys([b, a, c])
    assert keys == {"04": "amu-tv-ab12cd", "04-cd6430": "amu-tv-ab12cd-2", "005": "example-com-ffeedd"}
