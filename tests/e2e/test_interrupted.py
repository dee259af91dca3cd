"""A real `generate` killed (SIGKILL: no cleanup runs) at several points of its run.

Kill points are found without any test hook in production code: fixed fractions of a
measured run, and the first moment the run's own files show it is staging pages or renaming
them (polled every half millisecond). After each kill:

- an editor's own page in content/ is untouched;
- content/ (what MkDocs reads: dot files aside) is the old tree or the new one byte for byte,
  and if the kill left a journal, completing it (what the next run does first) gives the new one;
- the next `generate` takes the lock (the OS freed it), completes, and yields exactly the tree
  of an uninterrupted run, with no staged file or journal left behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.config import load_settings
from generator.publish.write import STAGED_SUFFIX, journal_path, recover
from tests.paths import ROOT

pytestmark = pytest.mark.slow

SEEDS = sorted(p.name for p in (ROOT / "seeds").iterdir() if not p.name.startswith("."))
EDITOR_PAGE = "about.md"
EDITOR_TEXT = "# About\n\nWritten by an editor; no run may touch it.\n"


def make_project(dest: Path, seeds: list[str]) -> Path:
    dest.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", dest / "site_config", ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "seeds").mkdir()
    for name in seeds:
        shutil.copy(ROOT / "seeds" / name, dest / "seeds" / name)
    (dest / "content").mkdir()
    (dest / "content" / EDITOR_PAGE).write_text(EDITOR_TEXT, encoding="utf-8")
    return dest


def start(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "generate", "--root", str(project), "-q"],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def tree(folder: Path) -> dict[str, bytes]:
    """What MkDocs reads: every file whose path has no dot-named part."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)}


def leftovers(project: Path) -> list[str]:
    """Staged pages, temporary files and a journal a finished run must not leave behind."""
    found = [p for folder in (project / "content", project / ".explainer")
             for pattern in (f".*{STAGED_SUFFIX}", ".*.tmp*", "journal.json") for p in folder.rglob(pattern)]
    return sorted(p.relative_to(project).as_posix() for p in found)


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """The project after a run on four seeds (old), and the tree one more seed makes (new)."""
    tmp = tmp_path_factory.mktemp("interrupted")
    old = make_project(tmp / "old", SEEDS[:-1])
    first = subprocess.run([sys.executable, "-m", "generator", "generate", "--root", str(old), "-q"],
                           cwd=old, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    ref = copy_with_new_seed(old, tmp / "ref")
    began = time.monotonic()
    proc = start(ref)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    new_tree = tree(ref / "content")
    assert new_tree != tree(old / "content") and EDITOR_PAGE in new_tree
    return {"tmp": tmp, "old": old, "old_tree": tree(old / "content"), "new_tree": new_tree,
            "duration": time.monotonic() - began}


def copy_with_new_seed(old: Path, dest: Path) -> Path:
    shutil.copytree(old, dest, symlinks=True)  # content/, .explainer/ state and the warm caches
    shutil.copy(ROOT / "seeds" / SEEDS[-1], dest / "seeds" / SEEDS[-1])
    return dest


def staged_files(project: Path) -> list[Path]:
    return [p for folder in (project / "content", project / ".explainer")
            for p in folder.rglob(f".*{STAGED_SUFFIX}")]


def kill_when(proc: subprocess.Popen, project: Path, point: str, duration: float) -> str:
    """SIGKILL the run at a fraction of a full run's time, or when its files show a phase.

    Returns what was seen at the kill, for the failure messages.
    """
    deadline = time.monotonic() + (float(point) * duration if point[0].isdigit() else 300)
    journal = project / ".explainer" / "journal.json"
    while proc.poll() is None and time.monotonic() < deadline:
        if point == "staging" and staged_files(project):
            break
        if point == "renaming" and journal.exists():
            break
        time.sleep(0.0005)
    seen = "finished before the kill" if proc.poll() is not None else \
        f"killed with journal={journal.exists()} staged={len(staged_files(project))}"
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    return seen


@pytest.mark.parametrize("point", ["0.4", "0.8", "staging", "renaming"])
def test_killed_run_leaves_old_or_new_tree_and_the_next_run_completes(states, point):
    project = copy_with_new_seed(states["old"], states["tmp"] / f"killed-{point}")
    seen = kill_when(start(project), project, point, states["duration"])
    content = project / "content"
    assert (content / EDITOR_PAGE).read_text(encoding="utf-8") == EDITOR_TEXT
    settings = load_settings(project)
    if not journal_path(settings).exists():
        assert tree(content) in (states["old_tree"], states["new_tree"]), f"mixed tree after a kill at {point}: {seen}"
    recover(settings)  # what the next run does first: finish a journalled commit, drop stray staging
    assert tree(content) in (states["old_tree"], states["new_tree"]), f"mixed tree after recovering at {point}: {seen}"
    again = subprocess.run([sys.executable, "-m", "generator", "generate", "--root", str(project), "-q"],
                           cwd=project, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert tree(content) == states["new_tree"], seen
    assert leftovers(project) == [], seen
