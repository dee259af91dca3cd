"""The desk's workflow through `generate` (fake composer, real templates): a conflict and its
resolution, a new URL, the desk's own timeline row, a source corrected on the page."""

from __future__ import annotations

import json

from generator import pipeline
from generator.cli import main
from tests.publish.fake import ARTICLES, page, project  # noqa: F401  (fixture)

SAID = "The vote was seven to two."


def _reword(settings, old: str, new: str) -> None:
    text = page(settings).read_text(encoding="utf-8")
    assert old in text
    page(settings).write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_conflict_is_listed_kept_refused_and_resolved(project, capsys):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    _reword(settings, f"- {SAID}", "- The vote was 7-2 (desk).")
    pipeline.generate(settings)
    for name in ("000_council.txt", "001_paper.txt"):  # the articles now give another result
        (settings.seeds_path / name).write_text(ARTICLES[name].replace(SAID, "The vote was eight to one."),
                                                encoding="utf-8")
    result = pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    line = next(n for n, ln in enumerate(now.split("\n"), 1) if ln.startswith("- The vote was 7-2 (desk)."))
    assert [c.split(": ")[0] for c in result.conflicts] == [f"content/stories/city-budget.md:{line}"]
    assert "the sentence it rewords changed in Outlet 00" in result.conflicts[0]
    assert " conflict -->" in now.split("\n")[line - 1]  # flagged on the page, the desk's words kept
    assert main(["generate", "--root", str(settings.root), "-q"]) == 3
    assert main(["status", "--root", str(settings.root)]) == 3
    capsys.readouterr()
    # the editor keeps their words: deletes "conflict" from the comment
    page(settings).write_text(now.replace(" conflict -->", " -->"), encoding="utf-8")
    resolved = pipeline.generate(settings)
    assert resolved.conflicts == ()
    final = page(settings).read_text(encoding="utf-8")
    assert "The vote was 7-2 (desk)." in final and "The vote was eight to one." in final
    assert main(["status", "--root", str(settings.root)]) == 0


def test_deleting_a_conflicted_line_hides_the_claim(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    _reword(settings, f"- {SAID}", "- The vote was 7-2 (desk).")
    pipeline.generate(settings)
    for name in ("000_council.txt", "001_paper.txt"):
        (settings.seeds_path / name).write_text(ARTICLES[name].replace(SAID, "The vote was eight to one."),
                                                encoding="utf-8")
    pipeline.generate(settings)
    lines = page(settings).read_text(encoding="utf-8").split("\n")
    page(settings).write_text("\n".join(ln for ln in lines if "(desk)" not in ln), encoding="utf-8")
    result = pipeline.generate(settings)
    assert result.conflicts == () and "(desk)" not in page(settings).read_text(encoding="utf-8")


def test_the_slug_control_moves_the_story_to_its_new_url(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    _reword(settings, "title:", "slug: budget-2024\ntitle:")
    _reword(settings, "The council debated for six hours.", "Six hours of debate.")
    pipeline.generate(settings)
    moved = settings.content_path / "stories" / "budget-2024.md"
    assert moved.is_file() and not page(settings).exists()
    assert not (settings.content_path / "stories" / "city-budget.json").exists()
    assert (settings.content_path / "stories" / "budget-2024.json").is_file()
    assert (settings.decisions_path / "budget-2024.yaml").is_file()
    assert not (settings.decisions_path / "city-budget.yaml").exists()
    text = moved.read_text(encoding="utf-8")
    assert "Six hours of debate." in text and "slug: budget-2024" in text
    assert "stories/budget-2024.md" in (settings.content_path / "index.md").read_text(encoding="utf-8")
    # the headline changes, the URL stays
    moved.write_text(text.replace("# Council approves city budget", "# Budget passes"), encoding="utf-8")
    pipeline.generate(settings)
    assert "# Budget passes" in moved.read_text(encoding="utf-8")
    assert json.loads((settings.state_path / "stories.json").read_text(encoding="utf-8")).keys() == {"budget-2024"}


def test_a_timeline_row_and_a_source_correction_of_the_desks(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ">4 March 2024</span>" in ln)
    lines.insert(at + 1, "- 5 March 2024: The budget took effect.")
    entry = next(i for i, ln in enumerate(lines) if ln.startswith("[^") and "**Outlet 001**" in ln)
    lines[entry] = lines[entry].replace("**Outlet 001**", "**The Evening Paper**")
    page(settings).write_text("\n".join(lines), encoding="utf-8")
    assert pipeline.generate(settings).conflicts == ()
    now = page(settings).read_text(encoding="utf-8")
    row = next(ln for ln in now.split("\n") if "The budget took effect." in ln)
    assert ">5 March 2024</span> The budget took effect." in row and ">editors</span>" in row
    assert "**The Evening Paper**" in now and "**Outlet 001**" not in now
    timeline = (settings.content_path / "timeline.md").read_text(encoding="utf-8")
    assert "The budget took effect." in timeline
