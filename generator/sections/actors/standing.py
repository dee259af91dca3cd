"""Which names of a story are its actors, what kind each is, and which descriptions fit it.

The evidence is the articles' own, never a list of names: what each mention does in its
sentence (generator.nlp.actors.functions: acts, speaks, is told, heads a report, qualifies a
noun) and how the sources describe the name (the head noun of its descriptions). People and
organisations that act or speak get a row; a country only when it acts as a body; places,
news outlets, things (vessels, products, events) and hashtags never do; a name only named in
passing neither.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from generator.sections.actors.roles import content_words, head_word
from generator.text.actor_kinds import (
    ADDRESS_WORDS, ADMIN_NOUNS, LANDFORM_NOUNS, PERSON_NAME_PARTICLES, COMPANY_NAME_ENDS, EVENT_NAME_WORDS, FACILITY_NOUNS, HOLIDAYS, GENERIC_ORG_HEADS, INSTITUTION_NOUNS, MEDIA_DESCRIPTIONS, MEDIA_NAME_WORDS, MEDIA_NOUNS, ORG_NOUNS,
    HONORIFICS, MODEL, NAMED_FOR_NOUNS, OUTCOME_NOUNS, PERSON_NOUNS, ROLE_NOUNS, THING_NOUNS, TIME_ZONES, TITLE_NOUNS, UNITS, country_of, fold,
    is_people_of_a_country, person_noun,
)

PLACE_KINDS = frozenset({"city", "region"})
# Words a landform's name opens with ("River Avon", "Mount Velt", "Lake Lyra").
LANDFORM_FIRST = frozenset({"river", "mount", "lake", "mt", "mt.", "cape", "loch", "isle"})
# Nouns for people a people's name qualifies ("Velorian men and boys", "Harlow families").
PEOPLE_NOUNS = frozenset({"man", "woman", "boy", "girl", "people", "child", "family", "civilian", "refugee",
                          "villager", "resident", "worker", "fighter", "soldier", "victim", "muslim", "christian"})
# Military and police ranks as news copy abbreviates them before a name ("Rear Adm. Jane Roe").
RANKS = frozenset({"rear", "vice", "adm", "brig", "gen", "lt", "col", "maj", "capt", "cmdr", "cdr", "sgt", "cpl",
                   "pvt", "supt", "insp", "det", "cmdt", "lt-gen", "maj-gen", "brig-gen"})
# Titles of nobility, written alone for their bearer ("the Earl", of "the Earl of Lyra").
NOBLE_TITLES = frozenset({"earl", "duke", "duchess", "baron", "baroness", "count", "countess", "viscount",
                          "marquess", "marquis", "lord", "lady"})
# First words of a storm's or an operation's name ("Hurricane Ian", "Typhoon Hagibis").
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "superstorm", "tornado", "blizzard", "tropical",
                         "operation"})
# Heads of a country's description: what a country is in a story ("the first country to ...").
COUNTRY_NOUNS = frozenset({
    "country", "nation", "state", "power", "member", "kingdom", "republic", "ally", "neighbour",
    "neighbor", "democracy", "economy", "monarchy", "partner", "signatory", "host", "government",
})
BODY_NOUNS = ORG_NOUNS | INSTITUTION_NOUNS | GENERIC_ORG_HEADS
# Words of an institution's name: a body that measures or states, never an outlet ("according to
# the US Geological Survey", "according to the National Geophysical Institute").
INSTITUTION_WORDS = BODY_NOUNS | frozenset({
    "survey", "observatory", "administration", "bureau", "centre", "center", "laboratory", "program",
    "programme", "court", "government", "ministry", "police", "army", "force", "forces", "guard",
    "service", "services", "institute", "university", "organisation", "organization", "nations",
})
# Heads of a description that make a person the outlet's own staff, reporting the story.
JOURNALIST_NOUNS = frozenset({"reporter", "correspondent", "journalist", "anchor", "presenter", "editor",
                              "columnist", "host", "producer", "photographer", "cameraman", "writer", "co-anchor",
                              "co-host", "newsreader"})
# Share of a name's mentions naming a thing ("an Airbus", "the Airbus A320", "the X lander") that
# makes it a thing's name: a maker is named by its products more than by anything it does.
THING_SHARE = 0.4
# A body named with no sign of what it does or is gets a row only when named this often.
MIN_BARE_MENTIONS = 3


@dataclass(frozen=True)
class Evidence:
    """What a name's mentions do, counted over the story."""

    mentions: int
    acts: int = 0  # the subject of a verb, or the agent of a passive
    speaks: int = 0  # the subject of a reporting verb, or "according to" it
    reports: int = 0  # of those, "X reported", "according to X": what outlets do
    audience: int = 0  # "told X", "in an interview with X"
    dateline: int = 0  # "NEW YORK (X) —"
    personal: int = 0  # "X completed his hat-trick"
    impersonal: int = 0  # "X said it would appeal"
    hashtag: int = 0
    indefinite: int = 0  # "an Airbus crashed": a thing made
    modified: tuple[tuple[str, int], ...] = ()  # nouns the name qualifies ("the X lander"), counted
    quoted: int = 0  # inside a quotation: someone's words name it ("as Putin showed, ...")
    played: int = 0  # a role someone plays: "who played Chandler Bing", "the character Kathy"
    located: int = 0  # where something happened: "near X", "the town of X"
    media: int = 0  # called an outlet just before the name: "the regional daily X"

    @classmethod
    def of(cls, functions: Iterable[tuple[str, ...]]) -> "Evidence":
        counts: Counter[str] = Counter()
        nouns: Counter[str] = Counter()
        n = 0
        for fs in functions:
            n += 1
            for f in fs:
                if f.startswith("modifies:"):
                    nouns[f[len("modifies:"):]] += 1
                else:
                    counts[f] += 1
        return cls(n, counts["acts"], counts["speaks"], counts["reports"], counts["audience"],
                   counts["dateline"], counts["personal"], counts["impersonal"], counts["hashtag"],
                   counts["indefinite"], tuple(sorted(nouns.items())), counts["quoted"], counts["played"],
                   counts["located"], counts["media"])


def _heads(phrases: Iterable[str]) -> Counter[str]:
    return Counter(h for h in (head_word(p) for p in phrases) if h)


def _majority(heads: Counter[str], words: frozenset[str]) -> bool:
    total = sum(heads.values())
    return bool(total) and 2 * sum(c for h, c in heads.items() if h in words) > total


def corrected_kind(kind: str, name: str, phrases: Sequence[str], ev: Evidence) -> str:
    """A person spaCy took for an organisation ("Alain Vidalies", French Transport Minister) or
    the reverse ("Binance", a rival exchange), by the descriptions' heads and the pronouns."""
    heads = _heads(phrases)
    office = _majority(heads, frozenset(h for h in heads if h in TITLE_NOUNS or h in PERSON_NOUNS))
    body = _majority(heads, BODY_NOUNS | MEDIA_NOUNS)
    if kind == "organization" and len(name.split()) >= 2 and fold(name).split()[-1] not in BODY_NOUNS \
            and not body and not _body_shaped(name) and (ev.personal > ev.impersonal or office):
        return "person"
    if kind == "person" and not office and (body or ev.impersonal > ev.personal or _body_shaped(name)):
        return "organization"
    return kind


def _body_shaped(name: str) -> bool:
    """ "ISRO's Telemetry Tracking And Command Network", "Harbour Motors": a possessive inside the
    name, or a last word that names a body or a company, is no person's name."""
    words = fold(name).split()
    return len(words) >= 2 and (any(w.endswith("'s") for w in words[:-1])
                                or words[-1].strip(".") in INSTITUTION_NOUNS | GENERIC_ORG_HEADS | MEDIA_NOUNS | COMPANY_NAME_ENDS)


# Descriptions a sentence may set before an outlet's name, capitalised as its first word
# ("Broadcaster KVT reported"); not "network" or "press", which open bodies' names ("Network Harbour").
# Last words that make a person's name an outlet's ("Lyra Shimbun"): none is an English surname.
NEWSROOM_ENDS = frozenset({"shimbun", "news", "tv", "newspaper", "media", "broadcasting", "television", "gazette",
                           "tribune", "chronicle", "telegraph"})


def is_media_description(phrase: str) -> bool:
    """ "Japanese public broadcaster", "state media outlet", "news agency" (not "space agency")."""
    head = head_word(phrase)
    words = set(content_words(phrase))
    if head == "agency":
        return bool(words & {"news", "press", "wire"})
    return head in MEDIA_NOUNS or "media" in words and head in {"outlet", "group", "company", "organization"}


def _is_outlet(name: str, phrases: Sequence[str], ev: Evidence, outlets: frozenset[str]) -> bool:
    """A news outlet, by how the story names it: the publisher of one of its sources, a name
    with a newsroom word ("Sky News", "The Guardian"), a description ("broadcaster"), a dateline
    ("(AP) —"); or a name that does nothing but report and be told things ("told Reuters",
    "according to AFP", "writes X") and is no institution ("according to the Survey" is a body's
    measurement)."""
    words = fold(name).split()
    if fold(name) in outlets or set(words) & MEDIA_NAME_WORDS and (len(words) >= 2 or words[0] != "news") \
            or ev.dateline and not ev.acts:
        return True
    if len(words) >= 2 and words[0] in MEDIA_DESCRIPTIONS:
        return True  # "Broadcaster KVT said": the description opening a sentence, taken into the name
    # (not "the website of Velt", something of its own; not a body that acts in the story more
    # than it reports: a description the parse hung on the wrong name cannot outweigh that)
    own = [p for p in phrases if not set(fold(p).split()) & set(words)]
    if own and 2 * sum(is_media_description(p) for p in own) >= len(own) and ev.acts <= max(ev.reports, 2):
        return True  # "state news agency Xenra" (and a photo's credit): described as an outlet
    only_reports = ev.acts == 0 and ev.speaks == ev.reports and (ev.reports or ev.audience)
    return bool(only_reports) and not set(words) & INSTITUTION_WORDS


def _is_thing(name: str, kind: str, phrases: Sequence[str], ev: Evidence) -> bool:
    """A place, structure, vessel, product or event: described as one ("a cargo ship"), named as
    one ("Lusail Stadium"), or mostly qualifying such a noun ("the Vikram lander")."""
    heads = _heads(phrases)
    if kind not in {"person", "country"} and fold(name).split()[-1:] and fold(name).split()[-1] in FACILITY_NOUNS:
        return True
    # (a landform too: "an undersea volcano", "a small island")
    if kind != "country" and _majority(heads, (THING_NOUNS - COUNTRY_NOUNS if kind == "group" else THING_NOUNS)
                                       | LANDFORM_NOUNS):
        return True
    if kind == "person" and heads and any(h in THING_NOUNS and h not in {"model", MODEL} for h in heads) \
            and not any(person_noun(h) for h in heads):
        return True  # "a large drilling vessel", "a mobile drilling unit": no one is described as a vessel
    things = sum(c for noun, c in ev.modified if noun in THING_NOUNS or noun in NAMED_FOR_NOUNS or noun == MODEL) \
        + ev.indefinite
    if ev.acts == 0 and ev.speaks == 0 and ev.indefinite >= 2:
        return True  # "an RBI double", "a Boeing": a thing counted, never acting or speaking
    return things >= THING_SHARE * ev.mentions and ev.speaks == 0


# Words of an office's seat before its title ("Harbour County Sheriff", "State Governor").
OFFICE_PLACE_WORDS = frozenset({"county", "city", "state", "district", "national", "federal", "provincial",
                                "regional", "municipal", "parish", "borough"})
# Structures a person's surname never is (unlike "Park", "Hall" or "Church").
STRUCTURE_WORDS = frozenset({"bridge", "square", "street", "avenue", "road", "station", "stadium", "arena", "airport",
                             "tunnel", "dam", "highway", "motorway", "canal", "cathedral", "mosque", "memorial",
                             "monument", "plaza", "terminal", "viaduct", "expressway", "place", "mall", "cafe",
                             "route", "telescope", "observatory", "satellite", "spacecraft", "rover",
                             # nor an honour: "the Lyra Music Awards", "Velt Hall of Fame"
                             "awards", "prize", "prizes", "trophy", "trophies", "medal", "medals", "fame"})


def standing(name: str, kind: str, phrases: Sequence[str], described: bool, ev: Evidence, sources: int,
             outlets: frozenset[str], told_of: bool = False) -> str:
    """ "actor" for a name that gets a row on the page; else why it does not (see models.Actor).

    `phrases`: every description the sources give it; `described`: one of them fits its kind;
    `told_of`: a sentence tells what it did ("She had lost her home": the next sentence's "she")."""
    if kind in PLACE_KINDS:
        return "place"
    words = fold(name).split()
    if ev.hashtag * 2 > ev.mentions or words and all(w in ADDRESS_WORDS for w in words):
        return "thing"  # "#JusticeFor..." (named mostly as a hashtag; one "#Mugabe" is no reason), "Her Majesty"
    if "," in name or len(words) == 1 and (words[0] in TIME_ZONES or words[0] in UNITS):
        return "thing"  # "Jokowi, Prabowo": two names run together; "GMT": a clock's zone; "MW": a unit
    if " ".join(words) in HOLIDAYS:
        return "thing"  # "a new pontiff by Easter": a day of the calendar
    if name.count("(") != name.count(")") or name.count("“") != name.count("”") or name.count('"') % 2:
        return "passing"  # "JD(U", 'Jane “Jo': a name cut inside its brackets or its nickname's quotes
    if re.fullmatch(r"([A-Z][a-z]{2,})\1", name):
        return "passing"  # "HarlowHarlow": an image's label run into the name it stands beside
    if len(words) >= 2 and words[0] in LANDFORM_FIRST:
        return "thing"  # "River Avon", "Mount Velt", "Lake Lyra": a landform named first by its kind
    if len(words) == 1 and words[0] in NOBLE_TITLES:
        return "thing"  # "the Earl" (of "Earl of Lyra"): a title, no one's name
    if kind == "person" and len(words) == 1 and words[0] in TITLE_NOUNS:
        return "passing"  # "the Pope said", "the President": a title alone, its holder named apart
    if kind == "person" and len(words) >= 2 and name.split()[-1] in PERSON_NAME_PARTICLES:
        return "passing"  # "Ursula von": a name cut after its particle (the page ran out, or the tagger)
    if words and all(w.strip(".") in RANKS or w in HONORIFICS for w in words):
        return "passing"  # "Rear Adm", "Cmdr", "Brig": a rank the tagger cut from its holder's name
    if kind == "person" and len(words) >= 2 and words[-1] in STRUCTURE_WORDS:
        return "thing"  # "the Morandi Bridge" taken for a person
    if kind == "person" and len(words) >= 2 and words[-1] in ADMIN_NOUNS:
        return "place"  # "Lyra County" taken for a person (its sheriff's title ran into it)
    if len(words) >= 2 and (kind != "person" and words[-1] in EVENT_NAME_WORDS or words[0] in STORM_WORDS):
        return "thing"  # "the Platinum Jubilee", "the Republican National Convention", "Hurricane Ian"
    if kind == "person" and re.search(r"\s(?:and|&)\s", name):
        return "thing"  # "Jane Roe and Tom Baker": two people run together, no one actor
    if kind == "person" and len(words) >= 2 and words[-1] in TITLE_NOUNS and any(
            w in OFFICE_PLACE_WORDS or country_of(w) for w in words[:-1]):
        return "passing"  # "Harbour County Sheriff", "Examplian President": an office, its holder named apart
    if kind != "country" and ev.media * 2 > ev.mentions:
        return "outlet"  # "the regional daily X said": a newspaper the tagger took for a person
    if kind not in {"person", "country"} and _is_outlet(name, phrases, ev, outlets) \
            or kind == "person" and len(words) >= 2 and (words[-1] in NEWSROOM_ENDS or words[0] in MEDIA_DESCRIPTIONS):
        return "outlet"  # (a newspaper's name taken for a person's: "Lyra Shimbun", "Broadcaster KVT")
    if _is_thing(name, kind, phrases, ev):
        return "thing"
    if kind == "country":
        # a country is an actor when it acts or speaks as a body, not where things happen
        return "actor" if ev.acts or ev.speaks > ev.reports or described else "place"
    if ev.mentions and ev.quoted >= ev.mentions:
        return "passing"  # named only inside someone's words: spoken of, not an actor of the story
    if ev.quoted * 2 > ev.mentions and not (described or ev.acts or ev.speaks or told_of):
        return "passing"  # named mostly in someone's words, and otherwise doing and being nothing
    if kind == "person" and ev.played and (ev.played * 2 >= ev.mentions or _majority(_heads(phrases), ROLE_NOUNS)):
        return "character"  # "who played Chandler Bing": a role, not a person of the story
    if kind == "person" and not ev.acts and phrases and _majority(_heads(phrases), JOURNALIST_NOUNS):
        return "outlet"  # "ITV News reporter Ian Woods said": the outlet's own staff, reporting
    if not described and is_people_of_a_country(name):  # (a person's kind for "Puerto Ricans" is the tagger's slip)
        return "passing"  # "Examplians elected ...": a nation's people, named with nothing that sets them apart
    if not described and ev.mentions and sum(c for noun, c in ev.modified if noun in PEOPLE_NOUNS) >= ev.mentions:
        return "passing"  # "Velorian men and boys": a people's adjective on a noun each time, no actor
    if kind == "person" and not (described or ev.acts or ev.speaks or ev.personal or told_of) \
            and 2 * sum(c for _, c in ev.modified) >= ev.mentions > 0:
        return "thing"  # "Galaxy Note fires": a name that only qualifies a noun, never acting or described
    if kind == "person" and len(words) == 1 and not (described or ev.speaks or ev.personal or told_of):
        return "passing"  # "Cork", "Heathrow": one word the tagger took for a name, no one described or heard
    if kind != "person" and ev.located * 2 > ev.mentions and not (described or ev.acts or ev.speaks or told_of):
        return "place"  # "near Barcelonnette", "the town of Digne": a place the tagger took for a body
    if described or ev.acts or ev.speaks or told_of:
        return "actor"
    if kind == "person":
        return "actor" if sources >= 2 or ev.mentions >= 2 else "passing"
    # a body the story keeps naming without saying what it does or is
    named = ev.mentions - sum(c for _, c in ev.modified)
    return "actor" if kind != "group" and sources >= 2 and named >= MIN_BARE_MENTIONS else "passing"


# ---------------------------------------------------------------- descriptions that fit


def without_own_name(phrase: str, names: Iterable[str], kind: str = "person") -> str | None:
    """ "Spain's Prime Minister Mariano" for Mariano Rajoy: a title may not carry the person's
    own name (the parser left a first name on it); it is cut off, or the phrase refused when
    the name sits inside it. A body's name is all its own ("General" of "General Velmont")."""
    # a person's names' own words, not the titles and nationalities written with them ("Finnish
    # President Sauli Niinistö" is a form of the name; "President" may still be the role)
    own = {w for n in names for w in n.split()
           if w[:1].isupper() and (kind != "person" or w.lower() not in TITLE_NOUNS and w.lower() not in HONORIFICS
                                   and not country_of(w))}
    words = phrase.split()
    while words and words[-1] in own:
        words.pop()
    if not words or any(w in own for w in words):
        return None
    return " ".join(words)  # "Floyd's younger brother" is kin: a possessive of the name may stay


# Heads of what a body is, beside the nouns that name bodies themselves (BODY_NOUNS).
MORE_BODY_HEADS = frozenset({"house", "rival", "contractor", "tribunal", "chamber", "partner", "supplier", "owner",
                             "parent", "unit", "arm", "division", "venture", "startup", "start-up", "outfit",
                             "network", "wing", "faction", "member", "ally", "affiliate", "offshoot", "successor"})
# The words of a style of address, never of a role ("Her Majesty", "His Excellency").
FORMS_OF_ADDRESS = frozenset({"majesty", "majesty's", "highness", "excellency", "holiness", "lordship", "ladyship"})


def fits(phrase: str, kind: str) -> bool:
    """A description that can be this kind of actor's role: a person's names a person ("the
    bank's chief economist", "Floyd's nephew"), never a thing ("news of convictions"); a
    country's names what a country is ("the first country to ..."); a body's is no place."""
    head = head_word(phrase)
    if not head:
        return False
    if kind == "person":
        # "Royal Highness Prince" (of "His Royal Highness Prince Karl"): a form of address, no role
        return person_noun(head) and not set(fold(phrase).split()) & FORMS_OF_ADDRESS
    if kind == "country":
        return head in COUNTRY_NOUNS
    if head in OUTCOME_NOUNS:
        return False  # "Senate voted ..., the culmination of a yearlong fight": the vote's, not the Senate's
    # what a body is: "the space agency", "a rival carrier" (not "its four legs", "advice from the
    # forecaster", "Examplia volcano": words the parse hung on the name)
    return head in BODY_NOUNS or head in MEDIA_NOUNS or head in MORE_BODY_HEADS
