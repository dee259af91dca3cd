"""Nothing in an article can become markup: not in the Markdown, not in the built HTML.

Three layers: a property test of the escaping in every Markdown context the templates use;
a hostile Story (every field an attack) rendered and converted with the site's extensions;
and the same story in the real `mkdocs build --strict` site, theme templates included.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from lxml import html as lhtml

from generator.publish import render
from generator.publish.markdown_escape import clean_text, html_text, md_inline, safe_tag
from tests.browser.support import ATTACKS, hostile_story
from tests.publish.test_render import ROOT, site_markdown, split_page

MD = site_markdown()

# ASCII punctuation, whitespace, controls, bidi overrides, Python-Markdown's placeholder bytes.
ALPHABET = st.sampled_from(list("aZ09 .") + [chr(c) for c in range(33, 127) if not chr(c).isalnum()]
                           + list("\n\t\r\x00\x02\x03\x1b\u202e\u2028é“”—"))
TEXTS = st.text(alphabet=ALPHABET, max_size=40)


def convert(markdown_text: str):
    MD.reset()
    return lhtml.fragment_fromstring(MD.convert(markdown_text), create_parent="div")


def only_text(el) -> tuple[list[str], str]:
    """The tags below `el` (permalink anchors aside) and its visible text."""
    tags = [c.tag for c in el.iterdescendants() if c.get("class") != "headerlink"]
    for link in el.xpath(".//a[@class='headerlink']"):
        link.getparent().remove(link)
    return tags, el.text_content()


CONTEXTS = {
    "list item": ("- {x}", "//li"),
    "table cell": ("| a | b |\n| --- | --- |\n| {x} | c |", "//td[1]"),
    "heading": ("# {x}", "//h1"),
    "block quote": ("> “{x}”", "//blockquote/p"),
    "admonition item": ('!!! question "Q"\n\n    - {x}', "//li"),
    "paragraph with class": ("{x}\n{{: .xp-meta }}", "//p"),
}


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@hsettings(max_examples=150, deadline=None)
@given(text=TEXTS)
def test_escaped_text_renders_as_itself(context, text):
    template, xpath = CONTEXTS[context]
    expected = clean_text(text)
    if not expected:
        return
    root = convert(template.format(x=md_inline(text)))
    found = root.xpath(xpath)
    assert len(found) == 1, (context, text)
    if context == "table cell":  # the row still has its two cells: no "|" split it
        assert [td.text_content() for td in root.xpath("//td")][1:] == ["c"]
    tags, shown = only_text(found[0])
    assert tags == []
    want = f"“{expected}”" if context == "block quote" else expected
    assert shown == want


def test_html_text_and_tags():
    assert html_text('"><script>x</script>') == "&quot;&gt;&lt;script&gt;x&lt;/script&gt;"
    assert safe_tag("Jean-Luc O'Brien") == "Jean-Luc O'Brien"
    for bad in ("<b>", "a_b", "x" * 61, "{{ x }}", "Name]", "."):
        assert safe_tag(bad) is None


# ---------------------------------------------------------------- the hostile story, as Markdown -> HTML

ALLOWED_TAGS = {"div", "p", "ul", "li", "h1", "h2", "table", "thead", "tbody", "tr", "th", "td", "a", "sup",
                "strong", "span", "small", "br", "blockquote", "abbr", "hr", "ol", "nav", "mark", "details",
                "summary"}
ALLOWED_ATTRS = {"class", "id", "href", "title", "style", "role", "aria-label"}


@pytest.fixture(scope="module")
def hostile_page(settings) -> str:
    return render.render_story(hostile_story(), settings)


def test_hostile_front_matter_is_inert(hostile_page):
    meta, body = split_page(hostile_page)
    assert set(meta) <= {"title", "description", "tags", "updated", "published", "event_date", "sources",
                         "source_urls", "generator"}
    assert "<" not in meta["title"] and '"' not in meta["title"]
    assert html.unescape(meta["title"]) == clean_text(hostile_story().headline)
    assert all(safe_tag(t) == t for t in meta.get("tags", []))  # a topic unsafe as a tag is dropped
    assert all(u.startswith("https://ok.example.com/") and "<" not in u for u in meta["source_urls"])
    # the only abbreviation definition is the one actor with a plain name
    assert re.findall(r"^\*\[(.*?)\]:", body, flags=re.M) == ["Hostile Actor"]


def test_hostile_story_builds_only_our_markup(hostile_page):
    root = convert(split_page(hostile_page)[1])
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for el in root.iter():
        assert el.tag in ALLOWED_TAGS | {"div"}, el.tag
        for name, value in el.attrib.items():
            assert name in ALLOWED_ATTRS, (el.tag, name)
            assert name == "title" or ("pwned" not in value and "javascript" not in value.lower())
        if el.tag == "a":
            href = el.get("href")
            assert href[1:] in ids or href == "hostile-story.json" or urlsplit(href).scheme == "https", href
        assert el.get("style") is None
    # one heading of ours per section, nothing else from the attack lines
    assert len(root.xpath("//h1")) == 1
    assert [h.text_content().rstrip("¶") for h in root.xpath("//h2")] == [
        "In brief", "Background", "Key actors", "Timeline", "What we know", "What we don't know",
        "Key quotes", "What's next", "Related stories", "Sources", "How this page was made"]
    assert len(root.xpath("//div[contains(@class,'admonition')]")) == 2  # changes, how made
    # every attack is shown to the reader as the text it is
    page_text = root.text_content()
    for attack in ATTACKS:
        assert clean_text(attack) in page_text, attack


def test_hostile_index_and_archive(settings):
    story = hostile_story()
    for page in (render.render_index([story], settings), render.render_archive([story], settings)):
        root = convert(split_page(page)[1])
        assert {el.tag for el in root.iter()} <= ALLOWED_TAGS
        links = [a.get("href") for a in root.xpath("//a[not(@class='headerlink')]")]
        assert links == ["stories/hostile-story.md"]
        assert clean_text(story.headline) in root.text_content()


def test_no_file_inclusion_extension():
    """pymdownx.snippets would let "--8<-- file" in article text include files: not enabled."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert "pymdownx.snippets" not in names
    assert "pymdownx.magiclink" not in names  # bare URLs in article text stay text


# ---------------------------------------------------------------- the hostile story in the built site


def built_page(site, rel: str):
    return lhtml.fromstring((site.site / rel).read_bytes())


@pytest.mark.slow
def test_built_page_has_no_injected_element_or_attribute(site):
    doc = built_page(site, "stories/hostile-story/index.html")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name in ("title", "content", "aria-label") or "pwned" not in value, (el.tag, name, value)
            if name in ("href", "src", "action", "content"):
                assert not value.strip().lower().startswith(("javascript:", "data:")), value
        if el.tag == "script":
            assert "pwned" not in (el.text or "") or el.get("type") == "application/ld+json"
            assert el.get("src") is None or el.get("src").startswith("../../assets/javascripts/")
    article = doc.xpath("//article")[0]
    assert not article.xpath(".//img|.//iframe|.//object|.//embed|.//svg[@onload]|.//script|.//style")
    assert not doc.xpath("//*[contains(@src,'.invalid') or contains(@href,'.invalid') or contains(@srcset,'.invalid')]")


@pytest.mark.slow
def test_built_head_title_meta_and_json_ld(site):
    story = hostile_story()
    doc = built_page(site, "stories/hostile-story/index.html")
    headline = clean_text(story.headline)
    assert doc.xpath("//title")[0].text == f"{headline} - Explainer"
    assert doc.xpath("//meta[@name='description']")[0].get("content") == clean_text(story.summary[0].text)
    assert doc.xpath("//meta[@property='og:title']")[0].get("content") == headline
    scripts = doc.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    raw = scripts[0].text
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle" and data["headline"] == headline
    assert data["isBasedOn"] == ["https://ok.example.com/a%22%3E%3Cscript%3Ex%3C/script%3E"] * 2
    assert "{{ config.site_name }}" in doc.xpath("//article")[0].text_content()  # template syntax stays text


@pytest.mark.slow
def test_built_search_index_and_feed_are_inert(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hostile = [d for d in index["docs"] if d["location"].startswith("stories/hostile-story/")]
    assert hostile
    for doc in hostile:
        assert "<script" not in doc["text"] and "<img" not in doc["text"] and "<svg" not in doc["title"]
    feed = ET.parse(site.site / "feed.xml").getroot()
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")]
    assert clean_text(hostile_story().headline) in titles
    tags = built_page(site, "tags/index.html")
    assert not tags.xpath("//article//script|//article//img")
