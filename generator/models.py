"""The typed data passed between pipeline stages.

ingest -> RawDocument | Rejection
clean  -> Article (body paragraphs + metadata + every removed line with its reason)
analyse -> ArticleAnalysis (plain data extracted from the spaCy parse; no Doc leaves analyse)
cluster -> StoryInput (the analysed articles of one story)
compose -> Story (every section of an explainer, each statement cited)
render  -> Markdown text; merge -> files in content/

Everything here is immutable plain data so stages stay pure and output deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SourceId = str  # stable per input file, e.g. "000" (see ingest.source_id_for)


# ---------------------------------------------------------------- ingest


@dataclass(frozen=True)
class RawDocument:
    """One decoded input file, before any cleaning."""

    source_id: SourceId
    file: str  # path relative to the project root, with forward slashes
    text: str  # decoded text (HTML already reduced to text by its reader)
    format: Literal["text", "markdown", "html", "json"] = "text"
    # metadata given explicitly (front matter, JSON fields, sidecar file); wins over inference
    meta: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""  # sha256 of the raw bytes; keys caches and incremental runs


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used, with the reason a person can act on."""

    file: str
    error: str


# ---------------------------------------------------------------- clean


@dataclass(frozen=True)
class RemovedLine:
    line: str
    reason: str  # e.g. "boilerplate: share widget", "photo caption", "duplicate of headline"


@dataclass(frozen=True)
class Article:
    """A cleaned article: the body a reader would read, and what the page states about itself."""

    source_id: SourceId
    file: str
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...] = ()
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 at the precision stated: "2025-07-04T15:25", "2025-07-05", None
    url: str | None = None
    content_hash: str = ""
    # a dateline's day without its year ("PORTVILLE, July 8 (Agency) -"), as ISO 8601 writes one:
    # "--07-08"; the story's dates give it its year (sections/timeline). None when a full date is known.
    dateline: str | None = None
    # stable key of the source (editorial.ids): its host and a short hash of its bytes, never its
    # position or file number; the page's footnote label. "" until the editorial stage sets it.
    key: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def published_date(self) -> str | None:
        """The date part (YYYY-MM-DD) of `published`, when it is that precise."""
        if self.published and len(self.published) >= 10:
            return self.published[:10]
        return None


# ---------------------------------------------------------------- analyse (per article)


@dataclass(frozen=True)
class Entity:
    """A named-entity span from spaCy."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, DATE, ...
    start: int  # character offsets in Article.text
    end: int
    sentence: int  # index into ArticleAnalysis.sentences


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # character offsets in Article.text
    end: int
    paragraph: int
    lemmas: tuple[str, ...] = ()  # lower-cased content lemmas (no stop words, punctuation)
    numbers: tuple[str, ...] = ()  # numerals / cardinal figures as written ("149", "three")
    # phrases pointing to something said before the sentence ("that lie", "those staff", "no such
    # relief"), with the lemma of the noun pointed at: the line leans on the sentence before it
    pointers: tuple[tuple[str, str], ...] = ()
    # a verb of a main clause in the parse ("said", "opened", "will"; not "the burning plant", nor
    # the verb of a side clause standing alone, "While the mayor also said ..."): a line without
    # one is a caption or a fragment ("The cast at the awards in 2002."), never a statement
    has_verb: bool = True
    # the lemma of a bare definite subject opening the sentence ("The strategy paid off": "strategy"):
    # where the story's other sources never use the word, the sentence leans on the one before it
    subject: str = ""
    # lemmas of the bare definite noun phrases of the sentence ("the collapse", "the building"):
    # one the sentence before names is that sentence's, and the line takes it along
    definites: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """One mention of a possible actor, with the words the article uses to describe it."""

    text: str  # surface form as written ("Mr. Ivanov", "France's Foreign Ministry")
    label: str  # spaCy label
    sentence: int
    start: int
    end: int
    role_phrases: tuple[str, ...] = ()  # descriptions attached to this mention (appositive, title)
    actions: tuple[str, ...] = ()  # what it does as the subject of its clause ("raised interest rates")
    # what the mention does in its sentence: "acts", "speaks", "audience", "dateline", "personal",
    # "impersonal", "quoted", "hashtag", "modifies:<noun>" (generator.nlp.actors.functions)
    functions: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence, resolved against the article's reference date."""

    sentence: int
    expression: str  # as written: "on Thursday", "in April 2025", "nearly three years ago"
    date: str | None  # ISO at the precision the text allows: "2025", "2025-04", "2025-07-03"
    start: int = 0
    end: int = 0
    relative: bool = False  # date is None until resolved against the story's date ("on May 12", undated article)
    tense: str = "past"  # past | present | future: the direction of a relative date ("will vote on Monday")
    approximate: bool = False  # "almost five years ago": a year at most, and only roughly
    main_clause: bool = True  # times the sentence's own event, not a side one ("Abe, who resigned in 2020, collapsed")
    event_lemmas: tuple[str, ...] = ()  # lemmas of the clause the date times, without clauses telling other events


@dataclass(frozen=True)
class QuoteMention:
    text: str  # the quoted words verbatim, without the quotation marks
    speaker: str | None  # surface form of the speaker as resolved in this article
    sentence: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class ArticleAnalysis:
    source_id: SourceId
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    date_mentions: tuple[DateMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    # what the article is about, as clustering compares articles (topic_terms.counts)
    terms: tuple[tuple[str, int], ...] = ()
    # body words that are no English word but plainly a slip ("wree", "andkilled"): garbled text
    misspellings: tuple[str, ...] = ()
    # word sequences no careful writer produces ("this stamped ended", "..., saying."): spun text
    grammar_slips: tuple[str, ...] = ()
    # each person's gender as the article itself tells it (titles, pronouns): surname in lower
    # case -> "m" / "f"; never from lists of first names (generator.nlp.quotes.gender)
    genders: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AnalysedArticle:
    article: Article
    analysis: ArticleAnalysis

    @property
    def source_id(self) -> SourceId:
        return self.article.source_id


# ---------------------------------------------------------------- compose (per story)


@dataclass(frozen=True)
class Item:
    """One cited statement: text taken from a sentence of the cited sources."""

    text: str
    sources: tuple[SourceId, ...]
    id: str = ""  # stable id (editorial.ids): from the claim's words, the same wherever it shows
    # the sentences it stands for, its own among them: the desk's decision on one of them
    # follows the claim when another source's sentence is shown for it (editorial.match)
    said: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str  # person | organization | country | city | region | group | other
    aliases: tuple[str, ...]
    role: str | None
    mentions: int
    sources: tuple[SourceId, ...]
    role_sources: tuple[SourceId, ...] = ()  # the sources whose words give the role
    # "actor" gets a row on the page; a name that is no actor of the story stays out of it (but
    # still names quotes' speakers): "place", "outlet", "thing", "passing" (named, not acting),
    # "ambiguous" (a first name several people share), "character" (a role someone plays)
    standing: str = "actor"
    id: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # ISO at the precision the text allows
    text: str  # the source sentence (trimmed at most)
    sources: tuple[SourceId, ...]
    id: str = ""
    # the event's other tellings, clearest first: the row may show one of them instead where its
    # own sentence is already on the page (stories/verify._not_the_brief)
    said: tuple[str, ...] = field(default=(), compare=False, repr=False)


UnknownKind = Literal["open_question", "single_source", "disputed"]


@dataclass(frozen=True)
class Unknown:
    kind: UnknownKind
    text: str
    sources: tuple[SourceId, ...]
    variants: dict[SourceId, str] = field(default_factory=dict)  # disputed only: each source's sentence
    id: str = ""


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    text: str
    sources: tuple[SourceId, ...]
    note: str | None = None  # e.g. "another rendering of the same statement"
    id: str = ""


@dataclass(frozen=True)
class Mark:
    """What the desk did to one item, so that the page and the JSON can say so."""

    desk: tuple[str, ...] = ()  # fields worded by the editors: "text", "role", "name", "date", "speaker", ...
    review: str | None = None  # needs review (gettext's "fuzzy"): the generator's text changed under an edit
    conflict: str | None = None  # the sources now say otherwise than the text an editor wrote
    new: bool = False  # new since the story's previous update


@dataclass(frozen=True)
class Held:
    """A line that failed verification: kept for editors with its reason, never published.

    `section` names where it would have stood: summary, background, known, whats_next,
    open_question, single_source, disputed, timeline, quote, actor, headline. Its `id`
    (editorial.ids) is how an editor approves it, which moves it into that section."""

    section: str
    text: str
    sources: tuple[SourceId, ...]
    reason: str
    id: str = ""


@dataclass(frozen=True)
class Story:
    slug: str
    headline: str
    event_date: str | None
    updated: str | None
    sources: tuple[Article, ...]
    summary: tuple[Item, ...] = ()
    background: tuple[Item, ...] = ()
    actors: tuple[Actor, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    known: tuple[Item, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    quotes: tuple[Quote, ...] = ()
    whats_next: tuple[Item, ...] = ()
    # what the last regeneration added, for returning readers ("2 new sources: ...")
    changes: tuple[str, ...] = ()
    # near-duplicate copies of one wire story: copy source id -> original source id.
    # Copies are listed as "also published by" and never counted as separate evidence.
    copies: tuple[tuple[SourceId, SourceId], ...] = ()
    # lines held back by verification (generator.stories.verify), for editors to review
    held: tuple[Held, ...] = ()
    # sources whose text reads as garbled (spun or machine-mangled): labelled in the Sources list,
    # and a claim only they make is held back
    garbled: tuple[SourceId, ...] = ()
    # sources that are commentary (a column, a first-person piece), not reports: labelled in the
    # Sources list, and a claim only they make is held back
    commentary: tuple[SourceId, ...] = ()
    # the desk's marks by item id (editorial.apply), and the date new points are new since
    marks: dict[str, Mark] = field(default_factory=dict)
    new_since: str | None = None
    description: str | None = None  # the desk's meta description (else the first In brief point)
    ordered: tuple[str, ...] = ()  # sections whose order the desk set: the page keeps that order

    @property
    def source_ids(self) -> tuple[SourceId, ...]:
        return tuple(a.source_id for a in self.sources)

    @property
    def independent_sources(self) -> tuple[Article, ...]:
        """Sources that count as evidence: copies of another source excluded ("N of M")."""
        copied = {c for c, _ in self.copies}
        return tuple(a for a in self.sources if a.source_id not in copied)


@dataclass(frozen=True)
class RunResult:
    """What one generate run produced, for the CLI, the export and the tests."""

    stories: tuple[Story, ...]
    rejected: tuple[Rejection, ...] = ()
    conflicts: tuple[str, ...] = ()  # "content/stories/x.md:12: why", each needing an editor
    written: tuple[str, ...] = ()  # files changed on disk
    notes: tuple[str, ...] = ()  # things the desk should know (items to review, kept pages)
