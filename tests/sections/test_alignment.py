"""Claim alignment on invented multi-source snippets: which sentences are claims, which
sentences of different sources state the same fact, and which add one of their own."""

from __future__ import annotations

import numpy as np
import pytest

from generator.models import AnalysedArticle, Article, ArticleAnalysis
from generator.nlp.parsed import ParsedArticle
from generator.sections.claims import alignment
from tests.conftest import parse


def analysed(sid: str, *paragraphs: str, published: str | None = None) -> AnalysedArticle:
    """An article parsed with the shared model; only sentences and entities (what claims
    reads), so these tests do not depend on the other extractors."""
    art = Article(sid, f"{sid}.txt", tuple(paragraphs), published=published)
    doc = parse(art.text)
    parsed = ParsedArticle.of(art, doc)
    return AnalysedArticle(art, ArticleAnalysis(sid, parsed.sentences, parsed.entities()))


@pytest.mark.parametrize(("text", "kind"), [
    ("The council approved the new budget on Monday evening.", "claim"),
    ("Why did the council approve the budget now?", None),  # a question
    ("What we know:", None),  # a heading
    ("Read more", None),  # a fragment
    ("The council approved the new budget on Monday and…", None),  # cut off
    ("Photo: The council chamber during the vote on Monday.", None),  # a labelled note
    ("The mayor welcomed the vote, saying.", None),  # lead-in to a cut quotation
    ("“We will not raise taxes this year, whatever happens next.”", "quote"),  # bare quotation
])
def test_claim_kind(text, kind):
    assert alignment.claim_kind(text) == kind


@pytest.fixture(scope="module")
def story():
    return [
        analysed("a", "The city council of Dunmore approved a budget of 40 million euros on Monday. "
                      "The vote followed weeks of protests by teachers."),
        analysed("b", "Dunmore's city council on Monday passed a 40 million euro budget for next year. "
                      "Local bakeries reported record sales of pastries during the festival."),
        analysed("c", "On Monday the Dunmore council adopted its 40 million euro budget, and the "
                      "regional court fined the mayor Paul Kerr for breaching election rules in 2023."),
    ]


@pytest.mark.slow
def test_paraphrases_from_three_sources_are_one_point(story):
    al = alignment.align(story, 0.55)
    points = alignment.select_points(al.claims, al.sim, 0.55)
    budget = [p for p in points if "budget" in al.claims[p.rep].text]
    assert budget and budget[0].sources == ("a", "b", "c")
    unrelated = [p for p in points if "bakeries" in al.claims[p.rep].text]
    assert unrelated and unrelated[0].sources == ("b",)


@pytest.mark.slow
def test_a_sentence_adding_a_second_fact_stays_a_point_of_its_own(story):
    al = alignment.align(story, 0.55)
    points = alignment.select_points(al.claims, al.sim, 0.55)
    shown = [al.claims[p.rep].text for p in points]
    # c's sentence supports the budget point and also tells of the fine: both are shown
    assert any("fined the mayor" in t for t in shown)
    assert sum("budget" in t for t in shown) == 2


@pytest.mark.slow
def test_similarity_is_symmetric_bounded_and_across_sources_only(story):
    al = alignment.align(story, 0.55)
    assert np.allclose(al.sim, al.sim.T)
    assert al.sim.min() >= 0.0 and al.sim.max() <= 1.0
    for i, a in enumerate(al.claims):
        for j, b in enumerate(al.claims):
            if a.sid == b.sid:
                assert al.sim[i, j] == 0.0


@pytest.mark.slow
def test_a_repeated_teaser_is_one_claim():
    item = analysed("a", "The council approved the budget of Dunmore on Monday.",
                    "The council approved the budget of Dunmore on Monday.",
                    "Teachers had protested against cuts for weeks before the vote.")
    claims = alignment.extract_claims(item, None)
    assert [c.text for c in claims].count("The council approved the budget of Dunmore on Monday.") == 1


@pytest.mark.slow
def test_a_sentence_inside_a_quotation_opened_before_it_is_the_speakers_words():
    item = analysed("a", "Prosecutor Tom Velt said she “chose fraud over failure. She chose to deceive her "
                         "investors and her patients in Lyra. That choice was criminal.”",
                    "The jury in Lyra deliberated for four days before it returned the verdict.")
    claims = {c.text: c for c in alignment.extract_claims(item, None)}
    deceive = next(c for t, c in claims.items() if t.startswith("She chose to deceive"))
    assert deceive.support_only
    assert not claims["The jury in Lyra deliberated for four days before it returned the verdict."].support_only
    closed = analysed("b", "The bank urged its clients in Lyra to “stay calm.\" But many investors in Lyra told "
                           "their companies to take their money out.")
    assert not any(c.support_only for c in alignment.extract_claims(closed, None))


@pytest.mark.slow
def test_claims_know_the_heading_they_sit_under():
    item = analysed("a", "The council approved the budget of Dunmore on Monday.",
                    "What we don't know:",
                    "Whether the teachers' union will accept the deal remains to be seen.")
    claims = alignment.extract_claims(item, None)
    assert claims[-1].heading == "open_question" and claims[-1].cue == "open_question"
    assert claims[0].heading is None


@pytest.mark.slow
def test_in_an_undated_article_a_weekday_to_come_makes_a_future_a_plan():
    item = analysed("a", "Former president Jane Velkstrom died in Eastmere after a long illness.",
                    "Velkstrom will lie in state at the cathedral in Eastmere from Saturday evening.",
                    "Her successor will face a difficult task in the years to come.")
    cues = {c.text[:10]: c.cue for c in alignment.extract_claims(item, None)}
    assert cues["Velkstrom "] == "next" and cues["Her succes"] is None


def _bare(sid: str, text: str) -> alignment.Claim:
    words = tuple(text.lower().rstrip(".").split())
    return alignment.Claim(sid=sid, index=0, text=text, order=0, lemmas=words,
                           entities=frozenset(), predicate=words)


def test_a_sentence_of_another_section_with_an_extra_clause_still_supports_the_fact():
    """"X said A and that B might happen" sits in What we don't know, yet backs A."""
    claims = [_bare("01", "The mayor said the bridge was shut."),
              _bare("02", "The mayor said the bridge was shut and that it might reopen in May.")]
    sim = np.array([[1.0, 0.65], [0.65, 1.0]])
    points = alignment.select_points(claims, sim, 0.55, pool=[0], supporters=[1])
    assert [(p.rep, sorted(p.members)) for p in points] == [(0, [0, 1])]
    weak = np.array([[1.0, 0.56], [0.56, 1.0]])
    assert [sorted(p.members) for p in alignment.select_points(claims, weak, 0.55, [0], [1])] == [[0]]
