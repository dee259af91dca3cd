"""Helpers for the editorial tests: a story rendered by the real templates, edited as text,
read back, and the decisions applied to the next story, all in memory."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import load_settings
from generator.editorial.apply import Applied, apply_decisions
from generator.editorial.decisions import Decisions
from generator.editorial.page import parse_page
from generator.editorial.readback import Readback, read_back
from generator.models import Story
from generator.publish.changes import story_points
from generator.publish.render import render_story
from tests.paths import ROOT

SETTINGS = load_settings(ROOT)


def page_of(story: Story) -> str:
    return render_story(story, SETTINGS)


def lines_of(page: str) -> list[str]:
    return page.split("\n")


def labels(story: Story) -> tuple[dict, dict, dict]:
    return ({a.source_id: a.key for a in story.sources} | {a.key: a.key for a in story.sources},
            {a.key: a.file for a in story.sources}, {h.id: h.section for h in story.held})


def back(written_story: Story, written: str, edited: str, decisions: Decisions) -> Readback:
    """Read `edited` back against the page `written` (rendered from `written_story`)."""
    lab, files, held = labels(written_story)
    return read_back(parse_page(written), parse_page(edited), decisions, lab, files, held)


@dataclass
class Desk:
    """One story through rounds: apply, render, edit, read back."""

    decisions: Decisions
    applied: Applied | None = None
    page: str = ""
    shown: set | None = None  # the ids the last page showed (as the state records them)

    def publish(self, story: Story, previous_files: dict | None = None) -> str:
        self.applied = apply_decisions(story, self.decisions, previous_files, self.shown)
        self.decisions = self.applied.decisions
        self.page = page_of(self.applied.story)
        self.shown = set(story_points(self.applied.story))
        return self.page

    def edit(self, edited: str) -> Readback:
        result = back(self.applied.story, self.page, edited, self.decisions)
        self.decisions = result.decisions
        return result


def item_lines(page: str, section_heading: str) -> list[str]:
    lines = lines_of(page)
    start = lines.index(f"## {section_heading}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [ln for ln in lines[start:end] if ln.lstrip().startswith("- ")]


def replace_line(page: str, old: str, new: str | None) -> str:
    lines = lines_of(page)
    i = lines.index(old)
    if new is None:
        del lines[i]
    else:
        lines[i] = new
    return "\n".join(lines)
