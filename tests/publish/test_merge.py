"""Three-way merge on regeneration: edits survive, conflicts are reported, writes are atomic."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import load_settings
from generator.errors import ConfigError
from generator.models import Article, Item, Story
from generator.publish import merge
from generator.publish.merge import (
    conflict_lines,
    merge3,
    merge_page,
    recover,
    write_pages,
)
from tests.paths import ROOT

# ------------------------------------------------------------ a minimal fake pipeline (fast)

ARTICLES = {
    "000_council.txt": "Council approves city budget\nThe city council approved the budget on Monday.\n"
                       "The vote was seven to two.\nThe mayor said the plan protects libraries.\n",
    "001_paper.txt": "Budget passes after long debate\nThe council debated for six hours.\n"
                     "Opponents said the plan cuts bus routes.\n",
    "002_wire.txt": "Budget vote draws protest\nProtesters gathered outside city hall before the vote.\n",
}


def fake_build_stories(settings, progress=None, digests=None):
    """One story from every seed file: first line is the title, every other line a cited point."""
    arts = []
    for path in sorted(settings.seeds_path.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        sid = path.name[:3]
        arts.append(Article(sid, path.relative_to(settings.root).as_posix(), tuple(lines[1:]), title=lines[0],
                            outlet=f"Outlet {sid}", content_hash=hashlib.sha256(path.read_bytes()).hexdigest()))
    known = tuple(Item(p, (a.source_id,)) for a in arts for p in a.paragraphs)
    return [Story("city-budget", arts[0].title, None, None, tuple(arts), known=known)], []


def fake_render_pages(stories, settings):
    """Front matter, sections, citations like [001]; the What changed note when there is one."""
    pages = {}
    for s in stories:
        out = [f"---\ntitle: {s.headline}\n---\n\n# {s.headline}\n"]
        if s.changes:
            out.append("\n## What changed\n\n" + "".join(f"- {c}\n" for c in s.changes))
        out.append("\n## What we know\n\n" + "".join(f"- {i.text} [{', '.join(i.sources)}]\n" for i in s.known))
        out.append("\n## Sources\n\n" + "".join(f"- [{a.source_id}] {a.outlet}: {a.title}\n" for a in s.sources))
        pages[f"stories/{s.slug}.md"] = "".join(out)
    pages["index.md"] = "# Stories\n\n" + "".join(f"- [{s.headline}](stories/{s.slug}.md)\n" for s in stories)
    return pages


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A temp project with two seed articles and the fake pipeline; returns its Settings."""
    (tmp_path / "seeds").mkdir()
    for name in ("000_council.txt", "001_paper.txt"):
        (tmp_path / "seeds" / name).write_text(ARTICLES[name], encoding="utf-8")
    monkeypatch.setattr(pipeline, "build_stories", fake_build_stories)
    monkeypatch.setattr(pipeline, "render_pages", fake_render_pages)
    return load_settings(tmp_path)


def page(settings, rel="stories/city-budget.md") -> Path:
    return settings.content_path / rel


def add_article(settings, name: str) -> None:
    (settings.seeds_path / name).write_text(ARTICLES[name], encoding="utf-8")


# ------------------------------------------------------------ merge_page decisions


GEN1 = "# Title\n\nline one\nline two\nline three\nline four\nline five\n"
GEN2 = "# Title\n\nline one\nline two\nline three\nline four\nline five CHANGED\n"


def test_new_page_is_written_and_becomes_the_base():
    plan = merge_page(None, None, GEN1)
    assert (plan.action, plan.text, plan.base) == ("new", GEN1, GEN1)


def test_unedited_page_is_replaced():
    plan = merge_page(GEN1, GEN1, GEN2)
    assert (plan.action, plan.text, plan.base, plan.conflicts) == ("replaced", GEN2, GEN2, ())


def test_edit_far_from_the_change_merges_cleanly():
    edited = GEN1.replace("line one", "line one, as the editor put it")
    plan = merge_page(edited, GEN1, GEN2)
    assert plan.action == "merged" and not plan.conflicts
    assert "line one, as the editor put it" in plan.text and "line five CHANGED" in plan.text


def test_edit_of_the_changed_line_conflicts_with_labelled_markers():
    edited = GEN1.replace("line five", "line five by hand")
    plan = merge_page(edited, GEN1, GEN2)
    assert plan.action == "conflict"
    lines = plan.text.splitlines()
    assert lines[plan.conflicts[0] - 1] == "<<<<<<< edited"
    assert "||||||| base" in lines and "=======" in lines and ">>>>>>> generated" in lines
    assert "line five by hand" in plan.text and "line five CHANGED" in plan.text
    assert plan.base == GEN2  # the next run merges from what was generated this time


def test_unresolved_conflict_stays_and_is_reported_again():
    first = merge_page(GEN1.replace("line five", "x"), GEN1, GEN2)
    again = merge_page(first.text, GEN2, GEN2)
    assert again.text is None and again.conflicts == first.conflicts


def test_locked_page_is_never_touched():
    locked = "---\nlock: true\n---\n\n# My own words\n"
    plan = merge_page(locked, GEN1, GEN2)
    assert (plan.action, plan.text, plan.base) == ("locked", None, None)


def test_page_without_a_base_conflicts_rather_than_losing_text():
    plan = merge_page("# Title\n\nwritten by hand\n", None, GEN1)
    assert plan.conflicts and "written by hand" in plan.text


def test_page_without_a_base_equal_to_generated_just_gets_a_base():
    plan = merge_page(GEN1, None, GEN1)
    assert plan.text is None and plan.base == GEN1 and not plan.conflicts


def test_editorial_keys_added_by_an_editor_never_conflict():
    gen1 = "---\ntitle: Old headline\n---\n\n# Old headline\n\nbody\n"
    gen2 = "---\ntitle: New headline\n---\n\n# New headline\n\nbody\n"
    edited = "---\ntitle: Old headline\nstatus: draft\neditor_note: |\n  Checking the figures.\n---\n\n# Old headline\n\nbody\n"
    plan = merge_page(edited, gen1, gen2)
    assert plan.action == "replaced" and not plan.conflicts
    assert plan.text.startswith("---\nstatus: draft\neditor_note: |\n  Checking the figures.\ntitle: New headline\n---")


def test_editorial_front_matter_on_a_page_without_front_matter():
    edited = "---\nstatus: draft\n---\n\n" + GEN1
    plan = merge_page(edited, GEN1, GEN2)
    assert not plan.conflicts and plan.text == "---\nstatus: draft\n---\n\n" + GEN2


def test_front_matter_merges_like_text():
    gen1 = "---\ntitle: A\ndescription: one\nupdated: 2024-01-01\n---\n\n# A\n"
    gen2 = "---\ntitle: A\ndescription: one\nupdated: 2024-01-02\n---\n\n# A\n"
    edited = gen1.replace("title: A", "title: A, retitled")
    text = merge_page(edited, gen1, gen2).text
    assert "title: A, retitled" in text and "updated: 2024-01-02" in text and not conflict_lines(text)


def test_merge3_reports_conflict_count():
    merged, n = merge3("a\nX\nc\n", "a\nb\nc\n", "a\nY\nc\n")
    assert n == 1 and "X" in merged and "Y" in merged


def test_conflict_lines_ignores_setext_underlines_and_finds_stray_markers():
    assert conflict_lines("Title\n=======\n\ntext\n") == ()
    assert conflict_lines("a\n<<<<<<< edited\nx\n=======\ny\n>>>>>>> generated\nb\n") == (2,)
    assert conflict_lines("a\n>>>>>>> generated\n") == (2,)


# ------------------------------------------------------------ write_pages on disk


def test_write_pages_reports_conflicts_as_file_and_line(tmp_path):
    settings = load_settings(tmp_path)
    write_pages({"stories/a.md": GEN1}, settings)
    target = settings.content_path / "stories/a.md"
    target.write_text(GEN1.replace("line five", "line five by hand"), encoding="utf-8")
    result = write_pages({"stories/a.md": GEN2}, settings)
    line = conflict_lines(target.read_text(encoding="utf-8"))[0]
    assert result.conflicts == (f"content/stories/a.md:{line}",)
    assert (settings.base_path / "stories/a.md").read_text(encoding="utf-8") == GEN2


def test_page_no_longer_generated_is_left_alone(tmp_path):
    settings = load_settings(tmp_path)
    write_pages({"stories/a.md": GEN1, "stories/b.md": GEN1}, settings)
    result = write_pages({"stories/a.md": GEN2}, settings)
    assert result.written == ("stories/a.md",)
    assert (settings.content_path / "stories/b.md").read_text(encoding="utf-8") == GEN1


def test_invalid_editorial_key_refuses_before_writing(tmp_path):
    settings = load_settings(tmp_path)
    write_pages({"a.md": GEN1, "b.md": GEN1}, settings)
    (settings.content_path / "b.md").write_text("---\nlock: maybe\n---\n" + GEN1, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"content/b\.md: front matter key 'lock'"):
        write_pages({"a.md": GEN2, "b.md": GEN2}, settings)
    assert (settings.content_path / "a.md").read_text(encoding="utf-8") == GEN1


def test_interrupted_commit_is_rolled_forward(tmp_path, monkeypatch):
    settings = load_settings(tmp_path)
    write_pages({"a.md": GEN1, "b.md": GEN1}, settings)
    real_replace, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(merge.os, "replace", flaky)
    with pytest.raises(KeyboardInterrupt):
        merge.commit([(settings.content_path / "a.md", GEN2), (settings.content_path / "b.md", GEN2)], settings)
    monkeypatch.setattr(merge.os, "replace", real_replace)
    # the commit finishes what its journal lists even when interrupted
    assert (settings.content_path / "b.md").read_text(encoding="utf-8") == GEN2
    assert not merge.journal_path(settings).exists()


def test_recover_completes_a_journal_and_discards_unjournaled_staging(tmp_path):
    settings = load_settings(tmp_path)
    write_pages({"a.md": GEN1, "b.md": GEN1}, settings)
    staged = settings.content_path / f".a.md{merge.STAGED_SUFFIX}"
    staged.write_text(GEN2, encoding="utf-8")
    merge.atomic_write(merge.journal_path(settings),
                       f'{{"renames": [["{staged}", "{settings.content_path / "a.md"}"]]}}\n')
    orphan = settings.content_path / f".b.md{merge.STAGED_SUFFIX}"
    orphan.write_text("half written", encoding="utf-8")
    notes = recover(settings)
    assert len(notes) == 2
    assert (settings.content_path / "a.md").read_text(encoding="utf-8") == GEN2
    assert (settings.content_path / "b.md").read_text(encoding="utf-8") == GEN1
    assert not orphan.exists() and not merge.journal_path(settings).exists()


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_staged_files_are_on_disk_before_the_journal_names_them(tmp_path, monkeypatch, platform):
    settings = load_settings(tmp_path)
    events = []
    monkeypatch.setattr(merge.sys, "platform", platform)
    monkeypatch.setattr(merge.os, "sync", lambda: events.append("sync"))
    real_fsync = os.fsync
    monkeypatch.setattr(merge.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    real_atomic = merge.atomic_write
    monkeypatch.setattr(merge, "atomic_write", lambda path, text: (events.append("journal"), real_atomic(path, text)))
    merge.commit([(settings.content_path / "a.md", GEN1), (settings.content_path / "b.md", GEN2)], settings)
    # one sync where sync() waits (Linux), else one fsync per staged file; then the journal
    expected = ["sync"] if platform == "linux" else ["fsync", "fsync"]
    assert events[: events.index("journal")] == expected
    assert (settings.content_path / "b.md").read_text(encoding="utf-8") == GEN2


# ------------------------------------------------------------ scripted regeneration (fake pipeline)


def test_edit_survives_adding_an_article_and_new_source_is_cited(project):
    settings = project
    first = pipeline.generate(settings)
    assert first.conflicts == () and page(settings).is_file()
    text = page(settings).read_text(encoding="utf-8")
    edited = text.replace("The vote was seven to two.", "The vote was 7-2, with two abstentions noted by our desk.")
    page(settings).write_text(edited, encoding="utf-8")
    add_article(settings, "002_wire.txt")
    second = pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    assert second.conflicts == ()
    assert "The vote was 7-2, with two abstentions noted by our desk." in now
    assert "Protesters gathered outside city hall before the vote. [002]" in now
    assert "- [002] Outlet 002: Budget vote draws protest" in now
    assert "New source: Outlet 002: Budget vote draws protest" in now


def test_regenerating_twice_is_byte_identical(project):
    settings = project
    pipeline.generate(settings)
    add_article(settings, "002_wire.txt")
    pipeline.generate(settings)
    snapshot = {p: p.read_bytes() for p in sorted(settings.root.rglob("*")) if p.is_file() and ".lock" not in p.name}
    result = pipeline.generate(settings)
    assert result.written == ()
    assert {p: p.read_bytes() for p in snapshot} == snapshot


def test_conflicting_edit_is_reported_by_generate(project):
    settings = project
    pipeline.generate(settings)
    rel = "stories/city-budget.md"
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("# Council approves city budget", "# Council approves budget (edited)"),
                              encoding="utf-8")
    (settings.seeds_path / "000_council.txt").write_text(
        ARTICLES["000_council.txt"].replace("Council approves city budget", "Council passes budget"), encoding="utf-8")
    result = pipeline.generate(settings)
    assert result.conflicts and all(c.startswith(f"content/{rel}:") for c in result.conflicts)
    assert "# Council approves budget (edited)" in page(settings).read_text(encoding="utf-8")


# ------------------------------------------------------------ one run of the real pipeline


@pytest.mark.slow
def test_real_pipeline_keeps_an_edit_when_an_article_is_added(tmp_path, settings):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "seeds").mkdir()
    for src in seeds[:3]:
        shutil.copy(src, tmp_path / "seeds" / src.name)
    real = replace(load_settings(tmp_path, ROOT / "site_config" / "settings.yaml"),
                   cache_dir=str(settings.cache_path), templates_dir=str(ROOT / "site_config" / "templates"))
    first = pipeline.generate(real)
    rel = f"stories/{first.stories[0].slug}.md"
    target = real.content_path / rel
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    note = "Editor's addition: this paragraph was written by hand and must survive regeneration.\n"
    edited = lines[: len(lines) // 2] + ["\n", note, "\n"] + lines[len(lines) // 2:]
    target.write_text("".join(edited), encoding="utf-8")
    old_base = (real.base_path / rel).read_text(encoding="utf-8")

    shutil.copy(seeds[3], tmp_path / "seeds" / seeds[3].name)
    second = pipeline.generate(real)
    new_id = seeds[3].name[:3]
    assert any(new_id in s.source_ids for s in second.stories)
    now = target.read_text(encoding="utf-8")
    assert note in now
    story = next(s for s in second.stories if f"stories/{s.slug}.md" == rel)
    assert new_id in story.source_ids  # the article joined the edited story: same page, now citing it
    assert new_id in now
    fresh = pipeline.render_pages(list(second.stories), real)[rel]
    assert (real.base_path / rel).read_text(encoding="utf-8") == fresh
    added = [ln for ln in fresh.splitlines() if ln.strip() and ln not in old_base.splitlines()]
    assert added
    if not any(c.startswith(f"content/{rel}:") for c in second.conflicts):
        assert all(ln in now.splitlines() for ln in added)  # the new material, citations included
