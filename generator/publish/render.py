"""Render stage: a Story becomes Markdown through the Jinja2 templates in site_config/templates/.

Escaping happens in one place: the environment's `finalize` passes every printed value
through `markdown_escape.md_inline` unless a filter of ours built it (`SafeMd`). So a
template cannot forget to escape, and article text can never become markup.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import jinja2

from generator import __version__
from generator.publish import filters as rf
from generator.config import Settings
from generator.publish.markdown_escape import SafeMd, clean_text, html_text, md_inline, safe_tag, safe_token, safe_url
from generator.models import Actor, Article, Story, Unknown

KEY_ACTORS = 12  # the first actors are shown; the others are folded away under "Also mentioned"
MAX_TAGS = 5  # the top actors become tags; more would make every page carry a tag cloud

UNKNOWN_TITLES = {
    "open_question": "Open questions",
    "single_source": "Reported by one source only",
    "disputed": "Where sources disagree",
}


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
    """The page description: the first In brief point, else a neutral line about the page."""
    if story.summary:
        return clean_text(story.summary[0].text)
    n = len(story.sources)
    return f"An explainer drawn from {n} news article{'' if n == 1 else 's'}."


def story_tags(story: Story) -> list[str]:
    """Tags for Material's tags plugin: the first actors whose names are safe as tags."""
    tags: list[str] = []
    for actor in story.actors:
        tag = safe_tag(actor.name)
        if tag and tag not in tags:
            tags.append(tag)
        if len(tags) == MAX_TAGS:
            break
    return tags


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


def source_row(article: Article, number: int, label: str, copy_of: int | None = None,
               garbled: bool = False) -> dict[str, Any]:
    return {
        "copy_of": copy_of,  # the number of the source this article is a wire copy of
        "garbled": garbled,  # its text reads as garbled: the Sources list says so
        "number": number,
        "label": label,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "date": rf.human_date(article.published) if article.published else None,
        "link": rf.link(article.url),
        "file": Path(article.file).name,
    }


def actor_row(actor: Actor, labels: dict[str, str], copies: dict[str, str]) -> dict[str, Any]:
    aliases = [a for a in actor.aliases if clean_text(a) and clean_text(a) != clean_text(actor.name)]
    return {
        "name": actor.name if _said(actor.name) else "—",
        "role": actor.role,
        "aliases": aliases,
        # the role is the statement the row makes: cite the sources whose words give it
        "role_cites": rf.citations(actor.role_sources or actor.sources, labels) if actor.role else SafeMd(""),
        "support": rf.support(actor.sources, labels, copies),
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


def unknown_groups(unknown: Sequence[Unknown], labels: dict[str, str], sources: dict[str, Article],
                   copies: dict[str, str]) -> list[dict[str, Any]]:
    """Unknowns grouped by kind, kinds in the order they first appear (the export's order)."""
    order: list[str] = []
    for u in unknown:
        if u.kind not in order:
            order.append(u.kind)
    groups = []
    for kind in order:
        items = []
        for u in (x for x in unknown if x.kind == kind):
            variants = [
                {"who": source_name(sources[sid], list(labels).index(sid) + 1), "text": text,
                 "cites": rf.citations([sid], labels)}
                for sid, text in sorted(u.variants.items()) if sid in labels
            ] if kind == "disputed" else []
            if not _said(u.text) and not variants:
                continue  # nothing left to show (its variants cite no listed source)
            items.append({"text": u.text, "cites": rf.citations(u.sources, labels),
                          "support": rf.support(u.sources, labels, copies), "variants": variants})
        if items:
            groups.append({"kind": kind, "title": UNKNOWN_TITLES.get(kind, "Other"), "items": items})
    return groups


def source_name(article: Article, number: int) -> str:
    """How a source is named in running text: its outlet, else its number in the Sources list."""
    return clean_text(article.outlet) or f"source {number}"


def timeline_strip(story: Story) -> dict[str, Any] | None:
    """The static timeline diagram: each dated entry as a dot placed in proportion to its date.

    Pure HTML/CSS (no diagram library to load); None when fewer than two distinct dates.
    """
    points = sorted({(p, t.date) for t in story.timeline if (p := rf.date_position(t.date)) is not None})
    if len({p for p, _ in points}) < 2:
        return None
    lo, hi = points[0][0], points[-1][0]
    dots = [{"left": round(100 * (p - lo) / (hi - lo), 1), "label": rf.human_date(d)} for p, d in points]
    return {"dots": dots, "first": dots[0]["label"], "last": dots[-1]["label"]}


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


def story_context(story: Story) -> dict[str, Any]:
    story = shown(story)
    ids = story.source_ids
    labels = rf.footnote_labels(ids)
    by_id = {a.source_id: a for a in story.sources}
    # wire copies (copy -> original), both on the page: counted once as evidence
    copies = {c: o for c, o in story.copies if c in labels and o in labels and c != o}
    strip = timeline_strip(story)
    return {
        "story": story,
        "slug": slug_of(story),
        "front_matter": story_front_matter(story),
        "labels": labels,
        "total": len(ids),
        "outlets": len({clean_text(a.outlet) for a in story.sources if clean_text(a.outlet)}),
        "cite": lambda sources: rf.citations(sources, labels),
        "support": lambda sources: rf.support(sources, labels, copies),
        "sources": [source_row(a, n, labels[a.source_id], copies.get(a.source_id) and ids.index(copies[a.source_id]) + 1,
                               a.source_id in story.garbled)
                    for n, a in enumerate(story.sources, 1)],
        "actors": [actor_row(a, labels, copies) for a in story.actors[:KEY_ACTORS]],
        "more_actors": [actor_row(a, labels, copies) for a in story.actors[KEY_ACTORS:]],
        "abbrs": abbreviations(story.actors),
        "strip": strip,
        "unknown_groups": unknown_groups(story.unknown, labels, by_id, copies),
        "copies": len(copies),
        "quote_source": lambda q: ", ".join(source_name(by_id[s], list(labels).index(s) + 1)
                                            for s in labels if s in q.sources),
        "version": __version__,
    }


def _tidy(markdown: str) -> str:
    """At most one blank line in a row (template loops leave more); no text has a newline."""
    return re.sub(r"\n{3,}", "\n\n", markdown)


def render_story(story: Story, settings: Settings) -> str:
    """The Markdown page of one story (content/stories/<slug>.md)."""
    template = environment(str(settings.templates_path)).get_template("story.md.j2")
    return _tidy(template.render(story_context(story)))


def index_entry(story: Story) -> dict[str, Any]:
    story = shown(story)
    return {
        "slug": slug_of(story),
        "headline": story.headline,
        "lead": story.summary[0].text if story.summary else None,
        "sources": len(story.sources),
        "updated": story.updated,
    }


HOME_LIMIT = 30  # the home page shows the newest stories; the archive lists every one
HOME_DESCRIPTION = "Cited explainers of news stories: what outlets report together, and where they differ."


def newest_first(stories: Sequence[Story]) -> list[Story]:
    """Newest update first; ties broken by slug so the order never depends on input order."""
    return sorted(stories, key=lambda s: (rf.iso_day(s.updated) or "", s.slug), reverse=True)


def render_index(stories: Sequence[Story], settings: Settings) -> str:
    """The home page (content/index.md): the newest stories with their lead point."""
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
    """The tags index (content/tags.md), filled by Material's tags plugin at build time."""
    template = environment(str(settings.templates_path)).get_template("tags.md.j2")
    return template.render(front_matter=rf.front_matter({"title": "Topics"}))
