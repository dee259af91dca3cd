"""One article with its spaCy parse, read once: what every extractor of the NLP stage takes.

spaCy builds a Python object for every token, span and `.text` it is asked for, and builds
`doc.ents` anew at each reading; five extractors read the entities and most of them the
sentences. So the parse is read here once, into plain `Sentence`s and the entity spans, and
handed to each extractor with the questions they all ask ("which sentence holds this
character?", "where are these words?") answered in one place.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Sequence

from generator.models import Article, Entity, Sentence
from generator.text.actor_kinds import INSTITUTION_NOUNS, ORG_NOUNS, person_noun

# Entity labels kept as plain data (numbers and dates feed claim comparison).
ENTITY_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME",
    "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "WORK_OF_ART", "LAW", "PRODUCT",
})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


@dataclass(frozen=True)
class ParsedArticle:
    """An article, its parse, and the parse's sentences and entities read once."""

    article: Article
    doc: Any  # spacy.tokens.Doc; never leaves the NLP stage
    text: str  # the parse's text (== doc.text), without spaCy joining every token anew
    ents: tuple  # doc.ents, built once
    sentences: tuple[Sentence, ...]
    _starts: list[int] = field(repr=False, compare=False, default_factory=list)

    @classmethod
    def of(cls, article: Article, doc) -> "ParsedArticle":
        text = _text_of(doc, article)
        ents = tuple(doc.ents)
        sentences = _sentences(doc, article, text, ents)
        return cls(article, doc, text, ents, sentences, [s.start for s in sentences])

    def sentence_at(self, char: int) -> int:
        """Index of the sentence holding a character offset (the one before it, between two)."""
        return max(0, bisect_right(self._starts, char) - 1)

    def positions(self, attr: str, words: frozenset[str], first: int = 0, stop: int | None = None) -> list[int]:
        return positions(self.doc, attr, words, first, stop)

    def entities(self) -> tuple[Entity, ...]:
        """The kept entities as plain data, each with its sentence."""
        if not self.sentences:
            return ()
        return tuple(Entity(self.text[e.start_char:e.end_char], e.label_, e.start_char, e.end_char,
                            self.sentence_at(e.start_char))
                     for e in self.ents if e.label_ in ENTITY_LABELS)


@cache
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """spaCy's string ids of `words`, to compare with a token attribute column: the hash, or
    the small fixed id of a string spaCy knows as a symbol ("appos", "agent", "number")."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def positions(doc, attr: str, words: frozenset[str], first: int = 0, stop: int | None = None) -> list[int]:
    """Indices in [first, stop), in order, of the tokens whose `attr` ("LOWER", "ORTH") is one of
    `words`, read from the parse's attribute column as ints rather than from Token objects."""
    wanted = string_ids(words)
    column = doc.to_array(attr).tolist()
    if wanted.isdisjoint(column):
        return []  # the usual case: none of the words in the article
    stop = len(column) if stop is None else stop
    return [i for i in range(max(first, 0), stop) if column[i] in wanted]


def paragraph_starts(article: Article) -> list[int]:
    starts, pos = [], 0
    for para in article.paragraphs:
        starts.append(pos)
        pos += len(para) + 2
    return starts


def _sentences(doc, article: Article, text: str, ents: Sequence) -> tuple[Sentence, ...]:
    """The article's sentences as plain data, with their paragraph, content lemmas and numbers.

    Reads the parse's token attributes as one array and the text as one string.
    """
    from spacy.attrs import DEP, ENT_TYPE, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, ORTH, TAG

    sents = list(doc.sents)
    starts = paragraph_starts(article)
    strings = doc.vocab.strings
    rows = doc.to_array([IS_STOP, IS_PUNCT, IS_SPACE, LIKE_NUM, ENT_TYPE, LEMMA, ORTH, TAG, DEP]).tolist() \
        if sents else []
    verb_tags, modifier_deps = string_ids(VERB_TAGS), string_ids(MODIFIER_DEPS)
    the_orths = {strings[w] for w in ("The", "the") if w in strings}
    lemma_of: dict[int, str | None] = {}  # lemma hash -> folded lemma, None when blank
    number_ents = [(e.start, e.end, e.text) for e in ents if e.label_ in NUMBER_LABELS]
    # the token-level test of pointers_of only where a pointing word is (its forms as written)
    pointing_orths = {strings[w] for p in POINTING_WORDS for w in (p, p.capitalize(), p.upper()) if w in strings}
    pronoun_orths = {strings[w] for p in PRONOUNS | {"there"} for w in (p, p.capitalize()) if w in strings}
    out: list[Sentence] = []
    para = 0
    people: frozenset[str] | None = None  # words of the article's persons' names (pronouns_of)
    for sent in sents:
        raw = text[sent.start_char:sent.end_char]  # == sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        while para + 1 < len(starts) and starts[para + 1] <= start:
            para += 1
        lemmas: list[str] = []
        loose: list[str] = []  # numbers outside any entity
        has_verb = False
        for stop, punct, space, like_num, ent_type, lemma, orth, tag, dep in rows[sent.start:sent.end]:
            has_verb = has_verb or tag in verb_tags and dep not in modifier_deps
            if not (stop or punct or space):
                if lemma not in lemma_of:
                    word = strings[lemma]
                    lemma_of[lemma] = word.lower() if word.strip() else None
                if lemma_of[lemma] is not None:
                    lemmas.append(lemma_of[lemma])
            if like_num and not ent_type:
                loose.append(strings[orth])
        # sent.ents: the entities wholly inside the sentence, in order
        numbers = tuple(t for s, e, t in number_ents if sent.start <= s and e <= sent.end) + tuple(loose)
        orths = {row[6] for row in rows[sent.start:sent.end]}
        pointers = pointers_of(doc, sent.start, sent.end) if not orths.isdisjoint(pointing_orths) else ()
        if not orths.isdisjoint(pronoun_orths):
            people = _people_words(doc) if people is None else people  # once per article
            pointers += pronouns_of(doc, sent.start, sent.end, people)
        subject = definite_subject(doc, sent.start, sent.end) if rows[sent.start][6] in the_orths else ""
        definites = definites_of(doc, sent.start, sent.end) if not orths.isdisjoint(the_orths) else ()
        has_verb = has_verb and not side_clause(sent)
        out.append(Sentence(len(out), stripped, start, start + len(stripped), para, tuple(lemmas), numbers,
                            pointers, has_verb, subject, definites))
    return tuple(out)


# Words that make a clause a side clause: "While the minister also said that ...", "Because the dam failed."
SUBORDINATORS = frozenset({"while", "as", "because", "although", "though", "whereas", "unless", "if", "since",
                           "when", "after", "before", "until", "once", "whether"})


def side_clause(sent) -> bool:
    """Is the sentence's own verb that of a side clause ("While the minister, Jane Roe, also said
    that ..." with no main clause after it)? Such a sentence states nothing of its own."""
    root = sent.root
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS and c.i < root.i for c in root.children)


# Penn tags of a finite verb: past, present, a modal ("VB" after "will" has its modal).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A verb of any form, save one that only describes a noun ("the burning plant"): a sentence
# without one is a caption or a fragment. (Not finite verbs alone: the small model tags some
# "The plant opened in 2010" as a participle.)
VERB_TAGS = FINITE_TAGS | {"VB", "VBG", "VBN"}
MODIFIER_DEPS = frozenset({"amod", "compound"})


# "that", "those", "these", "such" before a noun point back to a sentence before ("that lie", "those
# staff", "these derailed coaches", "no such relief"); "this" most often means the story's own event
# ("this mission"), and a time ("that day", "those years") is no reference.
POINTING_WORDS = frozenset({"that", "those", "these", "such", "same"})
TIME_NOUNS = frozenset({"year", "week", "month", "day", "time", "morning", "afternoon", "evening", "night",
                        "weekend", "season", "period", "era", "decade", "century", "moment", "hour", "minute",
                        "summer", "winter", "spring", "autumn", "fall", "point", "way"})


def pointers_of(doc, start: int, end: int) -> tuple[tuple[str, str], ...]:
    """The phrases of tokens start..end that point to a noun not named earlier in the sentence."""
    out = []
    for i in range(start, end):
        tok = doc[i]
        if tok.lower_ not in POINTING_WORDS or tok.dep_ not in {"det", "predet", "amod"}:
            continue
        head = tok.head
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or head.i <= i or head.i >= end or lemma in TIME_NOUNS:
            continue
        if any(t.lemma_.lower() == lemma or t.text in {",", ";", "—"} for t in doc[start:i]):
            continue  # "the plan ... that plan", "Although X was banned, that status ...": told in the sentence
        if tok.lower_ == "same" and _same_told(doc, tok, head, end):
            continue
        out.append((doc[i:head.i + 1].text, lemma))
    return tuple(out)


def _same_told(doc, tok, head, end: int) -> bool:
    """ "the same route as in 2019", "the same line-up he used", "same-sex": the sentence says
    the same as what, or "same" points nowhere."""
    if tok.i + 1 < end and doc[tok.i + 1].text in {"-", "‑"}:
        return True
    if any(c.dep_ in {"relcl", "acl", "prep"} for c in head.children) or any(t.lower_ == "as" for t in doc[head.i + 1:end]):
        return True
    return any(t.pos_ == "PRON" and t.dep_ in {"nsubj", "nsubjpass"} for t in doc[head.i + 1:min(end, head.i + 4)])


# Pronouns that stand for someone or something named before them. Where nothing in the
# sentence can be what they stand for, the sentence leans on the one before it, however it
# opens: "Grimacing in pain after a tackle, he hobbled off", "If verified, it would make ...",
# "Unfortunately, that didn't happen", "Had England taken the lead, her performance ...".
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | DEMONSTRATIVES
# What a locative "there" can stand for within its sentence: a named place, or a noun of one.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"city", "town", "village", "area", "region", "country", "site", "scene", "capital", "island",
                         "province", "state", "building", "hospital", "airport", "station", "camp", "school", "court",
                         "street", "district", "border", "port", "coast", "zone", "home", "house", "office"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "It seems that ...", "It took rescuers hours to ...": an "it" that stands for nothing
RAISING = frozenset({"seem", "appear", "remain", "take", "happen", "turn", "look", "matter", "mean"})
QUOTE_CHARS = frozenset('"“”')


def pronouns_of(doc, start: int, end: int, people: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    """The pronouns of tokens start..end, outside quotations, that nothing in the sentence can
    stand for; each with "" where pointers_of gives the noun pointed at (a pronoun names none).

    A pronoun is anchored by a word of its kind in the sentence: a person (a name, or a
    person's noun) for "he", "she"; any noun or name for "it", "that", "they". The main
    clause's subject counts only what comes before it ("Taking to Twitter, he wrote": Twitter
    is not who wrote); a pronoun elsewhere may look ahead too ("When he arrived, Velt said"). An "it" that stands for nothing ("It is unclear whether ...", "It was Velt who
    ...") is no pronoun of anything. `people`: the words of the article's persons' names
    (_people_words), read from the doc when not given."""
    out = []
    quoted = False
    for i in range(start, end):
        tok = doc[i]
        if tok.text in QUOTE_CHARS:
            quoted = not quoted if tok.text == '"' else tok.text == "“"
            continue
        word = tok.lower_
        if word == "there" and not quoted and tok.dep_ == "advmod":
            # "Parliament had been set to start there on Monday": a place told before (not "there is")
            if not any(t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in PLACE_NOUNS for t in doc[start:i]):
                out.append((tok.text, ""))
            continue
        if quoted or word not in PRONOUNS or tok.pos_ not in {"PRON", "DET"}:
            continue
        if word in DEMONSTRATIVES and (tok.dep_ not in SUBJECTS or tok.head.dep_ == "relcl"):
            continue  # "that plan" is pointers_of's; "the plan that failed" points nowhere
        if word in {"it", "its"} and _empty_it(tok):
            continue
        # (the clause a speaker's tail reports counts as the main one: "Late on Saturday it had 72
        # seats, the ABC said": "seats" and "ABC" after "it" are not what it stands for)
        main = tok.dep_ in SUBJECTS and (tok.head.dep_ == "ROOT" or tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"
                                         or tok.head.dep_ == "ccomp" and tok.head.head.dep_ == "ROOT"
                                         and tok.head.head.i > tok.i)
        scope = doc[start:i] if main or word in DEMONSTRATIVES else [t for t in doc[start:end] if t.i != i]
        if tok.dep_ in OBJECTS:  # "Lawmakers were quick to oppose it": an object is never its own clause's subject
            own = _clause_subject(tok)
            scope = [t for t in scope if own is None or not own.left_edge.i <= t.i <= own.right_edge.i]
        if word in PERSON_PRONOUNS and people is None:
            people = _people_words(doc)
        if not any(_anchors(word, t, people) and (not main or word not in PERSON_PRONOUNS or _told_apart(t, tok))
                   for t in scope):
            out.append((tok.text, ""))
    return tuple(out)


def _told_apart(anchor, pronoun) -> bool:
    """A noun before a subject "he" or "she" stands for the person only in a clause of its own
    ("When the suspect arrived, he ..."); in the phrase that opens the pronoun's own clause it
    describes the pronoun's person, whom it does not name ("A former smoker, he ...", "As
    president, she ...", "In a statement from the president's office, he ..."). A name does."""
    if anchor.pos_ == "PROPN" or anchor.ent_type_ == "PERSON":
        return True
    return any(t.tag_ in FINITE_TAGS for t in anchor.doc[anchor.i + 1:pronoun.i])


OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _clause_subject(tok):
    """The subject of the clause a pronoun sits in: up its heads ("oppose" <- "quick" <- "were")
    to the first verb that has one."""
    head = tok.head
    for _ in range(6):
        subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        if subject is not None or head.head.i == head.i:
            return subject
        head = head.head
    return None


def _people_words(doc) -> frozenset[str]:
    """Every word of a name the article's parse tags a person's anywhere ("Moriwaka" of "Kenji Moriwaka")."""
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.pos_ == "PROPN")


def _anchors(pronoun: str, tok, people: frozenset[str] | None = None) -> bool:
    """Can `tok` be what `pronoun` stands for? (Never a time: "After a long weekend, it ...")"""
    if tok.ent_type_ in {"DATE", "TIME"} or tok.lemma_.lower() in TIME_NOUNS:
        return False
    if pronoun in PERSON_PRONOUNS:  # the small model tags many a person's name ORG, GPE or PRODUCT:
        # a name is a person's where it is tagged so (here or elsewhere in the article), untagged,
        # or the subject of a verb
        if tok.pos_ == "PROPN" and _with_article(tok):
            return False  # "the Moon", "the Kremlin": no one's name, whatever the tag
        # (a capitalised word of a person's name whatever its tag: "Banks has been troubled ...,
        # slowing his run", where the tagger reads a plural noun)
        if (tok.pos_ == "PROPN" or tok.text[:1].isupper()) and people and tok.lower_ in people:
            return True
        # (a person's noun in the singular: "Prosecutors would not say where he was held" names no "he")
        return tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and (tok.ent_type_ in {"ORG", ""} or tok.dep_ in SUBJECTS) \
            or tok.pos_ == "NOUN" and tok.tag_ != "NNS" and person_noun(tok.lemma_.lower())
    if pronoun in GROUP_PRONOUNS and tok.pos_ == "NOUN":
        # "they" stands for many, or for a body: not "What they had not yet figured out was making money"
        return tok.tag_ == "NNS" or tok.lemma_.lower() in ORG_NOUNS | INSTITUTION_NOUNS or tok.lemma_.lower() in {
            "police", "people", "family", "public", "crowd", "crew", "staff", "government", "audience", "couple"}
    return tok.pos_ in {"NOUN", "PROPN"} or tok.ent_type_ in {"NORP", "ORG"}


def _with_article(tok) -> bool:
    """Does the name take an article ("the Moon", "the White House")? A person's name does not."""
    head = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" else tok
    return any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in head.children)


def definite_subject(doc, start: int, end: int) -> str:
    """The head lemma of a bare definite noun phrase opening the sentence as its main subject
    ("The strategy paid off", "The emotional scenes were ..."), else "". A phrase that says
    more of what it is ("the plan to cut taxes", "the Harbour Party") is not bare."""
    det = doc[start]
    noun = det.head
    if det.lower_ != "the" or det.dep_ != "det" or noun.pos_ != "NOUN" or not start < noun.i < end:
        return ""
    after = doc[noun.i + 1] if noun.i + 1 < end else None
    # (the small model parses some "The strategy paid off" as a noun phrase: its verb an "acl")
    misread = noun.dep_ == "ROOT" and after is not None and after.head.i == noun.i and after.tag_ in FINITE_TAGS | {"VBN"}
    if not misread and (noun.dep_ not in SUBJECTS or noun.head.dep_ != "ROOT"):
        return ""
    return noun.lemma_.lower() if _bare(doc, start, noun, after if misread else None) else ""


def definites_of(doc, start: int, end: int) -> tuple[str, ...]:
    """The head lemmas of the sentence's bare definite noun phrases ("the collapse", "the
    building", "the remaining"): "the" and a common noun, no name, no phrase saying which."""
    out = []
    for i in range(start, end):
        det = doc[i]
        if det.lower_ != "the" or det.dep_ != "det":
            continue
        noun = det.head
        if noun.pos_ != "NOUN" or not i < noun.i < end or noun.lemma_.lower() in TIME_NOUNS:
            continue
        if _bare(doc, i, noun):
            out.append(noun.lemma_.lower())
    return tuple(dict.fromkeys(out))


# What says which thing a noun is: "the plan to cut taxes", "the bridge that fell", "the 2010 law".
NAMING_DEPS = frozenset({"prep", "relcl", "acl", "appos", "nummod", "poss"})


def _bare(doc, det_i: int, noun, verb=None) -> bool:
    """ "the" and a common noun with no name in between and nothing saying which one it is
    (`verb`: a child read as the sentence's verb, not as a description of the noun)."""
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[det_i:noun.i + 1]):
        return False
    return not any(c.dep_ in NAMING_DEPS and (verb is None or c.i != verb.i) for c in noun.children)


def _empty_it(tok) -> bool:
    """ "It is unclear whether ...", "It is expected that ...", "It was Velt who ...", "It took
    hours to ...": an "it" standing for the clause after it, not for something said before."""
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in SUBJECTS:
        return False
    head = tok.head
    kids = list(head.children)
    if any(k.dep_ in {"ccomp", "csubj"} and k.pos_ in {"VERB", "AUX"} for k in kids):
        return True
    if any(k.dep_ == "attr" and k.lemma_.lower() in TIME_NOUNS for k in kids):
        return True  # "It has been ten years since ..." 
    if head.lemma_ in RAISING and any(k.dep_ in {"xcomp", "ccomp", "advcl"} for k in kids):
        return True
    return any(k.dep_ in {"acomp", "attr", "oprd"} and any(g.dep_ in {"ccomp", "xcomp", "relcl", "acl"}
                                                          for g in k.children) for k in kids)


def _text_of(doc, article: Article) -> str:
    """The parse's text: the article's own, which spaCy's tokenizer keeps character for
    character, unless the lengths disagree. `doc.text` joins every token anew, which costs
    as much as some extractors."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return article.text if end == len(article.text) else doc.text
