"""One role per actor across sources, in the articles' own words.

The office (head noun) most sources agree on wins, then the most specific wording of it; a
photo caption's title may make it more specific. Plain strings: the phrases come from
generator.nlp.actors.roles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Sequence

from generator.text.actor_kinds import HONORIFICS, TITLE_NOUNS, fold

PREPOSITIONS = frozenset({"of", "to", "for", "in", "at", "on", "with", "from", "by", "under", "since", "as",
                          "who", "which", "whose", "that"})
# A role a person no longer holds is weaker evidence of their part now ("who served as ...").
PAST_MARKERS = ("served as", "worked as", "acted as", "former ", "ex-", "was ", "then-")
STOP = frozenset({"the", "a", "an", "of", "to", "for", "in", "at", "on", "and", "or", "its",
                  "his", "her", "their", "who", "which", "that", "with", "from", "by", "as", "s"})


# ---------------------------------------------------------------- choice (strings)


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", fold(text).replace("'s", "")) if w not in STOP]


_BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                       "north-east", "north-west", "south-east", "south-west"})


_IRREGULAR_PARTICIPLES = frozenset({"built", "made", "run", "held", "known", "born", "set", "led", "sold", "bought",
                                    "brought", "sent", "found", "kept", "left", "won", "paid"})
_ADVERBS = frozenset({"ever", "now", "once", "also", "still", "yet", "then", "currently", "recently", "newly"})


def head_word(phrase: str) -> str:
    """The noun a role phrase is about: last word before its first preposition.

    "Norway's ambassador to Chile" -> "ambassador"; "served as X" -> head of X.
    """
    text = fold(phrase)
    text = re.sub(r"^(?:served|worked|acted) as ", "", text)
    words = re.findall(r"[a-z0-9'-]+", text)
    head = ""
    for k, w in enumerate(words):
        if w in PREPOSITIONS and head:
            break
        # "a low-cost carrier owned by X", "a firm based in Y": a participle after the noun
        if head and w.endswith(("ed", "ing")) and k + 1 < len(words) and words[k + 1] in PREPOSITIONS:
            break
        # "a small island northeast of X", "a town south of Y": where it lies, after the noun
        if head and w in _BEARINGS and k + 1 < len(words) and words[k + 1] in PREPOSITIONS:
            break
        # "the most powerful rocket ever built for X": an irregular participle, after an adverb too
        if head and w in _IRREGULAR_PARTICIPLES and k + 1 < len(words) and words[k + 1] in PREPOSITIONS:
            break
        if head and w in _ADVERBS:
            continue
        head = w
    head = re.sub(r"'s?$", "", head)
    # a plural's "s" goes ("ministers"), a word's own does not ("emeritus", "boss", "analysis")
    return head[:-1] if head.endswith("s") and len(head) > 4 and not head.endswith(("ss", "us", "is")) else head


# A count with its unit ("208 seats", "3.5 million votes"): a result, not who someone is.
_MEASURE = re.compile(r"^\d[\d,.]*%?\s")


def readable(phrase: str) -> bool:
    """A phrase the actor table can print: brackets balanced ("SPD) party" was cut out of one),
    not a bare count ("208 seats", from "CDU 208 seats, AfD 151") and not the rest of a longer name."""
    if _MARKET_DATA.search(phrase) or _ADVERB_VERB.search(phrase):
        return False  # "VLM: -5.57% on the day": a share price's line; "intentionally murdering girlfriend": an act
    if _LIKENED.search(phrase):
        return False  # "a firm as sprawling as its theme parks", "the only maker that's able to ...": a writer's claim
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return phrase.count("(") == phrase.count(")") and not _MEASURE.match(phrase) and not _rest_of_a_name(phrase) \
        and not _SENTENCE_END.search(phrase) and last not in PREPOSITIONS and last not in _CUT_ENDS


# A comparison or a clause saying what the actor is like or can do, not the office it holds
_LIKENED = re.compile(r"\bas \w+ as\b|\b(?:that|which|who)(?:['’]s| is| are)\b|\bcapable of\b", re.I)
_ADVERB_VERB = re.compile(r"\b[a-z]+ly\s+[a-z]+ing\b(?!\s+(?:director|officer|partner|editor|member|secretary))")
_MARKET_DATA = re.compile(r"^[-+−]\s?\d|\b[A-Z]{2,5}:\s*[-+−]?\d|[-+−]\d+(?:\.\d+)?%")
# Words a phrase cut short ends on ("Shares of", "chief of the"): no description ends there.
_CUT_ENDS = frozenset({"the", "a", "an", "and", "or", "its", "his", "her", "their", "whose",
                       # a noun's words before the noun: "cancelled all flights for the whole"
                       "whole", "entire", "other", "same", "such", "very", "than", "this", "that", "these",
                       "those", "our", "my", "your", "which", "who",
                       # an act cut before its date: "flew its helicopter on Mars early" (on April 19)
                       "early", "late"})
# A sentence ending inside a phrase ("President Jane Roe. Examplian President"): two sentences run
# together, not one description ("Gov. Harbour", "U.S. Senator" are abbreviations)
_SENTENCE_END = re.compile(r"\b(?!(?:Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Dr|Mr|Mrs|Ms|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Dept|"
                           r"Prof|Rev|Supt|Insp|Cmdr|Adm|Maj|Mt|Ft|Pres|Amb|Hon)\.)[A-Za-z]*[a-z]{2}\.\s+[A-Z]")


def _rest_of_a_name(phrase: str) -> bool:
    """ "21st Century" (of "21st Century Harlow"), "Walt": capitalised words that name no office
    are the front of a name the model cut, not a description ("Chief Executive" is one)."""
    words = phrase.split()
    capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in words)
    titled = any(fold(w).strip(".,") in TITLE_NOUNS or fold(w).strip(".,") in HONORIFICS for w in words)
    return bool(words) and capitalised and not titled and (len(words) >= 2 or words[0][:1].isdigit())


_FORMER = re.compile(r"\b(?:former|ex-)\s*", re.I)


def _is_past(phrase: str) -> bool:
    low = phrase.lower()
    return low.startswith(PAST_MARKERS) or any(f" {m}" in f" {low}" for m in ("former ", "ex-"))


def choose_role(candidates: Iterable[tuple[str, str, int]]) -> tuple[str | None, tuple[str, ...]]:
    """(role, sources) from (source_id, phrase, rank) triples; rank 0 is the most reliable
    construction of its mention (an appositive before a title before a clause).

    The office (head noun) named by most sources wins, present roles before past ones, then
    the most reliable construction; its wording is the most specific one (most content
    words), then the most repeated, then the first. Sources are those naming that office.
    """
    by_head: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for sid, phrase, rank in candidates:
        head = head_word(phrase) if readable(phrase) else ""
        if head:
            by_head[head].append((sid, phrase, rank))
    if not by_head:
        return None, ()

    def head_rank(head: str) -> tuple:
        entries = by_head[head]
        present = {e[0] for e in entries if not _is_past(e[1])}
        return (-len(present), -len({e[0] for e in entries}), min(e[2] for e in entries), -len(entries), head)

    entries = by_head[min(by_head, key=head_rank)]
    present = [e[1] for e in entries if not _is_past(e[1])] or [e[1] for e in entries]
    # one source's "Former President" where another writes "President": no one calls a holder former
    bare = {fold(p) for p in present}
    former = [e[1] for e in entries if fold(_FORMER.sub("", e[1]).strip()) in bare and _FORMER.search(e[1])]
    present = former or present
    counts: dict[str, int] = defaultdict(int)
    for phrase in present:
        counts[phrase] += 1
    first = {p: i for i, p in reversed(list(enumerate(present)))}
    best = min(present, key=lambda p: (-len(content_words(p)), -counts[p], first[p], p))
    return best, tuple(sorted({e[0] for e in entries}))


# An act told beside another one the row does not show: "has also suspended all flights".
_TOLD_BESIDE = re.compile(r"\b(?:also|too|again|as well|likewise|similarly|in turn)\b", re.I)


def choose_action(candidates: Sequence[tuple[str, str, int]]) -> tuple[str | None, tuple[str, ...]]:
    """The action most like the other sources' actions (the consensus of what it did), from
    (source, phrase, sentence index) triples; among equals, the one nearest its article's
    lead, where news copy says what a body did in the story rather than in its background."""
    candidates = [c for c in candidates if readable(c[1]) and not _TOLD_BESIDE.search(c[1])]
    if not candidates:
        return None, ()
    words = [set(content_words(p)) for _, p, _ in candidates]

    def support(i: int) -> tuple:
        score = sum(len(words[i] & w) / (len(words[i] | w) or 1)
                    for j, w in enumerate(words) if candidates[j][0] != candidates[i][0])
        return (-round(score, 6), candidates[i][2], i)

    best = min(range(len(candidates)), key=support)
    phrase = candidates[best][1]
    sources = {candidates[best][0]} | {
        candidates[j][0] for j, w in enumerate(words)
        if len(words[best] & w) / (len(words[best] | w) or 1) >= 0.5
    }
    return phrase, tuple(sorted(sources))


# ---------------------------------------------------------------- photo captions (strings)

# Lower-case words a title may hold inside it ("Special Envoy to Ruritania", "Minister of State").
TITLE_PARTICLES = frozenset({"of", "to", "for", "the", "on"})
_WORD = re.compile(r"[^\W\d_][\w’'.-]*|[^\w\s]")


def caption_titles(caption: str, names: Sequence[str]) -> list[str]:
    """Titles a photo caption gives a named person: "... stands beside Finance Minister Jane Doe",
    "Special Envoy to Ruritania, Mr. John Roe." or "Jane Doe, the bank's chief economist, speaks".

    The caption is the page's own description of the person, so it may describe the person,
    but its text is never a statement of the page (captions stay out of the body).
    """
    out: list[str] = []
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        if name not in caption:  # most names are not in the caption: no pattern to compile
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", caption):
            for phrase in (_title_before(caption[: m.start()]), _description_after(caption[m.end():])):
                if phrase and phrase not in out:
                    out.append(phrase)
    return out


def _title_before(before: str) -> str | None:
    """The capitalised title run just before a name, a comma and honorific between allowed."""
    words = _WORD.findall(before)
    while words and words[-1].lower() in HONORIFICS | {",", "."}:
        words.pop()
    run: list[str] = []
    while words and (words[-1][:1].isupper() or words[-1] in TITLE_PARTICLES and run):
        run.insert(0, words.pop())
    while run and run[0] in TITLE_PARTICLES:
        run.pop(0)
    if not any(re.sub(r"['’]s$", "", w).lower() in TITLE_NOUNS for w in run):
        return None
    return " ".join(run).replace(" 's", "'s").replace(" ’s", "’s")


def _description_after(after: str) -> str | None:
    """ ", the bank's chief economist," after a name: an appositive with an office in it."""
    m = re.match(r",\s+((?:the|a|an)\s+[^,;()]+?)(?:,|\.|;|$)", after)
    if not m or not any(re.sub(r"['’]s$", "", w).lower() in TITLE_NOUNS for w in m.group(1).split()):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", m.group(1)).strip()


def refine_role(role: str | None, sources: tuple[str, ...],
                captioned: Sequence[tuple[str, str]]) -> tuple[str | None, tuple[str, ...]]:
    """The body's role, made more specific by a caption's title of the same office ("Foreign
    Minister" -> "Norwegian Foreign Minister"), or a caption's title when the body gives none."""
    if not captioned:
        return role, sources
    if role is None:
        return choose_role((sid, phrase, 0) for sid, phrase in captioned)
    words = set(content_words(role))
    wider = [(sid, p) for sid, p in captioned
             if head_word(p) == head_word(role) and words < set(content_words(p))]
    if not wider:
        return role, sources
    _, best = min(wider, key=lambda e: (-len(content_words(e[1])), e[1], e[0]))
    return best, tuple(sorted(set(sources) | {s for s, p in wider if p == best}))
