"""A person named by surname alone before the page has said who that is gets a first name.

Outlets introduce a person once ("Sheryl Weinstein, who lost ...") and then write "Ms.
Weinstein"; a page that shows the later sentence but not the first leaves the reader asking
who that is. Editors put the missing words in square brackets: "In December, Ms. [Sheryl]
Weinstein learned ...". Read in page order (headline, In brief, Background, Timeline, What we
know, What we don't know, What's next), the first line that names a person by surname alone,
before any line above has given the first name, gets it, when every source the line cites writes
the full name (the words added are the sources' own) and no other person of the story shares the
surname (the referent is then not in doubt). In brief is checked before this (verify holds such
a point): this completes the other sections.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from generator.models import Actor, Story
from generator.stories.verify import ADDRESS
from generator.text.actor_kinds import PERSON_NAME_PARTICLES
from generator.text.dates.vocabulary import MONTHS


def _people(actors: Sequence[Actor]) -> dict[str, tuple[str, str]]:
    """Surname -> (first name, full name) of the story's persons named in full; a surname two
    persons share (or another person the story names by it alone) is left out."""
    seen: dict[str, list[Actor]] = {}
    for a in actors:
        words = a.name.split()
        if a.kind == "person" and len(words) == 1:
            seen.setdefault(words[0], []).append(a)  # "President Velt", named so alone: someone else
            continue
        if a.kind == "person" and len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() \
                and words[-1].lower() not in MONTHS and len(words[-1]) > 2:
            seen.setdefault(words[-1], []).append(a)
    return {last: (group[0].name.split()[0], group[0].name) for last, group in seen.items()
            if len(group) == 1 and len(group[0].name.split()) >= 2}


# Lower-case words inside a name: "Ursula von der Leyen", "Ana de la Cruz", "Tom van den Berg".
_PARTICLES = "(?:" + "|".join(sorted(PERSON_NAME_PARTICLES)) + ")"


def _introduced(text: str, told: str, people: dict[str, tuple[str, str]],
                sources: Sequence[str], texts: dict[str, str]) -> str:
    """The line with the first names it lacks in brackets."""
    for last, (first, full) in people.items():
        if re.search(rf"\b{re.escape(first)}\b", told):
            continue
        # (not a name in brackets already, "[Velt] said": the editor's words, named once)
        m = re.search(rf"(?<![\w\]\[])({ADDRESS})({re.escape(last)})\b(?![\w-])(?!\s*\d)(?![^\[\]]*\])", text)
        if m is None:
            continue
        if re.search(rf"\b{re.escape(first)}\s+(?:(?:[A-Z][\w.'’-]*|{_PARTICLES})\s+){{0,3}}{re.escape(last)}\b", text):
            continue  # the line gives the full name itself, further on ("Ursula von der Leyen" too)
        if sources and all(full in texts.get(s, "") for s in sources):
            text = f"{text[:m.start(2)]}[{first}] {text[m.start(2):]}"
    return text


def introduce_people(story: Story) -> Story:
    """The story with each person's first surname-only mention given the first name, in page order."""
    texts = {a.source_id: a.text for a in story.sources}
    # "floods in Derna": a surname that is a place's name too is left alone (a line may mean the place)
    people = {last: who for last, who in _people(story.actors).items()
              if not any(re.search(rf"\b(?:in|near|at|from|to)\s+{re.escape(last)}\b", t) for t in texts.values())}
    if not people:
        return story
    told = " ".join([story.headline or "", *(i.text for i in story.summary)])

    def one(item):
        nonlocal told
        text = _introduced(item.text, told, people, item.sources, texts)
        told += " " + text
        return replace(item, text=text) if text != item.text else item

    # (page order: Background, Timeline, What we know, What we don't know, What's next)
    background = tuple(map(one, story.background))
    timeline = tuple(map(one, story.timeline))
    known = tuple(map(one, story.known))
    unknown = tuple(u if u.kind == "disputed" else one(u) for u in story.unknown)
    whats_next = tuple(map(one, story.whats_next))
    return replace(story, background=background, timeline=timeline, known=known, unknown=unknown,
                   whats_next=whats_next)
