"""Which mentions name the same actor: alias merging across the sources of one story.

Each rule is a pattern of how news copy names one actor in several ways; all work on plain
strings (no spaCy), merge with a union-find over mentions, and are deterministic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from generator.sections.actors.forms import (
    SURNAME_SIMILARITY, Form, UnionFind, fold, initials, is_abbreviation, is_country_name, name_key, shares_stem,
)
from generator.sections.actors.roles import head_word
from generator.sections.actors.people import extended, merge_first_names, merge_nationality_surnames, merge_people
from generator.text.actor_kinds import (
    FACILITY_NOUNS, GENERIC_ORG_HEADS, LANDFORM_NOUNS, MEMBER_NOUNS, POLITY_NOUNS, country_of, is_body_noun,
)
from generator.nlp.actors.spans import GOVERNMENT_NOUNS, LED_WORDS, NAME_PARTICLES, abbreviation_of, native_abbreviation


def merge_same_key(forms: Sequence[Form], uf: UnionFind) -> None:
    """One spelling is one actor whatever spaCy labelled each mention ("Valdora" tagged a
    person once and a city twice); the majority label decides the kind later."""
    first: dict[str, Form] = {}
    for f in forms:
        if f.key in first:
            uf.union(first[f.key].index, f.index)
        else:
            first[f.key] = f


def merge_cut_names(forms: Sequence[Form], uf: UnionFind, texts: Sequence[str]) -> None:
    """A scraped page cut mid-word ends in half a name ("troops from Finlan"): the last word
    of an article joins the one longer name of the story it begins."""
    for f in forms:
        if f.end < len(texts[f.article].rstrip()) or len(f.key) < 4:
            continue
        fits = sorted({g.key: g for g in forms if g.key != f.key and g.key.startswith(f.key)}.values(),
                      key=lambda g: g.key)
        if len({uf.find(g.index) for g in fits}) == 1:
            uf.union(fits[0].index, f.index)


def merge_spellings(forms: Sequence[Form], uf: UnionFind) -> None:
    """Transliterations of one place or organisation ("Tarablus"/"Tarabulus"): near-identical
    once spaces are dropped; never two countries or initialisms. People (see merge_people) only
    when the spaces alone differ and the first name is the same."""
    names = sorted({f.key: f for f in forms if f.label != "PERSON" and not is_abbreviation(f.core)}.values(),
                   key=lambda f: f.key)
    country = [is_country_name(f.core) for f in names]
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            if not (country[i] and country[j]) and _same_spelling(a.key, b.key):
                uf.union(a.index, b.index)
    # a person's name written with a space more or less: "Jana Velder Oglu" / "Jana Velderoglu"
    joined: dict[str, Form] = {}
    for f in sorted((f for f in forms if f.label == "PERSON"), key=lambda f: f.key):
        words, run = _spelling_words(f.key)
        if len(words) >= 2 and len(run) >= 8:
            first = joined.setdefault(run, f)
            if first.key != f.key and _spelling_words(first.key)[0][0] == words[0]:
                uf.union(first.index, f.index)


@lru_cache(maxsize=1 << 16)
def _spelling_words(key: str) -> tuple[tuple[str, ...], str]:
    """(words, words run together) of a name key; memoised: each key meets every other one."""
    words = tuple(re.findall(r"[a-z0-9]+", key))
    return words, "".join(words)


def _same_spelling(a: str, b: str) -> bool:
    """Word by word, one word spelt differently ("Meknes"/"Meknez"), or only spaces differ.

    Word by word, so "Polish Foreign Ministry" and "Portuguese Foreign Ministry" stay apart,
    and never two countries ("Austrian"/"Australian")."""
    (wa, ja), (wb, jb) = _spelling_words(a), _spelling_words(b)
    if len(wa) != len(wb):
        return ja == jb
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    shortest = min(len(x), len(y))
    alike = (shortest >= 4 and _skeleton(x) == _skeleton(y)) or \
        (shortest >= 5 and x[0] == y[0] and fuzz.ratio(x, y) >= SURNAME_SIMILARITY and not extended(x, y))
    # the country lookup is the slow test: asked only of words that are spelt alike
    return alike and not (country_of(x) and country_of(y))


# Spellings that transliterations of one name alternate between: "Ouazir"/"Wazir" (French "ou",
# English "w"), "Khartoum"/"Khartum", "Qasr"/"Kasr", "Sayda"/"Saida"; doubled letters are one.
TRANSLITERATION = (("ou", "u"), ("oo", "u"), ("w", "u"), ("kh", "h"), ("gh", "g"), ("dh", "d"),
                   ("ph", "f"), ("q", "k"), ("y", "i"), ("ee", "i"))


@lru_cache(maxsize=1 << 16)
def _skeleton(word: str) -> str:
    """A word with the spellings transliterations alternate between made one: "ouazir" -> "uazir"."""
    for a, b in TRANSLITERATION:
        word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", word)


def government_base(key: str) -> str | None:
    """ "junta-led government" -> "junta"; "hamas regime" -> "hamas"."""
    words = key.split()
    if len(words) < 2 or words[-1] not in GOVERNMENT_NOUNS:
        return None
    base = " ".join(words[:-1])
    for led in LED_WORDS:
        base = re.sub(rf"-{led}$", "", base)
    return base or None


def merge_government_forms(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "Hamas-led government" is a form of "Hamas" when the story names Hamas."""
    by_key = {}
    for f in forms:
        by_key.setdefault(f.key, f)
    for f in forms:
        base = government_base(f.key)
        if base and base in by_key:
            uf.union(by_key[base].index, f.index)


def qualifier(core: str, places: Sequence[str]) -> tuple[str, str] | None:
    """(place key, rest) of a name qualified by a place: "Norway's Supreme Court" and
    "Norwegian Supreme Court" -> ("norway", "supreme court"); None when not qualified."""
    words = core.split()
    if len(words) < 2:
        return None
    first, rest = words[0], name_key(" ".join(words[1:]))
    m = re.match(r"^(.*?)(?:'s|’s|`s)$", first)
    if m:
        return name_key(m.group(1)), rest
    if any(name_key(first) == name_key(p) for p in places):  # "UK Treasury"
        return name_key(first), rest
    for n in (3, 2):  # "United States Anti-Doping Agency", "South Korean Coast Guard"
        head = " ".join(words[:n])
        if len(words) > n and (is_country_name(head) or any(name_key(head) == name_key(p) for p in places)):
            return name_key(head), name_key(" ".join(words[n:]))
    stems = [(shares_stem(first, p), p) for p in places]
    best = max(stems, default=(0, ""), key=lambda s: (s[0], s[1]))
    if best[0] and fold(first) != fold(best[1]):
        return name_key(best[1]), rest
    return None


def merge_member_forms(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "Acme Allies", "Acme members" acting together are a form of Acme when the story names it."""
    orgs: dict[str, Form] = {}
    for f in forms:
        if f.label == "ORG" and not is_country_name(f.core):
            orgs.setdefault(f.key, f)
    for f in forms:
        words = f.key.split()
        if len(words) >= 2 and words[-1] in MEMBER_NOUNS and " ".join(words[:-1]) in orgs:
            uf.union(orgs[" ".join(words[:-1])].index, f.index)


def merge_descriptive_names(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "the Northern Trade Alliance" and "NTCO": a name whose head is a generic word for an
    organisation, and whose other words' initials begin exactly one longer abbreviation of the
    story (not spelling it out), is a descriptive name of that organisation."""
    abbrs = sorted({f.key: f for f in forms if is_abbreviation(f.core) and not is_country_name(f.core)}.values(),
                   key=lambda f: f.key)
    letters = {a.index: re.sub(r"[^a-z]", "", a.core.lower()) for a in abbrs}
    for f in forms:
        if f.label != "ORG" or is_abbreviation(f.core):
            continue
        words = [w for w in re.split(r"[\s-]+", fold(f.core)) if w and w not in NAME_PARTICLES]
        if len(words) < 3 or words[-1] not in GENERIC_ORG_HEADS:
            continue
        prefix = "".join(w[0] for w in words[:-1])
        if initials(f.core) in letters.values():
            continue  # its own abbreviation is in the story: merge_abbreviations' case
        fits = [a for a in abbrs if letters[a.index].startswith(prefix) and len(letters[a.index]) > len(prefix)]
        if len({uf.find(a.index) for a in fits}) == 1:
            uf.union(fits[0].index, f.index)


def merge_qualified(forms: Sequence[Form], uf: UnionFind, places: Sequence[str]) -> None:
    """Institutions named by country merge across possessive and adjective forms; a bare
    "the Foreign Ministry" joins the last qualified one of its article (else the story's
    most cited one), so "Denmark's Foreign Ministry" and Norway's stay apart."""
    of_core: dict[str, tuple[str, str] | None] = {}  # a story names one institution many times
    for f in forms:
        if f.label == "ORG" and f.core not in of_core:
            of_core[f.core] = qualifier(f.core, places)
    qual = {f.index: of_core[f.core] for f in forms if f.label == "ORG"}
    groups: dict[tuple[str, str], list[Form]] = defaultdict(list)
    for f in forms:
        q = qual.get(f.index)
        if q:
            groups[q].append(f)
    for members in groups.values():
        for f in members[1:]:
            uf.union(members[0].index, f.index)
    # "Velora's central bank" is the "Bank of Velora" the story names: the one body whose name
    # holds the place and the description's head word, and no word the two do not give
    # (not "Velora Ministry of Defence" for "Velora's finance ministry")
    for (place, rest), members in sorted(groups.items()):
        head = rest.split()[-1] if rest else ""
        allowed = set(place.split()) | set(rest.split()) | NAME_PARTICLES
        fits = {uf.find(g.index) for g in forms if g.label == "ORG" and not qual.get(g.index)
                and f" {place} " in f" {g.key} " and head in g.key.split() and set(g.key.split()) <= allowed} \
            - {uf.find(members[0].index)}
        if head and len(fits) == 1:
            uf.union(fits.pop(), members[0].index)
    by_rest: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for q in sorted(groups):
        by_rest[q[1]].append(q)
    for f in forms:
        if f.label != "ORG" or qual.get(f.index) or f.key not in by_rest:
            continue
        before = [g for q in by_rest[f.key] for g in groups[q]
                  if g.article == f.article and g.start < f.start]
        if before:
            uf.union(max(before, key=lambda g: g.start).index, f.index)
            continue
        q = max(by_rest[f.key], key=lambda q: (len({g.sid for g in groups[q]}), len(groups[q]), q))
        uf.union(groups[q][0].index, f.index)


def merge_short_org_names(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "the Alliance" after "the North Atlantic Alliance", "Lehman" after "Lehman Brothers": a
    one-word organisation name that ends (else begins) exactly one longer organisation name of
    the story is that organisation; so is a name that begins exactly one longer one ("Pioneer
    Natural" of "Pioneer Natural Resources")."""
    longs = sorted({f.key: f for f in forms if f.label == "ORG" and len(f.key.split()) >= 2
                    and not is_abbreviation(f.core)}.values(), key=lambda f: f.key)
    bases = {g.key: _corporate_base(g.key) for g in longs}  # each long name's base, worked out once
    # "Velmont" after "Arno Velmont Co": the last word before the word a company adds to its name
    lasts = [(g, bases[g.key].split()[-1]) for g in longs]
    firsts = [(g, g.key.split()[0]) for g in longs]
    for g in longs:  # "Pioneer Natural" inside the one "Pioneer Natural Resources" (not "X" and "X Foundation")
        fuller = [h for h in longs if h.key.startswith(g.key + " ") and not _own_body(h.key)]
        if len({uf.find(h.index) for h in fuller}) == 1:
            uf.union(fuller[0].index, g.index)
    for f in forms:
        if f.label != "ORG" or len(f.key.split()) != 1:
            continue
        if is_abbreviation(f.core):  # "HXL" of "HXL Investments": an initialism that begins one name only
            # (not a place named after it: "HXL Medical Center" is where, "HXL" who)
            fits = [g for g, first in firsts if first == f.key and not _own_body(g.key)
                    and g.key.split()[-1] not in FACILITY_NOUNS]
            if fits and len({uf.find(g.index) for g in fits}) == 1:
                uf.union(fits[0].index, f.index)
            continue
        # "Velmont Co" beside "Arno Velmont Co" is the same company shortened (the same tail), no rival;
        # "Harlow Corp" beside "First Harlow" is another one
        tails = {g.key.split()[-1] for g, last in lasts if last == f.key and bases[g.key] not in (g.key, f.key)}
        fits = [g for g, last in lasts if last == f.key and not (bases[g.key] == f.key and g.key.split()[-1] in tails)]
        # "Lehman" after "Lehman Brothers": the name's first word, when it begins one body only
        fits = fits or [g for g, first in firsts if first == f.key and not _own_body(g.key)]
        # one body however much of its name is written ("Arno Velmont", "Arno Velmont Co")
        if fits and (len({uf.find(g.index) for g in fits}) == 1 or len({_corporate_base(g.key) for g in fits}) == 1):
            for g in fits:
                uf.union(g.index, f.index)


def _own_body(key: str) -> bool:
    """ "Ivo Brannic Foundation", "Velt University": a body named after someone or something,
    not that one ("the Labour Party" is Labour: a party's word is one its name drops)."""
    last = key.split()[-1]
    return is_body_noun(last) and last not in CORPORATE_TAILS


# The words a company or party adds to its name, and drops as often: "CrowdStrike Holdings",
# "the Labour Party", "Acme Corp".
CORPORATE_TAILS = frozenset({"party", "holdings", "holding", "inc", "corp", "corporation", "plc", "ltd", "limited",
                             "co", "group", "company"})


def _corporate_base(key: str) -> str:
    """'conservative party' -> 'conservative'; 'conservatives' -> 'conservative': the name without
    the word a body adds to it, or the one word of a plural ("the Conservatives", "Apples")."""
    words = key.replace(".", "").split()
    if len(words) >= 2 and words[-1] in CORPORATE_TAILS:
        return " ".join(words[:-1])
    if len(words) == 1 and len(words[0]) > 4 and words[0].endswith("s") and not words[0].endswith("ss"):
        return words[0][:-1]
    return " ".join(words)


def merge_national_prefix(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "the U.S. Coast Guard" and "the Coast Guard": a body named with and without its country
    in front, when only one body of the story has that name."""
    bodies = {f.key: f for f in forms if f.label == "ORG" and len(f.core.split()) >= 2}
    prefixed: dict[str, dict[str, Form]] = defaultdict(dict)  # bare key -> country -> form
    for key, f in sorted(bodies.items()):
        first, _, rest = f.core.partition(" ")
        if not rest or len(rest.split()) < 2 or name_key(rest) not in bodies:
            continue  # the cheap test first: only a name whose bare rest is a name too
        word = first.rstrip("’'s") if first.endswith(("'s", "’s")) else first
        country = country_of(word) or (fold(word) if is_country_name(word) else None)
        if country:
            prefixed[name_key(rest)].setdefault(country, f)
    for bare, by_country in prefixed.items():
        if len(by_country) == 1:  # two countries' courts are two courts: the bare name stays apart
            uf.union(bodies[bare].index, next(iter(by_country.values())).index)


def merge_corporate_forms(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "CrowdStrike" and "CrowdStrike Holdings", "Harbour Trust" and "Harbour Trust Bank", "Labour" and "the Labour Party", "the
    Conservatives" and "the Conservative Party": one body, however much of its name is written.
    Only names of bodies and groups (never a person's or a country's), and only where the bare
    base is itself a name of the story or two names share it."""
    bodies = sorted({f.key: f for f in forms if f.label in {"ORG", "NORP"} and not is_abbreviation(f.core)}.values(),
                    key=lambda f: f.key)
    by_base: dict[str, list[Form]] = defaultdict(list)
    for f in bodies:
        by_base[_corporate_base(f.key)].append(f)
    for base, group in by_base.items():
        if len(group) >= 2:
            for g in group[1:]:
                uf.union(group[0].index, g.index)
    # "Harbour Trust Bank" / "Harbour Trust": one bank, when no other body is "Harbour Trust <something>"
    # ("Velmont Bank" beside "Velmont Holdings" is another body)
    keys = {f.key: f for f in bodies}
    for key, f in keys.items():
        if key.endswith(" bank") and (bare := key[: -len(" bank")]) in keys:
            if not any(k != key and k.startswith(bare + " ") for k in keys):
                uf.union(keys[bare].index, f.index)


def _landform_words(key: str) -> list[str] | None:
    """Words of a landform's name with its head singular ("blue ridge mountains" -> [..., "mountain"])."""
    words = key.split()
    if len(words) < 2 or words[-1] not in LANDFORM_NOUNS:
        return None
    return words[:-1] + [re.sub(r"s$", "", words[-1])]


def merge_landforms(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "Ridge Mountain towns" after "the Blue Ridge Mountains": a landform's name that ends
    exactly one longer landform name of the story, number of its head aside, is that landform."""
    named = sorted({f.key: f for f in forms if f.label in {"LOC", "GPE"} and _landform_words(f.key)}.values(),
                   key=lambda f: f.key)
    for f in named:
        short = _landform_words(f.key)
        fits = [g for g in named if g.key != f.key and len(_landform_words(g.key)) > len(short)
                and _landform_words(g.key)[-len(short):] == short]
        if len({uf.find(g.index) for g in fits}) == 1:
            uf.union(fits[0].index, f.index)


def merge_collectives(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "Nordic nations" = "Nordic governments" = "Nordic countries": the states of a bloc."""
    seen: dict[str, int] = {}
    for f in forms:
        words = f.key.split()
        if f.label == "NORP" and len(words) >= 2 and words[-1] in POLITY_NOUNS:
            key = " ".join(words[:-1])
            if key in seen:
                uf.union(seen[key], f.index)
            else:
                seen[key] = f.index


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def _dotted_initials(name: str) -> str:
    """ "U.S. Geological Survey" -> "usgs": an abbreviation written with points gives all its letters
    ("" for a name with a lower-case word other than a particle: "U.S. officials" is no body's name)."""
    words = name.split()
    if any(not w[:1].isupper() and w.lower() not in NAME_PARTICLES for w in words):
        return ""
    return "".join(w.replace(".", "").lower() if _DOTTED.match(w) else w[0].lower() for w in words if w[:1].isupper())


SHARED_INITIALS = 4  # bodies' names with this many initials in common, and an abbreviation of them: one body


def merge_abbreviations(forms: Sequence[Form], uf: UnionFind, texts: Sequence[str]) -> None:
    """ "U.K."/"UK" = "United Kingdom" (initials of a longer name in the story, when only one
    name fits), and "Long Name (ABBR)" written side by side in an article."""
    # initials without the particles, and with them: "Bank of Velora" is written "BOV" as often as "BV"
    longs = [(f, {initials(f.core), initials(f.core, particles=True), _dotted_initials(f.core)}) for f in forms
             if not is_abbreviation(f.core) and len(f.core.split()) >= 2]
    # a short name that opens a body's longer name ("VSL" of "VSL Investments Inc") is that body's,
    # never a person's initials ("Victor S. Lorne", who may have named it after himself)
    opening = {f.core.split()[0] for f in forms if f.label == "ORG" and len(f.core.split()) >= 2}
    for f in forms:
        if not is_abbreviation(f.core):
            continue
        letters = re.sub(r"[^a-z]", "", f.core.lower())
        # (one body in two spellings, "Organization" / "Organisation", merged already, is one fit)
        fitting = [g for g, i in longs if letters in i and not (g.label == "PERSON" and f.core in opening)]
        fits = sorted({uf.find(g.index) for g in fitting})
        # (bodies' names long enough to share four initials, "U.S. Geological Survey" / "United States
        # Geological Service" beside "USGS": one body, its name written two ways)
        if len(fits) == 1 or len(letters) >= SHARED_INITIALS and all(g.label == "ORG" for g in fitting):
            for k in fits:
                uf.union(k, f.index)
    by_article: dict[int, list[Form]] = defaultdict(list)
    for f in forms:
        by_article[f.article].append(f)
    for article, group in by_article.items():
        ends = {f.end: f for f in group}
        for f in group:
            text = texts[article]
            for gap in (2, 1):
                long = ends.get(f.start - gap)
                if long is not None and text[long.end: f.start] in {" (", "("} and is_abbreviation(f.core) \
                        and (abbreviates_tail(long.core, f.core) or native_abbreviation(long.core, f.core)
                             or _same_letters(long.core, f.core) or _glossed(long, f, text)):
                    uf.union(long.index, f.index)
            # "the Harbour Criminal Police Organization, or Harpol,": a body's short name set beside it
            long = ends.get(f.start - 5)
            if long is not None and text[long.end: f.start] == ", or " and long.label == "ORG" \
                    and len(long.core.split()) >= 3 and len(f.core.split()) == 1 and text[f.end:f.end + 1] in ",)":
                uf.union(long.index, f.index)


CLIPPING_DOMINANCE = 3  # a body named in this many times the articles of any other the clipping fits is the one


def merge_clippings(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "the Fed" for the Federal Reserve, "the Met" for the Metropolitan Police: a one-word
    body's name of three or four letters, the start of one of the first two words of a longer
    body's name, is that body when it is the only one so named, or is named in far more articles
    than any other ("Federal Reserve", not "Federal Open Market Committee"). So are a clipped
    compound ("ConCourt": each part starts the next word of "Constitutional Court") and a
    name's head word alone ("the Court" for the Supreme Court)."""
    bodies = [f for f in forms if f.label == "ORG" and len(f.core.split()) >= 2]
    articles: dict[int, set[int]] = defaultdict(set)
    for g in bodies:
        articles[uf.find(g.index)].add(g.article)
    for f in forms:
        word = f.core
        chunks = re.findall(r"[A-Z][a-z]+", word)
        if f.label == "ORG" and len(chunks) >= 2 and "".join(chunks) == word:
            # "ConCourt" for the Constitutional Court: each part the start of the next word of the name
            roots = sorted({uf.find(g.index) for g in bodies if _clipped_compound(chunks, g.core.split())},
                           key=lambda r: (-len(articles[r]), r))
        elif f.label == "ORG" and " " not in word and word[:1].isupper() and word[1:].islower() and any(
                head_word(g.core) == word.lower() for g in bodies):
            # "the Court" for the Supreme Court: the head word of one body's name alone ("the Bank"
            # is the Bank of Velora as much as the Lyra Central Bank: then neither)
            roots = sorted({uf.find(g.index) for g in bodies if head_word(g.core) == word.lower()},
                           key=lambda r: (-len(articles[r]), r))
        elif f.label != "ORG" or not (3 <= len(word) <= 4) or not word[0].isupper() or not word[1:].islower():
            continue
        else:
            roots = sorted({uf.find(g.index) for g in bodies
                            if any(w.startswith(word) and len(w) > len(word) + 2 for w in g.core.split()[:2])},
                           key=lambda r: (-len(articles[r]), r))
        if len(roots) == 1 or len(roots) > 1 and len(articles[roots[0]]) >= CLIPPING_DOMINANCE * len(articles[roots[1]]):
            uf.union(roots[0], f.index)


def _clipped_compound(chunks: list[str], words: list[str]) -> bool:
    """ ["Con", "Court"] / "Constitutional Court": each part starts the next word, in order."""
    return any(len(words) - i >= len(chunks) and all(w.startswith(c) for c, w in zip(chunks, words[i:]))
               for i in range(len(words)))


# "Rodrigo Londono, alias Timoleon "Timochenko" Jimenez,", "Myanmar, also known as Burma,":
# the second name is the first one's
_ALSO_KNOWN_AS = re.compile(r"[,(]\s*(?:alias|also known as|better known as|a\.k\.a\.?|aka|also called)\s+"
                            r"([\"“]?[A-Z][\w'’.\"“”-]*(?:\s+[\"“]?[A-Z][\w'’.\"“”-]*){0,3})")


def merge_also_known_as(forms: Sequence[Form], uf: UnionFind, texts: Sequence[str]) -> None:
    """A name set right after another with "alias", "also known as", "better known as": one actor."""
    by_article: dict[int, list[Form]] = defaultdict(list)
    for f in forms:
        by_article[f.article].append(f)
    for article, group in sorted(by_article.items()):
        text = texts[article]
        if "alias" not in text and "known as" not in text and "a.k.a" not in text and "aka " not in text \
                and "also called" not in text:
            continue
        ends = {f.end: f for f in group}
        for m in _ALSO_KNOWN_AS.finditer(text):
            first = ends.get(len(text[: m.start()].rstrip()))
            if first is None or first.label not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            for g in group:
                if m.start(1) <= g.start and g.end <= m.end(1):
                    uf.union(first.index, g.index)
            # the other name, or its nickname in quotation marks, as other articles write it alone
            other = m.group(1)
            names = {re.sub(r"[\"“”]", "", other).strip(" .,"), *re.findall(r"[\"“]([A-Z][\w'’.-]+)[\"”]", other)}
            for g in forms:
                if g.core in names and g.label in ("PERSON", "ORG"):
                    uf.union(first.index, g.index)


_NICKNAME = re.compile(r"\b([A-Z][\w'’.-]+)\s+[\"“]([A-Z][\w'’.-]+)[\"”]\s+([A-Z][\w'’-]+)")


def merge_nicknames(forms: Sequence[Form], uf: UnionFind, texts: Sequence[str]) -> None:
    """ 'President Joko "Jokowi" Widodo': the name in quotation marks between a first name and a
    surname is that person's nickname."""
    by_key: dict[str, Form] = {}
    for f in forms:
        by_key.setdefault(f.key, f)
    found = [(m, None) for text in dict.fromkeys(texts) if '"' in text or "“" in text for m in _NICKNAME.finditer(text)]
    found += [(m, f) for f in forms if '"' in f.core or "“" in f.core for m in _NICKNAME.finditer(f.core)]
    for m, whole in found:  # (a form may be the whole name, nickname and all: 'Joko "Jokowi" Widodo')
        named = [by_key.get(name_key(f"{m.group(1)} {m.group(3)}")), by_key.get(name_key(m.group(2))), whole]
        named = [f for f in named if f is not None]
        for f in named[1:]:
            uf.union(named[0].index, f.index)


GLOSSED_WORDS = 3  # a body's name this long, its short name in brackets right after it: the writer's gloss


def _glossed(long: Form, short: Form, text: str) -> bool:
    """ "the Disaster and Emergency Management Authority (AFAD)": a body's name in English, its
    short name in its own language in brackets, closed right after: the writer says they are one,
    whatever the letters (not a bracket opening a longer aside, nor a person's name)."""
    letters = re.sub(r"[^A-Za-z]", "", short.core)
    return long.label == "ORG" and len(long.core.split()) >= GLOSSED_WORDS and len(letters) >= 3 \
        and text[short.end:short.end + 1] == ")"


def _same_letters(long: str, abbr: str) -> bool:
    """ "International Cycling Union (UCI)": the initials of the name in the original language's
    order (Union Cycliste Internationale), the same letters in another order."""
    letters = re.sub(r"[^a-z]", "", abbr.lower())
    return len(letters) >= 3 and sorted(letters) == sorted(initials(long))


def abbreviates_tail(long: str, abbr: str) -> bool:
    """ "the Ontario Ministry of Labour (MOL)": the letters may skip a qualifier."""
    words = long.split()
    return any(abbreviation_of(" ".join(words[i:]), abbr) for i in range(len(words)))


def cluster(forms: Sequence[Form], places: Sequence[str], texts: Sequence[str]) -> list[list[Form]]:
    """Groups of forms naming one actor, in order of first mention."""
    uf = UnionFind(len(forms))
    merge_same_key(forms, uf)
    merge_spellings(forms, uf)
    merge_government_forms(forms, uf)
    merge_qualified(forms, uf, places)
    merge_collectives(forms, uf)
    merge_abbreviations(forms, uf, texts)
    merge_clippings(forms, uf)
    merge_descriptive_names(forms, uf)
    merge_member_forms(forms, uf)
    merge_corporate_forms(forms, uf)  # first: "X Chase" and "X Chase Bank" are one before "X" is matched
    merge_short_org_names(forms, uf)
    merge_national_prefix(forms, uf)
    merge_landforms(forms, uf)
    merge_cut_names(forms, uf, texts)
    merge_nicknames(forms, uf, texts)
    merge_also_known_as(forms, uf, texts)
    merge_people(forms, uf, texts)
    merge_nationality_surnames(forms, uf)
    merge_first_names(forms, uf)
    groups: dict[int, list[Form]] = defaultdict(list)
    for f in forms:
        groups[uf.find(f.index)].append(f)
    return [groups[k] for k in sorted(groups)]
