"""What a page says about itself: its headline among a standfirst and captions, its date in a
stamp of any arrangement, its writer in a byline with debris (all text invented)."""

from __future__ import annotations

from generator.clean.boilerplate import is_date_stamp
from generator.text.furniture import dateline
from tests.clean.test_clean import BODY, P1, P2, P3, clean, reason_of

# each shares more of the lead's words than the headline above it
STANDFIRST = ("The regional water board, whose plans often made the headlines, approved the reservoir project "
              "in a vote yesterday")
CAPTION = "Video shot by board members shows the regional water board approving the reservoir project on Monday Wire"


def test_the_pages_first_line_is_its_headline_over_a_standfirst_or_a_caption_sharing_more_of_the_lead():
    assert clean(["Water board backs new reservoir", "view gallery VIEW GALLERY", STANDFIRST, *BODY]).title \
        == "Water board backs new reservoir"
    assert clean(["Valley reservoir: 'We must not wait for another dry summer'", CAPTION, *BODY]).title \
        == "Valley reservoir: 'We must not wait for another dry summer'"


def test_a_standfirst_stays_the_title_when_the_first_line_is_a_label_navigation_or_another_page():
    # a topic's label, a file name, navigation sharing no word with the body: the standfirst stays
    for first in ("Reservoir plans", "reservoir_vote_0001.jpg", "Your Voice Your Vote Live Results"):
        assert clean([first, STANDFIRST, *BODY]).title == STANDFIRST
    # a short headline in sentence case is no standfirst: the first line does not replace it
    assert clean(["Harbour Weekly Digest Edition", "Water board backs new reservoir north of the city", *BODY]
                 ).title == "Water board backs new reservoir north of the city"
    # a long headline in title case is a headline, not a standfirst
    title_case = "Regional Water Board Approves New Reservoir North of the City After Years of Debate"
    assert clean(["Reservoir Plans Divide the Valley Again", title_case, *BODY]).title == title_case


def test_a_date_stamp_in_any_arrangement_dates_the_article():
    for stamp, day in [("Date published: 23 February 2011", "2011-02-23"),
                       ("(Published Monday, May 2, 2011)", "2011-05-02"),
                       ("June 22, 2012|Wire", "2012-06-22"),
                       ("| Friday, June 22, 2012 10:58 a.m", "2012-06-22T10:58"),
                       ("9:14 AM, Jun 23, 2012   |    comments", "2012-06-23"),
                       ("• | WIRE | February 13, 2012 08:32 AM", "2012-02-13T08:32"),
                       ("Wire | AFP | APPublished October 4, 2021 - Updated October 4, 2021 10:12pm", "2021-10-04")]:
        article = clean(["Water board backs new reservoir", stamp, *BODY])
        assert (article.published, reason_of(article, stamp)) == (day, "publication date"), stamp


def test_an_update_a_writer_a_sentence_or_two_dates_is_no_stamp():
    assert not is_date_stamp("Last Updated: May 3, 2010")  # an update is not the publication
    assert not is_date_stamp("Jun. 16 2013, Updated 12:31 a.m. ET")
    assert not is_date_stamp("Jane Roe | July 5, 2025 10:34")  # a writer's name, not a wire's
    assert not is_date_stamp("The board voted on May 2, 2011.")
    assert not is_date_stamp("From May 2, 2011 | to June 3, 2012")
    byline = clean(["Water board backs new reservoir", "Jane Roe July 5, 2025 10:34", *BODY])
    assert (byline.author, byline.published) == ("Jane Roe", "2025-07-05T10:34")


def test_a_bylines_debris_is_no_writer():
    assert clean(["Water board backs new reservoir", "By Jane Roe |Editor|", *BODY]).author == "Jane Roe"
    lost = clean(["Water board backs new reservoir", "by and on June 22, 2012 10:15 PM", *BODY])
    assert (lost.author, lost.published) == (None, "2012-06-22T22:15")
    # a sentence that opens "By the time" at the page's foot names no writer
    told = clean(["Water board backs new reservoir", *BODY, "By the time Velt dived in for the last leg, the team was"])
    assert told.author is None


def test_a_media_label_after_a_headline_and_a_spaced_colon_after_a_dateline():
    assert clean(["Water board backs new reservoir [+video]", *BODY]).title == "Water board backs new reservoir"
    found = dateline("PORTVILLE, Examplia, July 10, 2018 (WIRE) : All twelve boys were brought out.")
    assert found is not None and (found.month, found.day, found.year) == (7, 10, 2018)


def test_a_time_stamp_with_no_day_and_a_videos_caption_are_no_paragraphs():
    for line in ("Updated at 11:45 p.m.", "Posted 9:14 AM ET", "Video: Reaction in Lyra to the reservoir vote."):
        article = clean(["Water board backs new reservoir", line, *BODY])
        assert line not in article.paragraphs and reason_of(article, line) is not None, line


def test_an_enlarge_button_run_into_a_credit_is_no_byline_and_no_paragraph():
    line = "EnlargeBy Jane Roe, WIRE"
    article = clean(["Water board backs new reservoir", line, *BODY])
    assert (reason_of(article, line), article.author) == ("photo credit", None)


def test_a_long_headline_in_headline_grammar_is_no_standfirst_and_keeps_its_place():
    # no article, auxiliary or relative: "'Chaos': Inquiry launched after 8 killed at ..." is a headline
    headline = "'Pure chaos': Criminal inquiry launched after water board approves reservoir north of Lyra"
    teaser = "Former Governor Tom Velt officially joins presidential race from the valley"
    assert clean([teaser, "Dive into these books 10 you must see", headline, *BODY]).title == headline


def test_a_related_story_box_inside_a_sentence_is_taken_out():
    line = ("Vice Mayor Tom Velt and Sen. Jana RoeJana RoeBudget vote on reservoir slated for Tuesday MORE "
            "(D-Lyra) were led out of the chamber by police on Monday afternoon in Lyra.")
    article = clean(["Water board backs new reservoir", *BODY, line])
    assert ("Vice Mayor Tom Velt and Sen. Jana Roe (D-Lyra) were led out of the chamber by police on Monday "
            "afternoon in Lyra.") in article.paragraphs
    plain = "Staff at LinkedIn and McDonald's joined with MORE volunteers on Monday to clean the river bank."
    assert plain in clean(["Water board backs new reservoir", *BODY, plain]).paragraphs


def test_headlines_above_the_pages_own_are_other_stories_and_a_close_button_leaves_the_title():
    article = clean(["Former Governor Tom Velt joins presidential race", "Water board backs new reservoir", *BODY])
    assert article.title == "Water board backs new reservoir"
    assert reason_of(article, "Former Governor Tom Velt joins presidential race") == "teaser of another story"
    dated = clean(["date 2017-02-05 × Water board backs new reservoir", *BODY])
    assert (dated.title, dated.published) == ("Water board backs new reservoir", "2017-02-05")


def test_a_papers_name_before_its_date_a_pictures_file_and_an_ad_banner_and_who_is_where():
    dated = clean(["Water board backs new reservoir", "The Lyra Times - Tuesday, August 21, 2018", *BODY])
    assert dated.published == "2018-08-21"
    pictured = clean(["Water board backs new reservoir", *BODY, "https://t.example.com/uploads/2017/02/board.jpg"],)
    assert pictured.url is None
    for line in ("Tired of ads? Subscribers enjoy a distraction-free reading experience.",
                 "Left to right are: Jane Roe, behind Velt, chair of the board; Tom Velt, mayor of Lyra.",
                 "Rev. Tom Velt speaks to reporters at the picnic in Lyra, March 26, 1972. Left to right are: Jane Roe, "
                 "behind Velt, chair of the board; Velt; Sam Lee."):
        article = clean(["Water board backs new reservoir", line, *BODY])
        assert line not in article.paragraphs, line


def test_a_caption_ending_on_its_date_and_a_follow_button_are_no_title():
    caption = ("Prime Minister Tom Velt gestures as he arrives at the Harbour Party headquarters in Lyra, Examplia, "
               "4 June 2024.Wire")
    assert clean(["Velt's party wins 240 seats", caption, *BODY]).title == "Velt's party wins 240 seats"
    assert clean(["Follow us on Image Source : WIRE/FILE Party leader Tom Velt", *BODY]).title is None


def test_a_line_under_the_byline_is_no_headline_and_short_labels_over_the_headline_are_passed_over():
    # a picture's caption under the byline shares more of the lead: the headline above the byline wins
    caption = "Members of the regional water board celebrate their reservoir vote"
    article = clean(["Water board backs new reservoir", "By Jane Roe and Bo Chen", caption, *BODY])
    assert article.title == "Water board backs new reservoir" and reason_of(article, caption) == "photo caption"
    assert article.paragraphs == tuple(BODY)
    # "Breaking News" over the headline is a label; the caption with its place and date is no title
    dated = "Board member Alan Pike speaks during a press conference, in Eastmere, 24 Jun 2024"
    article = clean(["Accessibility links", "Breaking News", "Water board backs new reservoir", dated, *BODY])
    assert article.title == "Water board backs new reservoir"


def test_a_label_before_the_headline_and_an_agencys_photographer_after_a_caption():
    assert clean(["UPDATE: Water board backs new reservoir", *BODY]).title == "Water board backs new reservoir"
    credit = ("Board members vote on the reservoir plan in Eastmere on Nov. 19, 2023. WIRE/Jane Roe")
    article = clean([credit, "Water board backs new reservoir", *BODY])
    assert reason_of(article, credit) == "photo caption" and article.title == "Water board backs new reservoir"
    pair = "Farmers gather outside the board's offices in Eastmere on 19 November 2023. WIRE-PIX/Bo Chen"
    assert reason_of(clean([P1, pair, P2, P3]), pair) == "photo caption"


def test_a_byline_that_says_by_names_the_writer_before_a_photos_people():
    article = clean(["Water board backs new reservoir", "Ann Velt, Tom Roe",
                     "Jane Roe, planet.com By Jane Roe, planet.com The Daily Planet", *BODY])
    assert article.author == "Jane Roe"


def test_the_pages_first_headline_stands_over_a_live_label_or_a_longer_subheading():
    """A page prints its headline first: a live page's label or a subheading in sentence case
    under it shares more of the lead, and is no title."""
    head = "Eastmere reservoir wins board backing"
    label = "Monday's updates: reservoir vote"
    article = clean([head, label, *BODY])
    assert article.title == head and reason_of(article, label) == "section label"
    sub = ("Regional water board approves plan to build a new reservoir north of the city after years of "
           "debate over the project")
    assert clean(["Eastmere board backs reservoir plan", sub, *BODY]).title == "Eastmere board backs reservoir plan"
