"""Ingest: the seeds as read, one reader per format, sidecar metadata, stable ids."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.clean.article import clean_document
from generator.ingest.meta import normalise_explicit_date, validate_meta
from generator.config import Settings
from generator.ingest import documents as ingest
from generator.ingest.readers import markdown_to_text
from generator.models import RawDocument
from tests.paths import FIXTURES


def seeds_with(tmp_path: Path, files: dict[str, str | bytes]) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, data in files.items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Settings(root=tmp_path)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_source_id_contract():
    assert ingest.source_id_for("seeds/000_e99882434a367522.txt") == "000"
    assert ingest.source_id_for("seeds/12-report.md") == "12"
    assert ingest.source_id_for("seeds/report.txt") == hashlib.sha1(b"seeds/report.txt").hexdigest()[:8]


def test_seeds_are_read_as_they_are(settings, root):
    docs, rejected = ingest.read_inputs(settings)
    assert rejected == []
    assert [d.source_id for d in docs] == ["000", "001", "002", "003", "004"]
    for d in docs:
        data = (root / d.file).read_bytes()
        assert d.format == "text" and d.meta == {}
        assert d.content_hash == hashlib.sha256(data).hexdigest()
        assert d.text == data.decode("utf-8")  # ftfy leaves clean text alone


def test_markdown_front_matter_is_explicit_metadata(tmp_path):
    docs, rejected = ingest.read_inputs(seeds_with(tmp_path, {"010_ferry.md": fixture("article.md")}))
    assert rejected == []
    (doc,) = docs
    assert doc.format == "markdown"
    assert doc.meta == {"author": "Jane Roe", "outlet": "The Portvale Post", "published": "2024-03-05T09:30",
                        "title": "Harbour council approves new ferry terminal",
                        "url": "https://example.com/ferry-terminal"}
    article = clean_document(doc)
    assert "council chair Renée Dubois, adding" in article.text  # link reduced to its text
    assert "**" not in article.text and "https://" not in article.text and "#" not in article.text
    assert "Opponents said they would appeal" in article.paragraphs[-2]  # list items are paragraphs
    assert {r.reason for r in article.removed} == {"headline", "image file name"}


def test_markdown_inline_markup():
    assert markdown_to_text("## Why it matters ##") == "\nWhy it matters\n"
    assert markdown_to_text("Said *the* [mayor](http://x.y/m) __today__.") == "Said the mayor today."


def test_html_main_text_and_metadata_offline(tmp_path):
    docs, rejected = ingest.read_inputs(seeds_with(tmp_path, {"011_ferry.html": fixture("article.html")}))
    assert rejected == []
    (doc,) = docs
    assert doc.format == "html"
    assert doc.meta["title"] == "Harbour council approves new ferry terminal"
    assert doc.meta["author"] == "Jane Roe" and doc.meta["outlet"] == "The Portvale Post"
    assert doc.meta["published"] == "2024-03-05T09:30"
    article = clean_document(doc)
    assert len(article.paragraphs) == 4 and article.paragraphs[0].startswith("The Portvale harbour council")
    for noise in ("Home", "Most read", "Storm closes coastal road", "All rights reserved"):
        assert noise not in article.text


def test_json_records_get_ids_from_file_id_and_index(tmp_path):
    docs, rejected = ingest.read_inputs(seeds_with(tmp_path, {"020_records.json": fixture("records.json")}))
    assert rejected == []
    assert [(d.source_id, d.file) for d in docs] == [("020-0", "seeds/020_records.json#0"),
                                                     ("020-1", "seeds/020_records.json#1")]
    assert docs[0].meta == {"outlet": "The Portvale Post", "published": "2024-03-05",
                            "title": "Harbour council approves new ferry terminal",
                            "url": "https://example.com/ferry-terminal"}
    assert docs[1].meta["published"] == "2024-03-06"  # "March 6, 2024" normalised
    assert docs[0].content_hash != docs[1].content_hash
    assert clean_document(docs[1]).title == "Storm closes coastal road for a second day"


def test_json_lines_reject_bad_records_and_keep_the_others(tmp_path):
    docs, rejected = ingest.read_inputs(seeds_with(tmp_path, {"021_feed.jsonl": fixture("records.jsonl")}))
    assert [d.source_id for d in docs] == ["021-0", "021-1"]
    assert docs[0].meta["published"] == "2024-03-05T09:30"
    assert [(r.file, r.error.split(":")[0]) for r in rejected] == [
        ("seeds/021_feed.jsonl#2", "record 2"), ("seeds/021_feed.jsonl#3", "record 3")]
    assert "no non-empty 'text' field" in rejected[0].error and "invalid JSON" in rejected[1].error


def test_invalid_json_file_is_one_rejection(tmp_path):
    _, rejected = ingest.read_inputs(seeds_with(tmp_path, {"bad.json": "{\"text\": "}))
    assert len(rejected) == 1 and rejected[0].error.startswith("invalid JSON: ")


SIDECAR_TEXT = (FIXTURES / "utf8.txt").read_text(encoding="utf-8")


def test_sources_yaml_and_per_file_sidecar_win_over_inference(tmp_path):
    settings = seeds_with(tmp_path, {
        "030_a.txt": SIDECAR_TEXT, "031_b.txt": SIDECAR_TEXT,
        "sources.yaml": "030_a.txt: {title: Ferry terminal approved, outlet: The Portvale Post, published: 2024-03-05}\n"
                        "031_b.txt: {author: Jane Roe, url: 'https://example.com/b'}\n",
        "031_b.meta.yaml": "author: John Doe\npublished: '2024-03-05T09:30'\n",
    })
    docs, rejected = ingest.read_inputs(settings)
    assert rejected == []
    a, b = (clean_document(d) for d in docs)
    assert (a.title, a.outlet, a.published) == ("Ferry terminal approved", "The Portvale Post", "2024-03-05")
    assert (b.author, b.url, b.published) == ("John Doe", "https://example.com/b", "2024-03-05T09:30")
    assert b.title == "Harbour council approves new ferry terminal"  # inferred where nothing is given
    assert len(docs) == 2  # sidecars are not inputs


def test_sidecar_errors_name_the_file_and_the_key(tmp_path):
    settings = seeds_with(tmp_path, {
        "040_a.txt": SIDECAR_TEXT, "041_b.txt": SIDECAR_TEXT, "042_c.txt": SIDECAR_TEXT,
        "sources.yaml": "040_a.txt: {autor: Jane Roe}\nmissing.txt: {title: Lost}\n",
        "041_b.txt.meta.yaml": "published: next week\n",
        "042_c.meta.yaml": "url: not-a-url\n",
    })
    docs, rejected = ingest.read_inputs(settings)
    assert docs == []
    errors = {r.file: r.error for r in rejected}
    assert errors["seeds/040_a.txt"] == ("seeds/sources.yaml: entry '040_a.txt': unknown key 'autor' "
                                         "(known: title, url, outlet, author, published)")
    assert errors["seeds/041_b.txt"].startswith("seeds/041_b.txt.meta.yaml: key 'published': not a date: 'next week'")
    assert errors["seeds/042_c.txt"] == "seeds/042_c.meta.yaml: key 'url' must be an http(s) address, got 'not-a-url'"
    assert errors["seeds/sources.yaml"] == "entry 'missing.txt' names no input file"


def test_broken_sources_yaml_is_reported_and_inputs_still_read(tmp_path):
    settings = seeds_with(tmp_path, {"050_a.txt": SIDECAR_TEXT, "sources.yaml": "a: [unclosed\n"})
    docs, rejected = ingest.read_inputs(settings)
    assert len(docs) == 1
    assert rejected[0].file == "seeds/sources.yaml" and rejected[0].error.startswith("not valid YAML")


def test_explicit_date_normalisation():
    assert normalise_explicit_date("2025-07-04T15:25:00+02:00") == "2025-07-04T15:25"
    assert normalise_explicit_date("2025-07") == "2025-07"
    assert normalise_explicit_date(2025) == "2025"
    assert normalise_explicit_date("Friday, July 4, 2025") == "2025-07-04"
    with pytest.raises(ValueError):
        normalise_explicit_date("2025-13-40")
    meta, errors = validate_meta({"date": "2025-07-04", "title": "  A   title "}, "x.yaml")
    assert meta == {"published": "2025-07-04", "title": "A title"} and errors == []


def test_hidden_files_skipped_duplicate_ids_disambiguated_and_subfolders_read(tmp_path):
    settings = seeds_with(tmp_path, {"060_a.txt": SIDECAR_TEXT, "060_b.txt": SIDECAR_TEXT,
                                     ".draft.txt": SIDECAR_TEXT, "batch/061_c.txt": SIDECAR_TEXT})
    docs, rejected = ingest.read_inputs(settings)
    assert rejected == []
    ids = [d.source_id for d in docs]
    assert [d.file for d in docs] == ["seeds/060_a.txt", "seeds/060_b.txt", "seeds/batch/061_c.txt"]
    assert ids[0] == "060" and ids[1].startswith("060-") and ids[2] == "061"
    assert ingest.read_inputs(settings) == (docs, rejected)  # deterministic


def test_seeds_outside_the_project_root_are_named_by_folder(tmp_path):
    shutil.copy(FIXTURES / "utf8.txt", tmp_path / "070_x.txt")
    settings = Settings(root=tmp_path / "project", seeds_dir=str(tmp_path))
    docs, _ = ingest.read_inputs(settings)
    assert docs[0].file == f"{tmp_path.name}/070_x.txt"


def test_explicit_metadata_wins_over_inference_in_clean():
    text = SIDECAR_TEXT.replace("Harbour council", "Published: May 2, 2024\n\nHarbour council", 1)
    inferred = clean_document(RawDocument("x", "seeds/x.txt", text))
    assert inferred.published == "2024-05-02"
    given = clean_document(RawDocument("x", "seeds/x.txt", text, meta={"published": "2024-05-01", "title": "T"}))
    assert (given.published, given.title) == ("2024-05-01", "T")


def test_html_without_text_and_broken_front_matter_are_rejected(tmp_path):
    settings = seeds_with(tmp_path, {"empty.html": "<html><head><title>Nothing</title></head><body></body></html>",
                                     "bad.md": "---\ntitle: [unclosed\n---\nThe council met on Tuesday.\n"})
    docs, rejected = ingest.read_inputs(settings)
    errors = {Path(r.file).name: r.error for r in rejected}
    assert docs == []
    assert errors["empty.html"] == "no article text found in the HTML page"
    assert errors["bad.md"].startswith("invalid YAML front matter: ") and "\n" not in errors["bad.md"]


def test_a_text_saved_from_html_source_has_its_escapes_undone():
    from generator.ingest.readers import read_text

    raw = "Ann Velt will die in jail, for &ldquo;evil&rdquo; crimes.<br /><br />It cost &pound;40bn."
    assert read_text(raw)[0].text == "Ann Velt will die in jail, for “evil” crimes.\n\nIt cost £40bn."
    assert read_text("Smith &amp; Sons closed.")[0].text == "Smith &amp; Sons closed."  # one: not markup
