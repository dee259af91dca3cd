"""MkDocs hook: keep story pages light (target: 60 KB of HTML for a story page).

- One "back to the text" link per source footnote, not one per citation: Python-Markdown's
  footnotes add a backlink for every citation, and a story citing its five sources 200
  times would carry 200 backlinks (about 20 KB). The first backlink is kept; the duplicates
  ("#fnref2:000", ...) and the ids of the repeated citations they pointed at are removed.
- Blank and indentation-only lines left by the theme's templates are dropped (about 3 KB a
  page); a page with <pre> or <textarea> is left as it is, since whitespace shows there.

Every pattern starts with a literal, which the regex engine scans for quickly: a pattern
opening with an optional group is tried at every character of the page instead.
"""

from __future__ import annotations

import re

# Only the links Python-Markdown itself writes: class, numbered href, generated title, arrow.
_DUPLICATE_BACKREF = re.compile(
    r'<a class="footnote-backref" href="#fnref\d+:[A-Za-z0-9-]+" title="[^"<>]*">&#8617;</a>'
)
# The no-break space Python-Markdown writes before each backlink goes with it.
_BACKREF_SPACES = ("&#160;", "\u00a0")
_DUPLICATE_REF_ID = re.compile(r'<sup id="fnref\d+:[A-Za-z0-9-]+">')
# A newline and the blank lines and indentation after it: one newline is kept.
_BLANK_LINES_AND_INDENT = re.compile(r"\n[\n \t]+")
_WHITESPACE_MATTERS = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def drop_duplicate_backrefs(html: str) -> str:
    """The HTML without the duplicate backlinks, each with the no-break space before it."""
    kept: list[str] = []
    end = 0
    for m in _DUPLICATE_BACKREF.finditer(html):
        start = m.start()
        for space in _BACKREF_SPACES:
            if start - len(space) >= end and html.startswith(space, start - len(space)):
                start -= len(space)
                break
        kept.append(html[end:start])
        end = m.end()
    if not kept:
        return html
    kept.append(html[end:])
    return "".join(kept)


def on_page_content(html: str, page, config, files) -> str:
    return _DUPLICATE_REF_ID.sub("<sup>", drop_duplicate_backrefs(html))


def on_post_page(output: str, page, config) -> str:
    if _WHITESPACE_MATTERS.search(output):
        return output
    return _BLANK_LINES_AND_INDENT.sub("\n", output)
