"""End to end, the real CLI on a seeds/ folder holding the five seeds plus every bad input of the
"Robustness and security" issue (made here at runtime; nothing big is committed):

- each unusable file is rejected with one stderr line naming it and the reason, exit status 1;
- every other file is still processed: odd encodings and odd file names decode to the right
  text, copies of a seed are detected as copies and leave the seed story's "N of M" as it was;
- article text carrying HTML, Markdown or template syntax never becomes structure in the
  site that `mkdocs build --strict` builds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html as lhtml

from generator.publish import render
from tests.paths import ROOT

pytestmark = pytest.mark.slow

FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
SEEDS = sorted(p.name for p in (ROOT / "seeds").iterdir() if not p.name.startswith("."))
from tests.publish.test_render import SECTIONS  # noqa: E402

# An invented local story whose text carries every kind of syntax a page could trip on.
HOSTILE_TXT = """Council shuts <b>Elm Street</b> footbridge after {{ inspection }} finds cracks
---
title: injected front matter
---
# Injected heading from the article
The Elmbridge town council closed the Elm Street footbridge on Monday after engineers found cracks in two of its steel supports, officials said.
Council leader Priya Nandakumar said the bridge would stay shut until it was safe, and that the report posted at {{ config.site_name }} and {% include "secret.html" %} would follow within a week.
Residents who want to comment can [click here](javascript:alert('pwned')) or write to the council, the notice said <script>alert('pwned')</script> in its footer.
| Column A | Column B |
| --- | --- |
| repair cost | two million pounds |
Engineers said the repair could cost about £2 million <img src=x onerror="alert('pwned')"> and take three months, according to the council's statement.
## What happens next
The council will vote on the repair budget on Thursday, and a temporary ferry service will run across the river until the bridge reopens, the statement said.
"""

HOSTILE_HTML = """<!DOCTYPE html><html><head><title>Footbridge closure: what Elmbridge residents need to know</title>
<meta property="og:site_name" content="Elmbridge Courier">
<script>alert('pwned')</script></head>
<body onload="alert('pwned')"><article><h1>Footbridge closure: what Elmbridge residents need to know</h1>
<p>The Elm Street footbridge in Elmbridge was closed on Monday after engineers found cracks in two steel supports, the town council said in a statement.</p>
<p>Council leader Priya Nandakumar told reporters that the closure was a precaution and that <a href="javascript:alert('pwned')">the full inspection report</a> would be published within a week.</p>
<script>document.write('pwned')</script>
<iframe src="https://evil.invalid/frame"></iframe>
<p>Engineers estimated that repairs would cost about £2 million <img src="x" onerror="alert('pwned')"> and take three months to complete, according to the council.</p>
<p>A notice on the bridge read &lt;script&gt;alert('pwned')&lt;/script&gt; after someone defaced it, residents said, and the council said it would replace the sign.</p>
<p>Residents said the closure added twenty minutes to their walk to the station, and some said the council had ignored earlier warnings about the state of the bridge.</p>
</article></body></html>
"""

REJECTED = {  # file in seeds/ -> the start of its one-line reason
    "empty.txt": "empty file",
    "whitespace.txt": "empty file",
    "photo.png": "binary file, not text",
    "huge.txt": "file too large (20.0 MB",
    "one_line.txt": "too long for one article",
    "headlines_only.txt": "a list of headlines with no sentences",
    "french.txt": "not in English",
    "link outside.txt": "symbolic link pointing outside the input folder",
}
ENCODED = ["010_utf16_bom.txt", "011_cp1252.txt", "012_latin1.txt", "013_mojibake.txt", "014_invalid_utf8.txt"]
DUPLICATE = "005 same article.again.txt"  # an exact copy of seed 000 (spaces and dots in the name)
NEAR_DUPLICATE = "006_ünïcødé wire.copy.v2.txt"  # seed 003 re-published by another outlet
HOSTILE = ["007 hostile.md-syntax.txt", "008_hostile.html"]


def near_copy(text: str) -> str:
    """The same wire story under another outlet's headline and byline, one word changed."""
    lines = text.split("\n")
    body = [ln for ln in lines if ln.strip()]
    first = next(i for i, ln in enumerate(body) if len(ln.split()) > 15)
    tail = "\n\n".join(body[first:]).replace(" announced.", " said.", 1)
    return "Moscow is first to recognise Taliban rule in Kabul\n\nBy Wire Desk, The Evening Ledger\n\n" + tail


def make_project(dest: Path, hostile: bool) -> Path:
    dest.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", dest / "site_config", ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "content").mkdir()
    seeds = dest / "seeds"
    seeds.mkdir()
    for name in SEEDS:
        shutil.copy(ROOT / "seeds" / name, seeds / name)
    if hostile:
        add_bad_inputs(dest, seeds)
    return dest


def add_bad_inputs(dest: Path, seeds: Path) -> None:
    fixture = lambda name: (FIXTURES / name).read_bytes()  # noqa: E731
    files = {
        "empty.txt": b"", "whitespace.txt": b"  \n\t\n   \r\n\n",
        "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "one_line.txt": b"The council said the ferry terminal would open in 2027, and opponents appealed. " * 13_000,
        "headlines_only.txt": fixture("headlines_only.txt"), "french.txt": fixture("french.txt"),
        DUPLICATE: (seeds / SEEDS[0]).read_bytes(),
        NEAR_DUPLICATE: near_copy((seeds / SEEDS[3]).read_text(encoding="utf-8")).encode("utf-8"),
        HOSTILE[0]: HOSTILE_TXT.encode("utf-8"), HOSTILE[1]: HOSTILE_HTML.encode("utf-8"),
    }
    for name in ENCODED:
        files[name] = fixture(name.split("_", 1)[1])
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    with open(seeds / "huge.txt", "wb") as fh:
        fh.write(b"The council met again on Tuesday. " * (20 * 1024 * 1024 // 34 + 1))
    (dest / "outside.txt").write_bytes(fixture("utf8.txt"))
    (seeds / "link outside.txt").symlink_to(dest / "outside.txt")


def story_files(project: Path) -> dict[str, set[str]]:
    """slug -> the names of its source files, from each story's JSON beside its page."""
    out = {}
    for path in sorted((project / "content" / "stories").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["slug"]] = {Path(s["file"]).name for s in data["sources"]}
    return out


def slug_holding(project: Path, name: str) -> str:
    return next(slug for slug, files in story_files(project).items() if name in files)


def supports(page: str) -> list[str]:
    """Every "N of M sources" of a page, in order."""
    return re.findall(r"\b\d+ of \d+ sources?\b", page)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("robust") / "project", hostile=True)
    proc = subprocess.run([sys.executable, "-m", "generator", "generate", "--root", str(project), "-q"],
                          cwd=project, capture_output=True, text=True, timeout=600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MKDOCS")}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                           capture_output=True, text=True, env=env, timeout=300)
    return {"project": project, "code": proc.returncode, "err": proc.stderr, "build": build}


@pytest.fixture(scope="module")
def seed_stories(run, tmp_path_factory):
    """The seed story with the copies (from the run) and without them (seeds alone), in process.

    Both reuse the run's caches (parses and analyses are keyed by content), so no text is
    parsed again.
    """
    from generator.config import load_settings
    from generator.pipeline import build_stories

    cache = str(run["project"] / ".cache")
    base = make_project(tmp_path_factory.mktemp("robust") / "base", hostile=False)
    found = {}
    for key, root in (("with_copies", run["project"]), ("seeds_only", base)):
        local = replace(load_settings(root), cache_dir=cache)
        stories, _ = build_stories(local)
        found[key] = next(s for s in stories if SEEDS[0] in {Path(a.file).name for a in s.sources})
    found["settings"] = local
    return found


def test_exit_status_1_and_one_line_per_rejected_file(run):
    assert run["code"] == 1, run["err"]
    lines = run["err"].splitlines()
    assert "Traceback" not in run["err"]
    assert len(lines) == len(REJECTED), lines
    for name, reason in REJECTED.items():
        mine = [ln for ln in lines if ln.startswith(f"rejected seeds/{name}: ")]
        assert len(mine) == 1, (name, lines)
        assert mine[0].split(": ", 1)[1].startswith(reason), mine[0]


def test_every_other_file_is_processed(run):
    stories = story_files(run["project"])
    used = set().union(*stories.values())
    expected = set(SEEDS) | {DUPLICATE, NEAR_DUPLICATE, *ENCODED, *HOSTILE}
    assert used == expected
    assert not used & set(REJECTED)


def test_odd_encodings_decode_to_the_right_text(run):
    slug = slug_holding(run["project"], ENCODED[0])
    data = json.loads((run["project"] / "content" / "stories" / f"{slug}.json").read_text(encoding="utf-8"))
    texts = {Path(s["file"]).name: s["text"] for s in data["sources"]}
    for name in ENCODED:
        assert "Renée Dubois" in texts[name] and "£42 million" in texts[name], name
        assert "Ã" not in texts[name] and "\x00" not in texts[name], name
    assert texts["014_invalid_utf8.txt"].count("\ufffd") == 2  # corrupt bytes marked, not guessed


def test_copies_are_detected_and_not_counted_as_evidence(run, seed_stories):
    story = seed_stories["with_copies"]
    ids = {Path(a.file).name: a.source_id for a in story.sources}
    assert dict(story.copies) == {ids[DUPLICATE]: ids[SEEDS[0]], ids[NEAR_DUPLICATE]: ids[SEEDS[3]]}
    assert [Path(a.file).name for a in story.independent_sources] == SEEDS
    page = (run["project"] / "content" / "stories" / f"{story.slug}.md").read_text(encoding="utf-8")
    base = render.render_story(seed_stories["seeds_only"], seed_stories["settings"])
    counted = lambda text: [s.split(" of ")[0] for s in supports(text)]  # noqa: E731 - the N of "N of M"
    assert counted(base), "the seed page shows no counts"
    assert counted(page) == counted(base)


def test_n_of_m_counts_each_copy_once(run, seed_stories):
    """M in "N of M sources" is the number of independent sources: copies are one piece of evidence."""
    story = seed_stories["with_copies"]
    page = (run["project"] / "content" / "stories" / f"{story.slug}.md").read_text(encoding="utf-8")
    totals = {s.split(" of ")[1] for s in supports(page)}
    assert totals == {f"{len(SEEDS)} sources"}, totals


def test_seed_story_page_has_every_section(run):
    project = run["project"]
    page = (project / "content" / "stories" / f"{slug_holding(project, SEEDS[0])}.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", page, flags=re.M) == SECTIONS


def test_strict_build_passes(run):
    assert run["build"].returncode == 0, run["build"].stderr


def built(run, slug: str):
    return lhtml.fromstring((run["project"] / "site" / "stories" / slug / "index.html").read_bytes())


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_article_syntax_never_becomes_structure(run, name):
    assert run["build"].returncode == 0, run["build"].stderr
    doc = built(run, slug_holding(run["project"], name))
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr)
            if attr in ("href", "src", "action", "formaction", "srcset"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), value
        if el.tag == "script" and el.get("type") == "application/ld+json":
            assert "<" not in (el.text or ""), el.text  # the article's words as JSON data, never as markup
        elif el.tag == "script":
            assert el.get("src") or "pwned" not in (el.text or "")
    article = doc.xpath("//article")[0]
    assert not article.xpath(".//script|.//iframe|.//img|.//object|.//embed|.//style|.//b")
    headings = [" ".join(h.text_content().split()).rstrip("¶").strip() for h in article.xpath(".//h2|.//h3")]
    assert headings[:len(SECTIONS)] == SECTIONS and set(headings) <= set(SECTIONS), headings
    assert len(article.xpath(".//h1")) == 1
    cells = {" ".join(c.text_content().split()) for c in article.xpath(".//th|.//td")}
    assert not cells & {"Column A", "Column B", "repair cost", "---"}
    text = article.text_content()
    assert "pwned" in text or "{{" in text or "<b>" in text, "no hostile text reached the page: the test proves nothing"


def test_the_run_state_never_reads_outside_seeds_and_can_always_be_written(tmp_path):
    """What `generate` records about seeds/ (changes.seed_hashes, saved to .explainer/state.json,
    which is kept in Git) must follow the same rules as ingest: a symbolic link pointing outside
    the input folder is never read, and a file name that is not UTF-8 cannot crash the save."""
    from generator.config import load_settings
    from generator.publish import changes

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_ok.txt").write_bytes((FIXTURES / "utf8.txt").read_bytes())
    (tmp_path / "secret.txt").write_text("outside the input folder", encoding="utf-8")
    (seeds / "link.txt").symlink_to(tmp_path / "secret.txt")
    (seeds / os.fsdecode(b"002_caf\xe9.txt")).write_bytes(b"Latin-1 file name")
    hashes = changes.seed_hashes(load_settings(tmp_path))
    assert all(name.startswith("seeds/") for name in hashes), sorted(hashes)
    json.dumps(hashes, ensure_ascii=False).encode("utf-8")  # what save_state writes
