"""Robust decoding and rejection of inputs that are not one article: each bad file gets a
one-line reason, every other file is still processed. Big, binary and symlink fixtures are made
here at runtime; small encoded fixtures are in tests/fixtures/inputs (see make_fixtures.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.clean.article import clean_document
from generator.config import Settings
from generator.errors import InputRejected
from generator.ingest import documents as ingest
from generator.ingest.decode import NotText, decode_bytes
from generator.models import RawDocument
from tests.paths import FIXTURES

GOOD = (FIXTURES / "utf8.txt").read_bytes()


def make_seeds(tmp_path: Path, files: dict[str, bytes]) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    return Settings(root=tmp_path)


def errors_by_name(rejected) -> dict[str, str]:
    return {Path(r.file).name: r.error for r in rejected}


@pytest.mark.parametrize("name", ["utf8.txt", "utf8_bom.txt", "utf16_bom.txt", "cp1252.txt", "mojibake.txt", "crlf.txt"])
def test_encodings_decode_to_the_same_article(name):
    text, _ = decode_bytes((FIXTURES / name).read_bytes())
    assert text == GOOD.decode("utf-8")  # BOM gone, quotes/dashes/accents right, "\n" line ends


def test_latin1_decodes_accents_and_pound_sign():
    text, encoding = decode_bytes((FIXTURES / "latin1.txt").read_bytes())
    assert "Renée Dubois" in text and "£42 million" in text
    assert encoding in ("cp1252", "iso8859_15", "latin_1")


def test_mojibake_is_repaired_not_kept():
    raw = (FIXTURES / "mojibake.txt").read_bytes().decode("utf-8")
    assert "RenÃ©e" in raw  # the fixture really is double-decoded
    text, _ = decode_bytes(raw.encode("utf-8"))
    assert "Renée" in text and "Ã" not in text and "“This is" in text


def test_invalid_utf8_is_decoded_with_replacement_marks():
    """Policy: a few corrupt bytes in UTF-8 are marked with U+FFFD; nothing else changes."""
    text, encoding = decode_bytes((FIXTURES / "invalid_utf8.txt").read_bytes())
    assert text.count("\ufffd") == 2
    assert "Renée Dubois" in text and "“This is" in text
    assert "replaced" in encoding


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_files_are_rejected(name):
    with pytest.raises(NotText, match="^empty file$"):
        decode_bytes((FIXTURES / name).read_bytes())


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def test_binary_files_are_rejected_and_others_still_processed(tmp_path):
    settings = make_seeds(tmp_path, {"photo.png": PNG, "photo.txt": PNG, "blob.txt": bytes(range(32)) * 40,
                                     "001_good.txt": GOOD, "empty.txt": b"", "blank.md": b"\n \n"})
    docs, rejected = ingest.read_inputs(settings)
    errors = errors_by_name(rejected)
    assert errors == {"photo.png": "binary file, not text", "photo.txt": "binary file, not text",
                      "blob.txt": "binary file, not text", "empty.txt": "empty file", "blank.md": "empty file"}
    assert [d.source_id for d in docs] == ["001"]


def test_a_20_mb_file_is_rejected_unread_and_fast(tmp_path, monkeypatch):
    settings = make_seeds(tmp_path, {"002_ok.txt": GOOD})
    with open(tmp_path / "seeds" / "huge.txt", "wb") as fh:
        fh.write(b"The council met again. " * (20 * 1024 * 1024 // 23 + 1))
    reads: list[str] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or original(self))
    start = time.perf_counter()
    docs, rejected = ingest.read_inputs(settings)
    assert time.perf_counter() - start < 5
    assert "huge.txt" not in reads
    assert errors_by_name(rejected)["huge.txt"].startswith("file too large (20.0 MB; the limit is 5 MB)")
    assert [d.source_id for d in docs] == ["002"]


def test_a_single_1_mb_line_is_rejected_quickly_without_crash(tmp_path):
    line = ("The council said the ferry terminal would open in 2027, and opponents said they would "
            "appeal the decision. ") * 10_000
    settings = make_seeds(tmp_path, {"one_line.txt": line.encode()})
    start = time.perf_counter()
    docs, rejected = ingest.read_inputs(settings)
    assert len(docs) == 1 and len(docs[0].text) > 1_000_000
    with pytest.raises(InputRejected, match=r"too long for one article \(\d+ characters; the limit is 300000\)"):
        clean_document(docs[0])
    assert time.perf_counter() - start < 5


def test_a_long_article_of_many_lines_is_cleaned_in_linear_time():
    """Ten times the lines cost about ten times the time, not a hundred: the cost is measured
    against the same text ten times shorter, on the same machine, so a busy machine slows both."""
    def cost(lines: int) -> tuple[float, int]:
        text = "".join(f"On day {i} the council said the terminal plans were on track and would be published…\n"
                       for i in range(lines))
        start = time.perf_counter()
        article = clean_document(RawDocument("x", "seeds/x.txt", text))
        return time.perf_counter() - start, len(article.paragraphs)

    short, _ = cost(250)
    long, paragraphs = cost(2500)
    assert paragraphs == 2500
    assert long < 30 * short + 0.5  # quadratic growth would be ~100 times


def test_symlink_outside_seeds_is_rejected_and_never_read(tmp_path, monkeypatch):
    secret = tmp_path / "outside.txt"
    secret.write_bytes(GOOD)
    settings = make_seeds(tmp_path, {"003_ok.txt": GOOD})
    (tmp_path / "seeds" / "link.txt").symlink_to(secret)
    (tmp_path / "seeds" / "linked_dir").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "seeds" / "inside_link.txt").symlink_to(tmp_path / "seeds" / "003_ok.txt")
    reads: list[str] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or original(self))
    docs, rejected = ingest.read_inputs(settings)
    errors = errors_by_name(rejected)
    assert errors["link.txt"] == "symbolic link pointing outside the input folder: not read"
    assert errors["linked_dir"] == "symbolic link pointing outside the input folder: not read"
    assert "link.txt" not in reads and "outside.txt" not in reads
    assert sorted(Path(d.file).name for d in docs) == ["003_ok.txt", "inside_link.txt"]


def test_file_names_with_spaces_unicode_and_dots(tmp_path):
    names = ["007 harbour report.txt", "008_café.notes.v2.txt", "ünïcødé name.final.txt", "009.dotted.name.md"]
    settings = make_seeds(tmp_path, {n: GOOD for n in names})
    docs, rejected = ingest.read_inputs(settings)
    assert rejected == []
    by_file = {d.file: d.source_id for d in docs}
    assert by_file["seeds/007 harbour report.txt"] == "007"
    assert by_file["seeds/008_café.notes.v2.txt"] == "008"
    assert by_file["seeds/009.dotted.name.md"] == "009"
    assert len(by_file["seeds/ünïcødé name.final.txt"]) == 8  # a stable path hash
    for d in docs:
        assert "Renée Dubois" in clean_document(d).text


def test_unsupported_type_is_rejected_with_the_supported_list(tmp_path):
    settings = make_seeds(tmp_path, {"notes.rtf": b"{\\rtf1 The council met on Tuesday.}"})
    _, rejected = ingest.read_inputs(settings)
    assert errors_by_name(rejected)["notes.rtf"].startswith("unsupported file type '.rtf' (supported: .htm, .html")


@pytest.mark.parametrize("name, reason", [
    ("headlines_only.txt", "a list of headlines with no sentences: not an article"),
    ("near_empty.txt", "near-empty page: 7 words of article text (at least 40 needed)"),
    ("french.txt", "not in English: only "),
])
def test_not_an_article_is_rejected_with_its_reason(name, reason):
    text, _ = decode_bytes((FIXTURES / name).read_bytes())
    with pytest.raises(InputRejected) as exc:
        clean_document(RawDocument("x", f"seeds/{name}", text))
    assert exc.value.reason.startswith(reason)
    assert "\n" not in str(exc.value)


def test_min_body_words_is_a_parameter():
    text, _ = decode_bytes((FIXTURES / "near_empty.txt").read_bytes())
    article = clean_document(RawDocument("x", "seeds/x.txt", text), min_body_words=5)
    assert article.paragraphs == ("The council approved the terminal on Tuesday.",)
