"""What a name does in its sentence, read from the parse: the evidence that decides, per story,
whether a name is an actor of it (generator.sections.actors.standing).

A name acts (the subject of a verb, or the agent of a passive), speaks (the subject of a
reporting verb, "according to X"), is the audience of a statement ("told X": the way news
copy names the outlet a speaker talked to), heads a report ("NEW YORK (AP) —"), is referred
to as a person or a thing ("X completed his hat-trick", "X said it would"), names a thing made
("an Airbus"), is a role someone plays ("who played X"), or only qualifies a noun ("the X summit").
"""

from __future__ import annotations

import re

from generator.nlp.actors.roles import COPULAS, REPORTING_VERBS
from generator.text.actor_kinds import MEDIA_TITLES, MODEL, NAMED_FOR_NOUNS, ROLE_NOUNS, TITLE_NOUNS

# What an outlet does with the news: "X reported", "X quoted a witness", "X cited officials".
OUTLET_VERBS = frozenset({"report", "quote", "cite", "publish", "broadcast", "air", "write"})
# "a memo seen by X", "documents obtained by X": what an outlet does with a document.
SEEING_VERBS = frozenset({"see", "obtain", "review", "geolocate"})  # ("videos geolocated by X")
AUDIENCE_VERBS = frozenset({"tell", "inform", "brief", "interview"})
CITED_VERBS = frozenset({"explain", "note", "report", "point", "put", "describe"})
# "said to X", "spoke to X", "in an interview with X"
SPEECH_HEADS = frozenset({"say", "speak", "talk", "tell", "explain", "interview", "comment"})
PERSONAL_PRONOUNS = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})
IMPERSONAL_PRONOUNS = frozenset({"it", "its", "itself"})
DATELINE_BEFORE = ("(",)
DATELINE_AFTER = frozenset({"-", "—", "–", ":", "--"})


def subject_verb(root):
    """The verb a name is the subject of (through a coordination: "X and Y signed"), or the
    passive verb whose agent it is ("was approved by X"); None otherwise."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in {"PROPN", "NOUN"}:
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return tok.head.head
    return None


def _agency(root, out: set[str]) -> None:
    verb = subject_verb(root)
    if verb is None:
        if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
            out.update(("speaks", "reports"))
        return
    lemma = verb.lemma_
    if lemma == "carry" and root.dep_ == "pobj":
        out.update(("speaks", "reports", "media"))  # "a statement carried by X": only a medium carries one
    elif lemma in OUTLET_VERBS or lemma in SEEING_VERBS and root.dep_ == "pobj":
        out.update(("speaks", "reports"))
    elif lemma in CITED_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        out.update(("speaks", "reports"))  # "As the Hill explains, ...": a writer citing another outlet
    elif lemma in REPORTING_VERBS:
        out.add("speaks")
    elif lemma not in COPULAS:
        out.add("acts")
    reference = _self_reference(verb, root)
    if reference:
        out.add(reference)


def _self_reference(verb, root) -> str | None:
    """ "X completed his hat-trick" (a person), "X said it would appeal" (a body): the pronoun
    of the object the subject owns, or the subject of what it said after it (a quotation
    before "said X" may open on an "it" that stands for nothing: "it's been an honor")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            pron = next((c for c in child.children if c.dep_ == "poss"), None)
        elif child.dep_ == "ccomp" and verb.lemma_ in REPORTING_VERBS and child.i > verb.i:
            pron = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        else:
            continue
        if pron is None or pron.i in range(root.left_edge.i, root.right_edge.i + 1):
            continue
        low = pron.lower_
        if low in PERSONAL_PRONOUNS:
            return "personal"
        if low in IMPERSONAL_PRONOUNS:
            return "impersonal"
    return None


def _audience(root) -> bool:
    """ "told X", "said to X", "in an interview with X"."""
    head = root.head
    if root.dep_ in {"dobj", "dative"} and head.lemma_ in AUDIENCE_VERBS:
        return True
    return root.dep_ == "pobj" and head.lower_ in {"to", "with"} and head.head.lemma_ in SPEECH_HEADS


def _dateline(doc, span) -> bool:
    """ "NEW YORK (AP) —": a name in brackets followed by a dash heads a report."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end: span.end + 2]
    return (before is not None and before.text in DATELINE_BEFORE and len(after) == 2
            and after[0].text == ")" and after[1].text in DATELINE_AFTER)


def continues_a_cut_line(text: str, sentence_start: int) -> bool:
    """A sentence opening a line whose previous line stops mid-sentence ("... ever recorded in"
    / "Japan shook apart homes"): a scrape broke the sentence, and its parse has the wrong subject."""
    before = text[max(0, sentence_start - LOOK_BACK): sentence_start].rstrip(" \t")  # a window, not the text
    if not before.endswith("\n"):
        return False
    last = before.rstrip()
    return bool(last) and last[-1] not in ".!?\"'”’)]:;…"


def _inside_a_name(doc, span) -> bool:
    """ "FTX US", "Apple Japan": a place written after an organisation's name is part of it
    (whether or not the tagger saw the organisation)."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None or not prev.whitespace_ or prev.pos_ != "PROPN" or doc[span.start].ent_iob_ != "B":
        return False
    if prev.ent_type_ in {"ORG", "PRODUCT", "FAC"}:
        return True
    return span.label_ in {"GPE", "LOC"} and not prev.ent_type_ and not prev.is_sent_start \
        and prev.lower_ not in TITLE_NOUNS


LOOK_BACK = 200  # characters read before a sentence to see how the line before it ends
QUOTE_ENDS = frozenset({'"', "”", "’", "'"})


def _credit(doc, span, text: str) -> bool:
    """ "... in Buenos Aires on Sunday. — Reuters": a name after a dash that ends its line credits
    a photograph or a report."""
    before = text[max(0, span.start_char - 8): span.start_char]
    after = text[span.end_char: span.end_char + 2]
    # after a quotation the dash attributes it ("... fields.” – Russian Foreign Ministry")
    m = re.search(r"(\S?)\s*[-—–/]\s*$", before)
    if re.match(r"\s?/\s?[A-Z]", text[span.end_char: span.end_char + 4]):
        return True  # "Jane Roe/Getty Images", "Jane Roe/dpa": a photographer and an agency
    return bool(m) and m.group(1) not in QUOTE_ENDS and (not after.strip() or after.startswith("\n"))


def _indefinite(doc, span, root) -> bool:
    """ "An Airbus crashed", "a Boeing 737": a name after "a"/"an" names a thing made, not a body."""
    return span.start > 0 and doc[span.start - 1].lower_ in {"a", "an"} and root.dep_ not in {"compound", "amod"}


PLAYING_VERBS = frozenset({"play", "portray", "voice"})


def _played(doc, span, root) -> bool:
    """ "who played Chandler Bing", "starred as Kathy", "the character Kathy": a role someone
    plays, not a person of the story; nor is a name someone else bears ("born Anna Mae Bullock")."""
    head = root.head
    if root.dep_ in {"dobj", "attr"} and head.lemma_ in PLAYING_VERBS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_ in PLAYING_VERBS | {"star", "appear", "cast"}:
        return True
    before = doc[max(0, span.start - 3): span.start]
    if _OTHER_NAME.search(doc[max(0, span.start - 5): span.start].text):
        return True  # "Her real name was Anna Mae Bullock", "born Anna Mae Bullock": her other name
    return any(t.lower_ in ROLE_NOUNS for t in before[-2:]) and not any(t.is_punct for t in before[-1:])


# The words before a name someone else bears or bore: a birth name, a maiden name.
_OTHER_NAME = re.compile(r"(?:\b(?:real|birth|maiden|given|full) name (?:is|was|being)|\bborn(?: as)?|\bn[ée]e)\s*:?$",
                         re.I)


def _caps_dateline(doc, span, text: str) -> bool:
    """ "BEIJING, November 14 (TMTPOST) —": a capitalised place opening a paragraph heads the report."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    after = doc[span.end] if span.end < len(doc) else None
    return (span.text.isupper() and len(span.text) >= 4 and not text[line_start: span.start_char].strip()
            and after is not None and after.text in {",", "(", "-", "—", "–"})


# After a name: the place named after it ("St Roch's Church", "King Edward VII's hospital"), or
# the possessive that stands for that place ("the churches included St Roch's in Lyra").
_NAMED_FOR = re.compile(rf"['’]s(?:\s+({'|'.join(sorted(NAMED_FOR_NOUNS))})\b|(?=\s+(?:in|at)\s+[A-Z]|\s*[,;)]))", re.I)


def _place_named_for(span, text: str) -> str:
    """The noun of the place a mention names by its possessive ("church", or "site" where the
    possessive stands alone), else "": that place is no actor, whoever it is named after."""
    own = span.text.endswith(("'s", "’s"))
    m = _NAMED_FOR.match(text, span.end_char - 2 if own else span.end_char)
    return "" if m is None else (m.group(1) or "site").lower()


# Prepositions of where things are ("near X", "between X and Y"): "at", "from", "to" and "in"
# name bodies too ("an engineer at X", "a letter from X", "in X's report").
LOCATIVE_PREPOSITIONS = frozenset({"near", "between", "outside", "around", "towards", "toward", "inside", "in"})
# A settlement or an area named by "of X": "the town of X", "the ski resort of X".
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "resort", "region", "province", "district", "county",
                              "suburb", "outskirts", "island", "port", "capital", "municipality", "state"})




def _located(root) -> bool:
    """ "near X", "between Y and X", "the town of X": the name says where something happened
    (through a coordination to its first conjunct)."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in LOCATIVE_PREPOSITIONS and not (prep.lower_ == "in" and any(c.dep_ == "case" for c in root.children)):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_NOUNS


def mention_functions(span, quoted: bool, text: str, broken: bool = False) -> tuple[str, ...]:
    """The functions of one name span in its sentence (see the module docstring); `broken`: the
    sentence continues a cut line (continues_a_cut_line), so what it seems to do is not read."""
    doc, root = span.doc, span.root
    out: set[str] = set()
    # what a name does inside a quotation, or in a sentence a scrape broke, is not read: a
    # headline quoted ("'Milestone achieved'") has no subject, a broken line the wrong one
    if not (broken or quoted or _inside_a_name(doc, span)):
        _agency(root, out)
    if _audience(root):
        out.add("audience")
    if _dateline(doc, span) or _caps_dateline(doc, span, text) or _credit(doc, span, text):
        out.add("dateline")
    if _indefinite(doc, span, root):
        out.add("indefinite")
    if _played(doc, span, root):
        out.add("played")
    named_for = _place_named_for(span, text)
    if named_for:
        out.add(f"modifies:{named_for}")
    head = root.head
    if root.dep_ in {"compound", "nmod", "amod"} and head.i >= span.end:
        if any(c.isdigit() for c in head.text):
            out.add(f"modifies:{MODEL}")  # "Airbus A320", "Boeing 737": a maker's model
        elif head.pos_ == "NOUN":
            out.add(f"modifies:{head.lemma_.lower()}")
    if _located(root):
        out.add("located")
    if span.start > 0 and doc[span.start - 1].lower_ in MEDIA_TITLES:
        out.add("media")
    if quoted:
        out.add("quoted")
    if span.start_char > 0 and text[span.start_char - 1] == "#":
        out.add("hashtag")
    return tuple(sorted(out))
