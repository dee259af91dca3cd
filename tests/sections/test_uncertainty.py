"""Section cues on invented news sentences: what we don't know, what's next, background."""

from __future__ import annotations

import pytest

from generator.sections.claims.uncertainty import (
    background_cue,
    classify,
    heading_kind,
    unquoted,
)


@pytest.mark.parametrize("text", [
    "It remains unclear whether the talks will resume.",
    "There is also uncertainty about how the aid will be distributed.",
    "How many people were inside is not yet known.",
    "The outcome will likely depend on the weather.",
    "Its effect on prices is still unfolding.",
    "The new government faces significant challenges in restoring order.",
    "Reuters could not independently verify the footage.",
    "Dozens of miners are still feared trapped.",
    "The death toll is expected to rise.",
    "The ruling could open the door to further appeals.",
    "Rescuers assume that the number of victims will be higher.",
    "Damage assessment is ongoing.",
    "The strike raised the prospect of a wider war.",
    "The company does not yet know the cause of the outage.",
    "Officials cannot predict when the network will be restored.",
    "The death toll will most likely increase further, the mayor said.",
    "It's not yet clear why the pier gave way, but divers are searching the river bed.",
    "It’s unclear who fired first.",
    "Questions immediately swirled about what caused the roof to give way.",
    "Velt is also likely to appeal the verdict.",
    "The question on everyone's lips is what will happen to the league.",
])
def test_stated_uncertainty_and_predictions_are_open_questions(text):
    assert classify(text) == "open_question"


@pytest.mark.parametrize("text", [
    "The minister said she stepped down as there was a possibility that her illness could return.",
    "About 600 people were told to leave their homes because the rest of the bridge could collapse.",
    "At least 60 people were missing, feared dead, after the train derailed in Harlow.",
    "The president said no charges could stand against him.",
    # told of a scene: what was prevented, hoped for, or became possible
    "Harbour fire crews began spraying the jet with foam before a larger fire could erupt.",
    "In Lyra, 26 villagers gathered in the hope that they could find the narrow path to the water.",
    "The Velt theory changed how scientists could perceive the universe.",
])
def test_a_possibility_given_as_a_reason_or_inside_what_was_said_is_no_open_question(text):
    assert classify(text) != "open_question"


@pytest.mark.parametrize("text", [
    "The court will rule on the appeal next week.",
    "The company plans to appeal the decision.",
    "Talks are set to resume in Geneva on Monday.",
    "The branches will be converted into advice centres over the next 18 months, the chief executive said.",
    "His sentencing will take place at a later date.",
    "The board is due to meet again in the spring.",
])
def test_plans_and_schedules_are_whats_next(text):
    assert classify(text) == "next"


@pytest.mark.parametrize("text", [
    "The army said it would strengthen its border units.",
    "Once enabled, the feature will work whenever the phone joins a network.",
    "She will also be the first woman to lead the country.",
    "The minister said his legacy would live forever.",
])
def test_a_bare_future_is_next_only_where_the_sentence_dates_it(text):
    assert classify(text) == "future"  # claims.alignment makes it "next" when it has a day to come


@pytest.mark.parametrize("text", [
    "The director said the higher number is due to officials asking residents for information.",
    "The delay is due to the heavy rain of the past month.",
])
def test_due_to_a_cause_is_no_schedule(text):
    assert classify(text) != "next"


def test_a_plan_told_in_the_past_tense_is_not_whats_next():
    assert classify("The members were expected to read the bill clause by clause.") != "next"
    # a pledge told as done, in the past perfect; a plan inside a clause that describes a body
    assert classify("Late Thursday the president had shocked the crowds with a pledge to hand power "
                    "to his deputy.") not in {"next", "future"}
    assert classify("The council -- which earlier Friday said it would lift the curfew -- is made up of "
                    "the army chiefs.") not in {"next", "future"}
    # "plans" as a noun: plans someone announced, not a step to come
    assert classify("Last year, the singer announced her plans to retire from touring.") != "next"


def test_what_an_act_was_for_or_a_possibility_gone_by_is_no_open_question():
    assert classify("Officers threw knives up to the crew so they could cut the seat belts.") != "open_question"
    assert classify("A ruling had not been expected until Monday, and could decide the issue once and "
                    "for all.") != "open_question"
    assert classify("The ruling could open the door to appeals.") == "open_question"


def test_a_wish_what_might_have_been_what_one_could_do_and_a_scene_of_confusion_are_no_open_question():
    assert classify("Either side would win its first title if only someone could find the net.") != "open_question"
    assert classify("Harbour won, and it could all have been much easier had Roe scored early.") != "open_question"
    assert classify("Parents stood vigil, clutching at what hope they could find as the rain swirled.") \
        != "open_question"
    assert classify("There was confusion during the attack, which came as fireworks were set off.") != "open_question"
    assert classify("There was also confusion over some 50 people who were still unaccounted for.") == "open_question"
    assert classify("The death toll could rise further, officials said.") == "open_question"


def test_a_prediction_under_the_sources_own_whats_next_heading_stays_next():
    text = "The ruling could open the door to further appeals."
    assert classify(text, heading="next") == "next"
    # stated uncertainty is never a plan, whatever the heading
    assert classify("It remains unclear whether the talks will resume.", heading="next") == "open_question"


def test_cues_inside_quotation_marks_are_not_read():
    # the minister's promise is a statement someone made, not the outlet's forecast
    assert classify('"We will rebuild every school," the minister said.') is None
    assert unquoted('He said "it will rain" today.').count("rain") == 0


def test_an_apostrophe_is_not_a_closing_quotation_mark():
    assert "big day" in unquoted("It’s a big day for the city, he said.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Since 2019, the company has cut 3,000 jobs.", True),
    ("In recent years, the port has expanded its terminals.", True),
    ("The tribunal had banned the party before the vote.", True),
    ("The ministry said it had received the letter.", False),  # back-shifted reported speech
    ("The company cut 3,000 jobs on Monday.", False),
    ("The regulator had previously fined the bank twice.", True),
    ("Thirteen bodies had been found in the ship, the coastguard said.", False),  # the news, told from the hour of writing
    ("The probe had phoned home to say it was alive and healthy.", False),
    ("The chain was once the country's biggest retailer.", True),
    ("The port has long been a hub for coal exports.", True),
    ("The ferry was once again turned back by the waves.", False),
    ("Ann Velt and Tom Roe had come close in the past.", True),  # an irregular participle
    ("Velt had won the title twice before the war.", True),
    ("The team had won by Sunday evening, the coach said.", False),
    ("The ship had experienced a brief loss of propulsion just before the accident.", False),  # the news's minutes
    ("The ship had sailed the route before the war.", True),
    ("Velt Island is situated about 48 kilometres off the coast.", True),
    ("The province experiences rain and regular flooding each summer.", True),
    ("The missing hiker was located on Tuesday.", False),
    ("The epicenter of the quake is located 80 miles northwest of Harlow.", False),
    ("Governor Velt has reiterated a number of times in the past few months that he will act.", True),
    ("The governor said in the past few days that he will act.", False),
    ("Ransomware is a type of malware that locks a computer's files.", True),
    ("Due to difficult terrain, the country has had a fraught safety record.", True),
    ("The airline set a record of 40 flights a day.", False),
])
def test_background_cues(text, expected):
    assert background_cue(text) is expected


@pytest.mark.parametrize(("text", "kind"), [
    ("What we don't know:", "open_question"),
    ("What's next:", "next"),
    ("The backstory:", "background"),
    ("What we know:", "known"),
    ("The council approved the budget on Monday.", None),
    ("Mayor resigns after a decade in office amid history of disputes", None),
])
def test_source_headings(text, kind):
    assert heading_kind(text) == kind


@pytest.mark.parametrize("text", [
    "“This forces us to take countermeasures,” the foreign ministry said.",
    "The ministry said: “Appropriate action will be taken.”",
    "The rebels said they would take retaliatory measures.",
    "The army said it would watch closely for troop movements near the border.",
])
def test_threatened_unspecified_response_is_open_question_even_in_quotes(text):
    assert classify(text) == "open_question"


@pytest.mark.parametrize("text", [
    "The council took measures to curb traffic last year.",
    "“We watched the match together,” she said.",
    "Police were forced to take a detour around the flooded road.",
])
def test_past_or_specific_actions_are_not_threats(text):
    assert classify(text) != "open_question"


def test_pattern_lists_match_as_one_alternation_where_any_pattern_does():
    """_any reads a list of patterns as one compiled alternation (speed only)."""
    import re

    from generator.sections.claims import uncertainty

    lists = [uncertainty.OPEN_QUESTION_PATTERNS, uncertainty.HEDGED_PATTERNS, uncertainty.NEXT_PATTERNS,
             uncertainty.BACKGROUND_PATTERNS, uncertainty.THREAT_PATTERNS]
    texts = ["It remains unclear whether the talks will resume.", "Prices may rise further.",
             "Since 2019, the company has cut 3,000 jobs.", "The court will rule next week.",
             "The tribunal had banned the party in 2003.", "Rain fell.", "", "We will take appropriate measures."]
    for patterns in lists:
        for text in texts:
            plain = any(re.search(p, text, re.IGNORECASE) for p in patterns)
            assert uncertainty._any(patterns, text) == plain, (patterns[0], text)


def test_a_reaction_voicing_hope_is_not_an_open_question():
    # what happened is the welcome; the hope is the speaker's, not something the story leaves open
    text = "The minister welcomed the move, calling it a brave step and expressing hope that others would follow suit."
    assert classify(text) != "open_question"


@pytest.mark.parametrize("text", [
    "Mrs May will step down as party leader on June 7.",
    "An emotional Mrs May revealed her decision outside her office.",
])
def test_a_name_spelt_like_a_modal_is_no_possibility(text):
    assert classify(text) != "open_question"


@pytest.mark.parametrize("text", [
    "He was known for building homes, where he and his wife could often be found on weekends.",
    "The rover landed in a crater which could hold signs of ancient life.",
])
def test_a_past_habit_or_a_description_is_no_possibility(text):
    assert classify(text) != "open_question"


def test_a_fact_told_amid_warnings_stays_a_fact():
    text = "At least 170 have been killed in Velora, the government said amid warnings that the toll is expected to rise."
    assert classify(text) != "open_question"


@pytest.mark.parametrize("text", [
    # a fear describing a noun, in its relative clause: what the bill is, as told
    "Protesters oppose a bill that would allow extraditions, which critics fear would let the state seize opponents.",
    # the noun "plan", told of: no step announced
    "Focused on a government plan to allow extraditions to the mainland, the march filled the streets.",
    "Its plan to build a dam on the Vel river was shelved.",
])
def test_a_fear_or_a_plan_describing_a_noun_is_no_open_question_and_no_next_step(text):
    assert classify(text) is None


@pytest.mark.parametrize("text, cue", [
    ("The company plans to appeal the ruling.", "next"),
    ("The government announced a plan to cut taxes next year.", "next"),
    ("Analysts fear that prices will climb.", "open_question"),
])
def test_a_plan_announced_and_a_fear_of_ones_own_still_count(text, cue):
    assert classify(text) == cue


@pytest.mark.parametrize("text, cue", [
    ("The display of anger could have serious repercussions for the Velt government.", "open_question"),
    ("If confirmed, the find would be one of the most important discoveries in years.", "open_question"),
    # what might have been is told, not open
    ("The crash could have killed everyone on board.", None),
    ("The blast could have been heard for miles.", None),
])
def test_a_consequence_ahead_or_under_a_condition_is_open(text, cue):
    assert classify(text) == cue


@pytest.mark.parametrize("text, cue", [
    ("Landslides are also expected in some hilly areas, the weather office said.", "next"),
    ("Heavy rain is forecast for Friday across the south.", "next"),
    ("A legal challenge could, in the short term, prolong a period of uncertainty.", "open_question"),
    ("Lyria has had a fraught record of aviation accidents.", "background"),
    ("Velt founded the youth front, which propelled his career during the Harlow era.", "background"),
    ("The crowd was expected to exceed 50,000.", None),
    ("As per reports, the leadership election will take place over the summer.", "next"),
    ("The pipelines have been at the centre of tensions in recent months as Velora cut supplies.", "background"),
    ("The identification and exact count of the injured is yet not known.", "open_question"),
    ("The Velt Bank has already raised rates, earlier and in a more extreme fashion than is likely to be seen from "
     "the Lyra Bank.", None),
])
def test_forecasts_asides_records_and_eras_are_cued(text, cue):
    assert classify(text) == cue
