"""Settings, declared once and validated with messages that name the file and the key.

Every option is a field of `Settings` with its type, default and a one-line reason in
OPTION_DOCS. `load_settings` reads `site_config/settings.yaml` (all keys optional) and
raises ConfigError listing every problem at once.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

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


@dataclass(frozen=True)
class Settings:
    root: Path = Path(".")
    seeds_dir: str = "seeds"
    content_dir: str = "content"
    cache_dir: str = ".cache/explainer"
    templates_dir: str = "site_config/templates"
    state_dir: str = ".explainer"  # generator state kept in Git (story registry, manifest)
    base_dir: str = ".explainer/base"  # last generated pages: the merge base, kept in Git
    overrides_file: str = "site_config/overrides.yaml"
    site_name: str = "Explainer"
    # cleaning
    min_body_words: int = 40
    # clustering
    cluster_similarity: float = 0.32
    cluster_date_window_days: int = 14
    # composing
    summary_points: int = 4
    max_known: int = 40
    max_quotes: int = 30
    claim_similarity: float = 0.55
    n_process: int = _default_processes()
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
        """Generator state kept in Git: the merge base and the story registry live below it."""
        return self.path(self.state_dir)

    @property
    def base_path(self) -> Path:
        return self.path(self.base_dir)


OPTION_DOCS = {
    "seeds_dir": "folder of input articles, relative to the project root",
    "content_dir": "the MkDocs docs dir the pages are written to",
    "cache_dir": "where parses are cached by content hash (safe to delete)",
    "templates_dir": "Jinja2 page templates",
    "state_dir": "generator state kept in Git: story registry and manifest",
    "base_dir": "last generated version of each page, the three-way merge base",
    "overrides_file": "editors' overrides of actors, outlets and source metadata",
    "site_name": "shown in the site header",
    "min_body_words": "an input with fewer body words is rejected as not an article",
    "cluster_similarity": "cosine similarity above which two articles are one story",
    "cluster_date_window_days": "articles further apart in time are never one story",
    "summary_points": "points in In brief (3 to 5)",
    "max_known": "most points shown under What we know",
    "max_quotes": "most quotes shown under Key quotes",
    "claim_similarity": "similarity above which two sentences state the same claim",
    "n_process": "processes for parsing, analysing and composing (default: the cores, at most 2)",
}

_RANGES = {
    "min_body_words": (1, 10_000),
    "cluster_similarity": (0.0, 1.0),
    "cluster_date_window_days": (0, 3650),
    "summary_points": (3, 5),
    "max_known": (1, 1000),
    "max_quotes": (0, 1000),
    "claim_similarity": (0.0, 1.0),
    "n_process": (1, 64),
}


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
    known = {f.name: f for f in fields(Settings) if f.name not in ("root", "extra")}
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
        if not isinstance(value, expected) or isinstance(value, bool) != isinstance(default, bool):
            errors.append(f"{origin}: setting '{key}' must be {expected.__name__}, got {value!r}")
            continue
        if key in _RANGES:
            lo, hi = _RANGES[key]
            if not lo <= value <= hi:
                errors.append(f"{origin}: setting '{key}' must be between {lo} and {hi}, got {value!r}")
                continue
        values[key] = value
    if errors:
        raise ConfigError("\n".join(errors))
    return Settings(root=root, **values)
