"""Settings are declared once and validated with messages naming the file and the key."""

from __future__ import annotations

from dataclasses import fields

import pytest

from generator.config import Settings, load_settings, options
from generator.errors import ConfigError


def test_defaults_without_a_settings_file(tmp_path):
    s = load_settings(tmp_path)
    assert s.seeds_path == (tmp_path / "seeds").resolve()
    assert s.summary_points == 4


def test_every_option_is_documented_with_its_default_and_range():
    declared = options()
    assert set(declared) == {f.name for f in fields(Settings)} - {"root", "extra"}
    assert all(f.metadata["doc"] for f in declared.values())
    numeric = {name for name, f in declared.items() if isinstance(f.default, (int, float))}
    assert numeric and all(declared[name].metadata["range"] for name in numeric)


@pytest.mark.parametrize("text, message", [
    ("summary_points: 9\n", "'summary_points' must be between 3 and 5"),
    ("summary_points: four\n", "'summary_points' must be int"),
    ("cluster_similarity: true\n", "'cluster_similarity' must be float"),
    ("no_such_key: 1\n", "unknown setting 'no_such_key'"),
    ("- a list\n", "expected a mapping"),
    ("key: [unclosed\n", "not valid YAML"),
])
def test_bad_settings_name_file_and_key(tmp_path, text, message):
    (tmp_path / "site_config").mkdir()
    f = tmp_path / "site_config" / "settings.yaml"
    f.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path)
    assert message in str(err.value)
    assert str(f) in str(err.value)


def test_all_problems_reported_at_once(tmp_path):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "settings.yaml").write_text("summary_points: 0\nmax_known: x\n")
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path)
    assert "summary_points" in str(err.value) and "max_known" in str(err.value)


def test_int_accepted_where_float_expected(tmp_path):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "settings.yaml").write_text("cluster_similarity: 1\n")
    assert load_settings(tmp_path).cluster_similarity == 1.0


def test_project_settings_file_is_valid(root):
    load_settings(root)
