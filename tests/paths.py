"""Where the tests find the project and the shared material beside it.

Third-party articles never live in this repository (only seeds/ does): the corpus of real
articles on other events is read from `../shared/corpus/` (or `$EXPLAINER_SHARED/corpus`),
present in CI and for every developer. Tests that need it skip, saying why, where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.run import shared_dir

ROOT = Path(__file__).resolve().parent.parent
SHARED = shared_dir(ROOT)
CORPUS_DIR = SHARED / "corpus"
GOLD_DIR = ROOT / "tests" / "gold"
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
HAVE_CORPUS = (CORPUS_DIR / "manifest.yaml").is_file()
NO_CORPUS = f"the shared corpus of real articles is not at {CORPUS_DIR} (set EXPLAINER_SHARED)"

needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason=NO_CORPUS)
AUDIT_SCRIPT = SHARED / "audit" / "page_audit.py"
HAVE_AUDIT = AUDIT_SCRIPT.is_file()
NO_AUDIT = f"the shared mechanical audit is not at {AUDIT_SCRIPT} (set EXPLAINER_SHARED)"
needs_audit = pytest.mark.skipif(not HAVE_AUDIT, reason=NO_AUDIT)


def corpus_files(pattern: str = "*/*.txt") -> list[Path]:
    """The corpus articles matching `pattern`, sorted; [] where the corpus is absent."""
    return sorted(CORPUS_DIR.glob(pattern)) if HAVE_CORPUS else []
