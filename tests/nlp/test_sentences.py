"""Sentence splitting respects abbreviations and times (nlp/sentences.py, run before the parser)."""

from __future__ import annotations

import pytest

from generator.nlp.sentences import continues
from tests.conftest import parse


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in parse(text).sents]


# ---------------------------------------------------------------- the rule, without a parse


def test_a_title_before_a_capitalised_word_never_ends_a_sentence():
    for title in ("mr", "mrs", "dr", "gov", "sgt", "prof"):
        assert continues(title, "Lee", "NNP") is False


def test_a_number_after_no_or_a_month_continues_the_sentence():
    assert continues("no", "10", "CD") is False
    assert continues("jan", "5", "CD") is False


def test_a_time_before_a_time_zone_weekday_or_lower_case_word_continues():
    for word, tag in (("Eastern", "NNP"), ("GMT", "NNP"), ("ET", "NNP"), ("Tuesday", "NNP"), ("local", "JJ"),
                      ("EDT/0318", "NNP"), ("GMT+1", "NNP")):  # a zone with the other zone's time or an offset
        assert continues("a.m", word, tag) is False, word


def test_a_time_before_a_capitalised_pronoun_or_article_starts_a_sentence():
    assert continues("p.m", "The", "DT") is True
    assert continues("a.m", "It", "PRP") is True


def test_an_abbreviation_that_may_end_a_sentence_is_left_to_the_parser_before_a_capital():
    assert continues("u.s", "Officials", "NNS") is None
    assert continues("u.s", "officials", "NNS") is False
    assert continues("inc", ",", ",") is False


# ---------------------------------------------------------------- in the pipeline


@pytest.mark.slow
def test_a_time_and_its_zone_stay_in_one_sentence():
    text = ("Hurricane Ida made landfall near Port Fourchon, Louisiana, at 11:55 a.m. Eastern, "
            "according to the hurricane center. Winds were strong.")
    assert sentences(text)[0].endswith("according to the hurricane center.")  # the parser alone cut at "a.m."


@pytest.mark.slow
def test_a_time_that_ends_a_sentence_still_ends_it():
    assert sentences("He arrived at 9 a.m. The meeting lasted an hour.") == [
        "He arrived at 9 a.m.", "The meeting lasted an hour."]


@pytest.mark.slow
def test_titles_initials_and_numbers_do_not_split_sentences():
    text = ("Lt. Gen. Ann Smith and Sgt. Bo Lee met Author J. K. Rowling at No. 10 Downing St. "
            "on Jan. 5, approx. 3 p.m. GMT, before Capt. Kirk spoke.")
    assert sentences(text) == [text]


@pytest.mark.slow
def test_a_title_after_a_long_clause_does_not_end_it():
    # split in two tokens ("Sgt" + "."), the parser ended the sentence there though told not to
    text = ("An estimated five to 15 people died after an explosion at 7:53 p.m. local time Wednesday, "
            "Harbour Police Sgt. Tom Velt Roe said Thursday at a news conference.")
    assert sentences(text + " A fire had broken out earlier.") == [text, "A fire had broken out earlier."]


@pytest.mark.slow
def test_a_country_abbreviation_before_a_name_or_a_new_sentence():
    assert sentences("The U.S. Senate voted on Tuesday. The U.K. agreed.") == [
        "The U.S. Senate voted on Tuesday.", "The U.K. agreed."]
    assert sentences("Officials met in the U.S. A new round starts soon.") == [
        "Officials met in the U.S.", "A new round starts soon."]


@pytest.mark.slow
def test_a_blank_line_after_an_abbreviation_still_ends_the_sentence():
    assert sentences("He met Mr.\n\nSmith left on Monday.")[-1] == "Smith left on Monday."


@pytest.mark.slow
def test_a_closing_quotation_mark_stays_with_the_sentence_it_closes():
    assert sentences('He called the deal "a victory for the poor." The group agreed.') == [
        'He called the deal "a victory for the poor."', "The group agreed."]
    assert sentences('She wrote: "You too!\u2019" Then she left.')[0] == 'She wrote: "You too!\u2019"'


@pytest.mark.slow
def test_an_attribution_after_an_exclamation_or_a_question_stays_with_its_quotation():
    assert sentences('"We won!" Ann Lee said. "Why?" she asked.') == ['"We won!" Ann Lee said.', '"Why?" she asked.']
    assert sentences('"Are we done?" The crowd cheered.') == ['"Are we done?"', "The crowd cheered."]


@pytest.mark.slow
def test_a_short_part_of_a_name_glued_by_its_full_stop_continues_the_sentence():
    assert len(sentences("The first officer was identified as Rafiq Ab.Hamed, 27, who joined the airline in 2007.")) == 1
    assert len(sentences("The fire broke out in Harlow.Rescuers arrived at dawn.")) == 2
