"""Decisions applied to a freshly generated story: every kind, every view, msgmerge matching."""

from __future__ import annotations

from dataclasses import replace

from generator.editorial.apply import apply_decisions
from generator.editorial.decisions import Added, Decisions, ItemDecision, SourceDecision
from generator.editorial.ids import with_ids
from generator.editorial.overrides import apply_overrides, parse_overrides
from generator.models import Article, Held, Item, Story, TimelineEntry
from generator.publish.export import story_json
from generator.publish.render import description, index_entry
from generator.stories.hubs import actor_hubs, site_timeline
from tests.browser.support import full_story

STORY = with_ids(full_story())


def apply(story=STORY, **kw):
    return apply_decisions(story, Decisions(story.slug, **kw))


def texts(items) -> list[str]:
    return [i.text for i in items]


def test_a_reworded_claim_reads_the_desks_words_everywhere_it_shows():
    text = "Construction is due to start in spring 2025."  # In brief and the timeline
    ident = next(i.id for i in STORY.summary if i.text == text)
    s = apply(items={ident: ItemDecision(was=text, text="Building starts in spring 2025.")}).story
    assert "Building starts in spring 2025." in texts(s.summary) and text not in texts(s.summary)
    assert "Building starts in spring 2025." in texts(s.timeline) and text not in texts(s.timeline)
    assert "text" in s.marks[ident].desk
    data = story_json(s)
    assert any(i["text"] == "Building starts in spring 2025." and i["desk"] == ["text"] for i in data["summary"])


def test_a_hidden_claim_is_nowhere_page_timeline_hubs_json():
    text = "Construction is due to start in spring 2025."
    ident = next(i.id for i in STORY.summary if i.text == text)
    s = apply(items={ident: ItemDecision(was=text, hide=True)}).story
    assert text not in str(story_json(s))
    assert all(r.entry.text != text for r in site_timeline([s]))


def test_a_desk_role_reaches_the_actor_page_and_cites_nothing():
    actor = STORY.actors[0]
    s = apply(items={actor.id: ItemDecision(was=actor.name, role="the city's mayor since 2022")}).story
    assert s.actors[0].role == "the city's mayor since 2022" and s.actors[0].role_sources == ()
    hub = next(h for h in actor_hubs([s]) if h.name == actor.name)
    assert hub.appearances[0].role == "the city's mayor since 2022"


def test_the_headline_and_description_reach_the_card_and_meta():
    s = apply(headline="Tram line approved", description="Our summary.").story
    assert index_entry(s)["headline"] == "Tram line approved" and description(s) == "Our summary."


def test_moved_points_and_the_desks_order_hold_as_new_points_arrive():
    known = STORY.known
    decisions = dict(items={known[2].id: ItemDecision(was=known[2].text, sections=("summary",))},
                     order={"summary": (STORY.summary[0].id, known[2].id, STORY.summary[1].id, STORY.summary[2].id)})
    s = apply(**decisions).story
    assert texts(s.summary)[:2] == [STORY.summary[0].text, known[2].text] and known[2].text not in texts(s.known)
    grown = with_ids(replace(full_story(), summary=(Item("A new lead point.", ("003",)),) + full_story().summary))
    s2 = apply(grown, **decisions).story
    assert texts(s2.summary)[0] == "A new lead point." and texts(s2.summary)[1:3] == [STORY.summary[0].text,
                                                                                      known[2].text]


def test_the_desks_own_lines_go_after_the_item_they_followed_or_before_the_next():
    a = Added("e-1", "known", "Ours.", after=STORY.known[0].id, before=STORY.known[1].id)
    b = Added("e-2", "known", "Ours too.", after=STORY.known[0].id)
    s = apply(added=(a, b)).story
    assert texts(s.known)[:3] == [STORY.known[0].text, "Ours.", "Ours too."]
    gone = with_ids(replace(full_story(), known=full_story().known[1:]))
    assert texts(apply(gone, added=(a,)).story.known)[0] == "Ours."  # its anchor gone: before the next


def test_marking_a_point_disputed_and_approving_a_held_line():
    held = Held("known", "The trams will be built in Spain.", ("001",), "one source", "p-0a1b2c3d4e")
    story = replace(STORY, held=(held,))
    s = apply(story, items={STORY.known[0].id: ItemDecision(was=STORY.known[0].text, sections=("disputed",)),
                            held.id: ItemDecision(was=held.text, approve=True)}).story
    disputed = [u for u in s.unknown if u.kind == "disputed"]
    assert STORY.known[0].text in texts(disputed) and "disputed" in s.marks[STORY.known[0].id].desk
    assert held.text in texts(s.known) and s.held == ()


def test_an_excluded_source_leaves_the_story():
    key, sid = STORY.sources[1].key, STORY.sources[1].source_id
    s = apply(sources={key: SourceDecision(exclude=True)}).story
    assert sid not in s.source_ids
    items = [*s.summary, *s.known, *s.timeline, *s.quotes, *s.unknown, *s.actors]
    assert all(sid not in i.sources for i in items)
    assert "Opponents say the cost estimate of £240 million is too low." not in texts(s.summary)  # only it said so
    assert not any(u.kind == "disputed" for u in s.unknown)  # one variant left: no longer a disagreement


def test_corrected_source_metadata():
    key = STORY.sources[2].key
    s = apply(sources={key: SourceDecision(outlet="The Riverside Post")}).story
    assert s.sources[2].outlet == "The Riverside Post"


def test_a_changed_sentence_keeps_the_edit_and_asks_for_review():
    old = STORY.known[1]
    changed = with_ids(replace(full_story(), known=(full_story().known[0], Item(
        "The line will have 14 stops over 11 kilometres, officials said.", old.sources), full_story().known[2])))
    result = apply(changed, items={old.id: ItemDecision(was=old.text, text="Fourteen stops, 11 km.")})
    new_id = changed.known[1].id
    assert texts(result.story.known)[1] == "Fourteen stops, 11 km." and result.conflicts == ()
    assert new_id in result.decisions.items and old.id not in result.decisions.items  # moved to its new id
    assert result.decisions.items[new_id].review.startswith("the generator's words changed")
    assert result.story.marks[new_id].review


def test_a_decision_follows_its_claim_when_another_sources_sentence_now_shows_it():
    """New articles can make another source's sentence the words of a claim the desk ordered or
    reworded; the claim still stands for the decided sentence, so the decision follows it."""
    a, b = STORY.known[0], STORY.known[1]
    other = "Officials across the region have welcomed what they called overdue progress."
    shown = Item(other, ("003",), said=(other, a.text))
    grown = with_ids(replace(full_story(), known=(shown, *full_story().known[1:])))
    placed = dict(items={a.id: ItemDecision(was=a.text), b.id: ItemDecision(was=b.text)},
                  order={"known": (b.id, a.id)})
    result = apply(grown, **placed)
    assert texts(result.story.known)[:2] == [b.text, other] and result.review == ()
    reworded = apply(grown, items={a.id: ItemDecision(was=a.text, text="Ours.")})
    assert texts(reworded.story.known)[0] == "Ours." and other not in texts(reworded.story.known)
    assert reworded.decisions.items[grown.known[0].id].review.startswith("the generator's words changed")


def test_other_numbers_are_never_the_same_point():
    old = STORY.known[1]
    changed = with_ids(replace(full_story(), known=(Item("The line will have 15 stops over 11 kilometres.",
                                                         old.sources),)))
    result = apply(changed, items={old.id: ItemDecision(was=old.text, hide=True)})
    assert texts(result.story.known) == ["The line will have 15 stops over 11 kilometres."]


def test_a_reworded_point_whose_sources_are_gone_stays_where_it_stood_for_review():
    old = STORY.known[2]
    gone = with_ids(replace(full_story(), known=full_story().known[:2]))
    result = apply(gone, items={old.id: ItemDecision(was=old.text, text="Ours now.", section="known",
                                                     after=STORY.known[1].id)})
    assert texts(result.story.known) == texts(STORY.known[:2]) + ["Ours now."]
    assert result.conflicts == () and result.review and result.story.marks[old.id].review


def test_a_conflict_only_where_the_edited_items_own_source_changed():
    old = STORY.known[0]  # "The vote was 31 in favour and 19 against." from sources 000, 001, 002
    keys = {a.source_id: a.key for a in STORY.sources}
    files = {keys[sid]: a.file for sid, a in ((a.source_id, a) for a in STORY.sources)}
    decided = {old.id: ItemDecision(was=old.text, text="31 to 19.", sources=tuple(keys[s] for s in old.sources))}
    # the same articles, one of them now saying 32 to 18: a new key for it, the old sentence gone
    rewritten = tuple(replace(a, content_hash="9" * 64, paragraphs=("The vote was 32 in favour and 18 against.",))
                      if a.source_id == "000" else replace(a, paragraphs=("Other words.",)) for a in full_story().sources)
    changed = with_ids(replace(full_story(), sources=rewritten,
                               known=(Item("The vote was 32 in favour and 18 against.", ("000",)),)))
    result = apply_decisions(changed, Decisions(STORY.slug, items=decided), files)
    assert result.conflicts and result.conflicts[0][0] == old.id
    assert "31 to 19." in texts(result.story.known)  # the page keeps the desk's text until resolved
    # articles coming or going (no source's text changed) never make one
    fewer = with_ids(replace(full_story(), sources=full_story().sources[1:], known=()))
    assert apply_decisions(fewer, Decisions(STORY.slug, items=decided), files).conflicts == ()


def test_applying_twice_changes_nothing():
    decisions = Decisions(STORY.slug, headline="H", items={
        STORY.known[0].id: ItemDecision(was=STORY.known[0].text, text="Desk."),
        STORY.known[1].id: ItemDecision(was=STORY.known[1].text, hide=True)},
        order={"summary": tuple(i.id for i in STORY.summary[::-1])},
        added=(Added("e-1", "known", "Ours.", after=STORY.known[0].id),))
    once = apply_decisions(STORY, decisions)
    twice = apply_decisions(once.story, once.decisions)
    assert story_json(twice.story) == story_json(once.story)


def test_a_site_override_is_the_desks_role_and_can_be_limited_to_stories():
    override = parse_overrides({"actors": {"Tom Berger": {"role": "opposition leader", "stories": ["other-story"]}}})
    assert apply_overrides(STORY, override).actors[2].role == "leader of the opposition group"
    everywhere = parse_overrides({"actors": {"Tom Berger": {"role": "opposition leader"}}})
    s = apply_overrides(STORY, everywhere)
    assert s.actors[2].role == "opposition leader" and s.actors[2].role_sources == ()
    assert "role" in s.marks[STORY.actors[2].id].desk
    assert apply_decisions(s, Decisions(s.slug)).story.marks[STORY.actors[2].id].desk == ("role",)


def test_a_desk_timeline_row_in_date_order():
    row = Added("e-9", "timeline", "Work began.", after=STORY.timeline[2].id, date="2024-04-01")
    s = apply(added=(row,)).story
    assert [t.text for t in s.timeline].index("Work began.") == 3
    assert isinstance(s.timeline[3], TimelineEntry) and s.timeline[3].sources == ()


def test_no_decisions_leave_the_story_as_generated():
    grown = with_ids(replace(full_story(), sources=full_story().sources + (Article("009", "seeds/009.txt", ("x",)),)))
    result = apply(grown)
    assert result.story == grown and not result.decisions and isinstance(result.story, Story)


def test_a_misspelling_corrected_once_is_corrected_everywhere_and_stays_cited():
    quote = "We saw the stamped from the bridge"
    point = "Officials blamed the stamped on poor planning."
    story = with_ids(replace(full_story(), background=(Item(point, ("000",)),),
                             quotes=(replace(full_story().quotes[0], text=quote),)))
    q = story.quotes[0]
    s = apply(story, items={q.id: ItemDecision(was=quote, text="We saw the stampede from the bridge")}).story
    assert s.quotes[0].text == "We saw the stampede from the bridge"
    assert s.background[0].text == "Officials blamed the stampede on poor planning."
    assert s.background[0].sources == ("000",)
    assert s.marks[q.id].desk == ("corrected",) and s.marks[s.background[0].id].desk == ("corrected",)
    # a real rewording is the desk's words instead
    assert apply(story, items={q.id: ItemDecision(was=quote, text="A crowd surge, seen from the bridge")}
                 ).story.marks[q.id].desk == ("text",)


def test_a_hidden_claims_sentence_leaves_the_disagreements_too():
    gone = "The line is expected to cost £240 million."  # a version in "The estimated cost"
    story = with_ids(replace(full_story(), known=full_story().known + (Item(gone, ("000",)),)))
    ident = story.known[-1].id
    s = apply(story, items={ident: ItemDecision(was=gone, hide=True)}).story
    assert gone not in str(story_json(s))
    assert not any(u.kind == "disputed" for u in s.unknown)  # one version left: no longer a disagreement
