"""Same input, byte-identical output: across hash seeds, file-system orders and reruns."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT, corpus_files, needs_corpus


def make_project(dest: Path, reverse: bool) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "site_config"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy(src, dest / name)
    (dest / "content").mkdir()
    (dest / "seeds").mkdir()
    seeds = sorted((ROOT / "seeds").iterdir(), reverse=reverse)
    for f in seeds:  # creation order decides directory order on most file systems
        shutil.copy(f, dest / "seeds" / f.name)
    return dest


def run(project: Path, hash_seed: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    return subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(project), "-q"],
                          cwd=project, env=env, capture_output=True, text=True)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_runs_are_byte_identical(tmp_path):
    a = make_project(tmp_path / "a", reverse=False)
    b = make_project(tmp_path / "b", reverse=True)
    ea, eb = run(a, "1", "export"), run(b, "4242", "export")
    assert ea.returncode == 0, ea.stderr
    assert ea.stdout == eb.stdout
    ga, gb = run(a, "7", "generate"), run(b, "99", "generate")
    assert ga.returncode == gb.returncode == 0, ga.stderr + gb.stderr
    assert tree(a / "content") == tree(b / "content")
    assert tree(a / "content"), "nothing was generated"
    # a rerun over an unchanged tree changes nothing (warm cache)
    before = tree(a / "content")
    assert run(a, "3", "generate").returncode == 0
    assert tree(a / "content") == before


@pytest.mark.slow
@needs_corpus
def test_one_or_two_processes_give_the_same_pages(tmp_path):
    """Two analysis workers and stories composed in two processes write what one process writes."""
    projects = []
    for n in (1, 2):
        project = make_project(tmp_path / f"n{n}", reverse=n == 2)
        for path in corpus_files():  # > one batch, several stories
            shutil.copy(path, project / "seeds" / f"{path.parent.name}__{path.name}")
        with (project / "site_config" / "settings.yaml").open("a", encoding="utf-8") as fh:
            fh.write(f"\nn_process: {n}\n")
        result = run(project, str(n), "generate")
        assert result.returncode in (0, 1), result.stderr  # 1: the roundup page is set aside
        projects.append(project)
    one, two = (tree(p / "content") for p in projects)
    assert one == two
    assert sum(rel.startswith("stories/") and rel.endswith(".md") for rel in one) >= 5


@pytest.mark.slow
def test_with_every_speed_up_off_the_libraries_write_the_same_pages(tmp_path):
    """The hand-written speed-ups (generator/speedups) change how fast, never what: with the
    `speedups` setting empty, spaCy's DocBin and stop words, dateparser and in-process parsing
    give byte-identical pages and parse caches that read back the same."""
    fast, plain = make_project(tmp_path / "fast", reverse=False), make_project(tmp_path / "plain", reverse=False)
    with (plain / "site_config" / "settings.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\nspeedups: []\n")
    for project in (fast, plain):
        result = run(project, "1", "generate")
        assert result.returncode == 0, result.stderr
    assert tree(fast / "content") == tree(plain / "content") and tree(fast / "content")
