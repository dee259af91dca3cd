"""Render stage: a Story becomes Markdown through the Jinja2 templates in site_config/.

(Minimal first version. Replaced by the full template set.)
"""

from __future__ import annotations

from typing import Sequence

from .config import Settings
from .models import Story


def render_story(story: Story, settings: Settings) -> str:
    return f"# {story.headline}\n"


def render_index(stories: Sequence[Story], settings: Settings) -> str:
    return "# Stories\n\n" + "".join(f"- [{s.headline}](stories/{s.slug}.md)\n" for s in stories)
