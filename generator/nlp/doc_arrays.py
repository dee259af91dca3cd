"""Finding a few words in a spaCy parse by its attribute arrays, not by walking its tokens.

Scanning every Token object of an article for a handful of words ("(", "province", "after")
costs more than all the work on the words found: spaCy makes a Python object per token and
looks each attribute's string up anew. Here the parse's attribute column is read once as ints.
The same goes for the parse's entities, which spaCy builds anew at each reading: `entity_spans`.
"""

from __future__ import annotations

from functools import cache


@cache
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """spaCy's string ids of `words`, to compare with a token attribute column: the hash, or
    the small fixed id of a string spaCy knows as a symbol ("appos", "agent", "number")."""
    from spacy.strings import get_string_id  # spaCy is loaded whenever a parse exists

    return frozenset(get_string_id(w) for w in words)


def positions(doc, attr: str, words: frozenset[str], first: int = 0, stop: int | None = None) -> list[int]:
    """Indices in [first, stop), in order, of the tokens whose `attr` ("LOWER", "ORTH") is one of `words`."""
    wanted = string_ids(words)
    column = doc.to_array(attr).tolist()
    if wanted.isdisjoint(column):
        return []  # the usual case: none of the words in the article
    stop = len(column) if stop is None else stop
    return [i for i in range(max(first, 0), stop) if column[i] in wanted]


_LAST_ENTS: list = [None, ()]  # (parse, its entities): the parse being analysed


def entity_spans(doc) -> tuple:
    """`doc.ents`, built once per parse: each reading of `Doc.ents` builds every Span anew, and
    five extractors read them. Only the latest parse is remembered (the one being analysed);
    a parse's entities are never changed once the pipeline has run."""
    if _LAST_ENTS[0] is not doc:
        _LAST_ENTS[0], _LAST_ENTS[1] = doc, doc.ents
    return _LAST_ENTS[1]
