"""End to end: generate from the seeds into a temp copy of the project, `mkdocs build --strict`.

The build must pass with no warning, fetch nothing, keep stories out of the navigation,
publish the feed, sitemap, 404 page, JSON-LD and each story's JSON, and stay light.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from lxml import html as lhtml

from tests.browser.support import ROOT, full_story

pytestmark = pytest.mark.slow

STORY_HTML_LIMIT = 60 * 1024
FIRST_VIEW_LIMIT = 350 * 1024  # a story page's first view, uncompressed (the search loads when used)
ATOM = "{http://www.w3.org/2005/Atom}"


def page(site, rel: str):
    return lhtml.fromstring((site.site / rel).read_bytes())


def story_pages(site) -> list[Path]:
    return sorted((site.site / "stories").glob("*/index.html"))


def test_strict_build_without_warnings(site):
    assert site.seed_slugs, "the seeds made no story"
    lines = [ln for ln in site.log.splitlines() if re.search(r"\b(WARNING|ERROR)\b", ln)]
    assert lines == []


def test_expected_files(site):
    for rel in ("index.html", "404.html", "sitemap.xml", "feed.xml", "tags/index.html", "archive/index.html",
                "search/search_index.json", "assets/stylesheets/explainer.css"):
        assert (site.site / rel).is_file(), rel
    for slug in site.seed_slugs:
        assert (site.site / "stories" / slug / "index.html").is_file()
        data = json.loads((site.site / "stories" / f"{slug}.json").read_text(encoding="utf-8"))
        assert data["slug"] == slug and data["sources"]


def test_story_json_beside_page_is_linked(site):
    story = full_story()
    doc = page(site, f"stories/{story.slug}/index.html")
    href = doc.xpath("//a[contains(., 'Download this story')]")[0].get("href")
    target = (site.site / "stories" / story.slug / href).resolve()
    assert target == (site.site / "stories" / f"{story.slug}.json").resolve()
    assert json.loads(target.read_text(encoding="utf-8"))["headline"] == story.headline


def test_navigation_stays_small(site):
    doc = page(site, "index.html")
    # the theme lists the open page's own headings (the home page's cards) as "#..." anchors: not pages
    nav_links = [a.get("href") for a in doc.xpath("//nav[contains(@class,'md-nav--primary')]//a")
                 if not a.get("href").startswith("#")]
    assert not [h for h in nav_links if "stories/" in h]
    # a fixed set: Stories, Actors, Timeline, Topics; individual actor pages are not listed
    assert not [h for h in nav_links if "actors/" in h and not h.rstrip("/").endswith("actors")]
    assert len(nav_links) <= 6
    cards = doc.xpath("//div[@class='xp-card']//h2/a[not(@class='headerlink')]")
    assert [a.get("href") for a in cards] == [f"stories/{slug}/" for slug in site.seed_slugs]


def test_nothing_fetched_from_elsewhere(site):
    """Every script, stylesheet, image, font and icon is served by the site itself."""
    for html_file in sorted(site.site.rglob("*.html")):
        doc = lhtml.fromstring(html_file.read_bytes())
        for el in doc.xpath("//script[@src]|//img[@src]|//link[@rel='stylesheet' or @rel='icon' "
                            "or @rel='preload' or @rel='preconnect' or @rel='modulepreload']|//iframe|//source"):
            url = el.get("src") or el.get("href") or ""
            assert not re.match(r"(?i)(https?:)?//", url), (html_file, url)
    css = "".join(p.read_text(encoding="utf-8") for p in site.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and not re.search(r"@import\s+url\(\s*['\"]?https?:", css)


def test_mkdocs_config():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False and config["theme"]["custom_dir"] == "site_config/overrides"
    assert config["docs_dir"] == "content"
    assert "site_config/hooks/build_guard.py" in config["hooks"]
    assert {"search", "tags"} <= {p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]}
    # citations open their source with our own script (touch too), not the theme's hover tooltips
    assert "content.footnote.tooltips" not in config["theme"]["features"]
    assert {s["primary"] for s in config["theme"]["palette"]} == {"custom"}
    assert {s["scheme"] for s in config["theme"]["palette"]} == {"default", "slate"}


def test_head_metadata(site):
    story = full_story()
    doc = page(site, f"stories/{story.slug}/index.html")
    assert doc.xpath("//meta[@name='description']")[0].get("content") == story.summary[0].text
    assert doc.xpath("//meta[@property='og:type']")[0].get("content") == "article"
    assert doc.xpath("//meta[@property='og:url']")[0].get("content") == f"https://example.org/stories/{story.slug}/"
    assert doc.xpath("//link[@type='application/atom+xml']")[0].get("href").endswith("feed.xml")
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["headline"] == story.headline
    assert (data["datePublished"], data["dateModified"]) == ("2024-03-14", "2024-03-15")
    assert "keywords" not in data  # its invented sources ("Body.") name no subject
    home = page(site, "index.html")
    assert not home.xpath("//script[@type='application/ld+json']")
    assert home.xpath("//meta[@property='og:type']")[0].get("content") == "website"


def test_feed_and_sitemap(site):
    feed = ET.parse(site.site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert f"https://example.org/stories/{full_story().slug}/" in links
    assert {f"https://example.org/stories/{s}/" for s in site.seed_slugs} <= links
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"https://example.org/stories/{site.seed_slugs[0]}/" in sitemap


def test_topics_page_lists_subjects_not_names(site):
    doc = page(site, "tags/index.html")
    text = doc.xpath("//article")[0].text_content()
    seed = page(site, f"stories/{site.seed_slug}/index.html")
    topics = [t.text_content().strip() for t in seed.xpath("//article//*[contains(concat(' ', @class, ' '), ' md-tag ')]")]
    assert topics and all(t in text for t in topics)
    assert "Maria Lindqvist" not in text  # people have actor pages, not topics


def test_404_page(site):
    doc = page(site, "404.html")
    assert "Page not found" in doc.xpath("//article")[0].text_content()


def first_view_bytes(site, rel: str) -> tuple[int, int]:
    """(page HTML bytes, HTML + the stylesheets, scripts and images it loads), search index aside."""
    html_path = site.site / rel
    doc = lhtml.fromstring(html_path.read_bytes())
    assets = {el.get("src") or el.get("href")
              for el in doc.xpath("//script[@src]|//link[@rel='stylesheet']|//link[@rel='icon']|//img[@src]")}
    total = html_path.stat().st_size
    for url in sorted(assets):
        total += (html_path.parent / url.split("?")[0]).resolve().stat().st_size
    return html_path.stat().st_size, total


def test_page_weight(site):
    for html_file in story_pages(site):
        rel = html_file.relative_to(site.site).as_posix()
        size, total = first_view_bytes(site, rel)
        if "hostile" not in rel:  # the hostile page repeats every attack many times over
            assert size <= STORY_HTML_LIMIT, (rel, size)
        assert total <= FIRST_VIEW_LIMIT, (rel, total)
