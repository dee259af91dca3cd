"""Who published an article, and where: the outlet's name and the article's address.

A reader must be able to tell every source apart and look it up. What the input states
explicitly (a sidecar, front matter, an HTML meta tag) wins; otherwise, in this order:

1. the page naming itself: a publisher badge or an author bio (found by page.py), a staff
   byline ("By Daily Planet Staff"), a copyright line ("© 2024 Daily Planet");
2. the site's domain, from a URL the text states or from the file name ("01_planet.example.com.txt"),
   shown as the text writes the site's name when it does ("The Daily Planet" for
   thedailyplanet.example.com), else as the domain itself, tidied (no "www.");
3. a wire agency's dateline ("LISBON (Agency) —") or byline ("By JANE ROE Agency Name").

A name the page gives that does not match a known domain is a syndication credit (a wire
story's copyright on a local site), so the domain wins over it. A domain is never turned into
a URL: a link is given only for an address the text or a sidecar states. No table of known
outlets is used; everything comes from the page, its address or its file name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Mapping, Sequence

from tld import get_fld, get_tld

from generator.clean.boilerplate import is_name_line
from generator.text.furniture import dateline, label, markup

NAME_TOKEN = r"(?:[A-Z][\w'’&.-]*|&)"
# "© 2024 Daily Planet. All rights reserved." / "Copyright (c) 2021-2024 The Daily Planet Ltd"
_COPYRIGHT = re.compile(
    rf"^(?i:copyright\s*)?(?:©|\([cC]\))?\s*(?i:copyright\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?"
    rf"(?:[bB]y\s+)?(?P<name>(?:The\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,5}})")
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.I)
_COMPANY_SUFFIX = re.compile(r"\s+(?:Ltd|Limited|Inc|LLC|plc|GmbH|Corp(?:oration)?|Co|Group|Media|Holdings)\.?$")
# "Daily Planet Staff", "Planet News Services", "Planet Web Desk": an outlet writing as itself
_STAFF = re.compile(r"^(?:by\s+)?(?P<name>.+?)\s+(?:staff(?:\s+(?:writers?|reporters?|report))?|news\s+services?"
                    r"|wire\s+services?|newsroom|(?:web\s+|news\s+)?desk|editorial\s+(?:board|team)|bureau)$", re.I)
# "LISBON, Portugal (Agency) —", "NARA, Japan, July 8 (Agency) –", "Barcelona (ACN).-", "(Agency) -"
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,2}){0,2}\s*)?"
    r"\((?P<wire>[A-Z][A-Za-z]{1,14}(?:\s[A-Z][A-Za-z]+){0,2})\)\s*\.?\s*[-–—:]")
# "By JANE ROE and JOHN DOE Agency Name": capitals for the people, then the agency's name
_BYLINE_AGENCY = re.compile(r"^By\s+[A-Z’'.-]+(?:\s+(?:and\s+)?[A-Z’'.-]+)+\s+(?P<wire>[A-Z][a-z]\w*(?:\s+[A-Z][a-z]\w*){0,3})$")
_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.I)
# a line stating the article's own address: "Source: https://...", "Originally published at https://..."
_URL_LINE = re.compile(r"^(?P<label>(?:url|link|permalink|canonical(?:\s+url)?|original(?:ly)?(?:\s+published)?"
                       r"(?:\s+(?:at|on|by))?|read\s+(?:it|the\s+original)\s+(?:at|on))\s*:?\s*)?"
                       r"(?P<url>https?://\S+?)[.,;]?$", re.I)
_DOMAIN = re.compile(r"(?:^|[_\s]|(?<=\d)-)(?P<domain>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})$", re.I)
_TIDY_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_NAME_PHRASE = re.compile(rf"{NAME_TOKEN}(?:[ -]{NAME_TOKEN}){{0,5}}")


DATELINE_ZONE = 10  # a wire dateline opens the article: within its first lines


@dataclass(frozen=True)
class Identity:
    outlet: str | None
    url: str | None


def identify(file: str, lines: Sequence[str], reasons: Mapping[int, str], found_outlet: str | None,
             author: str | None, given: Mapping[str, str]) -> Identity:
    """The outlet and URL of one article (see the module docstring for the order).

    `lines` are the page's lines, `reasons` the boilerplate found among them, `found_outlet`
    what the page's badge or bio names, `author` the byline's author, `given` explicit metadata.
    """
    url = given.get("url") or stated_url(lines, file_domain(file))
    if given.get("outlet"):
        return Identity(given["outlet"], url)
    domain = url_domain(url) if url else file_domain(file)
    named = [n for n in (found_outlet, staff_outlet(author), copyright_holder(lines, reasons)) if n]
    if domain:
        return Identity(next((n for n in named if same_site(n, domain)), None)
                        or name_in_text(lines, domain) or tidy_domain(domain), url)
    return Identity(named[0] if named else wire_agency(lines, reasons), url)


# Page furniture a scraper can take for a headline: "See more of the story", "Play Live Radio",
# "Reading Time: 7 minutes", "Image courtesy of Agency".
_NOT_A_TITLE = re.compile(
    r"^(?:(?:see|read|watch|play|listen|show|view|load|click|tap|subscribe|sign|log|download|share|follow|select|"
    r"get|send|skip|open|close|menu)\b(?:\s+\S+){0,5}$|(?:estimated\s+)?reading\s+time\b|"
    r"(?:image|photo|picture|video)s?\s+(?:courtesy|credit|source)\b|or via this url\b|\S+\.(?:jpe?g|png|gif|webp)$)",
    re.I)


# A graphic's words, not a headline: a scoreboard with its flags ("Velora 🇻🇱 3 Lyra 🇱🇾 3"), emoji
_GRAPHIC = re.compile("[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF]")
# A byline standing where the headline was read: "By Ann Velt", "Ann Velt By" (a name: not "By Design")
_BYLINE = re.compile(r"^By\s+(?P<after>.+)$|^(?P<before>.+?)\s+By$")


def _byline(title: str) -> bool:
    m = _BYLINE.match(title)
    return m is not None and is_name_line(m.group("after") or m.group("before"))


def plausible_title(title: str | None) -> str | None:
    """An inferred headline, unless it is page furniture (a button, a reading time, a credit) or a
    body's first line ("PORTVILLE, July 7 The ship ...": a dateline opens it); "(with video)"
    is the page's, not the headline's; so is a label before it ("UPDATE: Storm hits coast")."""
    if title is not None and (tag := label(title.strip())):
        title = title.strip()[len(tag):]
    if title is None or _NOT_A_TITLE.match(title.strip()) or dateline(title) is not None \
            or markup(_SYNTAX.sub(" ", title)) or _section_path(title) or _GRAPHIC.search(title) \
            or _byline(title.strip()):
        return None  # ... or the page's own words ("Follow us on Image Source : WIRE/FILE ...")
    return _MEDIA_NOTE.sub("", title).strip().rstrip("|").strip() or None  # "Storm hits coast |": a site's separator


def _section_path(title: str) -> bool:
    """ "VALDONIA - STRIKES", "WORLD / EUROPE", "SPORT": the site's section in capitals, not a headline."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", title)
    if not words or any(w != w.upper() for w in words) or len(words) > 4:
        return False
    return len(words) <= 2 or bool(re.search(r"\s[-–—/|>»]\s", title))


# Tags and template braces: syntax the renderer escapes, not words of the page (read past them)
_SYNTAX = re.compile(r"<[^<>]{0,200}>|\{\{|\}\}|\{%|%\}")
# "(with video)", "[PHOTOS]", "- VIDEO" after a headline: what the page embeds, not the news
_MEDIA_NOTE = re.compile(r"\s*(?:[(\[]\+?(?:with\s+)?(?:video|photos?|pictures|gallery|audio|watch)s?[)\]]"
                         r"|\s[-–—|]\s*(?:video|photos|watch)\s*)$", re.I)


def file_domain(file: str) -> str | None:
    """A site's domain in the file name or its folder ("03_planet.example.com.txt", "planet.example.com/a.txt")."""
    path = PurePosixPath(file.replace("\\", "/"))
    for part in [path.stem, *reversed(path.parent.parts)]:
        m = _DOMAIN.search(part)
        if m and is_domain(m["domain"]):
            return m["domain"].lower()
    return None


def is_domain(text: str) -> bool:
    """A name under a public suffix ("planet.co.uk"), not a file-like "notes.txt" or "v1.2"."""
    return not re.search(r"\.\d+$", text) and get_tld(text, fix_protocol=True, fail_silently=True) is not None


def url_domain(url: str) -> str | None:
    m = re.match(r"^https?://([^/:?#]+)", url, re.I)
    return m[1].lower() if m and is_domain(m[1]) else None


_MEDIA_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|mp4|mp3|m3u8)(?:\b|[?#]|$)", re.I)


def stated_url(lines: Sequence[str], domain: str | None) -> str | None:
    """An address the page states as its own: a line that is a URL labelled as the page's
    ("URL:", "Originally published at"), or a bare URL on the site the file name names.
    (A bare URL elsewhere may be any link the article quotes.)"""
    for line in lines:
        m = _URL_LINE.match(line.strip()) if len(line) < 400 else None
        host = url_domain(m["url"]) if m else None
        if host is None or _MEDIA_FILE.search(m["url"]):
            continue  # a picture's or a video's file on the site is no article's address
        if (domain and _registered(host) == _registered(domain)) or (domain is None and m["label"]):
            return m["url"]
    return None


def staff_outlet(author: str | None) -> str | None:
    """"Daily Planet Staff" -> "Daily Planet": an outlet signing as itself."""
    m = _STAFF.match((author or "").strip())
    name = m["name"].strip(" ,/|-") if m else ""
    return name if name and re.match(r"^(?:The\s+)?[A-Z0-9]", name) and len(name.split()) <= 5 else None


def copyright_holder(lines: Sequence[str], reasons: Mapping[int, str]) -> str | None:
    """The name a copyright line gives: "© 2024 Daily Planet. All rights reserved." -> "Daily Planet"."""
    for i, line in enumerate(lines):
        if not (_COPYRIGHT_LINE.match(line) and len(line) < 300 and reasons.get(i, "").endswith("copyright footer")):
            continue
        m = _COPYRIGHT.match(line.strip())
        name = re.split(r"\.(?:\s|$)|\s+All\s+[Rr]ights", m["name"])[0] if m else ""
        name = _COMPANY_SUFFIX.sub("", name).strip(" .,")
        if name and name.lower() not in ("all", "all rights", "copyright") and not name.lower().startswith("all rights"):
            return name
    return None


def wire_agency(lines: Sequence[str], reasons: Mapping[int, str]) -> str | None:
    """An agency whose dateline opens one of the first paragraphs ("LISBON (Agency) —") or
    whose name ends a byline ("By JANE ROE Agency Name")."""
    for i, line in enumerate(lines[:DATELINE_ZONE]):
        m = _DATELINE.match(line) if i not in reasons or reasons[i] == "byline" else None
        m = m or (_BYLINE_AGENCY.match(line.strip()) if reasons.get(i) == "byline" else None)
        if m:
            return m["wire"]
    return None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@lru_cache(maxsize=4096)
def _labels(domain: str) -> tuple[str, ...]:
    """The names a domain may be spelt as: "news.planet.co.uk" -> ("newsplanet", "planet").
    Memoised: every capitalised phrase of a page is tried against its one domain."""
    registered = _registered(domain)
    suffix = get_tld(domain, fix_protocol=True, fail_silently=True) or ""
    site = _TIDY_PREFIX.sub("", domain)[: -len(suffix) - 1] if suffix else domain
    return tuple(dict.fromkeys(_squash(x) for x in (site, registered.split(".")[0]) if _squash(x)))


def _registered(domain: str) -> str:
    return get_fld(domain, fix_protocol=True, fail_silently=True) or domain


def same_site(name: str, domain: str) -> bool:
    """A name is the site's own when it spells the domain's name ("The Daily Planet" ~ dailyplanet.com)."""
    squashed = _squash(name)
    return any(squashed in (label, "the" + label) or "the" + squashed == label for label in _labels(domain))


def name_in_text(lines: Sequence[str], domain: str) -> str | None:
    """How the page itself writes the site's name: a run of capitalised words spelling the domain."""
    for line in lines:
        for m in _NAME_PHRASE.finditer(line):
            words = m.group(0).split()
            for i in range(len(words)):  # "The Daily Planet team" -> try every run of words
                for j in range(len(words), i, -1):
                    phrase = " ".join(words[i:j]).strip(" .,'’")
                    # one capitalised word opening a line may be any sentence's first word
                    alone = j - i == 1 and m.start() == 0 and i == 0 and not phrase.isupper()
                    if phrase and not alone and same_site(phrase, domain):
                        return phrase
    return None


def tidy_domain(domain: str) -> str:
    """The domain as a reader knows it: lower case, without "www." or a mobile prefix."""
    return _TIDY_PREFIX.sub("", domain.lower())
