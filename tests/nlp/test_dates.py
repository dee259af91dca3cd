"""Which date expression times the event of its sentence (generator/nlp/dates.py): the sentence's
own event ("main"), an event told inside it ("side"), or no event at all (a comparison's baseline).
Every sentence is invented."""

from __future__ import annotations

import pytest

from generator.models import Article
from generator.nlp.dates import extract_dates
from generator.nlp.model import parse_one
from generator.nlp.parsed import ParsedArticle


def mentions(text: str, published: str | None = "2024-06-12"):
    article = Article("t", "t.txt", (text,), published=published)
    return extract_dates(ParsedArticle.of(article, parse_one(article.text)))


def timing(text: str, published: str | None = "2024-06-12") -> list[tuple[str, str | None, str]]:
    return [(m.expression, m.date, "main" if m.main_clause else "side") for m in mentions(text, published)]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a relative clause describing a noun tells that noun's own past
    ("The former leader, who stepped down in 2020, collapsed on the street.", [("in 2020", "2020", "side")]),
    ("The attorney first made headlines when he was chosen in 2004 to wind up the firm, which collapsed in 2001.",
     [("in 2004", "2004", "main"), ("in 2001", "2001", "side")]),
    # a phrase or clause set apart by "until", "ahead of", "although", or "after" at a distance
    ("Until the attack at the rally on Friday, voters had largely ignored the election.",
     [("on Friday", "2024-06-07", "side")]),
    ("He was shot as he campaigned ahead of the elections on Sunday.", [("on Sunday", "2024-06-09", "side")]),
    ("The verdict comes 11 months after video showed the officer kneeling on the man on May 25, 2023.",
     [("on May 25, 2023", "2023-05-25", "side")]),
    ("Although the country had banned the group in 2003, that status was revoked in April 2024.",
     [("in 2003", "2003", "side"), ("in April 2024", "2024-04", "main")]),
    # a "when" or "as" clause, reported speech and coordination keep the main event's time
    ("The minister said on Tuesday that the talks would resume.", [("on Tuesday", "2024-06-11", "main")]),
    ("Rescuers arrived when the dam failed on Monday.", [("on Monday", "2024-06-10", "main")]),
    ("The founder was diagnosed in 2004 and had surgery in 2009.",
     [("in 2004", "2004", "main"), ("in 2009", "2009", "main")]),
    # right after a dated event, at month or year precision, the main event is that month's too
    ("Security concerns peaked after the deadly March 2024 attack on the concert hall.",
     [("March 2024", "2024-03", "main")]),
    ("The leader spoke outside his office soon after the result was announced on June 11.",
     [("on June 11", "2024-06-11", "main")]),
    # a thing compared with, or a change's starting point, has its own date
    ("The storm's strength ranked just behind Hurricane Velma in 2005.", [("in 2005", "2005", "side")]),
    ("The party doubled its vote share from the last election in 2021.", [("in 2021", "2021", "side")]),
    ("Talks were held behind closed doors on Monday.", [("on Monday", "2024-06-10", "main")]),
    ("The company moved its headquarters from Texas in 2019.", [("in 2019", "2019", "main")]),
    ("Velt was found guilty on all three counts of aggravated assault against Ann Roe in 2004.",
     [("in 2004", "2004", "side")]),
    # a "to" clause of purpose or outcome times another event; a plan's own "to" clause does not
    ("Velt then struck twice to set up a final against Harlow at the national stadium on Sunday.",
     [("on Sunday", "2024-06-09", "side")]),
    ("The court is expected to rule on the appeal on Monday.", [("on Monday", "2024-06-17", "main")]),
    # what the news is measured against keeps its own date; what the news is does not
    ("The toll makes it the deadliest shooting in the country, passing last year's massacre at a club.",
     [("last year's", "2023", "side")]),
    ("Harlow won Sunday's race by two seconds.", [("Sunday", "2024-06-09", "main")]),
    # a list after a colon that ends a whole clause tells what a noun of it was
    ("The deaths rocked a nation still dealing with recent attacks: in November, in Harlow, when 130 were "
     "killed, and in January, 2015, when 17 were killed.",
     [("in November", "2023-11", "side"), ("in January, 2015", "2015-01", "side")]),
    ("The minister said: on Monday the talks will resume.", [("on Monday", "2024-06-17", "main")]),
    # a noun naming an event has its own date, unless it is the clause's subject
    ("Survivors of the earthquake in March were still living in tents on Tuesday.",
     [("on Tuesday", "2024-06-11", "main")]),
    ("The earthquake on Monday killed 40 people.", [("on Monday", "2024-06-10", "main")]),
    # a year on a noun dates what the noun names, not the clause, unless it is the event as subject
    ("The court overturned the landmark 1973 decision that made the procedure legal.", [("1973", "1973", "side")]),
    ("The 2018 champion slipped the green jacket over his shoulders.", [("2018", "2018", "side")]),
    ("The 2016 vote split the country.", [("2016", "2016", "main")]),
    # the same moment in another zone, in brackets; years in an aside between dashes
    ("The liftoff came at 1:47 a.m. ET June 12 (10:47 p.m. PT June 11) from the Harlow pad.",
     [("June 12", "2024-06-12", "main"), ("June 11", "2024-06-11", "side")]),
    ("Lyra had not scored in their two previous finals – in 1990 and 2014 – but led on Sunday.",
     [("in 1990", "1990", "side"), ("2014", "2014", "side"), ("on Sunday", "2024-06-09", "main")]),
    ("The launch – on Monday – went well.", [("on Monday", "2024-06-10", "main")]),
    # right after "the <event> of <Name>": that event's date, however the parse attached it
    ("The jury found Tom Velt guilty on all counts in the murder of Sam Roe last May.",
     [("last May", "2024-05", "side")]),
])
def test_a_date_times_the_event_it_belongs_to(text, expected):
    assert timing(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The water reached 13.88 feet, surpassing the previous record of 11.2 feet in 1821.",
    "Velmont beat Harlow on Sunday to go one better than the regional title Velmont won in 2008.",
])
def test_the_date_of_what_is_bettered_dates_no_event(text):
    assert all(m.expression not in ("in 1821", "in 2008") for m in mentions(text))


@pytest.mark.slow
def test_a_record_set_in_a_year_is_that_years_event():
    assert [m.expression for m in mentions("The sprinter set a world record in 2009 in Lyra.")] == ["in 2009"]
    text = "Word that Velt, a star for more than four decades, had died Thursday spread around the world."
    assert [m.expression for m in mentions(text)] == ["Thursday"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The currency plunged to its lowest level since 1985.",
    "The team won its first world title since 1986.",
    "It was the first crash of a passenger jet in the country since the disaster outside the capital in 2000.",
    "The founder's wealth was down 90% from $16.2bn earlier this year, a newspaper reported.",
])
def test_a_comparisons_baseline_dates_no_event(text):
    assert mentions(text) == []


@pytest.mark.slow
def test_since_with_a_perfect_dates_the_start_of_a_state():
    assert timing("Since 2022, the country has been importing grain from its neighbour.") == [
        ("Since 2022", "2022", "main")]
    assert timing("The founder had battled cancer since 2003.") == [("since 2003", "2003", "main")]


@pytest.mark.slow
def test_a_year_beside_a_present_perfect_is_not_its_time():
    # "we have landed" is now; the parse may hang a past year on it
    found = timing("The director told him at 6:03 pm – We have landed on the moon, reminiscent of a "
                   "famous message in 1983 when the country had first reached space.")
    assert found == [("in 1983", "1983", "side")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a reported plan for a weekday is the coming one; "has agreed to resign" is still to come
    ("The speaker said the president had agreed to resign and would do so on Wednesday.", "2024-06-12"),
    ("The speaker said the president has agreed to resign Wednesday.", "2024-06-12"),
    ("The speaker said the president has agreed to resign Friday.", "2024-06-14"),
    ("The bank will reopen on Monday, the regulator said.", "2024-06-17"),
    # a month and day without a year in a reported plan: the nearer one, here after the article
    ("The minister said her resignation would take effect no later than July 7.", "2024-07-07"),
])
def test_a_plan_points_forward(text, expected):
    assert [m.date for m in mentions(text)] == [expected]
    assert all(m.tense == "future" for m in mentions(text))


@pytest.mark.slow
def test_a_reported_plan_for_a_day_just_gone_stays_in_the_past():
    assert [m.date for m in mentions("The minister said she would resign on June 1.")] == ["2024-06-01"]


@pytest.mark.slow
def test_a_dates_clause_words_leave_out_clauses_at_other_times():
    found = mentions("The founder, who started the company in 1976 in a garage, was diagnosed with the "
                     "disease in 2004 and received a liver transplant in 2009.")
    words = {m.date: set(m.event_lemmas) for m in found}
    assert {"diagnose", "disease"} <= words["2004"] and not words["2004"] & {"garage", "transplant"}
    assert {"transplant", "liver", "founder"} <= words["2009"] and "diagnose" not in words["2009"]


@pytest.mark.slow
def test_four_figures_before_a_time_zone_are_a_clock_time_not_a_year():
    found = timing("The weather service said the eye of the storm made landfall just after 3:00 pm (1900 GMT) "
                   "on the barrier island of Palm Key, west of the city of Harlow.", "2022-09-28")
    assert found == []  # the year 1900 before


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The outsider parties will get 44 more seats than in 2021, the count showed.",
    "The party's 37 seats have doubled compared to the previous elections in 2021.",
    "The party won 36 seats in the chamber, twice as many as in 2021.",
])
def test_the_year_a_figure_is_compared_with_dates_no_event(text):
    assert mentions(text, "2023-11-23") == []


@pytest.mark.slow
def test_a_record_counted_since_a_clause_of_its_own_dates_no_event():
    text = ("The storm made landfall on Thursday near Harlow, making it the first known Category 4 storm "
            "to hit the coast since records began in 1851.")
    assert [m.expression for m in mentions(text, "2024-09-27")] == ["on Thursday"]
    assert [m.expression for m in mentions("The company has grown since it was founded in 1998.")] == ["in 1998"]


@pytest.mark.slow
def test_a_clause_told_in_the_present_beside_a_past_event_is_another_time():
    assert timing("The trial was the last before the tribunal, as the court prepares to close its doors next month.",
                  "2017-11-22") == [("next month", "2017-12", "side")]
    assert timing("Crowds cheered as the team arrived on Monday.", "2017-10-04") == [("on Monday", "2017-10-02", "main")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # 2024-06-12 is a Wednesday: the time an act set is still to come when set
    ("Chief Judge Ann Velt set sentencing at 9 a.m. Thursday for Tom Harlow.", "2024-06-13"),
    ("Judge Ann Velt set the hearing at 10 a.m. Friday.", "2024-06-14"),
    # the time of the setting itself is past, and so is any other act's weekday
    ("The judge set the date on Monday after a long hearing.", "2024-06-10"),
    ("The council voted on Monday to close the road.", "2024-06-10"),
])
def test_the_time_an_act_set_is_still_to_come(text, expected):
    assert [m.date for m in mentions(text)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["The governor has submitted his resignation effective August 2.",
                                  "The council approved the new fares effective September 1."])
def test_the_day_something_takes_effect_is_not_the_day_of_the_act_that_sets_it(text):
    assert [kind for _, _, kind in timing(text)] == ["side"]


@pytest.mark.slow
def test_a_date_in_a_renounced_plan_times_nothing_that_happens():
    assert timing("On Sunday, Velt gave up the leadership of his party and pledged not to seek reelection in 2020.",
                  "2019-07-25") == [("On Sunday", "2019-07-21", "main"), ("in 2020", "2020", "side")]
    assert timing("Velt pledged to seek reelection in 2020.", "2019-07-25") == [("in 2020", "2020", "main")]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Theresa May's government has been plunged into a fresh crisis after Velt resigned.",
                                  "Mrs May ordered Velt to fly home from Lyra."])
def test_a_months_name_that_is_someones_dates_nothing(text):
    assert timing(text, "2017-11-08") == []


@pytest.mark.slow
def test_a_month_after_a_preposition_is_still_a_month():
    assert timing("The vote was held in May.", "2017-11-08") == [("in May", "2017-05", "main")]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["The bank raised its expectations for growth next year to 2.4%.",
                                  "Officials also anticipate slightly lower unemployment in 2016.",
                                  "Officials feel a tad more optimistic about the economy in 2016."])
def test_the_period_a_forecast_covers_is_no_time_of_an_event(text):
    assert [kind for _, _, kind in timing(text, "2015-12-16")] == ["side"]


@pytest.mark.slow
def test_an_act_forecast_keeps_its_own_time():
    assert [kind for _, _, kind in timing("Economists expect the bank to raise rates in March 2016.", "2015-12-16")] \
        == ["main"]
