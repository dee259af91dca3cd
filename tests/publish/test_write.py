"""Writing a run: pages rewritten with the desk's decisions applied, nothing else touched,
the commit atomic (staged, journalled, rolled forward after a crash)."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace

import pytest

from generator import pipeline
from generator.config import load_settings
from generator.errors import ConfigError
from generator.publish import write
from generator.publish.write import recover
from generator.store.files import atomic_write
from tests.paths import ROOT
from tests.publish.fake import add_article, page, project  # noqa: F401  (fixture)

GEN1 = "# Title\n\nline one\n"
GEN2 = "# Title\n\nline two\n"


# ------------------------------------------------------------ through generate (fake composer, real templates)


def test_edit_survives_adding_an_article_and_new_source_is_cited(project):  # noqa: F811
    settings = project
    first = pipeline.generate(settings)
    assert first.conflicts == () and page(settings).is_file()
    text = page(settings).read_text(encoding="utf-8")
    edited = text.replace("The council debated for six hours.", "The council debated for six long hours (desk).")
    assert edited != text
    page(settings).write_text(edited, encoding="utf-8")
    add_article(settings, "002_wire.txt")
    second = pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    assert second.conflicts == ()
    assert "The council debated for six long hours (desk)." in now
    assert "Protesters gathered outside city hall before the vote." in now
    assert "New source: Outlet 002: Budget vote draws protest" in now
    assert (settings.written_path / "stories/city-budget.md").read_text(encoding="utf-8") == now


def test_regenerating_twice_is_byte_identical(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    add_article(settings, "002_wire.txt")
    pipeline.generate(settings)
    snapshot = {p: p.read_bytes() for p in sorted(settings.root.rglob("*")) if p.is_file() and ".lock" not in p.name}
    result = pipeline.generate(settings)
    assert result.written == ()
    assert {p: p.read_bytes() for p in snapshot} == snapshot


def test_editor_front_matter_keys_are_carried_over(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("title:", "hide:\n- toc\neditor_note: Checked.\ntitle:", 1),
                              encoding="utf-8")
    add_article(settings, "002_wire.txt")
    assert pipeline.generate(settings).conflicts == ()
    now = page(settings).read_text(encoding="utf-8")
    assert now.startswith("---\nhide:\n- toc\neditor_note: Checked.\n")
    assert "Protesters gathered" in now


def test_hand_edited_site_page_is_kept_and_said(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    index = settings.content_path / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nA line of our own.\n", encoding="utf-8")
    add_article(settings, "002_wire.txt")
    result = pipeline.generate(settings)
    assert index.read_text(encoding="utf-8").endswith("A line of our own.\n")
    assert any(n.startswith("content/index.md: edited by hand") for n in result.notes)


def test_a_page_the_generator_never_wrote_is_left_alone(project):  # noqa: F811
    settings = project
    mine = "# My own budget page\n\nWritten by hand.\n"
    atomic_write(page(settings), mine)
    result = pipeline.generate(settings)
    assert page(settings).read_text(encoding="utf-8") == mine
    assert any("no record of this page" in c for c in result.conflicts)


def test_invalid_editorial_key_refuses_before_writing(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    before = (settings.content_path / "index.md").read_text(encoding="utf-8")
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("title:", "lock: maybe\ntitle:", 1), encoding="utf-8")
    add_article(settings, "002_wire.txt")
    with pytest.raises(ConfigError, match=r"content/stories/city-budget\.md: front matter key 'lock'"):
        pipeline.generate(settings)
    assert (settings.content_path / "index.md").read_text(encoding="utf-8") == before


def test_line_merge_conflict_markers_keep_the_page_and_are_reported(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    marked = text.replace("## Background", "<<<<<<< edited\nmine\n=======\ntheirs\n>>>>>>> generated\n\n## Background")
    page(settings).write_text(marked, encoding="utf-8")
    result = pipeline.generate(settings)
    assert page(settings).read_text(encoding="utf-8") == marked
    assert any("unresolved conflict markers" in c for c in result.conflicts)


# ------------------------------------------------------------ the atomic commit


def test_commit_writes_and_deletes(tmp_path):
    settings = load_settings(tmp_path)
    gone = settings.content_path / "old.md"
    atomic_write(gone, GEN1)
    write.commit([(settings.content_path / "a.md", GEN2), (gone, None)], settings)
    assert (settings.content_path / "a.md").read_text(encoding="utf-8") == GEN2 and not gone.exists()
    assert not write.journal_path(settings).exists()


def test_interrupted_commit_is_rolled_forward(tmp_path, monkeypatch):
    settings = load_settings(tmp_path)
    write.commit([(settings.content_path / "a.md", GEN1), (settings.content_path / "b.md", GEN1)], settings)
    real_replace, calls = os.replace, []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", flaky)
    with pytest.raises(KeyboardInterrupt):
        write.commit([(settings.content_path / "a.md", GEN2), (settings.content_path / "b.md", GEN2)], settings)
    monkeypatch.setattr(write.os, "replace", real_replace)
    # the commit finishes what its journal lists even when interrupted
    assert (settings.content_path / "b.md").read_text(encoding="utf-8") == GEN2
    assert not write.journal_path(settings).exists()


def test_recover_completes_a_journal_and_discards_unjournaled_staging(tmp_path):
    settings = load_settings(tmp_path)
    write.commit([(settings.content_path / "a.md", GEN1), (settings.content_path / "b.md", GEN1)], settings)
    staged = settings.content_path / f".a.md{write.STAGED_SUFFIX}"
    staged.write_text(GEN2, encoding="utf-8")
    atomic_write(write.journal_path(settings),
                 f'{{"renames": [["{staged}", "{settings.content_path / "a.md"}"]]}}\n')
    orphan = settings.content_path / f".b.md{write.STAGED_SUFFIX}"
    orphan.write_text("half written", encoding="utf-8")
    notes = recover(settings)
    assert len(notes) == 2
    assert (settings.content_path / "a.md").read_text(encoding="utf-8") == GEN2
    assert (settings.content_path / "b.md").read_text(encoding="utf-8") == GEN1
    assert not orphan.exists() and not write.journal_path(settings).exists()


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_staged_files_are_on_disk_before_the_journal_names_them(tmp_path, monkeypatch, platform):
    settings = load_settings(tmp_path)
    events = []
    monkeypatch.setattr(write.sys, "platform", platform)
    monkeypatch.setattr(write.os, "sync", lambda: events.append("sync"))
    real_fsync = os.fsync
    monkeypatch.setattr(write.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    real_atomic = write.atomic_write
    monkeypatch.setattr(write, "atomic_write", lambda path, text: (events.append("journal"), real_atomic(path, text)))
    write.commit([(settings.content_path / "a.md", GEN1), (settings.content_path / "b.md", GEN2)], settings)
    # one sync where sync() waits (Linux), else one fsync per staged file; then the journal
    expected = ["sync"] if platform == "linux" else ["fsync", "fsync"]
    assert events[: events.index("journal")] == expected
    assert (settings.content_path / "b.md").read_text(encoding="utf-8") == GEN2


# ------------------------------------------------------------ one run of the real pipeline


@pytest.mark.slow
def test_real_pipeline_keeps_a_desk_paragraph_when_an_article_is_added(tmp_path, settings):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "seeds").mkdir()
    for src in seeds[:3]:
        shutil.copy(src, tmp_path / "seeds" / src.name)
    real = replace(load_settings(tmp_path, ROOT / "site_config" / "settings.yaml"),
                   cache_dir=str(settings.cache_path), templates_dir=str(ROOT / "site_config" / "templates"))
    first = pipeline.generate(real)
    rel = f"stories/{first.stories[0].slug}.md"
    target = real.content_path / rel
    note = "Editor's addition: this paragraph was written by hand and must survive regeneration."
    target.write_text(target.read_text(encoding="utf-8").replace("## What we know\n", f"## What we know\n\n{note}\n"),
                      encoding="utf-8")
    shutil.copy(seeds[3], tmp_path / "seeds" / seeds[3].name)
    second = pipeline.generate(real)
    assert second.conflicts == ()
    story = next(s for s in second.stories if f"stories/{s.slug}.md" == rel)
    assert any(a.file.endswith(seeds[3].name) for a in story.sources)  # the article joined the edited story
    now = target.read_text(encoding="utf-8")
    assert note in now and "editors</span>" in now
    new_key = next(a.key for a in story.sources if a.file.endswith(seeds[3].name))
    assert f"[^{new_key}]" in now  # the new source is cited
