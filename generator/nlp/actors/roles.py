"""Role phrases in one parsed article: the descriptions news copy attaches to a name.

Reads the dependency parse around a name (appositives, titles, "who ..." clauses, predicates);
the choice of one role per actor across sources is generator.sections.actors.roles.
"""

from __future__ import annotations

import re
from typing import Sequence

from generator.text.actor_kinds import HONORIFICS, TITLE_NOUNS, TITLE_PARTICIPLES, fold, person_noun

MAX_ROLE_TOKENS = 14
COPULAS = frozenset({"be", "become", "remain"})
AS_VERBS = frozenset({"serve", "work", "act"})
# Verbs whose subject's predicate says nothing about its part in the story ("the ministry said").
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "note", "state", "report", "write", "claim", "announce", "reply",
    "comment", "explain", "believe", "think", "argue", "warn", "confirm", "call", "describe",
})
NOT_ACTION_VERBS = REPORTING_VERBS | COPULAS
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a title has no finite verb
LEADING_DROP = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "what", "whom"})


# ---------------------------------------------------------------- extraction (spaCy)


def _clip(tokens: Sequence, keep_first: bool = False) -> str | None:
    """A phrase from contiguous tokens, trimmed at clause boundaries and to a readable length.

    "the junta-appointed envoy to Oslo, who ..." -> "junta-appointed envoy to Oslo"
    """
    toks = _whole_words(list(tokens))
    for k, t in enumerate(toks):
        if k and (t.text in {",", ";", "(", "—", "–", ":", "--"} or _opens_clause(t)):
            toks = toks[:k]
            break
    # a relative clause stays when the whole description is short ("a resident who was visiting X")
    if len(toks) > MAX_ROLE_TOKENS:
        rel = next((k for k, t in enumerate(toks) if k and t.lower_ in {"who", "which", "whose"}), None)
        if rel is not None:
            toks = toks[:rel]
    while toks and not keep_first and (toks[0].lower_ in LEADING_DROP or toks[0].is_punct):
        toks = toks[1:]
    # "said Jane Roe, Harbour Foods founder and CEO in a statement": how she said it, no part of the role
    said_in = next((k for k, t in enumerate(toks) if k and t.lower_ in {"in", "on", "via"}
                    and any(u.lower_ in SAYING_MEDIA for u in toks[k + 1:k + 4])), None)
    if said_in is not None:
        toks = toks[:said_in]
    while toks and not _hyphenated(toks[-1]) and (
            toks[-1].is_punct or toks[-1].ent_type_ in {"DATE", "TIME"} and not _age(toks)
            or toks[-1].pos_ in {"ADP", "CCONJ", "DET", "PART"}):
        toks = toks[:-1]
    if len(toks) > MAX_ROLE_TOKENS:
        cut = max((k for k, t in enumerate(toks[:MAX_ROLE_TOKENS + 1]) if t.pos_ in {"ADP", "CCONJ"}), default=0)
        toks = toks[:cut]
    if not toks or not any(t.pos_ in {"NOUN", "PROPN"} for t in toks) and not keep_first or _cut_off(toks[-1]):
        return None
    if toks[0].pos_ in {"VERB", "AUX"} and toks[0].lower_ not in TITLE_PARTICIPLES:
        return None  # "ran in the north of the state", "beating hosts": a clause's words, no description
    if len(toks) > 1 and toks[0].text.isupper() and len(toks[0].text) >= 4 and toks[0].pos_ == "ADJ":
        toks = toks[1:]  # "FAMOUS wildlife expert": a lede's capitals on an adjective, not the role's
    doc = toks[0].doc
    return doc[toks[0].i: toks[-1].i + 1].text.strip()


# Where words were said, after a speaker's description: "..., the firm's chief in a statement".
SAYING_MEDIA = frozenset({"statement", "interview", "tweet", "post", "release", "email", "e-mail", "letter",
                          "briefing", "broadcast", "podcast"})


# Words opening a clause inside a description: "prime minister when she was elected in 1988".
SUBORDINATORS = frozenset({"when", "while", "whereas", "because", "although", "though", "if", "unless",
                           "after", "before", "since", "until", "once", "as"})


def _opens_clause(tok) -> bool:
    """A subordinator heading a verb to its right: the description ends before it."""
    return tok.lower_ in SUBORDINATORS and tok.dep_ in {"advmod", "mark"} and tok.head.pos_ in {"VERB", "AUX"} \
        and tok.head.i > tok.i


def _hyphenated(tok) -> bool:
    """The second half of a hyphenated word ("up" of "start-up"): never trimmed off alone."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in {"-", "–"} and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_


def _cut_off(tok) -> bool:
    """The last word of a text that does not end a sentence: a scraped excerpt cut mid-word
    ("was the sole gu")."""
    doc = tok.doc
    if tok.is_punct:
        return False
    for i in range(tok.i + 1, len(doc)):  # the first word after it, if any (a few spaces at most)
        if not doc[i].is_space:
            return False
    return True


def _whole_words(toks: list) -> list:
    """Tokens widened to whole hyphenated words: the parser may hang "co-founder" on "co" or on
    "founder" alone, and a role must not be half a word."""
    if not toks:
        return toks
    doc = toks[0].doc
    start, end = toks[0].i, toks[-1].i + 1
    while start >= 2 and doc[start - 1].text in {"-", "–"} and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    while end + 1 < len(doc) and doc[end].text in {"-", "–"} and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return list(doc[start:end])


def _age(toks: Sequence) -> bool:
    """ "aged 4 to 11": numbers after "aged" are ages, though tagged as a date."""
    k = len(toks) - 1
    while k > 0 and toks[k].ent_type_ in {"DATE", "TIME"}:
        k -= 1
    return toks[k].lower_ in {"aged", "ages", "age"}


def _two_names(toks) -> bool:
    """ "including exchange FTX.com and quantitative trading company X": the words before a name
    join two names' descriptions ("Chairman and CEO" joins two offices of one person)."""
    toks = list(toks)
    return any(t.pos_ == "CCONJ" and k and not person_noun(toks[k - 1].text)
               and toks[k - 1].dep_ not in {"compound", "amod", "nmod"}  # "mission and project director"
               for k, t in enumerate(toks))


def _after_finite_verb(toks: list) -> list:
    """The words after the last finite verb: "Raducanu beat Canadian teenager X", parsed as one
    phrase before the name, describes X as "Canadian teenager" (a title has no finite verb)."""
    finite = [k for k, t in enumerate(toks) if t.tag_ in FINITE_VERB_TAGS]
    return toks[finite[-1] + 1:] if finite else toks


def _premodifier(span) -> str | None:
    """Title before the name: "Foreign Minister Jane Doe", "state news agency Xinhua"."""
    root = span.root
    left = root.left_edge.i
    if left >= span.start:
        return None
    # a title word the recogniser took into the name ends the title: "Chief [Constable Ian Hopkins]"
    inside = []
    for t in span[:-1]:
        if t.lower_ not in TITLE_NOUNS:
            break
        inside.append(t)
    toks = [t for t in span.doc[left: span.start] if t.lower_ not in HONORIFICS] + inside
    while toks and (toks[0].is_punct or toks[0].is_quote):  # '..." villager Omar X' starts at the quote
        toks = toks[1:]
    toks = _after_finite_verb(toks)
    # a spaced hyphen is a dash: "awarded a penalty - full-back Jane Roe": the title is after it
    dash = max((k for k, t in enumerate(toks) if t.text == "-" and t.i and t.doc[t.i - 1].whitespace_), default=None)
    if dash is not None:
        toks = toks[dash + 1:]
    if any(t.text in {",", "(", ")", "—", "–", '"', "“", "”", ":"} for t in toks):
        return None
    if _two_names(toks):
        return None
    if not any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ not in {"PERSON", "DATE", "TIME"}
               and not (t.ent_type_ in {"GPE", "ORG"} and t.ent_iob_ == "B" and t.i + 1 == span.start)
               for t in toks):
        return None
    if span.label_ == "PERSON" and not any(t.lower_ in TITLE_NOUNS or t.pos_ == "NOUN" for t in toks):
        return None
    return _clip(toks)


def _appositive(span, quoted: bool = False) -> str | None:
    """ "Jane Doe, the bank's chief economist," or "the bank's chief economist, Jane Doe,".

    In a quotation only the second, a title before the name ("our finance director Jane Doe"):
    "Doe, a disgrace, ..." is the speaker's opinion."""
    root, doc = span.root, span.doc
    for child in (() if quoted else root.children):
        if child.dep_ == "appos" and child.i >= span.end and not _is_name(child):
            phrase = _clip(doc[child.left_edge.i: child.right_edge.i + 1])
            if phrase and _describes(phrase):
                return phrase
    if root.dep_ != "appos" or root.head.i >= span.start:
        return None if quoted else _comma_description(span)
    # "Norway's ambassador to Chile, Ingrid Holm": the parser may hang the name on
    # the last noun ("Chile"); climb to the noun the description is about.
    head = root.head
    while (_is_name(head) or head.dep_ == "prep") and head.dep_ in {"pobj", "prep", "compound"} \
            and head.head.i < head.i:
        head = head.head
    if _is_name(head) or head.pos_ not in {"NOUN", "PROPN"} or _two_names(doc[head.left_edge.i: span.start]):
        return None
    return _clip(_after_finite_verb(list(doc[head.left_edge.i: span.start])))


def _comma_description(span) -> str | None:
    """ "the Liberation Front (FLN), the armed wing of the party, ...": a noun phrase set off
    by commas after the name, read from the words when the parser attached it elsewhere."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == "(":
        i = next((t.i + 1 for t in doc[i: i + 6] if t.text == ")"), i)
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"the", "a", "an"}:
        return None
    toks = []
    for tok in doc[i + 1:]:
        if tok.text in {",", ".", ";", ":", "(", "—"} or tok.is_sent_start:
            break
        if tok.pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "ADP", "PART", "NUM", "CCONJ", "PUNCT"}:
            return None
        toks.append(tok)
    return _clip(toks) if toks else None


def _is_name(tok) -> bool:
    """An appositive that is another name is a list, not a description ("Paris, London")."""
    return tok.ent_type_ in {"PERSON", "GPE", "LOC", "DATE"} or (
        tok.ent_type_ in {"ORG", "NORP"} and tok.lower_ not in TITLE_NOUNS)


def _complements(span) -> list[str]:
    """ "X, who served as Y" / "X is Y" / "X became Y" / "appointed X as Y"."""
    root, doc = span.root, span.doc
    out: list[str] = []
    for child in root.children:
        if child.dep_ == "relcl":
            out.extend(_predicate_role(child, doc))
    # "X and 130 companies are parties to the proceedings": a shared predicate describes none alone
    if root.dep_ == "nsubj" and not _reported(root.head) and not any(c.dep_ == "conj" for c in root.children):
        out.extend(_predicate_role(root.head, doc))
    if root.dep_ in {"dobj", "nsubjpass"} and span.label_ == "PERSON":
        for prep in root.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > root.i:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    out.append(_clip(doc[obj.left_edge.i: obj.right_edge.i + 1]) or "")
    return [p for p in out if p]


def _reported(verb) -> bool:
    """ "Doe said Roe was a disgrace": what a speaker says someone is, an opinion, not a role."""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS


def _hedged(verb) -> bool:
    """ "Norway will become a member": a modal predicate is a prospect, not what it is or did."""
    for c in verb.children:  # one pass over the children: each child is a new Token object
        dep = c.dep_
        if dep == "neg" or dep == "aux" and c.tag_ == "MD":
            return True
    return False


def _predicate_role(verb, doc) -> list[str]:
    lemma = verb.lemma_
    # only a copula or an "as" verb gives a role; the (dearer) modal test only for those
    if lemma not in COPULAS and lemma not in AS_VERBS or _hedged(verb):
        return []
    if lemma in COPULAS:
        attr = next((c for c in verb.children if c.dep_ in {"attr", "acomp"} and c.pos_ in {"NOUN", "PROPN"}), None)
        if attr is not None and not _is_name(attr):
            end = attr.right_edge.i
            # "became the first bank to offer X": the infinitive completes the attribute
            xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.left_edge.i == end + 1), None)
            end = xcomp.right_edge.i if xcomp is not None else end
            return [_clip(doc[attr.left_edge.i: end + 1]) or ""]
    if lemma in AS_VERBS:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None:
            role = _clip(doc[obj.left_edge.i: obj.right_edge.i + 1])
            return [f"{verb.text} as {role}"] if role else []
    return []


def role_phrases(span, quoted: bool = False) -> tuple[str, ...]:
    """Every description the sentence attaches to the name, in order of reliability.

    Inside a quotation only the titles stay: "thank our director Jane Doe" names an office,
    "Doe, a disgrace, ..." is the speaker's opinion, not the outlet's description.
    """
    # "neighbouring Norway", "war-torn Ruritania": before a place's name stand adjectives, not titles
    title = _premodifier(span) if span.label_ not in {"GPE", "LOC"} else None
    found = [_appositive(span, quoted), title, *(() if quoted else _complements(span))]
    out: list[str] = []
    own = fold(span.text) if any(found) else ""
    for phrase in found:
        if phrase and phrase not in out and fold(phrase) != own and _describes(phrase):
            out.append(phrase)
    return tuple(out)


_DESCRIPTION_WORD = re.compile(r"[\w’'-]+")


def _describes(phrase: str) -> bool:
    """A description has a common word or an office; a run of capitalised words is another
    name ("Liberation Front (FLN)" names the group twice, it does not describe it)."""
    words = _DESCRIPTION_WORD.findall(phrase)
    return any(w.islower() or w.lower() in TITLE_NOUNS for w in words)


def subject_descriptions(span) -> tuple[tuple[str, ...], str | None]:
    """(roles, action) a clause gives its subject `span` (a name, or a pronoun standing for one):
    "She is a nurse at the clinic" -> nurse at the clinic; "She had lost her home" -> the action."""
    root = span.root
    roles = tuple(_predicate_role(root.head, span.doc)) if root.dep_ == "nsubj" else ()
    return tuple(r for r in roles if r and _describes(r)), action_phrase(span)


# Adverbs that tie a clause to the one before it ("then scored", "also signed"): not part of what it did.
LINKING_ADVERBS = frozenset({"also", "then", "later", "meanwhile", "still", "however", "again", "further",
                             "already", "subsequently", "finally", "too"})
# Pronouns standing for something outside the phrase ("called it a gift", "joined them").
POINTING_PRONOUNS = frozenset({"it", "them", "him", "her", "this", "that", "these", "those", "us", "we",
                               "they", "he", "she", "me", "i", "you"})
CLAUSE_PUNCT = frozenset({",", ";", "—", "–", ":", "--", "(", ")"})
QUOTE_CHARS = frozenset({'"', "“", "”"})
# What completes a predicate: an object, a complement, a prepositional phrase, a particle.
COMPLEMENTS = frozenset({"dobj", "dative", "attr", "acomp", "oprd", "prep", "xcomp", "prt", "agent"})
OPEN_ENDINGS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART", "AUX", "PRON"})


def _without_trailing_time(toks: list) -> list:
    """ "raised interest rates on Tuesday" -> "raised interest rates": when it happened is the
    timeline's business, and a weekday means nothing out of its article."""
    k = len(toks)
    while k > 0 and toks[k - 1].ent_type_ in {"DATE", "TIME"}:
        k -= 1
    if k == len(toks) or k < 3 or toks[k - 1].lower_ in {"aged", "ages", "age"}:
        return toks
    if toks[k - 1].pos_ == "ADP":
        k -= 1
    return toks[:k] if k >= 2 else toks


def _aside_follows(comma) -> bool:
    """A relative clause or an apposition opens right after the comma: an aside, not the phrase."""
    nxt = comma.i + 1
    return any(t.dep_ in {"relcl", "appos", "acl"} and t.left_edge.i == nxt
               for t in comma.doc[nxt: nxt + 8])


def _main_clause(verb) -> bool:
    """The sentence's own statement, or what a speaker reported: not a side clause ("a day
    after X unveiled its latest device" tells another event)."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS


def action_phrase(span) -> str | None:
    """What an organisation or country does as the subject of its clause ("raised interest rates").

    The verb with its auxiliaries and its complements, as a complete predicate or not at all:
    never a reporting verb, a side clause, a subject shared with another name ("X and Y
    completed their withdrawal"), a phrase cut inside a constituent ("importing commodities
    such as oil, ..."), one pointing outside itself ("called it a gift") or unbalanced quotes.
    """
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_ in NOT_ACTION_VERBS or _hedged(verb):
        return None
    if any(c.dep_ == "det" and c.lower_ in {"no", "neither", "few"} for c in root.children):
        return None  # "No Nordic governments have accepted ...": the clause denies the action
    if any(c.dep_ == "conj" for c in root.children) or not _main_clause(verb):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "now considers [the X a partner]": a clause completes it, too loose to cut well
    skip = {"advcl", "conj", "cc", "punct", "mark", "nsubj", "relcl", "parataxis", "npadvmod"}
    keep = {verb.i}
    children = []
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass", "neg"} and root.i < child.i < verb.i:
            keep.add(child.i)
        elif child.dep_ == "advmod" and root.i < child.i < verb.i and child.lower_ not in LINKING_ADVERBS:
            keep.add(child.i)
        elif child.i > verb.i and child.dep_ not in skip:
            children.append(child)
            keep.update(range(child.left_edge.i, child.right_edge.i + 1))
    # a time or reason clause deeper down tells another event: "lost her home when the dam broke"
    for tok in [span.doc[i] for i in sorted(keep)]:
        if tok.dep_ == "advcl" and tok.i != verb.i:
            keep -= set(range(tok.left_edge.i, tok.right_edge.i + 1))
    if not any(c.dep_ in COMPLEMENTS for c in children):
        return None  # "has voted", "is working": the verb without what completes it
    return _predicate_text([span.doc[i] for i in range(min(keep), max(keep) + 1)], children)


def _predicate_text(toks: list, children: list) -> str | None:
    """The predicate's words up to its first clause break, or None when that would cut it."""
    for k, tok in enumerate(toks):
        if tok.text in CLAUSE_PUNCT:
            # a cut between the verb's constituents, or before a modifier set off by commas
            # ("opened its airspace, which had been closed"), ends the predicate; a cut inside
            # a constituent ("commodities such as oil, wheat") mangles it
            inside = any(c.left_edge.i < tok.i <= c.right_edge.i for c in children)
            if inside and not _aside_follows(tok):
                return None
            toks = toks[:k]
            break
    while toks and toks[-1].is_punct and toks[-1].text not in QUOTE_CHARS:
        toks = toks[:-1]
    toks = _without_trailing_time(toks)
    if len(toks) < 2 or len(toks) > MAX_ROLE_TOKENS or toks[-1].pos_ in OPEN_ENDINGS or _cut_off(toks[-1]):
        return None
    if any(t.lower_ in POINTING_PRONOUNS and t.dep_ != "poss" for t in toks) \
            or sum(t.text in QUOTE_CHARS for t in toks) % 2:
        return None
    doc = toks[0].doc
    return doc[toks[0].i: toks[-1].i + 1].text.strip()
