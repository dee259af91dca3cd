"""The `explainer` command line: generate, build, export, serve, status.

Exit statuses (see errors.ExitCode): 0 success; 1 pages written but some inputs rejected;
2 usage or settings error; 3 merge conflicts for an editor; 4 failure (model, lock, build).
Errors are one line each on stderr, naming the file and the problem; never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import time
from pathlib import Path

from generator import __version__
from generator.config import Settings, load_settings
from generator.errors import ConfigError, ExitCode, ExplainerError


def _progress_printer(quiet: bool):
    start = time.monotonic()

    def progress(message: str) -> None:
        if not quiet:
            print(f"[{time.monotonic() - start:6.1f}s] {message}", file=sys.stderr, flush=True)

    return progress


def _settings(args) -> Settings:
    settings = load_settings(Path(args.root), Path(args.config) if args.config else None)
    if getattr(args, "seeds", None):
        from dataclasses import replace

        settings = replace(settings, seeds_dir=str(Path(args.seeds).resolve()))
    return settings


def _report(result) -> int:
    for rej in result.rejected:
        print(f"rejected {rej.file}: {rej.error}", file=sys.stderr)
    for where in result.conflicts:
        print(f"conflict {where}: resolve the markers, then commit", file=sys.stderr)
    if result.conflicts:
        return ExitCode.CONFLICT
    if result.rejected:
        return ExitCode.SOME_REJECTED
    return ExitCode.OK


def cmd_generate(args) -> int:
    from generator import speedups
    from generator.speedups import workers

    settings = _settings(args)
    speedups.use(settings.speedups)
    # A worker starts loading spaCy before the rest of the generator is even imported; the
    # run hands it the new articles, or stops it when nothing changed.
    if speedups.enabled("workers"):
        workers.prestart()
    try:
        from generator.pipeline import generate

        result = generate(settings, _progress_printer(args.quiet))
    finally:
        workers.discard_prestarted()
    return _report(result)


def cmd_build(args) -> int:
    code = cmd_generate(args)
    if code in (ExitCode.CONFLICT, ExitCode.FAILED):
        return code
    build_code = run_mkdocs(Path(args.root), "build", "--strict")
    return ExitCode.FAILED if build_code else code


def cmd_export(args) -> int:
    from generator.publish.export import export_json
    from generator.pipeline import build_stories

    settings = _settings(args)
    stories, rejected = build_stories(settings, _progress_printer(args.quiet))
    sys.stdout.write(export_json(stories, rejected))
    return ExitCode.OK


def cmd_review(args) -> int:
    """The lines verification held back, per story, each with its reason: for editors to check."""
    from generator.pipeline import build_stories

    settings = _settings(args)
    stories, _ = build_stories(settings, _progress_printer(args.quiet))
    for story in stories:
        if args.slug and story.slug != args.slug:
            continue
        print(f"{story.slug}: {len(story.held)} held back")
        for h in story.held:
            cited = f" [{', '.join(h.sources)}]" if h.sources else ""
            print(f"  {h.section}: {h.reason}{cited}\n    {h.text}")
    if args.slug and all(s.slug != args.slug for s in stories):
        print(f"error: no story '{args.slug}'", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.OK


def cmd_status(args) -> int:
    """Exit 3 while a page holds conflict markers (usable as a pre-commit check), else 0."""
    from generator.publish.status import collect, format_report

    settings = _settings(args)
    report = collect(settings)
    sys.stdout.write(format_report(report, settings))
    return ExitCode.CONFLICT if report.conflicts else ExitCode.OK


def cmd_serve(args) -> int:
    return ExitCode.FAILED if run_mkdocs(Path(args.root), "serve", "--dev-addr", args.dev_addr) else ExitCode.OK


def run_mkdocs(root: Path, *args: str) -> int:
    cmd = [sys.executable, "-m", "mkdocs", *args, "--config-file", str(root / "mkdocs.yml")]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # no upgrade banner in our output
    return subprocess.call(cmd, cwd=root, env=env)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Turn many outlets' articles on one event into a cited explainer site.",
    )
    parser.add_argument("--version", action="version", version=f"explainer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--root", default=".", help="project root (default: current directory)")
        p.add_argument("--config", help="settings file (default: site_config/settings.yaml)")
        p.add_argument("--seeds", help="input folder (default: seeds/ from the settings)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")

    p = sub.add_parser("generate", help="generate content/ from seeds/, merging editors' edits",
                       description="Read seeds/, write one explainer page per story into content/.")
    common(p)
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("build", help="generate, then build the static site with mkdocs",
                       description="Generate content/, then run `mkdocs build --strict` into site/.")
    common(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("export", help="print the explainer data as JSON (export-schema.md)",
                       description="Print what the generator derived from the articles, as JSON on stdout.")
    common(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("review", help="list the lines held back by verification, with their reasons",
                       description="List, per story, every line verification kept off the page (a source "
                                   "that does not state it, a line that cannot stand alone, boilerplate, a "
                                   "repeat, a false disagreement...), with its reason, for editors to check.")
    common(p)
    p.add_argument("slug", nargs="?", help="only this story")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("status", help="show edited, locked, draft, conflicted, orphaned, out-of-date pages",
                       description="List every page in content/ with its editorial state, and whether seeds/ "
                                   "changed since the last generate. Exit 0, or 3 while conflict markers remain.")
    p.add_argument("--root", default=".", help="project root (default: current directory)")
    p.add_argument("--config", help="settings file (default: site_config/settings.yaml)")
    p.add_argument("--seeds", help="input folder (default: seeds/ from the settings)")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("serve", help="preview the site on localhost with mkdocs serve",
                       description="Serve the built site locally with live reload (mkdocs serve).")
    p.add_argument("--root", default=".", help="project root (default: current directory)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except ExplainerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    except OSError as exc:  # disk full, permission denied on content/: the file and the reason, one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return ExitCode.FAILED
    except KeyboardInterrupt:
        print("interrupted: content/ is unchanged or fully updated (writes are atomic)", file=sys.stderr)
        return ExitCode.FAILED


def entry() -> None:
    """The `explainer` command: main() without the cyclic garbage collector, then a quick exit.

    A run holds a few hundred thousand small objects (analyses, stories) with no reference
    cycles; the collector scanning them over and over costs a tenth of a one-article update,
    and freeing them one by one at exit about as much again. Memory is still freed by reference
    counts (peak memory is in bench/RESULTS.md). By the exit every file is closed and every
    write done; only the output is left to flush. Under a profiler or a coverage tool, which
    report at exit, it exits the ordinary way.
    """
    gc.disable()
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage tool writes its report at exit: a normal one
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader of our output went away (a closed pipe): nothing left to say
        pass
    os._exit(code)
