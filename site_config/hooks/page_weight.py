"""MkDocs hook: keep story pages light (target: 60 KB of HTML for a story page).

- One "back to the text" link per source footnote, not one per citation: Python-Markdown's
  footnotes add a backlink for every citation, and a story citing its five sources 200
  times would carry 200 backlinks (about 20 KB). The first backlink is kept; the duplicates
  ("#fnref2:000", ...) and the ids of the repeated citations they pointed at are removed.
- Blank and indentation-only lines left by the theme's templates are dropped (about 3 KB a
  page); a page with <pre> or <textarea> is left as it is, since whitespace shows there.
"""

from __future__ import annotations

import re

# Only the links Python-Markdown itself writes: class, numbered href, generated title, arrow.
_DUPLICATE_BACKREF = re.compile(
    r'(?:&#160;|\u00a0)?<a class="footnote-backref" href="#fnref\d+:[A-Za-z0-9-]+" title="[^"<>]*">&#8617;</a>'
)
_DUPLICATE_REF_ID = re.compile(r'<sup id="fnref\d+:[A-Za-z0-9-]+">')
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")
_INDENT = re.compile(r"\n[ \t]+")
_WHITESPACE_MATTERS = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def on_page_content(html: str, page, config, files) -> str:
    return _DUPLICATE_REF_ID.sub("<sup>", _DUPLICATE_BACKREF.sub("", html))


def on_post_page(output: str, page, config) -> str:
    if _WHITESPACE_MATTERS.search(output):
        return output
    return _INDENT.sub("\n", _BLANK_LINES.sub("", output))
