"""Key actors: mentions, alias merging, kinds, roles and ranking.

Unit tests run the real extractor on small invented news-style snippets (one rule each);
the golden test scores build_actors on the seeds against tests/gold/seed_gold.yaml with the
project's own metric (evaluation.metrics.actors, the rules of tests/gold/README.md).
"""

from __future__ import annotations

import re
from dataclasses import asdict, replace

import pytest

from generator.models import AnalysedArticle, Article, RemovedLine
from generator.nlp.actors.mentions import extract_mentions
from generator.nlp.analyse import analyse_doc
from generator.nlp.parsed import ParsedArticle
from generator.sections.actors.aliases import _same_spelling, cluster
from generator.sections.actors.forms import Form, name_key, tidy
from generator.sections.actors.people import _glued_surname, _same_person, _surname_fits
from generator.sections.actors.build import (
    _canonical,
    _kind,
    addressed_as_person,
    incorporated,
    _shortened_after_a_place,
    build_actors,
    key_actors,
)
from generator.sections.actors.roles import (
    caption_titles,
    choose_action,
    choose_role,
    head_word,
    refine_role,
)
from generator.text.actor_kinds import is_country_name, place_kind, shares_stem
from tests.conftest import parse
from tests.paths import ROOT


def story(*texts: str, author: str | None = None):
    """build_actors over one invented article per text (paragraphs split on blank lines)."""
    items = []
    for i, text in enumerate(texts):
        article = Article(f"{i:03d}", f"t{i}.txt", tuple(text.split("\n\n")), author=author)
        items.append(AnalysedArticle(article, analyse_doc(article, parse(article.text))))
    return build_actors(items)


def by_name(actors, name: str):
    found = [a for a in actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in actors]}"
    return found[0]


# ---------------------------------------------------------------- mentions


@pytest.mark.slow
def test_mentions_carry_sentence_index_offsets_and_title_forms():
    text = "The vote was close. Finance Minister Clara Vogt said the budget would pass. Ms. Vogt added more."
    doc = parse(text)
    article = Article("000", "t.txt", (text,))
    mentions = extract_mentions(ParsedArticle.of(article, doc))
    vogt = [m for m in mentions if "Vogt" in m.text]
    assert [m.text for m in vogt] == ["Clara Vogt", "Ms. Vogt"]
    assert [m.sentence for m in vogt] == [1, 2]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert "Finance Minister" in vogt[0].role_phrases


def mentions_of(text: str):
    """The actor mentions of one invented article (paragraphs split on blank lines)."""
    return extract_mentions(ParsedArticle.of(Article("000", "t.txt", tuple(text.split("\n\n"))), parse(text)))


@pytest.mark.slow
def test_names_in_a_headline_left_in_the_text_are_left_to_the_prose():
    text = ("Velder's Harbour Probe Phones Home, Signaling Successful Flyby\n\n"
            "The probe passed the planet on Tuesday, the Harbour Weather Service said.\n\n"
            "Bank Of Examplia said on Monday that it would close its branches in Harlow.")
    mentions = mentions_of(text)
    names = [m.text for m in mentions]
    assert not any(m.start < text.index("\n") for m in mentions)
    assert "Harbour Weather Service" in names
    assert any("Bank Of Examplia" in n for n in names)  # a name's own small word makes no headline


@pytest.mark.slow
@pytest.mark.parametrize(("text", "whole", "part"), [
    # cut at "for the": "[UN Office] for the [Coordination of Humanitarian Affairs]"
    ("The storm flooded the valley on Sunday.\n\nThe UN Office for the Coordination of Humanitarian Affairs said "
     "on Monday that initial reports indicate loss of life.",
     "Office for the Coordination of Humanitarian Affairs", "UN Office"),
    # cut at "and": "[International Federation of Red Cross] and [Red Crescent Societies]"
    ("Tamer Velt, the chairman of an International Federation of Red Cross and Red Crescent Societies "
     "mission, predicted a huge death toll in Lyrabay.",
     "Federation of Red Cross and Red Crescent Societies", "Red Crescent Societies"),
])
def test_a_bodys_name_the_tagger_cut_in_two_is_one_name(text, whole, part):
    names = [m.text for m in mentions_of(text)]
    assert any(n.endswith(whole) for n in names), names
    assert part not in names


@pytest.mark.slow
def test_a_bodys_description_followed_by_its_name_is_not_a_second_body():
    named = [m.text for m in mentions_of("Valdonia’s medicines regulator, the Velt Drug Board (VDB), says the jab is safe.")]
    assert "Valdonia’s medicines regulator" not in named
    alone = [m.text for m in mentions_of("Valdonia’s medicines regulator said on Monday that the jab is safe.")]
    assert "Valdonia’s medicines regulator" in alone


@pytest.mark.slow
def test_a_persons_name_written_with_a_space_more_is_one_person():
    actors = story("Opposition leader Tomas Harlanoglu conceded defeat on Sunday.\n\nHarlanoglu said the vote was unfair.",
                   "Opposition candidate Tomas Harlan Oglu conceded defeat on Sunday, officials said.")
    people = [a for a in actors if "Harlan" in a.name]
    assert len(people) == 1 and set(people[0].sources) == {"000", "001"}, [(a.name, a.sources) for a in people]


@pytest.mark.slow
def test_a_short_form_of_a_first_name_and_an_initialism_beginning_one_name_merge():
    actors = story("Chairman Eddie Velder stepped down on Monday as the retailer filed for bankruptcy.",
                   "Edward Velder, the retailer's chairman, stepped down on Monday, the company said.\n\n"
                   "HXL Investments, his hedge fund, holds much of the debt. HXL said it would bid for the stores.")
    velders = [a for a in actors if "Velder" in a.name]
    assert len(velders) == 1, [a.name for a in velders]
    hxl = [a for a in actors if "HXL" in a.name or "HXL" in " ".join(a.aliases)]
    assert len(hxl) <= 1, [a.name for a in hxl]
    hospital = story("The singer was rushed to the HXL Medical Center on Thursday afternoon, where he was pronounced dead.",
                     "Hundreds of fans gathered outside HXL on Thursday night.\n\nAn HXL spokesman said doctors had "
                     "tried to revive him.",
                     "Doctors at HXL worked for an hour to revive the singer, HXL said.")
    assert not any("Medical Center" in " ".join((a.name, *a.aliases)) and a.standing == "actor" for a in hospital)


@pytest.mark.slow
def test_a_bodys_short_name_set_beside_it_after_or_is_an_alias():
    actors = story("The International Criminal Police Organization, or Harpol, said it was checking the stolen passports. "
                   "Harpol said no one had checked its database.")
    bodies = [a for a in actors if "Harpol" in a.name or "Harpol" in " ".join(a.aliases)]
    assert len(bodies) == 1 and bodies[0].name == "International Criminal Police Organization", [a.name for a in bodies]


@pytest.mark.slow
def test_a_bodys_short_name_in_its_own_language_glossed_in_brackets_is_an_alias():
    actors = story("Velora's Disaster and Emergency Management Authority (KADU) said 900 buildings had collapsed.",
                   "KADU said rescue teams were searching the rubble in six provinces.")
    bodies = [a for a in actors if "KADU" in a.name or "KADU" in " ".join(a.aliases)]
    assert len(bodies) == 1 and "Disaster and Emergency Management Authority" in (bodies[0].name, *bodies[0].aliases), \
        [(a.name, a.aliases) for a in actors]


@pytest.mark.slow
def test_a_description_taken_for_a_name_is_the_body_it_describes():
    actors = story("The Examplian space agency ONES built a seismometer that will listen for quakes on the planet.")
    rows = [a.name for a in actors if a.standing == "actor"]
    assert "ONES" in rows and not any("agency" in n for n in rows), rows


@pytest.mark.slow
def test_nationality_adjective_alone_is_no_actor():
    actors = story("Brazilian officials said the Brazilian economy grew, and Brazilian exports rose.")
    assert not [a for a in actors if a.name.startswith("Brazilian") and len(a.name.split()) == 1]


@pytest.mark.slow
def test_author_and_page_widgets_are_not_actors():
    actors = story("Share this article\n\nCopy Link\n\nGetty Images\n\n"
                   "Maria Lopez reported that Peru's Congress voted on Tuesday. Peru's Congress met again.",
                   author="Maria Lopez")
    names = {a.name for a in actors}
    assert not {"Maria Lopez", "Copy Link", "Getty Images"} & names
    assert "Peru's Congress" in names


# ---------------------------------------------------------------- aliases


@pytest.mark.slow
def test_surname_and_honorific_forms_merge_into_the_full_name():
    vogt = by_name(story("Finance Minister Clara Vogt said on Monday that the budget would pass. "
                         "Ms. Vogt added that talks continue."), "Clara Vogt")
    assert vogt.kind == "person" and vogt.mentions == 2
    assert {"Vogt", "Ms. Vogt"} <= set(vogt.aliases)


@pytest.mark.slow
def test_country_possessive_and_adjective_name_one_institution_but_not_anothers():
    actors = story("Norway's Health Ministry announced new rules on Friday.",
                   "The Norwegian Health Ministry said the rules start in May. "
                   "Sweden's Health Ministry declined to comment.")
    norway = by_name(actors, "Norwegian Health Ministry")
    assert norway.kind == "organization" and norway.sources == ("000", "001")
    assert "Norway's Health Ministry" in norway.aliases
    assert by_name(actors, "Sweden's Health Ministry").sources == ("001",)


@pytest.mark.slow
def test_initialisms_merge_with_the_name_they_abbreviate():
    uk = by_name(story("The United Kingdom signed the deal. Officials in the U.K. welcomed it.",
                       "The UK will review the deal next year."), "United Kingdom")
    assert uk.kind == "country" and {"U.K.", "UK"} <= set(uk.aliases) and uk.sources == ("000", "001")


@pytest.mark.slow
def test_bracketed_abbreviation_is_an_alias_of_the_name_before_it():
    faa = by_name(story("The Federal Aviation Administration (FAA) grounded the jets. "
                        "The FAA said inspections would take weeks."), "Federal Aviation Administration")
    assert faa.aliases == ("FAA",) and faa.mentions == 3


@pytest.mark.slow
def test_abbreviation_of_the_name_in_its_own_language_is_an_alias_too():
    actors = story("The centre-left Social Democrats (SPD) party came third. "
                   "The SPD had led the outgoing government since 2021.")
    spd = by_name(actors, "Social Democrats")
    assert "SPD" in spd.aliases and not any(a.name == "SPD" for a in actors)


@pytest.mark.slow
def test_a_word_capitalised_only_as_a_sentence_opener_is_no_person():
    actors = story("Turnout was 83 percent, the highest since 1990. Voters backed the CDU.",
                   "Hurts threw for 221 yards. The MVP award went to Jalen Hurts.")
    names = {a.name for a in actors}
    assert "Turnout" not in names and "Jalen Hurts" in names


@pytest.mark.slow
def test_a_share_ticker_is_no_actor_and_a_name_begun_is_the_name():
    actors = story("Velcor Mobil (NYSE:VXM) agreed to buy Ridgeway Natural Resources (NYSE:RNR) on Wednesday.",
                   "Ridgeway Natural has been buying smaller rivals. Ridgeway is the basin's largest operator.",
                   "Velcor Mobil said Ridgeway Natural Resources would add output. Velcor (Nasdaq: VXM) fell 2%.")
    names = {a.name for a in actors}
    assert not names & {"NYSE", "NYSE:RNR", "VXM", "Nasdaq"}
    ridgeway = [a for a in actors if "Ridgeway" in a.name]
    assert len(ridgeway) == 1 and {"Ridgeway Natural", "Ridgeway Natural Resources"} <= {ridgeway[0].name, *ridgeway[0].aliases}


@pytest.mark.slow
def test_a_person_and_company_is_the_person_but_a_firm_keeps_its_ampersand():
    actors = story("The Eagles quelled Patrick Mahomes & Co.'s quest for a third title. "
                   "Patrick Mahomes threw two interceptions. JPMorgan Chase & Co. said profits rose.")
    assert {(a.name, a.kind) for a in actors} == {("Patrick Mahomes", "person"), ("JPMorgan Chase & Co", "organization")}


@pytest.mark.slow
def test_a_birth_name_is_no_second_person():
    actors = story("Rina Velt died on Wednesday in Kessel. Her real name was Anna Mae Vollard, and she was born in Nutbrook.",
                   "Velt, born Anna Mae Vollard in 1939, sold 100 million records. Rina Velt toured until 2009.")
    assert [a.name for a in key_actors(actors)] == ["Rina Velt"]


@pytest.mark.slow
def test_a_title_the_recogniser_took_into_the_name_ends_the_role_and_a_feast_is_no_actor():
    actors = story("Velmark Chief Constable Ian Hollins said the attacker died. A new leader is due by Easter.",
                   "Ian Hollins said police raided two houses before Easter. Easter fell late that year.")
    assert [(a.name, a.role) for a in key_actors(actors)] == [("Ian Hollins", "Velmark Chief Constable")]


@pytest.mark.slow
def test_a_photographer_credited_with_an_agency_is_no_actor():
    actors = story("Velmart filed for bankruptcy on Monday.\n\nShoppers leave a Velmart store in Eastmere. Brendan Hollis/Getty",
                   "Velmart said stores would stay open.\n\nA Velmart store in Westmere. Brendan Hollis/Getty Images")
    assert not [a.name for a in actors if "Hollis" in a.name]


@pytest.mark.slow
def test_a_portfolio_before_a_name_a_bridge_and_a_persons_charity():
    actors = story("Minister for Communications Mira Velt said the outage was unacceptable. The Kessel Bridge collapsed.",
                   "Mira Velt ordered a review. Ivo Brannic said he had lost. The Ivo Brannic Foundation gave food. "
                   "The Kessel Bridge was built in 1967. The head of Bank of Velora Corp spoke.")
    got = {(a.name, a.role) for a in key_actors(actors)}
    assert ("Mira Velt", "Minister for Communications") in got
    assert "Kessel Bridge" not in {a.name for a in key_actors(actors)}
    from generator.sections.actors.standing import Evidence, standing
    assert standing("Martin Place", "person", [], False, Evidence(mentions=7, acts=1), 4, frozenset()) == "thing"
    brannic = by_name(actors, "Ivo Brannic")
    assert "Ivo Brannic Foundation" not in brannic.aliases


@pytest.mark.slow
def test_x_led_government_belongs_to_x():
    actors = story("The Hamas-led government rejected the offer on Monday. Hamas negotiators left Cairo.")
    hamas = by_name(actors, "Hamas")
    assert "Hamas-led government" in hamas.aliases


@pytest.mark.slow
def test_metonym_kept_apart_from_its_country_and_city_kind_from_context():
    actors = story("The White House said the United States would respond. The United States sanctioned the firm.",
                   "Protesters gathered in Lyon, France, on Sunday. Lyon police made arrests.")
    assert by_name(actors, "White House").kind == "organization"
    assert by_name(actors, "United States").kind == "country"
    assert by_name(actors, "Lyon").kind == "city"


@pytest.mark.slow
def test_bloc_nouns_merge_into_one_group():
    actors = story("Officials said Western governments condemned the coup, while Western nations froze aid.")
    west = by_name(actors, "Western governments")
    assert west.kind == "group" and west.aliases == ("Western nations",)


@pytest.mark.parametrize("a, b", [
    ("Amirali Rostami", "Amir Ali Rostamy"),  # dropped space and a letter (transliteration)
    ("Matthew Corrigan", "Mathew Corrigan"),
    ("K. Lindqvist", "Jonas Lindqvist"),  # initial garbled by the scrape
    ("Jonas Lindqvistsaid", "Jonas Lindqvist"),  # the next word glued on
    ("Mika Hakinenthe", "Mika Häkkinen"),  # a letter lost and a word glued on
    ("Amir Ali", "Amir Ali Rostami"),
])
def test_spellings_of_one_person_merge(a, b):
    assert _same_person(a, b)


@pytest.mark.parametrize("a, b", [("Clara Vogt", "Hanna Vogt"), ("Lee Min Ho", "Lee Min Su"),
                                  ("Pavel Orlov", "Pavel Orlovsky")])
def test_different_people_stay_apart(a, b):
    assert not _same_person(a, b)


def test_lone_surnames_attach_through_misspellings_and_glued_words():
    assert _surname_fits("Hakinen", "Mika Häkkinen")
    assert _surname_fits("Lindqvistdelivered", "Jonas Lindqvist")
    assert not _surname_fits("Vogt", "Clara Vogtmann")
    assert not _glued_surname("ho", "su")


def test_place_spellings_merge_word_by_word_but_never_two_countries():
    assert _same_spelling("tarablus port authority", "tarabulus port authority")
    assert not _same_spelling("austrian foreign ministry", "australian foreign ministry")
    assert not _same_spelling("polish foreign ministry", "portuguese foreign ministry")


def test_names_compare_without_dots_accents_or_the_sentence_full_stop():
    assert name_key("U.K.") == name_key("UK") == name_key("U.K")
    assert name_key("U.K. Met Office") == name_key("UK Met Office")
    assert tidy("FLN-K.") == "FLN-K" and tidy("U.K.") == "U.K."
    assert tidy("Jane] Velt") == tidy("[Jane] Velt") == "Jane Velt"  # an editor's brackets inside a quotation


# ---------------------------------------------------------------- kinds


def test_country_knowledge_comes_from_cldr_and_demonyms():
    assert is_country_name("Kyrgyzstan") and is_country_name("the Central African Republic")
    assert is_country_name("U.K.") and not is_country_name("VC")  # "Vatican City" is never "VC"
    assert is_country_name("USA") and is_country_name("U.S.A.") and not is_country_name("NBA")  # a long form CLDR lacks
    assert not is_country_name("Lyon")
    assert shares_stem("Norwegian", "Norway") and shares_stem("Kazakh", "Kazakhstan")
    assert not shares_stem("Austrian", "Australia")
    assert place_kind("Ruritania", ["Ruritanian"], city_evidence=False) == "country"
    assert place_kind("Federal Republic of Zenda", [], city_evidence=False) == "country"
    assert place_kind("Zenda", [], city_evidence=False) == "city"


@pytest.mark.slow
def test_organisation_described_as_a_group_is_a_group():
    tigers = by_name(story("On Monday, the Tamil Tigers, a separatist militant group, attacked a base. "
                           "The Tamil Tigers later withdrew."), "Tamil Tigers")
    assert tigers.kind == "group" and tigers.role == "separatist militant group"


# ---------------------------------------------------------------- roles


@pytest.mark.slow
def test_photo_caption_refines_or_supplies_a_persons_title_but_is_no_mention():
    body = "Foreign Minister Ines Vidal said the talks would go on. Vidal flew home on Monday."
    caption = RemovedLine("FILE - Chilean Foreign Minister Ines Vidal speaks beside Police Chief Tom Roe.", "photo caption")
    article = Article("000", "t.txt", (body,), removed=(caption,))
    analysis = analyse_doc(article, parse(body))
    actors = build_actors([AnalysedArticle(article, analysis)])
    bare = by_name(build_actors([AnalysedArticle(replace(article, removed=()), analysis)]), "Ines Vidal")
    vidal = by_name(actors, "Ines Vidal")
    assert bare.role == "Foreign Minister"
    assert vidal.role == "Chilean Foreign Minister" and vidal.role_sources == ("000",)
    assert vidal.mentions == bare.mentions and "Tom Roe" not in {a.name for a in actors}


def test_caption_titles_and_their_use():
    assert caption_titles("Special Envoy to Chile, Mr. Tom Roe. Photo: Agency", ["Tom Roe"]) == ["Special Envoy to Chile"]
    assert caption_titles("Jane Doe, the bank's chief economist, speaks in Oslo.", ["Jane Doe"]) == [
        "bank's chief economist"]
    assert caption_titles("Jane Doe and Tom Roe wave from a boat.", ["Tom Roe"]) == []
    assert refine_role("minister", ("001",), [("000", "finance minister")]) == ("finance minister", ("000", "001"))
    assert refine_role("mayor", ("001",), [("000", "finance minister")]) == ("mayor", ("001",))
    assert refine_role(None, (), [("000", "finance minister")]) == ("finance minister", ("000",))


@pytest.mark.slow
def test_person_described_by_the_next_sentences_pronoun_but_never_by_what_she_did():
    nurse = by_name(story("Maria Lopez wept as neighbours carried chairs from the ruins. "
                          "She is a nurse at the village clinic."), "Maria Lopez")
    assert nurse.role == "nurse at the village clinic"
    maria = by_name(story("Maria Lopez wept as neighbours carried chairs from the ruins. "
                          "She had lost her two sons and a niece aged 4 to 11 when the wall collapsed."), "Maria Lopez")
    assert maria.role is None and maria.standing == "actor"  # what she did tells she is in the story
    two = story("Maria Lopez wept as Tom Roe carried chairs from the ruins. She is a nurse.")
    assert by_name(two, "Maria Lopez").role is None


@pytest.mark.slow
def test_quoted_opinion_is_no_role_but_a_quoted_title_is():
    assert by_name(story('"Jane Doe is a disgrace to the council," said Tom Roe.'), "Jane Doe").role is None
    thanked = by_name(story('"I thank our finance director Jane Doe for her work," said Tom Roe.'), "Jane Doe")
    assert thanked.role == "finance director"


@pytest.mark.slow
@pytest.mark.parametrize("text, name, role", [
    ("Tomas Reyes, the mayor of Valdora, said the bridge would reopen.", "Tomas Reyes", "mayor of Valdora"),
    ("Norway's ambassador to Chile, Ingrid Holm, told reporters the talks had ended.", "Ingrid Holm",
     "Norway's ambassador to Chile"),
    ("Mr. Okafor, who served as Kenya's finance minister, criticised the plan.", "Okafor",
     "served as Kenya's finance minister"),
    ('"We lost everything," villager Ana Duarte, 64, told reporters.', "Ana Duarte", "villager"),
    ("Teacher Rui Mota, who lives near Braga, said he fled.", "Rui Mota", "Teacher"),
    # where the words were said is no part of the role
    ("\u201cPeople love Eastmere Foods Market because they offer the best natural and organic foods, and they make it "
     "fun to eat healthy,\u201d said Jeff Velt, Examplix founder and CEO in a statement.", "Jeff Velt",
     "Examplix founder and CEO"),
])
def test_role_from_the_articles_own_words(text, name, role):
    actor = by_name(story(text), name)
    assert actor.role == role and actor.role_sources == ("000",)


def test_role_most_sources_agree_on_in_its_most_specific_wording():
    role, sources = choose_role([
        ("000", "Chile's acting Foreign Minister", 0), ("001", "Foreign Minister", 0),
        ("002", "served as Chile's ambassador to Peru", 0), ("002", "Foreign Minister", 1)])
    assert role == "Chile's acting Foreign Minister" and sources == ("000", "001", "002")


def test_a_likeness_or_a_clause_of_what_it_can_do_is_no_role():
    assert choose_role([("000", "media group as sprawling as one of its theme parks", 0)]) == (None, ())
    assert choose_role([("000", "only carrier in the world that's able to land there", 0),
                        ("001", "state carrier", 1)]) == ("state carrier", ("001",))


def test_a_count_or_a_phrase_cut_inside_brackets_is_no_role():
    role, sources = choose_role([("000", "208 seats", 0), ("001", "SPD) party", 0), ("002", "21-year-old gunman", 1)])
    assert (role, sources) == ("21-year-old gunman", ("002",))
    assert choose_role([("000", "3.5 million votes", 0)]) == (None, ())
    assert choose_action([("000", "208 seats", 0)]) == (None, ())


def test_an_act_cut_before_its_noun_or_told_beside_another_is_no_role():
    assert choose_action([("000", "has cancelled all internal flights for the whole", 0)]) == (None, ())
    assert choose_action([("000", "has also suspended all flights from its airports", 0)]) == (None, ())
    assert choose_action([("000", "successfully flew its tiny helicopter on Lyra early", 0)]) == (None, ())
    assert choose_action([("000", "has also suspended all flights", 0), ("001", "closed its airspace", 1)]) \
        == ("closed its airspace", ("001",))


def test_the_front_of_a_longer_name_is_no_role_but_a_capitalised_office_is():
    assert choose_role([("000", "21st Century", 0), ("001", "Velmont Brothers", 0)]) == (None, ())
    assert choose_role([("000", "Chief Executive", 0)]) == ("Chief Executive", ("000",))
    assert choose_role([("000", "21-year-old gunman", 1)]) == ("21-year-old gunman", ("000",))
    # two sentences run together are no description; an abbreviation's full stop is no sentence's end
    assert choose_role([("000", "President Jane Roe. Examplian President", 0)]) == (None, ())
    assert choose_role([("000", "Lt. Gov. of Examplia", 0)]) == ("Lt. Gov. of Examplia", ("000",))
    assert choose_role([("000", "Shares of", 0), ("001", "John Arthur, whose", 1)]) == (None, ())  # cut short
    assert choose_role([("000", "-5.57% on the strip", 0), ("001", "VLM: -5.57%", 0)]) == (None, ())  # market data
    assert choose_role([("000", "intentionally murdering girlfriend", 0)]) == (None, ())  # an act
    assert choose_role([("000", "newly elected president", 0)])[0] == "newly elected president"


def test_present_office_beats_a_past_one_and_heads_are_nouns():
    role, _ = choose_role([("000", "served as ambassador to Peru", 0), ("000", "special envoy for Peru", 1)])
    assert role == "special envoy for Peru"
    assert head_word("Norway's ambassador to Chile") == "ambassador"
    # one source's "former" over another's bare office: nobody calls a holder former
    assert choose_role([("000", "President", 1), ("001", "Former President", 1)])[0] == "Former President"
    assert head_word("Teacher, who lives near Braga") == "teacher"
    assert head_word("low-cost carrier owned by Lufthansa") == "carrier"  # a participle after the noun
    assert head_word("professor emeritus at the university") == "emeritus"  # its own "s", no plural


@pytest.mark.slow
def test_organisation_role_from_its_clause_but_not_from_a_denied_one():
    actors = story("The Ruritanian Central Bank raised interest rates on Tuesday. "
                   "The Ruritanian Central Bank expects inflation to fall.",
                   "No Western governments have accepted the junta, and Western governments recalled envoys.")
    bank = by_name(actors, "Ruritanian Central Bank")
    assert bank.role == "raised interest rates"
    assert by_name(actors, "Western governments").role == "recalled envoys"


# ---------------------------------------------------------------- ranking


@pytest.mark.slow
def test_ranked_by_sources_then_mentions_and_deterministic():
    texts = ("Chile and Peru signed the pact. Peru hailed it. Peru's president spoke.",
             "Chile ratified the pact on Friday.", "Bolivia stayed out, Chile said.")
    first, second = story(*texts), story(*texts)
    assert first == second
    assert [a.name for a in first[:2]] == ["Chile", "Peru"]
    keys = [(-len(a.sources), -a.mentions, a.name) for a in first]
    assert keys == sorted(keys)


@pytest.mark.slow
def test_passing_place_is_dropped_but_a_named_person_is_kept():
    names = {a.name for a in story("Tremors were felt as far as Zenda. Lena Ortiz said her house shook.")}
    assert "Lena Ortiz" in names and "Zenda" not in names


# ---------------------------------------------------------------- which names get a row


@pytest.mark.slow
def test_places_outlets_and_things_get_no_row_but_the_people_and_bodies_acting_do():
    actors = story("LIMA (AP) — A strong earthquake struck Peru on Friday, killing 40 people in Arequipa province, "
                   "the Interior Ministry said. Peru declared three days of national mourning. "
                   '"We lost everything," villager Ana Duarte told Reuters.',
                   "The quake hit Arequipa and Cusco hardest. President Dina Boluarte visited Arequipa on Saturday. "
                   "The cargo ship Dali ran aground near Callao, and an Airbus carrying aid landed in Lima.")
    assert {a.name for a in key_actors(actors)} == {"Peru", "Interior Ministry", "Ana Duarte", "Dina Boluarte"}
    standing = {a.name: a.standing for a in actors}
    assert standing["AP"] == standing["Reuters"] == "outlet"
    assert standing["Airbus"] == standing["Dali"] == "thing" and standing["LIMA"] == "place"
    assert by_name(actors, "Peru").role == "declared three days of national mourning"


@pytest.mark.slow
def test_an_outlets_own_reporter_gets_no_row():
    actors = story("Crowds cheered in the square, NPR reported. NPR's Christopher Joyce says the deal is weak.")
    assert by_name(actors, "Christopher Joyce").standing == "outlet" and not key_actors(actors)


@pytest.mark.slow
def test_a_person_is_never_described_by_what_she_did():
    actors = story("Maria Lopez told reporters the plant would close. Maria Lopez lost her job in May.")
    assert by_name(actors, "Maria Lopez").role is None


@pytest.mark.slow
def test_a_first_name_alone_joins_the_one_person_it_names_or_gets_no_row():
    one = story("Steve Jobs died on Wednesday. Steve was 56, his family said. Apple said Steve had been ill.")
    assert by_name(one, "Steve Jobs").aliases == ("Jobs", "Steve") and len(one) == 2
    # the article names two Steves as often: "Steve" is neither, and is shown nowhere
    two = story("Steve Jobs founded Apple with Steve Wozniak. Steve Wozniak said Jobs was a friend. "
                "Tributes to Steve poured in.")
    assert by_name(two, "Steve").standing == "ambiguous"
    assert {a.name for a in key_actors(two)} == {"Steve Jobs", "Steve Wozniak"}
    # an article about one of them: it is named three times as often as the other
    main = story("Steve Jobs died on Wednesday. Steve was 56, his family said. Jobs founded Apple. "
                 "Jobs led it for years. Steve Wozniak said Steve was a friend.")
    assert "Steve" in by_name(main, "Steve Jobs").aliases


def test_a_first_name_with_two_letters_typed_in_each_others_place_is_the_same_person():
    assert _same_person("Horan Velt", "Haron Velt")
    assert not _same_person("Dean Velt", "Dane Velt") and not _same_person("Ann Velt", "Ana Velt")


@pytest.mark.slow
def test_short_swapped_and_suffixed_forms_of_one_name_merge():
    actors = story("Ben Crump said the verdict was just. Benjamin Crump, the family lawyer, spoke later. "
                   "Zhao Changpeng, the chief executive, said the deal was off. Changpeng Zhao later resigned.",
                   "John J. Ray III was named chief executive. Ray said the firm had failed.")
    crump = by_name(actors, "Benjamin Crump")  # the fuller first name, the forms being as common
    assert crump.role == "family lawyer" and "Ben Crump" in crump.aliases
    assert "Zhao Changpeng" in by_name(actors, "Changpeng Zhao").aliases
    assert by_name(actors, "John J. Ray III").aliases == ("Ray",)


def test_person_name_rules_for_short_swapped_suffixed_and_place_names():
    assert _same_person("Ben Crump", "Benjamin Crump") and _same_person("Zhao Changpeng", "Changpeng Zhao")
    assert not _same_person("Jo Crump", "Joanna Crump")  # too short a start to tell
    assert _same_person("Dave Brannon", "David Brannon") and _same_person("Bill Velt", "William Velt")
    assert not _same_person("Dave Brannon", "Daniel Brannon")
    assert _same_person("Bernie Velt", "Bernard Velt") and _same_person("Freddie Velt", "Frederick Velt")  # pet forms
    assert not _same_person("Amy Velt", "Amelia Velt") and not _same_person("Bernie Velt", "Benedict Velt")
    assert not _same_person("Ivo Brannic", "Ivo Brannic Foundation")  # his charity
    assert not _same_person("Maria Lopez Square", "Maria Lopez")  # a place named after her
    assert _surname_fits("Ray", "John J. Ray III") and _same_person("John J. RayIII", "John J. Ray III")


def test_a_first_name_tagged_an_organisation_is_no_persons():
    """ "the Vikram lander", named after Vikram Sarabhai: a thing named after a person."""
    forms = _forms(("Vikram Sarabhai", "PERSON"), ("Vikram", "ORG"), ("Vikram", "ORG"))
    assert len(cluster(forms, [], ["x" * 80] * 3)) == 2


def test_an_initialism_may_keep_the_particles_letter():
    forms = _forms(("Bank of Velora", "ORG"), ("BOV", "ORG"), ("Velora Trust", "ORG"))
    groups = sorted(sorted(f.core for f in g) for g in cluster(forms, [], ["x"] * 3))
    assert ["BOV", "Bank of Velora"] in groups


def test_a_clipped_compound_is_the_body_whose_words_its_parts_start():
    forms = _forms(("Constitutional Court", "ORG"), ("ConCourt", "ORG"), ("Velora Court Service", "ORG"),
                   ("Concord Council", "ORG"))
    groups = sorted(sorted(f.core for f in g) for g in cluster(forms, [], ["x"] * 4))
    assert ["ConCourt", "Constitutional Court"] in groups and ["Concord Council"] in groups
    # the head word alone is the body of that head named in far more articles ("the Court")
    court = [Form(i, f"{a:03d}", a, core, core, "ORG", 0, 1) for i, (core, a) in enumerate(
        [("Velora Supreme Court", 0), ("Velora Supreme Court", 1), ("Velora Supreme Court", 2), ("High Court", 3),
         ("Court", 1), ("Lyra Party", 0), ("Harlow Party", 1), ("Party", 2)])]
    groups = sorted(sorted(set(f.core for f in g)) for g in cluster(court, [], ["x"] * 4))
    assert ["Court", "Velora Supreme Court"] in groups and ["Party"] in groups  # two parties alike: which one?
    # the Bank of Velora is as much "the Bank" as the Lyra Central Bank: a name's head word
    assert (head_word("Bank of Velora"), head_word("Lyra Central Bank"), head_word("Velora Supreme Court")) \
        == ("bank", "bank", "court")


def test_a_full_name_tagged_an_organisation_is_the_person_its_surname_names():
    forms = _forms(("Tomas Reyes", "ORG"), ("Reyes", "PERSON"), ("Federal Reserve System", "ORG"))
    groups = sorted(sorted(f.core for f in g) for g in cluster(forms, [], ["x"] * 3))
    assert groups == [["Federal Reserve System"], ["Reyes", "Tomas Reyes"]]


@pytest.mark.slow
def test_the_story_shows_only_its_actors_and_hubs_follow(seed_story):
    from generator.stories.hubs import actor_hubs

    assert seed_story.actors and all(a.standing == "actor" for a in seed_story.actors)
    assert not {a.kind for a in seed_story.actors} & {"city", "region"}
    hub_names = {h.name for h in actor_hubs([seed_story])}
    assert hub_names <= {a.name for a in seed_story.actors}


# ---------------------------------------------------------------- places spaCy misses, and their kinds


@pytest.mark.slow
def test_landform_name_is_a_place_and_its_shorter_form_merges():
    actors = story("Rescuers reached villages in the Blue Ridge Mountains on Monday.",
                   "Aid reached Ridge Mountain towns on Tuesday.")
    ridge = by_name(actors, "Blue Ridge Mountains")
    assert ridge.kind == "region" and ridge.aliases == ("Ridge Mountain",) and ridge.sources == ("000", "001")


@pytest.mark.slow
def test_name_before_an_administrative_noun_is_a_region_found_where_untagged():
    actors = story("Most of the deaths were recorded in Oran province.",
                   "Karim Saadi, a teacher who lives near Oran, said he fled.")
    oran = by_name(actors, "Oran")
    assert oran.kind == "region" and oran.sources == ("000", "001") and oran.aliases == ("Oran province",)


@pytest.mark.slow
def test_names_listed_after_a_plural_place_noun_are_places():
    actors = story("Tremors were felt in the coastal towns of Lyra, Tizane and Marvel.",
                   "Shops closed in several towns of the region, including Tizane, Marvel and Lyra.")
    assert by_name(actors, "Lyra").kind == "city"
    assert all(a.kind == "city" for a in actors if a.name in {"Tizane", "Marvel"})


@pytest.mark.slow
def test_a_name_placed_by_a_direction_a_distance_or_a_coast_is_a_place():
    actors = story("The storm came ashore east-northeast of Lyrabay on Friday. Rockmere, 30 miles outside of "
                   "Lyrabay, was hit hardest. Winds reached Lyrabay by night.",
                   "The town lies north of Lyrabay. A ferry sank off Tizane Island. Divers searched the coast "
                   "of Tizane Island.")
    assert all(a.kind in {"city", "region", "country"} or a.standing != "actor"
               for a in actors if a.name in {"Lyrabay", "Tizane Island"})
    assert "Lyrabay" not in [a.name for a in key_actors(actors)]


def test_a_name_the_story_twice_calls_a_city_is_a_place_however_often_it_stands_alone():
    texts = ["Floods hit the coastal city of Lyrabay. Lyrabay residents fled. Lyrabay, a port, was cut off.",
             "Roads into the city of Lyrabay were gone and Lyrabay hospitals filled."]
    group = [Form(i, f"{a:03d}", a, "Lyrabay", "Lyrabay", "ORG", m.start(), m.end())
             for i, (a, m) in enumerate((a, m) for a, t in enumerate(texts) for m in re.finditer("Lyrabay", t))]
    assert _kind("Lyrabay", "ORG", group, [], {}, texts, {"lyrabay"}) == "city"
    once = [texts[0].replace("the coastal city of Lyrabay", "Lyrabay"), texts[1]]
    group = [Form(i, f"{a:03d}", a, "Lyrabay", "Lyrabay", "ORG", m.start(), m.end())
             for i, (a, m) in enumerate((a, m) for a, t in enumerate(once) for m in re.finditer("Lyrabay", t))]
    assert _kind("Lyrabay", "ORG", group, [], {}, once, {"lyrabay"}) == "organization"


def test_area_written_shortened_after_a_town_and_a_comma_is_a_region():
    texts = ["The bank's Lyra, Vald. offices were closed.", "It had branches in Chile."]
    assert _shortened_after_a_place("Valdonia", texts, {"lyra", "valdonia"})
    assert not _shortened_after_a_place("Lyra", texts, {"lyra", "valdonia"})
    assert not _shortened_after_a_place("Valdonia", ["Jane Roe, Vald. native, spoke."], {"lyra"})
    assert not _shortened_after_a_place("Marvel", ["the towns of Lyra, Marvel and Tizane"], {"lyra"})  # a list


@pytest.mark.slow
def test_headquarters_names_its_organisation_and_a_medium_is_no_actor():
    names = {a.name for a in story("Delegates met at Interpol Headquarters in Lyon on Monday.")}
    assert "Interpol" in names and "Interpol Headquarters" not in names
    assert not story("The aide wrote on Facebook that the vote was rigged.")


@pytest.mark.slow
def test_institution_noun_must_head_its_phrase():
    names = {a.name for a in story("The shift was driven by Norway's military operation in the north.")}
    assert names == {"Norway"}


def _forms(*specs: tuple[str, str]) -> list[Form]:
    return [Form(i, f"{i:03d}", i, text, text, label, 0, len(text)) for i, (text, label) in enumerate(specs)]


def test_members_of_an_organisation_and_its_descriptive_name_join_it():
    forms = _forms(("NTCO", "ORG"), ("Northern Trade Alliance", "ORG"), ("NTCO Allies", "ORG"),
                   ("Southern Ports Authority", "ORG"))
    groups = cluster(forms, [], ["x"] * len(forms))
    assert sorted(sorted(f.core for f in g) for g in groups) == [
        ["NTCO", "NTCO Allies", "Northern Trade Alliance"], ["Southern Ports Authority"]]


def test_descriptive_name_needs_exactly_one_abbreviation_to_fit():
    forms = _forms(("NTCO", "ORG"), ("NTPA", "ORG"), ("Northern Trade Alliance", "ORG"))
    assert len(cluster(forms, [], ["x"] * 3)) == 3


def test_a_short_name_opening_a_bodys_name_is_never_a_persons_initials():
    # "VSL" is "VSL Investments Inc", the fund of Victor S. Lorne: two actors, however the letters fit
    forms = _forms(("Victor S. Lorne", "PERSON"), ("VSL", "ORG"), ("VSL Investments Inc", "ORG"), ("Lorne", "PERSON"))
    groups = cluster(forms, [], ["x"] * len(forms))
    assert sorted(sorted(f.core for f in g) for g in groups) == [["Lorne", "Victor S. Lorne"], ["VSL", "VSL Investments Inc"]]


def test_a_countrys_body_told_by_description_is_the_body_named_after_the_country():
    forms = _forms(("Bank of Velora", "ORG"), ("Velora's central bank", "ORG"), ("Velora", "GPE"),
                   ("Velora's finance ministry", "ORG"), ("Velora Ministry of Defence", "ORG"), ("Harbour Bank", "ORG"))
    groups = cluster(forms, ["Velora"], ["x"] * len(forms))
    assert sorted(sorted(f.core for f in g) for g in groups) == [
        ["Bank of Velora", "Velora's central bank"], ["Harbour Bank"], ["Velora"], ["Velora Ministry of Defence"],
        ["Velora's finance ministry"]]


def test_display_name_is_not_a_form_glued_to_a_word_nor_one_cut_mid_word():
    people = _forms(("Jonas Lindqvistdelivered", "PERSON"), ("Jonas Lindqvist", "PERSON"))
    assert _canonical(people, []) == "Jonas Lindqvist"
    cut = _forms(("Valdoni", "GPE"), ("Valdonia", "GPE"))
    assert _canonical(cut, []) == "Valdonia"
    # initials and a surname name the person better than the surname alone, however often it is written
    initials = _forms(("Wilson", "PERSON"), ("Wilson", "PERSON"), ("D.L. Wilson", "PERSON"))
    assert _canonical(initials, []) == "D.L. Wilson"


def test_an_institution_is_qualified_by_its_country_not_by_a_common_noun():
    # "citing the Kingdom's Interior Ministry": the tagger may list "Kingdom" among the places
    ministry = _forms(("Interior Ministry", "ORG"), ("Interior Ministry", "ORG"), ("Kingdom's Interior Ministry", "ORG"))
    assert _canonical(ministry, ["Kingdom", "Valdonia"]) == "Interior Ministry"
    court = _forms(("Supreme Court", "ORG"), ("Supreme Court", "ORG"), ("Valdonia's Supreme Court", "ORG"))
    assert _canonical(court, ["Kingdom", "Valdonia"]) == "Valdonia's Supreme Court"


@pytest.mark.slow
def test_a_name_cut_where_the_scraped_page_ends_is_no_alias():
    actors = story("Mayor Miguel Santoro said the power would be back within weeks. Santoro toured the port.",
                   "The storm knocked out power across the island, and the speaker of the house, Miguel Santo")
    santoro = by_name(actors, "Miguel Santoro")
    assert "Santo" not in santoro.aliases and "Miguel Santo" not in santoro.aliases


def test_transliterated_place_spellings_merge():
    assert _same_spelling("al-ouazir", "al-wazir") and _same_spelling("qasr", "kasr")
    assert not _same_spelling("hama", "homa")


# ---------------------------------------------------------------- quality floor (seeds vs gold)


@pytest.fixture(scope="module")
def seed_actor_figures(gold, analysed_seeds):
    from evaluation import metrics
    from evaluation.report import gold_body_text
    from evaluation.run import load_raw_texts

    actors = build_actors(analysed_seeds)
    exported = {"actors": [asdict(a) for a in actors]}
    section = metrics.actors(gold, exported, gold_body_text(gold, load_raw_texts(gold, ROOT)))
    return actors, section


@pytest.mark.slow
def test_seed_actors_meet_the_quality_floors(seed_actor_figures):
    _, section = seed_actor_figures
    fig, details = section["figures"], section["details"]
    assert fig["recall"]["value"] >= 0.95, details["missed"]
    assert fig["precision"]["value"] >= 0.9, details["not_gold"]
    assert fig["splits"]["value"] == 0, details["splits"]
    assert fig["conflated"]["value"] == 0, details["conflated"]
    # every person: the one whose body sentences say only "Foreign Minister" gets the fuller
    # title from the page's own photo caption. Floors only go up.
    assert fig["person_roles"]["value"] >= 1.0, details["wrong_roles"]
    assert fig["aliases_merged"]["value"] >= 0.9


@pytest.mark.slow
def test_seed_speaker_forms_resolve_to_one_actor(seed_actor_figures, gold):
    """The quotes stage maps speaker strings through name and aliases: each gold alias seen in
    the bodies must reach exactly one actor."""
    actors, _ = seed_actor_figures
    names = [{n.lower() for n in (a.name, *a.aliases)} for a in actors]
    for g in gold["actors"]:
        if g["importance"] == "mentioned":
            continue
        hits = [i for i, ns in enumerate(names) if g["name"].lower() in ns]
        assert len(hits) == 1, g["name"]
        for alias in g["aliases"]:
            owners = [i for i, ns in enumerate(names) if alias.lower() in ns]
            assert owners in ([], hits), (g["name"], alias)


def test_memoised_name_helpers_answer_as_the_plain_ones():
    """The forms module keeps memoised forms of the actors_kinds helpers (speed only)."""
    from generator.sections.actors import forms as actors_aliases
    from generator.sections.actors import people
    from generator.text import actor_kinds as actors_kinds

    names = ["Müller", "the U.K.", "Norway", "Norwegian", "Austrian", "Australia", "Kazakh",
             "Kazakhstan", "DRC", "Jonas Lindqvist", "", "  Élysée’s  "]
    for name in names + names:  # the second round answers from the cache
        assert actors_aliases.fold(name) == actors_kinds.fold(name)
        assert actors_aliases.is_country_name(name) == actors_kinds.is_country_name(name)
        for other in names:
            assert actors_aliases.shares_stem(name, other) == actors_kinds.shares_stem(name, other)
    assert people._name_tokens("J. Lindqvist") == ("lindqvist",)
    assert _same_person("J. Lindqvist", "Jonas Lindqvist") and _same_person("Jonas Lindqvist", "J. Lindqvist")
    assert not _same_spelling("al ouazir", "al ouazir port") and _same_spelling("al ouazir", "alouazir")


def test_a_body_with_and_without_the_word_it_adds_to_its_name_is_one():
    forms = _forms(("Harbour Party", "ORG"), ("Harbour", "ORG"), ("Harbourites", "NORP"), ("Velmont Holdings", "ORG"),
                   ("Velmont", "ORG"), ("Velmont Bank", "ORG"), ("Velt", "PERSON"))
    groups = sorted(sorted(f.core for f in g) for g in cluster(forms, [], ["x"] * len(forms)))
    assert ["Harbour", "Harbour Party"] in groups and ["Velmont", "Velmont Holdings"] in groups
    assert ["Velmont Bank"] in groups and ["Velt"] in groups  # another body; never a person


def test_a_body_with_and_without_its_country_in_front_is_one_unless_two_countries_have_one():
    one = _forms(("Coast Guard", "ORG"), ("U.S. Coast Guard", "ORG"))
    assert len(cluster(one, [], ["x"] * 2)) == 1
    two = _forms(("Coast Guard", "ORG"), ("U.S. Coast Guard", "ORG"), ("Canadian Coast Guard", "ORG"))
    assert len(cluster(two, [], ["x"] * 3)) == 3


def test_a_middle_name_written_once_is_the_same_person():
    assert len(cluster(_forms(("Vanessa Laine Velt", "PERSON"), ("Vanessa Velt", "PERSON")), [], ["x"] * 2)) == 1
    assert len(cluster(_forms(("Vanessa Velt", "PERSON"), ("Natalia Velt", "PERSON")), [], ["x"] * 2)) == 2


def test_a_surname_the_model_took_for_a_place_is_the_persons():
    from generator.sections.actors.build import _label
    group = _forms(("Lev Orlanov", "PERSON"), ("Orlanov", "GPE"), ("Orlanov", "GPE"), ("Orlanov", "GPE"))
    assert _label(group) == "PERSON"
    town = _forms(("Orlanov", "GPE"), ("Orlanov", "GPE"), ("Orlanov", "PERSON"))
    assert _label(town) == "GPE"  # no one is named in full with it: the majority stands
    part = _forms(("South Orlanov", "PERSON"), ("Orlanov", "GPE"), ("Orlanov", "GPE"), ("Orlanov", "GPE"))
    assert _label(part) == "GPE"  # a part of the town the model took for a name: no one's surname
    paired = _forms(("Lev Orlanov", "PERSON"), ("Orlanov", "GPE"), ("Orlanov", "GPE"), ("Orlanov and Velt", "ORG"))
    assert _label(paired) == "PERSON"  # a pair the model took for one body says nothing of the label


def test_a_bodys_first_word_alone_is_the_body_when_it_begins_one_name_only():
    assert len(cluster(_forms(("Velmont", "ORG"), ("Velmont Brothers", "ORG")), [], ["x"] * 2)) == 1
    two = _forms(("Velmont", "ORG"), ("Velmont Brothers", "ORG"), ("Velmont Capital", "ORG"))
    assert len(cluster(two, [], ["x"] * 3)) == 3  # two bodies begin with it: not guessed


def test_a_companys_last_name_word_alone_is_the_company_whatever_it_adds_to_its_name():
    forms = _forms(("Velmont", "ORG"), ("Arno Velmont Co", "ORG"), ("Arno Velmont Company", "ORG"))
    assert len(cluster(forms, [], ["x"] * 3)) == 1
    two = _forms(("Velmont", "ORG"), ("Arno Velmont Co", "ORG"), ("Velmont Corp", "ORG"), ("Velmont Corp", "ORG"))
    assert len(cluster(two, [], ["x"] * 4)) == 2  # "Velmont Corp" is another company: "Velmont" goes with it only
    tail = _forms(("Velmont", "ORG"), ("Velmont Co", "ORG"), ("Arno Velmont", "ORG"), ("Arno Velmont Co", "ORG"))
    assert len(cluster(tail, [], ["x"] * 4)) == 1  # "Velmont Co" shortens "Arno Velmont Co": no rival


def test_a_bank_named_with_and_without_bank_is_one_when_nothing_else_shares_its_name():
    forms = _forms(("Harbour Trust Bank", "ORG"), ("Harbour Trust", "ORG"), ("Harbour", "ORG"))
    groups = sorted(sorted(f.core for f in g) for g in cluster(forms, [], ["x"] * len(forms)))
    assert groups == [["Harbour", "Harbour Trust", "Harbour Trust Bank"]]


@pytest.mark.slow
def test_a_role_someone_plays_is_no_actor_of_the_story():
    actors = story("Actor Tom Velt, who played Danny Roper on the sitcom Harbour Lights, died on Saturday. "
                   "Velt was 54.",
                   "Tom Velt, best known for playing Danny Roper, was found dead at his home on Saturday. "
                   "Co-star Ann Lee, who played the character Mia, said she was heartbroken.")
    assert by_name(actors, "Tom Velt").standing == "actor"
    assert by_name(actors, "Danny Roper").standing == "character"
    assert "Danny Roper" not in [a.name for a in key_actors(actors)]


@pytest.mark.slow
def test_a_possessive_typed_with_an_opening_mark_is_no_part_of_the_name():
    actors = story("Harlow beat Eastmere 2-1 in the final in Velora. Marc Vellacorta‘s cross found Oyarzo.")
    velt = by_name(actors, "Marc Vellacorta")
    assert all("‘" not in n for n in (velt.name, *velt.aliases))


def test_a_persons_noun_opening_a_name_tagged_a_body_is_no_part_of_it():
    from generator.sections.actors.forms import core_name
    assert core_name("Substitute Mikel Velt", "ORG") == "Mikel Velt"
    assert core_name("Teachers Union of Velora", "ORG") == "Teachers Union of Velora"
    assert core_name("Farmer Citizen Movement", "ORG") == "Farmer Citizen Movement"
    assert core_name("Constable Velt", "ORG") == "Velt"  # an office, then a surname
    assert core_name("General Motors", "ORG") == "General Motors" and core_name("Justice Velt", "ORG") == "Justice Velt"
    assert core_name("Pioneer Natural Resources", "ORG") == "Pioneer Natural Resources"  # a company, not a pioneer
    assert core_name("Actress Jane Roe", "PERSON") == "Jane Roe"
    assert core_name("Swede Anton Roe", "PERSON") == "Anton Roe"
    assert core_name("Opponent Velt", "PERSON") == "Velt"  # what he is in the story, even before a surname alone
    assert core_name("American Jane Velt", "PERSON") == "Jane Velt" and core_name("Briton Tom Roe", "PERSON") == "Tom Roe"


@pytest.mark.slow
def test_a_surname_two_people_share_goes_to_the_one_its_title_names_or_to_no_one():
    actors = story("Hunter Velt was convicted on Tuesday of three felony charges. President Velt said he would "
                   "accept the verdict. Hunter Velt showed little emotion. Velt said he would appeal.",
                   "Jack Velt, the president, said he would not pardon his son Hunter Velt. "
                   "President Velt spoke from the White House.",
                   "Hunter Velt faces up to 25 years in prison. President Jack Velt said he loves his son.")
    assert "President Velt" not in by_name(actors, "Hunter Velt").aliases
    assert "President Velt" in by_name(actors, "Jack Velt").aliases
    assert all(a.name != "Velt" for a in key_actors(actors))


def test_a_hyphenated_surname_goes_by_its_last_part():
    assert _surname_fits("Zaman", "Waker-Uz-Zaman")
    assert not _surname_fits("Uz", "Waker-Uz-Zaman")


@pytest.mark.slow
def test_a_surname_with_its_particle_and_a_hyphen_written_as_a_space():
    actors = story("Winger Angel Di Maria played his last game for Argentina. Di Maria cried at the end.",
                   "President Sultan al-Jaber said the deal was historic. Sultan Al Jaber thanked the delegates.",
                   "Sultan Al Jaber opened the session. Angel Di Maria was substituted.")
    assert "Maria" not in by_name(actors, "Angel Di Maria").aliases and "Di Maria" in by_name(actors, "Angel Di Maria").aliases
    assert len([a for a in actors if "jaber" in a.name.lower()]) == 1


@pytest.mark.slow
def test_a_lone_surname_goes_to_the_person_named_far_more_often():
    actors = story("Ahmad Velt was killed while jogging in 2020. Velt was 25. Ahmad Velt's mother wept. "
                   "Ahmad Velt was unarmed.",
                   "The jury convicted three men of murdering Ahmad Velt. His father Marcus Velt spoke outside the court.",
                   "Ahmad Velt's death sparked protests. Velt was chased by the men.")
    assert all(a.name != "Velt" for a in actors)  # no row of its own
    assert by_name(actors, "Ahmad Velt").mentions > by_name(actors, "Marcus Velt").mentions


@pytest.mark.slow
def test_a_nations_people_are_no_key_actor_but_its_parties_are():
    actors = story("Chileans elected a new government on Monday. The Liberals won 184 seats.",
                   "Chileans voted in large numbers. The Liberals took power in Chile.",
                   "Turnout among Chileans was the highest in years. The Liberals said they would govern.")
    names = [a.name for a in key_actors(actors)]
    assert "Chileans" not in names and "Liberals" in names


@pytest.mark.slow
def test_a_name_written_against_a_model_number_is_a_product():
    actors = story("Velair Flight 610, a Boeing 737 MAX 8 bound for Tizane, crashed on Monday. Velair said the "
                   "737 MAX 8 was new.",
                   "Velair delivered its very first 737 MAX 9 to Thai Velair. The 737 MAX 7, MAX 8, and MAX 9 "
                   "replace older jets.",
                   "The Velair 737 MAX 8 had flown for two months.")
    assert "MAX" not in [a.name for a in key_actors(actors)]


@pytest.mark.slow
def test_a_name_after_a_persons_noun_is_a_person_whatever_the_model_tagged():
    actors = story("National Transport Safety Committee chief Suryanto Cahyono says the jet was new. "
                   "Cahyono said divers had found the recorder.",
                   "Five other women testified, including model Janice Dickinson. The defence suggested "
                   "Dickinson had made up the story.")
    names = {a.name for a in actors}
    assert "Suryanto Cahyono" in names and "Cahyono" not in names
    assert "Janice Dickinson" in names and "Dickinson" not in names


@pytest.mark.slow
def test_a_machine_or_instrument_named_like_a_body_is_a_thing():
    actors = story("Physicists at the Large Velmont Collider found a new particle. The Large Velmont Collider "
                   "smashed protons for two years.",
                   "Data from the Large Velmont Collider confirmed the result, the Velmont Institute said.",
                   "The Large Velmont Collider is the world's biggest machine.")
    assert "Large Velmont Collider" not in [a.name for a in key_actors(actors)]


@pytest.mark.slow
def test_what_a_maker_s_product_did_is_not_the_makers_role():
    actors = story("The Velair Airlines jet crashed on Saturday. The Boeing 777 slammed into the runway on Saturday "
                   "morning, breaking off its tail.",
                   "Boeing said it was ready to help. The Boeing 777 had a good safety record.")
    assert by_name(actors, "Boeing").role is None


@pytest.mark.slow
def test_a_feast_day_named_for_a_saint_is_no_actor():
    actors = story("Velmont bought the app on Valentine's Day for $19 billion. Valentine's Day deals were rare.",
                   "The deal, announced before Valentine's Day, was Velmont's largest.")
    assert "Valentine" not in [a.name for a in key_actors(actors)]


def test_a_full_name_the_model_took_for_a_place_is_a_person_when_its_last_word_is_a_surname():
    from generator.sections.actors.people import people_taken_for_places
    forms = _forms(("Tomas Velder", "GPE"), ("Tomas Velder", "GPE"), ("Tomas Velder", "GPE"), ("Velder", "PERSON"),
                   ("Velder", "PERSON"), ("Velder", "PERSON"), ("Jana Velder", "PERSON"), ("Port Harlow", "GPE"))
    labels = [f.label for f in people_taken_for_places(forms)]
    assert labels[0] == "PERSON" and labels[-1] == "GPE"
    groups = sorted(sorted(f.core for f in g) for g in cluster(people_taken_for_places(forms), [], ["x"] * 8))
    assert ["Tomas Velder"] * 3 + ["Velder"] * 3 in groups  # the one named far more often, not his mother


def test_a_surname_two_relatives_share_is_the_one_named_last_before_it_most_of_the_time():
    # (article, start, name, label): the uncle is named late in one article, his nephew first in each
    spec = [(0, 0, "Tomas Velder", "PERSON"), (0, 50, "Velder", "ORG"), (0, 90, "Velder", "ORG"),
            (0, 150, "Peter Velder", "PERSON"), (0, 180, "Peter Velder", "PERSON"),
            (1, 0, "Tomas Velder", "PERSON"), (1, 40, "Velder", "ORG"),
            (2, 0, "Tomas Velder", "PERSON"), (2, 30, "Velder", "ORG")]
    forms = [Form(i, f"{a:03d}", a, t, t, lab, st, st + len(t)) for i, (a, st, t, lab) in enumerate(spec)]
    groups = sorted(sorted(f.core for f in g) for g in cluster(forms, [], ["x" * 200] * 3))
    assert ["Peter Velder"] * 2 in groups and ["Tomas Velder"] * 3 + ["Velder"] * 4 in groups


def test_an_adjective_ending_like_a_persons_noun_is_none():
    from generator.text.actor_kinds import person_noun
    assert not person_noun("reactionless") and not person_noun("business") and person_noun("actress")


@pytest.mark.slow
def test_an_office_named_with_its_seat_is_no_person_its_holder_is():
    actors = story("Clark County Sheriff Joseph Lombardo said the gunman acted alone. Lombardo said 58 people died.",
                   "The Clark County Sheriff said the suspect had 23 guns in the room.",
                   "Sheriff Joseph Lombardo told reporters the gunman fired for ten minutes.")
    names = [a.name for a in key_actors(actors)]
    assert "Joseph Lombardo" in names and "Clark County Sheriff" not in names


@pytest.mark.slow
def test_an_outlets_reporter_at_work_is_no_actor():
    actors = story("“The probe has landed,” said mission chief Ann Velt. Velora TV's Tarek Roe, reporting from "
                   "Lyra, said the crowd cheered.",
                   "Jane Doe from Harbour Radio reported that police stormed the building. Tom Baker has written "
                   "what is known so far here.",
                   "Protesters stormed the chamber on Monday. “Tonight, the streets are boiling over with anger” both "
                   "at Harlow's government and the central leadership in Velmont, HPR's Lina Moss reports.",
                   "The probe landed safely, Ann Velt said. Sam Lee writes in the Harbour Times: the landing was "
                   "flawless.")
    names = [a.name for a in key_actors(actors)]
    assert "Ann Velt" in names and not {"Tarek Roe", "Jane Doe", "Tom Baker", "Lina Moss", "Sam Lee"} & set(names)


@pytest.mark.slow
def test_a_share_offering_and_a_cafe_are_no_actors():
    actors = story("Velmont's IPO, a US$21.8bn initial public offering, broke records on Friday. Velmont said "
                   "demand was strong.",
                   "The IPO drew huge demand. Velmont founder Jane Roe rang the bell.",
                   "A gunman held hostages in the Harbour Chocolat Cafe for 16 hours. Police said the siege ended.")
    names = [a.name for a in key_actors(actors)]
    assert "IPO" not in names and "Harbour Chocolat Cafe" not in names and "Velmont" in names


@pytest.mark.slow
def test_a_body_named_once_under_a_second_name_gets_no_row_of_its_own():
    actors = story("The Lyra Ministry for Emergency Situations said 40 people were saved. The Lyra Ministry for "
                   "Emergency Situations sent boats.",
                   "Boats reached the ship, the Ministry for Emergency Situations said on Monday.",
                   "The Ministry of Emergency Services said divers searched the ship. The Red Crescent warned that "
                   "the search could take days.")
    names = [a.name for a in key_actors(actors)]
    assert "Ministry of Emergency Services" not in names and "Red Crescent" in names
    assert any("Emergency Situations" in n for n in names)


@pytest.mark.slow
def test_a_church_or_hospital_named_after_a_saint_or_king_is_no_person():
    actors = story("Bombs hit St Roch’s Church in Lyra and two hotels. Police said 40 died.",
                   "The churches targeted included St Roch’s in Lyra, north of the capital.",
                   "In just one church, St. Roch’s in Katuwapitiya, more than 50 people had died.",
                   "The prince had been admitted to King Arno IV’s hospital in the capital in March.",
                   "He left King Arno IV’s hospital in April.")
    names = [a.name for a in key_actors(actors)]
    assert not {"St Roch", "St. Roch", "Arno IV", "King Arno IV"} & set(names)


@pytest.mark.slow
def test_a_king_is_not_a_commoner_of_the_same_first_name():
    actors = story("Prince Karl married in 1947. His uncle, Lord Georg Velt, raised him. King Georg IV had "
                   "granted the family a title.",
                   "Karl's uncle Georg Velt took him in. Queen Anna visited him often.",
                   "His grandmother, Anna Velt, wrote to him every week.")
    velt = by_name(actors, "Georg Velt")
    anna = by_name(actors, "Anna Velt")
    assert "Georg IV" not in velt.aliases and "King Georg IV" not in velt.aliases
    assert "Queen Anna" not in anna.aliases and "Anna" not in anna.aliases


@pytest.mark.slow
def test_a_company_written_once_after_an_epithet_does_not_become_a_person():
    actors = story("date 2020-05-23 Car Rental Goliath Brandt has seen its core business virtually disappear. "
                   "Brandt filed for bankruptcy on Friday.",
                   "Brandt said it would keep operating. Brandt has 38,000 workers.",
                   "Brandt filed for Chapter 11 protection, Brandt said.")
    brandt = by_name(actors, "Brandt")
    assert brandt.kind == "organization" and len(brandt.sources) == 3


@pytest.mark.slow
def test_a_prince_is_not_the_king_of_the_same_name():
    actors = story("Queen Margaret II of Examplia opened the bridge on Monday. Queen Margaret said it was a proud day.",
                   "Queen Margaret cut the ribbon. Her son, Prince Henry, watched.",
                   "The hospital was founded by King Henry IV in 1890. Prince Henry later visited the crowd.",
                   "Prince Henry waved to the crowd.")
    king = by_name(actors, "Henry IV")
    assert "Prince Henry" not in king.aliases and king.sources == ("002",)


@pytest.mark.slow
def test_a_common_noun_opening_its_sentence_is_no_name():
    actors = story("Videos posted online appear to show the plane falling near Harlow. "
                   "The Velmont Aviation Agency said an inquiry had begun.",
                   "The Velmont Aviation Agency said ten people were on board.",
                   "Ten people died, the Velmont Aviation Agency said.")
    names = [a.name for a in actors]
    assert "Videos" not in names and "Velmont Aviation Agency" in names


def test_abbreviated_ranks_and_a_service_before_a_title_are_no_part_of_the_name():
    from generator.sections.actors.forms import core_name
    assert core_name("Supt Jane Roe", "PERSON") == "Jane Roe"
    assert core_name("Police Superintendent Jane Roe", "PERSON") == "Jane Roe"
    assert core_name("Det Insp Tom Roe", "PERSON") == "Tom Roe"
    assert core_name("County Roe", "PERSON") == "County Roe"


@pytest.mark.slow
def test_one_office_and_one_surname_under_a_nickname_are_one_person():
    actors = story("Interior Secretary Manuel Velt visited the port on Saturday. Velt said the damage was vast.",
                   "Interior Secretary Manuel Velt flew over the coast.",
                   "Interior Secretary Mar Velt said the rescue operation was ongoing.")
    velt = by_name(actors, "Manuel Velt")
    assert "Mar Velt" in velt.aliases and velt.sources == ("000", "001", "002")
    assert not [a for a in actors if a.name == "Mar Velt"]


def test_a_surname_the_protagonist_took_never_joins_a_relative_of_the_same_name():
    from generator.sections.actors.aliases import merge_same_key
    from generator.sections.actors.forms import UnionFind
    from generator.sections.actors.people import merge_people
    # the singer named in full three times, her father once; "Velt" (tagged a body) twice beside her
    # (the first "Velt" written before her full name: its group's root moves when it joins her)
    written = [("Velt", "ORG", 0), ("Ann Velt", "PERSON", 0), ("Ann Velt", "PERSON", 0), ("Ann Velt", "PERSON", 2),
               ("Mitch Velt", "PERSON", 1), ("Velt", "ORG", 0), ("Velt", "ORG", 2)]
    forms = [Form(i, f"{a:03d}", a, text, text, label, 10 * i, 10 * i + len(text))
             for i, (text, label, a) in enumerate(written)]
    uf = UnionFind(len(forms))
    merge_same_key(forms, uf)
    merge_people(forms, uf)
    assert uf.find(4) != uf.find(1) and uf.find(0) == uf.find(1) == uf.find(5)


@pytest.mark.slow
def test_a_role_stops_before_a_clause_and_never_starts_with_a_clauses_verb():
    elected = story("Lina Roe, aged 54 at her assasination yesterday, was the first female prime minister of Chile "
                    "when she was elected in 1988.")
    assert by_name(elected, "Lina Roe").role == "first female prime minister of Chile"
    beaten = story("Portugal have won Euro 2016, beating hosts France in extra time with Velt's strike despite "
                   "losing Tom Harlow to injury.")
    assert by_name(beaten, "France").role is None  # not "beating hosts"
    acting = story("Acting President Tom Velt will serve out the term, officials in Lyra said.")
    assert by_name(acting, "Tom Velt").role == "Acting President"


@pytest.mark.slow
def test_a_ledes_capitals_leave_the_role_and_a_players_position_is_no_part_of_his_name():
    famous = story("FAMOUS Examplian wildlife expert Tom Velt died on Monday off the coast of Lyra.")
    assert by_name(famous, "Tom Velt").role == "Examplian wildlife expert"
    names = [a.name for a in story("Defender Pepe returned from injury and Sam Velt was recalled, while Lyra fielded "
                                   "an unchanged side.")]
    assert "Pepe" in names and not any(n.startswith("Defender") for n in names)


@pytest.mark.slow
def test_a_hyphenated_first_name_is_one_name():
    names = [a.name for a in story("Lloris saved a strike from the brilliant Moussa Velt, and Andre-Pierre Harlow came "
                                   "within inches of a stoppage-time winner.")]
    assert "Andre-Pierre Harlow" in names and "Andre" not in names


@pytest.mark.slow
def test_a_role_read_after_what_leaves_the_what():
    actors = story("As the headliner took the stage, fans began moving in so tightly that some struggled to breathe, "
                   "sparking chaos and what Lyra Fire Chief Tomas Reyes called a mass casualty incident.")
    assert by_name(actors, "Tomas Reyes").role == "Lyra Fire Chief"


@pytest.mark.slow
def test_a_description_run_on_from_the_sentences_verb_starts_after_it():
    actors = story("Kovalenu beat Canadian teenager Lina Roe 6-4, 6-3 in the final on Saturday.")
    assert by_name(actors, "Lina Roe").role == "Canadian teenager"  # not "Kovalenu beat Canadian teenager"


@pytest.mark.slow
def test_a_nationality_before_a_surname_is_the_person_named_in_full():
    actors = story("Harbour coach Eddie Velkstrom praised his players after the win in Eastmere on Saturday.",
                   "Velkstrom's side beat the hosts 34-32. Australian Velkstrom said: \"I had to look at the "
                   "scoreboard to make sure it was true.\"",
                   "Eddie Velkstrom said the team had trained for four years for this match.")
    velkstrom = by_name(actors, "Eddie Velkstrom")
    assert not [a for a in actors if a.name == "Australian Velkstrom"]
    assert len(velkstrom.sources) == 3


@pytest.mark.slow
def test_a_position_before_a_name_and_a_dash_before_it_are_no_part_of_the_person():
    actors = story("The other crucial factor at this stage was Harbour's decision to go for the win. They could have "
                   "settled for the draw when awarded a penalty - full-back Ayumu Tanakura had been deadly with the "
                   "boot all day.",
                   "Fullback Ayumu Tanakura pushed Harbour ahead with a try in the 70th minute.",
                   "Ayumu Tanakura scored 24 points against Eastmere on Saturday.")
    tanakura = by_name(actors, "Ayumu Tanakura")
    assert not [a for a in actors if a.name.startswith("Fullback")]
    assert tanakura.role in (None, "full-back") and "penalty" not in (tanakura.role or "")


@pytest.mark.slow
def test_outlets_named_like_a_person_or_after_their_description_are_no_actors():
    actors = story("Harlow Motors chairman Jon Velkstrom was arrested in Eastmere on Monday, the daily Lyra Shimbun "
                   "reported. Broadcaster KVT said he was questioned by prosecutors.",
                   "Prosecutors arrested Jon Velkstrom on Monday. Harlow Motors said it would remove him.",
                   "Jon Velkstrom, chairman of Harlow Motors, denied wrongdoing, state news agency Xenra said.")
    names = {a.name for a in actors if a.standing == "actor"}
    assert "Jon Velkstrom" in names
    assert not names & {"Lyra Shimbun", "Broadcaster KVT", "KVT", "Xenra"}



def test_a_sentences_opening_word_before_a_title_is_no_part_of_the_name():
    from generator.sections.actors.forms import core_name
    assert core_name("Earlier Ms Velkstrom", "PERSON") == "Velkstrom"
    assert core_name("Ms. Velkstrom", "PERSON") == "Velkstrom"
    assert core_name("Actress Jane Velkstrom", "PERSON") == "Jane Velkstrom"


def test_an_alias_is_no_sentence_opener_before_a_title():
    from generator.sections.actors.build import _aliases
    from generator.sections.actors.forms import Form, core_name
    texts = ["Earlier Ms Velkstrom said so. Ms Velkstrom left. Julia Velkstrom won. Ben Velkstrom spoke."]
    names = ["Earlier Ms Velkstrom", "Ms Velkstrom", "Julia Velkstrom"]
    group = [Form(i, "000", 0, n, core_name(n, "PERSON"), "PERSON", texts[0].index(n), texts[0].index(n) + len(n))
             for i, n in enumerate(names)]
    aliases = _aliases(group, "Julia Velkstrom", "PERSON", texts)
    assert "Earlier Ms Velkstrom" not in aliases and "Ms Velkstrom" in aliases


@pytest.mark.slow
def test_a_rugby_position_before_a_name_is_no_part_of_it():
    actors = story("Harlow put the Lyrans ahead with a penalty right in front of the posts in the 10th minute, before "
                   "Owen Varrell landed one for Examplia to level the score 13 minutes later.",
                   "Flyhalf Varrell kicked four penalties for Examplia but they were chasing the match all evening "
                   "and hanging on doggedly trying to contain the rampant Lyrans by the end.")
    assert not [a for a in actors if a.name.lower().startswith("flyhalf")], [a.name for a in actors]


@pytest.mark.slow
def test_the_second_half_of_a_stance_word_names_no_one():
    from generator.nlp.actors.mentions import extract_mentions
    art = Article("a", "a.txt", ("The march plunged the city\u2019s pro-Lyra leaders into a crisis on Sunday.",
                                 "The anti-Velt camp said the bill would pass."))
    texts = [m.text for m in extract_mentions(ParsedArticle.of(art, parse(art.text)))]
    assert not [t for t in texts if t.startswith(("Lyra", "Velt"))], texts


@pytest.mark.slow
def test_a_hyphenated_given_name_keeps_its_lower_case_half_and_a_led_coalition_names_no_one_new():
    from generator.nlp.actors.mentions import extract_mentions
    art = Article("a", "a.txt", ("Examplian President Harlow Jae-in welcomed the summit on Tuesday.",
                                 "The Velt-led coalition won the vote on Tuesday."))
    texts = [m.text for m in extract_mentions(ParsedArticle.of(art, parse(art.text)))]
    assert "Harlow Jae-in" in texts and not [t for t in texts if t.startswith("Velt-")], texts


@pytest.mark.slow
def test_a_title_alone_names_no_one():
    """ "the duties of being Pope - the leader of ...": a title, its holder named apart."""
    text = ("The 85-year-old Pope announced his decision in Latin during a meeting of Vatican cardinals. He emphasised "
            "that carrying out the duties of being Pope - the leader of more than a billion Roman Catholics worldwide - "
            "required strength. The Pope, who has looked increasingly weary in recent months, said he would step down. "
            "Pope Velkan XII will leave office on February 28.")
    names = {a.name: a.standing for a in story(text)}
    assert names.get("Pope", "passing") != "actor" and names["Velkan XII"] == "actor"


def test_a_name_written_with_mr_or_ms_is_a_persons():
    assert addressed_as_person(_forms(("Fintan Velt", "ORG"), ("Mr Velt", "ORG")))
    assert addressed_as_person(_forms(("Ann Roe", "ORG"), ("Ms. Roe", "PERSON")))
    assert not addressed_as_person(_forms(("Harbour Holdings", "ORG"), ("Lord's Taverners", "ORG")))


def test_a_name_written_with_a_legal_form_is_a_companys():
    assert incorporated(_forms(("Harlow Hathaway", "PERSON"), ("Harlow Hathaway Inc", "ORG")))
    assert not incorporated(_forms(("Jane Roe", "PERSON"), ("Roe", "PERSON")))


@pytest.mark.slow
def test_a_name_and_its_abbreviation_in_another_languages_order_side_by_side_are_one():
    actors = story("The International Velo Union (UVI) banned Tom Roe for life on Monday. The UVI said it would not appeal.",
                   "The International Velo Union confirmed the ban on Roe, officials said.")
    union = by_name(actors, "International Velo Union")
    assert "UVI" in union.aliases


def test_a_nickname_in_quotation_marks_between_first_name_and_surname_is_the_persons():
    from generator.sections.actors.build import _without_nickname
    forms = _forms(('Velo "Velvi" Harundo', "PERSON"), ("Velvi", "PERSON"), ("Ann Roe", "PERSON"))
    text = 'President Velo "Velvi" Harundo ordered an inquiry. Velvi said the police would answer. Ann Roe agreed.'
    groups = cluster(forms, [], [text] * len(forms))
    assert sorted(sorted(f.core for f in g) for g in groups) == [["Ann Roe"], ["Velo \"Velvi\" Harundo", "Velvi"]]
    assert _without_nickname('Velo "Velvi" Harundo') == "Velo Harundo" and _without_nickname("Ann Roe") == "Ann Roe"


def test_an_institution_qualified_by_a_country_of_two_words_takes_its_bare_name():
    forms = _forms(("United States Anti-Doping Agency", "ORG"), ("Anti-Doping Agency", "ORG"), ("Harbour Ports Authority", "ORG"))
    groups = cluster(forms, [], ["x"] * len(forms))
    assert sorted(sorted(f.core for f in g) for g in groups) == [
        ["Anti-Doping Agency", "United States Anti-Doping Agency"], ["Harbour Ports Authority"]]


def test_a_clipped_name_is_the_body_it_clips_when_one_fits_or_one_dominates():
    forms = _forms(("Norland Harbour Reserve", "ORG"), ("Harb", "ORG"), ("Norland Harbour Reserve", "ORG"))
    groups = cluster(forms, [], ["x"] * len(forms))
    assert len(groups) == 1
    # two bodies fit, in as many articles each: no telling which
    forms = _forms(("Norland Harbour Reserve", "ORG"), ("Velt Harbour Committee", "ORG"), ("Harb", "ORG"))
    assert len(cluster(forms, [], ["x"] * len(forms))) == 3


@pytest.mark.slow
def test_what_a_body_did_long_before_the_article_is_not_its_role_in_the_story():
    texts = ("The Harbour Reserve put interest rates near zero in December 2008 to help the economy. "
             "On Wednesday the Harbour Reserve raised interest rates for the first time in nine years.",
             "The Harbour Reserve put interest rates near zero in December 2008 during the crisis. "
             "The Harbour Reserve lifted rates on Wednesday, ending seven years of cheap money.")
    items = []
    for i, text in enumerate(texts):
        article = Article(f"{i:03d}", f"t{i}.txt", (text,), published="2015-12-16")
        items.append(AnalysedArticle(article, analyse_doc(article, parse(article.text))))
    reserve = by_name(build_actors(items), "Harbour Reserve")
    assert reserve.role and "2008" not in reserve.role and "near zero" not in reserve.role


@pytest.mark.slow
def test_a_surname_with_an_office_the_person_named_in_full_never_holds_is_someone_else():
    text = ("“God bless the people of Norland!” tweeted President Velt. The church, which First Lady Ann Velt "
            "visited in July, burned for hours. “So horrible to watch the fire,” Velt said in an earlier post.")
    actors = story(text)
    ann = by_name(actors, "Ann Velt")
    assert ann.role != "President" and "Velt" not in ann.aliases
    assert by_name(actors, "Velt").role == "President"


@pytest.mark.slow
def test_a_name_given_with_alias_or_also_known_as_is_the_same_actor():
    actors = story('Rebel chief Rodrigo Velt, alias Timoleon "Timo" Harlan, vowed to keep the ceasefire.',
                   "Rebel commander Timo told reporters the group wanted peace. Timo smiled.")
    velt = by_name(actors, "Rodrigo Velt")
    assert not [a for a in actors if a.name == "Timo"] and "Timo" in velt.aliases


def test_a_name_with_letters_added_at_its_end_is_another_name_not_a_typo():
    assert not _surname_fits("Velthorne", "Anna Velthor")  # "Christie" is not "Jesus Christ"
    assert not _same_spelling("Harbourton", "Harbour")
    assert _surname_fits("Hakinen", "Mika Häkkinen")  # a letter lost inside: a typo


def test_an_initialism_fits_one_body_written_two_ways():
    forms = _forms(("World Weather Organization", "ORG"), ("World Weather Organisation", "ORG"), ("WWO", "ORG"))
    assert len(cluster(forms, [], ["x"] * len(forms))) == 1


@pytest.mark.slow
def test_one_body_named_two_ways_with_its_abbreviation_is_one_actor():
    actors = story("The U.S. Geological Survey said the quake struck at a depth of 10 km.",
                   "The United States Geological Service (USGS) put the magnitude at 7.8.",
                   "USGS said aftershocks were likely.")
    bodies = [a for a in actors if "Geological" in " ".join((a.name, *a.aliases))]
    assert len(bodies) == 1, [(a.name, a.aliases) for a in bodies]


def rows(actors) -> list[str]:
    return [a.name for a in actors if a.standing == "actor"]


@pytest.mark.slow
def test_volcanoes_storms_schemes_and_lands_with_a_capital_get_no_row():
    volcano = story("The Harlo Tavenu volcano erupted again. Harlo Tavenu, an undersea volcano, sent ash 20 km high.",
                    "Harlo Tavenu, an underwater volcano, erupted on Saturday.")
    assert not any("Tavenu" in n for n in rows(volcano)), rows(volcano)
    # a storm's given name, written alone after "Hurricane Nicola"
    storm = story("Hurricane Nicola delayed the launch last week. Nicola pelted the rocket, blowing off strips of caulk.")
    assert "Nicola" not in rows(storm), rows(storm)
    # a policy's tool named like a body
    scheme = story("The bank unveiled the Market Stability Instrument on Thursday. The Market Stability Instrument "
                   "will buy bonds of countries under pressure, the bank said.")
    assert "Market Stability Instrument" not in rows(scheme), rows(scheme)
    plant = story("Water levels at the Harlow Nuclear Power Plant fell on Tuesday. The Harlow Nuclear Power Plant "
                  "uses the reservoir to cool its reactors, officials said.")
    assert "Harlow Nuclear Power Plant" not in rows(plant), rows(plant)
    # a land with a capital ("Kiran Nadu's capital Velmont"), taken for a person
    land = story("The train was going from Harlow in West Lyra to Kiran Nadu's capital Velmont. He was travelling to "
                 "Kiran Nadu in the express to join work there.", "Passengers bound for Kiran Nadu were stranded.")
    assert "Kiran Nadu" not in rows(land), rows(land)


@pytest.mark.parametrize("phrase, head", [
    ("small Lyrian island to the northeast of the volcano", "island"),
    ("small island northeast of the Harlo volcano", "island"),  # where it lies, after the noun
    ("most powerful rocket ever built for the agency", "rocket"),  # an adverb and an irregular participle
    ("a firm based in Lyra", "firm"),
])
def test_the_head_of_a_description_is_its_noun_not_where_it_lies(phrase, head):
    assert head_word(phrase) == head


@pytest.mark.slow
def test_a_name_cut_after_its_particle_is_no_alias_and_gets_no_row():
    whole = story("European Commission President Lena von der Velt said the bloc stood ready.",
                  "Commission chief Lena von said Europe stood ready. Lena von spoke on Friday.")
    assert not any(a.endswith(" von") or a.startswith("der ") for x in whole for a in x.aliases), \
        [(x.name, x.aliases) for x in whole]
    cut = story("Leaders paid tribute to the queen on Friday. Among them was European Commission President Lena von")
    assert "Lena von" not in rows(cut), rows(cut)


@pytest.mark.slow
def test_a_company_officers_title_before_the_name_is_no_part_of_it():
    actors = story("The new owner fired chief executive Ann Velt and CFO Tom Roe on Thursday. Roe had joined in 2017.",
                   "Lyrabook CFO Tom Roe and legal head Kim Lee were escorted out.")
    assert "Tom Roe" in [a.name for a in actors], [a.name for a in actors]
