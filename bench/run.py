"""The benchmark: cost of generate and build at 100, 300 and 1,000 articles, against floors.

    python bench/run.py [--sizes 100 300 1000] [--out bench/RESULTS.md]

Corpora are assembled from the real articles in seeds/ and ../shared/corpus/: each synthetic
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
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from evaluation.run import shared_dir  # noqa: E402

CORPUS = shared_dir(ROOT) / "corpus"  # real articles beside the project, never copied into it
WORK = ROOT / "bench" / "work"
PY = sys.executable

# Capitalised words kept as they are: calendar words and the common words of titles and
# institutions ("Foreign Minister", "Central Bank"), so roles still read as roles.
KEEP = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Sept", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "President", "Prime", "Minister", "Ministry", "Foreign", "Secretary", "General", "Chief", "Director",
    "Governor", "Senator", "Spokesman", "Spokesperson", "Department", "Agency", "Bank", "Government",
    "Council", "Parliament", "Court", "Police", "Army", "Forces", "National", "International", "Federal",
    "State", "United", "Nations", "Union", "North", "South", "East", "West", "Northern", "Southern",
    "Eastern", "Western", "Central", "Republic", "Kingdom", "Institute", "University", "Organisation",
    "Organization", "Research", "Space", "Deputy", "Special", "Envoy", "Embassy", "Committee", "Office",
    "Mayor", "Premier", "Chancellor", "King", "Queen", "Pope", "Judge", "Justice", "Commissioner",
    "Ambassador", "Spokeswoman", "Captain", "Colonel", "General", "Professor", "Doctor", "Officer",
}
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "tor", "ba", "ne", "ru", "zan", "pol", "qui", "ta", "den"]
MONTHS = ("Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July"
          "|August|September|October|November|December")
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
# One pass over everything numeric, dates first: only the year of a date changes, so every
# date stays a valid date; times, slashed dates and days of the month are left alone.
NUMERIC = re.compile(
    r"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-\d\d-\d\d\b)"
    rf"|(?P<keep>\b\d{{1,2}}:\d\d\b|\b\d+(?:/\d+)+\b|\b(?:{MONTHS})\.? \d{{1,2}}\b|\b\d{{1,2}} (?:{MONTHS})\b)"
    r"|(?P<year>\b(?:19|20)\d\d\b)"
    r"|(?P<num>(?<![\d.,])\b\d{1,3}(?:,\d{3})*\b(?![,.]?\d))"
)


def pseudo_word(seed: str) -> str:
    h = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    parts = [SYLLABLES[(h >> (4 * i)) % len(SYLLABLES)] for i in range(2 + h % 2)]
    return "".join(parts).capitalize()


def events() -> list[list[Path]]:
    """The real events: the seed story, and each corpus folder except the digest page."""
    groups = [sorted((ROOT / "seeds").glob("*.txt"))]
    for folder in sorted(CORPUS.iterdir()) if CORPUS.is_dir() else ():  # without ../shared: the seeds only
        if folder.is_dir() and folder.name != "tricky":
            groups.append(sorted(folder.glob("*.txt")))
    return [g for g in groups if g]


def _is_title_line(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.5


def proper_names(text: str) -> list[str]:
    """Capitalised words used mid-sentence in running text: names, not sentence openers."""
    names: set[str] = set()
    for line in text.splitlines():
        if _is_title_line(line):
            continue
        for m in NAME.finditer(line):
            before = line[:m.start()].rstrip()
            if before and before[-1] not in ".!?:\"“‘'(" and m.group(0) not in KEEP:
                names.add(m.group(0))
    return sorted(names)


def name_mapping(names: list[str], story: int) -> dict[str, str]:
    """Each name gets its own pseudo-name (no two names merge), the same in all of a story's articles."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        salt, word = 0, pseudo_word(f"{story}:{name}")
        while word in used or word in KEEP:
            salt += 1
            word = pseudo_word(f"{story}:{name}:{salt}")
        used.add(word)
        mapping[name] = word
    return mapping


def _shift_numbers(text: str, story: int, year_shift: int) -> str:
    def sub(m: re.Match) -> str:
        if m.group("iso"):
            return str(int(m.group("iy")) + year_shift) + m.group("iso")[4:]
        if m.group("year"):
            return str(int(m.group("year")) + year_shift)
        if m.group("num"):
            return f"{int(m.group('num').replace(',', '')) + story % 13:,}"
        return m.group(0)

    return NUMERIC.sub(sub, text)


def vary(text: str, story: int, names: list[str] | None = None, year_shift: int = 0) -> str:
    """Same prose, another story: proper names, numbers and years replaced consistently.

    `names` (default: the text's own) lets all articles of a story share one mapping;
    `year_shift` moves every year (dates stay valid dates).
    """
    names = proper_names(text) if names is None else names
    mapping = name_mapping(names, story)
    if mapping:
        pattern = r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b"
        text = re.sub(pattern, lambda m: mapping[m.group(1)], text)
    return _shift_numbers(text, story, year_shift)


def build_corpus(size: int, dest: Path) -> int:
    """`size` articles in `dest`: real events over and over, each time with new names and numbers.

    Returns the number of synthetic stories (a story is one pass over one real event). Each
    new pass over an event moves its years one further back: the copies share their prose,
    so only their dates (further apart than the clustering window) keep them separate stories.
    """
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    evs, n, story = events(), 0, 0
    while n < size:
        paths = evs[story % len(evs)]
        raws = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
        names = sorted({w for raw in raws for w in proper_names(raw)})
        for path, raw in zip(paths, raws):
            if n >= size:
                break
            text = vary(raw, story, names, year_shift=-(story // len(evs)))
            (dest / f"{n:04d}_s{story:03d}_{path.stem[:20]}.txt").write_text(text, encoding="utf-8")
            n += 1
        story += 1
    return story


def new_article(stories: int) -> tuple[str, str]:
    """One more article (file name, text): a fresh variant of a real one, in a story of its own."""
    evs = events()
    path = evs[1 % len(evs)][0]
    raw = path.read_text(encoding="utf-8", errors="replace")
    text = vary(raw, stories, proper_names(raw), year_shift=-(stories // len(evs) + 1))
    return f"9999_new_{path.stem[:20]}.txt", text


def snapshot_code(dest: Path) -> Path:
    """Copy the generator and the site config once: every step of the run measures the same code.

    Other people may edit the checkout during a long run; the caches are keyed by the code, so
    an edit between the cold and the warm step would otherwise make the warm step cold.
    """
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "generator", dest / "generator", ignore=ignore)
    shutil.copytree(ROOT / "site_config", dest / "site_config", ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def make_project(dest: Path, seeds: Path, code: Path) -> None:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copytree(code / "site_config", dest / "site_config")
    shutil.copy(code / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "content").mkdir()
    shutil.copytree(seeds, dest / "seeds")


@dataclass
class Step:
    seconds: float
    peak_mb: float
    output: str = ""


def run(cmd: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> Step:
    """Run one step in its own process: wall time and peak RSS (of its largest process)."""
    timefile = cwd / ".bench-time"
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(timefile), *cmd], cwd=cwd,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"step failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    try:
        peak_kb = float(timefile.read_text().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        peak_kb = 0.0
    return Step(seconds, peak_kb / 1024, proc.stdout + proc.stderr)


# The floor: the same model and pipeline the generator loads, over the same texts, nothing else.
FLOOR_SCRIPT = r"""
import sys, json
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.nlp.model import load_model
texts = json.loads(Path(sys.argv[2]).read_text())
nlp = load_model()
n_process = int(sys.argv[3])
kwargs = {"batch_size": int(sys.argv[4])}
if n_process > 1:
    kwargs["n_process"] = n_process
for _ in nlp.pipe(texts, **kwargs):
    pass
"""


def cleaned_texts(project: Path, code: Path) -> list[str]:
    """The texts generate parses (after cleaning), read through the snapshot's own code."""
    script = ("import sys, json; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
              "from generator.config import load_settings; from generator.pipeline import load_articles; "
              "arts, _ = load_articles(load_settings(Path(sys.argv[2]))); print(json.dumps([a.text for a in arts]))")
    proc = subprocess.run([PY, "-c", script, str(code), str(project)], cwd=code, capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout)


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
        "nav:\n  - index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n  links:\n    not_found: ignore\n"
        "    unrecognized_links: ignore\n    anchors: ignore\n",
        encoding="utf-8",
    )


def site_pages(site: Path) -> tuple[int, int]:
    pages = [p for p in site.rglob("*.html") if "stories" in p.relative_to(site).parts]
    return len(pages), sum(p.stat().st_size for p in pages)


def first_story_bytes(project: Path) -> int:
    """Built size of the page of the corpus's first story, the same story at every size.

    Its content does not depend on the corpus size, so any growth is the site's chrome
    (a navigation listing every story would show here first).
    """
    registry = json.loads((project / ".explainer" / "stories.json").read_text(encoding="utf-8"))
    slug = next(slug for slug, files in sorted(registry.items()) if any("/0000_s000_" in f for f in files))
    return (project / "site" / "stories" / slug / "index.html").stat().st_size


def fastest(steps: list[Step]) -> Step:
    """The quickest of repeated runs (noise only ever adds time), with the highest peak memory."""
    return Step(min(s.seconds for s in steps), max(s.peak_mb for s in steps))


def median(steps: list[Step]) -> Step:
    return Step(statistics.median(s.seconds for s in steps), max(s.peak_mb for s in steps))


def bench_size(size: int, n_process: int, batch_size: int, code: Path, repeat: int = 2, new_runs: int = 5) -> dict:
    """Every figure for one corpus size.

    Cold runs and floors alternate, `repeat` times each, and the quickest of each counts: on a
    shared machine a slow spell then falls on both sides of the ratio, not on one. Each of
    `new_runs` one-article updates adds a different new article (so it is parsed), is timed,
    then taken out again (untimed) so that the next one also goes into `size` articles; the
    median counts.
    """
    corpus = WORK / f"corpus-{size}"
    stories = build_corpus(size, corpus)
    project = WORK / f"project-{size}"
    generate = [PY, "-m", "generator", "generate", "--root", str(project)]
    texts_file = WORK / f"texts-{size}.json"
    colds, floors = [], []
    for k in range(repeat):
        make_project(project, corpus, code)
        settings = project / "site_config" / "settings.yaml"
        settings.write_text(settings.read_text() + f"\nn_process: {n_process}\n")
        colds.append(run(generate, code, ok=(0, 1)))
        if k == 0:
            texts = cleaned_texts(project, code)
            texts_file.write_text(json.dumps(texts))
        floors.append(run([PY, "-c", FLOOR_SCRIPT, str(code), str(texts_file), str(n_process), str(batch_size)], code))
    warm = fastest([run(generate, code, ok=(0, 1)) for _ in range(repeat)])
    news = []
    for k in range(new_runs):
        name, text = new_article(stories + k)
        path = project / "seeds" / name
        path.write_text(text, encoding="utf-8")
        news.append(run(generate, code, ok=(0, 1)))
        if k + 1 < new_runs:  # back to `size` articles for the next one (the last stays, for the build)
            path.unlink()
            run(generate, code, ok=(0, 1))
    build = run([PY, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file",
                 str(project / "mkdocs.yml")], project)
    n_pages, page_bytes = site_pages(project / "site")
    floor_site = WORK / f"floor-site-{size}"
    plain_floor_site(project, floor_site)
    build_floor = run([PY, "-m", "mkdocs", "build", "--quiet", "--config-file", str(floor_site / "mkdocs.yml")],
                      floor_site)
    return {
        "articles": size, "stories": stories, "words": sum(len(t.split()) for t in texts),
        "pages": len(list((project / "content").rglob("*.md"))),
        "cold": fastest(colds), "warm": warm, "floor": fastest(floors), "one_new": median(news),
        "one_new_max": max(s.seconds for s in news), "new_runs": new_runs, "repeat": repeat,
        "build": build, "build_floor": build_floor,
        "story_pages": n_pages, "bytes_per_page": page_bytes / max(n_pages, 1),
        "first_story_bytes": first_story_bytes(project),
    }


def generate_table(results: list[dict]) -> list[str]:
    lines = [
        "| articles | stories (corpus / pages) | words | cold (s) | words/s | spaCy floor (s) | cold / floor "
        "| warm (s) | warm / cold | +1 article (s), median (max) | peak MB cold / warm / +1 / floor |",
        "|" + "---|" * 11,
    ]
    for r in results:
        cold, warm, new, floor = r["cold"], r["warm"], r["one_new"], r["floor"]
        lines.append(
            f"| {r['articles']} | {r['stories']} / {r['story_pages']} | {r['words']} | {cold.seconds:.1f} "
            f"| {r['words'] / cold.seconds:.0f} | {floor.seconds:.1f} | {cold.seconds / floor.seconds:.2f} "
            f"| {warm.seconds:.2f} | {warm.seconds / cold.seconds:.1%} | {new.seconds:.2f} ({r['one_new_max']:.2f}) "
            f"| {cold.peak_mb:.0f} / {warm.peak_mb:.0f} / {new.peak_mb:.0f} / {floor.peak_mb:.0f} |")
    return lines


def build_table(results: list[dict]) -> list[str]:
    lines = [
        "| articles | pages | build (s) | ms per page | plain build (s) | build / plain | KB per story page "
        "| KB first story page | peak MB build / plain |",
        "|" + "---|" * 9,
    ]
    for r in results:
        build, plain, pages = r["build"], r["build_floor"], max(r["pages"], 1)
        lines.append(
            f"| {r['articles']} | {r['pages']} | {build.seconds:.1f} | {1000 * build.seconds / pages:.0f} "
            f"| {plain.seconds:.1f} | {build.seconds / plain.seconds:.2f} | {r['bytes_per_page'] / 1024:.1f} "
            f"| {r['first_story_bytes'] / 1024:.1f} | {build.peak_mb:.0f} / {plain.peak_mb:.0f} |")
    return lines


def targets(results: list[dict]) -> list[str]:
    """Each target of the issue, with the figure measured in this run."""
    big, small = results[-1], results[0]
    per_page = [r["build"].seconds / max(r["pages"], 1) for r in (small, big)]
    rows = [
        ("generate cold / spaCy floor", f"{big['cold'].seconds / big['floor'].seconds:.2f}", "<= 1.3",
         big["cold"].seconds / big["floor"].seconds <= 1.3),
        ("warm / cold", f"{big['warm'].seconds / big['cold'].seconds:.1%}", "<= 5%",
         big["warm"].seconds / big["cold"].seconds <= 0.05),
        (f"one new article into {big['articles']} (median of {big['new_runs']})", f"{big['one_new'].seconds:.2f} s", "< 3 s",
         big["one_new"].seconds < 3),
        (f"build time per page, {big['articles']} vs {small['articles']}", f"{per_page[1] / per_page[0]:.2f}x",
         "<= 1.2x", per_page[1] / per_page[0] <= 1.2),
        (f"bytes of the first story's page, {big['articles']} vs {small['articles']}",
         f"{big['first_story_bytes'] / max(small['first_story_bytes'], 1):.3f}x", "1.0x",
         abs(big["first_story_bytes"] / max(small["first_story_bytes"], 1) - 1) <= 0.02),
        (f"mean bytes per story page, {big['articles']} vs {small['articles']}",
         f"{big['bytes_per_page'] / max(small['bytes_per_page'], 1):.2f}x", "not growing",
         big["bytes_per_page"] / max(small["bytes_per_page"], 1) <= 1.1),
        ("build / plain MkDocs build", f"{big['build'].seconds / big['build_floor'].seconds:.2f}", "<= 1.3",
         big["build"].seconds / big["build_floor"].seconds <= 1.3),
        (f"peak memory at {big['articles']} articles", f"{max(s.peak_mb for s in _steps(big)):.0f} MB",
         "< 1536 MB", max(s.peak_mb for s in _steps(big)) < 1536),
    ]
    return ["| target | measured | goal | met |", "|---|---|---|---|"] + [
        f"| {name} | {value} | {goal} | {'yes' if met else '**no**'} |" for name, value, goal, met in rows]


def _steps(r: dict) -> list[Step]:
    return [r[k] for k in ("cold", "warm", "one_new", "floor", "build", "build_floor")]


def report(results: list[dict], n_process: int, batch_size: int) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python bench/run.py` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, "
        f"n_process={n_process}, batch_size={batch_size}. Each step is its own process (start-up and imports "
        "included); times are wall clock, memory is the peak RSS of the step's largest process. "
        f"Cold, floor and warm: the quickest of {results[-1]['repeat']} runs (cold runs and floors alternate); "
        f"+1 article: the median of {results[-1]['new_runs']} runs, each adding a different article. "
        "See bench/README.md for what each column means.",
        "",
        "## Generate",
        "",
        *generate_table(results),
        "",
        "## Build (`mkdocs build --strict`)",
        "",
        *build_table(results),
        "",
        "## Targets",
        "",
        *targets(results),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--n-process", type=int, default=2, help="spaCy processes, generate and floor alike")
    parser.add_argument("--batch-size", type=int, default=16, help="the floor's nlp.pipe batch size")
    parser.add_argument("--repeat", type=int, default=2, help="cold runs and floors, alternating; the quickest counts")
    parser.add_argument("--new-runs", type=int, default=5, help="one-article updates timed; the median counts")
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()
    code = snapshot_code(WORK / "code")
    results = []
    for size in sorted(args.sizes):
        print(f"benchmarking {size} articles...", file=sys.stderr, flush=True)
        results.append(bench_size(size, args.n_process, args.batch_size, code, args.repeat, args.new_runs))
        Path(args.out).write_text(report(results, args.n_process, args.batch_size), encoding="utf-8")
    print(Path(args.out).read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
