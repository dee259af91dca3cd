"""Direct quotations in one parsed article, verbatim, each with its speaker as the article names it.

Find quotation spans (spans.py), attribute each from the parse (attribution.py, names.py, with
pronoun gender from gender.py), then fill the gaps the way news prose leaves them (split
quotes, continued paragraphs, "she added", a speaker named in the next paragraph). Merging
across sources is generator.sections.quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Sequence

from generator.models import QuoteMention, Sentence
from generator.nlp.quotes.attribution import (
    REPORTING, attribute, bare_attribution, candidate_verbs, colon_label, dash_signature, is_speech_verb,
    speaker_of, speech_noun_speaker,
)
from generator.nlp.quotes.names import Mention, Names
from generator.nlp.parsed import ParsedArticle, positions
from generator.nlp.quotes.spans import QuoteSpan, clean_quote_text, cut_at_last_sentence, find_spans, word_count

_VERB_TAGS = frozenset({"VERB", "AUX"})  # the parts of speech of candidate_verbs' speech verbs
_ACCORDING = frozenset({"according"})
_SPEAKING_KINDS = ("person", "body", "group", "other")  # "other": one person described ("the farmer")

# Scare quotes ("called them 'cowards'") are kept only with a speaker: without one, a word or
# two in quotation marks is usually a title, a term or a nickname ("the 'Sky Hopper' drone").
MIN_WORDS_UNATTRIBUTED = 3
# '"A," she said. / "B," she added.': adding and continuing go on with the same speaker.
CONTINUING = {"add", "continue"}
_PRONOUNS = frozenset({"he", "she", "it", "they"})


@dataclass
class _Found:
    span: QuoteSpan
    paragraph: int
    speaker: Mention | None
    framed: bool  # a speech verb stands in the quotation's own sentence
    opens: bool  # the quotation opens its sentence ('"B."' after '"A," he said.')
    added: tuple[int, str] | None = None  # ('"B," she added': the pronoun's token and word)


def _paragraph_ranges(sentences: Sequence[Sentence]) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) character ranges, from the sentences' paragraph numbers."""
    ranges: dict[int, list[int]] = {}
    for s in sentences:
        r = ranges.setdefault(s.paragraph, [s.start, s.end])
        r[0], r[1] = min(r[0], s.start), max(r[1], s.end)
    return [(p, r[0], r[1]) for p, r in sorted(ranges.items())]


def _spans(text: str, paragraphs: list[tuple[int, int, int]]) -> list[tuple[int, QuoteSpan]]:
    out: list[tuple[int, QuoteSpan]] = []
    for n, (para, start, end) in enumerate(paragraphs):
        for span in find_spans(text[start:end]):
            span = QuoteSpan(span.start + start, span.end + start, span.open_mark + start,
                             None if span.close_mark is None else span.close_mark + start)
            if span.close_mark is None and n == len(paragraphs) - 1:
                span = cut_at_last_sentence(text, span)  # the page was cut mid-quotation
            if span is not None:
                out.append((para, span))
    return out


def _token_range(doc, start: int, end: int) -> range:
    """Indices of the tokens covering characters start..end (spaCy builds no token for them)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _tokens(doc, start: int, end: int) -> list:
    return [doc[i] for i in _token_range(doc, start, end)]


def _quoted_tokens(doc, spans: list[tuple[int, QuoteSpan]]) -> frozenset[int]:
    inside: set[int] = set()
    for _, span in spans:
        stop = span.end + 1 if span.close_mark is not None else span.end
        inside.update(_token_range(doc, span.open_mark, stop))
    return frozenset(inside)


def _frame(doc, span: QuoteSpan) -> list:
    """The tokens of every sentence the quotation touches, and of an attribution the sentence
    splitter cut off: '"We won!" / exclaimed Ann Lee.' or 'She said: / "We won."'."""
    covered = _token_range(doc, span.open_mark, span.end)
    if not covered:
        return []
    start, end = doc[covered[0]].sent.start, doc[covered[-1]].sent.end
    if end < len(doc) and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_space:
        head = doc[end]
        if head.is_lower or is_speech_verb(head):
            end = doc[end].sent.end
    if start > 0 and doc[start - 1].text in (":", ","):
        start = doc[start - 1].sent.start
    return list(doc[start:end])


def _speaker_events(doc, paragraphs, names: Names, found: list[_Found]) -> dict[int, list[tuple[int, Mention]]]:
    """Each paragraph's speakers in order, as (character offset, speaker): of its speech verbs
    and of its attributed quotations.

    "Ann Lee, a resident, said she fled." followed by an unattributed quotation paragraph:
    the quotation is Ann Lee's.
    """
    out: dict[int, list[tuple[int, Mention]]] = {}
    # the only tokens candidate_verbs can keep, found by their attribute arrays: building a
    # Token object for every word of the article costs more than the rest of this
    maybe = sorted({*positions(doc, "POS", _VERB_TAGS), *positions(doc, "LOWER", _ACCORDING)})
    for para, start, end in paragraphs:
        events: list[tuple[int, Mention]] = []
        span = _token_range(doc, start, end)
        inside = maybe[bisect.bisect_left(maybe, span.start):bisect.bisect_left(maybe, span.stop)]
        verbs = candidate_verbs([doc[i] for i in inside], names)
        primary = {v.sent.start for v in verbs if not _passing_on(v)}
        for verb in verbs:
            if _passing_on(verb) and verb.sent.start in primary:
                continue  # '"...," he said, according to AFP': the speaker is his, not AFP
            who = speaker_of(verb, names)
            if who is not None and who.kind in _SPEAKING_KINDS:
                events.append((verb.idx, who))
        events += [(f.span.start, f.speaker) for f in found if f.paragraph == para and f.speaker]
        if events:
            out[para] = sorted(events, key=lambda e: e[0])
    return out


def _passing_on(verb) -> bool:
    """"according to X", "X reported": who passed the words on, not who said them, when the
    sentence also has a verb of saying."""
    return verb.lower_ == "according" or verb.lemma_.lower() in REPORTING


def _sentence_speaker(doc, f: _Found, events: list[tuple[int, Mention]], names: Names) -> Mention | None:
    """A quotation standing as its own sentence after one that names a speaker, in the same
    paragraph: 'Ann Lee said the dam held. "We were lucky."' -> Ann Lee; not when another
    person is named as a subject in between."""
    earlier = [e for e in events if e[0] < f.span.open_mark]
    if not earlier:
        return None
    at, who = earlier[-1]
    between = [m for m in names.subjects if m.kind == "person" and not m.pronoun and m.name != who.name
               and at < doc[m.pos].idx < f.span.open_mark]
    return None if between else who


def _is_heading(doc, start: int, end: int) -> bool:
    """A short line with no verb (a subheading such as "New era") between quote paragraphs."""
    tokens = _tokens(doc, start, end)
    return len(tokens) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _fill_gaps(doc, paragraphs, names: Names, found: list[_Found]) -> None:
    """Unattributed quotations take the speaker news style implies.

    '"A," he said. "B."' -> B is his too (same paragraph); a paragraph that is only a
    quotation continues the previous paragraph's speaker (headings in between skipped).
    """
    by_para: dict[int, list[_Found]] = {}
    for f in found:
        by_para.setdefault(f.paragraph, []).append(f)
    events = _speaker_events(doc, paragraphs, names, found)
    para_speaker = {p: e[-1][1] for p, e in events.items()}
    order = [p for p, _, _ in paragraphs]
    bounds = {p: (s, e) for p, s, e in paragraphs}
    for para, items in by_para.items():
        for i, f in enumerate(items):
            if f.speaker is not None or f.framed or not f.opens:
                continue
            before = [g.speaker for g in items[:i] if g.speaker]
            after = [g.speaker for g in items[i + 1:] if g.speaker]
            f.speaker = before[-1] if before else (after[0] if after else None)
            if f.speaker is None and f.span.open_mark > bounds[para][0]:
                f.speaker = _sentence_speaker(doc, f, events.get(para, []), names)
        opens = items[0].span.open_mark == bounds[para][0]  # the paragraph starts with a quotation
        if not opens or any(f.speaker for f in items) or para in para_speaker \
                or _words_after(doc.text, items[-1].span, bounds[para][1]):
            continue  # '"...," Michael Turner, a' (cut): an attribution the scrape lost is no one else's
        k = order.index(para) - 1
        speaker = _label_paragraph(doc, *bounds[order[k]], names) if k >= 0 else None
        while speaker is None and k >= 0 and order[k] not in para_speaker and _is_heading(doc, *bounds[order[k]]):
            k -= 1
        if speaker is None:
            speaker = para_speaker.get(order[k]) if k >= 0 else None
        if speaker is None:
            speaker = _next_paragraph_speaker(doc, order, bounds, para, names, by_para)
        for f in items:
            f.speaker = None if f.framed else speaker


_LABEL_PARAGRAPH = re.compile(r"^(?:per|according to)\s+(?P<name>[^.!?:\"“”]{2,60}?)\s*:$", re.I)


def _label_paragraph(doc, start: int, end: int, names: Names) -> Mention | None:
    """The paragraph just before a quotation paragraph is its speaker's label: "Per Microsoft:",
    "According to the ministry:"."""
    text = doc.text[start:end]
    m = _LABEL_PARAGRAPH.match(text.strip())
    if m is None:
        return None
    offset = start + len(text) - len(text.lstrip())
    span = doc.char_span(offset + m.start("name"), offset + m.end("name"), alignment_mode="expand")
    return names.resolve(span.root) if span is not None else None


def _words_after(text: str, span: QuoteSpan, end: int) -> bool:
    """Words follow the paragraph's last quotation: it is not a quotation alone."""
    return span.close_mark is not None and re.search(r"\w", text[span.close_mark + 1:end]) is not None


def _next_paragraph_speaker(doc, order, bounds, para: int, names: Names, by_para) -> Mention | None:
    """A quotation paragraph introduced by the one after it, as transcripts and video copy do:
    '"This is not 2008."' / 'Ann Lee, an analyst at a bank, explains.' -> Ann Lee."""
    k = order.index(para) + 1
    if k >= len(order) or order[k] in by_para:
        return None
    tokens = _tokens(doc, *bounds[order[k]])
    return bare_attribution(tokens, names) if tokens else None


def _continue_added(doc, found: list[_Found], names: Names, paragraphs) -> None:
    """"he/she added" goes on with the previous quotation's speaker when nobody else was named
    in between and the pronoun's gender does not rule it out: translated copy writes
    '"A," the palace said. / "B," she added.' for the palace."""
    order = [p for p, _, _ in paragraphs]
    bounds = {p: (s, e) for p, s, e in paragraphs}
    prev: _Found | None = None
    ordered = sorted(found, key=lambda f: f.span.start)
    for k, f in enumerate(ordered):
        if prev is not None and f.added is not None and (f.speaker is None or f.speaker.pronoun):
            pos, pronoun = f.added
            if _adjacent_paragraphs(doc, order, bounds, prev.paragraph, f.paragraph) \
                    and not _someone_between(names, prev, doc[pos].idx, doc) \
                    and _may_refer(names, pronoun, prev.speaker):
                old, f.speaker = f.speaker, replace(prev.speaker, pos=pos, pronoun=pronoun)
                # '"A," she added. "B."': B took A's speaker in _fill_gaps, and goes on with it
                for g in ordered[k + 1:]:
                    if g.paragraph != f.paragraph or g.framed or g.speaker != old:
                        break
                    g.speaker = f.speaker
        if f.speaker is not None:
            prev = f


def _may_refer(names: Names, pronoun: str, speaker: Mention) -> bool:
    """"she" to a woman or a person of unknown gender, or to a body (translated copy);
    "it" to a body or group; "they" to anyone (singular they)."""
    if pronoun == "it":
        return speaker.kind != "person"
    return speaker.kind != "person" or names.agrees(speaker.name, pronoun)


def _adjacent_paragraphs(doc, order, bounds, first: int, second: int) -> bool:
    """The same paragraph, or the next one with only headings between."""
    a, b = order.index(first), order.index(second)
    return 0 <= b - a and all(_is_heading(doc, *bounds[order[k]]) for k in range(a + 1, b))


def _someone_between(names: Names, prev: _Found, end: int, doc) -> bool:
    """A person other than the previous speaker is named as a subject after its quotation."""
    return any(m.kind == "person" and not m.pronoun and m.name != prev.speaker.name
               and prev.span.end <= doc[m.pos].idx < end for m in names.subjects)


def _attribute_span(doc, span: QuoteSpan, bounds: tuple[int, int], names: Names, text: str) -> _Found | None:
    """One quotation's speaker from its own sentence, else a dash signature or a colon label."""
    tokens = _tokens(doc, span.start, span.end)
    if not tokens:
        return None
    frame = _frame(doc, span)
    speaker = attribute(tokens, frame, names)
    if speaker is None and span.close_mark is not None:
        tail = span.close_mark + 1
        speaker = dash_signature(text[tail:bounds[1]], tail, names)
    if speaker is None:
        speaker = colon_label(text[bounds[0]:span.open_mark], bounds[0], names)
    if speaker is None:
        speaker = speech_noun_speaker(tokens, names)
    opens = all(t.is_punct or t.is_space for t in doc[frame[0].i:tokens[0].i]) if frame else False
    verbs = candidate_verbs(frame, names)
    return _Found(span, -1, speaker, bool(verbs), opens, _added(verbs, names))


def _added(verbs, names: Names) -> tuple[int, str] | None:
    """The pronoun of an "added" or "continued" in the quotation's sentence ('"B," she added'),
    resolved or not: it may go on with the previous quotation's speaker."""
    for verb in verbs:
        if verb.lemma_.lower() in CONTINUING:
            for child in verb.children:
                if child.dep_ == "nsubj" and child.lower_ in _PRONOUNS and child.i not in names.quoted:
                    return child.i, child.lower_
    return None


def extract_quotes(parsed: ParsedArticle) -> list[QuoteMention]:
    """Every direct quotation of one article, verbatim, with its speaker as this article names it."""
    return quotes_and_genders(parsed)[0]


def quotes_and_genders(parsed: ParsedArticle) -> tuple[list[QuoteMention], dict[str, str]]:
    """The quotations, and each person's gender as the article tells it (surname key -> "m"/"f"),
    which the attribution reads and the claims' pronouns need too."""
    doc, sentences, text = parsed.doc, parsed.sentences, parsed.text
    if not sentences:
        return [], {}
    paragraphs = _paragraph_ranges(sentences)
    spans = _spans(text, paragraphs)
    names = Names.build(doc, parsed.ents, _quoted_tokens(doc, spans))
    bounds = {p: (s, e) for p, s, e in paragraphs}
    found = [replace(f, paragraph=para) for para, span in spans
             if (f := _attribute_span(doc, span, bounds[para], names, text)) is not None]
    _fill_gaps(doc, paragraphs, names, found)
    _continue_added(doc, found, names, paragraphs)
    out: list[QuoteMention] = []
    for f in found:
        quote = clean_quote_text(text[f.span.start:f.span.end])
        words = word_count(quote)
        if not words or (f.speaker is None and words < MIN_WORDS_UNATTRIBUTED):
            continue
        sentence = parsed.sentence_at(f.span.start)
        out.append(QuoteMention(quote, f.speaker.name if f.speaker else None, sentence,
                                f.span.start, f.span.start + len(quote)))
    return out, dict(names.gender)
