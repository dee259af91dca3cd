"""Claim alignment: which sentences of different sources state the same fact.

Each article is split into claim-bearing sentences (complete statements: no questions,
headings, fragments, bare quotations or repeated teasers). Two sentences of different
sources are compared by what they say, not how: TF-IDF cosine over content lemmas (rare
words weigh more), rapidfuzz token-set ratio over the same lemmas (a trimmed paraphrase
scores high), and the named entities they share. A group is one anchor sentence and, for
every other source, that source's closest sentence when it is close enough: a sentence may
support several groups, as a lead sentence stating three facts does. Points are then picked
greedily, most-corroborated first, skipping an anchor whose content a picked point already
shows.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import dataclass
from datetime import date
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from generator.sections.claims import dating
from generator.sections.claims import uncertainty
from generator.models import AnalysedArticle
from generator.text.dates.vocabulary import WEEKDAYS, alternation
from generator.text.standalone import DOUBLE_QUOTES, inside_after
from generator.text.vectors import Tfidf, char_wb

# Weights of the three similarity signals; their sum is 1 so `similarity` reads as a share.
# Weights of the similarity signals (they sum to 1): TF-IDF cosine over character n-grams
# of the content lemmas (catches "elect"/"election", "Velorian"/"Veloria"), over
# whole lemmas, rapidfuzz token-set ratio of the lemma bags, IDF-weighted shared entities.
W_CHAR, W_WORD, W_FUZZ, W_ENTITY = 0.5, 0.1, 0.3, 0.1
FUZZ_FULL_SIZE = 8  # lemma bags smaller than this get a proportionally damped token-set score
SAME_SOURCE_DUPLICATE = 0.8  # a source restating its own sentence (standfirst, then body)
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW",
                 "WORK_OF_ART"}
MIN_WORDS = 5
# Who-said-it words ("..., officials said", "according to"): they make any two reported
# sentences look alike, so they do not count as what a sentence states.
ATTRIBUTION = {"say", "tell", "add", "accord", "report", "official", "officials", "note"}
NAMES_ONLY_FACTOR = 0.6  # similarity kept by two sentences that share nothing but names
# The weighted sum of two news sentences stating one fact in their own words rarely tops
# 0.75; dividing by it puts a close paraphrase near 1 and the settings' claim_similarity
# (0.55) between paraphrases and mere same-topic sentences (calibrated on the seed gold).
RAW_SCALE = 0.75
# a sentence of another section backing a fact must be this similar to it; "The mayor said
# the bridge was shut and that it might reopen" still backs "The bridge was shut"
SUPPORTER = 0.6
PARAPHRASE = 0.8  # this similar, two sentences say the same whatever their extra words
# Starts that leave a reader asking "who?": a point shown alone should name its subject.
PRONOUN_STARTS = {"he", "she", "they", "it", "this", "that", "these", "those", "his", "her",
                  "their", "its", "there"}
# "Since then, ...", "After that, ...": the sentence leans on the one before it.
_ANAPHORIC_OPENER = re.compile(r"^\W*(since then|after that|at the time|by then|in turn)\b", re.I)
_NAME_FILLERS = {"the", "and", "for", "von", "van", "del", "mr.", "mrs.", "ms.", "dr."}
_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w-]*\s+){1,3})$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'.-]*")
_HAS_WORD = re.compile(r"\w")
# A sentence ends like a statement: full stop or exclamation, maybe inside quotes/brackets.
_TERMINAL = re.compile(r"[.!][\"”’)\]]*$")
# "Editor's note: This story was updated ...", "Photo: ...": a labelled note, not a claim;
# it also ends the scope of a section heading above it.
_WEEKDAY_AHEAD = re.compile(rf"\b(?:on|from|by|until|this|next|before)\s+(?:{alternation(WEEKDAYS)})\b", re.I)
_LABEL_PREFIX = re.compile(r"^[A-Z][\w’']*(?: [\w’']+){0,2}:\s")
# "The ministry welcomed the move, saying." introduces a quotation cut off by the splitter.
_QUOTE_LEAD_IN = re.compile(r"\b(saying|adding|stating|noting|writing)[.:]$")


@dataclass(frozen=True)
class Claim:
    """One claim-bearing sentence, with what alignment and section sorting need."""

    sid: str
    index: int  # sentence index in its article
    text: str  # verbatim, with a closing quotation mark the splitter cut off re-attached
    order: int  # position among the article's claims (0: the lead)
    lemmas: tuple[str, ...]
    entities: frozenset[str]
    dates: tuple[dating.DateSpan, ...] = ()
    heading: str | None = None  # section announced by the source heading above it
    cue: str | None = None  # uncertainty.classify of the sentence
    predicate: tuple[str, ...] = ()  # lemmas outside named entities, dates and figures
    support_only: bool = False  # a bare quotation: it supports a point, it is never shown
    names: frozenset[str] = frozenset()  # words of its named entities, dates and figures

    @property
    def told(self) -> tuple[str, ...]:
        """What the sentence says about its names: its predicate words, or all its lemmas."""
        return self.predicate or self.lemmas

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class Point:
    """A fact as shown once: one representative claim and every claim supporting it."""

    rep: int  # index into the claim list
    members: tuple[int, ...]
    sources: tuple[str, ...]
    anchor: int


@dataclass
class Alignment:
    """A story's claims and their cross-source similarity (0 within a source)."""

    claims: list[Claim]
    sim: np.ndarray


@lru_cache(maxsize=1 << 15)
def entity_key(text: str, label: str) -> str:
    """'The Velorian Water Board' -> 'velorian water board'; people by surname."""
    text = re.sub(r"['’]s$", "", text.strip()).lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\s+", " ", text)
    if label == "PERSON" and " " in text:
        text = text.rsplit(" ", 1)[1]
    return text.strip(" .,")


def claim_kind(text: str) -> str | None:
    """'claim' for a complete statement: long enough, starts like a sentence, ends like a
    statement (not '?', not a cut-off '…'), not a labelled note; 'quote' when it is all
    quotation; None for anything else (headings, fragments, captions, questions)."""
    if len(_WORD.findall(text)) < MIN_WORDS or not _TERMINAL.search(text):
        return None
    if text.rstrip("\"”’)]").endswith(("..", "…")) or not re.match(r"^[\"“‘(\[]?[A-Z0-9]", text):
        return None
    if _LABEL_PREFIX.match(text) or _QUOTE_LEAD_IN.search(text):
        return None
    return "claim" if len(_WORD.findall(uncertainty.unquoted(text))) >= 3 else "quote"


def text_with_closing_mark(item: AnalysedArticle, i: int) -> str:
    """A sentence whose closing quotation mark the splitter made its own 'sentence'."""
    sents = item.analysis.sentences
    s = sents[i]
    if i + 1 < len(sents):
        nxt = sents[i + 1]
        if nxt.paragraph == s.paragraph and re.fullmatch(r"[\"”’)\]]+", nxt.text):
            return item.article.text[s.start:nxt.end]
    return s.text


def inside_quotation(item: AnalysedArticle, i: int) -> bool:
    """The sentence opens inside a quotation its paragraph opened before it: 'Velt said she
    "chose fraud. She chose to lie."' The second sentence is the speaker's words, not the
    writer's, and its "she" is no one the writer named."""
    text, start = item.article.text, item.analysis.sentences[i].start
    quoted = False
    for ch in text[text.rfind("\n", 0, start) + 1:start]:
        if ch in DOUBLE_QUOTES:
            quoted = inside_after(quoted, ch)
    return quoted


def extract_claims(item: AnalysedArticle, ref: date | None) -> list[Claim]:
    """The article's claim-bearing sentences in reading order, each with its section cues."""
    out: list[Claim] = []
    seen: set[str] = set()
    heading: str | None = None
    ents_by_sentence: dict[int, set[str]] = {}
    entity_words: dict[int, set[str]] = {}
    for e in item.analysis.entities:
        if e.label in ENTITY_LABELS:
            ents_by_sentence.setdefault(e.sentence, set()).add(entity_key(e.text, e.label))
        entity_words.setdefault(e.sentence, set()).update(w.lower() for w in _WORD.findall(e.text))
        if e.label == "PERSON":  # "Finance Minister Ana Duarte": the title goes with the name
            title = _TITLE_BEFORE.search(item.article.text[max(0, e.start - 40):e.start])
            if title:
                entity_words[e.sentence].update(w.lower() for w in _WORD.findall(title.group(1)))
    for s in item.analysis.sentences:
        kind = uncertainty.heading_kind(s.text)
        if kind:  # "What we don't know:" scopes the sentences below it; it states nothing
            heading = kind
            continue
        if _LABEL_PREFIX.match(s.text):  # "Editor's note: ..." starts an unrelated block
            heading = None
        kind = claim_kind(s.text) if s.has_verb else None  # a caption or fragment states nothing
        if kind is None:
            continue
        if kind == "claim" and inside_quotation(item, s.index):
            kind = "quote"
        text = text_with_closing_mark(item, s.index)
        norm = re.sub(r"\W+", " ", text.lower()).strip()
        if norm in seen:  # a teaser repeating the lead
            continue
        seen.add(norm)
        lemmas = tuple(w for w in s.lemmas if _HAS_WORD.search(w) and w not in ATTRIBUTION)
        entities = frozenset(ents_by_sentence.get(s.index, ()))
        cue = uncertainty.classify(text, heading)
        dates = dating.sentence_dates(item, s.index, ref)
        if cue == "future":  # "will ..." is a step to come only on a day not past when written
            # (in an undated article, a weekday it names is still to come: "will lie in state from Saturday")
            cue = "next" if any(d.main and (ref is None or d.interval.last >= ref) for d in dates) \
                or ref is None and not dates and _WEEKDAY_AHEAD.search(text) else None
        if len(_WORD.findall(text)) < 10 and not entities and not re.search(r"\d", text) \
                and cue not in ("open_question", "next"):
            continue  # "This is a sign of the times.": nothing to check
        names = entity_words.get(s.index, set())
        predicate = tuple(w for w in lemmas if w not in names)
        out.append(Claim(item.source_id, s.index, text, len(out), lemmas, entities,
                         dates, heading,
                         cue, predicate, kind == "quote",
                         frozenset(w for w in names if len(w) > 2 and w not in _NAME_FILLERS)))
    return out


def _idf(bags: Sequence[frozenset[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for bag in bags:
        for x in bag:
            df[x] = df.get(x, 0) + 1
    n = len(bags)
    return {x: math.log((n + 1) / (d + 1)) + 1.0 for x, d in df.items()}


def _entity_overlap(claims: Sequence[Claim]) -> np.ndarray:
    """IDF-weighted Jaccard of named entities: sharing the story's protagonist, named in
    every sentence, says little; sharing a rarely named court or envoy says a lot."""
    n = len(claims)
    idf = _idf([c.entities for c in claims])
    names = {x: k for k, x in enumerate(sorted(idf))}
    weights = np.zeros((n, len(names)))
    for i, c in enumerate(claims):
        for x in c.entities:
            weights[i, names[x]] = idf[x]
    shared = (weights > 0).astype(np.float64) @ weights.T  # [i, j]: IDF summed over what i and j share
    shared = np.minimum(shared, shared.T)  # the same sum either way round, to the last bit
    total = weights.sum(axis=1)
    union = total[:, None] + total[None, :] - shared
    both = (total[:, None] > 0) & (total[None, :] > 0)
    out = np.divide(shared, union, out=np.zeros((n, n)), where=both & (union > 0))
    np.fill_diagonal(out, 0.0)
    return out


def stem(word: str) -> str:
    """A crude stem that needs no model: "recognition"/"recognized" -> "recogn"."""
    return word[:6] if len(word) > 6 else word


def _shared_predicate(claims: Sequence[Claim]) -> np.ndarray:
    """Whether two claims share a word beyond their names: "Duarte approved the budget"
    and "Duarte called them allies" share only a name, and are two facts."""
    stems = [{stem(w) for w in c.told} for c in claims]
    column = {w: k for k, w in enumerate(sorted(set().union(*stems)))}
    has = np.zeros((len(claims), len(column)), dtype=np.float64)
    for i, words in enumerate(stems):
        has[i, [column[w] for w in words]] = 1.0
    out = (has @ has.T) > 0
    np.fill_diagonal(out, True)
    return out


def similarity(claims: Sequence[Claim]) -> np.ndarray:
    """Pairwise similarity of claims, in [0, 1] (same-source pairs included)."""
    n = len(claims)
    if n == 0:
        return np.zeros((0, 0))
    docs = [list(c.lemmas) or ["_"] for c in claims]
    words = Tfidf(sublinear_tf=True).fit_transform(docs)
    chars = Tfidf(char_wb(3, 5), sublinear_tf=True).fit_transform([" ".join(d) for d in docs])
    cos_words, cos_chars = (words @ words.T).toarray(), (chars @ chars.T).toarray()
    bags = [" ".join(sorted(set(c.lemmas))) for c in claims]
    fz = process.cdist(bags, bags, scorer=fuzz.token_set_ratio, dtype=np.float64) / 100.0
    # token-set scores any subset 100: a five-word sentence is "inside" many long ones
    sizes = np.array([max(1, len(set(c.lemmas))) for c in claims], dtype=np.float64)
    fz *= np.minimum(1.0, np.minimum(sizes[:, None], sizes[None, :]) / FUZZ_FULL_SIZE)
    sim = W_CHAR * cos_chars + W_WORD * cos_words + W_FUZZ * fz + W_ENTITY * _entity_overlap(claims)
    sim *= np.where(_shared_predicate(claims), 1.0, NAMES_ONLY_FACTOR)
    sim = np.minimum(1.0, sim / RAW_SCALE)
    np.fill_diagonal(sim, 1.0)
    return np.round(sim, 6)  # rounding keeps ties (and so the output) platform-stable


def cross_source(claims: Sequence[Claim], sim: np.ndarray) -> np.ndarray:
    """The similarity matrix with pairs from one source zeroed: alignment is across sources."""
    sids = np.array([c.sid for c in claims])
    out = sim.copy()
    out[sids[:, None] == sids[None, :]] = 0.0
    return out


def groups(claims: Sequence[Claim], sim: np.ndarray, threshold: float) -> list[tuple[int, ...]]:
    """For each anchor claim, the anchor plus each other source's closest claim above threshold."""
    by_source: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_source.setdefault(c.sid, []).append(i)
    rows = np.arange(len(claims))
    closest: dict[str, tuple[list[int], list[bool]]] = {}  # per source: each row's closest claim there, close enough?
    for sid, idx in by_source.items():
        cols = sim[:, idx]
        first_max = cols.argmax(axis=1)  # the first of equal scores, as in reading order
        closest[sid] = (np.asarray(idx)[first_max].tolist(), (cols[rows, first_max] >= threshold).tolist())
    out = []
    for i, c in enumerate(claims):
        members = [i] + [closest[sid][0][i] for sid in sorted(by_source) if sid != c.sid and closest[sid][1][i]]
        out.append(tuple(sorted(members)))
    return out


def coverage(claims: Sequence[Claim], a: int, b: int) -> float:
    """Share of what claim a says (its predicate words) that claim b also says: sharing
    only names ("Duarte approved" / "Duarte called them allies") is not saying the same."""
    la = set(claims[a].told)
    return len(la & set(claims[b].lemmas)) / len(la) if la else 1.0


def clarity(claims: Sequence[Claim], sim: np.ndarray, members: Sequence[int], i: int) -> float:
    """How well claim i stands for its group: close to the others, readable alone."""
    c = claims[i]
    others = [j for j in members if j != i]
    score = float(np.mean(sim[i, others])) if others else 0.0
    score -= 0.01 * max(0, c.words - 35) + (0.1 if c.words < 10 else 0.0)
    first = re.sub(r"^\W+", "", c.text).split(" ", 1)[0].lower()
    score -= 0.15 if first in PRONOUN_STARTS or _ANAPHORIC_OPENER.match(c.text) else 0.0
    score += 0.01 * min(5, len(c.entities))  # the more specific sentence names more
    quoted = len(c.text) - len(uncertainty.unquoted(c.text).strip())
    return score - 0.2 * quoted / max(1, len(c.text))


@dataclass
class _Draft:
    rep: int
    members: set[int]
    anchor: int


def select_points(claims: Sequence[Claim], sim: np.ndarray, threshold: float,
                  pool: Sequence[int] | None = None, supporters: Sequence[int] = ()) -> list[Point]:
    """Distinct points, most-corroborated first; each claim is shown at most once.

    An anchor that a picked point already says (see `_redundant`) joins that point's
    support instead of becoming a point; otherwise it becomes a point even if it supports
    another one: a sentence may state several facts. Bare quotations, and `supporters`
    (sentences shown in another section), only support.
    """
    only_support = set(supporters) | {i for i, c in enumerate(claims) if c.support_only}
    allowed = set(range(len(claims)) if pool is None else pool) | set(supporters)
    sub_sim = sim.copy()
    outside = [i for i in range(len(claims)) if i not in allowed]
    sub_sim[outside, :] = 0.0
    sub_sim[:, outside] = 0.0
    # a sentence shown in another section supports a fact only when it plainly states it too
    lent = sorted(supporters)
    weak = sub_sim[lent, :] < max(threshold, SUPPORTER)
    sub_sim[lent, :] = np.where(weak, 0.0, sub_sim[lent, :])
    sub_sim[:, lent] = sub_sim[lent, :].T if lent else sub_sim[:, lent]
    grouped = groups(claims, sub_sim, threshold)
    common = story_names(claims)

    def rank(i: int) -> tuple:
        members = grouped[i]
        cohesion = float(np.mean([sub_sim[i, j] for j in members if j != i])) if len(members) > 1 else 0.0
        return (-len({claims[j].sid for j in members}), -round(cohesion, 3), claims[i].order,
                claims[i].sid, claims[i].index)

    drafts: list[_Draft] = []
    shown: set[int] = set()
    for a in sorted((i for i in allowed if i not in only_support), key=rank):
        if a in shown:
            continue
        host = next((d for d in drafts if _redundant(claims, sub_sim, a, d, threshold, common)), None)
        if host is not None:
            host.members.add(a)
            continue
        members = grouped[a]
        # the anchor carries the new fact; another member may be shown instead only if no
        # picked point already covers it
        free = [j for j in members if j == a or not (j in only_support
                                                    or any(j in d.members for d in drafts))]
        rep = max(free, key=lambda j: (clarity(claims, sub_sim, members, j) + (0.05 if j == a else 0.0),
                                      -claims[j].order, claims[j].sid))
        shown.add(rep)
        drafts.append(_Draft(rep, set(members), a))
    return [Point(d.rep, tuple(sorted(d.members)), tuple(sorted({claims[j].sid for j in d.members})), d.anchor)
            for d in drafts]


def _redundant(claims: Sequence[Claim], sim: np.ndarray, a: int, d: _Draft, threshold: float,
               common: frozenset[str]) -> bool:
    """Claim a says nothing the draft point does not: a close paraphrase of the shown
    sentence; or similar to it with a good share of its predicate words shown; or a
    supporting sentence most of whose words are shown. A sentence similar by its names but
    adding a second fact (few of its words shown) stays a point of its own."""
    s = sim[a, d.rep]
    if s >= max(threshold, PARAPHRASE):
        return True
    if s >= threshold:
        return not adds_specifics(claims, a, d.rep, common) or coverage(claims, a, d.rep) >= 0.6
    return a in d.members and coverage(claims, a, d.rep) >= 0.6


def story_names(claims: Sequence[Claim]) -> frozenset[str]:
    """Name stems that half the sources use (the story's protagonists): no news in themselves."""
    sources: dict[str, set[str]] = {}
    for c in claims:
        for w in c.names:
            sources.setdefault(stem(w), set()).add(c.sid)
    n = len({c.sid for c in claims})
    return frozenset(w for w, sids in sources.items() if len(sids) >= max(2, n / 2))


def adds_specifics(claims: Sequence[Claim], a: int, b: int, common: frozenset[str] = frozenset()) -> bool:
    """Claim a names someone, somewhere, a date or a figure that claim b does not (the
    story's protagonists aside): in news copy a second fact almost always brings its own
    names ("..., and the Velorian Senate passed rules in March 2019")."""
    shown = {stem(w) for w in claims[b].lemmas} | {stem(w) for w in claims[b].names} | common
    return any(stem(w) not in shown for w in claims[a].names)


def align(items: Sequence[AnalysedArticle], threshold: float) -> Alignment:
    refs = dating.reference_dates(items)
    claims = [c for it in sorted(items, key=lambda it: it.source_id)
              for c in extract_claims(it, refs.get(it.source_id))]
    sim = similarity(claims)
    sids = np.array([c.sid for c in claims])
    # a claim its own source already made, earlier, in so many words (standfirst, then body)
    repeated = np.tril((sids[:, None] == sids[None, :]) & (sim >= SAME_SOURCE_DUPLICATE), k=-1).any(axis=1)
    keep = [i for i in range(len(claims)) if not repeated[i]]
    claims = [claims[i] for i in keep]
    return Alignment(claims, cross_source(claims, sim[np.ix_(keep, keep)]))
