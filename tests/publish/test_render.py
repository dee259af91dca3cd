"""Render stage: a Story becomes the Markdown page and the home page.

Unit tests render hand-built stories (every section exercised, and every section empty);
the HTML checks convert the Markdown with the extensions mkdocs.yml configures. The seed
floor checks that rendering drops no statement, citation or source of the seed story.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import markdown
import pytest
import yaml
from lxml import html as lhtml

from generator.editorial.controls import split_front_matter
from generator.editorial.page import strip_ids
from generator.models import Actor, Item, Quote, Story, TimelineEntry, Unknown
from generator.publish import render
from generator.publish.page_plan import MARGIN, MAX_VISIBLE_WORDS, visible_words
from generator.stories.hubs import KEY_ACTORS
from generator.stories.links import StoryLinks, StoryRef
from generator.publish.export import story_json
from generator.publish.filters import human_date
from generator.publish.markdown_escape import safe_url
from generator.publish.site_pages import extra_pages
from tests.browser.support import full_story
from tests.paths import ROOT

SECTIONS = ["In brief", "Background", "Key actors", "Timeline", "What we know", "What we don't know",
            "Key quotes", "What's next", "Related stories", "Sources", "How this page was made"]


def site_markdown() -> markdown.Markdown:
    """A converter with exactly the Markdown extensions the site uses (from mkdocs.yml)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def split_page(page: str) -> tuple[dict, str]:
    """Front matter and body, split as MkDocs splits them (a `---` line, not `---` anywhere)."""
    head, body = split_front_matter(page)
    return yaml.safe_load(head or ""), body


def to_html(page: str):
    return lhtml.fragment_fromstring(strip_ids(site_markdown().convert(split_page(page)[1])), create_parent="div")


def text_of(el) -> str:
    return " ".join(el.text_content().split())


@pytest.fixture(scope="module")
def story() -> Story:
    return full_story()


@pytest.fixture(scope="module")
def page(story, settings) -> str:
    return render.render_story(story, settings)


def empty_story() -> Story:
    return Story(slug="quiet-day", headline="A quiet day", event_date=None, updated=None,
                 sources=full_story().sources[:1])


def test_sections_in_order(page):
    headings = re.findall(r"^## (.+)$", page, flags=re.M)
    assert headings == SECTIONS
    assert len(re.findall(r"^# ", split_page(page)[1], flags=re.M)) == 1


def test_front_matter(page, story):
    meta, _ = split_page(page)
    assert meta["title"] == story.headline
    assert meta["description"] == story.summary[0].text
    assert "tags" not in meta  # its sources' text ("Body.") names no subject
    assert (meta["updated"], meta["published"], meta["event_date"]) == ("2024-03-15", "2024-03-14", "2024-03-13")
    assert meta["sources"] == 4
    # a javascript: URL of a source never reaches the front matter
    assert meta["source_urls"] == ["https://gazette.example.com/tram?id=7&x=%281%29",
                                   "http://metro.example.org/news/tram_line"]


def test_what_we_know_counts_and_cites(page):
    assert "- The vote was 31 in favour and 19 against. <span class=\"xp-support\">3 of 4 sources</span>[^000][^001][^002]" in page
    assert "xp-support\">1 of" not in page  # one source: its citation, never "1 of M" (the others may say it too)


def test_citations_only_to_listed_sources(story, settings):
    odd = replace(story, known=(Item("A claim citing a source the page does not list.", ("999", "001")),))
    out = render.render_story(odd, settings)
    assert "[^999]" not in out
    assert "page does not list.[^001]" in out


def test_html_citations_land_on_sources(page):
    root = to_html(page)
    refs = root.xpath("//sup/a[@class='footnote-ref']")
    targets = {r.get("href") for r in refs}
    assert targets == {"#fn:000", "#fn:001", "#fn:002", "#fn:003"}
    items = root.xpath("//div[@class='footnote']//li")
    assert [li.get("id") for li in items] == ["fn:000", "fn:001", "fn:002", "fn:003"]
    assert "Harbour Gazette" in text_of(items[0]) and "Dana Reyes" in text_of(items[0])
    # numbered in Sources order, so the table's "#" column and the citations agree
    first = root.xpath("//a[@href='#fn:002']")[0]
    assert first.text == "3"


def test_sources_list_names_outlet_title_date_and_link(page):
    root = to_html(page)
    sources = root.xpath("//h2[@id='sources']/following-sibling::div[@class='footnote'][1]//li")
    assert [li.get("id") for li in sources] == ["fn:000", "fn:001", "fn:002", "fn:003"]
    texts = [text_of(li).rstrip("↩").strip() for li in sources]
    assert texts[0] == "Harbour Gazette, “Council approves Riverside tram line”, by Dana Reyes, 14 March 2024."
    assert texts[2] == "Outlet not known, “Riverside tram: what the vote means”, by Sam Okafor, 15 March 2024."
    # no title: told by its opening words; no date: said so; a javascript: URL is no link
    assert texts[3] == "Valley Radio, untitled; it opens “Body.”, date not given."
    links = [a.get("href") for a in root.xpath("//div[@class='footnote']//a[not(@class='footnote-backref')]")]
    assert links == ["https://gazette.example.com/tram?id=7&x=%281%29", "http://metro.example.org/news/tram_line"]
    assert text_of(root.xpath("//a[@href='http://metro.example.org/news/tram_line']")[0]) == (
        "“Tram line gets green light after long debate”")


def test_sources_line_counts_unknown_outlets_apart(page):
    assert "4 sources: 3 from 3 named outlets, 1 whose outlet is not known[^000][^001][^002][^003]" in page
    assert "4 sources: 3 from 3 named outlets, 1 whose outlet is not known. Tap a citation" in page


def test_disagreements_name_outlets_and_dates_and_mark_the_difference(page):
    root = to_html(page)
    row = root.xpath("//div[@class='xp-dispute']")[0]
    assert text_of(row.xpath(".//p[@class='xp-dispute__what']")[0]) == "The estimated cost12"
    versions = row.xpath(".//div[@class='xp-version']")
    assert [text_of(v.xpath("p[@class='xp-version__who']")[0]) for v in versions] == [
        "Harbour Gazette, 14 March 2024", "Metro Daily, 14 March 2024"]
    assert text_of(versions[0]).endswith("The line is expected to cost £240 million.1")
    # the title quotes no values here, and most words differ: the numbers only one version gives are marked
    assert [text_of(m) for m in versions[0].xpath(".//mark")] == ["240"]
    assert [text_of(m) for m in versions[1].xpath(".//mark")] == ["310"]
    box = root.xpath("//h2[@id='what-we-dont-know']/following-sibling::*")
    text = " ".join(text_of(el) for el in box[:12])
    assert "Open questions" in text and "Reported by one source only" in text and "only 1 of 4 sources" in text


def test_disputed_values_in_the_title_are_marked(story, settings):
    disputed = Unknown("disputed", 'Figures differ: "31 votes" vs "29 votes"', ("000", "001"),
                       {"000": "The council approved the line by 31 votes to 19 on Wednesday.",
                        "001": "The line passed with 29 votes in favour."})
    out = render.render_story(replace(story, unknown=(disputed,)), settings)
    marks = [text_of(m) for m in to_html(out).xpath("//div[@class='xp-version']//mark")]
    assert marks == ["31 votes", "29 votes"]


def test_actors_table_links_pages_and_role_tooltips(story, settings):
    links = StoryLinks(actor_pages=(("Maria Lindqvist", "maria-lindqvist"), ("City Council", "city-council")))
    root = to_html(render.render_story(story, settings, links))
    table = root.xpath("//h2[@id='key-actors']/following-sibling::table[1]")[0]
    rows = table.xpath(".//tbody/tr")
    # the role cites the sources that give it (role_sources, else every mention)
    assert [text_of(tr.xpath("td")[1]) for tr in rows] == [
        "mayor of the city2", "the body that approved the line12", "leader of the opposition group2"]
    assert [text_of(tr.xpath("td")[2]) for tr in rows] == ["3 of 4 sources", "2 of 4 sources", "1 of 4 sources"]
    # a place whose role no source gives is no row: it is only mentioned, below the table
    folded = root.xpath("//details[contains(@class,'xp-more')]")[0]
    assert [text_of(li) for li in folded.xpath(".//li")] == ["Riverside"]
    assert [a.get("href") for a in table.xpath(".//a[not(@class='footnote-ref')]")] == [
        "../actors/maria-lindqvist.md", "../actors/city-council.md"]
    titles = {a.text: a.get("title") for a in root.xpath("//abbr")}
    assert titles["Maria Lindqvist"] == "mayor of the city"
    assert "Riverside" not in titles  # no role, no tooltip


def test_key_quotes_are_whole_attributed_sentences(page):
    root = to_html(page)
    quotes = [text_of(q) for q in root.xpath("//blockquote")]
    # another rendering of a shown statement, and a quote with no speaker, are not key quotes
    assert quotes == ["“This is a turning point for the east of our city”"]
    bylines = [text_of(p) for p in root.xpath("//p[@class='xp-quote-by']")]
    assert bylines[0].startswith("— Maria Lindqvist, in Harbour Gazette, Metro Daily")


def test_at_most_five_key_quotes_and_no_fragments():
    quotes = [Quote("Jo Smith", f"We will build line number {i} before the end of the decade", ("000",))
              for i in range(8)]
    quotes += [Quote("Jo Smith", "sane people", ("000",)), Quote("Jo Smith", "and then the vote came in late", ("000",))]
    shown = render.full_sentence_quotes(quotes)
    assert len(shown) == render.MAX_QUOTES and all(q.text.startswith("We will") for q in shown)


def test_quote_notes_name_outlets_not_ids():
    names = {"000": "Harbour Gazette", "001": "Source 2 (outlet not known)"}
    assert render.reader_note("also attributed to Tom Berger by sources 000, 001", names) == (
        "also attributed to Tom Berger by Harbour Gazette and Source 2 (outlet not known)")
    assert render.reader_note("also attributed to Tom Berger by source 007", names) is None


def test_timeline_list_and_labelled_strip(page):
    root = to_html(page)
    rows = root.xpath("//h2[@id='timeline']/following-sibling::ul[1]/li")
    assert [text_of(r.xpath("span[@class='xp-when']")[0]) for r in rows] == ["2009", "June 2019", "13 March 2024", "2025"]
    stops = root.xpath("//nav[@class='xp-strip']//li")
    assert [text_of(s) for s in stops] == ["2009", "Jun 2019", "13 Mar 2024", "2025"]  # every stop labelled
    assert [s.xpath(".//a")[0].get("href") for s in stops] == ["#t-1", "#t-2", "#t-3", "#t-4"]
    assert {r.xpath("span")[0].get("id") for r in rows} == {"t-1", "t-2", "t-3", "t-4"}
    assert root.xpath("//nav[@class='xp-strip']")[0].get("aria-label") == "4 dated events from 2009 to 2025"


def test_strip_groups_many_dates_by_year_with_counts(story, settings):
    many = tuple(TimelineEntry(f"2024-{m:02d}-01", f"Event {m}.", ("000",)) for m in range(1, 11))
    strip = render.timeline_strip(many + (TimelineEntry("2019", "Earlier.", ("000",)),))
    assert [(s["label"], s["count"], s["gap"]) for s in strip["stops"]] == [("2019", 1, False), ("2024", 10, True)]


def test_minor_actors_folded_away(story, settings):
    extra = tuple(Actor(f"Minor Person {i}", "person", (), "a witness" if i % 2 else None, 1, ("002",))
                  for i in range(KEY_ACTORS + 2))
    root = to_html(render.render_story(replace(story, actors=story.actors + extra), settings))
    table = root.xpath("//h2[@id='key-actors']/following-sibling::table[1]")[0]
    # the table: the first KEY_ACTORS actors but a place with no role, and (the story told by three
    # outlets) none only one of them names; the rest below it
    assert [text_of(tr.xpath("td")[0]) for tr in table.xpath(".//tbody/tr")] == [
        "Maria Lindqvist", "City Council", "Tom Berger"]
    folded = root.xpath("//details[contains(@class,'xp-more')]")[0]
    assert text_of(folded.xpath("summary")[0]) == "Also mentioned (9)"
    assert [text_of(li) for li in folded.xpath(".//li")][:4] == [
        "Riverside", "Minor Person 0", "Minor Person 1: a witness3", "Minor Person 2"]


def test_long_sections_fold_and_the_page_reads_in_1000_words(story, settings):
    long = "The council said the line would bring new jobs, homes and shops to the east of the city over ten years."
    known = tuple(Item(f"{long} Point {i}.", ("000", "001") if i % 3 else ("002",)) for i in range(40))
    timeline = tuple(TimelineEntry(f"2024-01-{d:02d}", f"{long} Day {d}.", ("000",)) for d in range(1, 21))
    out = render.render_story(replace(story, known=known, timeline=timeline, background=known[:12]), settings)
    assert visible_words(out) <= MAX_VISIBLE_WORDS - MARGIN
    root = to_html(out)
    summaries = [text_of(s) for s in root.xpath("//details[contains(@class,'xp-more')]/summary")]
    assert "Show all 40 points" in summaries and "Show all 20 dated events" in summaries
    shown = root.xpath("//h2[@id='what-we-know']/following-sibling::ul[1]/li")
    assert 3 <= len(shown) < 40
    # best supported first: the two-source points open the section
    assert all("2 of 4 sources" in text_of(li) for li in shown)
    page_text = " ".join(text_of(li) for li in root.xpath("//li"))
    assert all(f"Point {i}." in page_text for i in range(40))  # folded, never dropped


def test_in_brief_holds_three_to_five_points(story, settings):
    one = replace(story, summary=story.summary[:1])
    root = to_html(render.render_story(one, settings))
    brief = root.xpath("//h2[@id='in-brief']/following-sibling::ul[1]/li")
    assert len(brief) == 3  # topped up with the best-supported known points, not repeated below
    known = [text_of(li) for li in root.xpath("//h2[@id='what-we-know']/following-sibling::ul[1]/li")]
    assert not any("31 in favour" in k for k in known)
    six = replace(story, summary=tuple(Item(f"Point {i} of the story is here.", ("000",)) for i in range(6)))
    brief = to_html(render.render_story(six, settings)).xpath("//h2[@id='in-brief']/following-sibling::ul[1]/li")
    assert len(brief) == 5


def test_related_stories_and_neighbours(story, settings):
    links = StoryLinks(related=(StoryRef("tram-fares-rise", "Tram fares rise", "2024-04-02"),),
                       previous=StoryRef("budget-vote", "Budget vote", "2024-02-01"),
                       next=StoryRef("../../etc", "Bad slug", None))
    root = to_html(render.render_story(story, settings, links))
    section = root.xpath("//h2[@id='related-stories']/following-sibling::*")
    assert section[0].xpath(".//a")[0].get("href") == "tram-fares-rise.md"
    assert "Tram fares rise 2 April 2024" in text_of(section[0])
    prevnext = root.xpath("//p[@class='xp-prevnext']//a")
    assert [a.get("href") for a in prevnext] == ["budget-vote.md"]  # an unsafe slug is never linked


def test_jump_bar_links_every_section(page):
    root = to_html(page)
    targets = [a.get("href") for a in root.xpath("//nav[@class='xp-jump']/a")]
    ids = {h.get("id") for h in root.xpath("//h2")}
    assert len(targets) >= 3 and all(t[1:] in ids for t in targets)


def test_no_strip_with_one_date(story, settings):
    one = replace(story, timeline=(TimelineEntry("2024-03-13", "The vote.", ("000",)),))
    assert "xp-strip" not in render.render_story(one, settings)


def test_changes_note_only_when_changed(page, story, settings):
    # the note carries its date: the story's update that brought the change
    assert '!!! note "What changed (15 March 2024)"' in page and "    - 1 new source: Valley Radio" in page
    assert "What changed" not in render.render_story(replace(story, changes=()), settings)


def test_empty_sections_say_so(settings):
    out = render.render_story(empty_story(), settings)
    # an empty section says only what the page could not verify: never that the sources lack it
    for line in ("No summary point could be verified against the sources yet.",
                 "No background point could be verified against the sources yet.",
                 "No person or organisation could be verified in the sources yet.",
                 "No dated event could be verified against the sources yet.",
                 "No point could be verified against the sources yet.",
                 "No open question or disagreement could be verified against the sources yet.",
                 "No quote could be verified with its speaker yet.",
                 "Nothing about what comes next could be verified against the sources yet."):
        assert out.count(line) == 1, line
    meta, _ = split_page(out)
    assert meta["description"] == "An explainer drawn from 1 news article."
    assert "tags" not in meta and "updated" not in meta
    root = to_html(out)
    assert [li.get("id") for li in root.xpath("//div[@class='footnote']//li")] == ["fn:000"]


def test_how_made_and_data_link(page):
    assert "Generated by Explainer" in page
    assert "[Download this story's data (JSON)](council-approves-riverside-tram-line.json)" in page


def test_unsafe_slug_refused(story, settings):
    with pytest.raises(ValueError):
        render.render_story(replace(story, slug="../../etc"), settings)


def test_deterministic(story, settings):
    assert render.render_story(story, settings) == render.render_story(full_story(), settings)


def index_stories() -> list[Story]:
    base = full_story()
    return [
        replace(base, slug="b-old", headline="Old story", updated="2024-01-02"),
        replace(base, slug="a-new", headline="New story A", updated="2024-03-15"),
        replace(base, slug="c-new", headline="New story C", updated="2024-03-15"),
        replace(base, slug="d-undated", headline="Undated story", updated=None, summary=()),
    ]


def test_index_newest_first_with_tie_breaker(settings):
    stories = index_stories()
    out = render.render_index(stories, settings)
    assert out == render.render_index(list(reversed(stories)), settings)
    links = re.findall(r"\]\(stories/([a-z-]+)\.md\)", out)
    assert links == ["c-new", "a-new", "b-old", "d-undated"]
    root = to_html(out)
    first = root.xpath("//div[@class='xp-card']")[0]
    assert "The city council approved the Riverside tram line" in text_of(first)
    assert "4 sources: 3 from 3 named outlets, 1 whose outlet is not known" in text_of(first)
    assert "13 March 2024" in text_of(first)  # the story's date


def test_index_caps_and_links_archive(settings):
    many = [replace(full_story(), slug=f"s-{i:03d}", updated=f"2024-01-{1 + i % 28:02d}") for i in range(35)]
    out = render.render_index(many, settings)
    assert out.count("<div class=\"xp-card\"") == render.HOME_LIMIT
    assert "[All 35 stories](archive.md)" in out
    assert render.render_archive(many, settings).count("](stories/") == 35


def test_extra_pages(settings, story):
    pages = extra_pages([story], settings)
    assert {"tags.md", "archive.md", f"stories/{story.slug}.json", "actors/index.md", "timeline.md"} <= set(pages)
    assert all(p.startswith("actors/") for p in set(pages) - {"tags.md", "archive.md", "timeline.md",
                                                             f"stories/{story.slug}.json"})
    assert json.loads(pages[f"stories/{story.slug}.json"]) == story_json(story)
    assert "<!-- material/tags -->" in pages["tags.md"]


@pytest.mark.parametrize("iso, shown", [("2025-07-03", "3 July 2025"), ("2025-04", "April 2025"), ("2021", "2021"),
                                        ("2025-07-04T15:25", "4 July 2025"), ("2025-02-30", "2025-02-30"),
                                        ("soon", "soon")])
def test_human_date(iso, shown):
    assert human_date(iso) == shown


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/a b", None),
    ("javascript:alert(1)", None),
    ("JAVASCRIPT:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("//example.com/x", None),
    ("/relative/path", None),
    ("https://exa mple.com/", None),
    ("http://user@example.com:99999/", None),
    ("https://EXAMPLE.com/a(b)\"c'<d>`", "https://example.com/a%28b%29%22c%27%3Cd%3E%60"),
    ("http://example.com:8080/x?q=1&r=2#top", "http://example.com:8080/x?q=1&r=2#top"),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


# ---------------------------------------------------------------- the seed story (quality floor)


@pytest.mark.slow
@pytest.mark.quality
def test_seed_page_keeps_every_statement_and_source(seed_story, settings, gold):
    """Rendering loses nothing: every statement of the seed story is on the page, cited."""
    out = render.render_story(seed_story, settings)
    root = to_html(out)
    page_text = " ".join(html.unescape(root.text_content()).split())
    statements = [i.text for i in (*seed_story.summary, *seed_story.background, *seed_story.known,
                                   *seed_story.whats_next)]
    statements += [t.text for t in seed_story.timeline] + [u.text for u in seed_story.unknown]
    # key quotes are whole sentences with their speaker, one rendering each (the gold's "wording"
    # kind); a phrase someone is quoted with stays in the JSON
    statements += [q.text for q in render.full_sentence_quotes(seed_story.quotes)]
    statements += [a.name for a in seed_story.actors]
    missing = [s for s in statements if " ".join(s.split()) not in page_text]
    assert not missing
    footnotes = root.xpath("//div[@class='footnote']//li")
    assert len(footnotes) == len(seed_story.sources) == len(gold["sources"])
    titles = [a.title for a in seed_story.sources if a.title]
    assert all(" ".join(t.split()) in page_text for t in titles)
    cited = {a.get("href") for a in root.xpath("//a[@class='footnote-ref']")}
    assert cited == {f"#fn:{a.source_id}" for a in seed_story.sources}
    meta, _ = split_page(out)
    assert html.unescape(meta["title"]) == seed_story.headline


def test_wire_copies_counted_once(story, settings):
    """Source 002 is a copy of 000: it is listed, but "N of M" counts the original once."""
    copied = replace(story, copies=(("002", "000"),))
    out = render.render_story(copied, settings)
    assert "4 sources: 3 from 3 named outlets, 1 whose outlet is not known[^000][^001][^002][^003] · 1 is a copy of another, counted once" in out
    assert "The vote was 31 in favour and 19 against. <span class=\"xp-support\">2 of 3 sources</span>[^000][^001][^002]" in out
    assert "spring 2025.[^000][^002]" in out  # still cited: a reader can check the copy too
    root = to_html(out)
    assert "a copy of source 1" in text_of(root.xpath("//li[@id='fn:002']")[0])


def test_role_tooltips_only_for_plain_proper_names():
    """Lowercase or digit names could match Python-Markdown's placeholders; escaped names never match."""
    actors = [Actor(name, "person", (), "a witness", 1, ("000",))
              for name in ("Jo Smith", "wzxhzdk", "149", "Ann *Star*", "de Gaulle", "Jo Smith")]
    actors.append(Actor("Harbour City", "city", (), "the host city", 1, ("000",)))
    assert render.abbreviations(actors) == [("Jo Smith", "a witness"), ("de Gaulle", "a witness")]


def test_the_desks_marks_and_how_the_page_was_made(settings):
    from generator.editorial.ids import with_ids
    from generator.models import Mark

    s = with_ids(full_story())
    worded, new, fixed = s.known[0], s.known[1], s.summary[0]
    s = replace(s, new_since="2024-03-14", marks={worded.id: Mark(desk=("text",)), new.id: Mark(new=True),
                                                  fixed.id: Mark(desk=("corrected",))})
    page = render.render_story(s, settings)
    lines = page.split("\n")
    desk_line = next(ln for ln in lines if ln.startswith(f"- {worded.text}"))
    assert "[^" not in desk_line and "xp-support" not in desk_line and ">editors</span>" in desk_line
    assert f"<!-- xp {worded.id} -->" in desk_line
    new_line = next(ln for ln in lines if ln.startswith(f"- {new.text}"))
    assert '<span class="xp-new">new since 14 March 2024</span>' in new_line and "[^" in new_line
    fixed_line = next(ln for ln in lines if ln.startswith(f"- {fixed.text}"))
    assert ">corrected</span>" in fixed_line and "[^" in fixed_line
    made = page[page.index("## How this page was made"):]
    assert "The 1 line\n    marked “editors” is our editors' own words and cites no source." in made
    assert "marked “corrected”, our editors corrected a misspelling." in made
    assert "Points marked “new” were added since 14 March 2024." in made


def test_a_source_dated_only_by_its_dateline_says_the_day_and_that_the_year_is_not_given():
    from generator.models import Article
    from generator.publish.source_view import when
    assert when(Article("a", "a.txt", ("Body.",), dateline="--01-03")) == "3 January (dateline), year not given"
    assert when(Article("a", "a.txt", ("Body.",))) == "date not given"


def test_a_bodys_head_word_alone_is_no_alias_but_a_persons_surname_is():
    from generator.models import Actor
    body = render.actor_row(Actor("White Hall", "organization", ("Hall", "the Hall office"), None, 3, ("a",)), {}, {})
    assert body["aliases"] == ["the Hall office"]
    person = render.actor_row(Actor("Atiq Islam", "person", ("Islam",), None, 3, ("a",)), {}, {})
    assert person["aliases"] == ["Islam"]
