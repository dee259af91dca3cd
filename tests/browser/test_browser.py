"""The built site as a reader uses it: pages render, search works, nothing runs that should not,
and every page passes axe-core's WCAG 2.2 AA and best-practice rules in both schemes and on
a phone. Fixtures in tests/browser/conftest.py; screenshots go to test-artifacts/ (gitignored).
The reader's-page targets of issue 18 are in test_reader.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import ACTORS_TABLE, ARTIFACTS, DESKTOP, PHONE, axe_violations, story_path
from tests.browser.support import full_story, hostile_story

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST_VIEW_LIMIT = 350 * 1024  # everything a first view of a story page downloads, uncompressed


def test_home_lists_every_story_and_links_to_it(open_page, site):
    opener, _ = open_page
    page, response = opener()
    assert response.status == 200
    cards = page.locator(".xp-card h2 a:not(.headerlink)")
    assert cards.count() == len(site.seed_slugs)
    page.locator(f".xp-card h2 a[href$='stories/{site.seed_slug}/']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(story_path(site.seed_slug))
    assert page.locator("h1").first.is_visible()
    assert page.locator("h2#in-brief").is_visible()


def test_story_page_renders_every_section(open_page):
    opener, _ = open_page
    page, response = opener(story_path(full_story().slug))
    assert response.status == 200
    headings = page.locator("article h2").all_inner_texts()
    assert [h.strip().rstrip("¶").strip() for h in headings] == [
        "In brief", "Background", "Key actors", "Timeline", "What we know", "What we don't know", "Key quotes",
        "What's next", "Related stories", "Sources", "How this page was made"]
    assert page.locator(".xp-strip__stop").count() == 4
    assert page.locator(".xp-dispute .xp-version").count() == 2


def search(page, words: str) -> list[str]:
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():  # a phone: the header's search button opens the search
        button.click()
    else:
        page.locator(".md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(words, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_search_finds_story_by_actor(open_page):
    opener, _ = open_page
    page, _ = opener()
    assert any(story_path(full_story().slug) in h for h in search(page, "Lindqvist"))


def test_search_finds_seed_story_by_its_first_actor(open_page, site):
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slug))
    actor = page.locator(ACTORS_TABLE).locator("tbody tr td a, tbody tr td strong").first
    name = actor.inner_text().strip()
    assert name
    assert any(story_path(site.seed_slug) in h for h in search(page, name))


def test_citation_opens_its_source_in_place_and_the_list_is_one_tap_away(open_page):
    opener, _ = open_page
    page, _ = opener(story_path(full_story().slug))
    ref = page.locator("#in-brief ~ ul a.footnote-ref").nth(1)  # the first point's second citation
    assert ref.get_attribute("href") == "#fn:001"
    ref.click()
    pop = page.locator(".xp-pop")
    pop.wait_for(state="visible", timeout=5_000)
    assert "Metro Daily" in pop.inner_text() and "Tram line gets green light" in pop.inner_text()
    assert page.evaluate("location.hash") == ""
    pop.locator("a.xp-pop__all").click()
    page.wait_for_function("location.hash === '#fn:001'")
    target = page.locator("[id='fn:001']")
    assert target.is_visible() and "Metro Daily" in target.inner_text()
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_role_tooltip_on_a_name(open_page):
    opener, _ = open_page
    page, _ = opener(story_path(full_story().slug))
    page.locator("abbr", has_text="Maria Lindqvist").first.hover()
    page.locator(".md-tooltip2").filter(has_text="mayor of the city").first.wait_for(state="visible", timeout=5_000)


def test_hostile_page_runs_nothing(open_page):
    opener, watch = open_page
    page, response = opener(story_path(hostile_story().slug))
    assert response.status == 200
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("""() => [...document.querySelectorAll('*')].filter(
        e => [...e.attributes].some(a => a.name.startsWith('on'))).length""") == 0
    assert "<script>window.__pwned=1" in page.locator("h1").inner_text()
    page.locator("a.footnote-ref").first.click()  # the source card is built from the page, as text
    page.locator(".xp-pop").wait_for(state="visible")
    search(page, "Hostile")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []


def test_missing_page_gets_the_404_page(open_page):
    opener, watch = open_page
    page, response = opener("no/such/story/")
    assert response.status == 404
    assert "Page not found" in page.locator("article").inner_text()
    watch.errors[:] = [e for e in watch.errors if "404" not in e]  # the browser logs the 404 status itself


def test_dark_scheme(open_page):
    opener, _ = open_page
    page, _ = opener(story_path(full_story().slug), scheme="dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_screenshots_and_no_page_wider_than_a_phone(open_page, site):
    opener, _ = open_page
    ARTIFACTS.mkdir(exist_ok=True)
    for slug in (full_story().slug, site.seed_slug):
        for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page, _ = opener(story_path(slug), viewport=viewport)
            shot = ARTIFACTS / f"{slug[:40]}-{name}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            # nothing but wide tables and the timeline strip (which scroll inside themselves) widens the page
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_first_view_is_light_and_search_loads_when_the_reader_searches(open_page, site):
    """Everything a first visit to a story downloads, as the browser saw it; the search index
    and its worker only once the reader opens the search."""
    opener, watch = open_page
    ARTIFACTS.mkdir(exist_ok=True)
    report = []
    for slug in site.seed_slugs:
        watch.finished.clear()
        watch.requested.clear()
        page, _ = opener(story_path(slug))
        page.wait_for_load_state("networkidle")
        assert not [u for u in watch.requested if "search_index" in u or "/workers/" in u], slug
        sizes = {}
        for request in watch.finished:
            size = request.sizes()["responseBodySize"]
            path = urlsplit(request.url).path
            sizes[path] = size if size > 0 else (site.site / path.lstrip("/")).stat().st_size
        total = sum(sizes.values())
        report += [f"{size:>8} {path}" for path, size in sorted(sizes.items())] + [f"{total:>8} total", ""]
        assert 0 < total <= FIRST_VIEW_LIMIT, (slug, total)
    (ARTIFACTS / "first-view.txt").write_text("\n".join(report), encoding="utf-8")
    search(page, "bank")
    assert [u for u in watch.requested if "search_index" in u]


def actor_path(site) -> str:
    """The first actor hub page of the built site (the seed story's top actors have one)."""
    pages = sorted(p for p in (site.site / "actors").glob("*/index.html"))
    assert pages, "no actor pages were built"
    return f"actors/{pages[0].parent.name}/"


def test_actor_page_links_to_its_stories(open_page, site):
    opener, _ = open_page
    page, _ = opener(actor_path(site))
    links = page.locator("article a[href*='stories/']")
    assert links.count() >= 1
    links.first.click()
    page.wait_for_load_state()
    assert "/stories/" in page.url and page.locator("h1").count() == 1


def every_page(site) -> list[str]:
    """Every HTML page of the built site, as paths to open."""
    pages = sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html"))
    return ["" if p == "index.html" else p.removesuffix("index.html") for p in pages]


@pytest.mark.parametrize("viewport, scheme", [(DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "light"),
                                              (PHONE, "dark")], ids=["desktop-light", "desktop-dark",
                                                                     "phone-light", "phone-dark"])
def test_accessibility_of_every_page(open_page, site, base_url, viewport, scheme):
    """Zero serious or critical axe violations (wcag2a, wcag2aa, wcag21aa, wcag22aa, best-practice)."""
    opener, watch = open_page
    found = {}
    page, _ = opener(viewport=viewport, scheme=scheme)
    for path in every_page(site):
        page.goto(base_url + path, wait_until="load")
        if violations := axe_violations(page):
            found[path] = violations
    watch.errors[:] = [e for e in watch.errors if "404" not in e]  # 404.html itself is served as a 404
    assert found == {}


@pytest.mark.parametrize("viewport, scheme", [(DESKTOP, "light"), (PHONE, "dark")], ids=["desktop-light", "phone-dark"])
def test_accessibility_with_search_results_and_a_source_open(open_page, site, viewport, scheme):
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slug), viewport=viewport, scheme=scheme)
    page.locator("a.footnote-ref").first.click()
    page.locator(".xp-pop").wait_for(state="visible")
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    search(page, "Taliban" if site.seed_slug.startswith("russia") else "the")
    assert axe_violations(page) == []
