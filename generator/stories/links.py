"""Where a reader goes from a story: its actors' pages, related stories, the stories before and
after it, and its topics.

Pure functions over all composed Stories, like hubs.py. Two stories are related when they
share a key actor (a row of either's Key actors table, hubs.key_actors) or two topics, counting only
actors and topics that tell stories apart: one that at least half of the site's stories
share (a country every story mentions) links nothing. The more they share, the closer.
Previous and next follow the stories' dates (the event's, else the newest source's), ties
broken by slug, so the order never depends on input order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from generator.models import Story
from generator.stories.hubs import ActorHub, actor_hubs, actor_key, hub_index, key_actors
from generator.stories.topics import story_topics

MAX_RELATED = 3
KEY_WEIGHT = 2  # a shared key actor counts twice a shared topic or a passing actor


@dataclass(frozen=True)
class StoryRef:
    slug: str
    headline: str
    date: str | None


@dataclass(frozen=True)
class StoryLinks:
    topics: tuple[str, ...] = ()
    actor_pages: tuple[tuple[str, str], ...] = ()  # (the actor's name in this story, its hub's slug)
    related: tuple[StoryRef, ...] = ()
    previous: StoryRef | None = None  # the story before this one by date
    next: StoryRef | None = None

    def page_of(self, name: str) -> str | None:
        return dict(self.actor_pages).get(name)


def story_date(story: Story) -> str:
    return story.event_date or story.updated or ""


def _ref(story: Story) -> StoryRef:
    return StoryRef(story.slug, story.headline, story.event_date or story.updated)


def site_links(stories: Sequence[Story], hubs: Sequence[ActorHub] | None = None) -> dict[str, StoryLinks]:
    """Story slug -> its links (hubs: actor_hubs(stories), when the caller has them already)."""
    index = hub_index(actor_hubs(stories) if hubs is None else hubs)
    topics = {s.slug: story_topics(s) for s in stories}
    shared_with = {s.slug: _actor_hubs(s, index) for s in stories}
    common = max(2.0, len(stories) / 2)  # in more stories than this, an actor or topic tells none apart
    hub_stories = Counter(h for found in shared_with.values() for h in found)
    topic_stories = Counter(t for found in topics.values() for t in found)
    telling = {slug: {h: key for h, key in found.items() if hub_stories[h] <= common}
               for slug, found in shared_with.items()}
    telling_topics = {slug: tuple(t for t in found if topic_stories[t] <= common) for slug, found in topics.items()}
    ordered = sorted(stories, key=lambda s: (story_date(s), s.slug))
    links = {}
    for i, story in enumerate(ordered):
        pages = tuple((a.name, index[actor_key(a.name)]) for a in key_actors(story.actors)
                      if actor_key(a.name) in index)
        links[story.slug] = StoryLinks(
            topics=topics[story.slug],
            actor_pages=pages,
            related=_related(story, stories, telling, telling_topics),
            previous=_ref(ordered[i - 1]) if i > 0 else None,
            next=_ref(ordered[i + 1]) if i + 1 < len(ordered) else None,
        )
    return links


def _actor_hubs(story: Story, index: dict[str, str]) -> dict[str, bool]:
    """Hub slug -> whether the actor is one of the story's key actors."""
    found: dict[str, bool] = {}
    key = {id(a) for a in key_actors(story.actors)}
    for actor in story.actors:
        slug = index.get(actor_key(actor.name))
        if slug is not None:
            found[slug] = found.get(slug, False) or id(actor) in key
    return found


def _related(story: Story, stories: Sequence[Story], shared_with: dict[str, dict[str, bool]],
             topics: dict[str, tuple[str, ...]]) -> tuple[StoryRef, ...]:
    mine = shared_with[story.slug]
    scored = []
    for other in stories:
        if other.slug == story.slug:
            continue
        theirs = shared_with[other.slug]
        common = set(mine) & set(theirs)
        key = sum(1 for h in common if mine[h] or theirs[h])
        topics_shared = len(set(topics[story.slug]) & set(topics[other.slug]))
        if key == 0 and topics_shared < 2:
            continue
        score = KEY_WEIGHT * key + (len(common) - key) + topics_shared
        scored.append((-score, -_closeness(story, other), other.slug, other))
    return tuple(_ref(s) for *_, s in sorted(scored)[:MAX_RELATED])


def _closeness(a: Story, b: Story) -> int:
    """Stories close in time first among equally related ones (day numbers, roughly)."""
    def days(s: Story) -> int:
        d = story_date(s)
        return int(d[:4]) * 372 + int(d[5:7] or 0) * 31 + int(d[8:10] or 0) if d[:4].isdigit() else 0
    return -abs(days(a) - days(b))
