"""The support rule: a source states a line when it has the line, or its closest sentence
shares the line's words and the source gives the same numbers, names and polarity."""

from __future__ import annotations

import pytest

from generator.text.support import prepared, supports, why_unsupported

SOURCE = ("Officials said on Tuesday that 39 people died when the Harlow dam failed. "
          "The mayor, Ann Velt, said the town would not rebuild the dam.\n\nRescue teams searched the valley.")


@pytest.mark.parametrize("line", [
    "Officials said on Tuesday that 39 people died when the Harlow dam failed.",
    "officials said on tuesday that 39 people died when the harlow dam failed",  # case and punctuation
    "The mayor, Ann Velt, said the town would not rebuild the dam",  # trimmed
    "The mayor, Ann Velt, said the town wouldn’t rebuild the dam.",  # typography (n't is still a negation)
])
def test_a_source_supports_what_it_says(line):
    assert supports(SOURCE, line)


@pytest.mark.parametrize("line, reason", [
    ("Officials said on Tuesday that 43 people died when the Harlow dam failed.", "does not give 43"),
    ("Officials said on Tuesday that 39 people died when the Kessler dam failed.", "does not name Kessler"),
    ("The mayor, Ann Velt, said the town would rebuild the dam quickly after the failure.", "says the opposite"),
    ("Parliament approved a new budget for schools and hospitals.", "does not say it"),
])
def test_a_source_does_not_support_other_numbers_names_or_the_opposite(line, reason):
    assert why_unsupported(line, prepared(SOURCE)) == reason


def test_a_sentence_opening_word_must_be_in_the_source_somewhere_but_a_calendar_word_never_counts():
    assert supports(SOURCE, "Rescue teams searched the valley on Tuesday.")
    assert supports("On Monday rescue teams searched the valley.", "Rescue teams searched the valley on Monday.")
    assert why_unsupported("Johnson, Koepka and Schauffele tied for second one stroke back.",
                           prepared("Woods won by one stroke over Koepka and Schauffele, who tied for second.")
                           ) == "does not name Johnson"


def test_a_name_after_an_honorific_is_a_name_the_source_must_give():
    from generator.text.support import names
    assert "Velt" in names("On July 3, Mr. Velt confirmed the vote.")
    assert supports("On July 3, the ministry confirmed the vote.", "On July 3, Mr. Velt confirmed the vote.") is False


def test_a_figures_scale_is_part_of_it():
    assert why_unsupported("The service now has almost a billion users.",
                           prepared("The service now has more than 450 million users worldwide.")) is not None
    assert supports("Velmont will pay $4 billion in cash for the app.", "Velmont will pay $4bn in cash for the app.")
    assert supports("The wall rose 5m high above the road.", "The wall rose 5m high above the road.")


def test_a_vague_plural_is_no_figure():
    source = prepared("A vicious cyclone has killed more than 140 people and left hundreds more missing in Harlow.")
    assert why_unsupported("Heavy rains have already killed about 100 people in Harlow.", source) == "does not give 100"
    assert supports("Hundreds of people are missing in Harlow after the cyclone, officials said. Hundreds more fled.",
                    "Hundreds of people are missing in Harlow.")


def test_a_source_supports_someones_words_only_when_it_prints_them():
    source = prepared('"Hopefully we are sitting there on the surface," said Ann Velt, the lander manager.')
    assert why_unsupported('"It is sitting on the surface," said Ann Velt, the lander manager.', source) \
        == "does not quote these words"
    assert why_unsupported('"We are sitting there on the surface," said Ann Velt, the lander manager.', source) is None
    # a term in quotation marks is no one's words
    assert why_unsupported('Ann Velt, the lander manager, said the "surface" was reached.',
                           prepared("Ann Velt, the lander manager, said the surface was reached.")) is None


def test_one_dated_fact_told_in_other_words():
    from generator.text.support import same_dated_fact
    appointed = "Velt appointed Roe as prime minister in May in an effort to solve the shortages."
    assert same_dated_fact(appointed, "A new prime minister, Ann Roe, took over in May to help steer the country.")
    assert not same_dated_fact(appointed, "In May, Roe met the lenders' negotiators in Lyra.")  # another fact of May
    resigned = "Velmonté has submitted his resignation effective August 2, 2019 at 5:00 p.m."
    assert same_dated_fact(resigned, "[Velmonté] said his resignation would be effective Aug. 2, making him the "
                                     "first governor to resign in 13 years.")
    assert not same_dated_fact("The quake killed 35 people in the Lyra region in March, officials said.",
                               "The quake killed 39 people in the Lyra region in March, officials said.")


def test_a_number_word_in_a_name_is_no_figure():
    from generator.text.support import numbers
    assert numbers("The elite Harbour Team Six killed all but one of the seven captors.") == {"1", "7"}
    assert numbers("Six people died. Two more were hurt.") == {"6", "2"}
    source = prepared("The elite Harbour Team Six carried out the rescue and killed all but one of the seven captors.")
    assert why_unsupported("Harbour Team 6 killed six assailants and captured one, officials said.", source) \
        == "does not give 6"


def test_one_counted_fact_told_in_other_words():
    from generator.text.support import same_figure_fact
    assert same_figure_fact("The data breach affected about 100 million people in the U.S.",
                            "Harbour Bank said a hacker got access to the information of over 100 million individuals.")
    assert not same_figure_fact("The data breach affected about 100 million people.",
                                "The hack is expected to cost the bank between $100 million and $150 million.")
    assert not same_figure_fact("Some 30 to 35 cars fell into the river.", "The death toll had reached 35 people.")
    assert not same_figure_fact("Flight VL 1951 crashed at 10:31 a.m. local time.", "The 10 passengers were hurt.")
