"""Incremental runs: one new article re-analyses only itself; other stories stay byte-identical."""

from __future__ import annotations

import shutil

import pytest

from generator.config import load_settings
from generator.pipeline import generate
from tests.paths import ROOT, corpus_files, needs_corpus


@pytest.mark.slow
@needs_corpus
def test_adding_one_article_touches_only_its_story(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", project / "site_config")
    (project / "content").mkdir()
    seeds = project / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    event = corpus_files("finland-joins-nato/*.txt")
    for f in event[:-1]:
        shutil.copy(f, seeds / f"nato_{f.name}")
    settings = load_settings(project)

    first = generate(settings)
    slugs_before = {s.slug: {a.file for a in s.sources} for s in first.stories}
    pages_before = {p.relative_to(project).as_posix(): p.read_bytes()
                    for p in (project / "content" / "stories").glob("*.md")}

    shutil.copy(event[-1], seeds / f"nato_{event[-1].name}")
    messages: list[str] = []
    second = generate(settings, messages.append)

    assert any("analysed 1 articles" in m for m in messages), messages
    grown = [s for s in second.stories if any(a.file.endswith(event[-1].name) for a in s.sources)]
    assert len(grown) == 1
    assert grown[0].slug in slugs_before, "the story kept its URL"
    assert len(grown[0].sources) == len(slugs_before[grown[0].slug]) + 1
    for story in second.stories:
        page = f"content/stories/{story.slug}.md"
        if story.slug != grown[0].slug:
            assert (project / page).read_bytes() == pages_before[page], f"{page} changed"
    assert f"content/stories/{grown[0].slug}.md" not in pages_before or \
        (project / "content" / "stories" / f"{grown[0].slug}.md").read_bytes() != \
        pages_before[f"content/stories/{grown[0].slug}.md"]
