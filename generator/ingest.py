"""Ingest stage: find input files under seeds/ and decode them into RawDocuments.

(Minimal first version: UTF-8 text files. Replaced by the full reader set.)
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .config import Settings
from .models import RawDocument, Rejection

SUFFIXES = {".txt"}


def source_id_for(rel_path: str) -> str:
    """Stable id of a file: its leading number ("000_x.txt" -> "000"), else a short path hash."""
    name = Path(rel_path).name
    m = re.match(r"^(\d+)[_\-. ]", name)
    if m:
        return m.group(1)
    return hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:8]


def read_inputs(settings: Settings) -> tuple[list[RawDocument], list[Rejection]]:
    docs: list[RawDocument] = []
    rejected: list[Rejection] = []
    root = settings.root
    for path in sorted(settings.seeds_path.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES:
            continue
        rel = path.relative_to(root).as_posix()
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            rejected.append(Rejection(rel, f"not UTF-8 text: {exc}"))
            continue
        docs.append(RawDocument(source_id_for(rel), rel, text, "text", {},
                                hashlib.sha256(data).hexdigest()))
    return docs, rejected
