"""The command line: every command documented, errors one line with a documented exit status."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.cli import build_parser, main

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)


def test_expected_commands_exist():
    assert {"generate", "build", "export", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_text(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"explainer {command}" in out
    parser = build_parser()._subparsers._group_actions[0].choices[command]
    assert parser.description, f"{command} has no description"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command, root):
    assert f"explainer {command}" in (root / "README.md").read_text()


def test_no_command_prints_usage_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_bad_settings_exit_2_with_one_line(tmp_path, capsys):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "settings.yaml").write_text("summary_points: 7\n")
    assert main(["export", "--root", str(tmp_path), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "summary_points" in err and "Traceback" not in err


def test_python_m_generator_works():
    out = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("explainer ")


def test_generate_under_cprofile_still_writes_the_profile(tmp_path):
    """`explainer` leaves with os._exit for speed, except under a profiler (which reports at exit)."""
    out = tmp_path / "run.prof"
    proc = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "generator", "status",
                           "--root", str(tmp_path)], capture_output=True, text=True)
    assert out.is_file() and out.stat().st_size > 0, proc.stderr
