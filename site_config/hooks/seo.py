"""MkDocs hook: JSON-LD for each story page and an Atom feed of the stories.

Both are made from the pages' front matter at build time, so an editor's change to a
title or description shows in them too. Story pages are the pages under `stories/` whose
front matter names the generator. Standalone (no import of the generator): `mkdocs build`
needs neither the package's NLP stack nor the seeds.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

FEED_FILE = "feed.xml"
FEED_LIMIT = 50  # a feed reader wants the latest stories, not the archive
ATOM = "http://www.w3.org/2005/Atom"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML
_HTTP = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\"'<>`]*)?")

_entries: list[dict[str, Any]] = []


def on_pre_build(config) -> None:
    _entries.clear()


def _text(value: Any) -> str:
    """Front-matter text is HTML-escaped for the theme; JSON and XML want the plain text."""
    return _CONTROL.sub("", html.unescape(str(value))).strip() if value is not None else ""


def _day(value: Any) -> str | None:
    text = str(value) if value is not None else ""
    return text if _DAY.fullmatch(text) else None


def is_story(page) -> bool:
    meta = page.meta or {}
    return page.file.src_uri.startswith("stories/") and str(meta.get("generator", "")).startswith("explainer")


def json_ld(page, config) -> str:
    """NewsArticle-style structured data, safe inside <script>: no '<', '>' or '&' survives."""
    meta = page.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": _text(meta.get("title")),
        "description": _text(meta.get("description")),
    }
    if page.canonical_url:
        data["mainEntityOfPage"] = page.canonical_url
        data["url"] = page.canonical_url
    if published := _day(meta.get("published")):
        data["datePublished"] = published
    if updated := _day(meta.get("updated")):
        data["dateModified"] = updated
    tags = [_text(t) for t in meta.get("tags") or [] if _text(t)]
    if tags:
        data["about"] = [{"@type": "Thing", "name": t} for t in tags]
        data["keywords"] = tags
    urls = [u for u in (str(x) for x in meta.get("source_urls") or []) if _HTTP.fullmatch(u)]
    if urls:
        data["isBasedOn"] = urls
    data["publisher"] = {"@type": "Organization", "name": config["site_name"]}
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def on_page_markdown(markdown: str, page, config, files) -> str:
    if is_story(page):
        page.meta["jsonld"] = json_ld(page, config)
        _entries.append({
            "title": _text(page.meta.get("title")) or page.file.src_uri,
            "summary": _text(page.meta.get("description")),
            "url": page.canonical_url or page.url,
            "updated": _day(page.meta.get("updated")) or _day(page.meta.get("published")),
        })
    return markdown


def atom_feed(entries: list[dict[str, Any]], site_name: str, site_url: str) -> str:
    """The newest stories as Atom; deterministic (ordered by date, then URL; no build time)."""
    ET.register_namespace("", ATOM)
    ordered = sorted(entries, key=lambda e: (e["updated"] or "", e["url"]), reverse=True)[:FEED_LIMIT]
    stamp = (lambda day: f"{day or '1970-01-01'}T00:00:00Z")
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = site_name
    ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=site_url.rstrip("/") + "/" + FEED_FILE)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = stamp(max((e["updated"] or "" for e in ordered), default=""))
    for e in ordered:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = e["title"]
        ET.SubElement(entry, f"{{{ATOM}}}id").text = e["url"]
        ET.SubElement(entry, f"{{{ATOM}}}link", href=e["url"])
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = stamp(e["updated"])
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = e["summary"]
        ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = site_name
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def on_post_build(config) -> None:
    site_url = config.get("site_url") or "/"
    text = atom_feed(_entries, config["site_name"], site_url)
    Path(config["site_dir"], FEED_FILE).write_text(text, encoding="utf-8")
