"""Each event generated once per session (the seeds, every corpus event), for the floors and the
audit's comparison with the shared script."""

from __future__ import annotations

import pytest

from evaluation.run import evaluate_event, event_named, run_pipeline
from tests.paths import HAVE_CORPUS, NO_CORPUS, ROOT


@pytest.fixture(scope="session")
def event_results(settings):
    """name -> {"export": the export, "gold": its gold report or None, "audit": its line audit}.

    A corpus event skips where the shared corpus is absent; a crash fails every test of the
    event, but the pipeline runs once."""
    cache: dict[str, dict | Exception] = {}

    def get(name: str) -> dict:
        if name != "seed" and not HAVE_CORPUS:
            pytest.skip(NO_CORPUS)
        if name not in cache:
            try:
                event = event_named(ROOT, name)
                export = run_pipeline(ROOT, event.folder, settings)
                cache[name] = {"export": export, **evaluate_event(event, ROOT, export)}
            except Exception as exc:
                cache[name] = exc
        result = cache[name]
        if isinstance(result, Exception):
            pytest.fail(f"{name}: the pipeline or the evaluation failed: {result!r}")
        return result

    return get
