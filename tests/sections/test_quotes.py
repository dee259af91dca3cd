"""Key quotes per story (sections/quotes.py): the same quotation across sources merged, speakers
made canonical, renderings of one statement noted, key quotes ranked; and the quotes section on
the seeds and on annotated corpus events against their gold (tests/gold/README.md, "Quotes")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.models import Actor, AnalysedArticle, Article, ArticleAnalysis, QuoteMention
from generator.sections.quotes import build_quotes, normalise
from tests.nlp.quotes.support import RECALL_FLOOR, SPEAKER_FLOOR, gold_actor_list, seed_quote_figures
from tests.paths import CORPUS_DIR, GOLD_DIR, needs_corpus


def analysed(source_id: str, text: str, quotes: list[QuoteMention]) -> AnalysedArticle:
    article = Article(source_id, f"{source_id}.txt", (text,))
    return AnalysedArticle(article, ArticleAnalysis(source_id, (), quotes=tuple(quotes)))


def mention(text: str, speaker: str | None, start: int = 0) -> QuoteMention:
    return QuoteMention(text, speaker, 0, start, start + len(text))


# ---------------------------------------------------------------- build_quotes (per story)


def test_speaker_mapped_by_alias_surname_and_description():
    actors = [
        Actor("Zamir Ivanov", "person", ("Ivanov",), "envoy", 12, ("a",)),
        Actor("Norwegian Health Ministry", "organization", ("Norway's Health Ministry",), None, 8, ("a",)),
        Actor("Swedish Health Ministry", "organization", (), None, 30, ("z",)),
    ]
    items = [
        analysed("a", "The Norwegian Health Ministry said ...", [
            mention("We act now", "Mr. Ivanov", 0), mention("Masks stay on trains", "the ministry", 20),
            mention("Rates must fall soon", "some analyst", 40)]),
    ]
    got = {q.text: q.speaker for q in build_quotes(items, actors)}
    assert got == {"We act now": "Zamir Ivanov", "Masks stay on trains": "Norwegian Health Ministry",
                   "Rates must fall soon": "some analyst"}


def test_same_quotation_across_sources_is_merged_and_cites_all():
    items = [analysed("1", "", [mention("We welcome Finland to the alliance", "Jens Holm")]),
             analysed("2", "", [mention("We welcome Finland to the Alliance!", "Holm")]),
             analysed("3", "", [mention("Prices will keep rising for a year", "Ann Lee")])]
    quotes = build_quotes(items, [])
    assert quotes[0].sources == ("1", "2") and quotes[0].speaker == "Jens Holm"
    assert len(quotes) == 2


def test_different_renderings_kept_apart_with_note():
    a = "We believe that official recognition will serve as a catalyst for deepening bilateral cooperation in various areas"
    b = ("We believe that the act of official recognition will give impetus to the development of productive "
         "bilateral cooperation in various fields")
    actors = [Actor("Foreign Ministry", "organization", (), None, 5, ("1", "2", "3"))]
    items = [analysed("1", "", [mention(a, "Foreign Ministry")]),
             analysed("2", "", [mention(b, "Foreign Ministry")]),
             analysed("3", "", [mention(b + ".", "Foreign Ministry")])]
    quotes = build_quotes(items, actors)
    assert [q.sources for q in quotes] == [("2", "3"), ("1",)]
    assert quotes[0].note is None
    assert quotes[1].note == "another rendering of the same statement, by source 1"


def test_speakers_unified_across_sources_without_actors():
    items = [analysed("1", "", [mention("Rates will stay high all year", "Chile's Central Bank"),
                                mention("The vote was a disgrace", "Ana Ruiz")]),
             analysed("2", "", [mention("Rates will stay high all year", "Chilean Central Bank"),
                                mention("We go on", "Ruiz", 30)])]
    speakers = {q.text: q.speaker for q in build_quotes(items, [])}
    assert speakers["We go on"] == "Ana Ruiz"
    assert speakers["Rates will stay high all year"] in {"Chile's Central Bank", "Chilean Central Bank"}
    assert len(speakers) == 3


def test_conflicting_attribution_noted_on_both():
    items = [analysed("1", "", [mention("India is on the moon", "Ravi Nair")]),
             analysed("2", "", [mention("India is on the moon!", "Meena Rao")])]
    quotes = build_quotes(items, [])
    assert {q.speaker for q in quotes} == {"Ravi Nair", "Meena Rao"}
    notes = {q.speaker: q.note for q in quotes}
    assert notes["Ravi Nair"] == "also attributed to Meena Rao by source 2"
    assert notes["Meena Rao"] == "also attributed to Ravi Nair by source 1"


def test_build_quotes_is_deterministic_and_orders_by_sources():
    items = [analysed("1", "", [mention("Short one here", "Ann Lee"), mention("We will hold the line", "Bo Chen", 30)]),
             analysed("2", "", [mention("We will hold the line.", "Bo Chen")])]
    first = build_quotes(items, [])
    assert first == build_quotes(list(reversed(items)), [])
    assert first[0].sources == ("1", "2")


# ---------------------------------------------------------------- seeds vs gold


@pytest.mark.slow
@pytest.mark.parametrize("with_actors", [True, False])
def test_seed_build_quotes_recall_and_speakers(gold, analysed_seeds, with_actors):
    actors = gold_actor_list(gold) if with_actors else []
    quotes = build_quotes(analysed_seeds, actors)
    recall, speaker_right = seed_quote_figures(gold, [(q.text, q.speaker, q.sources) for q in quotes])
    assert recall >= RECALL_FLOOR, recall
    assert speaker_right >= SPEAKER_FLOOR, speaker_right
    assert quotes == build_quotes(list(reversed(analysed_seeds)), actors)
    assert not any(q.note and "also attributed" in q.note for q in quotes)  # no false conflicts


# ---------------------------------------------------------------- a real corpus event


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("event", ["finland-joins-nato", "morocco-earthquake"])
def test_corpus_quotes_recall_and_speakers(settings, event):
    """Events the rules were not written on, against their gold (all quotes, before the page's cap)."""
    from evaluation.run import load_gold
    from generator.pipeline import analyse_articles
    from generator.pipeline import load_articles

    gold = load_gold(GOLD_DIR / "corpus" / f"{event}.yaml")  # its verbatim fields resolved from the corpus
    articles, _ = load_articles(replace(settings, seeds_dir=str(Path(CORPUS_DIR) / event)))
    quotes = build_quotes(analyse_articles(articles, settings), gold_actor_list(gold))
    recall, speaker_right = seed_quote_figures(gold, [(q.text, q.speaker, q.sources) for q in quotes])
    assert recall >= RECALL_FLOOR, recall
    assert speaker_right >= SPEAKER_FLOOR, speaker_right


@pytest.mark.slow
@needs_corpus
def test_corpus_quote_attributed_differently_by_outlets_is_noted(settings):
    from generator.pipeline import analyse_articles
    from generator.pipeline import load_articles

    folder = Path(CORPUS_DIR) / "chandrayaan3-landing"
    articles, _ = load_articles(replace(settings, seeds_dir=str(folder)))
    quotes = build_quotes(analyse_articles(articles, settings), [])
    moon = [q for q in quotes if normalise(q.text) == "india is on the moon"]
    assert len({q.speaker for q in moon}) == 2
    assert all(q.note and "also attributed to" in q.note for q in moon)
