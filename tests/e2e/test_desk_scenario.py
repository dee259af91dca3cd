"""The desk scenario of issue 17, end to end on the real pipeline (tests/e2e/desk.py): an editor
rewords the first In-brief point, deletes the third What-we-know point, swaps two Background
points, fixes a key actor's role and adds a paragraph of the desk's own; then three rounds:
three new articles on the story, one source removed, another event's articles added. After
each round: no conflict, every edit on the page, in its JSON and beyond (the timeline, the
actor page), the deleted point nowhere, the order kept."""

from __future__ import annotations

import pytest

from tests.e2e import desk
from tests.paths import needs_corpus

pytestmark = pytest.mark.slow


@needs_corpus
def test_every_edit_survives_every_round_without_a_conflict(tmp_path, settings):
    rounds = desk.run(tmp_path / "project", settings.cache_path, report=lambda line: None)
    assert rounds[0].name == "edited, before generate"
    for r in rounds[1:]:
        assert r.conflicts == 0, r.line()
        assert all(r.page.values()), f"{r.name}: lost on the page: {[k for k, ok in r.page.items() if not ok]}"
        assert all(r.data.values()), f"{r.name}: lost in the JSON: {[k for k, ok in r.data.items() if not ok]}"
        assert all(r.elsewhere.values()), f"{r.name}: lost elsewhere: {r.elsewhere}"
    assert [r.name for r in rounds[2:]] == ["1: three new articles", "2: one source removed", "3: another event added"]


@needs_corpus
def test_the_new_articles_joined_the_story_and_the_removed_one_left(tmp_path, settings):
    """The rounds change the edited story itself (else the scenario would prove nothing)."""
    import json

    project = tmp_path / "project"
    desk.run(project, settings.cache_path, report=lambda line: None)
    data = next(json.loads(p.read_text(encoding="utf-8")) for p in (project / "content" / "stories").glob("*.json")
                if "taliban" in p.name)
    files = {s["file"].rsplit("/", 1)[-1] for s in data["sources"]}
    assert set(desk.NEW_ARTICLES) <= files and desk.REMOVED_SOURCE not in files
    assert not any(f.startswith("nato_") for f in files)
