"""Shared fixtures: the project root, the gold annotation, and the seeds analysed once per session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILE = ROOT / "tests" / "gold" / "seed_gold.yaml"
CORPUS_DIR = ROOT / "tests" / "corpus"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def gold() -> dict:
    return yaml.safe_load(GOLD_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    """Project settings, with the parse cache in a per-session temp dir (tests never write the repo)."""
    from generator.config import load_settings

    cache = tmp_path_factory.mktemp("parse-cache")
    return replace(load_settings(ROOT), cache_dir=str(cache))


@pytest.fixture(scope="session")
def seed_articles(settings):
    from generator.pipeline import load_articles

    articles, rejected = load_articles(settings)
    assert not rejected
    return articles


@pytest.fixture(scope="session")
def analysed_seeds(settings, seed_articles):
    from generator.nlp.analyse import analyse_articles

    return analyse_articles(seed_articles, settings.cache_path)


@pytest.fixture(scope="session")
def seed_story(settings, analysed_seeds):
    from generator.stories.compose import compose_story

    return compose_story(analysed_seeds, settings)


def parse(text: str):
    """Parse a snippet with the shared model (unit tests of extractors)."""
    from generator.nlp.model import parse_one

    return parse_one(text)


@pytest.fixture(scope="session")
def site():
    """The site built once per session: seeds generated, test stories added, `mkdocs build --strict`."""
    from tests.browser.support import built_site

    built = built_site()
    assert built.returncode == 0, built.log
    return built
