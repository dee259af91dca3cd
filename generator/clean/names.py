"""People's names as a page writes them: bylines tidied, never guessed."""

from __future__ import annotations


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
