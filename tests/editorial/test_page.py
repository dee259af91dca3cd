"""A rendered story page reads back to exactly its items: ids, sections and words."""

from __future__ import annotations

from dataclasses import replace

from generator.editorial.ids import with_ids
from generator.editorial.page import conflict_lines, parse_page, strip_ids
from generator.models import Mark
from generator.publish.markdown_escape import clean_text
from tests.browser.support import full_story, hostile_story
from tests.editorial.support import page_of


def _by_section(page):
    out = {}
    for e in page.entries:
        out.setdefault(e.section, []).append(e)
    return out


def test_every_item_is_read_back_with_its_id_section_and_words():
    story = with_ids(full_story())
    sections = _by_section(parse_page(page_of(story)))
    assert [(e.id, e.text) for e in sections["summary"]] == [(i.id, i.text) for i in story.summary]
    assert [(e.id, e.text) for e in sections["known"]] == [(i.id, i.text) for i in story.known]
    assert [e.id for e in sections["open_question"]] == [story.unknown[0].id]
    assert [e.id for e in sections["single_source"]] == [story.unknown[1].id]
    assert [(e.id, e.text) for e in sections["disputed"]] == [(story.unknown[2].id, "The estimated cost")]
    assert [(e.id, e.fields["date"], e.text) for e in sections["timeline"]][0] == (story.timeline[0].id, "2009",
                                                                                    story.timeline[0].text)
    actor = sections["actors"][0]
    assert (actor.id, actor.fields["name"], actor.fields["role"]) == (story.actors[0].id, "Maria Lindqvist",
                                                                       "mayor of the city")
    speakers = {q.id: q.speaker for q in story.quotes}
    assert sections["quotes"] and all(e.fields["speaker"] == speakers[e.id] for e in sections["quotes"])
    assert [e.id for e in sections["sources"]] == [a.key for a in story.sources]
    assert sections["headline"][0].text == story.headline
    assert sections["known"][0].cites == tuple(a.key for a in story.sources if a.source_id in story.known[0].sources)


def test_article_text_with_markup_reads_back_as_the_same_words():
    story = with_ids(hostile_story())
    page = parse_page(page_of(story))
    texts = {e.id: e.text for e in page.entries}
    shown = [i for i in story.summary + story.known + story.timeline if clean_text(i.text)]
    assert shown
    for item in shown:
        assert texts[item.id] == clean_text(item.text)


def test_flags_and_desk_marks_do_not_change_the_words():
    story = with_ids(full_story())
    first = story.known[0].id
    marked = replace(story, marks={first: Mark(desk=("text",), review="check")})
    entry = next(e for e in parse_page(page_of(marked)).entries if e.id == first)
    assert entry.flags == ("review",) and entry.text == story.known[0].text and entry.cites == ()


def test_ids_are_dropped_from_the_built_html_only():
    html = '<li>text <!-- xp p-0a1b2c3d4e review --></li>\n<!-- xp:section known -->\n<!-- a comment of ours -->'
    assert strip_ids(html) == "<li>text</li>\n<!-- a comment of ours -->"


def test_old_line_merge_markers_are_found():
    assert conflict_lines("Title\n=======\n\ntext\n") == ()
    assert conflict_lines("a\n<<<<<<< edited\nx\n=======\ny\n>>>>>>> generated\nb\n") == (2,)
    assert conflict_lines("a\n>>>>>>> generated\n") == (2,)
