"""Property tests of the input end (decode, readers, clean) with arbitrary bytes and Unicode.

Contract: a bad input only ever raises the documented one-line errors (NotText, ReaderError,
InputRejected), never anything else; a whole file through ingest never raises at all; and
cleaning drops nothing silently: every non-empty input line is a body paragraph or a removed
line with its reason.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from generator.clean.article import clean_document, input_lines
from generator.errors import InputRejected
from generator.ingest import documents as ingest
from generator.ingest import readers
from generator.ingest.decode import NotText, decode_bytes, normalise_text
from generator.models import Article, RawDocument

FAST = hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every code point but surrogates, and lines built from English-like words mixed with noise,
# so that some examples pass the article checks and reach the line rules.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
WORDS = st.sampled_from(
    "the council said on Tuesday that it would approve a new terminal and residents were told "
    "Share Advertisement By Jane Doe Published: March 3, 2024 Photo: Reuters Read more "
    "<script> {{ x }} | # --- [x](javascript:a) … “ ” é 中 \u202e".split(" "))
LINE = st.one_of(ANY_TEXT.map(lambda t: t.replace("\n", " ")),
                 st.lists(WORDS, min_size=1, max_size=25).map(" ".join))
PAGE = st.lists(LINE, min_size=1, max_size=30).map("\n".join)
ARTICLE_LINE = ("The council said on Tuesday that it would approve the new terminal, and residents "
                "were told the work would start in the spring after a long dispute.")


OPENERS = {"dateline", "page label", "photo caption", "photo credit", "boilerplate: advertisement label"}


def accounted(raw: RawDocument, article: Article) -> None:
    """Nothing dropped silently: the input lines (a Markdown paragraph, or a page printed at a
    fixed width, rejoined: `input_lines`) are exactly the body plus the removed lines, a
    paragraph counted with the opening (dateline, label, caption) it was taken from."""
    wanted = Counter(input_lines(raw))
    paragraphs = Counter(article.paragraphs)
    removed = Counter(r.line for r in article.removed)
    for line in list(wanted):
        if paragraphs[line] or removed[line]:
            continue
        for r in article.removed:
            rest = line[len(r.line):].strip() if r.reason in OPENERS and line.startswith(r.line) else None
            if rest and paragraphs[rest] and removed[r.line]:
                paragraphs[rest] -= 1
                removed[r.line] -= 1
                paragraphs[line] += 1
                break
    got = +paragraphs + +removed
    header = next((r.line for r in article.removed if r.reason == "scraper date header"), None)
    if header is not None:  # "date 2024-03-01 Headline" is split into the header and the rest
        first = input_lines(raw)[0]
        got[header] -= 1
        got[first] += 1
        rest = first[len(header):].strip()
        if rest:
            got[rest] -= 1
        got = +got
    assert got == wanted
    assert all(r.reason and r.reason.strip() and "\n" not in r.reason for r in article.removed)


def clean_or_reject(raw: RawDocument) -> Article | None:
    try:
        article = clean_document(raw)
    except InputRejected as exc:
        assert exc.reason and "\n" not in exc.reason and str(exc).startswith(raw.file)
        return None
    accounted(raw, article)
    return article


@FAST
@given(data=st.binary(max_size=2000))
@example(data=b"\xff\xfe\x00")  # a UTF-16 byte-order mark and half a character
@example(data=b"\xef\xbb\xbf")  # a UTF-8 byte-order mark alone
@example(data="Ren\u00e9e".encode("utf-8").decode("latin-1").encode("utf-8"))  # mojibake
def test_decode_any_bytes_gives_text_or_a_one_line_reason(data):
    try:
        text, encoding = decode_bytes(data)
    except NotText as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert text.strip() and encoding
    assert "\r" not in text and "\x00" not in text


# Letters, digits, punctuation and spaces of many scripts; no controls and no Latin-1/cp1252
# range (where ftfy's mojibake repair rightly rewrites "Ã©" and the like).
PLAIN_CHAR = st.characters(whitelist_categories=("L", "N", "P", "Zs", "Sm", "Sc"),
                           blacklist_characters="\u0085\u00a0\u2028\u2029", min_codepoint=0x20)
PLAIN = st.text(PLAIN_CHAR.filter(lambda c: not 0x80 <= ord(c) <= 0x2ff), min_size=1, max_size=200)


@FAST
@given(lines=st.lists(PLAIN, min_size=1, max_size=8),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]), eol=st.sampled_from(["\n", "\r\n", "\r"]))
def test_text_in_any_unicode_encoding_decodes_to_itself(lines, codec, eol):
    text = eol.join(lines)
    assume(text.strip())
    decoded, _ = decode_bytes(text.encode(codec))
    assert decoded == normalise_text("\n".join(lines))
    assert decoded == "\n".join(lines)  # nothing repaired that was not broken


@FAST
@given(text=ANY_TEXT | PAGE, reader=st.sampled_from(sorted(readers.READERS)))
def test_readers_return_records_or_a_reader_error(text, reader):
    try:
        records = readers.READERS[reader](text)
    except readers.ReaderError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert records
    for rec in records:
        assert isinstance(rec.text, str) and rec.format in ("text", "markdown", "html", "json")
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in rec.meta.items())
        assert rec.error is None or "\n" not in rec.error


# JSON escapes may carry half a character ("\\ud800"): any code point, surrogates included.
JSON_TEXT = st.text(st.characters(), max_size=60)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | JSON_TEXT,
                          lambda kids: st.lists(kids, max_size=3) | st.dictionaries(JSON_TEXT, kids, max_size=3),
                          max_leaves=8)
JSON_RECORD = st.fixed_dictionaries({}, optional={k: JSON_VALUE | PAGE for k in (
    "text", "body", "title", "date", "published", "url", "author", "outlet", "source")})


@FAST
@given(records=st.lists(JSON_RECORD, max_size=3) | JSON_RECORD)
def test_json_reader_with_odd_fields(records):
    try:
        out = readers.read_json(json.dumps(records))
    except readers.ReaderError as exc:
        assert "\n" not in str(exc)
        return
    for rec in out:
        assert rec.error is not None or rec.text.strip()
        assert rec.error is None or "\n" not in rec.error
        for value in (rec.text, *rec.meta.values()):
            value.encode("utf-8")  # a lone surrogate would crash every later write


def test_lone_surrogate_escapes_in_json_become_replacement_marks():
    [rec] = readers.read_json('{"text": "half \\ud800 a pair \\ud83d\\ude00", "title": "x \\udc80"}')
    assert rec.text == "half \ufffd a pair \U0001f600" and rec.meta["title"] == "x \ufffd"
    [line] = readers.read_json_lines('{"text": "a \\udfff b"}\n')
    assert line.text == "a \ufffd b"


def test_deeply_nested_json_is_a_reader_error():
    with pytest.raises(readers.ReaderError, match="nested too deeply"):
        readers.read_json("[" * 50_000 + "]" * 50_000)


def test_undecodable_file_name_is_rejected_with_a_printable_name(tmp_path):
    from generator.config import Settings

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_ok.txt").write_text(ARTICLE_LINE, encoding="utf-8")
    bad = os.fsdecode(b"002_caf\xe9.txt")  # a Latin-1 name on a UTF-8 file system
    (seeds / bad).write_text(ARTICLE_LINE, encoding="utf-8")
    docs, rejected = ingest.read_inputs(Settings(root=tmp_path))
    assert [d.file for d in docs] == ["seeds/001_ok.txt"]
    assert [(r.file, r.error) for r in rejected] == [
        ("seeds/002_caf\ufffd.txt", "file name is not valid UTF-8: rename the file")]


@FAST
@given(text=PAGE, fmt=st.sampled_from(["text", "markdown", "html", "json"]))
def test_clean_any_page_rejects_or_accounts_for_every_line(text, fmt):
    clean_or_reject(RawDocument("x", "seeds/x.txt", text, fmt))


@FAST
@given(noise=st.lists(LINE, max_size=12), slot=st.integers(0, 12), date=st.dates().map(str))
def test_noise_around_a_real_article_is_removed_with_reasons_or_kept(noise, slot, date):
    """Enough article text that the page is accepted: then every noise line is accounted for."""
    lines = list(noise)
    lines[min(slot, len(lines)):min(slot, len(lines))] = [ARTICLE_LINE] * 3 + [ARTICLE_LINE.replace("spring", "summer")]
    raw = RawDocument("x", "seeds/x.txt", f"date {date} " + "\n".join(lines))
    article = clean_or_reject(raw)
    assume(article is not None)
    assert ARTICLE_LINE.replace("spring", "summer") in article.paragraphs


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600) | PAGE.map(lambda t: t.encode("utf-8")),
       name=st.sampled_from(["a.txt", "b.md", "c.html", "d.json", "e.jsonl", "f.rtf", "g h.é.txt"]))
def test_any_file_through_ingest_and_clean_never_raises(data, name):
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        (seeds / name).write_bytes(data)
        docs, rejected = ingest.read_one(seeds / name, seeds, f"seeds/{name}")
    assert not (docs and rejected) or name.endswith((".json", ".jsonl"))
    for r in rejected:
        assert r.file.startswith(f"seeds/{name}") and r.error and "\n" not in r.error
    for doc in docs:
        clean_or_reject(doc)


@pytest.mark.parametrize("line", ["", " ", "\u3000", "\u200b", "\ufeff", "\u2028"])
def test_invisible_only_lines_never_make_a_paragraph(line):
    raw = RawDocument("x", "seeds/x.txt", "\n".join([ARTICLE_LINE] * 3 + [line, ARTICLE_LINE + " Again."]))
    article = clean_or_reject(raw)
    assert article is not None
    assert all(p.strip() for p in article.paragraphs)


# ---------------------------------------------------------------- metadata written by hand or by a scraper

YAML_VALUE = st.one_of(
    st.sampled_from(["2024-13-45", "2024-02-30", "2024-01-01T25:00:00", "10:30", "[a, b]", "{x: 1}", "&a [x]", "*a",
                     "!!binary aGk=", "!!python/object:os.system x", "null", "~", ".inf", "1700000000", "true", "'",
                     '"\\ud800"', "[[[[[[", "|", ">-", "? [a]", "2025", "July 4, 2025", "https://ok.example.com/a"]),
    ANY_TEXT.map(lambda t: t.replace("\n", " ")))
YAML_KEY = st.sampled_from(["title", "url", "outlet", "author", "published", "date", "autor", "tags", "? x", "- a"])
YAML_DOC = st.lists(st.tuples(YAML_KEY, YAML_VALUE), max_size=6).map(lambda kv: "\n".join(f"{k}: {v}" for k, v in kv))


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=YAML_DOC, sidecar=YAML_DOC, index=YAML_DOC)
def test_any_front_matter_and_sidecars_give_documents_or_one_line_reasons(front, sidecar, index):
    body = "\n\n".join([ARTICLE_LINE] * 4)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "seeds" / "001_a.md").write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
        (root / "seeds" / "002_b.txt").write_text(body, encoding="utf-8")
        (root / "seeds" / "002_b.txt.meta.yaml").write_text(sidecar, encoding="utf-8")
        (root / "seeds" / "sources.yaml").write_text(index.replace("title:", "001_a.md:", 1), encoding="utf-8")
        from generator.config import Settings

        docs, rejected = ingest.read_inputs(Settings(root=root))
    named = [Path(d.file).name for d in docs] + [Path(r.file).name for r in rejected]
    assert named.count("001_a.md") == named.count("002_b.txt") == 1, named  # each input: a document or a reason
    for r in rejected:
        assert r.error and "\n" not in r.error and len(r.error) < 2000, r
    for d in docs:
        assert all(isinstance(v, str) and "\n" not in v for v in d.meta.values())
        clean_or_reject(d)


def test_invalid_dates_in_sidecars_are_reasons_not_crashes(tmp_path):
    from generator.config import Settings

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("001_a.txt", "002_b.txt"):
        (seeds / name).write_text(ARTICLE_LINE, encoding="utf-8")
    (seeds / "sources.yaml").write_text("001_a.txt: {published: 2024-13-45}\n", encoding="utf-8")
    (seeds / "002_b.txt.meta.yaml").write_text("published: 2024-02-30\n", encoding="utf-8")
    docs, rejected = ingest.read_inputs(Settings(root=tmp_path))
    errors = {r.file: r.error for r in rejected}
    assert errors["seeds/sources.yaml"] == "not valid YAML: month must be in 1..12"
    assert errors["seeds/002_b.txt"].startswith("seeds/002_b.txt.meta.yaml: not valid YAML: day is out of range")
    assert [d.file for d in docs] == ["seeds/001_a.txt"]


def test_a_billion_laughs_in_front_matter_is_quick_and_its_message_short():
    """YAML aliases nest ten lists of ten lists...: a repr() of it would be gigabytes long."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]" for i in range(8)]
    text = "---\n" + "\n".join(levels) + "\ntitle: *i\n---\nbody\n"
    [record] = readers.read_markdown(text)
    assert record.error.startswith("front matter: key 'title' must be non-empty text, got [[")
    assert len(record.error) < 500


def test_bytes_that_repair_to_a_lone_space_are_an_empty_file():
    with pytest.raises(NotText, match="empty file"):
        decode_bytes(b"\xc2 ")
