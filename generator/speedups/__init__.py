"""Hand-written replacements of library calls, for speed; each is tested against the library
it replaces and each can be turned off, so that the library itself is used:

- `docbin`: a parse's bytes as spaCy's DocBin writes them, in a third of the time (every parse
  of a cold run is cached);
- `stop_words`: spaCy's English stop words read from its word-list file without importing
  spaCy (composing needs the list, not the parser);
- `dates`: plainly written dates ("July 4, 2025") read without dateparser, whose first call
  costs a second;
- `workers`: parsing and analysing in forked processes that load the model while the inputs
  are read (generator.speedups.workers); without it, spaCy's own `nlp.pipe` in this process.

Which are used is process-wide: the `speedups` setting (all by default) is applied by the
pipeline through `use`, and each call site asks `enabled(name)`.
"""

from __future__ import annotations

from typing import Iterable

ALL = frozenset({"docbin", "stop_words", "dates", "workers"})
_on: set[str] = set(ALL)


def use(names: Iterable[str]) -> None:
    """Use exactly these speed-ups from now on in this process (and processes it forks)."""
    chosen = set(names)
    unknown = chosen - ALL
    if unknown:
        raise ValueError(f"unknown speed-ups: {', '.join(sorted(unknown))} (known: {', '.join(sorted(ALL))})")
    _on.clear()
    _on.update(chosen)


def enabled(name: str) -> bool:
    return name in _on
