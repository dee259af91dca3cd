"""Escaping article text for the pages: the one place where untrusted text meets markup.

Every string of a Story comes from scraped articles, so none of it may become Markdown
structure, raw HTML, template syntax or a link. Each output context has one function:

- `md_inline`: text inside a Markdown line (lists, tables, block quotes, headings);
- `html_text`: front-matter values the theme prints into HTML without escaping;
- `safe_url`: an http(s) URL, or None;
- `safe_tag`, `safe_token`: values that must match a strict pattern or be dropped.

`SafeMd` marks Markdown the templates built themselves; everything else is escaped.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit, urlunsplit


class SafeMd(str):
    """Markdown built by our own filters from escaped parts: printed as is by the templates."""

    __slots__ = ()


# C0/C1 controls (Python-Markdown uses \x02/\x03 as placeholders), bidi overrides and isolates
# (they can make "evil.com/moc.rellaw" read backwards), and the BOM.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")

# Characters with an inline meaning in Markdown or HTML, written as numeric entities so the
# parser sees plain text: `*emphasis*`, `_emphasis_`, `[links](x)` and `[^footnotes]`,
# `` `code` ``, `<b>` raw HTML, `&amp;` entities, `{: attr_list }` and `{{ templates }}`,
# `a | b` table cells, trailing `#` of a heading, and `\` escapes.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>\\`*_[]{}|#\""}
_MD_TABLE = str.maketrans(_MD_SPECIAL)


def clean_text(text: object) -> str:
    """One line of visible text: controls and bidi overrides removed, whitespace collapsed.

    A newline in article text could otherwise start a heading ("# Breaking") or a list.
    """
    if text is None:
        return ""
    return _SPACE.sub(" ", _INVISIBLE.sub("", str(text))).strip()


# A block's first characters decide its type: "- x" or "+ x" a list, "1. x" an ordered list,
# "---" a rule, "!!! note" an admonition. Text can start a list item or a footnote, so a
# leading ASCII punctuation mark, or the "." / ")" of a leading "2024." / "3)", is encoded.
_LEADING = re.compile(r"^(\d*)([!-/:-@\[-`{-~])")


def md_inline(text: object) -> str:
    """Article text as inert inline Markdown: it renders as the same characters, never as markup."""
    if isinstance(text, SafeMd):
        return str(text)
    escaped = clean_text(text).translate(_MD_TABLE)
    m = _LEADING.match(escaped)
    if m and not escaped.startswith("&#") and (not m[1] or m[2] in ".)"):
        escaped = f"{m[1]}&#{ord(m[2])};{escaped[m.end():]}"
    return escaped


def html_text(text: object) -> str:
    """Text for a value the theme prints raw into HTML (page title, meta description)."""
    return html.escape(clean_text(text), quote=True)


# Everything a URL may keep unencoded; the rest (quotes, brackets, parentheses, spaces,
# backticks, angle brackets) is percent-encoded so it cannot end a Markdown link or attribute.
_URL_SAFE = "/:@!$&+,;=%-.~*_?#"


def safe_url(url: object) -> str | None:
    """An absolute http(s) URL with a host, percent-encoded; None for anything else.

    A source page may claim any "url" ("javascript:alert(1)", "data:..."), so only the two
    web schemes pass, and nothing in it can close the link it is put in.
    """
    if not isinstance(url, str):
        return None
    raw = url.strip()
    if not raw or _INVISIBLE.search(raw) or re.search(r"\s", raw):
        return None
    try:
        parts = urlsplit(raw)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or not re.fullmatch(r"[A-Za-z0-9.-]+", host):
        return None
    netloc = host.lower() + (f":{port}" if port is not None else "")
    path = quote(parts.path, safe=_URL_SAFE) or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path,
                       quote(parts.query, safe=_URL_SAFE), quote(parts.fragment, safe=_URL_SAFE)))


def url_host(url: str) -> str:
    """The host of a URL that passed `safe_url`, without a leading "www." (a link's label)."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


# A tag is shown by the tags plugin and used in its URLs: letters, digits, spaces and the
# punctuation of names ("Jean-Luc", "O'Brien", "St. Louis"), nothing the theme could misread.
_TAG = re.compile(r"[^\W_](?:[\w .'’-]*[^\W_.])?")


def safe_tag(text: object) -> str | None:
    """A name usable as a tag, or None: tags are dropped rather than escaped."""
    name = clean_text(text)
    if 2 <= len(name) <= 60 and _TAG.fullmatch(name) and "_" not in name:
        return name
    return None


def safe_token(text: object, pattern: str = r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}") -> str | None:
    """An identifier (source id, slug) if it matches `pattern` exactly, else None."""
    value = str(text) if text is not None else ""
    return value if re.fullmatch(pattern, value) else None
