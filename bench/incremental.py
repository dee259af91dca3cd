"""One new article into the full real corpus: how long until the site's pages are regenerated.

    python bench/incremental.py [--runs 5] [--out bench/INCREMENTAL.md]

The corpus is every real article we have: seeds/ plus ../shared/corpus/ (the five events and
the roundup page), about thirty files in one project. Each run holds one article out,
generates (so every cache is warm), puts the article back and times `explainer generate`
in its own process, start-up and imports included, as an editor would run it. The article
put back is a different one each run and its text is new each time (one sentence added),
so its parse is never in the cache: the run loads spaCy and parses, as a real new article does.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from evaluation.run import shared_dir  # noqa: E402

CORPUS = shared_dir(ROOT) / "corpus"  # real articles beside the project, never copied into it
sys.path.insert(0, str(ROOT / "bench"))
from run import snapshot_code  # noqa: E402  (the same frozen copy of the code as the main benchmark)

WORK = ROOT / "bench" / "work" / "incremental"
PY = sys.executable


def make_project(dest: Path) -> list[Path]:
    """A project holding seeds/ and every corpus article (prefixed by event); returns the inputs."""
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "content").mkdir(parents=True)
    shutil.copytree(ROOT / "site_config", dest / "site_config")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    seeds = dest / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for path in sorted(CORPUS.glob("*/*.txt")):
        shutil.copy(path, seeds / f"{path.parent.name}__{path.name}")
    return sorted(seeds.iterdir())


def with_new_sentence(text: str, run: int) -> str:
    """The text with one more sentence in its longest paragraph (body text, never boilerplate)."""
    lines = text.split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[k] = f"{lines[k].rstrip()} Officials said the talks would resume within {run + 2} weeks."
    return "\n".join(lines)


def generate(project: Path, code: Path) -> tuple[float, str]:
    """Seconds, and the run's progress lines."""
    start = time.perf_counter()
    proc = subprocess.run([PY, "-m", "generator", "generate", "--root", str(project)],
                          cwd=code, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: the roundup page is set aside, as it should be
        raise SystemExit(f"generate failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds, proc.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "INCREMENTAL.md")
    args = parser.parse_args()
    project = WORK / "project"
    inputs = make_project(project)
    code = snapshot_code(WORK / "code")
    cold, _ = generate(project, code)
    times = []
    for run in range(args.runs):
        article = inputs[(run * 7) % len(inputs)]  # a different article, and event, each run
        text = article.read_text(encoding="utf-8")
        article.unlink()
        generate(project, code)  # the desk before the article arrived: every cache warm
        article.write_text(with_new_sentence(text, run), encoding="utf-8")
        seconds, log = generate(project, code)
        if "analysed 1 articles" not in log:  # the sentence fell in a line cleaning removes
            print(f"run {run + 1}: {article.name} added, but its text did not change: not counted")
            continue
        times.append(seconds)
        print(f"run {run + 1}: {article.name} added, regenerated in {seconds:.2f} s", flush=True)
    lines = [
        "# One new article into the full corpus",
        "",
        f"Written by `python bench/incremental.py` on {time.strftime('%Y-%m-%d')}: {len(inputs)} real articles "
        "(seeds/ and ../shared/corpus/), each run adds one back (new text, so it is parsed) and times "
        "`explainer generate` in its own process. Target (issue 6): under 3 s.",
        "",
        "| articles | cold generate (s) | +1 article, median (s) | min (s) | max (s) | runs |",
        "|---|---|---|---|---|---|",
        f"| {len(inputs)} | {cold:.1f} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} "
        f"| {len(times)} |",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
