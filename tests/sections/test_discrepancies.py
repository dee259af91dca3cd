"""Disagreements between sources on invented snippets, and on real corpus events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import re

import pytest

from generator.models import AnalysedArticle, Article, ArticleAnalysis
from generator.nlp.parsed import ParsedArticle
from generator.sections.claims import alignment, attributions, discrepancies
from generator.text.dates.partial import Interval
from tests.conftest import parse
from tests.paths import CORPUS_DIR, needs_corpus


def analysed(sid: str, *paragraphs: str, published: str | None = "2024-05-14") -> AnalysedArticle:
    art = Article(sid, f"{sid}.txt", tuple(paragraphs), published=published)
    doc = parse(art.text)
    parsed = ParsedArticle.of(art, doc)
    return AnalysedArticle(art, ArticleAnalysis(sid, parsed.sentences, parsed.entities()))


def disputes(*items: AnalysedArticle):
    al = alignment.align(items, 0.55)
    return discrepancies.find(items, al, 0.55)


def figure_disputes(*items: AnalysedArticle):
    """The disagreements over figures among the articles."""
    return [d for d in disputes(*items) if d.text.startswith("Figures")]


def only(found, prefix: str):
    hits = [d for d in found if d.text.startswith(prefix)]
    assert len(hits) == 1, [d.text for d in found]
    d = hits[0]
    assert d.kind == "disputed" and d.sources == tuple(sorted(d.variants))
    return d


@pytest.mark.slow
def test_one_person_given_two_ages_is_a_disagreement_two_of_a_family_are_not():
    a = analysed("a", "Greg Velt, 65, and his son Travis Velt, 35, were convicted on Wednesday.")
    b = analysed("b", "The jury convicted Gregory Velt, 67, of felony murder on Wednesday.")
    c = analysed("c", "Travis Velt, 35, fired the shots, prosecutors said.")
    d = only(disputes(a, b, c), "Ages differ")
    assert d.text == 'Ages differ: "Greg Velt, 65" vs "Gregory Velt, 67"' and d.sources == ("a", "b")
    assert not [x for x in disputes(a, c) if x.text.startswith("Ages")]


@pytest.mark.slow
def test_a_date_of_the_main_event_and_one_of_a_side_clause_date_two_events():
    from generator.nlp.analyse import analyse_doc

    def full(sid: str, text: str) -> AnalysedArticle:
        art = Article(sid, f"{sid}.txt", (text,), published="2024-05-15")
        return AnalysedArticle(art, analyse_doc(art, parse(text)))

    main = full("a", "The Harlow dam on the Vel river failed on Tuesday, flooding the valley below it, officials said.")
    side = full("b", "Residents who left the valley below the Harlow dam on Monday said the dam on the Vel river failed, "
                     "flooding the valley, officials said.")
    again = full("c", "The Harlow dam on the Vel river failed on Monday, flooding the valley below it, officials said.")
    assert [d.main_clause for d in side.analysis.date_mentions] == [False]
    assert not [d for d in disputes(main, side) if d.text.startswith("Dates")]
    assert [d for d in disputes(main, again) if d.text.startswith("Dates")]


@pytest.mark.slow
def test_different_death_tolls_are_shown_side_by_side():
    a = analysed("a", "An explosion at a chemical plant in Westbrook killed 12 people on Tuesday, officials said.")
    b = analysed("b", "A blast at a chemical factory in Westbrook on Tuesday killed 15 people, local officials said.")
    d = only(disputes(a, b), "Figures (deaths) differ")
    assert '"12"' in d.text and '"15"' in d.text
    assert d.variants == {"a": a.analysis.sentences[0].text, "b": b.analysis.sentences[0].text}


@pytest.mark.slow
def test_figures_that_can_both_be_true_are_no_dispute():
    a = analysed("a", "An explosion at a chemical plant in Westbrook killed more than 10 people on Tuesday.")
    b = analysed("b", "A blast at a chemical factory in Westbrook on Tuesday killed 12 people.")
    c = analysed("c", "Outside the hospital in Westbrook, around 2 bodies lay under blankets on Tuesday.")
    assert not figure_disputes(a, b, c)


@pytest.mark.slow
def test_figures_of_two_different_things_are_no_dispute():
    a = analysed("a", "The magnitude 6.8 earthquake struck the coast of Velora on Friday night.")
    b = analysed("b", "A magnitude 4.1 aftershock struck the coast of Velora on Friday night.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_the_same_event_dated_differently():
    a = analysed("a", "The Westbrook plant opened in March 2010 on the edge of the river town.")
    b = analysed("b", "The chemical plant opened in 2012 on the edge of Westbrook, a river town.")
    d = only(disputes(a, b), "Dates differ")
    assert "March 2010" in d.text and "2012" in d.text


@pytest.mark.slow
@pytest.mark.parametrize("first, second", [
    # one year told two ways
    ("The actor first faced trial last year for assaulting Ann Velt at his home 14 years ago.",
     "The actor, 80, has been on trial for assaulting Ann Velt at his home in 2004."),
    # the news day beside the old act it judges
    ("Comedian and TV icon Tom Velt was convicted on three counts of aggravated indecent assault at his sexual "
     "assault retrial here Thursday.",
     "Tom Velt has been found guilty of aggravated indecent assault against Ann Roe in 2004."),
    # one night told from two clocks
    ("Tom Velkstrom, 22, has been named by police as the suspected suicide bomber who killed 22 people on Tuesday, "
     "including children, in an attack on a crowded concert hall in Lyra.",
     "Tom Velkstrom has been named by police as the suspected suicide bomber who killed 22 people and injured 59 "
     "at Lyra Arena on Monday night."),
    # the news day beside the death it judges, months before
    ("Jurors found Tom Velt guilty on Tuesday of murdering Ann Roe.",
     "Jurors found Tom Velt guilty of murdering Ann Roe last May."),
])
def test_one_time_told_two_ways_or_two_events_years_apart_are_no_dispute(first, second):
    a = analysed("a", first, published="2018-04-26")
    b = analysed("b", second, published="2018-04-26")
    assert not [d for d in disputes(a, b) if d.text.startswith("Dates")]


@pytest.mark.slow
def test_dates_of_different_precision_that_agree_are_no_dispute():
    a = analysed("a", "The Westbrook plant opened in March 2010 on the edge of the river town.")
    b = analysed("b", "The chemical plant opened in 2010 on the edge of Westbrook, a river town.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Dates")]


@pytest.mark.slow
def test_a_record_for_a_narrower_group_is_compatible():
    a = analysed("a", "Norland became the first country to ban the pesticide on Monday, the ministry said.")
    b = analysed("b", "Norland became the first European country to ban the pesticide on Monday.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Descriptions differ")]


@pytest.mark.slow
def test_different_ranks_for_the_same_thing_are_a_dispute():
    a = analysed("a", "Norland became the first country to ban the pesticide on Monday, the ministry said.")
    b = analysed("b", "Norland on Monday became the second nation to ban the pesticide, officials said.")
    d = only(disputes(a, b), "Descriptions differ")
    assert "the first country" in d.text and "the second nation" in d.text


@pytest.mark.slow
def test_a_title_with_and_without_former_but_not_acting():
    # a stand-in holds the post ("acting", "interim": the gold's minor kind, never shown); "former" does not
    a = analysed("a", "Acting Fire Chief Maria Lopez said the fire was under control by the evening.")
    b = analysed("b", "Fire Chief Maria Lopez told reporters the blaze was contained by the evening.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Titles")]
    a = analysed("a", "Former Fire Chief Maria Lopez said the fire was under control by the evening.")
    d = only(disputes(a, b), "Titles differ for Maria Lopez")
    assert "Former Fire Chief" in d.text


@pytest.mark.slow
def test_a_place_in_history_and_former_are_no_dispute():
    a = analysed("a", "Velora's first black President Ana Silva died on Thursday at her home in Brasilia, aged 95.")
    b = analysed("b", "Former President Ana Silva died on Thursday at her home in Brasilia at the age of 95.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Titles")]


@pytest.mark.slow
def test_two_posts_one_person_holds_are_no_dispute():
    a = analysed("a", "Deputy Prime Minister Mateo Salvo said the budget rules would not stop repairs in Kessel.")
    b = analysed("b", "Interior Minister Mateo Salvo said the budget rules would not stop the repairs in Kessel.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Titles")]


@pytest.mark.slow
def test_a_nationality_in_a_title_is_no_dispute():
    a = analysed("a", "President Ana Silva signed the decree on Monday in Brasilia.")
    b = analysed("b", "Brazilian President Ana Silva signed the decree in Brasilia on Monday.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Titles")]


@pytest.mark.slow
def test_two_renderings_of_one_statement_are_no_dispute():
    """Two translations of one statement: the quote is shown once, not as a disagreement."""
    a = analysed("a", '"We are devastated by this tragedy and will help every family," the company said.')
    b = analysed("b", '"We are heartbroken by this tragedy and will help every family," the company said in a statement.')
    assert not [d for d in disputes(a, b) if d.text.startswith("Quoted wording")]
    assert attributions.wording_disputes([q for it in (a, b) for q in attributions.quotations(it)])


@pytest.mark.slow
def test_a_longer_quotation_of_the_same_words_is_no_dispute():
    a = analysed("a", '"We are devastated by this tragedy," the company said.')
    b = analysed("b", '"We are devastated by this tragedy and will help every family," the company said.')
    assert not [d for d in disputes(a, b) if d.text.startswith("Quoted wording")]


@pytest.mark.slow
def test_the_same_words_given_to_different_people():
    a = analysed("a", '"The water in the city is safe to drink," said Mayor Tom Reyes on Wednesday.')
    b = analysed("b", '"The water in the city is safe to drink," Governor Ann Blake said on Wednesday.')
    d = only(disputes(a, b), "Quote")
    assert "attributed to" in d.text and "Reyes" in d.text and "Blake" in d.text


@pytest.mark.slow
def test_every_variant_is_the_sentence_of_its_source():
    a = analysed("a", "An explosion at a chemical plant in Westbrook killed 12 people on Tuesday, officials said.",
                 "Former Fire Chief Maria Lopez said the fire was under control by the evening.")
    b = analysed("b", "A blast at a chemical factory in Westbrook on Tuesday killed 15 people, local officials said.",
                 "Fire Chief Maria Lopez told reporters the blaze was contained by the evening.")
    texts = {"a": a.article.text, "b": b.article.text}
    found = disputes(a, b)
    assert len(found) == 2
    for d in found:
        for sid, variant in d.variants.items():
            assert variant in texts[sid]


# ---------------------------------------------------------------- real events


@pytest.fixture(scope="module")
def corpus_story(settings):
    """Claims and disputes of a corpus event folder, through the real clean and analyse stages."""
    from generator.pipeline import analyse_articles
    from generator.pipeline import load_articles

    def run(event: str):
        articles, _ = load_articles(replace(settings, seeds_dir=str(CORPUS_DIR / event)))
        items = analyse_articles(articles, settings)
        return discrepancies.find(items, alignment.align(items, settings.claim_similarity),
                                  settings.claim_similarity)

    return run


@pytest.mark.slow
@pytest.mark.quality
@needs_corpus
def test_outlets_giving_different_death_tolls(corpus_story):
    tolls = [d for d in corpus_story("morocco-earthquake") if d.text.startswith("Figures (deaths)")]
    assert tolls
    assert {"01", "04"} <= set(tolls[0].variants)  # 2,012 killed vs at least 2,122, both written on Sunday


@pytest.mark.slow
@pytest.mark.quality
@needs_corpus
def test_an_outlet_giving_a_quote_to_someone_else(corpus_story):
    found = [d for d in corpus_story("chandrayaan3-landing") if "attributed to" in d.text]
    assert found and "India is on the moon" in found[0].text
    assert {"01", "04"} <= set(found[0].variants)


def test_surnames_and_quotations_helpers():
    assert attributions._surname("S. Somanath") == "somanath"
    assert attributions._marked("“India is on the moon,” she said.") == [(1, 22)]
    # a quotation the splitter cut: the lone closing mark quotes from the start
    assert attributions._marked("more NATO and our door remains open.”")[0][0] == 0


def test_quick_bounds_decide_renderings_as_the_full_comparison():
    """_same_statement rejects most pairs on cheap bounds (shared runs of three words, quick
    ratios) before matching: the answers are those of the full comparison."""
    import difflib
    from itertools import combinations

    def full(a: str, b: str) -> bool:
        wa, wb = attributions._norm(a).split(), attributions._norm(b).split()
        matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
        longest = max((m.size for m in matcher.get_matching_blocks()), default=0)
        return matcher.ratio() >= attributions.SAME_STATEMENT and longest >= 3

    texts = ["this is a blow to our workers and their families",
             "this is a disaster for our workers and families",
             "a blow to our workers", "we are devastated by the loss of our colleagues",
             "we are heartbroken by the loss of our colleagues", "the loss", "",
             "Our workers, and their families!", "families their and workers our to blow a is this"]
    said = [attributions.Said("01", t, t, None, None) for t in texts]
    for a, b in combinations(said, 2):
        assert attributions._same_statement(a, b) == full(a.words, b.words), (a.words, b.words)


@pytest.mark.slow
def test_two_values_one_source_gives_together_are_no_dispute():
    a = analysed("a", "Leave won 52 percent of the vote against 48 percent for Remain, officials said.")
    b = analysed("b", "Voters backed Leave by 52 percent to 48 percent in the referendum, officials said.")
    c = analysed("c", "Remain won 48 percent of the vote in the referendum, the officials said.")
    assert not figure_disputes(a, b, c)


@pytest.mark.slow
def test_a_score_is_one_value():
    a = analysed("a", "Argentina beat France 4-2 on penalties after a 3-3 draw in the final on Sunday.")
    b = analysed("b", "Argentina won the final on penalties, 4-2, after the match ended 3-3 on Sunday.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_part_is_not_the_total():
    a = analysed("a", "The plane crashed in the Alps on Tuesday, killing all 150 people on board.")
    b = analysed("b", "The airline said 72 Germans were killed in the crash in the Alps on Tuesday.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_an_open_ended_figure_is_no_dispute():
    a = analysed("a", "More than 50 aftershocks followed the quake, many of them magnitude 6.0 or greater.")
    b = analysed("b", "One of the aftershocks of the quake had a magnitude of 6.8, officials said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_the_start_of_a_state_is_not_an_event_date():
    a = analysed("a", "The founder, who had battled cancer since 2003, died on Wednesday at his home.")
    b = analysed("b", "The founder died of cancer on Wednesday at his home, the company said.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Dates")]


@pytest.mark.slow
def test_the_same_event_dated_in_another_clause():
    a = analysed("a", "In April this year, the Velorian Supreme Court removed the party from its list of banned groups.")
    b = analysed("b", "The Velorian parliament passed a law in December 2024 removing the party from the list "
                      "of banned groups.")
    d = only(disputes(a, b), "Dates differ")
    assert "April this year" in d.text and "December 2024" in d.text


@pytest.mark.slow
def test_a_dated_value_reads_with_what_it_dates():
    a = analysed("a", "The Velorian army seized power in August 2021, officials said.", published="2025-07-04")
    b = analysed("b", "The Velorian army took power nearly three years ago, officials said.", published="2025-07-04")
    d = only(disputes(a, b), "Dates differ")
    assert '"seized power in August 2021"' in d.text and '"took power nearly three years ago"' in d.text


@pytest.mark.slow
def test_the_same_person_named_two_ways_is_one_speaker():
    a = analysed("a", 'John J. Ray III said: "The group has valuable assets that must be administered jointly."')
    b = analysed("b", 'Ray said: "The group has valuable assets that must be administered jointly."')
    assert not [d for d in disputes(a, b) if "attributed to" in d.text]


def test_one_name_typed_two_ways_or_a_title_and_a_name_are_one_speaker():
    from generator.sections.claims.attributions import _one_speaker
    assert _one_speaker("Emad Al Falah", "Emad al-Falah")
    assert _one_speaker("Taoiseach", "Lev Orlanov")  # a one-word title may be the named person
    assert not _one_speaker("Ana Duarte", "Lev Orlanov")


def test_a_value_and_its_rounding_are_one_value():
    from generator.sections.claims.discrepancies import Figure, _rounded

    def fig(expression: str) -> Figure:
        return Figure(0.0, 0.0, expression, "assets", None, 0, len(expression))

    def rounded(a: str, b: str) -> bool:
        return _rounded(fig(a), fig(b))
    assert rounded("51.9", "52") and rounded("66", "66.4") and rounded("$82.29 billion", "$82.3 billion")
    assert rounded("1,204.6", "1,205")
    assert not rounded("51", "52") and not rounded("51.2", "52") and not rounded("7.5", "7.6")
    assert not rounded("$82.29 billion", "$82.2 billion") and not rounded("82.3 million", "82.29 billion")
    # a round number for a measured one: "40 seconds" / "39.1 seconds" (not 30 / 39.1, nor 45 / 44.1)
    assert rounded("40", "39.1") and not rounded("30", "39.1") and not rounded("45", "44.1")


@pytest.mark.slow
def test_a_moment_told_from_an_event_and_a_while_are_two_things():
    a = analysed("a", "Then, 40 minutes after the impact, the Harlow ferry began listing badly, passengers said.")
    b = analysed("b", "For 45 minutes the Harlow ferry passengers were told the lights had failed, passengers said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_an_average_and_a_single_count_are_two_things():
    a = analysed("a", "Roe, who averaged 29.7 points and 11.3 rebounds in the series, was named most valuable player.")
    b = analysed("b", "Doe was the scoring leader for Harlow, with 32 points and 15 rebounds in the series, officials said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_day_told_from_the_writers_own_in_an_undated_article_is_in_conflict_with_nothing():
    from generator.nlp.analyse import analyse_doc

    def full(sid: str, text: str) -> AnalysedArticle:
        art = Article(sid, f"{sid}.txt", (text,), published=None)
        return AnalysedArticle(art, analyse_doc(art, parse(text)))
    items = (full("a", "Velder Motors filed for Chapter 11 bankruptcy protection yesterday as part of the plan "
                       "to shrink the automaker."),
             full("b", "Velder Motors filed for Chapter 11 bankruptcy protection Monday as part of the plan "
                       "to shrink the automaker."),
             full("c", "Velder Motors went to court on June 1, 2009, the treasury said."))
    al = alignment.align(items, 0.55)
    related = discrepancies.RELATED * 0.55
    assert discrepancies.date_conflicts(al, related)  # were both days the writers' own, they would differ
    assert not discrepancies.date_conflicts(al, related, frozenset({"a", "b", "c"}))
    # "next month" in an undated article against a date a few weeks away: its day was guessed from
    # the story's (here a month late), so the month it names may be off; years apart still differ
    items = tuple(AnalysedArticle(replace(it.article, published="2019-07-25"), it.analysis) for it in (
        full("a", "The governor of Velora said that he will resign next month after the protests over the chats."),
        full("b", "The governor of Velora said that he will resign on Aug. 2 after the protests over the chats.")))
    al = alignment.align(items, 0.55)
    guessed = Interval(date(2019, 9, 1), date(2019, 9, 30))
    a = next(k for k, c in enumerate(al.claims) if c.sid == "a")
    b = next(k for k, c in enumerate(al.claims) if c.sid == "b")
    al.claims[a] = replace(al.claims[a], dates=(replace(al.claims[a].dates[0], interval=guessed),))
    al.claims[b] = replace(al.claims[b], dates=(replace(al.claims[b].dates[0],
                                                        interval=Interval(date(2019, 8, 2), date(2019, 8, 2))),))
    assert discrepancies.date_conflicts(al, related, frozenset())  # were its day known, September is no August
    assert not discrepancies.date_conflicts(al, related, frozenset({"a"}))


@pytest.mark.slow
def test_a_part_of_a_total_and_a_rising_count_are_no_dispute():
    a = analysed("a", "At least 151 people had died in the crush in Harlow, of whom 97 were women, officials said on Sunday.")
    b = analysed("b", "Some 153 people were killed in the crush in Harlow on Sunday night, officials said.")
    c = analysed("c", "Of the dead in the crush in Harlow, 101 are female and 55 are male, officials said.")
    assert not figure_disputes(a, b, c)
    a = analysed("a", "The civil protection agency said the death toll from the Harlow quake stood at 304 on Saturday.")
    b = analysed("b", "The death toll from the Harlow quake has risen to at least 1,300 people, the agency said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_status_word_is_never_read_inside_another_word():
    # "congratulate Vice President ..." holds "late" inside a word: no "late Vice President"
    a = analysed("a", "Leaders rushed to congratulate Vice President Ana Silva on her win on Saturday.")
    b = analysed("b", "Vice President Ana Silva won the vote on Saturday, officials said.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Titles")]
    assert all("late Vice" not in t.title for t in attributions.titles(a, alignment.align([a, b], 0.55)))


@pytest.mark.slow
def test_a_forecast_and_a_rank_by_size_are_no_dispute():
    a = analysed("a", "The Harbour Party was forecast to win 36 seats in the Velorian parliament, exit polls showed.")
    b = analysed("b", "The Harbour Party won 37 seats in the Velorian parliament, the final count showed.")
    assert not figure_disputes(a, b)
    a = analysed("a", "Harlow Bank became the third bank to fail this year after regulators seized it on Monday.")
    b = analysed("b", "Harlow Bank became the second-largest bank to fail after regulators seized it on Monday.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Descriptions")]


@pytest.mark.slow
def test_a_bound_before_a_currency_figure_holds_and_a_projection_is_no_count():
    a = analysed("a", "Harlow Homes, the most indebted developer with more than $300 billion of liabilities, was wound up.")
    b = analysed("b", "The court wound up Harlow Homes, the developer with $328 billion of liabilities, on Monday.")
    assert not figure_disputes(a, b)
    a = analysed("a", "The Harbour alliance secured 43.8 percent of the vote in the Velorian lower house.")
    b = analysed("b", "The Harbour alliance is anticipated to receive 43.6 percent of the vote in the Velorian lower house.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_possessive_date_dates_its_noun_not_the_sentence():
    a = analysed("a", "Rescuers in Harlow continued to search for survivors of Monday's earthquake in the hills.")
    b = analysed("b", "Rescuers in Harlow scrambled to search for survivors in the hills on Wednesday.")
    assert not [d for d in disputes(a, b) if d.text.startswith("Dates")]


@pytest.mark.slow
def test_each_source_of_the_named_pair_shows_the_sentence_with_its_value():
    a = analysed("a", "The blast in Westbrook on Tuesday was the worst since a fire in 2011 killed 90 people.",
                 "The explosion in Westbrook on Tuesday killed 12 people, officials said.")
    b = analysed("b", "The blast in Westbrook on Tuesday killed 15 people, officials said.")
    d = only(disputes(a, b), "Figures (deaths) differ")
    assert all(re.search(r"\b(12|15)\b", v) for v in d.variants.values()), d.variants


@pytest.mark.slow
def test_only_the_storys_people_are_in_dispute_over_who_said_it():
    a = analysed("a", '"We are grateful, but we cannot be arrogant," Jana Velt told reporters in Eastmere on Thursday.')
    b = analysed("b", '"We are grateful, but we cannot be arrogant," said Tory MPs on Thursday.')
    al = alignment.align([a, b], 0.55)
    assert [d for d in discrepancies.find([a, b], al, 0.55) if "attributed to" in d.text]  # the tagger's "person"
    assert not [d for d in discrepancies.find([a, b], al, 0.55, people={"velt"}) if "attributed to" in d.text]


@pytest.mark.slow
def test_counts_of_another_measure_or_another_place_are_no_dispute():
    a = analysed("a", "Officials said 10 people were killed and at least 80 were trapped in Harlow on Friday.")
    b = analysed("b", "Officials said 10 people died in the tower collapse in Harlow on Friday.")
    assert not figure_disputes(a, b)
    a = analysed("a", "The quake on Friday left 26 people injured in Velora, officials said.")
    b = analysed("b", "The quake on Friday left 31 people injured in Harlow, officials said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_count_of_one_place_beside_a_sentence_never_naming_it_is_no_dispute():
    # the other count is of the whole quake's reach, or of another country: not the same thing
    a = analysed("a", "Officials in Velora put the number of deaths at 1,805, with 4,718 people injured, after the "
                      "quake on Saturday.")
    b = analysed("b", "At least 51 people were killed and 237 injured in various parts of Harlow in the quake on "
                      "Saturday.")
    assert not figure_disputes(a, b)
    # the same count of the same place, told differently, stays a disagreement
    c = analysed("c", "At least 51 people were killed and 412 injured in various parts of Harlow in the quake on "
                      "Saturday.")
    assert [d.text for d in disputes(b, c) if d.text.startswith("Figures")] == ['Figures (injured) differ: "237" vs "412"']


@pytest.mark.slow
def test_the_reach_of_two_different_things_is_no_dispute():
    a = analysed("a", "At least 150,000 holidaymakers will be flown back to Examplia from 53 airports in 18 countries.")
    b = analysed("b", "The group\u2019s four airlines will be grounded and its 21,000 employees in 16 countries, "
                      "including 9,000 in Examplia, will be left unemployed.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_one_disagreement_found_in_two_pairs_of_sentences_is_told_once():
    a = analysed("a", "The magnitude-7.9 quake struck Velora on Saturday, flattening homes near the capital.")
    b = analysed("b", "The magnitude-7.8 quake struck Velora on Saturday, flattening homes near the capital.")
    c = analysed("c", "Close to 50 aftershocks have been logged since the magnitude-7.8 earthquake, adding to the "
                      "chaos in Lyra.")
    d = analysed("d", "Close to 50 aftershocks have been logged since the magnitude-7.9 earthquake, adding to the "
                      "chaos in Lyra.")
    found = [x.text for x in disputes(a, b, c, d) if x.text.startswith("Figures")]
    assert len(found) == 1, found


def test_a_measure_word_before_and_belongs_to_the_figure_before_it():
    from generator.sections.claims.alignment import Claim
    claim = Claim("a", 0, "Officials said 10 people were killed and at least 80 were trapped in Harlow.", 0, (), frozenset())
    assert [(f.expression, f.key) for f in discrepancies.figures(claim)] == [("10", "deaths"), ("at least 80", "trapped")]


@pytest.mark.slow
def test_a_count_of_an_event_years_before_is_no_dispute():
    a = analysed("a", "The jet crashed at Harlow airport on December 29, 2024.",
                 "The crash at Harlow airport killed at least 85 people, officials said.")
    b = analysed("b", "A crash at Harlow airport in 1993 killed 68 people, officials said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_figure_timed_from_an_unnamed_moment_and_one_dated_are_two_events():
    a = analysed("a", "A magnitude-6.6 aftershock hit the coast of Velora about an hour later, officials said.")
    b = analysed("b", "A 6.7-magnitude aftershock hit the coast of Velora on Sunday, officials said.")
    assert not figure_disputes(a, b)
    after = analysed("d", "A 6.6-magnitude aftershock hit the coast of Velora close to an hour after the quake.")
    assert not figure_disputes(after, b)
    same_day = analysed("c", "A magnitude-6.6 aftershock hit the coast of Velora on Sunday, officials said.")
    assert figure_disputes(same_day, b)


@pytest.mark.slow
def test_two_counts_each_source_gives_nearly_are_not_paired_across():
    a = analysed("a", "Ann Velt, the main opposition candidate, received 4.66 million votes, while Tom Roe of the "
                      "Lyra Party received 3.68 million votes.")
    b = analysed("b", "Ann Velt, the main opposition candidate, received 4,671,021 votes, and Tom Roe of the Lyra "
                      "Party secured 3,690,466 votes, the election commission said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_two_ceilings_of_one_measure_that_differ_are_a_disagreement():
    a = analysed("a", "Cyclone Vera, which is carrying winds of up to 225 km/h, is making landfall near the port of Lyra.")
    b = analysed("b", "Cyclone Vera, which is carrying heavy rains and winds of up to 177 km/h, made landfall at the "
                      "port city of Lyra.")
    c = analysed("c", "Cyclone Vera, which is carrying heavy rains and winds of up to 177 km/h, hit the port of Lyra.")
    d = only(disputes(a, b), "Figures")
    assert "225" in d.text and "177" in d.text
    assert not figure_disputes(b, c)


@pytest.mark.slow
def test_a_source_giving_the_others_value_rounded_does_not_dispute_it_with_another_quantity():
    a = analysed("a", "The Lyra drone made its maiden flight over the crater for 40 seconds on Monday.")
    b = analysed("b", "The Lyra drone hovered over the crater for 30 seconds on Monday and landed after a total 39.1 "
                      "seconds of flight.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_shares_of_different_wholes_are_no_disagreement():
    a = analysed("a", "With more than 99 percent of ballot boxes opened in Examplia on Sunday, Jane Roe led the count.")
    b = analysed("b", "In Examplia on Sunday, 88.84 percent of the 64 million voters cast their ballots, and Jane Roe led.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_toll_told_on_two_days_is_two_moments_of_one_count():
    saturday = analysed("a", "The earthquake in Velora killed 296 people, the interior ministry said.", published="2023-09-09")
    sunday = analysed("b", "The earthquake in Velora killed 312 people, the interior ministry said.", published="2023-09-10")
    assert not [d for d in disputes(saturday, sunday) if d.text.startswith("Figures (deaths)")]
    same_day = analysed("c", "The earthquake in Velora killed 312 people, the interior ministry said.", published="2023-09-09")
    assert [d for d in disputes(saturday, same_day) if d.text.startswith("Figures (deaths)")]
    # a toll from an article whose day is not known may be the count of another moment
    undated = analysed("d", "The earthquake in Velora killed 312 people, the interior ministry said.", published=None)
    assert not [d for d in disputes(saturday, undated) if d.text.startswith("Figures (deaths)")]


def test_a_night_and_the_next_day_are_one_time_and_two_days_apart_are_not():
    from datetime import date

    from generator.sections.claims.dating import DateSpan
    from generator.text.dates.partial import Interval

    def span(words: str, day: int) -> DateSpan:
        return DateSpan(words, 0, len(words), Interval(date(2017, 5, day), date(2017, 5, day)))

    assert discrepancies._night_and_next_day(span("on Monday night", 22), span("on Tuesday", 23))
    assert not discrepancies._night_and_next_day(span("on Monday", 22), span("on Tuesday", 23))
    assert not discrepancies._night_and_next_day(span("on Monday night", 22), span("on Wednesday", 24))


@pytest.mark.slow
def test_a_conversion_into_another_currency_is_no_dispute():
    a = analysed("a", "The court ordered Velt to pay a total of 77.4 billion won ($72.3 million) to the foundations, "
                      "the judge said.")
    b = analysed("b", "The court ordered Velt to pay a total of 77.4 billion won ($94.4 million) to the foundations, "
                      "the judge said.")
    assert not figure_disputes(a, b)


@pytest.mark.slow
def test_a_change_measured_against_two_baselines_is_no_dispute():
    a = analysed("a", "The velor soared as much as 41 per cent against the euro after the central bank's move, traders said.")
    b = analysed("b", "The velor soared as much as 28 per cent against the dollar after the central bank's move, traders said.")
    assert not figure_disputes(a, b)
    c = analysed("c", "The velor soared as much as 30 per cent against the euro after the central bank's move, traders said.")
    assert figure_disputes(a, c)


@pytest.mark.slow
def test_a_source_left_out_is_no_side_the_others_still_disagree():
    a = analysed("a", "Norland recognised the Velorian government, the first to do so since the army seized power in August 2021.")
    b = analysed("b", "Norland recognised the Velorian government, the first to do so since the army seized power in 2017.")
    c = analysed("c", "Norland recognised the Velorian government, the first to do so since the army seized power in 2019.")
    al = alignment.align((a, b, c), 0.55)
    assert any("c" in d.variants for d in discrepancies.find((a, b, c), al, 0.55))
    kept = [d for d in discrepancies.find((a, b), al, 0.55) if d.text.startswith("Dates")]
    assert kept and all(set(d.variants) <= {"a", "b"} for d in discrepancies.find((a, b), al, 0.55))


@pytest.mark.slow
def test_two_tallies_at_two_stages_of_the_count_are_no_disagreement():
    a = analysed("a", "With counting completed from 98% of polling stations, the no vote led by a difference "
                      "of 61,000 votes in the referendum.", published=None)
    b = analysed("b", "With more than 99 percent of ballots counted, the no vote led by a difference of fewer "
                      "than 57,000 votes in the referendum.", published=None)
    assert not figure_disputes(a, b)
