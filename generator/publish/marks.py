"""What a page shows of the desk's work: ids, "editors" and "new" marks, and cited-or-not.

Every item line ends with its invisible id (`<!-- xp p-0a1b2c3d4e -->`, read back by
generator.editorial.page; "review" or "conflict" follows the id when an item needs a look).
Words the editors wrote are marked "editors" and cite no source; a point new since the
story's previous update is marked "new since <date>". Each section starts with an invisible
marker naming it, so a line moved there is known to be there.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from generator.editorial.page import id_comment, section_marker
from generator.models import Mark, Story
from generator.publish import filters as rf
from generator.publish.markdown_escape import SafeMd

DESK_BADGE = '<span class="xp-desk" title="Written by our editors; it cites no source">editors</span>'
DISPUTED_BADGE = '<span class="xp-desk" title="Marked disputed by our editors">disputed by our editors</span>'
CORRECTED_BADGE = '<span class="xp-desk" title="A misspelling in it corrected by our editors">corrected</span>'
WORDED = ("text", "role", "name", "date", "speaker")  # fields whose words a reader reads as the desk's


def mark_of(story: Story, item: Any) -> Mark:
    return story.marks.get(getattr(item, "id", "") or "", Mark())


def desk_worded(story: Story, item: Any) -> bool:
    """The item's statement is in the editors' words (so it cites no source)."""
    return "text" in mark_of(story, item).desk


def tail(story: Story, item: Any) -> SafeMd:
    """The marks and the invisible id that end an item's line."""
    ident = getattr(item, "id", "") or ""
    if not ident:
        return SafeMd("")
    m = mark_of(story, item)
    parts = []
    if any(f in m.desk for f in WORDED):
        parts.append(DESK_BADGE)
    elif "corrected" in m.desk:
        parts.append(CORRECTED_BADGE)
    if "disputed" in m.desk:
        parts.append(DISPUTED_BADGE)
    if m.new:
        since = f" since {rf.human_date(story.new_since)}" if story.new_since else ""
        parts.append(f'<span class="xp-new">new{since}</span>')
    flags = tuple(f for f, on in (("review", m.review), ("conflict", m.conflict)) if on)
    parts.append(id_comment(ident, flags))
    end = "\n" if "paragraph" in m.desk else ""  # a paragraph of the desk's own ends its block
    return SafeMd(" " + " ".join(parts) + end)


def helpers(story: Story, labels: Mapping[str, str], copies: Mapping[str, str]) -> dict[str, Callable]:
    """The template's functions for items: cite, count (N of M), tail, section."""

    def cite(item: Any) -> SafeMd:
        if isinstance(item, (tuple, list)):
            return rf.citations(item, labels)
        return SafeMd("") if desk_worded(story, item) else rf.citations(item.sources, labels)

    def count(item: Any) -> SafeMd:
        # "N of M" only where N is at least two: a point verified in one source shows that source,
        # never "1 of M", which would say the others do not report it (unverified: they may,
        # in words the check does not match)
        if desk_worded(story, item) or not item.sources or rf.support_count(item.sources, labels, copies) < 2:
            return SafeMd("")
        return SafeMd(f' <span class="xp-support">{rf.support(item.sources, labels, copies)}</span>')

    def bullet(item: Any) -> SafeMd:
        """"- " before a point; a blank line before a paragraph the desk wrote as one."""
        return SafeMd("\n" if "paragraph" in mark_of(story, item).desk else "- ")

    return {"cite": cite, "count": count, "tail": lambda item: tail(story, item), "bullet": bullet,
            "section": lambda name: SafeMd(section_marker(name)),
            "desk": lambda item: desk_worded(story, item)}


def desk_lines(story: Story) -> int:
    """How many lines of the page are the editors' words."""
    return sum(1 for m in story.marks.values() if any(f in m.desk for f in WORDED))


def corrected_lines(story: Story) -> int:
    """How many lines hold a misspelling the editors corrected (the rest is the source's)."""
    return sum(1 for m in story.marks.values() if "corrected" in m.desk and not any(f in m.desk for f in WORDED))
