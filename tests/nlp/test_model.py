"""spaCy: the official model name first, a parse to bytes and back, the same parse on two processes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator.nlp.model import MODEL_NAMES, ModelNotInstalled, doc_from_bytes, doc_to_bytes, load_first, parse_texts
from tests.paths import ROOT

pytestmark = pytest.mark.slow  # every test here parses with spaCy
TEXTS = [
    "The council met on Monday. It voted to close the bridge.\n\nMayor Ana Ruiz said repairs would take a year.",
    "Flooding forced 300 families from their homes in Rivertown, officials said on Tuesday.",
    "The central bank raised rates by half a point. Markets fell.\n\nAnalysts had expected the move.",
    "Police arrested two men after a break-in at the harbour museum late on Friday.",
]


def signature(doc) -> list[tuple]:
    """What the extractors read from a parse: tokens, tags, lemmas, heads, sentences, entities."""
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.ent_type_) for t in doc]


def test_the_official_model_name_is_tried_first():
    assert MODEL_NAMES[0] == "en_core_web_sm"
    tried: list[str] = []

    def fake_load(name: str) -> str:
        tried.append(name)
        if name == MODEL_NAMES[0]:
            raise OSError("not installed")
        return f"model:{name}"

    assert load_first(MODEL_NAMES, fake_load) == f"model:{MODEL_NAMES[1]}"
    assert tried == list(MODEL_NAMES)


def test_no_model_is_one_clear_error_naming_every_name_tried():
    def missing(name: str):
        raise OSError(f"[E050] Can't find model '{name}'")

    with pytest.raises(ModelNotInstalled) as info:
        load_first(MODEL_NAMES, missing)
    assert all(name in str(info.value) for name in MODEL_NAMES)
    assert "pip install" in str(info.value)


def test_a_parse_read_back_from_its_bytes_is_the_same_parse():
    for _, doc in parse_texts(TEXTS):
        back = doc_from_bytes(doc_to_bytes(doc))
        assert back.text == doc.text and signature(back) == signature(doc)


def test_a_blank_line_ends_a_sentence_in_parses_read_back_too():
    text = "Officials gave no figure\n\nThe bridge stays closed"
    [(_, doc)] = parse_texts([text])
    for parse in (doc, doc_from_bytes(doc_to_bytes(doc))):
        assert [s.text.strip() for s in parse.sents] == ["Officials gave no figure", "The bridge stays closed"]


def test_truncated_or_foreign_bytes_are_no_parse_not_a_crash():
    [(_, doc)] = parse_texts(TEXTS[:1])
    assert doc_from_bytes(doc_to_bytes(doc)[:10]) is None
    assert doc_from_bytes(b"not a parse") is None


def test_two_processes_give_the_same_parses_in_the_same_order():
    single = [doc for _, doc in parse_texts(TEXTS, n_process=1, batch_size=2)]
    double = [doc for _, doc in parse_texts(TEXTS, n_process=2, batch_size=2)]  # 4 texts, 2 batches: n_process
    assert [d.text for d in double] == TEXTS
    assert [signature(d) for d in double] == [signature(d) for d in single]


def test_a_warm_run_does_not_import_spacy(tmp_path):
    """Nothing changed, nothing to parse: the run must not pay spaCy's import (seconds)."""
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    shutil.copytree(ROOT / "site_config", project / "site_config")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "seeds" / "001_council.txt").write_text(
        "Council votes to close the old bridge\n\n" + " ".join(TEXTS) + "\n", encoding="utf-8")
    from generator.config import load_settings
    from generator.pipeline import generate
    from generator.store.keys import code_fingerprint

    code_fingerprint.cache_clear()  # the subprocess hashes the code as it is now
    cold = generate(load_settings(project))  # in this process, where the model is already loaded
    assert len(cold.stories) == 1 and not cold.rejected
    script = ("import sys; from generator.cli import main; code = main(['generate', '--root', sys.argv[1], '-q']); "
              "print(code, 'spacy' in sys.modules)")
    warm = subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True, cwd=ROOT)
    assert warm.stdout.split() == ["0", "False"], warm.stderr[-500:]
