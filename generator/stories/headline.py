"""The story's headline: the clearest short headline among the sources' own titles, else the
shortest well-supported lead clause. Extractive either way: an outlet's words, never composed.

A title is a candidate only when it reads as a headline: 4 to 16 words, not navigation or site
text ("Play Live Radio", "Reading Time: 7 minutes", "Image Courtesy of ..."), not a question,
not cut off, its site name ("... | CBS News", "Video / CBS News") taken off. Among candidates
the one sharing most words with the others wins (the consensus). With none, the first In-brief
points (verified, most corroborated first) are tried as a lead clause: the attribution tail
("..., officials said.") and side clauses cut, at most 16 words.
"""

from __future__ import annotations

import re
from typing import Sequence

from generator.models import AnalysedArticle, Item
from generator.text.dates.vocabulary import DATE_WORDS
from generator.text.standalone import WRITER_FIRST_PERSON

MAX_WORDS = 16
MIN_WORDS = 4
# Site and page furniture that scrapers take for a title.
SITE_TEXT = re.compile(
    r"^(play|watch|listen|read more|reading time|see more|image|photo|video|sign in|sign up|log in|subscribe|"
    r"follow|share|advertisement|menu|search|home|skip|cookie|live:|breaking news$)\b|"
    r"\b(courtesy of|reading time|live radio|see more of|click here|all rights reserved|getty images)\b", re.I)
# A site name after the title: "... | CBS News", "... - Reuters", "... Video / CBS News".
SITE_SUFFIX = re.compile(r"(?:\s*[|–—]\s*|\s+-\s+|[.]\s*(?:Video|Photos?)\s*/\s*)([A-Z][\w.&' ]{1,40})$")
# A live page's tag after its title: "... – as it happened", "... - live updates".
LIVE_SUFFIX = re.compile(r"\s*[–—-]+\s*(?:as it happened|(?:latest|live)(?: updates| coverage| blog)?)\s*$", re.I)
FUNCTION_END = re.compile(r"\b(the|a|an|of|from|to|in|on|at|and|or|for|with|by)$", re.I)
# "..., officials said." / "..., the agency reported." / "..., according to police."
ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:[^,]{0,60}\s)?(?:said|says|told [^,.]+|reported|announced|confirmed|added|according to [^,.]+)"
    r"(?:\s+on\s+\w+|\s+\w+day)?\s*([.!?][\"”’]?)$", re.I)
_SIDE = re.compile(r",?\s+(?:since|after|following|amid|when|while|before|despite|as)\s+[^,;]*$|,\s+[^,;]*$"
                   r"|\s+(?:which|who)\s+[^,;]*$")
_WORD = re.compile(r"[a-z0-9]+")
_MID_CAPITAL = re.compile(r"(?<=[a-z,] )([A-Z][\w-]+)")  # a capitalised word after a lower-case one: a name
_STOP = frozenset("a an the of to in on at for by with from and or but is are was were be been has have had "
                  "it its as after over".split())


def clean_title(title: str) -> str | None:
    """The title as a headline, or None when it is not one."""
    text = LIVE_SUFFIX.sub("", re.sub(r"\s+", " ", title or "").strip())
    m = SITE_SUFFIX.search(text)
    if m and len(m.group(1).split()) <= 4 and len(text[: m.start()].split()) >= MIN_WORDS:
        text = text[: m.start()].strip()
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or SITE_TEXT.search(text):
        return None
    if text.endswith(("?", "…", "...")) or FUNCTION_END.search(text.rstrip(".:;, ")):
        return None
    return text


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


# A title is read outside its quotation marks for the writer's own first person (text/standalone).
_QUOTED_PART = re.compile(r"[\"“‘'][^\"“”‘’]*[\"”’']")


def from_titles(items: Sequence[AnalysedArticle]) -> str | None:
    """The consensus among the sources' own titles that read as headlines."""
    titles = [(it.source_id, t) for it in items if (t := clean_title(it.article.title or ""))
              and not WRITER_FIRST_PERSON.search(_QUOTED_PART.sub(" ", t))]  # "What I saw sickened me": a column's
    # a headline the bodies do not bear out (a caption, another story's teaser) is not this story's
    bodies = [_content(it.article.text) for it in items]
    titles = [(sid, t) for sid, t in titles
              if sum(1 for body in bodies if len(_content(t) & body) >= 2) >= min(2, len(bodies))]
    # a headline names what it is about: "Several dozens killed and thousands injured" says neither
    # where nor what. A name: a word the bodies capitalise inside a sentence, or an acronym.
    proper = {m.group(1) for it in items for m in _MID_CAPITAL.finditer(it.article.text)}
    named = [(sid, t) for sid, t in titles
             if re.search(r"\b[A-Z]{2,}\b", t) or any(w.strip("'’s") in proper for w in re.findall(r"[A-Z][\w'’-]+", t))]
    if not named:
        return None

    texts = {it.source_id: it.article.text for it in items}

    def unbacked(sid: str, title: str) -> bool:
        """A figure in the title that no other source gives ("Killing at Least 22" where the others
        count 35 and 39): an early count the story has outgrown, or a slip."""
        return any(not any(re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d,])", text) for osid, text in texts.items()
                           if osid != sid)
                   for f in _FIGURE.findall(title)) and len(texts) > 1

    def score(entry: tuple[str, str]) -> tuple[bool, float, str]:
        sid, title = entry
        mine = _content(title)
        shared = sum(len(mine & _content(other)) / (len(mine | _content(other)) or 1)
                     for osid, other in titles if osid != sid)
        return (unbacked(sid, title), -shared, sid)

    return sorted(named, key=score)[0][1]


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


# The words of a time opener besides date words: "Late on Friday evening, September 8, ..."
_OPENER_WORDS = frozenset("on at in the of around about just shortly st nd rd th".split())


# First words of an opening phrase that is no main clause: "In a statement outside Number 10, ..."
_PHRASE_OPENERS = frozenset("in on at after with during following before despite amid under for from as when while "
                            "since by speaking addressing according earlier later".split())


def without_time_openers(text: str) -> str:
    """'Late on Friday evening, September 8, Morocco was shaken ...' -> 'Morocco was shaken ...';
    'In a statement outside Number 10, Johnson said ...' -> 'Johnson said ...': the main clause,
    which a cut from the end would otherwise lose."""
    while True:
        head, comma, rest = text.partition(",")
        words = _WORD.findall(head.lower())
        timely = words and len(words) <= 6 and all(w in DATE_WORDS or w in _OPENER_WORDS or w.isdigit() for w in words)
        phrase = words and len(words) <= 8 and words[0] in _PHRASE_OPENERS
        if not comma or not rest.strip() or not (timely or phrase) or len(rest.split()) < MIN_WORDS:
            return text
        rest = rest.strip()
        text = rest[:1].upper() + rest[1:]


def lead_clause(text: str) -> str | None:
    """A statement as a headline: its time openers, attribution tail and side clauses cut until
    it has at most MAX_WORDS words; None when it cannot be made that short."""
    def untail(line: str) -> str:
        return ATTRIBUTION_TAIL.sub(lambda m: m.group(1)[:1], line)

    line = untail(without_time_openers(text.strip()))
    for _ in range(4):
        if len(line.split()) <= MAX_WORDS:
            return line
        m = _SIDE.search(line.rstrip(".!?"))
        if not m or len(line[: m.start()].split()) < MIN_WORDS + 2:
            return None
        # a side clause cut can leave an attribution tail at the end: "..., police said Saturday, as ..."
        line = untail(line[: m.start()].rstrip(",;: ") + ".")
    return line if len(line.split()) <= MAX_WORDS else None


def centrality(texts: Sequence[str]):
    """A clause's score: the mean share of sources using each of its content words. The story's
    own subject ("Artemis", "launch") is in every source; a detail ("boosters") in one."""
    bodies = [_content(text) for text in texts]

    def score(clause: str) -> float:
        mine = _content(clause)
        if not mine or not bodies:
            return 0.0
        return sum(sum(w in body for body in bodies) for w in mine) / (len(mine) * len(bodies))

    return score


def choose_headline(items: Sequence[AnalysedArticle], summary: Sequence[Item] = ()) -> str:
    """A source's own title when one reads as a headline, else the shortest lead clause of
    the best-supported In-brief points, else the first point as it stands, else the first
    full sentence of the first article (not a dateline)."""
    title = from_titles(items)
    if title:
        return title
    best = max((len(item.sources) for item in summary[:3]), default=0)
    clauses = [c for item in summary[:3] if len(item.sources) == best and (c := lead_clause(item.text))]
    clauses = clauses or [c for item in summary[:3] if (c := lead_clause(item.text))]
    clauses = clauses or [c for item in summary[3:] if (c := lead_clause(item.text))]  # the brief's other points
    if clauses:
        # the clause most about what every source is about, then the shortest
        central = centrality([f"{it.article.title or ''} {it.article.text}" for it in items])
        return min(clauses, key=lambda c: (-central(c), len(c.split()), clauses.index(c))).rstrip(".")
    if summary:
        return summary[0].text
    for it in items:
        for sentence in it.analysis.sentences:
            if len(sentence.text.split()) >= 8 and sentence.text.rstrip()[-1:] in ".!?\"”’":
                return lead_clause(sentence.text) or sentence.text
    return "Untitled story"
