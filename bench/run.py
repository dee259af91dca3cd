"""The benchmark: cost of generate and build at 100, 300 and 1,000 articles, against floors.

    python bench/run.py [--sizes 100 300 1000] [--out bench/RESULTS.md]

Corpora are assembled from the real articles in seeds/ and tests/corpus/: each synthetic
story is one real event's articles with its proper names, numbers and years consistently
replaced, so stories differ the way real ones do while the prose stays real news prose.
Every step runs in its own process, timed by wall clock, peak memory from /usr/bin/time.

Floors, measured side by side in the same run:
- spaCy's own `nlp.pipe` over the same cleaned texts with the same model (generate's floor);
- a plain MkDocs Material build of the same Markdown with no generator, hooks or extras.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
PY = sys.executable

# Capitalised words that open sentences or are calendar words: never renamed.
KEEP = {
    "The", "This", "That", "These", "Those", "It", "In", "On", "At", "As", "For", "But", "And", "He", "She",
    "They", "We", "Mr", "Mrs", "Ms", "Dr", "What", "Why", "How", "When", "While", "After", "Before", "Since",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "However", "Although", "Despite", "According", "Some", "Many", "First", "Last", "Its", "Their", "His",
}
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "tor", "ba", "ne", "ru", "zan", "pol", "qui", "ta", "den"]


def pseudo_word(seed: str) -> str:
    h = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    parts = [SYLLABLES[(h >> (4 * i)) % len(SYLLABLES)] for i in range(2 + h % 2)]
    return "".join(parts).capitalize()


def events() -> list[list[Path]]:
    """The real events: the seed story, and each corpus folder except the digest page."""
    groups = [sorted((ROOT / "seeds").glob("*.txt"))]
    for folder in sorted((ROOT / "tests" / "corpus").iterdir()):
        if folder.is_dir() and folder.name != "tricky":
            groups.append(sorted(folder.glob("*.txt")))
    return [g for g in groups if g]


def vary(text: str, story: int) -> str:
    """Same prose, another story: proper names, numbers and years replaced consistently."""
    names = sorted({w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", text) if w not in KEEP})
    mapping = {w: pseudo_word(f"{story}:{w}") for w in names}
    if mapping:
        text = re.sub(r"\b(" + "|".join(map(re.escape, names)) + r")\b", lambda m: mapping[m.group(1)], text)
    text = re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(1900 + (int(m.group(0)) - 1900 + story % 7) % 130), text)
    return re.sub(r"\b(\d{1,3}(?:,\d{3})*)\b(?!\d)",
                  lambda m: f"{int(m.group(1).replace(',', '')) + story % 13:,}", text)


def build_corpus(size: int, dest: Path) -> int:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    evs, n, story = events(), 0, 0
    while n < size:
        for path in evs[story % len(evs)]:
            if n >= size:
                break
            raw = path.read_text(encoding="utf-8", errors="replace")
            (dest / f"{n:04d}_s{story:03d}_{path.stem[:20]}.txt").write_text(vary(raw, story), encoding="utf-8")
            n += 1
        story += 1
    return story


def make_project(dest: Path, seeds: Path) -> None:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "site_config"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    (dest / "content").mkdir()
    shutil.copytree(seeds, dest / "seeds")


@dataclass
class Step:
    seconds: float
    peak_mb: float
    output: str = ""


def run(cmd: list[str], cwd: Path) -> Step:
    """Run one step in its own process: wall time and peak RSS (children included)."""
    timefile = cwd / ".bench-time"
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(timefile), *cmd], cwd=cwd,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"step failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    try:
        peak_kb = float(timefile.read_text().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        peak_kb = 0.0
    return Step(seconds, peak_kb / 1024, proc.stdout + proc.stderr)


FLOOR_SCRIPT = r"""
import sys, json
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.nlp import load_model
texts = json.loads(Path(sys.argv[2]).read_text())
nlp = load_model()
n_process = int(sys.argv[3])
kwargs = {"batch_size": 16}
if n_process > 1:
    kwargs["n_process"] = n_process
for _ in nlp.pipe(texts, **kwargs):
    pass
"""


def cleaned_texts(project: Path) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from generator.config import load_settings
    from generator.pipeline import load_articles

    articles, _ = load_articles(load_settings(project))
    return [a.text for a in articles]


def plain_floor_site(project: Path, dest: Path) -> None:
    """The same Markdown pages, front matter stripped, in a plain Material site: the build floor."""
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "docs").mkdir(parents=True)
    for md in (project / "content").rglob("*.md"):
        target = dest / "docs" / md.relative_to(project / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = md.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[-1]
        target.write_text(text, encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        "site_name: Floor\ntheme:\n  name: material\n  font: false\n"
        "markdown_extensions: [footnotes, tables, admonition, attr_list, md_in_html, abbr]\n"
        "nav:\n  - index.md\n",
        encoding="utf-8",
    )


def site_pages(site: Path) -> tuple[int, int]:
    pages = [p for p in site.rglob("*.html") if "stories" in p.parts]
    return len(pages), sum(p.stat().st_size for p in pages)


def bench_size(size: int, n_process: int) -> dict:
    corpus = WORK / f"corpus-{size}"
    stories = build_corpus(size, corpus)
    project = WORK / f"project-{size}"
    make_project(project, corpus)
    settings = project / "site_config" / "settings.yaml"
    settings.write_text(settings.read_text() + f"\nn_process: {n_process}\n")
    explainer = [PY, "-m", "generator"]
    cold = run([*explainer, "generate", "--root", str(project)], ROOT)
    warm = run([*explainer, "generate", "--root", str(project)], ROOT)
    texts = cleaned_texts(project)
    words = sum(len(t.split()) for t in texts)
    texts_file = project / ".bench-texts.json"
    texts_file.write_text(json.dumps(texts))
    floor = run([PY, "-c", FLOOR_SCRIPT, str(ROOT), str(texts_file), str(n_process)], ROOT)
    # one new article: a fresh variant of a real article, in a story of its own
    extra = events()[1][0]
    (project / "seeds" / f"9999_new_{extra.stem[:20]}.txt").write_text(
        vary(extra.read_text(encoding="utf-8"), 9999), encoding="utf-8")
    one_new = run([*explainer, "generate", "--root", str(project)], ROOT)
    build = run([PY, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file",
                 str(project / "mkdocs.yml")], project)
    n_pages, page_bytes = site_pages(project / "site")
    floor_site = WORK / f"floor-site-{size}"
    plain_floor_site(project, floor_site)
    build_floor = run([PY, "-m", "mkdocs", "build", "--quiet", "--config-file", str(floor_site / "mkdocs.yml")],
                      floor_site)
    n_md = len(list((project / "content").rglob("*.md")))
    return {
        "articles": size, "stories": stories, "words": words, "pages": n_md,
        "cold": cold, "warm": warm, "floor": floor, "one_new": one_new,
        "build": build, "build_floor": build_floor,
        "story_pages": n_pages, "bytes_per_page": page_bytes / max(n_pages, 1),
    }


def report(results: list[dict], n_process: int) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python bench/run.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        f"n_process={n_process}. Each step is its own process; times are wall clock, memory is peak RSS.",
        "",
        "| articles | stories | words | generate cold (s) | words/s | spaCy floor (s) | cold / floor "
        "| warm (s) | warm / cold | +1 article (s) | build (s) | build s/page | plain build (s) "
        "| build / plain | KB per story page | peak MB gen / floor / build |",
        "|" + "---|" * 16,
    ]
    for r in results:
        pages = max(r["pages"], 1)
        lines.append(
            f"| {r['articles']} | {r['stories']} | {r['words']} | {r['cold'].seconds:.1f} "
            f"| {r['words'] / r['cold'].seconds:.0f} | {r['floor'].seconds:.1f} "
            f"| {r['cold'].seconds / r['floor'].seconds:.2f} | {r['warm'].seconds:.2f} "
            f"| {r['warm'].seconds / r['cold'].seconds:.1%} | {r['one_new'].seconds:.2f} "
            f"| {r['build'].seconds:.1f} | {r['build'].seconds / pages:.3f} | {r['build_floor'].seconds:.1f} "
            f"| {r['build'].seconds / r['build_floor'].seconds:.2f} | {r['bytes_per_page'] / 1024:.1f} "
            f"| {r['cold'].peak_mb:.0f} / {r['floor'].peak_mb:.0f} / {r['build'].peak_mb:.0f} |"
        )
    if len(results) >= 2:
        small, big = results[0], results[-1]
        per_small = small["build"].seconds / max(small["pages"], 1)
        per_big = big["build"].seconds / max(big["pages"], 1)
        lines += ["", f"Build time per page at {big['articles']} vs {small['articles']} articles: "
                  f"{per_big / per_small:.2f}x; bytes per story page: "
                  f"{big['bytes_per_page'] / max(small['bytes_per_page'], 1):.2f}x."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        print(f"benchmarking {size} articles...", file=sys.stderr, flush=True)
        results.append(bench_size(size, args.n_process))
        Path(args.out).write_text(report(results, args.n_process), encoding="utf-8")
    print(Path(args.out).read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
