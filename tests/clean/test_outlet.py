"""Who published each source: the outlet and URL taken from what the input states, the page's
own words, the file name's domain, or a wire dateline; never invented. Examples are invented
(example.com-style domains, made-up outlets); the corpus check reads ../shared/corpus."""

from __future__ import annotations

import pytest

from generator.clean import outlet
from generator.clean.article import clean_document
from generator.models import RawDocument
from tests.paths import corpus_files, needs_corpus

BODY = [
    "The regional water board approved a plan on Monday to build a new reservoir north of the city, "
    "ending years of debate over the project.",
    "“We cannot wait for another dry summer,” said board member Alan Pike, who voted for the plan "
    "along with five colleagues.",
    "Farmers in the valley said they would ask the courts to review the decision, which they say "
    "will flood grazing land.",
]


def clean(lines: list[str], file: str = "seeds/t.txt", **meta: str):
    return clean_document(RawDocument("t", file, "\n\n".join(lines), meta=meta))


@pytest.mark.parametrize("file, domain", [
    ("seeds/01_valleytimes.com.txt", "valleytimes.com"),
    ("seeds/reservoir__03_news.valley-post.co.uk.txt", "news.valley-post.co.uk"),
    ("seeds/valleytimes.com/article-2.txt", "valleytimes.com"),
    ("seeds/www.valleytimes.com.html", "www.valleytimes.com"),
    ("seeds/000_e99882434a367522.txt", None),
    ("seeds/notes.v2.txt", None),
    ("seeds/report.txt", None),
])
def test_domain_from_the_file_name(file, domain):
    assert outlet.file_domain(file) == domain


def test_the_domain_names_the_outlet_when_the_page_does_not():
    article = clean(BODY, file="seeds/01_www.valleytimes.com.txt")
    assert (article.outlet, article.url) == ("valleytimes.com", None)  # a domain is not a URL


def test_the_page_spelling_the_domain_gives_its_name():
    lines = [*BODY, "Follow The Valley Times on social media for more updates from the district."]
    assert clean(lines, file="seeds/01_thevalleytimes.com.txt").outlet == "The Valley Times"
    assert clean(lines, file="seeds/01_valleytimes.com.txt").outlet == "The Valley Times"


def test_a_sentence_opening_word_is_not_taken_for_the_site():
    lines = [*BODY, "Dawn broke over the valley as crews began work on the access road."]
    assert clean(lines, file="seeds/01_dawn.example.com.txt").outlet == "dawn.example.com"


@pytest.mark.parametrize("line, name", [
    ("© 2024 Valley Times Media. All rights reserved.", "Valley Times"),
    ("Copyright 2023 The Valley Times", "The Valley Times"),
    ("Copyright © 2021-2024 Harbour Gazette Ltd", "Harbour Gazette"),
])
def test_copyright_line_names_the_outlet(line, name):
    assert clean([*BODY, line]).outlet == name


def test_staff_byline_names_the_outlet():
    assert clean(["By Valley Times Staff", *BODY]).outlet == "Valley Times"
    assert outlet.staff_outlet("Harbour News Services") == "Harbour"
    assert outlet.staff_outlet("Jane Roe") is None
    assert outlet.staff_outlet("Staff") is None


def test_a_credit_that_is_not_the_site_loses_to_the_domain():
    """A wire story's copyright on a local station's site: the site published it."""
    lines = [*BODY, "Copyright 2024 The Wire Agency. All rights reserved."]
    assert clean(lines, file="seeds/05_kvly.example.com.txt").outlet == "kvly.example.com"


@pytest.mark.parametrize("first, wire", [
    ("LISBON, Portugal (Agency) — " + BODY[0], "Agency"),
    ("NARA, Japan, July 8 (Wirenews) – " + BODY[0], "Wirenews"),
    ("Barcelona (ACN).- " + BODY[0], "ACN"),
    ("(Wirenews) - " + BODY[0], "Wirenews"),
])
def test_wire_dateline_names_the_outlet_when_nothing_else_does(first, wire):
    assert clean([first, *BODY[1:]]).outlet == wire


def test_byline_agency_when_nothing_else_does():
    assert clean(["By JANE ROE and JOHN DOE Wire Agency", *BODY]).outlet == "Wire Agency"


def test_explicit_metadata_wins():
    article = clean(["© 2024 Valley Times", *BODY], file="seeds/01_other.example.org.txt",
                    outlet="Valley Times Online", url="https://valleytimes.example.com/reservoir")
    assert (article.outlet, article.url) == ("Valley Times Online", "https://valleytimes.example.com/reservoir")


def test_a_url_the_page_states_as_its_own_is_its_link():
    stated = "Originally published at https://www.valleytimes.example.com/news/reservoir-plan"
    article = clean([*BODY, stated])
    assert article.url == "https://www.valleytimes.example.com/news/reservoir-plan"
    assert article.outlet == "valleytimes.example.com"
    # a bare link in the text may point anywhere: only one on the file's own site is taken
    other = "https://water-board.example.org/report.pdf"
    assert clean([*BODY, other]).url is None
    assert clean([*BODY, other], file="seeds/01_valleytimes.example.com.txt").url is None
    own = "https://valleytimes.example.com/news/reservoir"
    assert clean([*BODY, own], file="seeds/01_valleytimes.example.com.txt").url == own


def test_no_outlet_is_invented():
    assert clean(BODY).outlet is None
    assert clean(["Source: Valley Wire", *BODY]).outlet is None


@pytest.mark.parametrize("title", ["See more of the story", "Play Live Radio", "Reading Time: 7 minutes",
                                   "Image Courtesy of The Agency", "VALDONIA - STRIKES", "WORLD / EUROPE", "SPORT"])
def test_page_furniture_is_not_a_title(title):
    assert outlet.plausible_title(title) is None
    assert outlet.plausible_title("Council approves Riverside tram line") == "Council approves Riverside tram line"
    assert outlet.plausible_title("VALDONIA LANDS ROVER ON MARS") == "VALDONIA LANDS ROVER ON MARS"  # a headline in capitals


@needs_corpus
def test_every_corpus_source_has_an_outlet():
    """Each corpus file is named after its site's domain: every one is identified."""
    missing = []
    for path in corpus_files():
        raw = RawDocument("x", f"seeds/{path.parent.name}/{path.name}", path.read_text(encoding="utf-8"))
        if clean_document(raw).outlet is None:
            missing.append(path.name)
    assert missing == []


def test_navigation_and_file_names_are_no_titles():
    from generator.clean.outlet import plausible_title
    for title in ("Select a page", "Get more with myNEWS", "Or via this URL: https://video.example.com/channel/1",
                  "GettyImages-1234567.jpg"):
        assert plausible_title(title) is None, title
    assert plausible_title("Get ready: the Harlow tram line opens on Friday after years of delay") is not None
