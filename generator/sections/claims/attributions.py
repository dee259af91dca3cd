"""Disagreements about who said what, in which words, and who someone is.

Three checks across sources, all on the articles' own sentences:
  - wording: two renderings of one quoted statement ("we are devastated by ..." vs "we
    are heartbroken by ..."), as translations of one statement often differ;
  - speaker: the same quoted words given to different people;
  - title: one person given different titles ("acting Finance Minister" vs "Finance
    Minister"), or a different role of the same kind.
Quotations and speakers come from the quotes module's mentions when an article has them,
else from quotation marks and the PERSON names outside them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from generator.sections.claims.alignment import Alignment, text_with_closing_mark
from generator.models import AnalysedArticle, Entity, Unknown

MIN_RENDERING_WORDS = 6  # shorter quotations are fragments, not renderings of a statement
MIN_ATTRIBUTED_WORDS = 4
SAME_STATEMENT = 0.45  # share of words matched in order: two renderings of one statement
SAME_WORDS = 90  # ratio: near-identical quoted words
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]|(?<!\w)‘([^‘’]{3,}?)’(?!\w)")
_WORDS = re.compile(r"[\w’'-]+")
# Head nouns of titles in English news copy.
TITLE_HEADS = (r"minister|president|secretary|secretary-general|ambassador|envoy|chief|chairman|"
               r"chairwoman|chair|director|governor|mayor|chancellor|premier|king|queen|prince|"
               r"general|commander|spokesperson|spokesman|spokeswoman|leader|head|senator|"
               r"representative|judge|prosecutor|ceo|officer|official|adviser|advisor|deputy|"
               r"emir|sheikh|pope|bishop|editor|founder|chief executive")
# Modifiers that change what a title means: an acting minister is not yet the minister.
STATUS = {"acting", "former", "interim", "deputy", "vice", "then", "de", "facto", "caretaker",
          "designate", "elect", "outgoing", "incoming", "ex", "late"}
# One who holds a post for now holds it: "interim CEO" and "CEO" name one post, not two
# (the gold's "minor" kind: never shown as a disagreement, precision first).
STAND_IN = {"acting", "interim", "caretaker"}
_FUNCTION = {"the", "a", "an", "its", "his", "her", "their", "and", "s", "’s", "'s"}
_TITLE_RUN = re.compile(rf"(?<![\w'’-])((?:(?:[A-Z][\w-]*|{'|'.join(sorted(STATUS))}|(?i:{TITLE_HEADS}))\s+){{0,4}}"
                        rf"(?i:{TITLE_HEADS})(?:\s+(?:of|to|for|at|in)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*){{1,3}})?)"
                        r",?\s*$")
_ROLE_AFTER = re.compile(rf"^(?:,\s+(?:the\s+|a\s+|an\s+|its\s+)?|\s+as\s+(?:the|its|his|her|their|a|an)\s+)"
                         rf"([^,.;()]{{0,50}}?\b(?i:{TITLE_HEADS})\b[^,.;()]{{0,40}})")


@dataclass(frozen=True)
class Said:
    """A quotation in one source: its words, the sentence, the speaker's surname if known."""

    sid: str
    words: str
    sentence: str
    speaker: str | None
    speaker_name: str | None
    sentences: tuple[str, ...] = ()  # every sentence the quotation runs through


def _locate(q: Said, phrase: str) -> str:
    """The sentence of a quotation that holds a given part of it (a long quotation runs
    across sentences; the variant shown is the one with the words in dispute)."""
    want = _norm(phrase)
    for text in q.sentences:
        if want and want in _norm(text):
            return text
    return q.sentence


def disputes(items: Sequence[AnalysedArticle], al: Alignment, people: set[str] | None = None) -> list[Unknown]:
    """`people`: the surnames of the story's persons (its actors), when known."""
    quotes = [q for it in items for q in quotations(it)]
    # two renderings of one quoted statement (translations) are not a disagreement: the
    # quote is shown once (wording_disputes stays for callers that want the renderings)
    return speaker_disputes(quotes, people) + title_disputes(items, al)


def surnames(names: Iterable[str]) -> set[str]:
    return {_surname(n) for n in names if n.strip()}


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """Lower-cased words without punctuation, apostrophes at word edges included.

    Memoised: each quotation is compared with every other one of its story."""
    return " ".join(w for w in (w.lower().strip("’'-") for w in _WORDS.findall(text)) if w)


_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def _surname(name: str) -> str:
    """'John J. Ray III' -> 'ray': the last word that is not a generational suffix."""
    words = [w for w in re.sub(r"['’]s$", "", name.strip()).split() if w.lower().strip(".,") not in _SUFFIX]
    return (words[-1] if words else name.strip().split()[-1]).lower().strip(".,")


def _person_spans(item: AnalysedArticle, index: int) -> list[Entity]:
    return [e for e in item.analysis.entities if e.sentence == index and e.label == "PERSON"]


def _marked(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words in a sentence: paired marks, and the open end of a quotation
    the sentence splitter cut (a lone closing mark: from the start; a lone opening one: to
    the end)."""
    spans = [(m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
             for m in _QUOTE.finditer(text)]
    rest = _QUOTE.sub(lambda m: " " * len(m.group(0)), text)
    close = re.search(r"”|\"(?=\W*$)", rest)
    if close and "“" not in rest[: close.start()]:
        spans.append((0, close.start()))
    opening = re.search(r"“|(?<!\w)\"(?=\w)", rest)
    if opening and not re.search(r"”", rest[opening.end():]):
        spans.append((opening.end(), len(text)))
    return spans


def quotations(item: AnalysedArticle) -> list[Said]:
    """Every quotation of the article with its sentence and (when known) its speaker: the
    quotes module's mentions first, then quotation marks in sentences it left out."""
    out: list[Said] = []
    seen: set[int] = set()
    sents = item.analysis.sentences
    for qm in item.analysis.quotes:
        if 0 <= qm.sentence < len(sents):
            text = text_with_closing_mark(item, qm.sentence)
            overlap = [s.index for s in sents if qm.end > qm.start and s.start < qm.end and s.end > qm.start]
            order = overlap + [qm.sentence] + [s.index for s in sents]  # then anywhere in the article
            through = tuple(dict.fromkeys(text_with_closing_mark(item, i) for i in order))
            out.append(Said(item.source_id, qm.text, text, _surname(qm.speaker) if qm.speaker else None,
                            qm.speaker, through))
            seen.add(qm.sentence)
    for s in item.analysis.sentences:
        if s.index in seen:
            continue
        text = text_with_closing_mark(item, s.index)
        for a, b in _marked(text):
            words = text[a:b].strip(" ,.“”\"")
            if len(words.split()) < 2:
                continue
            outside = [e for e in _person_spans(item, s.index) if not a <= e.start - s.start < b]
            speaker = outside[0].text if outside else None
            out.append(Said(item.source_id, words, text, _surname(speaker) if speaker else None, speaker, (text,)))
    return out


def _diff(a: str, b: str) -> tuple[str, str] | None:
    """The longest stretch where two renderings word it differently, as each words it; None
    when they differ only in length (one source quotes more) or punctuation."""
    wa, wb = [w for w in a.split() if _norm(w)], [w for w in b.split() if _norm(w)]
    na, nb = [_norm(w) for w in wa], [_norm(w) for w in wb]
    ops = [op for op in difflib.SequenceMatcher(a=na, b=nb, autojunk=False).get_opcodes()
           if op[0] == "replace" or (op[0] != "equal" and 0 < op[1] < len(na) and 0 < op[3] < len(nb)
                                     and (op[2] - op[1]) + (op[4] - op[3]) >= 2)]
    if not ops:
        return None
    tag, i1, i2, j1, j2 = max(ops, key=lambda op: ((op[2] - op[1]) + (op[4] - op[3]), -op[1]))
    if i2 - i1 <= 2 and j2 - j1 <= 2:  # a word or two: show them with their neighbours
        i1, j1, i2, j2 = max(0, i1 - 1), max(0, j1 - 1), min(len(wa), i2 + 1), min(len(wb), j2 + 1)
    return " ".join(wa[i1:i2]).strip(",.;:"), " ".join(wb[j1:j2]).strip(",.;:")


def wording_disputes(quotes: Sequence[Said]) -> list[Unknown]:
    """Different sources quoting one statement in different words: one dispute per statement."""
    long = [q for q in quotes if len(q.words.split()) >= MIN_RENDERING_WORDS]
    pairs = []
    for i, a in enumerate(long):
        for j in range(i + 1, len(long)):
            b = long[j]
            if a.sid != b.sid and _same_statement(a, b):
                diff = _diff(a.words, b.words)
                if diff and diff[0] and diff[1]:
                    pairs.append((i, j, diff))
    phrase: dict[int, str] = {}
    for i, j, (da, db) in pairs:
        phrase.setdefault(i, da)
        phrase.setdefault(j, db)
    out = []
    for component in _components([(i, j) for i, j, _ in pairs]):
        i, j, (da, db) = min(p for p in pairs if p[0] in component)
        variants: dict[str, str] = {}
        for k in sorted(component):
            variants.setdefault(long[k].sid, _locate(long[k], phrase[k]))
        text = f'Quoted wording differs: "{da}" vs "{db}"'
        out.append(Unknown("disputed", text, tuple(sorted(variants)), dict(sorted(variants.items()))))
    return out


def _components(edges: Sequence[tuple[int, int]]) -> list[set[int]]:
    groups: list[set[int]] = []
    for i, j in edges:
        touching = [g for g in groups if i in g or j in g]
        merged = {i, j}.union(*touching) if touching else {i, j}
        groups = [g for g in groups if g not in touching] + [merged]
    return sorted(groups, key=min)


def _same_statement(a: Said, b: Said) -> bool:
    """Two renderings of one statement: in word order, most words shared ("...a blow to our
    workers and their families" / "...a disaster for our workers and families"), with at
    least one run of three words in common."""
    if _trigrams(a.words).isdisjoint(_trigrams(b.words)):
        return False  # no run of three words in common: a cheap "no" for most pairs
    wa, wb = _norm(a.words).split(), _norm(b.words).split()
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    # real_quick_ratio and quick_ratio bound ratio from above: a cheaper "no" than ratio
    if matcher.real_quick_ratio() < SAME_STATEMENT or matcher.quick_ratio() < SAME_STATEMENT:
        return False
    longest = max((m.size for m in matcher.get_matching_blocks()), default=0)
    return matcher.ratio() >= SAME_STATEMENT and longest >= 3


@lru_cache(maxsize=1 << 14)
def _trigrams(words: str) -> frozenset[tuple[str, str, str]]:
    """Runs of three normalised words; memoised: each quotation meets every other one."""
    w = _norm(words).split()
    return frozenset(zip(w, w[1:], w[2:]))


def _one_speaker(a: str, b: str) -> bool:
    """One speaker named two ways: the same surname, an acronym of the other's name
    ("ISRO"), or not a name at all ("The Apple statement")."""
    if fuzz.ratio(_surname(a), _surname(b)) >= 80 or _squashed(a) == _squashed(b) \
            or _squashed(_surname(a)).removeprefix("al") == _squashed(_surname(b)).removeprefix("al"):
        return True  # "Emad Al Falah" / "Emad al-Falah": one name typed two ways
    if (len(a.split()) == 1) != (len(b.split()) == 1):
        return True  # "Taoiseach" / "Leo Varadkar": a one-word title may be the named person
    for x, y in ((a, b), (b, a)):
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", y))
        if x.isupper() and len(x) >= 2 and x == initials:
            return True
    return any(re.search(r"\b[a-z]{3,}\b", re.sub(r"\b(of|the|for|and|de|van|von|bin|al)\b", "", n)) for n in (a, b))


def _squashed(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


SPEAKER_DISPUTE = "Quote"  # the label of a quotation given to two speakers


def speaker_disputes(quotes: Sequence[Said], people: set[str] | None = None) -> list[Unknown]:
    """The same quoted words attributed to different people. `people`: the surnames of the
    story's persons; when given, only they can be in dispute over who said it: an agency the
    words were told to ("AP"), a place ("Munich") or a group ("Tory MPs") taken for the
    speaker is a misreading, not a second speaker."""
    # named people and bodies ("J. Okafor", "VSA"), not descriptions ("the space agency")
    named = [q for q in quotes if q.speaker_name and q.speaker_name[:1].isupper()
             and len(q.words.split()) >= MIN_ATTRIBUTED_WORDS
             and (people is None or _surname(q.speaker_name) in people)]
    normed = {id(q): _norm(q.words) for q in named}  # once per quotation, not once per pair

    def contained(q: Said, r: Said) -> bool:
        nq, nr = normed[id(q)], normed[id(r)]
        return nq in nr or nr in nq

    out = []
    for i, a in enumerate(named):
        na = normed[id(a)]
        for b in named[i + 1:]:
            if a.sid == b.sid:
                continue
            nb = normed[id(b)]
            same = na in nb or nb in na or fuzz.ratio(na, nb) >= SAME_WORDS
            if not same or _one_speaker(a.speaker_name, b.speaker_name):
                continue
            words = a.words if len(a.words) <= len(b.words) else b.words
            text = f'{SPEAKER_DISPUTE} "{words}" attributed to {a.speaker_name} vs {b.speaker_name}'
            variants = _variants(named, a, b, same=contained)
            out.append(Unknown("disputed", text, tuple(sorted(variants)), variants))
    return out


def _variants(pool: Sequence[Said], a: Said, b: Said, same) -> dict[str, str]:
    """Each source's sentence quoting the statement (the first one per source)."""
    variants: dict[str, str] = {a.sid: a.sentence, b.sid: b.sentence}
    for q in pool:
        if q.sid not in variants and same(q, a):
            variants[q.sid] = q.sentence
    return dict(sorted(variants.items()))


# ---------------------------------------------------------------- titles


@dataclass(frozen=True)
class Title:
    sid: str
    person: str  # surname key
    name: str  # as written
    title: str  # as written
    words: frozenset[str]  # title words, nationality and organisation words aside
    head: str
    sentence: str
    supported: int  # how many sources the sentence's point has (prefer corroborated ones)


_TITLE_END = re.compile(rf"(?i:{TITLE_HEADS})$")


def _title_run(before: str) -> re.Match[str] | None:
    """_TITLE_RUN in the text before a name, when the text can end with one: with a title
    head or a capitalised word, then an optional comma. The pattern is tried from every
    position of the sentence before every name; most of those texts end otherwise."""
    end = before.rstrip()
    end = end[:-1].rstrip() if end.endswith(",") else end
    word = len(end)
    while word > 0 and (end[word - 1].isalnum() or end[word - 1] in "_-"):  # the last [\w-]+ run
        word -= 1
    if _TITLE_END.search(end[-30:]) or any("A" <= c <= "Z" for c in end[word:]):
        return _TITLE_RUN.search(before)
    return None


def titles(item: AnalysedArticle, al: Alignment) -> list[Title]:
    """Each person named with a title, before ("acting Finance Minister, X") or after the
    name ("X, the ... ambassador to ...", "X as its new coach")."""
    support = {c.index: 1 for c in al.claims if c.sid == item.source_id}
    text = item.article.text
    out = []
    for e in item.analysis.entities:
        if e.label != "PERSON":
            continue
        name_end = e.end + len(re.match(r"(?:\s+[A-Z][\w’'-]+)*", text[e.end:]).group(0))
        name = text[e.start:name_end]
        sent = item.analysis.sentences[e.sentence]
        for m, base in ((_title_run(text[sent.start:e.start]), sent.start),
                        (_ROLE_AFTER.match(text[name_end:sent.end]), name_end)):
            if not m:
                continue
            title = m.group(1).strip(" ,")
            start = base + m.start(1)
            words = _title_words(item, title, start)
            head = next((w for w in reversed(title.lower().split()) if re.fullmatch(TITLE_HEADS, w)), "")
            if words and head:
                out.append(Title(item.source_id, _surname(name), name, title, words, head,
                                 text_with_closing_mark(item, e.sentence), support.get(e.sentence, 0)))
    return out


def _title_words(item: AnalysedArticle, title: str, start: int) -> frozenset[str]:
    """The title's words without nationality, place and organisation names ("Velorian",
    "Senate"), articles and possessives: what it says the person is."""
    covered = [(e.start, e.end) for e in item.analysis.entities if e.label in {"NORP", "GPE", "ORG", "LOC", "FAC"}]
    out = set()
    for m in re.finditer(r"[\w’'-]+", title):
        s = start + m.start()
        if any(a <= s < b for a, b in covered):
            continue
        for w in re.split(r"-", m.group(0).lower()):
            w = re.sub(r"['’]s$", "", w)
            if w and w not in _FUNCTION:
                out.add(w)
    return frozenset(out)


def _same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(any(fuzz.ratio(x, y) >= 85 for y in b) for x in a) and \
        all(any(fuzz.ratio(x, y) >= 85 for y in a) for x in b)


def _subset(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(any(fuzz.ratio(x, y) >= 85 for y in b) for x in a)


HISTORIC_STATUS = frozenset({"former", "ex", "late"})
PLACE_IN_HISTORY = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only"})


def _in_history(t: Title) -> bool:
    """An ordinal in or just before the title: "Velora's first black President"."""
    sentence = t.sentence.lower()
    at = sentence.find(t.title.lower())
    before = sentence[max(0, at - 30):at].split()[-3:] if at >= 0 else []
    return bool((t.words | set(before)) & PLACE_IN_HISTORY)


def _conflict(a: Title, b: Title) -> bool:
    """Same kind of title, different standing: a status word ("acting", "former") in one
    only. Other differences ("Velorian" / "Harbour Party" Finance Minister, a longer description)
    describe one post in other words: not a disagreement."""
    if a.head != b.head or _same_words(a.words, b.words):
        return False
    if not _same_words(a.words - STATUS, b.words - STATUS):
        return False  # "deputy Prime Minister" / "Interior minister": two posts one person holds
    only = (a.words ^ b.words) & (STATUS - STAND_IN)
    if only <= HISTORIC_STATUS and any(_in_history(t) for t in (a, b)):
        return False  # "the first black president" / "former president": a place in history, still his
    # "former police officer Derek Chauvin": the status word is there, outside the title read
    return any(w not in _WORDS.findall(t.sentence.lower()) for w in only for t in (a, b))


def _status_elsewhere(a: Title, b: Title, texts: dict[str, str]) -> bool:
    """The status word one title lacks is in that source all the same, next to the person's
    name or title ("the former prime minister" in another sentence): no disagreement."""
    for t, other in ((a, b), (b, a)):
        for w in (other.words - t.words) & STATUS:
            word = "(?:former|ex)" if w in ("former", "ex") else re.escape(w)  # "ex-Minneapolis police officer"
            near = rf"\b{word}\b[^.;]{{0,40}}(?:{re.escape(t.person)}|{re.escape(t.head)})"
            if re.search(near, texts.get(t.sid, "")):
                return True
    return False


def title_disputes(items: Sequence[AnalysedArticle], al: Alignment) -> list[Unknown]:
    everyone = [t for it in items for t in titles(it, al)]
    people = sorted({t.person for t in everyone})
    texts = {it.source_id: it.article.text.lower() for it in items}
    out = []
    for person in people:
        mine = [t for t in everyone if fuzz.ratio(t.person, person) >= 85]
        clash = [(a, b) for i, a in enumerate(mine) for b in mine[i + 1:]
                 if a.sid != b.sid and _conflict(a, b) and not _status_elsewhere(a, b, texts)]
        if not clash:
            continue
        a, b = clash[0]
        involved = {t.sid for pair in clash for t in pair}
        variants = {}
        for t in sorted(mine, key=lambda t: (-t.supported, t.sid)):
            if t.sid in involved:
                variants.setdefault(t.sid, t.sentence)
        name = max((t.name for t in mine), key=len)
        text = f'Titles differ for {name}: "{a.title}" vs "{b.title}"'
        out.append(Unknown("disputed", text, tuple(sorted(variants)), dict(sorted(variants.items()))))
    return out
