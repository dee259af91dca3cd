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

from generator.text.dates.vocabulary import MONTHS, alternation

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


@lru_cache(maxsize=1 << 12)
def norm(text: str) -> str:
    """Lower case, one space, typographic quotes and dashes made plain. Memoised: a source's
    whole text is normalised once, not once per line checked against it."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TYPOGRAPHY)
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1 << 15)
def words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", norm(text)) if w not in STOP)


# Counts written as words state a number as much as figures do ("three years" is not "2021").
NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                                 "twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                                                 "nineteen twenty".split())}
NUMBER_WORDS |= {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                 "ninety": "90", "hundred": "100", "dozen": "12",
                 # a vague plural is no figure: "hundreds more missing" does not give "100"
                 "dozens": "dozens", "hundreds": "hundreds", "thousands": "thousands"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)


@lru_cache(maxsize=1 << 15)
def numbers(text: str) -> frozenset[str]:
    """The figures a text gives, numbers written as words included ("three" -> "3"). Memoised:
    a source's sentences are asked again for every line checked against them."""
    found = {n.replace(",", "").rstrip(".") for n in NUMBER.findall(text)}
    scale = {_SCALES[next(g for g in m.groups() if g).lower()] for m in _SCALE.finditer(text)}
    # (a number word in a name is no figure: "SEAL Team Six", "Formula One")
    return frozenset(found | scale | {NUMBER_WORDS[m.group(0).lower()] for m in _NUMBER_WORD.finditer(text)
                                      if not _in_a_name(text, m.start())})


_WORD_BEFORE = re.compile(r"(\S*)\s+([A-Z][\w'’-]*)\s+$")


def _in_a_name(text: str, at: int) -> bool:
    """The word at `at` follows a capitalised word that does not open its sentence: part of a
    name ("SEAL Team Six"), not a figure ("Six people died", "The Six Nations" aside)."""
    m = _WORD_BEFORE.search(text[max(0, at - 60):at])
    return m is not None and bool(m.group(1)) and m.group(1)[-1] not in ".!?\"“”"


# The scale a figure is given in: "almost a billion users" is not "450 million" ("$4bn" is "$4 billion").
_SCALES = {"million": "×10^6", "m": "×10^6", "mn": "×10^6", "billion": "×10^9", "bn": "×10^9", "b": "×10^9",
           "trillion": "×10^12", "tn": "×10^12"}
_SCALE = re.compile(r"(?:\b(?:a|an|one)\s+|\d\s?)(million|billion|trillion)\b|"
                    r"(?:\d|[$£€¥]\d[\d.,]*\s?)(bn|tn)\b|[$£€¥]\d[\d.,]*\s?(m|mn|b)\b", re.I)


# "Mr. Velt": the full stop of an honorific ends no sentence, so the name after it is a name.
_HONORIFIC_STOP = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Rev|Sen|Rep|Gov|St)\.\s")


# The line's first word, capitalised: names() cannot tell a name there from any opening word, so
# a source must at least have the word somewhere ("Johnson, Koepka and Schauffele tied ...").
_OPENER = re.compile(r"[\"“‘']?([A-Z][a-z]{3,})\b")


def names(text: str) -> list[str]:
    text = _HONORIFIC_STOP.sub(lambda m: m.group(1) + " ", text)
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


# Large enough for the biggest story's sources: each line is checked against every source in
# turn, and a cache smaller than the story would miss on every call.
@lru_cache(maxsize=512)
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
    # (the fuzzy verbatim test is the costly one: it is made only where its answer decides)
    def verbatim() -> bool:
        return len(nl) <= len(source.normalised) and \
            bool(fuzz.partial_ratio(nl, source.normalised, score_cutoff=VERBATIM))

    lw = words(line)
    best, best_words = max(source.sentences, key=lambda s: len(s[1] & lw), default=("", frozenset()))
    shared = len(lw & best_words) / len(lw) if lw else 0.0
    near = None if shared >= MIN_OVERLAP and lw else verbatim()
    if near is False:
        return "does not say it"
    missing = sorted(numbers(line) - source.numbers)
    if missing:
        return f"does not give {missing[0]}"
    absent = [n for n in names(line) if n.lower() not in source.normalised]
    opener = _OPENER.match(line)
    if not absent and opener and opener.group(1) not in CALENDAR and opener.group(1).lower() not in STOP \
            and not re.search(rf"\b{re.escape(opener.group(1).lower())}\b", source.normalised):
        absent = [opener.group(1)]  # "Johnson, Koepka and Schauffele tied ...": a name opens the line
    if absent:
        return f"does not name {absent[0]}"
    for quoted in _QUOTATION.findall(line):  # someone's words: the source must print them
        q = norm(quoted)
        if len(q.split()) >= MIN_QUOTED_WORDS and q not in source.normalised \
                and not fuzz.partial_ratio(q, source.normalised, score_cutoff=VERBATIM):
            return "does not quote these words"
    if near:
        return None
    if shared >= SAME_STATEMENT and bool(NEGATION.search(line)) != bool(NEGATION.search(best)) and not verbatim():
        return "says the opposite"
    return None


# Words in quotation marks ("It is sitting on the surface," reported ...): a source that tells the
# moment in other words ("Hopefully we are sitting there on the surface") does not print them.
_QUOTATION = re.compile(r"[\"“]([^\"“”]{8,})[\"”]")
MIN_QUOTED_WORDS = 3  # a word or two in quotation marks is a term, not someone's words


def supports(source_text: str, line: str) -> bool:
    return why_unsupported(line, prepared(source_text)) is None


# One fact, many wordings. Two lines say the same point when most of the shorter one's content
# words (crudely stemmed) are in the other and the other gives every number it gives; a source
# corroborates a line when one of its sentences holds most of the line's words and the support
# rule passes (same numbers, names, polarity). Stricter than support: it adds a citation the
# composer did not find, so it must not count a source that says something near but different.
SAME_POINT = 0.6  # share of the shorter line's stems in the other line
MIN_SHARED = 4  # stems two lines share at least, for a short line not to match by chance
CORROBORATES = 0.6  # share of the line's words in the source's closest sentence


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 14)
def stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in words(text))


def same_point(a: str, b: str) -> bool:
    """`a` and `b` state one point: the shorter's stems mostly in the other, its numbers all there."""
    sa, sb = stems(a), stems(b)
    short, long_, short_text, long_text = (sa, sb, a, b) if len(sa) <= len(sb) else (sb, sa, b, a)
    shared = len(short & long_)
    if shared < MIN_SHARED or shared < SAME_POINT * len(short):
        return False
    return numbers(short_text) <= numbers(long_text)


# A month or a year written in a line: what dates a fact precisely enough to compare two lines by.
_MONTH_OR_YEAR = re.compile(r"\b(?:(" + alternation(m.capitalize() for m in MONTHS) + r")\.?|(?:19|20)\d\d)\b")
_REPORTING = frozenset({"said", "say", "told", "tell", "report", "announc", "confirm", "ad", "accord", "also", "new"})
MIN_SHARED_FACT_WORDS = 2


def same_dated_fact(a: str, b: str) -> bool:
    """`a` and `b` tell one dated fact in other words: the same month or year, someone named in
    both, and two more words of the fact in both ("Velt appointed Roe as prime minister in May" /
    "A new prime minister, Ann Roe, took over in May")."""
    when = _dated(a) & _dated(b)
    if not when:
        return False
    who_a, who_b = _named(a), _named(b)
    if not who_a & who_b:
        return False
    aside = stems(" ".join(who_a | who_b)) | _REPORTING | {stem for t in (a, b) for stem in stems(" ".join(
        m.group(0) for m in _MONTH_OR_YEAR.finditer(t)))}
    shared = {w for w in (stems(a) & stems(b)) - aside if len(w) >= 3 and w.isalpha()}  # not "u", "s" of "U.S."
    na, nb = numbers(a), numbers(b)
    # one may add a figure ("at 5:00 p.m.", "a 13-year recession"), not give another for the fact's own
    return len(shared) >= MIN_SHARED_FACT_WORDS and (bool(na & nb) or not na or not nb)


_CAPITALISED = re.compile(r"(?<![\w'’])([A-Z][^\W\d_]{2,})")
_OPENING_WORDS = frozenset("the a an in on at after before since when while as if but and so yet also then there "
                           "here speaking according some many most all both each one two three".split())


_FIGURE = re.compile(r"(?<![\w.,:$£€])(\d{1,3}(?:,\d{3})+|\d{2,}(?:\.\d+)?)(?![\w,:]|\.\d)")
_COUNTED = re.compile(r"\s*(?:(?:million|billion|thousand|hundred|more|other|of|the|people's)\s+)*([a-z][a-z'-]+)")
_CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\b|p\.?m\b|gmt|bst|edt|est|cet|utc|hours|hrs)", re.I)
# What a count of people is written as: "100 million individuals" is "about 100 million people".
_PEOPLE = frozenset({"people", "persons", "individuals", "residents", "victims", "passengers", "customers", "dead",
                     "deaths", "lives", "killed", "injured", "casualties"})


@lru_cache(maxsize=1 << 12)
def _counts(text: str) -> dict[str, str]:
    """Each figure of two digits or more (not a year, a clock time or a sum of money) and the
    word it counts ("2,012 people" -> {"2012": "people"}). Memoised (read it, never change it):
    each line of a page is compared with every line above it."""
    out = {}
    for m in _FIGURE.finditer(text):
        figure = m.group(1).replace(",", "")
        if len(figure) == 4 and figure[:2] in ("19", "20") or _CLOCK_AFTER.match(text, m.end()):
            continue
        noun = _COUNTED.match(text, m.end())
        word = noun.group(1).lower() if noun else ""
        out[figure] = "people" if word in _PEOPLE else _stem(word) if word else ""
    return out


def same_figure_fact(a: str, b: str) -> bool:
    """`a` and `b` tell one counted fact in other words: the same figure counting the same thing
    ("killed 2,012 people" / "2,012 people have died"; not "100 million people" / "$100 million")."""
    ca, cb = _counts(a), _counts(b)
    return any(ca[f] and ca[f] == cb[f] for f in ca.keys() & cb.keys())


@lru_cache(maxsize=1 << 12)
def _named(text: str) -> frozenset[str]:
    """The capitalised words a line gives, accents and its opening name included ("Rosselló has
    submitted ..."): what it names."""
    return frozenset(w for w in _CAPITALISED.findall(text) if w not in CALENDAR and w.lower() not in STOP
                     and w.lower() not in _OPENING_WORDS)


@lru_cache(maxsize=1 << 12)
def _dated(text: str) -> frozenset[str]:
    """The months ("aug", of "Aug." or "August") and years a line names."""
    return frozenset(m.group(1).lower()[:3] if m.group(1) else m.group(0) for m in _MONTH_OR_YEAR.finditer(text))


def corroborates(line: str, source: Source) -> bool:
    """`source` states `line` in words of its own: a sentence with most of its words, and the
    support rule passes."""
    nl = norm(line)
    if nl in source.normalised:
        return why_unsupported(line, source) is None
    lw, figures = stems(line), numbers(line)
    named = [n.lower() for n in names(line)]
    if not lw:
        return False
    # the sentence that says it gives the line's figures and names itself ("three years ago" is
    # not "in 2021"; "the president agreed to resign" is not "the prime minister agreed to resign");
    # the cheap test first, the support rule (fuzzy matching) only for a sentence that passes it
    return any(len(lw & _stems_of(sw)) >= CORROBORATES * len(lw) and figures <= numbers(sentence)
               and all(n in sentence.lower() for n in named) for sentence, sw in source.sentences) \
        and why_unsupported(line, source) is None


@lru_cache(maxsize=1 << 15)
def _stems_of(sentence_words: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(w) for w in sentence_words)
