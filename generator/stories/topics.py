"""What a story is about, as subjects a reader browses by ("Earthquake", "Referendum", "Bank").

Names have their own pages (hubs.py); topics are the common nouns the sources share. A word
is a candidate when the sources write it in lower case (so it is not a name), it is used as a
noun ("the referendum," / "a referendum was"), at least half of the story's independent
sources use it, and it is neither a stop word nor one of the words every news story uses
("people", "official", "week"). Candidates are ranked by how many sources use them and how
often, those in a headline or the In brief points first. A function of the story alone: a new
article elsewhere never changes this story's topics.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from generator.models import Story
from generator.speedups.stop_words import stop_words

MAX_TOPICS = 3
HEADLINE_WEIGHT = 1.5  # a word the headlines or In brief use is what the story is about
_WORD = r"[a-z][a-z-]{2,}[a-z]"
_TOKEN = re.compile(rf"(?<![\w'’-])({_WORD})(?![\w'’-])")
_DETERMINER = r"the|a|an|its|their|this|that|these|those|his|her|our|your"
_AFTER_NOUN = (r"of|in|on|at|to|for|was|were|is|are|has|have|had|and|or|that|which|who|with|by|from|after"
               r"|since|as|will|would|could|said|near")
_AS_NOUN = re.compile(rf"\b(?:{_DETERMINER})\s+({_WORD})(?=\s*[.,;:!?)]|\s+(?:{_AFTER_NOUN})\b)")
# Words of every news story, never what one story is about.
GENERIC = frozenset("""
people person country countries year years time times day days week weeks month months today news report reports
statement statements official officials government governments world part number way place group groups member
members decision move process case story stories media source sources video photo image article site page
president minister spokesperson spokesman spokeswoman leader leaders head chief director secretary percent cent
million billion thousands hundreds lot thing things side end start area region city town state states nation
nations family morning evening night history moment opposite situation opportunity step issue issues matter
monday tuesday wednesday thursday friday saturday sunday comment comments interview update updates
""".split())


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=256)
def _topics(texts: tuple[str, ...], headlines: str) -> tuple[str, ...]:
    used_by: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    as_noun: Counter[str] = Counter()
    for text in texts:
        words = _TOKEN.findall(text)
        uses.update(words)
        used_by.update(set(words))
        as_noun.update(m[1] for m in _AS_NOUN.finditer(text))
    enough = max(1, math.ceil(len(texts) / 2))
    skip = stop_words() | GENERIC
    groups: dict[str, list[str]] = {}
    for word in sorted(used_by):
        if used_by[word] >= enough and as_noun[word] and word not in skip and not re.search(r"(?:ly|ed|est)$", word):
            single = _singular(word)
            groups.setdefault(single if single in used_by else word, []).append(word)
    in_headlines = set(_TOKEN.findall(headlines.lower()))

    def score(item: tuple[str, list[str]]) -> tuple[float, str]:
        key, forms = item
        weight = HEADLINE_WEIGHT if in_headlines & set(forms) else 1.0
        return (-max(used_by[f] for f in forms) * math.log1p(sum(uses[f] for f in forms)) * weight, key)

    chosen: list[str] = []
    for key, _ in sorted(groups.items(), key=score):
        if not any(key in c or c in key for c in chosen):  # "quake" adds nothing to "earthquake"
            chosen.append(key)
        if len(chosen) == MAX_TOPICS:
            break
    return tuple(chosen)


def story_topics(story: Story) -> tuple[str, ...]:
    """At most three subject words, most telling first, capitalised as a label ("Earthquake")."""
    texts = tuple(a.text for a in story.independent_sources)
    headlines = " ".join([story.headline, *(a.title or "" for a in story.sources), *(i.text for i in story.summary)])
    return tuple(t[:1].upper() + t[1:] for t in _topics(texts, headlines))
