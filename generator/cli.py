"""The `explainer` command line: generate, build, export, serve, status.

Exit statuses (see errors.ExitCode): 0 success; 1 pages written but some inputs rejected;
2 usage, settings or page error (a missing or empty seeds folder, invalid front matter or
decisions); 3 something for an editor to resolve (each file:line named); 4 failure (model,
lock, build).
Errors are one line each on stderr, naming the file and the problem; never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import signal
import subprocess
import sys
import tempfile
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
    for note in result.notes:
        print(note, file=sys.stderr)
    for where in result.conflicts:
        print(f"conflict {where}", file=sys.stderr)
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
    return ExitCode.FAILED if build_site(Path(args.root)) else code


def site_dir(root: Path) -> Path:
    """mkdocs.yml's site_dir (tags such as !ENV are not needed to read it, so are ignored)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError):
        config = {}
    value = config.get("site_dir") if isinstance(config, dict) else None
    return (root / str(value or "site")).resolve()


def build_site(root: Path) -> int:
    """`mkdocs build --strict` into a temporary folder beside site/, then swapped in: a refused
    or failed build leaves the previous site/ as it was."""
    site = site_dir(root)
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-", dir=site.parent))
    try:
        code = run_mkdocs(root, "build", "--strict", "--site-dir", str(tmp))
        if code:
            return code
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        if site.exists():
            os.replace(site, old)
        os.replace(tmp, site)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cmd_export(args) -> int:
    from generator.editorial.decisions import load_all, to_data
    from generator.publish.export import export_json
    from generator.pipeline import build_stories

    settings = _settings(args)
    stories, rejected = build_stories(settings, _progress_printer(args.quiet))
    decided = load_all(settings.decisions_path, settings.shown(settings.decisions_path))
    sys.stdout.write(export_json(stories, rejected, {slug: to_data(d) for slug, d in decided.items() if d}))
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
            print(f"  {h.section} {h.id}: {h.reason}{cited}\n    {h.text}")
        if story.held:
            print(f"  (to approve one, paste it into content/stories/{story.slug}.md as `- <text> <!-- xp <id> -->`)")
    if args.slug and all(s.slug != args.slug for s in stories):
        print(f"error: no story '{args.slug}'", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.OK


def cmd_status(args) -> int:
    """Exit 3 while something needs an editor (a conflict, an edit no decision can hold,
    line-merge markers), 2 while a page's front matter or decisions are invalid, else 0:
    usable as a pre-commit check."""
    from generator.publish.status import collect, format_report

    settings = _settings(args)
    report = collect(settings)
    sys.stdout.write(format_report(report, settings))
    if report.conflicts:
        return ExitCode.CONFLICT
    return ExitCode.USAGE if report.invalid else ExitCode.OK


def cmd_serve(args) -> int:
    return ExitCode.FAILED if run_mkdocs(Path(args.root), "serve", "--dev-addr", args.dev_addr) else ExitCode.OK


def run_mkdocs(root: Path, *args: str) -> int:
    """MkDocs in a child process. SIGTERM, SIGHUP or SIGINT sent to this process are passed to
    it and waited for, so stopping `explainer serve` stops its server (the port is freed)."""
    cmd = [sys.executable, "-m", "mkdocs", *args, "--config-file", str(root / "mkdocs.yml")]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # no upgrade banner in our output
    child = subprocess.Popen(cmd, cwd=root, env=env)
    forwarded: list[int] = []

    def forward(signum, _frame) -> None:
        forwarded.append(signum)
        if child.poll() is None:
            child.send_signal(signum)

    signals = [s for s in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, forward) for s in signals}
    try:
        try:
            code = child.wait()
        except BaseException:
            child.terminate()
            code = child.wait()
            raise
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if child.poll() is None:
            child.kill()
    if forwarded and forwarded[0] == signal.SIGTERM:
        return 0  # stopped on request
    return code


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

    p = sub.add_parser("generate", help="generate content/ from seeds/, keeping the desk's decisions",
                       description="Read seeds/; read editors' edits of the pages back as decisions; write "
                                   "one explainer page per story into content/ with every decision applied.")
    common(p)
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("build", help="generate, then build the static site with mkdocs",
                       description="Generate content/, then run `mkdocs build --strict` into a temporary "
                                   "folder and swap it for site/ (a failed build leaves site/ as it was).")
    common(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("export", help="print the explainer data as JSON (export-schema.md)",
                       description="Print what the generator derived from the articles (with stable ids), "
                                   "and each story's recorded decisions alongside, as JSON on stdout.")
    common(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("review", help="list the lines held back by verification, with their reasons",
                       description="List, per story, every line verification kept off the page (a source "
                                   "that does not state it, a line that cannot stand alone, boilerplate, a "
                                   "repeat, a false disagreement...), with its reason and its id, for editors "
                                   "to check; pasting a line with its id into the page approves it.")
    common(p)
    p.add_argument("slug", nargs="?", help="only this story")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("status", help="show edited, locked, draft, review, conflict, orphaned, out-of-date pages",
                       description="List every page in content/ with its editorial state, the items that need "
                                   "review, the held-back lines, and whether seeds/ changed since the last "
                                   "generate. Exit 0; 3 while something needs an editor (each file:line "
                                   "named); 2 while a page's front matter or decisions are invalid.")
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
