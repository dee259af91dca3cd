"""The MkDocs hooks' quicker code gives exactly what the plain code gave (behaviour, not speed)."""

from __future__ import annotations

import importlib.util
import random
import re
from types import SimpleNamespace

import markdown
import pytest

from tests.paths import ROOT

HOOKS = ROOT / "site_config" / "hooks"


def hook(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


page_weight = hook("page_weight")
quick_details = hook("quick_details")

# page_weight's former patterns: an optional space before each backlink, two passes over the page.
OLD_BACKREF = re.compile(
    r'(?:&#160;|\u00a0)?<a class="footnote-backref" href="#fnref\d+:[A-Za-z0-9-]+" title="[^"<>]*">&#8617;</a>'
)
OLD_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")
OLD_INDENT = re.compile(r"\n[ \t]+")


def backref(n: int, ref: str = "000") -> str:
    return f'<a class="footnote-backref" href="#fnref{n}:{ref}" title="Jump back to footnote 1 in the text">&#8617;</a>'


BACKREF_CASES = [
    "",
    "<p>No footnotes.</p>",
    '<li id="fn:000"><p>Source.&#160;<a class="footnote-backref" href="#fnref:000" title="x">&#8617;</a>'
    f"&#160;{backref(2)}&#160;{backref(3)}</p></li>",
    f"{backref(2)}start",  # no room for a space before it
    f"&#160;{backref(2)}",
    f"\u00a0{backref(2)}\u00a0{backref(3, 'a-1')}",
    f"\u00a0&#160;{backref(2)}{backref(3)}",
    f"&#160;&#160;{backref(2)}&#160;",
    f";{backref(2)}160;&#{backref(3)}",
    f"&#16{backref(2)}",
    backref(2).replace("&#8617;", "&#8618;"),  # not one Python-Markdown writes: kept
]


@pytest.mark.parametrize("html", BACKREF_CASES)
def test_duplicate_backrefs_dropped_as_before(html):
    assert page_weight.drop_duplicate_backrefs(html) == OLD_BACKREF.sub("", html)


def test_duplicate_backrefs_dropped_as_before_on_random_pages():
    rng = random.Random(8)
    pieces = [backref(2), backref(12, "b7"), "&#160;", "\u00a0", "&", "#160;", "<p>", "x", " ", "\n",
              '<sup id="fnref2:000">', "</a>"]
    for _ in range(3000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        assert page_weight.drop_duplicate_backrefs(html) == OLD_BACKREF.sub("", html), html


def test_blank_lines_and_indentation_dropped_as_before():
    rng = random.Random(8)
    pieces = ["\n", " ", "\t", "\r", "<p>", "x", "  ", "\n\n"]
    cases = ["", "\n", "a\n  \n \n  b", "a\n\t\n", "  lead\n", "a\n \r\n b", "end\n  "]
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randrange(14))) for _ in range(3000)]
    for output in cases:
        assert page_weight.on_post_page(output, None, None) == OLD_INDENT.sub("\n", OLD_BLANK_LINES.sub("", output))


def test_whitespace_kept_where_it_shows():
    output = "<html>\n  <pre>a\n\n    b</pre>\n</html>"
    assert page_weight.on_post_page(output, None, None) == output


EXTENSIONS = ["abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables", "toc", "pymdownx.details"]
DETAILS_DOCS = [
    "# Title\n\nPlain text only.\n",
    '??? note "Also mentioned (3)"\n\n    - **A** (1 source)\n    - **B**\n\nAfter.\n',
    "???+ warning\n    open\n\n    second paragraph\n\n        code in it\n",
    "Before\n??? tip \"T\"\n    body\n",
    "- item\n\n    ??? note \"In a list\"\n        nested\n\n        more\n\n- next\n",
    '??? note "Outer"\n    ??? danger "Inner"\n        deep\n\n    back in outer\n',
    "| a | b |\n| --- | --- |\n| ??? | not a block |\n",
    "````\n??? note\n    in code\n````\n",
    "????\n    four marks\n",
    "??? \n    empty title\n",
    '!!! note\n    ??? note "In an admonition"\n        x\n',
]


@pytest.mark.parametrize("doc", DETAILS_DOCS)
def test_quick_details_renders_as_pymdownx_details(doc):
    quick = [quick_details.QuickDetails() if e == "pymdownx.details" else e for e in EXTENSIONS]
    plain = markdown.Markdown(extensions=EXTENSIONS).convert(doc)
    assert markdown.Markdown(extensions=quick).convert(doc) == plain


def test_quick_details_takes_the_place_of_pymdownx_details_only():
    config = SimpleNamespace(markdown_extensions=["toc", "pymdownx.details", "tables"])
    quick_details.on_config(config)
    assert config.markdown_extensions[0] == "toc" and config.markdown_extensions[2] == "tables"
    assert isinstance(config.markdown_extensions[1], quick_details.QuickDetails)


def test_quick_details_one_extension_per_markdown_instance():
    """MkDocs makes a Markdown instance per page: each must keep its own details processor."""
    ext = quick_details.QuickDetails()
    first, second = (markdown.Markdown(extensions=[ext]) for _ in range(2))
    doc = '??? note "N"\n    body\n'
    assert first.convert(doc) == second.convert(doc) == markdown.Markdown(extensions=["pymdownx.details"]).convert(doc)


@pytest.mark.parametrize("text", [
    "# No front matter\n",
    "---\ntitle: T\ntags:\n- A\n---\n\n# T\n",
    "---\nstatus: draft\neditor_note: Check the figures.\n---\n\n# T\n",
    "---\nstatus: drafty\nlocked: true\n---\n",
    "---\ntitle: [unclosed\n---\n",
    "---\n- a list\n---\n",
])
def test_guard_reads_controls_as_page_controls_does(text):
    from generator.editorial.controls import page_controls

    guard = hook("build_guard")
    guard._root[:] = [ROOT]
    path = str(ROOT / "content" / "stories" / "x.md")
    assert guard._page_controls(text, path) == page_controls(text, "content/stories/x.md")
