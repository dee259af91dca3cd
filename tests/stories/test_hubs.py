"""Actor hubs and the site-wide timeline, across stories."""

from __future__ import annotations

from generator.models import Actor, Story, TimelineEntry
from generator.stories.hubs import actor_hubs, key_actors, other_actors, site_timeline


def actor(name, aliases=(), role=None, sources=("01",)):
    return Actor(name, "person", tuple(aliases), role, 3, tuple(sources))


def story(slug, actors, date="2024-01-01", timeline=()):
    return Story(slug, slug.title(), date, date, (), actors=tuple(actors), timeline=tuple(timeline))


def test_actor_in_two_stories_gets_one_hub_with_both_roles():
    stories = [
        story("a", [actor("Pat Doe", ["Doe"], "mayor of Ridgeford"), *(actor(f"X{i}", role="a witness") for i in range(1, 6)),
                    actor("Minor A", role="a witness")]),
        story("b", [actor("Y1"), actor("Y2"), actor("Y3"), actor("Doe", [], "former mayor")], "2024-02-01"),
    ]
    hubs = {h.name: h for h in actor_hubs(stories)}
    assert "Pat Doe" in hubs
    assert [a.story_slug for a in hubs["Pat Doe"].appearances] == ["b", "a"]  # newest first
    assert [a.role for a in hubs["Pat Doe"].appearances] == ["former mayor", "mayor of Ridgeford"]
    assert "X5" in hubs  # a key actor (a row of the Key actors table) of one story has a page
    assert "Minor A" not in hubs  # seventh-ranked in one story only


def test_central_actor_of_one_story_gets_a_hub():
    hubs = actor_hubs([story("a", [actor("Solo Person", role="harbour master")])])
    assert [h.slug for h in hubs] == ["solo-person"]


def test_a_setting_without_a_role_is_no_key_actor():
    """The country where things happened is only mentioned; a person or a body keeps its place
    with or without a role, and a country with a role is an actor."""
    velora = Actor("Velora", "country", (), None, 40, ("01",))
    jane = Actor("Jane Roe", "person", (), None, 30, ("01",))
    bank = Actor("Harlow Bank", "organization", (), None, 20, ("01",))
    judge = Actor("Tom Velt", "person", (), "the judge", 5, ("01",))
    lyra = Actor("Lyra", "country", (), "the first country to recognise the vote", 4, ("01",))
    cast = [velora, jane, bank, judge, lyra]
    assert [a.name for a in key_actors(cast)] == ["Jane Roe", "Harlow Bank", "Tom Velt", "Lyra"]
    assert [a.name for a in other_actors(cast)] == ["Velora"]
    assert [h.name for h in actor_hubs([story("a", cast)])] == ["Harlow Bank", "Jane Roe", "Lyra", "Tom Velt"]
    assert "Velora" in [h.name for h in actor_hubs([story("a", cast), story("b", [velora])])]


def test_slugs_are_unique():
    hubs = actor_hubs([story("a", [actor("Pat Doe"), actor("Pat  Doe!", ["P"])])])
    slugs = [h.slug for h in hubs]
    assert len(slugs) == len(set(slugs))


def test_site_timeline_newest_first():
    s1 = story("a", [], timeline=[TimelineEntry("2021", "Old event.", ("01",))])
    s2 = story("b", [], timeline=[TimelineEntry("2024-05-02", "New event.", ("02",)),
                                  TimelineEntry("2023-01", "Middle event.", ("02",))])
    assert [r.entry.date for r in site_timeline([s1, s2])] == ["2024-05-02", "2023-01", "2021"]


def test_hub_pages_are_rendered_and_escaped(settings):
    from generator.publish.hub_pages import hub_pages

    hostile = actor("<script>alert(1)</script> [x](javascript:y)", role="{{ boss }} # not a heading")
    s1 = story("a", [hostile, actor("Pat Doe", role="mayor")],
               timeline=[TimelineEntry("2024-05-02", "The <b>vote</b> was held.", ("01",))])
    s2 = story("b", [actor("Pat Doe", role="former mayor")], "2024-06-01")
    pages = hub_pages([s1, s2], settings)
    assert {"actors/index.md", "timeline.md", "actors/pat-doe.md"} <= set(pages)
    doe = pages["actors/pat-doe.md"]
    assert "[B](../stories/b.md)" in doe and "former mayor" in doe
    text = "\n".join(pages.values())
    assert "<script>" not in text and "<b>" not in text
    # the body is Markdown: no link can be made of article text (front matter is YAML data)
    text = "\n".join(page.split("\n---\n", 1)[-1] for page in pages.values())
    assert "](javascript:" not in text
    assert "\n# not a heading" not in text
    assert "2024" in pages["timeline.md"] and "(stories/a.md)" in pages["timeline.md"]


def test_in_a_story_several_outlets_tell_an_actor_one_of_them_names_is_only_mentioned():
    minister = Actor("Jane Roe", "person", (), "transport minister", 9, ("01", "02", "03"))
    firm = Actor("Harlow Roads", "organization", (), None, 8, ("02", "04"))
    victim = Actor("Tom Velt", "person", (), "electrician", 7, ("02",))
    mayor = Actor("Ann Lee", "person", (), "mayor", 3, ("01", "03"))
    witness = Actor("Bo Chen", "person", (), "a resident", 2, ("04",))
    cast = [minister, firm, victim, mayor, witness]
    assert [a.name for a in key_actors(cast)] == ["Jane Roe", "Harlow Roads", "Ann Lee"]
    assert [a.name for a in other_actors(cast)] == ["Tom Velt", "Bo Chen"]
    # fewer than three shared: the table is filled, in the story's order, with those one outlet names
    assert [a.name for a in key_actors([minister, victim, witness])] == ["Jane Roe", "Tom Velt", "Bo Chen"]
    # ... an office holder before a victim or a witness
    chief = Actor("Ida Moss", "person", (), "director of the rescue service", 1, ("03",))
    assert [a.name for a in key_actors([minister, firm, victim, chief])] == ["Jane Roe", "Harlow Roads", "Ida Moss"]
    # a story one or two outlets tell keeps every actor
    two = [Actor(a.name, a.kind, (), a.role, a.mentions, a.sources[:1]) for a in cast]
    assert [a.name for a in key_actors(two)] == [a.name for a in cast]
