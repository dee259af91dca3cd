"""Page furniture in running text: what a news page puts into or beside an article that is not
the article's own words. One place for the patterns the clean stage removes whole lines or
leading parts of lines by, and the verification gate holds a published line by when cleaning
left some in.

- `dateline`   the place (and date, agency) a report opens with: "PORTVILLE, Examplia, July 8 (Agency) –",
               "PORTVILLE —", "Lakeside, Examplia (Wire) —"; its date dates the article
- `label`      a label before the text: "STORY:", "WATCH:", "UPDATE:"
- `caption`    a photo caption: position markers ("(L)", "(2nd R)"), "in this photo taken by",
               "A screen grab ... shows", the agency format "PLACE, STATE - MARCH 26:", a
               present-tense scene with its place or date ("Fans celebrate ... in Central Square
               on Sunday.")
- `furniture`  the reason a line carries any of it, or markup, credits, embedded posts, promotion
All examples are invented. Every pattern is anchored or bounded, so a long line costs linear time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from generator.text.actor_kinds import MEDIA_NAME_WORDS
from generator.text.dates.vocabulary import MONTHS, WEEKDAY_NAMES, WEEKDAY_WORD, alternation

_MONTH = rf"(?:{alternation(MONTHS)})\.?"
_MONTH_NAME = rf"(?:{alternation(m.capitalize() for m in MONTHS)})\.?"
_CAPS_MONTH = rf"(?:{alternation(m.upper() for m in MONTHS)})\.?"
_WEEKDAY = alternation(WEEKDAY_NAMES)
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"  # "PORTVILLE", "ST.", "O'HARE"
_WORD = r"[A-Z][\w.'’-]*"
_REGION = rf"(?:,\s+(?!{_MONTH_NAME}\s+\d){_WORD}(?:\s+{_WORD}){{0,2}})"  # ", Japan", ", N.Y."; never a date
_DATE = rf"(?:,?\s+(?P<month>{_MONTH_NAME})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s+(?P<year>\d{{4}}))?)"
# "Madrid, 2 June 2019 (Wire) –": the day first
_DATE_DM = rf"(?:,?\s+(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmonth>{_MONTH_NAME})(?:,?\s+(?P<dyear>\d{{4}}))?)"
_AGENCY = r"(?:\s*\((?P<agency>(?=[^)]*[A-Z])[A-Za-z][\w&.'’/ -]{0,30})\))"  # "(Reuters)", "(CBSLA/AP)"
_SEPARATOR = r"(?:\s*(?:[—–]+|--?|\|)\s*|\s?:\s+|\.-\s*|\.\s*/[A-Z]+/\.?\s*)"
# "PORTVILLE —", "PORTVILLE, Examplia, July 8 (Agency) –", "NEW HARBOUR, May 3 (WIRE) —", "NEW HARBOUR: "
# (several places: "PORTVILLE/NEW HARBOUR (Wire) - ")
# ("Lakeside/NEW HARBOUR: ": a first place in title case, before a slash and one in capitals)
_CAPS_PLACES = rf"(?:{_WORD}(?:\s+{_WORD}){{0,2}}/)?" \
               rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:/{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}){{0,5}}"
_CAPS_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACES}){_REGION}?(?:{_DATE}|{_DATE_DM})?{_AGENCY}?{_SEPARATOR}(?=[\"“‘'A-Z0-9])")
# "Lakeside, Examplia (Wire) —", "Lakeside (Agency) - ", "Lakeside, July 4 (Wire) Scientists ...": a place
# in title case only with its agency
_AGENCY_DATELINE = re.compile(
    rf"^(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}}){_REGION}?(?:{_DATE}|{_DATE_DM})?{_AGENCY}(?:{_SEPARATOR}|\s+)(?=[\"“‘'A-Z0-9])")
# "PORTVILLE, July 7 The ship ...": an all-caps place and its date, the separator lost in the scrape
_CAPS_DATE_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}){_REGION}?{_DATE}{_AGENCY}?\s+(?=[\"“‘'A-Z])")
# "April 10, 2019 (Wire) — ": the date first, then the agency
# ("June 25, 2009 (PORTVILLE) The singer died ...": the place in brackets, no dash)
_DATE_DATELINE = re.compile(
    rf"^(?P<month>{_MONTH_NAME})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}}){_AGENCY}?(?:\s*[—–]+\s*|(?<=\))\s+)"
    rf"(?=[\"“‘'A-Z0-9])")
# "Lakeside, September 1: ", "Lakeside, July 14 — ": a place in title case with its date, then a colon
# or a dash (prose puts no colon after a date)
_TITLE_DATE_DATELINE = re.compile(
    rf"^(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}}){_REGION}?{_DATE}\s*(?::|[—–]+|--?)\s+(?=[\"“‘'A-Z])")
# "Lakeside, Examplia — ": a place in title case with its region and a long dash, no date or agency
# (prose sets no dash after "X, Y")
# ("Lakeside, Exa.- ": a region's abbreviation run into a hyphen, which prose never writes)
# ("Port es Velt, Examplia | THE HARBOUR TIMES | ": the masthead in capitals between bars, which prose
# never writes, a place's particles in lower case; no single bar, as a title's section path is
# written: "Sport, Football | Velora beat Lyra")
_TITLE_PLACE_DATELINE = re.compile(rf"^(?P<place>{_WORD}(?:\s+(?:{_WORD}|es|de|del|da|el|al|la)){{0,2}}){_REGION}"
                                   rf"(?:\s*[—–]+\s*|(?<=\.)-\s+|\s+\|\s+[A-Z][A-Z.'’ -]{{2,40}}\s+\|\s+)"
                                   rf"(?=[\"“‘'A-Z])")
# "Lakeside, ExampliaAfter a long journey, ...": a dateline run into the first word of its sentence
# (a lower-case letter, then a capital opening a word that opens sentences)
_GLUED_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?)"
                             r"(?<=[a-z])(?=(?:The|After|Before|When|While|For|With|From|During|"
                             r"Despite|More|Some|Officials|Police|Rescuers)\s"
                             # a short word glued on is a dateline's only before what opens a sentence with
                             # it ("LyraIn a statement", "LyraAt least"): "LinkedIn has" is a name
                             r"|(?:A|An|In|On|At|As)\s(?:[A-Z0-9]|(?:a|an|the|least|recent|its|his|her|their|this|"
                             r"that|some|what|an?)\b))")
# "(Wire) — The minister ...": an agency's credit alone where the dateline's place was cut; or
# run into the report's first word, "(Wire)The minister ..." (prose opens no paragraph so)
_AGENCY_ONLY_DATELINE = re.compile(rf"^{_AGENCY}(?:\s*[—–]+\s*(?=[\"“‘'A-Z])|(?=[A-Z][a-z]))")
# "Kyiv [Ukraine]: ": a place with its country in square brackets (no prose writes that)
_BRACKET_DATELINE = re.compile(rf"^(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}})\s+\[{_WORD}(?:\s+{_WORD}){{0,2}}\]"
                               rf"{_DATE}?\s*(?:[:—–]|--?)\s*(?=[\"“‘'A-Z0-9])")
# "Alwaght- Volodymyr Zelensky ...": a one-word tag glued to a dash, then the report
_TAG_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]+)-\s+(?=[\"“A-Z])")
# "Lakeside - A powerful storm ...": one place name in title case, a spaced dash, then the report (prose
# opens no paragraph with one word and a dash)
_TITLE_DASH_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]{3,})\s[-–—]\s(?=[\"“]?(?:The|A|An)\s|[\"“]?[A-Z][a-z]+(?:-[a-z]+)?[\s,])")
# "Wire, Lakeside :The minister ...": a credit, then the place, a colon set apart from the place and
# run into the report (prose sets no space before a colon)
_CREDIT_PLACE_DATELINE = re.compile(r"^[A-Z][A-Za-z]+,\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+:\s*(?=[A-Z])")
# The words after a dateline make a report, not a label: at least this many.
MIN_WORDS_AFTER = 4
LABEL_RE = re.compile(r"^(?:STORY|WATCH|LISTEN|VIDEO|PHOTOS?|UPDATE[D]?(?:\s+(?:at\s+)?\d[\d:.]*+\s*(?:[ap]\.?m\.?)?"
                      # "Update 8:15 p.m. EST Dec. 9: ...": the time whole, and the day after it
                      rf"(?:\s+[A-Z]{{2,4}})?(?:,?\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?)?|BREAKING(?: NEWS)?|EXCLUSIVE|LIVE|"
                      r"EDITOR'?S NOTE|READ MORE|RELATED|ANALYSIS|OPINION|FACT CHECK|"
                      # a newsletter's running heads: "Why it matters: ...", "The big picture: ..."
                      r"WHY IT MATTERS|THE BIG PICTURE|BETWEEN THE LINES|THE BOTTOM LINE|DRIVING THE NEWS|"
                      r"BY THE NUMBERS|GO DEEPER|STATE OF PLAY|ZOOM IN|ZOOM OUT|FLASHBACK|WHAT THEY['’]RE SAYING|"
                      r"WHAT WE['’]RE WATCHING|THE OTHER SIDE|YES,? BUT|CATCH UP QUICK|"
                      # a live blog's time stamp: "1609 GMT: ", "8.00AM AEDT TUE: ", "10:45 a.m.: "
                      rf"\d{{1,2}}[.:]?\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,5}})?(?:\s+{WEEKDAY_WORD})?)"
                      r"\s*:\s*(?=\S)", re.I)


@dataclass(frozen=True)
class Dateline:
    text: str  # the prefix as written, separator included
    month: int | None = None
    day: int | None = None
    year: int | None = None


def dateline(paragraph: str) -> Dateline | None:
    """The dateline a paragraph opens with, or None. An all-caps place may stand alone ("PORTVILLE —");
    a place in title case needs its agency ("Lakeside (Wire) —"), else it is the sentence's subject."""
    m = (_CAPS_DATELINE.match(paragraph) or _AGENCY_DATELINE.match(paragraph) or _DATE_DATELINE.match(paragraph)
         or _BRACKET_DATELINE.match(paragraph) or _TAG_DATELINE.match(paragraph)
         or _CAPS_DATE_DATELINE.match(paragraph) or _TITLE_DATE_DATELINE.match(paragraph)
         or _TITLE_PLACE_DATELINE.match(paragraph) or _GLUED_DATELINE.match(paragraph)
         or _AGENCY_ONLY_DATELINE.match(paragraph) or _TITLE_DASH_DATELINE.match(paragraph)
         or _CREDIT_PLACE_DATELINE.match(paragraph))
    if m is None or len(paragraph[m.end():].split()) < MIN_WORDS_AFTER:
        return None
    if m.re is _CAPS_DATELINE and not re.search(r"[A-Z]{2}", m.group("place")):
        return None
    groups = m.groupdict()
    written_month, written_day = groups.get("month") or groups.get("dmonth"), groups.get("day") or groups.get("dday")
    written_year = groups.get("year") or groups.get("dyear")
    month = MONTHS[written_month.rstrip(".").lower()] if written_month else None
    day = int(written_day) if written_day else None
    year = int(written_year) if written_year else None
    return Dateline(m.group(0), month, day, year)


def label(paragraph: str) -> str | None:
    """A label before the text ("STORY: ", "WATCH: "), or None."""
    m = LABEL_RE.match(paragraph)
    return m.group(0) if m and len(paragraph[m.end():].split()) >= MIN_WORDS_AFTER else None


# ---------------------------------------------------------------- captions and credits

# "(L)", "(C)", "(2nd R)", "(L-R)", "(left)": who is where in a photo. "(R)" alone is also a US
# party ("Sen. Jane Roe (R)"), so it counts only beside another marker.
_POSITION = re.compile(r"\((?:(?:2nd|3rd|4th|second|third) (?:from )?(?:[LR]|left|right)|[LCR]|L-R|R-L|"
                       r"left|right|centre|center|top|bottom|front|rear|back row|front row)\)", re.I)
# Who is where, written between commas: "Jane Roe, centre, arrives at ...", "Roe, left, and Doe".
_POSITION_WORDS = re.compile(r"\b[A-Z][\w'’-]+,\s(?:left|right|centre|center|(?:second|far)\s(?:from\s)?(?:left|right)"
                             r"|top|bottom|foreground|background)(?:,|\s+and\b)")
# A picture's subject, "as seen" by a camera: "The dwarf planet as seen by the probe on July 13, when ..."
_AS_SEEN = re.compile(r"^(?:[\w'’-]+\s){1,6}as seen (?:by|from|through|on)\b")
_EXPLICIT = re.compile(
    r"\bin this (?:handout |undated |file |aerial |still |video |photo )?(?:photo(?:graph)?|picture|image|"
    r"screen ?grab|screenshot|frame grab|video grab|still|illustration)\b"
    # (with a word or two of what kind: "Enhanced infrared imagery shows the eye of the storm ...")
    r"|^(?:an? |the )?(?:[A-Za-z-]+ ){0,2}?(?:photo(?:graph)?|picture|image(?:ry)?|screen ?grab|"
    r"screenshot|still image|frame grab|video grab|video still)\b[^.]{0,120}?\b(?:shows?|showing|depicts)\b"
    # "A screenshot from the gunman's live stream, minutes before ...": what a picture is taken from
    r"|^an?\s+(?:screenshot|screen ?grab|frame grab|video grab|video still|still)\s+(?:from|of|taken)\b"
    r"|\bimage pixelated\b|\(photo by [^)]{2,80}\)|\bphoto(?:graph)?:\s|\bmandatory credit\b"
    # "This 360-degree view from the lander is a composite of images of its surroundings"
    r"|\bis a (?:composite|mosaic|montage) of (?:\w+ )?(?:images|photos|photographs|pictures|frames)\b", re.I)
_QUOTE_MARK = re.compile(r"[\"“”]")
# A video's or a gallery's label run into what it shows, no verb between: "Aerial footage dozens of
# planes ...", "Pictures the moment the bridge fell" (prose writes "Footage of ...", "Footage showed ...").
_FOOTAGE_LABEL = re.compile(r"^(?:aerial |drone |live |new |exclusive |dramatic )?(?:footage|video|pictures|images|photos)\s+"
                            r"(?!(?:of|from|on|in|at|by|shows?|showed|showing|shot|taken|captured|released|posted|shared|"
                            r"circulated|broadcast|aired|obtained|appeared|emerged|suggests?|suggested|was|were|is|are|has|"
                            r"have|had|will|would|could|may|might|can|also|that|which|and)\b)[a-z]", re.I)
_EXPLICIT_HINTS = ("photo", "picture", "image", "grab", "screenshot", "still", "credit", "frames",
                  "illustration")  # ("imagery" too)
# A scene signed with its place and date after a dash: "... the suspect's weapon – Rivertown Examplia, July 8, 2022."
_PLACE_DATE_TAIL = re.compile(rf"\s[–—-]\s+{_WORD}(?:\s+{_WORD}){{0,3}},?\s+{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\.?$")
# A picture agency's caption ends on its full date and place, with no "on": "Officials brief the
# media on the search, March 10, 2014 in Harlow, Examplia." (prose writes "on March 10, 2014, in ...")
_DATE_IN_PLACE_TAIL = re.compile(rf",\s+{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\s+in\s+{_WORD}"
                                 rf"(?:\s+{_WORD}){{0,3}}(?:,\s+{_WORD}(?:\s+{_WORD}){{0,2}})?\.?$")
# A wire photo's caption: "A water tower at the Harbour Works in Eastmere is seen, Thursday, May 7, 2020."
_SEEN_ON_DATE = re.compile(rf"\b(?:is|are)\s+(?:seen|pictured|shown|photographed)\b[^.]{{0,80}}?,\s+"
                           rf"(?:on\s+)?(?:{_WEEKDAY}),?\s+{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\.?$")
# An agency's caption: "EDGEMERE, MARYLAND - MARCH 26: The cargo ship ..."
# A picture's caption ends on its date and then its credit, or on its agency's name, with no full
# stop: "Jane Roe holds a news conference in Harlow following the vote on 16 December 2015 Agency"
# (prose ends on a stop; a headline in title case has few lower-case words; "..., X tells Reuters"
# is a headline)
_YEAR_CREDIT_TAIL = re.compile(r"^(?=(?:\S+\s+){7,})(?=(?:.*?\b[a-z]+\b){4}).*\s(?:19|20)\d{2}\s+[A-Z][\w&'’-]{2,}(?:\s+[A-Z][\w&'’-]*)?$"
                               # ... or on a picture agency's name: "... in emissions tests Reuters"
                               r"|^(?=(?:\S+\s+){7,})(?=(?:.*?\b[a-z]+\b){4})[^.!?]*\b[a-z]+(?<!\bto)(?<!\bby)(?<!\btold)"
                               r"(?<!\btells)(?<!\bwith)(?<!\bfrom)(?<!\bsays)(?<!\bsaid)\s+"
                               r"(?:AP|AFP|Reuters|Getty Images|Getty|EPA|Xinhua|PA|ANI|PTI|Bloomberg)$")
_AGENCY_CAPTION = re.compile(rf"^{_CAPS_WORD}(?:\s+{_CAPS_WORD})*,\s+{_CAPS_WORD}(?:\s+{_CAPS_WORD})*\s+[-–—]\s+"
                             rf"{_CAPS_MONTH}\s+\d{{1,2}}:\s")
# A scene in the present tense, its verb after a short subject (no comma, at most ten words, not
# "to celebrate"), ended by its place or date: "A woman prays at the site ... in
# Rivertown, Examplia.", "Fans celebrate ... in Central Square on Sunday." News prose tells the past.
_SCENE_VERBS = (
    "is seen|are seen|is pictured|are pictured|is shown|are shown|is carried|are carried|is escorted|"
    "are escorted|is helped|are helped|is led|are led|is evacuated|are evacuated|pose|poses|gesture|gestures|"
    "looks on|look on|stand|stands|walk|walks|pray|prays|celebrate|celebrates|wave|waves|arrive|arrives|"
    "react|reacts|lie|lies|sit|sits|shake hands|shakes hands|embrace|embraces|mourn|mourns|gather|gathers|"
    "watch|watches|carry|carries|kneel|kneels|weep|weeps|cry|cries|hug|hugs|greet|greets|seize|seizes|"
    "search|searches|inspect|inspects|pay respects|pays respects|lay|lays|light|lights|hold up|holds up|"
    "look at|looks at|look over|looks over|speak|speaks|attend|attends|queue|queues|rest|rests|clear|clears|"
    "detain|detains|arrest|arrests|escort|escorts|rescue|rescues|evacuate|evacuates|address|addresses|"
    "aim|aims|return|returns|wade|wades|view shows|views show")
# A verb follows its subject, never "and", "of", "the" or "to": "Search and rescue teams ..." has no scene verb.
_NOT_AFTER = "".join(rf"(?<!\b{w}\s)" for w in ("to", "and", "or", "of", "the", "a", "an", "for", "with", "its",
                                                  "their", "his", "her", "in", "on", "at", "by", "from"))
_SCENE = re.compile(
    rf"^[\"“]?[A-Z](?:[^\"“”.!?,\s]*\s){{0,9}}?{_NOT_AFTER}(?:{_SCENE_VERBS})\b(?:[^\"“”!?.]|\.(?!\s+[A-Z])){{0,240}}?"
    rf"(?:\b(?:in|at|near|outside)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:,\s+(?:[\w'’-]+\s+){{0,2}}[A-Z][\w'’.-]*)?"
    rf"|\b(?:on\s+)?(?:{_WEEKDAY}|{_MONTH_NAME}\s+\d{{1,2}}(?:,\s+\d{{4}})?)(?:\s+in\s+[A-Z][\w'’., -]{{0,60}})?"
    # "... in the aftermath of Typhoon Vera.": the event the picture shows the end of
    rf"|\bin the aftermath of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    rf"|{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}})\.?$")
MAX_SCENE_WORDS = 60
# What a picture shows, named as a view: "A general view of the port", "An exterior view of the bank ..."
_VIEW = re.compile(r"^an?\s+(?:general\s+|exterior\s+|aerial\s+|interior\s+|partial\s+|close-up\s+)?"
                   r"view\s+of\b", re.I)
# A present-tense scene with its full date, year included, whatever follows: a wire photo's caption
# (news prose tells the past, and dates a day it tells by its weekday or its date, seldom both with a year).
_SCENE_DATED = re.compile(
    rf"^[\"“]?[A-Z](?:[^\"“”.!?,\s]*\s){{0,9}}?{_NOT_AFTER}(?:{_SCENE_VERBS}|stand guard|stands guard)\b[^\"“”!?]{{0,200}}?"
    rf"\b(?:on\s+)?(?:(?:{_WEEKDAY}),?\s+)?{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\b")
# A scene told in the present that ends on its full date, whatever its verb ("A protester tries to
# break the glass ... Monday, July 1, 2019"): prose tells a dated past in the past tense
_DATED_END = re.compile(rf"(?:\bon\s+)?(?:(?:{_WEEKDAY}),?\s+)?{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\.?$"
                        # ... or on its weekday and day, set off by commas: "... in Lyra, Velora, Sunday, 15 January."
                        rf"|,\s+(?:{_WEEKDAY}),\s+(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\.?\s+\d{{1,2}})(?:,?\s+\d{{4}})?\.?$")
_PAST_OR_FUTURE = re.compile(r"\b(?:(?<!\bthe )(?<!\ba )(?<!\ban )[a-z]+ed|was|were|had|did|said|told|went|came|took|made|broke|fell|left|saw|gave|"
                             r"won|ran|began|became|struck|found|held|kept|met|paid|sent|spent|stood|sold|thought|"
                             r"brought|bought|will|would|has|have|been|is expected)\b")
# A scene in the present with what the person is doing meanwhile, no place or date: "Jane Roe
# cries while embracing a teammate after winning the title." (a photo's caption, not prose)
_SCENE_WHILE = re.compile(
    rf"^[\"“]?[A-Z](?:[^\"“”.!?,\s]*\s){{0,5}}?{_NOT_AFTER}(?:{_SCENE_VERBS})\s+(?:while|as|after)\s+[a-z]+ing\b"
    r"[^\"“”!?]*\.$")
MAX_SCENE_WHILE_WORDS = 30
MAX_DATED_SCENE_WORDS = 40
MIN_DATED_SCENE_WORDS = 6  # before the date: a sentence, not a date line or a name and its date


def _dated_scene(text: str) -> bool:
    end = _DATED_END.search(text) if len(text.split()) <= MAX_DATED_SCENE_WORDS else None
    if end is None or "@" in text or _QUOTE_MARK.search(text):
        return False
    before = text[:end.start()]
    words = before.split()
    return len(words) >= MIN_DATED_SCENE_WORDS and sum(w.islower() for w in words) >= 3 \
        and not _PAST_OR_FUTURE.search(before)
# "Image courtesy of NHK", "Photo courtesy: Agency", "image….Jane Roe for The Post", "(AP Photo/Jane Roe)"
_COURTESY = re.compile(r"^(?:(?:image|photo|picture|video|footage)s?\s+)?courtesy(?:\s+of)?\s*:?\s+\S.{0,60}$", re.I)
# a name "for The Outlet", or after "image"/"photo": not a title ("Special Envoy for the Region")
_FOR_OUTLET = re.compile(rf"^(?:[Ii]mage|[Pp]hoto|[Pp]icture)s?\W{{1,5}}{_WORD}(?:\s+{_WORD}){{1,3}}\s+for\s+"
                         rf"(?:[Tt]he\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}$"
                         rf"|^{_WORD}(?:\s+{_WORD}){{1,2}}\s+for\s+The\s+{_WORD}(?:\s+{_WORD}){{0,3}}$")
_AGENCY_PHOTO = re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA|Xinhua|PA|ANI|PTI)\s+(?:Photo|Images)(?:/[^()]{1,60})?\)\s*$")
# Credits in the agencies' format: a chain of names and agencies split by " / " before the caption
# ("Jane ROE / AGENCY / AGENCY Crowds gather ..."), or an agency and its photographer in capitals
# after it ("... on April 10. AGENCY-WIRE/JANE ROE"), or "Credit: Jane Roe" / "Source: Agency / Jane Roe".
_CREDIT_CHAIN = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z]{2,}[\w'’-]*(?:\s/\s[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?){2,}\s"
                           r"|^[A-Z]{2,}\s/\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s[A-Z]{3,}\b")
_CREDIT_TAIL = re.compile(r"\b[A-Z]{2,6}(?:-[A-Z]{2,6})?\s?/\s?[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3}\.?\s*$"
                          # a photographer and the agency glued after the caption: "... in Rivertown.Jane Roe/AGENCY"
                          r"|\b[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}\s?/\s?(?:[A-Z]{2,}(?:-[A-Z]{2,})?|Getty Images)\s*$"
                          r"|\b(?:[Cc]redits?|[Ss]ource|[Pp]hoto|[Pp]icture|[Ii]mage)s?:\s*[A-Z][^.:]{1,60}(?:\s/\s[^.:]{1,40})?\.?\s*$")


# A photographer and an agency in brackets closing a caption: "... Sebastian Roe (Juan Doe : AGENCY)".
_BRACKET_CREDIT = re.compile(r"\((?:[A-Z][\w.'’-]*\s*){1,3}\s*[:/]\s*[A-Z]{2,}[\w-]*(?:\s*/\s*[A-Z][\w-]*)?\)\s*$")


# The outlet's own pictures, pointed at on its page: "The videos above ...", "the map below"
_ABOVE = re.compile(r"\b(?:the|these|this) (?:videos?|photos?|photographs?|pictures?|images?|clips?|footage|graphics?|"
                    r"maps?|charts?) (?:above|below)\b", re.I)


def caption(text: str) -> str | None:
    """ "photo caption" or "photo credit" when `text` is one, else None."""
    stripped = text.strip()
    if _BRACKET_CREDIT.search(stripped) and not stripped.endswith((".)", "!)", "?)")):
        return "photo caption"  # the caption with its credit
    if _COURTESY.match(stripped) or _FOR_OUTLET.match(stripped) or _AGENCY_PHOTO.search(stripped) \
            or _CREDIT_CHAIN.match(stripped) or _CREDIT_TAIL.search(stripped):
        return "photo credit"
    if any(m.group(0).lower() != "(r)" for m in _POSITION.finditer(stripped)) or _POSITION_WORDS.search(stripped) \
            or _AS_SEEN.match(stripped):
        return "photo caption"
    low = stripped.lower()
    if any(h in low for h in _EXPLICIT_HINTS) and _EXPLICIT.search(stripped):
        return "photo caption"
    if _FOOTAGE_LABEL.match(stripped):
        return "photo caption"  # "Aerial footage dozens of planes parked at the terminals"
    if _ABOVE.search(stripped):
        return "photo caption"  # "The videos above show a plume of smoke ...": the page's pictures, not shown here
    if _AGENCY_CAPTION.match(stripped) or _PLACE_DATE_TAIL.search(stripped) or _SEEN_ON_DATE.search(stripped) \
            or _DATE_IN_PLACE_TAIL.search(stripped) or _YEAR_CREDIT_TAIL.match(stripped):
        return "photo caption"
    if len(stripped.split()) <= MAX_SCENE_WORDS and stripped.endswith(".") and _SCENE.match(stripped):
        return "photo caption"  # a sentence: a headline ("Crews search river in Harbour City") has no full stop
    if len(stripped.split()) <= MAX_SCENE_WHILE_WORDS and _SCENE_WHILE.match(stripped) \
            and not _PAST_OR_FUTURE.search(stripped):
        return "photo caption"  # "Jane Roe cries while embracing a teammate after winning the title."
    if _dated_scene(stripped):
        return "photo caption"  # "Protesters break into the headquarters on July 1, 2019."
    if _VIEW.match(stripped) and not _PAST_OR_FUTURE.search(stripped):
        return "photo caption"  # "An exterior view of the bank in Velora, 21 July 2022."
    if _SCENE_DATED.match(stripped):
        return "photo caption"  # "Two officers stand guard ... on Monday April 15, 2013, after ...": a wire photo's
    return None


# ---------------------------------------------------------------- anything else a line may carry

# Markup, credits, notices and sign-up text (the mechanical audit's "leak" kinds).
LEAK = re.compile(
    r"(\{\{|\}\}|\{%|<[a-z]+[ >/]|\bphoto(?:graph)?\s*(?:by|:|credit)|\(photo\b|getty images|\bafp via\b|"
    r"\breuters/|\bap photo\b|\bfile photo\b|\bhandout\b|market data provided|all rights reserved|©|"
    r"\bsign up\b|\bsubscribe\b|newsletter|click here|read more|advertisement|cookie|"
    # a reading time glued on ("... PM Velt1 min read"), a quiz promoted ("Take Harbour News's quiz")
    r"\d+\s*min(?:ute)?s? read\b|\btake (?:our|the|[\w' ]{2,30}['’]s) quiz\b|"
    r"\bshare this\b|\bfollow us\b|\bfollow (?:him|her|them|me) on (?:twitter|x|instagram|facebook|tiktok)\b|\bwatch:|\blisten:|expand / collapse|skip to content|"
    r"view image in full screen|keep scrolling|\bvia this url\b|send this page to someone|"
    r"\b(?:source|credit):\s*(?:getty|ap|afp|reuters|epa|pa|aap|shutterstock)\b|\bimage copyright\b|"
    r"\bquotes? (?:displayed|delayed) (?:in real[- ]time|by at least)\b|\breal[- ]time quotes\b|"
    r"\bdelayed (?:by )?(?:at least )?15 minutes\b|\bimage may contain\b|^\[?related:|^\(?(?:editor['’]?s )?note:|\bhide ad\b|\bsee (?:pa|ap|afp|aap) story\b|"
    r"\b(?:this (?:post|story|article) (?:was|has been) )?updated (?:on )?[A-Z][a-z]+\.? \d{1,2},? \d{4}\b|"
    # an archive's note on its stamp; a link's marker left in the text ("HarbourGossip.com, external said")
    r"\btime ?stamp on (?:the|this) (?:story|article|page)\b|\.(?:com|org|net|co\.uk), external\b"
    # a stock quote's empty box left around its ticker: "the Nasdaq exchange ( (NDAQ))"
    r"|\(\s*\(\s*[A-Z.:]{1,12}\s*\)\s*\))", re.I)
# An embedded post: "pic.twitter.com/…", "Jane Roe (@janeroe) July 4, 2025", "A post shared by".
EMBED = re.compile(
    rf"pic\.twitter\.com/|https?://t\.co/|\(@\w{{1,30}}\)\s*{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}"
    r"|\ba post shared by\b|\bview this post on instagram\b|\bthis content is imported from\b", re.I)
_EMBED_HINTS = ("twitter", "t.co/", "(@", "post shared", "instagram", "imported from")
# The site speaking to its reader: "Keep up to date with ...", "read through our live updates".
PROMO = re.compile(
    r"\b(?:keep|stay) up to date with\b|\b(?:read|follow|catch up on)(?: through| along with)? our "
    r"(?:live|real-time|full|latest)\b|\bour (?:live|real-time) (?:updates|coverage|blog)\b"
    r"|\bdownload (?:our|the) app\b|\bsupport (?:our|independent) journalism\b"
    r"|\bvisit (?:the|our) (?:[\w'’-]+\s+){0,4}for (?:live|the latest|more|updates|full)\b"
    # "Log on to Harbour.com all day for the latest on ...": a site sending its reader to itself
    r"|\blog on to \S+\.(?:com|org|net|co\.uk)\b"
    # a live page describing itself: "Live updates in the aftermath of the siege ..."
    r"|^(?:live (?:updates|coverage|blog)|follow (?:our )?live|follow (?:the |our )?latest (?:updates|news|coverage))\b"
    # a link line or a broadcast plug: "Read about the hearing.", "For more on the probe, tune in to ..."
    r"|^watch (?:the )?(?:video|live|footage)\b|^read about\b|\btune in (?:to|at|for)\b"
    r"|^for more (?:about|on|information|details)\b[^.]{0,120},\s*"
    r"(?:tune in|visit|go to|see|click|read|watch|check out)\b"
    # an ad banner selling the site: "Tired of ads? Subscribers enjoy a distraction-free ..."
    r"|^tired of ads\b|\bsubscribers enjoy\b"
    # a plea for the site's funds: "We need your help now", "Please donate to keep us going"
    r"|^we need your (?:help|support)(?: now| today)?[.!]?$|^please (?:donate|support us)\b[^,.]{0,40}[.!]?$"
    r"|^become a (?:member|supporter|subscriber)\b"
    # a data vendor's box: "Access the most comprehensive Company Profiles on the market, powered by Velt"
    r"|^access (?:the|our) most comprehensive\b|,\s*powered by [A-Z][\w&.-]*\.?$"
    # a ticket or phone box: "Buy tickets to premium and sold out events", "Call us at: 800-555-0100"
    r"|^(?:buy|get|book) (?:your )?tickets\b[^.]{0,60}$|^call us (?:at|on)\b"
    # a link's words in title case: "Read the Victims' Statements Presented to Judge Roe ."
    r"|^(?-i:Read (?:the|our|more|all) (?:[A-Z][\w'’-]*\s+(?:(?:to|of|the|and|in|on|for)\s+)?){2,}[A-Z][\w'’-]*\s*\.?$)",
    re.I)
_PROMO_HINTS = ("up to date", "our ", "app", "journalism", "visit ", "log on", "live", "latest", "read about", "tune in", "for more",
                "read ", "watch ", "ads", "subscribers", "your help", "your support", "donate", "become a", "access ",
                "powered by", "tickets", "call us")


# An outlet's note on its own reporting: "The Harbour Times has chosen not to publish the footage",
# "The Velt Herald has published a guide on how to help", "The Post has contacted the ministry for
# comment" (what the newsroom did, not what happened). Read per sentence only: in a paragraph the
# news may stand beside it.
_OUTLET = (r"^(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:"
           + "|".join(sorted(w.capitalize() for w in MEDIA_NAME_WORDS if len(w) > 2)) + r")\s+")
_OWN_NOTE = re.compile(
    _OUTLET + r"(?:(?:has|have|had|is|was|will|would|did)\s+)?(?:not\s+)?"
    r"(?:(?:chosen|decided|elected|opted|chose)\s+(?:not\s+)?to\s+(?:publish|show|air|name|broadcast|run|use|identify|link)\b"
    r"|(?:published|compiled|put together|created)\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:guide|list|explainer|timeline)\b"
    r"|(?:reached out to|contacted|approached)\b[^.]{0,80}\bfor\s+(?:a\s+)?(?:comment|response)\b)")
_OWN_NOTE_HINTS = ("chose", "decided", "elected", "opted", "published", "compiled", "put together", "created", "comment", "response")


def own_note(text: str) -> bool:
    """True when `text` is the outlet's note on its own reporting."""
    low = text.lower()
    return any(h in low for h in _OWN_NOTE_HINTS) and _OWN_NOTE.search(text) is not None


# A broadcaster's listing of its own segments: "On Friday's evening news, Jane Roe and John Doe
# reported on the storm", "From the capital, Jane Roe reported on the vote" (a reporter's work, not news).
_SEGMENT = re.compile(rf"^(?:On|In|From)\s[^,]{{1,60}},\s+{_WORD}(?:\s+{_WORD}){{1,3}}(?:\s+and\s+{_WORD}(?:\s+{_WORD}){{1,3}})?"
                      r"\s+report(?:s|ed)\s+(?:on|from)\s+(?:the|how|what|why)\b"
                      # a broadcast's handover to its reporter: "Harbour TV's Jane Roe has the latest", "Jane
                      # Roe is covering this story in Lyra", "Jane Roe in Lyra reports on a day of suspense"
                      rf"|^(?:{_WORD}(?:\s+{_WORD}){{0,3}}['’]s\s+)?{_WORD}(?:\s+{_WORD}){{1,2}}\s+(?:has the latest|"
                      r"is covering (?:this|the) story\b|(?:in|from) [A-Z][\w-]+ reports (?:on|from) (?:a|an|the)\b)")


def handover(text: str) -> bool:
    """A broadcaster's line about its own reporting: "On Friday's news, Jane Roe reported on ...",
    "Harbour TV's Jane Roe has the latest"."""
    return _SEGMENT.match(text) is not None


def embedded(text: str) -> bool:
    """True when `text` is or carries an embedded post (the cheap test first: most lines are none)."""
    low = text.lower()
    return any(h in low for h in _EMBED_HINTS) and EMBED.search(text) is not None


def promotion(text: str) -> bool:
    """True when the site speaks to its reader in `text`."""
    low = text.lower()
    return any(h in low for h in _PROMO_HINTS) and PROMO.search(text) is not None


@lru_cache(maxsize=1 << 14)
def markup(text: str) -> str | None:
    """Why `text` carries the page's own words (markup, credits, notices, sign-up text, an embedded
    post, the site's promotion of itself), or None: for any line, a quote or a role included."""
    if LEAK.search(text) or embedded(text) or promotion(text) or handover(text):
        return "page furniture, not the article's text"
    if own_note(text):
        return "the outlet's note on its own reporting, not the news"
    return None


def furniture(text: str) -> str | None:
    """Why a statement is page furniture rather than the article's words, or None: it opens with
    a dateline or a label, is a caption or a credit, or carries markup (`markup`).
    """
    if label(text) is not None:
        return "a page label, not the article's text"
    if caption(text) is not None:
        return "a photo caption or credit, not the article's text"
    if dateline(text) is not None:
        return "a dateline, not the article's text"
    return markup(text)
