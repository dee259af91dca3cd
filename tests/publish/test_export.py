"""The export: what the generator derived (ids and keys added, nothing renamed or dropped), the
desk's decisions alongside; the page's JSON: the story as published, read back exactly."""

from __future__ import annotations

import json
from dataclasses import replace

from generator import pipeline
from generator.cli import main
from generator.editorial.ids import with_ids
from generator.models import Held
from generator.publish.export import story_from_json, story_json
from tests.browser.support import full_story
from tests.publish.fake import page, project  # noqa: F401  (fixture)

FIELDS = {"slug", "headline", "event_date", "updated", "summary", "background", "actors", "timeline", "known",
          "unknown", "quotes", "whats_next", "sources"}


def test_fields_are_only_added_and_every_item_has_its_id():
    data = story_json(with_ids(full_story()))
    assert FIELDS <= set(data)
    assert set(data["sources"][0]) >= {"id", "file", "title", "outlet", "author", "published", "url", "text",
                                       "removed", "key", "hash"}
    for key in ("summary", "background", "known", "whats_next", "timeline", "unknown", "quotes", "actors"):
        assert all(entry["id"] for entry in data[key]), key
    assert list(data["summary"][0]) == ["text", "sources", "id"]  # schema order, the new field last


def test_the_pages_json_reads_back_to_the_same_story():
    story = replace(with_ids(full_story()), held=(Held("known", "Held.", ("001",), "why", "p-1"),),
                    description="Desk's.", new_since="2024-03-14")
    again = story_from_json(json.loads(json.dumps(story_json(story))))
    assert story_json(again) == story_json(story)
    assert again.sources[0].key == story.sources[0].key and again.held == story.held


def test_explainer_export_gives_the_generators_story_and_the_desks_decisions(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("The council debated for six hours.", "Six hours of debate."),
                              encoding="utf-8")
    pipeline.generate(settings)
    capsys.readouterr()
    assert main(["export", "--root", str(settings.root), "-q"]) == 0
    story = json.loads(capsys.readouterr().out)["stories"][0]
    texts = [i["text"] for i in story["known"] + story["summary"]]
    assert "The council debated for six hours." in texts and "Six hours of debate." not in texts  # before edits
    decided = [(d["was"], d["text"]) for d in story["desk"]["items"].values() if d.get("text")]
    assert decided == [("The council debated for six hours.", "Six hours of debate.")]
    published = json.loads((settings.content_path / "stories/city-budget.json").read_text(encoding="utf-8"))
    shown = next(i for i in published["known"] + published["summary"] if i["text"] == "Six hours of debate.")
    assert shown["desk"] == ["text"]
