"""The I/O around `report.evaluate` and `line_audit`: the events, their gold, their exports.

An event is a folder of articles generated alone: the seeds (`seed`, scored against
tests/gold/seed_gold.yaml), and every event folder of the shared corpus (`../shared/corpus/`,
never copied into the repository; `tricky/` is not one event), scored against
tests/gold/corpus/EVENT.yaml where the project annotated it. An export comes from a file
(`explainer export > x.json`) or from running the pipeline in-process on the event's folder,
exactly as `explainer export` would.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .line_audit import audit_export
from .references import GoldReferenceError, folder_reader, references, resolve
from .report import evaluate

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = Path("tests/gold/seed_gold.yaml")
CORPUS_GOLD_DIR = Path("tests/gold/corpus")
SEED_EVENT = "seed"
NOT_EVENTS = ("tricky",)  # pages that are not one clean article: not an event to generate alone


class CorpusMissing(FileNotFoundError):
    """The shared corpus a figure needs is not beside the project."""


def shared_dir(root: Path) -> Path:
    """The shared material beside the project (`../shared`, or `$EXPLAINER_SHARED`): the corpus of
    real articles on other events, never copied into the repository."""
    return Path(os.environ.get("EXPLAINER_SHARED") or Path(root).resolve().parent / "shared")


def corpus_dir(root: Path) -> Path:
    return shared_dir(root) / "corpus"


def raw_dir(gold: dict, root: Path) -> Path:
    """The folder of the annotated files: a corpus event's folder in the shared corpus
    (`event`), else `raw_dir` relative to the project root (the seeds)."""
    if gold.get("event"):
        return (corpus_dir(root) / str(gold["event"])).resolve()
    return (Path(root) / str(gold.get("raw_dir") or "seeds")).resolve()


def load_gold(path: Path, root: Path | None = None) -> dict:
    """A gold annotation, its references into the shared corpus resolved to their text.

    CorpusMissing when it refers to a corpus that is not there; GoldReferenceError when a
    corpus file no longer holds the annotated text."""
    gold = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if next(references(gold), None) is None:
        return gold
    folder = raw_dir(gold, root or PROJECT)
    if not folder.is_dir():
        raise CorpusMissing(f"{path}: its articles are not at {folder} (the shared corpus; set EXPLAINER_SHARED)")
    try:
        return resolve(gold, folder_reader(folder))
    except GoldReferenceError as exc:
        raise GoldReferenceError(f"{path}: {exc}") from None


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
    from generator.pipeline import build_stories
    from generator.publish.export import export_data

    base = settings if settings is not None else load_settings(Path(root))
    stories, rejected = build_stories(replace(base, seeds_dir=str(Path(seeds).resolve())))
    return json.loads(json.dumps(export_data(stories, rejected), ensure_ascii=False))


def evaluate_gold(gold_path: Path, root: Path, export: dict | None = None,
                  seeds: Path | None = None, settings: Any = None) -> dict:
    """Score `export` (or a fresh pipeline run on `seeds`, default the gold's folder)."""
    gold = load_gold(gold_path, root)
    if export is None:
        export = run_pipeline(root, seeds or raw_dir(gold, root), settings)
    return evaluate(export, gold, load_raw_texts(gold, root))


# ---------------------------------------------------------------- events


@dataclass(frozen=True)
class Event:
    name: str
    folder: Path  # the articles, generated alone
    gold: Path | None  # the project's annotation, if any


def events(root: Path) -> list[Event]:
    """The seeds, then every corpus event (sorted), annotated or not; [] of corpus where absent."""
    root = Path(root)
    out = [Event(SEED_EVENT, root / "seeds", root / DEFAULT_GOLD)]
    corpus = corpus_dir(root)
    if corpus.is_dir():
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name not in NOT_EVENTS):
            if any(folder.glob("*.txt")):
                gold = root / CORPUS_GOLD_DIR / f"{folder.name}.yaml"
                out.append(Event(folder.name, folder, gold if gold.is_file() else None))
    return out


def event_named(root: Path, name: str) -> Event:
    for event in events(root):
        if event.name == name:
            return event
    gold = Path(root) / CORPUS_GOLD_DIR / f"{name}.yaml"
    if gold.is_file():
        raise CorpusMissing(f"event {name!r}: its articles are not at {corpus_dir(root) / name} "
                            "(the shared corpus; set EXPLAINER_SHARED)")
    raise ValueError(f"no event {name!r}: the events are " + ", ".join(e.name for e in events(root)))


def evaluate_event(event: Event, root: Path, export: dict | None = None, settings: Any = None) -> dict:
    """{"gold": the gold report or None, "audit": the line audit} of one event's export."""
    if export is None:
        export = run_pipeline(root, event.folder, settings)
    report = None
    if event.gold is not None:
        gold = load_gold(event.gold, root)
        report = evaluate(export, gold, load_raw_texts(gold, root))
    return {"gold": report, "audit": audit_export(export)}
