"""Does a line stand alone? Openers and speaker tails that point outside the line.

A statement shown on its own must not lean on a sentence the reader cannot see: "He said",
"They", "This came", "The move", "However, ...", "According to him", "..., he said." The
patterns are shared by the claims sections (which resolve or avoid such lines) and the
verification gate (which holds any that remain). Plain text only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from generator.text.actor_kinds import TIME_ZONES, TITLE_NOUNS, country_of, is_body_noun, is_demonym, person_noun
from generator.text.dates.vocabulary import MONTHS, WEEKDAY_NAMES

# Irregular past tenses: "Some lay on beds", "Many fled": a quantity of people told of before, acting.
IRREGULAR_PAST = (r"(?:lay|sat|stood|went|ran|fled|took|made|gave|came|left|began|got|kept|slept|swam|wept|fought|"
                  r"hid|threw|broke|ate|drank|rode|wore|held|brought|sought|found|lost|spent|knew|saw|heard|felt|"
                  r"chose|drove|flew|fell|grew|rose|sang|spoke|stole|struck|swore|tore|won|wrote)")
# A line opening with a word that points outside it ("He said", "They", "This came", "The move").
DANGLING = re.compile(
    # after a sentence adverb too: "Apparently, the company believed ..."
    r"^(?:[a-z]+ly,\s+)?(he|she|they|him|them|his|her|their|its|we|i|"
    r"it (?:is|was) (?:a|an|the|supposed|now)\b|it['’]s (?:a|an|the|now|been|supposed)\b|"
    r"it (?!(?:is|was|will|would|could|may|might|remains|remained|seems|seemed|appears|appeared|has been|"
    r"had been|took|takes|emerged|isn['’]t|wasn['’]t|['’]s|['’]ll)\b)[a-z]+\b|"
    r"(?:\w+ ){0,3}(?:after|before) (?:that|this)\b|"
    r"it (?:said|says|added|told|noted|also|was said|struck|hit|killed|caused|left|destroyed|came|comes|follows|"
    r"followed|marks|marked|means|meant|shows|showed|is now|was later)|"
    # ("This time, ..." answers an earlier time: it points back)
    r"(?:this|that|these|those)(?! (?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|"
    r"autumn|fall|winter|season|decade|century)\b)|"
    r"(?:but|and|so|also|however|meanwhile|instead|still|yet|then|thus|therefore|moreover|furthermore|"
    r"otherwise|likewise|similarly|rather(?=,))\b|"
    r"according to (?:him|her|them|it)\b|"
    # another story's item on a live page ("In related news, ...")
    r"in (?:related|other) news\b|"
    # an outlet named in a sentence not shown: "According to the news agency, ..." (which one?)
    r"according to the (?:news |state |official )?(?:agency|newspaper|paper|broadcaster|outlet|channel|station|"
    r"report|daily|weekly|website|site)\b|"
    # told relative to a sentence the reader cannot see: "Later, ...", "Another 20 ...", "Both men"
    r"later|afterwards?|earlier(?=\s*,| that\b| in the day\b)|another|a further|others?|both|neither|such|here|there(?=,)|similar|"
    # "An additional 20 were hurt", "One additional passenger ...": more than those told before;
    # "In short, ...": a sum of what was said before
    r"(?:one |an |two |three |\d+ )?additional\b|in (?:short|sum|brief|other words)(?=,)|"
    # the parties told of before: "Each side claimed victory", "The two sides met again"
    r"(?:each|either) side\b|the two sides\b|"
    r"a (?:little|bit|short while) later|not long (?:after|afterwards|later)\b|"
    r"(?:countless|many|several|some) other|further back|(?:first|second|third|finally|lastly)(?=,)|"
    r"(?:firstly|secondly|thirdly)\b|"
    # a concession answering a point not shown: "True, Velt measured himself by records ..."
    r"(?:true|granted|admittedly|sure)(?=,)|"
    # what is left of a count told before: "The remaining 27 are feared dead"; more than a count
    # told before: "Fifty more were injured"
    r"the remaining\b|(?:\d[\d,]*|[a-z]+) more(?= (?:were|was|are|have|had|people|bodies|victims|died)\b)|"
    # a quantity of people told of before: "Many were terrified", "Some had even rushed" (not "Many residents")
    r"(?:many|some|most|several|few|all|each)(?= (?:were|was|are|is|had|have|has|said|say|says|told|did|do|"
    r"could|would|will|may|might|of (?:them|those|these|whom)|[a-z]+ed|" + IRREGULAR_PAST + r")\b)|"
    # a number of those told of before: "Two were thrown into the river" (not "Two people were ...")
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)(?= (?:were|was|are|is|had|have|has|of (?:them|those|these|whom))\b)|"
    # the rest of the sentence before: "Not when it was a game ...", "In the process, it ..."
    r"not (?:when|if|because|after|before|since|until|while)\b|in the process\b|"
    r"since then|at the time|at that (?:time|point|moment|stage)|from then on|by then|until then|"
    r"in response|in turn|on the other hand|on the one hand|by contrast|in contrast|"
    r"the other|among (?:them|those|these)\b|in another\b|besides|now\b(?! (?:that|is|are)\b)|"
    r"as such\b|as a result\b|because of this\b|even so\b|(?:apart|aside) from (?:this|that)\b|in addition to (?:this|that)\b|"
    # "With this, the country passed ...", "Despite this, ...", "Thanks to that, ...": what "this" was is not shown
    r"(?:with|despite|given|thanks to|following|beyond|unlike|like) (?:this|that|these|those)(?=\s*,)|"
    # a part of those told of before, or what came after them: "Of those affected, 53 ...", "Subsequent reports ..."
    r"of (?:those|them|these)\b|subsequent\b|"
    r"it(?: is|['’]s| was) (?:among|one of|also)\b|"
    # a day told against one not shown: "The day before, chaos ensued ...", "A day later, ..."
    r"(?:the|a) day (?:before|after|earlier|later)(?=\s*,)|"
    # a list promised that the line does not hold: "Following are highlights of ...", "Here are ..."
    r"(?:following|below|here) (?:are|is)\b|"
    # a thing told before, as subject of a raising verb or an act: "It is likely to pave the way",
    # "It will also allow him to ..." (not "It is hard to say", "It will be days before ...")
    r"it (?:is|was|will be|would be|could be) (?:\w+ )?(?:likely|unlikely|expected|set|due|bound|certain|sure) to\b|"
    r"it (?:will|would|could|may|might) (?:also )?(?:allow|give|make|mean|help|lead|bring|require|let|enable|"
    r"force|leave|cost|create|put)\b|"
    # a person told by an epithet, named in a sentence not shown: "The 45-year-old politician",
    # "The Harbour United stopper", "The versatile left-back"
    r"the (?:[\w'’.-]+ ){0,4}?(?:\d+-year-old|star|stopper|striker|midfielder|defender|left-back|right-back|"
    r"full-back|centre-back|center-back|forward|winger|goalkeeper|keeper|veteran|youngster|teenager|"
    r"politician|tycoon|billionaire|mogul)\b|"
    # a situation or instance told before: "In such a situation", "In one such instance", "All that"
    r"in (?:one )?such|in (?:that|this|which) (?:case|situation|instance|way|event)|all (?:of )?(?:that|this|those|these)\b|"
    r"(?:in|with|for|at|on|by|under|after|from) (?:this|that|these|those) [a-z]+(?=,)|"  # "In this reading, ...": which reading?
    r"it(?: is|['’]s) part of|subsequently|"
    r"the (?:next|following|previous) (?:day|morning|afternoon|evening|night|week)|"
    # the next step of a sequence told before: "Harlow then kicked two penalties", "Only then ..."
    r"(?:[\w'’.-]+ ){1,2}then\b(?!,)|"
    r"(?:\w+ ){0,3}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|moments?) (?:later|earlier|afterwards?)|"
    # ... or before it: "Twenty-four hours before, there were warning signs" (before what?)
    r"(?:[\w-]+ ){1,3}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) before(?=\s*,)|"
    # a distance from a place told before: "Twenty kilometres away, parents waited ..."
    r"(?:[\w-]+ ){1,2}(?:kilometres|kilometers|km|miles|metres|meters|yards|feet|blocks) away(?=,)|"
    r"(?:shortly|soon|just|moments) (?:after(?:wards)?|thereafter|before)(?=[,.]|$)|"
    # a day told before: "On the same day, the firm ...", "At the same time, ..."
    r"(?:on|by|at|in|during) the same (?:day|night|morning|afternoon|evening|week|time|moment|period)\b|"
    r"the (?:former|latter|move|decision|group|company|agency|official|minister|ministry|statement|reports?|"
    r"same|two|three|team|man|woman|person|country|state|city|court|body|relationship|deal|plan|step|"
    r"ceremony|occasion|audience|appointment|announcement|news|incident|pair|duo|gates|other|"
    # findings told in a sentence not shown: "The revelations have ignited ...", "The reduction would ..."
    r"revelations|reduction|panel|remarks|"
    # a thing told of in a sentence not shown: "The figure was reported by ...", "The album, which ..."
    r"figure|figures|family|community|album|evidence|route|momentum|hosts|half-measure|measure|"
    # a company told of by its trade in a sentence not shown: "The hedge fund held ...", "The office will ..."
    r"(?:hedge fund|fund|office|firm|retailer|lender|insurer|carrier|(?:[\w-]+ )?giant(?= (?:said|says|has|had|is|was|will|would|announced|noted|reported|confirmed|added|"
    r"did|does|declined|posted|published)\b))(?! of\b)|"
    r"(?:first|second|third)(?= (?:was|is|came|went|one)\b)|"
    # the extreme of things told before: "The worst came in the 28th minute", "The latest was ..."
    r"(?:worst|best|latest|biggest|closest|last)(?= (?:came|was|is|were|are)\b))\b|"
    r"elsewhere\b|(?:a (?:couple|few) of|a few|several) (?:minutes|hours|days|weeks|months|years) later\b)\b", re.I)
# A quotation or statement whose speaker is only a pronoun: '"...," he said.' / "..., she added."
SPEAKER_TAIL = re.compile(r"(?:[,”\"’]\s*|\s)(he|she|it)\s+(said|says|added|told|noted|wrote|explained|stated|"
                          r"insisted|argued|warned|continued|recalled)\b(?=[^.!?]*[.!?]?[\"”’]?\s*$)|"
                          r"[”\"],?\s*(they|he|she)\s+([a-z]+ed|said|told|wrote)\b", re.I)
# A quotation whose speaker is a person told of in a sentence not shown: '"...," the daughter
# said.' (an office names its holder on a page about one event: "the mayor said" stands)
UNNAMED_SPEAKER = re.compile(r"[”\"’],?\s+the\s+((?:[\w-]+\s+){0,2}([a-z-]+|\d+-year-old))\s+"
                             r"(?:said|says|added|told|wrote|recalled|explained|cried|shouted)\b")
# Connectives a line may drop: the fact after them stands alone ("However, police said ...").
# ("So far, ...", "Still more ...", "Yet another ..." keep their first word: only "So, ..." is one.)
CONNECTIVE = re.compile(r"^(?:(but|and|however|meanwhile|moreover|furthermore|in addition)\b,?|(still|also|yet|so),)\s+",
                        re.I)
# Openers naming a person only by pronoun: resolved by the person the source named just before.
PERSON_PRONOUN = re.compile(r"^(he|she|his|her|according to (?:him|her))\b", re.I)
# A speech act whose words the scrape lost: "X posted on X.", "Y added from the launch site.",
# "Z said as the camera went dead." (the verb, then at most a short phrase of place or time)
_SPOKE = r"(?:said|says|added|adds|posted|tweeted|wrote|writes|stated|declared|exclaimed)"
SAID_NOTHING = re.compile(rf"\b{_SPOKE}"
                          r"(?:\s+(?:on|in|from|at|as|after|before|during|while|via)\s+"
                          r"(?!(?:[\w'’-]+\s+){0,5}?(?:that|would|will|was|were|is|are|had|has|it|they|he|she)\b)"
                          r"(?:[\w'’-]+\s+){0,5}?[\w'’-]+)?\.$")
# "..., police said.": the words come first, their speaker after a comma (not "Roe, the director, said")
ATTRIBUTED_AFTER = re.compile(rf",\s+(?:[\w'’-]+\s+){{1,4}}{_SPOKE}\b(?=[^,]*$)")
# A line cut where a scraped excerpt ends ("... at 1:30AM this morning…."), or picked up mid-way.
CUT = re.compile(r"(\.\.\.|…)[\"”’)]*\.?\s*$")
CUT_START = re.compile(r"^[\"“”'‘’(]*(\.\.\.|…)")
# First-person words outside quotation marks: someone's speech with its quotation marks and
# speaker lost ("For the workers on the bridge, we pray ...", "Thank you to all who believed in us").
FIRST_PERSON = re.compile(r"\b(I|[Ww]e|[Ww]e've|[Oo]urs?|[Uu]s|[Mm]y|[Mm]e|[Mm]yself|[Oo]urselves)\b")
# "Alexander Yokum, an analyst, explains.": a speech verb whose words did not come with it
# (not "..., officials said.": an attribution tail after the words it attributes)
# ("Harbour TV's Jane Roe reports from Lyra.": a broadcast's sign-off, its report not on the page)
SPEECH_WITHOUT_WORDS = re.compile(r"\b(explains|reports|writes|explain|report)[.:]\s*$|"
                                  # "..., released the following statement on Thursday." (and none follows)
                                  r"\bthe following (?:statement|message|words|remarks|tweet|post|letter)\b(?![^.:]*:\s*\S)|"
                                  r"^[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*)*['’]s\s+(?:[A-Z][\w'’-]+\s+){1,3}"
                                  r"reports\s+from\s+[A-Z][\w'’ -]{1,40}\.$")
# A dateline a scraped body keeps before its first sentence: "NEW YORK (AP) — ", "BALTIMORE — ".
# "HARLOW (AP) — ", "VELORA (Reuters, AFP) - ": a place in capitals, perhaps its agencies' credit
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .,&/]+\))?\s*[—–-]{1,2}\s+(?=[A-Z\"“])")


def without_dateline(text: str) -> str:
    """The line without the place line it opens with ("NEW YORK (AP) — US regulators ..." -> "US regulators ...")."""
    dateline = DATELINE.match(text)
    return text[dateline.end():] if dateline else text
# A side clause standing as a sentence: "As protesters have broken into the residence." (no comma,
# so no main clause follows it).
FRAGMENT = re.compile(r"^(as|because|although|though|whereas|unless|while|if)\s", re.I)
# A phrase that adds to the sentence before, standing as a sentence: "Especially against someone as ..."
ADDED_PHRASE = re.compile(r"^(?:especially|particularly|notably|not least|except|including)\b", re.I)
# A photo caption left in a body: position marks "(L)", "in this photo", "pictured".
CAPTION = re.compile(r"\((?:L|R|C|left|right|centre|center|top|bottom)\)|\bin this (?:photo|picture|image|handout|illustration|"
                     r"file photo|still)\b|\bphoto taken\b|\bpictured\b|\b(?:photo|image) courtesy\b|\bscreen ?grab\b|"
                     # "Ann Velt (in white singlet) runs ...": who is who in the picture, by what they wear
                     r"\((?:in|wearing) (?:a |an |the )?(?:[a-z-]+ )?(?:white|black|red|blue|green|yellow|orange|grey|"
                     r"gray|pink|purple|brown|singlet|shirt|jersey|jacket|suit|hat|cap|dress|uniform|mask|glasses)"
                     r"(?: [a-z-]+)?\)|"
                     # "The Velt tower before and after the quake struck": two photos side by side
                     r"^[^,;]{0,80}\bbefore and after (?:the |a |an )?(?:[\w.-]+ ){0,2}(?:quake|earthquake|fire|flood|"
                     r"flooding|storm|blast|explosion|collapse|attack|eruption|tsunami|hurricane|cyclone|typhoon|"
                     r"bombing|landslide|war)\b", re.I)
# A photo's caption tells what its people do in the present ("Jane Roe leaves her home in Lyra",
# "Members of the team pose after the announcement"); news prose tells acts in the past tense.
CAPTION_PRESENT = re.compile(
    # ("Jane Roe, of the Velt Party, flashes a thumbs up at a polling station": a name's aside too)
    r"^[A-Z][^.,;:“”\"]{0,80}?(?:, [^.,;:“”\"]{1,50},)?\s?\b(?:poses|leaves|departs|walks|stands|sits|arrives|looks on|"
    r"gathers|waves|reacts|flashes|greets|casts (?:his|her|a) (?:vote|ballot)|"
    r"gestures|embraces|hugs|mourns|prays|carries|inspects|attends|weeps|cries|smiles|celebrates|"
    r"pose|gather|mourn|pray|look on|react|wave|embrace|weep)\b(?! (?:to|that|behind|office|power|of)\b)"
    r"(?!(?: \w+){1,3} without\b)(?!.*\b(?:said|says|told|according)\b)")
# A day or place told from the writer's desk: "yesterday", "this morning", "two days ago", "here".
# Shown on a page read later, away from the article's date and dateline, it points nowhere.
DEICTIC = re.compile(r"\b(yesterday|today|tomorrow|last night|tonight|this (?:morning|afternoon|evening)|earlier today|"
                     r"later today|"
                     r"(?:\w+|\d+) days ago|here|"
                     # a forecast hours ahead of the writing: past by the time the page is read
                     r"within (?:an|the|the next|a few|several|\d+) hours?|in the (?:next|coming) (?:few |several |\d+ )?hours)\b",
                     re.I)
# A slip the source's copy-editing missed: a doubled word ("confirmed confirmed"), two auxiliaries,
# two prepositions or two articles in a row ("was has been", "at in", "the a"). Printed as is, the line reads garbled.
SLIP = re.compile(r"\b(?!(?:that|had|is|do|very|far|so|bye|no|yeah|ha|knock)\b)(\w+) \1\b|"
                  # two words printed twice, perhaps the first time apart: "can also be can be sucked in"
                  r"\b(?!(?:on|over|more|again|round|around|back|and|or|by)\b)(\w+) (?:\w+ )?(\w+) \2 \3\b|"
                  r"\b(?:is|was|were|are|has|have|had) (?:is|was|were|are|has|have)\b|"
                  r"\bat in\b|\bin at\b|\bat from\b|"
                  # two conjunctions run together, an edit left half done: "rushed to higher ground as but there were"
                  r"\b(?:as|the|a|an|of|to|and) but\b|\bbut (?:and|but)\b|"
                  # two articles in a row: "until the a last day"
                  r"\b(?:the|a|an) (?-i:the|a|an)\b(?![-'’])|"
                  # a verb's letter left alone: "The board s the first to approve" ("is" lost its "i")
                  r"(?<=[\w.] )(?-i:s) (?:the|a|an|not|now|also)\b|"
                  # a closing quotation mark run into the next word: "“It is important”acknowledged"
                  r"”(?=[a-z]{2})", re.I)
# Two words run together where a scrape lost the space or a caption ran into the text:
# "saidHe said", "ScheinbaumShe will be" (a word's tail, then a capitalised pronoun or article).
GLUED = re.compile(r"\b[A-Za-z]*[a-z]{3}(?:He|She|It|They|The|This|That|We|His|Her)\b"  # not "LinkedIn"
                   # a name printed twice without a space ("HarlowHarlow has ..."), an image's label
                   # run into the caption's first word ("News photoLyra team captain ...")
                   r"|\b([A-Z][a-z]{2,})\1\b|\b(?:photo|image|picture|video|gallery|caption)[A-Z][a-z]+")
# A run of three or more words printed twice in a row, often glued: a caption run into its
# sentence ("Velair's 737 jetVelair's 737 jet, carrying 189 people, crashed ...").
DOUBLED = re.compile(r"\b([A-Za-z][\w']*(?:\s+[\w']+){2,7})\s*\1\b")
# "If it was proven not to exist, scientists would ...": a side clause whose pronoun the main clause
# never names (not "When he was 12, Ali began boxing": the name follows the comma)
PRONOUN_CLAUSE_FIRST = re.compile(r"^(?:if|when|as|although|though|while|because|once|until|unless)\s+"
                                  r"(it|he|she|they|his|her|its|their)\b[^,]{0,120},", re.I)
# "... the night.": a time the sentence never finishes telling
_BARE_TIME_END = re.compile(r"(?<!\binto )(?<!\bduring )(?<!\bthrough )(?<!\bfor )(?<!\bat )(?<!\bby )(?<!\bin )"
                            r"(?<!\bof )(?<!\ball )(?<!\buntil )(?<!\btill )(?<!\bon )(?<!\bthroughout )(?<!\bacross )"
                            r"\b(?:the|that) (?:night|day|morning|evening|afternoon|week)\.$", re.I)
# A sentence that only says who someone is ("Jane Roe is a program scientist."): no news; the
# actor table tells who people are.
WHO_ONLY = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:is|was)\s+(?:a|an)\s+"
                      r"(?:[\w-]+\s+){0,3}?([a-z-]+)(?:\s+of\s+(?:(?!who\b|which\b|that\b|for\b|since\b)[\w'’-]+\s+){0,4}[\w'’-]+)?\.$")
# A person named only by nationality, named in a sentence not shown: "The Examplian scored ...",
# "The Frenchman added ..." (not "The British government said": a noun follows the adjective)
NATIONALITY_EPITHET = re.compile(r"^The ([A-Z][a-z]+) (?:[a-z]+ed|has|had|was|is|said|says|scored|won|made|took|"
                                 r"became|went|came|got|gave|told|struck|hit|ran|beat|lost|broke|held|kept)\b")


def _nationality_epithet(text: str) -> str | None:
    m = NATIONALITY_EPITHET.match(text)
    if m is None:
        return None
    word = m.group(1)
    stem = word[:-5] if word.endswith("woman") else word[:-3] if word.endswith("man") else ""
    return f"The {word}" if is_demonym(word) or (stem and is_demonym(stem)) else None  # "Frenchman"


# A sentence that only says that someone did what the sentence before told: "Jane Roe did, and the
# club rules the league at last." (which deed?)
ELLIPSIS = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:did|does|had|has|could|would|was|were)"
                      r"(?:\s+not|n['’]t)?(?=[,;])")
# The reporting's own state at the hour of writing, soon out of date: "X did not immediately
# respond to a request for comment", "There was no immediate reaction from ...".
NO_COMMENT = re.compile(r"\b(?:did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t)\s+(?:yet\s+|immediately\s+)*"
                        r"(?:respond(?:ed)?|repl(?:y|ied)|comment(?:ed)?)\b|\brequests? for comment\b|"
                        r"\bno (?:immediate|official) (?:comment|reaction|response|confirmation)\b|"
                        r"\bcould not (?:immediately )?be reached\b|\bdeclined to comment\b|"
                        # a line about the coverage, not the event: "Reuters quotes eyewitness accounts of the quake"
                        r"^(?:[A-Z][\w.&'’-]*\s+){1,3}(?:quotes|cites)"
                        r"\s+(?:(?:several|many|some|eyewitness|witness|first-hand|local|dramatic)\s+)*(?:accounts|footage|"
                        r"images|photos|pictures|videos|reports|testimonies)\b(?!.*\b(?:said|says|showed?|shows)\b)", re.I)
# The writer speaking to the reader ("If you can't place a call, you're not alone"): service
# copy, not a statement of the story.
SECOND_PERSON = re.compile(r"\b(?:you|your|you['’](?:re|ve|ll|d))\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
QUOTED = _QUOTED  # a quoted passage: blanked before a test reads the writer's own words
# The writer's own "I" (a column's, a blog's), read outside quotation marks: commentary, not report.
WRITER_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b")
# A line opening on a lower-case word was picked up mid-way ("hit about an hour."); not "iPhone", "eBay".
_LOWER_START = re.compile(r"^[\"“‘'(]*[a-z](?![a-z]*[A-Z])")
ENDS_A_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
QUOTE_MARKS = re.compile(r"[\"“”]")
DOUBLE_QUOTES = frozenset('"“”')


def inside_after(quoted: bool, mark: str) -> bool:
    """Inside a quotation after this double mark? A curly one opens or closes; a straight one
    closes an open quotation (even one a curly mark opened: “stay calm.") or opens one."""
    return not quoted if mark == '"' else mark == "“"
LOW_QUOTE_MARK = "„"  # opens a quotation in German-style copy („... “): with its mate, an odd count is one left open
# A quotation opened with a single mark and never closed ("read: ‘It is with deep sorrow that ..."):
# a closing ’ is followed by no letter (the apostrophe of "Britain’s" is).
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s:(—–-]))‘(?![^‘]*’(?![a-zA-Z]))")
# "In the end, it was Jane Roe.": a name and nothing said of it, an answer to a sentence not shown
BARE_CLEFT = re.compile(r"^(?:[A-Z][a-z]+(?: [a-z]+){0,3}, )?[Ii]t (?:was|is|will be) (?:[A-Z][\w'’.-]*\s?){1,4}[.!]$")


# A phrase inside the line pointing to something said before it: "those reports", "any such
# legislation", "the aforementioned industries", "the software in question". ("This decision" is
# left alone: on a page about one event it is most often that event.)
POINTER = re.compile(r"\bthat (?:plan|marker|figure|number|amount|claim|proposal|idea|incident|decision|deal|"
                     r"announcement|appointment|ruling|verdict|move)\b(?! (?:was|is|has|had|would|will)\b)|"
                     r"\b(?:those|these) (?:(?:two|three|four|five|six|\d+) )?(?!who\b|which\b|of\b)[a-z]+s\b|\bany such\b|\baforementioned\b|"
                     r"\bin question\b|\ball of (?:those|these|them)\b|\bsubsequently\b|\bthereafter\b|\bamong them\b|"
                     # a step in a sequence told before: "Archer was then dismissed", "Bairstow was next to
                     # fall", "Roy wasn't so lucky", "the exchange that followed."
                     r"\b(?:was|were|is|are) then\b(?!-)|\b(?:was|were) next to\b|\bso (?:lucky|fortunate)\b|"
                     r"\bthat followed(?=[,.])|\b(?:will|would|could) then\b|"
                     # "made progress in that area", "questioned that, citing ...": what was told before
                     r"\b(?:in|on|at|to|from|of|with|for|by) (?:that|this|those|these) (?:area|areas|regard|respect|"
                     r"matter|front|effort|process|instance|zone)\b|"
                     # other things of a kind told before: "Along with the other data, hackers took ..."
                     r"\bthe other (?!(?:side|sides|hand|day|night|way|end|half|week|year|month|team|teams|"
                     r"direction|party|parties)\b)[a-z]+\b|"
                     # a comparison with something not told: "Thieves siphoned far more information"
                     r"\b(?:far|much|even|significantly|considerably) (?:more|less|fewer|bigger|larger|greater|worse|"
                     r"better|higher|lower)\b(?![^.;]*\bthan\b)|"
                     # a place told before: "Twelve years ago on this ground, ...", "at that venue"
                     r"\b(?:on|at|in) (?:this|that) (?:ground|venue|stadium|pitch|spot|site|stage|field|course|track)\b|"
                     r"\b(?:questioned|disputed|denied|rejected|doubted|confirmed) (?:that|this)(?=[,.])|"
                     # an outlet or a report the line does not name: "according to the paper", "quoted in the report"
                     r"\baccording to the (?:outlet|paper|newspaper|broadcaster|network|website|site|magazine|tabloid|"
                     r"daily|publication)\b|\b(?:quoted|cited) in the (?:report|article|story)\b|"
                     # "saw two other officers": others beside ones told of in a sentence not shown
                     r"\b(?:two|three|four|five|six|several|a few) other [a-z]+s\b|"
                     # "the two women", "the three men": people counted in a sentence not shown
                     r"\bthe (?:two|three|four|five|six) (?!(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|"
                     r"countries|nations|sides|teams|parties|companies|firms|governments|leaders|clubs)\b)(?:[a-z]+s|men|women|people|children)\b|"
                     # "the swarming of both properties": two things told before (not "both men and women")
                     # (not "in both directions", "both airports in Belfast")
                     r"\bboth (?!(?:sides|teams|countries|nations|parties|companies|firms|governments|leaders|clubs|"
                     r"directions|ways|ends|hands|halves|houses|chambers|banks|legs|feet|eyes|arms|cases)\b)"
                     r"(?:[a-z]+s|men|women|people|children)\b(?!(?: [\w'’-]+){0,2} and\b)(?! (?:in|of|at|on|from) (?-i:[A-Z]))",
                     re.I)
# A person's pronoun inside the line with no one named before it: "In a tweet, he thanked all
# three", "According to reports, he will ...": whoever it is was named in a sentence not shown.
PERSONAL = re.compile(r"\b(he|she|him|his|her|himself|herself)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*")
# Capitalised first words that are no one's name.
_STARTERS = frozenset("the a an in on at after before according early earlier later when while as it this that "
                      "there during for with by from but and so however meanwhile to of if once since until "
                      "despite amid although though what who how why where some many most all both each "
                      "under over into onto upon through among against toward towards near inside outside behind "
                      "across following ahead having now then just only even still yet also not no never again "
                      "about around almost nearly last next first second third final finally every any other "
                      "another such these those".split()) | frozenset(
    # a count opening the sentence ("Sixteen of the dead ..., he added") names no one
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousands dozens several".split())


def _names_no_one(word: str, at: int) -> bool:
    """A capitalised word that is nobody's name: a nationality or a country's name ("the Examplian
    flag"), a participle opening the line ("Addressing the crowd, he ..."), or people told by
    their trade, in the plural, opening it ("Experts say he will ...": many, so not the "he")."""
    bare = word.rstrip(".'’s")
    low = word.lower()
    return is_demonym(bare) or country_of(bare) is not None or (at == 0 and bare.lower().endswith(("ing", "ed"))) \
        or (at == 0 and low.endswith("s") and not low.endswith("ss") and person_noun(low[:-1]))


def unanchored_pronoun(text: str) -> str | None:
    """The first person's pronoun of the line (outside quotations) when no one it may stand for
    comes before it: no name, no person's noun ("the suspect ... his"), and no name opening the
    clause right after it ("In his remarks, Obama ...")."""
    plain = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    m = PERSONAL.search(plain)
    if not m:
        return None
    before = plain[: m.start()]
    for word in _CAPITALISED.finditer(before):
        if _names_no_one(word.group(0), word.start()):
            continue  # "Addressing crowds waving the Examplian flag, he ...": no one named yet
        if word.start() > 0 or word.group(0).lower() not in _STARTERS:
            return None  # a name (or a capitalised word that may be one) comes first
    # a person's noun anchors the pronoun ("the suspect ... his"), not a crowd ("supporters ... he"),
    # nor the noun the pronoun's own phrase hangs on ("every other member of his dynasty")
    anchors = re.sub(r"[a-z]+\s+of\s*$", "", before.lower())
    if any(person_noun(w) and not (w.endswith("s") and not w.endswith("ss"))
           for w in re.findall(r"[a-z]+", anchors) if w not in _STARTERS):
        return None
    after = plain[m.end():]
    if re.match(r"[^,;.]*,\s+[A-Z]", after):  # the name follows the opening phrase
        return None
    return m.group(0)


# A connective set inside the first clause: "Russia, meanwhile, has ..." answers a sentence before it.
INNER_CONNECTIVE = re.compile(r"^[^,\"“”]{1,60},\s+(meanwhile|however|though|too|in turn|instead|nevertheless|"
                              r"therefore|thus|in response|by contrast|for (?:its|his|her|their) part),", re.I)


# A concession answering a sentence not shown: "Velt praised his triumph anyway."
CONCESSION_END = re.compile(r"\b(?:anyway|nevertheless|nonetheless|regardless)\s*[.!]?[\"”’]?\s*$", re.I)
# A participle opening a line whose subject is a pronoun: "Scheduled to land at 10:25, it came down
# near the village", "Speaking to reporters, he said ...": who or what is never named
PARTICIPLE_PRONOUN = re.compile(r"^[A-Z][a-z]+(?:ed|ing)\b[^,;\"“”]{0,100},\s+"
                                r"(it(?!\s+(?:is|was|will|would|seems|seemed|appears|appeared|remains|has been|had been|"
                                r"may|might|could)\b)|he|she|they)\s+[a-z]")  # ("Following the ruling, it will be as if ...")


def dangling(text: str) -> str | None:
    """The opener or speaker tail that points outside the line, or None when it stands alone."""
    stripped = text.strip()  # a line opening with a quotation mark names its speaker after it
    m = DANGLING.match(stripped) or INNER_CONNECTIVE.match(stripped) or ELLIPSIS.match(stripped)
    if m:
        return m.group(m.lastindex or 0) if m.re is INNER_CONNECTIVE else m.group(0)
    m = PARTICIPLE_PRONOUN.match(stripped) or CONCESSION_END.search(_QUOTED.sub(" ", stripped).rstrip() or stripped)
    if m:
        return m.group(m.lastindex or 0)
    pointer = POINTER.search(_QUOTED.sub(" ", stripped))
    if pointer:
        return pointer.group(0)
    rest = REMAINING.search(stripped)
    if rest and not re.search(r"\d|%", stripped[:rest.start()]):
        return rest.group(0)  # "the remaining six victims": of a count the line does not give
    epithet = _nationality_epithet(stripped)
    if epithet:
        return epithet
    pronoun = unanchored_pronoun(stripped)
    if pronoun and not DANGLING.match(stripped):
        return pronoun
    tail = SPEAKER_TAIL.search(text)
    if tail and not (_body_before(text, tail.start()) if (tail.group(1) or "").lower() == "it"
                     else _named_before(text, tail.start())):
        return " ".join(g for g in tail.groups() if g)
    later = LATER_INSIDE.search(stripped)
    if later and not TIME_ANCHOR.search(stripped[:later.start()]):
        return later.group(0)  # "Velt added the second try eight minutes later": later than what?
    unnamed = UNNAMED_SPEAKER.search(text)
    # ('"...," the 30-year-old said': an age stands for a person named in a sentence not shown)
    if unnamed and (person_noun(unnamed.group(2)) or unnamed.group(2)[0].isdigit()) and unnamed.group(2) not in TITLE_NOUNS:
        return f"the {unnamed.group(1)}"
    return None


# The rest of a count: "The identities of the remaining six victims" (not "51% ... the remaining 49%").
REMAINING = re.compile(r"\bthe remaining (?!(?:time|days|weeks|months|years|season|term|minutes|hours)\b)[\w-]+\b", re.I)
# A time counted from an event the line does not tell: "... the second try eight minutes later",
# "A fire had broken out about 25 minutes earlier".
LATER_INSIDE = re.compile(r"\b(?:[\w-]+ )(?:seconds?|minutes?|hours?|days?|weeks?|months?) (?:later|afterwards?|earlier)\b",
                          re.I)
# What such a count may run from, told in the line itself: "in the 10th minute", "at 9am", "on Monday", a date,
# a clause before it ("The ship sank and rescuers arrived two hours later").
TIME_ANCHOR = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:january|february|march|april|may|"
                         r"june|july|august|september|october|november|december)\b|\b(?:when|after|before|once|and)\b",
                         re.I)


def _named_before(text: str, at: int) -> bool:
    """A name (a capitalised word that is no sentence opener) outside quotations before `at`:
    "Jane Roe described what she said felt like an explosion" names the "she"."""
    plain = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[:at])
    # an initialism ("FEMA", "NHC") names a body, never the "he" who spoke; nor does a day or a month
    return any(w.group(0).lower() not in _STARTERS and not w.group(0).rstrip(".'’s").isupper()
               and w.group(0).lower().rstrip(".") not in CALENDAR_WORDS for w in _CAPITALISED.finditer(plain))


def _body_before(text: str, at: int) -> bool:
    """A body named before `at` that "it said" can be: a word that names one ("the ministry said
    ..., it added") or an initialism ("FEMA"); a place, a day or a product's name cannot speak."""
    plain = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[:at])
    return any(is_body_noun(w) for w in re.findall(r"[a-z]+", plain.lower())) \
        or any(len(w) >= 3 and w.isupper() and w.isalpha() and w.lower() not in TIME_ZONES for w in plain.split())


# Days and months, capitalised but no one's name.
CALENDAR_WORDS = frozenset(MONTHS) | {day.lower() for day in WEEKDAY_NAMES}


# A line that is all one bracketed aside: "(UPDATE: A reporter says eight are confirmed dead.)"
_BRACKETED_WHOLE = re.compile(r"^[(\[][^()\[\]]*[)\]]$")


@lru_cache(maxsize=1 << 15)
def form_problem(text: str) -> str | None:
    """Why a line cannot be shown whatever its sources say (dangling, unbalanced, cut), or None."""
    stripped = text.strip()
    opener = dangling(stripped)
    if opener:
        speaker = SPEAKER_TAIL.search(stripped) or opener.startswith("the ") and UNNAMED_SPEAKER.search(stripped)
        return f"does not stand alone (speaker only '{opener}')" if speaker \
            else f"does not stand alone (opens with '{opener}')"
    marks = len(QUOTE_MARKS.findall(stripped))
    if marks % 2 or (marks + stripped.count(LOW_QUOTE_MARK)) % 2 or _OPEN_SINGLE.search(stripped):
        return "unbalanced quotation marks"
    if stripped.count("(") != stripped.count(")"):
        return "unbalanced brackets"
    if _BRACKETED_WHOLE.match(stripped):
        return "an aside in brackets (an editor's note or an update), not a statement of its own"
    if _BARE_TIME_END.search(stripped):
        return "cut off (does not end as a sentence ends)"  # "died in her room the night." (before what?)
    if CUT.search(stripped) or not ENDS_A_SENTENCE.search(stripped):
        return "cut off (does not end as a sentence ends)"
    if CUT_START.match(stripped) or _LOWER_START.match(stripped):
        return "cut off (starts mid-way)"
    said = SAID_NOTHING.search(stripped)
    if SPEECH_WITHOUT_WORDS.search(stripped) or (said and not QUOTE_MARKS.search(stripped) and "‘" not in stripped
                                                 and not ATTRIBUTED_AFTER.search(stripped[:said.end()])):
        return "introduces words that are not there"
    if FRAGMENT.match(stripped) and "," not in stripped or ADDED_PHRASE.match(stripped):
        return "a fragment (a side clause without its main clause)"
    if CAPTION.search(stripped) or CAPTION_PRESENT.match(stripped):
        return "a photo caption, not the article's text"
    slip = next((m for m in SLIP.finditer(stripped) if not (m.group(1) or "a")[0].isupper()), None)
    if slip:  # a doubled capitalised word is a name ("Gul Hassan Hassan")
        return f"a slip in the source's text ('{slip.group(0)}')"
    doubled = DOUBLED.search(_QUOTED.sub(" ", stripped).replace("’", "'"))
    if doubled:
        return f"words printed twice in the source's text ('{doubled.group(1)}')"
    glued = GLUED.search(stripped)
    if glued:
        return f"words run together in the source's text ('{glued.group(0)}')"
    ahead = PRONOUN_CLAUSE_FIRST.match(stripped)
    if ahead and not re.match(r"[A-Z]", stripped[ahead.end():].lstrip(" ,")):
        return f"does not stand alone (opens with '{ahead.group(1)}', whom the sentence never names)"
    deictic = DEICTIC.search(_QUOTED.sub(" ", stripped))
    if deictic:
        return f"its time or place is the writer's ('{deictic.group(0)}'), not the reader's"
    if NO_COMMENT.search(_QUOTED.sub(" ", stripped)):
        return "a note on the reporting at the hour of writing, not the story"
    who = WHO_ONLY.match(stripped)
    if who and person_noun(who.group(1)):
        return "only says who someone is (the actor table does)"
    second = SECOND_PERSON.search(_QUOTED.sub(" ", stripped))
    if second:
        return f"the writer speaking to the reader ('{second.group(0)}' outside quotation marks)"
    first = FIRST_PERSON.search(_QUOTED.sub(" ", stripped))
    if first:
        return f"someone's words with no speaker ('{first.group(0)}' outside quotation marks)"
    if _QUOTED.sub(" ", stripped).rstrip(" \"”’)").endswith("!"):
        return "an exclamation: the writer's voice, not a reported fact"  # "Rovers can't catch a break!"
    if BARE_CLEFT.match(stripped):
        return "says nothing alone (a name, the answer to a sentence not shown)"
    return None


# A paragraph that hands the floor to a speaker: "In a speech outside the palace he said:"
_HANDS_OVER = re.compile(r"\b(?:said|says|told\s+\w+|added|declared|announced|wrote|continued|stated)\s*:\s*$", re.I)
# The writer attributing again: '..., he said.', '"...," Ms Roe added'
_ATTRIBUTED = re.compile(r"[,.!?][\"”’']?\s+(?:he|she|they|it|(?:[A-Z][\w'’.-]*\s+){1,4})(?:said|says|added|told|"
                         r"wrote|explained)\b")
MAX_SPEECH_PARAGRAPHS = 15  # a run of a speaker's paragraphs longer than this is a scrape's stray mark


def speech_paragraphs(paragraphs: Sequence[str]) -> frozenset[int]:
    """The paragraphs that go on a speaker's words opened after "he said:" by a quotation mark no
    mark closes (news copy leaves a long quotation open from paragraph to paragraph), until a
    paragraph closes it or the writer attributes again. Read bare, they are the speaker's words,
    not the writer's: neither the page's statements nor a columnist's "I"."""
    out: set[int] = set()
    run = 0  # paragraphs left in the open quotation; 0: none open
    for i, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        marks = text.count("“") + text.count("”") + text.count('"')
        if run:
            if marks == 0 and not _ATTRIBUTED.search(text) or text[:1] in "“\"" and not _closes(text):
                out.add(i)
                run -= 1
                continue
            if not _ATTRIBUTED.search(text) and _closes(text) and text[:1] not in "“\"":
                out.add(i)  # the last paragraph of the quotation: its closing mark, no opening one
            run = 0
        if _HANDS_OVER.search(text) and i + 1 < len(paragraphs) and paragraphs[i + 1].lstrip()[:1] in "“\"" \
                and _leaves_open(paragraphs[i + 1]):
            run = MAX_SPEECH_PARAGRAPHS  # (an open mark alone is too often a scrape's stray one)
    return frozenset(out)


def _leaves_open(text: str) -> bool:
    """An opening mark no mark closes (a straight one is an opening one at the start of a word)."""
    curly = text.count("“") - text.count("”")
    last = text.rfind('"')
    return curly > 0 or curly == 0 and text.count('"') % 2 == 1 and (last == 0 or text[last - 1] == " ")


def _closes(text: str) -> bool:
    """A closing mark no mark opened."""
    return text.count("”") > text.count("“") or text.count('"') % 2 == 1 and not _leaves_open(text)


@lru_cache(maxsize=256)
def _speech_of(source_text: str) -> frozenset[int]:
    """speech_paragraphs of a source's text, once per source (every line cited to it asks)."""
    return speech_paragraphs(source_text.split("\n\n"))


def inside_quotation(line: str, source_text: str) -> bool | None:
    """Does the line sit inside someone's quotation in the source ("... 36 is the new 26." when
    the paragraph reads “I feel great. 36 is the new 26.”, or a paragraph going on a speaker's
    words after "he said:")? Shown bare, a speaker's words read as the page's own statement.
    None when the line is not in the source word for word."""
    probe = line.strip().lstrip("\"“”'‘’([")[:60]
    if len(probe) < 12:
        return None
    at = source_text.find(probe)
    if at < 0:
        return None
    start = source_text.rfind("\n", 0, at) + 1
    if source_text.count("\n\n", 0, start) in _speech_of(source_text):
        return True
    before = source_text[start:at]
    if line.strip()[:1] in "\"“":  # the line carries its own opening mark
        return False
    curly = before.count("“") - before.count("”")
    # single marks too, as British copy quotes ('‘It is a dangerous storm. The last time ...’'),
    # a closing one told from an apostrophe ("don’t", "the Smiths’ house") by what follows it
    single = before.count("‘") - len(_SINGLE_CLOSE.findall(before))
    return curly > 0 or single > 0 or (curly == 0 and before.count('"') % 2 == 1)


_SINGLE_CLOSE = re.compile(r"(?<=[.,!?…])’|’(?=[\s,.;:!?]|$)(?<![a-z]s’)")
