"""Per story: the same quotation across sources becomes one cited quote, speakers canonical.

Three relations between quotations, from closest to loosest:
- near-identical text, compatible speakers: one quote citing every source;
- near-identical text, different speakers: kept apart, each noting the other attribution;
- the same speaker's statement worded differently by different sources (translations,
  paraphrased quotes): kept apart, the less cited ones noted as another rendering.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from generator.models import Actor, AnalysedArticle, Quote, SourceId
from generator.text.support import norm, words
from generator.nlp.quotes.name_parts import HONORIFICS, TITLE_ABBREVIATIONS, strip_name

NEAR_IDENTICAL = 88  # fuzz.ratio on normalised text: same words, punctuation/spelling aside
SAME_STATEMENT = 75  # fuzz.token_set_ratio: one statement rendered in other words
SAME_NAME = 92  # fuzz.ratio of two spellings of one name ("Ramanathan"/"Ramnathan")
FRAGMENT_WORDS = 5  # fewer content words than this: a fragment ("deep mutual trust")
STATEMENT_WORDS = 6  # fewer words than this is a phrase, never a key quote
# Words of four letters or more that say nothing of a headline's subject.
TITLE_FILLERS = frozenset({
    "after", "with", "from", "over", "into", "about", "what", "when", "were", "have", "will", "more",
    "than", "this", "that", "they", "their", "says", "said", "news", "live", "updates", "update",
    "just", "amid", "could", "would", "first", "last", "year", "years", "today", "video", "watch",
})
REPEATED_WORDS = 0.8  # share of a quote's words a statement gives: the same words again
MAX_TOPIC_WORDS = 3  # headline words a key quote is credited for: enough to tell a quote on the subject
_OPENS_A_SENTENCE = re.compile(r"^[\"'\u201c\u2018(\[]?[A-Z0-9]")
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "John Ray III" is Ray


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower case, ASCII quotes and dashes, no punctuation, one spelling of "-our" words
    ("honoured"/"honored": British and American copy of one quotation): for comparing renderings.

    Memoised: each quotation and speaker name is compared with every other one of the story."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u201b`]", "'", text)
    text = re.sub(r"[^\w\s']", " ", text)
    text = _OUR.sub(r"\1or\2", text)
    return " ".join(text.split())


_OUR = re.compile(r"\b([a-z]{3,})our(s|ed|ing|able|ite|ites)?\b")


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if len(w) > 3}


# ---------------------------------------------------------------- speakers


def _names_of(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    return normalise(strip_name(name))


@lru_cache(maxsize=1 << 16)
def _last_word(name: str) -> str:
    """A person's family name as written last: "Mr John J. Ray III" -> "ray"."""
    words = [w for w in normalise(strip_name(name)).split() if w not in HONORIFICS and w not in GENERATIONAL]
    return words[-1] if words else ""


def _named_in(actor: Actor, source_id: SourceId, text: str) -> bool:
    """The article names the actor (it is cited for it, or one of its names occurs)."""
    if source_id in actor.sources:
        return True
    lowered = text.lower()
    return any(n and n.lower() in lowered for n in _names_of(actor))


def is_description(speaker: str) -> bool:
    """A speaker given by what they are, not by name: "the Conservative leader", "officials",
    "analysts at Barclays" (the head noun is in lower case), not "Russian Foreign Ministry"."""
    words = strip_name(speaker).split()
    for k, word in enumerate(words):
        if k and word.lower() in ("at", "of", "from", "in", "with", "for"):
            words = words[:k]  # "analysts at Barclays": the head is "analysts"
            break
    # ("Velmont CEO", "the PM": a title's letters are a description too)
    return bool(words) and (words[-1][:1].islower() or words[-1].isupper() and words[-1].lower() in TITLE_ABBREVIATIONS)


def canonical_speaker(surface: str | None, actors: Sequence[Actor], source_id: SourceId, text: str) -> str | None:
    """The actor a speaker surface names; the surface itself when no actor fits.

    The name or an alias as written, a person's surname ("Mr Ivanov", "Sun" -> "Sun Yuchen"
    before an organisation "SUN"), the name or alias in another case, a near-identical
    spelling, a title ("the governor" -> the one person the story calls governor), or a
    description ("the ministry") -> the most prominent actor this article names whose name
    ends that way ("Health Ministry"). A person's one-word name becomes the one full name
    the story gives it ("Ray" -> "John Ray III").
    """
    if not surface or _shared_surname(surface, actors, text):
        return None
    ranked = sorted(actors, key=lambda a: (-a.mentions, a.name))
    found = _matching_actor(surface, ranked, source_id, text)
    return _fuller(found, ranked) if found is not None else surface


# A family by its name in the plural: "the Kerchers said in a statement" is the family, not the
# person of that name (whom a near-identical spelling would otherwise find).
_FAMILY = re.compile(r"^(?:the\s+)?[A-Z][\w'’-]+s$")


def _family_of(surface: str, ranked: Sequence[Actor]) -> bool:
    """The surface names a family ("the Kerchers") whose member is an actor of the story."""
    if not _FAMILY.match(surface.strip()):
        return False
    family = normalise(surface.strip()).split()[-1][:-1]
    return any(a.kind == "person" and _last_word(a.name) == family for a in ranked)


def _matching_actor(surface: str, ranked: Sequence[Actor], source_id: SourceId, text: str) -> str | None:
    if _family_of(surface, ranked):
        return None
    stripped, key = strip_name(surface), _key(surface)
    for actor in ranked:
        if stripped in (strip_name(n) for n in _names_of(actor)):
            return actor.name
    last = _last_word(surface)
    words = stripped.split()
    surname = bool(words) and words[-1][:1].isupper() and bool(last)
    if surname and len(words) == 1:
        person = _person_by_surname(last, ranked)
        if person is not None:
            return person
    for actor in ranked:
        if any(_key(n) == key and not _acronym_of_word(n, stripped) for n in _names_of(actor)):
            return actor.name
    for actor in ranked:
        if len(key) >= 6 and any(fuzz.ratio(_key(n), key) >= SAME_NAME for n in _names_of(actor)):
            return actor.name
    if surname:
        person = _person_by_surname(last, ranked)
        if person is not None:
            return person
    if is_description(surface):
        person = _person_by_title(surface, ranked, source_id, text)
        if person is not None:
            return person
    wanted = normalise(stripped).split()
    for actor in ranked:
        if actor.kind == "person" or not wanted or not _named_in(actor, source_id, text):
            continue
        for name in _names_of(actor):
            have = normalise(name).split()
            if have and have[-1] == wanted[-1] and set(wanted) <= set(have):
                return actor.name
    return None


def _shared_surname(surface: str, actors: Sequence[Actor], text: str) -> bool:
    """A lone surname ("said Arbery") where the article names two people of that family in full
    (a victim and his father): which one spoke is not known, so no one is given the words."""
    words = strip_name(surface).split()
    if len(words) != 1 or not words[0][:1].isupper() \
            or any(a.name == words[0] and a.kind == "person" and a.role for a in actors):
        return False  # (a person of that one-word name, with an office: the story keeps that one apart)
    last = _last_word(surface)
    full = {actor.name for actor in actors  # any kind: a person the model took for a body counts
            for n in map(_without_generation, _names_of(actor)) if len(n.split()) > 1 and _last_word(n) == last
            and n in text}
    return len(full) > 1


def _without_generation(name: str) -> str:
    """ "Marcus Arbery Sr" as an article may write it: "Marcus Arbery"."""
    return " ".join(w for w in strip_name(name).split() if w.lower().strip(".") not in GENERATIONAL)


def _acronym_of_word(name: str, surface: str) -> bool:
    """"SUN" (a token, an acronym) is not what "Sun" (a name) names."""
    return name.isupper() and len(name) > 1 and not surface.isupper()


def _person_by_surname(last: str, ranked: Sequence[Actor]) -> str | None:
    """The person whose family name this is: written last ("Ivanov"), or first when exactly one
    person's name starts with it ("Sun" -> "Sun Yuchen", "Ban" -> "Ban Ki-moon")."""
    for actor in ranked:
        if actor.kind == "person" and any(_last_word(n) == last for n in _names_of(actor)):
            return actor.name
    first = {a.name for a in ranked if a.kind == "person" and len(a.name.split()) > 1
             and normalise(a.name).split()[0] == last}
    return first.pop() if len(first) == 1 else None


def _person_by_title(surface: str, ranked: Sequence[Actor], source_id: SourceId, text: str) -> str | None:
    """The one person this article names whose title or role holds every word of a description:
    "the governor" -> the "Gov. Wes Moore" of the story; None when none or several fit."""
    wanted = {x for w in normalise(strip_name(surface)).split() if w not in ("a", "an", "one", "the")
              for x in TITLE_ABBREVIATIONS.get(w, w).split()}  # "Velmont CEO" -> chief executive of Velmont
    if not wanted:
        return None
    fits = []
    for actor in ranked:
        if actor.kind != "person" or not _named_in(actor, source_id, text):
            continue
        have: set[str] = set()
        for phrase in (*_names_of(actor), actor.role or ""):
            for w in normalise(phrase).split():
                have.add(w)
                have.update(TITLE_ABBREVIATIONS.get(w, "").split())
        if wanted <= have:
            fits.append(actor.name)
    return fits[0] if len(fits) == 1 else None


def _fuller(name: str, ranked: Sequence[Actor]) -> str:
    """A one-word person name -> the one person of the story whose full name ends with it (not
    a body's one-word name: "Velmont" the company is no "Jo Velmont" its founder; nor an actor of
    that one-word name the story keeps apart)."""
    if len(name.split()) != 1 or any(a.name == name and (a.kind != "person" or a.role) for a in ranked):
        return name  # (a person the story keeps apart under that name alone, with an office: "President Velt")
    last = _last_word(name)
    fuller = {a.name for a in ranked if a.kind == "person" and len(a.name.split()) > 1
              and _last_word(a.name) == last}
    return fuller.pop() if len(fuller) == 1 else name


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one name: "Ann Lee" / "Lee" / "A. Lee", or a near-identical spelling
    (names of people and of bodies alike)."""
    wa = [w for w in normalise(a).split() if w not in HONORIFICS]
    wb = [w for w in normalise(b).split() if w not in HONORIFICS]
    if not wa or not wb:
        return False
    if wa[-1] == wb[-1] and strip_name(a).split()[-1][:1].isupper():
        if len(wa) == 1 or len(wb) == 1 or min(len(wa[0]), len(wb[0])) == 1 or wa[0] == wb[0]:
            return True  # a surname alone or after an initial
    if len(wa) > 1 and wa[1:] == wb[1:] and os.path.commonprefix([wa[0], wb[0]])[4:]:
        return True  # "Chile's Central Bank" / "Chilean Central Bank": possessive or adjective
    # "S. Ramanathan" / "S Ramnathan": one name spelt two ways
    return min(len(a), len(b)) >= 6 and fuzz.ratio(" ".join(wa), " ".join(wb)) >= SAME_NAME


def unify_speakers(speakers: Sequence[str], keep: set[str]) -> dict[str, str]:
    """Speakers no actor covers, named differently by sources, mapped to their fullest form.

    "Lee" (source 2) and "Ann Lee" (source 1) -> "Ann Lee"; actor names (`keep`) never change.
    """
    names = sorted(set(speakers) - keep)
    fullest = sorted(names, key=lambda n: (-len(n.split()), -len(n), n))
    out: dict[str, str] = {}
    for name in names:
        out[name] = next(f for f in fullest if f == name or _same_person(f, name))
    return out


# ---------------------------------------------------------------- grouping


@dataclass
class _Group:
    """One quotation as cited by one or more sources, with one speaker."""

    speaker: str | None
    texts: dict[SourceId, str] = field(default_factory=dict)  # each source's wording
    others: list[tuple[str, tuple[SourceId, ...]]] = field(default_factory=list)

    @property
    def sources(self) -> tuple[SourceId, ...]:
        return tuple(sorted(self.texts))

    @property
    def text(self) -> str:
        """The wording most sources use; ties go to the longer, then the earliest source's."""
        counts: dict[str, list[SourceId]] = {}
        for sid, t in sorted(self.texts.items()):
            counts.setdefault(t, []).append(sid)
        return sorted(counts.items(), key=lambda kv: (-len(kv[1]), -len(kv[0]), kv[1][0]))[0][0]


def _same_text(a: str, b: str) -> bool:
    """The same quoted words: nearly identical, or one source quoting the first part of what
    another quotes whole (a passage of eight words or more inside the other)."""
    na, nb = normalise(a), normalise(b)
    if fuzz.ratio(na, nb) >= NEAR_IDENTICAL:
        return True
    short, long_ = sorted((na, nb), key=len)
    return len(short.split()) >= CONTAINED_WORDS and short in long_


CONTAINED_WORDS = 8  # a quoted passage this long inside another quotation is that quotation


def _speakers(items: Sequence[AnalysedArticle], actors: Sequence[Actor]) -> dict[tuple[SourceId, str], str | None]:
    """Each (source, speaker surface) -> the story's name for that speaker."""
    mapped = {
        (it.source_id, q.speaker): canonical_speaker(q.speaker, actors, it.source_id, it.article.text)
        for it in items for q in it.analysis.quotes if q.speaker
    }
    unified = unify_speakers([n for n in mapped.values() if n], {a.name for a in actors})
    # a role someone plays never speaks: "wrote Ann Lee, who played the character Mia" is Lee's
    # words, and whom they were given to is not known (the quote has no speaker rather than a false one)
    played = {n for a in actors if a.standing == "character" for n in (a.name, *a.aliases)}
    return {key: (None if not name or unified.get(name, name) in played else unified.get(name, name))
            for key, name in mapped.items()}


def _named_inside(speaker: str, words: str) -> bool:
    """A person's surname inside the quoted words: speakers do not name themselves, so a quote
    given to someone it names is most often another's words about them."""
    parts = speaker.split()
    if len(parts) < 2 or not parts[-1][:1].isupper():
        return False  # a body ("the ministry") or a description may well name itself
    return re.search(rf"(?<![\w-]){re.escape(parts[-1])}(?![\w-])", words) is not None


def _group_mentions(items: Sequence[AnalysedArticle], actors: Sequence[Actor]) -> list[_Group]:
    groups: list[_Group] = []
    shown: list[str] = []  # each group's text, kept current: the property sorts its wordings
    speakers = _speakers(items, actors)
    for item in sorted(items, key=lambda it: it.source_id):
        sid = item.source_id
        for q in sorted(item.analysis.quotes, key=lambda q: (q.start, q.end, q.text)):
            speaker = speakers.get((sid, q.speaker)) if q.speaker else None
            if speaker and _named_inside(speaker, q.text):
                speaker = None  # "I have spoken to ... Anthony Albanese": whoever said it, not Albanese
            at = next((k for k, g in enumerate(groups) if _same_text(shown[k], q.text)
                       and _compatible(g.speaker, speaker)), None)
            if at is None:
                groups.append(_Group(speaker, {sid: q.text}))
                shown.append(q.text)
                continue
            home = groups[at]
            if home.speaker is None or (speaker is not None and is_description(home.speaker)):
                home.speaker = speaker  # a name says more than "the Conservative leader"
            home.texts.setdefault(sid, q.text)
            shown[at] = home.text
    for k, g in enumerate(groups):
        g.others = [(h.speaker, h.sources) for m, h in enumerate(groups)
                    if h is not g and not _compatible(h.speaker, g.speaker) and _same_text(shown[k], shown[m])]
    return groups


def _compatible(a: str | None, b: str | None) -> bool:
    """Two attributions of the same words that do not conflict: the same speaker, one unknown,
    or one a description ("the Conservative leader") where the other gives a name."""
    return a is None or b is None or a == b or is_description(a) != is_description(b)


def _same_statement(a: _Group, b: _Group) -> bool:
    """One speaker's statement worded differently by different sources."""
    if not a.speaker or a.speaker != b.speaker or set(a.sources) & set(b.sources):
        return False
    shared = _content_words(a.text) & _content_words(b.text)
    shorter = min(len(_content_words(a.text)), len(_content_words(b.text)))
    if shorter < FRAGMENT_WORDS:  # a fragment is part of the statement only if quoted near-verbatim
        return fuzz.partial_ratio(normalise(a.text), normalise(b.text)) >= NEAR_IDENTICAL
    if len(shared) < 3 or len(shared) < shorter / 2:
        return False
    return fuzz.token_set_ratio(normalise(a.text), normalise(b.text)) >= SAME_STATEMENT


def _clusters(groups: list[_Group], prominence: dict[str, int]) -> list[list[_Group]]:
    """Renderings of one statement, the fullest statement first; a group joins a cluster only
    when it renders every member (so "A" ~ "AB" ~ "B" never chains A to B), a fragment when it
    is part of the first. A fragment never leads: "fresh leadership" quoted by three sources is
    part of the statement that holds it, not the other way round."""
    clusters: list[list[_Group]] = []
    for group in sorted(groups, key=lambda g: (not is_statement(g.text), _importance(g, prominence))):
        fragment = len(_content_words(group.text)) < FRAGMENT_WORDS  # part of the primary is enough
        home = next((c for c in clusters if _same_statement(group, c[0])
                     and (fragment or all(_same_statement(group, m) for m in c))), None)
        if home is None:
            clusters.append([group])
        else:
            home.append(group)
    return clusters


# ---------------------------------------------------------------- ordering


def is_statement(text: str) -> bool:
    """A whole statement, not a phrase: it opens as a sentence opens and has a few words.
    ("there will not be any survivors" and "a turning point" are someone's words inside the
    writer's sentence.)"""
    return bool(_OPENS_A_SENTENCE.match(text)) and len(text.split()) >= STATEMENT_WORDS


def _sources_label(sources: Sequence[SourceId]) -> str:
    return ("source " if len(sources) == 1 else "sources ") + ", ".join(sources)


def _importance(group: _Group, prominence: dict[str, int]) -> tuple:
    """More sources first, attributed before unattributed, longer, then the better-known speaker."""
    return (-len(group.sources), group.speaker is None, -len(group.text.split()),
            -prominence.get(group.speaker or "", 0), group.text, group.sources)


def _key_rank(cluster: list[_Group], prominence: dict[str, int], topic: frozenset[str]) -> tuple:
    """How a key quote ranks: said by a named speaker before a described one, quoted by more
    sources (every rendering that is itself a statement counts; "we're relieved" quoted by
    another outlet does not make the longer remark a story's key quote), the speaker more
    present in the story, about the story's subject (words of the sources' own headlines, at
    most three counted), then longer."""
    lead = cluster[0]
    sources = {s for g in cluster if g is lead or is_statement(g.text) for s in g.sources}
    about = min(MAX_TOPIC_WORDS, len(_content_words(lead.text) & topic))
    return (is_description(lead.speaker or ""), -len(sources), -prominence.get(lead.speaker or "", 0), -about,
            -len(lead.text.split()), lead.text, lead.sources)


def _topic(items: Sequence[AnalysedArticle]) -> frozenset[str]:
    """The story's subject as its sources title it: the content words of their headlines."""
    return frozenset(w for it in items for w in _content_words(it.article.title or "") if w not in TITLE_FILLERS)


def _by_voice(clusters: list[list[_Group]], prominence: dict[str, int],
              topic: frozenset[str] = frozenset()) -> list[list[_Group]]:
    """Key quotes most important first, one per speaker before anyone's second: five quotes
    should be five voices, not the best-known speaker five times."""
    ranked = sorted(clusters, key=lambda c: _key_rank(c, prominence, topic))
    turn: dict[str | None, int] = {}
    order = []
    for k, cluster in enumerate(ranked):
        speaker = cluster[0].speaker
        order.append((turn.get(speaker, 0), k, cluster))
        turn[speaker] = turn.get(speaker, 0) + 1
    return [c for _, _, c in sorted(order, key=lambda t: (t[0], t[1]))]


def rendering_note(sources: Sequence[SourceId]) -> str:
    """The note of a quote that renders a statement already listed (shown once, kept for the record)."""
    return f"another rendering of the same statement, by {_sources_label(sources)}"


def _notes(group: _Group, primary: bool) -> str | None:
    notes = []
    if not primary:
        notes.append(rendering_note(group.sources))
    for speaker, sources in group.others:
        notes.append(f"also attributed to {speaker} by {_sources_label(sources)}")
    return "; ".join(notes) or None


def build_quotes(items: Sequence[AnalysedArticle], actors: Sequence[Actor],
                 statements: Sequence[str] = ()) -> list[Quote]:
    """All quotations of a story, merged, key quotes first (deterministic).

    First the statements fit to be key quotes (a whole statement with a named or described
    speaker, each statement once, not one of the page's `statements` already), most important
    first and by as many voices as there are; then the rest of the story's quotations (phrases,
    unattributed words) by importance; then the other renderings of statements already listed,
    each noted as such; last, the statements the page already shows (verification holds them).
    """
    prominence = {a.name: a.mentions for a in actors}
    clusters = _clusters(_group_mentions(items, actors), prominence)
    prepared = prepare_statements(statements)
    repeats = [c for c in clusters if is_statement(c[0].text) and repeats_statement(c[0].text, prepared)]
    fresh = [c for c in clusters if not any(c is r for r in repeats) and not _part_of_another(c, clusters)]
    key = [c for c in fresh if c[0].speaker and is_statement(c[0].text)]
    rest = sorted((c for c in fresh if not (c[0].speaker and is_statement(c[0].text))),
                  key=lambda c: _importance(c[0], prominence))
    quotes = [Quote(c[0].speaker, c[0].text, c[0].sources, _notes(c[0], True))
              for c in _by_voice(key, prominence, _topic(items)) + rest]
    # (a rendering that is only a part of the statement shown adds nothing: it is not shown again)
    quotes += [Quote(g.speaker, g.text, g.sources, _notes(g, False)) for c in fresh for g in c[1:]
               if not _inside(g.text, c[0].text)]
    quotes += [Quote(g.speaker, g.text, g.sources, _notes(g, k == 0)) for c in repeats for k, g in enumerate(c)]
    return quotes


def _part_of_another(cluster: list[_Group], clusters: list[list[_Group]]) -> bool:
    """The words are all inside a longer quotation the story shows ("I came back for a reason"
    beside "I came back for a reason. I came back to bring a title home"): by the same speaker,
    or, when long enough for the longer one to note the other attribution, by anyone."""
    text = cluster[0].text
    return any(other is not cluster and _inside(text, other[0].text)
               and (_compatible(cluster[0].speaker, other[0].speaker) or len(text.split()) >= CONTAINED_WORDS)
               for other in clusters)


def _inside(part: str, whole: str) -> bool:
    """All of `part`'s words, in order, inside the longer `whole` (at least MIN_PART_WORDS of them)."""
    a, b = normalise(part), normalise(whole)
    return len(a.split()) >= MIN_PART_WORDS and len(b) > len(a) and f" {a} " in f" {b} "


MIN_PART_WORDS = 5  # fewer words inside a longer quotation are a phrase picked out of it (a fragment), shown apart


def prepare_statements(statements: Sequence[str]) -> list[tuple[str, frozenset[str]]]:
    """The page's statements as `repeats_statement` compares them: normalised, and their words."""
    return [(norm(line), words(line)) for line in statements]


def repeats_statement(quote: str, statements: Sequence[tuple[str, frozenset[str]]]) -> bool:
    """A statement of the page already gives these words: the quote's sentence is a What we
    know line, or nearly all of its words are one (a key quote never repeats the page)."""
    line, mine = norm(quote), words(quote)
    return any(line in other or (len(mine) >= 4 and len(mine & theirs) >= REPEATED_WORDS * len(mine))
               for other, theirs in statements)
