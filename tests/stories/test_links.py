"""Where a reader goes from a story: subject topics, its actors' pages, related stories, and
the stories before and after it. Invented stories only."""

from __future__ import annotations

from generator.models import Actor, Article, Item, Story
from generator.stories.links import site_links
from generator.stories.topics import story_topics

QUAKE = [
    "The earthquake struck the valley at night. Rescuers searched the rubble of the earthquake for survivors.",
    "An earthquake of magnitude 6 hit the region; the rubble of homes blocked the roads.",
    "Officials said the earthquake damaged schools. Teams dug through the rubble, officials said.",
    "People slept outside after the earthquake, the government said on Monday.",
]
VOTE = [
    "The referendum was held on Sunday. Turnout in the referendum was high, officials said.",
    "Voters backed the referendum by a wide margin, and the result was announced at night.",
]


def article(sid: str, text: str, title: str | None = None) -> Article:
    return Article(sid, f"seeds/{sid}.txt", (text,), title=title)


def actor(name: str, sources=("a",)) -> Actor:
    return Actor(name, "person", (), "a witness", 3, tuple(sources))


def story(slug: str, texts: list[str], actors=(), date="2024-01-01", headline=None) -> Story:
    sources = tuple(article(f"{slug}{i}", t) for i, t in enumerate(texts))
    return Story(slug, headline or slug.title(), date, date, sources, actors=tuple(actors),
                 summary=(Item(texts[0], (sources[0].source_id,)),))


def test_topics_are_shared_nouns_not_names_or_common_words():
    topics = story_topics(story("quake", QUAKE, headline="Earthquake hits the valley"))
    assert topics[0] == "Earthquake"
    assert "Rubble" in topics
    assert not {"Officials", "People", "Government", "Monday", "Said"} & set(topics)


def test_topics_need_half_the_sources():
    topics = story_topics(story("quake", QUAKE[:1] + ["A short unrelated note about trains and buses."] * 3))
    assert "Earthquake" not in topics


def test_no_topic_from_a_name_written_in_capitals():
    texts = [f"Riverside Council met. The Riverside council voted on the {w}." for w in ("budget", "budget", "plan")]
    assert "Riverside" not in story_topics(story("r", texts))


def test_related_by_shared_key_actor_and_neighbours_by_date():
    a = story("a-quake", QUAKE, [actor("Jo Smith"), actor("Ann Lee")], "2024-01-05")
    b = story("b-vote", VOTE, [actor("Jo Smith")], "2024-02-01")
    c = story("c-other", VOTE, [actor("Kim Park")], "2023-12-01")
    links = site_links([a, b, c])
    assert [r.slug for r in links["a-quake"].related] == ["b-vote"]
    assert [r.slug for r in links["b-vote"].related] == ["a-quake", "c-other"]  # the actor first, then topics
    assert links["a-quake"].previous.slug == "c-other" and links["a-quake"].next.slug == "b-vote"
    assert links["c-other"].previous is None and links["b-vote"].next is None
    assert links["a-quake"].page_of("Jo Smith") == "jo-smith"
    assert links["a-quake"].topics == story_topics(a)


def test_unrelated_stories_are_not_linked():
    a = story("a", QUAKE, [actor("Jo Smith")])
    b = story("b", ["The final ended two goals to one, the club said after the match."] * 2, [actor("Kim Park")])
    assert site_links([a, b])["a"].related == ()


def test_links_do_not_depend_on_input_order():
    stories = [story("a", QUAKE, [actor("Jo Smith")]), story("b", VOTE, [actor("Jo Smith")], "2024-03-01"),
               story("c", VOTE, [actor("Jo Smith")], "2024-03-01")]
    assert site_links(stories) == site_links(list(reversed(stories)))


def test_an_actor_most_stories_share_relates_none_of_them():
    texts = [f"The {w} report was published on Friday, the office said." for w in ("budget", "annual", "tax", "audit")]
    stories = [story(f"s{i}", [t, t], [actor("United States"), actor(f"Person {i}")], f"2024-01-0{i + 1}")
               for i, t in enumerate(texts)]
    stories.append(story("s9", [texts[0], texts[0]], [actor("Person 0")], "2024-01-09"))
    links = site_links(stories)
    assert [r.slug for r in links["s0"].related] == ["s9"]  # the person, not the country all four share
    assert links["s1"].related == ()
