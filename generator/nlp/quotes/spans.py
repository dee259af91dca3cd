"""Finding direct quotations in a paragraph: pairing quotation marks, as news prose uses them.

Pure string work (no parse), so it is easy to test and reason about. Double marks delimit
quotations: straight ("), curly (“ ”), low (\u201e) and guillemets (« »). Single marks (British
style, 'We will,' she said) delimit them only outside double marks, and only as a pair that
cannot be an apostrophe (single_spans); inside double marks they stay in the quoted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
# A mark after one of these can open a quotation: `said: "We`, `(“Sky Hopper”)`, `—"No"`.
OPEN_CONTEXT = " \t\n([{-\u2013\u2014:/'\u2018"
# A sentence end inside a quote cut off by the scraper: `...as possible. Your forces are`.
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)]*(?=\s|$)")
SINGLE_OPENERS = "\u2018'"  # ‘ and a straight ' (left-flanking only)
SINGLE_CLOSERS = "\u2019'"  # ’ and a straight ' (right-flanking only; also the apostrophe)
# Where a closing single mark may stand: before a space, punctuation or the end ("‘unfair’,").
CLOSE_CONTEXT = " \t\n.,;:!?)]}\u2014\u2013-\"\u201d"
# The scans below jump from mark to mark: a loop over every character costs more than the pairing.
_DOUBLE_MARK = re.compile(f"[{MARKS}]")
_SINGLE_OPENER = re.compile(f"[{SINGLE_OPENERS}]")
_SINGLE_CLOSER = re.compile(f"[{SINGLE_CLOSERS}]")


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
    """Right-flanking mark: after a non-space (`done,"`, `over."`)."""
    return i > 0 and not text[i - 1].isspace()


# Two single marks standing for a double one ("...a wider network’’, the chief said"): read as
# one double mark, in a string of the same length so that every offset stays the text's.
_DOUBLED_SINGLES = re.compile("\u2019\u2019|\u2018\u2018")


def find_spans(text: str) -> list[QuoteSpan]:
    """Quotation spans of one paragraph, in order: double-mark spans, and single-mark spans
    outside them (a double-mark span inside a single-mark one is an inner quotation)."""
    text = _DOUBLED_SINGLES.sub(lambda m: " \u201c" if m.group(0) == "\u2018\u2018" else "\u201d ", text)
    doubles = double_spans(text)
    masked = list(text)
    for span in doubles:
        stop = len(text) if span.close_mark is None else span.close_mark + 1
        masked[span.open_mark:stop] = "x" * (stop - span.open_mark)
    singles = single_spans("".join(masked))
    outer = [s for s in doubles
             if not any(o.open_mark < s.open_mark and (o.close_mark or len(text)) > s.start for o in singles)]
    return sorted(outer + singles, key=lambda s: s.open_mark)


def double_spans(text: str) -> list[QuoteSpan]:
    """Double-mark quotation spans of one paragraph, in order.

    A quotation left open at the paragraph's end runs to that end: news style opens each
    paragraph of a long quotation and closes only the last (`"We will act.` / `"Now."`).
    A new curly opener inside an open quotation starts a new one (the first was left open).
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
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


def _single_can_open(text: str, i: int) -> bool:
    """`said ‘We`, `('Yes`: after a space or bracket, before a letter or digit (not `rock ’n’`)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPEN_CONTEXT and after.isalnum()


def _single_can_close(text: str, i: int) -> bool:
    """`unfair’,` or `yes’ he`: after a non-space, not inside a word (`don’t`, `Lee’s`)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and after in CLOSE_CONTEXT


def _possessive_like(text: str, i: int) -> bool:
    """A plural possessive looks like a closing mark: `the workers’ union` (s’ + a lower-case word)."""
    rest = text[i + 1:i + 3]
    return text[i - 1] in "sS" and len(rest) == 2 and rest[0] == " " and rest[1].islower()


def single_spans(text: str) -> list[QuoteSpan]:
    """Single-mark quotations (`Union threatens ‘walkout’`, `'We will,' she said`).

    Only a left-flanking mark opens and a right-flanking one closes, so apostrophes inside words
    never pair. A closer that may be a plural possessive (`the workers’ union,’ she said`) is
    passed over when a clear closer follows. An unclosed mark is an apostrophe (`the ’90s`),
    except a curly one opening the paragraph: a quotation continued in the next paragraph.
    """
    spans: list[QuoteSpan] = []
    i = 0
    while (opener := _SINGLE_OPENER.search(text, i)) is not None:
        i = opener.start()
        if not _single_can_open(text, i):
            i += 1
            continue
        close = _single_close(text, i)
        if close is None:
            if i == 0 and text[0] == "\u2018":
                spans.append(QuoteSpan(1, len(text), 0, None))
            break
        spans.append(QuoteSpan(i + 1, close, i, close))
        i = close + 1
    return [s for s in (_trim(text, s) for s in spans) if s is not None and s.end - s.start >= 2]


def _single_close(text: str, i: int) -> int | None:
    """The mark closing the single-mark quotation opened at `i`: the first closer that is no
    plural possessive, else the first closer at all, else None."""
    first = None
    for mark in _SINGLE_CLOSER.finditer(text, i + 2):
        j = mark.start()
        if _single_can_close(text, j):
            if not _possessive_like(text, j):
                return j
            first = j if first is None else first
    return first


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

    `"The town is safer. Our crews are substan` -> `The town is safer.`; None if no sentence ends.
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
