"""The MkDocs build guard on a tiny temp site: conflicts fail the build, drafts stay out."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import load_settings
from generator.publish.changes import build_state, save_state, seed_hashes
from tests.paths import ROOT

HOOK = ROOT / "site_config" / "hooks" / "build_guard.py"

# Runs `mkdocs build --strict` and says on stderr whether spaCy got imported along the way.
RUNNER = """
import atexit, sys
atexit.register(lambda: print("spacy imported" if "spacy" in sys.modules else "spacy absent", file=sys.stderr))
from mkdocs.__main__ import cli
cli(["build", "--strict", "--config-file", sys.argv[1]])
"""

INDEX = ("# Stories\n\n<div class=\"card\" markdown>\n\n## [Bridge closes](stories/bridge.md)\n\nRepairs start.\n\n"
         "</div>\n\n- [Budget](stories/budget.md)\n- [Bridge](stories/bridge.md)\n")
BUDGET = "# Council passes budget\n\nThe council approved the budget on Monday.\n"
BRIDGE = "---\nstatus: draft\n---\n\n# Bridge closes\n\nThe bridge closed for repairs.\n"


def hook_module():
    spec = importlib.util.spec_from_file_location("build_guard_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def site(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Guard test\ndocs_dir: content\nsite_dir: site\nhooks:\n  - {HOOK}\n", encoding="utf-8")
    pages = {"index.md": INDEX, "stories/budget.md": BUDGET, "stories/bridge.md": BRIDGE}
    for rel, text in pages.items():
        (tmp_path / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / rel).write_text(text, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_budget.txt").write_text("Council passes budget\n", encoding="utf-8")
    return tmp_path


def build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUNNER, str(site / "mkdocs.yml")], cwd=site,
                          capture_output=True, text=True, timeout=120)


def test_conflict_fails_the_build_with_file_and_line_and_resolving_it_passes(site):
    page = site / "content" / "stories" / "budget.md"
    page.write_text("# Council passes budget\n\n<<<<<<< edited\nMine.\n||||||| base\nOld.\n=======\n"
                    "Theirs.\n>>>>>>> generated\n", encoding="utf-8")
    failed = build(site)
    assert failed.returncode != 0
    assert "content/stories/budget.md:3: unresolved merge conflict markers" in failed.stderr
    page.write_text(BUDGET.replace("Monday.", "Monday. Mine."), encoding="utf-8")
    passed = build(site)
    assert passed.returncode == 0, passed.stderr
    assert "Mine." in (site / "site" / "stories" / "budget" / "index.html").read_text(encoding="utf-8")


def test_drafts_are_not_published_and_strict_build_passes_without_spacy(site):
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert "spacy absent" in result.stderr
    assert not (site / "site" / "stories" / "bridge").exists()
    assert (site / "site" / "stories" / "budget" / "index.html").is_file()
    index = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Budget" in index and "Bridge" not in index and "Repairs start" not in index


def test_unread_seeds_are_an_info_notice_that_strict_does_not_fail(site):
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert "INFO" in result.stderr and "seeds/000_budget.txt" in result.stderr
    settings = load_settings(site)
    save_state(settings, build_state([], {}, seed_hashes(settings)))
    assert "build_guard" not in build(site).stderr


def test_editor_note_is_shown_escaped(site):
    (site / "content" / "stories" / "budget.md").write_text(
        "---\neditor_note: Figures <b>checked</b> with the clerk & corrected.\n---\n\n" + BUDGET, encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "stories" / "budget" / "index.html").read_text(encoding="utf-8")
    assert "Editor's note" in html or "Editor&#x27;s note" in html
    assert "Figures &lt;b&gt;checked&lt;/b&gt; with the clerk &amp; corrected." in html


def test_invalid_editorial_key_fails_the_build_naming_file_and_key(site):
    (site / "content" / "stories" / "budget.md").write_text("---\nstatus: hidden\n---\n\n" + BUDGET, encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "content/stories/budget.md: front matter key 'status'" in result.stderr


def test_draft_links_dropped_from_lists_and_unlinked_in_prose():
    guard = hook_module()
    guard._drafts.clear()
    guard._drafts.add("stories/bridge.md")
    md = "- [Bridge](stories/bridge.md)\n- [Budget](stories/budget.md)\n\nSee [the bridge](stories/bridge.md#why).\n"
    out = guard._drop_draft_links(md, "index.md")
    assert out == "- [Budget](stories/budget.md)\n\nSee the bridge.\n"
    assert guard._drop_draft_links("[b](bridge.md)\n", "stories/budget.md") == "b\n"
    cards = ('<div class="card" markdown>\n## [Bridge](stories/bridge.md)\n<div>lede</div>\n</div>\n\n'
             '<div class="card" markdown>\n## [Budget](stories/budget.md)\n</div>\n')
    assert guard._drop_draft_links(cards, "index.md") == '<div class="card" markdown>\n## [Budget](stories/budget.md)\n</div>\n'


def test_editor_note_goes_after_the_title():
    guard = hook_module()
    out = guard._with_note("# Title\n\nBody.\n", "Line one\nline two.\n\nSecond <i>para</i>.")
    assert out.startswith("# Title\n\n<div class=\"admonition note editor-note\">")
    assert "<p>Line one line two.</p><p>Second &lt;i&gt;para&lt;/i&gt;.</p>" in out
    assert out.endswith("Body.\n")


def test_serve_keeps_links_to_drafts_for_preview():
    from types import SimpleNamespace

    guard = hook_module()
    guard._drafts.clear()
    guard._drafts.add("stories/bridge.md")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"), meta={})
    guard.on_startup("serve", False)
    assert guard.on_page_markdown(INDEX, page, None, None) == INDEX
    guard.on_startup("build", False)
    assert "Bridge" not in guard.on_page_markdown(INDEX, page, None, None)


# ------------------------------------------------------------ what the desk's pages must not publish


@pytest.mark.slow  # builds the site
def test_a_citation_without_its_footnote_refuses_the_build(site):
    (site / "content" / "stories" / "budget.md").write_text(
        BUDGET + "\nThe vote was 7-2.[^src-abc123][^gone-5]\n\n[^src-abc123]: The Herald.\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "content/stories/budget.md:5: citation [^gone-5] has no footnote" in result.stderr
    assert "src-abc123]" not in result.stderr.split("refusing")[-1].replace("[^gone-5]", "")


@pytest.mark.slow  # builds the site
def test_an_id_that_is_not_one_of_the_storys_items_refuses_the_build(site):
    page = site / "content" / "stories" / "budget.md"
    (site / "content" / "stories" / "budget.json").write_text(json.dumps({"known": [{"id": "p-0a1b2c3d4e"}]}),
                                                              encoding="utf-8")
    page.write_text(BUDGET + "\n- A point. <!-- xp p-0a1b2c3d4e -->\n- Another. <!-- xp p-ffffffffff -->\n",
                    encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "content/stories/budget.md:6: unknown id p-ffffffffff" in result.stderr
    assert "p-0a1b2c3d4e" not in result.stderr
    page.write_text(BUDGET + "\n- A point. <!-- xp p-0a1b2c3d4e -->\n", encoding="utf-8")
    built = build(site)
    assert built.returncode == 0, built.stderr
    html = (site / "site" / "stories" / "budget" / "index.html").read_text(encoding="utf-8")
    assert "A point." in html and "xp p-" not in html  # the ids are for editors only


@pytest.mark.slow  # builds the site
def test_an_item_flagged_conflict_refuses_the_build(site):
    (site / "content" / "stories" / "budget.json").write_text(json.dumps({"known": [{"id": "p-0a1b2c3d4e"}]}),
                                                              encoding="utf-8")
    (site / "content" / "stories" / "budget.md").write_text(
        BUDGET + "\n- Our words. <!-- xp p-0a1b2c3d4e conflict -->\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0 and "content/stories/budget.md:5: p-0a1b2c3d4e is flagged conflict" in result.stderr


@pytest.mark.slow  # builds the site
def test_a_refused_build_leaves_the_previous_site_intact(site):
    assert build(site).returncode == 0
    before = {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    (site / "content" / "stories" / "budget.md").write_text(BUDGET + "\nCited.[^nowhere]\n", encoding="utf-8")
    assert build(site).returncode != 0
    after = {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.slow  # builds the site
def test_explainer_build_swaps_in_a_new_site_only_when_the_build_succeeds(site, monkeypatch):
    from generator import cli

    assert cli.build_site(site) == 0
    before = {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert before
    # a failure after the guard's checks (here: strict mode and a link to a missing page)
    (site / "content" / "stories" / "budget.md").write_text(BUDGET + "\nSee [this](missing.md).\n", encoding="utf-8")
    assert cli.build_site(site) != 0
    after = {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".site")] == []  # no temporary folder left
    (site / "content" / "stories" / "budget.md").write_text(BUDGET.replace("Monday", "Tuesday"), encoding="utf-8")
    assert cli.build_site(site) == 0
    assert "Tuesday" in (site / "site" / "stories" / "budget" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow  # builds the site
def test_a_drafts_json_is_not_published(site):
    (site / "content" / "stories" / "bridge.json").write_text("{}", encoding="utf-8")
    (site / "content" / "stories" / "budget.json").write_text("{}", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert (site / "site" / "stories" / "budget.json").is_file()
    assert not (site / "site" / "stories" / "bridge.json").exists()


def test_page_problems_name_file_and_line(tmp_path):
    guard = hook_module()
    guard._root[:] = [tmp_path]
    page = tmp_path / "stories" / "x.md"
    page.parent.mkdir()
    page.with_suffix(".json").write_text(json.dumps({"summary": [{"id": "p-1"}], "held": [{"id": "p-2"}]}),
                                         encoding="utf-8")
    text = "# X\n\n- a[^k1] <!-- xp p-1 -->\n- b <!-- xp p-2 -->\n- c <!-- xp p-3 review -->\n\n[^k1]: K.\n"
    assert guard.page_problems(text, page) == ["stories/x.md:5: unknown id p-3: not an item of this story "
                                               "(remove the comment, or run `explainer generate`)"]
    assert guard.page_problems("# Y\n\nSee[^k9].\n", tmp_path / "y.md") == [
        "y.md:3: citation [^k9] has no footnote (its source was removed?): run `explainer generate`, or remove the "
        "citation"]
