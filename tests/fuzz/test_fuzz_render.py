"""Property test of rendering: a Story whose every text field is arbitrary Unicode, salted with
Markdown, HTML, template and Python-Markdown placeholder syntax, renders to a page whose HTML
(converted with exactly the extensions of mkdocs.yml) holds only the page's own structure,
and on which every non-blank text is still visible (nothing dropped silently).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from lxml import html as lhtml

from generator.models import Actor, Article, Item, Quote, Story, TimelineEntry, Unknown
from generator.editorial.page import strip_ids
from generator.publish import render
from generator.publish.filters import human_date
from generator.publish.markdown_escape import clean_text, safe_url
from generator.stories.hubs import key_actors
from tests.publish.test_render import SECTIONS, site_markdown, split_page

MD = site_markdown()
SLUG = "fuzz-story"

# Pieces of syntax that could turn text into structure, in Markdown, HTML, Jinja2, the
# extensions the site uses (footnotes, abbr, attr_list, admonition, details, tables, toc)
# and Python-Markdown's own placeholders.
TOKENS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>", "</td>", "<br>",
    "{{ config.site_name }}", "{{", "}}", "{%", "%}", "{#", "[x](javascript:alert(1))", "[x]: javascript:y",
    "![i](https://t.invalid/p.gif)", "<https://evil.invalid>", "javascript:", "data:text/html,x", "|", "||",
    "#", "## ", "---", "===", "***", "`", "```", "[^1]", "[^000]", "[^000]:", "*[", "]:", "!!! note", "??? x",
    "<!--", "-->", "&#60;", "&lt;", "&amp;", "&", "\\", "\n", "\n\n", "\t", "    ", "\r", "\x00", "\x02",
    "\x03", "wzxhzdk:0", "klzzwxh:1", "{: .evil onclick=x }", "{ #id }", '<div markdown="1">', "**", "__",
    "_", "*", "~~", ":", "> ", "- ", "1. ", "2024. ", "3) ", "+ ", "\u202e", "\u2028", "\u200b", "\ufeff",
    "¶", "—", "“", "”", "é", "中文", "http://ok.example.com/x", "--8<-- 'x'", "[TOC]", "(", ")", "\"", "'",
    " Jo Smith ", " wzxhzdk ", " klzzwxh ", " amp ", " Sources ",
]
# Actor names: people's names become abbreviations matched all over the page (the last ones
# are Python-Markdown's placeholder words and words of the page's own markup).
NAMES = st.sampled_from(["Jo Smith", "wzxhzdk", "klzzwxh", "amp", "Sources", "span"])
TEXT = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=6).map("".join)
MAYBE = st.none() | TEXT
IDS = st.lists(st.sampled_from(["000", "001", "002", "0a1b2c3d", "x y", "[^1]", "é", "003-1"]),
               min_size=1, max_size=4, unique=True)
URL = st.none() | TEXT | st.sampled_from(["https://ok.example.com/a?b=(1)", "javascript:alert(1)",
                                          "http://ok.example.com/\"><script>", "data:text/html,<b>"])
DATE = st.one_of(TEXT, st.sampled_from(["2024", "2024-03", "2024-03-13", "2024-03-13T09:30", "2024-02-30"]))


@st.composite
def stories(draw) -> Story:
    ids = draw(IDS)
    cited = st.lists(st.sampled_from(ids), max_size=len(ids), unique=True).map(tuple)
    items = st.lists(st.builds(Item, TEXT, cited), max_size=3).map(tuple)
    sources = tuple(Article(sid, f"seeds/{n:03d}.txt", ("Body.",), title=draw(MAYBE), outlet=draw(MAYBE),
                            author=draw(MAYBE), published=draw(st.none() | DATE), url=draw(URL))
                    for n, sid in enumerate(ids))
    actor = st.builds(Actor, TEXT | NAMES, st.sampled_from(["person", "organization", "country", "other"]),
                      st.lists(TEXT, max_size=2).map(tuple), MAYBE, st.integers(0, 9), cited)
    unknown = st.builds(Unknown, st.sampled_from(["open_question", "single_source", "disputed", "other"]), TEXT,
                        cited, st.dictionaries(st.sampled_from(ids), TEXT, max_size=len(ids)))
    return Story(
        slug=SLUG, headline=draw(TEXT), event_date=draw(st.none() | DATE), updated=draw(st.none() | DATE),
        sources=sources, summary=draw(items), background=draw(items),
        actors=tuple(draw(st.lists(actor, max_size=14))),
        timeline=tuple(draw(st.lists(st.builds(TimelineEntry, DATE, TEXT, cited), max_size=4))),
        known=draw(items), unknown=tuple(draw(st.lists(unknown, max_size=4))),
        quotes=tuple(draw(st.lists(st.builds(Quote, MAYBE, TEXT, cited, MAYBE), max_size=3))),
        whats_next=draw(items), changes=tuple(draw(st.lists(TEXT, max_size=2))),
    )


ALLOWED_TAGS = {"div", "p", "ul", "ol", "li", "h1", "h2", "table", "thead", "tbody", "tr", "th", "td", "a", "sup",
                "strong", "span", "small", "br", "blockquote", "abbr", "hr", "details", "summary", "nav", "mark"}
ALLOWED_ATTRS = {"class", "id", "href", "title", "style", "role", "aria-label"}
CLASSES = {"admonition", "admonition-title", "footnote", "footnote-backref", "footnote-ref", "headerlink", "info",
           "note", "question", "xp-meta", "xp-quote-by", "xp-strip", "xp-strip__dot", "xp-strip__stops",
           "xp-strip__stop", "xp-strip__stop--gap", "xp-strip__date", "xp-support", "xp-jump", "xp-more", "xp-when",
           "xp-group", "xp-dispute", "xp-dispute__what", "xp-versions", "xp-version", "xp-version__who",
           "xp-prevnext"}
SECTION_IDS = {"headline", "in-brief", "background", "key-actors", "timeline", "what-we-know", "what-we-dont-know",
               "key-quotes", "whats-next", "related-stories", "sources", "how-this-page-was-made"}


def visible_texts(story: Story) -> list[str]:
    """Every text of the story a reader must be able to see on the page, as it is shown."""
    texts = [story.headline, *story.changes]
    texts += [i.text for i in story.summary + story.background + story.known + story.whats_next]
    texts += [t.text for t in story.timeline] + [human_date(t.date) for t in story.timeline]
    key = {id(a) for a in key_actors(story.actors)}
    for a in story.actors:  # a key actor's other names are on its own page
        texts += [a.name, a.role or "", *(a.aliases if id(a) not in key else ())]
    listed = set(story.source_ids)
    for u in story.unknown:
        texts.append(u.text)
        if u.kind == "disputed":
            texts += [t for sid, t in u.variants.items() if sid in listed]
    for q in render.full_sentence_quotes(story.quotes):  # key quotes: whole, attributed sentences
        texts += [q.text, q.speaker or ""]
    for s in story.sources:
        texts += [s.title or "", s.outlet or "", s.author or "", human_date(s.published) if s.published else ""]
    return [t for t in (clean_text(x) for x in texts) if t]


def check_structure(root, story: Story) -> None:
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    urls = {u for u in (safe_url(a.url) for a in story.sources) if u}
    for el in root.iter():
        assert el.tag in ALLOWED_TAGS, el.tag
        assert set(el.attrib) <= ALLOWED_ATTRS, (el.tag, dict(el.attrib))
        assert set((el.get("class") or "").split()) <= CLASSES, el.get("class")
        if el.get("id"):
            assert el.get("id") in SECTION_IDS or re.fullmatch(r"fn:.*|fnref.*|t-\d+", el.get("id")), el.get("id")
        assert el.get("style") is None, el.get("style")
        if el.tag == "a":
            href = el.get("href")
            ours = href[1:] in ids or href == f"{SLUG}.json"
            assert ours or (href in urls and urlsplit(href).scheme in ("http", "https")), href
    assert len(root.xpath("//h1")) == 1
    assert [" ".join(h.text_content().split()).rstrip("¶").strip() for h in root.xpath("//h2")] == SECTIONS


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(story=stories())
def test_any_story_renders_to_our_structure_with_every_text_visible(story, settings):
    page = render.render_story(story, settings)
    meta, body = split_page(page)
    assert set(meta) <= {"title", "description", "tags", "updated", "published", "event_date", "sources",
                         "source_urls", "generator"}
    assert "<" not in meta["title"] and "<" not in meta["description"]
    MD.reset()
    root = lhtml.fragment_fromstring(strip_ids(MD.convert(body)), create_parent="div")
    check_structure(root, story)
    shown = " ".join(root.text_content().split())
    for text in visible_texts(story):
        assert " ".join(text.split()) in shown, text


def story_naming(name: str) -> Story:
    """A person whose name is matched as an abbreviation in text full of escaped characters."""
    source = Article("000", "seeds/000.txt", ("B.",), title=f"{name} <b>speaks</b>", outlet="Daily Post")
    text = f"{name} said “a & b” <script>x</script> [^000] | {name} *again*"
    return Story(SLUG, f"{name} & the council", None, None, (source,),
                 actors=(Actor(name, "person", (), "the mayor", 2, ("000",)),),
                 known=(Item(text, ("000",)),), summary=(Item(text, ("000",)),),
                 quotes=(Quote(name, f"We <em>will</em> {name}", ("000",)),))


@pytest.mark.parametrize("name", ["Jo Smith", "wzxhzdk", "klzzwxh", "amp", "span", "Sources", "fn"])
def test_a_name_matched_as_an_abbreviation_never_breaks_the_page(name, settings):
    """Python-Markdown hides escaped text behind placeholders ("\x02wzxhzdk:3\x03"); a name
    matched inside one would leak the placeholder and lose the text behind it."""
    story = story_naming(name)
    MD.reset()
    root = lhtml.fragment_fromstring(strip_ids(MD.convert(split_page(render.render_story(story, settings))[1])),
                                     create_parent="div")
    check_structure(root, story)
    shown = " ".join(root.text_content().split())
    assert "\x02" not in shown and "\x03" not in shown
    for text in visible_texts(story):
        assert text in shown, text


def test_the_front_matter_is_one_yaml_block_whatever_the_headline(settings):
    story = Story(SLUG, "---\ntitle: x\n---\n# h", None, None, (Article("000", "seeds/0.txt", ("B.",)),))
    page = render.render_story(story, settings)
    meta, body = split_page(page)
    assert yaml.safe_load(page.split("---\n", 2)[1]) == meta and meta["title"].startswith("---")
    assert body.count("\n---\n") == 0


@hsettings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(story=stories())
def test_home_archive_and_hub_pages_hold_only_their_own_structure(story, settings):
    """The other pages built from stories (home, archive, actor hubs, site timeline) are as inert."""
    from generator.publish.site_pages import extra_pages

    pages = {rel: text for rel, text in extra_pages([story], settings).items() if rel.endswith(".md")}
    pages["index.md"] = render.render_index([story], settings)
    headline = " ".join(clean_text(story.headline).split())
    for rel, page in sorted(pages.items()):
        MD.reset()
        root = lhtml.fragment_fromstring(strip_ids(MD.convert(split_page(page)[1])), create_parent="div")
        assert len(root.xpath("//h1")) <= 1, rel
        comments = [c.text for c in root.iter() if not isinstance(c.tag, str)]
        assert comments == ([" material/tags "] if rel == "tags.md" else []), (rel, comments)  # the plugin's marker
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            assert el.tag in ALLOWED_TAGS, (rel, el.tag)
            assert set(el.attrib) <= ALLOWED_ATTRS, (rel, el.tag, dict(el.attrib))
            href = el.get("href")
            if href is not None:
                assert not urlsplit(href).scheme and not href.startswith("//"), (rel, href)
        if rel in ("index.md", "archive.md") and headline:
            assert headline in " ".join(root.text_content().split()), rel


def test_a_headline_ending_in_a_fence_keeps_the_front_matter_whole(settings):
    """Found by this file's fuzzing: "Jo Smith ---" is a title, not the front matter's end."""
    story = Story(SLUG, " Jo Smith ---", None, None, (Article("000", "seeds/0.txt", ("B.",)),))
    meta, body = split_page(render.render_story(story, settings))
    assert meta["title"].strip() == "Jo Smith ---" and body.lstrip().startswith("#")
