"""Which names get a row, what kind of actor each is, and which descriptions fit it
(generator.sections.actors.standing): pure rules over the evidence the NLP stage records."""

from __future__ import annotations

import pytest

from generator.sections.actors.standing import (
    Evidence, corrected_kind, fits, is_media_description, standing, without_own_name,
)


def ev(*functions: tuple[str, ...]) -> Evidence:
    return Evidence.of(functions)


NO_OUTLETS: frozenset[str] = frozenset()


def test_evidence_counts_each_function_and_the_nouns_a_name_qualifies():
    e = ev(("acts",), ("speaks", "reports"), ("modifies:lander",), ("modifies:lander", "quoted"))
    assert (e.mentions, e.acts, e.speaks, e.reports) == (4, 1, 1, 1)
    assert e.modified == (("lander", 2),)


@pytest.mark.parametrize("kind", ["city", "region"])
def test_places_never_get_a_row(kind):
    assert standing("Valdora", kind, [], False, ev(("acts",), ("acts",)), 5, NO_OUTLETS) == "place"


def test_a_country_gets_a_row_only_when_it_acts_or_speaks_as_a_body():
    assert standing("Ruritania", "country", [], False, ev((), ()), 5, NO_OUTLETS) == "place"
    assert standing("Ruritania", "country", [], False, ev(("acts",), ()), 5, NO_OUTLETS) == "actor"
    assert standing("Ruritania", "country", [], False, ev(("speaks",)), 1, NO_OUTLETS) == "actor"
    # "according to Ruritania" alone is no act of a government
    assert standing("Ruritania", "country", [], False, ev(("speaks", "reports")), 1, NO_OUTLETS) == "place"
    assert standing("Ruritania", "country", ["first country to sign"], True, ev(()), 1, NO_OUTLETS) == "actor"


@pytest.mark.parametrize("name, phrases, functions", [
    ("Daily Planet News", [], [("acts",)]),  # a newsroom word in its name
    ("Kestrel", ["state broadcaster"], [()]),  # described as an outlet
    ("Kestrel", ["news agency"], [()]),
    ("KP", [], [("dateline",)]),  # "VALDORA (KP) —"
    ("Kestrel", [], [("audience",), ("speaks", "reports")]),  # "told Kestrel", "according to Kestrel"
    ("The Guardian", [], [("speaks", "reports")]),
])
def test_news_outlets_never_get_a_row(name, phrases, functions):
    assert standing(name, "organization", phrases, False, ev(*functions), 2, NO_OUTLETS) == "outlet"


def test_a_body_that_is_only_cited_is_an_outlet_unless_its_name_is_an_institutions():
    cited = ev(("speaks", "reports"))
    assert standing("Kestrel", "organization", [], False, cited, 1, NO_OUTLETS) == "outlet"
    assert standing("National Seismic Survey", "organization", [], False, cited, 1, NO_OUTLETS) == "actor"
    assert standing("Kestrel", "organization", [], False, cited, 1, frozenset({"kestrel"})) == "outlet"
    assert not is_media_description("space agency") and is_media_description("Japanese public broadcaster")


@pytest.mark.parametrize("name, kind, phrases, functions", [
    ("Dali", "person", ["cargo ship"], [()]),  # described as a thing
    ("Lusail Stadium", "organization", [], [("acts",)]),  # named as a site
    ("Vikram", "organization", [], [("modifies:lander",), ("modifies:lander",), ("acts",)]),
    ("Airbus", "organization", [], [("indefinite", "acts"), ("modifies:#model",), ("acts",), ()]),
    ("UnfoldTheUniverse", "organization", [], [("hashtag",)]),
    ("Jane Velt Space Telescope", "person", [], [("acts",)]),  # an instrument named after a person
    ("State Route", "organization", [], [()]),  # a road, its number cut off
    ("Harbour Towers North", "organization", ["condominium"], [("acts",)]),  # a block of flats
])
def test_vessels_sites_products_and_hashtags_never_get_a_row(name, kind, phrases, functions):
    assert standing(name, kind, phrases, False, ev(*functions), 3, NO_OUTLETS) == "thing"


def test_one_hashtag_among_many_mentions_does_not_make_a_person_a_thing():
    mentions = [("acts",)] * 6 + [("hashtag",)]
    assert standing("Roban Mugaro", "person", ["President"], True, ev(*mentions), 5, NO_OUTLETS) == "actor"


def test_a_name_named_in_passing_gets_no_row_but_one_that_acts_speaks_or_is_described_does():
    assert standing("Kestrel Corp", "organization", [], False, ev(()), 1, NO_OUTLETS) == "passing"
    assert standing("Jane Roe", "person", [], False, ev(()), 1, NO_OUTLETS) == "passing"
    assert standing("Jane Roe", "person", [], False, ev(("speaks",)), 1, NO_OUTLETS) == "actor"
    assert standing("Jane Roe", "person", ["nurse"], True, ev(()), 1, NO_OUTLETS) == "actor"
    assert standing("Jane Roe", "person", [], False, ev(()), 1, NO_OUTLETS, told_of=True) == "actor"
    assert standing("Jane Roe", "person", [], False, ev((), ()), 2, NO_OUTLETS) == "actor"
    # a body named bare needs to be named often, in more than one source
    assert standing("Kestrel Corp", "organization", [], False, ev((), ()), 2, NO_OUTLETS) == "passing"
    assert standing("Kestrel Corp", "organization", [], False, ev((), (), ()), 2, NO_OUTLETS) == "actor"


def test_a_body_named_mostly_as_where_things_happened_is_a_place():
    """ "near Lyra", "between Digne and Lyra", "the town of Lyra": the tagger's body is a place."""
    located = ev(("located",), ("located",), ())
    assert standing("Lyra", "organization", [], False, located, 3, NO_OUTLETS) == "place"
    assert standing("Lyra", "organization", [], False, ev(("located",), ("acts",), ()), 3, NO_OUTLETS) == "actor"


def test_a_work_described_as_one_is_a_thing():
    assert standing("Lyra Mundi", "person", ["Velt's painting"], False, ev((), ("acts",)), 3, NO_OUTLETS) == "thing"


def test_a_name_called_a_newspaper_just_before_it_is_an_outlet():
    assert standing("Lyrablatt", "person", [], False, ev(("media", "speaks")), 1, NO_OUTLETS) == "outlet"


def test_one_word_taken_for_a_persons_name_needs_a_description_a_voice_or_a_pronoun():
    # "flights in or out of Dublin, Velkor and Belfast": a town the tagger took for a person
    assert standing("Velkor", "person", [], False, ev(("acts",), ()), 2, NO_OUTLETS) == "passing"
    assert standing("Velkor", "person", ["nurse"], True, ev(()), 1, NO_OUTLETS) == "actor"
    assert standing("Velkor", "person", [], False, ev(("speaks",)), 1, NO_OUTLETS) == "actor"
    assert standing("Velkor", "person", [], False, ev(("personal",), ()), 1, NO_OUTLETS) == "actor"
    assert standing("Jane Velkor", "person", [], False, ev(("acts",), ()), 2, NO_OUTLETS) == "actor"


def test_a_name_met_mostly_in_someones_words_and_doing_nothing_else_gets_no_row():
    # "official recognition of the Republic of Velora" in a ministry's statement, quoted by three outlets
    quoted = ev(("quoted",), ("quoted",), ("quoted",), ())
    assert standing("Republic of Velora", "organization", [], False, quoted, 3, NO_OUTLETS) == "passing"
    assert standing("Republic of Velora", "organization", [], False, ev(("quoted",), ("quoted",), ("acts",)), 3,
                    NO_OUTLETS) == "actor"
    assert standing("Republic of Velora", "organization", [], False, ev(("quoted",), (), ()), 3, NO_OUTLETS) == "actor"


@pytest.mark.parametrize("kind", ["group", "person"])
def test_a_nations_people_named_with_nothing_that_sets_them_apart_get_no_row(kind):
    # (the tagger may take "Sri Lankans" for a person's name)
    assert standing("Sri Lankans", kind, [], False, ev(("acts",), ()), 2, NO_OUTLETS) == "passing"
    assert standing("Sri Lankans", kind, ["voters abroad"], True, ev(("acts",)), 2, NO_OUTLETS) == "actor"


@pytest.mark.parametrize("name, kind", [("Rear Adm", "person"), ("Cmdr", "person"), ("Brig", "organization"),
                                        ("Lt. Col.", "person")])
def test_a_rank_cut_from_its_holders_name_gets_no_row(name, kind):
    assert standing(name, kind, ["coast guard deputy chief"], True, ev(("speaks",)), 2, NO_OUTLETS) == "passing"


def test_a_name_taken_for_a_persons_that_only_qualifies_a_noun_is_a_thing():
    # "reports of Harbour Note fires": a product's name, never acting, speaking or described
    assert standing("Harbour Note", "person", [], False, ev(("modifies:fire",), ()), 5, NO_OUTLETS) == "thing"
    assert standing("Jane Roe", "person", [], False, ev(("modifies:family",), ("acts",)), 5, NO_OUTLETS) == "actor"


def test_the_outlets_own_reporter_gets_no_row_unless_the_story_is_about_what_he_did():
    reporter = ["ITV News reporter"]
    assert standing("Ian Roe", "person", reporter, True, ev(("speaks",)), 1, NO_OUTLETS) == "outlet"
    assert standing("Ian Roe", "person", ["journalist"], True, ev(("acts",)), 1, NO_OUTLETS) == "actor"


def test_kind_follows_the_descriptions_heads_and_the_pronouns():
    assert corrected_kind("organization", "Alain Roe", ["French Transport Minister"], ev(())) == "person"
    assert corrected_kind("organization", "Kylian Roe", [], ev(("acts", "personal"))) == "person"
    assert corrected_kind("person", "Binance", ["rival exchange"], ev(())) == "organization"
    assert corrected_kind("person", "Kestrel", [], ev(("speaks", "impersonal"))) == "organization"
    # one word is no person's full name; a body's word in the name keeps it a body
    assert corrected_kind("organization", "Apple", ["chief executive"], ev(())) == "organization"
    # a newsroom or a company by its name's last word, whatever its pronouns or the parse's "title"
    assert corrected_kind("organization", "Lyra News", [], ev(("speaks", "personal"))) == "organization"
    assert corrected_kind("person", "Harbour Motors", [], ev(())) == "organization"
    assert corrected_kind("organization", "Harbour Motors", ["General"], ev(())) == "organization"
    assert corrected_kind("organization", "Kestrel Bank", ["chief executive"], ev(())) == "organization"
    assert corrected_kind("person", "Kell’s Tracking And Command Network", [], ev(())) == "organization"
    assert corrected_kind("person", "Bill Roe", ["former rival", "Microsoft Chairman"],
                          ev(("speaks", "impersonal"))) == "person"


@pytest.mark.parametrize("phrase, kind, ok", [
    ("former Minneapolis police officer", "person", True),
    ("Floyd's nephew", "person", True),
    ("professor emeritus at the university", "person", True),
    ("news of convictions on all counts", "person", False),  # a misparse, not a description of a man
    ("cargo ship", "person", False),
    ("first country to recognise the government", "country", True),
    ("election campaign", "country", False),
    ("route from Barcelona", "country", False),
    ("low-cost carrier owned by Lufthansa", "organization", True),
    ("capital", "organization", False),
    ("culmination of a yearlong fight that paralysed the country", "organization", False),  # the vote's, not the body's
    ("latest blow to the ruling party", "organization", False),
    ("upper house of parliament", "organization", True),
    ("four legs", "organization", False),  # "unfolding its four legs, detailed the agency": the parse's slip
    ("advice from the weather office", "organization", False),
    ("Examplia volcano", "organization", False),
    ("lander contractor", "organization", True),
    ("German space agency", "organization", True),
    ("Royal Highness Prince", "person", False),  # of "His Royal Highness Prince Karl": an address, no role
    ("royal biographer", "person", True),
])
def test_a_description_fits_only_the_kind_of_actor_it_can_describe(phrase, kind, ok):
    assert fits(phrase, kind) is ok


def test_a_title_never_carries_the_persons_own_name():
    assert without_own_name("Spain's Prime Minister Mariano", ["Mariano Rajoy", "Rajoy"]) == "Spain's Prime Minister"
    assert without_own_name("Prime Minister Mariano of Spain", ["Mariano Rajoy"]) is None
    assert without_own_name("Floyd's younger brother", ["Philonise Floyd"]) == "Floyd's younger brother"
    # the titles and nationalities written with a name are no part of it
    assert without_own_name("President", ["Sauli Niinisto", "Finnish President Sauli Niinisto"]) == "President"
    assert without_own_name("General", ["General Motors", "Motors"], "organization") is None  # a body's own word


def test_occasions_and_forms_of_address_are_not_actors():
    from generator.sections.actors.standing import Evidence, standing
    busy = Evidence(mentions=5, acts=3, speaks=1)
    assert standing("Harbour Jubilee", "organization", [], False, busy, 3, frozenset()) == "thing"
    assert standing("Her Majesty", "person", [], False, busy, 3, frozenset()) == "thing"
    assert standing("Hurricane Velt", "organization", [], False, busy, 3, frozenset()) == "thing"
    assert standing("Harbour Party", "organization", [], False, busy, 3, frozenset()) == "actor"


def test_a_name_only_inside_someones_words_is_no_actor():
    from generator.sections.actors.standing import Evidence, standing
    spoken_of = Evidence(mentions=2, acts=1, quoted=2)
    assert standing("Lev Orlanov", "person", [], False, spoken_of, 2, frozenset()) == "passing"
    assert standing("Lev Orlanov", "person", [], False, Evidence(mentions=2, acts=1, quoted=1), 2,
                    frozenset()) == "actor"


def test_a_storm_tagged_a_person_and_two_people_run_together_are_no_actor():
    from generator.sections.actors.standing import Evidence, standing
    busy = Evidence(mentions=5, acts=3, speaks=1)
    assert standing("Hurricane Velt", "person", [], False, busy, 3, frozenset()) == "thing"
    assert standing("Superstorm Velt", "person", [], False, busy, 3, frozenset()) == "thing"
    assert standing("Ana Duarte and Lev Orlanov", "person", [], False, busy, 3, frozenset()) == "thing"
    assert standing("Ana Duarte", "person", [], False, busy, 3, frozenset()) == "actor"


def test_a_job_word_written_into_a_name_is_no_part_of_it():
    from generator.sections.actors.forms import core_name
    assert core_name("Actress Ana Duarte", "PERSON") == "Ana Duarte"
    assert core_name("Ana Duarte", "PERSON") == "Ana Duarte"
    assert core_name("Hunter Velt", "PERSON") == "Hunter Velt"  # two words: a name, not a job and a name


def test_two_names_run_together_a_clock_zone_and_a_role_played_are_no_actors():
    acting = ev(("acts",), ("acts",))
    assert standing("Jokowi, Prabowo", "person", [], False, acting, 3, NO_OUTLETS) == "thing"
    assert standing("GMT", "organization", [], False, acting, 3, NO_OUTLETS) == "thing"
    assert standing("MW", "organization", [], False, acting, 3, NO_OUTLETS) == "thing"
    assert standing("Fahrenheit", "organization", [], False, acting, 3, NO_OUTLETS) == "thing"

    assert standing("Danny Roper", "person", ["character"], True, ev(("played",), ()), 2, NO_OUTLETS) == "character"
    assert standing("Tom Velt", "person", ["actor"], True, acting, 2, NO_OUTLETS) == "actor"


def test_a_landform_a_lone_title_of_nobility_and_a_peoples_adjective_are_no_actors():
    busy = Evidence(mentions=3, acts=1)
    assert standing("River Velt", "organization", [], False, busy, 2, frozenset()) == "thing"
    assert standing("Earl", "person", [], False, busy, 2, frozenset()) == "thing"
    adjective = Evidence(mentions=2, modified=(("boy", 1), ("man", 1)))
    assert standing("Velorian", "group", [], False, adjective, 2, frozenset()) == "passing"
    assert standing("Velorian", "person", [], False, adjective, 2, frozenset()) == "passing"
    assert standing("Harbour Party", "group", [], False, busy, 2, frozenset()) == "actor"


def test_a_name_printed_twice_without_a_space_gets_no_row():
    assert standing("HarlowHarlow", "organization", [], False, Evidence(mentions=1, acts=1), 1, frozenset()) == "passing"


def test_an_award_and_a_broadcasters_co_anchor_are_no_actors():
    busy = Evidence(mentions=3, acts=1)
    assert standing("Finals MVP", "organization", [], False, busy, 2, frozenset()) == "thing"
    assert standing("Sam Lee", "person", ["co-anchor"], True, Evidence(mentions=1, speaks=1), 1, frozenset()) == "outlet"


def test_a_name_taken_for_a_persons_but_described_as_a_vessel_is_a_thing():
    phrases = ["large deep-water drilling vessel", "mobile offshore drilling unit"]
    assert standing("Deepwater Velt", "person", phrases, True, ev(("acts",), (), ()), 4, NO_OUTLETS) == "thing"
    # a person described as a person besides a thing stays a person
    assert standing("Jana Velt", "person", ["ship captain", "owner of the vessel"], True, ev(("acts",)), 2,
                    NO_OUTLETS) == "actor"


def test_an_honour_and_its_awards_are_no_actors():
    busy = Evidence(mentions=3, acts=1)
    for name in ("Lyra Music Awards", "Velt Hall of Fame", "Harbour Peace Prizes"):
        assert standing(name, "organization", [], False, busy, 2, frozenset()) == "thing", name


def test_a_county_or_an_award_taken_for_a_persons_name_gets_no_row():
    busy = Evidence(mentions=4, acts=2)
    assert standing("Lyra County", "person", [], False, busy, 4, frozenset()) == "place"
    assert standing("Velt Music Awards", "person", [], False, busy, 2, frozenset()) == "thing"


def test_a_name_cut_inside_its_brackets_gets_no_row():
    assert standing("JD(U", "organization", [], False, Evidence(mentions=3, acts=2), 3, frozenset()) == "passing"
    assert standing("Jana “Jo", "organization", [], False, Evidence(mentions=3, acts=2), 3, frozenset()) == "passing"
    assert standing("Jana “Jo” Velt", "person", [], False, Evidence(mentions=3, acts=2), 3, frozenset()) == "actor"


def test_outlets_by_their_description_or_a_newsroom_word_at_the_end_of_a_persons_name():
    quiet = Evidence(mentions=1)
    assert standing("Broadcaster KVT", "organization", [], False, quiet, 1, frozenset()) == "outlet"
    assert standing("Lyra Shimbun", "person", [], False, quiet, 1, frozenset()) == "outlet"
    assert standing("Xenra", "organization", ["state news agency", "photo"], False, quiet, 1, frozenset()) == "outlet"
    assert standing("Jane Roe", "person", [], False, quiet, 2, frozenset()) == "actor"


def test_a_body_that_acts_is_no_outlet_for_descriptions_of_its_own_things_or_hung_on_it():
    """ "posted on the website of Velt Motors", "... into Velt Motors, a source close to the probe
    told Wire": neither describes the carmaker, which does things all through the story."""
    busy = Evidence(mentions=30, acts=8, speaks=1)
    phrases = ["website of Velt Motors", "source close to the probe"]
    assert standing("Velt Motors", "organization", phrases, False, busy, 5, NO_OUTLETS) == "actor"
    assert standing("Kestrel", "organization", ["state broadcaster"], False, Evidence(mentions=3, acts=1), 2,
                    NO_OUTLETS) == "outlet"


def test_a_name_written_with_a_or_an_that_never_acts_is_a_thing():
    """ "an RBI double", "a HBI single": counted like a thing, never doing or saying anything."""
    counted = Evidence(mentions=8, indefinite=3, modified=(("single", 2),))
    assert standing("HBI", "organization", ["most of any team"], True, counted, 4, NO_OUTLETS) == "thing"
    acting = Evidence(mentions=8, acts=2, indefinite=3)
    assert standing("Harbour Air", "organization", [], False, acting, 4, NO_OUTLETS) == "actor"
