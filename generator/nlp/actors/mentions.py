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
    name_words = {t.lower_ for c in cands if c.end - c.start > 1 for t in doc[c.start:c.end]}
    for cand in cands:
        if in_headline_words(doc, cand.start, cand.end) or _common_noun_opening(doc, cand, name_words):
            continue
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


# Words a headline capitalises that prose writes in lower case: verbs and the small words between
# names ("Storm Makes Landfall In Eastshire", "Probe Phones Home, Signaling Flyby").
_HEADLINE_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ"})
MIN_HEADLINE_WORDS = 5


def _common_noun_opening(doc, cand, name_words: set[str]) -> bool:
    """ "Videos circulating online appear to show ...": one capitalised word opening its sentence
    that the parser reads as a plural common noun is that noun, whatever the entity tag (not a
    surname the article writes in a full name too: "Jobs founded the firm" after "Steve Jobs")."""
    tok = doc[cand.start]
    return cand.end - cand.start == 1 and cand.label != "PERSON" and tok.is_sent_start and tok.pos_ == "NOUN" \
        and tok.tag_ == "NNS" and tok.lower_ not in name_words


def in_headline_words(doc, start: int, end: int) -> bool:
    """True when the name stands in a run of capitalised words that is a headline left in the text.

    The small model reads a headline's capitals as one long name ("Probe Phones Home"), or tags a
    noun of it as a person ("Landfall"): a run of at least five capitalised words (a comma may join
    two parts) with a capitalised verb or small word outside any name is a headline, and names in
    it are left to the prose, which names them again.
    """
    def word(tok) -> bool:
        return tok.is_title or tok.text in {"'s", "’s"} or (tok.is_upper and tok.is_alpha)

    def joins(i: int) -> bool:  # a comma between two capitalised parts of one headline
        return doc[i].text == "," and 0 < i < len(doc) - 1 and word(doc[i - 1]) and doc[i + 1].is_title
    lo = start
    while lo > 0 and (word(doc[lo - 1]) or joins(lo - 1)) and "\n" not in doc[lo - 1].text:
        lo -= 1
    hi = end
    while hi < len(doc) and (word(doc[hi]) or joins(hi)) and "\n" not in doc[hi].text:
        hi += 1
    run = [t for t in doc[lo:hi] if t.is_alpha]
    if len(run) < MIN_HEADLINE_WORDS:
        return False
    # (small words inside the name itself are the name's: "Office for the Coordination of ...")
    return any(t.pos_ in _HEADLINE_POS and not t.ent_type_ and not t.is_sent_start and t.i != lo
               and not start <= t.i < end for t in run)


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
