"""Word sequences no careful writer produces (spun or mangled text) tell garbled text."""

from __future__ import annotations

import pytest

from generator.models import Article
from generator.nlp.grammar_slips import grammar_slips
from generator.nlp.parsed import ParsedArticle
from tests.conftest import parse


def slips(text: str) -> tuple[str, ...]:
    art = Article("a", "a.txt", (text,))
    return grammar_slips(ParsedArticle.of(art, parse(art.text)))


@pytest.mark.slow
def test_two_past_verbs_in_a_row_and_a_saying_with_nothing_said_are_slips():
    got = slips("As the old empire fought its long war in the valley, this stamped ended their conflict in 1989. "
                "The ministry could hardly contain its optimism at the partnership, saying.")
    assert got == ("stamped ended", ", saying.")


@pytest.mark.slow
def test_careful_prose_and_speech_hold_no_slip():
    assert slips("The chief executive said what happened was not an attack. Officials had finished the count. "
                 "The ministry welcomed the move, saying it would help trade. The pair got married in May.") == ()
    assert slips('"The war stamped ended, saying." she wrote in her diary.') == ()
