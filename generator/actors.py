"""Key actors: who is in the story, under which names, and in what role.

extract_mentions: per article, from the spaCy parse (called by generator.analyse); the spans
come from generator.actors_spans, the descriptions from generator.actors_roles.
build_actors: per story, merges mentions across sources (generator.actors_aliases) into
ranked Actor records with a kind (generator.actors_kinds) and a role in the sources' words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Sequence

from .actors_aliases import Form, cluster, core_name, fold, government_base, is_abbreviation, qualifier, tidy
from .actors_kinds import GROUP_WORDS, INSTITUTION_NOUNS, is_country_name, place_kind
from .actors_roles import action_phrase, choose_action, choose_role, head_word, role_phrases
from .actors_spans import candidates
from .models import Actor, ActorMention, AnalysedArticle, Sentence

# A place or group named once, in one source, with no description is a passing mention
# ("countries like Chile", "in Valdora"); people, organisations and countries always count.
MIN_SOURCES, MIN_MENTIONS = 2, 2
ALWAYS_KINDS = frozenset({"person", "organization", "country"})
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "LOC": "region", "NORP": "group", "GPE": "country"}
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def extract_mentions(doc, sentences: Sequence[Sentence]) -> list[ActorMention]:
    """Mentions of people, organisations, countries and groups, with attached role phrases."""
    from spacy.tokens import Span

    from .analyse import sentence_index_at  # analyse imports this module

    if not sentences:
        return []
    out = []
    for cand in candidates(doc):
        span = Span(doc, cand.start, cand.end, label=cand.label)
        surface = doc[cand.start - cand.prefix: cand.end]
        roles = role_phrases(span) if cand.label != "NORP" else ()
        action = action_phrase(span) if cand.label != "PERSON" else None
        out.append(ActorMention(
            surface.text, cand.label, sentence_index_at(sentences, surface.start_char),
            surface.start_char, surface.end_char, roles, (action,) if action else (),
        ))
    return out


def _author_words(items: Sequence[AnalysedArticle]) -> list[set[str]]:
    names = sorted({it.article.author for it in items if it.article.author})
    return [set(fold(n).split()) for n in names if fold(n).split()]


def _is_author(core: str, authors: list[set[str]]) -> bool:
    """The byline's own writer ("Jana", "Jana Avatar", "Novak") is not an actor of the story."""
    words = set(fold(core).split())
    return any(words <= a or a <= words for a in authors)


def _forms(items: Sequence[AnalysedArticle]) -> list[Form]:
    authors = _author_words(items)
    forms: list[Form] = []
    for art, it in enumerate(items):
        for m in it.analysis.actor_mentions:
            core = core_name(m.text, m.label)
            if not core or (authors and _is_author(core, authors)):
                continue
            forms.append(Form(len(forms), it.source_id, art, tidy(m.text), core, m.label, m.start, m.end))
    return forms


def _demonyms(items: Sequence[AnalysedArticle]) -> list[str]:
    return sorted({e.text for it in items for e in it.analysis.entities if e.label == "NORP"})


def _places(forms: Sequence[Form]) -> list[str]:
    return sorted({f.core for f in forms if f.label == "GPE" or is_country_name(f.core)})


def _display(forms: Sequence[Form], attr: str) -> dict[str, str]:
    """The preferred spelling of each folded form: the most frequent, then most capitalised."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for f in forms:
        text = getattr(f, attr)
        spellings[fold(text)][text] += 1
    # "Müller" over "Muller": a spelling that kept its accents is the source's own
    return {k: min(c, key=lambda t: (-c[t], -sum(not ch.isascii() for ch in t), -sum(ch.isupper() for ch in t), t))
            for k, c in spellings.items()}


def _canonical(group: Sequence[Form], places: Sequence[str]) -> str:
    """The fullest common form: not an initialism, a bare title of a qualified institution or a
    government form when a plainer name exists; then most sources, most words, most mentions."""
    shown = _display(group, "core")
    keys = set(shown)
    people = any(f.label == "PERSON" for f in group)

    def weak(k: str) -> bool:
        base = government_base(k)
        return (is_abbreviation(shown[k]) or (base is not None and base in keys)
                or k.split()[-1] in INSTITUTION_NOUNS  # "Foreign Ministry" needs its country
                and any(qualifier(shown[o], places) and qualifier(shown[o], places)[1] == k for o in keys if o != k)
                or any(o.startswith(k) and o[len(k):len(k) + 1].isalpha() for o in keys)  # cut off mid-word
                or not people and len(k.split()) == 1 and any(o.split()[-1] == k for o in keys if o != k))

    strong = [k for k in keys if not weak(k)] or list(keys)
    sources = {k: {f.sid for f in group if fold(f.core) == k} for k in strong}
    count = Counter(fold(f.core) for f in group)

    def rank(k: str) -> tuple:
        initials = people and bool(re.search(r"\b[A-Za-z]\.", shown[k]))
        possessive = bool(re.search(r"['’]s\b", shown[k]))  # "Norwegian Supreme Court" over "Norway's ..."
        single = people and len(k.split()) == 1  # "Clara Vogt", not "Vogt"
        return (initials, single, -len(sources[k]), -len(k.split()), -count[k], possessive, shown[k])

    return shown[min(strong, key=rank)]


def _label(group: Sequence[Form]) -> str:
    votes = Counter(f.label for f in group)
    return min(votes, key=lambda lab: (-votes[lab], LABEL_PRIORITY.index(lab)))


def _city_evidence(group: Sequence[Form], texts: Sequence[str]) -> bool:
    """ "in Lyon, France": a place followed by ", <country>" is a city."""
    for f in group:
        m = re.match(r",\s+(?:the\s+)?([A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*)", texts[f.article][f.end: f.end + 60])
        if m and is_country_name(m.group(1)) and not is_country_name(f.core):
            return True
    return False


# "the village of Valdora", "in Valdora": words around a name that make it a place
PLACE_BEFORE = re.compile(r"\b(?:(city|town|village|capital|port|province|region|district|county|state) of|"
                          r"(in|near|outside|around|across))\s+(?:the\s+)?$", re.I)
REGION_NOUNS = frozenset({"province", "region", "district", "county", "state"})


def _place_votes(group: Sequence[Form], texts: Sequence[str]) -> tuple[int, bool]:
    """How many mentions stand where a place stands, and whether one names a region."""
    votes, region = 0, False
    for f in group:
        text = texts[f.article]
        m = PLACE_BEFORE.search(text[max(0, f.start - 30): f.start])
        if m and not text[f.end: f.end + 2].startswith(("'s", "’s")):
            votes += 1
            region = region or (m.group(1) or "").lower() in REGION_NOUNS
    return votes, region


def _kind(name: str, label: str, group, roles: Sequence[str], demonyms, texts) -> str:
    votes, region = _place_votes(group, texts)
    heads = {head_word(r) for r in roles}
    if label in {"ORG", "PERSON"} and not is_country_name(name) and (
            2 * votes >= len(group) or heads & {"city", "town", "village", "capital"}):
        label = "GPE"  # spaCy's small model often takes a little-known town for a name
    if label == "GPE":
        if region or heads & REGION_NOUNS:
            return "region"
        return place_kind(name, demonyms, _city_evidence(group, texts))
    if label == "ORG" and any(set(re.findall(r"[a-z]+", r.lower())) & GROUP_WORDS for r in roles):
        return "group"
    return KIND_OF_LABEL.get(label, "other")


def _not_a_person(group: Sequence[Form], texts: Sequence[str]) -> bool:
    """ "the Moon", "the Sun": a name the articles write after "the" is no person's name."""
    people = [f for f in group if f.label == "PERSON"]
    after_the = sum(texts[f.article][max(0, f.start - 4): f.start].lower() == "the " for f in people)
    return bool(people) and 2 * after_the >= len(people)


def _descriptions(group: Sequence[Form], items: Sequence[AnalysedArticle]):
    """(source, phrase, rank) role candidates and (source, phrase) actions of a group's mentions."""
    own = {(f.article, f.start) for f in group}
    roles, actions = [], []
    for art, it in enumerate(items):
        for m in it.analysis.actor_mentions:
            if (art, m.start) in own:
                roles.extend((it.source_id, p, rank) for rank, p in enumerate(m.role_phrases))
                actions.extend((it.source_id, p) for p in m.actions)
    return roles, actions


def _aliases(group: Sequence[Form], name: str, label: str) -> tuple[str, ...]:
    """Every other spelling seen (with and without titles), plus a person's surname alone."""
    aliases = set(_display(group, "text").values()) | set(_display(group, "core").values())
    if label == "PERSON" and len(name.split()) >= 2:
        aliases.add(name.split()[-1])
    return tuple(sorted({a for a in aliases if fold(a) != fold(name)}, key=lambda a: (fold(a), a)))


def _actor(group: Sequence[Form], places, demonyms, items: Sequence[AnalysedArticle]) -> tuple[Actor, bool]:
    """The actor of one group of mentions, and whether the sources describe it (appositive, title)."""
    roles, actions = _descriptions(group, items)
    name = _canonical(group, places)
    label = _label(group)
    role, role_sources = choose_role(roles)
    described = role is not None
    if role is None and label != "PERSON":
        role, role_sources = choose_action(actions)
    texts = [it.article.text for it in items]
    return Actor(
        name=name,
        kind=_kind(name, label, group, [p for _, p, _ in roles], demonyms, texts),
        aliases=_aliases(group, name, label),
        role=role,
        mentions=len(group),
        sources=tuple(sorted({f.sid for f in group})),
        role_sources=role_sources,
    ), described


def _surname_clashes(actors: list[Actor]) -> list[Actor]:
    """A surname alias shared by two people names neither of them alone: drop it from both."""
    from dataclasses import replace

    last = Counter(a.name.split()[-1] for a in actors if a.kind == "person" and len(a.name.split()) >= 2)
    return [replace(a, aliases=tuple(x for x in a.aliases if not (a.kind == "person" and last[x] > 1)))
            for a in actors]


def build_actors(items: Sequence[AnalysedArticle]) -> list[Actor]:
    """Actors ranked by sources naming them, then mentions; aliases merged, passing names dropped.

    A passing place or group (one source, one mention, no description such as an appositive)
    is left out: "felt as far as Valdora" does not make Valdora an actor of the story.
    """
    items = sorted(items, key=lambda it: it.source_id)
    forms = _forms(items)
    places = _places(forms)
    demonyms = _demonyms(items)
    actors = []
    texts = [it.article.text for it in items]
    for group in cluster(forms, places, texts):
        if _label(group) == "PERSON" and _not_a_person(group, texts):
            continue
        actor, described = _actor(group, places, demonyms, items)
        if len(actor.sources) >= MIN_SOURCES or actor.mentions >= MIN_MENTIONS or described \
                or actor.kind in ALWAYS_KINDS:
            actors.append(actor)
    actors = _surname_clashes(actors)
    return sorted(actors, key=lambda a: (-len(a.sources), -a.mentions, a.name))
