"""spaCy: the official model name first, parses cached by content, the same parse on two processes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator.nlp import model as nlp
from generator.nlp.model import (
    MODEL_NAMES,
    ModelNotInstalled,
    ParseCache,
    load_first,
    parse_texts,
)
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


def test_parse_cache_misses_then_hits_with_the_same_parse(tmp_path):
    first_cache = ParseCache(tmp_path)
    first = parse_texts(TEXTS[:2], first_cache)
    assert (first_cache.misses, first_cache.hits) == (2, 0)
    again_cache = ParseCache(tmp_path)
    again = parse_texts(TEXTS[:2] + TEXTS[2:3], again_cache)
    assert (again_cache.misses, again_cache.hits) == (1, 2)
    assert [signature(d) for d in again[:2]] == [signature(d) for d in first]


def test_a_blank_line_ends_a_sentence_in_cached_parses_too(tmp_path):
    text = "Officials gave no figure\n\nThe bridge stays closed"
    for _ in range(2):  # parsed, then read back from the cache
        doc = parse_texts([text], ParseCache(tmp_path))[0]
        assert [s.text.strip() for s in doc.sents] == ["Officials gave no figure", "The bridge stays closed"]


def test_cached_parses_carry_every_string_they_use():
    """Read back into an empty vocabulary, so a string left out of the table would fail."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    text = "Zorblat Quennik, Vexmoria's envoy, said on Monday the talks had stalled.\n\nThey resume in Ulvang."
    doc = nlp.parse_one(text)
    [back] = DocBin().from_bytes(nlp.docbin_bytes(doc)).get_docs(Vocab())
    assert back.text == text
    assert [(*row, str(t.morph), t.norm_) for row, t in zip(signature(back), back)] == \
        [(*row, str(t.morph), t.norm_) for row, t in zip(signature(doc), doc)]
    assert [(e.text, e.label_) for e in back.ents] == [(e.text, e.label_) for e in doc.ents]


def test_cached_parses_are_what_spacy_itself_writes_apart_from_compression():
    import zlib

    import srsly
    from spacy.tokens import DocBin

    doc = nlp.parse_one(TEXTS[0])
    ours = srsly.msgpack_loads(zlib.decompress(nlp.docbin_bytes(doc)))
    theirs = srsly.msgpack_loads(zlib.decompress(DocBin(store_user_data=False, docs=[doc]).to_bytes()))
    assert set(ours["strings"]) >= set(theirs["strings"]) - {""}
    del ours["strings"], theirs["strings"]
    assert ours == theirs


def test_a_truncated_cache_file_is_a_miss_not_a_crash(tmp_path):
    cache = ParseCache(tmp_path)
    parse_texts(TEXTS[:1], cache)
    for path in tmp_path.rglob("*.spacy"):
        path.write_bytes(path.read_bytes()[:10])
    cache = ParseCache(tmp_path)
    docs = parse_texts(TEXTS[:1], cache)
    assert cache.misses == 1 and docs[0].text == TEXTS[0]


def test_two_processes_give_the_same_parses_in_the_same_order():
    single = parse_texts(TEXTS, n_process=1, batch_size=2)
    double = parse_texts(TEXTS, n_process=2, batch_size=2)  # 4 texts >= 2 batches: the n_process path
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
    from generator.store.cache import code_fingerprint

    code_fingerprint.cache_clear()  # the subprocess hashes the code as it is now
    cold = generate(load_settings(project))  # in this process, where the model is already loaded
    assert len(cold.stories) == 1 and not cold.rejected
    script = ("import sys; from generator.cli import main; code = main(['generate', '--root', sys.argv[1], '-q']); "
              "print(code, 'spacy' in sys.modules)")
    warm = subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True, cwd=ROOT)
    assert warm.stdout.split() == ["0", "False"], warm.stderr[-500:]
