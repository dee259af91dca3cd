"""Who a noun phrase names, resolved within one article (used to attribute quotations).

Resolution follows how news prose refers back to people and bodies: full name first,
then surname ("Mr Ivanov"), pronoun ("he") or title/description ("the envoy", "the ministry").
Everything here reads the spaCy parse; nothing is specific to a story.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from generator.nlp.parsed import positions
from generator.nlp.quotes.gender import GENDERED, genders
from generator.nlp.quotes.speakers import (
    MESSAGE_NOUNS, NOT_SPEAKER_LABELS, POSSESSIVE_PRONOUNS, SPEECH_VERBS, describes_speaker,
)
from generator.text.actor_kinds import TITLE_NOUNS

PERSON_LABELS = {"PERSON"}
BODY_LABELS = {"ORG", "GPE", "NORP", "FAC"}
# Courtesy titles and ranks written before a name: "Mr. Ivanov", "PM Lee", "Dr Okafor".
HONORIFICS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "pm", "president", "prime", "minister", "gen", "gen.", "general", "rep", "rep.",
    "sen", "sen.", "gov", "gov.", "lord", "lady", "sheikh", "judge", "justice",
}
# Words of a title written before a name ("Foreign Minister Ann Lee"): never part of the name.
TITLES = HONORIFICS | {
    "secretary", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
    "spokesperson", "envoy", "ambassador", "foreign", "deputy", "acting", "chief", "governor",
    "senator", "king", "queen", "prince", "princess", "mayor", "ceo", "chancellor", "commander",
    "officer", "head", "leader", "minister", "premier", "emir", "speaker", "special", "vice",
    "councillor", "councilor", "councilman", "councilwoman", "alderman", "mp", "mep",
    "representative", "inspector", "sergeant", "detective", "captain", "colonel", "lieutenant",
    "coach", "bishop", "archbishop", "rabbi", "imam", "spokesman", "spokeswoman",
}
# Titles abbreviated before a name ("Gov. Wes Moore"), so that "the governor" finds him.
TITLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "lt": "lieutenant",
    "sgt": "sergeant", "col": "colonel", "capt": "captain", "pres": "president", "prof": "professor",
    "atty": "attorney", "supt": "superintendent", "insp": "inspector", "det": "detective",
    "amb": "ambassador", "adm": "admiral", "cmdr": "commander", "maj": "major", "pm": "prime minister",
}
# Words that make a title another office: "the president" is not the "Vice President Ann Lee".
OFFICE_MODIFIERS = frozenset({"vice", "deputy", "former", "ex", "assistant", "associate", "under"})
# Edges into a subordinate clause: "Ann Lee said that [Bo Chan had left]" - Bo Chan is not the
# main subject a later "she said" refers back to.
SUBORDINATE = {"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "pcomp", "pobj", "prep"}
# Courtesy titles that mark a name even when the tagger misses it: "Mr Ivanov said".
COURTESY = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame"}
# Quantifiers that are not part of who spoke: "Some officials said" -> "officials".
QUANTIFIERS = {"some", "many", "several", "few", "most", "all", "both", "other", "various", "certain"}
# Articles and demonstratives, dropped when matching "the ministry" to a name.
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# "Ann Lee, who said ...": the relative pronoun stands for the noun it follows.
RELATIVE = {"who", "that", "which", "whom"}
# Pronouns that refer back: "he said" -> a person, "they said" -> a group, "it said" -> a body.
MALE_FEMALE = {"he", "him", "she", "her"}
PLURAL = {"they", "them"}
NEUTER = {"it"}
# Head nouns of a description that stand for any organisation: "the health agency" may name
# the "National Health Protection Organisation" introduced before.
BODY_NOUNS = {
    "agency", "organisation", "organization", "body", "authority", "institution", "institute",
    "company", "firm", "group", "administration", "service", "office", "regulator", "watchdog",
}


@dataclass(frozen=True)
class Mention:
    """A resolved referent at a token position: `kind` is person, body, group or other."""

    pos: int
    name: str
    kind: str
    main: bool = True  # subject of a main clause (not of "that ..." or "after ..." clauses)
    pronoun: str = ""  # the pronoun the article wrote, when resolved from one ("she")


_APPOS = frozenset({"appos"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})

def strip_name(text: str) -> str:
    """Drop a leading article and a trailing possessive: "The Foo Ministry's" -> "Foo Ministry"."""
    text = re.sub(r"^(the|The|THE)\s+", "", text.strip())
    return re.sub(r"['\u2019]s?$", "", text).strip()


def tokens_text(tokens) -> str:
    """Tokens as the article writes them: "Ban Ki-moon", not "Ban Ki - moon" (one space where
    tokens were left out, as an honorific before a name)."""
    out = ""
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        gap = tok.whitespace_ if nxt is not None and nxt.i == tok.i + 1 else " "
        out += tok.text + (gap if nxt is not None else "")
    return out


def _surname_key(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    return words[-1].lower().strip(".,") if words else ""


@dataclass
class Names:
    """Index of the article's named people and bodies, and of its sentence subjects in order."""

    doc: object
    quoted: frozenset[int]  # token indices inside quotation marks
    ent_of: dict[int, object] = field(default_factory=dict)
    persons: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)
    bodies: list[tuple[int, str]] = field(default_factory=list)
    subjects: list[Mention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # surname key -> "m" / "f", when the article tells
    # token index -> its referent when not a pronoun: that depends only on the names indexed
    # above, and build and the attribution ask for the same tokens again
    named_at: dict[int, Mention | None] = field(default_factory=dict, repr=False, compare=False)
    appositions: list[int] = field(default_factory=list, repr=False)  # indices of "appos" tokens, in order

    @classmethod
    def build(cls, doc, ents: Sequence, quoted: frozenset[int]) -> "Names":
        """The names of one parse (`ents`: its entities); `quoted`: token indices inside quotation marks."""
        names = cls(doc, quoted, appositions=positions(doc, "DEP", _APPOS))
        for ent in ents:
            for i in range(ent.start, ent.end):
                names.ent_of[i] = ent
        for ent in ents:
            if ent.start in quoted:
                continue
            if ent.label_ in PERSON_LABELS:
                head = _name_head(ent.root)
                full = strip_name(tokens_text(name_run(head)))
                if full:
                    names.persons.append((ent.start, full, _role_words(head)))
            elif ent.label_ in BODY_LABELS:
                names.bodies.append((ent.start, names.body_name(ent)))
        names.persons.sort(key=lambda p: p[0])
        subjects = [doc[i] for i in positions(doc, "DEP", _SUBJECTS) if i not in quoted]
        named = [m for t in subjects if t.pos_ != "PRON" and (m := names.resolve(t)) and m.kind == "person"]
        people = sorted({(p, n) for p, n, _ in names.persons} | {(m.pos, m.name) for m in named})
        roles = [(full, roles) for _, full, roles in names.persons]
        names.gender = genders(doc, quoted, people, roles, _surname_key)
        for tok in subjects:
            mention = names.resolve(tok)
            if mention is not None:
                names.subjects.append(replace(mention, main=_main_clause(tok.head, quoted)))
        return names

    def agrees(self, name: str, word: str) -> bool:
        """A gendered pronoun may refer to this person: "she" never to a man the article calls "he"."""
        want = GENDERED.get(word.lower())
        have = self.gender.get(_surname_key(name))
        return want is None or have is None or have == want

    # ------------------------------------------------------------ named entities

    def body_name(self, ent) -> str:
        """An organisation with its possessor: "Norway's Health Ministry", not "Health Ministry"."""
        root = ent.root
        poss = [c for c in root.children if c.dep_ == "poss" and c.i < ent.start and c.ent_type_ in BODY_LABELS]
        start = poss[0].left_edge.i if poss else ent.start
        return strip_name(self.doc[start:ent.end].text)

    def fuller_body(self, name: str, pos: int) -> str:
        """"the Health Ministry" after "Norway's Health Ministry": the fuller earlier name."""
        lowered = name.lower()
        for at, other in reversed(self.bodies):
            if at < pos and other.lower().endswith(" " + lowered):
                return other
        return name

    def full_person(self, name: str, pos: int) -> str:
        """A surname or short form expanded to the fullest earlier name ("Mr Ivanov" -> "Pavel Ivanov")."""
        key = _surname_key(name)
        short = [w for w in name.split() if w.lower() not in HONORIFICS]
        best = " ".join(short) or name
        candidates = [p for p in self.persons if _surname_key(p[1]) == key] or self._by_first_word(short)
        earlier = [p for p in candidates if p[0] <= pos] or candidates
        for _, full, _ in earlier:
            if len(full.split()) > len(best.split()):
                best = full
        return best

    def _known_person(self, text: str) -> bool:
        """The article names a person so ("David Cameron", or "Cameron" for him) elsewhere: the
        tagger's label for this one mention does not make it an organisation."""
        words = strip_name(text).split()
        if not words or not all(w[:1].isupper() for w in words):
            return False
        key = _surname_key(text)
        return any(p[1] == text or (len(words) == 1 and _surname_key(p[1]) == key) for p in self.persons)

    def _by_first_word(self, words: list[str]) -> list[tuple[int, str, frozenset[str]]]:
        """A one-word name that is the first word of exactly one person's full name: "Ban" ->
        "Ban Ki-moon" (a family name written first); nothing when two people share it."""
        if len(words) != 1:
            return []
        word = words[0].lower()
        found = [p for p in self.persons if len(p[1].split()) > 1 and p[1].split()[0].lower() == word]
        return found if len({p[1] for p in found}) == 1 else []

    def entity_mention(self, tok) -> Mention | None:
        """A named person (a run of proper nouns with a PERSON tag or a courtesy title) or body."""
        run = name_run(tok) if tok.tag_ in ("NNP", "NNPS") else [tok]
        ents = [self.ent_of.get(t.i) for t in run]
        titled = any(c.lower_.rstrip(".") in COURTESY for c in tok.lefts)
        if any(e is not None and e.label_ in PERSON_LABELS for e in ents) or (titled and tok.tag_ == "NNP"):
            own = self.ent_of.get(tok.i)
            words = {t.i: t for t in run}
            if own is not None and own.label_ in PERSON_LABELS:
                words.update({t.i: t for t in _untitled(own)})
            name = strip_name(tokens_text([words[i] for i in sorted(words)]))
            return Mention(tok.i, self.full_person(name, tok.i), "person")
        ent = self.ent_of.get(tok.i)
        if ent is not None and ent.label_ in BODY_LABELS and (_titled_name(ent) or _after_title(tok, ent)):
            return Mention(tok.i, self.full_person(ent.text, tok.i), "person")  # "PM Lee", "founder SBF" tagged ORG
        if ent is not None and ent.label_ in BODY_LABELS and self._known_person(ent.text):
            return Mention(tok.i, self.full_person(ent.text, tok.i), "person")  # "Cameron" tagged ORG here
        if ent is not None and ent.label_ in BODY_LABELS:
            return Mention(tok.i, self.fuller_body(self.body_name(ent), tok.i), "body")
        if tok.tag_ == "NNP" and ent is None and tok.text.istitle():
            key = tok.lower_
            titled = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.lefts)  # "chief Ann Lee"
            if len(run) >= 2 or titled or any(_surname_key(p[1]) == key for p in self.persons) \
                    or self._by_first_word([tok.text]):
                name = strip_name(tokens_text(run))
                return Mention(tok.i, self.full_person(name, tok.i), "person")  # an untagged name
        return None

    # ------------------------------------------------------------ resolution

    def resolve(self, tok) -> Mention | None:
        """The referent of a subject or speaker token, at its position in the article."""
        if tok.lower_ in RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.head.i:
            tok = tok.head.head  # "Jane Doe, who said ..." -> Jane Doe
        if tok.pos_ == "PRON" or tok.tag_ == "PRP":
            return self.pronoun(tok)
        if tok.i not in self.named_at:
            self.named_at[tok.i] = self._named(tok)
        return self.named_at[tok.i]

    def _named(self, tok) -> Mention | None:
        """The referent of a noun: a name set beside it, its own name, else its description."""
        if tok.ent_type_ in NOT_SPEAKER_LABELS and not any(_surname_key(p[1]) == tok.lower_ for p in self.persons):
            return None  # "October", "Monday": never who said something (unless "May" is Ms May)
        appos = self._appositive_person(tok) or self._appositive_body(tok)
        if appos is not None:
            return appos
        named = self.entity_mention(tok)
        if named is not None:
            return named
        return self.description(tok)

    def _appositive_person(self, tok) -> Mention | None:
        """"The envoy, Pavel Ivanov, said" and "Ivanov's deputy, Ann Lee, said": the named person.

        After a person's title the name is a person's whatever the tagger says: in "the
        President of Ruritania, Ann Lee-Park, said" a name tagged as a place is still hers.
        """
        if tok.ent_type_ in PERSON_LABELS:
            return None
        titled = tok.lower_ in TITLES
        for sub in _apposed(tok, self.appositions):
            if sub.i in self.quoted or (sub.ent_type_ in BODY_LABELS and not titled):
                continue
            if sub.ent_type_ in PERSON_LABELS or (sub.tag_ == "NNP" and sub.text.istitle()):
                found = None if sub.ent_type_ in BODY_LABELS else self.entity_mention(sub)
                if found is None:  # an untagged or mis-tagged name: "the president, Ann Lee-Park,"
                    name = strip_name(tokens_text(name_run(sub))) or sub.text
                    found = Mention(sub.i, self.full_person(name, sub.i), "person")
                return found
        return None

    def _appositive_body(self, tok) -> Mention | None:
        """"The bank's regulator, the OCC, said": a description followed by the body's name."""
        if tok.pos_ != "NOUN" or tok.lower_ in TITLES:
            return None
        for sub in _apposed(tok, self.appositions):
            if sub.i not in self.quoted and sub.ent_type_ in BODY_LABELS and sub.dep_ == "appos":
                return self.entity_mention(sub)
        return None

    def pronoun(self, tok) -> Mention | None:
        """"he said" -> the latest person named as a subject before; "they" -> a group or body."""
        word = tok.lower_
        if word in MALE_FEMALE:
            kinds = ("person", "other")  # "other": one person described, "the farmer", "one witness"
        elif word in PLURAL:
            kinds = ("group", "body")
        elif word in NEUTER:
            kinds = ("body",)
        else:
            return None
        found = self.latest(tok.i, kinds, word)
        personal = word in MALE_FEMALE
        if found is None and personal:
            people = [p for p in self.persons if p[0] < tok.i and self.agrees(p[1], word)]
            if people and not self._rivals(people[-1][1], people[-1][0], tok.i, word, everyone=True):
                return Mention(tok.i, self.full_person(people[-1][1], tok.i), "person", pronoun=word)
            return None
        if found is not None and personal and (self._rivals(found.name, found.pos, tok.i, word)
                                               or self._body_spoke_since(found.pos, tok.i)):
            return None  # "Ann Lee said X. Tom Baker declined. 'Y,' she said.": Lee or Baker?
        return Mention(tok.i, found.name, found.kind, pronoun=word) if found else None

    def _body_spoke_since(self, at: int, pos: int) -> bool:
        """A body or group spoke between the person and the pronoun ("Ann Lee left. The ministry
        said X. 'Y,' he said."): "he" is then someone the article has not named."""
        return any(at < m.pos < pos and m.main and not m.pronoun and m.kind in ("body", "group")
                   and self.doc[m.pos].head.lemma_.lower() in SPEECH_VERBS for m in self.subjects)

    def _rivals(self, name: str, at: int, pos: int, word: str, everyone: bool = False) -> bool:
        """Another person the pronoun at `pos` may as well refer to, when the article does not
        tell this one's gender: another speaker (the main-clause subject of a verb of saying), or
        anyone named (`everyone`), from the sentence before `name`'s mention at `at` up to the
        pronoun, with a gender that does not rule it out."""
        key = _surname_key(name)
        if self.gender.get(key) is not None:
            return False  # the article calls this person "he" or "she": that settles it
        if not everyone and self.doc[at].head.lemma_.lower() in SPEECH_VERBS:
            return False  # the latest one to speak: "Ann Lee welcomed it in a post. 'X,' she wrote."
        sent = self.doc[at].sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        if everyone:
            others = [n for p, n, _ in self.persons if start <= p < pos]
        else:
            others = [m.name for m in self.subjects if start <= m.pos < pos and m.kind in ("person", "other") and m.main
                      and not m.pronoun and self.doc[m.pos].head.lemma_.lower() in SPEECH_VERBS]
        return any(_surname_key(n) != key and self.agrees(n, word) for n in others)

    def latest(self, pos: int, kinds: tuple[str, ...], word: str = "") -> Mention | None:
        """The latest main-clause subject of those kinds before pos (else any such subject),
        agreeing with the pronoun's gender when the article tells it.

        "Ann Lee noted that Bo Chan had left. 'We go on,' she said." -> Ann Lee, not Bo Chan.
        """
        idx = bisect.bisect_left([m.pos for m in self.subjects], pos)
        earlier = [m for m in self.subjects[:idx] if m.kind in kinds and self.agrees(m.name, word)]
        main = [m for m in earlier if m.main]
        return (main or earlier or [None])[-1]

    def description(self, tok) -> Mention | None:
        """A common-noun phrase ("the ministry", "Some officials"), resolved back when it names
        a body or titled person the article named before ("the Health Ministry" -> "X's Health Ministry")."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children):
            return None  # "his family": whose, the pronoun would have to say
        if tok.lemma_.lower() in MESSAGE_NOUNS:
            return self._issuer(tok)
        words = _phrase(tok)
        content = [w for w in words if w.lower() not in QUANTIFIERS | DETERMINERS]
        if not content:
            return None
        lowered = [w.lower() for w in content]
        body = self._described_body(tok.i, lowered)
        if body is not None:
            return body
        of_words = _of_words(tok)  # "the President of Ruritania": both words describe the person
        for wanted in ([set(lowered) | of_words] if of_words else []) + [set(lowered)]:
            for pos, name, roles in reversed(self.persons):
                if pos < tok.i and wanted <= roles and not (roles & OFFICE_MODIFIERS) - wanted:
                    return Mention(tok.i, self.full_person(name, tok.i), "person")
        if len(lowered) == 1 and lowered[0] in BODY_NOUNS:
            return self._body_nearby(tok)  # "the group said": which group, only a name nearby tells
        kind = describes_speaker(tok.lemma_, tok.tag_ in ("NNS", "NNPS"))
        if kind is None and _name_like(tok):
            kind = "group" if tok.tag_ == "NNPS" else "other"  # a name the tagger did not label
        if kind is None:
            return None  # "the liftoff", "the microphone": no one who speaks
        display = _display([w for w in words if w.lower() not in QUANTIFIERS]) + _named_affiliation(tok)
        return Mention(tok.i, display, kind)

    def _body_nearby(self, tok) -> Mention | None:
        """The one body named in this sentence before `tok` or in the sentence before; None when
        there is none or more than one."""
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        near = {name for at, name in self.bodies if start <= at < tok.i}
        return Mention(tok.i, near.pop(), "body") if len(near) == 1 else None

    def _issuer(self, tok) -> Mention | None:
        """Who issued a statement, report or post that "says": its possessor or the name
        compounded with it ("the Acme statement", "Acme's report"), or "from X"; else None."""
        for child in tok.children:
            if child.dep_ in ("poss", "compound") and child.i not in self.quoted:
                found = self.resolve(child)
                if found is not None and found.kind in ("person", "body", "group"):
                    return replace(found, pos=tok.i)
        for prep in tok.rights:
            if prep.lower_ in ("from", "by", "of") and prep.dep_ == "prep":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i not in self.quoted:
                        found = self.resolve(obj)
                        if found is not None and found.kind in ("person", "body", "group"):
                            return replace(found, pos=tok.i)
        return None

    def _described_body(self, pos: int, lowered: list[str]) -> Mention | None:
        """The latest body a description names: "the ministry" -> "Norway's Health Ministry"; a
        generic head with the body's own words -> that body ("the health agency" -> "National
        Health Protection Organisation", whatever its acronym)."""
        generic = lowered[-1] in BODY_NOUNS and len(lowered) >= 2
        for at, name in reversed(self.bodies):
            words = name.lower().split()
            if at >= pos:
                continue
            if words[-1] == lowered[-1] and all(w in name.lower() for w in lowered):
                return Mention(pos, name, "body")
            if generic and all(w in words for w in lowered[:-1]):
                return Mention(pos, name, "body")
        return None


def _apposed(tok, appositions: list[int] | None = None) -> list:
    """Names set beside a noun: its appositions, and a co-subject after a comma that the parser
    took for a second subject ("the President of Ruritania, Lee said" parsed as two subjects).

    `appositions`, the doc's appos token indices when known, spares walking a subtree that
    has none (a subtree lies between its left and right edges)."""
    out = []
    if appositions is None or _any_between(appositions, tok.left_edge.i, tok.right_edge.i):
        out = [t for t in tok.subtree if t.dep_ == "appos"]
    if tok.dep_ in ("nsubj", "nsubjpass"):
        for sib in tok.head.children:
            if sib.dep_ != tok.dep_ or sib.i <= tok.i:
                continue
            gap = tok.doc[tok.right_edge.i + 1:sib.left_edge.i]
            if [t.text for t in gap] == [","]:
                out.append(sib)
    return out


def _any_between(positions: list[int], first: int, last: int) -> bool:
    """Some of the sorted positions lies in first..last."""
    k = bisect.bisect_left(positions, first)
    return k < len(positions) and positions[k] <= last


def _of_words(tok) -> set[str]:
    """The words of an `of` phrase after a title: "President of Ruritania" -> {ruritania}."""
    words: set[str] = set()
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words |= {t.lower_ for t in prep.subtree if t.pos_ == "PROPN"}
    return words


def _phrase(tok) -> list[str]:
    """The head noun with its left modifiers: "the union's general secretary"."""
    keep = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "predet")
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in keep:
            start = min(start, child.left_edge.i)
    return [t.text for t in tok.doc[start:tok.i + 1] if not t.is_punct or t.text in ("'s", "\u2019s")]


def _display(words: list[str]) -> str:
    """Words joined as written: "The UN 's refugee agency" -> "The UN's refugee agency"."""
    return re.sub(r" (['\u2019]s)\b", r"\1", " ".join(words))


def _named_affiliation(tok) -> str:
    """" at Barclays" in "analysts at Barclays said": where an unnamed speaker works."""
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "from", "with"):
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in BODY_LABELS]
            if objs:  # the whole name: "officials at the Department of Energy"
                return " " + tok.doc[prep.i:objs[0].right_edge.i + 1].text
    return ""


def _untitled(ent) -> list:
    """A person entity without the titles the tagger took in: "Councillor Ann Lee" -> Ann Lee."""
    tokens = [t for t in ent if t.lower_ not in HONORIFICS]
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLES:
        tokens = tokens[1:]
    return tokens


def _name_like(tok) -> bool:
    """A proper noun, or a word written as one whatever its tag: "ISRO", "Board" mid-sentence."""
    if tok.pos_ == "PROPN":
        return True
    text = tok.text
    return len(text) >= 2 and (text.isupper() or text[:1].isupper() and not tok.is_sent_start)


def _after_title(tok, ent) -> bool:
    """A one-word name tagged as an organisation right after a person's title noun: "FTX founder
    SBF" (the title is lower case, so it is no part of an organisation's name)."""
    return (len(ent) == 1 and tok.tag_ == "NNP" and tok.i > 0 and tok.doc[tok.i - 1].is_lower
            and tok.doc[tok.i - 1].lemma_ in TITLE_NOUNS)


def _titled_name(ent) -> bool:
    """A rank followed by a capitalised name, whatever the tagger's label: "PM Lee", "Dr Okafor"."""
    words = ent.text.split()
    return len(words) >= 2 and words[0].lower() in HONORIFICS and all(w[:1].isupper() for w in words[1:])


def _main_clause(verb, quoted: frozenset[int]) -> bool:
    """No subordinating edge between the verb and the sentence root (edges inside quotes aside)."""
    cur = verb
    while cur.head.i != cur.i:
        if cur.dep_ in SUBORDINATE and cur.head.i not in quoted:
            return False
        cur = cur.head
    return True


def _name_head(tok):
    """The last word of a name the tagger split: "Amir Khan" (PERSON) + "Ivanov" -> "Ivanov"."""
    while tok.dep_ == "compound" and tok.head.tag_ in ("NNP", "NNPS") and tok.head.i == tok.i + 1:
        tok = tok.head
    return tok


def name_run(tok) -> list:
    """The proper nouns written right before a name's last word, titles excluded.

    "Ruritanian Health Minister Ann Lee Park" -> [Ann, Lee, Park]: the run stops at a title word
    or at a word naming a place or body.
    """
    doc = tok.doc
    start = tok.i
    while start > 0:
        prev = doc[start - 1]
        if prev.tag_ == "HYPH" and start > 1 and not prev.whitespace_ and not doc[start - 2].whitespace_ \
                and doc[start - 2].tag_ in ("NNP", "NNPS"):
            start -= 1  # a hyphenated name: "Ban Ki-moon", "Ann Lee-Park"
            continue
        if prev.tag_ not in ("NNP", "NNPS") or prev.dep_ != "compound" or prev.lower_.rstrip(".") in TITLES:
            break
        if prev.ent_type_ in BODY_LABELS:
            break
        start -= 1
    return [t for t in doc[start:tok.i + 1] if t.lower_ not in HONORIFICS]


def _role_words(head) -> frozenset[str]:
    """Words that describe a named person where the article introduces them.

    "UEFA General Secretary Ann Lee" and "Ann Lee, the UEFA general secretary" both give
    {uefa, general, secretary}; used to resolve "the General Secretary".
    """
    root = head
    name = {t.i for t in name_run(root)}
    words: set[str] = set()
    others = {t.i for c in root.children if c.dep_ in ("conj", "cc", "relcl") for t in c.subtree}
    region = [t for t in root.subtree if t.i not in others]  # not "and Vice President Mary Chan"
    if root.dep_ == "appos":
        region += [t for t in root.head.subtree if t.i not in {s.i for s in root.subtree}]
    for tok in region:
        if tok.i not in name and not tok.is_punct:
            words.add(tok.lower_)
            words.update(TITLE_ABBREVIATIONS.get(tok.lower_.rstrip("."), "").split())  # "Gov." -> governor
    return frozenset(words)

