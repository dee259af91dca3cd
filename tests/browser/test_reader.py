"""The reader's page (issue 18), on the multi-story site built from plain scraped files without
sidecars: the seeds and the shared corpus's events (tests that need several real stories
skip, saying why, where ../shared/corpus is absent).

Targets: every page passes axe (test_browser.py); at most 1,000 visible words before the
Sources on every story page; no source without an outlet where its domain or text names
one; no internal id or file name on any page; at least 3 section links visible on a 390 px
phone; every story page links its key actors and a related story where one exists; citations
a finger can tap, opening their source in place; a labelled timeline strip; disagreements
side by side, stacked on a phone; a masthead, our own type and colour; a visible feed link.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from generator.clean.outlet import file_domain
from tests.browser.conftest import ACTORS_TABLE, DESKTOP, PHONE, WORDS_BEFORE_SOURCES, story_path
from tests.browser.support import hostile_story
from tests.paths import needs_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAX_WORDS = 1000
TAP = 24  # px: WCAG 2.2's minimum target size
FILE_NAME = re.compile(r"\b[\w.-]+\.(?:txt|md|markdown|html?|jsonl?|ya?ml)\b", re.I)
SOURCES_LINE = re.compile(r"(\d+) sources? from (\d+) outlets?|(\d+) sources?: (\d+) from (\d+) named outlets?, "
                          r"(\d+) whose outlet is not known|(\d+) sources?, (?:its|their) outlets? not known")


def story_slugs(site) -> list[str]:
    return sorted(p.parent.name for p in (site.site / "stories").glob("*/index.html"))


def generated(site):
    return {s.slug: s for s in site.stories}


def test_every_story_page_reads_in_at_most_1000_words(open_page, site, base_url):
    opener, _ = open_page
    page, _ = opener()
    counts = {}
    for slug in story_slugs(site):
        page.goto(base_url + story_path(slug), wait_until="load")
        counts[slug] = page.evaluate(WORDS_BEFORE_SOURCES)
    assert counts and max(counts.values()) <= MAX_WORDS, counts


def test_folds_open_to_show_every_point(open_page, site):
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slug))
    shown = page.locator("#what-we-know ~ ul").first.locator("li").count()
    fold = page.locator("xpath=//h2[@id='what-we-know']/following::details[1]")
    fold.locator("summary").click()
    assert fold.locator("li").first.is_visible()
    total = int(re.search(r"Show all (\d+) points", fold.locator("summary").inner_text())[1])
    assert shown + fold.locator("li").count() == total


def test_in_brief_three_to_five_and_at_most_five_key_quotes(open_page, site):
    opener, _ = open_page
    for slug in site.seed_slugs:
        page, _ = opener(story_path(slug))
        assert 3 <= page.locator("#in-brief + ul > li").count() <= 5, slug
        quotes = page.locator("article blockquote")
        assert quotes.count() <= 5, slug
        for text in quotes.evaluate_all("qs => qs.map(q => q.textContent)"):
            assert len(text.split()) >= 6 and re.match(r"^“[\"'‘(]?[A-Z0-9]", text.strip()), (slug, text)


def source_entries(page) -> list[dict]:
    return page.locator(".footnote li").evaluate_all(
        "lis => lis.map(li => ({id: li.id.slice(3), outlet: (li.querySelector('strong') || {}).textContent || null,"
        " text: li.textContent}))")


def test_every_source_is_identified(open_page, site):
    """An outlet wherever the file name's domain or the page's own words give one, a title or
    the opening words, a date or "date not given"; the count under the headline is true."""
    opener, _ = open_page
    stories = generated(site)
    for slug in site.seed_slugs:
        page, _ = opener(story_path(slug))
        entries = source_entries(page)
        story = stories[slug]
        assert len(entries) == len(story.sources)
        for article, entry in zip(story.sources, entries):
            assert entry["id"] == article.key  # the footnote label: the source's stable key
            if file_domain(article.file) or article.outlet:
                assert entry["outlet"], (slug, entry["text"])
            else:
                assert entry["text"].strip().startswith("Outlet not known"), entry["text"]
            assert "“" in entry["text"] and re.search(r"date not given|year not given|\d{4}\.", entry["text"])
        named = [e["outlet"] for e in entries if e["outlet"]]
        line = page.locator("article .xp-meta").first.inner_text()
        m = SOURCES_LINE.search(line)
        assert m, line
        if m[1]:
            assert (int(m[1]), int(m[2])) == (len(entries), len(set(named))) and len(named) == len(entries)
        elif m[3]:
            assert (int(m[3]), int(m[4]), int(m[5]), int(m[6])) == (
                len(entries), len(named), len(set(named)), len(entries) - len(named))
        else:
            assert int(m[7]) == len(entries) and not named


def test_seed_sources_named_by_their_own_words(open_page, site):
    """The seeds have no domain in their names: the outlets come from the pages' text."""
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slug))
    outlets = {e["outlet"] for e in source_entries(page) if e["outlet"]}
    assert {"Nghe An Newspaper", "The Kyiv Independent"} <= outlets


@needs_corpus
def test_corpus_sources_all_have_outlets(open_page, site):
    opener, _ = open_page
    missing = []
    for slug, story in generated(site).items():
        if slug == site.seed_slug:
            continue
        page, _ = opener(story_path(slug))
        missing += [e["text"] for e in source_entries(page) if not e["outlet"]]
    assert missing == []


def test_no_internal_id_or_file_name_on_any_page(open_page, site, base_url):
    opener, _ = open_page
    ids = sorted({i for s in site.stories for a in s.sources for i in (a.source_id, a.key) if i},
                 key=len, reverse=True)
    # an id of letters and digits anywhere ("0509739b"); a number-only id ("03") only where it
    # would stand for a source ("source 03", "[03]"): "6:03 pm" is the article's own text
    words = [i for i in ids if not i.isdigit()]
    id_pattern = re.compile(r"(?<![\w,.])(?:" + "|".join(map(re.escape, words)) + r")(?![\w,])" if words else r"(?!)")
    numbers = re.compile(r"\bsources? \d+\b|\[\^?(?:" + "|".join(i for i in ids if i.isdigit()) + r")\]")
    page, _ = opener()
    found = {}
    for html in sorted(site.site.rglob("*.html")):
        rel = html.relative_to(site.site).as_posix()
        if rel.startswith(f"stories/{hostile_story().slug}/"):
            continue  # its text is attack strings, "[^000]" among them
        page.goto(base_url + rel, wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        text = page.locator("body").inner_text()
        hits = FILE_NAME.findall(text) + id_pattern.findall(text) + numbers.findall(text)
        if hits:
            found[rel] = hits[:5]
    assert found == {}


def test_section_menu_on_a_phone(open_page, site):
    opener, _ = open_page
    for slug in site.seed_slugs:
        page, _ = opener(story_path(slug), viewport=PHONE, touch=True)
        visible = """() => [...document.querySelectorAll('.xp-jump a')].filter(a => {
            const r = a.getBoundingClientRect();
            return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight
              && r.height >= 24; }).length"""
        assert page.evaluate(visible) >= 3, slug
        page.locator(".xp-jump a[href='#what-we-know']").tap()
        page.wait_for_timeout(400)
        assert page.evaluate(visible) >= 3, slug  # it stays on screen as the reader scrolls
        heading = page.locator("h2#what-we-know").bounding_box()
        bar = page.locator(".xp-jump").bounding_box()
        assert heading["y"] >= bar["y"] + bar["height"] - 1  # the heading is not hidden under the bar


def key_actor_links(page) -> list[str]:
    return page.locator(ACTORS_TABLE).locator("tbody tr td:first-child a").evaluate_all(
        "as => as.map(a => new URL(a.href).pathname)")


def test_key_actors_link_their_pages_and_related_stories_where_they_exist(open_page, site):
    opener, _ = open_page
    actors, related = {}, {}
    for slug in site.seed_slugs:
        page, _ = opener(story_path(slug))
        rows = page.locator(ACTORS_TABLE).locator("tbody tr").count()
        actors[slug] = set(key_actor_links(page))
        assert rows and len(actors[slug]) == rows, slug  # every key actor is a link
        related[slug] = page.locator("#related-stories ~ ul").first.locator("a").evaluate_all(
            "as => as.map(a => new URL(a.href).pathname)") if page.locator("#related-stories + ul").count() else []
    # an actor that at least half the stories share (a country every story names) tells none apart
    pages = Counter(link for links in actors.values() for link in links)
    telling = {slug: {a for a in links if pages[a] <= max(2, len(actors) / 2)} for slug, links in actors.items()}
    for slug in site.seed_slugs:
        sharing = [o for o in site.seed_slugs if o != slug and telling[slug] & telling[o]]
        if sharing:
            assert set(related[slug]) & {f"/stories/{o}/" for o in sharing}, (slug, sharing)
    page, _ = opener(sorted(actors[site.seed_slug])[0].lstrip("/"))
    assert page.locator(f"article a[href*='{site.seed_slug}']").count() >= 1  # the actor's page lists the story


@needs_corpus
def test_stories_sharing_actors_link_each_other(open_page, site):
    opener, _ = open_page
    linked = 0
    for slug in site.seed_slugs:
        page, _ = opener(story_path(slug))
        linked += page.locator("#related-stories + ul a").count() > 0
        assert page.locator(".xp-prevnext a").count() >= 1  # earlier or later story by date
    assert linked >= 2  # the two stories about Russia


def test_citations_are_taps_that_show_the_source_in_place(open_page, site):
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slug), viewport=PHONE, touch=True)
    small = page.locator("a.footnote-ref").evaluate_all(
        f"""as => as.map(a => a.getBoundingClientRect()).filter(r => r.width > 0)
               .filter(r => r.width < {TAP} || r.height < {TAP}).length""")
    assert small == 0
    ref = page.locator("#what-we-know ~ ul a.footnote-ref").first
    ref.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    ref.tap()
    pop = page.locator(".xp-pop")
    pop.wait_for(state="visible")
    note = page.locator(f"[id='{ref.get_attribute('href')[1:]}']").inner_text().rstrip("↩").strip()
    assert note.split(",")[0] in pop.inner_text()  # the outlet (or "Outlet not known"), title, date
    assert page.evaluate("scrollY") == before and page.evaluate("location.hash") == ""
    box, view = pop.bounding_box(), PHONE
    assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"]
    page.locator("h1").tap()
    pop.wait_for(state="detached")


def test_timeline_strip_is_labelled_readable_and_never_overlaps(open_page, site):
    opener, _ = open_page
    for viewport in (DESKTOP, PHONE):
        page, _ = opener(story_path(site.seed_slug), viewport=viewport, touch=viewport is PHONE)
        stops = page.locator(".xp-strip__stop")
        assert stops.count() >= 2
        labels = page.locator(".xp-strip__date").all_inner_texts()
        assert all(label.strip() for label in labels)
        boxes = page.locator(".xp-strip__dot").evaluate_all("ds => ds.map(d => d.getBoundingClientRect().toJSON())")
        for a, b in zip(boxes, boxes[1:]):
            assert a["right"] <= b["left"], (a, b)  # in order, none over another
        targets = page.locator(".xp-strip a").evaluate_all("as => as.map(a => a.getBoundingClientRect().height)")
        assert min(targets) >= TAP
    last = page.locator(".xp-strip a").last
    last.scroll_into_view_if_needed()
    last.tap()
    target = page.locator(f"[id='{last.get_attribute('href')[1:]}']")
    page.wait_for_timeout(400)
    assert target.is_visible()  # a folded event opens when its date is tapped


def test_disagreements_side_by_side_and_stacked_on_a_phone(open_page, site):
    opener, _ = open_page
    page, _ = opener(story_path(site.seed_slug))
    dispute = page.locator(".xp-dispute").first
    if not dispute.count():
        pytest.skip("the seed story shows no disagreement")
    versions = dispute.locator(".xp-version")
    tops = [b["y"] for b in (versions.nth(i).bounding_box() for i in range(versions.count()))]
    assert len(set(tops)) < len(tops)  # at least two side by side on a desktop
    for who in dispute.locator(".xp-version__who").all_inner_texts():
        assert re.search(r"\d{4}$|(?:date|year) not given$", who.strip()), who
        assert not re.search(r"\bsource \d{3}\b", who)
    assert dispute.locator("mark").count() >= 1
    page, _ = opener(story_path(site.seed_slug), viewport=PHONE)
    versions = page.locator(".xp-dispute").first.locator(".xp-version")
    boxes = [versions.nth(i).bounding_box() for i in range(versions.count())]
    assert len({round(b["x"]) for b in boxes}) == 1 and all(b["width"] > 0.8 * (PHONE["width"] - 60) for b in boxes)


def test_identity_masthead_type_colour_and_cards(open_page, site):
    opener, _ = open_page
    page, _ = opener()
    masthead = page.locator(".xp-masthead")
    assert masthead.is_visible() and "Explainer" in masthead.inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(29, 42, 64)"
    assert "Iowan Old Style" in page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    cards = page.locator(".xp-card")
    assert cards.count() == len(site.seed_slugs)
    for i in range(cards.count()):
        card = cards.nth(i)
        assert card.locator("h2 a:not(.headerlink)").count() == 1 and card.locator(".xp-card__date").count() == 1
        assert re.search(r"\d+ sources?", card.locator(".xp-meta").inner_text())
        assert card.locator("p:not(.xp-meta):not(.xp-card__date)").count() >= 1  # the first In brief point
    page, _ = opener(scheme="dark")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 24, 29)"


def test_feed_link_visible_and_topics_are_subjects(open_page, site):
    opener, _ = open_page
    for viewport in (DESKTOP, PHONE):
        page, _ = opener(story_path(site.seed_slug), viewport=viewport)
        feed = page.locator("footer a[href$='feed.xml']")
        feed.scroll_into_view_if_needed()
        assert feed.is_visible()
    page.goto(feed.evaluate("a => a.href"))
    assert "<feed" in page.content()
    page, _ = opener(story_path(site.seed_slug))
    topics = [t.strip() for t in page.locator(".md-tag").all_inner_texts()]
    names = {n.strip() for n in page.locator(ACTORS_TABLE).locator("tbody td:first-child").all_inner_texts()}
    assert topics and not set(topics) & names  # subjects, not the names of the actors
    page.locator(".md-tag").first.click()
    page.wait_for_load_state()
    assert "/tags/" in page.url
