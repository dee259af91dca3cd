"""One mention of a name, prepared for merging (aliases, people): its forms and keys, and the
union-find the merge rules share. Plain strings, no spaCy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.text import actor_kinds as actors_kinds
from generator.text.actor_kinds import HONORIFICS, TITLE_NOUNS, strip_article
from generator.nlp.actors.spans import NAME_PARTICLES

# Memoised forms of the name helpers: every rule compares each of a story's few hundred names
# with the others, so the same strings are folded and looked up over and over (pure functions).
fold = lru_cache(maxsize=1 << 16)(actors_kinds.fold)
is_country_name = lru_cache(maxsize=1 << 14)(actors_kinds.is_country_name)
shares_stem = lru_cache(maxsize=1 << 16)(actors_kinds.shares_stem)

SURNAME_SIMILARITY = 85  # "Hakkinen" ~ "Hakkinnen": a letter dropped or doubled in a surname


@dataclass(frozen=True)
class Form:
    """One mention, prepared for merging."""

    index: int  # position in the story's mention list
    sid: str
    article: int
    text: str  # surface as written, trimmed ("Ms. Vogt")
    core: str  # the name without honorific, title, article or possessive ("Vogt")
    label: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return name_key(self.core)


def tidy(text: str) -> str:
    """A name without the sentence's full stop ("claimed by the FLN-K." -> "FLN-K"); "U.K." keeps its own;
    without an editor's brackets ("[Roger] Federer", the first name added inside a quotation)."""
    text = re.sub(r"[\[\]]", "", text).strip() if "[" in text or "]" in text else text.strip()
    if text.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+", text.split()[-1]):
        text = text[:-1]
    return text


# A possessive left on a name: "the Elysee's", "Cucurella‘s" (an opening mark typed for the apostrophe).
POSSESSIVE_END = re.compile(r"(?:['’‘`]s|['’‘`])$")


# The service a title belongs to, written before it ("Police Chief", "Fire Commissioner").
SERVICE_WORDS = frozenset({"police", "fire", "army", "navy", "coast", "border", "state", "county", "city"})


# Offices written before a surname alone ("Constable Hopkins", "Senator Velt"), never the first
# word of a body's name (unlike "General", "Justice", "State")
SURNAME_TITLES = frozenset({"constable", "sergeant", "inspector", "superintendent", "detective", "captain", "colonel",
                            "lieutenant", "commissioner", "sheriff", "senator", "governor", "mayor", "judge",
                            "prosecutor", "chancellor", "ambassador", "professor", "councillor", "admiral", "coroner"})


# What a person is in the story, written before the name like a title at a sentence's start
# ("Opponent Tom Velt conceded", "Defendant Jane Roe"): never part of the name
DESCRIPTORS = frozenset({"opponent", "rival", "challenger", "incumbent", "nominee", "defendant", "suspect",
                         "victim", "survivor", "witness", "teammate", "candidate"})


def _untitled(words: list[str]) -> list[str]:
    """The name's words without the honorifics and titles before it ("Police Superintendent
    Jane Roe": the force's word before the title goes with it)."""
    while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0].lower() in TITLE_NOUNS
                              or words[0].lower() in DESCRIPTORS
                              or words[0].lower() in SERVICE_WORDS and len(words) > 2
                              and words[1].lower() in TITLE_NOUNS | HONORIFICS):
        words = words[1:]
    return words


def core_name(text: str, label: str) -> str:
    """ "Ms. Vogt" -> "Vogt"; "President Vogt" -> "Vogt"; "the Elysee's" -> "Elysee"."""
    text = strip_article(tidy(text))
    text = POSSESSIVE_END.sub("", text).strip()
    words = text.split()
    if label == "PERSON":
        words = _untitled(words)
        # "Actress Jane Roe", "Outfielder Jane Roe", "Swede Jane Roe": a job word or a nationality
        # written into the name (and a title after it: "Earlier Ms Roe" opening a sentence)
        if len(words) >= 3 and (actors_kinds.person_noun(words[0]) or actors_kinds.country_of(words[0])
                                or words[0].lower() in actors_kinds.IRREGULAR_DEMONYMS) \
                and all(w[:1].isupper() for w in words[1:]):
            words = _untitled(words[1:])
    else:  # "PM Modi" tagged an organisation is still Modi
        while len(words) > 1 and words[0].lower() in HONORIFICS:
            words = words[1:]
        # "Constable Hopkins" tagged an organisation: an office held by one person, then a surname
        if len(words) == 2 and words[0].lower() in SURNAME_TITLES and words[1][:1].isupper() and not words[1].isupper():
            words = words[1:]
        # "Substitute Jane Roe" tagged an organisation: a person's noun opening a sentence before
        # a name ("Teachers Union", "Workers Party" are plural, or end in a body's noun)
        if len(words) >= 3 and actors_kinds.person_noun(words[0]) and not words[0].lower().endswith("s") \
                and all(w[:1].isupper() for w in words[1:]) and not actors_kinds.is_body_noun(words[-1]) \
                and words[-1].lower().strip(".") not in actors_kinds.COMPANY_NAME_ENDS:
            words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Comparison key: folded, dots of initialisms dropped ("U.K." = "UK" = "U.K"), "al-" as "al ".

    Memoised: read through Form.key by every merge rule, for every pair of names."""
    key = fold(text).replace("’", "'").replace("`", "'")
    key = re.sub(r"\b(al|el|ul|ud|uz|bin|ibn|abu|ben)-", r"\1 ", key)  # "al-Jaber" = "Al Jaber"
    if re.fullmatch(r"(?:[a-z]\.?){2,6}", key.replace(" ", "")):
        return key.replace(".", "").replace(" ", "")
    words = [w.replace(".", "") if re.fullmatch(r"(?:[a-z]\.){2,}", w) else w for w in key.split()]
    return re.sub(r"(?<=[a-z0-9])\.$", "", " ".join(words)).strip()


def is_abbreviation(core: str) -> bool:
    """ "U.K.", "FAA", "OPEC", "FLN-K": capitals (with dots or a suffix), no lower-case words."""
    letters = core.replace(".", "").replace("-", "").replace(" ", "")
    return 2 <= len(letters) <= 7 and letters.isupper() and letters.isalnum()


@lru_cache(maxsize=1 << 16)
def initials(name: str, particles: bool = False) -> str:
    """ "Central African Republic" -> "car"; particles skipped ("Bank of England" -> "be"), or
    kept when asked ("boe")."""
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w and (particles or w not in NAME_PARTICLES)]
    return "".join(w[0] for w in words)


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the lower index is the root: order-independent, deterministic
            self.parent[max(ra, rb)] = min(ra, rb)
