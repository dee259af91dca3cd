"""Word sequences no careful writer produces: the grammar of spun or machine-mangled text.

A spinner swaps words for "synonyms" one at a time, and a machine translator strings words in
the source language's order; the spelling survives (generator.nlp.spelling sees nothing) but the
grammar breaks in ways the parse shows: two past-tense verbs in a row with nothing joining them
("this stamped ended their conflict"), or a verb of saying that ends its sentence with nothing
said ("..., saying."). One such slip is a typo; several in one body tell garbled text
(generator.sections.claims.garbled). Words in quotation marks (speech, transcripts) are never
counted.
"""

from __future__ import annotations

from generator.nlp.parsed import ParsedArticle
from generator.text.standalone import DOUBLE_QUOTES, inside_after

# Past forms that may stand before another past form: auxiliaries ("had finished"), "said"
# ("he said ended" is a parse of "he said [it] ended"), "got" ("got married").
_LEADING_OK = frozenset("had was were did said got became seemed".split())
# A past form that often follows another: a copula after a free relative ("what happened was")
_TRAILING_OK = frozenset("was were had did said".split())
_SAYING = frozenset("saying adding noting stating telling explaining".split())


def grammar_slips(parsed: ParsedArticle) -> tuple[str, ...]:
    """The article's broken word sequences, outside quotation marks, in reading order."""
    out: list[str] = []
    quoted = False
    doc = parsed.doc
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        for i, tok in enumerate(toks):
            if tok.text in DOUBLE_QUOTES:
                quoted = inside_after(quoted, tok.text)
                continue
            if quoted or i + 1 >= len(toks):
                continue
            nxt = toks[i + 1]
            if (tok.tag_ == "VBD" and nxt.tag_ == "VBD" and tok.is_lower and nxt.is_lower
                    and tok.lower_ not in _LEADING_OK and nxt.lower_ not in _TRAILING_OK
                    and tok.dep_ not in ("aux", "auxpass") and tok.whitespace_):
                out.append(f"{tok.text} {nxt.text}")
        if (not quoted and len(toks) >= 4 and toks[-1].text == "." and toks[-2].lower_ in _SAYING
                and toks[-3].text == ","):
            out.append(f", {toks[-2].text}.")
    return tuple(out)
