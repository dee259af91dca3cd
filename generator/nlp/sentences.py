"""Sentence starts around abbreviations and times: decided before the parser splits sentences.

spaCy's parser ends a sentence at most full stops, and a full stop that ends an abbreviation
looks like one: "landfall at 11 a.m. Eastern, according to the hurricane center" came out as
two sentences, the second an orphan. `abbreviation_starts` (a pipeline component run between
the tagger and the parser, which respects what it sets) marks the token after an abbreviation
as no sentence start when news style says the sentence goes on:
  - after a title written before a name ("Mr.", "Dr.", "Gov.", "Sgt.") or an initial ("J. K.
    Rowling") when a capitalised word follows;
  - "No." and a month ("Jan.") before a number ("No. 10", "Jan. 5");
  - a time ("a.m.", "p.m.") before a time zone, a weekday, a month or a lower-case word;
  - any abbreviation ("U.S.", "Inc.", "approx.") before a lower-case word or a number;
  - a short part of a name glued by its full stop to the next ("Rafiq Ab.Hamed").
A time before a capitalised word of a closed class ("p.m. The", "a.m. It") does end its
sentence, which the parser sometimes misses. A closing quotation mark after a full stop stays
with its sentence ('... for the poor."'), where the parser often made it a sentence of its own.
Everything else is left to the parser.
"""

from __future__ import annotations

import re

# Written before a name: never the last word of a sentence when a capitalised word follows.
NAME_TITLES = frozenset({
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "sgt", "col",
    "capt", "cmdr", "adm", "maj", "cpl", "pvt", "rev", "hon", "supt", "insp", "det", "atty",
    "pres", "fr", "brig", "cdr", "amb", "gens", "reps", "sens",
})
# A title after a lower-case word ("at St. Paul's"), a street or place after a name ("Downing St.").
SAINT_OR_STREET = frozenset({"st", "mt", "ft"})
# Written before a number ("No. 10", "Jan. 5", "Art. 5", "Vol. 2").
BEFORE_NUMBERS = frozenset({
    "no", "nos", "art", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
# Abbreviations that may also end a sentence ("in the U.S.", "Acme Inc."): only a lower-case
# word or a number after them says the sentence goes on.
MAY_END = frozenset({
    "u.s", "u.k", "u.n", "e.u", "d.c", "n.y", "l.a", "u.a.e", "inc", "corp", "co", "ltd", "llc",
    "jr", "sr", "bros", "etc", "vs", "approx", "est", "ave", "blvd", "rd", "dept", "univ",
    "assn", "govt", "intl", "a.k.a", "i.e", "e.g", "ph.d", "p.o",
})
TIMES = frozenset({"a.m", "p.m"})
# What follows a clock time in the same sentence: "11 a.m. Eastern", "5 p.m. GMT Tuesday".
TIME_FOLLOWERS = frozenset({
    "eastern", "central", "mountain", "pacific", "atlantic", "alaska", "hawaii", "local",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "today", "tomorrow", "yesterday", "tonight",
})
# Tags of closed-class words that open a new sentence when capitalised after a time ("p.m. The").
OPENER_TAGS = frozenset({"DT", "PRP", "PRP$", "CC", "IN", "WDT", "WP", "WRB", "EX", "MD"})
_ZONE = re.compile(r"^[A-Z]{2,5}(?:[/+-]\w+)?$")  # "ET", "GMT", "EDT", "UTC", "EDT/0318", "GMT+1"
_INITIAL = re.compile(r"^[A-Z]\.$")
_OPENERS = frozenset("\"'\u201c\u2018(\u00ab[")
# Verbs of saying as written after a quotation and a name: '"We won!" Ann Lee said.'
SAY_FORMS = frozenset({
    "said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes", "shouted",
    "exclaimed", "cried", "replied", "explained", "insisted", "recalled", "tweeted", "posted",
})
_CLOSERS = frozenset({'"', "\u201d", "\u2019", "'", ")", "]", "\u00bb", "''"})
_KNOWN = NAME_TITLES | SAINT_OR_STREET | BEFORE_NUMBERS | MAY_END | TIMES


def _abbreviation(doc, i: int) -> str | None:
    """The abbreviation (lower case, no final full stop) that token i-1 ends, or None.

    spaCy keeps "Mr.", "a.m.", "U.S." as one token but splits others ("Sgt" + "."): both count.
    """
    prev = doc[i - 1]
    if prev.text.endswith(".") and len(prev.text) > 1 and prev.text != "...":
        return prev.text[:-1].lower()
    if prev.text == "." and i >= 2 and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha:
        return doc[i - 2].text.lower()
    return None


def continues(abbr: str, text: str, tag: str, titled: bool = False) -> bool | None:
    """Whether the token after an abbreviation starts a sentence: False (it goes on), True (a
    new sentence), or None (the parser decides). `text` and `tag`: the next token's; `titled`:
    the abbreviation stands as a title before a name (an initial, "St." after a lower-case word)."""
    first = text[:1]
    if not first or first in _OPENERS:
        return None
    if not first.isalnum():
        return False  # "a.m., local time", "Inc.)"
    if first.islower() or (first.isdigit() and (abbr in BEFORE_NUMBERS or abbr in MAY_END)):
        return False
    if not first.isupper():
        return None
    if abbr in NAME_TITLES or titled:
        return False
    if abbr in TIMES:
        if text.lower() in TIME_FOLLOWERS or _ZONE.match(text):
            return False
        if tag in OPENER_TAGS:
            return True
    return None


def _closes_quotation(doc, i: int) -> bool:
    """Token i is a quotation mark or bracket that closes what the sentence-final punctuation
    right before it ends: 'the poor."', 'at last!”', '(as planned.)', 'you too!’"'."""
    k = i
    while k > 0 and doc[k].text in _CLOSERS and not doc[k - 1].whitespace_:
        k -= 1
        if doc[k].text[-1:] in ".!?\u2026":
            return k < i
    return False


def _attribution_follows(doc, i: int) -> bool:
    """After a quotation closed by "!" or "?", the words from token i attribute it: a lower-case
    word ('"Why?" she asked'), or a name and a verb of saying ('"We won!" Ann Lee said')."""
    if doc[i - 2].text[-1:] not in "!?" and not (i >= 3 and doc[i - 3].text[-1:] in "!?"):
        return False
    if doc[i].is_lower:
        return True
    k = i
    while k < len(doc) and k - i < 5 and doc[k].tag_ in ("NNP", "NNPS"):
        k += 1
    return i < k < len(doc) and doc[k].lower_ in SAY_FORMS


def _short_name_part(doc, i: int) -> bool:
    """Token i follows a full stop with no space, after a short capitalised word, inside a run
    of names ("Ab.Hamed", "Md.Rahman"): no sentence ends there."""
    if doc[i - 1].text != "." or doc[i - 1].whitespace_ or i < 2:
        return False
    part = doc[i - 2]
    return part.is_title and part.is_alpha and len(part.text) <= 3 and not part.whitespace_ \
        and doc[i].is_title and doc[i].is_alpha and doc[i].tag_ not in OPENER_TAGS


def _before_is_lower(doc, i: int) -> bool:
    """The word before the abbreviation ending at token i-1 is lower case (or there is none)."""
    k = i - 1 if doc[i - 1].text != "." else i - 2
    return k == 0 or not doc[k - 1].text[:1].isupper()


def _after_dots_and_closers(doc) -> list[int]:
    """The tokens this component may decide on: each one after a token ending in a full stop,
    "!", "?" or being a closing mark, and the one after that. Read from the parse's ORTH column
    (ints), since building a Token for every word costs more than the decisions."""
    strings = doc.vocab.strings
    orth = doc.to_array("ORTH").tolist()
    wanted: dict[int, bool] = {}
    out: set[int] = set()
    for i, o in enumerate(orth[:-1]):
        if o not in wanted:
            text = strings[o]
            wanted[o] = text[-1:] in ".!?\u2026" or text in _CLOSERS
        if wanted[o]:
            out.update((i + 1, i + 2))
    return sorted(k for k in out if k < len(orth))


def abbreviation_starts(doc):
    """Mark the token after an abbreviation as a sentence start or not (see the module docstring),
    and keep a closing quotation mark with the sentence it closes; a blank line (already marked
    by `paragraph_breaks`) always wins."""
    for i in _after_dots_and_closers(doc):
        tok = doc[i]
        if tok.is_space or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space:
            continue
        if _closes_quotation(doc, i):
            tok.is_sent_start = False  # 'the poor."': the mark is the sentence's last character
            continue
        if i >= 2 and _closes_quotation(doc, i - 1) and doc[i - 1].whitespace_ and _attribution_follows(doc, i):
            tok.is_sent_start = False  # '"We won!" Ann Lee said.', '"Why?" she asked.'
            continue
        abbr = _abbreviation(doc, i)
        if abbr is None:
            continue
        if _short_name_part(doc, i):
            tok.is_sent_start = False  # "Rafiq Ab.Hamed": a name's abbreviated part, glued to the next
            continue
        # "J. K. Rowling": an initial before a name; "at St. Paul's" but "Downing St. The"
        titled = (bool(_INITIAL.match(doc[i - 1].text)) and tok.tag_ in ("NNP", "NNPS")
                  or abbr in SAINT_OR_STREET and _before_is_lower(doc, i))
        if abbr not in _KNOWN and not titled:
            continue
        decision = continues(abbr, tok.text, tok.tag_, titled)
        if decision is not None:
            tok.is_sent_start = decision
    return doc
