"""A person named by surname alone before the page has said who that is gets a first name in brackets."""

from __future__ import annotations

from generator.models import Actor, Article, Item, Story, TimelineEntry
from generator.stories.introductions import introduce_people

A = ("Ann Velt, who lost her savings, spoke first. In December, Ms. Velt learned she had lost everything. "
     "Velt wept. Tom Velt and Ann Velt left together.")
B = "Jo Harlan, the judge, sentenced the man. Harlan said it was telling. Ms. Velt wept."


def story(**sections) -> Story:
    sources = (Article("001", "seeds/001.txt", (A,)), Article("002", "seeds/002.txt", (B,)))
    actors = (Actor("Ann Velt", "person", ("Ms. Velt", "Velt"), None, 3, ("001", "002")),
              Actor("Jo Harlan", "person", ("Harlan",), "judge", 2, ("002",)))
    return Story("s", "Man sentenced", "2024-05-07", None, sources, actors=actors, **sections)


def test_the_first_surname_only_mention_gets_the_first_name_the_cited_sources_write():
    s = introduce_people(story(
        timeline=(TimelineEntry("2023-12", "In December, Ms. Velt learned she had lost everything.", ("001",)),),
        known=(Item("Velt wept.", ("001",)), Item("Harlan said it was telling.", ("002",)))))
    assert s.timeline[0].text == "In December, Ms. [Ann] Velt learned she had lost everything."
    assert s.known[0].text == "Velt wept."  # the page said who she is above
    assert s.known[1].text == "[Jo] Harlan said it was telling."


def test_no_first_name_when_a_cited_source_never_writes_it_or_the_line_is_introduced_already():
    s = introduce_people(story(known=(Item("Ms. Velt wept.", ("002",)),)))
    assert s.known[0].text == "Ms. Velt wept."  # source 002 never writes "Ann Velt": no words it does not give
    s = introduce_people(story(summary=(Item("Jo Harlan, the judge, sentenced the man.", ("002",)),),
                               known=(Item("Harlan said it was telling.", ("002",)),)))
    assert s.known[0].text == "Harlan said it was telling."


def test_no_first_name_when_the_story_names_another_person_by_that_surname_alone():
    s = story(known=(Item("Harlan said it was telling.", ("002",)),))
    s = introduce_people(Story(s.slug, s.headline, s.event_date, s.updated, s.sources, known=s.known,
                               actors=s.actors + (Actor("Harlan", "person", (), "President", 1, ("002",)),)))
    assert s.known[0].text == "Harlan said it was telling."


def test_no_first_name_when_the_surname_is_a_places_name_too():
    """"[Jo] Harlan" would turn the town of Harlan, where the floods struck, into the judge."""
    place = "The floods in Harlan killed dozens. Jo Harlan, the judge, sentenced the man."
    sources = (Article("001", "seeds/001.txt", (A,)), Article("002", "seeds/002.txt", (place,)))
    s = story(known=(Item("Harlan said it was telling.", ("002",)),))
    s = introduce_people(Story(s.slug, s.headline, s.event_date, s.updated, sources, known=s.known, actors=s.actors))
    assert s.known[0].text == "Harlan said it was telling."


def test_a_name_an_editor_bracketed_already_gets_no_second_bracket():
    s = introduce_people(story(known=(Item("[Harlan] said it was telling.", ("002",)),)))
    assert s.known[0].text == "[Harlan] said it was telling."  # never "[[Jo] Harlan]"
    s = introduce_people(story(known=(Item("[Ms. Velt] wept.", ("001",)),)))
    assert s.known[0].text == "[Ms. Velt] wept."


def test_a_name_with_lower_case_particles_written_in_full_gets_no_bracket():
    text = "Commission President Lena von der Velt congratulated the winner on Friday."
    sources = (Article("001", "seeds/001.txt", (text,)),)
    actors = (Actor("Lena von der Velt", "person", ("von der Velt",), "Commission President", 2, ("001",)),)
    s = introduce_people(Story("s", "Man sentenced", "2024-05-07", None, sources, actors=actors,
                               known=(Item(text, ("001",)),)))
    assert s.known[0].text == text
