"""What a name does in its sentence (generator.nlp.actors.functions) and what a body did, as a
complete predicate or not at all (generator.nlp.actors.roles.action_phrase): the real parser
on small invented news-style sentences, one behaviour each."""

from __future__ import annotations

import pytest

from generator.models import Article
from generator.nlp.actors.mentions import extract_mentions
from generator.nlp.parsed import ParsedArticle
from tests.conftest import parse

pytestmark = pytest.mark.slow


def mention(text: str, name: str):
    """The last mention of `name` in `text` (paragraphs split on blank lines)."""
    article = Article("000", "t.txt", tuple(text.split("\n\n")))
    found = [m for m in extract_mentions(ParsedArticle.of(article, parse(article.text))) if m.text == name]
    assert found, f"{name!r} not found"
    return found[-1]


@pytest.mark.parametrize("text, name, function", [
    ("The Kestrel Bank raised its rates on Monday.", "Kestrel Bank", "acts"),
    ("The deal was approved by the Kestrel Bank on Monday.", "Kestrel Bank", "acts"),
    ("The Kestrel Bank said rates would rise.", "Kestrel Bank", "speaks"),
    ("Rates will rise, according to the Kestrel Bank.", "Kestrel Bank", "reports"),
    ("Rates will rise, the minister told Reuters on Monday.", "Reuters", "audience"),
    ("VALDORA (KP) — Rates rose on Monday.", "KP", "dateline"),
    ("Crowds cheered in the capital on Sunday. — Reuters", "Reuters", "dateline"),  # a credit
    ("Jonas Vogt completed his hat-trick in the final minute.", "Jonas Vogt", "personal"),
    ("The Kestrel Bank said it would appeal the ruling.", "Kestrel Bank", "impersonal"),
    ("An Airbus crashed in the hills on Tuesday.", "Airbus", "indefinite"),
    ("Fans followed the launch under #ParisTogether all night.", "ParisTogether", "hashtag"),
    ("The airliner crashed near Barcelonnette on Tuesday.", "Barcelonnette", "located"),
    ("The airliner went down between Digne and Barcelonnette.", "Barcelonnette", "located"),
    ("Officials in the town of Barcelonnette met on Tuesday.", "Barcelonnette", "located"),
    ("The regional daily Tagesspiegel said the chief would go.", "Tagesspiegel", "media"),
    ("In a statement carried by the state-run Kestrel Agency, the ministry listed the regions hit.", "Kestrel Agency",
     "media"),
    ("As the Kestrel Bank explains, that means the limits on drivers were lifted.", "Kestrel Bank", "reports"),
    ("Two videos geolocated by Kestrel News showed the dam wall destroyed.", "Kestrel News", "reports"),
])
def test_what_a_name_does_in_its_sentence(text, name, function):
    assert function in mention(text, name).functions


def test_a_body_named_at_or_in_its_own_report_is_not_located():
    assert "located" not in mention("An engineer at the Kestrel Bank resigned on Monday.", "Kestrel Bank").functions
    assert "located" not in mention("Errors were found in the Kestrel Bank's report.", "Kestrel Bank").functions


def test_a_name_qualifying_a_noun_or_a_model_number_records_it():
    assert "modifies:summit" in mention("Leaders met at the BRICS summit on Friday.", "BRICS").functions
    assert "modifies:#model" in mention("The Airbus A330 landed safely.", "Airbus").functions


def test_a_dash_after_a_quotation_attributes_it_and_heads_nothing():
    m = mention('"We will cooperate in every field." – Norwegian Foreign Ministry', "Norwegian Foreign Ministry")
    assert "dateline" not in m.functions


def test_what_a_name_seems_to_do_in_a_quotation_or_a_broken_line_is_not_read():
    assert "acts" not in mention('"Peru achieved it," said Jane Roe.', "Peru").functions
    broken = mention("The strongest quake ever recorded in\n\nPeru shook apart homes and roads.", "Peru")
    assert "acts" not in broken.functions and broken.actions == ()


@pytest.mark.parametrize("text, name, action", [
    ("Neighbouring Peru, which has had rocky relations with Chile, opened its airspace, which had "
     "been closed for years, to aid flights.", "Peru", "opened its airspace"),  # cut before an aside
    ("The Kestrel Bank raised interest rates on Tuesday.", "Kestrel Bank", "raised interest rates"),
    ("The Kremlin vowed to take countermeasures against the move.", "Kremlin", "vowed to take countermeasures against the move"),
])
def test_a_bodys_action_is_a_complete_predicate(text, name, action):
    assert mention(text, name).actions == (action,)


@pytest.mark.parametrize("text, name", [
    ("Peru has been importing essential commodities such as oil, wheat and gas.", "Peru"),  # cut inside
    ("The U.S. and Chile completed their withdrawal in August.", "Chile"),  # a shared subject
    ("The news came a day after Kestrel unveiled its latest device.", "Kestrel"),  # a side clause
    ("The Space Agency called it a great gift for the team.", "Space Agency"),  # a statement, "it" points out
    ("The Kestrel Bank later joined them in the village.", "Kestrel Bank"),  # "them" points outside
    ("Peru has voted.", "Peru"),  # nothing completes the verb
])
def test_no_action_rather_than_a_fragment(text, name):
    assert mention(text, name).actions == ()


def test_a_nested_place_takes_nothing_of_the_institution_it_qualifies():
    place = mention("Afghanistan’s Foreign Ministry praised the decision as historic.", "Afghanistan")
    ministry = mention("Afghanistan’s Foreign Ministry praised the decision as historic.", "Afghanistan’s Foreign Ministry")
    assert place.actions == () and place.functions == ()
    assert ministry.actions == ("praised the decision as historic",)


def test_roles_in_a_quotation_are_titles_only_and_hyphenated_words_stay_whole():
    assert mention('"Jane Doe, a disgrace to the council, must go," said Tom Roe.', "Jane Doe").role_phrases == ()
    assert mention("Apple co-founder Jane Roe died on Monday.", "Jane Roe").role_phrases == ("co-founder",)


def test_a_place_written_after_an_organisations_name_is_part_of_it():
    filings = "Respective bankruptcy filings said FTX US and Alameda Research had between $10 billion and $50 billion in debts."
    assert "acts" not in mention(filings, "US").functions


def test_a_shared_predicate_and_two_names_titles_describe_neither():
    assert mention("Alameda Research and 130 other companies are parties to the proceedings.",
                   "Alameda Research").role_phrases == ()
    assert mention("The firms, including exchange FTX.com and quantitative trading company Alameda Research, "
                   "filed for bankruptcy.", "Alameda Research").role_phrases == ()


@pytest.mark.parametrize("text, title", [
    ("They settled for the draw when awarded a penalty - captain Kenji Moriwaka had been deadly with the boot "
     "all day.", "captain"),
    ("Harbour went for the win after a late penalty - striker Kenji Moriwaka had missed twice before.", "striker"),
])
def test_a_title_before_a_name_starts_after_a_spaced_dash(text, title):
    from generator.nlp.actors.roles import _premodifier
    from generator.nlp.model import parse_one
    doc = parse_one(text)
    assert [_premodifier(e) for e in doc.ents if e.label_ == "PERSON"] == [title]
