"""Shared fixtures: the project root, the gold annotation, and the seeds analysed once per session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from tests.paths import (  # noqa: F401  (CORPUS_DIR: for the tests)
    CORPUS_DIR,
    GOLD_DIR,
    ROOT,
)

GOLD_FILE = GOLD_DIR / "seed_gold.yaml"


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
    from generator.pipeline import analyse_articles

    return analyse_articles(seed_articles, settings)


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


_SPACY_BEFORE: dict[str, bool] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    import sys

    _SPACY_BEFORE[item.nodeid] = "spacy" in sys.modules


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test that loads spaCy (itself or through its fixtures) must be marked `slow`, so that
    `pytest -m "not slow"` stays fast. Checked in the fast run, where nothing loaded spaCy
    before: the first unmarked test that loads it fails, naming itself."""
    import sys

    outcome = yield
    report = outcome.get_result()
    if call.when == "teardown" and not _SPACY_BEFORE.get(item.nodeid, True) and "spacy" in sys.modules \
            and item.get_closest_marker("slow") is None:
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid} loads spaCy: mark it (or its module) `slow`"
