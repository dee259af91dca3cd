"""The words of a name and of a title, read from the parse one token at a time.

What names.py needs to know about a noun phrase before it resolves it: where a name starts
("Ruritanian Health Minister Ann Lee" -> Ann Lee), which words describe the person (their
title, where the article introduces them), which names are set beside it ("the envoy, Pavel
Ivanov,"). Plain functions of tokens; nothing here keeps state.
"""

from __future__ import annotations

import bisect
import re

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
    "ceo": "chief executive", "cfo": "chief financial", "coo": "chief operating", "cto": "chief technology",
    "cio": "chief information", "cmo": "chief marketing",
}
# a company's chiefs are titles too: "Lyrabook CTO Ann Roe" is Ann Roe
TITLES |= {short for short, long in TITLE_ABBREVIATIONS.items() if long.startswith("chief ")}
# Words that make a title another office: "the president" is not the "Vice President Ann Lee".
OFFICE_MODIFIERS = frozenset({"vice", "deputy", "former", "ex", "assistant", "associate", "under",
                              "prime"})  # "the minister" is not the prime minister
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


def surname_key(name: str) -> str:
    """The word a person is known by: the last one, titles aside ("Mr John Ray" -> "ray")."""
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    return words[-1].lower().strip(".,") if words else ""


def apposed(tok, appositions: list[int] | None = None) -> list:
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


def of_words(tok) -> set[str]:
    """The words of an `of` phrase after a title: "President of Ruritania" -> {ruritania}."""
    words: set[str] = set()
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words |= {t.lower_ for t in prep.subtree if t.pos_ == "PROPN"}
    return words


def phrase(tok) -> list[str]:
    """The head noun with its left modifiers: "the union's general secretary"."""
    keep = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "predet")
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in keep:
            start = min(start, child.left_edge.i)
    return [t.text for t in tok.doc[start:tok.i + 1] if not t.is_punct or t.text in ("'s", "\u2019s")]


def display(words: list[str]) -> str:
    """Words joined as written: "The UN 's refugee agency" -> "The UN's refugee agency"."""
    return re.sub(r" (['\u2019]s)\b", r"\1", " ".join(words))


def named_affiliation(tok) -> str:
    """" at Barclays" in "analysts at Barclays said": where an unnamed speaker works; and the
    rest of a capitalised name the tagger did not label ("Board" + " of Directors")."""
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "from", "with"):
            objs = [c for c in prep.children if c.dep_ == "pobj" and (
                c.ent_type_ in BODY_LABELS or prep.lower_ == "of" and tok.tag_ == "NNP" and c.tag_ in ("NNP", "NNPS"))]
            if objs:  # the whole name: "officials at the Department of Energy"
                return " " + tok.doc[prep.i:objs[0].right_edge.i + 1].text
    return ""


def untitled(ent) -> list:
    """A person entity without the titles the tagger took in: "Councillor Ann Lee" -> Ann Lee;
    "Lyrabook CTO Ann Lee" -> Ann Lee (a body and its title before the name)."""
    tokens = [t for t in ent if t.lower_ not in HONORIFICS]
    # (an abbreviated title in capitals, "CTO", is never a word of the name itself)
    last = max((k for k, t in enumerate(tokens[:-1]) if t.text.isupper() and t.lower_.rstrip(".") in TITLES), default=-1)
    if last > 0:
        tokens = tokens[last + 1:]
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLES:
        tokens = tokens[1:]
    return tokens


def name_like(tok) -> bool:
    """A proper noun, or a word written as one whatever its tag: "ISRO", "Board" mid-sentence."""
    if tok.pos_ == "PROPN":
        return True
    text = tok.text
    return len(text) >= 2 and (text.isupper() or text[:1].isupper() and not tok.is_sent_start)


def after_title(tok, ent) -> bool:
    """A one-word name tagged as an organisation right after a person's title noun: "FTX founder
    SBF" (the title is lower case, so it is no part of an organisation's name)."""
    return (len(ent) == 1 and tok.tag_ == "NNP" and tok.i > 0 and tok.doc[tok.i - 1].is_lower
            and tok.doc[tok.i - 1].lemma_ in TITLE_NOUNS)


def titled_name(ent) -> bool:
    """A rank followed by a capitalised name, whatever the tagger's label: "PM Lee", "Dr Okafor"."""
    words = ent.text.split()
    return len(words) >= 2 and words[0].lower() in HONORIFICS and all(w[:1].isupper() for w in words[1:])


def main_clause(verb, quoted: frozenset[int]) -> bool:
    """No subordinating edge between the verb and the sentence root (edges inside quotes aside)."""
    cur = verb
    while cur.head.i != cur.i:
        if cur.dep_ in SUBORDINATE and cur.head.i not in quoted:
            return False
        cur = cur.head
    return True


def name_head(tok):
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
                and doc[start - 2].tag_ in ("NNP", "NNPS") and doc[start - 2].lower_ not in TITLES | HONORIFICS:
            start -= 2  # a hyphenated name: "Ban Ki-moon", "Ann Lee-Park", "Mr El-Velt" (both halves:
            continue    # the parser hangs the first one on the hyphen, not as a compound)
        if prev.tag_ not in ("NNP", "NNPS") or prev.dep_ != "compound" or prev.lower_.rstrip(".") in TITLES:
            break
        if prev.ent_type_ in BODY_LABELS:
            break
        start -= 1
    return [t for t in doc[start:tok.i + 1] if t.lower_ not in HONORIFICS]


# Children that start another clause or another person: what they say describes no one here
# ("Ann Lee will die in jail, the maximum punishment allowed for what the judge called evil":
# "judge" is not Lee's title)
_OTHER_CLAUSES = frozenset({"conj", "cc", "relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})


def _described_by(tok) -> list:
    """The noun phrase of `tok`, without the clauses hung in it."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSES)
    return sorted(out, key=lambda t: t.i)


def role_words(head) -> frozenset[str]:
    """Words that describe a named person where the article introduces them.

    "UEFA General Secretary Ann Lee" and "Ann Lee, the UEFA general secretary" both give
    {uefa, general, secretary}; used to resolve "the General Secretary".
    """
    root = head
    name = {t.i for t in name_run(root)}
    words: set[str] = set()
    region = _described_by(root)  # not "and Vice President Mary Chan"
    if root.dep_ == "appos":
        region += [t for t in _described_by(root.head) if t.i not in {s.i for s in root.subtree}]
    for tok in region:
        if tok.i not in name and not tok.is_punct:
            words.add(tok.lower_)
            words.update(TITLE_ABBREVIATIONS.get(tok.lower_.rstrip("."), "").split())  # "Gov." -> governor
    return frozenset(words)
