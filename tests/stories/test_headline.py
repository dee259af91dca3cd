"""The headline: a source's own title when one reads as a headline, else a short lead clause."""

from __future__ import annotations

from dataclasses import replace

from generator.models import AnalysedArticle, Item
from generator.stories.headline import choose_headline, clean_title, lead_clause
from tests.stories.test_cluster import fake

def titled(item: AnalysedArticle, title: str) -> AnalysedArticle:
    return AnalysedArticle(replace(item.article, title=title), item.analysis)


BODY = "A cargo ship hit the Harlow bridge on Tuesday and the bridge collapsed into the river."


def test_site_text_and_questions_are_not_headlines():
    for title in ("Play Live Radio", "Reading Time: 7 minutes", "Image Courtesy of The Asahi Shimbun",
                  "See more of the story", "Why did the bridge fall?",
                  "Residents look over destroyed buildings half submerged in water from the"):
        assert clean_title(title) is None, title


def test_a_site_name_after_the_title_is_taken_off():
    assert clean_title("Harlow bridge collapses after ship strike | Harlow Gazette") == \
        "Harlow bridge collapses after ship strike"
    assert clean_title("Japan's ex-leader assassinated, world stunned. Video / CBS News") == \
        "Japan's ex-leader assassinated, world stunned"


def test_a_live_pages_tag_after_the_title_is_taken_off():
    assert clean_title("Harlow bridge reopens after six-month repairs – as it happened") == \
        "Harlow bridge reopens after six-month repairs"
    assert clean_title("Harlow votes on the new bridge - live updates") == "Harlow votes on the new bridge"


def test_the_consensus_title_the_bodies_bear_out():
    titles = {"01": "Harlow bridge collapses after cargo ship hits it", "02": "Play Live Radio",
              "03": "Cargo ship hits Harlow bridge, which collapses"}
    items = [titled(fake(sid, BODY, []), title) for sid, title in titles.items()]
    assert choose_headline(items) in ("Harlow bridge collapses after cargo ship hits it",
                                      "Cargo ship hits Harlow bridge, which collapses")


def test_without_titles_the_lead_clause_has_no_attribution_tail():
    items = [fake("01", BODY, [])]
    lead = Item("A cargo ship hit the Harlow bridge on Tuesday and the bridge collapsed, officials said.", ("01",))
    assert choose_headline(items, [lead]) == "A cargo ship hit the Harlow bridge on Tuesday and the bridge collapsed"


def test_a_long_lead_is_cut_to_its_main_clause_or_refused():
    assert lead_clause("The Harlow bridge collapsed into the river on Tuesday, after a cargo ship that had lost "
                       "power hit one of its pillars in the dark.") == \
        "The Harlow bridge collapsed into the river on Tuesday."
    assert lead_clause(" ".join(["word"] * 30) + ".") is None


def test_an_attribution_left_at_the_end_by_a_cut_is_taken_off():
    assert lead_clause("The river's worst flood in decades has killed more than 200 people, authorities said "
                       "Saturday, as troops and rescue teams scrambled to reach villages cut off by the water.") == \
        "The river's worst flood in decades has killed more than 200 people."


def test_a_later_point_of_the_brief_gives_the_headline_when_the_first_three_cannot():
    items = [fake("01", BODY, [])]
    long = Item(" ".join(["word"] * 30) + ".", ("01",))
    short = Item("The Harlow bridge collapsed into the river on Tuesday, officials said.", ("01",))
    assert choose_headline(items, [long, long, long, short]) == "The Harlow bridge collapsed into the river on Tuesday"


def test_a_time_opener_is_not_the_headline():
    assert lead_clause("Late on Friday evening, September 8, the valley was shaken by a powerful earthquake with "
                       "a magnitude of 6.9, the survey said.") == \
        "The valley was shaken by a powerful earthquake with a magnitude of 6.9."


def test_an_opening_phrase_is_not_the_headline():
    assert lead_clause("In a statement outside the town hall, Velt said he would resign as mayor by the end of "
                       "the year, after weeks of pressure from his own councillors.") == \
        "Velt said he would resign as mayor by the end of the year."


def test_the_clause_about_what_every_source_reports_is_the_headline():
    bodies = ["The Harlow dam failed on Tuesday and flooded the valley.", "The Harlow dam failed; the valley flooded.",
              "Divers searched the valley after the Harlow dam failed. Boats were sent."]
    items = [fake(f"0{i}", b, []) for i, b in enumerate(bodies)]
    points = [Item("Boats were sent from the coast.", ("00",)), Item("The Harlow dam failed on Tuesday.", ("00",))]
    assert choose_headline(items, points) == "The Harlow dam failed on Tuesday"


def test_a_title_naming_nothing_is_not_the_headline():
    items = [titled(fake("01", BODY, []), "Several dozens killed and thousands injured"), fake("02", BODY, [])]
    assert choose_headline(items, [Item("A cargo ship hit the Harlow bridge on Tuesday.", ("01",))]) == \
        "A cargo ship hit the Harlow bridge on Tuesday"


def test_a_relative_clause_is_cut_from_a_long_lead():
    assert lead_clause("The Harlow council approved the new tram line on Friday in a 31-19 vote which ends "
                       "years of dispute over the route through the old town.") == \
        "The Harlow council approved the new tram line on Friday in a 31-19 vote."


def test_a_columns_first_person_title_is_no_headline():
    titles = {"01": "The Harlow bridge verdict. What I saw at the river sickened me",
              "02": "Cargo ship hits Harlow bridge, which collapses"}
    items = [titled(fake(sid, BODY, []), title) for sid, title in titles.items()]
    assert choose_headline(items) == "Cargo ship hits Harlow bridge, which collapses"
    quoted = [titled(fake("01", BODY, []), "Harlow bridge collapses: 'I saw it fall,' says cargo ship pilot")]
    assert choose_headline(quoted).startswith("Harlow bridge collapses")


def test_a_title_whose_figure_no_other_source_gives_is_the_last_choice():
    bodies = {"01": BODY + " At least 22 people were killed.", "02": BODY + " The toll reached 35 on Tuesday night.",
              "03": BODY + " At least 39 people died, officials said on Wednesday."}
    titles = {"01": "Harlow bridge collapses after ship strike, killing at least 22",  # the consensus, but 22
              "02": "Ship strike brings down Harlow bridge",
              "03": "Harlow bridge collapses, ship strike kills dozens"}
    items = [titled(fake(sid, bodies[sid], []), titles[sid]) for sid in bodies]
    assert choose_headline(items) != titles["01"]
    # the last choice, not refused: with no other title it is the headline
    titles.update({"02": "Play Live Radio", "03": "Watch live"})
    items = [titled(fake(sid, bodies[sid], []), titles[sid]) for sid in bodies]
    assert choose_headline(items) == titles["01"]
