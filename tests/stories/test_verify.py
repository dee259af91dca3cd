"""Verification: every published line passes every check; the rest is held back with its reason."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.models import Actor, Article, Item, Quote, Story, TimelineEntry, Unknown
from generator.stories.verify import no_speakers_of, role_problem, verify

A = ("Officials said on Tuesday that 39 people died when the Harlow dam failed. "
     "He said the town would rebuild. The mayor, Ann Velt, said the valley was cut off.")
B = "At least 39 people died after the Harlow dam failed on Tuesday, officials said. Police closed the road."


def story(extra: str | None = None, **sections) -> Story:
    """`extra`: the text of a third source, 003."""
    sources = (Article("001", "seeds/001.txt", (A,)), Article("002", "seeds/002.txt", (B,)))
    sources += (Article("003", "seeds/003.txt", (extra,)),) if extra else ()
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


def test_a_source_setting_two_bodies_values_side_by_side_reports_the_disagreement():
    from generator.stories.verify import _two_accounts
    c = ("The quake struck on Wednesday. Velora's weather agency gave the magnitude as 7.2 while the "
         "Northern Geological Survey put it at 7.4.")
    assert _two_accounts(c, "7.2", "7.4")
    assert not _two_accounts("The toll rose from 7 to 9 on Wednesday, while rescuers searched.", "7", "9")
    assert not _two_accounts("Officials counted 39 dead and 43 missing.", "39", "43")


def test_quotes_need_a_speaker_and_more_than_a_fragment():
    quotes = (Quote(None, "the valley was cut off", ("001",)), Quote("Ann Velt", "cut off", ("001",)),
              Quote("Ann Velt", "the valley was cut off", ("001", "002")))
    s = verify(story(quotes=quotes))
    assert s.quotes == (Quote("Ann Velt", "the valley was cut off", ("001",)),)
    assert sorted(h.reason for h in s.held) == ["a fragment, not a statement", "no identified speaker"]


def test_a_quote_a_shown_line_already_quotes_in_part_is_held():
    words = ("Our thoughts are with the people of the valley, who have lost the man who came to embody "
             "their sense of a common home")
    line = "Velt said the mayor came to embody their sense of a common home in the valley."
    a = "Officials said on Tuesday. " + line + ' "' + words + '," Velt said.'
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", (Article("001", "seeds/001.txt", (a,)),),
                     known=(Item(line, ("001",)),), quotes=(Quote("Ann Velt", words, ("001",)),)))
    assert s.quotes == () and ("quote", "already shown as a statement") in [(h.section, h.reason) for h in s.held]
    # a line that does not name the speaker leaves the quote its news: who said it
    anon = "The mayor came to embody their sense of a common home in the valley, officials said."
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08",
                     (Article("001", "seeds/001.txt", (anon + ' "' + words + '," Velt said.',)),),
                     known=(Item(anon, ("001",)),), quotes=(Quote("Ann Velt", words, ("001",)),)))
    assert [q.speaker for q in s.quotes] == ["Ann Velt"]


def test_a_quote_credited_to_a_pronoun_a_date_or_his_family_is_held():
    text = "the valley was cut off"
    quotes = tuple(Quote(who, text, ("001",)) for who in ("he", "October", "His family", "American", "Ukrainian",
                                                           "Us", "Millions of Velorans", "Lyra Island", "Ann Velt"))
    s = verify(story(quotes=quotes))
    assert [q.speaker for q in s.quotes] == ["Ann Velt"]
    assert {h.reason for h in s.held} == {"the speaker is not a person or a body"}


@pytest.mark.parametrize("who", ["the Velt family", "an eyewitness", "one man", "the Harbour Party"])
def test_a_family_a_witness_or_a_named_body_is_a_speaker(who):
    q = Quote(who, "the valley was cut off", ("001",))
    assert [q.speaker for q in verify(story(quotes=(q,))).quotes] == [who]


@pytest.mark.parametrize("who", ["the outgoing leader", "The German born leader", "outlet", "the newspaper", "The operator",
                                 "the 67 year old president elect", "the 65 year old former army chief",
                                 # a description with a name inside it, and one who speaks for a body not named
                                 "the five time Velt Cup winner", "the U.S. ambassador", "A spokesman",
                                 "a senior police official", "foreign ministry", "authorities"])
def test_a_quote_credited_to_a_description_of_someone_is_held(who):
    q = Quote(who, "The valley will be rebuilt, whatever it costs.", ("001",))
    s = verify(story(quotes=(q,)))
    assert s.quotes == () and reasons(s)[f"{q.speaker}: {q.text}"] == "the speaker is a description, not a name"


def test_a_key_quote_never_repeats_a_statement_shown_above():
    line = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    repeat = "39 people died when the Harlow dam failed"  # the words of What we know's line
    quotes = (Quote("Officials", repeat, ("001",)), Quote("Police", "Police closed the road", ("002",)))
    s = verify(story(known=(Item(line, ("001",)),), quotes=quotes))
    assert [q.speaker for q in s.quotes] == ["Police"]
    assert reasons(s) == {f"Officials: {repeat}": "already shown as a statement"}


@pytest.mark.parametrize("role", ["German citizen", "black man", "local resident", "young Australian woman"])
def test_a_role_that_only_says_who_someone_is_is_held(role):
    s = verify(story(actors=(Actor("Ann Velt", "person", (), role, 2, ("001",), ("001",)),)))
    assert s.actors[0].role is None
    assert [h.reason for h in s.held] == ["says who the person is, not their part in the story"]


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
    ("person", "both former leaders", "describes several people, not one"),
    ("person", "7 French citizens", "describes several people, not one"),
    ("person", "then his 11-year-old daughter", "does not stand alone (points outside the line)"),
    ("person", "more than double his closest competitor", "does not stand alone (points outside the line)"),
    ("person", '"My encounter with Rina Velt"', "a title in quotation marks, not a role"),
    ("person", "Veloran ForeignMinistry spokesman", "words run together: garbled"),
    ("organization", "whose brother", "a fragment, not a role"),
    ("organization", "when the club's midfielder", "a fragment, not a role"),
    ("organization", "the airline's top rivals", "describes several bodies, not one"),
    ("organization", "private-equity firms", "describes several bodies, not one"),
    ("organization", "maker of 'Lyra Quest", "a fragment, not a role"),
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
    assert s.headline == line.rstrip(".") and s.held[-1].section == "headline"


def test_a_headline_with_an_attribution_tail_gives_way_to_a_lead_clause():
    s = story(summary=(Item("At least 39 people died after the Harlow dam failed on Tuesday, officials said.", ("002",)),))
    s = verify(Story(s.slug, "At least 39 people died after the Harlow dam failed on Tuesday, officials said.",
                     s.event_date, s.updated, s.sources, summary=s.summary))
    assert s.headline == "At least 39 people died after the Harlow dam failed on Tuesday"
    assert any(h.section == "headline" for h in s.held)


def test_a_disagreement_with_a_garbled_side_is_held():
    d = Unknown("disputed", 'Descriptions differ: "the mayor" vs "the road"', ("001", "002"),
                {"001": "The mayor, Ann Velt, said the valley was cut off.", "002": "Police closed the road."})
    s = verify(Story("s", "Harlow dam fails", None, None, story().sources, unknown=(d,), garbled=("002",)))
    assert s.unknown == () and "garbled" in reasons(s)[d.text]


def test_page_furniture_a_body_still_carried_is_held():
    lines = ("HARLOW — Officials said on Tuesday that 39 people died when the Harlow dam failed.",
             "Residents gather outside the town hall in Harlow on Tuesday.",
             "The mayor (C) greets rescuers as the governor (2nd R) looks on.",
             "Ann Velt posted a video of the flood pic.twitter.com/abc123 on Tuesday.")
    s = verify(story(known=tuple(Item(line, ("001",)) for line in lines)))
    assert s.known == ()
    got = [reasons(s)[line] for line in lines]
    assert got[0] == "a dateline, not the article's text"
    assert all(reason.startswith("a photo caption") for reason in got[1:3])
    assert got[3] == "page furniture, not the article's text"


def test_a_timeline_row_repeating_another_rows_sentence_is_held():
    line = "Police closed the road."
    s = verify(story(timeline=(TimelineEntry("2024-05-07", line, ("002",)), TimelineEntry("2024-05-08", line, ("002",)))))
    assert [e.date for e in s.timeline] == ["2024-05-07"]
    assert reasons(s) == {f"2024-05-08: {line}": "the same sentence is already another row"}


def test_one_event_one_row_on_its_date():
    first = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    again = "At least 39 people died after the Harlow dam failed on Tuesday, officials said."
    s = verify(story(timeline=(TimelineEntry("2024-05-07", first, ("001",)), TimelineEntry("2024-05-07", again, ("002",)),
                               TimelineEntry("2024-05-08", "Police closed the road.", ("002",)))))
    assert [e.text for e in s.timeline] == [first, "Police closed the road."]
    assert s.timeline[0].sources == ("001", "002")  # the other outlet that says it is counted instead
    assert reasons(s) == {f"2024-05-07: {again}": "the same event is already a row of that date"}


def test_a_row_in_brief_shows_word_for_word_takes_another_sources_telling():
    first = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    again = "At least 39 people died after the Harlow dam failed on Tuesday, officials said."
    row = TimelineEntry("2024-05-07", first, ("001", "002"), said=(f"HARLOW (AP, Velt News) — {again}",))
    s = verify(story(summary=(Item(first, ("001",)),), timeline=(row,)))
    assert [i.text for i in s.summary] == [first] and [e.text for e in s.timeline] == [again]  # its dateline trimmed
    assert "002" in s.timeline[0].sources  # cited by the source whose telling it shows
    alone = verify(story(summary=(Item(first, ("001",)),), timeline=(replace(row, said=()),)))
    assert [e.text for e in alone.timeline] == [first]  # no other telling: In brief sums up, the row dates it


def test_a_brief_point_a_row_prints_word_for_word_is_shown_in_another_sources_words():
    first = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    again = "At least 39 people died after the Harlow dam failed on Tuesday, officials said."
    row = TimelineEntry("2024-05-07", first, ("001",))
    s = verify(story(summary=(Item(first, ("001",), said=(first, again)),), timeline=(row,)))
    assert [e.text for e in s.timeline] == [first]  # the row dates the event
    assert [i.text for i in s.summary] == [again] and "002" in s.summary[0].sources  # In brief, in 002's words
    # no other words of the point: both stay
    alone = verify(story(summary=(Item(first, ("001",), said=(first,)),), timeline=(row,)))
    assert [i.text for i in alone.summary] == [first] and [e.text for e in alone.timeline] == [first]
    # a row the Timeline drops (the same event is a row of that date already) prints nothing twice
    rows = (TimelineEntry("2024-05-07", first, ("001",)), TimelineEntry("2024-05-07", again, ("002",)))
    kept = verify(story(summary=(Item(again, ("002",), said=(again, first)),), timeline=rows))
    assert [e.text for e in kept.timeline] == [first] and [i.text for i in kept.summary] == [again]


def test_a_day_shows_at_most_two_rows_those_more_sources_state_first():
    C = "Engineers began pumping water out of the Eastmere reservoir overnight to ease pressure downstream."
    rows = (TimelineEntry("2024-05-07", "Police closed the road.", ("002",)),
            TimelineEntry("2024-05-07", "Officials said on Tuesday that 39 people died when the Harlow dam failed.",
                          ("001", "002")),
            TimelineEntry("2024-05-07", C, ("003",)),
            TimelineEntry("2024-05", "The mayor, Ann Velt, said the valley was cut off.", ("001",)))
    s = verify(story(timeline=rows, extra=C))
    assert [e.text for e in s.timeline] == [rows[0].text, rows[1].text, rows[3].text]  # their order kept
    assert reasons(s) == {f"2024-05-07: {C}": "the timeline shows 2 rows of that day already"}


def test_a_point_the_timeline_dates_is_shown_there_alone():
    """One fact, one place: a Known or Background point a row gives whole, cited by as many
    sources, yields to the row; a row What's next or an open question gives yields to it."""
    line = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    s = verify(story(known=(Item(line, ("001",)),), timeline=(TimelineEntry("2024-05-07", line, ("001",)),)))
    assert s.known == () and [e.text for e in s.timeline] == [line]
    assert reasons(s) == {line: "shown in the Timeline, with its date"}
    road = "Police closed the road."
    s = verify(story(whats_next=(Item(road, ("002",)),), timeline=(TimelineEntry("2024-05-08", road, ("002",)),)))
    assert [i.text for i in s.whats_next] == [road] and s.timeline == ()
    assert reasons(s) == {f"2024-05-08: {road}": "already said on the page"}


def test_a_point_more_sources_state_than_its_row_stays():
    row = "At least 39 people died on Tuesday after the Harlow dam, which the Kell Company built in 1950, failed."
    point = "At least 39 people died after the Harlow dam failed."
    s = verify(story(row, background=(Item(point, ("002", "003")),), timeline=(TimelineEntry("2024-05-07", row, ("003",)),)))
    assert [i.text for i in s.background] == [point] and [e.text for e in s.timeline] == [row] and s.held == ()


def test_a_timeline_row_dated_by_a_year_its_line_does_not_state_is_held():
    sources = (Article("001", "seeds/001.txt", ("The dam, finished in 1950, failed. Work stopped in 2024.",)),)
    rows = (TimelineEntry("1700", "The dam, finished in 1950, failed.", ("001",)),
            TimelineEntry("2024", "Work stopped in 2024.", ("001",)))
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources, timeline=rows))
    assert [e.date for e in s.timeline] == ["2024"]
    assert reasons(s) == {"1700: The dam, finished in 1950, failed.": "dated 1700, a year the line does not state"}


def test_a_title_naming_what_it_is_for_is_a_role_not_a_credit():
    actors = (Actor("Ann Velt", "person", (), "Special Envoy for Harlow", 2, ("001",), ("001",)),)
    sources = (Article("001", "seeds/001.txt", ("Ann Velt, the Special Envoy for Harlow, said the valley was cut off.",)),)
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources, actors=actors))
    assert s.actors[0].role == "Special Envoy for Harlow" and s.held == ()


def test_a_role_cut_where_a_possessive_goes_on_is_held():
    actors = (Actor("Tom Velt", "person", (), "son of Harlow", 2, ("001",), ("001",)),)
    text = "The coach brought on Tom Velt, son of Harlow’ teammate Ann Velt from the winning side of 1998."
    sources = (Article("001", "seeds/001.txt", (text,)),)
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources, actors=actors))
    assert s.actors[0].role is None and reasons(s) == {"Tom Velt: son of Harlow": "a fragment, not a role"}
    whole = (Article("001", "seeds/001.txt", ("The coach brought on Tom Velt, son of Harlow, in the second half.",)),)
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", whole, actors=actors))
    assert s.actors[0].role == "son of Harlow"


def test_a_role_naming_another_person_by_title_or_cut_before_of_is_held():
    text = ("Ann Velt, chancellor Tom Roe and defence secretary, said the party must change. Tom Roe agreed. "
            "Lyra Velt, queen of Harlow and head of the Commonwealth, spoke. Kim Lee, wife of Tom Roe, wept.")
    sources = (Article("001", "seeds/001.txt", (text,)),)
    actors = (Actor("Ann Velt", "person", (), "chancellor Tom Roe and defence secretary", 2, ("001",), ("001",)),
              Actor("Tom Roe", "person", (), None, 2, ("001",)),
              Actor("Lyra Velt", "person", (), "queen of Harlow and head", 2, ("001",), ("001",)),
              Actor("Kim Lee", "person", (), "wife of Tom Roe", 2, ("001",), ("001",)))
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources, actors=actors))
    roles = {a.name: a.role for a in s.actors}
    assert roles["Ann Velt"] is None and roles["Lyra Velt"] is None and roles["Kim Lee"] == "wife of Tom Roe"


@pytest.mark.parametrize("role", ["fifth man on board", "leader"])
def test_a_place_in_a_list_or_a_bare_leader_is_no_role(role):
    assert role_problem(Actor("Tom Roe", "person", (), role, 2, ("001",))) is not None


def test_a_caption_or_credit_is_never_the_headline():
    line = "Officials said on Tuesday that 39 people died when the Harlow dam failed."
    base = story(summary=(Item(line, ("001",)),))
    s = verify(base.__class__(**{**base.__dict__, "headline": "Image courtesy of Harlow Television"}))
    assert s.headline == line.rstrip(".") and s.held[-1].reason == "a photo caption, credit or page text, not a headline"


def test_a_name_written_run_together_by_its_owner_is_still_a_role():
    assert role_problem(Actor("Kell Velt", "person", (), "ExxonMobil Chief Executive", 2, ("001",))) is None
    assert role_problem(Actor("Kell Velt", "person", (), "Eastmere resident in her 80s", 2, ("001",))) is None


def test_a_timestamp_is_never_a_role():
    actors = (Actor("Harlow Wire", "org", (), "2011 - 8:18 pm", 2, ("001",), ("001",)),)
    s = verify(story(actors=actors))
    assert s.actors[0].role is None and [h.reason for h in s.held] == ["a date or a time, not a role"]


def test_roles_that_say_too_little_or_are_cut_from_a_sentence():
    cases = [("organization", "passed legislation", "says too little of its part in the story"),
             ("organization", "shadow", "says too little of its part in the story"),
             ("organization", "has completed its $69bn", "a fragment, not a role"),
             ("organization", "released a 2 pm", "a fragment, not a role"),
             ("person", "husband", "says too little without what it is of"),
             ("person", "friend", "says too little without what it is of"),  # whose? (not shown)
             ("person", "President Jane Roe. Examplian President", "a fragment, not a role"),
             ("person", "News photoLyra team captain", "words run together: garbled"),
             ("person", "friend Examplian President", "two descriptions run together: garbled"),
             ("person", "group's president", "does not stand alone (points outside the line)"),  # which group?
             ("person", "country's Prime Minister", "does not stand alone (points outside the line)"),
             ("person", "close friend", "says too little without what it is of"),
             ("person", "youngest man", "says too little without what it is of"),
             ("person", "Velt and Union Education Minister", "a fragment, not a role"),
             ("person", "another tourism official", "does not stand alone (points outside the line)"),
             ("person", "last Friday CEO", "a fragment, not a role"),
             ("person", "Sheikh", "a form of address, not a role")]
    for kind, role, reason in cases:
        actors = (Actor("Ana Duarte" if kind == "person" else "Harlow Board", kind, (), role, 2, ("001",), ("001",)),)
        s = verify(story(actors=actors))
        assert s.actors[0].role is None and [h.reason for h in s.held] == [reason], role
    for kind, role in (("person", "Velorian Foreign Minister"), ("person", "wife of the late president"),
                       ("organization", "ruled to suspend the ban on the party"), ("person", "Mr. Roe's lawyer"),
                       ("person", "Duarte's daughter")):
        assert role_problem(Actor("Ana Duarte", kind, (), role, 2, ("001",), ("001",))) is None, role
    assert role_problem(Actor("Ana Duarte", "person", (), "Duarte family lawyer", 2, ("001",), ("001",))) \
        == "carries the person's own name: words of the sentence, not a role"


def test_a_speakers_words_shown_bare_are_held():
    text = "Mayor Ann Velt told the crowd: “We stayed calm. The Harlow bridge will reopen in May. Thank you all.”"
    sources = (Article("001", "seeds/001.txt", (text,)),)
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources,
                     known=(Item("The Harlow bridge will reopen in May.", ("001",)),)))
    assert not s.known and s.held[-1].reason == "someone's words without their speaker (inside a quotation in the source)"
    # a second source telling it in its own words does not make the mayor's words the page's
    other = Article("002", "seeds/002.txt", ("The bridge in Harlow is to reopen in May, the mayor said on Monday.",))
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", (*sources, other),
                     known=(Item("The Harlow bridge will reopen in May.", ("001", "002")),)))
    assert not s.known


def test_what_a_body_was_doing_is_not_its_part():
    for role in ("had been waiting for a final result", "was waiting for the count"):
        assert role_problem(Actor("Harlow Board", "organization", (), role, 2, ("001",), ("001",))) == \
            "tells what it was doing, not its part in the story", role
    assert role_problem(Actor("Harlow Board", "organization", (), "has approved the new reservoir", 2, ("001",),
                              ("001",))) is None


def test_a_phrase_quoted_inside_a_shown_statement_with_its_speaker_is_no_key_quote():
    text = "Ann Velt praised the crews' “calm and tireless work” at the dam on Tuesday."
    sources = (Article("001", "seeds/001.txt", (text,)),)
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", "2024-05-08", sources,
                     known=(Item(text, ("001",)),), quotes=(Quote("Ann Velt", "calm and tireless work", ("001",)),)))
    assert s.quotes == () and s.held[-1].reason == "already shown as a statement"


def test_a_statement_quoting_part_of_a_key_quote_with_its_speaker_holds_the_quote():
    words = "While we are relieved for the families, there can be no winners in this case"
    line = "After the ruling, Velt's lawyer Tom Roe said “there can be no winners in this case.”"
    text = f"{line} “{words},” Roe told reporters."
    sources = (Article("001", "seeds/001.txt", (text,)),)
    s = verify(Story("s", "Harlow verdict", "2024-05-07", "2024-05-08", sources,
                     known=(Item(line, ("001",)),), quotes=(Quote("Tom Roe", words, ("001",)),)))
    assert s.quotes == () and reasons(s)[f"Tom Roe: {words}"] == "already shown as a statement"


def test_a_second_rendering_of_a_speakers_statement_is_kept_as_one_and_not_shown_twice():
    one = "I can confirm that the man suspected of the attack last night is Jon Harlow, aged 22"
    two = "I can confirm that the man suspected of carrying out the attack last night has been named as Jon Harlow"
    sources = (Article("001", "seeds/001.txt", (f"“{one},” Ann Velt said.",)),
               Article("002", "seeds/002.txt", (f"“{two},” Ann Velt said.",)))
    s = verify(Story("s", "Harlow attack", "2024-05-07", "2024-05-08", sources,
                     quotes=(Quote("Ann Velt", one, ("001",)), Quote("Ann Velt", two, ("002",)))))
    assert [q.note for q in s.quotes] == [None, "another rendering of the same statement, by source 002"]
    from generator.publish.render import full_sentence_quotes
    assert [q.text for q in full_sentence_quotes(s.quotes)] == [one]


def test_a_bodys_role_a_statement_of_the_page_already_says_is_held():
    text = "The Harlow Board also attributed the outage to the power company in a post on Tuesday."
    sources = (Article("001", "seeds/001.txt", (text,)),)
    actor = Actor("Harlow Board", "organization", (), "attributed the outage to the power company", 2, ("001",), ("001",))
    s = verify(Story("s", "Harlow outage", "2024-05-07", "2024-05-08", sources,
                     known=(Item(text, ("001",)),), actors=(actor,)))
    assert s.actors[0].role is None and s.held[-1].reason == "already said on the page"


def test_sources_naming_an_actor_count_every_source_that_writes_its_name():
    sources = (Article("001", "seeds/001.txt", ("The Harlow Board approved the plan on Monday.",)),
               Article("002", "seeds/002.txt", ("Critics said Harlow Board's approval came too fast.",)),
               Article("003", "seeds/003.txt", ("The river rose again overnight.",)))
    actor = Actor("Harlow Board", "organization", (), None, 1, ("001",), ())
    s = verify(Story("s", "Harlow plan", "2024-05-07", "2024-05-08", sources, actors=(actor,)))
    assert s.actors[0].sources == ("001", "002")


def test_a_name_inside_a_hospitals_name_is_no_person_and_a_possessor_is_no_part_of_a_name():
    sources = (Article("001", "seeds/001.txt", ("He died at the Ana Duarte Israelite Hospital in Harlow on Monday.",)),
               Article("002", "seeds/002.txt", ("Lev Orlanov's Harbour Group bought the Harlow port. "
                                                "Russia's Foreign Ministry said nothing.",)))
    actors = (Actor("Ana Duarte", "person", (), None, 1, ("001",), ()),
              Actor("Lev Orlanov's Harbour Group", "organization", (), None, 1, ("002",), ()),
              Actor("Russia's Foreign Ministry", "organization", (), None, 1, ("002",), ()))
    s = verify(Story("s", "Harlow", "2024-05-07", "2024-05-08", sources, actors=actors))
    assert [a.name for a in s.actors] == ["Harbour Group", "Russia's Foreign Ministry"]
    assert s.actors[0].aliases == ("Lev Orlanov's Harbour Group",)
    assert reasons(s)["Ana Duarte"] == "part of a place's or a body's name, not a person"


def test_an_offices_name_keeps_the_office_holder_it_is_named_after():
    from generator.stories.verify import _owned_name
    for name in ("Harlow County Sheriff's Office", "Midwest Medical Examiner's Office"):
        assert _owned_name(Actor(name, "organization", (), None, 1, ("001",))).name == name


def test_a_surname_two_people_share_counts_for_neither():
    sources = (Article("001", "seeds/001.txt", ("Ana Duarte and her father Rui Duarte spoke on Monday.",)),
               Article("002", "seeds/002.txt", ("Duarte said the vote was rigged.",)),
               Article("003", "seeds/003.txt", ("Ana Duarte left the country.",)))
    actors = (Actor("Ana Duarte", "person", ("Duarte",), None, 2, ("001",), ()),
              Actor("Rui Duarte", "person", ("Duarte",), None, 1, ("001",), ()))
    s = verify(Story("s", "Harlow", "2024-05-07", "2024-05-08", sources, actors=actors))
    assert [a.sources for a in s.actors] == [("001", "003"), ("001",)]


def test_in_brief_does_not_open_with_the_headline_again():
    text = "Harlow dam fails after storm. Police closed the road on Tuesday."
    sources = (Article("001", "seeds/001.txt", (text,)),)
    s = verify(Story("s", "Harlow dam fails after storm", "2024-05-07", "2024-05-08", sources,
                     summary=(Item("Harlow dam fails after storm.", ("001",)), Item("Police closed the road on Tuesday.", ("001",)))))
    assert [i.text for i in s.summary] == ["Police closed the road on Tuesday."]
    assert reasons(s)["Harlow dam fails after storm."] == "the headline says it"


def test_a_role_pointing_to_a_thing_named_outside_it_is_held_but_a_relative_that_is_not():
    assert role_problem(Actor("Tom Velt", "person", (), "only player to win that award", 1, ("001",), ("001",))) \
        == "does not stand alone (points outside the line)"
    assert role_problem(Actor("Harbour Mining", "organization", (), "company that owns the Lyra dam", 3,
                              ("001",), ("001",))) is None


def test_an_office_without_what_it_is_of_and_a_bodys_act_on_its_own_something_are_held():
    assert role_problem(Actor("Jana Roe", "person", (), "Secretary", 5, ("001",), ("001",))) \
        == "says too little without what it is of"
    assert role_problem(Actor("Jana Roe", "person", (), "Secretary of State", 5, ("001",), ("001",))) is None
    assert role_problem(Actor("Lyra Rovers", "organization", (), "extended their lead", 5, ("001",), ("001",))) \
        == "does not stand alone (points outside the line)"
    assert role_problem(Actor("Harbour Air", "organization", (), "cancelled its flights at Lyra airport", 2,
                              ("001",), ("001",))) is None


def test_a_role_cut_inside_brackets_is_a_fragment():
    assert role_problem(Actor("Tom Velt", "person", (), "Harbour Party] candidate", 2, ("001",), ("001",))) \
        == "a fragment, not a role"
    assert role_problem(Actor("Tom Velt", "person", (), "Harbour Party (HP) candidate", 2, ("001",), ("001",))) is None


def test_a_quote_credited_to_a_wire_reporting_others_words_is_held():
    text = "the valley was cut off"
    actors = (Actor("Harbour Wire", "organization", (), None, 2, ("001",), standing="outlet"),
              Actor("Sam Lee", "person", (), "Harbour Wire reporter", 2, ("001",), standing="outlet"),
              Actor("Ann Velt", "person", ("Velt",), "mayor", 2, ("001",)))
    quotes = tuple(Quote(who, words, ("001",)) for who, words in
                   (("Harbour Wire", text), ("Sam Lee", "the town would rebuild"), ("Ann Velt", text)))
    s = verify(story(quotes=quotes, actors=actors[2:]), no_speakers_of(actors))  # the page shows its actors only
    assert [q.speaker for q in s.quotes] == ["Sam Lee", "Ann Velt"]  # a reporter may be a witness
    assert {h.reason for h in s.held if h.section == "quote"} == {"the speaker is not a person or a body"}


def test_a_person_with_no_role_that_no_line_names_is_held():
    actors = (Actor("Ann Velt", "person", (), None, 2, ("001",)), Actor("Tom Roe", "person", (), None, 1, ("002",)),
              Actor("Harlow Water Board", "organization", (), None, 1, ("002",)))
    s = verify(story(actors=actors, known=(Item("The mayor, Ann Velt, said the valley was cut off.", ("001",)),)))
    assert [a.name for a in s.actors] == ["Ann Velt", "Harlow Water Board"]
    assert reasons(s)["Tom Roe"] == "no role, and no line of the page names it"


def test_a_body_or_country_with_no_role_that_no_line_names_is_held_unless_its_name_says_what_it_is():
    actors = (Actor("KVT", "organization", (), None, 2, ("001",)), Actor("Velora", "country", (), None, 2, ("002",)),
              Actor("Harlow Water Board", "organization", (), None, 1, ("002",)),
              Actor("Harlow", "organization", (), None, 1, ("002",)))
    s = verify(story(actors=actors, known=(Item("The mayor, Ann Velt, said the valley was cut off.", ("001",)),
                                           Item("At least 39 people died after the Harlow dam failed on Tuesday, "
                                                "officials said.", ("002",)))))
    assert [a.name for a in s.actors] == ["Harlow Water Board", "Harlow"]
    assert reasons(s)["KVT"] == reasons(s)["Velora"] == "no role, and no line of the page names it"


def test_of_one_dates_rows_telling_one_event_the_one_more_sources_state_stands():
    one = TimelineEntry("2024-05-07", "At least 39 people died after the Harlow dam failed on Tuesday, officials said.",
                        ("002",))
    both = TimelineEntry("2024-05-07", "Officials said on Tuesday that 39 people died when the Harlow dam failed.",
                         ("001", "002"))
    s = verify(story(timeline=(one, both)))
    assert [e.text for e in s.timeline] == [both.text]
    assert reasons(s)[f"2024-05-07: {one.text}"] == "the same event is already a row of that date"


def test_the_history_of_someone_the_story_only_mentions_is_no_background():
    life = "Tom Roe, a farmer, married his wife in 2014 and kept bees in the valley."
    extra = life + " Officials said 39 people died when the Harlow dam failed on Tuesday."
    cast = (Actor("Harlow Water Board", "organization", (), None, 9, ("001", "002", "003")),
            Actor("Ann Velt", "person", (), "mayor", 4, ("001", "003")),
            Actor("Harlow Police", "organization", (), None, 3, ("002", "003")),
            Actor("Tom Roe", "person", ("Roe",), "farmer", 2, ("003",)))
    s = verify(story(extra, background=(Item(life, ("003",)),), actors=cast,
                     timeline=(TimelineEntry("2014", life, ("003",)),)))
    assert s.background == () and s.timeline == ()
    assert reasons(s)[life] == reasons(s)[f"2014: {life}"] == "the history of someone the story only mentions"
    # the mayor is in the table: her history is the story's
    mayor = "Ann Velt, the mayor, opened the dam in 2014 with the water board."
    s = verify(story(extra + " " + mayor, background=(Item(mayor, ("003",)),), actors=cast))
    assert [i.text for i in s.background] == [mayor]


@pytest.mark.parametrize("kind", ["person", "organization"])
def test_a_role_with_a_slip_or_from_someones_speech_is_held(kind):
    for role, reason in (("was was returning from work", "a slip in the source's text: garbled"),
                         ("Your son", "someone's words to another, not a role"),
                         ("my closest friend", "someone's words to another, not a role")):
        assert role_problem(Actor("Tom Roe", kind, (), role, 3, ("001",))) == reason


def test_in_brief_never_names_someone_by_surname_before_the_page_says_who():
    cast = (Actor("Ann Velt", "person", ("Velt", "Ms. Velt"), "mayor", 4, ("001", "002")),)
    surname_first = Item("Ms. Velt said the town would rebuild.", ("001",))
    s = verify(story(brief_source := "Ms. Velt said the town would rebuild. The mayor, Ann Velt, said the valley was cut off.",
                     summary=(surname_first,), actors=cast))
    assert s.summary == () and reasons(s)[surname_first.text].startswith("names Ann Velt by surname")
    # once a point above (or the headline) has said who she is, the surname will do
    full = Item("The mayor, Ann Velt, said the valley was cut off.", ("003",))
    s = verify(story(brief_source, summary=(full, surname_first), actors=cast))
    assert [i.text for i in s.summary] == [full.text, surname_first.text]


def test_a_timeline_row_or_a_quote_only_a_garbled_source_gives_is_held():
    rows = (TimelineEntry("2024-05-07", "The mayor, Ann Velt, said on Tuesday the valley was cut off.", ("001",)),
            TimelineEntry("2024-05-07", "At least 39 people died after the Harlow dam failed on Tuesday, officials said.",
                          ("002",)))
    quotes = (Quote("Ann Velt", "the valley was cut off", ("001",)),)
    s = verify(Story("s", "Harlow dam fails", "2024-05-07", None, story("The mayor, Ann Velt, said on Tuesday the "
                     "valley was cut off.").sources, timeline=rows, quotes=quotes,
                     garbled=("001",)))
    assert [e.text for e in s.timeline] == [rows[1].text] and s.quotes == ()
    assert reasons(s)[rows[0].text] == reasons(s)["Ann Velt: the valley was cut off"] == "only a source whose text is garbled says it"


def test_a_quote_the_outlet_printed_with_a_slip_is_held():
    q = Quote("Ann Velt", "I will seek peace until the a last day of my term", ("003",))
    s = verify(story("Ann Velt said: \"I will seek peace until the a last day of my term.\"", quotes=(q,)))
    assert s.quotes == () and any("slip" in h.reason for h in s.held if h.section == "quote")


def test_words_credited_to_two_speakers_are_held_for_both():
    """One outlet's "X said" and a speaker carried from the paragraph before cannot both be right."""
    text = "officials said on tuesday that 39 people died"
    quotes = (Quote("Ann Velt", text, ("001",)), Quote("Tom Roe", text, ("001",)))
    s = verify(story(quotes=quotes))
    assert s.quotes == ()
    assert {h.reason.split(" (")[0] for h in s.held} == {"the same words are credited to another speaker too"}


def test_one_persons_words_are_never_a_counted_groups():
    said = "This morning I met the chairman of the committee and we agreed on a vote"
    extra = f"“{said},” the prime minister said. Sixteen Velt MPs had called for her to go."
    s = verify(story(quotes=(Quote("Sixteen Velt MPs", said, ("003",)),
                             Quote("Ann Velt", said, ("003",))), extra=extra))
    assert reasons(s) == {f"Sixteen Velt MPs: {said}": "one person's words credited to a group"}
    assert [q.speaker for q in s.quotes] == ["Ann Velt"]


def test_a_role_with_its_quotation_closed_or_an_apostrophe_before_a_year_is_no_fragment():
    assert role_problem(Actor("Lyra Games", "organization", (), "maker of 'Lyra Quest' games", 2, ("001",))) \
        != "a fragment, not a role"
    assert role_problem(Actor("Ann Velt", "person", (), "pop singer of the '90s", 2, ("001",))) \
        != "a fragment, not a role"


@pytest.mark.parametrize("said, opener", [
    ("In addition, all the embassy staff in Harlow are safe and accounted for", "In addition"),
    ("That's why many people took the subway, and the tragedy happened", "That"),
    ("And they have worked equally as hard to make the displays work", "And"),
    ("This has led to the loss of the ability to steer the ship", "This"),
    ("This is a historic day for the people of Velora", None),
    ("This has been a very difficult week for all of us in Velora", None),
    ("But certainly this is a great moment for the people of Velora", None),
    ("This means the valley is moving into the early days of its first flood season", None),
    ("We are determined to protect the valley from the floods", None),
    ("He himself will go to Lyra and stay there for the winter", "He"),
    ("They will probably be released later today without charge", "They"),
    ("It is a great day for the people of Velora", None),
])
def test_a_key_quote_answering_words_not_shown_does_not_stand_alone(said, opener):
    s = verify(story(quotes=(Quote("Ann Velt", said, ("003",)),), extra=f"“{said},” Ann Velt said on Tuesday."))
    reason = f"does not stand alone (opens with '{opener}')"
    assert (reasons(s) == {f"Ann Velt: {said}": reason}) is (opener is not None)
    assert bool(s.quotes) is (opener is None)
