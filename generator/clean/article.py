"""Clean stage: separate the article body from boilerplate and read the page's metadata.

Every non-empty input line either stays as a body paragraph or is listed in Article.removed
with its reason. Line rules are in boilerplate.py (one line alone) and page.py (the page
around it). Metadata the input states explicitly (RawDocument.meta) wins over what is
inferred here; inferred values are taken only from what the text states, never guessed.
An input that is not one English article raises InputRejected with the reason.
"""

from __future__ import annotations

import re
from datetime import date

from generator.clean import boilerplate as bp
from generator.clean import outlet, page
from generator.clean.openers import take_openers
from generator.errors import InputRejected
from generator.text.dates.vocabulary import WEEKDAY_WORD
from generator.text.dates.written import find_date
from generator.models import Article, RawDocument, RemovedLine

MIN_BODY_WORDS = 40  # the default of Settings.min_body_words
MAX_TEXT_CHARS = 300_000  # about 50,000 words: far beyond one news article
MIN_ENGLISH_SHARE = 0.15  # English prose is ~40% function words; other languages share few
# "date 2023-03-10 " before the first line: the date header some scrapers write (or "date 2019-09")
SCRAPER_DATE = re.compile(r"^date (\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)")
# A date in a page's address: ".../2021/04/20/slug", ".../2021-04-20-slug", ".../2021/04/slug"
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/._-]|$)")
ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to a in is that for it as was with be by on not he she they his her their this are or
from at an but have has had were been which who will would there its said also after than more
into about over could when what can all one new we you our us them these those if may up out
""".split())


def clean_document(raw: RawDocument, min_body_words: int = MIN_BODY_WORDS) -> Article:
    """RawDocument -> Article; raises InputRejected when the input is not one English article."""
    if len(raw.text) > MAX_TEXT_CHARS:
        raise InputRejected(raw.file, f"too long for one article ({len(raw.text)} characters; "
                                      f"the limit is {MAX_TEXT_CHARS})")
    lines = input_lines(raw)
    header, scraper_date = _scraper_header(lines) if raw.format == "text" else (None, None)
    snippet = _snippet_title(lines[0], lines[1:]) if header and lines else None
    teaser = []
    if snippet:  # the teaser after it is the opening of a paragraph below
        teaser = [RemovedLine(lines[0][len(snippet):].strip(), "truncated teaser (repeated in full)")]
        lines[0] = snippet
    reasons, facts = _classify(lines, raw.meta.get("title") or snippet)
    if snippet and not raw.meta.get("title"):  # the result's headline, whatever its words look like
        reasons, facts = {**reasons, 0: "headline"}, {**facts, "title": snippet}
    openers = take_openers([ln for i, ln in enumerate(lines) if i not in reasons])
    body = list(openers.paragraphs)
    _check_article(raw.file, lines, body, min_body_words)
    removed = ([RemovedLine(header, "scraper date header")] if header else []) + teaser + \
        [RemovedLine(ln, reasons[i]) for i, ln in enumerate(lines) if i in reasons] + list(openers.removed)
    meta = raw.meta
    author = meta.get("author") or facts.get("author")
    who = outlet.identify(raw.file, lines, reasons, facts.get("outlet"), author, meta)
    body, tagged = _outlet_tags(body, who.outlet)
    removed += tagged
    written, yearless = _dateline_date(openers.dateline)
    title, title_date = _unglued_date(facts.get("title"))
    published = meta.get("published") or facts.get("published") or scraper_date or written or title_date \
        or _url_date(who.url)
    return Article(
        raw.source_id, raw.file, tuple(body), tuple(removed),
        title=meta.get("title") or outlet.plausible_title(title),
        outlet=who.outlet,
        author=author,
        published=published, url=who.url, content_hash=raw.content_hash,
        dateline=None if published else yearless,
    )


def _unglued_date(title: str | None) -> tuple[str | None, str | None]:
    """A headline with the page's date run into it ("... in GenoaAugust 14, 2018 9:01pm"): the
    headline, and the date it dates the article with."""
    if not title:
        return title, None
    found = find_date(title)
    if found is None or found.start < 8:
        return title, None
    head, tail = title[:found.start].rstrip(), title[found.end:].strip()
    if head.endswith(("[", "(")) and tail in ("]", ")"):  # "... to the military [February 12 2011]"
        return head[:-1].rstrip(), found.iso
    if found.end < len(title.rstrip()) - 12 or not re.search(r"[a-z.!?]$", title[:found.start]):
        return title, None
    return title[:found.start].rstrip(), found.iso


def _outlet_tags(body: list[str], name: str | None) -> tuple[list[str], list[RemovedLine]]:
    """ "Islam Times - Former US president ...": the outlet's own name opening a paragraph as a
    tag is no part of the sentence (it would open a line, or a role, on the page)."""
    if not name or len(name) < 3:
        return body, []
    tag = re.compile(rf"^{re.escape(name)}\s*[-–—]+\s+(?=[A-Z\"“])", re.I)
    out, removed = [], []
    for paragraph in body:
        m = tag.match(paragraph)
        if m:
            removed.append(RemovedLine(m.group(0).strip(), "outlet tag"))
            paragraph = paragraph[m.end():]
        out.append(paragraph)
    return out, removed


def _dateline_date(found) -> tuple[str | None, str | None]:
    """(ISO date, yearless "--MM-DD") a dateline states: "PORTVILLE, July 5, 2024 (Agency) -" the
    first, "PORTVILLE, Examplia, July 8 (Agency) -" the second (its year comes from the story)."""
    if found is None or found.month is None or found.day is None:
        return None, None
    try:
        day = date(found.year or 2000, found.month, found.day)  # 2000: a leap year, so "Feb 29" stands
    except ValueError:
        return None, None
    return (day.isoformat(), None) if found.year else (None, f"--{found.month:02d}-{found.day:02d}")


def _url_date(url: str | None) -> str | None:
    """The date a page's address states, at the precision it gives ("2021-04-20", "2021-04")."""
    m = URL_DATE.search(url or "")
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if m.group(3) is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(m.group(3))).isoformat()
    except ValueError:
        return None


# Wire copy's quotation marks typed as two backticks or two apostrophes (``like this,'' he said):
# read as the one mark they stand for, or a quotation would run on past its end.
_WIRE_QUOTES = re.compile(r"``|(?<=\S)''(?=[\s,.;:!?)]|$)|(?<![\w'])''(?=\w)")


# A link's label left in the text after its anchor ("asked the court to approve [press release] the
# sale", "the ruling [text, PDF]"): a page's pointer to a document, not the writer's words. Only
# labels naming a kind of document: a source's own insertion ("said [the minister] was") stays.
_LINK_LABEL = re.compile(
    r"(?<=[\w,.;:)])\s\[(?:[\w'’.-]+\s){0,3}(?:press release|website|profile|text|pdf|transcript|materials"
    r"|video|report|archive|backgrounder|docket)(?:,\s(?:pdf|text|video))?\](?=[\s.,;:)]|$)", re.I)
# What a scraper leaves where it took the dateline away ("— -- The filing ..."), and an outlet's
# tag before its first sentence ("[WIRE] The automaker filed ..."), as "(WIRE) —" in a dateline.
_DASH_RESIDUE = re.compile(r"^(?:[—–]|--)(?:\s*(?:[—–]|--))+\s+(?=[A-Z\"“])|^\[[A-Z][A-Za-z.&-]{1,20}\]\s+(?=[A-Z\"“])")


# A related-story box a page sets inside a sentence after a name it links: the name again, run
# into the text, another story's headline, and "MORE" ("Sen. Jane RoeJane RoeBudget vote on ...
# MORE (D-Lyra)"). From the glue to "MORE" is the box, never the writer's sentence.
_RELATED_BOX = re.compile(r"\b(?P<last>[A-Z][a-z'’-]+)(?:[A-Z][\w'’.-]*\s){1,3}(?P=last)[A-Z][^\n]{0,300}?\sMORE\b")
# A close button before a line ("× Harbour wins the cup"), and a dash left before the first words
# where a scraper took its date header off ("date 2017-02-04 - The Harbour ..."); a list's bullets stay
_CLOSE = "[×✕✖]"
_CLOSE_GLYPH = re.compile(rf"^{_CLOSE}\s+")
# Two sentences a page printed without the space between them ("... damage.The country's ...",
# "... infrastructure.”UN officials ..."): the space back, so that each is a sentence.
_GLUED_STOP = re.compile(r"(?<=[a-z][a-z][a-z][.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][”\"])(?=[A-Z])")
# A wire's staff credit in brackets after the last sentence of a paragraph ("... resigned.
# (Reporting by Jane Roe; Editing by Tom Velt)"): the newsroom's note, never the story's words.
_CREDIT_TAIL = re.compile(r"(?<=[.!?\"”’])\s*\((?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\s"
                          r"[^()]{1,200}\)\s*$", re.I)
_LEADING_GLYPH = re.compile(rf"^(?:{_CLOSE}|-(?=\s+[A-Z\"“]))\s+")


def input_lines(raw: RawDocument) -> list[str]:
    """Non-empty stripped lines; in Markdown a paragraph may be wrapped over several lines, and
    in text a page printed at a fixed width (a print edition) is rejoined (`_unwrap`). Link
    labels, related-story boxes, a close button's glyph, a removed dateline's dashes and a wire's
    bracketed staff credit after the last sentence are taken out of each line, and two sentences
    printed without a space between them are set apart."""
    return [tidy for ln in _lines(raw)
            if (tidy := _GLUED_STOP.sub(" ", _CLOSE_GLYPH.sub("", _DASH_RESIDUE.sub("", _RELATED_BOX.sub(
                r"\g<last>", _LINK_LABEL.sub("", _CREDIT_TAIL.sub("", ln)))).strip())))]


def _lines(raw: RawDocument) -> list[str]:
    text = _WIRE_QUOTES.sub('"', raw.text)
    if raw.format == "markdown":
        blocks = re.split(r"\n\s*\n", text)
        return _rejoined([" ".join(b.split()) for b in blocks if b.strip()])
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        out.extend(_unwrap([ln.strip() for ln in block.split("\n") if ln.strip()]))
    return _rejoined(out)


# Words no sentence, heading or label ends on: a paragraph that stops on one was cut where a
# page broke a sentence over two paragraphs ("Some people placed photos of" + "Mugabe in the
# street so that cars would run over them.").
_OPEN_END = re.compile(r"\s(?:of|the|a|an|to|for|with|by|from|and|or|in|on|at|into|that|its|their|his|her)$")
MIN_BROKEN_WORDS = 5  # words of each part: two pieces of a sentence, not a label and a line


def _rejoined(lines: list[str]) -> list[str]:
    """Paragraphs a page broke inside a sentence, joined again (the first ends on a word no
    sentence ends on; the second ends a sentence)."""
    out: list[str] = []
    for line in lines:
        if out and _OPEN_END.search(out[-1]) and len(out[-1].split()) >= MIN_BROKEN_WORDS \
                and len(line.split()) >= MIN_BROKEN_WORDS and _ENDS_CLAUSE.search(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


# A block of lines is hard-wrapped when its lines reach at least this width and at least this
# share of them stop mid-sentence; a wrapped line is one this close to the block's width.
WRAP_MIN_WIDTH = 50
WRAP_SHARE = 0.5
WRAP_FULL = 0.75
WRAP_GOING_ON = 0.25  # ... and at least this share of its lines go on a sentence in lower case
_ENDS_CLAUSE = re.compile(r"[.!?:;…\"”’)\]]$")
# An abbreviation written before a number ("Jul. 13", "No. 10"): its full stop ends no sentence.
_BEFORE_A_NUMBER = re.compile(rf"\b(?:{'|'.join(bp.BEFORE_NUMBER)})\.$")


def _unwrap(lines: list[str]) -> list[str]:
    """Lines of one block, a sentence broken over lines joined again: "the most powerful quake
    ever recorded in" + "Japan shook apart homes." Only in a block that is wrapped at a fixed
    width; a line that ends a sentence, or a short one (a name, a label), ends its paragraph
    unless the next line goes on in lower case."""
    width = max((len(ln) for ln in lines), default=0)
    open_ends = sum(1 for ln in lines[:-1] if not _ENDS_CLAUSE.search(ln))
    going_on = sum(1 for ln in lines[1:] if ln[:1].islower())  # a list of headlines never goes on
    if len(lines) < 3 or not WRAP_MIN_WIDTH <= width <= 2 * WRAP_MIN_WIDTH \
            or open_ends < WRAP_SHARE * (len(lines) - 1) or going_on < WRAP_GOING_ON * (len(lines) - 1):
        return lines
    out = [lines[0]]
    for prev, line in zip(lines, lines[1:]):
        wrapped = not _ENDS_CLAUSE.search(prev) and not SCRAPER_DATE.fullmatch(prev + " ") and (
            len(prev) >= WRAP_FULL * width or line[:1].islower() or prev.endswith((",", "-", "–", "—"))) \
            or _BEFORE_A_NUMBER.search(prev) and line[:1].isdigit()  # "taken on Jul." + "13, 2015, when ..."
        if wrapped:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _scraper_header(lines: list[str]) -> tuple[str | None, str | None]:
    """Take "date YYYY-MM-DD" off the first line (in place); returns (header, ISO date)."""
    m = SCRAPER_DATE.match(lines[0]) if lines else None
    if m is None:
        return None, None
    rest = _LEADING_GLYPH.sub("", lines[0][m.end():].strip())
    if rest:
        lines[0] = rest
    else:
        del lines[0]
    try:  # "date 2023-14-29" is a scraper's garbage, not a date: keep the header, infer no date
        date.fromisoformat(m.group(1))
    except ValueError:
        return m.group(0).strip(), None  # "date 2019-09" too: no day, and no publication date
    return m.group(0).strip(), m.group(1)


SNIPPET_WORDS = 6  # words of a paragraph a search result's teaser repeats after the headline
MAX_SNIPPET_TITLE_WORDS = 20


def _snippet_title(first: str, rest: list[str]) -> str | None:
    """A search result's headline run into its teaser ("In pictures: Velt's title triumph Velt's
    fans will wake ... […]"), where the teaser is the opening of a paragraph below: the headline."""
    if not first.rstrip().endswith(("…]", "...]", "…", "...")):
        return None
    for line in rest[:3]:
        opening = " ".join(line.split()[:SNIPPET_WORDS])
        at = first.find(opening) if len(line.split()) >= SNIPPET_WORDS else -1
        if at > 0 and len(first[:at].split()) <= MAX_SNIPPET_TITLE_WORDS:
            return first[:at].strip()
    return None


def _classify(lines: list[str], given_title: str | None) -> tuple[page.Reasons, dict[str, str]]:
    """Reasons for every non-body line, and the metadata the page states."""
    reasons = {i: r for i, ln in enumerate(lines) if (r := bp.classify_line(ln))}
    reasons |= page.duplicates(lines, reasons)
    found, byline = page.bylines(lines, reasons)
    reasons |= found
    found, bio_outlet = page.bios(lines, reasons, byline.authors)
    reasons |= found
    reasons |= page.captions(lines, reasons)
    reasons |= page.embedded_posts(lines, reasons)
    reasons |= page.gallery_slides(lines, reasons)
    reasons |= page.link_lists(lines, reasons)
    reasons |= page.trailing_excerpts(lines, reasons)
    start, end = page.body_span(lines, reasons)
    found, title = page.headline(lines, reasons, start, given_title)
    reasons |= found
    reasons |= page.zones(lines, reasons, start, end)
    outlet = _publisher(lines, reasons) or bio_outlet
    if title and _masthead(title):
        title = None  # "The Daily PlanetTruth Since 1900": the site's name run into its slogan
    facts = {"title": title, "author": byline.authors[0] if byline.authors else None,
             "published": _published(lines, reasons, start, byline.dates), "outlet": outlet}
    return dict(sorted(reasons.items())), {k: v for k, v in facts.items() if v}


# Lines that say the page's date in words: "Published ...", "Source: Wire 01 Sep 2016", "This story is from ..."
_STATED = re.compile(r"^\(?(?:first\s+)?(?:published|posted)\b|^(?:source|credit)s?\s*:"
                     r"|^this (?:story|article|report) (?:is|was) from\b", re.I)


_PUBLISHED_INSIDE = re.compile(r"\b(?:published|posted)\s*:|first published\b|(?-i:(?<![a-z])(?:Published|PUBLISHED))\s+(?=\w)",
                               re.I)
NO_DATE = frozenset({"1970-01-01"})  # a system's empty date (the epoch), printed as the page's


def _published(lines: list[str], reasons: page.Reasons, start: int, byline_dates: tuple[str, ...]) -> str | None:
    """The stated publication date: a "Published ..." line, a byline's date, a date alone on a
    line above the body or in the page's header (a page may print its lead before its date)."""
    dated = [i for i, r in sorted(reasons.items()) if r == "publication date"]
    # "Updated: ... | Published: 10:56 GMT, Jul 5, 2016": the publication's own date, wherever it
    # stands on the line (an update's date alone is not the publication's)
    stated = [i for i in dated if _STATED.match(lines[i]) or _PUBLISHED_INSIDE.search(lines[i])]
    bare = [i for i in dated if (i < start or i < page.BYLINE_ZONE) and bp.is_date_line(lines[i])]
    for i in stated:
        inside = _PUBLISHED_INSIDE.search(lines[i])
        found = find_date(lines[i][inside.start():] if inside else lines[i])
        if found and found.iso not in NO_DATE:
            return found.iso
    if byline_dates:
        return byline_dates[0]
    # several dates alone above the body: the page's own header (the day it was read) and the
    # article's; an article is published before anything a page prints later, so the earliest
    found = [d.iso for i in bare if (d := find_date(lines[i]))]
    if len(found) == 1 and _todays_header(lines, reasons, bare[0]):
        return None
    return min(found) if found else _updated(lines, start)


# "Page last updated at 18:36 GMT, Thursday, 15 April 2010", "Updated on 15 April 2010": the date of
# the version read, when the page states no other (the day only: two clocks may follow it).
_UPDATE_STAMP = re.compile(r"^(?:page\s+)?(?:last\s+)?(?:updated|modified)\b", re.I)


def _updated(lines: list[str], start: int) -> str | None:
    for i, line in enumerate(lines[: max(start, page.BYLINE_ZONE)]):
        if len(line) <= bp.STAMP_MAX_CHARS and _UPDATE_STAMP.match(line.strip()) and (found := find_date(line)) \
                and found.iso not in NO_DATE:
            return found.iso[:10]
    return None


_WEEKDAY_FIRST = re.compile(rf"^{WEEKDAY_WORD}\.?,?\s", re.I)


def _todays_header(lines: list[str], reasons: page.Reasons, i: int) -> bool:
    """ "Monday, Nov 25, 2024" alone above the headline: the day a site's header shows when the page
    was read, not the article's (an article's own date follows its headline or byline)."""
    headline = next((j for j, r in sorted(reasons.items()) if r == "headline"), None)
    return headline is not None and i < headline and _WEEKDAY_FIRST.match(lines[i]) is not None


# A name of capitalised words run into the next capitalised word with no space between them:
# "The Daily PlanetTruth Since 1900" (a masthead and its slogan), never "Sony Unveils PlayStation".
_RUN_TOGETHER = re.compile(r"^The(?:\s+[A-Z][a-z]+){1,3}[a-z][A-Z][a-z]")


def _masthead(title: str) -> bool:
    return _RUN_TOGETHER.match(title) is not None


def _publisher(lines: list[str], reasons: page.Reasons) -> str | None:
    """The outlet a publisher badge names ("Featured Daily Planet")."""
    for i, reason in sorted(reasons.items()):
        if reason == "publisher label":
            return re.sub(r"^Featured\s+", "", lines[i])
    return None


def _check_article(file: str, lines: list[str], body: list[str], min_words: int) -> None:
    """Reject what is not one article: headlines only, too little text, not English."""
    if not any(bp.ends_sentence(ln) and bp.words(ln) >= 6 for ln in lines) and \
            sum(1 for ln in lines if bp.is_headline_like(ln)) >= 2:
        raise InputRejected(file, "a list of headlines with no sentences: not an article")
    tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", " ".join(body).lower())
    if len(tokens) < min_words:
        raise InputRejected(file, f"near-empty page: {len(tokens)} words of article text "
                                  f"(at least {min_words} needed)")
    share = sum(1 for t in tokens if t in ENGLISH_FUNCTION_WORDS) / len(tokens)
    if share < MIN_ENGLISH_SHARE:
        raise InputRejected(file, f"not in English: only {share:.0%} of its words are common "
                                  f"English words (at least {MIN_ENGLISH_SHARE:.0%} expected)")
