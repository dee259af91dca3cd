"""Keys: a stage's key covers that stage's code (through its imports) and its inputs, not the whole package."""

from __future__ import annotations

from generator.store import keys
from generator.store.keys import code_fingerprint, folder_digest, module_closure

NLP = ("generator.nlp.analyse",)
PUBLISH = ("generator.publish.render",)


def _names(modules: tuple[str, ...]) -> set[str]:
    return {p.relative_to(keys.PACKAGE_DIR).as_posix() for p in module_closure(modules)}


def test_a_stage_is_keyed_by_its_own_code_and_what_it_imports():
    nlp = _names(NLP)
    assert {"nlp/analyse.py", "nlp/parsed.py", "nlp/quotes/extract.py", "models.py", "nlp/__init__.py"} <= nlp
    assert not any(name.startswith(("publish/", "stories/", "sections/")) for name in nlp)
    assert "publish/render.py" in _names(PUBLISH) and not any(n.startswith("nlp/") for n in _names(PUBLISH))


def test_editing_one_stage_changes_its_key_and_not_another_stages(monkeypatch, tmp_path):
    package = tmp_path / "generator"
    for name, text in {"__init__.py": "", "nlp/__init__.py": "", "nlp/analyse.py": "from generator.nlp import parsed\n",
                       "nlp/parsed.py": "x = 1\n", "publish/__init__.py": "",
                       "publish/render.py": "from generator.nlp.parsed import x\n"}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text)
    monkeypatch.setattr(keys, "PACKAGE_DIR", package)

    def fingerprints() -> tuple[str, str]:
        code_fingerprint.cache_clear()
        return code_fingerprint(NLP), code_fingerprint(PUBLISH)

    try:
        nlp, publish = fingerprints()
        (package / "publish" / "render.py").write_text("from generator.nlp.parsed import x  # a comment\n")
        after = fingerprints()
        assert after[0] == nlp and after[1] != publish
        (package / "nlp" / "parsed.py").write_text("x = 2\n")  # imported by both stages: both keys change
        assert all(a != b for a, b in zip(fingerprints(), (nlp, publish)))
    finally:
        code_fingerprint.cache_clear()


def test_the_run_key_uses_the_digests_the_state_already_took_and_is_the_same(tmp_path):
    from generator.config import load_settings
    from generator.publish.changes import seed_hashes

    seeds = tmp_path / "seeds"
    (seeds / "more").mkdir(parents=True)
    (seeds / "a.txt").write_text("Officials said the bridge would reopen on Monday.")
    (seeds / "more" / "b.md").write_text("# Floods\n\nRain closed the port.")
    (seeds / "sources.yaml").write_text("a.txt:\n  outlet: Daily Planet\n")
    (seeds / ".notes").write_text("hidden: neither the state nor the key reads it")
    digests: dict = {}
    seed_hashes(load_settings(tmp_path), digests)
    assert sorted(p.name for p in digests) == ["a.txt", "b.md", "sources.yaml"]
    assert folder_digest(seeds, digests) == folder_digest(seeds)
    wrong = {path: b"\0" * 32 for path in digests}  # were they not used, the key would not change
    assert folder_digest(seeds, wrong) != folder_digest(seeds)
