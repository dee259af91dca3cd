"""The folder tree is the pipeline: imports flow one way, spaCy stays in the NLP stage, and
caching wraps the stages from outside. Read from the source (every import, lazy ones too)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("ingest", "clean", "nlp", "sections", "stories", "publish")  # in the order data flows
BASE = ("models", "config", "errors", "text", "store", "speedups")  # used by every stage, using none
TOP = ("pipeline", "cli", "__main__")  # wires the stages
SPACY_ALLOWED = ("nlp", "speedups.docbin", "speedups.stop_words")  # speed-ups call the library they replace


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the file, resolved to a module where it
    names one (`from generator.nlp import model` imports generator.nlp.model)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.append((full if full in MODULES else node.module, node.lineno))
    return out


def _room(module: str) -> str:
    """The stage, base module or top module a module belongs to: generator.nlp.parsed -> nlp."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _rank(room: str) -> int:
    if room in BASE or room == "":
        return -1
    return STAGES.index(room) if room in STAGES else len(STAGES)


def test_every_module_is_in_a_stage_a_base_module_or_on_top():
    assert {_room(m) for m in MODULES} <= set(STAGES) | set(BASE) | set(TOP) | {""}


def test_no_stage_imports_a_later_stage_and_base_modules_import_no_stage():
    wrong = [f"{MODULES[m].relative_to(ROOT)}:{line} imports {target}"
             for m in MODULES for target, line in _imports(MODULES[m])
             if target.startswith("generator.") and _rank(_room(target)) > _rank(_room(m)) and _room(m) not in TOP]
    assert wrong == []


def test_spacy_is_imported_only_inside_the_nlp_stage():
    wrong = [f"{MODULES[m].relative_to(ROOT)}:{line}" for m in MODULES for target, line in _imports(MODULES[m])
             if target.split(".")[0] in ("spacy", "thinc")
             and not m.removeprefix("generator.").startswith(SPACY_ALLOWED)]
    assert wrong == []


def test_there_is_no_import_cycle():
    graph = {m: {t for t, _ in _imports(p) if t in MODULES and t != m} for m, p in MODULES.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_caching_wraps_the_stages_from_outside():
    """Only the pipeline opens the store: no stage reads or writes a cache of its own."""
    users = sorted(m for m in MODULES for t, _ in _imports(MODULES[m])
                   if t == "generator.store.store" and not m.startswith("generator.store"))
    assert users == ["generator.pipeline"]


def test_package_faces_import_nothing():
    """A package's __init__ is its docstring (and the version): importing one stage's module
    never drags in the rest of that stage."""
    heavy = [m for m, p in MODULES.items() if p.name == "__init__.py" and m != "generator.speedups"
             and any(t.startswith("generator") for t, _ in _imports(p))]
    assert heavy == []
