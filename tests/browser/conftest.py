"""The built site in a real browser: Debian's headless Chromium driven by Playwright.

The site (tests/browser/support.py: the seeds and the shared corpus's events as plain
files, plus an invented and a hostile story) is served on 127.0.0.1 by a thread. Every
test checks that no request leaves localhost, nothing is logged as an error and no dialog
opens. Needs: `apt-get install chromium` (/usr/bin/chromium) and `npm ci` in tests/browser
(axe-core).
"""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.support import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
# the theme wraps tables in scrolling boxes: the Key actors table is the first table after its heading
ACTORS_TABLE = "xpath=//h2[@id='key-actors']/following::table[1]"


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


@pytest.fixture(scope="session")
def base_url(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
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
    requested: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.external == [], "requests left localhost"
        assert self.errors == [], "console errors"
        assert self.dialogs == [], "a dialog opened"


@pytest.fixture
def open_page(browser, base_url):
    """opener(path, viewport, scheme, touch) -> (page, response), watched for what it must not do."""
    contexts = []
    watch = Watch()

    def route(route):
        watch.requested.append(route.request.url)
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.external.append(route.request.url)
            route.abort()

    def dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    def opener(path: str = "", viewport: dict = DESKTOP, scheme: str = "light", touch: bool = False):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block",
                                      has_touch=touch, is_mobile=touch)
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


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations under the WCAG 2.2 AA and best-practice tags."""
    assert AXE.is_file(), "run `npm ci` in tests/browser"
    page.add_script_tag(path=str(AXE))
    # Colours are judged at rest: a tooltip half-way through its fade-in has, for that instant,
    # a blended colour no reader settles on (and which made this check flaky).
    page.evaluate("async () => await Promise.race([Promise.all(document.getAnimations().map(a => a.finished"
                  ".catch(() => null))), new Promise(r => setTimeout(r, 2000))])")
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


# The words a reader sees before the Sources, counted as generator/publish/page_plan.py does.
WORDS_BEFORE_SOURCES = """() => {
  const article = document.querySelector('article'), stop = document.getElementById('sources');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let n = 0, node;
  while ((node = walker.nextNode())) {
    if (stop && (stop.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    const el = node.parentElement;
    if (!el || !el.checkVisibility({visibilityProperty: true}) || el.closest('sup, .headerlink')) continue;
    n += (node.textContent.match(/[\\p{L}\\p{N}][\\p{L}\\p{N}_'’.,%-]*/gu) || []).length;
  }
  return n;
}"""
