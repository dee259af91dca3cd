"""Timeline: dated events, relative dates resolved against each article's own date.

Per story: resolves what needed the story's date, keeps real events, and merges the same
event told by several sources into one cited entry (events.py). The date mentions come
from each article's parse (generator.nlp.dates).

An article's own date is its publication date, else the day its dateline names ("PORTVILLE,
July 8 (Agency) -", its year the story's); an article with neither is read against the days the
story was published on (`resolve_between`): a weekday is its day nearest those days, never counted
back from the story's first day, so the aftermath is not dated before the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from generator.text.dates.expressions import nearest_day, parse_expression, resolve, resolve_between
from generator.text.dates.partial import PartialDate, Precision, day_of
from generator.sections.timeline.events import Candidate, complete_sentence, group_events
from generator.models import AnalysedArticle, Article, DateMention, Sentence, TimelineEntry


@dataclass(frozen=True)
class Dating:
    """What an article's relative dates are read against: its own day, else the story's window."""

    day: date | None = None
    window: tuple[date, date] | None = None

    def resolve(self, m: DateMention) -> PartialDate | None:
        spec = parse_expression(m.expression)
        if spec is None:
            return None
        if self.day is not None:
            return resolve(spec, self.day, m.tense)
        return resolve_between(spec, *self.window, m.tense) if self.window else None

    @property
    def earliest(self) -> date | None:
        return self.day or (self.window[0] if self.window else None)

    @property
    def latest(self) -> date | None:
        return self.day or (self.window[1] if self.window else None)


def build_timeline(items: Sequence[AnalysedArticle], reference_date: str | None) -> list[TimelineEntry]:
    """One entry per dated event across the story's sources, sorted by date then text.

    `reference_date` is the story's own date (its earliest publication): the first day of the
    window undated articles are read against, whose last day is the latest publication.
    """
    window = story_window(items, reference_date)
    candidates: list[Candidate] = []
    for item in sorted(items, key=lambda it: it.source_id):
        candidates.extend(_candidates(item, article_dating(item.article, window)))
    corpus = [s.lemmas for it in items for s in it.analysis.sentences]
    entries = [
        TimelineEntry(group.date.iso, group.text, group.sources, said=group.others)
        for group in group_events(candidates, corpus, window)
    ]
    return sorted(entries, key=lambda e: (e.date, e.text, e.sources))


def story_window(items: Sequence[AnalysedArticle], reference_date: str | None) -> tuple[date, date] | None:
    """The first and last days the story's articles were published on (the first being the
    story's reference date when given); None when no day is known."""
    days = sorted(d for it in items if (d := day_of(it.article.published_date)))
    first = day_of(reference_date) or (days[0] if days else None)
    if first is None:
        return None
    return first, max([first, *days])


def article_dating(article: Article, window: tuple[date, date] | None) -> Dating:
    """The article's own day (published, else its yearless dateline placed in the story's
    window), or the window itself."""
    own = day_of(article.published_date)
    if own is not None:
        return Dating(day=own)
    if article.dateline and window is not None:
        month, day = int(article.dateline[2:4]), int(article.dateline[5:7])
        first, last = (nearest_day(month, day, end) for end in window)
        if first is not None and first == last:
            return Dating(day=first)
    return Dating(window=window)


LISTED_DATES = 3  # dates written one after another in a list ("1958, 1962 and 1970"): a record
_LIST_GAP = re.compile(r"^[\s,]*(?:and|or|&)?[\s,]*(?:in|on)?\s*$")


def _listed(text: str, mentions: Sequence[DateMention]) -> bool:
    """Do LISTED_DATES of the sentence's dates stand in one list, nothing but commas and "and" between?"""
    ordered = sorted(mentions, key=lambda m: m.start)
    run = best = 1
    for a, b in zip(ordered, ordered[1:]):
        run = run + 1 if a.end <= b.start and _LIST_GAP.match(text[a.end:b.start]) else 1
        best = max(best, run)
    return best >= LISTED_DATES


def _candidates(item: AnalysedArticle, dating: Dating) -> list[Candidate]:
    """The article's dated events, with dates that needed the story's date resolved now."""
    sentences = item.analysis.sentences
    resolved: dict[int, list[tuple[PartialDate, DateMention]]] = {}
    for m in item.analysis.date_mentions:
        point = PartialDate.from_iso(m.date)
        if point is None and m.relative:
            point = dating.resolve(m)
        if point is None:
            continue  # undated article in an undated story: left out rather than guessed
        if m.tense == "present" and (dating.latest is None or point.before(dating.latest)):
            continue  # "A man walks past the hall on Jan. 9, 2018": a photo caption, not the story's event
        if m.tense == "future" and dating.earliest is not None and point.before(dating.earliest):
            continue  # a scheduled event is never dated before the article that announces it
        resolved.setdefault(m.sentence, []).append((point, m))
    out = []
    for index in sorted(resolved):
        if not sentences[index].has_verb:
            continue  # "Protesters outside the court on May 2, 2019.": a caption, no event told
        text = _whole_clause(sentences[index], [m for _, m in resolved[index]], index == len(sentences) - 1)
        if text is None:
            continue  # "The final count late Sunday showed" -- cut off by the scraper
        kept = _prefer_explicit(resolved[index])
        points = {point for point, _ in kept}
        if _listed(item.article.text, [m for _, m in kept]):
            continue  # "won three cups, in 1958, 1962 and 1970": a record told at once, no one day's event
        # A side date of a sentence whose own event has no date here only supports a row: "Abe,
        # who resigned in 2020, collapsed" must not date the collapse 2020. A date inside a
        # quotation is the speaker's words, not a row's: it too only supports one.
        sentence = sentences[index]
        spoken = {m: quoted(sentence, m.start) for m in item.analysis.date_mentions if m.sentence == index}
        dated = any(m.main_clause and not q for m, q in spoken.items())
        # "X, president since 1998, quit on Tuesday": a side date may stand on its own row only
        # beside a main date the row shows in full; told beside "on Tuesday" it dates the quitting
        plainly = any(m.main_clause and not q and not m.relative and not _is_relative(m.expression)
                      for m, q in spoken.items())
        # "Velt retired from that position in 2009": the row leans on a sentence not shown
        pointing = any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) for phrase, _ in sentence.pointers)
        for point, m in kept:
            if any(c.sentence == index and c.date == point for c in out):
                continue  # "on Sunday (June 2)": one date, said twice
            shown = (dated if m.main_clause else plainly) and not spoken.get(m, False) and not pointing
            out.append(Candidate(
                date=point, source_id=item.source_id, sentence=index, text=text,
                lemmas=m.event_lemmas or sentences[index].lemmas, other_dates=len(points) - 1,
                relative=m.relative or _is_relative(m.expression), approximate=m.approximate,
                main_clause=m.main_clause, shown=shown,
            ))
    return out


def quoted(sentence: Sentence, offset: int) -> bool:
    """True when the character at `offset` (in the article) lies inside a quotation of the sentence."""
    before = sentence.text[:max(0, offset - sentence.start)]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


# Where a cut-off last sentence may be trimmed: before a side clause ("..., which states that an atta").
SIDE_CLAUSE_START = re.compile(
    r",\s+(?:which|who|whose|where|when|while|as|and|but|after|before|because|although|though|"
    r"including|according|saying|adding|prompting|leaving|sending)\b")
MIN_TRIMMED_WORDS = 6


def _whole_clause(sentence: Sentence, mentions: Sequence[DateMention], last: bool) -> str | None:
    """The sentence, or for the page's last sentence cut off by the scraper, its main clause
    up to the side clause where the cut fell, when every date of it lies before that point:
    "The strike in May 2019 forced the plant to close, which cost the town its bigg" ->
    "The strike in May 2019 forced the plant to close" (trimmed, never completed)."""
    text = sentence.text
    if complete_sentence(text):
        return text
    if not last:
        return None
    date_end = max(m.end for m in mentions) - sentence.start
    cuts = [m.start() for m in SIDE_CLAUSE_START.finditer(text) if m.start() >= date_end]
    if not cuts:
        return None
    kept = text[:cuts[-1]].rstrip()
    start = kept.lstrip("\"'\u201c\u2018(")
    if len(kept.split()) < MIN_TRIMMED_WORDS or not start[:1].isupper():
        return None
    return kept


def _prefer_explicit(found: list[tuple[PartialDate, DateMention]]) -> list[tuple[PartialDate, DateMention]]:
    """A weekday within a week of a written date in its sentence gives way to it.

    "will open on Sunday (June 2)" is June 2 even if the article's own date is a day off.
    """
    explicit = [point.first for point, m in found
                if point.precision is Precision.DAY and not _is_weekday(m.expression)]

    def overruled(point: PartialDate) -> bool:
        day = point.first
        return any(day != e and abs((day - e).days) < 7 for e in explicit)

    return [(point, m) for point, m in found if not (_is_weekday(m.expression) and overruled(point))]


def _is_weekday(expression: str) -> bool:
    spec = parse_expression(expression)
    return spec is not None and spec.kind == "weekday"


def _is_relative(expression: str) -> bool:
    spec = parse_expression(expression)
    return spec is not None and spec.relative
