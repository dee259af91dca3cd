"""Cross-source synthesis: sections built from invented multi-source snippets, and checks of the
seed story's sections (the gold figures and their floors live in tests/quality/)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.config import Settings
from generator.models import Actor, AnalysedArticle, Article
from generator.publish.export import story_json
from generator.sections.claims import synthesis as claims
from generator.nlp.analyse import analyse_doc
from tests.conftest import parse


def analysed(sid: str, *paragraphs: str, published: str | None = "2024-05-14") -> AnalysedArticle:
    art = Article(sid, f"{sid}.txt", tuple(paragraphs), published=published)
    return AnalysedArticle(art, analyse_doc(art, parse(art.text)))  # with its dates, as the pipeline reads them


@pytest.fixture(scope="module")
def plant():
    """Three outlets on one (invented) factory explosion."""
    return [
        analysed("a",
                 "An explosion at a chemical plant in Westbrook killed 12 people on Tuesday, officials said.",
                 "The plant's owner, Halvern Chemicals, said the cause of the blast was not yet known.",
                 "The plant had been fined for safety violations in 2019.",
                 "Fire Chief Maria Lopez said crews would search the site again on Thursday."),
        analysed("b",
                 "A blast at a chemical factory in Westbrook on Tuesday killed 15 people, local officials said.",
                 "Acting Fire Chief Maria Lopez said the fire was brought under control by the evening.",
                 "What we don't know:",
                 "Whether the river near Westbrook was polluted remains to be seen."),
        analysed("c",
                 "An explosion tore through a chemical plant in Westbrook on Tuesday, killing 12 people, officials said.",
                 "Halvern Chemicals cut the safety staff of its Westbrook plant by half in 2023, a union official said.",
                 "Residents of Westbrook described a loud bang and a column of black smoke over the town."),
    ]


@pytest.fixture(scope="module")
def plant_synthesis(plant):
    actors = [Actor("Westbrook", "city", (), None, 6, ("a", "b", "c")),
              Actor("Halvern Chemicals", "organization", (), None, 2, ("a", "c"))]
    return claims.synthesise(plant, actors, [], Settings())


def texts_of(items) -> list[str]:
    return [i.text for i in items]


@pytest.mark.slow
def test_the_corroborated_fact_leads_in_brief_citing_only_the_sources_that_state_it(plant_synthesis):
    first = plant_synthesis.summary[0]
    assert "Westbrook" in first.text and ("killed" in first.text or "killing" in first.text)
    # b says 15 were killed: a source giving another value never counts as support
    assert first.sources == ("a", "c")


@pytest.mark.slow
def test_stated_uncertainty_is_an_open_question(plant_synthesis):
    opens = [u for u in plant_synthesis.unknown if u.kind == "open_question"]
    assert any("not yet known" in u.text and u.sources == ("a",) for u in opens)
    assert any("remains to be seen" in u.text and u.sources == ("b",) for u in opens)


@pytest.mark.slow
def test_a_plan_is_whats_next_and_history_is_background(plant_synthesis):
    assert any("search the site again on Thursday" in t for t in texts_of(plant_synthesis.whats_next))
    assert any("fined for safety violations in 2019" in t for t in texts_of(plant_synthesis.background))


@pytest.mark.slow
def test_disagreements_are_disputed_items(plant_synthesis):
    disputed = [u for u in plant_synthesis.unknown if u.kind == "disputed"]
    assert any(u.text.startswith("Figures (deaths)") and {"a", "b"} <= set(u.variants) for u in disputed)
    # "Acting Fire Chief" / "Fire Chief": a stand-in holds the post, no disagreement
    assert not any(u.text.startswith("Titles differ for Maria Lopez") for u in disputed)


@pytest.mark.slow
def test_a_checkable_claim_of_one_source_is_flagged_not_repeated(plant_synthesis):
    singles = [u for u in plant_synthesis.unknown if u.kind == "single_source"]
    assert [u.sources for u in singles if "safety staff" in u.text] == [("c",)]
    assert not any("safety staff" in t for t in texts_of(plant_synthesis.known))


@pytest.mark.slow
def test_no_sentence_is_shown_in_two_sections(plant_synthesis):
    shown = (texts_of(plant_synthesis.summary) + texts_of(plant_synthesis.background) + texts_of(plant_synthesis.known)
             + texts_of(plant_synthesis.whats_next)
             + [u.text for u in plant_synthesis.unknown if u.kind != "disputed"])
    assert len(shown) == len(set(shown))


@pytest.mark.slow
def test_what_we_know_does_not_repeat_in_brief(plant_synthesis):
    assert 1 <= len(plant_synthesis.summary) <= 5
    assert not set(texts_of(plant_synthesis.summary)) & set(texts_of(plant_synthesis.known))
    assert not any("killed 15" in t or "killing 12" in t for t in texts_of(plant_synthesis.known))


@pytest.mark.slow
def test_one_toll_told_in_other_words_is_shown_once():
    items = [
        analysed("a", "A strong earthquake struck off the coast of Velora on Wednesday, killing 9 people.",
                 "As of 7 pm Wednesday, officials had confirmed 9 deaths, a number expected to rise.",
                 "The quake damaged more than 100 buildings in the port city of Kessel."),
        analysed("b", "The earthquake that hit Velora on Wednesday killed 9 people, officials said.",
                 "Officials confirmed 9 deaths by Wednesday evening as rescuers searched collapsed buildings."),
    ]
    s = claims.synthesise(items, [Actor("Velora", "country", (), None, 3, ("a", "b"))], [], Settings())
    shown = texts_of(s.summary) + texts_of(s.background) + texts_of(s.known)
    assert sum(bool(re.search(r"\b9 (?:people|deaths)", t)) for t in shown) == 1, shown


@pytest.mark.slow
def test_one_outlets_verdict_with_nothing_checkable_is_held_not_known(plant):
    verdict = "It was the most extraordinary disaster in memory after perhaps the most dramatic week of the year."
    items = plant[:2] + [analysed("c", *plant[2].article.paragraphs, verdict)]
    actors = [Actor("Westbrook", "city", (), None, 6, ("a", "b", "c"))]
    s = claims.synthesise(items, actors, [], Settings())
    assert verdict not in texts_of(s.summary) + texts_of(s.background) + texts_of(s.known)
    assert [h.reason for h in s.held if h.text == verdict] == [claims.VERDICT_REASON]


@pytest.mark.slow
def test_every_statement_is_a_sentence_of_a_source_it_cites(plant, plant_synthesis):
    assert untraceable(plant_synthesis, {it.source_id: it.article.text for it in plant}) == []


@pytest.mark.slow
def test_output_does_not_depend_on_input_order(plant, plant_synthesis):
    again = claims.synthesise(list(reversed(plant)), [Actor("Westbrook", "city", (), None, 6, ("a", "b", "c")),
                                                      Actor("Halvern Chemicals", "organization", (), None, 2,
                                                            ("a", "c"))], [], Settings())
    assert again == plant_synthesis


def test_no_articles_no_synthesis():
    assert claims.synthesise([], [], [], Settings()) == claims.Synthesis()


def untraceable(syn: claims.Synthesis, texts: dict[str, str]) -> list[str]:
    """Mechanical check: each statement occurs verbatim (whitespace aside) in the text of a
    source it cites, trimmed at most (a side clause cut before its full stop) and with a
    pronoun shown as the name in square brackets, as editors do; each variant of a dispute
    in the text of the source it is keyed by."""
    def norm(t: str) -> str:
        return re.sub(r"\s+", " ", t).strip()

    def pattern(text: str) -> re.Pattern[str]:
        parts = re.split(r"\[[^\]]+\]", norm(text).rstrip(".!?"))
        return re.compile(r"\w+(?:['’]s)?".join(re.escape(p) for p in parts), re.I)

    def occurs(text: str, sids) -> bool:
        return any(pattern(text).search(norm(texts[sid])) for sid in sids)

    bad = [i.text for section in (syn.summary, syn.background, syn.known, syn.whats_next)
           for i in section if not occurs(i.text, i.sources)]
    for u in syn.unknown:
        if u.kind == "disputed":
            bad += [v for sid, v in u.variants.items() if not occurs(v, [sid])]
            assert set(u.sources) == set(u.variants)
        elif not occurs(u.text, u.sources):
            bad.append(u.text)
    return bad


# ---------------------------------------------------------------- seeds vs gold


@pytest.fixture(scope="module")
def seed_export(seed_story) -> dict:
    return story_json(seed_story)


@pytest.mark.slow
@pytest.mark.quality
def test_seed_known_recall_counting_in_brief_what_we_know_and_background(gold, seed_export):
    from evaluation import claims as measure

    figures = measure.known(gold, seed_export)["figures"]
    # (0.7 before source 004 was recognised as garbled: five gold facts are its alone, now held;
    # the floor is tests/quality/test_quality_floors.py's)
    assert figures["recall"]["value"] >= 0.65, measure.known(gold, seed_export)["details"]["missed"]
    assert figures["verified"]["value"] == 1.0


@pytest.mark.slow
@pytest.mark.quality
def test_seed_disagreements_are_the_factual_ones(gold, seed_export):
    from evaluation import claims as measure

    assert measure.open_questions(gold, seed_export)["figures"]["recall"]["value"] >= 0.6
    figures = measure.discrepancies(gold, seed_export)["figures"]
    assert figures["factual_found"]["value"] == 2, measure.discrepancies(gold, seed_export)["details"]["missed"]
    assert figures["false"]["value"] == 0, measure.discrepancies(gold, seed_export)["details"]["false"]


# ---------------------------------------------------------------- the seed story


@pytest.mark.slow
@pytest.mark.quality
def test_seed_statements_are_all_traceable(seed_story):
    syn = claims.Synthesis(seed_story.summary, seed_story.background, seed_story.known,
                           seed_story.unknown, seed_story.whats_next)
    assert untraceable(syn, {a.source_id: a.text for a in seed_story.sources}) == []


@pytest.mark.slow
@pytest.mark.quality
def test_seed_sections_are_filled_and_capped(seed_story, settings):
    assert 3 <= len(seed_story.summary) <= 5
    assert 0 < len(seed_story.known) <= settings.max_known
    assert seed_story.background and seed_story.unknown
    kinds = {u.kind for u in seed_story.unknown}
    assert {"open_question", "disputed"} <= kinds


@pytest.mark.slow
def test_a_sentence_told_on_the_days_of_the_news_is_no_background():
    items = [
        analysed("a", "A storm hit the coast of Westbrook on Tuesday and flooded 300 homes, officials said.",
                 "Crews had been waiting for the water to fall on Tuesday before they began the search.",
                 published=None),
        analysed("b", "The storm flooded 300 homes in Westbrook on Tuesday, officials said.",
                 "Residents said the sea came over the harbour wall within minutes.", published=None),
    ]  # undated articles: "Tuesday" cannot be resolved to a day
    syn = claims.synthesise(items, [], [], Settings())
    assert not any("waiting for the water" in t for t in texts_of(syn.background))  # a past perfect, but Tuesday's
    assert any("waiting for the water" in t for t in texts_of(syn.summary + syn.known))


@pytest.mark.slow
def test_a_caption_left_in_the_body_is_no_claim():
    from generator.sections.claims import alignment
    item = analysed("a", "An explosion at a chemical plant in Westbrook killed 12 people on Tuesday, officials said.",
                    "Firefighters outside the burning plant in Westbrook on Tuesday, May 14, 2024.")
    texts = [c.text for c in alignment.extract_claims(item, None)]
    assert any(t.startswith("An explosion") for t in texts) and not any(t.startswith("Firefighters") for t in texts)


@pytest.mark.slow
def test_an_undated_storys_own_day_is_read_from_a_lead_never_from_a_past_event_in_the_body():
    from generator.sections.claims import dating
    body = analysed("a", "The pope died on Monday at his residence in Velora, the church said.",
                    "Thousands gathered in the square to pray for him.",
                    "He led the church for twelve years.",
                    "He was elected as the 300th pope on March 13, 2013 after his predecessor resigned.",
                    published=None)
    assert set(dating.reference_dates([body]).values()) == {None}  # not 2013-03-13
    lead = analysed("b", "Posted on September 27, 2024: the storm made landfall near Harlow.", published=None)
    assert dating.reference_dates([lead]) == {"b": date(2024, 9, 27)}


@pytest.mark.slow
def test_in_an_undated_story_a_fact_dated_years_before_the_latest_told_is_background():
    items = [
        analysed("a", "An explosion at a coal mine in Harlow killed 274 miners on Tuesday, officials said.",
                 "In 1992, a gas explosion killed 263 mine workers near the port of Lyra.", published=None),
        analysed("b", "The blast at the Harlow coal mine killed 274 miners, officials said.",
                 "A labour body ranked Examplia third worst in the world for worker deaths in 2012.", published=None),
        analysed("c", "Rescuers searched the Harlow mine for survivors after the blast killed 274 miners.",
                 "Protesters marched in Lyra and Harlow against the mine's owners.", published=None),
    ]  # undated articles: the news cannot be dated, but the story tells of 2012 and 1992
    syn = claims.synthesise(items, [], [], Settings())
    assert any("In 1992" in t for t in texts_of(syn.background))
    assert not any("In 1992" in t for t in texts_of(syn.summary + syn.known))


@pytest.mark.slow
def test_a_superlative_dated_long_ago_is_history_but_a_level_since_a_year_is_news():
    items = [
        analysed("a", "Velora Mart filed for bankruptcy in Harlow on Monday, the company said.",
                 "Westmart supplanted Velora Mart as the biggest retailer in the early 1990s.", published="2018-10-15"),
        analysed("b", "Velora Mart filed for bankruptcy on Monday in Harlow.",
                 "Velora Mart shares fell to their lowest level since 1985 on Monday.", published="2018-10-15"),
    ]
    syn = claims.synthesise(items, [], [], Settings())
    assert any("early 1990s" in t for t in texts_of(syn.background)), texts_of(syn.background)
    assert not any("since 1985" in t for t in texts_of(syn.background))


@pytest.mark.slow
def test_four_figures_before_a_time_zone_are_a_time_of_day_never_a_year_of_history():
    items = [
        analysed("a", "Velt's apps went offline worldwide on Monday, the company said.",
                 "Outage tracker Lyradetect was showing outages in Harlow and Velora, with problems being reported "
                 "from around 1545 GMT.", published="2021-10-04"),
        analysed("b", "Velt's apps went offline worldwide on Monday.", published="2021-10-04"),
    ]
    syn = claims.synthesise(items, [], [], Settings())
    assert not any("1545 GMT" in t for t in texts_of(syn.background)), texts_of(syn.background)


@pytest.mark.slow
def test_in_an_undated_article_a_side_clauses_old_date_does_not_make_its_sentence_history():
    items = [
        analysed("a", "The singer Jane Roe died in a hotel in Harlow on February 11, 2012, her publicist said.",
                 published=None),
        analysed("b", "Jane Roe died at a hotel in Harlow on February 11, 2012, police said.",
                 "Tom Velt, whose brother Max also died in shocking fashion in Harlow three years ago aged 50, "
                 "said his thoughts went out to her mother.", published=None),
        analysed("c", "Jane Roe was found dead in a Harlow hotel on February 11, 2012.", published=None),
    ]
    syn = claims.synthesise(items, [], [], Settings())
    assert not any("his thoughts" in t for t in texts_of(syn.background))


@pytest.mark.slow
def test_where_people_died_the_toll_is_in_brief():
    items = [
        analysed("a", "Officials say at least 100 miners are still missing after the blast at the Harlow mine.",
                 "A total of 190 workers are still unaccounted for, the energy minister said.",
                 "Protesters marched in Lyra against the mine's owners on Wednesday.",
                 "The prime minister visited Harlow on Wednesday and was booed by a crowd.",
                 "An explosion on Tuesday caused the pit to collapse, killing at least 274 miners."),
        analysed("b", "At least 100 miners are still missing after the Harlow mine blast, officials say.",
                 "Police fired tear gas at protesters in Lyra on Wednesday.",
                 "The prime minister was booed by a crowd when he visited Harlow on Wednesday."),
        analysed("c", "Some 190 workers are still unaccounted for at the Harlow mine.",
                 "Protesters marched through Lyra against the owners of the mine on Wednesday."),
    ]
    syn = claims.synthesise(items, [], [], Settings(summary_points=3))
    assert any("274" in t for t in texts_of(syn.summary)), texts_of(syn.summary)


@pytest.mark.slow
def test_a_number_in_a_name_is_no_year_of_history():
    items = [
        analysed("a", "Velair Flight 1549 had just taken off from Harlow airport when it hit a flock of birds.",
                 "In 1982, another jet crashed into a bridge over the Lyra river.", published=None),
        analysed("b", "Velair Flight 1549 ditched in the Lyra river after hitting birds, officials said.",
                 "All 155 people aboard Flight 1549 survived, officials said.", published=None),
        analysed("c", "Flight 1549 ditched in the Lyra river and all 155 people aboard survived.", published=None),
    ]
    syn = claims.synthesise(items, [], [], Settings())
    assert not any("1549" in t for t in texts_of(syn.background)), texts_of(syn.background)


@pytest.mark.slow
def test_a_definite_subject_only_a_few_sources_speak_of_leans_on_the_sentence_before():
    # "guard" is in two of six sources: a reader of the page does not know which guard is meant
    items = [
        analysed("a", "Harbour beat Eastmere 98-95 in Lyra on Sunday to win the title.",
                 "Tom Velt went hard to the basket with two minutes left. The guard was fouled hard by "
                 "Sam Harlow and landed awkwardly on his left knee."),
        analysed("b", "Harbour won the title with a 98-95 victory over Eastmere in Lyra on Sunday.",
                 "The Eastmere guard Sam Harlow scored 20 points in the first half."),
        analysed("c", "Harbour beat Eastmere 98-95 on Sunday and won the title in Lyra.",
                 "Fans filled the streets of the city until dawn."),
        analysed("d", "Harbour won the title on Sunday, beating Eastmere 98-95 in Lyra.",
                 "The coach of Harbour thanked the fans after the final whistle."),
        analysed("e", "Eastmere lost 98-95 to Harbour in Lyra on Sunday, ending its season.",
                 "The arena in Lyra was sold out a month before the final."),
        analysed("f", "Harbour are champions after beating Eastmere 98-95 in Lyra on Sunday.",
                 "It was the first title for Harbour in 41 years."),
    ]
    syn = claims.synthesise(items, [], [], Settings())
    shown = texts_of(syn.summary + syn.known + syn.background)
    assert not any(t.startswith("The guard") for t in shown)
    assert all(t.startswith("Tom Velt went hard") for t in shown if "fouled hard" in t)


@pytest.mark.slow
def test_a_time_of_day_is_no_figure_to_dispute():
    from generator.sections.claims import discrepancies
    item = analysed("a", "A 6 p.m. curfew was imposed in Lyra after the armed standoff began at about 3 pm.")
    assert discrepancies.figures(alignment_claim(item)) == []


def alignment_claim(item):
    from generator.sections.claims import alignment
    return alignment.extract_claims(item, None)[0]
