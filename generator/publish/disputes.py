"""Where sources disagree, as a reader compares it: one row per disputed point, each version
with its outlet, the day it was reported and the differing words marked.

A disputed point's title quotes the values in dispute ('Dates differ: "in May" vs "in
June"', built by the claims section); those words are marked wherever a version says them.
When a version says none of them, the words it alone uses are marked instead, unless that
is most of the sentence: then only its own numbers are (marking everything tells nothing). A long version
is shown trimmed to the words around the first mark, with an ellipsis where it was cut.
Everything printed here is escaped by markdown_escape; the marks are the only markup added.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from generator.publish.markdown_escape import SafeMd, clean_text, md_inline

CONTEXT_WORDS = 10  # words kept either side of the first marked words in a trimmed version
LONG_VERSION = 2 * CONTEXT_WORDS + 8  # versions longer than this are trimmed
MOST = 0.5  # marking more than half a sentence's words marks nothing
_QUOTED = re.compile(r'"([^"]{1,120})"|“([^”]{1,120})”')
_WORD = re.compile(r"[^\W_](?:[\w'’-]|[.,](?=\w))*")  # "3.9", "2,012" and "U.S" are one word


def disputed_values(title: str) -> list[str]:
    """The quoted values of a disputed point's title, longest first (so a longer value wins)."""
    values = [a or b for a, b in _QUOTED.findall(clean_text(title))]
    return sorted({v.strip() for v in values if v.strip()}, key=lambda v: (-len(v), v))


def _spans_of(text: str, values: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for value in values:
        pattern = r"(?<!\w)" + re.escape(value).replace(r"\ ", r"\s+") + r"(?!\w)"
        for m in re.finditer(pattern, text, flags=re.I):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def _own_words(text: str, others: Sequence[str], numbers: bool) -> list[tuple[int, int]]:
    """Spans of the runs of words this version alone uses (compared without case); only its
    own numbers when the values in dispute are numbers."""
    theirs = {w.lower() for o in others for w in _WORD.findall(o)}
    found = [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group(0).lower() not in theirs
             and (not numbers or any(c.isdigit() for c in m.group(0)))]
    total = len(_WORD.findall(text))
    if not found or len(found) > MOST * total:
        return []
    runs: list[tuple[int, int]] = []
    for start, end in found:  # words separated only by spaces or punctuation join one mark
        if runs and re.fullmatch(r"[\s,;:'’\"“”-]*", text[runs[-1][1]:start]):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def marked_spans(text: str, values: Sequence[str], others: Sequence[str]) -> list[tuple[int, int]]:
    numbers = any(c.isdigit() for v in values for c in v)
    return _spans_of(text, values) or _own_words(text, others, numbers) or _own_words(text, others, True)


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Character range to show: the whole version, or the words around its first mark."""
    words = list(_WORD.finditer(text))
    if len(words) <= LONG_VERSION:
        return 0, len(text)
    anchor = spans[0][0] if spans else 0
    at = next((i for i, w in enumerate(words) if w.end() > anchor), 0)
    first = max(0, at - CONTEXT_WORDS)
    last = min(len(words) - 1, at + CONTEXT_WORDS + (len(spans and text[spans[0][0]:spans[0][1]].split()) or 1))
    start = 0 if first == 0 else words[first].start()
    end = len(text) if last == len(words) - 1 else words[last].end()
    return start, end


def _inline(piece: str) -> str:
    """A piece of a line, escaped, keeping the spaces at its ends (md_inline trims them)."""
    if not piece.strip():
        return " " if piece else ""
    return (" " if piece[0].isspace() else "") + md_inline(piece) + (" " if piece[-1].isspace() else "")


def marked_version(text: str, values: Sequence[str], others: Sequence[str]) -> SafeMd:
    """The version as inert Markdown, its differing words in <mark>, trimmed when long."""
    text = clean_text(text)
    spans = marked_spans(text, values, others)
    start, end = _window(text, spans)
    out, at = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out += [_inline(text[at:s]), "<mark>", md_inline(text[s:e]), "</mark>"]
        at = e
    out.append(_inline(text[at:end]))
    body = "".join(out).strip()
    return SafeMd(("… " if start > 0 else "") + body + (" …" if end < len(text) else ""))


def dispute_rows(unknown: Sequence[Any], name_of: Callable[[str], str], date_of: Callable[[str], str],
                 cite: Callable[[Sequence[str]], SafeMd], listed: Sequence[str]) -> list[dict[str, Any]]:
    """One row per disputed point: its title and each listed source's version."""
    rows = []
    for u in unknown:
        variants = [(sid, text) for sid, text in sorted(u.variants.items()) if sid in listed and clean_text(text)]
        if not variants and not clean_text(u.text):
            continue
        values = disputed_values(u.text)
        versions = [{
            "who": name_of(sid), "when": date_of(sid), "cites": cite([sid]),
            "text": marked_version(text, values, [t for s, t in variants if s != sid]),
        } for sid, text in variants]
        rows.append({"text": u.text, "cites": cite(u.sources), "versions": versions})
    return rows
