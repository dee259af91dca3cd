"""Two generate runs at once: the second stops at once with LockHeld (exit 4)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from generator import pipeline
from generator.cli import main
from generator.config import load_settings
from generator.errors import LockHeld
from generator.store.lock import content_lock, lock_path
from tests.publish.fake import project  # noqa: F401  (fixture)


def test_second_holder_is_refused_with_a_clear_message(tmp_path):
    settings = load_settings(tmp_path)
    with content_lock(settings):
        with pytest.raises(LockHeld, match=r"\.explainer\.lock: another `explainer generate` is running \(pid \d+\)"):
            with content_lock(settings):
                pass
    with content_lock(settings) as path:  # released on exit, reusable
        assert path == tmp_path / ".explainer.lock"


def test_generate_while_locked_exits_4_and_writes_nothing(project, capsys):  # noqa: F811
    settings = project
    with content_lock(settings):
        code = main(["generate", "--root", str(settings.root), "-q"])
    assert code == 4
    assert "another `explainer generate` is running" in capsys.readouterr().err
    assert not settings.content_path.exists()
    pipeline.generate(settings)
    assert settings.content_path.is_dir()


def test_lock_held_by_another_process(tmp_path):
    settings = load_settings(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from generator.config import load_settings
        from generator.store.lock import content_lock
        with content_lock(load_settings(Path({str(tmp_path)!r}))):
            print("held", flush=True)
            sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {holder.pid}"):
            with content_lock(settings):
                pass
    finally:
        holder.communicate("\n", timeout=30)
    with content_lock(settings):  # the OS released it when the holder exited
        assert lock_path(settings).is_file()
