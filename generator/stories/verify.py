"""Verification: a line reaches readers only when every check passes; the rest are held back.

Every statement, timeline row, quote, role, disagreement and the headline of a composed
Story is checked, in page order:
  - support: each cited source states the line (generator.text.support); a source that does
    not is no longer cited or counted ("N of M"); a line no cited source states is held;
  - it stands alone: no opening pronoun or connective pointing outside it, balanced
    quotation marks, not cut off where a scraped excerpt ends;
  - it is not boilerplate (captions, credits, datelines, notices, markup, embedded posts) that
    cleaning left in a body (generator/text/furniture.py);
  - a timeline row is not another row's sentence again, nor a third row of one day, and is not
    dated by a year its sentence does not state;
  - it is not said already, higher on the page (In brief first), in these words or in
    others (the same point: generator.text.support.same_point; generator.text.repeats); a Known
    or Background point a Timeline row gives whole shows in the Timeline alone, with its date;
  - every source that states it in words of its own is cited and counted too
    (generator.text.support.corroborates);
  - a disagreement has two different values from different sources, each side its source's
    own sentence, neither side a source whose text is garbled;
  - the headline is not navigation text, at most 16 words, without an attribution tail;
  - a key quote has a speaker (a person or a body, never a pronoun or a date), more than a
    fragment of words, words no other speaker is credited with too, and does not repeat a
    statement shown above it (a second outlet's rendering
    of a speaker's statement is noted as one, and shown once);
  - a person's role is a title or a description, never a verb phrase or a fragment; a place,
    an outlet or a thing is no actor.
A line that fails goes to `Story.held` with its reason: never published, kept for editors
(the export's `held`, `explainer review`). Pure: the same story and sources, the same result.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from generator.models import Actor, Held, Item, Quote, Story, TimelineEntry, Unknown
from generator.sections.actors.standing import fits
from generator.text.actor_kinds import (ADDRESS_TITLES, IRREGULAR_DEMONYMS, LANDFORM_NOUNS, TITLE_NOUNS, country_of, fold,
                                        MEDIA_NOUNS, is_body_noun, is_country_name, is_demonym, person_noun)
from generator.sections.quotes import is_statement, prepare_statements, rendering_note, repeats_statement
from generator.stories.hubs import key_actors, widely_told
from generator.stories.headline import ATTRIBUTION_TAIL, MAX_WORDS as MAX_HEADLINE_WORDS, centrality, lead_clause
from generator.text.furniture import caption, furniture, markup
from generator.text.repeats import SAME_DAY_SIMILAR, PageRepeats, SourceSentences
from generator.text.standalone import (CONNECTIVE, GLUED, QUOTE_MARKS, SLIP, WRITER_FIRST_PERSON, form_problem,
                                       inside_quotation, without_dateline)
from generator.text.support import NUMBER_WORDS, corroborates, norm, prepared, same_point, stems, why_unsupported, words

NAVIGATION = re.compile(r"(search|menu|sign in|log in|subscribe|expand|collapse|home|skip to|cookie)", re.I)
VERB_ROLE = re.compile(r"^(has|have|had|is|are|was|were|will|would|said|says|did|does|do|been|being)\b", re.I)
PAST_VERB_ROLE = re.compile(r"^[a-z]+ed\b(?! (by|to|as)\b)")
# A description in the first or second person ("your son", "my friend"): taken from someone's speech.
SPEAKERS_OWN = re.compile(r"^(?:your|my|our)\b", re.I)
FRAGMENT_ROLE = re.compile(r"^(and|but|or|so|to|even|which|who|whose|whom|that|when|where|while)\b", re.I)
CUT_ROLE = re.compile(r"\b(such as|including|like)\s+\w+$")
OPEN_ROLE = re.compile(r"\b(of|to|for|in|at|on|with|from|by|the|a|an|and|or|since|as|its|their)$", re.I)
# A single quotation mark opening a word, and one closing a word ("maker of 'Lyra Quest' games"; an
# apostrophe before a number, "a star of the '90s", opens nothing)
_OPENING_SINGLE = re.compile(r"(?:^|(?<=\s))['‘](?=[^\W\d])")
_CLOSING_SINGLE = re.compile(r"(?<=\w)['’](?=\s|$|[,.;:!?])")
# (and a body told of by its kind alone, in a sentence not shown: "group's president", "the firm's founder")
POINTING_ROLE = re.compile(r"\b(it|them|him|this|these|those)\b"
                           # "extended their lead": a body's act on something of its own told elsewhere
                           r"|^(?!.*\b(?:of|for|at|in|with)\b)[a-z]+ (?:its|their) "
                           r"|^(?:the\s+)?(?:group|company|firm|agency|association|"
                           r"union|party|team|club|organi[sz]ation|country|city|state)['’]s?\s"
                           # "only players to win that award": which award? ("that" before a relative clause stays)
                           r"|\bthat (?:award|title|prize|post|position|role|job|office|team|side|club|company|group|"
                           r"record|honou?r|trophy|seat|race|match|game|event|deal|country|city|year|season)\b", re.I)
MAX_ROLE_WORDS = 14

# Two capitalised words run together: "ForeignMinistry", "PresidentMichelle" (a title, a nationality
# or a body's noun among them: "ExxonMobil" is a name as its owner writes it)
GLUED_ROLE = re.compile(r"\b([A-Z][a-z]{3,})([A-Z][a-z]{2,})")
OTHER_ROLE = re.compile(r"^(?:another|other|the other|fellow)\b", re.I)
PROGRESSIVE_ROLE = re.compile(r"^(?:had|(?:is|are|was|were|has been|have been|had been)\s+\w+ing)\b", re.I)
KIN = r"(?:husband|wife|son|daughter|mother|father|brother|sister|partner|widow|widower|nephew|niece|cousin|" \
      r"uncle|aunt|girlfriend|boyfriend|fianc[ée]e?|grandson|granddaughter|grandmother|grandfather|child|parent)"
# Kin without whose ("husband"), a superlative without of what ("youngest man", "last man").
RELATIONS = r"(?:rival|competitor|challenger|opponent|predecessor|successor|colleague|teammate|friend|ally|boss|lawyer|" \
            r"attorney|aide|assistant|manager|agent|coach)"
# someone else's relation, told from a sentence not shown: "then his 11-year-old daughter" (not "in her 80s")
PERSONAL_ROLE = re.compile(rf"\b(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{KIN}|{RELATIONS})s?\b", re.I)
KIN_ROLE = re.compile(rf"^(?:(?:the|a|an|late|former|estranged|younger|older|eldest|elder|twin|best|close|old|"
                      rf"longtime|long-time)\s+)*(?:{KIN}|friend|pal|neighbou?r|colleague|teammate|classmate|roommate)$",
                      re.I)
# An office that needs what it is of: "Secretary" (of state? of the treasury?), "Deputy", "Head"
BARE_OFFICE_ROLE = re.compile(r"^(?:the\s+)?(?:secretary|deputy|head|chief|member|director|undersecretary|"
                              r"under-secretary|assistant|vice|leader)$", re.I)
# "youngest man", "first woman", "fifth man on board": a place in a list the role does not give
SUPERLATIVE_ROLE = re.compile(r"^(?:the\s+)?(?:[a-z]+est|last|first|only|next)\s+[a-z]+$|"
                              r"^(?:the\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
                              r"(?:man|woman|person|passenger|victim|member|one)\b", re.I)
DATED_ROLE = re.compile(r"\b(?:(?:last|next|this|on)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                        r"tomorrow)\b", re.I)
NUMBER_END = re.compile(r"(?:\d[\d,.]*\s*(?:bn|m|k|%|[ap]\.?m\.?)?|\b[ap]\.?m\.?)$", re.I)
OTHER_NAME = re.compile(r"\b(?:and|&)\s+(?!the\b)[A-Z][a-z]")
# What a timestamp is made of: figures, month and weekday names, "am"/"pm", time zones.
TIMESTAMP_WORDS = re.compile(r"\d+|\b(?:[ap]\.?m\.?|gmt|utc|[ecmp][sd]?t|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                             r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
                             r"dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
REPEAT = 85  # fuzz.ratio of two normalised lines that say the same thing
MIN_QUOTE_WORDS = 3
# "the MP", "the outgoing leader", "the helicopter pilot": someone the sentence does not name
_UNNAMED_PERSON = re.compile(r"^the\s+(?:[a-z-]+\s+){0,3}([a-z]+)$|"  # "the German born leader"
                             r"^the\s+(?:[\w'’.-]+\s+){1,5}([a-z]+)$")  # "the five time Velt Cup winner"
# "The operator", "the 67 year old president elect": a description with no name in it (after "The",
# no capital letter), the speaker's name left in a sentence not shown
_DESCRIBED = re.compile(r"^[Tt]he\s+[a-z0-9][a-z0-9 '’-]*$|"
                       # "A spokesman", "an official": someone who speaks for a body the speaker never names
                       r"^(?:[Aa]n?|[Oo]ne)\s+(?:[a-z-]+\s+){0,2}(?:spokes(?:man|woman|person)|representative|"
                       r"official|source|aide|adviser|advisor|lawyer|attorney)$")
# A speaker that is no one: a pronoun left unresolved, a date, a possessive ("his family").
NOT_A_SPEAKER = re.compile(
    r"^(?:(?:he|she|they|it|we|i|you|him|them|us|me|this|that)$|(?:millions|thousands|hundreds|dozens|scores) of\b|(?:his|her|their|its|our|my|your)\s|"
    r"(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+\d+)?$|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)$|\d)")


def verify(story: Story, no_speakers: frozenset[str] = frozenset()) -> Story:
    """The story with every line that fails a check moved to `held`, citations pruned to
    the sources that state each line. `no_speakers`: names the story knows as no one who speaks
    (`no_speakers_of`), folded."""
    texts = {a.source_id: a.text for a in story.sources}
    held: list[Held] = list(story.held)
    shown: list[str] = []  # the statements kept so far, in page order, for repeats
    page = PageRepeats.of(texts.values())  # the same, as vectors: for repeats in other words
    says = SourceSentences(texts, page.vectoriser)  # every source sentence, as vectors: who else states a line

    def statements(section: str, items: Sequence[Item]) -> tuple[Item, ...]:
        kept = []
        for item in items:
            checked = _statement(section, item.text, item.sources, texts, shown, held, page)
            if checked is not None:
                kept.append(replace(item, sources=checked + _corroborating(item.text, checked, texts, says)))
                shown.append(norm(item.text))
                page.add(item.text)
        return tuple(kept)

    passing = _passing_people(story.actors)
    summary = statements("summary", _introduced(story.summary, story.actors, story.headline or "", held))
    background = statements("background", _not_of_passing_people(story.background, passing, held))
    known = statements("known", story.known)
    whats_next = statements("whats_next", story.whats_next)
    garbled = frozenset(story.garbled)
    rows = _not_of_passing_people(_not_only_garbled(story.timeline, garbled, held, "timeline"), passing, held,
                                  "timeline", history=lambda e: _before(e.date, story.event_date))
    timeline = tuple(_timeline(_not_the_brief(rows, summary), texts, held, page))
    summary = _brief_in_other_words(summary, timeline, texts)
    unknown = tuple(_unknown(story.unknown, texts, shown, held, garbled, page, says))
    timeline, background, known = _one_place(timeline, background, known,
                                             [*whats_next, *(u for u in unknown if u.kind != "disputed")], held)
    quotes = tuple(_quotes(_not_only_garbled(story.quotes, garbled, held, "quote"), texts, shown, held,
                           no_speakers | frozenset(fold(a.outlet) for a in story.sources if a.outlet)))
    # a role may come from a photo caption: the outlet's own description of the person
    captioned = {a.source_id: "\n".join([a.text, *(r.line for r in a.removed if r.reason == "photo caption")])
                 for a in story.sources}
    actors = tuple(_actors(story.actors, captioned, held, shown))
    if shown:  # (a page with no statement yet names no one: its actors are not judged by it)
        told = norm(" ".join([story.headline or "", *shown, *(e.text for e in timeline),
                              *(f"{u.text} {' '.join(u.variants.values())}" for u in unknown),
                              *(f"{q.speaker or ''} {q.text}" for q in quotes)]))
        actors = tuple(_unnamed_without_role(actors, told, held))
    answers = Counter(n for a in actors for n in _answers_to(a))  # how many actors answer to each name
    actors = tuple(replace(a, sources=_naming(a, texts, answers)) for a in actors)
    headline = _headline(story, summary, held)
    summary = _not_the_headline(summary, headline, held)
    return replace(story, headline=headline, summary=summary, background=background, known=known,
                   whats_next=whats_next, timeline=timeline, unknown=unknown, quotes=quotes, actors=actors,
                   held=tuple(held))


ADDRESS = r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"  # a form of address before a surname (introductions.py too)


def _introduced(items: Sequence[Item], actors: Sequence[Actor], headline: str, held: list[Held]) -> list[Item]:
    """In brief is read first: a point opening with someone's surname alone ("Thompson was charged
    ...", "Ms. Roe was next in line ...") before the headline or a point above it has given the
    full name leaves the reader asking who that is. Such a point is held."""
    people = [(a, {a.name.split()[-1], *(n for n in a.aliases if " " not in n)}) for a in actors
              if a.kind == "person" and len(a.name.split()) >= 2]
    told = headline
    kept = []
    for item in items:
        m = re.match(rf"^[\"“\[]?{ADDRESS}([A-Z][\w'’-]+)\]?(?!\s+[A-Z])", item.text)
        who = next((a for a, surnames in people if m and m.group(1) in surnames), None)
        # (introduced by a point above, or by the headline, even by surname: "Bolt shatters record")
        if who is not None and not re.search(rf"\b{re.escape(who.name.split()[0])}\b", told) \
                and not re.search(rf"\b{re.escape(m.group(1))}\b", headline):
            held.append(Held("summary", item.text, tuple(item.sources),
                             f"names {who.name} by surname before the page says who that is"))
            continue
        kept.append(item)
        told += " " + item.text
    return kept


def _held_quote(q: Quote) -> str:
    """How a held quote reads in the review list: "speaker: words"."""
    return f"{q.speaker or '?'}: {q.text}"


def _not_only_garbled(items, garbled: frozenset[str], held: list[Held], section: str) -> list:
    """Timeline rows or quotes that some source whose text reads well gives; the rest held (the
    statements' sections hold theirs when they are chosen: generator.sections.claims.page)."""
    kept = []
    for item in items:
        if garbled and set(item.sources) <= garbled:
            text = _held_quote(item) if isinstance(item, Quote) else item.text
            held.append(Held(section, text, tuple(item.sources), "only a source whose text is garbled says it"))
        else:
            kept.append(item)
    return kept


def _before(day: str, event_date: str | None) -> bool:
    """A date ("2014", "2018-08") wholly before the event's ("2018-08-14")."""
    return bool(event_date) and day[:len(event_date)] < event_date[:len(day)]  # type: ignore[index]


def _passing_people(actors: Sequence[Actor]) -> list[re.Pattern[str]]:
    """The names of the people a story several outlets tell only mentions: one outlet names each
    and the Key actors table does not show them (a victim, a witness, an expert one outlet met)."""
    if not widely_told(actors):
        return []
    key = {id(a) for a in key_actors(actors)}
    return [re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted({a.name, *a.aliases}, key=len, reverse=True)
                                          if len(n) > 3) + r")\b")
            for a in actors if a.kind == "person" and len(a.sources) < 2 and id(a) not in key
            and any(len(n) > 3 for n in (a.name, *a.aliases))]


def _not_of_passing_people(items: Sequence, passing: Sequence[re.Pattern[str]], held: list[Held],
                           section: str = "background", history=lambda item: True) -> list:
    """Background (and the timeline before the event: `history`) is the story's history, not the
    life of someone it only mentions ("Mr Velt, an electrician, married his wife in 2014 ..."): a
    line opening with such a person's name is held."""
    kept = []
    for item in items:
        if history(item) and any(p.match(item.text.lstrip("\"“‘' ")) for p in passing):
            text = f"{item.date}: {item.text}" if section == "timeline" else item.text
            held.append(Held(section, text, tuple(item.sources), "the history of someone the story only mentions"))
        else:
            kept.append(item)
    return kept


def _statement(section: str, text: str, sources: Sequence[str], texts: dict[str, str],
               shown: Sequence[str], held: list[Held], page: PageRepeats | None = None) -> tuple[str, ...] | None:
    """The sources that state the line, or None (held, with the reason) when it must not be shown."""
    reason = _form(text)
    cited = _supporting(text, sources, texts)
    if reason is None and not cited:
        reason = "no cited source states it"
    # every source that prints these words verbatim prints them inside a quotation (one that tells
    # the fact in its own words does not make the speaker's words the page's)
    verbatim = [q for q in (inside_quotation(text, texts[s]) for s in cited) if q is not None]
    if reason is None and verbatim and all(verbatim):
        reason = "someone's words without their speaker (inside a quotation in the source)"
    if reason is None:
        line = norm(text)
        if any(fuzz.ratio(line, other, score_cutoff=REPEAT) or same_point(line, other) for other in shown):
            reason = "already said higher on the page"
        elif page is not None and page.repeats(text):
            reason = "already said higher on the page, in other words"
    if reason is not None:
        held.append(Held(section, text, tuple(sources), reason))
        return None
    return cited


def _form(text: str) -> str | None:
    """Why a line cannot be shown whatever its sources say, or None."""
    return form_problem(text) or furniture(text.strip())


def _supporting(text: str, sources: Iterable[str], texts: dict[str, str]) -> tuple[str, ...]:
    return tuple(s for s in sources if s in texts and why_unsupported(text, prepared(texts[s])) is None)


def _corroborating(text: str, cited: Sequence[str], texts: dict[str, str],
                   says: SourceSentences | None = None) -> tuple[str, ...]:
    """The story's other sources that state the line in words of their own: a fact several
    outlets report is one point counted for each of them, not one line per outlet."""
    near = tuple(s for s in sorted(texts) if s not in cited and corroborates(text, prepared(texts[s])))
    more = says.also_stating(text, (*cited, *near)) if says is not None else ()
    return tuple(sorted((*near, *more)))


def _timeline(entries: Sequence[TimelineEntry], texts: dict[str, str], held: list[Held],
              page: PageRepeats | None = None) -> Iterable[TimelineEntry]:
    rows: set[str] = set()
    days: dict[str, PageRepeats] = {}  # per date, the rows shown: one event, one row
    vectors = page if page is not None else PageRepeats.of(texts.values())
    kept: dict[int, TimelineEntry] = {}
    shown_on: Counter[str] = Counter()  # rows kept per date
    stating = [_supporting(entry.text, entry.sources, texts) for entry in entries]
    # of one date's rows telling one event, the one most sources state stands; rows keep their order
    for k, entry in sorted(enumerate(entries), key=lambda ke: (ke[1].date, -len(stating[ke[0]]), ke[0])):
        reason = _form(entry.text) or _row_problem(entry, rows)
        rows.add(norm(entry.text))
        if entry.date not in days:
            days[entry.date] = vectors.fresh()
        day = days[entry.date]
        if reason is None and day.repeats(entry.text, SAME_DAY_SIMILAR):
            reason = "the same event is already a row of that date"
        if reason is None and len(entry.date) == len("2024-01-01") and shown_on[entry.date] >= ROWS_A_DAY:
            reason = f"the timeline shows {ROWS_A_DAY} rows of that day already"
        cited = stating[k]
        if reason is None and not cited:
            reason = "no cited source states it"
        if reason is None:
            day.add(entry.text)
            shown_on[entry.date] += 1
            kept[k] = replace(entry, sources=cited + _corroborating(entry.text, cited, texts))
        else:
            held.append(Held("timeline", f"{entry.date}: {entry.text}", entry.sources, reason))
    yield from (kept[k] for k in sorted(kept))


def _brief_in_other_words(summary: Sequence[Item], rows: Sequence[TimelineEntry],
                          texts: dict[str, str]) -> tuple[Item, ...]:
    """An In brief point whose sentence a Timeline row shown prints (nearly word for word: the row
    had no other source's telling, `_not_the_brief`) is shown in another source's words of the
    same point (`Item.said`) that a source states: the row dates the event, In brief sums it up,
    and no sentence is printed twice (blind readers judged the same sentence twice a repeat; a
    summary in other words they did not)."""
    out = list(summary)
    for k, item in enumerate(summary):
        line = norm(item.text)
        if not any(fuzz.ratio(norm(r.text), line, score_cutoff=REPEAT) for r in rows):
            continue
        taken = [norm(i.text) for i in out]
        for alt in map(without_dateline, item.said):
            if _form(alt) is not None or any(fuzz.ratio(norm(alt), t, score_cutoff=REPEAT) for t in taken):
                continue
            cited = _supporting(alt, sorted(texts), texts)
            if cited:
                out[k] = replace(item, text=alt, sources=cited)
                break
    return tuple(out)


def _not_the_brief(rows: Sequence[TimelineEntry], summary: Sequence[Item]) -> list[TimelineEntry]:
    """A row whose sentence In brief shows already (nearly word for word) shows another source's
    telling of its event where it has one: blind readers judged the same sentence twice on a page a
    repeat, while the Timeline still dates the event (and In brief still sums the page up)."""
    brief = [norm(item.text) for item in summary]

    def in_brief(text: str) -> bool:
        return any(fuzz.ratio(norm(text), point, score_cutoff=REPEAT) for point in brief)

    out = []
    for row in rows:
        if in_brief(row.text):
            # (without its dateline: a row is dated by its own column)
            other = next((t for t in map(without_dateline, row.said) if not in_brief(t) and _form(t) is None), None)
            row = row if other is None else replace(row, text=other)
        out.append(row)
    return out


def _one_place(timeline: Sequence[TimelineEntry], background: Sequence[Item], known: Sequence[Item],
               others: Sequence[Item | Unknown], held: list[Held]
               ) -> tuple[tuple[TimelineEntry, ...], tuple[Item, ...], tuple[Item, ...]]:
    """One fact, one place, the Timeline included. A row whose point What's next or What we don't
    know gives already yields to it (what is to come or unresolved says more than a date); a
    Background or What we know point a row gives whole, cited by as many sources, yields to the
    row, which shows it with its date and count. Blind readers judged every such second telling
    a repeat: half the rows were a Known or Background point again. (In brief sums the page up:
    the Timeline dates its events again; a point more sources state than the row stays.)"""
    said = [norm(o.text) for o in others]
    rows = []
    for row in timeline:
        line = norm(row.text)
        if any(_covers(other, line) for other in said):
            held.append(Held("timeline", f"{row.date}: {row.text}", row.sources, "already said on the page"))
        else:
            rows.append(row)
    dated = [(norm(row.text), set(row.sources)) for row in rows]

    def undated(section: str, items: Sequence[Item]) -> tuple[Item, ...]:
        kept = []
        for item in items:
            if any(_covers(row, norm(item.text)) and set(item.sources) <= sources for row, sources in dated):
                held.append(Held(section, item.text, item.sources, "shown in the Timeline, with its date"))
            else:
                kept.append(item)
        return tuple(kept)

    return tuple(rows), undated("background", background), undated("known", known)


def _covers(whole: str, part: str) -> bool:
    """`whole` says all that `part` says (normalised lines): nearly the same words, or `part`'s
    point in no more words than `whole` has."""
    return bool(fuzz.ratio(whole, part, score_cutoff=REPEAT)) or (
        len(stems(part)) <= len(stems(whole)) and same_point(part, whole))


# Rows of one day the timeline shows at most, those more sources state first: a dated overview,
# not the day's log (its details are What we know's). Outlets tell a day's one event in words too
# different to compare ("Scientists confirmed that the robot touched down" / "Landing with a
# bounce ..., a probe ..."): blind readings judged 45% of a day's second and later rows wrong,
# against 19% of its first.
ROWS_A_DAY = 2


# Words that date a line without a written year: "on Tuesday", "last May", "three years ago".
RELATIVE_DATE = re.compile(r"\b(?:ago|today|yesterday|tomorrow|(?:this|last|next|earlier|later|previous) (?:year|month|week)|"
                           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
                           r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|"
                           r"oct|nov|dec)\b", re.I)
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b(?!s)")


def _row_problem(entry: TimelineEntry, shown: set[str]) -> str | None:
    """Why a timeline row is wrong whatever its sources say, or None: its sentence is another
    row's already, or the years it states are all other than the row's and nothing else in it
    dates the row (a year taken from a side clause, a clock time read as a year)."""
    if norm(entry.text) in shown:
        return "the same sentence is already another row"
    years = set(YEAR.findall(entry.text))
    if years and entry.date[:4] not in years and not RELATIVE_DATE.search(entry.text):
        return f"dated {entry.date[:4]}, a year the line does not state"
    return None


def _unknown(items: Sequence[Unknown], texts: dict[str, str], shown: list[str],
             held: list[Held], garbled: frozenset[str] = frozenset(),
             page: PageRepeats | None = None, says: SourceSentences | None = None) -> Iterable[Unknown]:
    for item in items:
        if item.kind == "disputed":
            reason = _dispute_problem(item, texts)
            if reason is None and set(item.variants) & garbled:
                reason = "one side is a source whose text is garbled: its wording, not a disagreement"
            if reason is None and any(not _variant_in_source(v, texts.get(sid, "")) for sid, v in item.variants.items()):
                reason = "a side is not its source's own sentence"
            if reason is None:
                yield item
            else:
                held.append(Held("disputed", item.text, item.sources, reason))
            continue
        cited = _statement(item.kind, item.text, item.sources, texts, shown, held, page)
        if cited is None:
            continue
        more = _corroborating(item.text, cited, texts, says)
        if item.kind == "single_source" and (more or (says is not None and says.others_may_state(item.text, cited))):
            held.append(Held(item.kind, item.text, cited + more, "another source may state it: not single-source"))
            continue
        shown.append(norm(item.text))
        if page is not None:
            page.add(item.text)
        yield replace(item, sources=cited + more)


def _variant_in_source(variant: str, text: str) -> bool:
    return norm(variant) in norm(text) or why_unsupported(variant, prepared(text)) is None


def _dispute_problem(item: Unknown, texts: dict[str, str]) -> str | None:
    """Why a disagreement is not one: one value typed twice, or both values in one source."""
    values = re.findall(r'"([^"]+)"', item.text)
    if len(values) < 2:
        return None
    a, b = (re.sub(r"[^a-z0-9]", "", norm(v)) for v in values[:2])
    if a == b:
        return "one value written two ways, not a disagreement"
    one, two = norm(values[0]), norm(values[1])
    both = [sid for sid, text in texts.items() if one in norm(text) and two in norm(text)
            and not _two_accounts(text, values[0], values[1])]
    if both:
        return f"one source gives both values ({both[0]}): two different things, not a disagreement"
    return None


# "... gave the magnitude as 7.2 while the US Geological Survey put it at 7.4": the second value
# set against the first as another body's account
_ANOTHER_ACCOUNT = re.compile(r"\b(?:while|whereas|but)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+"
                              r"(?:put|gave|said|says|estimated|measured|reported|recorded|counted|registered)\b")


def _glued(first: str, second: str) -> bool:
    """ "Foreign"+"Ministry", "President"+"Michelle", "Israeli"+"Embassy": two words lost their space."""
    a, b = first.lower(), second.lower()
    return a in TITLE_NOUNS or a in IRREGULAR_DEMONYMS or country_of(first) is not None or is_body_noun(b)


def _demonym(speaker: str) -> bool:
    """ "American" (from "The American died ..."): a nationality, no one who spoke."""
    word = speaker.strip()
    return " " not in word and word[:1].isupper() and (
        fold(word) in IRREGULAR_DEMONYMS or country_of(word) is not None and not is_country_name(word))


def _lowercase_description(speaker: str) -> bool:
    """ "outlet", "the newspaper" (from "the outlet states"): the medium passing words on, named by a
    common noun, or a body by its kind only ("foreign ministry": whose?); an unnamed witness ("an
    eyewitness", "one man") is a speaker news copy quotes."""
    words = speaker.split()
    return bool(words) and not any(c.isupper() for c in speaker) and (words[-1] in MEDIA_NOUNS or words[-1] in _WHOSE)


# A body's noun written without whose it is ("foreign ministry", "authorities"): on a page of
# several countries a reader cannot tell whose words these are.
_WHOSE = frozenset({"ministry", "embassy", "office", "department", "agency", "government", "authorities"})


def _two_accounts(text: str, a: str, b: str) -> bool:
    """A source giving both values as two bodies' accounts in one sentence ("the agency gave 7.2
    while the Survey put it at 7.4") reports the disagreement, it does not dissolve it."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        at_a, at_b = sentence.find(a), sentence.find(b)
        if at_a >= 0 and at_b >= 0 and _ANOTHER_ACCOUNT.search(sentence[min(at_a, at_b):max(at_a, at_b)]):
            return True
    return False


def no_speakers_of(actors: Sequence[Actor]) -> frozenset[str]:
    """The names (folded) the story knows as a news outlet, whose quotations are others' words it
    reports ("banners read ..., the agency said"). An outlet's own reporter is a person and may be
    a witness; a name taken for a thing may still be a body that speaks ("the Hurricane Center said")."""
    return frozenset(fold(n) for a in actors if a.standing == "outlet" and a.kind != "person"
                     for n in (a.name, *a.aliases))


def _quotes(quotes: Sequence[Quote], texts: dict[str, str], shown: Sequence[str],
            held: list[Held], no_speakers: frozenset[str] = frozenset()) -> Iterable[Quote]:
    statements = prepare_statements(shown)
    kept: list[Quote] = []
    who = [_speaker_problem(q, no_speakers) for q in quotes]
    credited = [(fold(q.speaker or ""), f" {norm(q.text)} ") for q, problem in zip(quotes, who) if problem is None]
    for q, reason in zip(quotes, who):
        cited = tuple(s for s in q.sources if s in texts and norm(q.text) in norm(texts[s]))
        reason = reason or _words_problem(q, cited, credited, statements, shown)
        if reason is not None:
            held.append(Held("quote", _held_quote(q), q.sources, reason))
            continue
        if is_statement(q.text) and not (q.note or "").startswith("another rendering"):
            if any(_says_again(q, other) for other in kept):  # kept for the record, shown once
                q = replace(q, note=rendering_note(cited))
            else:
                kept.append(q)
        yield replace(q, sources=cited)


def _words_problem(q: Quote, cited: tuple[str, ...], credited: Sequence[tuple[str, str]],
                   statements: Sequence[tuple[str, frozenset[str]]], shown: Sequence[str]) -> str | None:
    """Why a quote's words are no key quote (a fragment, another speaker's too, furniture, a slip,
    in no cited source, shown already as a statement), or None."""
    if len(q.text.split()) < MIN_QUOTE_WORDS:
        return "a fragment, not a statement"
    if (opener := _leaning_opener(q.text)) is not None:
        return f"does not stand alone (opens with '{opener}')"  # "In addition, all staff are safe", "That's why ..."
    if (other := _credited_to_another(q, credited)) is not None:
        return f"the same words are credited to another speaker too ({other}): whose they are is unclear"
    if markup(q.text):
        return "page furniture, not the article's text"
    if SLIP.search(q.text):
        return "a slip in the source's text: garbled"  # "until the a last day": printed as the outlet typed it
    if not cited:
        return "no cited source has these words"
    if is_statement(q.text) and (repeats_statement(q.text, statements) or _quoted_by_a_statement(q, shown)) \
            or _told_with_speaker(q, statements):
        return "already shown as a statement"
    return None


def _leaning_opener(text: str) -> str | None:
    """The words a quotation opens with that answer what its speaker said before it, not shown: a
    connective ("In addition,", "But", "And"), a demonstrative ("This has led to ...", "That's
    why ...") or a third person ("He will go ..."); a speaker's own "I" or "we" is no such opener."""
    m = CONNECTIVE.match(text)
    if m and (m.group(0).strip(" ,").lower() not in _PLAIN_CONJUNCTIONS or _THIRD_PERSON.match(text[m.end():])):
        return m.group(0).strip(" ,")  # ("But certainly this is a great moment" stands; "And they've worked ..." not)
    m = _DEMONSTRATIVE_OPENER.match(text) or (_OTHERS_OPENER.match(text) if len(text.split()) <= SHORT_QUOTE else None)
    return m.group(1) if m else None


# A short quotation opening on a third person it never names ("He himself will go to Lyra", "They
# will probably be released"): whom the speaker meant was in the words before it, not shown (a
# longer one tells enough around it: "He is getting exactly the opposite ... Finland today, and
# soon Lyra will become a member")
SHORT_QUOTE = 12
_OTHERS_OPENER = re.compile(r"^[\"“‘']?(He|She|They|Him|Them|His|Her|Their)\b(?!['’])")


_PLAIN_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "or"})
_THIRD_PERSON = re.compile(r"\s*(?:they|it|he|she|this|that|these|those|them|their|its)\b", re.I)


# "This has led to ...", "That's why ...": what the speaker said before (not "This is a historic day",
# the moment the speaker is in, nor "This means the world is moving into ...", the news itself)
_DEMONSTRATIVE_OPENER = re.compile(r"^[\"“‘']?(This|That|These|Those)(?:(?:['’]s| is| was| are| were) why|"
                                   r" (?:has|have|had)(?! been)| (?:led|leads?))\b")


def _speaker_problem(q: Quote, no_speakers: frozenset[str]) -> str | None:
    """Why a quote's speaker is no one a key quote can be credited to, or None."""
    speaker = (q.speaker or "").strip().lower()
    if not speaker or speaker.startswith("unidentified") or speaker == "unknown":
        return "no identified speaker"
    if NOT_A_SPEAKER.match(speaker) or _demonym(q.speaker or "") or fold(q.speaker or "") in no_speakers \
            or len(speaker.split()) >= 2 and speaker.split()[-1] in LANDFORM_NOUNS:
        return "the speaker is not a person or a body"  # "he", "His family", "American", a wire reporting, "Lyra Island"
    if (unnamed := _UNNAMED_PERSON.match(speaker)) and person_noun(unnamed.group(1) or unnamed.group(2)) \
            or _lowercase_description(q.speaker or "") or _DESCRIBED.match(q.speaker or ""):
        return "the speaker is a description, not a name"  # "the MP", "the outgoing leader", "outlet"
    if _COUNTED_GROUP.match(speaker) and WRITER_FIRST_PERSON.search(q.text):
        return "one person's words credited to a group"  # "Sixteen MPs": "This morning I met ..."
    return None


# A group counted ("Sixteen Conservative MPs", "12 senators"): one person's "I" is never theirs
_COUNTED_GROUP = re.compile(r"^(?:\d+|" + "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one")) +
                            r"|dozens|hundreds|thousands|several|many|some)\s+\S+")


def _credited_to_another(q: Quote, credited: Sequence[tuple[str, str]]) -> str | None:
    """Another speaker the story credits with these words (the one inside the other, a few words
    at least): one outlet's "X said" and the next paragraph's carried speaker cannot both be right."""
    mine, text = fold(q.speaker or ""), f" {norm(q.text)} "
    if len(text.split()) < CREDITED_WORDS:
        return None
    return next((who for who, other in credited if who != mine and (text in other or other in text)
                 and len(other.split()) >= CREDITED_WORDS), None)


CREDITED_WORDS = 5  # words of a quotation two speakers are both credited with: the same words


SHARED_PASSAGE = 8  # words in a row a quote and a shown line share: the line already quotes it
QUOTED_WORDS = 4  # words of a quote a shown line gives in quotation marks, its speaker named: it quotes it
QUOTED_ALONE = 6  # ... or this many, with no speaker named
_QUOTED_SPAN = re.compile(r'"([^"]+)"')
SAID_AGAIN = 0.7  # share of a quote's words one of its speaker's quotes shown above gives: the same words


def _word_list(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", norm(text))


def _quoted_by_a_statement(q: Quote, shown: Sequence[str]) -> bool:
    """A line of the page already gives the quote, or a passage of it in quotation marks ("Roe
    said 'there are no winners in this case'" for "While we are relieved, there are no winners
    in this case"): the key quote would show those words twice."""
    mine = " ".join(_word_list(q.text))
    surname = norm(q.speaker.split()[-1]) if q.speaker else ""
    for line in shown:  # (normalised: plain quotation marks)
        named = bool(surname) and surname in _word_list(line)
        if mine and named and f" {mine} " in f" {' '.join(_word_list(line))} ":
            return True
        for span in _QUOTED_SPAN.findall(line):
            passage = _word_list(span)
            if len(passage) >= QUOTED_WORDS and f" {' '.join(passage)} " in f" {mine} " \
                    and (len(passage) >= QUOTED_ALONE or named):
                return True
    return False


def _says_again(q: Quote, other: Quote) -> bool:
    """Two outlets' renderings of one remark by one speaker ("I can confirm that the man suspected
    ... is Jane Roe" / "... has been named as Jane Roe"): most words of the one in the other."""
    if not q.speaker or fold(q.speaker) != fold(other.speaker or ""):
        return False
    mine, theirs = words(q.text), words(other.text)
    return len(mine) >= 3 and len(mine & theirs) >= SAID_AGAIN * min(len(mine), len(theirs))


def _told_with_speaker(q: Quote, statements: Sequence[tuple[str, frozenset[str]]]) -> bool:
    """The quote, or eight words of it in a row, inside a statement the page shows with its
    speaker's name ("Berners-Lee praised his 'colossal mind and wonderful spirit'"): the key
    quote would say it again. (A line that does not name the speaker leaves the quote its news.)"""
    surname = norm((q.speaker or "").split()[-1]) if q.speaker else ""
    words = norm(q.text).split()
    if not surname or len(words) < MIN_QUOTE_WORDS:
        return False
    span = min(len(words), SHARED_PASSAGE)
    passages = {" ".join(words[i:i + span]) for i in range(len(words) - span + 1)}
    return any(surname in other.split() and any(p in other for p in passages) for other, _ in statements)


# Two phrases run together across a full stop: "President Jane Roe. Examplian President" (not
# an abbreviation's point: "Mrs. Roe's lawyer", "St. Roch's priest").
_RUN_ON_ROLE = re.compile(r"\b(?!(?:Mrs|Mr|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Col|Sgt|Capt|Rev|Prof|Lt|No|Co|Inc|Corp|Ltd)\.)"
                          r"[A-Za-z][a-z]+\.\s+[A-Z]")


# A relation and a title run together: "friend US President" (of "her friend, US President X").
_RELATION_THEN_TITLE = re.compile(r"^(?:friend|ally|colleague|rival|teammate|confidant|mentor)\s+(?:[A-Z][\w.'’-]*\s+)*[A-Z]")


def _names_itself(name: str, role: str) -> bool:
    """The person's surname inside the role (a role is what the person is, never who); not a
    relative's possessive, "Roe's daughter" (a family shares its name)."""
    last = name.split()[-1] if " " in name else ""
    return len(last) >= 3 and re.search(rf"(?<![\w-]){re.escape(last)}(?![\w'’-])", role) is not None


def role_problem(actor: Actor) -> str | None:
    """Why an actor's role line is not a role: a person's verb phrase or a description that
    names no person, a fragment (cut off, unbalanced quotes), a line pointing outside itself."""
    role = (actor.role or "").strip()
    if not role:
        return None
    if SLIP.search(role):
        return "a slip in the source's text: garbled"  # "was was returning from work"
    if SPEAKERS_OWN.match(role):
        return "someone's words to another, not a role"  # '"Your son Michael." ...': a line of dialogue
    if actor.kind == "person" and (VERB_ROLE.match(role) or PAST_VERB_ROLE.match(role)):
        return "a verb phrase, not a title or description"
    if actor.kind == "person" and not fits(role, "person"):
        return "not a title or description of a person"
    if actor.kind == "person" and (_MANY.match(role) or _plural_person(role)):
        return "describes several people, not one"  # "7 French citizens", "both former leaders"
    if actor.kind == "organization" and _plural_description(role):
        return "describes several bodies, not one"  # "private-equity firms", "AMR's top rivals"
    if FRAGMENT_ROLE.match(role) or len(role.split()) > MAX_ROLE_WORDS or CUT_ROLE.search(role) \
            or OPEN_ROLE.search(role) or len(QUOTE_MARKS.findall(role)) % 2 or _RUN_ON_ROLE.search(role) \
            or role.count("[") != role.count("]") or role.count("(") != role.count(")") \
            or len(_OPENING_SINGLE.findall(role)) > len(_CLOSING_SINGLE.findall(role)):
        return "a fragment, not a role"  # ... or cut inside brackets: "Ann Velt] candidate", "maker of 'Lyra"
    if POINTING_ROLE.search(role) or OTHER_ROLE.match(role) or (actor.kind == "person" and PERSONAL_ROLE.search(role)):
        return "does not stand alone (points outside the line)"  # "his 11-year-old daughter": whose?
    if len(QUOTE_MARKS.findall(role)) >= 2:
        return "a title in quotation marks, not a role"  # "Jane Roe: 'My encounter with ...'", a link
    if actor.kind == "person" and _RELATION_THEN_TITLE.match(role):
        return "two descriptions run together: garbled"  # "friend US President" of "her friend, US President X"
    if actor.kind == "person" and _names_itself(actor.name, role):
        return "carries the person's own name: words of the sentence, not a role"  # "President Jane Roe"
    if any(_glued(*m.groups()) for m in GLUED_ROLE.finditer(role)) or GLUED.search(role):
        return "words run together: garbled"  # "Israeli ForeignMinistry spokesman", "News photoLyra captain"
    words = role.split()
    if actor.kind != "person" and (len(words) == 1 or len(words) == 2 and
                                   (VERB_ROLE.match(role) or PAST_VERB_ROLE.match(role))):
        return "says too little of its part in the story"  # "passed legislation", "case", "shadow"
    if actor.kind != "person" and PROGRESSIVE_ROLE.match(role):
        return "tells what it was doing, not its part in the story"  # "had been waiting for a result"
    if actor.kind == "person" and (KIN_ROLE.match(role) or SUPERLATIVE_ROLE.match(role)
                                   or BARE_OFFICE_ROLE.match(role)):
        return "says too little without what it is of"  # "husband" (whose?), "youngest man" (to do what?), "Secretary"
    if actor.kind == "person" and _identity_only(role):
        return "says who the person is, not their part in the story"  # "German citizen", "black man"
    if actor.kind == "person" and fold(role).strip(".") in ADDRESS_TITLES:
        return "a form of address, not a role"  # "Sheikh": part of how the name is written
    if markup(role) or caption(role) == "photo credit":
        return "page furniture, not the article's text"
    if not TIMESTAMP_WORDS.sub("", role).strip(" ,.-–—:/()"):
        return "a date or a time, not a role"  # "2011 - 8:18 pm": a page's timestamp
    if DATED_ROLE.search(role):
        return "a fragment, not a role"  # "last Friday CEO": the sentence's time cut into the role
    if NUMBER_END.search(role) or OTHER_NAME.search(role):
        return "a fragment, not a role"  # "has completed its $69bn", "Patnaik and Union Education Minister"
    return None


# Words that tell only who someone is (a nationality, a colour, an age), with a noun for any person:
# "German citizen", "black man", "28-year-old Examplian woman" name no part in the story.
_IDENTITY_WORDS = frozenset({"black", "white", "asian", "hispanic", "latino", "latina", "indigenous", "young", "old",
                             "elderly", "local", "a", "an", "the"})
_ANY_PERSON = frozenset({"man", "woman", "citizen", "national", "resident", "person", "boy", "girl", "native",
                         "teenager", "individual"})


def _identity_only(role: str) -> bool:
    words = role.lower().replace("-born", "").split()
    return len(words) >= 2 and words[-1] in _ANY_PERSON and all(
        w in _IDENTITY_WORDS or re.fullmatch(r"\d+-year-old", w) or is_demonym(w) for w in words[:-1])


# A description of several people: a number, "both", "all", "two" at its start.
_MANY = re.compile(r"^(?:\d|both\b|all\b|two\b|three\b|several\b|many\b|some\b)", re.I)


def _plural_person(role: str) -> bool:
    """A role whose last word is the plural of a person's noun ("former leaders", "citizens")."""
    last = re.findall(r"[a-z]+", role.lower())[-1:] or [""]
    word = last[0]
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and person_noun(word[:-1])


def _plural_description(role: str) -> bool:
    """A short description, no predicate, ending on a plural noun: "the airline's top rivals"
    (not "issued strong statements", "continues to provide updates": a verb opens those)."""
    words = role.split()
    first, last = words[0], words[-1]
    if len(words) > PLURAL_DESCRIPTION_WORDS or VERB_ROLE.match(role) or PAST_VERB_ROLE.match(role) \
            or re.fullmatch(r"[a-z]+(?:s|ed)", first) and not first.endswith("ss"):
        return False
    return len(last) > 3 and last.islower() and last.endswith("s") and not re.search(r"(?:ss|us|is|ics|ws)$", last)


PLURAL_DESCRIPTION_WORDS = 5


# Words that make a person's name part of a place's or a body's: "the Jane Roe Hospital".
_NAMED_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:Hospital|Airport|University|School|College|Stadium|Arena|"
                          r"Centre|Center|Institute|Foundation|Prize|Award|Street|Avenue|Bridge|Park|Square|Station|"
                          r"Library|Museum|Memorial|Hall|Building|Tower|Trophy|Cup)\b")
_NAMED_BEFORE = re.compile(r"\b(?:Hospital|Airport|University|Stadium|Institute|Foundation|Museum|Prize)\s+(?:of\s+)?$")


def _inside_a_place_name(name: str, texts: dict[str, str]) -> bool:
    """Every time the sources write the name, it is part of a longer name of a place or a body."""
    seen = 0
    pattern = None
    for text in texts.values():
        if name not in text:
            continue  # the cheap test first: most sources never write most names
        pattern = pattern or re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        for m in pattern.finditer(text):
            seen += 1
            if not (_NAMED_AFTER.match(text, m.end()) or _NAMED_BEFORE.search(text[max(0, m.start() - 20):m.start()])):
                return False
    return seen > 0


def _owned_name(actor: Actor) -> Actor:
    """ "Jane Roe's Harbour Group" -> "Harbour Group": a person's name written into a body's.
    A country's or a place's stays: "Velora's Foreign Ministry" is not any foreign ministry."""
    m = re.match(r"^(.+?)['’]s\s+([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)$", actor.name)
    if not m or len(m.group(1).split()) < 2 or is_country_name(m.group(1)):
        return actor
    owner, body = m.group(1).split()[-1].lower(), m.group(2)
    if owner in TITLE_NOUNS or person_noun(owner) or " " not in body and is_body_noun(body):
        return actor  # "Carver County Sheriff's Office" is an office's name, not "Office"
    return replace(actor, name=m.group(2), aliases=tuple(dict.fromkeys((*actor.aliases, actor.name))))


def _answers_to(actor: Actor) -> set[str]:
    """Every name the actor answers to, and every word of them, lower-cased."""
    return {w.lower() for n in (actor.name, *actor.aliases) for w in [n, *n.split()]}


def _naming(actor: Actor, texts: dict[str, str], answers: Counter[str] | None = None) -> tuple[str, ...]:
    """The sources naming the actor: those its mentions came from, and any other whose text
    writes its name or an alias of three letters or more as a word ("WeWork's", a mention the
    parser did not tag): "Sources naming it" never undercounts. A name another actor of the
    story also answers to (`answers` counts them: "Bongo" for two Bongos) is no evidence."""
    names = [n for n in (actor.name, *actor.aliases) if len(n) >= 3 and (answers or {}).get(n.lower(), 1) <= 1
             and (actor.kind != "person" or " " in n.strip())]
    writing = {s: text for s, text in texts.items() if any(n in text for n in names)}  # the cheap test first
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])") if names and writing else None
    extra = {s for s, text in writing.items() if pattern is not None and pattern.search(text)}
    return tuple(sorted(set(actor.sources) | extra))


def _actors(actors: Sequence[Actor], texts: dict[str, str], held: list[Held],
            shown: Sequence[str] = ()) -> Iterable[Actor]:
    people = [a.name for a in actors if a.kind == "person" and " " in a.name]
    for actor in actors:
        if actor.standing != "actor" or actor.kind in {"city", "region"}:
            what = "place" if actor.kind in {"city", "region"} else actor.standing
            held.append(Held("actor", actor.name, actor.sources, f"not an actor of the story ({what})"))
            continue  # places, outlets, things: never a row (sections.actors.standing decides)
        if actor.kind == "person" and _inside_a_place_name(actor.name, texts):
            held.append(Held("actor", actor.name, actor.sources, "part of a place's or a body's name, not a person"))
            continue  # "Albert Einstein" of "the Albert Einstein Israelite Hospital"
        actor = _owned_name(actor)
        reason = role_problem(actor)
        if reason is None and actor.role and any(p != actor.name and _titled_inside(p, actor.role) for p in people):
            reason = "names another person: a fragment, not a role"  # "chancellor Ann Roe and defence secretary"
        if reason is None and actor.role and actor.kind != "person" and len(actor.role.split()) >= 4 \
                and any(norm(actor.role) in line for line in shown):
            reason = "already said on the page"  # "attributed the outage to the provider": a What we know line
        if reason is None and actor.role:
            cited = tuple(s for s in actor.role_sources if s in texts and norm(actor.role) in norm(texts[s]))
            if not cited:
                reason = "no cited source gives this role"
            elif all(_cut_short(actor.role, texts[s]) for s in cited):
                reason = "a fragment, not a role"  # "son of Deschamps[' teammate Lilian Thuram]", "and head[ of ...]"
            else:
                actor = replace(actor, role_sources=cited)
        if reason is not None:
            held.append(Held("actor", f"{actor.name}: {actor.role}", actor.role_sources, reason))
            actor = replace(actor, role=None, role_sources=())
        yield actor


def _titled_inside(name: str, role: str) -> bool:
    """Another person's name with a title before it inside a role ("chancellor Ann Roe and defence
    secretary"): two people's descriptions run together. ("wife of Ann Roe", "Ann Roe's deputy" and
    "successor to Ann Roe" describe by a relation.)"""
    return name in role and re.search(rf"\b(?!(?:of|to|for|with|by|and|than)\b)[a-z]+\s+{re.escape(name)}(?!['’]s)",
                                      role) is not None


def _cut_short(role: str, text: str) -> bool:
    """Every time the source writes the role, its noun phrase goes on after it: a possessive ("son of
    Velt' teammate Lyra") or "of" ("... and head of the Commonwealth"): the role was cut inside a
    noun phrase, and says something the source does not."""
    found = list(re.finditer(re.escape(role), text))
    return bool(found) and all(re.match(r"['’]s?\s+\w|\s+of\s", text[m.end():]) for m in found)


def _unnamed_without_role(actors: Iterable[Actor], told: str, held: list[Held]) -> Iterable[Actor]:
    """An actor with no role that no line of the page names tells a reader nothing: who is
    "Jane Roe", what is "KVT" or "Velora" in this story? Held; one the page's lines name is known
    from them, and a body whose name says what it is ("the Examplian Geophysical Institute") stays."""
    for actor in actors:
        forms = [norm(n) for n in (actor.name, *actor.aliases) if len(n) >= 3]
        says_what = actor.kind != "person" and any(is_body_noun(w) for n in (actor.name, *actor.aliases)
                                                   for w in re.findall(r"[A-Za-z]+", n))
        if actor.role or says_what or any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", told) for f in forms):
            yield actor
        else:
            held.append(Held("actor", actor.name, actor.sources, "no role, and no line of the page names it"))


def _not_the_headline(summary: tuple[Item, ...], headline: str, held: list[Held]) -> tuple[Item, ...]:
    """In brief never opens by saying the headline again word for word (it keeps one point)."""
    same = [i for i in summary if norm(i.text).rstrip(". ") == norm(headline).rstrip(". ")]
    if not same or len(summary) < 2:
        return summary
    held.extend(Held("summary", i.text, i.sources, "the headline says it") for i in same)
    return tuple(i for i in summary if i not in same)


def _headline(story: Story, summary: Sequence[Item], held: list[Held]) -> str:
    """The story's headline, unless it is navigation text or shares no word with the sources'
    own titles and openings: then the first In-brief point stands in."""
    head = story.headline
    opening = " ".join(f"{a.title or ''} {a.text[:300]}" for a in story.sources)
    reason = None
    if (NAVIGATION.search(head) and len(head.split()) <= 5) or not (words(head) & words(opening)):
        reason = "navigation text or not the sources' words"
    elif len(head.split()) > MAX_HEADLINE_WORDS or ATTRIBUTION_TAIL.search(head):
        reason = f"a lead sentence, not a headline (over {MAX_HEADLINE_WORDS} words or an attribution tail)"
    elif caption(head) or markup(head):
        reason = "a photo caption, credit or page text, not a headline"
    if reason is None:
        return head
    held.append(Held("headline", head, (), reason))
    # the stand-in passes the same checks: the most central lead clause of the brief
    central = centrality([f"{a.title or ''} {a.text}" for a in story.sources])
    clauses = [c for item in summary if (c := lead_clause(item.text)) and words(c) & words(opening)
               and not caption(c) and not markup(c)]
    if clauses:
        return max(clauses, key=lambda c: (central(c), -clauses.index(c))).rstrip(".")
    return (lead_clause(head) or head) if not summary else summary[0].text
