"""Cues that sort a claim-bearing sentence into a section of the page.

Three questions about one sentence, each answered by general patterns of English news
writing (never by words of a particular story):
  - does the source say something is not known, or only
    expected or possible ("could", "is expected to rise")? -> What we don't know
  - does it say what is planned or scheduled next?        -> What's next
  - does it tell history that precedes the news?          -> Background
plus the source's own section headings ("What we don't know:", "The backstory:"), which
some outlets write into the body and which the cleaner keeps as short paragraphs.
Cues are matched outside quotation marks: a quoted promise is a statement someone made.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, Sequence

Cue = Literal["open_question", "next", "future", "background"]

_QUOTED = re.compile(r"[\"“”][^\"“”]*[\"“”]|(?<!\w)‘[^‘’]*’(?!\w)")

# Stated uncertainty. Each pattern with an invented example of the news style it catches.
OPEN_QUESTION_PATTERNS = [
    # "It remains unclear whether the talks will resume."
    r"\b(remains?|is|are|was|were|still|it['’]s)\s+(still\s+)?(unclear|uncertain|unknown|unconfirmed)\b",
    # "How many people were inside is not yet known."
    r"\b(is|are|was|were|has|have)\s+(not|n't|yet to be)\s+(yet\s+|been\s+)*(known|clear|confirmed|determined|established|disclosed)\b",
    # "The exact count is yet not known." / "... are still not clear"
    r"\b(?:is|are)\s+(?:yet|still)\s+not\s+(?:yet\s+)?(?:known|clear|confirmed|determined|established)\b",
    # "There is uncertainty over the ceasefire's terms." / "Questions remain over funding."
    # (confusion "over" something, not "during" an attack: the scene told, no question left)
    r"\bthere (is|are|was|were|remains?) (also |still )?(some |much |little )?(uncertainty|questions?|doubts?|"
    r"confusion(?= (?:over|about|as to|regarding|whether|on|surrounding)\b))",
    # "Questions swirled about what caused the fire." / "Doubts linger over the count."
    r"\b(questions|doubts) (remain|persist|linger)\b|"
    # "The question on everyone's lips is what happens to the club." / "The big question is whether ..."
    r"\bthe (?:big |key |main |real |open |burning )?question (?:on [\w'’ ]{2,20} lips |now |facing [\w'’ ]{2,20} )?"
    r"(?:is|remains|was) (?:what|whether|how|why|who|when|if)\b|"
    r"\b(?:questions|doubts)\s+(?:\w+ly\s+)?(?:swirl|mount|linger|persist|grow|grew|arose|arise|surfaced)\w*\s+"
    r"(?:about|over|as to|around|regarding)\b",
    # "Whether the deal survives remains to be seen."
    r"\b(remains?|is) to be seen\b|\byet to be (decided|determined|seen|announced)\b",
    # "The outcome will likely depend on the weather."
    r"\b(will|would|could|(?-i:may)|might)\s+(likely\s+|largely\s+|ultimately\s+)?depend\s+on\b",
    # "Its effect on prices is still unfolding."
    r"\b(is|are)\s+still\s+(unfolding|developing|emerging|being assessed)\b",
    # "The coach faces major hurdles in rebuilding the team."
    r"\bfaces?\s+(significant|major|serious|many|huge|considerable|steep)?\s*(challenges|hurdles|obstacles|questions)\b",
    # "Reuters could not independently verify the footage."
    r"\bcould not (be )?(independently )?(verif|confirm)\w*\b",
    # "It is not clear how the fire started." / "It is not presently clear how much warning ..."
    r"\bit (?:is|was) not (yet |presently |immediately |entirely )?(clear|known)\b|"
    r"\bit(?: isn't| wasn't| isn’t| wasn’t|['’]s not) (yet |presently |immediately |entirely )?(clear|known)\b|"
    r"\bno one knows\b|"
    # "The company does not yet know the cause." / "Officials cannot predict when power returns."
    r"\b(?:do|does|did)\s+not\s+(?:yet\s+)?know\b|\b(?:don|doesn|didn)['’]t\s+(?:yet\s+)?know\b|"
    r"\b(?:cannot|can['’]t|could not|couldn['’]t)\s+(?:yet\s+)?(?:predict|say|tell)\s+(?:when|how|whether|why|if)\b|"
    r"\bunclear (whether|how|why|when|who|what)\b",
]

# Predictions and possibilities: the sources expect something but cannot know it. They
# belong to What we don't know (prices "expected to rise" are an open number), except under
# a source's own "What's next:" heading. Invented examples in the comments.
HEDGED_PATTERNS = [
    # "The ruling could open the door to appeals." / "Prices may rise further."
    # (the modal "may" in lower case only: "Mrs May will step down" is a name, not a possibility;
    # a habit or an ability in the past is none either: "where they could often be found building",
    # "a crater which scientists believe could hold water" describes, it does not leave open)
    # (nor a wish or a condition, "if only someone could score", nor what one could do, "what
    # hope they could find", nor what might have been, "it could all have been easier")
    r"(?<!\bwhere )(?<!\bwhich )(?<!\bwho )(?<!\bwhat )(?<!\bwhatever )"
    r"(?<!\bif only someone )(?<!\bif only they )(?<!\bif only he )(?<!\bif only she )(?<!\bif only it )"
    r"\b(could|(?-i:may)|might)\s+(soon\s+|also\s+|eventually\s+|still\s+|well\s+)?"
    # ("could have been", "could have killed": what might have been; "could have repercussions" is ahead)
    r"(?!not\b|hardly\b|(?:all |also |easily |well )?have\s+(?:been|had|\w+ed|\w+en|done|gone|made|won|lost|taken)\b|often\b|sometimes\b|usually\b|always\b|frequently\b|"
    r"regularly\b|easily\b|be (?:seen|found|heard)\b)[a-z]{3,}",
    # "A challenge could, in the short term, prolong the uncertainty.": the same, an aside after the modal
    r"\b(?:could|might)\s*,[^,.;]{1,40},\s*(?!have\b)[a-z]{3,}",
    # "If confirmed, the find would be the oldest yet.": a claim under a condition still open
    r"^\W*if\b[^.;]{0,80}?,[^.;]*?\b(?:would|could|might|will)\b",
    # "Prices are expected to rise." / "Unemployment is likely to climb."
    # "The toll will most likely increase further."
    r"\bwill\s+(?:most\s+|very\s+)?(?:likely|probably)\b|"
    r"\b(is|are)\s+(widely\s+)?(expected|likely)\s+to\s+(rise|climb|increase|grow|fall|drop|worsen|"
    r"mount|go up|spread|continue)\b|\b(is|are)\s+(?:also\s+|still\s+|now\s+|very\s+|highly\s+)?likely\s+to\b",
    # "Analysts fear that prices will climb." / "Traders assume rates will be higher."
    r"\b(assumes?|fears?|feared|expects?|believes?|suspects?)\s+(that\s+)?[^.;]{0,60}?\b(will|would)\b",
    # (A hope is not listed: "welcomed the move, expressing hope that others would follow" reports
    # a reaction that happened, not something unknown.)
    # "Two climbers are feared missing."
    r"\b(is|are|were|was)\s+(still\s+)?feared\b|\bfeared\s+(dead|trapped|missing|killed)\b",
    # "The investigation is ongoing." / "Talks are continuing."
    r"\b(is|are|remains?)\s+(still\s+)?(ongoing|under way|underway|continuing)\s*[.,;]",
    # "The ruling raises the possibility of new strikes."
    r"\b(raises?|raised|raising)\s+the\s+(prospect|possibility|spectre|specter|risk)\s+of\b",
]

# Plans and schedules: what sources say will happen next. Invented examples in the comments.
# A schedule or a stated plan is next on its own words:
NEXT_PATTERNS = [
    # "The minister is expected to resign." / "Talks are set to resume."  (not "were expected to":
    # a plan told in the past tense has most often happened, or fallen through, by the report)
    # ("is due to officials asking ...", "due to the rain": a cause, not a schedule)
    r"\b(is|are)\s+(widely\s+)?(?:(expected|set|scheduled|poised)\s+to\b|due\s+to\s+(?!(?:the|a|an|this|that|these|"
    r"those|his|her|its|their|our|my|your|him|them|it)\b|\w+(?:ing|s)\b)[a-z]+\b)",
    # "The company plans to appeal." / "Officials intend to reopen the road."
    # (not the noun: "announced her plans to retire" tells of plans made, not a step to come)
    r"(?<!\bher )(?<!\bhis )(?<!\btheir )(?<!\bits )(?<!\bthe )(?<!\bour )(?<!\bmy )"
    r"\b(plans?|intends?|aims?|vows?|pledges?)\s+to\s+(?!do so\b)\w+",
    # "A vote is planned for next week." / "in the coming days" / "over the next 18 months" /
    # "at a later date": a span still to come, which no calendar date names
    r"\bnext\s+(week|month|year|spring|summer|autumn|fall|winter)\b|\bin the coming\s+(days|weeks|months)\b|"
    r"\bover the (?:next|coming)\s+(?:\w+\s+)?(?:days|weeks|months|years)\b|\bat a later date\b|"
    r"\blater (?:this|next) (?:week|month|year)\b",
    # a season still to come: "The leadership election will take place over the summer"
    r"\bwill\s+(?:\w+\s+){0,3}?(?:over|during|in|by|before)\s+the\s+(?:summer|autumn|fall|winter|spring)\b|"
    # a forecast of where or when: "Landslides are also expected in hilly areas", "Rain is forecast for Friday"
    r"\b(?:is|are)\s+(?:also\s+)?(?:expected|predicted|forecast)\s+(?:in|on|at|across|over|for|from|until|through)\b",
]
# A bare future is next only with the day it will happen (claims.alignment reads the sentence's
# dates, from the one date grammar): without one, "will" and "would"
# describe ("the feature will work when connected", "she will be the first woman to lead"),
# predict ("the reforms will turn the country into ...") or take a stance ("said it would not
# tolerate ...", "said his legacy would live forever"): none of them a step still to come.
FUTURE_PATTERNS = [
    # "The court will rule next week."  ("will" outside quotes, not "will likely depend", not in
    # a relative clause describing something ("a performance that will go down in history"), not
    # "will forever be" (a verdict, not a plan)
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\bwill\s+(?!likely depend|depend|forever|always|never|long\b)"
    r"(soon\s+|also\s+|now\s+)?[a-z]+",
    # "The army said it would strengthen its border units by March."  (a plan, reported)
    r"\b(said|says|announced|told\s+\w+)\b[^.;]{0,40}\bwould\s+(?!have\b|be\s+\w+ed\b)[a-z]+",
]
# History that precedes the news. Dates are checked separately (claims.dating: dates as intervals).
BACKGROUND_PATTERNS = [
    # "Since 2019, the company has cut 3,000 jobs."  (a sentence opening with "Since ...")
    r"^\W*since\b",
    # "In recent years, the port has expanded." / "For decades, the border was closed."
    # "The chain was once the country's biggest retailer." / "The port has long been a hub."
    r"^\W*(in|over|during) (recent|the past|the last) (years|decades)\b|^\W*for (years|decades)\b|"
    r"\b(?:was|were) once (?:the|a|an|one|among|considered|seen|hailed|heralded|known)\b|\b(?:has|have) long been\b|"
    # what a place is and what it does each year: "The island is situated 48km off the coast",
    # "The province experiences flooding each summer" (not "was located", a find; not where the
    # news itself happened: "The epicentre is located 80 miles from ...")
    r"^(?!.*\b(?:epicent|hypocent|wreckage|crash site))(?:.*?)\b(?:is|are) (?:situated|located)\b|\b(?:each|every) (?:summer|winter|spring|autumn|monsoon season|rainy season)\b|"
    # what a thing is, and a record over the years: "Ransomware is a type of malware that ...",
    # "The country has had a fraught safety record"
    r"\b(?:is|are) (?:a|an) (?:type|form|kind|sort) of\b|"
    r"\b(?:has|have) (?:had |long had )?(?:a|an) (?:[\w-]+ ){0,2}(?:history|track record|safety record|record of)\b|"
    # what someone did in an era gone by: "... propelled his career during the Velt era"
    r"\bduring (?:the )?(?:[\w'’.-]+ ){1,4}era\b|"
    # a state that has held for months: "The pipelines have been at the centre of tensions in recent months"
    r"\b(?:has|have) been\b[^.;]{0,80}\bin recent (?:months|years)\b|"
    # what has gone on for months: "The governor has reiterated a number of times in the past few months that ..."
    r"\b(?:has|have) (?:\w+ ){0,2}?\w+(?:ed|en)\b[^.;]{0,60}\b(?:in|over) the (?:past|last) (?:few |several )?(?:months|years)\b",
    # "The tribunal had banned the party in 2003."  (past perfect, not in reported speech)
    # ("had come close in the past", "had won twice before": an irregular participle too)
    r"\bhad\s+(not\s+|never\s+)?(long\s+|previously\s+|once\s+|formally\s+|already\s+|reportedly\s+|repeatedly\s+)?(been\s+)?(?:[a-z]+(ed|en|wn|un)|"
    r"come|become|won|done|gone|made|met|lost|held|left|set|put|hit|fought|brought|bought|taught|caught|"
    r"sought|told|sold|built|sent|spent|kept|felt|found|paid|struck|stood|dug|sung|swum|shut|quit|"
    r"split|spread|cut|beat|bid|let|sat|slid|stuck|swept|wept|dealt|meant|read)\b",
]

# Reported speech back-shifts tenses ("he said it had begun"): no past-perfect cue after it.
_REPORTING = re.compile(r"\b(said|says|saying|noted|told|added|stated|explained|argued|claimed|reported|"
                        r"announced|warned|confirmed|cited|citing)\b")

HEADING_KINDS = [
    # "What we don't know:" / "Unanswered questions:"
    ("open_question", r"\b(do not|don't|don’t|doesn't) know\b|\bunknowns?\b|\bunanswered\b|"
                      r"\bopen questions\b|\bwhat remains unclear\b"),
    # "What's next:" / "What happens next" / "Looking ahead:"
    ("next", r"\bwhat'?s next\b|\bwhat’s next\b|\bwhat happens next\b|\bnext steps\b|"
             r"\blooking ahead\b|\bwhat comes next\b"),
    # "The backstory:" / "Background:" / "How we got here"
    ("background", r"\bback\s?story\b|\bbackground\b|\bcontext\b|\bhow we got here\b|\bhistory\b"),
    # "What we know:" / "Key facts:"
    ("known", r"\bwhat we know\b|\bkey facts\b|\bthe facts\b"),
]


@lru_cache(maxsize=1 << 14)
def unquoted(text: str) -> str:
    """The sentence with quoted passages blanked, so cues inside quotes are not read.

    A quotation the sentence splitter cut in two leaves one unpaired mark: blank from the
    text's start to a lone closing mark, or from a lone opening mark to its end.
    Memoised: every cue, and claims' ranking, reads the same sentence again.
    """
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    close = re.search(r"”|\"(?=\W*$)", text)
    if close and "“" not in text[: close.start()]:
        text = " " * close.end() + text[close.end():]
    opening = re.search(r"[“]|(?<![\w])\"", text)
    if opening:
        text = text[: opening.start()] + " " * (len(text) - opening.start())
    return text


def _any(patterns: Sequence[str], text: str) -> bool:
    return _either(tuple(patterns)).search(text) is not None


@lru_cache(maxsize=64)
def _either(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation of the patterns: it matches wherever any one of them does,
    in one pass over the sentence instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# An unspecified response announced or threatened: what it will be is open. Read inside
# quotations too, where such threats are usually made. Invented examples in the comments.
THREAT_PATTERNS = [
    # "This forces us to take countermeasures." / "We will take appropriate measures."
    r"\b(forces?|forced|compels?|obliges?)\s+(us|them|it|him|her)\s+to\s+take\s+(\w+\s+)?"
    r"(countermeasures|measures|action|steps)\b",
    r"\b(will|would|shall)\s+take\s+(appropriate|necessary|relevant|retaliatory|all necessary)\s+"
    r"(countermeasures|measures|action|steps)\b",
    # "Relevant action will be taken."
    r"\b(action|measures|countermeasures|steps)\s+will\s+be\s+taken\b",
    # "The army said it would watch closely for troop movements."
    r"\bwatch(es|ing)?\s+(closely\s+|carefully\s+)?for\b",
]


def open_question_cue(text: str) -> bool:
    return _any(OPEN_QUESTION_PATTERNS, unquoted(text)) or _any(THREAT_PATTERNS, text)


# "The pound fell 10 percent on fears the decision could hit investment": the fear is the
# reason for a fact, not the sentence's own prediction.
_REASON_CLAUSE = re.compile(r"\b(?:on|amid|over|because of)\s+(?:fears?|concerns?|worries|hopes?|warnings?)\b[^.;]*", re.I)


# "threw knives up so they could cut the belts": what the act was for, done, not a possibility;
# "clutching at what hope they could find": what one could do, told of a scene
_PURPOSE_CLAUSE = re.compile(r"\b(?:so\s+(?:that\s+)?\w+|what(?:ever)?\s+(?:\w+\s+){0,2}\w+)\s+(?:could|might)\b[^.;]*",
                             re.I)


# What opens a clause telling why something was done or what someone said: a possibility
# inside it is the reason given, not the story's open question ("said he stepped down as there
# was a possibility his illness could return", "were told to leave because the rest could fall");
# nor one a scene tells of ("began spraying foam before a larger fire could erupt", "gathered in
# the hope that they could reach the shore", "changed how scientists could see the universe")
_TOLD_OR_WHY = re.compile(r"\b(?:said|says|told|added|decided|announced|explained|noted|because|as|since|after|"
                          r"before|until|how|hope)\b", re.I)
# A count given with its fear: "60 people were missing, feared dead" is the toll as reported
_FEARED_COUNT = re.compile(r"\bfeared\s+(?:dead|trapped|missing|killed)\b", re.I)


# A hedge opening a relative clause: "a bill which critics fear would ..." (what the bill is, as told)
_DESCRIBING = re.compile(r"\b(?:which|that)\s+(?:[\w'’-]+\s+){1,2}$", re.I)


def hedged_cue(text: str) -> bool:
    plain = _PURPOSE_CLAUSE.sub(" ", _REASON_CLAUSE.sub(" ", unquoted(text)))
    m = _either(tuple(HEDGED_PATTERNS)).search(plain)
    if m is None:
        return False
    if _FEARED_COUNT.search(m.group(0)) or m.group(0).split()[0].lower() in {"could", "may", "might"} \
            and _TOLD_OR_WHY.search(plain[: m.start()]):
        return False
    if re.search(r"\bthan\s*$", plain[: m.start()]):
        return False  # "in a more extreme fashion than is likely to be seen from X": a comparison, told now
    if _RELATIVE_BEFORE.search(plain[: m.start()]) or _DESCRIBING.search(plain[: m.start() + len(m.group(1) or "")]):
        return False  # "legislation, which critics fear would let ...": the fear describes a noun
    # "A ruling had not been expected until Monday, and could decide ...": told of a time gone by
    perfect = _either(tuple(BACKGROUND_PATTERNS[2:3])).search(plain[: m.start()])
    return not (perfect and not _REPORTING.search(plain[: perfect.start()]))


# A past event before the forecast: "The launch went according to plan, and it will now ...",
# "it sent the telescope into space to start the journey it will be embarking on": the sentence
# reports what happened; what it adds about the future does not make it a plan.
_PAST_EVENT = re.compile(r"\b(went|sent|came|began|took|started|ended|launched|lifted|landed|crashed|died|killed|"
                         r"won|lost|voted|signed|approved|passed|collapsed|resigned|completed|"
                         # a view, not a plan: "Merkel felt the deal will oblige ..."
                         r"felt|feels|thinks|thought|believed)\b", re.I)


def next_cue(text: str) -> Cue | None:
    """ "next" for a schedule or stated plan, "future" for a bare future (next only if dated)."""
    plain = unquoted(text)
    cue: Cue = "next"
    # (not the noun: "a government plan to allow ...", a plan told of, not a step announced)
    m = next((m for m in _either(tuple(NEXT_PATTERNS)).finditer(plain)
              if not (_A_PLAN.search(plain[: m.start()]) and re.match(r"(?:plan|aim|pledge|vow)\b", m.group(0), re.I))),
             None)
    if m is None:
        cue, m = "future", _either(tuple(FUTURE_PATTERNS)).search(plain)
    if m is None or _PAST_EVENT.search(plain[: m.start()]):
        return None
    before = plain[: m.start()]
    perfect = _either(tuple(BACKGROUND_PATTERNS[2:3])).search(before)
    if perfect and not _REPORTING.search(before[: perfect.start()]):
        return None  # "Late Thursday he had shocked the crowds with a pledge to ...": told as done
    if _RELATIVE_BEFORE.search(before):
        return None  # "The council -- which earlier said it would lift ... -- is made up of": a description
    return cue


# An article, perhaps with a noun or two, before "plan": "a plan to", "a government plan to"
_A_PLAN = re.compile(r"\b(?:a|an|its|his|her|their|our)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# A relative pronoun a few words before the plan: the plan belongs to a clause describing a noun.
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who)\s+(?:\S+\s+){0,3}$", re.I)


# A past perfect tells history only with a word that sets it before the news: news writing tells
# its own event in the past perfect too ("Thirteen bodies had been found in the ship", "The probe
# had phoned home"), from the hour of writing.
_EARLIER = re.compile(r"\bhad\s+(?:long|previously|once|formerly|never|earlier)\b|\b(?:previously|formerly|"
                      # (not "just before the accident", "moments before the crash": the news's own minutes)
                      r"once|(?<!just )(?<!shortly )(?<!moments )(?<!minutes )(?<!seconds )(?<!hours )(?<!right )"
                      r"(?<!immediately )(?<!an hour )(?<!a minute )(?<!a moment )before (?:the|a|an|its|his|her|their)|in the past|years? (?:ago|earlier|before)|decades?)\b",
                      re.I)


def background_cue(text: str) -> bool:
    plain = unquoted(text)
    if _any(BACKGROUND_PATTERNS[:2], plain):
        return True
    perfect = _either(tuple(BACKGROUND_PATTERNS[2:3])).search(plain)
    if not perfect or _REPORTING.search(plain[: perfect.start()]) or not _EARLIER.search(plain):
        return False
    # "The city reopened the bridge, which had been closed for years": the past perfect of a
    # relative clause describes a noun's past, the sentence itself is news
    return not re.search(r"\b(which|who|that|where)\s+(\w+\s+)?$", plain[: perfect.start()], re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def classify(text: str, heading: str | None = None) -> Cue | None:
    """The sentence's section cue, strongest first. Stated uncertainty beats everything ("It
    is unclear whether talks will resume" is an open question, not a plan); a prediction is
    an open question too, unless the source files it under its own "What's next:" heading;
    a plan or schedule is what's next, a bare future ("will ...") is "future": next only when
    the sentence dates it (claims.alignment); then history.

    Memoised: a wire story's sentences recur word for word across its copies."""
    if open_question_cue(text):
        return "open_question"
    hedged, planned = hedged_cue(text), next_cue(text)
    if heading == "next" and (hedged or planned):
        return "next"
    if hedged:
        return "open_question"
    if planned:
        return planned
    if background_cue(text):
        return "background"
    return None


def heading_kind(text: str) -> str | None:
    """The section a source heading announces ("What we don't know:" -> open_question)."""
    words = text.strip()
    limit = 8 if re.search(r"[:：]\s*$", words) else 4
    if len(words.split()) > limit or re.search(r"[.!?]\W*$", words):
        return None
    for kind, pattern in HEADING_KINDS:
        if re.search(pattern, words, re.IGNORECASE):
            return kind
    return None
