"""Each kind of edit of a page becomes the right decision, and nothing else does."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.editorial.decisions import Decisions
from generator.editorial.ids import with_ids
from generator.editorial.readback import iso_date
from generator.models import Held
from tests.browser.support import full_story
from tests.editorial.support import back, item_lines, lines_of, page_of, replace_line

STORY = with_ids(full_story())
PAGE = page_of(STORY)


def decide(edited: str, story=STORY, page=PAGE, decisions=None):
    return back(story, page, edited, decisions or Decisions(story.slug))


def test_an_unedited_page_decides_nothing():
    result = decide(PAGE)
    assert not result.decisions and result.unkept == () and result.notes == ()


def test_rewording_a_point_records_the_desks_words_and_what_the_generator_wrote():
    line = item_lines(PAGE, "In brief")[0]
    edited = replace_line(PAGE, line, line.replace("approved the Riverside tram line", "backed the tram"))
    d = decide(edited).decisions.items[STORY.summary[0].id]
    assert d.text == "The city council backed the tram on Wednesday by 31 votes to 19."
    assert d.was == STORY.summary[0].text and d.section == "summary"
    assert set(d.sources) == {a.key for a in STORY.sources if a.source_id in STORY.summary[0].sources}


def test_a_line_retyped_without_its_id_is_still_the_same_item():
    line = item_lines(PAGE, "What we know")[1]
    edited = replace_line(PAGE, line, "- The line will have fourteen stops.")
    decisions = decide(edited).decisions
    assert decisions.items[STORY.known[1].id].text == "The line will have fourteen stops."
    assert not decisions.added


def test_deleting_a_point_hides_the_claim():
    line = item_lines(PAGE, "What we know")[2]
    d = decide(replace_line(PAGE, line, None)).decisions.items[STORY.known[2].id]
    assert d.hide and d.was == STORY.known[2].text


def test_moving_a_point_into_in_brief_pins_it_there_in_its_place():
    line = item_lines(PAGE, "What we know")[2]
    edited = replace_line(PAGE, line, None)
    first = item_lines(edited, "In brief")[0]
    edited = replace_line(edited, first, first + "\n" + line)
    decisions = decide(edited).decisions
    ident = STORY.known[2].id
    assert decisions.items[ident].sections == ("summary",) and not decisions.items[ident].hide
    assert decisions.order["summary"][:2] == (STORY.summary[0].id, ident)


def test_moving_a_point_under_the_disputed_marker_marks_it_disputed():
    story = replace(STORY, unknown=STORY.unknown[:1])
    page = page_of(story)
    line = item_lines(page, "What we know")[0]
    edited = replace_line(page, line, None).replace("<!-- xp:section disputed -->",
                                                    "<!-- xp:section disputed -->\n\n" + line)
    assert decide(edited, story, page).decisions.items[STORY.known[0].id].sections == ("disputed",)


def test_swapping_two_points_records_the_desks_order():
    a, b = item_lines(PAGE, "In brief")[:2]
    edited = replace_line(replace_line(PAGE, a, "SWAP"), b, a).replace("SWAP", b)
    decisions = decide(edited).decisions
    assert decisions.order == {"summary": (STORY.summary[1].id, STORY.summary[0].id, STORY.summary[2].id)}
    # each ordered item is remembered by its words (to be found again if they change), no more
    assert {k: d.was for k, d in decisions.items.items()} == {i.id: i.text for i in STORY.summary}
    assert not any(d.edits() for d in decisions.items.values())


def test_an_added_paragraph_is_the_desks_own_placed_after_the_item_before_it():
    line = item_lines(PAGE, "What we know")[0]
    edited = replace_line(PAGE, line, line + "\n\nOur reporter was at the vote.\nIt lasted an hour.\n")
    added = decide(edited).decisions.added
    assert len(added) == 1
    a = added[0]
    assert (a.section, a.text, a.after, a.before) == ("known", "Our reporter was at the vote. It lasted an hour.",
                                                      STORY.known[0].id, STORY.known[1].id)
    assert a.id.startswith("e-")


def test_an_actors_role_and_name_set_in_the_table():
    row = next(ln for ln in lines_of(PAGE) if ln.startswith("| **Tom Berger**"))
    cells = row.split(" | ")
    cells[1] = "opposition leader on the council"
    edited = replace_line(PAGE, row, " | ".join(cells).replace("**Tom Berger**", "**Thomas Berger**"))
    d = decide(edited).decisions.items[STORY.actors[2].id]
    assert (d.role, d.name, d.was) == ("opposition leader on the council", "Thomas Berger", "Tom Berger")


def test_a_timeline_date_and_a_quotes_speaker_set():
    row = next(ln for ln in lines_of(PAGE) if ">June 2019</span>" in ln)
    edited = replace_line(PAGE, row, row.replace(">June 2019</span>", ">12 June 2019</span>"))
    edited = edited.replace("— **Maria Lindqvist**, in", "— **Mayor Maria Lindqvist**, in")
    decisions = decide(edited).decisions
    assert decisions.items[STORY.timeline[1].id].date == "2019-06-12"
    assert decisions.items[STORY.quotes[0].id].speaker == "Mayor Maria Lindqvist"


def test_deleting_a_source_from_the_sources_list_excludes_it_and_a_corrected_outlet_is_kept():
    gone, fixed = STORY.sources[1], STORY.sources[0]
    entry = next(ln for ln in lines_of(PAGE) if ln.startswith(f"[^{gone.key}]:"))
    edited = replace_line(PAGE, entry, None)
    edited = edited.replace(f"[^{fixed.key}]: **Harbour Gazette**", f"[^{fixed.key}]: **The Harbour Gazette**")
    decisions = decide(edited).decisions
    assert decisions.sources[gone.key].exclude and decisions.sources[gone.key].file == gone.file
    assert decisions.sources[fixed.key].outlet == "The Harbour Gazette" and not decisions.sources[fixed.key].exclude


def test_the_headline_and_the_description_set():
    edited = PAGE.replace(f"# {STORY.headline} {{ #headline }}", "# Tram line approved { #headline }")
    edited = edited.replace("description: The city council", "description: Our own summary; the city council")
    decisions = decide(edited).decisions
    assert decisions.headline == "Tram line approved"
    assert decisions.description.startswith("Our own summary")


def test_pasting_a_held_back_line_with_its_id_approves_it():
    held = Held("known", "The trams will be built in Spain.", ("001",), "one source, unverified", "p-0a1b2c3d4e")
    story = replace(STORY, held=(held,))
    page = page_of(story)
    line = item_lines(page, "What we know")[0]
    edited = replace_line(page, line, line + f"\n- {held.text} <!-- xp {held.id} -->")
    decisions = decide(edited, story, page)
    d = decisions.decisions.items[held.id]
    assert d.approve and d.sections == ("known",) and not decisions.decisions.added


def test_clearing_a_review_flag_accepts_the_text():
    from generator.editorial.decisions import ItemDecision
    from generator.models import Mark

    ident = STORY.known[0].id
    decided = Decisions(STORY.slug, items={ident: ItemDecision(was="old words", text="desk words", review="changed")})
    story = replace(STORY, known=(replace(STORY.known[0], text="desk words"),) + STORY.known[1:],
                    marks={ident: Mark(desk=("text",), review="changed")})
    page = page_of(story)
    assert f"<!-- xp {ident} review -->" in page
    result = decide(page.replace(f"<!-- xp {ident} review -->", f"<!-- xp {ident} -->"), story, page, decided)
    assert result.decisions.items[ident].accepted


@pytest.mark.parametrize("where, text", [("## Sources", "A line among the sources."),
                                         ("## Key quotes", "- a quote of our own")])
def test_an_edit_no_decision_can_hold_is_unkept_with_its_line(where, text):
    lines = lines_of(PAGE)
    at = lines.index(where) + 2
    lines.insert(at, text)
    result = decide("\n".join(lines))
    assert [line for line, _ in result.unkept] == [at + 1]


def test_deleting_a_line_the_template_writes_is_only_noted():
    lines = lines_of(PAGE)
    at = next(i for i, ln in enumerate(lines) if ln.startswith("!!! note"))
    del lines[at]
    result = decide("\n".join(lines))
    assert result.unkept == () and result.notes and not result.decisions


@pytest.mark.parametrize("text, iso", [("3 July 2025", "2025-07-03"), ("July 2025", "2025-07"), ("2025", "2025"),
                                       ("July 3, 2025", "2025-07-03"), ("2025-07-03", "2025-07-03"),
                                       ("31 June 2025", None), ("soon", None)])
def test_dates_as_editors_write_them(text, iso):
    assert iso_date(text) == iso


def test_corrections_are_told_from_rewordings():
    from generator.editorial.corrections import corrections

    assert corrections("The stamped killed 12.", "The stampede killed 12.") == [("stamped", "stampede")]
    assert corrections("Mr Kabulov sadi it.", "Mr Kabulov said it.") == [("sadi", "said")]
    assert corrections("The vote was seven to two.", "The vote was 7-2.") is None
    assert corrections("Russia recognised the Taliban.", "Moscow recognised the Taliban.") is None
    assert corrections("Same words.", "Same words.") is None
