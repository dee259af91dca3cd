"""Does a source state what a line states? The support rule every citation must pass.

A source supports a line when the line is (nearly) verbatim in it, or when the source's
closest sentence shares the line's words, and either way the source gives every number and
every name the line gives, with the same polarity ("no confidence" never supports
"confidence"). The definitions of the mechanical line audit (../shared/audit/page_audit.py),
one step stricter: there, a line nearly verbatim passes even with one number changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

VERBATIM = 92  # partial_ratio of the normalised line within the normalised source
MIN_OVERLAP = 0.3  # share of the line's content words in the source's closest sentence
SAME_STATEMENT = 0.6  # above this overlap the closest sentence is the same statement: polarity must agree

NEGATION = re.compile(r"\b(not|no|never|none|nobody|nothing|n't|without|neither|nor)\b", re.I)
NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# Capitalised words that are not a sentence's first word: names, as far as spelling tells.
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)*)")
CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                     "June July August September October November December".split())
STOP = frozenset("a an the of to in on at for by with from and or but is are was were be been has have had it its "
                 "this that these those as he she they his her their said says will would could should".split())
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def norm(text: str) -> str:
    """Lower case, one space, typographic quotes and dashes made plain."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TYPOGRAPHY)
    return re.sub(r"\s+", " ", text).strip().lower()


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", norm(text)) if w not in STOP)


def numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in NUMBER.findall(text)}


def names(text: str) -> list[str]:
    return [n for n in NAME.findall(text) if n.split()[0] not in CALENDAR]


@dataclass(frozen=True)
class Source:
    """A source's text prepared once for many lines: normalised, its sentences' words."""

    text: str
    normalised: str
    sentences: tuple[tuple[str, frozenset[str]], ...]
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> "Source":
        sentences = tuple((s, words(s)) for s in _SENTENCE_END.split(text or "") if s.strip())
        return cls(text or "", norm(text), sentences, frozenset(numbers(text or "")))


@lru_cache(maxsize=64)
def prepared(text: str) -> Source:
    return Source.of(text)


def why_unsupported(line: str, source: Source) -> str | None:
    """None when `source` states `line`; else what it lacks, in a few words."""
    nl = norm(line)
    if not nl or not source.normalised:
        return "the source is empty" if nl else "the line is empty"
    if nl in source.normalised:
        return None
    # Nearly verbatim (typography, a trimmed clause) or the closest sentence sharing the words;
    # either way the source must give every number and name the line gives.
    verbatim = len(nl) <= len(source.normalised) and fuzz.partial_ratio(nl, source.normalised, score_cutoff=VERBATIM)
    lw = words(line)
    best, best_words = max(source.sentences, key=lambda s: len(s[1] & lw), default=("", frozenset()))
    if not verbatim and (not lw or len(lw & best_words) / len(lw) < MIN_OVERLAP):
        return "does not say it"
    missing = sorted(numbers(line) - source.numbers)
    if missing:
        return f"does not give {missing[0]}"
    absent = [n for n in names(line) if n.lower() not in source.normalised]
    if absent:
        return f"does not name {absent[0]}"
    if verbatim:
        return None
    if len(lw & best_words) / len(lw) >= SAME_STATEMENT and bool(NEGATION.search(line)) != bool(NEGATION.search(best)):
        return "says the opposite"
    return None


def supports(source_text: str, line: str) -> bool:
    return why_unsupported(line, prepared(source_text)) is None
