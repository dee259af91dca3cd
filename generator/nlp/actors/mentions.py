"""Actor mentions in one parsed article: each name span (spans.py) with the phrases that
describe it (roles.py) and what it does as the subject of its clause."""

from __future__ import annotations

from collections import Counter
from generator.models import ActorMention
from generator.nlp.actors.functions import continues_a_cut_line, mention_functions
from generator.nlp.actors.roles import action_phrase, role_phrases, subject_descriptions
from generator.nlp.actors.spans import candidates
from generator.nlp.parsed import ParsedArticle


def extract_mentions(parsed: ParsedArticle) -> list[ActorMention]:
    """Mentions of people, organisations, countries and groups, with attached role phrases."""
    from spacy.tokens import Span

    doc = parsed.doc
    if not parsed.sentences:
        return []
    out = []
    quoted = _quoted_tokens(doc)
    cands = candidates(doc, parsed.ents)
    people = Counter(doc[c.start].sent.start for c in cands if c.label == "PERSON")
    nested = _nested(cands)
    for cand in cands:
        span = Span(doc, cand.start, cand.end, label=cand.label)
        surface = doc[cand.start - cand.prefix: cand.end]
        # a quoted speaker's words about a name are an opinion, not the outlet's description
        said = cand.start in quoted
        sentence = parsed.sentence_at(surface.start_char)
        broken = continues_a_cut_line(parsed.text, parsed.sentences[sentence].start)
        if cand in nested:  # "Norway" in "Norway's Foreign Ministry": the ministry does what it does
            out.append(ActorMention(surface.text, cand.label, sentence, surface.start_char, surface.end_char))
            continue
        roles = role_phrases(span, said) if cand.label != "NORP" else ()
        actions = [action_phrase(span) if not (said or broken) else None]
        if cand.label == "PERSON" and people[span.sent.start] == 1 and not said:
            more_roles, action = _next_sentence_descriptions(span, people)
            roles, actions = roles + tuple(r for r in more_roles if r not in roles), actions + [action]
        out.append(ActorMention(
            surface.text, cand.label, sentence, surface.start_char, surface.end_char, roles,
            tuple(a for a in actions if a),
            mention_functions(span, said, parsed.text, broken),
        ))
    return out


def _nested(cands) -> set:
    """Candidates inside a longer one (a place in a qualified name: spans.candidates keeps both)."""
    out, outer = set(), None
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if outer is not None and c.end <= outer.end and (c.start, c.end) != (outer.start, outer.end):
            out.add(c)
        elif outer is None or c.end > outer.end:
            outer = c
    return out


PERSONAL_PRONOUNS = frozenset({"he", "she"})
OPEN_QUOTES, CLOSE_QUOTES = frozenset({"“", "‘"}), frozenset({"”", "’"})


def _quoted_tokens(doc) -> set[int]:
    """Indices of tokens inside quotation marks ("..." or “...”), a paragraph at a time."""
    inside, out = False, set()
    strings = doc.vocab.strings  # each token's text from the parse's array: no Token objects made
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):
        text = strings[orth]
        if "\n" in text or text in CLOSE_QUOTES and inside:
            inside = False
        elif text == '"':
            inside = not inside
        elif text in OPEN_QUOTES:
            inside = True
        elif inside:
            out.add(i)
    return out


def _next_sentence_descriptions(span, people: Counter) -> tuple[tuple[str, ...], str | None]:
    """ "Jane Doe wept. She had lost her home in the flood.": a next sentence opening on he or
    she, after a sentence naming one person and naming none itself, tells of that person."""
    doc, end = span.doc, span.sent.end
    if end >= len(doc) or people[doc[end].sent.start]:
        return (), None
    pronoun = next((t for t in doc[end].sent if not (t.is_punct or t.is_space)), None)
    if pronoun is None or pronoun.lower_ not in PERSONAL_PRONOUNS or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return (), None
    return subject_descriptions(doc[pronoun.i: pronoun.i + 1])
