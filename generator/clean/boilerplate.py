"""Line classifiers: is this line of a scraped page boilerplate, and of which kind?

Each rule is a general pattern of news web pages (the examples in the comments are invented).
`classify_line` looks at one line alone; clean.py adds the rules that need the page around it
(headline, bylines followed by a job title, teasers repeated later, the zone a line is in).
Every pattern is anchored and free of nested quantifiers, so a 1 MB line costs linear time.
"""

from __future__ import annotations

import re

from generator.text import furniture
from generator.text.actor_kinds import TIME_ZONES
from generator.text.dates.vocabulary import CLOCK, DATE_RE, DATE_TEXT, WEEKDAY_WORD


# Words that make up navigation and section labels ("World News", "Latest", "Top Stories").
NAV_WORDS = frozenset("""
news feed latest world international national local politics business economy markets money opinion
opinions analysis sport sports tech technology science health culture entertainment lifestyle travel
home top stories story breaking live video videos podcast podcasts photos photo gallery galleries
europe asia africa americas region regions featured trending popular more editor's editors picks
morning evening listen briefing newsletter newsletters summary highlights explainer exclusive update
updates special report reports features investigations environment climate defence defense security
elections crime media education the and in depth main menu section sections headlines wires wire
page homepage front about our people legal stuff careers contact privacy terms advertise subscribe help faq
""".split())

NAME_TOKEN = r"[A-Z][\w'’.-]*"  # a capitalised word of a name: "O’Neil", "Jean-Luc", "J."
NAME = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}"  # one to four such words: "Mary Ann De Vries"
JOBS = (r"(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|producer"
        r"|photographer|photojournalist|anchor|presenter|staff|intern|critic|blogger|author)s?"
        r"(?:-in-chief|-at-large)?")

# (reason, pattern) checked in order; the first match names the line's kind.
RULES: list[tuple[str, re.Pattern[str]]] = [
    # "YOU ARE HERE: LAT HomeCollections", "You are here: Home > News": a breadcrumb trail
    ("navigation", re.compile(r"^you are here\s*:", re.I)),
    # "(Updates number of dead, adds quotes, details)": a wire's note on what its new version changed
    ("wire update note", re.compile(r"^\((?:updates|adds|recasts|rewrites|writes through|corrects|changes|"
                                    r"fixes|refiles|repeats|removes|inserts)\b[^()]*\)$", re.I)),
    # "Copy Link", "Share this article", "x" / "f" (icon letters left by share buttons)
    ("boilerplate: share widget", re.compile(
        r"^(?:copy link|link copied(?: to (?:the )?clipboard)?|copy url|share(?: this)?(?: article| story| page)?|share on \w+|tweet"
        r"|thank you for sharing!?|your (?:article|story) (?:was|has been) (?:successfully )?shared\b.*"
        r"|e-?mail|print|facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|\w)$", re.I)),
    # "Updates to our Terms of Use", "Please review our Privacy Policy before proceeding": the site's own
    # notice (a company quoted on its terms is in quotation marks)
    ("boilerplate: site notice", re.compile(
        r"^[^\"“”]*\b(?:our|the updated) (?:terms(?: of (?:use|service))?|privacy (?:policy|notice|statement)"
        r"|cookie (?:policy|notice|settings)|user agreement)\b[^\"“”]*$", re.I)),
    # "This website uses cookies ...", "We use cookies to ...", "By continuing to use this site ...":
    # the site's consent notice, however long
    ("boilerplate: site notice", re.compile(
        r"^(?:this (?:web)?site uses cookies|we use cookies|by (?:continuing to use|using) (?:this|our) (?:web)?site)\b",
        re.I)),
    # "7 of 7", "1 of 11 |": a gallery's counter
    ("boilerplate: gallery counter", re.compile(r"^\d{1,3}\s+of\s+\d{1,3}\s*\|?$")),
    # "2 min read", "5 minutes to read", "0 min left"
    ("boilerplate: reading time", re.compile(r"^\d{1,3}\s*(?:min|mins|minutes?)\.?\s+(?:left|to\s+go)$"
                                             r"|^\d{1,3}\s*(?:min|mins|minutes?)\.?\s+(?:to\s+)?read$"
                                             r"|^reading time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)\.?$", re.I)),
    # "Read more", "Show More", "Article image", "Advertisement", "Listen to this article"
    ("boilerplate: page widget", re.compile(
        r"^(?:read more|show more|load more|see more|view more|more stories|article image|image|video"
        r"|see more of (?:the|this) story|read (?:the )?full (?:story|article)|play live radio|listen live"
        r"|available on air stations|next up:?"
        r"|advertisement|ad|sponsored|skip ad|listen(?: to (?:this|the) (?:article|story))?|in this article:?"
        r"|sign up|sign up (?:to|for) [^.]{1,60}\.?|subscribe(?: now)?|comments?|view comments|continue reading"
        r"|back to top|next article|skip navigation|favorites"
        r"|previous article|you may also like|recommended(?: for you)?|most read|watch now|play video"
        r"|close|menu|search|log ?in|sign in|follow us(?: on \w+)?|click here(?: to \w+)?|skip to (?:main )?content"
        r"|skip to navigation|save|save article|reuse this content|more on this (?:story|topic)|related topics"
        r"|explore more on (?:these|this) topics?|most viewed|most popular|print this (?:page|article))$", re.I)),
    # "Leave a Reply", "Your email address will not be published. Required fields are marked *"
    ("boilerplate: comment form", re.compile(
        r"^(?:leave a (?:reply|comment)|cancel reply|post comment|required fields are marked\s*\*?)$"
        r"|^your email address will not be published\b", re.I)),
    # "Getting your Trinity Audio player ready...", "Listen to this article, 4 min": a player's label
    ("boilerplate: audio player", re.compile(r"\bgetting your (?:[\w-]+ )?audio player ready\b", re.I)),
    # "Hide AdAdvertisement": an advert slot's labels run together
    ("boilerplate: page widget", re.compile(r"^(?:hide ad|advertisement)(?:\s*(?:hide ad|advertisement))+$", re.I)),
    # "3 hours ago", "Updated 25 minutes ago" (relative: no date can be taken from it)
    ("publication time (relative)", re.compile(r"^(?:updated\s+|published\s+)?\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?"
                                               r"|days?|weeks?)\s+ago$", re.I)),
    # "Image caption, Residents wade through a flooded street"
    ("photo caption", re.compile(r"^(?:image|photo|video|media) caption\s*[,:]\s", re.I)),
    # "Left to right are: Jane Roe, Tom Velt, ...", "From left: ...": who is where in a picture
    ("photo caption", re.compile(r"(?:^|[.;]\s+)(?:(?:from\s+)?left to right|from left|l-r)(?:\s+(?:are|is))?\s*[:,]\s",
                                 re.I)),
    # "Video: Reaction in the town to the verdict." (what an embedded video shows, in title-like words)
    ("photo caption", re.compile(r"^[•·-]?\s*(?i:video|audio)\s*:\s+(?=(?:\S+\s+){0,24}\S+$)")),
    # "Image source, Harbour Pictures"
    ("photo credit", re.compile(r"^(?:image|photo|video) (?:source|credit)s?\s*[,:]\s", re.I)),
    # "Photo by Jane Roe/EPA-EFE"
    ("photo credit", re.compile(r"^(?:photo(?:graph)?|image|video)s?\s+by\s+[A-Z][^.]{0,80}$", re.I)),
    # "EnlargeBy Jane Roe, WIRE": a picture's enlarge button run into its credit
    ("photo credit", re.compile(r"^(?:enlarge|expand|view larger|zoom)\s*(?:photo|image)?\s*by\s+[A-Z][^.]{0,60}$", re.I)),
    # "harbour-flood.jpgView full sizeResidents wade ...": an image's file name, then its caption
    ("photo caption", re.compile(r"^\S+\.(?:jpe?g|png|gif|webp)(?:\?\S*)?\s*(?:view full size|enlarge|expand)?(?=\s*\S)", re.I)),
    # "5f2a9c01.jpg", "photo_2024-01-02.webp?w=800"
    ("image file name", re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:\?\S*)?$", re.I)),
    # "FILE - The minister arrives for talks in 2019." / "FILE PHOTO: ..."
    ("photo caption", re.compile(r"^FILE(?: PHOTO)?\s*[-–—:]\s", re.I)),
    # "... at the summit. (Jane Roe/Agency via Image Service)" / "(Agency Photo/John Doe)"
    ("photo caption", re.compile(r"\((?:[^()]{0,80}\bvia\b[^()]{0,80}|[^()]{0,40}\bPhotos?\b[^()]{0,40}/[^()]{0,60}"
                                 r"|[A-Z][^()/]{0,40}/[A-Z][^()/]{0,40}(?:/[^()/]{1,40})?)\)$")),
    # "The delegates meet in the capital. Photo: Agency Name"
    ("photo caption", re.compile(r"\b(?:Photo|Image|Picture|Photograph|Credit|Photo credit)s?\s*:\s*"
                                 r"[A-Z][^.:]{0,60}$")),
    # "Rescuers search the debris on Sunday. JOHN DOE / AGENCY" or "... JOHN DOE/AGENCY via Service"
    ("photo caption", re.compile(r"\b[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)+\s*/\s*[A-Z][\w&.-]*(?:\s+[\w&.-]+){0,4}$")),
    # "Crowds gather in the park. Photo: Jane Roe/Agency Police move in. Photo: John Doe/Agency": a
    # gallery's captions and credits run into one line
    ("photo caption", re.compile(r"\b(?:Photo|Picture|Image)s?:\s+\S.{0,300}?\b(?:Photo|Picture|Image)s?:\s+\S")),
    # "Bank headquarters (video screenshot)" / "(file photo)"
    ("photo caption", re.compile(r"\((?:video |file )?(?:screenshot|screen grab|file photo|photo|illustration)\)$", re.I)),
    # "Jane Roe/Agency/Image Service" alone on a line
    ("photo credit", re.compile(rf"^{NAME}(?:\s*/\s*{NAME}){{1,3}}$")),
    # "POWERED BY SomeCMS", "© 2024 Daily Planet", "All rights reserved."
    ("boilerplate: CMS footer", re.compile(r"^powered\s*by", re.I)),
    ("boilerplate: copyright footer", re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)),
    # "Related: Minister resigns over scandal", "ALSO READ: How the vote works"
    ("teaser of another story", re.compile(
        r"^(?:related|also read|read also|read more|see also|also see|more|watch|don'?t miss|must read"
        r"|recommended|suggested|go deeper|dive deeper|keep reading)\s*:\s*\S", re.I)),
    # "Friday's updates: Florida condo collapse": a live page's label over its posts
    ("section label", re.compile(r"^[^:.!?]{1,40}\b(?:updates|live)\s*:\s+[^.!?]{1,60}$", re.I)),
    # "Election latest: Candidates clash in final debate"
    ("teaser of another story", re.compile(r"^[A-Z][\w'’ -]{0,40}\blatest\s*:\s+\S", re.I)),
    # "Key developments: * Talks resume * Prices rise * ..." (a list of other stories on one line)
    ("list of other stories", re.compile(r"\s[*•]\s[^*•]*\s[*•]\s")),
    # "***", "• • •", "---"
    ("separator", re.compile(r"^[^\w\s]{1,3}(?:\s*[^\w\s]{1,3}){0,10}$")),
    # "Jane Avatar", "Avatar"
    ("author avatar", re.compile(r"^(?:.{1,60}\s)?avatar$", re.I)),
    # "Independent news since 1990", "A voice for the valley - Est. 1875"
    # ("Truth Since 1900"; a headline may end on a year too: "Woods wins Masters for first time since 2005")
    ("site slogan", re.compile(r"^(?=(?:\S+\s+){0,11}\S+$).*(?:\b(?i:est\.|established|founded)\s+(?:in\s+)?\d{4}"
                               r"|(?:[-–—|·,]\s*(?i:since)|\bSince)\s+\d{4})$"
                               r"|^(?=(?:\S+\s+){0,4}\S+$).*\b(?i:since)\s+\d{4}$")),
    # "Published: May 2, 2024, 10:15 AM", "Updated March 3, 2023 at 4:05pm"
    # "PUBLISHED: 09:58 15 January 2018 | UPDATED: ...": the time may come first
    # "Published: Monday | August 17, 2009": a weekday and a separator before the date
    ("publication date", re.compile(rf"^(?:first\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+on)?\s*:?\s*"
                                    rf"(?:(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}}\b)?\s*,?\s*)?"
                                    rf"(?:{WEEKDAY_WORD}\s*[|,·•]\s*)?"
                                    rf"{DATE_RE.pattern}", re.I)),
    # "Wire | Newsline | NLPublished October 4, 2021 - Updated ...": the wires' credits run into the date
    ("publication date", re.compile(rf"^(?-i:(?:[A-Z][\w.&'’-]*\s*[|/,]\s*){{0,4}}[A-Z][\w.&'’-]{{0,20}}?(?<![a-z])"
                                    rf"(?:Published|PUBLISHED))\s*:?\s*(?:on\s+)?{DATE_RE.pattern}", re.I)),
    # "Updated at 11:45 p.m.", "Posted 9:14 AM ET": a time stamp with no day
    ("publication time", re.compile(r"^(?:last\s+)?(?:updated|posted|published|modified)(?:\s+(?:at|on))?\s*:?\s*"
                                    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*\.?$", re.I)),
    # "This story is from June 3, 2015": an archive's note of the day it ran
    ("publication date", re.compile(rf"^this (?:story|article|report) (?:is|was) from\s+(?:{DATE_TEXT})\s*\.?$", re.I)),
    # "Source: Daily Planet English01 Sep 2016 12:51:26": whose copy it is, and when it was filed
    ("publication date", re.compile(rf"^(?:source|credit)s?\s*:\s*[^.]{{1,80}}?(?:{DATE_TEXT})\s*$", re.I)),
    # "Image copyright Harbour Pictures", "Image may contain Human Person Clothing" (a picture's credit
    # or its machine-written description, left where the picture was)
    ("photo credit", re.compile(r"^(?:image|photo|picture) (?:copyright|credit)\b", re.I)),
    # "• WIRE-ONE, Wire": a bullet and the wires' names alone, the credit of what follows or precedes
    ("wire credit", re.compile(r"^[•·]\s*[A-Z][\w-]*(?:\s*[,/&|]\s*[A-Z][\w-]*){0,4}\s*$")),
    ("image description", re.compile(r"^image may contain\b", re.I)),
    # "LYRA PICTURES LTD. 2017", "Harbour Images Inc 2023": a picture agency's credit with its year
    ("photo credit", re.compile(r"^(?:[\w'’&.-]+\s+){0,4}(?i:images?|pictures?|photos?|photography)"
                                r"(?:\s+(?i:ltd|limited|inc|llc|plc)\.?)?,?\s+(?:19|20)\d\d$")),
    # "DAILY PLANET Election 2024 Home": a site's section name and its "Home" link, a navigation bar
    ("navigation", re.compile(r"^(?=(?:\S+\s+){1,7}\S+$)[^.!?:]*\sHome$")),
    # "Medals: By country | By sport |": links set apart by bars, the last bar left open
    ("navigation", re.compile(r"^(?!By\s)[^.!?|]{1,40}(?:\s\|\s[^.!?|]{1,40})+\s\|$")),
    # "2024 newspaper of the year", "Regional website of the year 2023": a site's award tagline
    ("site slogan", re.compile(r"^(?:\d{4}\s+)?(?:[\w'’-]+\s+){0,3}(?:newspaper|news ?(?:site|website|brand|provider)|"
                               r"website|site|publication|title) of the year(?:\s+\d{4})?$", re.I)),
    # "[Related: Crews prepare for the storm]", "[Read more: ...]": a link to another story
    ("link to another story", re.compile(r"^\[(?:related|read more|see also|also read|read also|more)\s*:[^\]]*\]$", re.I)),
    # "See PA story CITY Harlow.": a wire service's note to editors under its picture
    ("photo caption", re.compile(r"^[Ss]ee [A-Z]{2,6} story\b")),
    # "Council vote explained Council vote explained 02:41" (a video player's title shown twice)
    ("video player label", re.compile(r"^(.{3,150}?)\s+\1\s+\d{1,2}:\d{2}$")),
    # "Here's the minister explaining the plan in 2019. She first speaks of it five minutes into the video:"
    ("embedded media", re.compile(r"^here(?:'s|’s| is| are)\s.{0,300}(?:[:]|\b(?:video|clip|footage|below)\b[^.]*[.:])$"
                                  r"|^.{0,200}\b(?:video|clip|footage|below)\s*:$", re.I)),
    # "Jane Roe, an analyst at Example Research, explains." (a video's introduction of its speaker)
    ("embedded media", re.compile(rf"^(?:\S+['’]s\s+)?{NAME}(?:,[^.]{{1,100}},)?\s+(?:explains|reports|has more|has the story"
                                  rf"|has the details|weighs in|has more on [^.]{{1,120}})\.?$")),
    # "Jane Roe contributed to this report.", "Additional reporting by Jane Roe and Bo Chen"
    # ("Harbour News reporters Jane Roe and Bo Chen contributed to this developing story.")
    ("reporting credit", re.compile(rf"^(?:{NAME}\s+(?:staff\s+)?(?:reporters?|correspondents?|writers?)\s+)?"
                                    rf"(?:{NAME}(?:,\s*{NAME})*(?:,?\s+and\s+{NAME})?\s+(?:also\s+)?contributed\s+"
                                    r"(?:reporting\s+)?(?:to|for)\s+(?:this|the)\s+(?:developing\s+)?(?:report|story|article)"
                                    rf"|(?i:(?:additional\s+)?reporting\s+by)\s+{NAME}\b)")),
    # "(Reporting by Jane Roe; Editing by Tom Velt)": a wire's staff credit on a line of its own
    ("reporting credit", re.compile(r"^\((?i:(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by)\s[^()]{1,200}\)$")),
    # "Supporters gather in the square on Nov. 19, 2023. WIRE/Jane Roe": an agency's picture and its photographer
    ("photo caption", re.compile(r"[.!]\s+[A-Z]{2,6}(?:-[A-Z]{2,6})?\s?/\s?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\.?$")),
    # "The singer died at the age of 83. © Jane Roe/dpa": a picture's caption and its credit
    ("photo caption", re.compile(r"©\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*/\s*[\w.-]+\s*$")),
    # "Flowers are left for the victims on May 23, 2017. [Photo/Agencies]"
    ("photo caption", re.compile(r"[\[(](?:photo|image|picture|video)s?\s*/[^\])]{1,40}[\])]\s*\|?\s*$", re.I)),
    # "Rescuers tend to the wounded inside the foyer. (AP)": a picture's caption ends on its agency
    # (after the sentence's full stop: "... the World Health Organization (WHO)." is prose)
    # (or on its agency and photographer: "... in a pub in Harlow. (Wire: Jane Roe)")
    ("photo caption", re.compile(r"^(?=(?:\S+\s+){2,40}\S+$).*[.!]\s*\((?:[A-Z]{2,6}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
                                 r"(?:\s(?:Photo|Images?)[^()]{0,40}|:\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){1,3})?\)\s*$")),
    # "The Masters – R4", "World Cup - Day 3", "Election 2024 – Live": a section's label over the headline
    ("section label", re.compile(r"^(?=(?:\S+\s+){1,5}\S+$)[^.!?]*\s[-–—]\s(?:\S*\d\S*|(?:day|round|stage|leg|game)\s+\d+"
                                 r"|live|latest|updates?)$", re.I)),
    # "Musk says he is proud of the launch. USA TODAY": a video's caption signed by its outlet in capitals
    ("photo caption", re.compile(r"^(?=(?:\S+\s+){2,40}\S+$)[^\n]*[.!?]\s+[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2}\s*$")),
    # "Jane Roe, AGENCY / Crowds gather outside the stadium in 1983": credit, then the caption
    ("photo caption", re.compile(r"^[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3},\s*[A-Z]{2,8}\s*/\s+\S")),
    # "IE 11 is not supported. For an optimal experience visit our site on another browser."
    ("boilerplate: browser notice", re.compile(r"^(?:(?:IE|Internet Explorer)\s*\d+ is not supported\b|"
                                               r"(?:your|this) browser (?:is (?:not supported|out of date)|does not support)\b|"
                                               r"(?:please )?(?:enable javascript|update your browser)\b)", re.I)),
    # 'jQuery(document).ready(function() { ... });', '"); jQuery("#212 h3").html("': a page's script
    # printed as text (prose writes none of these)
    ("page script", re.compile(r"\bjQuery\s*\(|\bfunction\s*\(\s*\w*\s*\)\s*\{|\}\s*\)\s*;|\bvar\s+\w+\s*=|"
                               r"\bdocument\.(?:getElementById|querySelector|write|ready)\b|\bwindow\.\w+\s*=|"
                               r"^\W{0,4}\)\s*;|\.html\(\s*[\"']")),
    # "Media playback is not supported on this device", a video player's notice (a title may follow it)
    ("boilerplate: video player", re.compile(r"^media playback is (?:not supported|unsupported) on (?:this|your) device",
                                             re.I)),
    # "Credited from: USATODAY", "Courtesy: Daily Planet": whose copy it is, not what it says
    ("source credit", re.compile(r"^(?:credited (?:from|to)|courtesy(?: of)?|source)\s*:\s*\S+(?:\s+\S+){0,4}$", re.I)),
    # "Featured Daily Planet" (a publisher badge)
    ("publisher label", re.compile(rf"^Featured\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,5}}$")),
]

# "Tuesday, May 2, 2024 10:15 AM EST" alone on a line ("10 Apr 2019 ," with a stray separator);
# "June 26, 2009 / 8:38 AM / 11 years ago", "on May 5, 2008 at 2:36 AM, updated May 5, 2008 at 3:29 AM",
# "6/25/2009 6:31 PM PDT", "17:04 07 January 2015" (the time first)
_ZONE = r"(?:\s*(?:[A-Z]{2,4}|GMT[+-]\d+|UTC[+-]\d+))?"
_DATE_TAIL = (rf"(?:\s*[/|·•]\s*(?:\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?{_ZONE}|\d+\s+(?:years?|months?|weeks?|days?|hours?)\s+ago)"
              rf"|,?\s+updated\s+(?:on\s+)?{DATE_TEXT})*")
DATE_ONLY_RE = re.compile(rf"^(?:on\s+)?(?:\d{{1,2}}:\d{{2}}\s+)?(?:{DATE_RE.pattern}|\d{{1,2}}/\d{{1,2}}/\d{{4}}(?:\s+\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?)?)"
                          rf"{_ZONE}{_DATE_TAIL}[\s,|·•]*$", re.I)
# "Technology 8 June 2021": a section label before the date
_LABELLED_DATE = re.compile(rf"^(?P<label>[A-Za-z][\w&' -]{{0,30}}?)\s+{DATE_RE.pattern}[\s,|·•]*$", re.I)


# A page's date stamp in any arrangement: the date with its clock time, zone and weekday, words
# that label it, and perhaps the one wire or outlet it credits between separators ("June 2, 2012|Wire",
# "9:14 AM, Jun 3, 2012 | comments", "• | WIRE | February 3, 2012 08:32 AM", "(Published Monday, May 2,
# 2011)", "Date published: 3 February 2011"). An update's stamp alone is not the publication's date.
STAMP_MAX_CHARS = 100
# ("a", "p", "m": the letters of "a.m." and "p.m." a clock time leaves)
_STAMP_WORDS = frozenset({"published", "posted", "date", "on", "at", "first", "comments", "comment", "a", "p", "m"})
_STAMP_CLOCK = re.compile(rf"\b(?:{CLOCK})", re.I)
_UPDATE_WORD = re.compile(r"\b(?:updated?|modified|edited|revised|last)\b", re.I)
_STAMP_SEPARATORS = re.compile(r"[|•·]|\s[-–—]\s")
# "Wire", "WIRE NEWS", "The Daily Planet" (a paper's name with its article), never "Jane Roe"
_STAMP_CREDIT = re.compile(r"^(?:[A-Z][\w&.'-]*|[A-Z][A-Z&.'-]+(?:\s+[A-Z][A-Z&.'-]+){1,2}|The(?:\s+[A-Z][\w&.'-]*){1,3})$")


# "Mon 16 Oct 2017 18.36 EDTFirst published on Mon 16 Oct 2017 03.22 EDT": an update's stamp run
# into the publication's
_FIRST_PUBLISHED = re.compile(r"first published\b", re.I)


def is_date_stamp(line: str) -> bool:
    """One full date and nothing but a stamp's words around it (`_STAMP_WORDS`, clock, zone,
    weekday), with at most one wire's or paper's name set off by a separator."""
    if len(line) > STAMP_MAX_CHARS or not (found := DATE_RE.search(line)) or DATE_RE.search(line, found.end()):
        return False
    rest = _STAMP_CLOCK.sub(" ", line[:found.start()] + " | " + line[found.end():])
    if _UPDATE_WORD.search(rest):
        return False
    credits = 0
    for segment in _STAMP_SEPARATORS.split(rest):
        tokens = re.findall(r"[^\W\d_]+", segment)
        other = [t for t in tokens if t.lower() not in _STAMP_WORDS and t.lower() not in TIME_ZONES
                 and not re.fullmatch(WEEKDAY_WORD, t, re.I)]
        if not other:
            continue
        if len(other) < len(tokens) or not _STAMP_CREDIT.match(segment.strip(" ,;:()[]-–—")):
            return False
        credits += 1
    return credits <= 1


def is_date_line(line: str) -> bool:
    """A date alone on a line, or after a section label ("Technology 8 June 2021"), or in a stamp."""
    if DATE_ONLY_RE.match(line) or is_date_stamp(line):
        return True
    m = _LABELLED_DATE.match(line)
    return m is not None and is_nav_label(m.group("label"))


_HASHTAG = re.compile(r"(?<![\w&])#[A-Za-z]\w+")
# Words English can hardly write a sentence of six without.
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "to", "in", "and", "is", "was", "for", "on", "that", "with", "by", "at", "from",
    "as", "it", "be", "are", "has", "have", "had", "said", "he", "she", "they", "we", "i", "his", "her", "their",
    "this", "not", "but", "or", "will", "were", "been", "after", "who", "which", "its", "our", "you", "my",
})
# ... and those of the languages news pages most often embed posts in (two of them make a line theirs).
OTHER_FUNCTION_WORDS = frozenset({
    "il", "di", "del", "della", "che", "per", "con", "su", "una", "gli", "sono",  # Italian
    "el", "los", "las", "y", "por", "para", "del", "una", "es", "que", "se",  # Spanish
    "et", "les", "des", "du", "une", "est", "pour", "avec", "sur", "dans",  # French
    "der", "die", "das", "und", "ist", "mit", "von", "zu", "nicht", "auf",  # German
    "em", "do", "da", "os", "não", "uma", "com",  # Portuguese
    "la", "le", "de", "e",
})
OTHER_LANGUAGE_WORDS = 6  # a line this long with no English function word and two of another language's


def other_language(line: str) -> bool:
    """ "Con la città di Lyra e chi si rimbocca le maniche": an embedded post or caption in another
    language (the pipeline reads English)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
    if len(words) < OTHER_LANGUAGE_WORDS or any(w in ENGLISH_FUNCTION_WORDS for w in words):
        return False
    return sum(w in OTHER_FUNCTION_WORDS for w in words) >= 2


def classify_line(line: str) -> str | None:
    """The kind of boilerplate a line is, judged on the line alone; None when it may be body text."""
    if len(line) > 1500:  # boilerplate lines are short; a long line is body (and regexes stay cheap)
        return None
    if is_date_stamp(line) or _FIRST_PUBLISHED.search(line) and len(line) <= STAMP_MAX_CHARS and DATE_RE.search(line):
        return "publication date"  # before the caption rules: "The Daily Planet - May 2, 2024" is no credit
    for reason, pattern in RULES:
        if pattern.search(line):
            return reason
    if len(line) <= MAX_CAPTION_CHARS and (kind := furniture.caption(line)) and (
            kind == "photo credit" or one_sentence(line)):
        return kind  # a credit ends what it credits; a caption rule judges one sentence
    if furniture.embedded(line) or len(_HASHTAG.findall(line)) >= 2:
        return "embedded post"  # ("#Lyra #flood: the river burst its banks": a post's tags)
    if other_language(line):
        return "another language (an embedded post or a caption)"
    if furniture.promotion(line):
        return "boilerplate: site promotion"
    if furniture.handover(line):
        return "boilerplate: a broadcast's handover to its reporter"
    if is_date_line(line):
        return "publication date"
    if is_nav_label(line):
        return "section label"
    return None


MAX_NAV_WORDS = 8  # "About Our People Legal Stuff Careers": a site's footer links in a row


def is_nav_label(line: str) -> bool:
    """A line made only of navigation words, also when run together: "World News", "WorldNews"."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", line.strip(" |>»·-–—:"))
    words = [w.lower() for w in re.split(r"[\s/&|,]+", spaced) if w]
    return 0 < len(words) <= MAX_NAV_WORDS and all(w in NAV_WORDS for w in words) and words != ["the"]


def words(line: str) -> int:
    return len(line.split())


MAX_CAPTION_CHARS = 500  # a caption is a sentence or two; a longer line is body text
# Where one sentence ends and the next begins: ". " before a capital, an opening quote or a digit.
# (not after an abbreviation written before a number: "taken on Jul. 13, 2015", "No. 10")
BEFORE_NUMBER = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos",
                 "Vol", "Art", "Fig")
# (not after initials or a title before a name: "handing U.S. President Obama", "Dr. Roe")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)"
                            + "".join(rf"(?!(?<=\b{a}\.)\s+\d)" for a in BEFORE_NUMBER)
                            + r"[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def one_sentence(line: str) -> bool:
    """True when the line holds one sentence: a caption rule judges a caption, not a paragraph
    that happens to open with one (clean/openers.py takes such an opening off)."""
    return SENTENCE_BREAK.search(line) is None


_END_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


def ends_sentence(line: str) -> bool:
    return bool(_END_SENTENCE.search(line))


_CREDIT_LABEL = re.compile(r"^(?:source|credits?|courtesy|photo|image|posted|published|updated|where|when|venue|"
                           r"location)\s*:", re.I)  # a credit, a stamp or a fact box's label ("Where: Harbour Arena")


def is_headline_like(line: str) -> bool:
    """A headline or deck: 3-25 words, starts with a capital, quote or digit, no full stop at the end;
    never a credit or a stamp ("Source: Daily Planet English", "Posted: ...")."""
    n = words(line)
    if not 3 <= n <= 25 or re.search(r"[.,;:…]$", line) or _CREDIT_LABEL.match(line):
        return False
    return bool(re.match(r"^[\"'“‘(#]?[A-Z0-9]", line))  # "#Hooyah! Crowds cheer the rescue"


def is_substantive(line: str) -> bool:
    """A body paragraph: a statement of 10+ words, or 25+ words (a question, a scrape cut mid-sentence)."""
    n = words(line)
    return n >= 25 or (n >= 10 and ends_sentence(line) and not re.search(r"\?[\"'”’)]*$", line))


def is_name_line(line: str) -> bool:
    """A person's name alone: "Jane Roe", "Mary Ann De Vries" (2-4 capitalised words)."""
    return bool(re.fullmatch(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}", line)) and not is_nav_label(line) \
        and not re.search(r"\d", line)


JOB_TITLE_RE = re.compile(rf"^(?:[\w'’-]+\s+){{0,4}}{JOBS}(?:\s*[,|&/]\s*[\w\s'’-]{{1,40}})?$", re.I)
BIO_RE = re.compile(
    rf"^(?P<name>{NAME})\s+(?:is|was|has been|serves as)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,4}}(?i:{JOBS})\b"
    rf"(?:[^.]{{0,80}}?\b(?:for|at|with)\s+(?P<org>(?:The\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,5}}))?")
# "Jane Roe is a law student at Harlow University and a special correspondent for The Courier.":
# a writer's note wherever it stands (it says, in the present, whom the writer writes for)
WRITES_FOR_RE = re.compile(
    rf"^(?P<name>{NAME})\s+is\s+(?:an?|the)\s+[^.]{{0,80}}?\b(?i:{JOBS})\s+(?:for|at|with)\s+"
    rf"(?P<org>(?:The\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,5}})"
    # "Jane Roe covers courts and crime for the Harlow Desk.": what the writer covers, and for whom
    rf"|^(?P<writer>{NAME})\s+(?:covers|writes about|reports on)\s+[^.]{{0,80}}?\s+for\s+"
    rf"(?P<desk>(?:[Tt]he\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,5}})")
