"""`explainer status`: edited, locked, draft, review, conflict, orphaned, out-of-date pages; exit codes."""

from __future__ import annotations

from generator import pipeline
from generator.cli import main
from generator.publish.status import collect, format_report
from generator.store.files import atomic_write
from tests.publish.fake import (  # noqa: F401  (fixture)
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
    assert not report.drift and not report.conflicts and not report.invalid
    assert all(p.generated and not (p.edited or p.out_of_date or p.orphaned) for p in report.pages)
    assert main(["status", "--root", str(settings.root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["page", "edited", "locked", "draft", "review", "conflict", "orphaned",
                                           "out-of-date"]
    assert "seeds: up to date with the last generate" in out


def test_each_state_is_reported(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("title:", "status: draft\nlock: true\ntitle:", 1), encoding="utf-8")
    (settings.seeds_path / "000_council.txt").write_text(ARTICLES["000_council.txt"] + "A late line.\n", encoding="utf-8")
    add_article(settings, "002_wire.txt")
    atomic_write(settings.written_path / "stories/old.md", "# Old\n")
    atomic_write(settings.content_path / "stories/old.md", "# Old\n")
    atomic_write(settings.content_path / "about.md", "# About\n\n<<<<<<< edited\na\n=======\nb\n>>>>>>> generated\n")
    r = rows(settings)
    story = r["stories/city-budget.md"]
    assert (story.edited, story.locked, story.draft, story.out_of_date) == (True, True, True, True)
    assert r["stories/old.md"].orphaned and not r["stories/old.md"].edited
    assert r["about.md"].conflicts[0][0] == 3 and not r["about.md"].generated
    assert r["index.md"].out_of_date and not r["index.md"].edited
    assert main(["status", "--root", str(settings.root)]) == 3
    out = capsys.readouterr().out
    assert "content/about.md (hand-written)" in out
    assert "conflict content/about.md:3: unresolved conflict markers" in out
    assert "orphaned content/stories/old.md" in out
    assert "new: seeds/002_wire.txt" in out and "changed: seeds/000_council.txt" in out


def test_invalid_front_matter_is_listed_and_exits_2(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    page(settings).write_text("---\nlock: 2\n---\n# T\n", encoding="utf-8")
    text = format_report(collect(settings), settings)
    assert "invalid content/stories/city-budget.md: front matter key 'lock' must be true or false" in text
    assert main(["status", "--root", str(settings.root)]) == 2
    page(settings).write_text("---\ntitle: [unclosed\n---\n# T\n", encoding="utf-8")
    assert main(["status", "--root", str(settings.root)]) == 2
    assert "front matter is not valid YAML" in capsys.readouterr().out


def test_an_edit_no_decision_can_hold_is_a_conflict_with_its_line(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    lines = page(settings).read_text(encoding="utf-8").split("\n")
    at = lines.index("## Sources") + 3
    lines.insert(at, "A note among the sources.")
    page(settings).write_text("\n".join(lines), encoding="utf-8")
    assert main(["status", "--root", str(settings.root)]) == 3
    out = capsys.readouterr().out
    assert f"conflict content/stories/city-budget.md:{at + 1}: this line of your own in sources cannot be kept" in out
    result = pipeline.generate(settings)  # generate leaves the page as it is and says the same
    assert any(c.startswith(f"content/stories/city-budget.md:{at + 1}:") for c in result.conflicts)
    assert "A note among the sources." in page(settings).read_text(encoding="utf-8")


def test_pending_edits_and_items_to_review_are_listed(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("The council debated for six hours.", "Six hours of debate."),
                              encoding="utf-8")
    assert main(["status", "--root", str(settings.root)]) == 0
    assert "edited content/stories/city-budget.md: your edits become decisions" in capsys.readouterr().out
    pipeline.generate(settings)
    # the article behind the edited point now words it differently: kept, flagged for review
    (settings.seeds_path / "001_paper.txt").write_text(
        ARTICLES["001_paper.txt"].replace("The council debated for six hours.", "The council debated for six hours, aides said."),
        encoding="utf-8")
    result = pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    assert "Six hours of debate." in now and result.conflicts == ()
    line = next(n for n, ln in enumerate(now.split("\n"), 1) if "Six hours of debate." in ln)
    assert main(["status", "--root", str(settings.root)]) == 0
    assert f"review content/stories/city-budget.md:{line}: the generator's words changed" in capsys.readouterr().out


def test_status_before_any_generate(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_a.txt").write_text("x\n", encoding="utf-8")
    assert main(["status", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "(no pages in content/)" in out and "never generated" in out and "seeds/000_a.txt" in out


def test_held_back_lines_are_listed_and_pasting_one_approves_it(project, monkeypatch, capsys):  # noqa: F811
    from dataclasses import replace

    from generator.editorial.ids import with_ids
    from generator.models import Held
    from tests.publish.fake import fake_build_stories

    held = Held("known", "The budget also freezes hiring.", ("001",), "one source only, not verified")

    def build(settings, progress=None, digests=None):
        stories, rejected = fake_build_stories(settings)
        return [with_ids(replace(stories[0], held=(held,)))], rejected

    monkeypatch.setattr(pipeline, "build_stories", build)
    settings = project
    pipeline.generate(settings)
    assert held.text not in page(settings).read_text(encoding="utf-8")  # never shown to readers
    assert main(["status", "--root", str(settings.root)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("held "))
    ident = line.split(": ")[1].split(" ")[0]
    assert line == (f"held content/stories/city-budget.md: {ident} (known): “{held.text}” - {held.reason}; "
                    f"to approve it, paste `- {held.text} <!-- xp {ident} -->` into the page")
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("## What we know\n", f"## What we know\n\n- {held.text} <!-- xp {ident} -->\n"),
                              encoding="utf-8")
    pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    shown = next(ln for ln in now.splitlines() if held.text in ln)
    assert "[^" in shown and f"<!-- xp {ident} -->" in shown  # approved: a cited point like the others
    main(["status", "--root", str(settings.root)])
    assert "held " not in capsys.readouterr().out
