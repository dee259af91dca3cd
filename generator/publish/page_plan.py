"""A page a reader finishes: how many items of each section are shown, the rest folded.

A story page shows at most MAX_VISIBLE_WORDS words before its Sources (the reader's whole
read); every other verified line stays on the page, folded under "Show all N ..." (and in
the JSON). The words are counted on the rendered Markdown as a browser shows them: folded
blocks, markup, citation numbers and everything from "## Sources" on are not counted.

The plan starts from each section's minimum (the first point of each), then adds items
round-robin in the order a reader needs them (What we know, disagreements, quotes, open
questions, the timeline, background, what's next, ...) while the budget lasts; the page
is then rendered and counted, and items come off again until it fits.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

MAX_VISIBLE_WORDS = 1000
MARGIN = 60  # words the theme adds around the Markdown (the topic chips, "¶" links) and rounding
# The order in which sections get more room, and how many items each shows at least.
PRIORITY = ("actors", "known", "disputed", "quotes", "open_question", "timeline", "background", "whats_next",
            "single_source")
MINIMUM = {"actors": 6, "known": 3, "disputed": 1, "quotes": 1, "open_question": 1, "timeline": 2,
           "background": 1, "whats_next": 1, "single_source": 0}
# The same tokens the browser tests count: a word starts with a letter or a digit.
WORD = re.compile(r"[^\W_][\w'’.,%-]*")


@dataclass(frozen=True)
class Plan:
    """Section name -> how many of its items are shown; the rest are folded."""

    shown: Mapping[str, int] = field(default_factory=dict)

    def visible(self, section: str, items: list) -> list:
        return items[: self.shown.get(section, len(items))]

    def folded(self, section: str, items: list) -> list:
        return items[self.shown.get(section, len(items)):]


def words(text: str) -> int:
    return len(WORD.findall(text))


_FOOTNOTE_REF = re.compile(r"\[\^[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]*>")
_ATTRS = re.compile(r"\{\s*[:#.][^}]*\}")
_BLOCK = re.compile(r"^(?:#{1,6}\s|[-*+]\s|>\s?|\|)")


def visible_words(markdown: str) -> int:
    """Words a reader sees before the Sources: the page without its front matter, folded
    ("???") blocks, footnote definitions, markup and citation numbers."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    count, folded = 0, False
    for line in body.splitlines():
        if line.startswith("## Sources"):
            break
        if folded and (line.startswith("    ") or not line.strip()):
            continue
        folded = line.lstrip().startswith("???")
        if folded:  # its summary ("Show all 40 points") is what shows of it
            count += words(html.unescape(line.split('"', 1)[1] if '"' in line else ""))
            continue
        if line.startswith("[^") or line.startswith("*[") or line.strip() in ("---", "| --- |"):
            continue
        text = _LINK.sub(r"\1", _FOOTNOTE_REF.sub("", line))
        text = html.unescape(_ATTRS.sub("", _TAG.sub(" ", text)))
        if re.fullmatch(r"[|\s:-]*", text):
            continue  # a table's separator row
        count += words(_BLOCK.sub("", text.strip()).replace("|", " "))
    return count


def greedy(costs: Mapping[str, list[int]], budget: int) -> list[tuple[str, int]]:
    """The order items are added in: minimums first, then round-robin by PRIORITY, each
    only while it fits `budget` (a section stops at its first item that does not fit)."""
    steps: list[tuple[str, int]] = []
    shown = {s: 0 for s in costs}
    spent = 0
    for section in PRIORITY:
        for _ in range(min(MINIMUM.get(section, 0), len(costs.get(section, [])))):
            spent += costs[section][shown[section]]
            steps.append((section, shown[section]))
            shown[section] += 1
    open_sections = [s for s in PRIORITY if s in costs]
    while open_sections:
        for section in list(open_sections):
            i = shown[section]
            if i >= len(costs[section]) or spent + costs[section][i] > budget:
                open_sections.remove(section)
                continue
            spent += costs[section][i]
            steps.append((section, i))
            shown[section] += 1
    return steps


def plan_page(costs: Mapping[str, list[int]], render: Callable[[Plan], str],
              limit: int = MAX_VISIBLE_WORDS - MARGIN) -> tuple[Plan, str]:
    """The fullest plan whose rendered page shows at most `limit` words, and that page.

    `costs` are each section's items' estimated words, in page order; `render(plan)` renders.
    """
    base = visible_words(render(Plan({s: min(MINIMUM.get(s, 0), len(c)) for s, c in costs.items()})))
    steps = greedy(costs, max(0, limit - base) + sum(
        sum(c[: MINIMUM.get(s, 0)]) for s, c in costs.items()))
    while True:
        plan = Plan({s: sum(1 for t, _ in steps if t == s) for s in costs})
        page = render(plan)
        over = visible_words(page) - limit
        if over <= 0 or not steps:
            return plan, page
        while over > 0 and steps:  # take off the last-added items until the estimate fits
            section, i = steps.pop()
            over -= costs[section][i]
