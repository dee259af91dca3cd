"""Editorial controls (front matter), overrides.yaml, and the What changed note."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.errors import ConfigError
from generator.models import Actor, Article, Item, Quote, Story
from generator.publish.changes import (
    annotate_changes,
    build_state,
    describe_changes,
    load_state,
    story_state,
)
from generator.editorial.controls import insert_controls, page_controls, strip_controls
from generator.editorial.overrides import apply_overrides, load_overrides, parse_overrides
from tests.paths import ROOT
from tests.publish.fake import add_article, page, project  # noqa: F401  (fixture)

# ------------------------------------------------------------ front matter controls


def test_valid_controls_are_read():
    controls, errors = page_controls("---\nlock: true\nstatus: draft\neditor_note: Checked.\n---\n# T\n", "p.md")
    assert errors == [] and controls.lock and controls.draft and controls.editor_note == "Checked."


@pytest.mark.parametrize("front, expected", [
    ("lock: yes please", "p.md: front matter key 'lock' must be true or false"),
    ("status: hidden", "p.md: front matter key 'status' must be one of draft, published"),
    ("editor_note: [a, b]", "p.md: front matter key 'editor_note' must be text"),
    ("locked: true", "p.md: front matter key 'locked' is not an editorial control; did you mean 'lock'?"),
    ("draft: true", "did you mean 'status: draft'?"),
    ("Editor-Note: hi", "did you mean 'editor_note'?"),
    ("title: [unclosed", "front matter is not valid YAML"),
])
def test_invalid_controls_name_file_and_key(front, expected):
    _, errors = page_controls(f"---\n{front}\n---\n# T\n", "p.md")
    assert any(expected in e and e.startswith("p.md") for e in errors), errors


def test_other_front_matter_keys_are_allowed():
    assert page_controls("---\ntitle: T\ndescription: D\nupdated: 2024-01-01\n---\n", "p.md")[1] == []


def test_strip_and_insert_controls_round_trip_the_keys():
    text = "---\ntitle: T\neditor_note: >\n  folded\n  note\nlock: true\n---\n\nbody\n"
    stripped, lifted = strip_controls(text)
    assert stripped == "---\ntitle: T\n---\n\nbody\n"
    assert lifted == ("editor_note: >\n", "  folded\n", "  note\n", "lock: true\n")
    assert page_controls(insert_controls(stripped, lifted), "p.md")[0] == page_controls(text, "p.md")[0]


# ------------------------------------------------------------ overrides


def _story() -> Story:
    arts = (Article("001", "seeds/001_a.txt", ("x",), title="A", outlet=None, published="2024-03-01"),
            Article("002", "seeds/002_b.txt", ("y",), title="B", outlet="Daily B", published="2024-03-02"))
    actors = (Actor("J. Doe", "person", ("Doe",), "a councillor", 3, ("001",), ("001",)),
              Actor("City Council", "organization", (), None, 2, ("001", "002")))
    quotes = (Quote("Doe", "We kept the libraries open", ("001",)),)
    return Story("budget", "Budget", None, "2024-03-02", arts, actors=actors, quotes=quotes)


def test_actor_override_by_alias_renames_sets_role_and_follows_quotes():
    ov = parse_overrides({"actors": {"doe": {"name": "Jane Doe", "role": "mayor of the city"}}})
    story = apply_overrides(_story(), ov)
    doe = story.actors[0]
    assert (doe.name, doe.role, doe.role_sources) == ("Jane Doe", "mayor of the city", ())
    assert doe.aliases == ("Doe", "J. Doe")
    assert story.quotes[0].speaker == "Jane Doe"
    assert story.actors[1] == _story().actors[1]


def test_source_overrides_win_and_full_path_beats_file_name():
    ov = parse_overrides({
        "outlets": {"001_a.txt": "Herald", "seeds/002_b.txt": "Wire"},
        "sources": {"seeds/001_a.txt": {"outlet": "The Herald", "url": "https://example.com/a",
                                        "author": "A. Writer", "date": "2024-03-05"}},
    })
    story = apply_overrides(_story(), ov)
    a, b = story.sources
    assert (a.outlet, a.url, a.author, a.published) == ("The Herald", "https://example.com/a", "A. Writer", "2024-03-05")
    assert b.outlet == "Wire"
    assert story.updated == "2024-03-05"


def test_no_overrides_returns_the_same_story():
    story = _story()
    assert apply_overrides(story, parse_overrides({})) is story


def test_invalid_overrides_list_every_problem(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("actors:\n  Doe: {nmae: X}\nsources:\n  a.txt: {date: last week, publisher: Y}\nextra: 1\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_overrides(path, "site_config/overrides.yaml")
    msg = str(err.value)
    assert "site_config/overrides.yaml: unknown section 'extra'" in msg
    assert "actors.Doe: unknown key 'nmae'" in msg
    assert "sources.a.txt.date must be an ISO date" in msg and "unknown key 'publisher'" in msg


def test_shipped_overrides_file_is_valid_and_empty():
    assert not load_overrides(ROOT / "site_config" / "overrides.yaml")


# ------------------------------------------------------------ what changed


def test_changes_name_new_sources_and_count_new_points():
    story = _story()
    before = story_state(Story("budget", "Budget", None, None, story.sources[:1],
                               known=(Item("The council met.", ("001",)),)))
    now = Story("budget", "Budget", None, None, story.sources,
                known=(Item("The council met.", ("001",)), Item("The vote passed.", ("002",)),
                       Item("Two members abstained.", ("002",))))
    assert describe_changes(now, before) == ("New source: Daily B: B", "2 new points (marked new)")


def test_changes_are_kept_until_something_new_arrives():
    story = Story("budget", "Budget", None, None, _story().sources, changes=("New source: Daily B: B",))
    state = build_state([story], {}, {})
    again = annotate_changes([Story("budget", "Budget", None, None, _story().sources)], state)
    assert again[0].changes == ("New source: Daily B: B",)
    assert annotate_changes([story], {})[0].changes == ()  # first run: nothing singled out


# ------------------------------------------------------------ through generate (fake pipeline)


def test_locked_page_is_untouched_by_generate(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    locked = "---\nlock: true\n---\n\n# Our own account of the budget\n"
    page(settings).write_text(locked, encoding="utf-8")
    add_article(settings, "002_wire.txt")
    result = pipeline.generate(settings)
    assert page(settings).read_text(encoding="utf-8") == locked
    assert "stories/city-budget.md" not in result.written
    assert (settings.written_path / "stories/city-budget.md").read_text(encoding="utf-8") != locked


def test_draft_status_and_overrides_survive_regeneration(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("title:", "status: draft\ntitle:", 1), encoding="utf-8")
    (settings.root / "site_config" / "overrides.yaml").write_text(
        "outlets:\n  seeds/001_paper.txt: The Evening Paper\n", encoding="utf-8")
    add_article(settings, "002_wire.txt")
    result = pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    assert result.conflicts == ()
    assert page_controls(now, "p")[0].draft
    assert "**The Evening Paper**, “Budget passes after long debate”" in now
    assert load_state(settings)["stories"]["city-budget"]["sources"][1]["outlet"] == "The Evening Paper"


def test_bad_overrides_stop_generate_before_writing(project):  # noqa: F811
    settings = project
    (settings.root / "site_config" / "overrides.yaml").write_text("actors: [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="site_config/overrides.yaml: 'actors' must be a mapping"):
        pipeline.generate(settings)
    assert not settings.content_path.exists()


def test_page_inputs_map_a_storys_pages_to_its_sources_and_the_rest_to_all():
    from generator.publish.changes import page_inputs

    story = _story()
    other = Story("bridge", "Bridge", None, None, (Article("003", "seeds/003_c.txt", ("z",)),))
    inputs = page_inputs([story, other], ["index.md", "stories/budget.md", "stories/budget.json", "stories/bridge.md"])
    assert inputs["stories/budget.json"] == inputs["stories/budget.md"] == ["seeds/001_a.txt", "seeds/002_b.txt"]
    assert inputs["stories/bridge.md"] == ["seeds/003_c.txt"]
    assert inputs["index.md"] == ["*"]  # a site-wide page: made from every input


def test_what_changed_never_names_a_file_and_new_points_are_marked_new_since_the_last_update():
    from generator.editorial.ids import with_ids

    old = with_ids(Story("budget", "Budget", None, "2024-03-01", _story().sources[:1],
                         known=(Item("The council met.", ("001",)),)))
    bare = Article("003", "seeds/003_herald.example.com.txt", ("z",), content_hash="c" * 64)
    untitled = Article("004", "seeds/004_1a2b3c.txt", ("w",), content_hash="d" * 64)
    now = with_ids(Story("budget", "Budget", None, "2024-03-05", _story().sources[:1] + (bare, untitled),
                         known=(Item("The council met.", ("001",)), Item("The vote passed 7-2.", ("003",)))))
    state = build_state([old], {}, {})
    annotated = annotate_changes([now], state)[0]
    assert annotated.changes == ("New source: herald.example.com: an untitled article",
                                 "New source: an untitled article", "1 new point (marked new)")
    assert not any("003_" in c or ".txt" in c for c in annotated.changes)
    new_id = now.known[1].id
    assert annotated.marks[new_id].new and annotated.new_since == "2024-03-01"
    assert not annotated.marks.get(now.known[0].id)
