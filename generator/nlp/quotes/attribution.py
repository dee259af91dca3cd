"""Who said a quotation: the speech verb that governs it, and that verb's subject.

Uses the dependency parse: a quotation's speaker is the subject of a speech verb in its
sentence ("X said", "said X", "X told Y that", "X, calling it a '...'"), of a participle's
governing verb, the object of "according to", or a name after a dash closing a block quote.
"""

from __future__ import annotations

import re
from typing import Iterable

from generator.nlp.quotes.names import Mention, Names
from generator.nlp.quotes.speakers import SPEECH_VERBS

# Verbs of an outlet passing words on ("the BBC reports", "Reuters reported"): their subject is the
# speaker only when no other verb of saying frames the quotation.
REPORTING = frozenset({"report"})
# Verbs whose "it" is no one: "it was likely", "it seems".
DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "look", "take", "happen"})
# Edges by which a clause with its own subject hangs off a speech verb without being its
# content: in "X announced it, as the crowd chanted 'Y'" the chant is not X's.
ADJUNCT_EDGES = {"advcl", "relcl", "acl", "prep", "pcomp", "npadvmod", "pobj"}
SUBJECT_DEPS = ("nsubj",)
# Finite verb tags: only these take a subject ("Ann Lee said"; not "saying", "to say").
FINITE = {"VBD", "VBZ", "VBP"}
# Nouns of saying that carry a quotation and its source: 'a warning of "war" from X', "X's call for 'restraint'".
SPEECH_NOUNS = frozenset({
    "warning", "threat", "call", "pledge", "promise", "vow", "plea", "appeal", "statement",
    "remark", "comment", "message", "demand", "accusation", "claim", "denial", "description",
})
# Verbs with no content of their own: "Ann Lee, a farmer, explains." attributes a quotation next to it.
CONTENT_DEPS = {"ccomp", "xcomp", "csubj", "dobj", "attr", "oprd"}
# A block quote signed after a dash: `"We will act." – Transport Ministry`.
DASH_SIGNATURE = re.compile(r"^[\s,.;:]*[-\u2013\u2014]+\s*(?P<name>[^.!?\"\u201c\u201d]{2,90}?)[\s.]*$")


# A speaker label before a quotation, as in interviews and live blogs: `Ann Lee: "We will win."`.
COLON_LABEL = re.compile(r"^\s*(?P<name>[^.!?:\"\u201c\u201d]{2,60}?)\s*:\s*$")


def is_speech_verb(tok) -> bool:
    """A verb of saying outside a quotation (its lemma, so "says", "said", "saying" all count)."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _according_to(tok) -> object | None:
    """`according to X`: the token X, else None."""
    if tok.lower_ != "according":
        return None
    for to in tok.children:
        if to.lower_ == "to":
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _path_up(tok, stop) -> list | None:
    """Tokens from tok up to stop (exclusive of both), or None when stop is not an ancestor."""
    path = []
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i == stop.i:
            return path
        path.append(cur)
    return None
    return None


def _governs(verb, top_tokens: Iterable, names: Names) -> bool:
    """True when the verb frames the quotation: the quote is the verb's content (or the verb
    hangs off the quote, `"A," he said`), not an adjunct clause with a subject of its own."""
    for top in top_tokens:
        if verb.i != top.i and verb.i in {t.i for t in top.subtree}:
            return True  # "We will," he said: the speech verb attaches to the quote
        path = _path_up(top, verb)
        if path is None:
            continue
        entry = path[-1] if path else top
        own_subject = any(
            any(c.dep_ in SUBJECT_DEPS and c.i not in names.quoted for c in t.children)
            for t in path if t.pos_ in ("VERB", "AUX")
        )
        if not (entry.dep_ in ADJUNCT_EDGES and own_subject):
            return True
    return False


def speaker_of(verb, names: Names) -> Mention | None:
    """The subject of a speech verb, climbing from participles to the verb they hang on.

    "Ann Lee welcomed it, calling it 'bold'" -> Ann Lee. A plain noun subject of a non-speech
    verb on the way up ("the decision came from Z, calling it...") is only a last resort.
    """
    obj = _according_to(verb)
    if obj is not None:
        found = names.resolve(obj)
        return found if found and found.kind in ("person", "body", "group") else None
    if verb.lemma_.lower() == "quote":  # "the ministry said, quoting Ann Lee" -> Ann Lee
        for child in verb.children:
            if child.dep_ == "dobj":
                return names.resolve(child)
    if _reading_out(verb):
        return None  # '"I hereby resign," said the speaker, reading the letter': the letter's words
    fallback = None
    cur = verb
    for _ in range(6):
        subordinate = cur.i != verb.i and any(c.dep_ == "mark" for c in cur.children)
        subj = None if subordinate else _subject(cur, names)  # "after X joined, calling it": not X
        if subj is not None and subj.lower_ == "it" and cur.lemma_.lower() in DUMMY_IT_VERBS:
            subj = None  # "it was likely that ...": no one
        if subj is None:
            subj = _controller(cur, names) or _stranded_subject(cur, names)
        if subj is not None and (_joint(subj) or sum(c.dep_ == "nsubj" for c in cur.children) > 1):
            return None  # "his children Ann, Bob and Tom said": several speakers, none of them alone
        if subj is not None:
            found = names.resolve(subj)
            if found is not None and (found.kind != "other" or is_speech_verb(cur)):
                return found
            fallback = fallback or found
            if cur.dep_ == "xcomp" or (cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN")):
                break  # the controller was the one who spoke: no one higher up did
        if cur.head.i == cur.i or cur.dep_ == "relcl":
            break
        cur = _hung_on(cur)
    return fallback


def _hung_on(verb):
    """The verb a participle tells more of: the nearest one before it. "X died and his daughter
    confirmed it, writing: ..." -- the parser may hang "writing" on "died"; it goes with "confirmed"."""
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        nearer = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and head.i < c.i < verb.i]
        if nearer:
            return nearer[-1]
    return head


def _stranded_subject(verb, names: Names):
    """ "Velt died on Monday and his daughter, Ann Velt, confirmed it, writing: ...": a second verb
    whose subject the parser hung elsewhere (on a noun before "and"); the noun phrase written
    between the "and" and the verb is who did it, not the first verb's subject."""
    if verb.dep_ != "conj":
        return None
    doc = verb.doc
    cc = next((t for t in reversed(doc[verb.head.i + 1:verb.i]) if t.dep_ == "cc" and t.lower_ in ("and", "but")), None)
    if cc is None or cc.i + 1 >= verb.i:
        return None
    region = doc[cc.i + 1:verb.i]
    nouns = [t for t in region if t.pos_ in ("NOUN", "PROPN") and t.i not in names.quoted
             and t.head.i not in range(cc.i + 1, verb.i) and t.dep_ != "pobj"]
    return nouns[0] if nouns else None


def _reading_out(verb) -> bool:
    """The speech verb has "reading (out/from) ..." hanging on it: the words are someone else's."""
    return is_speech_verb(verb) and any(
        c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() == "read" and c.tag_ == "VBG"
        for c in verb.children)


def _joint(tok) -> bool:
    """A subject of several coordinated names ("Ann Lee and Tom Baker", "his children Ann, Bob and
    Tom"): their words are a joint statement, never one of them's."""
    if any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children) and tok.pos_ == "PROPN":
        return True
    return any(a.dep_ == "appos" and any(c.dep_ == "conj" for c in a.children) for a in tok.children)


def _controller(verb, names: Names):
    """Who does what a verb with no subject of its own says: the object of the verb it
    completes ("prompted Ann Lee to announce" -> Ann Lee), or the noun a participle describes
    ("engineers celebrating by shouting" -> engineers)."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        for child in head.children:
            if child.dep_ == "dobj" and child.i not in names.quoted:
                return child
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.i not in names.quoted:
        return head
    return None


def _subject(verb, names: Names) -> object | None:
    """Active subject, the agent of a passive ("was described as 'bold' by Ann Lee"), or the
    name after an inverted verb that the parser took for its object ('"...," remarked Ann Lee')."""
    children = [c for c in verb.children if c.i not in names.quoted]
    for child in children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_.lower() == "quote"):
            return child  # "Ann Lee said", "Ann Lee was quoted as saying"
    for child in children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if not is_speech_verb(verb):
        return None
    if verb.i > 0 and verb.i - 1 in names.quoted:
        for child in children:
            if child.dep_ in ("dobj", "attr", "npadvmod") and child.pos_ == "PROPN" and child.i > verb.i:
                return child
    return _detached_subject(verb, names)


def _detached_subject(verb, names: Names) -> object | None:
    """'"...", - the bank's chief, Ann Lee, said.': the parser hung the noun phrase between
    the closing mark and the verb on the quotation; it is still the verb's subject."""
    doc = verb.doc
    if verb.tag_ not in FINITE:  # '"...", calling it "x"': a participle has no subject of its own
        return None
    start = verb.i
    while start > 0 and start - 1 not in names.quoted and verb.i - start < 15:
        start -= 1
    if start == 0 or start - 1 not in names.quoted:
        return None
    region = range(start, verb.i)
    roots = [t for t in doc[start:verb.i] if t.head.i not in region and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return roots[0] if roots else None


def candidate_verbs(tokens: Iterable, names: Names) -> list:
    """Speech verbs and `according to` outside quotation marks.

    is_speech_verb and _according_to inlined, their cheap tests first: this runs over every
    token of the article.
    """
    quoted = names.quoted
    return [t for t in tokens if t.i not in quoted and (
        t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS
        or t.lower_ == "according" and _according_to(t) is not None)]


def attribute(quote_tokens: list, frame: list, names: Names) -> Mention | None:
    """The speaker of one quotation from its sentence(s): nearest governing speech verb first."""
    inside = {t.i for t in quote_tokens}
    tops = [t for t in quote_tokens if (t.head.i not in inside or t.head.i == t.i) and not t.is_punct]
    first, last = quote_tokens[0].i, quote_tokens[-1].i

    def rank(verb) -> tuple[int, int, int, int]:
        distance = first - verb.i if verb.i < first else verb.i - last
        related = _governs(verb, tops, names) or _adjacent(verb, first, last, names)
        # "X said the day would "...", the BBC reports": whoever reports it comes after the speaker
        return (0 if related else 1, verb.lemma_.lower() in REPORTING, distance, verb.i)

    verbs = sorted(candidate_verbs(frame, names), key=rank)
    for verb in verbs:
        if rank(verb)[0] > 0 and _according_to(verb) is None:
            break
        found = speaker_of(verb, names)
        if found is not None:
            return found
    return None


def _adjacent(verb, first: int, last: int, names: Names) -> bool:
    """The verb stands right at the quotation, only its own words between, whatever the parse
    ('"We won!" exclaimed Ann Lee', 'Ann Lee said: "We won"')."""
    doc = verb.doc
    between = range(last + 1, verb.i) if verb.i > last else range(verb.i + 1, first)
    own = {t.i for t in verb.subtree}
    return all(doc[i].is_punct or i in names.quoted or (i in own and doc[i].pos_ != "VERB") for i in between)


def colon_label(before: str, start: int, names: Names) -> Mention | None:
    """A speaker label opening the paragraph: 'Ann Lee: "We will not give up."'."""
    match = COLON_LABEL.match(before)
    if not match or not match.group("name")[:1].isupper():
        return None
    span = names.doc.char_span(start + match.start("name"), start + match.end("name"), alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return names.resolve(span.root)


def dash_signature(after: str, start: int, names: Names) -> Mention | None:
    """A name after a dash that closes the paragraph: `"..." – Ministry of Health`."""
    match = DASH_SIGNATURE.match(after)
    if not match or not match.group("name")[:1].isupper():
        return None
    begin = start + match.start("name")
    span = names.doc.char_span(begin, start + match.end("name"), alignment_mode="expand")
    if span is None:
        return None
    if any(is_speech_verb(t) for t in span):
        return None
    return names.resolve(span.root)


def speech_noun_speaker(quote_tokens: list, names: Names) -> Mention | None:
    """The source of a noun of saying that holds the quotation: 'drew a warning of "reprisals"
    from the ministry' and 'the ministry's warning of "reprisals"' -> the ministry."""
    inside = {t.i for t in quote_tokens}
    tops = [t for t in quote_tokens if t.head.i not in inside and not t.is_punct]
    for top in tops:
        cur = top
        for _ in range(3):
            if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "dobj", "appos"):
                break
            cur = cur.head
            if cur.pos_ == "NOUN" and cur.lemma_.lower() in SPEECH_NOUNS:
                return _noun_source(cur, inside, names)
    return None


def _noun_source(noun, inside: set[int], names: Names) -> Mention | None:
    """The possessor of a speech noun, or the object of a `from` in its phrase."""
    for child in noun.children:
        if child.dep_ == "poss" and child.i not in names.quoted:
            return names.resolve(child)
    for tok in noun.subtree:
        if tok.lower_ == "from" and tok.dep_ == "prep" and tok.i not in names.quoted:
            for obj in tok.children:
                if obj.dep_ == "pobj" and obj.i not in names.quoted:
                    found = names.resolve(obj)
                    return found if found and found.kind in ("person", "body", "group") else None
    return None


def bare_attribution(tokens: list, names: Names) -> Mention | None:
    """The speaker of a sentence that only names one ("Ann Lee, a farmer, explains."): a speech
    verb with no content of its own, so it attributes the quotation beside it."""
    verbs = [t for t in candidate_verbs(tokens, names) if t.dep_ == "ROOT"]
    if len(verbs) != 1 or any(c.dep_ in CONTENT_DEPS for c in verbs[0].children):
        return None
    found = speaker_of(verbs[0], names)
    return found if found is not None and found.kind in ("person", "body", "group") else None
