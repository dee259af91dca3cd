"""Site-wide files written beside the story pages: the tags index, the archive, each
story's export JSON (downloadable next to its page, the machine-readable twin of it), and
the hubs: a page per actor across stories and the site-wide timeline.
"""

from __future__ import annotations

import json
from typing import Sequence

from generator.publish import render
from generator.config import Settings
from generator.publish.export import story_json
from generator.models import Story
from generator.publish.hub_pages import Memo, hub_pages
from generator.stories.hubs import ActorHub


def story_data(story: Story) -> str:
    """The story's export JSON (docs/export-schema.md), deterministic: schema key order."""
    return json.dumps(story_json(story), ensure_ascii=False, indent=2) + "\n"


def extra_pages(stories: Sequence[Story], settings: Settings, with_data: bool = True,
                memo: Memo | None = None, hubs: Sequence[ActorHub] | None = None) -> dict[str, str]:
    """Files other than the story pages and the home page, keyed by path under content/.

    with_data=False leaves out the stories' JSON, for a caller that caches it with the page;
    `memo` and `hubs` (actor_hubs(stories), when the caller has them) are handed to hub_pages.
    """
    pages = {
        "tags.md": render.render_tags_page(settings),
        "archive.md": render.render_archive(stories, settings),
    }
    for story in stories if with_data else ():
        pages[f"stories/{render.slug_of(story)}.json"] = story_data(story)
    pages.update(hub_pages(stories, settings, memo, hubs))
    return pages
