"""The safety cases: no inputs changes nothing; a draft publishes nothing of itself; a locked
page's hubs and JSON stay the locked page's, and status says when it is behind; stopping
`explainer serve` stops its server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from generator import pipeline
from generator.cli import main
from generator.publish.status import collect
from tests.paths import ROOT
from tests.publish.fake import add_article, page, project  # noqa: F401  (fixture)


def tree(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("seeds", ["nosuchdir", "empty"])
def test_a_missing_or_empty_seeds_folder_is_an_error_and_changes_nothing(project, capsys, seeds):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    (settings.root / "empty").mkdir()
    (settings.root / "empty" / ".hidden").write_text("x", encoding="utf-8")
    before = tree(settings.root)
    code = main(["generate", "--root", str(settings.root), "--seeds", str(settings.root / seeds), "-q"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and seeds in err and "nothing was changed" in err
    assert tree(settings.root) == before


def test_a_draft_publishes_nothing_of_itself(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    page(settings).write_text(text.replace("title:", "status: draft\ntitle:", 1), encoding="utf-8")
    pipeline.generate(settings)
    content = settings.content_path
    assert page(settings).is_file()  # previewed by `explainer serve`
    for rel in ("index.md", "archive.md", "timeline.md", "actors/index.md"):
        assert "city-budget" not in (content / rel).read_text(encoding="utf-8"), rel
    assert not (content / "actors" / "city-council.md").exists()
    # (the build guard leaves the page and its JSON out of `mkdocs build`: test_build_guard.py)


def test_a_locked_pages_json_and_hubs_stay_the_locked_page_and_status_says_it_is_behind(project):  # noqa: F811
    settings = project
    pipeline.generate(settings)
    text = page(settings).read_text(encoding="utf-8")
    locked = text.replace("title:", "lock: true\ntitle:", 1).replace(
        "# Council approves city budget { #headline }", "# Council budget: our account { #headline }")
    page(settings).write_text(locked, encoding="utf-8")
    add_article(settings, "002_wire.txt")
    pipeline.generate(settings)
    assert page(settings).read_text(encoding="utf-8") == locked
    data = json.loads((settings.content_path / "stories/city-budget.json").read_text(encoding="utf-8"))
    assert data["headline"] == "Council budget: our account"  # the locked page's edit reaches its JSON
    assert [s["file"] for s in data["sources"]] == ["seeds/000_council.txt", "seeds/001_paper.txt"]  # not the new one
    index = (settings.content_path / "index.md").read_text(encoding="utf-8")
    assert "Council budget: our account" in index and "2 sources" in index
    row = {p.page: p for p in collect(settings).pages}["stories/city-budget.md"]
    assert row.locked and row.behind == "1 new source, 1 new point"
    assert main(["status", "--root", str(settings.root)]) == 0
    # unlocked: the page takes what it missed, and keeps the edit made while it was locked
    page(settings).write_text(locked.replace("lock: true\n", ""), encoding="utf-8")
    pipeline.generate(settings)
    now = page(settings).read_text(encoding="utf-8")
    assert "# Council budget: our account" in now and "Protesters gathered" in now


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_sigterm_to_serve_stops_its_mkdocs_server(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Serve test\ndocs_dir: content\n", encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(tmp_path),
                             "--dev-addr", f"127.0.0.1:{port}"], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), "the MkDocs server still holds the port"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
