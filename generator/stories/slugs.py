"""Stable story URLs: a story keeps its slug when articles are added to it.

The registry (`.explainer/stories.json`, kept in Git with the desk's decisions) maps each slug to
the input files of its story. A new grouping inherits the slug of the previous story it
shares most files with; only a story with no predecessor gets a slug from its headline.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Sequence

from generator.store.files import atomic_write


def slugify(text: str, max_words: int = 8) -> str:
    """A URL segment from a headline or name: ASCII words, at most `max_words` of them."""
    text = re.sub(r"['’]s\b", "", text)  # "Norway's government" -> "norway-government"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:max_words]) or "story"


REGISTRY = "stories.json"


def registry_path(state_dir: Path) -> Path:
    return state_dir / REGISTRY


def load_registry(state_dir: Path) -> dict[str, list[str]]:
    path = registry_path(state_dir)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): [str(f) for f in v] for k, v in data.items() if isinstance(v, list)}


def save_registry(state_dir: Path, registry: dict[str, list[str]]) -> None:
    text = json.dumps({k: sorted(v) for k, v in sorted(registry.items())}, indent=2, ensure_ascii=False)
    atomic_write(registry_path(state_dir), text + "\n")


def assign_slugs(groups: Sequence[Sequence[str]], fresh: Sequence[str],
                 previous: dict[str, list[str]]) -> list[str]:
    """One slug per group of files: inherited by largest overlap, else `fresh[i]` made unique.

    Groups are matched to previous stories greedily, largest overlap first, ties by slug,
    so the result does not depend on input order.
    """
    candidates = []
    for gi, files in enumerate(groups):
        mine = set(files)
        for slug, old in previous.items():
            overlap = len(mine & set(old))
            if overlap:
                candidates.append((-overlap, slug, gi))
    slugs: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _, slug, gi in sorted(candidates):
        if slugs[gi] is None and slug not in taken:
            slugs[gi] = slug
            taken.add(slug)
    for gi in sorted(range(len(groups)), key=lambda i: (fresh[i], sorted(groups[i]))):
        if slugs[gi] is None:
            base, n, slug = fresh[gi], 1, fresh[gi]
            while slug in taken or slug in previous:
                n += 1
                slug = f"{base}-{n}"
            slugs[gi] = slug
            taken.add(slug)
    return [s for s in slugs if s is not None]
