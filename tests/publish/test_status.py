"""`explainer status`: edited, locked, draft, conflict, orphaned, out-of-date pages."""

from __future__ import annotations

from generator import pipeline
from generator.cli import main
from generator.publish.merge import atomic_write
from generator.publish.status import collect, format_report
from tests.publish.test_merge import (  # noqa: F401  (fixture)
    ARTICLES,
    add_article,
    page,
    project,
)


def rows(settings) -> dict:
    return {p.page: p for p in collect(settings).pages}


def test_fresh_generate_is_clean_and_up_to_date(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    report = collect(settings)
    assert not report.drift and not report.conflicts
    assert all(p.generated and not (p.edited or p.out_of_date or p.orphaned) for p in report.pages)
    assert main(["status", "--root", str(settings.root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["page", "edited", "locked", "draft", "conflict", "orphaned", "out-of-date"]
    assert "seeds: up to date with the last generate" in out


def test_each_state_is_reported(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("title:", "status: draft\nlock: true\ntitle:", 1), encoding="utf-8")
    (settings.seeds_path / "000_council.txt").write_text(ARTICLES["000_council.txt"] + "A late line.\n", encoding="utf-8")
    add_article(settings, "002_wire.txt")
    atomic_write(settings.base_path / "stories/old.md", "# Old\n")
    atomic_write(settings.content_path / "stories/old.md", "# Old\n")
    atomic_write(settings.content_path / "about.md", "# About\n\n<<<<<<< edited\na\n=======\nb\n>>>>>>> generated\n")
    r = rows(settings)
    story = r["stories/city-budget.md"]
    assert (story.edited, story.locked, story.draft, story.out_of_date) == (True, True, True, True)
    assert r["stories/old.md"].orphaned and not r["stories/old.md"].edited
    assert r["about.md"].conflicts == (3,) and not r["about.md"].generated
    assert r["index.md"].out_of_date and not r["index.md"].edited
    assert main(["status", "--root", str(settings.root)]) == 3
    out = capsys.readouterr().out
    assert "content/about.md (hand-written)" in out
    assert "conflict content/about.md:3: resolve the markers" in out
    assert "orphaned content/stories/old.md" in out
    assert "new: seeds/002_wire.txt" in out and "changed: seeds/000_council.txt" in out


def test_invalid_front_matter_is_listed(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    page(settings).write_text("---\nlock: 2\n---\n# T\n", encoding="utf-8")
    text = format_report(collect(settings), settings)
    assert "invalid content/stories/city-budget.md: front matter key 'lock' must be true or false" in text


def test_status_before_any_generate(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_a.txt").write_text("x\n", encoding="utf-8")
    assert main(["status", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "(no pages in content/)" in out and "never generated" in out and "seeds/000_a.txt" in out
