"""Stable ids for everything a story page shows, and stable keys for its sources.

An id is derived from the item's own words (normalised: case, quotes, spacing), never from
its position or from which files exist, so it is the same on every run that generates the
same words, whatever articles come or go (Wikidata's statement ids; gettext keys a
translation by its source string). The same claim has the same id wherever it shows: In
brief, What we know, What's next and the open questions share the `p-` prefix, and its
timeline row has the same hash under `t-`; hiding or rewording the claim reaches both.

A source's key is its host (from its URL or its file name, when the name is a domain) and
the first hex digits of its bytes' hash: stable for a file whatever else is in seeds/, and
the page's footnote label (MkDocs numbers footnotes in definition order, so readers see 1,
2, 3 in the Sources order, never the key).

`with_ids` is the one place ids are assigned: a pure step after composing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence, TypeVar
from urllib.parse import urlsplit

from generator.models import Article, Held, Item, Story

T = TypeVar("T")

# Where a point can be shown; the timeline and the disputes have their own prefixes.
POINT_SECTIONS = ("summary", "background", "known", "whats_next", "open_question", "single_source")
PREFIX = {**{s: "p" for s in POINT_SECTIONS}, "timeline": "t", "disputed": "d", "quote": "q", "actor": "a",
          "headline": "h"}
HEADLINE_ID = "h-headline"

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"',
                         "–": "-", "—": "-", "\u00a0": " "})
_DOMAIN = re.compile(r"(?:^|[_ ]|\d-)((?:[a-z0-9-]+\.)+[a-z]{2,})$", re.IGNORECASE)


def norm(text: object) -> str:
    """The words that make an id: Unicode-normalised, straight quotes, single spaces, case-folded."""
    value = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTES)
    return " ".join(value.split()).casefold()


def digest(text: object) -> str:
    return hashlib.blake2b(norm(text).encode("utf-8"), digest_size=5).hexdigest()


def item_id(section: str, text: object) -> str:
    """The id of the item `text` shown in `section` (a point section, timeline, quote, actor...)."""
    return f"{PREFIX.get(section, 'p')}-{digest(text)}"


def same_claim(a: str, b: str) -> bool:
    """Two ids name the same claim (a point and its timeline row share their hash)."""
    return a.split("-", 1)[-1].split("-")[0] == b.split("-", 1)[-1].split("-")[0] and a[:1] in "pt" and b[:1] in "pt"


def host_of(article: Article) -> str:
    """The source's host: its URL's, else its file name's when that is a domain ("01_amu.tv.txt")."""
    if article.url:
        try:
            host = urlsplit(article.url.strip()).hostname or ""
        except ValueError:
            host = ""
        if host:
            return host[4:] if host.startswith("www.") else host
    stem = Path(article.file.split("#", 1)[0]).stem
    m = _DOMAIN.search(stem)
    return m.group(1).lower() if m else ""


def source_key(article: Article) -> str:
    """"<host>-<6 hex of the bytes' hash>", or "src-<hash>" when no host is known."""
    host = re.sub(r"[^a-z0-9]+", "-", host_of(article).lower()).strip("-")[:24].strip("-") or "src"
    content = article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return f"{host}-{content[:6]}"


def source_keys(sources: Sequence[Article]) -> dict[str, str]:
    """Source id -> key, unique within the story (identical bytes twice: "-2" by file path)."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for article in sorted(sources, key=lambda a: (source_key(a), a.file, a.source_id)):
        key, n = source_key(article), 1
        while (candidate := key if n == 1 else f"{key}-{n}") in taken:
            n += 1
        keys[article.source_id] = candidate
        taken.add(candidate)
    return keys


def _unique(items: Iterable[T], section_of, text_of) -> tuple[T, ...]:
    """Each item with its id, in order; the same words twice in one section: "-2" on the second."""
    out: list[T] = []
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        section = section_of(item)
        base = item_id(section, text_of(item))
        seen[(section, base)] = n = seen.get((section, base), 0) + 1
        out.append(replace(item, id=base if n == 1 else f"{base}-{n}"))
    return tuple(out)


def _points(items: Sequence[Item], section: str) -> tuple[Item, ...]:
    return _unique(items, lambda _: section, lambda i: i.text)


def _held(held: Sequence[Held]) -> tuple[Held, ...]:
    return tuple(replace(h, id=h.id or item_id(h.section, h.text)) for h in held)


def with_ids(story: Story) -> Story:
    """The story with a key on every source and an id on every item; pure and idempotent."""
    keys = source_keys(story.sources)
    return replace(
        story,
        sources=tuple(replace(a, key=keys[a.source_id]) for a in story.sources),
        summary=_points(story.summary, "summary"),
        background=_points(story.background, "background"),
        known=_points(story.known, "known"),
        whats_next=_points(story.whats_next, "whats_next"),
        unknown=_unique(story.unknown, lambda u: u.kind, lambda u: u.text),
        timeline=_unique(story.timeline, lambda _: "timeline", lambda t: t.text),
        quotes=_unique(story.quotes, lambda _: "quote", lambda q: q.text),
        actors=_unique(story.actors, lambda _: "actor", lambda a: a.name),
        held=_held(story.held),
    )

