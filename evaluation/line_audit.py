"""The mechanical line audit of `../shared/audit/page_audit.py`, inside the project (issue 16, item 12).

Every published line of an export's stories (In brief, background, what we know, what's next,
timeline rows, open questions and single-source items, disputed items, quotes, actor rows, the
headline) is flagged for reasons a program can see; the figure is the share of lines flagged.

The definitions are the shared script's, reproduced exactly (tests/quality/test_line_audit.py
compares the two on real exports, line by line, where ../shared is present). This module is the
measuring instrument, so it deliberately does not import the generator's own checks
(generator/text/support.py, generator/stories/verify.py): those are one step stricter (a nearly
verbatim line must still give every number and name; more connectives count as dangling) and may
change with the generator, while a figure must keep meaning the same thing.

Flags, per line:
  unsupported  a cited source does not say it: not (nearly) verbatim in the source, and the source's
               closest sentence lacks one of its numbers or names, or differs in negation
  dangling     opens with a pronoun that points outside the line ("He said", "They", "The move")
  unbalanced   an odd number of quotation marks
  leak         boilerplate or markup: captions, credits, market-data notices, template tags, sign-up text
  repeat       the same point again elsewhere on the page (In brief included; the timeline apart)
  dispute      a "disputed" item whose values are one value (typography only), or both in one source
  unattributed a quote with no speaker
  role         a person's role that is a verb phrase, or any actor's role that is a fragment
  headline     the headline is navigation text or shares no word with any source's title or opening
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

FLAGS = ("unsupported", "dangling", "unbalanced", "leak", "repeat", "dispute", "unattributed", "role", "headline")

PRONOUN_OPEN = re.compile(
    r"^(he|she|they|him|them|his|her|their|its|we|i|"
    r"it (?:said|says|added|told|noted|also|was said)|"
    r"(?:this|that|these|those)(?! (?:week|month|year|morning|afternoon|evening|night|weekend|time|spring|summer|"
    r"autumn|fall|winter|season|decade|century)\b)|"
    r"the (?:former|latter|move|decision|group|company|agency|official|minister|ministry|statement|report|"
    r"same|two|three|team|man|woman|country|state|city|court|body|relationship|deal|plan|step)\b)\b", re.I)
LEAK = re.compile(
    r"(\{\{|\}\}|\{%|<[a-z]+[ >/]|\bphoto(?:graph)?\s*(?:by|:|credit)|\(photo\b|getty images|\bafp via\b|"
    r"\breuters/|\bap photo\b|\bfile photo\b|\bhandout\b|market data provided|all rights reserved|©|"
    r"\bsign up\b|\bsubscribe\b|newsletter|click here|read more|advertisement|cookie|"
    r"\bshare this\b|\bfollow us\b|\bwatch:|\blisten:|expand / collapse|skip to content)", re.I)
NAV_HEADLINE = re.compile(r"(search|menu|sign in|log in|subscribe|expand|collapse|home|skip to|cookie)", re.I)
NEG = re.compile(r"\b(not|no|never|none|nobody|nothing|n't|without|neither|nor)\b", re.I)
NUM = re.compile(r"\d[\d,.]*\d|\d")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)*)")
CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                     "June July August September October November December".split())
QUOTES = re.compile(r"[\"“”]")
STOP = frozenset("a an the of to in on at for by with from and or but is are was were be been has have had it its "
                 "this that these those as he she they his her their said says will would could should".split())
VERB_ROLE = re.compile(r"^(has|have|had|is|are|was|were|will|would|said|says|did|does|do|been|being)\b", re.I)
PAST_VERB_ROLE = re.compile(r"^[a-z]+ed\b(?! (by|to|as)\b)")
FRAGMENT_ROLE = re.compile(r"^(and|but|or|so|to|even|which|who|that)\b", re.I)
CUT_ROLE = re.compile(r"\b(such as|including|like)\s+\w+$")
MAX_ROLE_WORDS = 14
VERBATIM = 92  # partial_ratio of the line within the source
MIN_OVERLAP = 0.3  # share of the line's words in the closest sentence
SAME_STATEMENT = 0.6  # above it, the closest sentence is the same statement: negation must agree
REPEAT = 85  # fuzz.ratio of two normalised lines that say the same point
STATEMENT_SECTIONS = ("summary", "background", "known", "whats_next")
REPEAT_SECTIONS = ("summary", "background", "known", "whats_next", "timeline", "single_source", "open_question")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("—", "-").replace("–", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", norm(s)) if w not in STOP}


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?\"”])\s+|\n+", text or "") if x.strip()]


def numbers(s: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in NUM.findall(s)}


def supported(line: str, source_text: str) -> bool:
    """The audit's support rule: nearly verbatim passes as it is; otherwise the closest sentence
    shares 30% of the words, the source gives every number and name, and negation agrees."""
    nl, ns = norm(line), norm(source_text)
    if not nl or not ns:
        return False
    if len(nl) <= len(ns) and fuzz.partial_ratio(nl, ns) >= VERBATIM:
        return True
    lw = words(line)
    best = max(sentences(source_text), key=lambda s: len(words(s) & lw), default="")
    if not best:
        return False
    if not lw or len(lw & words(best)) / len(lw) < MIN_OVERLAP:
        return False
    if not numbers(line) <= numbers(source_text):
        return False
    if any(n.lower() not in ns for n in NAME.findall(line) if n.split()[0] not in CALENDAR):
        return False
    close = len(lw & words(best)) / len(lw) >= SAME_STATEMENT
    return not close or bool(NEG.search(line)) == bool(NEG.search(best))


@dataclass
class Line:
    section: str
    text: str
    flags: list[str] = field(default_factory=list)


def _statement(section: str, text: str, cited: list, sources: dict[str, str], quote: bool = False) -> Line:
    text = text or ""
    line = Line(section, text)
    if any(not supported(text, sources.get(str(c), "")) for c in cited or []):
        line.flags.append("unsupported")
    if not quote:
        if PRONOUN_OPEN.match(text.strip()):
            line.flags.append("dangling")
        if len(QUOTES.findall(text)) % 2:
            line.flags.append("unbalanced")
    if LEAK.search(text):
        line.flags.append("leak")
    return line


def _disputed(item: dict, sources: dict[str, str]) -> Line:
    """The values in dispute are the quoted ones of the neutral label (... "X" vs "Y")."""
    line = Line("disputed", item.get("text", ""))
    values = re.findall(r'"([^"]+)"', line.text)
    if len(values) >= 2:
        a, b = (re.sub(r"[^a-z0-9]", "", norm(v)) for v in values[:2])
        if a == b or any(norm(values[0]) in norm(t) and norm(values[1]) in norm(t) for t in sources.values()):
            line.flags.append("dispute")
    return line


def _actor(actor: dict) -> Line:
    role = (actor.get("role") or "").strip()
    line = Line("actor", f"{actor.get('name')}: {role}")
    person = (actor.get("kind") or "person") == "person"
    verbish = VERB_ROLE.match(role) or PAST_VERB_ROLE.match(role)
    fragment = FRAGMENT_ROLE.match(role) or len(role.split()) > MAX_ROLE_WORDS or CUT_ROLE.search(role)
    if role and ((person and verbish) or fragment):
        line.flags.append("role")
    return line


def _mark_repeats(lines: list[Line]) -> None:
    """A later statement line that says an earlier one again; the timeline restates by design."""
    stmt = [ln for ln in lines if ln.section in REPEAT_SECTIONS and ln.section != "timeline"]
    for x, first in enumerate(stmt):
        for later in stmt[x + 1:]:
            if fuzz.ratio(norm(first.text), norm(later.text)) >= REPEAT:
                later.flags.append("repeat")


def _headline(story: dict) -> Line:
    head = story.get("headline") or ""
    titles = " ".join((s.get("title") or "") + " " + (s.get("text") or "")[:300] for s in story.get("sources", []))
    navigation = NAV_HEADLINE.search(head) and len(head.split()) <= 5
    return Line("headline", head, ["headline"] if navigation or not (words(head) & words(titles)) else [])


def audit_story(story: dict) -> list[Line]:
    """Every published line of one exported story, in the script's order, with its flags."""
    sources = {str(s["id"]): s.get("text") or "" for s in story.get("sources", [])}
    lines = [_statement(sec, it.get("text", ""), it.get("sources"), sources)
             for sec in STATEMENT_SECTIONS for it in story.get(sec) or []]
    lines += [_statement("timeline", it.get("text", ""), it.get("sources"), sources) for it in story.get("timeline") or []]
    for it in story.get("unknown") or []:
        lines.append(_disputed(it, sources) if it.get("kind") == "disputed"
                     else _statement(it.get("kind") or "unknown", it.get("text", ""), it.get("sources"), sources))
    for q in story.get("quotes") or []:
        line = _statement("quote", q.get("text", ""), q.get("sources"), sources, quote=True)
        speaker = (q.get("speaker") or "").strip().lower()
        if not speaker or speaker.startswith("unidentified") or speaker == "unknown":
            line.flags.append("unattributed")
        lines.append(line)
    lines += [_actor(a) for a in story.get("actors") or []]
    _mark_repeats(lines)
    lines.append(_headline(story))
    return lines


def audit_export(export: dict) -> dict:
    """The audit's figures for a whole export: lines, flagged, flag_rate, a count per flag (a line
    counts once per kind), the lines held back by verification, and the flagged lines."""
    total = flagged = held = 0
    counts = dict.fromkeys(FLAGS, 0)
    details: list[str] = []
    for story in export.get("stories", []):
        held += len(story.get("held") or [])
        for line in audit_story(story):
            total += 1
            if line.flags:
                flagged += 1
                for flag in set(line.flags):
                    counts[flag] = counts.get(flag, 0) + 1
                details.append(f"[{','.join(sorted(set(line.flags)))}] {story.get('slug')} {line.section}: "
                               f"{line.text[:140]}")
    return {"lines": total, "flagged": flagged, "flag_rate": round(flagged / total, 4) if total else 0.0,
            "flags": counts, "held": held, "details": details}
