"""Date mentions in one parsed article: which date expressions time an event in their sentence,
resolved against the article's own date where it allows (the grammar: generator.text.dates.expressions).
A mention's date is the point's ISO string ("2019", "2019-05", "2019-05-14"), as DateMention carries it."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from generator.models import DateMention
from generator.nlp.parsed import ParsedArticle
from generator.text.dates.expressions import is_iso, parse_expression, resolve
from generator.text.dates.partial import day_of

# Prepositions that put an event at a date: "in 1998", "on Tuesday", "since 2015", "during March".
# Others give a bound or a span, not the event's time: "for two years", "by Monday", "as of Wednesday".
EVENT_PREPOSITIONS = frozenset({"in", "on", "at", "since", "during"})
# A bare date next to its verb: "said Tuesday", "left office almost five years ago".
ADVERBIAL_DEPS = frozenset({"npadvmod", "advmod", "tmod", "obl"})
# A date inside a noun phrase names a dated event: "the June 2019 stadium fire", "Tuesday's vote".
NOMINAL_DEPS = frozenset({"compound", "nmod", "poss", "amod", "nummod"})
# The date's place is taken by the date it qualifies: "Tuesday, May 14", "Sunday (June 2)".
DATE_LINK_DEPS = frozenset({"appos", "conj", "compound", "nummod", "npadvmod", "pobj", "prep"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# A clause set a distance from the event tells another event: "a day after the vote", "hours before".
ANCHOR_WORDS = frozenset({"after", "before", "since"})
DISTANCE_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})


def extract_dates(parsed: ParsedArticle) -> list[DateMention]:
    """Dates that time an event in their sentence, resolved against the article's date when known."""
    doc, sentences = parsed.doc, parsed.sentences
    if not sentences:
        return []
    reference = day_of(parsed.article.published)
    anchors = parsed.positions("LOWER", ANCHOR_WORDS)
    by_sentence: dict[int, list[tuple[DateMention, bool]]] = {}
    for ent in parsed.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        index = parsed.sentence_at(ent.start_char)
        found = _mention(doc, ent, index, reference, anchors)
        if found is not None:
            by_sentence.setdefault(index, []).append(found)
    out: list[DateMention] = []
    for index in sorted(by_sentence):
        if sentences[index].text.rstrip("\"'\u201d\u2019 ").endswith("?"):
            continue  # "Why did the council act on Tuesday?" asks, it does not report
        found = by_sentence[index]
        # A noun-phrase date yields to a date of the sentence's own verb: in "Police closed the road
        # on Tuesday, the longest closure since the 2010 floods", the event is Tuesday's.
        verbal = [m for m, nominal in found if not nominal]
        out.extend(verbal or [m for m, _ in found])
    return out


def _mention(doc, ent, index: int, reference: date | None, anchors: list[int]) -> tuple[DateMention, bool] | None:
    """(mention, nominal) when the entity is the time of an event; None for other dates.

    `anchors`: the indices of the document's ANCHOR_WORDS tokens, found once per article.
    """
    anchor = _anchor(ent)
    role = _role(anchor)
    if role is None:
        return None
    head, prep, nominal = role
    verb = _verbal_ancestor(head)  # the verb whose event the date times ("late on Tuesday" -> voted)
    if verb is None or not _has_subject(verb):
        return None  # "Published: May 14, 2019", "Jane Doe May 15, 2019 10:30": no event, a dateline
    tense = _tense(verb)
    if tense == "modal":
        return None  # "the court may rule on Monday" is a possibility, not a dated event
    # The expression includes its preposition when it stands just before: "on Tuesday", "in 1998".
    near = prep is not None and 0 < ent.start - prep.i <= 2
    start = prep.idx if near else ent.start_char
    # the span's own text, not a slice of doc.text: spaCy joins every token anew for that
    expression = doc[prep.i:ent.end].text if near else ent.text
    spec = parse_expression(expression)
    if spec is None or not spec.point or is_iso(ent.text):
        return None  # "the 1990s" is no point; "2019-05-14" in prose is a page's dateline, not an event
    if spec.kind == "offset" and spec.unit == "day" and spec.amount == 0 and (
            tense == "present" or _quoted(doc.text, start)):
        return None  # "Here are today's stories", "today we showed them": the writer's now, no event
    resolved = resolve(spec, reference, tense)
    relative = spec.relative and resolved is None
    if not relative and resolved is None:
        return None  # impossible calendar date ("February 30")
    main = _main_clause(verb) and (not nominal or _heads_clause(head, verb))
    mention = DateMention(index, expression, resolved.iso if resolved else None, start, ent.end_char, relative,
                          tense, spec.approximate, main, _event_lemmas(ent.sent, ent, anchors))
    return mention, nominal


def _event_lemmas(sent, ent, anchors: list[int]) -> tuple[str, ...]:
    """The sentence's content lemmas without its clauses set at another time, or () when it has
    none: in "Survivors slept outside on Saturday, a day after the storm killed 40", the words
    after "a day after" tell the storm's day, and must not make this the storm's event."""
    other = set()
    doc = sent.doc
    # the sentence's anchor words, from the document's (`anchors`): no walk over every token
    for i in anchors[bisect_left(anchors, sent.start):bisect_left(anchors, sent.end)]:
        tok = doc[i]
        if ent.start <= tok.i < ent.end:
            continue
        clause = tok.head if tok.dep_ == "mark" else tok
        distance = [c for c in (*clause.children, *tok.children)
                    if c.dep_ == "npadvmod" and c.lemma_.lower() in DISTANCE_UNITS]
        span = range(clause.left_edge.i, clause.right_edge.i + 1)
        if distance and not (ent.start in span):
            other.update(span)
            other.update(i for d in distance for i in range(d.left_edge.i, d.right_edge.i + 1))
    if not other:
        return ()
    return tuple(t.lemma_.lower() for t in sent if t.i not in other
                 and not (t.is_stop or t.is_punct or t.is_space) and t.lemma_.strip())


def _heads_clause(noun, verb) -> bool:
    """The dated noun is the verb's subject or object: "Tuesday's vote ended ...", not "after the vote"."""
    return noun.head.i == verb.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj")


def _main_clause(verb) -> bool:
    """The verb heads the sentence, or the report in it: "X said Tuesday", "Y did Z, officials said"."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")


def _quoted(text: str, start: int) -> bool:
    """True when `start` lies inside a quotation opened earlier in its paragraph."""
    para = text.rfind("\n\n", 0, start)
    before = text[para + 2 if para >= 0 else 0: start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _anchor(ent):
    """The token that attaches the whole date phrase to the sentence."""
    tok = ent.root
    while tok.dep_ in DATE_LINK_DEPS and tok.head.i != tok.i and tok.head.ent_type_ in ("DATE", "TIME"):
        tok = tok.head
    return tok


def _role(tok):
    """(head token, preposition, nominal) when the date is an event's time, else None."""
    if tok.dep_ == "pobj":
        prep = tok.head
        if _tally_as_of(prep):
            return prep.head.head, prep, False
        if prep.lower_ not in EVENT_PREPOSITIONS or any(c.lower_ == "as" for c in prep.children):
            return None
        # Not nominal even under a noun: "listed the firm as a supplier in 1998" is the
        # parser's guess of where the phrase attaches, and the date still times the clause.
        return prep.head, prep, False
    if tok.dep_ in ADVERBIAL_DEPS:
        return tok.head, None, False
    if tok.dep_ in NOMINAL_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head, None, True
    return None  # subject, object or predicate: "2016 was a hard year" names a year, it dates nothing


def _tally_as_of(prep) -> bool:
    """ "at least 52 dead as of Tuesday": "as of" dates a count, so a sentence with a figure is
    that day's tally; without one it only bounds a state ("as of Monday the office is shut")."""
    if not (prep.lower_ == "of" and prep.head.lower_ == "as" and prep.head.head.i != prep.head.i):
        return False
    sent = prep.sent
    return any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in sent)


def _has_subject(verb) -> bool:
    """Some clause up to the sentence root has a subject: a sentence, not a dateline or a label."""
    for _ in range(12):
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _tense(verb) -> str:
    """past | present | future | modal, from the verb's form and auxiliaries.

    "will vote on Monday" future; "would be closing ... in June" past (reported plan);
    "is set to open on Monday", "are meeting on Friday" future; "visits ... on Jan. 9" present.
    """
    for _ in range(6):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & FUTURE_AUX:
            return "future"
        if "would" in words:
            return "past"
        if any(a.tag_ == "MD" for a in auxes):
            return "modal"
        if "to" in words and verb.head.i != verb.i:
            head = _tense(verb.head)
            return "future" if head == "present" else head
        if verb.tag_ == "VBD" or any(a.tag_ in ("VBD", "VBN") or a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
            return "past"  # a reduced relative tells a done deed: "the bid launched last May"
        if verb.tag_ == "VBG" and auxes:
            return "future"  # present progressive with a date is a plan: "leaders are meeting Friday"
        if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and auxes):
            return "present"
        if verb.head.i == verb.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            # A finite verb of its own ("the club - folded on Friday" under a "VIDEO:" label).
            return "present" if verb.tag_ == "VB" else "past"
        # A participle clause takes its main verb's tense: "..., ending a long strike".
        verb = _verbal_ancestor(verb.head)
        if verb is None:
            return "present"  # under no verb: a caption ("fans waiting outside, Tuesday, May 14")
    return "past"


def _verbal_ancestor(tok):
    """The nearest verb at or above `tok`, walking up through nouns and adverbs."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
