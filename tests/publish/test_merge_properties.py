"""Property: random edits of random pages, then regeneration, never silently drop an edit.

Every line is a unique token, so where each line ended up can be checked exactly: an
editor's new line is always in the page (merged or inside a conflict block); without a
conflict, the editor's deletions stay deleted and the generator's new lines are present.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from generator.config import load_settings
from generator.publish.merge import conflict_lines, write_pages


@st.composite
def revision(draw, lines: list[str], tag: str, rate: int):
    """A random revision of `lines`: each kept, deleted or replaced, new lines inserted anywhere.

    About one line in `rate` is touched, so clean merges and conflicts both occur often.
    """
    ops = st.sampled_from(["keep"] * (2 * rate - 2) + ["delete", "replace"])
    out: list[str] = []
    fresh = iter(f"{tag}{i}" for i in range(1000))
    if draw(st.integers(0, 2 * rate)) == 0:
        out.append(next(fresh))
    for line in lines:
        op = draw(ops)
        if op == "keep":
            out.append(line)
        elif op == "replace":
            out.append(next(fresh))
        if draw(st.integers(0, 2 * rate)) == 0:
            out.append(next(fresh))
    return out


@st.composite
def scenario(draw):
    """Pages: (generated before, edited or not, generated now)."""
    pages = {}
    for n in range(draw(st.integers(1, 3))):
        base = [f"p{n}g{i}" for i in range(draw(st.integers(1, 20)))]
        edited = draw(revision(base, f"p{n}e", 12)) if draw(st.booleans()) else base
        generated = draw(revision(base, f"p{n}n", 5))
        pages[f"stories/page{n}.md"] = (base, edited, generated)
    return pages


def text(lines: list[str]) -> str:
    return "".join(f"{ln}\n" for ln in lines)


@given(scenario())
@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_regeneration_never_silently_drops_an_edit(pages):
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(Path(tmp))
        write_pages({rel: text(base) for rel, (base, _, _) in pages.items()}, settings)
        for rel, (_, edited, _) in pages.items():
            (settings.content_path / rel).write_text(text(edited), encoding="utf-8")
        result = write_pages({rel: text(gen) for rel, (_, _, gen) in pages.items()}, settings)
        for rel, (base, edited, generated) in pages.items():
            out = (settings.content_path / rel).read_text(encoding="utf-8")
            lines = out.splitlines()
            reported = [c for c in result.conflicts if c.startswith(f"content/{rel}:")]
            assert reported == [f"content/{rel}:{n}" for n in conflict_lines(out)]
            assert all(ln in lines for ln in edited if ln not in base)  # every added line is kept
            if edited == base:
                assert out == text(generated)  # an unedited page is simply replaced
            elif not reported:
                assert not any(ln in lines for ln in base if ln not in edited)  # deletions stay deleted
                assert all(ln in lines for ln in generated if ln not in base)  # new material arrives


@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=1, max_size=8))
@hsettings(max_examples=15, deadline=None)
def test_a_locked_page_is_never_changed(words):
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(Path(tmp))
        write_pages({"a.md": "# A\n\nold\n"}, settings)
        locked = "---\nlock: true\n---\n\n# A\n\nmine\n"
        (settings.content_path / "a.md").write_text(locked, encoding="utf-8")
        result = write_pages({"a.md": "# A\n\n" + text(words)}, settings)
        assert result.written == () and (settings.content_path / "a.md").read_text(encoding="utf-8") == locked
