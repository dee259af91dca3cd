"""Render the hub pages: one page per actor across stories, the actors index, the timeline.

Same environment and escaping as the story pages (generator.publish.render): every value from an
article is escaped by the environment's finalize.
"""

from __future__ import annotations

import functools
from itertools import groupby
from typing import Callable, Sequence

from generator.publish import filters as rf
from generator.config import Settings
from generator.stories.hubs import ActorHub, actor_hubs, site_timeline
from generator.publish.markdown_escape import html_text, safe_token
from generator.models import Story
from generator.publish.render import environment, slug_of

Memo = Callable[[str, Callable[[], str]], str]
MAX_TIMELINE_ROWS = 500  # the site-wide timeline lists the newest events; story pages keep the rest


def _hub_slug(hub: ActorHub) -> str:
    slug = safe_token(hub.slug, r"[a-z0-9][a-z0-9-]{0,120}")
    if slug is None:
        raise ValueError(f"unsafe actor slug {hub.slug!r}")
    return slug


def render_actor(hub: ActorHub, settings: Settings) -> str:
    template = environment(str(settings.templates_path)).get_template("actor.md.j2")
    roles = [a.role for a in hub.appearances if a.role]
    description = f"{hub.name}: " + (roles[0] if roles else f"named in {len(hub.appearances)} stories")
    return template.render(
        front_matter=rf.front_matter({"title": html_text(hub.name), "description": html_text(description)}),
        name=hub.name,
        aliases=list(hub.aliases),
        appearances=[{"headline": a.story_headline, "slug": safe_token(a.story_slug, r"[a-z0-9][a-z0-9-]{0,120}"),
                      "role": a.role, "sources": a.sources} for a in hub.appearances],
    )


def render_actors_index(hubs: Sequence[ActorHub], settings: Settings) -> str:
    template = environment(str(settings.templates_path)).get_template("actors.md.j2")
    return template.render(
        front_matter=rf.front_matter({"title": "Actors", "hide": ["toc"]}),
        actors=[{"name": h.name, "slug": _hub_slug(h), "count": len(h.appearances)} for h in hubs],
    )


def render_timeline(stories: Sequence[Story], settings: Settings) -> str:
    rows = [
        {"date": r.entry.date, "text": r.entry.text, "headline": r.story_headline, "slug": slug_of(
            next(s for s in stories if s.slug == r.story_slug))}
        for r in site_timeline(stories)[:MAX_TIMELINE_ROWS]
    ]
    years = [{"year": year, "rows": list(group)} for year, group in groupby(rows, key=lambda r: r["date"][:4])]
    template = environment(str(settings.templates_path)).get_template("timeline.md.j2")
    return template.render(front_matter=rf.front_matter({"title": "Timeline"}), years=years)


def hub_pages(stories: Sequence[Story], settings: Settings, memo: Memo | None = None,
              hubs: Sequence[ActorHub] | None = None) -> dict[str, str]:
    """Paths under content/ -> Markdown, for the actors and the site-wide timeline.

    `memo(key, render)`, when given, may return the page made last time from the same hub
    (its repr is the key): one new article changes a few hubs out of hundreds.
    """
    hubs = actor_hubs(stories) if hubs is None else hubs
    memo = memo or (lambda key, make: make())
    pages = {f"actors/{_hub_slug(h)}.md": memo(repr(h), functools.partial(render_actor, h, settings)) for h in hubs}
    pages["actors/index.md"] = render_actors_index(hubs, settings)
    pages["timeline.md"] = render_timeline(stories, settings)
    return pages
