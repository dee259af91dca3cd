"""The parts of a story page a reader judges it by: the word budget and its folds, how sources
are named and counted, and how a disagreement marks its differing words. Invented data."""

from __future__ import annotations

import html

from generator.models import Article
from generator.publish import source_view as sv
from generator.publish.disputes import disputed_values, marked_version
from generator.publish.page_plan import Plan, greedy, plan_page, visible_words


def test_visible_words_skip_front_matter_folds_markup_and_what_follows_sources():
    page = "\n".join([
        "---", "title: Not counted here", "---", "",
        "# A headline of five words { #headline }", "",
        "- A point with a citation.[^000][^001] <span class=\"xp-support\">2 of 3 sources</span>", "",
        '??? xp-more "Show all 9 points"', "",
        "    - A folded point is not seen until opened.", "",
        "| Name | Role |", "| --- | --- |", "| [**Jo Smith**](../actors/jo-smith.md) | mayor |", "",
        "Words &#34;escaped&#34; count once.", "{: .xp-meta }", "",
        "## Sources", "", "Everything from here on is not counted.",
    ])
    # 5 + (5 + 4) + 4 (the fold's summary) + 2 (header) + 3 (the row) + 4
    assert visible_words(page) == 27


def test_greedy_minimums_first_then_round_robin_within_budget():
    costs = {"known": [10, 10, 10, 10, 10], "quotes": [20, 20], "timeline": [5, 5, 5]}
    steps = greedy(costs, 95)
    # minimums (known 3, quotes 1, timeline 2) = 70, then known 4th (80), timeline 3rd (85): known 5th would
    # overflow with quotes' second first in line (105), so quotes stop; known 5th 95
    assert steps[:6] == [("known", 0), ("known", 1), ("known", 2), ("quotes", 0), ("timeline", 0), ("timeline", 1)]
    assert sum(costs[s][i] for s, i in steps) <= 95


def test_plan_page_takes_items_off_until_the_page_fits():
    costs = {"known": [100] * 12}

    def render(plan: Plan) -> str:
        return "\n".join(["- " + " ".join(["word"] * 100)] * plan.shown["known"])

    plan, page = plan_page(costs, render, limit=450)
    assert plan.shown["known"] == 4 and visible_words(page) == 400
    assert plan.visible("known", list(range(12))) == [0, 1, 2, 3]
    assert plan.folded("known", list(range(12))) == list(range(4, 12))


def art(sid: str, outlet=None, title=None, published=None, url=None, text="Rescuers searched the rubble all night.") -> Article:
    return Article(sid, f"seeds/{sid}.txt", (text,), title=title, outlet=outlet, published=published, url=url)


def test_sources_line_never_counts_unknown_outlets_as_outlets():
    assert sv.sources_line([art("1", "A"), art("2", "B"), art("3", "A")]) == "3 sources from 2 outlets"
    assert sv.sources_line([art("1", "A"), art("2"), art("3")]) == (
        "3 sources: 1 from 1 named outlet, 2 whose outlet is not known")
    assert sv.sources_line([art("1")]) == "1 source, its outlet not known"
    assert sv.sources_line([art("1"), art("2")]) == "2 sources, their outlets not known"


def test_source_names_and_entries_never_show_ids_or_files():
    unnamed = art("0a1b2c3d", text="An earthquake struck the valley late on Friday, officials in the capital said on Saturday.")
    assert sv.source_name(unnamed, 3) == "Source 3 (outlet not known)"
    entry = sv.source_entry(unnamed, 3, "0a1b2c3d", None)
    assert entry["title_md"] == "untitled; it opens “An earthquake struck the valley late on Friday, officials in the capital…”"
    linked = sv.source_entry(art("x", "Valley Times", "Quake hits", "2024-05-02", "https://valley.example.com/q"), 1, "x", None)
    assert linked["title_md"] == "[“Quake hits”](https://valley.example.com/q)" and linked["date"] == "2 May 2024"
    bare = sv.source_entry(art("y", "valley.example.com", url="https://valley.example.com/q"), 2, "y", None)
    assert bare["link"] == "[valley.example.com](https://valley.example.com/q)"


def test_disputed_values_and_marks():
    assert disputed_values('Dates differ: "in May 2024" vs "in June"') == ["in May 2024", "in June"]
    marked = marked_version("The vote took place in June, a month later than planned.", ["in May 2024", "in June"], [])
    assert html.unescape(marked) == "The vote took place <mark>in June</mark>, a month later than planned."
    # a value the version does not say: the words only it uses are marked, when they are few
    other = "The council said 2,000 people were evacuated from the valley on Friday."
    assert html.unescape(marked_version("The council said 2,400 people were evacuated from the valley on Friday.",
                                        ["2,000 people", "2,500 people"], [other])) == (
        "The council said <mark>2,400</mark> people were evacuated from the valley on Friday.")


def test_a_long_version_is_trimmed_around_its_mark_and_escaped():
    words = " ".join(f"w{i}" for i in range(40))
    marked = marked_version(f"{words} the <b>toll</b> rose to 300 {words}", ["300"], [])
    assert marked.startswith("… ") and marked.endswith(" …") and "<mark>300</mark>" in marked
    assert "<b>" not in marked and "&#60;b&#62;" in marked
