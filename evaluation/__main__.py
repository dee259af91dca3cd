"""`python -m evaluation`: score an explainer export against gold annotations.

    python -m evaluation                                 # run the pipeline on seeds/, score vs seed_gold.yaml
    python -m evaluation --export out.json               # score an `explainer export` file
    python -m evaluation --gold tests/gold/corpus/morocco-earthquake.yaml   # runs on its raw_dir
    python -m evaluation --json                          # figures as JSON (closing notes, CI floors)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .report import format_table
from .run import DEFAULT_GOLD, evaluate_gold, load_export


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n")[0])
    src = p.add_mutually_exclusive_group()
    src.add_argument("--export", type=Path, help="an `explainer export` JSON file (default: run the pipeline)")
    src.add_argument("--seeds", type=Path, help="input folder for the pipeline run (default: the gold's raw_dir)")
    p.add_argument("--gold", type=Path, action="append",
                   help=f"gold annotation, repeatable (default: {DEFAULT_GOLD})")
    p.add_argument("--root", type=Path, default=Path("."), help="project root (default: current directory)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--details", action="store_true", help="list what was missed under the table")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = args.root.resolve()
    golds = args.gold or [root / DEFAULT_GOLD]
    export = load_export(args.export) if args.export else None
    reports = {str(g): evaluate_gold(g, root, export, args.seeds) for g in golds}
    if args.json:
        out = next(iter(reports.values())) if len(reports) == 1 else reports
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n\n".join(format_table(r, g, args.details) for g, r in reports.items()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
