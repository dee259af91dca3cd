"""A person's gender as one article tells it, so "she said" never goes to a man.

Evidence is only what the article writes: titles ("Mr Lee", "spokeswoman Ann Lee") and
he/she/his/her that can refer to one person only. Never lists of first names: the same name
is a man's in one country and a woman's in another.
"""

from __future__ import annotations

from typing import Callable, Iterable

from generator.nlp.parsed import positions

People = list[tuple[int, str]]  # (token position, name) of each person mention
Roles = Iterable[tuple[str, frozenset[str]]]  # (name, words describing the person where introduced)
Key = Callable[[str], str]  # a name -> the key a person is known by (the surname)

# Pronouns that tell a person's gender when they refer back: "Ann Lee said her team ...".
GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}
# An object pronoun never refers to its own clause's subject: "Tom Baker thanked her".
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj"}
# Titles that tell a person's gender: "Mr Lee", "Ms Lee", "spokeswoman Ann Lee", "Ann Lee, the queen".
GENDER_TITLES = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m",
    "spokesman": "m", "congressman": "m", "businessman": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f", "duchess": "f", "spokeswoman": "f", "congresswoman": "f",
    "businesswoman": "f", "chairwoman": "f",
}


# Kinship words tell it too, written in lower case ("the teen's father, Tom", "his widow Ann Lee");
# capitalised they may be a name ("Son").
KINSHIP = {
    "father": "m", "son": "m", "brother": "m", "husband": "m", "uncle": "m", "nephew": "m", "grandfather": "m",
    "grandson": "m", "boyfriend": "m", "widower": "m", "stepfather": "m",
    "mother": "f", "daughter": "f", "sister": "f", "wife": "f", "aunt": "f", "niece": "f", "grandmother": "f",
    "granddaughter": "f", "girlfriend": "f", "widow": "f", "stepmother": "f",
}
GENDER_WORDS = {**GENDER_TITLES, **KINSHIP}
_TITLE_WORDS = frozenset(GENDER_WORDS)
_GENDERED_WORDS = frozenset(GENDERED)

def _own_phrase(doc, pos: int) -> set[int]:
    """Token indices of the noun phrase a name heads ("Bo Chan, her deputy,": her is inside)."""
    head = doc[pos]
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return {t.i for t in head.subtree}


def _title_votes(doc, quoted: frozenset[int], roles: Roles, key: Key) -> list[tuple[str, str]]:
    """(surname key, gender) from titles: "Mr Ivanov", "spokeswoman Ann Lee", "Ann Lee, the queen"."""
    votes = []
    for i in positions(doc, "LOWER", _TITLE_WORDS):
        tok = doc[i]
        gender = GENDER_WORDS[tok.lower_]
        if tok.i in quoted or tok.lower_ in KINSHIP and not tok.is_lower:
            continue
        if tok.lower_ in KINSHIP and i + 1 < len(doc) and doc[i + 1].text == ",":
            tok = doc[i + 1]  # "the teen's father, Tom, ...": the name follows the comma
        run = [t for t in doc[tok.i + 1:tok.i + 5] if t.text != "."]
        names = []
        for t in run:
            if t.pos_ != "PROPN" and t.tag_ not in ("NNP", "NNPS"):
                break
            names.append(t.text)
        if names:
            votes.append((key(" ".join(names)), gender))
    for full, words in roles:
        votes += [(key(full), GENDER_WORDS[w]) for w in sorted(words) if w in GENDER_WORDS]
    return votes


def _pronoun_votes(doc, quoted: frozenset[int], people: People, key: Key) -> list[tuple[str, str]]:
    """(surname key, gender) from a he/she/his/her outside quotation marks whose only possible
    referent is one person: named earlier in its sentence, else alone in the sentence before it
    in the same paragraph (a new paragraph's "she said" may answer someone else's quotation)."""
    votes = []
    text = None  # the doc's text is joined anew at each reading: once, when needed
    for i in positions(doc, "LOWER", _GENDERED_WORDS):
        tok = doc[i]
        gender = GENDERED[tok.lower_]
        if tok.i in quoted:
            continue
        sent = tok.sent
        before = [(p, n) for p, n in people if sent.start <= p < tok.i]
        # someone else: the person whose own phrase holds it ("Bo Chan, her deputy"), and for an
        # object the subject of its clause ("Bo Chan disagreed with her")
        own = {key(n) for p, n in before if tok.i in _own_phrase(doc, p)}
        others = {key(n) for p, n in before if tok.i in _own_phrase(doc, p) and _in_apposition(tok, p)}
        if tok.dep_ in OBJECT_DEPS:
            others |= {key(n) for p, n in before if doc[p].head.i == _clause_verb(tok).i}
        here = {key(n) for p, n in before} - own - others
        if tok.dep_ in OBJECT_DEPS and len(here) > 0:
            here = set()  # "Ann Lee said Bo Chan thanked her": either of them, as far as we know
        if not here and (others or not before) and sent.start > 0:
            prev = doc[sent.start - 1].sent
            text = doc.text if text is None else text
            # a subject pronoun looks back within its paragraph only (a new paragraph's "she
            # said" may answer someone else); one that must be someone else, one sentence back
            if others or "\n" not in text[prev.start_char:sent.start_char]:
                here = {key(n) for p, n in people if prev.start <= p < prev.end} - others
        if len(here) == 1:
            votes.append((here.pop(), gender))
    return votes


def _in_apposition(tok, pos: int) -> bool:
    """The pronoun qualifies a noun set beside the name at `pos` ("Bo Chan, her deputy,"): it
    is someone else's; inside a relative clause ("Bo Chan, who left his job") it is the name's."""
    head = tok.head
    return head.dep_ == "appos" and head.head.i in _own_phrase(tok.doc, pos)


def _clause_verb(tok):
    """The verb whose clause holds a token: "disagreed" for "her" in "Bo Chan disagreed with her"."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def genders(doc, quoted: frozenset[int], people: People, roles: Roles, key: Key) -> dict[str, str]:
    """Each person's gender as the article itself tells it (titles count three pronouns);
    unknown when the evidence is absent or split. Never from lists of first names."""
    score: dict[str, int] = {}
    for weight, votes in ((3, _title_votes(doc, quoted, roles, key)), (1, _pronoun_votes(doc, quoted, people, key))):
        for who, gender in votes:
            score[who] = score.get(who, 0) + (weight if gender == "m" else -weight)
    return {who: "m" if n > 0 else "f" for who, n in sorted(score.items()) if who and n != 0}
