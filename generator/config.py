"""Settings, declared once and validated with messages that name the file and the key.

Every option is a field of `Settings` declared with `option(...)`: its default (and so its
type), a one-line reason and its range, together in one line. `load_settings` reads `site_config/settings.yaml` (all keys optional) and
raises ConfigError listing every problem at once.
"""

from __future__ import annotations

import functools
import os
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from generator import speedups
from generator.errors import ConfigError

DEFAULT_SETTINGS_FILE = Path("site_config/settings.yaml")


def _default_processes() -> int:
    """Both cores of the 2-core machines we target; more processes than cores only contend."""
    return max(1, min(2, os.cpu_count() or 1))


@functools.lru_cache(maxsize=256)
def _resolved(root: Path, rel: str, cwd: str) -> Path:
    """Memoised (per working directory): every page asks for the same few folders, and
    resolving touches the disk."""
    return (root / rel).resolve() if not Path(rel).is_absolute() else Path(rel)


def option(default: Any, doc: str, between: tuple[float, float] | None = None) -> Any:
    """One setting, declared once: its default (which gives its type), why it exists, and the
    range a value must fall in. Read back by `validate` and by the docs."""
    return field(default=default, metadata={"doc": doc, "range": between})


@dataclass(frozen=True)
class Settings:
    root: Path = Path(".")
    seeds_dir: str = option("seeds", "folder of input articles, relative to the project root")
    content_dir: str = option("content", "the MkDocs docs dir the pages are written to")
    cache_dir: str = option(".cache/explainer", "where parses are cached by content hash (safe to delete)")
    templates_dir: str = option("site_config/templates", "Jinja2 page templates")
    state_dir: str = option(".explainer", "generator state kept in Git: story registry and manifest")
    decisions_dir: str = option(".explainer/decisions", "the desk's decisions, one YAML file per story (in Git)")
    written_dir: str = option(".explainer/written", "each story page as generate last wrote it: what edits are read against")
    base_dir: str = option(".explainer/base", "where earlier versions kept pages for a line merge: read once, to "
                                              "turn the edits of those pages into decisions, then removed")
    overrides_file: str = option("site_config/overrides.yaml", "editors' overrides of actors, outlets and source metadata")
    site_name: str = option("Explainer", "shown in the site header")
    # cleaning
    min_body_words: int = option(40, "an input with fewer body words is rejected as not an article", (1, 10_000))
    # clustering
    cluster_similarity: float = option(0.32, "cosine similarity above which two articles are one story", (0.0, 1.0))
    cluster_date_window_days: int = option(14, "articles further apart in time are never one story", (0, 3650))
    cluster_lone_similarity: float = option(
        0.27, "cosine similarity above which a story of one article joins a story of several", (0.0, 1.0))
    # composing
    summary_points: int = option(4, "points in In brief (3 to 5)", (3, 5))
    max_known: int = option(40, "most points shown under What we know", (1, 1000))
    max_quotes: int = option(30, "most quotes shown under Key quotes", (0, 1000))
    claim_similarity: float = option(0.55, "similarity above which two sentences state the same claim", (0.0, 1.0))
    n_process: int = option(_default_processes(),
                            "processes for parsing, analysing and composing (default: the cores, at most 2)", (1, 64))
    speedups: tuple[str, ...] = option(tuple(sorted(speedups.ALL)),
                                       "hand-written speed-ups to use (generator/speedups); [] uses the libraries only")
    extra: dict[str, Any] = field(default_factory=dict)

    def path(self, rel: str) -> Path:
        return _resolved(self.root, rel, "" if self.root.is_absolute() else os.getcwd())

    @property
    def seeds_path(self) -> Path:
        return self.path(self.seeds_dir)

    @property
    def content_path(self) -> Path:
        return self.path(self.content_dir)

    @property
    def cache_path(self) -> Path:
        return self.path(self.cache_dir)

    @property
    def templates_path(self) -> Path:
        return self.path(self.templates_dir)

    @property
    def state_path(self) -> Path:
        """Generator state kept in Git: the story registry, the state file, decisions below it."""
        return self.path(self.state_dir)

    @property
    def base_path(self) -> Path:
        return self.path(self.base_dir)

    @property
    def decisions_path(self) -> Path:
        return self.path(self.decisions_dir)

    @property
    def written_path(self) -> Path:
        return self.path(self.written_dir)

    def shown(self, path: Path) -> str:
        """A path as people type it: relative to the project root when inside it."""
        try:
            return Path(path).resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


def options() -> dict[str, Field]:
    """The settings an editor may set, by name: every field but the project root and `extra`."""
    return {f.name: f for f in fields(Settings) if "doc" in f.metadata}


def load_settings(root: Path, settings_file: Path | None = None) -> Settings:
    root = Path(root).resolve()
    file = settings_file or root / DEFAULT_SETTINGS_FILE
    data: dict[str, Any] = {}
    if Path(file).exists():
        try:
            loaded = yaml.safe_load(Path(file).read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"{file}: not valid YAML: {exc}") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ConfigError(f"{file}: expected a mapping of settings, got {type(loaded).__name__}")
        data = loaded
    elif settings_file is not None:
        raise ConfigError(f"{file}: settings file not found")
    return validate(data, root, str(file))


def validate(data: dict[str, Any], root: Path, origin: str = "settings") -> Settings:
    known = options()
    errors: list[str] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            errors.append(f"{origin}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
            continue
        default = known[key].default
        expected = type(default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is tuple and isinstance(value, list):
            value = tuple(value)
            unknown = [v for v in value if v not in speedups.ALL]
            if unknown:
                errors.append(f"{origin}: setting '{key}': unknown {', '.join(map(str, unknown))} "
                              f"(known: {', '.join(sorted(speedups.ALL))})")
                continue
        if not isinstance(value, expected) or isinstance(value, bool) != isinstance(default, bool):
            errors.append(f"{origin}: setting '{key}' must be {expected.__name__}, got {value!r}")
            continue
        between = known[key].metadata["range"]
        if between is not None:
            lo, hi = between
            if not lo <= value <= hi:
                errors.append(f"{origin}: setting '{key}' must be between {lo} and {hi}, got {value!r}")
                continue
        values[key] = value
    if errors:
        raise ConfigError("\n".join(errors))
    return Settings(root=root, **values)
