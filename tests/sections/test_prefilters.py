"""Patterns anchored at the end of a text are tried from every position of it, so a few are
guarded by a cheap test of how the text ends. The guard may only skip texts the pattern could
not match: checked here against the bare pattern on real article text cut at every word."""

from __future__ import annotations

import re

import pytest

from generator.sections.actors import build as actors
from generator.sections.claims import attributions
from tests.paths import HAVE_CORPUS, ROOT, corpus_files

TEXTS = sorted([*ROOT.glob("seeds/*.txt"), *corpus_files()])

# Hand-made ends: the words the patterns look for, in odd cases, spacing and punctuation.
ODD_ENDS = [
    "in ", "In  ", "(in\t", "within ", "the city of ", "THE VILLAGE OF the ", "near\n", "around the\n ",
    "acroſſ ", "İn ", "cities such as ", "towns like the ", "provinces, including ", "Lyra, Oran and ",
    "the ports of Lyra, Oran, or ", "said acting Prime Minister ", "the Chief Executive , ",
    "Secretary-General", "Minister of State for the Interior Affairs  ", "former envoy to the UN, ",
    "ſecretary ", "KING ", "a deputy", "", " ", ",", "of", "the",
]


def _cuts() -> list[str]:
    out = list(ODD_ENDS)
    for path in TEXTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"\S+\s+", text):
            out.append(text[max(0, m.end() - 160): m.end()])  # ends after a word and its space
            out.append(text[max(0, m.start() - 160): m.start() + len(m.group(0).rstrip())])  # ends on it
    return out


CUTS = _cuts()


def test_there_are_enough_real_cuts_to_mean_something():
    """The seeds alone give thousands of cuts; with the shared corpus, over ten thousand."""
    assert len(CUTS) > (10_000 if HAVE_CORPUS else 3_000)


def _place_noun_unguarded(before: str) -> tuple[bool, str]:
    m = actors.PLACE_BEFORE.search(before)
    if m:
        return True, (m.group(1) or "").lower()
    items = actors.LIST_ITEMS_BEFORE.search(before)
    m = actors.PLACE_LIST_BEFORE.search(before[: items.start()] if items else before)
    if m:
        return True, actors.PLACE_LIST_NOUNS[m.group(1).lower()]
    return False, ""


def test_the_place_guard_skips_only_texts_the_place_patterns_cannot_match():
    found = 0
    for before in CUTS:
        want = _place_noun_unguarded(before)
        assert actors._place_noun(before) == want, repr(before[-60:])
        found += want[0]
    assert found > 50  # the patterns do match, so the comparison is not vacuous


@pytest.mark.parametrize("before", ODD_ENDS)
def test_the_title_guard_on_odd_ends(before):
    expected = attributions._TITLE_RUN.search(before)
    got = attributions._title_run(before)
    assert (got and got.span()) == (expected and expected.span())


def test_the_title_guard_skips_only_texts_the_title_pattern_cannot_match():
    found = 0
    for before in CUTS:
        expected = attributions._TITLE_RUN.search(before)
        got = attributions._title_run(before)
        assert (got and got.span()) == (expected and expected.span()), repr(before[-60:])
        found += expected is not None
    assert found > 50


def test_whole_word_search_without_a_pattern_agrees_with_re():
    from generator.sections.claims.synthesis import whole_word_in

    text = ROOT.joinpath("seeds").glob("*.txt").__next__().read_text(encoding="utf-8").lower()
    words = sorted(set(re.findall(r"\S+", text)))[:400] + [
        "u.s.", "-in", "in-", "_a", "a_", "’s", "(", "", "the", "é", "ab", "x", "said,", "2025", "k.",
    ]
    odd = "an İn ſo u.s. ab_ (x) x-y the_ é-a k.k. said, 2025’s"
    for word in words:
        for hay in (text, odd, word, f"({word})", f"a{word}b", f" {word} "):
            want = re.search(rf"\b{re.escape(word)}\b", hay) is not None
            assert whole_word_in(word, hay) == want, (word, hay[:40])
