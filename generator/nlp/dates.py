"""Date mentions in one parsed article: which date expressions time an event in their sentence,
resolved against the article's own date where it allows (the grammar: generator.text.dates.expressions).
A mention's date is the point's ISO string ("2019", "2019-05", "2019-05-14"), as DateMention carries it."""

from __future__ import annotations

from datetime import date

from generator.models import DateMention
from generator.nlp.parsed import ParsedArticle
from generator.text.dates.expressions import is_iso, parse_expression, resolve
from generator.text.dates.partial import day_of
from generator.text.dates.vocabulary import CLOCK_SUFFIXES, is_clock_time

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
DISTANCE_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})
# Words that set a phrase or clause apart from the sentence's own event: its date is another
# event's ("until the vote on Friday", "ahead of elections on Sunday", "since Gordon Brown in 2010",
# "although the group was banned in 2003", "the second man after Geoff Hurst in 1966").
SIDE_WORDS = frozenset({"since", "after", "before", "until", "till", "following", "ahead", "prior", "than",
                        "like", "unlike", "although", "though", "because", "if", "unless", "whereas", "despite"})
# A clause at the time of the one it hangs on: "when he resigned in 2020", "as rescuers searched".
CONCURRENT_MARKS = frozenset({"when", "as", "while", "once", "whenever"})
# Right "after" or "following" a dated event, the main event falls in the same month or year:
# "concerns peaked after the March 2024 attack" (a day is too fine: "the day after the vote").
FOLLOWING = frozenset({"after", "following"})
# "guilty of lying ...", "charged with killing ...", "known for saying ...": a gerund names an act,
# whose date is that act's ("with the troops retreating in 1989", with its own subject, is not one).
ACT_PREPOSITIONS = frozenset({"of", "for", "with", "about", "against", "from"})
# Nouns that are a time of day: "after midnight on Tuesday" is still Tuesday's.
DAY_PARTS = frozenset({"midnight", "noon", "midday", "dawn", "dusk", "daybreak", "nightfall", "sunrise", "sunset"})
# "soon after", "shortly after": the main event is that day's too.
SAME_TIME = frozenset({"soon", "shortly", "immediately", "just", "right", "moments", "minutes"})
# Fewer content words than this, and a clause leans on the rest of its sentence for its meaning.
MIN_CLAUSE_WORDS = 3
# Clauses inside a verb's words that tell events of their own.
OTHER_CLAUSES = frozenset({"conj", "relcl", "acl", "advcl", "appos", "parataxis"})
# Clauses that describe a noun, with their own time: "the firm that crashed in 2001",
# "a process launched last May".
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Words before "record" that make it the one a new figure is set against ("the previous record of ...").
PREVIOUS_WORDS = frozenset({"previous", "old", "former", "earlier", "existing", "standing", "prior"})
# Verbs whose "to" complement is their own event ("expected to rule on Monday", "began to fall on
# Tuesday"); after any other verb the complement tells a purpose or an outcome still to come
# ("struck twice to set up a final on Sunday"), timed apart from the act.
CONTROL_VERBS = frozenset({
    "expect", "plan", "intend", "aim", "hope", "want", "agree", "decide", "promise", "vow", "pledge", "threaten",
    "schedule", "set", "seek", "try", "attempt", "prepare", "need", "have", "begin", "start", "continue",
    "refuse", "fail", "manage", "wish", "vote", "move", "ask", "order", "urge", "allow", "require", "force",
    "be", "appear", "seem", "tend", "come", "go", "get", "choose", "offer", "propose", "announce",
})


def extract_dates(parsed: ParsedArticle) -> list[DateMention]:
    """Dates that time an event in their sentence, resolved against the article's date when known."""
    doc, sentences = parsed.doc, parsed.sentences
    if not sentences:
        return []
    reference = day_of(parsed.article.published)
    by_sentence: dict[int, list[tuple[DateMention, bool]]] = {}
    for ent in parsed.ents:
        if ent.label_ not in ("DATE", "TIME") or _a_persons_name(doc, ent):
            continue
        index = parsed.sentence_at(ent.start_char)
        found = _mention(doc, ent, index, reference)
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


def _a_persons_name(doc, ent) -> bool:
    """ "Theresa May's government", "Mrs May": a month's name that is someone's, after a first name
    or a form of address, or written as a possessive."""
    if len(ent) != 1 or ent[0].lower_ not in MONTH_SURNAMES:
        return False
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    return (after is not None and after.lower_ in ("'s", "’s")) or (
        before is not None and (before.ent_type_ == "PERSON" or before.lower_.rstrip(".") in ("mrs", "mr", "ms", "miss")
                                or before.tag_ == "NNP" and before.ent_type_ not in ("DATE", "TIME")))


# Months that are also surnames ("Theresa May", "Daniel June"): the name is tested before the month.
MONTH_SURNAMES = frozenset({"may", "june", "april", "august"})


def _clock_time(doc, ent) -> bool:
    return is_clock_time(ent.text, doc[ent.end].text if ent.end < len(doc) else "")


def _mention(doc, ent, index: int, reference: date | None) -> tuple[DateMention, bool] | None:
    """(mention, nominal) when the entity is the time of an event; None for other dates."""
    if _clock_time(doc, ent):
        return None
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
    timing = _timing(ent, anchor, head, prep, nominal, verb, _coarse(spec),
                     spec.kind == "calendar" and spec.year is not None)
    if timing is None:
        return None  # a comparison's baseline: "its lowest since 1985", "down from $16bn earlier this year"
    if tense == "conditional":
        # "he said he would resign on Wednesday": the coming Wednesday; "would take effect no later
        # than February 7" (a month and day, no year): the nearer February 7, before or after the
        # article; a reported plan otherwise
        tense = "future" if spec.kind == "weekday" and spec.step == 0 \
            or spec.kind == "calendar" and spec.year is None and _nearer_ahead(spec, reference) else "past"
    if tense == "past" and _time_set(ent, verb) and (spec.kind == "weekday" and spec.step == 0
                                                      or spec.kind == "calendar" and spec.year is None):
        tense = "future"  # "set sentencing for Thursday": the time set was still to come when set
    if spec.kind == "offset" and spec.unit == "day" and spec.amount == 0 and (
            tense == "present" or _quoted(doc.text, start)):
        return None  # "Here are today's stories", "today we showed them": the writer's now, no event
    resolved = resolve(spec, reference, tense)
    relative = spec.relative and resolved is None
    if not relative and resolved is None:
        return None  # impossible calendar date ("February 30")
    mention = DateMention(index, expression, resolved.iso if resolved else None, start, ent.end_char, relative,
                          tense, spec.approximate, timing == "main", _event_lemmas(verb, ent))
    return mention, nominal


# Verbs that set a time for something ("set the hearing for Monday", "adjourned until Friday").
SCHEDULING_VERBS = frozenset({"set", "schedule", "reschedule", "postpone", "adjourn", "delay", "defer", "slate"})
# Prepositions that introduce the time set, not the time of the setting ("set on Monday")
TARGET_PREPOSITIONS = frozenset({"for", "until", "till", "to", "at"})


def _time_set(ent, verb) -> bool:
    """The date is the time an act set ("set sentencing at 9 a.m. Thursday", "adjourned the trial
    until Monday"), reached through a preposition of the target from the setting verb."""
    if verb.lemma_.lower() not in SCHEDULING_VERBS:
        return False
    # (a day after the clock time it goes with, "at 9 a.m. Thursday", is that time's day)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    starts = [ent.root] + ([before] if before is not None and before.ent_type_ == "TIME" else [])
    for tok in starts:
        for _ in range(6):
            if tok.i == verb.i or tok.head.i == tok.i:
                break
            if tok.dep_ == "prep" and tok.head.i == verb.i:
                if tok.lower_ in TARGET_PREPOSITIONS:
                    return True
                break
            tok = tok.head
    return False


def _event_lemmas(verb, ent) -> tuple[str, ...]:
    """The content lemmas of the clause the date times: its verb's words without the clauses in
    them that tell events at other times (a clause holding another date, or set a distance away),
    so that two sources telling one event compare on that event's words. In "Survivors slept
    outside on Saturday, a day after the storm killed 40", the storm's words are not Saturday's
    event; in "X, who founded the firm in 1976, was diagnosed in 2004 and had surgery in 2009",
    2004 is the diagnosis. A coordinated verb takes its first conjunct's subject. A clause of
    fewer than `MIN_CLAUSE_WORDS` such words leans on the rest ("that status was revoked in
    April 2025"): () then, and the whole sentence's words stand for it."""
    other: set[int] = set()
    times = {i for e in ent.sent.ents if e.label_ in ("DATE", "TIME") and e.start != ent.start
             and (spec := parse_expression(e.text)) is not None and spec.point for i in range(e.start, e.end)}
    for tok in verb.subtree:
        if tok.i == verb.i or tok.dep_ not in OTHER_CLAUSES or tok.i in other:
            continue
        span = range(tok.left_edge.i, tok.right_edge.i + 1)
        if (any(i in times for i in span) or _distance(tok)) and ent.start not in span:
            other.update(span)
    words = [t for t in verb.subtree if t.i not in other]
    if verb.dep_ == "conj":
        words += [t for c in verb.head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    content = [t for t in sorted(words, key=lambda t: t.i)
               if not (t.is_stop or t.is_punct or t.is_space) and t.lemma_.strip()]
    if len({t.lemma_.lower() for t in content if t.ent_type_ not in ("DATE", "TIME")}) < MIN_CLAUSE_WORDS:
        return ()
    return tuple(t.lemma_.lower() for t in content)


def _coarse(spec) -> bool:
    """True when the date is a month or a year, not a day."""
    if spec.kind == "calendar":
        return spec.day is None
    return spec.kind in ("offset", "ago") and spec.unit in ("year", "month")


def _timing(ent, anchor, head, prep, nominal: bool, verb, coarse: bool, written_year: bool) -> str | None:
    """ "main" when the date times the sentence's own event, "side" when it times another event
    told inside it, None when it times no event (a comparison's baseline).

    Side: a noun's own date ("the March 2024 attack", unless the main event follows it right
    away at month or year precision), a clause describing a noun ("the firm that crashed in
    2001"), or a phrase or clause set apart by a word such as "until", "ahead of", "although",
    "after" ("until the assassination on Friday", "11 months after video showed ... on May 25").
    Reported speech, "when"/"as" clauses and coordination keep the main event's time.
    """
    if _baseline(ent, prep):
        return None
    if _taking_effect(ent):
        return "side"  # "has submitted his resignation effective August 2": the act's date is another
    if prep is not None and prep.lower_ == "since" and not _perfect(prep.head):
        return None  # "the first title since 1986", "plunged to its lowest since 1985": a comparison
    if _after_comparison(ent):
        return None  # "the first crash since the Concorde disaster in 2000", however it is parsed
    before = _side_word_before(ent)
    if before is not None and not (before.lower_ in FOLLOWING and ((coarse and not _distance(before))
                                                                   or _right_after(before))):
        return "side"  # "ahead of the elections on Sunday", however the parse attached "on Sunday"
    side = nominal and (not _heads_clause(head, verb, written_year and coarse) or _compared(head, verb))
    if written_year and head is verb and _present_perfect(verb) and (prep is None or prep.lower_ != "since"):
        # "We have landed on the moon, reminiscent of a message in 1983": a perfect's time is now,
        # so a year written beside it belongs to something else (the parse attached it wrongly)
        side = True
    if _purpose(verb) or _renounced(verb) or _forecast_period(ent, verb):
        return "side"
    if _listed_after_colon(ent):
        return "side"  # "rocked a nation still reeling from recent attacks: in November, ...": what "attacks" were
    if _in_aside(ent, written_year):
        return "side"  # "at 1:47 a.m. ET Nov. 16 (10:47 p.m. PT Nov. 15)", "its two finals – in 1990 and 2014 –"
    if _after_event_of_a_name(ent):
        return "side"  # "guilty in the murder of Sam Roe last May", however the parse attached "last May"
    child = prep if prep is not None else anchor
    tok = child.head
    while True:
        if child.dep_ in NOUN_CLAUSES and not _misparsed_main(child):
            return "side"
        if child is not prep and _sets_apart(child, tok, coarse):
            return "side"
        if tok.lower_ in FOLLOWING and coarse and not _distance(tok) and child.dep_ in ("pobj", "pcomp"):
            side = False  # "peaked after the March 2024 attack": the peak is that month's too
        if tok.head.i == tok.i:
            return "side" if side else "main"
        child, tok = tok, tok.head


def _listed_after_colon(ent) -> bool:
    """The date is in a list after a colon that ends a whole clause: "... rocked a nation still
    reeling from recent attacks: in November, in Paris, ... and in January" (not "Police confirmed
    it: the suspect was detained on Monday", a clause of its own, nor a label's "Update: ...")."""
    sent = ent.sent
    colon = next((t for t in reversed(list(ent.doc[sent.start:ent.start])) if t.text == ":"), None)
    if colon is None or colon.i + 1 >= len(ent.doc):
        return False
    opens_list = ent.doc[colon.i + 1].pos_ == "ADP" or ent.doc[colon.i + 1].i == ent.start
    clause_before = any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
                        for t in ent.doc[sent.start:colon.i])
    spoken = colon.i > sent.start and ent.doc[colon.i - 1].lemma_.lower() in _SAYING  # "She said: on Monday ..."
    return opens_list and clause_before and not spoken


_SAYING = frozenset({"say", "tell", "add", "announce", "write", "tweet", "state", "declare", "explain", "warn"})


def _purpose(verb) -> bool:
    """ "struck twice to set up a final on Sunday": a "to" clause under a verb that does not take
    its complement as its own event (CONTROL_VERBS)."""
    return verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") \
        and verb.head.lemma_.lower() not in CONTROL_VERBS \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# What a forecast is about is no time of the story's events: "raised its expectations for growth
# next year", "anticipate lower unemployment in 2016", "more optimistic about the economy in 2016"
# (the raising, the anticipating, the feeling happen now)
FORECAST_NOUNS = frozenset({"forecast", "projection", "expectation", "outlook", "estimate", "prediction", "guidance",
                            "optimistic", "pessimistic", "upbeat", "gloomy"})
FORECAST_VERBS = frozenset({"expect", "anticipate", "forecast", "project", "predict"})


def _forecast_period(ent, verb) -> bool:
    """The date is the period a forecast covers: it hangs on a forecast noun or mood, or on the object of
    a verb of forecasting ("anticipate X in 2016"), not on an act forecast ("expects the bank to
    raise rates in March", "is expected to land on Tuesday": that act's own time)."""
    tok = ent.root
    for _ in range(8):
        if tok.i == verb.i or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() in FORECAST_NOUNS:
            return True
    if any(c.dep_ == "acomp" and c.lemma_.lower() in FORECAST_NOUNS for c in verb.children):
        return True  # "feel more optimistic about the economy in 2016", however "in 2016" was hung
    return verb.lemma_.lower() in FORECAST_VERBS and any(c.dep_ == "dobj" for c in verb.children) \
        and not any(c.dep_ in ("auxpass", "xcomp", "ccomp") for c in verb.children)


def _renounced(verb) -> bool:
    """ "pledged not to seek reelection in 2020": a "to" clause negated under the verb that
    renounces it: nothing happens at its date."""
    return verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _misparsed_main(clause) -> bool:
    """A finite past "acl" with no word to introduce it is the parser's guess for a main verb:
    "The firm filed for bankruptcy on Friday, its lawyers said" ("the idea that ..." is a clause)."""
    return clause.dep_ == "acl" and clause.tag_ == "VBD" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") or c.tag_ in ("WDT", "WP", "WRB") for c in clause.children)


def _sets_apart(child, head, coarse: bool) -> bool:
    """True when the step from `child` up to `head` leaves a side phrase or clause."""
    if child.dep_ == "advcl":
        marks = {c.lower_ for c in child.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")}
        if not marks or marks & CONCURRENT_MARKS:
            # "The trial was the last, as the court prepares to close next month": a clause told in
            # the present or future beside a past main event is another time, whatever its mark
            return bool(marks) and _tense(child) in ("present", "future") and _tense(head) == "past"
        return not (marks <= FOLLOWING and ((coarse and not _distance(child)) or _right_after(child)))
    if child.dep_ == "pcomp" and head.lower_ in ACT_PREPOSITIONS and child.tag_ == "VBG" \
            and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
        return True  # an act named as an argument: "guilty of lying about an affair in 2006"
    if child.dep_ in ("pobj", "pcomp", "prep") and head.lower_ in SIDE_WORDS:
        return not (head.lower_ in FOLLOWING and ((coarse and not _distance(head)) or _right_after(head)))
    return False


SINCE_CLAUSE_WORDS = 6  # "since records began in": how far back a clause's "since" may stand


def _after_comparison(ent) -> bool:
    """The date follows a "since" that ends a superlative or an ordinal ("the first crash ... since
    the disaster in 2000", "its lowest level since 1985") with no verb between: a baseline."""
    side_word = _side_word_before(ent)
    if side_word is None or side_word.lower_ != "since":
        # "the first Category 4 storm to hit the region since records began in 1851": a clause
        # of its own after the "since", its verb between
        side_word = next((t for t in reversed(ent.doc[max(ent.sent.start, ent.start - SINCE_CLAUSE_WORDS):ent.start])
                          if t.lower_ == "since" and t.dep_ == "mark"), None)
        if side_word is None:
            return False
    sent = ent.sent
    return any(t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL" or t.lower_ in ("first", "last")
               for t in ent.doc[sent.start:side_word.i])


def _taking_effect(ent) -> bool:
    """The date something takes effect, told beside the act that sets it: "effective August 2",
    "effective as of Monday", "with effect from 1 May"."""
    words = [t.lower_ for t in ent.doc[max(ent.sent.start, ent.start - 3):ent.start]]
    return bool(words) and (words[-1] == "effective" or words[-2:] in (["effective", "from"], ["effective", "on"])
                            or words[-3:] in (["effective", "as", "of"], ["with", "effect", "from"]))


def _side_word_before(ent):
    """The side word ("after", "until", "ahead", "since" ...) that opens the phrase the date ends,
    read left to right whatever the parse: "ahead of the elections on Sunday", "until the attack at
    the rally on Friday". None when a verb or a punctuation mark comes first, or when no noun of
    its own stands between ("after midnight on Tuesday" is Tuesday's)."""
    doc = ent.doc
    noun = name = False
    for i in range(ent.start - 1, ent.sent.start - 1, -1):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod" or tok.is_punct:
            return None  # (a participle before a noun, "aggravated assault", is no verb of a clause)
        if tok.lower_ in SIDE_WORDS:
            return tok if noun else None
        if tok.lower_ == "behind" and name:
            return tok  # "ranked just behind Hurricane Rita in 2005" (not "behind closed doors on Monday")
        if tok.lower_ == "from" and noun and _changed(doc, i):
            return tok  # "doubled its share from the last election in 2021": the baseline's date
        if tok.lower_ == "of" and noun and i > 0 and doc[i - 1].lower_ in CHARGE_WORDS:
            return tok  # "found guilty on three counts of assault against her in 2004": the act's date
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME") and tok.lower_ not in DAY_PARTS:
            noun = True
            name = name or tok.pos_ == "PROPN"
    return None


# Words a verdict or charge names its act after ("guilty of", "counts of", "convicted of").
CHARGE_WORDS = frozenset({"guilty", "counts", "count", "convicted", "acquitted", "accused", "charges", "innocent",
                          "cleared", "suspected"})
# Verbs of a change counted from a baseline: "doubled ... from", "rose ... from".
CHANGE_VERBS = frozenset({"double", "triple", "quadruple", "halve", "rise", "fall", "increase", "decrease", "grow",
                          "drop", "jump", "climb", "slip", "surge", "plunge", "decline", "shrink", "soar"})


def _changed(doc, i: int) -> bool:
    """The nearest verb before position `i` in its sentence is a change verb ("doubled")."""
    for k in range(i - 1, doc[i].sent.start - 1, -1):
        if doc[k].pos_ == "VERB":
            return doc[k].lemma_.lower() in CHANGE_VERBS
    return False


def _distance(tok) -> bool:
    """ "11 months after", "a day before": the phrase is set a distance from the event."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in DISTANCE_UNITS for c in tok.children)


def _right_after(tok) -> bool:
    """ "soon after the result was announced on June 24": the main event is that day's."""
    near = [c for m in (tok, *(c for c in tok.children if c.dep_ == "mark")) for c in m.children]
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in SAME_TIME for c in near)


def _present_perfect(tok) -> bool:
    """ "has agreed", "have landed": a perfect whose time is now."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in tok.children)


def _perfect(tok) -> bool:
    """A perfect verb ("has been importing since 2022", "had battled cancer since 2003"): "since"
    then dates the start of a state, not a comparison."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have"
                                                for c in tok.children)


def _baseline(ent, prep) -> bool:
    """ "down 100% from $16bn earlier this year", "up from 3% in May": the date of the figure a
    change is counted from, not of an event."""
    doc = ent.doc
    i = (prep.i if prep is not None and prep.i < ent.start else ent.start) - 1
    skipped = 0
    while i >= ent.sent.start and (doc[i].like_num or doc[i].ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
                                   or doc[i].text in ("$", "€", "£", "%")):
        i, skipped = i - 1, skipped + 1
    if skipped > 0 and i >= ent.sent.start and doc[i].lower_ == "from":
        return True
    # "44 more seats than in 2021", "doubled compared to the elections in 2021", "twice as many
    # as in 2021": the year of the figure compared with, not of an event
    start = prep.i if prep is not None and prep.i < ent.start else ent.start
    window = [t.lower_ for t in doc[max(ent.sent.start, start - 6):start]]
    if window and (window[-1] == "than" or window[-1] == "as" and "as" in window[:-1]):
        return True  # "more than in 2021", "as many as in 2021" (never "as of Tuesday")
    if "compared" in window or "versus" in window or "vs" in window or "vs." in window:
        return True
    # "one better than the title it won in 2008", "surpassing the previous record of 11.2 feet in 1821":
    # the date of what is compared with or bettered
    wider = [t.lower_ for t in doc[max(ent.sent.start, start - 10):start]]
    # "twice as large as the one carried out two years ago", "surpassed only by a rally ... in 1989":
    # the date of what the news is measured against
    if _as_large_as(wider) or any(t.lower_ == "by" and t.head.lemma_.lower() in COMPARISON_VERBS
                                  and not {",", ";"} & {x.text for x in doc[t.i:start]}
                                  for t in doc[max(ent.sent.start, start - 20):start]):
        return True
    if not any(t.is_digit and len(t.text) == 4 for t in ent):
        return False  # a year compared with, not a day told ("a star for more than four decades, died Thursday")
    after_than = wider[len(wider) - 1 - wider[::-1].index("than"):] if "than" in wider else None
    return bool(after_than and not {",", ";", "—", "–"} & set(after_than)) \
        or any(w in PREVIOUS_WORDS and "record" in wider[k + 1:k + 3] for k, w in enumerate(wider))


def _as_large_as(words: list[str]) -> bool:
    """ "... as large as the one ...": "as", a word or two, "as" again, no comma after it."""
    for k in range(len(words) - 1, -1, -1):
        if words[k] in {",", ";", "—", "–"}:
            return False
        if words[k] == "as" and "as" in words[max(0, k - 3):k] and (k + 1 >= len(words) or words[k + 1] != "of"):
            return True
    return False


# Nouns that name an event, which a date set after them ("the earthquake on February 6") belongs to.
EVENT_NOUNS = frozenset({
    "earthquake", "quake", "attack", "bombing", "shooting", "massacre", "explosion", "blast", "fire", "flood",
    "storm", "hurricane", "typhoon", "cyclone", "tsunami", "eruption", "crash", "collapse", "derailment",
    "election", "vote", "referendum", "coup", "invasion", "war", "uprising", "disaster", "tragedy", "riot",
})
# What befell someone, named with them: "the murder of Sam Roe last May" (_after_event_of_a_name)
BEFALLING_NOUNS = EVENT_NOUNS | {"murder", "death", "killing", "assassination", "arrest", "kidnapping", "stabbing",
                                 "assault"}


# Verbs that measure an event against an older one: "passing last year's massacre", "eclipsing
# the 2015 hack" (the date is the older event's, however the noun heads the clause).
COMPARISON_VERBS = frozenset({"pass", "surpass", "eclipse", "exceed", "overtake", "top", "outstrip", "dwarf",
                              "beat", "break", "better", "match", "equal", "rival", "echo", "recall", "mirror"})


ASIDE_WORDS = 6  # how far back an aside's opening bracket or dash may stand from its date


def _in_aside(ent, written_year: bool) -> bool:
    """The date stands inside brackets that follow another date (the same moment in another zone),
    or between two dashes (an aside on a noun, "its two finals – in 1990 and 2014 – ended")."""
    doc = ent.doc
    for i in range(ent.start - 1, max(-1, ent.start - ASIDE_WORDS - 1), -1):
        word = doc[i].text
        if word == ")" or doc[i].pos_ in ("VERB", "AUX"):
            return False
        if word == "(":  # (another zone's clock beside it: "Monday (March 13)" is the same day written out)
            inside = doc[i + 1:min(len(doc), ent.end + ASIDE_WORDS)]
            return i > 0 and doc[i - 1].ent_type_ in ("DATE", "TIME") and any(
                t.ent_type_ == "TIME" or t.lower_.strip(".") in CLOCK_SUFFIXES | {"pt", "et", "ct", "mt"} for t in inside)
        if word in {"–", "—"}:  # (years only: "The launch – on Monday – went well" is the launch's day)
            close = next((t.i for t in doc[ent.end:ent.end + ASIDE_WORDS] if t.text == word), None)
            return close is not None and written_year \
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[ent.end:close])
    return False


def _after_event_of_a_name(ent) -> bool:
    """The date follows "the <event> of <Name>" right away: it dates that event ("in the death of
    Sam Roe last May"), not the clause the parser hung it on."""
    doc = ent.doc
    k = ent.start - 1
    while k >= 0 and doc[k].pos_ == "PROPN":
        k -= 1
    return k < ent.start - 1 and k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() in BEFALLING_NOUNS


def _compared(noun, verb) -> bool:
    """The dated noun is what the verb measures the news against: "passing last year's record"."""
    return noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in COMPARISON_VERBS


def _heads_clause(noun, verb, year_or_month: bool = False) -> bool:
    """The dated noun is the verb's subject or object: "Tuesday's vote ended ...", not "after the vote".
    A written year or month on the noun dates what the noun names ("the 2018 champion slipped ...",
    "overturned the landmark 1973 decision"), not the clause, unless the noun is an event the
    clause tells of ("the 2016 vote split the country")."""
    if noun.head.i != verb.i or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return not year_or_month or noun.dep_ != "dobj" and noun.lemma_.lower() in EVENT_NOUNS


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
        # parser's guess of where the phrase attaches, and the date still times the clause; but a
        # noun that names an event has its own date: "the wounds from a catastrophic earthquake on February 6"
        return prep.head, prep, prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in EVENT_NOUNS
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


def _nearer_ahead(spec, reference) -> bool:
    """Is the next such day nearer the article's date than the last one was?"""
    if reference is None:
        return False
    ahead, back = resolve(spec, reference, "future"), resolve(spec, reference, "past")
    return ahead is not None and back is not None and (ahead.first - reference) < (reference - back.last)


def _tense(verb) -> str:
    """past | present | future | modal | conditional, from the verb's form and auxiliaries.

    "will vote on Monday" future; "would be closing ... in June" conditional (a reported plan);
    "is set to open on Monday", "are meeting on Friday" future; "visits ... on Jan. 9" present.
    """
    for _ in range(6):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & FUTURE_AUX:
            return "future"
        if "would" in words:
            return "conditional"
        if any(a.tag_ == "MD" for a in auxes):
            return "modal"
        if "to" in words and verb.head.i != verb.i:
            # "is set to open on Monday", "has agreed to resign Wednesday": the act is still to come
            head = _tense(verb.head)
            return "future" if head == "present" or _present_perfect(verb.head) else head
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
