"""One reader per input format, chosen by file extension (as Pelican does).

A reader turns decoded text into Records: the article text as lines, the format, and the
metadata the file states explicitly (front matter, JSON fields, HTML meta tags). A file may
hold several records (a JSON list, JSON Lines); each keeps its index for a stable id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml

from generator.ingest.meta import META_ALIASES, META_KEYS, normalise_explicit_date, validate_meta


@dataclass(frozen=True)
class Record:
    text: str
    format: str  # "text" | "markdown" | "html" | "json"
    meta: dict[str, str] = field(default_factory=dict)
    index: int | None = None  # position in a multi-record file
    error: str | None = None  # the record cannot be used: why


class ReaderError(ValueError):
    """The whole file cannot be read in its format; the message is the one-line reason."""


# A page saved as text straight from its HTML source keeps the source's escapes: character
# references ("&ldquo;", "&rsquo;", "&#39;") and line-break tags ("<br />"). Read as text they
# glue paragraphs into one line and put markup inside sentences; two or more mean markup.
_CHAR_REF = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#[xX][0-9a-fA-F]{2,4});")
_BREAK_TAG = re.compile(r"<br\s*/?>|</?p(?:\s[^<>]*)?>", re.I)


def read_text(text: str) -> list[Record]:
    return [Record(html_escapes_undone(text), "text")]


def html_escapes_undone(text: str) -> str:
    """Plain text with an HTML source's line-break tags made line breaks and its character
    references made characters, when it carries two or more of them."""
    if len(_CHAR_REF.findall(text)) + len(_BREAK_TAG.findall(text)) < 2:
        return text
    import html

    return html.unescape(_BREAK_TAG.sub("\n", text))


# ---------------------------------------------------------------- Markdown

_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), "\n\\1\n"),  # "## Heading ##": own paragraph
    (re.compile(r"!\[([^\]\n]*)\]\(([^)\s]*/)?([^)\s/]*)[^)\n]*\)"), r"\3"),  # image -> its file name
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # [text](url) -> text
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quote marker
    (re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), "\n"),  # list item: own paragraph
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **strong**
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # horizontal rule
]


def markdown_to_text(md: str) -> str:
    """Markdown reduced to plain text; headings and list items become paragraphs of their own."""
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md


def read_markdown(text: str) -> list[Record]:
    import frontmatter  # here, like trafilatura below: a desk of plain-text files never loads them

    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as exc:
        raise ReaderError(f"invalid YAML front matter: {_one_line(exc)}") from None
    meta, errors = validate_meta(_known_only(post.metadata), "front matter")
    body = markdown_to_text(post.content)
    return [Record(body, "markdown", meta, error="; ".join(errors) or None)]


# ---------------------------------------------------------------- HTML


def read_html(text: str) -> list[Record]:
    """Main text and metadata by trafilatura, offline; no date guessed from free text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        return [Record("", "html", error="no article text found in the HTML page")]
    meta: dict[str, str] = {}
    for key, attr in (("title", "title"), ("author", "author"), ("outlet", "sitename"), ("url", "url")):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and value.strip():
            meta[key] = " ".join(value.split())
    published = _html_published(text, getattr(doc, "date", None))
    if published:
        meta["published"] = published
    meta, errors = validate_meta(meta, "HTML metadata")
    return [Record(body, "html", meta, error="; ".join(errors) or None)]


_PUBLISHED_TIME = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished)[\"'][^>]*"
    r"content=[\"']([^\"']+)[\"']", re.I)


def _html_published(html: str, day: str | None) -> str | None:
    """The page's stated publication time when its meta tag agrees with the extracted day."""
    m = _PUBLISHED_TIME.search(html[:200_000])
    if m:
        try:
            stated = normalise_explicit_date(m.group(1))
        except ValueError:
            stated = None
        if stated and (day is None or stated.startswith(day)):
            return stated
    return day if isinstance(day, str) and day else None


# ---------------------------------------------------------------- JSON, JSON Lines

TEXT_FIELDS = ("text", "body", "content")
JSON_META_FIELDS = {"title": "title", "headline": "title", "url": "url", "link": "url",
                    "date": "published", "published": "published", "outlet": "outlet",
                    "source": "outlet", "publisher": "outlet", "author": "author", "byline": "author"}


def read_json(text: str) -> list[Record]:
    try:
        data = _no_lone_surrogates(json.loads(text))
    except json.JSONDecodeError as exc:
        raise ReaderError(f"invalid JSON: {exc}") from None
    except RecursionError:  # '[[[[...' thousands deep: no article is shaped like that
        raise ReaderError("invalid JSON: nested too deeply to be a list of articles") from None
    if isinstance(data, dict) and not any(k in data for k in TEXT_FIELDS):
        lists = [v for k, v in sorted(data.items()) if isinstance(v, list)]
        if len(lists) == 1:
            data = lists[0]  # {"articles": [...]}
    if isinstance(data, dict):
        return [_json_record(data, None)]
    if isinstance(data, list):
        if not data:
            raise ReaderError("empty JSON list: no records")
        return [_json_record(item, i) for i, item in enumerate(data)]
    raise ReaderError(f"expected a JSON object or a list of records, got {type(data).__name__}")


def read_json_lines(text: str) -> list[Record]:
    records: list[Record] = []
    for i, line in enumerate(ln for ln in text.split("\n") if ln.strip()):
        try:
            records.append(_json_record(_no_lone_surrogates(json.loads(line)), i))
        except json.JSONDecodeError as exc:
            records.append(Record("", "json", index=i, error=f"record {i}: invalid JSON: {exc}"))
        except RecursionError:
            records.append(Record("", "json", index=i, error=f"record {i}: invalid JSON: nested too deeply"))
    if not records:
        raise ReaderError("empty file")
    return records


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(value: Any) -> Any:
    """JSON may escape half a character ("\\ud800"); it cannot be written as UTF-8, so it
    becomes U+FFFD, as invalid bytes do in decode.py (marked, never guessed)."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_no_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_no_lone_surrogates(k): _no_lone_surrogates(v) for k, v in value.items()}
    return value


def _json_record(item: Any, index: int | None) -> Record:
    where = "record" if index is None else f"record {index}"
    if not isinstance(item, dict):
        return Record("", "json", index=index, error=f"{where}: expected an object, got {type(item).__name__}")
    body = next((item[k] for k in TEXT_FIELDS if isinstance(item.get(k), str) and item[k].strip()), None)
    if body is None:
        return Record("", "json", index=index, error=f"{where}: no non-empty 'text' field")
    fields = {JSON_META_FIELDS[k]: v for k, v in sorted(item.items()) if k in JSON_META_FIELDS and v is not None}
    meta, errors = validate_meta(fields, where)
    return Record(body, "json", meta, index, "; ".join(errors) or None)


# ---------------------------------------------------------------- dispatch

READERS: dict[str, Callable[[str], list[Record]]] = {
    ".txt": read_text, ".text": read_text,
    ".md": read_markdown, ".markdown": read_markdown,
    ".html": read_html, ".htm": read_html,
    ".json": read_json, ".jsonl": read_json_lines, ".ndjson": read_json_lines,
}


def reader_for(name: str) -> Callable[[str], list[Record]] | None:
    """The reader for a file name's extension (case-insensitive); None when unsupported."""
    lower = name.lower()
    return next((READERS[ext] for ext in sorted(READERS, key=len, reverse=True) if lower.endswith(ext)), None)


def _known_only(meta: dict[str, Any]) -> dict[str, Any]:
    """Front matter may carry other keys (tags, layout); only the metadata keys are read."""
    return {k: v for k, v in meta.items() if k in META_KEYS or k in META_ALIASES}


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
