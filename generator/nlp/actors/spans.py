"""Which spans of a parsed article name an actor: spaCy's entities, repaired and completed.

spaCy's small model splits and mislabels names in ways that follow patterns of news copy;
each repair here is one such pattern. Works on token indices of one `Doc`; the result is a
sorted list of `Candidate`s that generator.sections.actors.build turns into ActorMention records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence
from functools import lru_cache

from generator.text.actor_kinds import (
    ADMIN_NOUNS, COLLECTIVE_NOUNS, HONORIFICS, INSTITUTION_NOUNS, LANDFORM_NOUNS, MONTHS_DAYS, SEAT_NOUNS,
    COMPANY_NAME_ENDS, TITLE_NOUNS, WIDGET_WORDS, fold, is_body_noun, is_country_name, person_noun,
)
from generator.nlp.parsed import positions
from generator.nlp.spelling import is_word

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC")
# Lower-case words allowed inside a name ("Ministry of Foreign Affairs", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"of", "for", "and", "the", "de", "del", "al", "bin", "van", "von", "der", "la", "le", "du", "da", "di", "y", "&"})
# "X-led government": the suffix names the government of X, so it is a form of X.
GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "leadership"})
LED_WORDS = frozenset({"led", "backed", "run", "controlled", "dominated"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "`s"})
_INITIALS = re.compile(r"(?:[A-Z]\.\s?)+")
_DIGIT = re.compile(r"[0-9]")
_TICKER = re.compile(r"[A-Z]{2,8}\s*:\s*[A-Z][A-Z.]{0,7}")
OPEN_BRACKET = frozenset({"("})
PLACE_NOUNS = LANDFORM_NOUNS | ADMIN_NOUNS

# Memoised: pure functions of a string, asked again for every mention of the same name.
_is_country = lru_cache(maxsize=16384)(is_country_name)
_fold = lru_cache(maxsize=65536)(fold)


@dataclass(frozen=True)
class Candidate:
    start: int  # token indices [start, end) of the name itself
    end: int
    label: str
    prefix: int = 0  # tokens before `start` that belong to the surface form (honorific, title)
    constructed: bool = False  # built by a pattern here, not a spaCy entity as tagged


def _is_cap(tok) -> bool:
    return bool(tok.text[:1].isupper())


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, trailing punctuation, and anything before a spaced dash.

    "FILE - Hamas" -> "Hamas" (caption prefixes); "FLN-K." -> "FLN-K".
    """
    for i in range(end - 1, start, -1):
        if doc[i].text in {"-", "—", "–", "|"} and doc[i - 1].whitespace_:
            start = i + 1
            break
    # (an article the tagger took in: "the UN", and in lower case "an International Federation of ...")
    while start < end and (doc[start].lower_ == "the" or doc[start].text in ("a", "an") or doc[start].is_punct):
        start += 1
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]  # "National Hurricane Center (NHC": the bracket never closes in the name
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in {")"}):
        end -= 1
    if end > start and doc[end - 1].text in POSSESSIVE:
        end -= 1
    return start, end


def _name_word(tok) -> bool:
    """A capitalised word that can continue a person's name (not a title, country or other name)."""
    return (tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not _is_country(tok.text)
            and tok.lower_ not in TITLE_NOUNS and tok.lower_ not in HONORIFICS
            and (not tok.ent_type_ or tok.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}
                 and tok.ent_iob_ == "B" and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I")))


HYPHENS = frozenset({"-", "\u2010", "\u2011"})  # hyphen-minus, hyphen, non-breaking hyphen
# Words a hyphen joins to a name that make it a description: "Velt-led", "Harlow-born".
_HYPHEN_DESCRIPTIONS = frozenset({"led", "era", "run", "born", "made", "like", "type", "based", "style", "owned",
                                  "backed", "linked", "allied", "aligned", "free"})


def _given_name_half(tok) -> bool:
    """The lower-case second half of a hyphenated given name ("Jae-in", "Jong-un", "Ki-moon")."""
    return tok.is_lower and len(tok.text) <= 4 and tok.lower_ not in _HYPHEN_DESCRIPTIONS \
        and tok.tag_ not in {"VBN", "VBD", "VBG"}


def _joined_half(tok) -> bool:
    """A word hyphenated onto the name word before it, with no space: "in" of "Jae-in"."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in HYPHENS and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_ and _given_name_half(tok)


def _fix_person(doc, start: int, end: int) -> tuple[int, int]:
    """A name runs on over adjacent capitalised words ("Amir Ali" + "Rostami" is one name,
    "Lena" + "Ortiz" at a sentence start too), but never ends in a country ("Vogt tells
    Holm Norway won't" names Holm, not Norway)."""
    while end - start > 1 and _is_country(doc[end - 1].text):
        end -= 1
    # "Andre" + "-Pierre Gignac": a hyphenated first name the recogniser cut at its hyphen
    if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha \
            and (doc[end + 1].is_title or _given_name_half(doc[end + 1])):
        end += 2
    while end < len(doc) and _name_word(doc[end]) and doc[end - 1].whitespace_ == " ":
        end += 1
    # spaCy often misses the first word of a name that opens a sentence ("Lena" + "Ortiz")
    if start > 0 and doc[start - 1].is_sent_start and not doc[start - 1].ent_type_ \
            and _name_word(doc[start - 1]) and doc[start - 1].whitespace_ == " ":
        start -= 1
    return start, end


def _after_a_portfolio(doc, start: int, end: int) -> bool:
    """ "Minister for Communications Michelle Rowland": the recogniser ran the portfolio into the
    name; the last two words are the person's ("the head of Bank of Velora Corp" is a body)."""
    return end - start >= 3 and start >= 2 and doc[start - 1].lower_ in ("for", "of") \
        and doc[start - 2].lower_ in TITLE_NOUNS and doc[end - 3].is_title \
        and all(t.is_title and not is_body_noun(t.text) and t.lower_.strip(".") not in COMPANY_NAME_ENDS
                for t in doc[end - 2:end])


def _person_and_more(doc, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """A person's span without what the recogniser ran into it; None when it names no one.

    "Turnout was 83%" (a word capitalised as an opener) is no one; "Patrick Mahomes & Co" and
    "Ike & Tina" are a name and more (a team, a band); "Patrick Mahomes & Co." tagged a body is
    the person the article names ("JPMorgan Chase & Co" stays a body)."""
    if label == "ORG":
        amp = next((i for i in range(start, end) if doc[i].text == "&"), None)
        if amp is not None and doc[start:amp].text in {e.text for e in doc.ents if e.label_ == "PERSON"}:
            return start, amp, "PERSON"
        return start, end, label
    start, end = _fix_person(doc, start, end)
    if end - start == 1 and _common_word_opener(doc, doc[start]):
        return None
    amp = next((i for i in range(start, end) if doc[i].text in ("&", "and")), None)
    if amp is None:
        return start, end, label
    return (start, amp, label) if amp - start >= 2 else None


def _common_word_opener(doc, tok) -> bool:
    """ "Turnout was 83%": an English word capitalised only because it opens its sentence, and
    never capitalised anywhere else in the article, taken for a person's name."""
    if not tok.is_sent_start or not tok.is_title or not is_word(tok.lower_):
        return False
    return not any(t.text == tok.text and not t.is_sent_start for t in doc)


def _is_garbage(doc, start: int, end: int) -> bool:
    """Not a name: starts lower-case, has ordinary lower-case words, digits, dates or widgets."""
    span = doc[start:end]
    toks = list(span)
    if not toks or not toks[0].text[:1].isupper():
        return True
    raw = span.text
    text = _fold(raw)  # ASCII: a digit in it is one of 0-9
    if text in MONTHS_DAYS or _DIGIT.search(text):
        return True
    words = [t.text for t in toks]
    if any(t.is_alpha and t.is_lower and w not in NAME_PARTICLES and not _joined_half(t) for t, w in zip(toks, words)):
        return True  # (not the lower-case half of a hyphenated given name: "Jae-in")
    if any(_fold(w) in WIDGET_WORDS for w in words):
        return True
    if len(toks) >= 2 and raw.isupper() and all(len(w) >= 3 for t, w in zip(toks, words) if t.is_alpha):
        return True  # "NEW YORK (AP) —", "FOX BUSINESS": datelines and banners in capitals
    if _TICKER.fullmatch(raw):
        return True  # "NYSE:PXD": a share's ticker, not a body
    if re.search(r"\w\s?/\s?[A-Z]", raw):
        return True  # "Brendan Hollis/Getty Images": a picture's credit, not a name
    if _after_stance_prefix(doc, start):
        return True  # "the city's pro-Lyra leaders": a stance, not Lyra (nor "Lyra leaders")
    if _INITIALS.fullmatch(raw) and not _is_country(raw):
        return True  # initials alone ("G.G.") name nobody we can tell apart
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TITLE_NOUNS \
            and toks[0].ent_type_ != "GPE":
        return True  # "Secretary of State": the office's own wording, not an organisation
    if end - start == 1 and end < len(doc) and doc[end].is_title and doc[end].lower_ in TITLE_NOUNS \
            and not toks[0].is_upper and toks[0].ent_type_ == "ORG":
        return True  # "Defense Minister Jane Doe": a word of the title, not an organisation
    return "\n" in raw


def _after_stance_prefix(doc, start: int) -> bool:
    """The name is the second half of "pro-Lyra", "anti-Velt": a word of stance, naming no one."""
    return start >= 2 and doc[start - 1].text in HYPHENS and not doc[start - 2].whitespace_ \
        and doc[start - 2].lower_ in ("pro", "anti", "non", "ex", "post", "pre")


def _collective(doc, start: int, end: int) -> Candidate | None:
    """ "Nordic governments", "U.K. officials": a nationality before a collective plural noun."""
    if _after_stance_prefix(doc, start):
        return None
    if end < len(doc) and doc[end].lower_ in COLLECTIVE_NOUNS and doc[end].tag_ == "NNS":
        return Candidate(start, end + 1, "NORP", constructed=True)
    return None


def _untagged_collectives(doc, taken: set[int]) -> list[Candidate]:
    """Capitalised adjectives spaCy left untagged, before a collective noun ("No Nordic governments")."""
    out = []
    # only a word before a collective noun can start one (the noun is checked again below)
    for i in (p - 1 for p in positions(doc, "LOWER", COLLECTIVE_NOUNS, 2)):
        tok = doc[i]
        if tok.i in taken or tok.is_sent_start or not tok.is_title or tok.pos_ not in {"ADJ", "PROPN"}:
            continue
        cand = _collective(doc, tok.i, tok.i + 1)
        if cand:
            out.append(cand)
    return out


def _qualified_org(doc, q_start: int, q_end: int) -> Candidate | None:
    """An institution named by its country: "Norway's Storting Council", "the Polish foreign ministry".

    q_start..q_end is the qualifier (a place with its possessive, or a nationality adjective).
    A capitalised run is an organisation unless its head is a title ("Norway's Foreign Minister")
    or a person's name; a lower-case run must end in an institution noun ("defence ministry").
    """
    i, run_end, titled = q_end, q_end, False
    while i < len(doc) and i - q_end < 6:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" and (i == q_end or titled) and tok.ent_iob_ == "B":
            return None
        if _is_cap(tok) and tok.is_alpha:
            titled = titled or tok.lower_ in TITLE_NOUNS
            run_end = i + 1
        elif tok.lower_ in {"of", "for"} and i + 1 < len(doc) and _is_cap(doc[i + 1]) and run_end == i:
            pass
        else:
            break
        i += 1
    if run_end > q_end:
        head = next((t for t in doc[q_end:run_end] if t.lower_ in {"of", "for"}), None)
        head = doc[head.i - 1] if head is not None else doc[run_end - 1]
        if head.lower_ in TITLE_NOUNS or head.lower_ == "member":
            return None
        if doc[run_end - 1].lower_ not in INSTITUTION_NOUNS:
            # "Norway's Oslo Business School" (a proper name needs no owner) and
            # "Norway's Trade Protocol" (no name at all) stay as they are; only a run
            # spaCy mislabelled in part ("Norway's Grand Storting" with "Storting" a PERSON) is built
            whole = doc[q_end].ent_iob_ == "B" and (run_end == len(doc) or doc[run_end].ent_iob_ != "I")
            if whole or not any(t.ent_type_ in {"PERSON", "ORG", "GPE"} for t in doc[q_end:run_end]):
                return None
        return Candidate(q_start, run_end, "ORG", constructed=True)
    j = q_end
    while j < len(doc) and j - q_end < 3 and doc[j].is_lower and doc[j].pos_ in {"ADJ", "NOUN"}:
        # the noun must head the phrase: "Norway's military operation" names no institution
        if doc[j].lower_ in INSTITUTION_NOUNS and doc[j].dep_ not in {"amod", "compound"}:
            if _named_after(doc, j + 1):
                return None  # "Valdonia's medicines regulator, the Velt Drug Board (VDB)": the name follows
            return Candidate(q_start, j + 1, "ORG", constructed=True)
        j += 1
    return None


def _named_after(doc, i: int) -> bool:
    """ ", the Velt Health Agency" or " (VHA)": the body's own name right after its description."""
    k = i + (i < len(doc) and doc[i].text in {",", "("})
    k += k < len(doc) and doc[k].lower_ == "the"
    return k > i and k < len(doc) and (doc[k].is_title or doc[k].is_upper and len(doc[k].text) >= 2)


def _government_form(doc, cand: Candidate) -> Candidate:
    """ "Hamas-led government", "Hamas regime": the governing body of X is a form of X."""
    i = cand.end
    if i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in LED_WORDS:
        i += 2
    if i < len(doc) and doc[i].lower_ in GOVERNMENT_NOUNS:
        return Candidate(cand.start, i + 1, cand.label, cand.prefix, True)
    return cand


def abbreviation_of(long: str, abbr: str) -> bool:
    """ "FLN-K" abbreviates "Front de Liberation Kanak": same first letter, letters in order."""
    letters = [c for c in abbr.lower() if c.isalpha()]
    text = long.lower()
    if not letters or not text or text[0] != letters[0]:
        return False
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def native_abbreviation(long: str, abbr: str) -> bool:
    """ "Social Democrats (SPD)": written in brackets right after a name, an abbreviation of the
    name in its own language may share only its first letter with it (a name of two or more
    capitalised words; "Doctors Without Borders (MSF)" still fails)."""
    words = long.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and long[:1].lower() == abbr[:1].lower()


def _parenthetical(doc) -> list[Candidate]:
    """ "the Federal Aviation Administration (FAA)": a capitalised run named by the
    abbreviation in brackets after it; both become candidates (linked later by position)."""
    out = []
    for tok in (doc[i] for i in positions(doc, "ORTH", OPEN_BRACKET, 1, len(doc) - 2)):
        close = next((t.i for t in doc[tok.i + 1: tok.i + 5] if t.text == ")"), None)
        if close is None or close == tok.i + 1:
            continue
        abbr = doc[tok.i + 1: close]
        if not (abbr.text.replace("-", "").replace(".", "").isupper() and len(abbr.text) >= 2):
            continue
        start = tok.i
        while start - 1 >= 0 and (doc[start - 1].is_title or doc[start - 1].is_upper
                                  or doc[start - 1].lower_ in {"of", "for", "and"}) and not doc[start - 1].is_punct:
            start -= 1
            if doc[start].is_sent_start:
                break
        widest = start
        while start < tok.i and (doc[start].is_lower or not abbreviation_of(doc[start:tok.i].text, abbr.text)):
            start += 1
        if start == tok.i:
            start = next((k for k in range(widest, tok.i) if native_abbreviation(doc[k:tok.i].text, abbr.text)), tok.i)
        if start < tok.i:
            label = next((e.label_ for e in doc[start:tok.i].ents if e.label_ in ACTOR_LABELS), "ORG")
            label = "ORG" if label == "NORP" else label
            out.append(Candidate(start, tok.i, label, constructed=True))
            out.append(Candidate(tok.i + 1, close, label, constructed=True))
    return out


def _name_prefix(doc, cand: Candidate) -> int:
    """Tokens of an honorific or a one-word title before a person's name ("Mr. X", "President X")."""
    i = cand.start
    if i >= 1 and doc[i - 1].lower_ in HONORIFICS:
        return 1
    if i >= 1 and doc[i - 1].is_title and doc[i - 1].lower_ in TITLE_NOUNS:
        if i < 2 or not (doc[i - 2].is_title or doc[i - 2].ent_type_ in {"NORP", "GPE", "ORG"}):
            return 1
    return 0


def _from_entity(doc, ent) -> list[Candidate]:
    """Repair one spaCy entity into zero or more candidates."""
    label = ent.label_
    start, end = _trim(doc, ent.start, ent.end)
    if end <= start:
        return []
    name = doc[start:end].text
    if _is_country(name):
        label = "GPE"
    elif label == "GPE" and name.replace(".", "").isupper():
        label = "ORG"  # "according to ZDF": an initialism that is no country names an organisation
    if label == "NORP":
        # a nationality adjective is not an actor; a plural people-name is ("the Democrats")
        if doc[end - 1].tag_ in {"NNPS", "NNS"} and not _is_country(name):
            return [Candidate(start, end, "NORP")]
        found = [c for c in (_collective(doc, start, end), _qualified_org(doc, start, end)) if c]
        return found[:1]
    if label in ("PERSON", "ORG") and _after_a_portfolio(doc, start, end):
        start, label = end - 2, "PERSON"  # "Minister for [Communications Michelle Rowland]": the portfolio is the title's
    if label in ("PERSON", "ORG"):
        found = _person_and_more(doc, start, end, label)
        if found is None:
            return []
        start, end, label = found
    if label in {"ORG", "FAC"} and end - start >= 2 and doc[end - 1].lower_ in SEAT_NOUNS:
        end, label = end - 1, "ORG"  # "talks at Acme Headquarters": the building names its organisation
    if _is_garbage(doc, start, end):
        return []
    cand = Candidate(start, end, label)
    out = []
    if label == "ORG":
        cand = _government_form(doc, cand)
    if label == "PERSON":
        cand = Candidate(start, end, label, _name_prefix(doc, cand))
    out.append(cand)
    if label == "GPE":
        if end < len(doc) and doc[end].text in POSSESSIVE:
            org = _qualified_org(doc, start, end + 1)
            if org:
                out.append(org)
        else:
            group = _collective(doc, start, end)
            if group:
                out.append(group)
    return out


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Longest candidate wins where spans overlap, except a place inside a qualified name
    ("Norway" in "Norway's Foreign Ministry") or a group ("U.K." in "U.K. officials"), which stays."""
    # every field in the key: equal spans and labels must not fall back on set order (hash seed)
    ordered = sorted(set(cands), key=lambda c: (-(c.end - c.start), c.start, c.label, c.constructed, c.prefix))
    kept: list[Candidate] = []
    for c in ordered:
        clash = [k for k in kept if c.start < k.end and k.start < c.end]
        nested_place = c.label == "GPE" and all(k.constructed and k.start <= c.start and c.end <= k.end for k in clash)
        if not clash or nested_place:
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _title_run(doc, end: int) -> int:
    """Start of the run of capitalised words (hyphen-joined ones too: "Al-Noor") ending at `end`."""
    start = end
    while start > 0 and not (start < end and doc[start].is_sent_start):
        tok = doc[start - 1]
        if tok.text == "-" and not tok.whitespace_ and start >= 2 and doc[start - 2].is_title \
                and not doc[start - 2].whitespace_:
            start -= 2
        elif tok.is_title and tok.is_alpha and tok.lower_ not in {"the", "a", "an"}:
            start -= 1
        else:
            break
    return start


def _untagged_places(doc) -> list[Candidate]:
    """Places named by a pattern spaCy's small model misses: a capitalised run ending in a
    landform noun ("the Blue Ridge Mountains", "Sable River towns") and a name before an
    administrative noun ("452 in Oran province", "the Tarn region"): the name alone, since
    "Oran" and "Oran province" are one place."""
    out = []
    for tok in (doc[i] for i in positions(doc, "LOWER", PLACE_NOUNS)):
        if tok.is_title and tok.lower_ in LANDFORM_NOUNS and tok.pos_ == "PROPN":
            start = _title_run(doc, tok.i)
            if start < tok.i and not _is_garbage(doc, start, tok.i + 1):
                out.append(Candidate(start, tok.i + 1, "LOC", constructed=True))
        elif tok.is_lower and tok.lower_ in ADMIN_NOUNS and tok.i > 0:
            start = _title_run(doc, tok.i)
            run = doc[start:tok.i]
            # a lone capitalised word opening a sentence may be any word ("Northern region")
            lone = len(run) == 1 and run[0].is_sent_start
            tagged = any(t.ent_type_ not in {"", "PERSON"} for t in run)  # a nationality, an organisation
            if start < tok.i and not lone and not tagged and not _is_country(run.text) \
                    and not _is_garbage(doc, start, tok.i):
                out.append(Candidate(start, tok.i, "GPE", constructed=True))
    return out


# Verbs and nouns whose "on X" is the medium a statement went out on ("wrote on Chirp", "a post on Chirp").
MEDIUM_HEADS = frozenset({"write", "post", "tweet", "publish", "share", "comment", "broadcast", "stream",
                          "appear", "statement", "message", "video", "account", "channel", "page"})


def _is_medium(doc, cand: Candidate) -> bool:
    """ "the aide wrote on Chirp": an organisation named only as the medium of a statement."""
    if cand.label != "ORG":
        return False
    root = doc[cand.start:cand.end].root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in {"on", "via"} \
        and prep.head.lemma_.lower() in MEDIUM_HEADS


def candidates(doc, ents: Sequence) -> list[Candidate]:
    """Every actor-naming span of the document (`ents`: its entities), repaired and
    de-overlapped, in text order."""
    cands: list[Candidate] = []
    for ent in ents:
        if ent.label_ in ACTOR_LABELS or ent.label_ == "FAC" and ent[-1].lower_ in SEAT_NOUNS:
            cands.extend(_from_entity(doc, _first_name_left_out(doc, ent)))
        elif ent.label_ in MISTAKEN_FOR_THINGS and _after_a_persons_noun(doc, ent.start, ent.end):
            cands.append(Candidate(ent.start, ent.end, "PERSON"))  # "model [Jane Roe]" tagged a building
    cands = _joined_by_and(doc, _joined_by_of(doc, cands))
    cands.extend(_parenthetical(doc))
    cands.extend(_untagged_places(doc))
    taken = {i for c in cands for i in range(c.start, c.end)}
    cands.extend(_untagged_collectives(doc, taken))
    tickers = _ticker_tokens(doc)
    return [c for c in _resolve(cands) if not _is_medium(doc, c) and c.start not in tickers]


# Heads of a body's name that go on with "for ..." or "of ...": "Office for the Coordination of ...".
JOINED_HEADS = frozenset({"office", "federation", "department", "ministry", "commission", "bureau", "agency",
                          "organization", "organisation", "institute", "council", "committee", "association",
                          "union", "society", "centre", "center", "fund", "programme", "program", "authority"})


def _joined_by_of(doc, cands: list[Candidate]) -> list[Candidate]:
    """A body's name the tagger cut in two at "for the"/"of": "[UN Office] for the [Coordination of
    Humanitarian Affairs]" is one name, not two bodies (nor "UN Office" alone)."""
    by_start = {c.start: c for c in cands if c.label == "ORG"}
    out, skip = [], set()
    for c in sorted(cands, key=lambda c: (c.start, c.end, c.label)):
        if id(c) in skip:
            continue
        k = c.end
        if c.label == "ORG" and k < len(doc) and doc[c.end - 1].lower_ in JOINED_HEADS and doc[k].lower_ in {"for", "of"}:
            k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
            nxt = by_start.get(k)
            if nxt is not None:
                skip.add(id(nxt))
                out.append(Candidate(c.start, nxt.end, "ORG"))
                continue
        out.append(c)
    return out


def _plural_head(word: str) -> bool:
    """ "Societies", "Unions": a body's head noun in the plural."""
    w = word.lower()
    return w.endswith("ies") and f"{w[:-3]}y" in JOINED_HEADS or w.endswith("s") and w[:-1] in JOINED_HEADS


def _joined_by_and(doc, cands: list[Candidate]) -> list[Candidate]:
    """A federation's name the tagger cut at "and": "[International Federation of Velt Clubs] and
    [Lyra Societies]" is one body ("X of A and B Societies"), not two."""
    by_start = {c.start: c for c in cands if c.label == "ORG"}
    out, skip = [], set()
    for c in cands:
        if id(c) in skip:
            continue
        nxt = by_start.get(c.end + 1) if c.end < len(doc) and doc[c.end].lower_ == "and" else None
        if c.label == "ORG" and nxt is not None and any(t.lower_ == "of" for t in doc[c.start:c.end]) \
                and _plural_head(doc[nxt.end - 1].text):
            skip.add(id(nxt))
            out.append(Candidate(c.start, nxt.end, "ORG"))
            continue
        out.append(c)
    return out


# Labels the small model gives a person's name it does not know ("model Jane Roe" as a FAC).
MISTAKEN_FOR_THINGS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})


# Nouns for people that are also nouns for things, read as people before a name ("model Jane Roe").
PEOPLE_BEFORE_A_NAME = frozenset({"model", "supermodel"})


def _after_a_persons_noun(doc, start: int, end: int) -> bool:
    """Two or three capitalised words right after a lower-case person's noun ("chief", "model")."""
    before = doc[start - 1] if start > 0 else None
    return 2 <= end - start <= 3 and before is not None and before.is_lower \
        and all(t.is_title and t.is_alpha for t in doc[start:end]) \
        and (person_noun(before.text) or before.text in PEOPLE_BEFORE_A_NAME)


def _first_name_left_out(doc, ent):
    """ "chief [Jana] Velder": a capitalised word between a lower-case person's noun and a
    person's name is the name's first word, which the model left out."""
    if ent.label_ == "PERSON" and ent.start >= 2 and not doc[ent.start - 1].ent_type_ \
            and _after_a_persons_noun(doc, ent.start - 1, ent.end):
        from spacy.tokens import Span  # imported where used: a warm run never loads spaCy
        return Span(doc, ent.start - 1, ent.end, label="PERSON")
    return ent


def _ticker_tokens(doc) -> set[int]:
    """Tokens inside a bracketed share ticker, "(NYSE:XOM)", "(Nasdaq: AAPL)": no actor there."""
    out: set[int] = set()
    for tok in (doc[i] for i in positions(doc, "ORTH", OPEN_BRACKET, 0, len(doc) - 2)):
        close = next((t.i for t in doc[tok.i + 1: tok.i + 8] if t.text == ")"), None)
        if close is not None and _TICKER.fullmatch(doc[tok.i + 1: close].text.upper()):
            out.update(range(tok.i + 1, close))
    return out
