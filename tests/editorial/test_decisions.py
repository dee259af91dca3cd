"""The decisions file: readable YAML, round-tripped exactly, validated naming file and key."""

from __future__ import annotations

import pytest

from generator.editorial.decisions import (
    Added,
    Decisions,
    ItemDecision,
    SourceDecision,
    dump_decisions,
    load_all,
    load_decisions,
    parse_decisions,
)
from generator.errors import ConfigError

FULL = Decisions(
    "city-budget", headline="Budget passes", description="Our summary.",
    items={"p-0a1b2c3d4e": ItemDecision(was="The vote was 7-2.", sources=("src-abc123",), section="summary",
                                        text="The vote was seven to two.", review="the generator's words changed"),
           "p-1b2c3d4e5f": ItemDecision(was="Gone.", hide=True),
           "a-2c3d4e5f6a": ItemDecision(was="Doe", role="mayor"),
           "p-3d4e5f6a7b": ItemDecision(was="Moved.", sections=("summary",))},
    order={"background": ("p-1", "p-2")},
    added=(Added("e-4e5f6a7b8c", "known", "Ours.", after="p-0a1b2c3d4e"),),
    sources={"example-com-abc123": SourceDecision(file="seeds/001_x.txt", exclude=True)})


def test_the_file_round_trips_and_shows_only_what_was_decided(tmp_path):
    text = dump_decisions(FULL)
    assert text.startswith("# The desk's decisions on content/stories/city-budget.md,\n")
    assert "hide: true" in text and "exclude: true" in text and "approve" not in text and "accepted" not in text
    (tmp_path / "city-budget.yaml").write_text(text, encoding="utf-8")
    assert load_decisions(tmp_path, "city-budget") == FULL
    assert load_all(tmp_path, ".explainer/decisions") == {"city-budget": FULL}
    assert dump_decisions(load_decisions(tmp_path, "city-budget")) == text  # deterministic


def test_no_file_is_no_decision(tmp_path):
    assert not load_decisions(tmp_path, "x") and load_decisions(tmp_path, "x") == Decisions("x")


@pytest.mark.parametrize("data, expected", [
    ({"itmes": {}}, "x.yaml: unknown key 'itmes'"),
    ({"items": {"p-1": {"hide": "yes"}}}, "x.yaml: items.p-1.hide must be true or false"),
    ({"items": {"p-1": {"sections": ["lead"]}}}, "x.yaml: items.p-1.sections: unknown section 'lead'"),
    ({"items": {"p-1": {"txet": "a"}}}, "x.yaml: items.p-1: unknown key 'txet'"),
    ({"added": [{"text": "a"}]}, "x.yaml: added[0] needs an id, a text and a section"),
    ({"sources": {"k": {"exclude": 1}}}, "x.yaml: sources.k.exclude must be true or false"),
    ({"order": {"nowhere": ["p-1"]}}, "x.yaml: order.nowhere: unknown section"),
])
def test_invalid_decisions_name_the_file_and_key(data, expected):
    with pytest.raises(ConfigError) as err:
        parse_decisions(data, "x", "x.yaml")
    assert expected in str(err.value)


def test_invalid_yaml_names_the_file(tmp_path):
    (tmp_path / "x.yaml").write_text("items: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^\.explainer/decisions/x\.yaml: not valid YAML"):
        load_decisions(tmp_path, "x", ".explainer/decisions/x.yaml")
