"""The corpus gold files hold no article text: every verbatim field is a reference into
../shared/corpus/ that resolves, with its hash, to the annotated words."""

from __future__ import annotations

import pytest
import yaml

from evaluation.__main__ import main
from evaluation.references import (GoldReferenceError, dump_gold, fingerprint, folder_reader, is_reference, reference,
                                   references, resolve, to_references, verbatim_fields)
from evaluation.run import CorpusMissing, load_gold, raw_dir
from tests.paths import GOLD_DIR, ROOT, needs_corpus

CORPUS_GOLDS = sorted((GOLD_DIR / "corpus").glob("*.yaml"))
TEXTS = {"01_a.txt": "Line one.\nThe bridge closed on Monday.\n", "02_b.txt": "It will reopen in May."}
VERBATIM = {
    "event": "tiny",
    "sources": [{"id": "01", "file": "01_a.txt", "title": "Line one.", "boilerplate_lines": [], "neutral_lines": []},
                {"id": "02", "file": "02_b.txt", "title": None}],
    "timeline": [{"date": "2024", "event": "closed", "sources": ["01"], "evidence": "The bridge closed on Monday."}],
    "facts": [{"claim": "c", "sources": ["01", "02"],
               "evidence": {"01": "The bridge closed on Monday.", "02": ["It will reopen", "in May."]}}],
    "quotes": [{"speaker": "S", "text": "reopen in May", "sources": ["02"]}],
    "discrepancies": [], "whats_next_sentences": {"02": ["It will reopen in May."]},
}


def read(name: str) -> str:
    return TEXTS[name]


def test_to_references_is_lossless_and_leaves_no_text():
    converted = to_references(VERBATIM, {"01": "01_a.txt", "02": "02_b.txt"}, TEXTS)
    assert all(is_reference(v) for _, v, _ in verbatim_fields(converted) if v is not None)
    assert resolve(converted, read) == VERBATIM
    assert converted["facts"][0]["evidence"]["02"][1] == reference("02_b.txt", "in May.", 15)
    assert resolve(yaml.safe_load(dump_gold(converted)), read) == VERBATIM  # as written to a file
    assert "{ref: 01_a.txt, start: 10, length: 28, sha256: " in dump_gold(converted)


def test_a_reference_that_no_longer_holds_its_text_fails_naming_the_field():
    converted = to_references(VERBATIM, {"01": "01_a.txt", "02": "02_b.txt"}, TEXTS)
    changed = dict(TEXTS, **{"01_a.txt": "Line one.\nThe bridge opened on Monday.\n"})
    with pytest.raises(GoldReferenceError, match=r"timeline\[0\]\.evidence: 01_a.txt at 10\+28 no longer holds"):
        resolve(converted, changed.__getitem__)
    short = dict(TEXTS, **{"02_b.txt": "It will"})
    with pytest.raises(GoldReferenceError, match="has no characters"):
        resolve(converted, short.__getitem__)


def test_text_not_in_its_sources_cannot_be_converted():
    bad = VERBATIM | {"quotes": [{"speaker": "S", "text": "reopen in June", "sources": ["02"]}]}
    with pytest.raises(GoldReferenceError, match=r"quotes\[0\]\.text: not found verbatim"):
        to_references(bad, {"01": "01_a.txt", "02": "02_b.txt"}, TEXTS)


def test_a_reference_names_a_file_of_the_events_folder_only(tmp_path):
    (tmp_path / "01_a.txt").write_text(TEXTS["01_a.txt"], encoding="utf-8")
    read_folder = folder_reader(tmp_path)
    ok = reference("01_a.txt", "Line one.", 0)
    assert resolve(ok, read_folder) == "Line one."
    with pytest.raises(GoldReferenceError, match="cannot read"):
        resolve(ok | {"ref": "../01_a.txt"}, read_folder)


def test_a_corpus_gold_needs_its_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLAINER_SHARED", str(tmp_path / "nowhere"))
    with pytest.raises(CorpusMissing, match="set EXPLAINER_SHARED"):
        load_gold(CORPUS_GOLDS[0], ROOT)


@pytest.mark.parametrize("path", CORPUS_GOLDS, ids=lambda p: p.stem)
def test_corpus_gold_files_hold_no_article_text(path):
    """Every field that quotes an article is a reference (checked without the corpus)."""
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = [(where, v) for where, v, _ in verbatim_fields(gold) if v is not None]
    assert len(fields) > 50
    assert [where for where, v in fields if not is_reference(v)] == []


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_GOLDS, ids=lambda p: p.stem)
def test_every_reference_resolves_and_its_hash_matches(path):
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    read_folder = folder_reader(raw_dir(gold, ROOT))
    refs = list(references(gold))
    assert refs
    for where, ref in refs:
        text = resolve(ref, read_folder, where)  # raises on a missing file, range or changed text
        assert fingerprint(text) == ref["sha256"] and len(text) == ref["length"] and text.strip(), where


@needs_corpus
def test_show_gold_prints_the_resolved_text(capsys):
    path = CORPUS_GOLDS[0]
    assert main(["--root", str(ROOT), "--show-gold", path.stem]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)
    assert shown == load_gold(path, ROOT)
    assert not list(references(shown))
