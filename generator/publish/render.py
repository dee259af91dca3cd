"""Render stage: a Story becomes Markdown through the Jinja2 templates in site_config/templates/.

Escaping happens in one place: the environment's `finalize` passes every printed value
through `markdown_escape.md_inline` unless a filter of ours built it (`SafeMd`). So a
template cannot forget to escape, and article text can never become markup.

What a reader sees is chosen here, never what the sections produce: In brief holds three
to five points, What we know opens with the best-supported ones, at most five key quotes
(whole, attributed sentences), and page_plan.py folds the rest of every section so the
page reads in at most 1,000 words before its Sources. Sources are named by outlet, title
and date (source_view.py), disagreements by outlet and day (disputes.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Sequence

import jinja2

from generator import __version__
from generator.config import Settings
from generator.models import Actor, Item, Quote, Story, Unknown
from generator.publish import filters as rf
from generator.publish import marks
from generator.publish import source_view as sv
from generator.publish.disputes import dispute_rows
from generator.publish.markdown_escape import SafeMd, clean_text, html_text, md_inline, safe_tag, safe_token, safe_url
from generator.publish.page_plan import plan_page, words
from generator.stories.hubs import key_actors, other_actors
from generator.stories.links import StoryLinks, StoryRef
from generator.stories.topics import story_topics

BRIEF_MIN, BRIEF_MAX = 3, 5  # In brief: three to five points
MAX_QUOTES = 5  # key quotes shown: whole sentences with a named speaker
QUOTE_MIN_WORDS = 6  # fewer words is a phrase, not a quotable sentence
STRIP_STOPS = 8  # the timeline strip groups dates by year beyond this many
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NO_LINKS = StoryLinks()


def _finalize(value: Any) -> str:
    """Every `{{ value }}`: ours (SafeMd) as is, numbers as text, anything else escaped."""
    if value is None:
        return ""
    if isinstance(value, SafeMd):
        return str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return md_inline(value)


@lru_cache(maxsize=4)
def environment(templates_path: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_path),
        autoescape=False,  # HTML escaping is the wrong escaping for Markdown; finalize does it
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(rf.FILTERS)
    return env


def slug_of(story: Story) -> str:
    """The story's slug when it is a safe path segment (slugs.py makes them so)."""
    slug = safe_token(story.slug, r"[a-z0-9][a-z0-9-]{0,120}")
    if slug is None:
        raise ValueError(f"unsafe story slug {story.slug!r}")
    return slug


def description(story: Story) -> str:
    """The page description: the desk's, else the first In brief point, else a neutral line."""
    if story.description:
        return clean_text(story.description)
    if story.summary:
        return clean_text(story.summary[0].text)
    n = len(story.sources)
    return f"An explainer drawn from {n} news article{'' if n == 1 else 's'}."


def story_tags(story: Story) -> list[str]:
    """Tags for Material's tags plugin: the story's subject topics (names have actor pages)."""
    return [t for t in (safe_tag(x) for x in story_topics(story)) if t]


def story_front_matter(story: Story) -> SafeMd:
    data: dict[str, Any] = {
        "title": html_text(story.headline),
        "description": html_text(description(story)),
    }
    if tags := story_tags(story):
        data["tags"] = tags
    data["updated"] = rf.iso_day(story.updated)
    data["published"] = rf.iso_day(min((d for d in (a.published_date for a in story.sources) if d),
                                       default=None))
    data["event_date"] = rf.iso_day(story.event_date)
    data["sources"] = len(story.sources)
    if urls := [u for u in (safe_url(a.url) for a in story.sources) if u]:
        data["source_urls"] = urls
    data["generator"] = f"explainer {__version__}"
    data = {k: v for k, v in data.items() if v is not None}
    return rf.front_matter(data, "title and description are HTML-escaped: the theme prints them as they are")


def _head_word_alone(actor: Actor, alias: str) -> bool:
    """ "House" of "White House", "Fire" of "Cal Fire": the last word of a body's name alone is a
    common noun, no other name it goes by (a person's surname alone is one)."""
    words = actor.name.split()
    return actor.kind != "person" and len(words) > 1 and " " not in alias.strip() and alias.strip() == words[-1]


def actor_row(actor: Actor, labels: dict[str, str], copies: dict[str, str], page: str | None = None,
              story: Story | None = None) -> dict[str, Any]:
    aliases = [a for a in actor.aliases if clean_text(a) and clean_text(a) != clean_text(actor.name)
               and not _head_word_alone(actor, a)]
    desk_role = story is not None and "role" in marks.mark_of(story, actor).desk
    return {
        "name": actor.name if _said(actor.name) else "—",
        "page": safe_token(page, r"[a-z0-9][a-z0-9-]{0,120}") if page else None,
        "role": actor.role,
        "aliases": aliases,
        # the role is the statement the row makes: cite the sources whose words give it (an
        # editor's role is the desk's word and cites none)
        "role_cites": rf.citations(actor.role_sources or actor.sources, labels)
        if actor.role and not desk_role else SafeMd(""),
        "support": rf.support(actor.sources, labels, copies),
        "tail": marks.tail(story, actor) if story is not None else SafeMd(""),
    }


def abbreviations(actors: Sequence[Actor]) -> list[tuple[str, str]]:
    """(name, role) for the abbr extension: every mention of the name shows the role on hover.

    People only: "who is this?" is the reader's question about a name, while a country or a
    ministry is mentioned on every line (a tooltip on each would weigh the page down). Only
    names that need no escaping (an escaped name would never match the page text) and have
    a capital letter, as proper names do ("Jo Smith", "de Gaulle"): Python-Markdown hides
    escaped text behind lowercase-and-digit placeholders ("\x02wzxhzdk:3\x03") that a name
    like "wzxhzdk" or "149" would otherwise match and break.
    """
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for actor in actors:
        name, role = clean_text(actor.name), clean_text(actor.role)
        if actor.kind != "person":
            continue
        proper = any(c.isupper() for c in name)
        if role and proper and len(name) >= 3 and md_inline(name) == name and name not in seen:
            seen.add(name)
            out.append((name, role))
    return out


def _said(text: object) -> bool:
    return bool(clean_text(text))


def shown(story: Story) -> Story:
    """The story without bullet points that are blank once cleaned: an empty bullet says
    nothing, and two in a row ("-" under "-") would even read as a heading underline.
    (Rows and quotes stay: their other cells, dates or speakers still say something.)"""
    return replace(
        story,
        headline=story.headline if _said(story.headline) else "Untitled story",
        summary=tuple(i for i in story.summary if _said(i.text)),
        background=tuple(i for i in story.background if _said(i.text)),
        known=tuple(i for i in story.known if _said(i.text)),
        unknown=tuple(u for u in story.unknown
                      if _said(u.text) or (u.kind == "disputed" and any(map(_said, u.variants.values())))),
        whats_next=tuple(i for i in story.whats_next if _said(i.text)),
        changes=tuple(c for c in story.changes if _said(c)),
    )


# ---------------------------------------------------------------- what a reader is shown


def support_count(item: Item, labels: dict[str, str], copies: dict[str, str]) -> int:
    return rf.support_count(item.sources, labels, copies)


def _placed_by_desk(story: Story, item: Item) -> bool:
    """The desk put it in In brief: moved or ordered there, or a line of its own."""
    desk = marks.mark_of(story, item).desk
    return "summary" in story.ordered or "section" in desk or (item.id.startswith("e-") and "text" in desk)


def brief_and_known(story: Story, labels: dict[str, str], copies: dict[str, str]) -> tuple[list[Item], list[Item]]:
    """In brief with three to five points (topped up with the best-supported known points,
    which then are not repeated), and What we know, best-supported first (stable), unless
    the desk set its order. What the desk put in In brief (a point it moved or ordered there,
    a line of its own) stays there; the generator's points make room."""
    known = list(story.known) if "known" in story.ordered else \
        sorted(story.known, key=lambda i: -support_count(i, labels, copies))
    placed = {i.id for i in story.summary if _placed_by_desk(story, i)}
    room = max(0, BRIEF_MAX - len(placed))
    generated = [i for i in story.summary if i.id not in placed]
    brief = [i for i in story.summary if i.id in placed or i in generated[:room]]
    known = generated[room:] + known
    while len(brief) < BRIEF_MIN and known:
        brief.append(known.pop(0))
    said = {clean_text(i.text) for i in brief}
    return brief, [i for i in known if clean_text(i.text) not in said]


def full_sentence_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """Key quotes: at most five whole sentences with a named speaker, one rendering each."""
    out: list[Quote] = []
    for q in quotes:
        text = clean_text(q.text)
        whole = bool(re.match(r"^[\"'“‘(]?[A-Z0-9]", text)) and len(text.split()) >= QUOTE_MIN_WORDS
        secondary = (q.note or "").startswith("another rendering")
        if whole and clean_text(q.speaker) and not secondary and all(o.text != q.text for o in out):
            out.append(q)
    return out[:MAX_QUOTES]


def reader_note(note: str | None, names: dict[str, str]) -> str | None:
    """A quote's note with source ids replaced by the names readers see ("by Metro Daily");
    None when it names a source the page does not list (an id is never shown)."""
    if not note:
        return None
    unresolved = []

    def name(m: re.Match) -> str:
        ids = [x.strip() for x in m["ids"].split(",")]
        if all(i in names for i in ids):
            return " and ".join(names[i] for i in ids)
        unresolved.append(m.group(0))
        return m.group(0)

    text = re.sub(r"\bsources? (?P<ids>[\w-]+(?:, [\w-]+)*)", name, note)
    return None if unresolved else text


def _short_date(iso: str, by_year: bool) -> str:
    found = rf.parse_iso(iso)
    if found is None or by_year or found.month is None:
        return str(found.year) if found else clean_text(iso)
    month = _MONTHS[found.month - 1]
    return f"{found.day} {month} {found.year}" if found.day else f"{month} {found.year}"


def timeline_strip(timeline: Sequence[Any]) -> dict[str, Any] | None:
    """The dates at a glance: one labelled stop per date (per year when there are many), in
    order and evenly spaced, each linking to its first event; None with fewer than two."""
    dated = [(i, t) for i, t in enumerate(timeline, 1) if rf.date_position(t.date) is not None]
    by_year = len({t.date for _, t in dated}) > STRIP_STOPS
    stops: dict[str, dict[str, Any]] = {}
    for i, t in sorted(dated, key=lambda it: (rf.date_position(it[1].date), it[0])):
        key = t.date[:4] if by_year else t.date
        stop = stops.setdefault(key, {"label": _short_date(t.date, by_year), "anchor": f"t-{i}", "count": 0,
                                      "year": int(t.date[:4])})
        stop["count"] += 1
    if len(stops) < 2:
        return None
    ordered = list(stops.values())
    for prev, stop in zip(ordered, ordered[1:]):
        stop["gap"] = stop["year"] - prev["year"] > 2  # a long stretch without events
    ordered[0]["gap"] = False
    return {"stops": ordered, "first": ordered[0]["label"], "last": ordered[-1]["label"]}


UNKNOWN_TITLES = {"open_question": "Open questions", "single_source": "Reported by one source only"}


def unknown_lists(unknown: Sequence[Unknown]) -> list[tuple[str, str, list[Unknown]]]:
    """(kind, title, items) for the kinds other than disagreements, in the order they come."""
    kinds = list(dict.fromkeys(u.kind for u in unknown if u.kind != "disputed"))
    kinds.sort(key=lambda k: (k not in UNKNOWN_TITLES, list(UNKNOWN_TITLES).index(k) if k in UNKNOWN_TITLES else 0))
    return [(k, UNKNOWN_TITLES.get(k, "Other"), [u for u in unknown if u.kind == k]) for k in kinds]


def _plain_words(text: object) -> int:
    return words(re.sub(r"<[^>]*>|&#\d+;", " ", str(text)))


def section_costs(ctx: dict[str, Any]) -> dict[str, list[int]]:
    """Each planned section's items' estimated visible words, in page order."""
    return {
        "known": [_plain_words(i.text) + 4 for i in ctx["known"]],
        "disputed": [_plain_words(r["text"]) + sum(_plain_words(v["text"]) + _plain_words(v["who"])
                                                   + _plain_words(v["when"]) for v in r["versions"])
                     for r in ctx["disputes"]],
        "quotes": [_plain_words(q.text) + _plain_words(q.speaker) + _plain_words(ctx["quote_source"](q)) + 1
                   for q in ctx["quotes"]],
        **{kind: [_plain_words(u.text) + 5 for u in items] for kind, _, items in ctx["unknown_lists"]},
        "timeline": [_plain_words(r["entry"].text) + _plain_words(rf.human_date(r["entry"].date))
                     for r in ctx["timeline"]],
        "background": [_plain_words(i.text) for i in ctx["background"]],
        "whats_next": [_plain_words(i.text) for i in ctx["whats_next"]],
        "actors": [_plain_words(a["name"]) + _plain_words(a["role"] or "—") + 3 for a in ctx["actors"]],
    }


def story_context(story: Story, links: StoryLinks = NO_LINKS) -> dict[str, Any]:
    story = shown(story)
    ids = story.source_ids
    labels = rf.footnote_labels(ids, [a.key for a in story.sources])
    by_id = {a.source_id: a for a in story.sources}
    number = {sid: n for n, sid in enumerate(labels, 1)}
    # wire copies (copy -> original), both on the page: counted once as evidence
    copies = {c: o for c, o in story.copies if c in labels and o in labels and c != o}
    names = {sid: sv.source_name(by_id[sid], number[sid]) for sid in labels}
    desk = marks.helpers(story, labels, copies)
    cite = desk["cite"]  # an item's citations; none for words the editors wrote
    brief, known = brief_and_known(story, labels, copies)
    actors = [actor_row(a, labels, copies, links.page_of(a.name), story) for a in key_actors(story.actors)]
    disputes = dispute_rows([u for u in story.unknown if u.kind == "disputed"], names.__getitem__,
                            lambda sid: sv.when(by_id[sid]), cite, list(labels))
    for row in disputes:
        if marks.desk_worded(story, row["item"]):
            row["cites"] = SafeMd("")
    return {
        **desk,
        "story": story,
        "slug": slug_of(story),
        "front_matter": story_front_matter(story),
        "sources_line": sv.sources_line(story.sources),
        "all_sources": cite(ids),  # each source once at the top: every entry of the list is cited
        "copies": len(copies),
        "cite": cite,
        "support": lambda sources: rf.support(sources, labels, copies),
        "brief": brief,
        "known": known,
        "background": list(story.background),
        "actors": actors,
        "more_actors": [actor_row(a, labels, copies, story=story) for a in other_actors(story.actors)],
        "abbrs": abbreviations(story.actors),
        "timeline": [{"entry": t, "anchor": f"t-{n}"} for n, t in enumerate(story.timeline, 1)],
        "strip": timeline_strip(story.timeline),
        "disputes": disputes,
        "unknown_lists": unknown_lists(story.unknown),
        # where a point an editor moved into an empty group lands ("mark disputed")
        "empty_kinds": [k for k in ("open_question", "single_source", "disputed")
                        if k not in {u.kind for u in story.unknown}],
        "desk_lines": marks.desk_lines(story),
        "corrected_lines": marks.corrected_lines(story),
        "changed_on": rf.human_date(story.updated) if story.changes and story.updated else None,
        "quotes": full_sentence_quotes(story.quotes),
        "quote_source": lambda q: ", ".join(names[s] for s in labels if s in q.sources),
        "quote_note": lambda q: reader_note(q.note, names),
        "whats_next": list(story.whats_next),
        "related": [r for r in map(_safe_ref, links.related) if r],
        "previous": _safe_ref(links.previous),
        "next": _safe_ref(links.next),
        "sources_sentence": sentence(sv.sources_line(story.sources)),
        "sources": sv.source_entries(story.sources, labels, copies, frozenset(story.garbled),
                                     frozenset(story.commentary)),
        "version": __version__,
    }


def _safe_ref(ref: StoryRef | None) -> StoryRef | None:
    """A link to another story, when its slug is a safe path segment."""
    return ref if ref is not None and safe_token(ref.slug, r"[a-z0-9][a-z0-9-]{0,120}") else None


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _tidy(markdown: str) -> str:
    """At most one blank line in a row (template loops leave more); no text has a newline."""
    return re.sub(r"\n{3,}", "\n\n", markdown)


def render_story(story: Story, settings: Settings, links: StoryLinks = NO_LINKS) -> str:
    """The Markdown page of one story (content/stories/<slug>.md), folded to be read through."""
    template = environment(str(settings.templates_path)).get_template("story.md.j2")
    ctx = story_context(story, links)
    _, page = plan_page(section_costs(ctx), lambda plan: _tidy(template.render(ctx, plan=plan)))
    return page


def index_entry(story: Story) -> dict[str, Any]:
    story = shown(story)
    return {
        "slug": slug_of(story),
        "headline": story.headline,
        # the first In brief point, unless it is the headline itself
        "lead": next((i.text for i in story.summary if clean_text(i.text) != clean_text(story.headline)), None),
        "sources": len(story.sources),
        "outlets": sv.sources_line(story.sources),
        "date": story.event_date or story.updated,
        "updated": story.updated,
    }


HOME_LIMIT = 30  # the home page shows the newest stories; the archive lists every one
HOME_DESCRIPTION = "Cited explainers of news stories: what outlets report together, and where they differ."


def newest_first(stories: Sequence[Story]) -> list[Story]:
    """Newest update first; ties broken by slug so the order never depends on input order."""
    return sorted(stories, key=lambda s: (rf.iso_day(s.updated) or "", s.slug), reverse=True)


def render_index(stories: Sequence[Story], settings: Settings) -> str:
    """The home page (content/index.md): the newest stories as cards with their lead point."""
    ordered = [index_entry(s) for s in newest_first(stories)]
    template = environment(str(settings.templates_path)).get_template("index.md.j2")
    return template.render(
        front_matter=rf.front_matter({"title": "Stories", "description": HOME_DESCRIPTION, "hide": ["toc"]}),
        stories=ordered[:HOME_LIMIT],
        more=len(ordered) > HOME_LIMIT,
        total=len(ordered),
    )


def render_archive(stories: Sequence[Story], settings: Settings) -> str:
    """Every story, one line each, newest first (content/archive.md)."""
    template = environment(str(settings.templates_path)).get_template("archive.md.j2")
    return template.render(
        front_matter=rf.front_matter({"title": "All stories", "hide": ["toc"]}),
        stories=[index_entry(s) for s in newest_first(stories)],
    )


def render_tags_page(settings: Settings) -> str:
    """The topics index (content/tags.md), filled by Material's tags plugin at build time."""
    template = environment(str(settings.templates_path)).get_template("tags.md.j2")
    return template.render(front_matter=rf.front_matter({"title": "Topics"}))

