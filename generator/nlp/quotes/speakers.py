"""Who may be a speaker: a person or a body, never a date, a place named as a place, an object
or a pronoun left unresolved.

A quotation's speaker is found as a noun phrase (the subject of "said", the object of
"according to"); most are names, resolved by names.py. The rest are descriptions, and only
some describe someone who can speak: "the farmer", "officials", "the ministry" can; "the
liftoff", "October", "the organizer's microphone" cannot, and "his family" cannot be told
apart from another family without resolving "his". The word lists are plain English (lemmas),
nothing of any story.
"""

from __future__ import annotations

from generator.text.actor_kinds import COLLECTIVE_NOUNS, INSTITUTION_NOUNS, TITLE_NOUNS
from generator.text.actor_kinds import NOT_AGENTS as NOT_PERSON_AGENTS

# Verbs that introduce or frame someone's words: "she said", "he told reporters", "they called it".
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "note", "write", "describe", "refer", "call", "state", "announce",
    "explain", "declare", "remark", "exclaim", "emphasize", "emphasise", "stress", "insist",
    "argue", "claim", "warn", "urge", "vow", "pledge", "promise", "threaten", "continue",
    "recall", "suggest", "tweet", "post", "comment", "acknowledge", "admit", "confirm", "ask",
    "reply", "respond", "answer", "predict", "cite", "dub", "label", "term", "brand", "praise",
    "hail", "accuse", "deny", "observe", "assert", "conclude", "caution", "reiterate", "concede",
    "boast", "complain", "lament", "joke", "proclaim", "maintain", "contend", "mention",
    "reveal", "testify", "quote", "characterize", "characterise", "welcome", "shout",
    "recount", "point", "express", "report", "chant", "cry", "speak", "address", "talk",
})
# Nouns (lemmas) that name people, beside the titles: "the farmer", "one witness", "rescuers".
PERSON_NOUNS = TITLE_NOUNS | frozenset({
    "person", "people", "man", "woman", "boy", "girl", "child", "resident", "local", "citizen",
    "victim", "relative", "neighbour", "neighbor", "friend", "mother", "father", "son", "daughter",
    "brother", "sister", "wife", "husband", "widow", "parent", "nephew", "niece", "cousin", "uncle",
    "aunt", "grandmother", "grandfather", "grandson", "granddaughter", "partner", "girlfriend",
    "boyfriend", "fiance", "fiancee", "colleague", "coworker", "teammate", "classmate", "rival",
    "opponent", "critic", "ally", "advocate", "campaigner", "supporter", "proponent", "fan", "voter",
    "protester", "protestor", "demonstrator", "organizer", "organiser", "passenger", "customer",
    "client", "employee", "user", "patient", "eyewitness", "bystander", "onlooker", "spectator",
    "tourist", "visitor", "traveller", "traveler", "commuter", "homeowner", "tenant", "landlord",
    "member", "participant", "attendee", "host", "moderator", "caller", "viewer", "counsel",
    "defendant", "suspect", "accused", "plaintiff", "juror", "clerk", "investigator", "detective",
    "agent", "inspector", "trooper", "sheriff", "guard", "pilot", "sailor", "paramedic", "medic",
    "physician", "surgeon", "academic", "principal", "administrator", "manager", "banker", "trader",
    "broker", "investor", "entrepreneur", "vendor", "merchant", "fisherman", "mechanic",
    "technician", "builder", "athlete", "striker", "goalkeeper", "referee", "champion", "winner",
    "actress", "artist", "writer", "poet", "producer", "columnist", "commentator", "blogger",
    "candidate", "politician", "legislator", "aide", "observer", "priest", "pastor", "monk", "nun",
    "veteran", "mp", "cfo", "coo", "cto", "chef", "source", "insider", "spokesperson",
    "lawmaker", "legislator", "minister", "strategist", "pollster", "forecaster", "meteorologist",
    "seismologist", "geologist", "astronaut", "astronomer", "biologist", "virologist",
    "epidemiologist", "psychologist", "crew", "staff", "team", "family", "crowd", "public",
    "audience", "union",
})
# Nouns (lemmas) that name a body: "the ministry said", "the company said".
BODY_HEADS = INSTITUTION_NOUNS | frozenset({
    "government", "administration", "authority", "company", "firm", "corporation", "airline",
    "operator", "regulator", "watchdog", "party", "campaign", "palace", "embassy", "consulate",
    "hospital", "university", "school", "club", "federation", "association", "organisation",
    "organization", "institute", "foundation", "charity", "board", "service", "network",
    "broadcaster", "agency", "prosecutor", "prosecution", "defence", "defense", "ministry",
    "office", "kremlin", "secretariat", "presidency", "monarchy", "state", "coalition",
    "alliance", "bloc", "court", "tribunal", "jury", "group",
})
# A speaker's plural description: the people nouns and the collectives ("officials", "allies").
GROUP_HEADS = PERSON_NOUNS | frozenset(w.rstrip("s") for w in COLLECTIVE_NOUNS) | frozenset({
    "authority", "force", "troop", "rebel", "militant", "power", "nation", "country", "lender",
    "bank", "company", "government", "state", "agency", "group",
})
# A document or message that "says" for whoever issued it: "the Acme statement said" -> Acme.
MESSAGE_NOUNS = frozenset({
    "statement", "report", "post", "tweet", "letter", "release", "note", "message", "announcement",
    "filing", "website", "account", "notice", "communique", "bulletin", "memo", "email",
    "document", "order", "ruling", "decree", "press", "update", "video", "broadcast",
})
# Possessive pronouns: "his family", "their lawyer" need the pronoun resolved first.
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Entity labels that never speak: "October said", "Monday's". (Not WORK_OF_ART, PRODUCT or EVENT:
# the small model gives those to people's names too.)
NOT_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


# Agent nouns in the plural mostly name people ("employers", "organisers", "economists"): these
# endings count for a plural head, except for the things among them.
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "eer", "ee")
# The shared list of such nouns (text/actor_kinds.py), and the machines and objects that, as
# plural heads, never speak either ("monitors" alone may be people, so it is not in the shared list)
NOT_AGENTS = NOT_PERSON_AGENTS | frozenset({
    "computer", "figure", "chamber", "monitor", "indicator", "poster", "flyer", "sticker", "marker",
    "tower", "server", "counter", "container", "trailer", "tractor", "reactor", "radar", "thunder", "rubber",
    "timber", "layer", "tier", "plant", "grant", "variant", "restaurant", "guarantee",
})


def describes_speaker(lemma: str, plural: bool) -> str | None:
    """The kind of speaker a description's head noun names ("group", "body", "other" for one
    person), or None when it names no one who can speak ("liftoff", "microphone")."""
    lemma = lemma.lower()
    if plural:
        if lemma in GROUP_HEADS or lemma.rstrip("s") in GROUP_HEADS:
            return "group"
        agent = lemma.endswith(AGENT_ENDINGS) and lemma not in NOT_AGENTS
        return "group" if agent else None
    if lemma in PERSON_NOUNS:
        return "other"
    if lemma in BODY_HEADS:
        return "body"
    return None
