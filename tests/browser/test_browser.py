"""The built site in a real browser: Debian's headless Chromium driven by Playwright.

The site (seeds + the hand-built and hostile stories, see tests/browser/support.py) is served
on 127.0.0.1 by a thread. Every test checks that no request leaves localhost, nothing is
logged as an error and no dialog opens. Screenshots go to test-artifacts/ (gitignored).
Needs: `apt-get install chromium` (/usr/bin/chromium) and `npm ci` in tests/browser (axe-core).
"""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.support import ROOT, full_story, hostile_story

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
FIRST_VIEW_LIMIT = 600 * 1024
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; a missing page gets the site's own 404 page, as a host would."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did that it must not: leave localhost, log errors, open dialogs."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    finished: list = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.external == [], "requests left localhost"
        assert self.errors == [], "console errors"
        assert self.dialogs == [], "a dialog opened"


@pytest.fixture
def open_page(browser, base_url):
    contexts = []
    watch = Watch()

    def route(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.external.append(route.request.url)
            route.abort()

    def dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    def opener(path: str = "", viewport: dict = DESKTOP, scheme: str = "light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
        contexts.append(context)
        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and watch.errors.append(m.text))
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        page.on("dialog", dialog)
        page.on("requestfinished", lambda r: watch.finished.append(r))
        response = page.goto(base_url + path, wait_until="load")
        return page, response

    yield opener, watch
    for context in contexts:
        context.close()
    watch.assert_clean()


def story_path(slug: str) -> str:
    return f"stories/{slug}/"


def test_home_lists_seed_story_and_links_to_it(open_page, site):
    opener, _ = open_page
    page, response = opener()
    assert response.status == 200
    cards = page.locator(".xp-card h2 a:not(.headerlink)")
    assert cards.count() == len(site.seed_slugs)
    cards.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(story_path(site.seed_slugs[0]))
    assert page.locator("h1").first.is_visible()
    assert page.locator("h2#in-brief").is_visible()


def test_story_page_renders_every_section(open_page):
    opener, _ = open_page
    page, response = opener(story_path(full_story().slug))
    assert response.status == 200
    headings = page.locator("article h2").all_inner_texts()
    assert [h.strip().rstrip("¶").strip() for h in headings] == ["In brief", "Background", "Key actors", "Timeline", "What we know",
                                             "What we don't know", "Key quotes", "What's next", "Sources",
                                             "How this page was made"]
    assert page.locator(".md-tag").count() == 4
    assert page.locator(".xp-strip__dot").count() == 4
    assert page.locator(".admonition.question table").is_visible()


def test_search_finds_story_by_actor(open_page, site):
    opener, _ = open_page
    page, _ = opener()
    actor = "Lindqvist"
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(actor, delay=20)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(story_path(full_story().slug) in h for h in hrefs)


def test_search_finds_seed_story_by_its_first_actor(open_page, site):
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slugs[0]))
    actors = page.locator("table").filter(has=page.locator("th", has_text="Role in this story")).first
    actor = actors.locator("tbody tr td strong").first.inner_text().strip()
    assert actor
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(actor, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(story_path(site.seed_slugs[0]) in h for h in hrefs)


def test_footnote_link_lands_on_its_source(open_page):
    opener, _ = open_page
    page, _ = opener(story_path(full_story().slug))
    ref = page.locator("#in-brief ~ ul a.footnote-ref").nth(1)  # the first point's second citation
    assert ref.get_attribute("href") == "#fn:001"
    ref.click()
    page.wait_for_function("location.hash === '#fn:001'")
    target = page.locator("[id='fn:001']")
    assert target.is_visible() and "Metro Daily" in target.inner_text()
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_citation_and_role_tooltips(open_page):
    opener, _ = open_page
    page, _ = opener(story_path(full_story().slug))
    page.locator("#what-we-know ~ ul a.footnote-ref").first.hover()  # a repeated citation of source 1
    tip = page.locator(".md-tooltip2--active, .md-tooltip2").filter(has_text="Harbour Gazette")
    tip.first.wait_for(state="visible", timeout=5_000)
    page.mouse.move(0, 0)
    page.locator("abbr", has_text="Maria Lindqvist").first.hover()
    role = page.locator(".md-tooltip2").filter(has_text="mayor of the city")
    role.first.wait_for(state="visible", timeout=5_000)


def test_hostile_page_runs_nothing(open_page):
    opener, watch = open_page
    page, response = opener(story_path(hostile_story().slug))
    assert response.status == 200
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("""() => [...document.querySelectorAll('*')].filter(
        e => [...e.attributes].some(a => a.name.startsWith('on'))).length""") == 0
    assert "<script>window.__pwned=1" in page.locator("h1").inner_text()
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Hostile", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
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


def test_screenshots_and_phone_layout(open_page):
    opener, _ = open_page
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page, _ = opener(story_path(full_story().slug), viewport=viewport)
        shot = ARTIFACTS / f"story-{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        # nothing but wide tables (which scroll inside themselves) may widen the page
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_first_view_transfer(open_page, site):
    """Everything a first visit to a story downloads (search index aside), as the browser saw it."""
    opener, watch = open_page
    ARTIFACTS.mkdir(exist_ok=True)
    report = []
    for slug in (site.seed_slugs[0], full_story().slug):
        watch.finished.clear()
        page, _ = opener(story_path(slug))
        page.wait_for_load_state("networkidle")
        sizes = {}
        for request in watch.finished:
            path = urlsplit(request.url).path
            if "search_index" in path:
                continue
            size = request.sizes()["responseBodySize"]
            if size <= 0:  # a worker's script is not measured by the page: take the file's size
                local = site.site / path.lstrip("/")
                size = local.stat().st_size if local.is_file() else 0
            sizes[path] = size
        total = sum(sizes.values())
        report += [f"{size:>8} {path}" for path, size in sorted(sizes.items())] + [f"{total:>8} total", ""]
        assert 0 < total <= FIRST_VIEW_LIMIT, (slug, total)
    (ARTIFACTS / "first-view.txt").write_text("\n".join(report), encoding="utf-8")


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


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


@pytest.mark.parametrize("where", ["home", "story", "actor", "search"])
def test_accessibility(open_page, site, where):
    assert AXE.is_file(), "run `npm ci` in tests/browser"
    opener, _ = open_page
    path = {"home": "", "actor": actor_path(site)}.get(where, story_path(full_story().slug))
    page, _ = opener(path)
    if where == "search":
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially("tram", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert axe_violations(page) == []
