"""Verification: every published line passes every check; the rest is held back with its reason."""

from __future__ import annotations

import pytest

from generator.models import Actor, Article, Item, Quote, Story, TimelineEntry, Unknown
from generator.stories.verify import verify

A = ("Officials said on Tuesday that 39 people died when the Harlow dam failed. "
     "He said the town would rebuild. The mayor, Ann Velt, said the valley was cut off.")
B = "At least 39 people died after the Harlow dam failed on Tuesday, officials said. Police closed the road."


def story(**sections) -> Story:
    sources = (Article("001", "seeds/001.txt", (A,)), Article("002", "seeds/002.txt", (B,)))
    return Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources, **sections)


def reasons(s: Story) -> dict[str, str]:
    return {h.text: h.reason for h in s.held}


def test_a_citation_to_a_source_that_does_not_say_it_is_dropped():
    s = verify(story(known=(Item("Police closed the road.", ("001", "002")),)))
    assert s.known == (Item("Police closed the road.", ("002",)),) and s.held == ()


def test_a_line_no_cited_source_states_is_held():
    s = verify(story(known=(Item("The dam was built in 1950.", ("001",)),)))
    assert s.known == () and reasons(s) == {"The dam was built in 1950.": "no cited source states it"}


def test_lines_that_cannot_stand_alone_are_held_whatever_their_sources():
    s = verify(story(known=(Item("He said the town would rebuild.", ("001",)),
                            Item("Officials said on Tuesday that 39 people", ("001",)),
                            Item('The mayor said "the valley was cut off.', ("001",)))))
    assert s.known == ()
    got = reasons(s)
    assert got["He said the town would rebuild."].startswith("does not stand alone")
    assert got["Officials said on Tuesday that 39 people"].startswith("cut off")
    assert got['The mayor said "the valley was cut off.'] == "unbalanced quotation marks"


def test_a_point_is_shown_once_in_brief_first():
    line = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    s = verify(story(summary=(Item(line, ("001",)),), known=(Item(line, ("001",)),)))
    assert [i.text for i in s.summary] == [line] and s.known == ()
    assert reasons(s) == {line: "already said higher on the page"}


def test_a_disagreement_needs_two_values_from_different_sources():
    one = Unknown("disputed", 'Figures differ: "39 people" vs "39 people"', ("001", "002"))
    both = Unknown("disputed", 'Roles differ: "Officials" vs "The mayor"', ("001", "002"))
    s = verify(story(unknown=(one, both)))
    assert s.unknown == ()
    assert {h.reason.split(" (")[0].split(":")[0] for h in s.held} == {
        "one value written two ways, not a disagreement", "one source gives both values"}


def test_quotes_need_a_speaker_and_more_than_a_fragment():
    quotes = (Quote(None, "the valley was cut off", ("001",)), Quote("Ann Velt", "cut off", ("001",)),
              Quote("Ann Velt", "the valley was cut off", ("001", "002")))
    s = verify(story(quotes=quotes))
    assert s.quotes == (Quote("Ann Velt", "the valley was cut off", ("001",)),)
    assert sorted(h.reason for h in s.held) == ["a fragment, not a statement", "no identified speaker"]


def test_a_quote_credited_to_a_pronoun_a_date_or_his_family_is_held():
    text = "the valley was cut off"
    quotes = tuple(Quote(who, text, ("001",)) for who in ("he", "October", "His family", "Ann Velt"))
    s = verify(story(quotes=quotes))
    assert [q.speaker for q in s.quotes] == ["Ann Velt"]
    assert {h.reason for h in s.held} == {"the speaker is not a person or a body"}


def test_a_key_quote_never_repeats_a_statement_shown_above():
    line = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    repeat = "39 people died when the Harlow dam failed"  # the words of What we know's line
    quotes = (Quote("Officials", repeat, ("001",)), Quote("Police", "Police closed the road", ("002",)))
    s = verify(story(known=(Item(line, ("001",)),), quotes=quotes))
    assert [q.speaker for q in s.quotes] == ["Police"]
    assert reasons(s) == {f"Officials: {repeat}": "already shown as a statement"}


def test_a_persons_role_is_never_a_verb_phrase_and_roles_cite_what_gives_them():
    actors = (Actor("Ann Velt", "person", (), "has been importing oil", 2, ("001",), ("001",)),
              Actor("Ann Velt", "person", (), "mayor", 2, ("001",), ("001", "002")))
    s = verify(story(actors=actors))
    assert [(a.role, a.role_sources) for a in s.actors] == [(None, ()), ("mayor", ("001",))]
    assert [h.reason for h in s.held] == ["a verb phrase, not a title or description"]


@pytest.mark.parametrize("kind, role, reason", [
    ("person", "news of convictions on all counts", "not a title or description of a person"),
    ("organization", "has been importing essential commodities such as oil", "a fragment, not a role"),
    ("organization", 'described the collapse as a "mass casualty incident', "a fragment, not a role"),
    ("organization", "had fighting cancer since", "a fragment, not a role"),
    ("organization", "called it a great gift for the team", "does not stand alone (points outside the line)"),
])
def test_a_role_that_is_no_title_description_or_complete_predicate_is_held(kind, role, reason):
    s = verify(story(actors=(Actor("Kell Velt", kind, (), role, 2, ("001",), ("001",)),)))
    assert s.actors[0].role is None and [h.reason for h in s.held] == [reason]


def test_a_place_an_outlet_or_a_thing_never_gets_a_row():
    actors = (Actor("Ridgeford", "city", (), None, 4, ("001",)),
              Actor("Kell News", "organization", (), None, 2, ("001",), standing="outlet"),
              Actor("Ann Velt", "person", (), None, 2, ("001",)))
    s = verify(story(actors=actors))
    assert [a.name for a in s.actors] == ["Ann Velt"]
    assert [h.reason for h in s.held] == ["not an actor of the story (place)", "not an actor of the story (outlet)"]


def test_timeline_rows_are_checked_like_statements():
    rows = (TimelineEntry("2024-05-07", "Police closed the road.", ("001", "002")),
            TimelineEntry("2024-05-07", "He said the town would rebuild.", ("001",)))
    s = verify(story(timeline=rows))
    assert s.timeline == (TimelineEntry("2024-05-07", "Police closed the road.", ("002",)),)


def test_a_navigation_headline_gives_way_to_the_first_point():
    line = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    s = verify(story(summary=(Item(line, ("001",)),)).__class__(**{**story(summary=(Item(line, ("001",)),)).__dict__,
                                                                    "headline": "Search Menu"}))
    assert s.headline == line and s.held[-1].section == "headline"


def test_a_headline_with_an_attribution_tail_gives_way_to_a_lead_clause():
    s = story(summary=(Item("At least 39 people died after the Harlow dam failed on Tuesday, officials said.", ("002",)),))
    s = verify(Story(s.slug, "At least 39 people died after the Harlow dam failed on Tuesday, officials said.",
                     s.event_date, s.updated, s.sources, summary=s.summary))
    assert s.headline == "At least 39 people died after the Harlow dam failed on Tuesday."
    assert any(h.section == "headline" for h in s.held)


def test_a_disagreement_with_a_garbled_side_is_held():
    d = Unknown("disputed", 'Descriptions differ: "the mayor" vs "the road"', ("001", "002"),
                {"001": "The mayor, Ann Velt, said the valley was cut off.", "002": "Police closed the road."})
    s = verify(Story("s", "Harlow dam fails", None, None, story().sources, unknown=(d,), garbled=("002",)))
    assert s.unknown == () and "garbled" in reasons(s)[d.text]
