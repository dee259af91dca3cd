"""People's names as a page writes them: bylines tidied, never guessed."""

from __future__ import annotations

import re


def tidy_name(name: str) -> str:
    """Names as written, except ALL-CAPS bylines ("SAM SMITH") shown as "Sam Smith"."""
    name = " ".join(name.split()).strip(" ,;:-–—|/")
    if not any(c.islower() for tok in name.split() if tok.lower() not in _CONNECTORS for c in tok):
        name = " ".join(_cap(tok) for tok in name.split())
    return name


_CONNECTORS = ("and", "of", "de", "van", "von", "al")


def _cap(token: str) -> str:
    if token.lower() in _CONNECTORS:
        return token.lower()
    return token[:1] + token[1:].lower()


# Writers listed in one byline: "Jane Roe, John Doe and Ann Lee".
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def split_names(text: str) -> list[str]:
    """The names of a list ("Jane Roe, John Doe and Ann Lee" -> three names), as written."""
    return _LIST_SEPARATOR.split(text.strip())


def join_names(names: list[str]) -> str:
    """One byline for several writers: "Jane Roe, John Doe and Ann Lee" (split_names reads it back)."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
