"""Clean stage: separate the article body from boilerplate and read the page's metadata.

(Minimal first version: keeps every non-empty line. Replaced by the full cleaner.)
"""

from __future__ import annotations

from .models import Article, RawDocument


def clean_document(raw: RawDocument) -> Article:
    lines = [ln.strip() for ln in raw.text.splitlines() if ln.strip()]
    return Article(raw.source_id, raw.file, tuple(lines), (), raw.meta.get("title"),
                   raw.meta.get("outlet"), raw.meta.get("author"), raw.meta.get("published"),
                   raw.meta.get("url"), raw.content_hash)
