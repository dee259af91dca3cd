"""Slips in a body (words run together, letters swapped or dropped) tell garbled text."""

from __future__ import annotations

import pytest

from generator.models import Article
from generator.nlp.parsed import ParsedArticle
from generator.nlp.spelling import misspellings, slip
from tests.conftest import parse


@pytest.mark.slow
def test_words_run_together_and_swapped_letters_are_slips():
    assert slip("andkilled") and slip("wassending") and slip("wree")
    assert slip("goverment")  # a letter dropped


@pytest.mark.slow
def test_words_compounds_and_variants_are_not_slips():
    for word in ("were", "maintenance", "livestream", "protestors", "amid", "backstory", "recognized"):
        assert not slip(word), word


@pytest.mark.slow
def test_quoted_words_and_names_are_not_counted():
    text = ('The wave andkilled many people. "We wree there," she said. '
            'Workers were doing maintenance when it hit.')
    art = Article("a", "a.txt", (text,))
    assert misspellings(ParsedArticle.of(art, parse(art.text))) == ("andkilled",)


@pytest.mark.slow
def test_a_name_run_into_the_next_word_is_a_slip_a_compound_name_is_not():
    text = ("Jens Stoltenberg spoke. Stoltenberg spoke again. Stoltenbergdelivered the record. "
            "German officials said the Germanwings plane crashed.")
    art = Article("a", "a.txt", (text,))
    assert misspellings(ParsedArticle.of(art, parse(art.text))) == ("Stoltenbergdelivered",)
