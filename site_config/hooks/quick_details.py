"""MkDocs hook: pymdownx.details (collapsible "??? note" blocks), without its cost on other blocks.

Python-Markdown asks every block processor whether it takes each block, and pymdownx's
DetailsProcessor.test answers by searching the block for its START pattern. That pattern
opens with `(?:^|\\n)`, which gives the regex engine no literal to scan for, so it is tried
at every character of every block (tables of hundreds of rows included): about 5% of the
site's Markdown conversion, for a block type few pages have. A block without "???" cannot
match START, so for such a block the search is skipped; the answer and everything else are
pymdownx's own code. mkdocs.yml still lists `pymdownx.details`; on_config puts this
extension in its place, so the pages come out byte for byte the same.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from pymdownx.details import DetailsExtension, DetailsProcessor
from pymdownx.util import nearing_depth_limit

EXTENSION = "pymdownx.details"


class QuickDetailsProcessor(DetailsProcessor):
    def test(self, parent, block) -> bool:
        if "???" in block:  # START needs "???"
            return super().test(parent, block)
        # DetailsProcessor.test when START does not match: a block continuing a details block.
        return self.parse_content(parent, block)[0] is not None and not nearing_depth_limit(self.parser, parent)


class _QuickDetailsExtension(DetailsExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        """DetailsExtension.extendMarkdown with the quick processor."""
        md.registerExtension(self)
        self.processor = QuickDetailsProcessor(md.parser)
        md.parser.blockprocessors.register(self.processor, "details", 105)
        self.md = md


class QuickDetails(Extension):
    """Stateless: MkDocs makes a Markdown instance per page and the details extension keeps
    its instance's processor, so each Markdown instance gets an extension of its own."""

    def extendMarkdown(self, md: Markdown) -> None:
        _QuickDetailsExtension().extendMarkdown(md)


def on_config(config):
    config.markdown_extensions = [QuickDetails() if ext == EXTENSION else ext for ext in config.markdown_extensions]
    return config
