"""What kind of actor a name is, and the small general word lists of English news style.

Countries come from the CLDR territory names shipped with Babel (general world knowledge
from a library, never a list of our own); everything else is decided by spaCy's label plus
patterns of news writing. A GPE that is not a country, a region nor a demonym's base defaults
to "city": in news copy the named places that are not countries are mostly cities.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from generator.text.dates.vocabulary import ZONES

# Courtesy titles that precede a name ("Mr. Smith said"); part of an alias, never a role.
HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "lord", "lady", "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "sgt.", "capt.", "rev.", "pm",
    # ranks as police and armies abbreviate them ("Supt Jane Roe", "Det Insp Tom Roe")
    "supt", "supt.", "insp", "insp.", "det", "det.", "sgt", "cmdr", "cmdr.", "lt", "capt", "col", "maj", "maj.",
    "cpl", "cpl.",
})

# Nouns that name a person's office ("Foreign Minister Jane Doe", "the bank's chief executive").
TITLE_NOUNS = frozenset({
    "president", "minister", "premier", "chancellor", "secretary", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "chief", "head", "director", "governor",
    "mayor", "senator", "congressman", "congresswoman", "representative", "lawmaker", "judge",
    "king", "queen", "prince", "princess", "emperor", "pope", "general", "commander",
    "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "cto", "cio", "cmo", "founder", "leader", "diplomat",
    "official",
    "adviser", "advisor", "deputy", "vice", "attorney", "prosecutor", "justice", "sheikh",
    "emir", "cleric", "coach", "captain", "officer", "executive", "analyst", "professor", "constable",
    "consul", "delegate", "negotiator", "correspondent", "editor", "reporter", "economist",
    # occupations news copy puts before a name ("villager Omar X", "teacher Jane Doe")
    "teacher", "farmer", "doctor", "nurse", "student", "worker", "resident", "villager",
    "survivor", "witness", "engineer", "lawyer", "activist", "journalist", "photographer",
    "shopkeeper", "driver", "owner", "volunteer", "soldier", "rescuer", "firefighter",
    "scientist", "researcher", "expert", "historian", "author", "actor", "singer", "player",
    "sheriff", "commissioner", "superintendent", "inspector", "coroner", "detective", "sergeant",
    # ranks and a team's positions before a name ("Rear Admiral Jane Roe", "Defender Tom Velt")
    "admiral", "defender", "midfielder", "striker", "goalkeeper", "goalie", "winger", "quarterback", "linebacker",
    "pitcher", "batsman", "bowler", "wicketkeeper", "fullback", "full-back", "flanker", "fly-half", "flyhalf",
    "scrum-half", "scrumhalf", "stand-off",
    "keeper", "centre-back", "center-back", "left-back", "right-back",
})
# Participles that stand in a title before a name ("Acting President Jane Roe", "defending champions
# Harbour"): any other verb there is a clause's, not a title ("beating hosts Examplia").
TITLE_PARTICIPLES = frozenset({
    "acting", "managing", "presiding", "outgoing", "incoming", "reigning", "founding", "leading", "visiting",
    "sitting", "serving", "ruling", "governing", "caretaking", "consulting", "supervising", "commanding",
    "investigating", "coordinating", "attending", "treating", "reporting", "defending", "opposing",
    "competing", "winning", "losing", "retiring", "returning", "ailing", "striking", "grieving",
    "supporting", "organising", "organizing", "ranking", "polling", "rising", "aspiring", "practising",
    "practicing", "recording", "touring", "starring", "performing", "fighting", "working", "training",
})

# Heads of a noun phrase that name an institution ("the Norwegian foreign ministry").
INSTITUTION_NOUNS = frozenset({
    "ministry", "court", "parliament", "senate", "congress", "assembly", "council", "cabinet",
    "army", "navy", "military", "police", "embassy", "agency", "commission", "committee",
    "department", "office", "regulator", "bank", "legislature", "presidency", "ministries",
})

# Plural nouns that, after a nationality, name a collective actor ("Nordic governments").
COLLECTIVE_NOUNS = frozenset({
    "governments", "nations", "countries", "states", "powers", "leaders", "officials",
    "authorities", "diplomats", "lawmakers", "allies", "forces", "troops", "negotiators",
    "regulators", "investors", "lenders", "banks", "companies", "rebels", "militants",
})
# Collective nouns that all mean "the states of" ("Nordic nations" = "Nordic governments").
POLITY_NOUNS = frozenset({"governments", "nations", "countries", "states", "powers"})

# Words in a description that make an organisation a group ("a separatist militant group").
GROUP_WORDS = frozenset({
    "group", "groups", "movement", "militia", "faction", "insurgency", "insurgents", "rebels",
    "militants", "guerrillas", "cartel", "gang", "network", "jihadists", "extremists",
})

# Words of web-page furniture that spaCy tags as names ("Jana Avatar", "Share Link", "Stock Images").
WIDGET_WORDS = frozenset({
    "avatar", "images", "image", "photo", "photos", "video", "share", "subscribe", "newsletter",
    "login", "cookie", "cookies", "click", "copy", "link", "advertisement", "powered", "feed",
    "read", "more", "comments", "print", "email", "whatsapp", "facebook", "twitter", "instagram",
})

# Capitalised nouns that end a geographic name spaCy's small model often misses ("the Blue Ridge Mountains").
LANDFORM_NOUNS = frozenset({
    "mountains", "mountain", "range", "hills", "highlands", "valley", "river", "lake", "sea",
    "desert", "plateau", "island", "islands", "peninsula", "gulf", "bay", "coast", "basin", "delta",
    "strait", "forest", "canyon", "glacier", "volcano",
})

# Lower-case nouns after a name that make it an administrative area ("in Oran province").
ADMIN_NOUNS = frozenset({
    "province", "region", "district", "county", "prefecture", "governorate", "municipality",
    "oblast", "canton",
})

# Plural nouns of settled places and areas that introduce a list of names ("the towns of A, B and C").
PLACE_LIST_NOUNS = {
    "cities": "city", "towns": "town", "villages": "village", "capitals": "capital", "ports": "port",
    "provinces": "province", "regions": "region", "districts": "district", "counties": "county",
    "prefectures": "prefecture", "states": "state",
}

# Nouns after an organisation's name that name its building or its members, not another actor:
# "at Acme headquarters" is Acme's seat; "Acme allies", "Acme members" are Acme's membership.
SEAT_NOUNS = frozenset({"headquarters", "hq"})
MEMBER_NOUNS = frozenset({"allies", "members"})

# Generic heads of an organisation's descriptive name ("the Northern Trade Alliance").
GENERIC_ORG_HEADS = frozenset({
    "alliance", "organization", "organisation", "union", "bloc", "pact", "treaty", "association",
    "league", "federation", "community", "coalition", "partnership",
})

# Nouns that describe a person without naming an office: kin, and what a story makes of someone
# ("Floyd's daughter", "the suspect"). With TITLE_NOUNS and the agent suffixes of
# person_noun(), the heads a person's role may have.
PERSON_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "nephew", "niece",
    "uncle", "aunt", "cousin", "friend", "girlfriend", "boyfriend", "partner", "widow", "widower",
    "child", "grandson", "granddaughter", "grandmother", "grandfather", "fiancee", "fiance", "pal",
    "colleague", "mentor", "suspect", "victim", "defendant", "hostage", "candidate", "member", "heir",
    "emeritus", "astronaut", "substitute", "forward", "pilot", "co-pilot", "copilot", "mp", "chief",
    "boss", "ally", "rival", "successor", "predecessor", "champion", "veteran", "icon", "star",
    "legend", "entrepreneur", "billionaire", "tycoon", "founder", "co-founder", "cofounder", "guard",
    "spokesperson", "envoy", "aide", "staffer", "graduate", "pupil", "passenger", "citizen", "native",
    "mother-of-two", "man", "woman", "boy", "girl", "baby", "teenager", "pm", "mayor", "speaker",
})
# Agent suffixes of English nouns for people ("teacher", "director", "scientist", "historian").
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "man", "woman", "person", "ee", "eer", "ess", "ive", "ier")

# Heads of a description that make a name a news outlet ("state broadcaster KVT", "the Examplian
# newspaper El Lyra"), and words of an outlet's own name ("Harbour News", "The Eastmere Post").
MEDIA_NOUNS = frozenset({
    "broadcaster", "newspaper", "outlet", "channel", "tabloid", "daily", "weekly", "magazine",
    "wire", "network", "television", "tv", "radio", "website", "site", "media", "press", "paper",
    "publication", "agency",  # "agency" only with "news": see is_media_description
})
# What a description calls an outlet ("the regional daily", "broadcaster"); before a name, "paper"
# and "broadsheet" too ("the paper X").
MEDIA_DESCRIPTIONS = frozenset({"broadcaster", "newspaper", "tabloid", "daily", "weekly", "magazine", "website",
                                "outlet", "publication"})
MEDIA_TITLES = MEDIA_DESCRIPTIONS | {"paper", "broadsheet"}
MEDIA_NAME_WORDS = frozenset({
    "news", "tv", "times", "post", "press", "herald", "radio", "television", "broadcasting",
    "journal", "tribune", "gazette", "telegraph", "chronicle", "daily", "guardian", "observer",
    "independent", "mirror", "express", "standard", "shimbun", "newspaper", "media", "channel",
})
# Heads of a description that make a name a place, a structure, a vehicle, a product or an event:
# "the port city", "a cargo ship", "the lander", "the summit" (named things, not actors).
THING_NOUNS = frozenset({
    "city", "town", "village", "capital", "port", "destination", "region", "province", "state", "area",
    "district", "suburb", "neighborhood", "neighbourhood", "country", "island", "spaceport", "airport",
    "station", "stadium", "arena", "square", "street", "avenue", "road", "highway", "bridge", "building",
    "tower", "hotel", "venue", "site", "landmark", "monument", "memorial", "temple", "church", "mosque",
    "palace", "residence", "courthouse", "prison", "base", "plant", "reactor", "mine", "dam",
    "ship", "vessel", "boat", "ferry", "tanker", "freighter", "yacht", "submarine", "carrier-ship", "rig", "liner",
    "aircraft", "plane", "jet", "airliner", "helicopter", "drone", "rocket", "spacecraft", "lander",
    "rover", "probe", "satellite", "telescope", "mission", "module", "capsule", "train", "car", "truck",
    "program", "programme", "scheme", "initiative", "project", "instrument",
    "vehicle", "device", "phone", "smartphone", "tablet", "computer", "app", "product", "model", "brand",
    "software", "platform", "token", "coin", "currency", "cryptocurrency", "game", "film", "movie", "album",
    "song", "show", "series", "book", "summit", "conference", "festival", "tournament", "match", "final",
    "cup", "championship", "race", "election", "referendum", "war", "storm", "hurricane", "typhoon",
    "earthquake", "quake", "tsunami", "disaster", "crash", "flight", "route", "hashtag", "campaign",
    "time", "era", "day", "law", "act", "bill", "treaty", "agreement", "accord", "deal", "protocol",
    "offering", "flotation", "cafe", "café", "restaurant", "condominium", "condo", "skyscraper", "high-rise",
    "apartment", "franchise",
    # works and images, and what goes wrong with a machine: "Leonardo's painting", "the error screen"
    "painting", "artwork", "sculpture", "statue", "portrait", "masterpiece", "canvas", "drawing", "manuscript",
    "image", "photograph", "picture", "index", "screen", "error", "update", "patch", "virus", "vaccine",
})
# Heads of a phrase that tells what an event was, not who an actor is: "the culmination of a
# yearlong fight", "the latest blow to the party" (set after a clause, the parse hangs it on a name).
OUTCOME_NOUNS = frozenset({
    "culmination", "result", "outcome", "climax", "consequence", "aftermath", "upshot", "end", "beginning",
    "start", "chapter", "blow", "setback", "milestone", "twist", "turn", "escalation", "reversal", "victory",
    "defeat", "triumph", "humiliation", "rebuke", "sign", "signal", "reminder",
})
# Places that bear a person's name in the possessive ("St Roch's Church", "King Edward VII's
# hospital"): a mention of the place, not of the person.
NAMED_FOR_NOUNS = frozenset({"church", "cathedral", "chapel", "basilica", "shrine", "abbey", "hospital", "infirmary"})
MODEL = "#model"  # what a name qualifies when a model number follows it ("Airbus A320", "Boeing 737")

# Last words of a name that make it a structure or a site, not a body ("George Floyd Square",
# "Lusail Stadium", "Francis Scott Key Bridge", "Yamato-Saidaiji Station").
FACILITY_NOUNS = frozenset({
    "square", "street", "avenue", "road", "bridge", "station", "stadium", "arena", "airport", "port",
    "tower", "building", "courthouse", "palace", "park", "plaza", "hall", "centre", "center", "memorial",
    "monument", "cathedral", "church", "mosque", "temple", "highway", "motorway", "tunnel", "dam",
    "canal", "harbour", "harbor", "terminal", "spaceport", "complex", "campus", "prize", "award", "cup",
    "collider", "telescope", "reactor", "runway", "cafe", "café", "restaurant", "pub", "nightclub", "mall", "route",
    "trophy", "medal", "mvp", "awards", "prizes", "fame", "trophies", "medals",
    # a policy's tool, named like a body: "the Transmission Protection Instrument", "the Job Retention Scheme"
    "instrument", "scheme", "mechanism",
    "plant",  # "the Velora Nuclear Power Plant"
})
# Last words of a name that make it an occasion, not a body ("the Platinum Jubilee", "the
# Republican National Convention", "the Vienna Marathon"): events are no actors.
# Feasts and holidays news copy names by themselves ("by Easter"): days of the calendar, no actors.
HOLIDAYS = frozenset({"easter", "christmas", "thanksgiving", "hanukkah", "ramadan", "eid", "diwali", "passover",
                      "lent", "advent", "halloween", "pentecost", "yom kippur", "rosh hashanah", "new year",
                      "lunar new year", "christmas eve", "new year's eve", "new year's day", "good friday",
                      "valentine", "valentine's day", "st valentine's day", "independence day", "memorial day",
                      "labor day", "boxing day", "mother's day", "father's day"})
EVENT_NAME_WORDS = frozenset({
    "jubilee", "convention", "games", "olympics", "summit", "conference", "festival", "marathon",
    "championship", "championships", "tournament", "ceremony", "parade", "coronation", "funeral",
    "anniversary", "expo", "fair", "election", "elections", "referendum", "war", "crisis", "storm",
    "hurricane", "earthquake", "fire", "attack", "attacks", "trial", "challenge", "grand prix",
})
# Forms of address that spaCy takes for a name ("Her Majesty", "the Sovereign"): no one's name.
ADDRESS_WORDS = frozenset({"majesty", "majesty's", "highness", "excellency", "sovereign", "lordship", "ladyship",
                           "holiness", "honour", "honor", "his", "her", "their", "royal"})
# Heads of a description that make a name an organisation, not a person ("rival exchange
# Lyrex", "Harbour Wings, a low-cost carrier"): with INSTITUTION_NOUNS and GENERIC_ORG_HEADS.
ORG_NOUNS = frozenset({
    "company", "firm", "exchange", "carrier", "airline", "group", "party", "bank", "lender", "insurer",
    "fund", "startup", "start-up", "subsidiary", "unit", "arm", "branch", "conglomerate", "corporation",
    "business", "maker", "manufacturer", "producer", "retailer", "chain", "operator", "provider",
    "giant", "organisation", "organization", "charity", "foundation", "institute", "university",
    "school", "college", "hospital", "team", "club", "side", "squad", "movement", "body", "watchdog",
    "service", "authority", "board", "union", "federation", "association", "alliance", "coalition",
})

# Nouns a report writes for a body or a person it has named ("the company", "the carrier",
# "the keeper"): a line that names no such body or person before the phrase leaves a reader
# asking which one, however often the story's other sources use the word (sections/claims/resolve.py).
BODY_STAND_INS = frozenset({
    "company", "firm", "carrier", "airline", "bank", "lender", "insurer", "carmaker", "automaker", "retailer",
    "conglomerate", "corporation", "startup", "subsidiary", "manufacturer", "giant", "team", "club", "squad",
    "business", "newspaper", "weekly", "daily", "broadcaster", "magazine", "agency", "ministry", "watchdog",
    "regulator",
})
PERSON_STAND_INS = frozenset({"executive", "chairman", "chairwoman", "keeper", "goalkeeper", "striker", "tycoon",
                              "playwright", "billionaire", "incumbent", "challenger", "president-elect", "president",
                              "premier", "chancellor", "minister", "leader", "economist", "politician", "dissident",
                              "novelist", "singer", "actor", "actress", "coach", "manager", "founder", "boss",
                              "killer", "gunman", "brother", "sister", "son", "daughter", "father", "mother", "wife",
                              "husband", "official", "spokesman", "spokeswoman", "spokesperson", "rescuer", "witness",
                              "survivor", "pilot", "owner", "officer", "resident"})
# Of those, the nouns whose plural is a group a reader knows without names ("the officials said",
# "the rescuers"): only "the official", one person, leaves a reader asking who.
ONE_OF_MANY = frozenset({"official", "rescuer", "witness", "survivor", "officer", "resident"})
# ... and for a picture the outlet showed beside its text ("the video", "the photo"): a line
# speaking of it, the sentence before not telling of it, points to something the page never shows.
PICTURE_STAND_INS = frozenset({"photo", "photograph", "picture", "image", "video", "footage", "clip"})

# Lower-case words inside a person's name ("Ursula von der Leyen", "Ana de la Cruz", "Tom van den
# Berg"): never its last word, and part of the surname after them
PERSON_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le",
                                   "dos", "das", "bin", "ibn", "al", "el", "ter", "ten", "zu"})

MONTHS_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow",
})

# Words that make a multi-word place a country where CLDR lacks it ("Federal Republic of Ruritania").
STATE_WORDS = frozenset({"republic", "kingdom", "union", "states", "emirates", "federation", "emirate"})

# CLDR codes that are not countries (organisations and statistical groupings).
NOT_COUNTRY_CODES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


# Common nouns with an agent's ending that name no one ("a number", "the border").
NOT_AGENTS = frozenset({
    "number", "order", "border", "letter", "paper", "power", "matter", "water", "corner", "quarter", "chapter",
    "center", "centre", "cancer", "murder", "disaster", "shelter", "weather", "winter", "summer", "september",
    "october", "november", "december", "meter", "metre", "monster", "answer", "theater", "theatre",
    "manner", "banner", "filter", "finger", "danger", "anger", "hunger", "river", "silver", "error", "mirror",
    "factor", "sector", "motor", "vector", "terror", "horror", "labor", "labour", "favor", "favour", "color",
    "colour", "honor", "honour", "rumor", "rumour", "humor", "humour", "tumor", "tumour", "vigor", "flavor",
    "interior", "exterior", "corridor", "elevator", "incentive", "objective", "initiative", "directive",
    "alternative", "perspective", "collective", "motive", "archive",
})


def person_noun(word: str) -> bool:
    """A noun that may name a person: an office, kin, or an agent noun ("teacher", "analyst")."""
    w = word.lower()
    return w in TITLE_NOUNS or w in PERSON_NOUNS or (len(w) >= 5 and w.endswith(PERSON_SUFFIXES)
                                                      and not w.endswith(("less", "ness"))  # "reactionless"
                                                      and w not in THING_NOUNS and w not in MEDIA_NOUNS
                                                      and w not in ORG_NOUNS and w not in NOT_AGENTS)


# Letters that Unicode does not decompose into an ASCII letter and a mark: "Yıldız" is "Yildiz".
_UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


def fold(text: str) -> str:
    """Lower-case ASCII form for comparisons ("Müller" and "Muller", "Yıldız" and "Yildiz" compare equal)."""
    text = text.replace("’", "'").replace("`", "'").translate(_UNDECOMPOSED)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower().strip()


def _variants(name: str) -> Iterable[str]:
    """CLDR spellings plus their plain forms: "Myanmar (Burma)" -> Myanmar, Burma; "Congo - Kinshasa" -> Congo."""
    yield name
    m = re.match(r"^(.*?) \((.*)\)$", name)
    if m:
        yield m.group(1)
        yield m.group(2)
    if " - " in name:
        yield name.split(" - ")[0]
    if " SAR " in name:  # CLDR's "<city> SAR <country>" for special administrative regions
        yield name.split(" SAR ")[0]


@lru_cache(maxsize=1)
def _territories() -> tuple[frozenset[str], frozenset[str]]:
    """(country names, region names), folded, from Babel's English CLDR data."""
    try:
        from babel import Locale
    except ImportError:  # Babel ships with mkdocs-material; without it, fall back to patterns
        return frozenset(), frozenset()
    countries: set[str] = set()
    regions: set[str] = set()
    for code, name in Locale("en").territories.items():
        target = regions if code.isdigit() else countries
        if code in NOT_COUNTRY_CODES:
            continue
        target.update(fold(v) for v in _variants(name))
    return frozenset(countries), frozenset(regions)


@lru_cache(maxsize=1)
def _country_initials() -> frozenset[str]:
    """ "uk", "drc": initials of the formal multi-word country names news copy shortens
    ("United Kingdom"), not of every two-word name ("Vatican City" is never "VC")."""
    names = [*_territories()[0], *LONG_FORMS]
    return frozenset("".join(w[0] for w in n.split() if w not in ("of", "the", "and")) for n in names
                     if len(n.split()) >= 2 and STATE_WORDS & set(n.split()))


# Long forms CLDR does not list whose initials news copy writes: "USA" (CLDR: "United States")
LONG_FORMS = ("united states of america",)


def is_country_name(name: str) -> bool:
    """A country in CLDR, or its initialism as news copy writes it ("U.K.", "UK", "DRC")."""
    text = strip_article(name)
    if fold(text) in _territories()[0]:
        return True
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper() and letters.lower() in _country_initials()


def is_region_name(name: str) -> bool:
    return fold(strip_article(name)) in _territories()[1]


def strip_article(text: str) -> str:
    """ "the Elysee" -> "Elysee": the article is not part of the name."""
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def shares_stem(adjective: str, name: str) -> int:
    """Common prefix of a demonym and a place, when it is the place's stem, else 0.

    "Norwegian"/"Norway" -> 4, "Polish"/"Poland" -> 4, "Kazakh"/"Kazakhstan" -> 6; but
    "Austrian"/"Australia" -> 0: at most the place's last 3 letters (or a "-istan") may differ.
    """
    a, b = fold(adjective), fold(name)
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    rest = b[n:]
    return n if n >= 4 and (len(rest) <= 3 or rest in {"istan", "stan"}) else 0


# Nationality words that share no stem with their country's name in CLDR (country_of finds
# "Austrian", "Chinese", "Israeli" by their stems; not these).
IRREGULAR_DEMONYMS = frozenset({"american", "americans", "british", "briton", "britons", "dutch", "swiss", "french",
                                "welsh", "scottish", "scot", "scots", "filipino", "filipinos", "irish", "english"})


# How a nationality word ends after its country's stem: "Canad-ian", "Zimbabwe-an", "Israel-i",
# "Japan-ese", "Kazakh", "Swed-ish" ("Liberal" shares a stem with Liberia but is no nationality).
DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ean", "i", "ese", "ish", "ic", "er", "ite", "ani"})


def is_people_of_a_country(name: str) -> bool:
    """ "Canadians", "Britons", "Israelis", "the Dutch", "Sri Lankans": a whole nationality, a
    demonym in the plural (or one that is its own plural)."""
    word = fold(name)
    if is_country_name(name):
        return False
    if " " in word:  # "Puerto Ricans", "Sri Lankans": the country's words, its last one as a demonym
        *first, last = word.split()
        return last.endswith("s") and any(
            c.split()[:-1] == first and _last_word_demonym(last[:-1], c.split()[-1])
            for c in _territories()[0] if len(c.split()) == len(first) + 1)
    if word in IRREGULAR_DEMONYMS:
        return True
    return word.endswith("s") and is_demonym(word[:-1])


def _last_word_demonym(word: str, place: str) -> bool:
    """ "rican" of "rico", "lankan" of "lanka": after the country's first words match, a shorter
    shared stem will do (three letters, the place's last three at most differing)."""
    n = len(os.path.commonprefix([word, place]))
    return n >= 3 and len(place) - n <= 3 and word[n:] in DEMONYM_ENDINGS


def is_demonym(word: str) -> bool:
    """ "Examplian", "Israeli", "Swede": a nationality word for one person (not "Congress", which
    only shares letters with a country's name)."""
    single = fold(word)
    if single in IRREGULAR_DEMONYMS:
        return True
    country = country_of(single)
    if country is None or is_country_name(single):
        return False
    n = shares_stem(single, country)
    # "Tanzania-n" adds to the whole name; "Gree-n" beside "Gree-ce" is a colour
    return n > 0 and single[n:] in DEMONYM_ENDINGS and (single[n:] != "n" or n == len(country))


@lru_cache(maxsize=4096)
def country_of(word: str) -> str | None:
    """The CLDR country a name or demonym names ("Austrian" -> "austria"), or None."""
    key = fold(word)
    if key in _territories()[0]:
        return key
    stems = [(shares_stem(word, c), c) for c in _territories()[0] if " " not in c]
    best = max(stems, default=(0, ""))
    return best[1] if best[0] else None


def place_kind(name: str, demonyms: Iterable[str], city_evidence: bool) -> str:
    """country | region | city for a GPE: CLDR first, then news-style evidence.

    A demonym in the story ("Ruritanian" for "Ruritania") marks a country; "in X, <Country>" marks
    a city; a name with a state word ("Republic of Zenda") is a country; otherwise a city.
    """
    if is_country_name(name):
        return "country"
    if is_region_name(name):
        return "region"
    if city_evidence:
        return "city"
    words = fold(name).split()
    if len(words) > 1 and STATE_WORDS & set(words):
        return "country"
    if any(shares_stem(d, name) for d in demonyms):
        return "country"
    return "city"


# What an actor plays, not who someone is: "the character Kathy", "in the role of".
ROLE_NOUNS = frozenset({"character", "role", "persona"})


# Words that end a company's own name ("Pioneer Natural Resources", "Acme Holdings"): such a
# name is never a person's, whatever its first word.
COMPANY_NAME_ENDS = frozenset({"resources", "holdings", "industries", "partners", "systems", "technologies",
                               "energy", "capital", "motors", "airlines", "airways", "pharmaceuticals", "brands",
                               "inc", "corp", "ltd", "llc", "plc", "ag", "sa", "nv", "brothers", "foods",
                               "communications", "electronics", "networks", "studios", "entertainment", "corporation",
                               "enterprises", "investments", "ventures", "logistics", "petroleum", "insurance",
                               # a newsroom's: "Lyra News", "Harbour TV"
                               "news", "tv", "television", "radio", "broadcasting", "media"})


def is_body_noun(word: str) -> bool:
    """A noun that ends a body's name: "Union", "Party", "Ministry", "Bank"."""
    w = word.lower()
    return w in ORG_NOUNS or w in INSTITUTION_NOUNS or w in GENERIC_ORG_HEADS


# Clock zones news copy writes after a time ("0700 GMT", "3 p.m. EDT"): never anyone's name.
TIME_ZONES = ZONES
# Units news copy abbreviates after a figure ("950 MW", "120 km"): never anyone's name.
UNITS = frozenset({"mw", "gw", "kw", "kwh", "mwh", "gwh", "twh", "km", "mph", "kph", "kmh", "kg", "mm", "cm", "ft",
                   "bpd", "ppm", "mb", "gb", "tb", "fahrenheit", "celsius", "centigrade", "kelvin", "richter"})
# Forms of address that make a name, not a role: "Sheikh Mujibur Rahman", "Mr Velt".
ADDRESS_TITLES = frozenset({"sheikh", "sheik", "mr", "mrs", "ms", "sir", "dame", "lord", "lady", "madam", "emir",
                            "sayyid", "haji", "hajji", "mullah", "maulana"})
