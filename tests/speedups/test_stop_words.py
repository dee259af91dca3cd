"""Speed-up `stop_words`: spaCy's list, read without importing spaCy; turned off, spaCy's module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.paths import ROOT


def _in_a_fresh_process(names: str) -> list[str]:
    code = ("import sys; from generator import speedups; speedups.use(sys.argv[1].split()); "
            "from generator.speedups.stop_words import stop_words; w = stop_words(); "
            "print(len(w), 'spacy' in sys.modules, 'the' in w, 'said' in w, sorted(w) == sorted(set(w)))")
    return subprocess.run([sys.executable, "-c", code, names], capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout.split()


@pytest.mark.slow
def test_the_words_are_spacys_with_or_without_the_speed_up():
    from spacy.lang.en.stop_words import STOP_WORDS

    fast = _in_a_fresh_process("stop_words")
    assert fast == [str(len(STOP_WORDS)), "False", "True", "False", "True"]  # spaCy never imported
    slow = _in_a_fresh_process("docbin")  # stop_words off: the library's own module
    assert slow == [str(len(STOP_WORDS)), "True", "True", "False", "True"]
