"""`python -m evaluation`: the gold figures and the mechanical line audit, per event.

    python -m evaluation                          # the seeds and every event of ../shared/corpus, each generated alone
    python -m evaluation --event seed             # one event (repeatable): `seed` or a corpus folder's name
    python -m evaluation --export out.json        # an `explainer export` file: its audit, its figures vs --gold
    python -m evaluation --gold G.yaml            # the event G annotates (repeatable)
    python -m evaluation --details                # what the figures miss, and every flagged line
    python -m evaluation --json                   # {"EVENT": {"gold": REPORT | null, "audit": AUDIT}}
    python -m evaluation --show-gold EVENT        # a corpus gold with its references resolved to text
    python -m evaluation --make-refs G.yaml       # a gold written with verbatim text, as references (stdout)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from .line_audit import audit_export
from .references import GoldReferenceError, dump_gold, read_raw, to_references
from .report import evaluate, format_audit, format_table
from .run import (CORPUS_GOLD_DIR, DEFAULT_GOLD, CorpusMissing, Event, corpus_dir, evaluate_event, event_named,
                  events, load_export, load_gold, load_raw_texts, raw_dir)

AUDIT_TITLE = ("Mechanical line audit (the flags of ../shared/audit/page_audit.py, reproduced in "
               "evaluation/line_audit.py; target: at most 5% of lines flagged)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n")[0])
    src = p.add_mutually_exclusive_group()
    src.add_argument("--export", type=Path, help="an `explainer export` JSON file (default: run the pipeline)")
    src.add_argument("--seeds", type=Path, help="input folder for the seed event (default: seeds/)")
    p.add_argument("--event", action="append", help="only this event (repeatable; default: all)")
    p.add_argument("--gold", type=Path, action="append", help="gold annotation, repeatable")
    p.add_argument("--root", type=Path, default=Path("."), help="project root (default: current directory)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--details", action="store_true", help="list what was missed and every flagged line")
    p.add_argument("--show-gold", metavar="EVENT", help="print a corpus gold with its references resolved")
    p.add_argument("--make-refs", metavar="GOLD", type=Path, help="print a verbatim gold with references")
    return p


def chosen_events(args: argparse.Namespace, root: Path) -> list[Event]:
    if args.gold:
        return [Event(g.stem, raw_dir(load_gold(g, root), root), g) for g in args.gold]
    found = [event_named(root, name) for name in args.event] if args.event else events(root)
    if args.seeds:
        found = [Event(e.name, args.seeds, e.gold) if e.name == "seed" else e for e in found]
    return found


def score_export(args: argparse.Namespace, root: Path) -> dict[str, dict]:
    export = load_export(args.export)
    out = {}
    for gold_path in args.gold or [root / DEFAULT_GOLD]:
        gold = load_gold(gold_path, root)
        out[gold_path.stem] = {"gold": evaluate(export, gold, load_raw_texts(gold, root)), "audit": audit_export(export)}
    return out


def make_refs(path: Path, root: Path) -> str:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = raw_dir(gold, root)
    files = {str(s["id"]): str(s["file"]) for s in gold.get("sources", [])}
    return dump_gold(to_references(gold, files, {f: read_raw(folder / f) for f in files.values()}))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        sys.stdout.write(run(args, args.root.resolve()))
    except (CorpusMissing, GoldReferenceError, ValueError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    return 0


def run(args: argparse.Namespace, root: Path) -> str:
    """What `main` prints."""
    if args.show_gold:
        return dump_gold(load_gold(root / CORPUS_GOLD_DIR / f"{args.show_gold}.yaml", root))
    if args.make_refs:
        return make_refs(args.make_refs, root)
    if args.export:
        results = score_export(args, root)
    else:
        results = {e.name: evaluate_event(e, root) for e in chosen_events(args, root)}
    if args.json:
        return json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    reports = {name: r["gold"] for name, r in results.items() if r["gold"] is not None}
    out = []
    if reports:
        out += ["Gold figures (tests/gold/README.md): value hits/total", format_table(reports, args.details), ""]
    out += [AUDIT_TITLE, format_audit({name: r["audit"] for name, r in results.items()}, args.details)]
    if not (args.export or args.event or args.gold or corpus_dir(root).is_dir()):
        out.append(f"(the shared corpus is not at {corpus_dir(root)}: its events are not measured; set EXPLAINER_SHARED)")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
