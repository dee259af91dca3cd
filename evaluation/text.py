"""Text comparison rules of `tests/gold/README.md`, as small pure functions.

Every figure compares generator output with a human annotation, so the comparisons forgive
what does not change meaning (typographic quotes, case, accents, whitespace, inflection)
and nothing else.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process
from generator.speedups.stop_words import stop_words

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                         "–": "-", "—": "-", "―": "-", "\u00a0": " "})
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*")

NEAR_VERBATIM = 95  # partial_ratio for "occurs near-verbatim" (README: traceable, lines kept)
SAME_CLAIM = 85  # token_set_ratio for "matches one of the evidence sentences"
SAME_QUOTE = 90  # ratio for "near-identical" quoted words


def normalise(text: str) -> str:
    """Unicode-compatible form, straight quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """`normalise`, lower-cased and without accents: for case-insensitive comparisons."""
    text = unicodedata.normalize("NFKD", normalise(text).lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def occurs(needle: str, haystack: str, threshold: int = NEAR_VERBATIM) -> bool:
    """`needle` occurs near-verbatim in `haystack` (exact after folding, or partial_ratio)."""
    n, h = fold(needle).strip(" \"'"), fold(haystack)
    if not n:
        return False
    if n in h:
        return True
    if len(n) > len(h):
        return False
    return fuzz.partial_ratio(n, h, score_cutoff=threshold) > 0


def words(text: str) -> list[str]:
    """Word tokens, folded, possessive 's dropped ("Russia's" -> "russia")."""
    return [re.sub(r"'s$", "", w) for w in _WORD.findall(fold(text))]


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> tuple[str, ...]:
    """Words that carry meaning: not stop words, deduplicated in order of appearance."""
    seen: dict[str, None] = {}
    for w in words(text):
        if (w not in stop_words() and len(w) > 1) or _DIGIT.search(w):
            seen.setdefault(w, None)
    return tuple(seen)


@lru_cache(maxsize=1 << 16)
def same_word(a: str, b: str) -> bool:
    """Same word up to inflection: equal, or sharing a prefix of all but two letters.

    A crude stemmer that needs no model: "killed"/"kills", "Russia"/"Russian" match,
    "approved"/"approach" do not. Numbers must be equal.
    """
    if a == b:
        return True
    if _DIGIT.search(a) or _DIGIT.search(b):
        return False
    return len(os.path.commonprefix([a, b])) >= max(4, min(len(a), len(b)) - 2)


def share_of_words(reference: Iterable[str], candidate: Iterable[str]) -> float:
    """Share of `reference` content words that `candidate` contains (up to inflection)."""
    ref, cand = list(reference), list(candidate)
    if not ref:
        return 0.0
    hits = sum(1 for r in ref if any(same_word(r, c) for c in cand))
    return hits / len(ref)


@lru_cache(maxsize=1 << 16)
def same_claim(item: str, evidence: str, threshold: int = SAME_CLAIM) -> bool:
    """README rule for facts and open questions: token-set similarity >= 85.

    An item of fewer than three content words is too short to state a claim (token_set_ratio
    scores any subset 100, so "The ministry said." would otherwise match every sentence).
    """
    if len(content_words(item)) < 3:
        return False
    return fuzz.token_set_ratio(fold(item), fold(evidence), processor=default_process) >= threshold


def quote_key(text: str) -> str:
    """Quoted words without surrounding quotation marks and closing punctuation."""
    return fold(text).strip(" \"'").rstrip(".,;:!? \"'").strip(" \"'")


def same_quote(a: str, b: str, threshold: int = SAME_QUOTE) -> bool:
    """Near-identical quoted words."""
    ka, kb = quote_key(a), quote_key(b)
    return bool(ka and kb) and (ka == kb or fuzz.ratio(ka, kb) >= threshold)


def name_key(name: str) -> str:
    """A name as compared: folded, no full stops or leading article, hyphens as spaces."""
    key = fold(name).replace(".", "").replace("-", " ")
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"\s+", " ", key).strip(" '\"")


def same_name(a: str, b: str) -> bool:
    """Case-insensitive equal, or a near-identical spelling (one edit; two in long names)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    shortest = min(len(ka), len(kb))
    allowed = 2 if shortest >= 10 else 1 if shortest >= 5 else 0
    return allowed > 0 and Levenshtein.distance(ka, kb, score_cutoff=allowed) <= allowed


def names_overlap(names_a: Iterable[str], names_b: Iterable[str]) -> bool:
    """Some name of one list is the same name as some name of the other."""
    b = [n for n in names_b if n]
    return any(same_name(x, y) for x in names_a if x for y in b)
