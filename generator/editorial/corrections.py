"""A correction is a rewording that only fixes a word or two ("stamped" for "stampede"): the
sentence stays the source's (it keeps its citations; the page marks it "corrected"), and the
same fix reaches every other line of the story that has the same misspelt word, so a typo
fixed in a quote does not come back in Background.
"""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

_TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_WORDS = 2  # more changed words than this is a rewording, not a correction


def corrections(was: str, text: str) -> list[tuple[str, str]] | None:
    """[(old word, new word)] when `text` fixes at most two misspelt words of `was`, else None."""
    a, b = _TOKEN.findall(was), _TOKEN.findall(text)
    fixes: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            return None
        old, new = a[i1], b[j1]
        if not (old.isalpha() and new.isalpha()) or fuzz.ratio(old.lower(), new.lower()) < 50:
            return None
        fixes.append((old, new))
    return fixes if 0 < len(fixes) <= MAX_WORDS else None


def fix(text: str, fixes: list[tuple[str, str]]) -> str:
    """`text` with each old word (a whole word, as written) replaced by its fix."""
    for old, new in fixes:
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text
