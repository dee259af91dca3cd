"""Page furniture in running text: datelines, labels, captions, credits, embedded posts and a
site's promotion of itself (generator/text/furniture.py), read the same by cleaning and the gate.
Every example is invented."""

from __future__ import annotations

import pytest

from generator.text.furniture import caption, dateline, furniture, label, markup, promotion


@pytest.mark.parametrize("text, prefix, month, day, year", [
    ("PORTVILLE, Examplia, July 8 (Agency) – The former minister was shot on Friday.",
     "PORTVILLE, Examplia, July 8 (Agency) – ", 7, 8, None),
    ("NEW HARBOUR, November 14 (WIRE) —The exchange has filed for bankruptcy protection.",
     "NEW HARBOUR, November 14 (WIRE) —", 11, 14, None),
    ("PORTVILLE, July 5, 2024 (Agency) - The opposition party won a landslide.",
     "PORTVILLE, July 5, 2024 (Agency) - ", 7, 5, 2024),
    ("HARBOUR CITY — Just hours after the bridge fell, the governor spoke.", "HARBOUR CITY — ", None, None, None),
    ("Lakeside, Examplia (Wire) — Rescuers worked through the night to reach the village.",
     "Lakeside, Examplia (Wire) — ", None, None, None),
    ("NEW HARBOUR: The lander touched down on Wednesday evening, the agency said.", "NEW HARBOUR: ", None, None, None),
    ("Lakeside (Agency).- A passenger jet crashed in the mountains on Tuesday.", "Lakeside (Agency).- ",
     None, None, None),
    ("Portville [Examplia]: Exit polls on Sunday predicted a landslide.", "Portville [Examplia]: ", None, None, None),
    ("Wiretag- Jane Roe, a former actor, won the vote on Sunday.", "Wiretag- ", None, None, None),
    ("Lakeside, July 4 (WIRE) Scientists at the institute announced a new particle.", "Lakeside, July 4 (WIRE) ",
     7, 4, None),
    ("PORTVILLE, July 7 The Velair Boeing jet that crashed on Saturday was flying too slowly.", "PORTVILLE, July 7 ",
     7, 7, None),
    ("PORTVILLE/NEW HARBOUR (Wire) - The singer's death dominated news bulletins on Friday.",
     "PORTVILLE/NEW HARBOUR (Wire) - ", None, None, None),
    ("LAKESIDE (WIRE/AP) — A gunman opened fire on the crowd from the hotel.", "LAKESIDE (WIRE/AP) — ", None, None, None),
    ("June 25, 2009 (PORTVILLE) The singer died at the hospital in the city.", "June 25, 2009 (PORTVILLE) ", 6, 25, 2009),
    ("Lakeside - A powerful tropical storm made landfall in Examplia on Thursday evening.", "Lakeside - ",
     None, None, None),
    ("PORTVILLE, 5th July, 2016 (WIRE) — After a five-year journey the probe reached the planet.",
     "PORTVILLE, 5th July, 2016 (WIRE) — ", 7, 5, 2016),
    ("NEW HARBOUR | Two weeks after Jane Roe invested her savings, the fund collapsed.", "NEW HARBOUR | ",
     None, None, None),
    # a first place in title case, then a slash and one in capitals
    ("Lakeside/NEW HARBOUR: Examplia was on Saturday struck by the worst quake in 80 years.", "Lakeside/NEW HARBOUR: ",
     None, None, None),
    ("Lakeside — Two-time Harlow champion, Ann Velt, has broken the two-hour barrier.", "Lakeside — ",
     None, None, None),
    ("Wire, Lakeside City :Ann Velt, the Examplian author, died on Thursday at 87.", "Wire, Lakeside City :",
     None, None, None),
    ("(WIRE)The long wait of the Lakeside club is over at last.", "(WIRE)", None, None, None),
])
def test_a_dateline_is_read_with_its_date(text, prefix, month, day, year):
    found = dateline(text)
    assert found is not None and found.text == prefix
    assert (found.month, found.day, found.year) == (month, day, year)


@pytest.mark.parametrize("text", [
    "Lakeside — the quiet town by the lake — voted to close its school.",  # title case, no agency: a subject
    "The board — its chair said — would vote on Monday.",
    "UNITED — The club",  # too short to be a report
    "The council met on Monday to discuss the budget for the coming year.",
    "Anti- government protesters marched on Sunday in the capital.",
    "Brexit - the word of the year - dominated the talks.",
    "Sales - which fell in May - rose again in June, the firm said.",
    "VeltIn has more than 433 million members worldwide.",  # a name in camel case, not "Velt" + "In"
    "One VeltIn user said he would quit the site.",
    "(Photo) shows the club's fans in the square.",
])
def test_not_a_dateline(text):
    assert dateline(text) is None


def test_a_label_before_the_text_is_found():
    assert label("STORY: The bank collapsed on Friday after a run on deposits.") == "STORY: "
    assert label("1609 GMT: Lawyers in the case are being questioned at a press conference.") == "1609 GMT: "
    assert label("8.00AM AEDT TUE: FLOWERS are being laid in the city centre.") == "8.00AM AEDT TUE: "
    assert label("The 1609 flight left on time for the capital.") is None
    assert label("Watch: the moment the bridge fell into the river") == "Watch: "
    assert label("Story time at the library drew a crowd.") is None


@pytest.mark.parametrize("text, kind", [
    ("The president (C) embraces the prime minister as the chancellor (2nd R) looks on.", "photo caption"),
    ("The president (R) shakes hands with the secretary general next to the minister (L).", "photo caption"),
    ("The minister lies on the ground after he was shot in Rivertown in this photo taken by a local paper.",
     "photo caption"),
    ("A screen grab taken from news footage shows a fire at the harbour.", "photo caption"),
    ("3D printed app logos are placed on a computer board in this illustration taken January 21.", "photo caption"),
    ("Enhanced infrared imagery shows the eye of Storm Velt moving over Harlow on Tuesday, Oct. 4, 2016.",
     "photo caption"),
    ("RIVERTOWN, EXAMPLIA - MARCH 26: The cargo ship is shown after striking the bridge.", "photo caption"),
    ("A woman prays at the site where the minister was shot, on July 08, 2022 in Rivertown, Examplia.",
     "photo caption"),
    ("Fans celebrate the title with a giant flag in Central Square on Sunday.", "photo caption"),
    ("The former minister is carried on a stretcher at a hospital in Eastwick, western Examplia.", "photo caption"),
    ("A homemade gun was said to be the weapon used in the attack – Rivertown Examplia, July 8, 2022.",
     "photo caption"),
    ("Image Courtesy of Valley Television", "photo credit"),
    ("image….Jane Roe for The Valley Times", "photo credit"),
    ("More photos and details on pages 8 and 9. (AP Photo)", "photo credit"),
    ("A water tower at the Harbour Works plant in Eastmere, Va., is seen, Thursday, May 7, 2020.", "photo caption"),
    ("A store owner aims a pistol to warn away looters in the city of Lyra, Vald province, on November 10.",
     "photo caption"),
    ("An aerial view shows flooded rice fields after the typhoon hit Vald Province in Central Examplia.",
     "photo caption"),
    ("Two police officers stand guard on the corner of Harbour Ave on Monday April 15, 2013, after an explosion at "
     "the finish line killed at least three people.", "photo caption"),
    ("Jane Roe cries while embracing teammate Ann Lee after winning the league title.", "photo caption"),
    ("Residents return to their houses after leaving an evacuation site in the aftermath of Typhoon Vera.",
     "photo caption"),
    ("Last man: Jane Roe embraces board chair Tom Lee (Sam Doe : WIRE)", "photo caption"),
    ("Vehicles get caught in the rain as the storm begins to come inland to the flooded district of Lyra, "
     "southern Examplia on March 15, 2019.", "photo caption"),  # "the flooded district": no past tense
    ("Aerial footage dozens of planes all parked up at the terminals.", "photo caption"),  # a video's label
    ("Bank Chair Jane Roe holds a news conference in Harlow following the decision to raise rates on 16 December "
     "2015 Wirefoto", "photo caption"),  # its date, then its credit, no full stop
    ("Velt Motors boss Jane Roe has apologised for her company cheating in emissions tests Reuters",
     "photo caption"),  # its agency's name, no full stop
    ("A screenshot from Tom Velt's live stream, just minutes before the shooting occurred.", "photo caption"),
    ("An exterior view of the Velora Central Bank (VCB) in Harlow, Velora, 21 July 2022.", "photo caption"),
    ("Locals watch the wreckage of a passenger plane in Lyra, Velora, Sunday, 15 January.", "photo caption"),
    ("The videos above (one from Velora TV) show a plume of smoke rising from the plant on Saturday.", "photo caption"),
])
def test_captions_and_credits(text, kind):
    assert caption(text) == kind
    assert furniture(text) == "a photo caption or credit, not the article's text"


@pytest.mark.parametrize("text", [
    "A still-unknown number of people died when the Harbour bridge fell.",
    "A view of the damage was released by the ministry on Monday.",
    "The view of the committee is that the law stands.",
    "Crews launch search after bridge collapses in Harbour City",  # a headline: no full stop
    "In the capital and across the country, millions took to the streets to celebrate the win in Central Square.",
    "The mayor (R) said the bill would pass.",  # "(R)" alone: a party
    "Jane Roe, Special Envoy for Examplia",
    "The Special Envoy for Examplia said talks would resume.",
    "The magnitude 6.8 earthquake toppled buildings and sent people into the streets.",
    "Protesters made their way towards the residence on Saturday morning.",
    "Search and rescue teams have plunged into the river after the bridge collapsed on Tuesday.",
    "The bridge was seen by millions of commuters each year until it fell on Tuesday, May 7, 2020.",
    "Lakeside, once a mill town, voted on Monday to close its school.",
    "Most residents will return to their homes in Lyra on Monday, officials said.",
    "Roe cried while embracing her mother after winning the title.",
    "The coach waves as fans chant his name.",
    "Crews cleared the flooded district of Lyra on March 15, 2019.",
    "Residents returned to their houses in the aftermath of Typhoon Vera.",
    "Officials met the union leaders on Monday (see page 4).",
    "Footage of the collapse showed cars falling into the river.",
    "Video posted online showed the bridge falling.",
    "Harbour Bank Raises Interest Rates For First Time Since 2006",  # a headline in title case
    "The bank expects growth to pick up in the first quarter of 2016 Q1",
    "Exclusive: the carmaker knew about the devices for years, an executive tells Reuters",
    "The minister would resign after the vote next week, according to Reuters",
    "Rescuers searched the wreckage in Lyra, Velora, on Sunday, 15 January.",
])
def test_article_text_is_not_a_caption(text):
    assert caption(text) is None


@pytest.mark.parametrize("text", [
    "{{^adFree}} The council met on Monday.",
    "Market data provided by Example Data Services.",
    "— Jane Roe (@janeroe) July 4, 2025",
    "The mayor posted a video pic.twitter.com/abc123 on Sunday.",
    "Keep up to date with the launch and the updates below.",
    "If you missed it, you can read through our real-time updates of the launch.",
    "On Friday's evening news, Jane Roe and John Doe reported on the storm that struck the coast.",
    "From Harbour City, Jane Roe reported on the storm's first hours.",
    "Log on to HarbourNews.com all day for the latest on the singer's death.",
    "Please look at the time stamp on the story to see when it was last updated.",
    "Live updates in the aftermath of the siege in the cafe in Harbour Place.",
    "Celebrity news website HarbourGossip.com, external said the singer had been found.",
    "Read the Victims’ Statements Presented to Judge Roe .",
    "Roe—a former chairman of the Harbour stock exchange ( (HBX))—was charged on Monday.",
])
def test_markup_embeds_and_promotion(text):
    assert markup(text) == "page furniture, not the article's text"


def test_a_writers_social_handle_is_furniture_but_following_someone_is_news():
    assert furniture("Follow him on Twitter @JaneRoeNews.") is not None
    assert furniture("Fans follow him on foot through the streets of Harlow every morning.") is None


def test_news_that_a_person_reported_is_not_a_listing():
    assert markup("In Harbour City, officials reported on Friday that 40 people had died.") is None
    assert markup("Read the statement in full on the council's site.") is None  # not a link's title case
    assert markup("On Monday, the agency reported that exports fell.") is None


def test_the_gate_names_each_kind():
    assert furniture("HARBOUR CITY — The governor declared a state of emergency.") == \
        "a dateline, not the article's text"
    assert furniture("STORY: The bank collapsed on Friday after a run on deposits.") == \
        "a page label, not the article's text"
    assert furniture("The governor declared a state of emergency on Tuesday.") is None


def test_update_stamps_and_page_prompts_are_furniture():
    from generator.text.furniture import furniture
    for line in ("UPDATED 5:15PM CST: The road has reopened to traffic.", "Update 8:10 a.m. ET: The mayor has arrived.",
                 "View image in full screen", "Keep scrolling for more photos of the flood.",
                 "This post was updated June 2, 2024 with new figures.",
                 "Mayor Ann Velt addresses the crowd outside the town hall in Harlow."):
        assert furniture(line), line
    assert furniture("The mayor updated the council on the repairs on Tuesday.") is None


def test_agency_credits_around_a_caption_and_the_sites_own_notes():
    for line in ("Jane ROE / AGENCY / AGENCY Gusts hit the coast at Harlow on May 2, 2024.",
                 "AGENCY / Jane ROE A man films the waves on the seafront in Harlow.",
                 "The chair unveils the plan in Harlow, Examplia, May 2, 2024. AGENCY-WIRE/JANE ROE",
                 "The chair prepares for the press conference. Credit: Jane Roe."):
        assert caption(line) == "photo credit", line
    for line in ("Visit the Valley Weather Wire for live updates on the storm as it moves north.",
                 "[Related: Forecasters warn the coast to prepare for the storm.]",
                 "(NOTE: The anchor described the video as disturbing.)"):
        assert markup(line), line
    for line in ("The UN / WHO report said 40 people died.", "NATO / EU leaders met in Brussels on Monday.",
                 "The source of the fire was unknown, the chief said."):
        assert caption(line) is None and markup(line) is None, line


def test_a_dateline_may_open_with_its_date():
    d = dateline("April 10, 2019 (Wire) — An international team shared the first image of the object.")
    assert (d.month, d.day, d.year) == (4, 10, 2019)


def test_a_market_data_notice_is_furniture():
    assert markup("Quotes displayed in real-time or delayed by at least 15 minutes. Market data by a vendor.")


def test_captions_that_place_people_or_name_the_camera_and_a_glued_credit():
    for line in ("Jane Roe, centre, arrives at the headquarters of the coast guard in Harlow.",
                 "Jane Roe, left, and John Doe shake hands after the vote.",
                 "The comet as seen by the probe on July 13, when it was 400,000 miles away.",
                 "Marchers reacted to the verdict outside the county court in Harlow.Jane Roe/AGENCY",
                 "Officials brief the media on the search for the ferry, March 10, 2014 in Harlow, Examplia."):
        assert caption(line), line
    assert caption("The ferry sank after it left Harlow, on March 10, 2014 in Examplia.") is None
    for line in ("A protester tries to break the glass to get into the council chamber in Harlow Monday, July 1, 2019.",
                 "Protesters break into the government headquarters in Harlow on July 1, 2019."):
        assert caption(line), line
    for line in ("The referendum was held on Sunday, May 7, 2024.", "The council will vote on July 1, 2019.",
                 "“We go to the polls on July 1, 2019,” the mayor said."):
        assert caption(line) is None, line
    assert label("Why it matters: Harlow kept a high degree of autonomy when it was returned in 1997.")
    assert label("What they're saying: Mayor Jane Roe said the vote was a turning point for Harlow.")
    assert dateline("(Wire) — Jane Roe was on the passenger list of a plane that crashed, officials said.")
    for line in ("The senator, who left the party in 2010, said nothing.", "Roe said she had seen the comet.",
                 "The result was seen by many as a rebuke to the mayor."):
        assert caption(line) is None, line


def test_link_lines_and_broadcast_plugs_are_the_sites_words():
    for line in ("Read about the dispute that broke out at the courthouse.",
                 "For more about the probe, tune in to the live stream of the agency's briefing."):
        assert markup(line), line
    for line in ("For more than a decade, the firm grew.", "She told reporters to read about the plan themselves."):
        assert markup(line) is None, line


def test_a_dateline_with_the_day_first_and_an_agency_in_lower_case():
    d = dateline("Lakeside, 2 June 2019 (wire/HX) – A late goal won the final for Harlow on Saturday.")
    assert d is not None and (d.day, d.month, d.year) == (2, 6, 2019)
    assert dateline("Jane Roe (pictured) — the mayor said the bridge would reopen soon.") is None


def test_a_place_in_title_case_with_its_date_and_a_colon_is_a_dateline():
    d = dateline("Lakeside, September 1: The mayor was voted out by the council on Wednesday.")
    assert d is not None and (d.text, d.month, d.day) == ("Lakeside, September 1: ", 9, 1)
    assert dateline("Lakeside, Examplia, March 3 - The mayor resigned on Friday night.").day == 3
    assert dateline("On Monday, September 1: the talks began.") is None
    assert dateline("Lakeside, Examplia — Landing with a bounce, the probe made history on Wednesday.").text \
        == "Lakeside, Examplia — "
    # a region's abbreviation run into a hyphen
    assert dateline("Lakeside, Exa.- Harbour News has confirmed the grocer will be sold on Friday.").text \
        == "Lakeside, Exa.- "
    assert dateline("Jane Roe, Jr.- the lawyer said the case was closed last week.") is None
    assert dateline("Jane Roe, the mayor — who resigned — said nothing at all today.") is None
    assert dateline("Lakeside, ExampliaAfter a 205-day journey, the lander is safely on the surface.").text \
        == "Lakeside, Examplia"
    assert dateline("McDonald said the lander was safely on the surface of the planet.") is None
    # a place and its region before the masthead between bars; not a title's section path before a colon
    assert dateline("Athletics, Javelin: Ann Velt won the javelin on Saturday for a first gold.") is None
    assert dateline("Port es Velt, Examplia | THE HARBOUR TIMES | The state broadcaster announced the death.").text \
        == "Port es Velt, Examplia | THE HARBOUR TIMES | "
    assert dateline("Harlow, Velt and Lyra: The three towns flooded on Monday.") is None
    assert dateline("Sport, Football | Velora Beat Lyra in the final on Sunday night.") is None


def test_a_plug_for_the_sites_video_is_the_sites_words():
    assert promotion("Watch video from the courthouse as the jury considered the case.")
    assert promotion("Watch the video of the landing here")
    assert not promotion("Crowds gathered to watch the landing on giant screens in Lyra.")


def test_a_plea_for_the_sites_funds_is_the_sites_words_but_a_mayors_appeal_is_news():
    assert promotion("We need your help now")
    assert promotion("Please donate to keep independent news going")
    assert not promotion("We need your support to rebuild the town, the mayor said.")


def test_an_update_label_with_its_time_and_day_is_taken_whole():
    assert label("Update 8:15 p.m. EST Dec. 9: The special prosecutor told reporters the verdict was clear.") \
        == "Update 8:15 p.m. EST Dec. 9: "


def test_a_data_vendors_box_is_the_sites_words_but_a_car_powered_by_hydrogen_is_news():
    assert promotion("Access the most comprehensive Company Profiles on the market, powered by Velt")
    assert not promotion("The truck is powered by hydrogen.")


def test_a_reading_time_glued_on_and_a_quiz_promoted_are_page_text():
    from generator.text.furniture import markup
    assert markup("Examplians vote to oust conservative PM Velt1 min read .")
    assert markup("Take Harbour News Online's quiz.")
    assert markup("The vote took two minutes, and readers said the count was fast.") is None


def test_a_broadcasts_handover_to_its_reporter_is_furniture():
    from generator.text.furniture import handover
    for line in ("Harbour TV's Jane Roe has the latest.", "KVT's Ann Lee is covering this story in Lyra.",
                 "Tom Velt in Eastmere reports on a day of unbearable suspense"):
        assert handover(line) and markup(line) == "page furniture, not the article's text", line
    for line in ("Police in Lyra reports on a day of chaos.", "The minister has the latest figures.",
                 "Jane Roe covered the trial for a decade."):
        assert not handover(line), line


@pytest.mark.parametrize("text, note", [
    ("The Harbour Standard has chosen not to publish the footage.", True),
    ("The Velt Herald has published a guide on how to help the victims and their families.", True),
    ("The Lyra Times has contacted the ministry for comment.", True),
    ("The Harbour Post reported that 99 people were still missing.", False),
    ("The ministry has chosen not to publish the report.", False),
    ("Police have contacted the families of the missing.", False),
    ("Police have contacted the family for comment.", False),
    ("The independent has decided not to run again.", False),
])
def test_an_outlets_note_on_its_own_reporting_is_not_news(text, note):
    assert (markup(text) == "the outlet's note on its own reporting, not the news") is note
