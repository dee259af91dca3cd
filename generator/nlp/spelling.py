"""Words that are no English word: typos and words run together, for recognising garbled text.

A source whose body is machine-mangled or badly typed ("Workers wree doing maninatnce work",
"the wave andkilled nearbyresidents") cannot be trusted to read well. The model's own
dictionary (the lemmatizer's word lists, with its inflection rules and exceptions) tells a word
from a non-word; a non-word counts only when it is plainly a slip: two known words run together,
or a known word with one letter added, dropped, changed or two swapped. Words in quotation marks
(speech, often in another language), names, short words, and a word cut where a scraped excerpt
ends are never counted.
"""

from __future__ import annotations

import string
from functools import lru_cache

from generator.nlp.parsed import ParsedArticle
from generator.text.standalone import DOUBLE_QUOTES, inside_after

MIN_LETTERS = 4
_LETTERS = string.ascii_lowercase
# Short function words that typists and scrapers run into the next word ("andkilled", "thelate").
_RUN_IN = frozenset("a an the and or as at in on of to is was were are he she it we they be by for with that "
                    "this his her has had have not but".split())


@lru_cache(maxsize=1)
def dictionary() -> tuple[frozenset[str], tuple[tuple[str, str], ...], frozenset[str]]:
    """(known lemmas and irregular forms, inflection rules (suffix, replacement), stop words)."""
    from generator.nlp.model import load_model

    nlp = load_model()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):  # a model without word lists: no slip is recognised
        return frozenset(), (), frozenset(nlp.Defaults.stop_words)
    known: set[str] = set()
    for words in lookups.get_table("lemma_index").values():
        known.update(w for w in words if w.isalpha())
    for forms in lookups.get_table("lemma_exc").values():
        known.update(w for w in forms if w.isalpha())
    rules = tuple(sorted({(old, new) for rs in lookups.get_table("lemma_rules").values() for old, new in rs}))
    return frozenset(known), rules, frozenset(nlp.Defaults.stop_words)


def is_word(word: str) -> bool:
    known, rules, stop = dictionary()
    if word in known or word in stop:
        return True
    return any(word.endswith(old) and word[: len(word) - len(old)] + new in known for old, new in rules if old)


@lru_cache(maxsize=1 << 14)
def slip(word: str) -> bool:
    """A non-word that is plainly a slip: a short function word run into the next word
    ("andkilled", "thelate"), two letters swapped ("wree"), a letter dropped ("goverment") or
    doubled ("occurrred"). Compounds ("livestream") and variants ("protestors") are not slips."""
    if len(word) < MIN_LETTERS or not dictionary()[0] or is_word(word):
        return False
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if (a in _RUN_IN and len(b) >= 4 or b in _RUN_IN and len(a) >= 4) and is_word(a) and is_word(b):
            return True
    # typists keep the first letter: "amid" is not a slip for "maid"
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    # a dropped letter only in a long word: a short one is one letter from many words ("amid", "amide")
    dropped = {word[:i] + c + word[i:] for i in range(1, len(word)) for c in _LETTERS} if len(word) >= 7 else set()
    doubled = {word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1]}
    return any(is_word(e) for e in (swapped | dropped | doubled) - {word})


def names(doc) -> frozenset[str]:
    """Capitalised words the article uses on their own (names, as far as spelling tells)."""
    return frozenset(t.text for t in doc if t.is_title and t.is_alpha and len(t.text) >= 3)


def _name_run_in(word: str, known_names: frozenset[str]) -> bool:
    """A name run into the next word: "Stoltenbergdelivered", "Niinistothe" (the name is used
    alone elsewhere in the article, the rest is a word)."""
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        # the rest a function word or a past verb: a name and a word ("Germanwings" is a name of its own)
        if head in known_names and tail.islower() and is_word(tail) and (tail in _RUN_IN or tail.endswith("ed")):
            return True
    return False


def misspellings(parsed: ParsedArticle) -> tuple[str, ...]:
    """The article's slips, outside quotation marks, in reading order."""
    out: list[str] = []
    quoted = False
    doc = parsed.doc
    for i, tok in enumerate(doc):
        if tok.text in DOUBLE_QUOTES:
            quoted = inside_after(quoted, tok.text)
            continue
        if quoted or not tok.is_alpha or len(tok.text) < MIN_LETTERS:
            continue
        if tok.is_title:
            if _name_run_in(tok.text, names(doc)):
                out.append(tok.text)
            continue
        if not tok.is_lower:
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or nxt.text in ("…", "...") or "\n" in tok.whitespace_ + (nxt.text if nxt.is_space else ""):
            continue  # cut where the excerpt ends
        if tok.ent_type_ or not tok.whitespace_ and nxt.is_alpha:
            continue
        if slip(tok.text):
            out.append(tok.text)
    return tuple(out)
