"""Lines that stand alone: a sentence leaning on the one before it, resolved from its own source.

A statement is shown alone, so "He said ...", "The move follows ...", "However, ..." or
'"...," he said.' leave a reader asking who or what. Editors resolve such a line in one of
three ways, tried in order, each from the same source's text only:
  - a leading connective ("However,", "But", "Meanwhile,") is trimmed: the fact after it stands;
  - a personal pronoun for a person ("He", "His", "According to her", "..., she said") becomes
    the person's name in square brackets ("[Velt] noted that ..."), when the sentences just
    before it name exactly one person: the referent is then not in doubt;
  - otherwise the previous sentence of the same paragraph is taken with it, when that one
    stands alone and the two are not too long together; so too for a phrase pointing back
    ("that lie", "those staff", "no such relief": nlp/parsed.pointers_of) when the sentence
    before names what it points to.
When none applies the line cannot be shown, and the reason says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from generator.models import AnalysedArticle, Sentence
from generator.text.actor_kinds import BODY_STAND_INS, ONE_OF_MANY, PERSON_STAND_INS, PICTURE_STAND_INS, is_demonym
from generator.text.standalone import CONNECTIVE, PERSON_PRONOUN, SPEAKER_TAIL, dangling, form_problem, without_dateline

MAX_WORDS = 60  # two sentences taken together: beyond this a line is a paragraph, not a point
LOOK_BACK = 3  # sentences searched for the person a pronoun names
_POSSESSIVE = re.compile(r"^(his|her)\b", re.I)
_ACCORDING = re.compile(r"^according to (him|her)\b", re.I)
_SUBJECT = re.compile(r"^(he|she)\b", re.I)


@dataclass(frozen=True)
class Resolved:
    """A line as shown, and the sentences of its source it is made of (one, or the one before too)."""

    text: str | None  # None: it cannot stand alone
    reason: str | None  # why not, when text is None
    sentences: tuple[int, ...] = ()
    # a phrase standing for a body or person the line does not name ("the company"): the line may
    # be shown only trimmed of it ("... on board the plane, which carried the team to X" -> "... plane.")
    stand_in: str | None = None


def standalone(item: AnalysedArticle, index: int, text: str, join: bool = True,
               told: Callable[[str], bool] | None = None) -> Resolved:
    """The line `text` (sentence `index` of `item`) made to stand alone, or why it cannot.
    `join`: the sentence before may be taken along (not for a plan or a question, which must
    say what it says on its own). `told`: does the story tell of this noun (its other sources
    use the word)? "The strategy paid off" leans on the sentence before it where no other
    source speaks of a strategy; "The match began ..." stands in a story of one match."""
    text = without_dateline(text)  # "NEW YORK (AP) — US regulators ...": the place line goes, the sentence stays
    resolved = _standalone(item, index, text, join)
    if resolved.text is None or resolved.sentences != (index,):
        return resolved
    pointing = _pointer(item, index, resolved.text)
    if pointing is None:
        # "The strategy paid off" (a subject no other source speaks of), "Police were responding
        # to the collapse" (the sentence before tells of a collapse): the sentence that told of it
        # goes with it where it can; a phrase less plain than a pronoun may stand where it cannot
        leaning = _untold_subject(item, index, resolved.text, told) or _told_just_before(item, index, told)
        if leaning is None:
            stand_in = _stand_in(item, index, resolved.text, told)
            if stand_in is not None:  # "the company" of a line that names none: which company?
                # the sentence before says which: it names one, or tells of the thing ("a packed club")
                phrase, kind, noun = stand_in
                return _with_previous(item, index, text, join,
                                      lambda prev: _names_kind(item, prev.index, kind) or noun in prev.lemmas) \
                    or replace(resolved, stand_in=phrase)
        if leaning is None:
            return resolved
        joined = _with_previous(item, index, text, join, lambda prev: _pointer(item, prev.index, prev.text) is None)
        if joined is not None:
            return joined
        # alone after all: a line opening on "The financial firm said ..." still does not say which
        stand_in = _stand_in(item, index, resolved.text, told)
        opens = stand_in is not None and resolved.text.startswith(stand_in[0])
        return replace(resolved, stand_in=stand_in[0]) if opens else resolved
    if not pointing[1] and "[" in resolved.text:
        return resolved  # "[Velt] was known for his work": the bracket names whom the pronouns mean
    # "Prof Velt retired from that position in 2009": the sentence before names the position;
    # "Grimacing in pain, he hobbled off": the sentence before says who (a pronoun names no noun)
    return _with_previous(item, index, text, join, lambda prev: (not pointing[1] or pointing[1] in prev.lemmas)
                          and _pointer(item, prev.index, prev.text) is None) \
        or Resolved(None, f"does not stand alone (points to '{pointing[0]}')", (index,))


def _standalone(item: AnalysedArticle, index: int, text: str, join: bool) -> Resolved:
    problem = form_problem(text)
    if problem is None:
        return Resolved(text, None, (index,))
    if problem == "unbalanced quotation marks":
        return _close_quotation(item, index, text, problem)
    if dangling(text) is None:  # cut off: nothing in the source mends that
        return Resolved(None, problem, (index,))
    line = _trim_connective(text)
    if line != text and form_problem(line) is None:
        return Resolved(line, None, (index,))
    # "Her passing ...": a possessive often points past the nearest name to the story's subject,
    # so it is not resolved (the line is held, or taken with the sentence before)
    opener, tail = PERSON_PRONOUN.match(line), SPEAKER_TAIL.search(line)
    if (opener and not _POSSESSIVE.match(line)) or tail:
        pronoun = (opener.group(1) if opener else next(g for g in tail.groups() if g)).split()[-1]
        name = referent(item, index, pronoun, speaking=opener is None)
        if name:
            named = bracket(line, name)
            if form_problem(named) is None:
                return Resolved(named, None, (index,))
    return _with_previous(item, index, text, join) or Resolved(None, problem, (index,))


def _with_previous(item: AnalysedArticle, index: int, text: str, join: bool,
                   fits: Callable[[Sentence], bool] = lambda prev: True) -> Resolved | None:
    """The line taken with the sentence before it in its paragraph, when `join` allows, that
    sentence stands alone and `fits`, and the two together stand alone and are not too long."""
    prev = _previous(item, index) if join else None
    # (the sentence before must stand alone itself: "It is hoped that this will help. In its
    # statement the bank ..." mends one pointer with another)
    if prev is None or form_problem(prev.text) is not None or _pointer(item, prev.index, prev.text) is not None \
            or not fits(prev):
        return None
    joined = item.article.text[prev.start:item.analysis.sentences[index].start] + text
    if len(joined.split()) <= MAX_WORDS and form_problem(joined) is None:
        return Resolved(joined, None, (prev.index, index))
    return None


def _close_quotation(item: AnalysedArticle, index: int, text: str, problem: str) -> Resolved:
    """A quotation the sentence splitter cut ('Peskov said: "This is a new escalation.' and
    the rest in the next sentence): the following sentences of the paragraph taken with it,
    up to the one that closes the quotation."""
    sents = item.analysis.sentences
    start = sents[index].start
    for k in range(index + 1, min(len(sents), index + 3)):
        if sents[k].paragraph != sents[index].paragraph:
            break
        joined = item.article.text[start:sents[k].end]
        if len(joined.split()) > MAX_WORDS:
            break
        if form_problem(joined) is None:
            return Resolved(joined, None, tuple(range(index, k + 1)))
    return Resolved(None, problem, (index,))


def _trim_connective(text: str) -> str:
    m = CONNECTIVE.match(text)
    if not m or not text[m.end():]:
        return text
    rest = text[m.end():]
    return rest[0].upper() + rest[1:]


def _pointer(item: AnalysedArticle, index: int, text: str) -> tuple[str, str] | None:
    """The first phrase of the line pointing to a noun named before it ("that lie"), if any."""
    sents = item.analysis.sentences
    if not 0 <= index < len(sents):
        return None
    return next((p for p in sents[index].pointers if re.search(rf"(?<!\w){re.escape(p[0])}(?!\w)", text)), None)


def _untold_subject(item: AnalysedArticle, index: int, text: str,
                    told: Callable[[str], bool] | None) -> tuple[str, str] | None:
    """ ("The strategy", "strategy") when the line opens with a bare definite subject the story
    does not otherwise tell of (nlp/parsed.definite_subject), else None."""
    sents = item.analysis.sentences
    if told is None or not 0 <= index < len(sents):
        return None
    noun = sents[index].subject
    if not noun or told(noun):
        return None
    m = re.match(rf"The (?:[\w'’-]+ ){{0,3}}?{re.escape(noun)}\w*", text)
    return (m.group(0), noun) if m else None


_BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "FAC"})


def _stand_in(item: AnalysedArticle, index: int, text: str,
              told: Callable[[str], bool] | None = None) -> tuple[str, str, str] | None:
    """ ("the firm", "ORG", "firm") when the line speaks of a body or person by such a noun (bare: "the
    firm's accounts", not "the firm that audits it") and names none of that kind before it; a
    picture ("the video") only where the story's other sources do not tell of it (`told`): "the
    image" of a story about one image is its subject."""
    sents = item.analysis.sentences
    if not 0 <= index < len(sents):
        return None
    for noun in sents[index].definites:
        kind = "ORG" if noun in BODY_STAND_INS else "PERSON" if noun in PERSON_STAND_INS else \
            "PICTURE" if noun in PICTURE_STAND_INS else None
        if kind is None or kind == "PICTURE" and told is not None and told(noun):
            continue
        # the bare noun, or after a nationality ("the German firm", "the Examplian-born executive");
        # a person's after any description ("the dissident playwright"); "the capsule recovery
        # team" and "the Harbour team" say which
        forms = "|".join(re.escape(f) for f in (_plural_forms(noun) if noun not in ONE_OF_MANY else (noun,)))
        # (or after an adjective that says what kind, not which: "the financial firm", "the embattled
        # carmaker"; not "the holding company", "the state broadcaster KVT": a kind, or named after it)
        m = next((m for m in re.finditer(rf"\b[Tt]he (?:([\w-]+) )?(?:{forms})\b(?! [A-Z])", text)
                  if not m.group(1) or is_demonym(m.group(1).removesuffix("-born"))
                  or m.group(1).islower() and (kind == "PERSON" or _DESCRIBING_ADJECTIVE.search(m.group(1)))), None)
        if m and not _names_kind(item, index, kind, before=sents[index].start + sents[index].text.find(m.group(0))):
            return m.group(0), kind, noun
    return None


# Endings of adjectives that describe a body ("financial", "beleaguered", "ambitious", "Examplian").
_DESCRIBING_ADJECTIVE = re.compile(r"(?:al|ic|ed|ous|ful|ive|ian|ese|ish)$")


def _plural_forms(noun: str) -> tuple[str, ...]:
    """ "company" -> company, companies; "firm" -> firm, firms (the lemma the parse gives, as written)."""
    plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return noun, plural


def _names_kind(item: AnalysedArticle, index: int, kind: str, before: int | None = None) -> bool:
    """Does sentence `index` name a body (any name but a person's) or a person (`kind`), before
    the character offset `before` when given?"""
    labels = _BODY_LABELS if kind == "ORG" else frozenset({"PERSON"}) if kind == "PERSON" else frozenset()
    return any(e.sentence == index and e.label in labels and (before is None or e.start < before)
               for e in item.analysis.entities)


def _told_just_before(item: AnalysedArticle, index: int,
                      told: Callable[[str], bool] | None = None) -> tuple[str, str] | None:
    """ ("the collapse", "collapse") when a bare definite phrase of the sentence names what the
    sentence before it (same paragraph) tells of: the line leans on that sentence. Not a thing
    the story's other sources tell of too ("the attack" of a story of one attack): the reader
    knows it from the page."""
    sents = item.analysis.sentences
    prev = _previous(item, index)
    if prev is None:
        return None
    noun = next((n for n in sents[index].definites if n in prev.lemmas and not (told and told(n))), None)
    return (f"the {noun}", noun) if noun else None


def _previous(item: AnalysedArticle, index: int) -> Sentence | None:
    """The sentence before, in the same paragraph."""
    sents = item.analysis.sentences
    if index <= 0 or index >= len(sents):
        return None
    prev = sents[index - 1]
    return prev if prev.paragraph == sents[index].paragraph else None


def referent(item: AnalysedArticle, index: int, pronoun: str | None = None, speaking: bool = False) -> str | None:
    """The one person the sentences just before `index` name (their surname), else None.

    The nearest sentence (within LOOK_BACK, this paragraph or the one before) that names
    anyone decides: one person there is the referent; two or more leave it in doubt. A "she"
    is never a man the article calls "he" (nor the reverse): then no one is named. `speaking`:
    the pronoun is a speaker ("..., he said"): only a person told speaking before is who spoke
    ("Velt locked the door. ... Most passengers were unaware, he said": not Velt)."""
    name = _referent(item, index, speaking)
    wanted = _PRONOUN_GENDER.get((pronoun or "").lower())
    told = dict(item.analysis.genders).get(name.lower()) if name else None
    return None if wanted and told and wanted != told else name


_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}


def _referent(item: AnalysedArticle, index: int, speaking: bool = False) -> str | None:
    sents = item.analysis.sentences
    if not 0 <= index < len(sents):
        return None
    paragraph = sents[index].paragraph
    # a person the article names in full somewhere ("Shinzo Abe"): "Japan's" misread as a name is not one
    named = {surname(e.text) for e in item.analysis.entities if e.label == "PERSON" and _FULL_NAME.match(e.text)}
    people: dict[int, set[str]] = {}
    for e in item.analysis.entities:
        if e.label == "PERSON" and index - LOOK_BACK <= e.sentence < index:
            people.setdefault(e.sentence, set()).add(surname(e.text) if surname(e.text) in named else "")
    # the person a pronoun carries on is the subject of the sentence before ("Velt said ... He
    # added"), not someone it names in passing ("Velt campaigned against Orla. He ..."): only a
    # subject is taken, when the article's mentions tell (generator.nlp.actors.functions)
    subjects = {(m.sentence, surname(m.text)) for m in item.analysis.actor_mentions
                if m.label == "PERSON" and ({"speaks"} if speaking else {"acts", "speaks"}) & set(m.functions)}
    told = bool(item.analysis.actor_mentions)
    for i in range(index - 1, max(-1, index - LOOK_BACK - 1), -1):
        if sents[i].paragraph < paragraph - 1:
            break
        # a surname the tagger missed ("Mahomes finished 34-for-46. He also rushed ...") names
        # its person all the same: the sentence is not passed over for someone named before it
        untagged = {n for n in named if n not in people.get(i, ()) and re.search(rf"\b{re.escape(n)}\b", sents[i].text)}
        if untagged:
            people[i] = people.get(i, set()) | untagged
        if i in people:
            names = people[i]
            name = next(iter(names)) if len(names) == 1 else ""
            return name if name and (not told or (i, name) in subjects) else None
    return None


# "Shinzo Abe", "John J. Ray III": capitalised words only, no possessive, no dash ("Abe - Japan's")
_FULL_NAME = re.compile(r"^[A-Z][\w.’'-]*(?: [A-Z][\w.]*){1,3}$")
_SUFFIX = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname(name: str) -> str:
    """'John J. Ray III' -> 'Ray': the last word that is not a generational suffix."""
    words = [w.strip(".,") for w in re.sub(r"['’]s$", "", name.strip()).split()]
    words = [w for w in words if w and w.lower() not in _SUFFIX]
    return words[-1] if words else ""


def bracket(text: str, name: str) -> str:
    """The pronoun naming the person replaced by the name in square brackets, as editors do."""
    if _ACCORDING.match(text):
        return _ACCORDING.sub(lambda m: f"{m.group(0)[:13]}[{name}]", text, count=1)
    if _POSSESSIVE.match(text):
        return _POSSESSIVE.sub(f"[{name}'s]", text, count=1)
    if _SUBJECT.match(text):
        return _SUBJECT.sub(f"[{name}]", text, count=1)
    tail = SPEAKER_TAIL.search(text)
    if tail and tail.group(1):
        return text[: tail.start(1)] + f"[{name}]" + text[tail.end(1):]
    return text
