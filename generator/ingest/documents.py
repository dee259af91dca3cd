"""Ingest stage: find the input files under seeds/ and decode them into RawDocuments.

Every file is handled on its own: a bad one becomes a one-line Rejection and the others go on.
Safety: hidden files are skipped; a symbolic link pointing outside the input folder is never
read; files over inputs.MAX_INPUT_BYTES are rejected before reading (a news article, even as a full
HTML page, is far smaller; this bounds memory and time). Formats are chosen by extension
(see readers.py), decoding is robust (decode.py), sidecar metadata is merged (sidecars.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Callable

from generator.config import Settings
from generator.ingest.files import safety_problem, valid_name, walk
from generator.ingest.decode import NotText, decode_bytes
from generator.models import RawDocument, Rejection
from generator.ingest.readers import READERS, ReaderError, Record, reader_for
from generator.ingest.sidecars import SourcesIndex, is_sidecar, load_index, per_file_meta, unused_entries



def source_id_for(rel_path: str) -> str:
    """Stable id of a file: its leading number ("000_x.txt" -> "000"), else a short path hash."""
    name = Path(rel_path).name
    m = re.match(r"^(\d+)[_\-. ]", name)
    if m:
        return m.group(1)
    return hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:8]


# What a file's bytes read as, remembered by the caller (the pipeline's cache): decoding
# (ftfy) and HTML extraction cost milliseconds per file, every run, for every file of the desk.
Memo = Callable[[str, Callable[[], list[Record]]], list[Record]]


def read_inputs(settings: Settings, memo: Memo | None = None) -> tuple[list[RawDocument], list[Rejection]]:
    """Every input under settings.seeds_path, in path order; rejections each carry their reason.

    `memo(entry, read)`: the records a file read as before, by the file's content (or `read()`)."""
    seeds = settings.seeds_path
    if not seeds.is_dir():
        return [], []
    shown = _shown(seeds, settings.root)
    index = load_index(seeds, shown)
    index_file = _join(shown, "sources.yaml")
    rejected = [Rejection(index_file, p.split(": ", 1)[-1]) for p in index.problems]
    docs: list[RawDocument] = []
    used: set[str] = set()
    for path in walk(seeds):
        rel = path.relative_to(seeds).as_posix()
        if is_sidecar(rel):
            continue
        file_docs, file_rejected = read_one(path, seeds, _join(shown, rel), index, used, memo)
        docs.extend(file_docs)
        rejected.extend(file_rejected)
    rejected += [Rejection(index_file, f"entry '{name}' names no input file") for name in unused_entries(index, used)]
    return _unique_ids(docs), sorted(rejected, key=lambda r: (r.file, r.error))


def read_one(path: Path, seeds: Path, shown: str, index: SourcesIndex = SourcesIndex(),
             used: set[str] | None = None, memo: Memo | None = None) -> tuple[list[RawDocument], list[Rejection]]:
    """One input file -> its documents (several for a multi-record file) or its rejection."""
    rel = path.relative_to(seeds).as_posix()
    if not valid_name(shown):
        return [], [Rejection(_printable(shown), "file name is not valid UTF-8: rename the file")]
    problem = safety_problem(path, seeds)
    if problem:
        return [], [Rejection(shown, problem)] if problem != "skip" else []
    try:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        records = read_records(path.name, data, memo, digest)
    except (NotText, ReaderError) as exc:
        return [], [Rejection(shown, str(exc))]
    except OSError as exc:
        return [], [Rejection(shown, f"cannot read: {exc.strerror or exc}")]
    except Exception as exc:  # a reader library failing on odd input must not stop the run
        return [], [Rejection(shown, f"cannot be read as {path.suffix or 'text'}: {' '.join(str(exc).split())}")]
    file_meta, sidecar_error, _ = per_file_meta(path, shown.rsplit("/", 1)[0] if "/" in shown else "")
    docs, rejected = [], []
    for rec in records:
        keys = _index_keys(rel, path.name, rec.index)
        if used is not None:
            used.update(k for k in keys if k in index.entries)
        label = shown if rec.index is None else f"{shown}#{rec.index}"
        error = rec.error or next((index.errors[k] for k in keys if k in index.errors), None) or sidecar_error
        if error:
            rejected.append(Rejection(label, error))
            continue
        meta = dict(rec.meta)
        for k in reversed(keys):  # the most specific entry wins
            meta.update(index.entries.get(k, {}))
        docs.append(_document(rec, shown, label, {**meta, **file_meta}, digest))
    return docs, rejected


def read_records(name: str, data: bytes, memo: Memo | None = None, digest: str | None = None) -> list[Record]:
    """Decode a file's bytes and read its records (through `memo`, by content, when given).
    `digest`: the bytes' sha256, when the caller has it."""
    reader = reader_for(name)

    def read() -> list[Record]:
        text, _ = decode_bytes(data)  # first: a binary file is refused as such, whatever its name
        if reader is None:
            raise ReaderError(f"unsupported file type '{Path(name).suffix}' (supported: {', '.join(sorted(READERS))})")
        return reader(text)

    if reader is None or memo is None:
        return read()
    return memo(f"{reader.__name__}:{digest or hashlib.sha256(data).hexdigest()}", read)


def _index_keys(rel: str, name: str, index: int | None) -> list[str]:
    """sources.yaml keys that may describe a file or record, most specific first."""
    keys = [rel, name] if index is None else [f"{rel}#{index}", f"{name}#{index}", rel, name]
    return list(dict.fromkeys(keys))


def _document(rec: Record, shown: str, label: str, meta: dict[str, str], digest: str) -> RawDocument:
    sid = source_id_for(shown)
    if rec.index is not None:
        sid = f"{sid}-{rec.index}"
        digest = hashlib.sha256(f"{digest}#{rec.index}".encode()).hexdigest()
    return RawDocument(sid, label, rec.text, rec.format, dict(sorted(meta.items())), digest)  # type: ignore[arg-type]



def _printable(name: str) -> str:
    """A file name with its undecodable bytes shown as U+FFFD, for messages."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _shown(seeds: Path, root: Path) -> str:
    """How files are named in output: relative to the project root when inside it."""
    try:
        return seeds.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return seeds.name


def _join(folder: str, name: str) -> str:
    return name if folder in ("", ".") else f"{folder}/{name}"


def _unique_ids(docs: list[RawDocument]) -> list[RawDocument]:
    """Two files with the same leading number: the later (in path order) gets a path-hash suffix."""
    seen: set[str] = set()
    out: list[RawDocument] = []
    for d in docs:
        if d.source_id in seen:
            suffix = hashlib.sha1(d.file.encode("utf-8")).hexdigest()[:6]
            d = RawDocument(f"{d.source_id}-{suffix}", d.file, d.text, d.format, d.meta, d.content_hash)
        seen.add(d.source_id)
        out.append(d)
    return out
