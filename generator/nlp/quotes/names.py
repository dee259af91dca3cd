"""Who a noun phrase names, resolved within one article (used to attribute quotations).

Resolution follows how news prose refers back to people and bodies: full name first,
then surname ("Mr Ivanov"), pronoun ("he") or title/description ("the envoy", "the ministry").
Everything here reads the spaCy parse; nothing is specific to a story.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Sequence

from generator.nlp.parsed import positions
from generator.nlp.quotes.gender import GENDERED, genders
from generator.nlp.quotes.name_parts import (
    BODY_LABELS, BODY_NOUNS, COURTESY, DETERMINERS, HONORIFICS, MALE_FEMALE, NEUTER, OFFICE_MODIFIERS,
    PERSON_LABELS, PLURAL, QUANTIFIERS, RELATIVE, TITLES, after_title, apposed, display, main_clause,
    name_head, name_like, name_run, named_affiliation, of_words, phrase, role_words, strip_name,
    surname_key, titled_name, tokens_text, untitled,
)
from generator.nlp.quotes.speakers import (
    MESSAGE_NOUNS, NOT_SPEAKER_LABELS, POSSESSIVE_PRONOUNS, SPEECH_VERBS, describes_speaker,
)


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
                head = name_head(ent.root)
                full = strip_name(tokens_text(name_run(head)))
                if full:
                    names.persons.append((ent.start, full, role_words(head)))
            elif ent.label_ in BODY_LABELS:
                names.bodies.append((ent.start, names.body_name(ent)))
        names.persons.sort(key=lambda p: p[0])
        subjects = [doc[i] for i in positions(doc, "DEP", _SUBJECTS) if i not in quoted]
        named = [m for t in subjects if t.pos_ != "PRON" and (m := names.resolve(t)) and m.kind == "person"]
        people = sorted({(p, n) for p, n, _ in names.persons} | {(m.pos, m.name) for m in named})
        roles = [(full, roles) for _, full, roles in names.persons]
        names.gender = genders(doc, quoted, people, roles, surname_key)
        for tok in subjects:
            mention = names.resolve(tok)
            if mention is not None:
                names.subjects.append(replace(mention, main=main_clause(tok.head, quoted)))
        return names

    def agrees(self, name: str, word: str) -> bool:
        """A gendered pronoun may refer to this person: "she" never to a man the article calls "he"."""
        want = GENDERED.get(word.lower())
        have = self.gender.get(surname_key(name))
        return want is None or have is None or have == want

    # ------------------------------------------------------------ named entities

    def body_name(self, ent) -> str:
        """An organisation with its possessor: "Norway's Health Ministry", not "Health Ministry"."""
        root = ent.root
        poss = [c for c in root.children if c.dep_ == "poss" and c.i < ent.start and c.ent_type_ in BODY_LABELS]
        start, end = poss[0].left_edge.i if poss else ent.start, ent.end
        while start < end - 1 and self.doc[start].is_punct:
            start += 1  # the tagger took a quotation mark in: '" Apple's Board of Directors'
        while end > start + 1 and self.doc[end - 1].is_punct:
            end -= 1
        return strip_name(self.doc[start:end].text)

    def fuller_body(self, name: str, pos: int) -> str:
        """"the Health Ministry" after "Norway's Health Ministry": the fuller earlier name."""
        lowered = name.lower()
        for at, other in reversed(self.bodies):
            if at < pos and other.lower().endswith(" " + lowered):
                return other
        return name

    def full_person(self, name: str, pos: int, titles: frozenset[str] = frozenset()) -> str:
        """A surname or short form expanded to the fullest earlier name ("Mr Ivanov" -> "Pavel Ivanov");
        `titles`: the words of a title written before it ("President")."""
        key = surname_key(name)
        short = [w for w in name.split() if w.lower() not in HONORIFICS]
        best = " ".join(short) or name
        candidates = [p for p in self.persons if surname_key(p[1]) == key] or self._by_first_word(short)
        earlier = [p for p in candidates if p[0] <= pos] or candidates
        fuller = [p for p in earlier if len(p[1].split()) > len(best.split())]
        said = {w.lower() for w in short} | titles
        # "President Velder" is not the one introduced as "former president"
        titled = [p for p in fuller if said & p[2] and ("former" not in p[2] or "former" in said)]
        if len({full for _, full, _ in fuller}) > 1 and len({full for _, full, _ in titled}) == 1:
            return titled[0][1]  # two share the surname: "President Velder" is the one introduced as president
        held = TITLES - COURTESY - {"mr.", "mrs.", "ms.", "dr.", "miss"}  # offices: "Mr" tells no one apart
        offices = {w for full in fuller for w in full[2] & held}
        if fuller and not titled and any(len(p[1].split()) == 1 and p[2] & held and not p[2] & offices
                                         for p in candidates):
            return best  # "President Velt" and "First Lady Ann Velt" both: "Velt said" is either
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
        key = surname_key(text)
        return any(p[1] == text or (len(words) == 1 and surname_key(p[1]) == key) for p in self.persons)

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
                words.update({t.i: t for t in untitled(own)})
            name = strip_name(tokens_text([words[i] for i in sorted(words)]))
            first = min(words)
            titles = frozenset(t.lower_ for t in [*words.values(), *([self.doc[first - 1]] if first else [])]
                               if t.lower_ in TITLES)
            return Mention(tok.i, self.full_person(name, tok.i, titles), "person")
        ent = self.ent_of.get(tok.i)
        if ent is not None and ent.label_ in BODY_LABELS and (titled_name(ent) or after_title(tok, ent)):
            return Mention(tok.i, self.full_person(ent.text, tok.i), "person")  # "PM Lee", "founder SBF" tagged ORG
        if ent is not None and ent.label_ in BODY_LABELS and self._known_person(ent.text):
            return Mention(tok.i, self.full_person(ent.text, tok.i), "person")  # "Cameron" tagged ORG here
        if ent is not None and ent.label_ in BODY_LABELS:
            return Mention(tok.i, self.fuller_body(self.body_name(ent), tok.i), "body")
        if tok.tag_ == "NNP" and ent is None and tok.text.istitle():
            key = tok.lower_
            titled = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.lefts)  # "chief Ann Lee"
            if len(run) >= 2 or titled or any(surname_key(p[1]) == key for p in self.persons) \
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
        if tok.ent_type_ in NOT_SPEAKER_LABELS and not any(surname_key(p[1]) == tok.lower_ for p in self.persons):
            return None  # "October", "Monday": never who said something (unless "May" is Ms May)
        appos = self._appositive_person(tok) or self._appositive_body(tok) or self._titles_before_name(tok)
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
        for sub in apposed(tok, self.appositions):
            if sub.i in self.quoted or (sub.ent_type_ in BODY_LABELS and not titled):
                continue
            if sub.ent_type_ in PERSON_LABELS or (sub.tag_ == "NNP" and sub.text.istitle()):
                found = None if sub.ent_type_ in BODY_LABELS else self.entity_mention(sub)
                if found is None:  # an untagged or mis-tagged name: "the president, Ann Lee-Park,"
                    name = strip_name(tokens_text(name_run(sub))) or sub.text
                    found = Mention(sub.i, self.full_person(name, sub.i), "person")
                return found
        return None

    def _titles_before_name(self, tok) -> Mention | None:
        """ "Actor and writer Jane Roe told ...": descriptions joined before a name, with no article
        and no comma, that the parser made the subject; the name is who spoke."""
        if tok.pos_ != "NOUN" or any(c.dep_ == "det" for c in tok.children):
            return None
        for sub in tok.children:
            between = self.doc[tok.i + 1:sub.i]
            if sub.dep_ == "conj" and sub.ent_type_ in PERSON_LABELS and sub.i not in self.quoted \
                    and not any(t.text == "," for t in between):
                return self.entity_mention(sub)
        return None

    def _appositive_body(self, tok) -> Mention | None:
        """"The bank's regulator, the OCC, said": a description followed by the body's name."""
        if tok.pos_ != "NOUN" or tok.lower_ in TITLES:
            return None
        for sub in apposed(tok, self.appositions):
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
            message = self._message_before(tok.i)
            if message is not None:  # '"X," a post from the SEALs said. "Y," it added.': the post's issuer
                issued = self._issuer(message)
                return replace(issued, pos=tok.i, pronoun=word) if issued is not None else None
        else:
            return None
        found = self.latest(tok.i, kinds, word)
        if found is not None and word in PLURAL and any(c.dep_ == "conj" for c in self.doc[found.pos].children):
            return None  # "X and Y teamed up ... they announced": both of them, not X alone
        personal = word in MALE_FEMALE
        if found is None and personal:
            people = [p for p in self.persons if p[0] < tok.i and self.agrees(p[1], word)]
            if people and not self._rivals(people[-1][1], people[-1][0], tok.i, word, everyone=True):
                return Mention(tok.i, self.full_person(people[-1][1], tok.i), "person", pronoun=word)
            return None
        if found is not None and personal and found.pos < tok.sent.start and self._described_here(tok):
            return None  # "In the words of a spokesman for the agency, he said: ...": that one, not Velt
        if found is not None and personal and (self._rivals(found.name, found.pos, tok.i, word)
                                               or self._body_spoke_since(found.pos, tok.i)):
            return None  # "Ann Lee said X. Tom Baker declined. 'Y,' she said.": Lee or Baker?
        return Mention(tok.i, found.name, found.kind, pronoun=word) if found else None

    def _message_before(self, pos: int):
        """The statement, post or report that spoke last, in this sentence or the one before
        (outside quotation marks): what "it" then goes on saying. None when a speaker that is no
        message spoke after it, or none did."""
        start = self._sentence_before(pos)
        for t in reversed(self.doc[start:pos]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.i not in self.quoted and t.head.lemma_.lower() in SPEECH_VERBS:
                return t if t.lemma_.lower() in MESSAGE_NOUNS else None
        return None

    def _described_here(self, tok) -> bool:
        """Does the pronoun's own sentence describe one person before it ("a spokesman", outside
        quotation marks)? Then "he" is most likely that person, whom the sentence does not name."""
        return any(t.pos_ == "NOUN" and t.tag_ == "NN" and t.i not in self.quoted
                   and describes_speaker(t.lemma_, False) == "other"
                   for t in self.doc[tok.sent.start:tok.i])

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
        key = surname_key(name)
        if self.gender.get(key) is not None:
            return False  # the article calls this person "he" or "she": that settles it
        if not everyone and self.doc[at].head.lemma_.lower() in SPEECH_VERBS:
            return False  # the latest one to speak: "Ann Lee welcomed it in a post. 'X,' she wrote."
        start = self._sentence_before(at)
        if everyone:
            others = [n for p, n, _ in self.persons if start <= p < pos]
        else:
            others = [m.name for m in self.subjects if start <= m.pos < pos and m.kind in ("person", "other") and m.main
                      and not m.pronoun and self.doc[m.pos].head.lemma_.lower() in SPEECH_VERBS]
        return any(surname_key(n) != key and self.agrees(n, word) for n in others)

    def _sentence_before(self, pos: int) -> int:
        """Where the sentence before the one holding `pos` starts (a closing quotation mark the
        splitter left alone is no sentence)."""
        start = self.doc[pos].sent.start
        while start > 0:
            start = self.doc[start - 1].sent.start
            if any(t.is_alpha for t in self.doc[start:self.doc[start].sent.end]):
                break
        return start

    def latest(self, pos: int, kinds: tuple[str, ...], word: str = "") -> Mention | None:
        """The latest main-clause subject of those kinds before pos (else any such subject),
        agreeing with the pronoun's gender when the article tells it; one in the pronoun's own
        sentence first, whatever its clause.

        "Ann Lee noted that Bo Chan had left. 'We go on,' she said." -> Ann Lee, not Bo Chan;
        'Ann Lee told reporters: "We go on," she said.' -> Ann Lee, however the parser hung "told".
        """
        idx = bisect.bisect_left([m.pos for m in self.subjects], pos)
        earlier = [m for m in self.subjects[:idx] if m.kind in kinds and self.agrees(m.name, word)]
        start = self.doc[pos].sent.start
        here = [m for m in earlier if m.pos >= start and not m.pronoun]
        for group in (here, earlier):
            main = [m for m in group if m.main]
            if group:
                pick = (main or group)[-1]
                # "Swathes of the city were flooded. '...', Jane Roe, a minister, said. 'X,' he
                # said.": someone only described loses to a person named after it, whatever the
                # clause the parse gave the name
                named = [m for m in group if m.kind == "person" and m.pos > pick.pos] if pick.kind == "other" else []
                return named[-1] if named else pick
        return None

    def description(self, tok) -> Mention | None:
        """A common-noun phrase ("the ministry", "Some officials"), resolved back when it names
        a body or titled person the article named before ("the Health Ministry" -> "X's Health Ministry")."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children):
            return None  # "his family": whose, the pronoun would have to say
        if tok.lemma_.lower() in MESSAGE_NOUNS:
            return self._issuer(tok)
        words = phrase(tok)
        content = [w for w in words if w.lower() not in QUANTIFIERS | DETERMINERS]
        if not content:
            return None
        lowered = [w.lower() for w in content]
        body = self._described_body(tok.i, lowered)
        if body is not None:
            return body
        beside = of_words(tok)  # "the President of Ruritania": both words describe the person
        for wanted in ([set(lowered) | beside] if beside else []) + [set(lowered)]:
            for pos, name, roles in reversed(self.persons):
                if pos < tok.i and wanted <= roles and not (roles & OFFICE_MODIFIERS) - wanted:
                    return Mention(tok.i, self.full_person(name, tok.i), "person")
        if len(lowered) == 1 and lowered[0] in BODY_NOUNS:
            return self._body_nearby(tok)  # "the group said": which group, only a name nearby tells
        kind = describes_speaker(tok.lemma_, tok.tag_ in ("NNS", "NNPS"))
        if kind is None and name_like(tok):
            kind = "group" if tok.tag_ == "NNPS" else "other"  # a name the tagger did not label
        if kind is None:
            return None  # "the liftoff", "the microphone": no one who speaks
        shown = display([w for w in words if w.lower() not in QUANTIFIERS]) + named_affiliation(tok)
        return Mention(tok.i, shown, kind)

    def _body_nearby(self, tok) -> Mention | None:
        """The one body named in this sentence before `tok` or in the sentence before; None when
        there is none or more than one."""
        start = self._sentence_before(tok.i)
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
