"""Finding direct quotations in a paragraph: pairing quotation marks, as news prose uses them.

Pure string work (no parse), so it is easy to test and reason about. Only double marks
delimit quotations: straight ("), curly (“ ”), low (\u201e) and guillemets (« »). Single marks
are left alone (apostrophes look the same) and stay inside the quoted text ("'Yes,' she said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
# A mark after one of these can open a quotation: `said: "We`, `(“Moon Craft”)`, `—"No"`.
OPEN_CONTEXT = " \t\n([{-\u2013\u2014:/'\u2018"
# A sentence end inside a quote cut off by the scraper: `...as possible. Your forces are`.
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)]*(?=\s|$)")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation's inner text: `start`/`end` are offsets of the words, marks excluded."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends first


def _can_open(text: str, i: int) -> bool:
    """Left-flanking mark: start of text or after a space/bracket, and a word follows."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPEN_CONTEXT and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    """Right-flanking mark: after a non-space (`done,"`, `calm."`)."""
    return i > 0 and not text[i - 1].isspace()


def find_spans(text: str) -> list[QuoteSpan]:
    """Quotation spans of one paragraph, in order.

    A quotation left open at the paragraph's end runs to that end: news style opens each
    paragraph of a long quotation and closes only the last (`"We will act.` / `"Now."`).
    A new curly opener inside an open quotation starts a new one (the first was left open).
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in MARKS:
            continue
        if open_at is None:
            if ch in OPENERS or (ch == STRAIGHT and _can_open(text, i)):
                open_at = i
            continue
        if ch in OPENERS and _can_open(text, i) and not _can_close(text, i):
            spans.append(QuoteSpan(open_at + 1, i, open_at, None))  # left open by the writer
            open_at = i
        elif ch in CLOSERS or ch == STRAIGHT or _can_close(text, i):
            spans.append(QuoteSpan(open_at + 1, i, open_at, i))
            open_at = None
    if open_at is not None:
        spans.append(QuoteSpan(open_at + 1, len(text), open_at, None))
    return [s for s in (_trim(text, s) for s in spans) if s is not None]


def _trim(text: str, span: QuoteSpan) -> QuoteSpan | None:
    """Drop surrounding spaces; None when nothing is left."""
    inner = text[span.start:span.end]
    lead = len(inner) - len(inner.lstrip())
    stripped = inner.strip()
    if not stripped:
        return None
    start = span.start + lead
    return QuoteSpan(start, start + len(stripped), span.open_mark, span.close_mark)


def cut_at_last_sentence(text: str, span: QuoteSpan) -> QuoteSpan | None:
    """An unterminated quotation at the very end of a (truncated) page keeps its whole sentences.

    `"Finland is safer. Your forces are substan` -> `Finland is safer.`; None if no sentence ends.
    """
    inner = text[span.start:span.end]
    ends = [m.end() for m in SENTENCE_END.finditer(inner)]
    if not ends:
        return None
    return QuoteSpan(span.start, span.start + ends[-1], span.open_mark, span.close_mark)


def clean_quote_text(inner: str) -> str:
    """The quoted words as the contract wants them: no trailing comma or single full stop.

    `We will,` -> `We will`; `It is over.` -> `It is over`; `Wait...` and `Why?` stay as written.
    """
    text = inner.strip()
    if text.endswith(",") or (text.endswith(".") and not text.endswith("..")):
        text = text[:-1].rstrip()
    while text[-1:] in ("'", "\u2019") and not _has_opener(text):
        text = text[:-1].rstrip()  # a stray inner closing mark: `you too!'"` -> `you too!`
    return text


def _has_opener(text: str) -> bool:
    """An inner quotation opened with a single mark that this closing mark would end."""
    return bool(re.search(r"(^|[\s(\[:])['\u2018]\w", text))


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'\u2019]\w+)*", text))
