"""How a page names its sources: the Sources list, the line under the headline, the names in
disagreements and quotes. A reader sees outlets, titles, dates and links, and the plain
numbers of the Sources list; never an internal id or a file name.

A source with no known outlet is said to be one ("outlet not known"), and counted apart:
"5 sources: 3 from 2 named outlets, 2 whose outlet is not known" never claims five outlets.
A source with no title is told by its opening words, quoted.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from generator.models import Article
from generator.publish import filters as rf
from generator.publish.markdown_escape import SafeMd, clean_text, safe_url

OPENING_WORDS = 12  # an untitled source is told by the first words of its text


def outlet_of(article: Article) -> str:
    return clean_text(article.outlet)


def source_name(article: Article, number: int) -> str:
    """How a source is named in running text: its outlet, else its number in the Sources list."""
    return outlet_of(article) or f"Source {number} (outlet not known)"


def when(article: Article) -> str:
    """The publication date; else the day its dateline gives ("3 January, year not given")."""
    if article.published:
        return rf.human_date(article.published)
    m = re.fullmatch(r"--(\d\d)-(\d\d)", article.dateline or "")
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{int(m.group(2))} {rf.MONTH_NAMES[int(m.group(1)) - 1]} (dateline), year not given"
    return "date not given"


def opening(article: Article) -> str:
    """The first words of the article, for a source without a title."""
    words = clean_text(article.paragraphs[0] if article.paragraphs else "").split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def sources_line(sources: Sequence[Article]) -> str:
    """"6 sources from 6 outlets"; with unknown outlets, how many are known and how many not."""
    named = [outlet_of(a) for a in sources if outlet_of(a)]
    outlets = len(set(named))
    total = _count(len(sources), "source", "sources")
    if not sources:
        return "no sources"
    if len(named) == len(sources):
        return f"{total} from {_count(outlets, 'outlet', 'outlets')}"
    unknown = len(sources) - len(named)
    if not named:
        return f"{total}, {'its' if len(sources) == 1 else 'their'} outlet{'' if len(sources) == 1 else 's'} not known"
    return (f"{total}: {len(named)} from {_count(outlets, 'named outlet', 'named outlets')}, "
            f"{unknown} whose outlet is not known")


def source_entry(article: Article, number: int, label: str, copy_of: int | None,
                 garbled: bool = False, opinion: bool = False) -> dict[str, Any]:
    """One entry of the Sources list (a footnote), with everything a reader needs to find it:
    the title links to the article when its address is known; an untitled one is told by
    its opening words."""
    title = clean_text(article.title)
    linked = safe_url(article.url) is not None
    if title:
        title_md = rf.link(article.url, f"“{title}”") if linked else rf.quoted(title)
    else:
        title_md = SafeMd("untitled; it opens " + rf.quoted(opening(article)))
    return {
        "number": number,
        "label": label,
        "outlet": outlet_of(article) or None,
        "title": title or None,
        "title_md": title_md,
        "author": clean_text(article.author) or None,
        "date": rf.human_date(article.published) if article.published else None,
        "link": rf.link(article.url) if linked and not title else SafeMd(""),
        "copy_of": copy_of,
        "garbled": garbled,  # its text reads as garbled (generator.sections.claims.garbled): said on the page
        "opinion": opinion,  # commentary, not a report (generator.sections.claims.commentary): said on the page
    }


def source_entries(sources: Sequence[Article], labels: Mapping[str, str],
                   copies: Mapping[str, str], garbled: frozenset[str] = frozenset(),
                   opinion: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    ids = [a.source_id for a in sources]
    return [source_entry(a, n, labels[a.source_id], ids.index(copies[a.source_id]) + 1
                         if a.source_id in copies else None, a.source_id in garbled, a.source_id in opinion)
            for n, a in enumerate(sources, 1)]
