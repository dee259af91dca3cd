"""Story clustering: articles grouped by content, roundups set aside, slugs stable."""

from __future__ import annotations

import collections
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.models import AnalysedArticle, Article, ArticleAnalysis, Entity, Sentence
from generator.stories.cluster import DIGEST_CUES, cluster_with_rejections, digest_cues
from generator.stories.slugs import assign_slugs, load_registry, save_registry
from tests.paths import ROOT, corpus_files, needs_corpus


def fake(sid: str, text: str, ents: list[str], published: str | None = "2024-05-01") -> AnalysedArticle:
    """An analysed article built by hand: lemmas are the words, entities as given."""
    paragraphs = tuple(p for p in text.split("\n\n"))
    sentences, entities, pos = [], [], 0
    for i, para in enumerate(paragraphs):
        words = tuple(w.lower() for w in para.split() if len(w) > 3)
        sentences.append(Sentence(i, para, pos, pos + len(para), i, words))
        for name in ents:
            if name in para:
                entities.append(Entity(name, "ORG", pos, pos + len(name), i))
        pos += len(para) + 2
    art = Article(sid, f"seeds/{sid}.txt", paragraphs, published=published)
    return AnalysedArticle(art, ArticleAnalysis(sid, tuple(sentences), tuple(entities)))


QUAKE = "Rescuers searched collapsed houses after the earthquake struck mountain villages near Ridgeford"
BANK = "Regulators closed Harbor Bank after depositors withdrew billions and shares collapsed on markets"


def test_articles_on_two_events_make_two_stories(settings):
    items = [
        fake("01", QUAKE + " overnight", ["Ridgeford"]),
        fake("02", "The earthquake struck villages near Ridgeford and rescuers searched houses", ["Ridgeford"]),
        fake("03", BANK + " on Friday", ["Harbor Bank"]),
        fake("04", "Harbor Bank was closed by regulators after depositors withdrew billions", ["Harbor Bank"]),
    ]
    groups, rejected = cluster_with_rejections(items, settings)
    assert sorted(sorted(i.source_id for i in g) for g in groups) == [["01", "02"], ["03", "04"]]
    assert rejected == []


def test_a_lone_article_on_an_angle_of_a_story_joins_it_but_not_one_on_another_event(settings):
    reports = [fake("01", QUAKE + " overnight", ["Ridgeford"]),
               fake("02", "The earthquake struck villages near Ridgeford and rescuers searched houses", ["Ridgeford"]),
               fake("03", "Rescuers searched houses in villages near Ridgeford after the earthquake", ["Ridgeford"])]
    # (cosine 0.36 with the reports: below a story's threshold of 0.4 here, above a lone article's 0.3)
    angle = fake("04", "Grieving families will never forget the night their sons, mothers and neighbours were "
                       "buried under the rubble of Ridgeford", ["Ridgeford"])
    strict = replace(settings, cluster_similarity=0.4, cluster_lone_similarity=0.3)
    groups, _ = cluster_with_rejections([*reports, angle], strict)
    assert sorted(sorted(i.source_id for i in g) for g in groups) == [["01", "02", "03", "04"]]
    alone, _ = cluster_with_rejections([*reports, angle], replace(strict, cluster_lone_similarity=0.9))
    assert sorted(sorted(i.source_id for i in g) for g in alone) == [["01", "02", "03"], ["04"]]
    other, _ = cluster_with_rejections([*reports, fake("05", BANK, ["Harbor Bank"])], strict)
    assert len(other) == 2


def test_same_words_far_apart_in_time_are_different_stories(settings):
    items = [fake("01", QUAKE, ["Ridgeford"], "2020-01-01"), fake("02", QUAKE, ["Ridgeford"], "2024-01-01")]
    groups, _ = cluster_with_rejections(items, replace(settings, cluster_date_window_days=14))
    assert len(groups) == 2


def test_digest_of_unrelated_stories_is_set_aside(settings):
    digest = fake("09", "\n\n".join([
        "Here are today's top stories and a look back at this date in history.",
        "***",
        QUAKE + " while aid agencies flew tents, blankets and clean water into the remote province overnight",
        BANK + " and the treasury promised that every single depositor would be repaid in full by next week",
        "A marathon runner from Lakeside broke the course record in heavy rain on Sunday morning, "
        "cheered by thousands of spectators lining the streets of the old town",
    ]), ["Ridgeford", "Harbor Bank", "Lakeside"])
    items = [digest, fake("01", QUAKE, ["Ridgeford"]), fake("02", BANK, ["Harbor Bank"])]
    groups, rejected = cluster_with_rejections(items, settings)
    assert [r.file for r in rejected] == ["seeds/09.txt"]
    assert "roundup" in rejected[0].error
    assert all("09" not in [i.source_id for i in g] for g in groups)


def test_digest_cues_are_news_format_patterns_not_topics():
    assert any(c.search("This morning's top headlines: Monday") for _, c in DIGEST_CUES)
    assert not any(c.search("The bank's top executive resigned on Monday") for _, c in DIGEST_CUES)


CUE_LINES = ["Here are today's TOP STORIES", "Here is the week's news", "Let’s get caught up.",
             "Let's Get Caught Up.", "Your Morning Briefing", "the weekly round-up", "In Other News, rain",
             " * * * ", "***", "What you need to know this morning", "Daily Listen: the vote"]


@pytest.mark.parametrize("line", CUE_LINES)
def test_a_cue_is_never_ruled_out_by_its_words(line):
    """digest_cues tries a pattern only when one of its words is in the text: check that every
    line a pattern matches holds one of them, so the shortcut never changes the count."""
    item = fake("07", "A long enough body sentence about nothing much at all, said officials on Monday", [])
    item = AnalysedArticle(replace(item.article, paragraphs=(line,) + item.article.paragraphs), item.analysis)
    matched = [words for words, cue in DIGEST_CUES if cue.search(line)]
    assert all(any(w in line.casefold() for w in words) for words in matched)
    assert digest_cues(item) == len(matched)


def test_slug_is_inherited_when_a_story_grows():
    previous = {"quake-hits-villages": ["a.txt", "b.txt"], "bank-closed": ["c.txt"]}
    slugs = assign_slugs([["c.txt", "d.txt"], ["a.txt", "b.txt", "e.txt"]],
                         ["harbor-bank-seized", "death-toll-rises"], previous)
    assert slugs == ["bank-closed", "quake-hits-villages"]


def test_new_story_with_a_taken_slug_gets_a_unique_one():
    slugs = assign_slugs([["x.txt"], ["y.txt"]], ["same-title", "same-title"], {})
    assert sorted(slugs) == ["same-title", "same-title-2"]


def test_registry_round_trip(tmp_path):
    save_registry(tmp_path, {"b": ["2.txt", "1.txt"], "a": ["3.txt"]})
    assert load_registry(tmp_path) == {"a": ["3.txt"], "b": ["1.txt", "2.txt"]}
    assert load_registry(tmp_path / "missing") == {}


@pytest.mark.slow
@needs_corpus
def test_seeds_and_corpus_cluster_by_event(settings, tmp_path):
    """Purity and inverse purity >= 0.95 against the manifest's events; seeds stay together."""
    from generator.pipeline import analyse_articles
    from generator.pipeline import load_articles

    inbox = ROOT / "bench" / "work" / f"cluster-test-{tmp_path.name}"
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(f, inbox / f"seed__{f.name}")
    for f in corpus_files():
        shutil.copy(f, inbox / f"{f.parent.name}__{f.name}")
    try:
        s = replace(settings, seeds_dir=str(inbox))
        articles, _ = load_articles(s)
        groups, rejected = cluster_with_rejections(analyse_articles(articles, s), s)
    finally:
        shutil.rmtree(inbox, ignore_errors=True)

    def event(item) -> str:
        return Path(item.article.file).name.split("__")[0]

    assert [event(type("x", (), {"article": type("a", (), {"file": r.file})})) for r in rejected] == ["tricky"]
    n = sum(len(g) for g in groups)
    purity = sum(max(collections.Counter(event(i) for i in g).values()) for g in groups) / n
    by_event = collections.defaultdict(list)
    for k, g in enumerate(groups):
        for i in g:
            by_event[event(i)].append(k)
    inverse = sum(max(collections.Counter(v).values()) for v in by_event.values()) / n
    assert purity >= 0.95 and inverse >= 0.95, (purity, inverse)
    seed_groups = [g for g in groups if any(event(i) == "seed" for i in g)]
    assert len(seed_groups) == 1 and {event(i) for i in seed_groups[0]} == {"seed"}
    assert len(seed_groups[0]) == 5


def test_wire_copies_are_found_and_the_earliest_is_the_original():
    from generator.stories.cluster import find_copies

    body = ("The regulator closed the bank on Friday and named a receiver. Depositors will have access "
            "to insured deposits by Monday morning, officials said in a statement on Friday evening.")
    items = [
        fake("02", body + " Shares fell.", [], "2023-03-11"),
        fake("01", body, [], "2023-03-10"),
        fake("03", "An entirely different report about a football match in the rain on Sunday.", [], "2023-03-10"),
    ]
    assert find_copies(items) == {"02": "01"}


def test_copies_count_once_as_evidence(settings):
    from generator.stories.compose import compose_story

    body = "The regulator closed the bank on Friday and named a receiver to protect depositors."
    story = compose_story([fake("01", body, []), fake("02", body, []), fake("03", QUAKE, [])], settings)
    assert story.copies == (("02", "01"),)
    assert [a.source_id for a in story.independent_sources] == ["01", "03"]
    assert [a.source_id for a in story.sources] == ["01", "02", "03"]


def test_headline_without_titles_is_the_lead_point_not_a_dateline():
    from generator.models import Item
    from generator.stories.compose import choose_headline

    items = [fake("01", "RIDGEFORD:\n\n" + QUAKE + " on Friday night.", [])]
    assert choose_headline(items) == QUAKE + " on Friday night."
    lead = Item("The quake killed more than 200 people, officials said.", ("01",))
    assert choose_headline(items, [lead]) == "The quake killed more than 200 people"  # no attribution tail


def test_slug_drops_possessives_and_accents():
    from generator.stories.slugs import slugify

    assert slugify("Zürich's mayor wins vote") == "zurich-mayor-wins-vote"
