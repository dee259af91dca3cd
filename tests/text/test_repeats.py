"""A point said again in other words, higher on the page, is not said twice."""

from __future__ import annotations

from generator.text.repeats import PageRepeats

SOURCES = [
    "The Harlow bridge collapsed on Tuesday. Two workers have been found alive, one in serious condition. "
    "The bridge opened in 1977. Divers searched the river all night.",
    "The Harlow bridge fell into the river. Two more workers were found, one of them badly hurt. "
    "The mayor declared an emergency. Traffic was stopped before the crash.",
]


def test_the_same_fact_in_other_words_repeats():
    page = PageRepeats.of(SOURCES)
    page.add("Two workers have been found alive, one in serious condition.")
    assert page.repeats("Two more workers were found, one of them badly hurt.")


def test_another_fact_of_the_same_story_does_not():
    page = PageRepeats.of(SOURCES)
    page.add("Two workers have been found alive, one in serious condition.")
    assert not page.repeats("The mayor declared an emergency.")
    assert not page.repeats("The bridge opened in 1977.")


def test_an_empty_page_repeats_nothing():
    assert not PageRepeats.of(SOURCES).repeats("The bridge opened in 1977.")
    assert not PageRepeats.of([]).repeats("The bridge opened in 1977.")


def test_a_source_saying_the_line_in_its_own_words_is_found():
    from generator.text.repeats import SourceSentences
    texts = {"a": SOURCES[0], "b": SOURCES[1] + " Officials said eight members of the crew fell into the water.",
             "c": "Officials say eight members of that crew fell into the cold water near the bridge. The mayor wept."}
    says = SourceSentences(texts)
    assert says.also_stating("Officials believe that eight members of that crew fell into the water.", ["b"]) == ("c",)
    # a sentence near in words but with another figure is not the same statement
    assert says.also_stating("Officials believe that nine members of that crew fell into the water.", ["b"]) == ()


def test_a_line_near_another_sources_sentence_is_no_single_source_claim():
    from generator.text.repeats import SourceSentences
    texts = {"a": "Officials believe that eight members of the crew fell into the water near the bridge.",
             "b": "Eight crew members are thought to have fallen into the river by the bridge, officials said."}
    says = SourceSentences(texts)
    assert says.others_may_state(texts["a"], ["a"])
    assert not says.others_may_state("The mayor declared a state of emergency across the whole county.", ["a"])


def test_rows_of_one_date_need_fewer_shared_words_to_tell_one_event():
    from generator.text.repeats import SAME_DAY_SIMILAR
    sources = ["A powerful earthquake shook Velora on Saturday near its capital, Lyra, killing more than 1,800 "
               "people. Rescuers dug through rubble. The airport closed.",
               "The tremor struck an area of central Velora between Lyra and the city of Harlow early on Saturday. "
               "Aid arrived on Monday. Markets stayed shut."]
    page = PageRepeats.of(sources)
    page.add("A powerful earthquake shook Velora on Saturday near its capital, Lyra, killing more than 1,800 people.")
    same = "The tremor struck an area of central Velora between Lyra and the city of Harlow early on Saturday."
    assert page.repeats(same, SAME_DAY_SIMILAR) and not page.repeats(same)
    assert not page.repeats("Markets stayed shut.", SAME_DAY_SIMILAR)
