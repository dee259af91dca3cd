"""A project from before decisions (pages without ids, the line-merge base in .explainer/base/)
converts on its first generate without losing an edit; the base goes."""

from __future__ import annotations

import json
import re
import shutil

from generator import pipeline
from generator.editorial.decisions import load_decisions
from tests.publish.fake import add_article, page, project  # noqa: F401  (fixture)

_IDS = re.compile(r" <!-- xp [^>]*-->|^<!-- xp:section [a-z_]+ -->\n|^    <!-- xp:section [a-z_]+ -->\n", re.M)


def old_style(text: str, labels: dict[str, str]) -> str:
    """The page as the line-merge versions wrote it: no ids, no section markers, source ids as labels."""
    text = _IDS.sub("", text)
    for key, sid in labels.items():
        text = text.replace(f"[^{key}]", f"[^{sid}]")
    return text


def make_old_project(settings) -> None:
    pipeline.generate(settings)
    state = json.loads((settings.state_path / "state.json").read_text(encoding="utf-8"))
    labels = {s["key"]: s["id"] for s in state["stories"]["city-budget"]["sources"]}
    for folder in (settings.content_path,):
        for path in folder.rglob("*.md"):
            path.write_text(old_style(path.read_text(encoding="utf-8"), labels), encoding="utf-8")
    shutil.rmtree(settings.written_path)
    shutil.copytree(settings.content_path, settings.base_path, ignore=shutil.ignore_patterns("*.json"))
    for story in state["stories"].values():  # an old state: points by their words, no keys, no page hashes
        story["points"] = list(story["points"].values())
        for s in story["sources"]:
            s.pop("key")
    state.pop("written")
    (settings.state_path / "state.json").write_text(json.dumps(state), encoding="utf-8")


def test_an_old_project_converts_without_losing_an_edit(project):  # noqa: F811
    settings = project
    make_old_project(settings)
    text = page(settings).read_text(encoding="utf-8")
    assert "<!-- xp" not in text and "[^000]" in text
    edited = (text.replace("- The council debated for six hours.", "- The council sat for six hours (desk).")
                  .replace("## What we know\n", "## What we know\n\nA paragraph of the desk's own.\n"))
    lines = edited.split("\n")
    deleted = next(ln for ln in lines if ln.startswith("- Opponents said"))
    edited = "\n".join(ln for ln in lines if ln != deleted)
    page(settings).write_text(edited, encoding="utf-8")
    add_article(settings, "002_wire.txt")

    result = pipeline.generate(settings)
    assert result.conflicts == ()
    now = page(settings).read_text(encoding="utf-8")
    assert "The council sat for six hours (desk)." in now
    assert "A paragraph of the desk's own." in now
    assert "Opponents said the plan cuts bus routes." not in now
    assert "Protesters gathered outside city hall" in now and "<!-- xp " in now  # new material, ids now
    assert not settings.base_path.exists()
    decisions = load_decisions(settings.decisions_path, "city-budget")
    assert any(d.text == "The council sat for six hours (desk)." for d in decisions.items.values())
    # and the next runs keep it all
    again = pipeline.generate(settings)
    assert again.written == () and page(settings).read_text(encoding="utf-8") == now


def test_an_unedited_old_page_is_simply_regenerated(project):  # noqa: F811
    settings = project
    make_old_project(settings)
    result = pipeline.generate(settings)
    assert result.conflicts == () and "<!-- xp " in page(settings).read_text(encoding="utf-8")
    assert not load_decisions(settings.decisions_path, "city-budget")
    assert not settings.base_path.exists()
