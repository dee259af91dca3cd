"""Key actors: who is in the story, under which names, and in what role.

extract_mentions: per article, from the spaCy parse (called by generator.nlp.analyse); the spans
come from generator.nlp.actors.spans, the descriptions from generator.nlp.actors.roles.
build_actors: per story, merges mentions across sources (generator.sections.actors.aliases) into
ranked Actor records with a kind (generator.text.actor_kinds) and a role in the sources' words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Sequence

from generator.clean.names import split_names
from generator.sections.actors.aliases import abbreviates_tail, cluster, government_base, qualifier
from generator.nlp.actors.spans import NAME_PARTICLES
from generator.sections.actors.forms import POSSESSIVE_END, Form, core_name, fold, is_abbreviation, is_country_name, name_key, tidy
from generator.sections.actors.people import GENERATION_SUFFIXES, REGNAL_NUMBER, first_name_of, glued_word, people_taken_for_places
from generator.text.actor_kinds import (
    ADMIN_NOUNS, GROUP_WORDS, HONORIFICS, INSTITUTION_NOUNS, MONTHS_DAYS, PLACE_LIST_NOUNS, TITLE_NOUNS, place_kind,
    strip_article,
)
from generator.models import Actor, AnalysedArticle
from generator.sections.actors.roles import caption_titles, choose_action, choose_role, head_word, refine_role
from generator.sections.actors.standing import COUNTRY_NOUNS, STORM_WORDS, Evidence, corrected_kind, fits, standing, without_own_name

# A place or group named once, in one source, with no description is a passing mention
# ("countries like Chile", "in Valdora"); people, organisations and countries always count.
MIN_SOURCES, MIN_MENTIONS = 2, 2
ALWAYS_KINDS = frozenset({"person", "organization", "country"})
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "LOC": "region", "NORP": "group", "GPE": "country"}
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def _author_words(items: Sequence[AnalysedArticle]) -> list[set[str]]:
    # a byline may list several writers: "Jane Roe, John Doe and Ann Lee"
    names = sorted({n for it in items if it.article.author for n in split_names(it.article.author)})
    return [set(fold(n).split()) for n in names if fold(n).split()]


def _is_author(core: str, authors: list[set[str]]) -> bool:
    """The byline's own writer ("Jana", "Jana Avatar", "Novak") is not an actor of the story."""
    words = set(fold(core).split())
    return any(words <= a or a <= words for a in authors)


def _forms(items: Sequence[AnalysedArticle]) -> list[Form]:
    authors = _author_words(items)
    forms: list[Form] = []
    for art, it in enumerate(items):
        for m in it.analysis.actor_mentions:
            core = core_name(m.text, m.label)
            if not core or (authors and _is_author(core, authors)):
                continue
            forms.append(Form(len(forms), it.source_id, art, tidy(m.text), core, m.label, m.start, m.end))
    forms = people_taken_for_places(forms)
    return forms + _untagged_places(forms, items)


MIN_PLACE_NAME = 4  # shorter names ("Ur", "Ayr") match too many other words to be looked up


def _untagged_places(forms: Sequence[Form], items: Sequence[AnalysedArticle]) -> list[Form]:
    """A place the story's sources name is named wherever its name is written: the tagger that
    found "Valdora" in "in Valdora province" may miss it in "lives near Valdora"."""
    names = sorted({f.core for f in forms if f.label in {"GPE", "LOC"} and len(f.core) >= MIN_PLACE_NAME
                    and f.core[:1].isupper() and fold(f.core) not in MONTHS_DAYS})
    if not names:
        return []
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])")
    taken = {(f.article, i) for f in forms for i in range(f.start, f.end)}
    found: list[Form] = []
    for art, it in enumerate(items):
        for m in pattern.finditer(it.article.text):
            if any((art, i) in taken for i in range(m.start(), m.end())):
                continue
            found.append(Form(len(forms) + len(found), it.source_id, art, m.group(1), m.group(1), "GPE",
                              m.start(), m.end()))
    return found


def _demonyms(items: Sequence[AnalysedArticle]) -> list[str]:
    return sorted({e.text for it in items for e in it.analysis.entities if e.label == "NORP"})


def _places(forms: Sequence[Form]) -> list[str]:
    return sorted({f.core for f in forms if f.label == "GPE" or is_country_name(f.core)})


def _display(forms: Sequence[Form], attr: str) -> dict[str, str]:
    """The preferred spelling of each folded form: the most frequent, then most capitalised."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for f in forms:
        text = getattr(f, attr)
        spellings[fold(text)][text] += 1
    # "Müller" over "Muller": a spelling that kept its accents is the source's own
    return {k: min(c, key=lambda t: (-c[t], -sum(not ch.isascii() for ch in t), -sum(ch.isupper() for ch in t), t))
            for k, c in spellings.items()}


def _canonical(group: Sequence[Form], places: Sequence[str]) -> str:
    """The fullest common form: not an initialism, a bare title of a qualified institution or a
    government form when a plainer name exists; then most sources, most words, most mentions."""
    shown = _display(group, "core")
    keys = set(shown)
    people = any(f.label == "PERSON" for f in group)

    placed = {o: _placed(shown[o], places) for o in keys}  # (asked for every pair of names: worked out once)

    def weak(k: str) -> bool:
        base = government_base(k)
        # an abbreviation gives way to the name it abbreviates, not to a descriptive name
        return (is_abbreviation(shown[k]) and any(abbreviates_tail(shown[o], shown[k]) for o in keys
                                                  if o != k and k not in o.split())
                or (base is not None and base in keys)
                or k.split()[-1] in INSTITUTION_NOUNS  # "Foreign Ministry" needs its country
                and any(placed[o] == k for o in keys if o != k)
                or any(o.startswith(k) and o[len(k):len(k) + 1].isalpha()  # cut off mid-word ("Finlan")
                       and not (len(o) - len(k) >= 3 and glued_word(o[len(k):]))  # "Vogtsaid": a lost space
                       for o in keys)
                or any(k.startswith(o) and len(k) - len(o) >= 3 and k[len(o)].isalpha()  # "Vogtsaid" itself
                       and glued_word(k[len(o):]) for o in keys if o != k)
                or not people and len(k.split()) == 1 and any(o.split()[-1] == k for o in keys if o != k))

    strong = [k for k in keys if not weak(k)] or list(keys)
    sources = {k: {f.sid for f in group if fold(f.core) == k} for k in strong}
    count = Counter(fold(f.core) for f in group)

    def rank(k: str) -> tuple:
        initials = people and bool(re.match(r"[A-Za-z]\.", shown[k]))  # "J. Lindqvist"; "John J. Ray" is whole
        possessive = bool(re.search(r"['’]s\b", shown[k]))  # "Norwegian Supreme Court" over "Norway's ..."
        quoted = bool(re.search(r"[\"“”]", shown[k]))  # 'Joko "Jokowi" Widodo': the nickname is an alias
        single = people and len(k.split()) == 1  # "Clara Vogt", not "Vogt"
        # a surname alone is the weakest: "D.L. Wilson" over "Wilson", "Jonas Lindqvist" over "J. Lindqvist"
        return (quoted, single, initials, -len(sources[k]), -len(k.split()), -count[k], possessive, -len(k), shown[k])

    return _without_nickname(shown[min(strong, key=rank)])


# Forms of address only a person is written with ("Lord" may head a body's name: "Lord's Taverners").
PERSON_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})


def addressed_as_person(group: Sequence[Form]) -> bool:
    """A form of the name opens with a form of address only a person is written with ("Mr Goss")."""
    return any(f.core.split()[0].lower() in PERSON_HONORIFICS for f in group if " " in f.core.strip())


# A company's legal form at the end of its name: no person's name ends so.
LEGAL_FORMS = frozenset({"inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "co.", "corporation", "ag", "nv"})


def incorporated(group: Sequence[Form]) -> bool:
    """A form of the name ends in a company's legal form ("Berkshire Hathaway Inc")."""
    return any(len(f.core.split()) >= 2 and f.core.split()[-1].lower() in LEGAL_FORMS for f in group)


def _without_nickname(name: str) -> str:
    """ 'Joko "Jokowi" Widodo' -> "Joko Widodo": the nickname is an alias, the name is the person's."""
    return re.sub(r"\s+[\"“][^\"“”]+[\"”](?=\s)", "", name) if '"' in name or "“" in name else name


def _placed(core: str, places: Sequence[str]) -> str | None:
    """The rest of a name qualified by a place the story names or a country ("Norway's Supreme
    Court" -> "supreme court"); a common noun is no place: "the Kingdom's Interior Ministry" is the
    Interior Ministry."""
    q = qualifier(core, places)
    if q is None:
        return None
    owner, rest = q
    if owner in COUNTRY_NOUNS:  # the tagger may take "Kingdom" for a place
        return None
    return rest if is_country_name(owner) or any(owner == name_key(p) for p in places) else None


# "South Manchester", "Greater Lyra": a part of a place the model took for a person's full name;
# its last word is no surname
_PART_OF_A_PLACE = re.compile(r"^(?:North|South|East|West|Central|Greater|Upper|Lower|Inner|Outer)(?:ern)?\s")


_PAIR = re.compile(r"\s(?:and|&)\s")


def _label(group: Sequence[Form]) -> str:
    """The group's spaCy label by majority; but a surname the model took for a place or a body
    ("Milei" tagged GPE) is the person's when the story names the person in full with it."""
    full = {f.core.split()[-1] for f in group if f.label == "PERSON" and len(f.core.split()) >= 2
            and not _PART_OF_A_PLACE.match(f.core)}
    # (a pair the model took for one body, "Velt and Roe", says nothing of either's label)
    if full and all(f.label == "PERSON" or f.core in full or _PAIR.search(f.core) for f in group):
        return "PERSON"
    votes = Counter(f.label for f in group)
    return min(votes, key=lambda lab: (-votes[lab], LABEL_PRIORITY.index(lab)))


def _city_evidence(group: Sequence[Form], texts: Sequence[str]) -> bool:
    """ "in Lyon, France": a place followed by ", <country>" is a city."""
    for f in group:
        m = re.match(r",\s+(?:the\s+)?([A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*)", texts[f.article][f.end: f.end + 60])
        if m and is_country_name(m.group(1)) and not is_country_name(f.core):
            return True
    return False


# "the village of Valdora", "in Valdora": words before a name that make it a place (and which kind)
# "north of Lyra", "off the coast of Vald", "30 miles outside of Lyra", "the island of Vald"
PLACE_BEFORE = re.compile(r"\b(?:(city|town|village|capital|port|province|region|district|county|state|prefecture) of|"
                          r"(in|near|outside|around|across|off)|island of|coast of|outside of|"
                          r"(?:miles|kilometres|kilometers|km) (?:from|of)|"
                          r"(?:north|south|east|west)(?:-?(?:north|south|east|west)){0,2} of)\s+(?:the\s+)?$",
                          re.I)
# "the coastal towns of Lyra, Oran and Tiz", "cities of the north, including Lyra": a list of places
PLACE_LIST_BEFORE = re.compile(r"\b(" + "|".join(sorted(PLACE_LIST_NOUNS)) + r")\b[^.;:!?]{0,40}?"
                               r"\b(?:of|like|such as|including)\s+(?:the\s+)?$", re.I)
# the names before this one in such a list: "Lyra, Oran and "
LIST_ITEMS_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?(?:, | and |, and | or |, or ))+$")
# "452 died in Oran province": an administrative noun after the name
ADMIN_AFTER = re.compile(r"^\s+(" + "|".join(sorted(ADMIN_NOUNS)) + r")\b")
# "in Lyra, Oran": the name after a comma that follows a town is the larger area around it,
AFTER_A_PLACE = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}),\s+$")
# unless a list goes on after it ("Lyra, Oran and Tiz", "Lyra, Oran, Tiz")
LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or)\b|,\s+[A-Z]")
CITY_NOUNS = frozenset({"city", "town", "village", "port"})
# "from Barcelona to " / "from Barcelona, Spain, to " before a name, " to Düsseldorf" after "from X"
FROM_PLACE = re.compile(r"\bfrom\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s+[A-Z][\w'’.-]*,?)?\s+to\s+$")
TO_PLACE = re.compile(r"^(?:,\s+[A-Z][\w'’.-]*,?)?\s+to\s+[A-Z]")
REGION_NOUNS = frozenset({"province", "region", "district", "county", "state", "prefecture"}) | ADMIN_NOUNS


# What the three patterns above end with, tested first: each is searched from every position
# of the text before every mention of a place, and most such texts end otherwise.
_PLACE_BEFORE_END = re.compile(r"(?:of|in|near|outside|around|across|off|from|the)$", re.I)
_PLACE_LIST_END = re.compile(r"(?:of|like|as|including|the)$", re.I)
_LIST_ITEM_ENDS = (", ", " and ", " or ")


def _ends_in_word(text: str, word: re.Pattern[str]) -> bool:
    """The text ends with whitespace after `word`: a condition of PLACE_BEFORE and
    PLACE_LIST_BEFORE matching (cheap: twelve characters are read, not the whole text)."""
    stripped = text.rstrip()  # str.isspace is what the patterns' \s matches
    return len(stripped) < len(text) and word.search(stripped[-12:]) is not None


def _place_noun(before: str) -> tuple[bool, str]:
    """(stands where a place stands, the kind noun before it or "") from the text before a name."""
    m = PLACE_BEFORE.search(before) if _ends_in_word(before, _PLACE_BEFORE_END) else None
    if m:
        return True, (m.group(1) or "").lower()
    items = LIST_ITEMS_BEFORE.search(before) if before.endswith(_LIST_ITEM_ENDS) else None
    rest = before[: items.start()] if items else before
    m = PLACE_LIST_BEFORE.search(rest) if _ends_in_word(rest, _PLACE_LIST_END) else None
    if m:
        return True, PLACE_LIST_NOUNS[m.group(1).lower()]
    return False, ""


# "Vald's capital", "the state's capital city": only a land has a capital
SEAT_AFTER = re.compile(r"^['’]s\s+(?:state\s+|provincial\s+|regional\s+)?capital\b")


def _place_votes(group: Sequence[Form], texts: Sequence[str], places: set[str]) -> tuple[int, int, int]:
    """(mentions standing where a place stands, mentions naming a region, mentions naming a city)."""
    votes = region = city = 0
    for f in group:
        text = texts[f.article]
        before, after = text[max(0, f.start - 160): f.start], text[f.end: f.end + 40]
        placed, noun = _place_noun(before)
        if placed and not after.startswith(("'s", "’s")):
            votes += 1
            region += noun in REGION_NOUNS
            city += noun in CITY_NOUNS
        if ADMIN_AFTER.match(after):
            votes, region = votes + 1, region + 1
        elif SEAT_AFTER.match(after):
            votes, region = votes + 1, region + 1  # "Velora's capital Lyra": a land with a seat of government
        elif not placed and (FROM_PLACE.search(before[-80:])
                             or before.rstrip().endswith(" from") and TO_PLACE.match(after)):
            votes += 1  # "from Barcelona to Düsseldorf": the two ends of a journey
        outer = AFTER_A_PLACE.search(before)
        region += bool(outer and fold(outer.group(1)) in places and not is_country_name(outer.group(1))
                       and not LIST_GOES_ON.match(after))
    return votes, region, city


# "in Lyra, Vald." / "Lyra, Valdonia": a town, a comma, then the larger area, often shortened
PLACE_COMMA_AREA = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}),\s+([A-Z][a-z]{3,})\.?(?![a-z])")


def _shortened_after_a_place(name: str, texts: Sequence[str], places: set[str]) -> bool:
    """The story writes the name (or its first letters, "Vald." for "Valdonia") after a town and a comma."""
    low = fold(name)
    return " " not in low and any(
        town in places and town != low and low.startswith(area)
        for town, area in _towns_and_areas(tuple(texts)))


@lru_cache(maxsize=8)
def _towns_and_areas(texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(town, area), folded, of each "Town, Area" of the texts that no list goes on after.

    Memoised: the story's texts are scanned once, not once per place name."""
    return tuple((fold(m.group(1)), fold(m.group(2))) for text in texts for m in PLACE_COMMA_AREA.finditer(text)
                 if not LIST_GOES_ON.match(text, m.end()))


def _kind(name: str, label: str, group, roles: Sequence[str], demonyms, texts, places: set[str]) -> str:
    votes, region, city = _place_votes(group, texts, places)
    heads = {head_word(r) for r in roles}
    # spaCy's small model often takes a little-known town for a name; the story writing "the
    # city of X" twice says what it is, however often X stands alone ("X residents")
    if label in {"ORG", "PERSON"} and not is_country_name(name) and (
            2 * votes >= len(group) or city >= 2 or heads & {"city", "town", "village", "capital"}):
        label = "GPE"
    if label in {"GPE", "LOC"} and not is_country_name(name):
        region += len(heads & REGION_NOUNS) + _shortened_after_a_place(name, texts, places)
        city += len(heads & CITY_NOUNS) + _city_evidence(group, texts)
        if region > city:
            return "region"
    if label == "GPE":
        return place_kind(name, demonyms, city > 0)
    if label == "ORG" and any(set(re.findall(r"[a-z]+", r.lower())) & GROUP_WORDS for r in roles):
        return "group"
    return KIND_OF_LABEL.get(label, "other")


# "the 737 VX 8", "an A320 Neo", "VX 9's": a name written against a model number (not a
# year, "In 2019 Velmont ...", nor a measure, "the 24-seat Senate")
_NUMBER_BEFORE = re.compile(r"(?<![\w,.-])(?!(?:1[89]|20)\d\d\s)[A-Z]{0,3}\d+[A-Za-z]{0,3}\s$")
_NUMBER_AFTER = re.compile(r"^[ -]?\d")
_MODEL_AFTER = re.compile(r"^[ -](?:[A-Z]?\d{3,}|[A-Z]\d{2,})\b")  # "Velair 777", "Airbus A320"


def _model_name(group: Sequence[Form], texts: Sequence[str]) -> bool:
    """Most mentions stand against a number, one at least after one: a product's model ("737
    VX"), not an actor; a team's score follows its name only ("Velmont 2, Harlow 1")."""
    before = sum(bool(_NUMBER_BEFORE.search(texts[f.article][max(0, f.start - 12): f.start])) for f in group)
    after = sum(bool(_NUMBER_AFTER.match(texts[f.article][f.end: f.end + 3])) for f in group)
    return before > 0 and 2 * max(before, after) > len(group)


def _not_a_person(group: Sequence[Form], texts: Sequence[str]) -> bool:
    """ "the Moon", "the Sun": a name the articles write after "the" is no person's name."""
    people = [f for f in group if f.label == "PERSON"]
    after_the = sum(texts[f.article][max(0, f.start - 4): f.start].lower() == "the " for f in people)
    return bool(people) and 2 * after_the >= len(people)


def _storm_name(group: Sequence[Form], texts: Sequence[str]) -> bool:
    """A storm's given name written alone ("Nicole pelted the rocket") in a story that writes
    "Hurricane Nicole": the storm, however the tagger labelled the name."""
    names = {f.core for f in group}
    return len(names) == 1 and " " not in next(iter(names)) and any(
        re.search(rf"\b(?:{_STORMS})\s+{re.escape(name)}\b", text) for name in names for text in texts if name in text)


# The words naming a storm before its given name ("Hurricane Nicole", "Tropical Storm Vera").
_STORMS = "(?:" + "|".join(sorted(w.capitalize() for w in STORM_WORDS)) + r")(?:\s+(?:Storm|Depression))?"


@dataclass(frozen=True)
class _Story:
    """What each actor of a story is read against, worked out once per story."""

    items: Sequence[AnalysedArticle]
    texts: list[str]
    places: list[str]
    place_keys: set[str]  # the places, folded
    demonyms: list[str]
    # (article, start, end) -> (article, mention index): "Norway" and "Norway's Foreign Ministry"
    # start together, and each has its own descriptions
    mentions_at: dict[tuple[int, int, int], list[tuple[int, int]]]
    outlets: frozenset[str]  # the sources' publishers, folded
    sentence_starts: tuple[frozenset[int], ...]  # per article, where its sentences and lines begin
    history: tuple[frozenset[int], ...] = ()  # per article, the sentences telling its distant past (_history)

    @classmethod
    def of(cls, items: Sequence[AnalysedArticle], places: list[str], demonyms: list[str]) -> "_Story":
        mentions_at: dict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
        for art, it in enumerate(items):
            for k, m in enumerate(it.analysis.actor_mentions):
                mentions_at[(art, m.start, m.end)].append((art, k))
        outlets = frozenset(fold(it.article.outlet) for it in items if it.article.outlet)
        texts = [it.article.text for it in items]
        starts = tuple(frozenset(s.start for s in it.analysis.sentences)
                       | {m.end() for m in re.finditer(r"(?:^|\n)\W*", text)} for it, text in zip(items, texts))
        return cls(items, texts, places, {fold(p) for p in places}, demonyms, dict(mentions_at), outlets, starts,
                   tuple(_history(it) for it in items))


def _common_word(group: Sequence[Form], name: str, story: _Story) -> bool:
    """ "Videos posted online showed ...", "Success!": a capitalised word only where a sentence
    or a line begins, which the story also writes in lower case, is that word, not a name."""
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    starts = story.sentence_starts
    if not all(f.start in starts[f.article] or f.start - 1 in starts[f.article] for f in group):
        return False
    low = re.compile(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])")
    return any(low.search(text) for text in story.texts)


def _descriptions(group: Sequence[Form], story: _Story):
    """(source, phrase, rank) role candidates, (source, phrase, sentence) actions and the
    functions of a group's mentions, in the articles' order."""
    own = {(f.article, f.start, f.end) for f in group}
    roles, actions, functions = [], [], []
    for art, k in sorted(at for pos in own for at in story.mentions_at.get(pos, ())):
        it = story.items[art]
        m = it.analysis.actor_mentions[k]
        roles.extend((it.source_id, p, rank) for rank, p in enumerate(m.role_phrases))
        if not _MODEL_AFTER.match(story.texts[art][m.end: m.end + 8]) \
                and m.sentence not in story.history[art]:  # "The Velair 777 slammed into": the jet's act
            actions.extend((it.source_id, p, m.sentence) for p in m.actions)
        functions.append(m.functions)
    return roles, actions, functions


HISTORY_DAYS = 60  # a sentence's own date this long before its article's: what a body did then is history


def _history(item: AnalysedArticle) -> frozenset[int]:
    """The sentences that tell what happened long before their article ("The Fed put rates near
    zero in December 2008"): a body's act there is its past, not its part in this story."""
    published = item.article.published_date
    if not published:
        return frozenset()
    before = (date.fromisoformat(published[:10]) - timedelta(days=HISTORY_DAYS)).isoformat()
    own: dict[int, list[str]] = defaultdict(list)
    for m in item.analysis.date_mentions:
        if m.main_clause and m.date:
            own[m.sentence].append(m.date)
    return frozenset(k for k, dates in own.items() if all(d < before[:len(d)] for d in dates))


def _captioned(group: Sequence[Form], name: str, items: Sequence[AnalysedArticle]) -> list[tuple[str, str]]:
    """(source, title) from the photo captions of the person's own articles, found by full name."""
    names = sorted({name, *(f.core for f in group if len(f.core.split()) >= 2)})
    sids = {f.sid for f in group}
    return [(it.source_id, title) for it in items if it.source_id in sids
            for line in it.article.removed if line.reason == "photo caption"
            for title in caption_titles(line.line, names)]


def _aliases(group: Sequence[Form], name: str, label: str, texts: Sequence[str]) -> tuple[str, ...]:
    """Every other spelling seen (with and without titles, "Oran province" as written), plus a
    person's surname alone."""
    # a name cut where a scraped page ends ("Santia") joined its full form; never shown as a spelling
    cut = {f.key for f in group if f.end >= len(texts[f.article].rstrip())
           and any(g.key != f.key and g.key.startswith(f.key) for g in group)}
    shown = [f for f in group if f.key not in cut] or list(group)
    aliases = set(_display(shown, "text").values()) | set(_display(shown, "core").values())
    for f in group:
        noun = ADMIN_AFTER.match(texts[f.article][f.end: f.end + 40])
        if noun:
            aliases.add(f"{f.core} {noun.group(1)}")
    if label == "PERSON" and len(name.split()) >= 2 and not REGNAL_NUMBER.fullmatch(fold(name.split()[-1])):
        words = name.split()  # (a king, "Edward VII", goes by no "VII")
        while len(words) > 1 and fold(words[-1]).rstrip(".") in GENERATION_SUFFIXES:
            words.pop()  # "John Ray III" goes by "Ray"
        # "Angel Di Maria" goes by "Di Maria", never "Maria"; "Ursula von der Leyen" by "von der Leyen"
        k = len(words) - 1
        while k > 1 and fold(words[k - 1]) in NAME_PARTICLES:
            k -= 1
        aliases.add(" ".join(words[k:]))
    known = {fold(a) for a in aliases} | {fold(name)}
    # "Marc Cucurella‘s": a possessive the tokenizer left on (an opening mark typed for the apostrophe)
    aliases = {a for a in aliases if not (POSSESSIVE_END.search(a) and fold(POSSESSIVE_END.sub("", a)) in known)}
    # "Earlier Ms Roe": a sentence's opening word the tagger took into the name, no title of hers
    aliases = {a for a in aliases if not (len(a.split()) >= 3 and fold(a.split(" ", 1)[1]) in known
                                          and fold(a.split()[1]).rstrip(".") in HONORIFICS | TITLE_NOUNS
                                          and fold(a.split()[0]).rstrip(".") not in HONORIFICS | TITLE_NOUNS)}
    # "Ursula von": a name cut after its particle, no spelling of it
    aliases = {a for a in aliases if not (len(a.split()) > 1 and a.split()[-1] in NAME_PARTICLES)}
    return tuple(sorted({a for a in aliases if fold(a) != fold(name)}, key=lambda a: (fold(a), a)))



def _fitting(roles, kind: str, names: Sequence[str]) -> list[tuple[str, str, int]]:
    """The role candidates that can describe this kind of actor, without its own name in them."""
    out = []
    for sid, phrase, rank in roles:
        trimmed = without_own_name(phrase, names, kind)
        if trimmed and fits(trimmed, kind):
            out.append((sid, trimmed, rank))
    return out


def _actor(group: Sequence[Form], story: _Story) -> tuple[Actor, bool]:
    """The actor of one group of mentions, and whether the sources describe it (appositive, title)."""
    roles, actions, functions = _descriptions(group, story)
    name = _canonical(group, story.places)
    label = _label(group)
    phrases = [p for _, p, _ in roles]
    evidence = Evidence.of(functions)
    kind = _kind(name, label, group, phrases, story.demonyms, story.texts, story.place_keys)
    kind = corrected_kind(kind, name, phrases, evidence)
    if kind == "organization" and addressed_as_person(group):
        kind = "person"  # "Mr Goss" among its forms: a person, whatever the tagger called "Fintan Goss"
    elif kind == "person" and incorporated(group):
        kind = "organization"  # "Berkshire Hathaway Inc" among its forms: a company
    fitting = _fitting(roles, kind, [name, *(f.core for f in group)])
    role, role_sources = choose_role(fitting)
    described = role is not None
    if kind == "person":
        role, role_sources = refine_role(role, role_sources, _captioned(group, name, story.items))
    elif role is None:  # what a body did, in the sources' words ("raised interest rates")
        role, role_sources = choose_action(actions)
    sources = tuple(sorted({f.sid for f in group}))
    return Actor(
        name=name,
        kind=kind,
        aliases=_aliases(group, name, "PERSON" if kind == "person" else label, story.texts),
        role=role,
        mentions=len(group),
        sources=sources,
        role_sources=role_sources,
        standing="passing" if _common_word(group, name, story)
        else "thing" if _model_name(group, story.texts)
        else standing(name, kind, phrases, bool(fitting), evidence, len(sources), story.outlets, bool(actions)),
    ), described


def _surname_clashes(actors: list[Actor]) -> list[Actor]:
    """A surname alias shared by two people names neither of them alone: drop it from both (so
    too where the story names another person by that surname alone: "President Velt" beside
    "First Lady Ann Velt")."""
    last = Counter(a.name.split()[-1] for a in actors if a.kind == "person")
    return [replace(a, aliases=tuple(x for x in a.aliases if not (a.kind == "person" and last[x] > 1)))
            for a in actors]


def build_actors(items: Sequence[AnalysedArticle]) -> list[Actor]:
    """Actors ranked by sources naming them, then mentions; aliases merged, passing names dropped.

    A passing place or group (one source, one mention, no description such as an appositive)
    is left out: "felt as far as Valdora" does not make Valdora an actor of the story.
    """
    items = sorted(items, key=lambda it: it.source_id)
    forms = _forms(items)
    places = _places(forms)
    story = _Story.of(items, places, _demonyms(items))
    kept: list[tuple[Actor, Sequence[Form]]] = []
    texts = story.texts
    for group in cluster(forms, places, texts):
        if _label(group) == "PERSON" and _not_a_person(group, texts) or _storm_name(group, texts):
            continue
        actor, described = _actor(group, story)
        if len(actor.sources) >= MIN_SOURCES or actor.mentions >= MIN_MENTIONS or described \
                or actor.kind in ALWAYS_KINDS:
            kept.append((actor, group))
    actors = _descriptions_of_others(_ambiguous_first_names(_surname_clashes(_outlet_staff(kept, texts))))
    actors = _same_office_same_surname(_second_names(actors))
    return sorted(actors, key=lambda a: (-len(a.sources), -a.mentions, a.name))


def _same_office_same_surname(actors: list[Actor]) -> list[Actor]:
    """Two people of one surname given the same office ("Interior Secretary Mar Velt" and
    "Interior Secretary Manuel Velt") are one person under a nickname: one row, the name the
    story uses most, every source and spelling."""
    people = [a for a in actors if a.kind == "person" and a.role and " " in a.name]
    keep = {id(a): a for a in actors}
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            if id(a) not in keep or id(b) not in keep or fold(a.name.split()[-1]) != fold(b.name.split()[-1]) \
                    or fold(a.role) != fold(b.role):
                continue
            main, other = (a, b) if (a.mentions, len(a.sources)) >= (b.mentions, len(b.sources)) else (b, a)
            now = keep[id(main)]  # (with any name merged into it before)
            keep[id(main)] = replace(now, mentions=now.mentions + other.mentions,
                                     sources=tuple(sorted(set(now.sources) | set(other.sources))),
                                     aliases=tuple(sorted(set(now.aliases) | set(other.aliases) | {other.name})),
                                     role_sources=tuple(sorted(set(now.role_sources) | set(other.role_sources))))
            del keep[id(other)]
    return [keep[id(a)] for a in actors if id(a) in keep]


def _second_names(actors: list[Actor]) -> list[Actor]:
    """A body one source names once, with nothing said of what it is, that shares its head word
    and another word with a body the story names more ("the Ministry of Emergency Services"
    beside the "Ministry for Emergency Situations"; "the Federal Air Transport Agency" beside
    Rosaviatsia, "the federal air transport agency") is that body under a second name, or a
    fragment of its name: it gets no row of its own."""
    def words(text: str | None) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", fold(text or "")) if w not in NAME_FILLERS}

    bodies = [(b, words(b.name) | words(b.role)) for b in actors
              if b.kind not in {"person", "country"} and b.standing in {"actor", "passing"}]
    out = []
    for a in actors:
        own = words(a.name)
        # the body's own noun: "ministry" of "the Ministry of Emergency Services", "agency" of "Federal Agency"
        head = (re.findall(r"[a-z]+", re.split(r"\s(?:of|for)\s", fold(a.name))[0]) or [""])[-1]
        thin = a.kind not in {"person", "country"} and a.standing == "actor" and len(a.sources) == 1 \
            and a.mentions == 1 and a.role is None and len(own) >= 2
        # (of two such names each written once, the first in order goes by the other's name)
        if thin and any(b is not a and ((len(b.sources), b.mentions) > (1, 1) or b.name < a.name)
                        and head in other and len(own & other) >= 2 for b, other in bodies):
            a = replace(a, standing="passing")
        out.append(a)
    return out


# Words of a body's name that say nothing of which body it is.
NAME_FILLERS = frozenset({"of", "for", "the", "and", "on", "in", "s"})


def _descriptions_of_others(actors: list[Actor]) -> list[Actor]:
    """ "the Examplian space agency HXA": the description, taken for a name of its own, is the
    role of the named body already; it is that body, not a second actor ("passing")."""
    roles = {fold(a.role) for a in actors if a.role and a.standing == "actor"}
    return [replace(a, standing="passing") if a.standing == "actor" and fold(a.name) in roles
            and any(w.islower() for w in a.name.split()) else a for a in actors]


# "NPR's Christopher Joyce": an outlet's possessive before a name (what precedes the name)
OWNER_BEFORE = re.compile(r"([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})['’]s\s+$")


def _outlet_staff(kept: Sequence[tuple[Actor, Sequence[Form]]], texts: Sequence[str]) -> list[Actor]:
    """ "NPR's Christopher Joyce says": a person the story names only as an outlet's own, with no
    description, is that outlet's reporter, not an actor of the story."""
    outlets = {fold(n) for a, _ in kept if a.standing == "outlet" for n in (a.name, *a.aliases)}
    out = []
    for actor, group in kept:
        if actor.kind == "person" and actor.standing == "actor" and actor.role is None:
            owners = [OWNER_BEFORE.search(texts[f.article][max(0, f.start - 40): f.start]) for f in group]
            if outlets and all(m and fold(strip_article(m.group(1))) in outlets for m in owners) \
                    or any(_reporting(texts[f.article], f) for f in group):
                actor = replace(actor, standing="outlet")
        out.append(actor)
    return out


# "Velora TV's Tarek Roe, reporting from Lyra", "Fairfax Radio reporter Jane Roe", "Pic: Tom Roe"
_REPORTING_AFTER = re.compile(r"^,?\s+(?:reporting|who (?:is )?report(?:s|ed|ing)) (?:from|for|on)\b"
                              r"|^\s+(?:from|of)\s+(?:[A-Z][\w.&'’-]*\s+){1,4}report(?:ed|s)\b|^\s+has written\b"
                              # "Jane Roe writes in the Harbour Times:": a writer, quoted for the story
                              r"|^\s+(?:writes|wrote) (?:in|for) (?:the )?[A-Z]")
_STAFF_BEFORE = re.compile(r"\b(?:reporter|correspondent|journalist|columnist|photographer|writer|editor|anchor)\s+$"
                           r"|\b(?:pic|picture|photo|image|credit)s?\s*:\s*$", re.I)


# "... both at the council and the government, Harbour Radio's Jane Roe reports.": an outlet's
# own person telling the news ("the agency's Jane Roe in Geneva said" may be its official: not this)
_OWN_REPORT_AFTER = re.compile(r"^\s+reports\s*[.,]")


def _reporting(text: str, f: Form) -> bool:
    """The mention is the outlet's own reporter or photographer at work, by the words around it."""
    after = text[f.end: f.end + 60]
    return bool(_REPORTING_AFTER.match(after) or _STAFF_BEFORE.search(text[max(0, f.start - 30): f.start])
                or OWNER_BEFORE.search(text[max(0, f.start - 30): f.start]) and _OWN_REPORT_AFTER.match(after))


def _ambiguous_first_names(actors: list[Actor]) -> list[Actor]:
    """ "Steve" where the story names Steve Jobs and Steve Wozniak and no article tells which
    (aliases.merge_first_names), "Velt" where it names two Velts: a row of its own would show
    one person twice."""
    firsts = {first_name_of(a.name) for a in actors if a.kind == "person"} - {None}
    # "Velt" where the story names Jack Velt and Hunter Velt (aliases.merge_people leaves it apart)
    last = Counter(fold(a.name.split()[-1]) for a in actors if a.kind == "person" and " " in a.name)
    return [replace(a, standing="ambiguous") if a.kind == "person" and " " not in a.name
            and (fold(a.name) in firsts or last[fold(a.name)] >= 2) else a for a in actors]


def key_actors(actors: Sequence[Actor]) -> list[Actor]:
    """The actors that get a row on the page, in rank order: no place, outlet, thing, name
    named only in passing, or first name several people share."""
    return [a for a in actors if a.standing == "actor"]
