"""The I/O around `report.evaluate`: read the gold and the raw files, get an export.

An export comes from a file (`explainer export > x.json`) or from running the pipeline
in-process on the gold's folder, exactly as `explainer export` would.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .report import evaluate

DEFAULT_GOLD = Path("tests/gold/seed_gold.yaml")


def load_gold(path: Path) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def shared_dir(root: Path) -> Path:
    """The shared material beside the project (`../shared`, or `$EXPLAINER_SHARED`): the corpus of
    real articles on other events, never copied into the repository."""
    return Path(os.environ.get("EXPLAINER_SHARED") or Path(root).resolve().parent / "shared")


def raw_dir(gold: dict, root: Path) -> Path:
    """The folder of the annotated files: a corpus event's folder in the shared corpus
    (`event`), else `raw_dir` relative to the project root (the seeds)."""
    if gold.get("event"):
        return (shared_dir(root) / "corpus" / str(gold["event"])).resolve()
    return (Path(root) / str(gold.get("raw_dir") or "seeds")).resolve()


def load_raw_texts(gold: dict, root: Path) -> dict[str, str]:
    """Gold source id -> raw file text (as the generator reads it: UTF-8)."""
    folder = raw_dir(gold, root)
    out: dict[str, str] = {}
    for src in gold.get("sources", []):
        path = folder / str(src["file"])
        if path.is_file():
            out[str(src["id"])] = path.read_text(encoding="utf-8", errors="replace")
    return out


def load_export(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def run_pipeline(root: Path, seeds: Path, settings: Any = None) -> dict:
    """Run ingest -> compose in-process on `seeds` and return the export dict."""
    from generator.config import load_settings
    from generator.publish.export import export_data
    from generator.pipeline import build_stories

    base = settings if settings is not None else load_settings(Path(root))
    stories, rejected = build_stories(replace(base, seeds_dir=str(Path(seeds).resolve())))
    return json.loads(json.dumps(export_data(stories, rejected), ensure_ascii=False))


def evaluate_gold(gold_path: Path, root: Path, export: dict | None = None,
                  seeds: Path | None = None, settings: Any = None) -> dict:
    """Score `export` (or a fresh pipeline run on `seeds`, default the gold's folder)."""
    gold = load_gold(gold_path)
    if export is None:
        export = run_pipeline(root, seeds or raw_dir(gold, root), settings)
    return evaluate(export, gold, load_raw_texts(gold, root))
