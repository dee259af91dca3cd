"""Rules that need the page around a line: duplicates, author blocks, the headline, page zones.

A scraped page has a header (labels, headline, byline), a body (the article's paragraphs, from
the first to the last substantive one) and a trailer (share buttons, author bio, teasers).
Each function takes the lines and the reasons found so far, and returns new reasons
({line index: reason}) plus what it learnt about the page. All examples are invented.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from generator.clean import boilerplate as bp
from generator.clean.names import join_names, split_names, tidy_name
from generator.text.actor_kinds import MEDIA_NAME_WORDS
from generator.text.furniture import caption
from generator.text.dates.vocabulary import DATE_RE
from generator.text.dates.written import find_date

Reasons = dict[int, str]
BYLINE_ZONE = 12  # bylines are within this many lines of the top or the bottom of a page
_NAME_IN_PLACE = re.compile(rf"^({bp.NAME})\s+(?:in|at)\s+{bp.NAME}$")


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...] = ()  # in page order
    dates: tuple[str, ...] = ()  # ISO dates stated next to an author's name


def norm(line: str) -> str:
    """Comparable form of a line: case, quotes, dashes and spacing folded."""
    text = unicodedata.normalize("NFKC", line).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split()).strip(" .")


_BREADCRUMB_HOME = re.compile(r"^Home\s+(?=[A-Z])")


def duplicates(lines: list[str], reasons: Reasons) -> Reasons:
    """Truncated teasers repeated in full later, and paragraphs printed twice (the copy goes)."""
    found: Reasons = {}
    normed = [norm(ln) for ln in lines]
    ordered = sorted(set(normed))
    seen: set[str] = set()
    for i, line in enumerate(lines):
        crumb = _BREADCRUMB_HOME.match(line) if i not in reasons else None
        if crumb and norm(line[crumb.end():]) in normed:
            found[i] = "navigation"  # "Home Storm latest: ..." above "Storm latest: ...": the page's breadcrumb
            continue
        if i in reasons or bp.words(line) < 8:
            continue
        # "The council voted to close the library, citing a shortfall of…" above the full paragraph
        m = re.search(r"(?:…|\.\.\.)[\"'”’]?$", line)
        if m and _completed_elsewhere(norm(line[: m.start()]), normed[i], ordered):
            found[i] = "truncated teaser (repeated in full)"
        elif not bp.is_headline_like(line):  # a repeated headline is found by headline()
            if normed[i] in seen:
                found[i] = "duplicate paragraph"
            seen.add(normed[i])
    return found


def _completed_elsewhere(prefix: str, own: str, ordered: list[str]) -> bool:
    """Another, longer line starts with `prefix` (binary search in the sorted lines)."""
    k = bisect.bisect_left(ordered, prefix)
    while k < len(ordered) and ordered[k].startswith(prefix):
        if ordered[k] != own and len(ordered[k]) > len(prefix):
            return True
        k += 1
    return False


def bylines(lines: list[str], reasons: Reasons) -> tuple[Reasons, Byline]:
    """Byline lines ("By Jane Roe", "Jane Roe May 2, 2024 10:15", avatar and name/job blocks)."""
    found: Reasons = {}
    authors: list[str] = []
    signed_by: list[str] = []
    dates: list[str] = []
    for i, line in enumerate(lines):
        if reasons.get(i) == "author avatar":
            name = re.sub(r"\s*avatar$", "", line, flags=re.I)
            if name and re.fullmatch(bp.NAME, name):
                authors.append(tidy_name(name))
            continue
        signed = reasons.get(i) == "photo credit" and _NAME_WITH_SOURCE.match(line.strip())
        if i in reasons and not signed or bp.words(line) > 15:
            continue  # "Jane Roe (Source: Wire)" reads as a credit, and signs the page at its foot
        near_edge = i < BYLINE_ZONE or i >= len(lines) - BYLINE_ZONE
        result = _byline(line) if near_edge else None
        if result is not None:
            found[i] = "byline"
            if result[0] and re.search(r"\bby\b", line, re.I):
                signed_by.append(result[0])  # "By Jane Roe" names the writer before any bare name line
            authors += [result[0]] if result[0] else []
            dates += [result[1]] if result[1] else []
        elif (m := _NAME_IN_PLACE.match(line)) and bp.is_name_line(m.group(1)) and \
                "publication date" in (reasons.get(i - 1), reasons.get(i + 1)):
            found[i] = "byline"  # "Jane Roe in Lisbon" next to the page's date line
            authors.append(tidy_name(m.group(1)))
        elif (names := _names_without_by(lines, i)) is not None:
            found[i] = "byline"  # "Jane Roe and John Doe" under the headline, or above "Wire Agency"
            authors.append(names)
            if i + 1 < len(lines) and i + 1 not in reasons and _newsroom_line(lines[i + 1]):
                found[i + 1] = "byline"
        elif bp.is_name_line(line) and _author_block(lines, reasons, i):
            found[i] = "byline"
            authors.append(tidy_name(line))
            if i + 1 < len(lines) and i + 1 not in reasons and bp.JOB_TITLE_RE.match(lines[i + 1]):
                found[i + 1] = "author title"
    # a bare line of names near the top may be a photo's people ("Ann Roe, Tom Velt" over a caption):
    # a byline that says "By" comes first
    authors = signed_by + [a for a in authors if a not in signed_by]
    return found, Byline(tuple(authors), tuple(dates))


_NAME_WITH_SOURCE = re.compile(r"^(.{3,60}?)\s*\((?:source|with)\s*:?\s*[^()]{2,40}\)$", re.I)


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(author, date) of a byline line, or None when the line is not one."""
    date = find_date(line)
    rest = (line[: date.start] + line[date.end:]).strip(" ,|-–—") if date else line
    m = re.match(r"^(?:written\s+)?by\b\s*(.*)$", rest, re.I)  # "By Jane Roe", "Written by Jane Roe and Bo Chen"
    if m is None:  # "Daily Planet Staff By Jane Roe" (a full name: "... Ousted From Office By Senate" is a headline)
        # ("Jane Roe, planet.com By Jane Roe, planet.com The Daily Planet": the newsroom after a comma)
        m = re.match(rf"^.{{2,60}}?\s+By\s+({bp.NAME_TOKEN}(?:\s+{bp.NAME_TOKEN}){{1,3}})(?:,\s.{{2,60}})?$", rest)
    if m is None and (f := re.match(r"^from:\s*(.+)$", rest, re.I)) and bp.is_name_line(f.group(1)):
        m = f  # "From: Jane Roe"
    if m is not None and re.match(r"(?:the|a|an|this|that|then|now|its|their|his|her|our|far|contrast|comparison)\b",
                                  m.group(1) or ""):
        m = None  # "By the time the relay began, ...", "By contrast, ...": a sentence, no name after "By"
    if m is not None and not bp.ends_sentence(m.group(1) or "x"):
        return _author_from(m.group(1)), date.iso if date else None
    if date and rest and date.end >= len(line.rstrip()) - 4 and bp.is_name_line(rest):
        return tidy_name(rest), date.iso  # "Jane Roe May 2, 2024 10:15"
    credit = _NAME_WITH_SOURCE.match(line.strip())
    if credit and bp.is_name_line(credit.group(1)):
        return tidy_name(credit.group(1)), None  # "Jane Roe (Source: Wire)" signing the foot of a page
    return None


# A newsroom's name alone on a line under its reporters' names: "Harbour Press", "Wire News Agency".
def _newsroom_line(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 5 and bp.is_name_line(line + " X" if len(words) == 1 else line) \
        and bool({w.lower() for w in words} & (MEDIA_NAME_WORDS | {"agency", "wire"})) \
        and not bp.JOB_TITLE_RE.match(line)  # "Senior News Editor" is a job under a name


_PERSON_SHAPE = re.compile(r"(?:(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.)\s*)+")


def _names_without_by(lines: list[str], i: int) -> str | None:
    """ "Jane Roe and John Doe" near the top of the page, or any name line above a newsroom's
    name: the byline without its "By"."""
    parts = split_names(lines[i])
    jobs = [p for p in parts if bp.JOB_TITLE_RE.match(p)]
    names = [p for p in parts if p not in jobs]
    if not names or not all(bp.is_name_line(p) and _PERSON_SHAPE.fullmatch(p) for p in names) \
            or jobs and parts[:len(names)] != names:
        return None  # "Arrow-right Camera" (an icon's label) is no one; a job title comes last
    agency_below = i + 1 < len(lines) and _newsroom_line(lines[i + 1])
    listed = i < BYLINE_ZONE and len(parts) > 1
    if not (agency_below or listed):
        return None
    return join_names([tidy_name(p) for p in names])


_NEWSROOM_AFTER = re.compile(r"^(.+?[a-z.])\s+(The(?:\s+[A-Z][\w&.'’-]*){1,4})$")


def _author_from(text: str) -> str | None:
    """The person in a byline's text: "JANE ROE and JOHN DOE Agency" -> "Jane Roe and John Doe";
    every name of a list of names ("Jane Roe, John Doe and Ann Lee"), not the job after one."""
    names = split_names(text)
    while len(names) > 1 and _newsroom_line(names[-1]):
        names.pop()  # "Jane Roe, John Doe and Ann Lee, Harbour Times": the newsroom after its reporters
    glued = _NEWSROOM_AFTER.match(text.strip())
    if len(names) == 1 and glued and _newsroom_line(glued.group(2)):
        return tidy_name(glued.group(1)) or None  # "Jane L. Roe The Harbour Press": a comma lost
    if len(names) > 2 and all(bp.is_name_line(n) and not bp.JOB_TITLE_RE.match(n) for n in names):
        return join_names([tidy_name(n) for n in names])
    text = re.split(r"\s*\|\s*|\s+/\s+|,\s+|\s+[-–—]\s+", text.strip())[0]  # "Jane Roe |Editor|"
    caps = re.match(r"^[A-Z][A-Z'’.-]+(?:\s+(?:and\s+)?[A-Z][A-Z'’.-]+)+", text)
    if caps and caps.end() < len(text):
        text = caps.group(0)  # all-caps names followed by the agency's name
    if not re.search(r"\b[A-Z]", text):
        return None  # "by and on June 22": the names were links the copy lost
    return tidy_name(text) or None


def _author_block(lines: list[str], reasons: Reasons, i: int) -> bool:
    """A name line is an author's when an avatar precedes it or a job title follows it."""
    after_avatar = i > 0 and reasons.get(i - 1) == "author avatar"
    return after_avatar or (i + 1 < len(lines) and bool(bp.JOB_TITLE_RE.match(lines[i + 1])))


def bios(lines: list[str], reasons: Reasons, authors: tuple[str, ...]) -> tuple[Reasons, str | None]:
    """Author bios ("Jane Roe is a senior reporter for The Daily Planet. She ...") and the outlet they name."""
    found: Reasons = {}
    outlet = None
    for i, line in enumerate(lines):
        m = None if i in reasons else bp.BIO_RE.match(line)
        writes_for = None if i in reasons else bp.WRITES_FOR_RE.match(line)
        m = m or writes_for
        if m is None:
            if i not in reasons and i >= len(lines) // 2 and _under_its_name(lines, i):
                found[i] = "author bio"  # "Jane Roe" + "Jane M. Roe covers courts and ..."
            continue
        name = m.group("name") or m.group("writer")
        named = any(norm(name) in norm(a) or norm(a) in norm(name) for a in authors)
        if named or writes_for or i >= 0.6 * len(lines):
            found[i] = "author bio"
            org = m.group("org")  # (a desk the writer covers a beat for names no outlet)
            outlet = outlet or (org and _trim_org(org))
    return found, outlet


def _under_its_name(lines: list[str], i: int) -> bool:
    """The paragraph opens with the surname of a name printed alone on a line just above it:
    an author's box in the page's lower half, whatever its verbs."""
    m = re.match(rf"^({bp.NAME})\s+[a-z]", lines[i])
    if m is None:
        return False
    surname = m.group(1).split()[-1]
    return any(bp.is_name_line(lines[j]) and lines[j].split()[-1] == surname and len(lines[j].split()) >= 2
               for j in range(max(0, i - 2), i))


def _trim_org(org: str) -> str:
    """The organisation's name only: up to the end of its sentence."""
    return re.split(r"\.(?:\s|$)", org)[0].strip()


def captions(lines: list[str], reasons: Reasons) -> Reasons:
    """Caption/credit pairs split over two lines: "Bank headquarters in the city" + "Jane Roe/Agency";
    and a scene without its full stop beside another caption ("A police officer detains a man
    in Eastmere"): captions come in runs, and a headline would not sit among them."""
    found: Reasons = {}
    for i, line in enumerate(lines):
        kind = reasons.get(i)
        if kind is None and i > 0 and _CAPTION_LABEL.match(lines[i - 1].strip()):
            found[i] = "photo caption"  # "Media caption," on its own line, then what the video shows
            continue
        beside = "photo caption" in (reasons.get(i - 1), reasons.get(i + 1))
        if kind is None and beside and not bp.ends_sentence(line) and caption(line + ".") == "photo caption":
            found[i] = "photo caption"
            continue
        if kind is None and reasons.get(i + 1) == "photo caption" and not bp.ends_sentence(line) \
                and bp.words(line) <= PICTURE_LABEL_WORDS and any(j not in reasons for j in range(i)):
            found[i] = "photo caption"  # "Valley flood reax" above its caption: the picture's label, below the headline
            continue
        bare = (line.strip(), _without_credit(line))
        if kind is None and any(reasons.get(j) == "photo caption" and _without_credit(lines[j]) in bare
                                for j in (i - 1, i + 1)):
            found[i] = "photo caption"  # the caption printed twice, once with its credit "(Agency)"
            continue
        if kind == "photo credit" and i > 0 and i - 1 not in reasons and not bp.is_substantive(lines[i - 1]):
            found[i - 1] = "photo caption"  # a paragraph of the story above a credit stays
        elif kind == "photo caption" and i + 1 < len(lines) and i + 1 not in reasons \
                and bp.is_name_line(lines[i + 1]):
            found[i + 1] = "photo credit"  # "... outside the court. (Agency Photo/Jane Roe)" + "Jane Roe"
    return found


PICTURE_LABEL_WORDS = 5  # a picture's label (its file's title) is a few words

# A caption's label alone on its line, the caption on the next: "Media caption,", "Image caption:".
_CAPTION_LABEL = re.compile(r"^(?:image|photo|video|media) caption\s*[,:]?$", re.I)


def gallery_slides(lines: list[str], reasons: Reasons) -> Reasons:
    """A photo gallery's slides: paragraphs opening with the gallery's title, then each slide's
    own title, then its caption ("Cathedral up in flames Engulfed in flames A fire has torn
    ..." / "Cathedral up in flames Fire crews rush to scene Police sealed off ..."). The
    title run into two or more paragraphs, each going on with a capital of its own, is no
    sentence's opening: the paragraphs are captions."""
    found: Reasons = {}
    free = [(i, line.split()) for i, line in enumerate(lines) if i not in reasons]
    by_opening: dict[tuple[str, ...], list[int]] = {}
    for k, (_, ws) in enumerate(free):
        if len(ws) > GALLERY_TITLE_WORDS:
            by_opening.setdefault(tuple(ws[:GALLERY_TITLE_WORDS]), []).append(k)
    for group in by_opening.values():
        if len(group) < 2:
            continue
        split = [free[k][1] for k in group]
        n = GALLERY_TITLE_WORDS
        while all(len(ws) > n + 1 for ws in split) and len({ws[n] for ws in split}) == 1:
            n += 1
        title, after = split[0][:n], [ws[n] if len(ws) > n else "" for ws in split]
        if bp.ends_sentence(" ".join(title)) or _QUOTE_MARK.search(" ".join(title)) \
                or not all(_SLIDE_TITLE_WORD.match(w) for w in after) or len(set(after)) < len(after):
            continue  # (a quotation opening two paragraphs: a speaker's words, given twice)
        found.update({free[k][0]: "photo caption" for k in group})
    return found


GALLERY_TITLE_WORDS = 4  # a gallery's title runs at least this many words into each slide
_SLIDE_TITLE_WORD = re.compile(r"^[A-Z][a-z]+$")  # a slide title's first word: a capitalised word, no mark
_QUOTE_MARK = re.compile(r"[\"“”]|^[‘']")  # a quotation (an apostrophe, "Paris' cathedral", is none)


# An embedded post's signature under its text: "— Lyra Lander (@LyraLander) November 12, 2014".
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)")
MAX_POST_CHARS = 300  # a post's text is short (a tweet holds 280 characters)
# ... and carries a post's marks: a handle, a hashtag, a link (a paragraph of the story above a post has none)
_POST_MARK = re.compile(r"(?<![\w.])[@#][A-Za-z_]\w|https?://|pic\.twitter")


def embedded_posts(lines: list[str], reasons: Reasons) -> Reasons:
    """The text of an embedded post, the line above its signature when it carries a handle, a
    hashtag or a link: "More analysis of @LyraLander telemetry indicates ..." read as the
    article's own sentence would be a stranger's words."""
    found: Reasons = {}
    for i, line in enumerate(lines):
        if i > 0 and reasons.get(i) == "embedded post" and _POST_SIGNATURE.match(line) \
                and i - 1 not in reasons and len(lines[i - 1]) <= MAX_POST_CHARS and _POST_MARK.search(lines[i - 1]):
            found[i - 1] = "embedded post"
    return found


def _without_credit(line: str) -> str:
    """A caption without its credit "(Agency)" and its label "Last man: "."""
    return re.sub(r"^[A-Z][\w'’-]*(?:\s[\w'’-]+){0,2}:\s+", "", re.sub(r"\s*\([^()]{1,40}\)\s*$", "", line.strip()))


def body_span(lines: list[str], reasons: Reasons) -> tuple[int, int]:
    """First and last substantive paragraph; (len, -1) when there is none."""
    idx = [i for i, ln in enumerate(lines) if i not in reasons and bp.is_substantive(ln)]
    return (idx[0], idx[-1]) if idx else (len(lines), -1)


def headline(lines: list[str], reasons: Reasons, start: int, given: str | None) -> tuple[Reasons, str | None]:
    """The page's headline line: the given title when the page prints it, else the first
    headline-like line above the body. Its first copy is "headline", later ones "repeated headline"."""
    free = [(i, ln) for i, ln in enumerate(lines) if i not in reasons]
    title = given if given and any(norm(ln) == norm(given) for _, ln in free) else None
    label = None  # a line the lead's words chose that the page's first headline passes over
    composite = _title_with_description(free)
    if title is None and composite is not None:
        title = composite[1]
    # the page's first line may be its headline even in a teaser's form ("Fire latest: Twelve dead ...")
    candidates = sorted(free + [(0, lines[0])] if lines and reasons.get(0) == "teaser of another story" else free)
    if title is None:
        above = [ln for i, ln in candidates if i < start and bp.is_headline_like(ln)]
        lead = _stems(" ".join(ln for i, ln in free if start <= i < start + 2))
        # "0 min left", "Updates to our Terms of Use": widgets above the headline share no word with the lead;
        # a section's label ("Cave rescue") shares fewer than the headline under it
        shared = [(len(_stems(ln) & lead), -k, ln) for k, ln in enumerate(above) if _stems(ln) & lead]
        title = max(shared)[2] if shared else (above[0] if above else None)
        displaced = None
        if title is not None and (_standfirst_shaped(title) or _below_byline(title, free, reasons)):
            first = _first_line_title(free, start)
            if first is not None and first != title:
                displaced, title = title, first
        # a page prints its headline first: the first full headline telling the lead (two of its
        # words) stands above a live page's label or a subheading that shares more of it
        # ("99 missing in condo collapse" over "Friday's updates: condo collapse")
        opening = _stems(" ".join([ln for i, ln in free if i >= start][:BODY_LEAD]))
        told = [ln for ln in above if len(_stems(ln) & opening) >= HEADLINE_LEAD_WORDS
                and TITLE_MIN_WORDS <= bp.words(ln) <= TITLE_MAX_WORDS]
        if displaced is None and told and title is not None and told[0] != title \
                and not _below_byline(told[0], free, reasons) and _subheading_or_label(title, told[0]):
            label, title = title, told[0]
    else:
        displaced = None
    if title is None:
        return {}, None
    found: Reasons = {}
    for i, line in candidates:
        if norm(line) == norm(title):
            found[i] = "repeated headline" if found else "headline"
    if label is not None:
        found |= {i: "section label" for i, ln in free if ln == label and i not in found}
    if displaced is not None and not bp.ends_sentence(displaced):
        # the line the lead's words chose, under the headline with no full stop: a picture's caption
        # ("Supporters celebrate the win", "Jane Roe speaks in Lyra, 4 June 2024"), or the lead cut
        # short as a teaser; a standfirst is a sentence
        cut = any(ln != displaced and ln.startswith(displaced.rstrip(" .…")) for _, ln in free)
        found |= {i: "truncated teaser (repeated in full)" if cut else "photo caption" for i, ln in free if ln == displaced}
    if composite is not None and composite[1] == title:
        found[composite[0]] = "page title with its description"
    return found, title


TITLE_MAX_WORDS = 20  # a headline's length; a standfirst or a caption runs longer
HEADLINE_LEAD_WORDS = 2  # words of the lead a headline shares
TITLE_MIN_WORDS = 4  # "Crime & Safety", "Thai cave rescue": a section's or a topic's label
STANDFIRST_WORDS = 11  # a line this long in sentence case reads as a standfirst or a caption
BODY_LEAD = 5  # paragraphs of the body a page's first line must share a word with to be its headline
# Articles, auxiliaries and relatives: the grammar of a sentence, which a headline leaves out.
_SENTENCE_WORD = re.compile(r"\b(?:the|a|an|is|are|was|were|has|have|had|will|would|whose|which|who|his|her|its|their)\b")
_DATED_END = re.compile(rf"(?:{DATE_RE.pattern})\.?\s*(?:[A-Z][\w/&.-]*)?[\s.…]*$", re.I)  # and its credit
_FILE_NAME = re.compile(r"\w\.(?:jpe?g|png|gif|webp|mp4)\b|\w_\w", re.I)


def _subheading_or_label(line: str, first: str) -> bool:
    """`line`, below the page's first headline `first`, is a live page's label ("Friday's updates:
    condo collapse") or a subheading: longer, in sentence case ("Bayern star produces extra-time
    wonder-strike to win ..."); a headline in title case under another page's is no subheading."""
    if _LIVE_LABEL.match(line):
        return True
    long_words = re.findall(r"\b[^\W\d_]{4,}\b", line)
    sentence_case = sum(1 for w in long_words if w[0].isupper()) < 0.6 * len(long_words)
    return sentence_case and bp.words(line) >= STANDFIRST_WORDS and bp.words(line) > bp.words(first)


_LIVE_LABEL = re.compile(r"^[^:]{1,40}\b(?:updates?|latest|live)\s*:\s", re.I)


def _standfirst_shaped(line: str) -> bool:
    """A long line in sentence case: the standfirst under a headline, or a picture's caption
    ("The star, whose problems often made the headlines, was found at her home yesterday");
    a headline in title case ("Jury Finds Ex-Coach Guilty on 45 of 48 Counts") is not one."""
    if bp.words(line) >= STANDFIRST_WORDS and _DATED_END.search(line):
        return True  # "Jane Roe waves as she arrives at the party headquarters in Lyra, 4 June 2024": a caption
    if bp.words(line) < STANDFIRST_WORDS or not _SENTENCE_WORD.search(line):
        return False  # "'Chaos': Investigation launched after 8 killed at festival": a headline's grammar
    long_words = re.findall(r"\b[^\W\d_]{4,}\b", line)
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised < 0.6 * len(long_words)


def _below_byline(title: str, free: list[tuple[int, str]], reasons: Reasons) -> bool:
    """The chosen line sits under the byline, where a page prints a standfirst or a picture's
    caption ("By Jane Roe" / "Supporters celebrate the win"): its headline stands above the byline."""
    bylines = [i for i, r in reasons.items() if r == "byline"]
    at = next((i for i, ln in free if ln == title), None)
    return bool(bylines) and at is not None and min(bylines) < at


LABEL_WORDS = 3  # lines this short over a page's headline are its labels ("Breaking News"), skipped


def _first_line_title(free: list[tuple[int, str]], start: int) -> str | None:
    """The page's first line when it reads as the headline of this body: a page prints its headline
    first, then perhaps a standfirst or a picture's caption that shares more words with the lead
    ("Singer dies at 27" / "The star, whose problems made the headlines, was found ..."). Navigation
    that opens a page ("Live results", "Your Voice Your Vote") shares no word with the body; a
    section's short label over the headline ("Breaking News") is passed over."""
    top = [(i, ln) for i, ln in free if i < start]
    while len(top) > 1 and bp.words(top[0][1]) <= LABEL_WORDS:
        top = top[1:]
    if not top:
        return None
    line = top[0][1]
    if not bp.is_headline_like(line) or not TITLE_MIN_WORDS <= bp.words(line) <= TITLE_MAX_WORDS \
            or _FILE_NAME.search(line):
        return None
    lead = _stems(" ".join([ln for i, ln in free if i >= start][:BODY_LEAD]))
    return line if _stems(line) & lead else None


TITLE_LOOKAHEAD = 4  # lines after a page's first line where its headline may stand alone


def _title_with_description(free: list[tuple[int, str]]) -> tuple[int, str] | None:
    """A page's first line that is its headline, a separator and the page's description run
    together ("Storm Makes Landfall : The Blog The storm made ..."), with the headline alone on a
    line below it: (the first line's index, the headline)."""
    if not free:
        return None
    first_i, first = free[0]
    for _, line in free[1:1 + TITLE_LOOKAHEAD]:
        if bp.is_headline_like(line) and re.match(rf"{re.escape(line)}\s+[:|–—-]\s+\S", first):
            return first_i, line
    return None


def _stems(text: str) -> set[str]:
    """The first five letters of each word of five letters or more: "Convicts" meets "convicted"."""
    return {w[:5] for w in re.findall(r"[a-z]{5,}", norm(text))}


# "You might also like:", "Related stories", "Read more:" heading a list of other stories' links.
_LIST_LABEL = re.compile(r"^[-•*–]?\s*(?:you (?:might|may) also like|related(?: stories| articles| news| coverage| reading)?|"
                         r"read (?:more|also)|also read|more (?:on this(?: story| topic)?|stories|news)|"
                         r"recommended(?: for you| stories)?|trending(?: now| stories)?|most (?:read|popular|viewed)|"
                         r"popular (?:stories|now)|top stories|further reading|see also|don['’]t miss)\s*:?\s*$", re.I)
_BULLET = re.compile(r"^[-•*–]\s+\S")


def link_lists(lines: list[str], reasons: Reasons) -> Reasons:
    """A label such as "You might also like:" and the bulleted headlines under it: links to
    other stories, whose words ("Rogers VP says ...") are not this article's."""
    found: Reasons = {}
    for i, line in enumerate(lines):
        if i in reasons and reasons[i] != "section label" or not _LIST_LABEL.match(line):
            continue
        found[i] = "list of other stories"
        for j in range(i + 1, len(lines)):
            if not _BULLET.match(lines[j]):
                break
            found[j] = "list of other stories"
    return found


_CUT_EXCERPT = re.compile(r"(?:…|\.\.\.)[\"'”’]?\s*$")
MIN_EXCERPTS, MAX_EXCERPTS = 2, 12  # a list of other stories is short


def trailing_excerpts(lines: list[str], reasons: Reasons) -> Reasons:
    """Other stories' openings cut with an ellipsis, listed at the foot of the page ("Roe explained,
    'I mean there's a wall…'", "In her statement, Doe said, 'It's disappointing…'"): at least two in
    a row after the article, none of them its text."""
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if i in reasons:
            continue
        if not _CUT_EXCERPT.search(lines[i]):
            break
        run.append(i)
        if len(run) > MAX_EXCERPTS:
            return {}  # a page of lines all cut so is the article itself, scraped so
    article = any(i not in reasons and bp.is_substantive(lines[i]) for i in range(min(run, default=0)))
    return {i: "teaser of another story" for i in run} if len(run) >= MIN_EXCERPTS and article else {}


def zones(lines: list[str], reasons: Reasons, start: int, end: int) -> Reasons:
    """Short label lines by zone, headlines above the page's own, and headlines after the body when
    the trailer has other boilerplate."""
    found: Reasons = {}
    trailer_removed = [j for j in reasons if j > end]
    headline_at = min((j for j, r in reasons.items() if r == "headline"), default=-1)
    for i, line in enumerate(lines):
        if i in reasons or bp.ends_sentence(line) or re.search(r"[:?]$", line):
            continue
        if i < headline_at and bp.is_headline_like(line):
            found[i] = "teaser of another story"  # a headline above the page's own: the site's links
            continue
        if bp.words(line) <= 2:
            quoted = bool(re.match(r"^[\"'“‘].*[\"'”’]$", line))
            found[i] = "crosshead" if quoted or start <= i <= end else "section label"
        elif i > end and trailer_removed and bp.words(line) >= 4 and bp.is_headline_like(line):
            # "More on this story" + "Dikes hold as storm passes": headlines among the page's trailer
            found[i] = "teaser of another story"
    return found
