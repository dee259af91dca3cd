"""Lines that stand alone and carry their own support: resolve.py, page.py, garbled.py."""

from __future__ import annotations

import pytest

from generator.config import Settings
from generator.models import AnalysedArticle, Article, ArticleAnalysis
from generator.nlp.parsed import ParsedArticle
from generator.sections.claims import garbled, resolve, synthesis
from generator.sections.claims.page import trimmed
from generator.sections.claims.resolve import bracket, standalone
from tests.conftest import parse


def analysed(sid: str, *paragraphs: str, published: str | None = "2024-05-14",
             misspellings: tuple[str, ...] = ()) -> AnalysedArticle:
    art = Article(sid, f"{sid}.txt", tuple(paragraphs), published=published)
    parsed = ParsedArticle.of(art, parse(art.text))
    return AnalysedArticle(art, ArticleAnalysis(sid, parsed.sentences, parsed.entities(), misspellings=misspellings))


@pytest.mark.slow
def test_a_pronoun_is_shown_as_the_one_person_named_before():
    item = analysed("a", "Envoy Lev Orlanov spoke to reporters in Moscow on Friday. "
                         "He noted that trade with Vessa had already begun.")
    line = standalone(item, 1, item.analysis.sentences[1].text)
    assert line.text == "[Orlanov] noted that trade with Vessa had already begun."


@pytest.mark.slow
def test_a_possessive_is_not_resolved_to_the_nearest_name():
    # "Her" most often points past the nearest name, to the story's subject: never guessed
    item = analysed("a", "Lev Orlanov was prime minister when the queen was crowned. "
                         "Her reign saw the country change beyond recognition.")
    line = standalone(item, 1, item.analysis.sentences[1].text)
    assert line.text is None or "[Orlanov" not in line.text


def with_mentions(sid: str, *paragraphs: str) -> AnalysedArticle:
    from generator.nlp.actors.mentions import extract_mentions
    art = Article(sid, f"{sid}.txt", tuple(paragraphs), published="2024-05-14")
    parsed = ParsedArticle.of(art, parse(art.text))
    return AnalysedArticle(art, ArticleAnalysis(sid, parsed.sentences, parsed.entities(),
                                                actor_mentions=tuple(extract_mentions(parsed))))


@pytest.mark.slow
def test_a_pronoun_is_the_subject_before_it_never_someone_named_in_passing():
    subject = with_mentions("a", "Lev Orlanov spoke to voters in the capital on Friday. He promised to cut taxes.")
    assert standalone(subject, 1, subject.analysis.sentences[1].text).text.startswith("[Orlanov] promised")
    passing = with_mentions("b", "Voters in the capital rejected Lev Orlanov on Friday. He promised to cut taxes.")
    line = standalone(passing, 1, passing.analysis.sentences[1].text)
    assert line.text is None or "[Orlanov]" not in line.text


@pytest.mark.slow
def test_a_pronoun_with_two_people_before_it_is_not_guessed():
    item = analysed("a", "Minister Ana Duarte met envoy Lev Orlanov in Moscow on Friday. "
                         "He said trade with Vessa had already begun.")
    line = standalone(item, 1, item.analysis.sentences[1].text)
    assert line.text is None or "[" not in line.text  # never a guessed name
    assert line.text is None or line.text.startswith("Minister Ana Duarte met")  # the sentence before, taken along


@pytest.mark.slow
def test_a_leading_connective_is_trimmed():
    item = analysed("a", "The bridge was closed on Monday. However, the ferry kept running through the night.")
    assert standalone(item, 1, item.analysis.sentences[1].text).text == "The ferry kept running through the night."


@pytest.mark.slow
def test_the_move_takes_the_sentence_before_it_along():
    item = analysed("a", "The council approved the new harbour budget on Monday. "
                         "The move follows two years of delays at the port.")
    line = standalone(item, 1, item.analysis.sentences[1].text)
    assert line.text == ("The council approved the new harbour budget on Monday. "
                         "The move follows two years of delays at the port.")


def test_a_speaker_tail_pronoun_is_bracketed():
    assert bracket('"We will rebuild," he said.', "Velt") == '"We will rebuild," [Velt] said.'
    assert bracket("His office said the road was shut.", "Velt") == "[Velt's] office said the road was shut."
    assert bracket("According to her, the road was shut.", "Velt") == "According to [Velt], the road was shut."


def test_a_sentence_may_be_trimmed_of_its_last_side_clause():
    assert trimmed("The company cut 300 jobs at its Lyra plant since the strike began in March.") \
        == ["The company cut 300 jobs at its Lyra plant since the strike began in March.",
            "The company cut 300 jobs at its Lyra plant."]
    assert trimmed("The mayor said the road would stay shut unless the river fell.") == \
        ["The mayor said the road would stay shut unless the river fell."]  # 'unless' changes the meaning


def test_a_superlative_keeps_the_since_that_bounds_it_or_goes_with_it():
    # "the deadliest since 1985" is not "the deadliest": the bound stays, or the phrase holding both goes
    assert trimmed("The quake is the deadliest in Examplia since a 1985 quake on the same date killed thousands.") \
        == ["The quake is the deadliest in Examplia since a 1985 quake on the same date killed thousands."]
    assert trimmed("Norland formally recognised the Velorian government on Monday, becoming the first country to do "
                   "so since the army took power in 2021.")[1:] == \
        ["Norland formally recognised the Velorian government on Monday."]


@pytest.mark.slow
def test_the_shown_sentence_is_one_every_counted_source_states():
    a = analysed("a", "Norland formally recognised the Velorian government on Monday, becoming the first country "
                      "to do so since the army took power in 2021.")
    b = analysed("b", "Norland officially recognised the Velorian government on Monday, becoming the first nation "
                      "to do so since the army seized power nearly three years ago.")
    c = analysed("c", "Norland recognised the Velorian government on Monday, becoming the first country to do so.")
    syn = synthesis.synthesise([a, b, c], [], [], Settings())
    first = syn.summary[0]
    assert first.sources == ("a", "b", "c")
    assert "2021" not in first.text and "three years" not in first.text


@pytest.mark.slow
def test_a_claim_only_a_garbled_source_makes_is_held():
    a = analysed("a", "The bridge over the Harlow river collapsed on Tuesday after a ship hit a pillar.")
    b = analysed("b", "A cargo ship hit a pillar of the Harlow river bridge on Tuesday and the bridge collapsed.",
                 "Workers wree doing maintenance work on the bridge when the crash occurred on Tuesday night.",
                 misspellings=("wree", "andkilled", "wassending"))
    assert garbled.find([a, b]) == {"b"}
    syn = synthesis.synthesise([a, b], [], [], Settings())
    shown = [i.text for i in syn.summary + syn.known + syn.background]
    assert not any("wree" in t for t in shown)
    assert any(h.reason == "only a source whose text is garbled says it" and "wree" in h.text for h in syn.held)
    assert syn.garbled == ("b",)


def test_one_slip_is_no_garbled_source():
    item = AnalysedArticle(Article("a", "a.txt", ("Some text here.",)),
                           ArticleAnalysis("a", (), misspellings=("wree",)))
    assert garbled.find([item]) == set()


@pytest.mark.slow
def test_a_quotation_the_splitter_cut_is_closed_by_the_next_sentence():
    item = analysed("a", 'Kremlin spokesman Dmitry Peskov told reporters: "This is a new escalation. '
                         'We will take countermeasures." The talks ended on Tuesday.')
    first = item.analysis.sentences[0].text
    line = standalone(item, 0, first)
    assert line.text is not None and line.text.endswith('countermeasures."')


def test_a_cut_that_leaves_the_main_clause_needing_what_it_took_is_not_made():
    # "seven days [after the second dose]": the phrase is the fact's measure, not a side clause
    line = "The firm said the vaccine gave protection seven days after the second dose and 28 days after the first."
    assert trimmed(line) == [line]
    line = "Velt broke in the opening game of the third set and again after a long fifth game."
    assert trimmed(line) == [line]
    # two adjectives of one noun are no side clause: "in a cheering[, dancing hall]"
    line = "The letter was read out in a cheering, dancing hall, which had been debating the motion since noon."
    assert trimmed(line) == [line, "The letter was read out in a cheering, dancing hall."]


@pytest.mark.slow
def test_a_claim_only_an_opinion_piece_makes_is_held():
    a = analysed("a", "The bridge over the Harlow river collapsed on Tuesday after a ship hit a pillar.")
    b = analysed("b", "I stood on the Harlow river bank on Tuesday and I watched the bridge fall.",
                 "A cargo ship hit a pillar of the Harlow river bridge on Tuesday and the bridge collapsed.",
                 "The harbour board failed the city for a decade and never fixed the pillars.",
                 "I have lived by the river all my life and I have never seen such a thing.",
                 "In my view the mayor has been far too slow to admit what went wrong with it.",
                 "My neighbours told me they had warned the council about the pillars for years.")
    syn = synthesis.synthesise([a, b], [], [], Settings())
    shown = [i.text for i in syn.summary + syn.known + syn.background]
    assert not any("harbour board" in t for t in shown)
    assert any(h.reason == "only an opinion piece says it" for h in syn.held)
    assert syn.commentary == ("b",)


@pytest.mark.slow
def test_a_phrase_pointing_back_takes_the_sentence_that_names_it_or_is_held():
    item = analysed("a", "Professor Ann Velt held the chair of physics at Harlow, a position once held by Newton. "
                         "She retired from that position in 2009 to write.",
                    "The river is wide. Because of that lie, the council lost the vote.")
    line = standalone(item, 1, item.analysis.sentences[1].text)
    assert line.text.startswith("Professor Ann Velt held the chair") and line.sentences == (0, 1)
    held = standalone(item, 3, item.analysis.sentences[3].text)
    assert held.text is None and held.reason == "does not stand alone (points to 'that lie')"


@pytest.mark.slow
def test_the_same_thing_as_one_told_before_points_back_unless_the_sentence_says_as_what():
    item = analysed("a", "The ball left the window unbroken.",
                    "Protesters cheered. Engineers dropped the same metal ball on the door.",
                    "Clerks issued licences to same-sex couples on Friday.",
                    "Marchers took the same route as in 2019.", "Coach Roe kept the same line-up he used on Sunday.")
    texts = {s.index: s.text for s in item.analysis.sentences}
    index = next(i for i, t in texts.items() if "metal ball" in t)
    assert standalone(item, index, texts[index]).reason == "does not stand alone (points to 'same metal ball')"
    for i, t in texts.items():
        if "same" in t and i != index:
            assert standalone(item, i, t).text == t


@pytest.mark.slow
def test_a_pronoun_with_nothing_to_stand_for_takes_the_sentence_before_or_is_held():
    item = analysed("a", "Striker Tom Velt limped off after 30 minutes. Grimacing in pain, he slammed his boot to the turf.",
                    "The ballot was long.", "If verified, it would be the largest swing since 1990.")
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("Grimacing"))
    line = standalone(item, index, item.analysis.sentences[index].text)
    assert line.text.startswith("Striker Tom Velt limped off") and line.sentences == (index - 1, index)
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("If verified"))
    held = standalone(item, index, item.analysis.sentences[index].text)
    assert held.text is None and held.reason == "does not stand alone (points to 'it')"


@pytest.mark.slow
def test_a_definite_subject_the_story_does_not_tell_of_leans_on_the_sentence_before():
    item = analysed("a", "Harbour sat deep and waited for the counter with a strategy of patience. "
                         "The strategy paid off when Velt scored in the 73rd minute.",
                    "The match began in heavy rain in Eastmere on Sunday.")
    told = {"match", "rain"}.__contains__  # the words the story's other sources use
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("The strategy"))
    line = standalone(item, index, item.analysis.sentences[index].text, told=told)
    assert line.text.startswith("Harbour sat deep") and line.sentences == (index - 1, index)
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("The match"))
    assert standalone(item, index, item.analysis.sentences[index].text, told=told).sentences == (index,)


@pytest.mark.slow
def test_a_surname_the_tagger_missed_still_names_its_person():
    item = analysed("a", "Quarterback Jim Velmont threw the winning pass in overtime.",
                    "Kicker Tom Harlow converted a 27-yard field goal to tie the game.",
                    "Velmont finished 34-for-46 with 333 yards passing, 2 touchdowns and an interception. "
                    "He also rushed for 66 yards.")
    assert not [e for e in item.analysis.entities if e.text == "Velmont" and e.label == "PERSON"]  # as the tagger reads it
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("He also"))
    line = standalone(item, index, item.analysis.sentences[index].text)
    assert "[Harlow]" not in (line.text or "")
    assert line.text is None or line.text.startswith("Velmont finished") or line.text.startswith("[Velmont]")


@pytest.mark.slow
def test_a_definite_phrase_naming_what_the_sentence_before_tells_of_takes_it_along():
    item = analysed("a", "A tower under construction in Harlow collapsed on Friday afternoon. "
                         "Police confirmed that they were responding to the collapse.",
                    "Rescuers searched the river bank near Eastmere for hours.")
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("Police confirmed"))
    line = standalone(item, index, item.analysis.sentences[index].text)
    assert line.text.startswith("A tower under construction") and line.sentences == (index - 1, index)
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("Rescuers"))
    assert standalone(item, index, item.analysis.sentences[index].text).sentences == (index,)
    # the story's own event, which its other sources tell of too, needs no sentence before it
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("Police confirmed"))
    line = standalone(item, index, item.analysis.sentences[index].text, told={"collapse"}.__contains__)
    assert line.sentences == (index,)


@pytest.mark.slow
def test_she_is_never_a_man_the_article_calls_he():
    from generator.nlp.analyse import analyse_doc
    from generator.nlp.model import parse_one
    art = Article("a", "a.txt", ("Party spokesman Tom Velt said the count was nearly over. He thanked the volunteers.",
                                 "Velt spoke to reporters outside the hall on Monday night.",
                                 "She has pledged to back the treaty and keep the budget in balance."))
    item = AnalysedArticle(art, analyse_doc(art, parse_one(art.text)))
    assert ("velt", "m") in item.analysis.genders
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("She has pledged"))
    assert standalone(item, index, item.analysis.sentences[index].text).text is None  # not "[Velt] has pledged"
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("He thanked"))
    assert standalone(item, index, item.analysis.sentences[index].text).text == "[Velt] thanked the volunteers."


@pytest.mark.slow
def test_a_source_stating_half_a_line_does_not_count_as_stating_it():
    from generator.sections.claims import alignment
    from generator.sections.claims.page import Page
    cheer = "A cheer went up on the streets outside the courthouse when the verdict was announced."
    half = "The verdict was announced as the jury went back into the courthouse late in the evening."
    items = [analysed("a", "Tom Velt was found guilty on 45 of 48 counts in Lyra on Friday.", cheer),
             analysed("b", "Tom Velt was convicted on 45 of 48 counts in Lyra on Friday.", half),
             analysed("c", "A jury in Lyra found Tom Velt guilty of 45 of 48 counts on Friday."),
             analysed("d", "Tom Velt was convicted of 45 counts in Lyra on Friday.", "His lawyer said he would appeal."),
             analysed("e", "Velt, 68, was found guilty of 45 counts on Friday in Lyra.", "He faces life in prison.")]
    al = alignment.align(items, Settings().claim_similarity)
    page = Page(al, {it.source_id: it for it in items})
    shown = next(c for c in al.claims if c.text == cheer)
    other = next(c for c in al.claims if c.text == half)
    stems = page._stems_of(shown, (shown.index,), cheer)
    assert page.coverage(stems, other) == pytest.approx(0.5)  # the verdict, its announcement, the courthouse
    assert not page.states(cheer, shown, stems, other)  # but no cheer, no streets


@pytest.mark.slow
def test_a_body_told_as_the_company_leans_on_the_sentence_that_names_it():
    item = analysed("a", "Harlow Motors filed for insolvency in Eastmere on Thursday. "
                         "The company said its creditors would be paid in full.",
                    "Auditors raised doubts about the firm's accounts last week.")
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("The company"))
    line = standalone(item, index, item.analysis.sentences[index].text, told=lambda noun: True)
    assert line.text.startswith("Harlow Motors filed") and line.sentences == (index - 1, index)
    # nothing before it names the firm: which firm? (however often the story says "firm")
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("Auditors"))
    line = standalone(item, index, item.analysis.sentences[index].text, told=lambda noun: True)
    assert line.text is None or line.stand_in == "the firm"
    # a line that names the body first says which company it is
    named = analysed("b", "Harlow Motors said the company would be sold by March.")
    line = standalone(named, 0, named.analysis.sentences[0].text, told=lambda noun: True)
    assert line.text and line.stand_in is None
    # a person's noun after a description: "the dissident playwright" of a line naming no one
    # the sentence before tells of the thing itself ("a packed club"): the line takes it along
    club = analysed("e", "Jane Velkstrom found herself stuck in a packed club near the station. "
                         "Outside the club's door, people were yelling for help.")
    line = standalone(club, 1, club.analysis.sentences[1].text, told=lambda noun: True)
    assert line.sentences == (0, 1) and line.stand_in is None
    leader = analysed("d", "Support continued to evaporate when the former leader announced plans for a mining tax.")
    line = standalone(leader, 0, leader.analysis.sentences[0].text, told=lambda noun: True)
    assert line.text is None or line.stand_in == "the former leader"
    for sid, text, phrase in (("f", "The older brother confessed to adding the chemical to the milk.", "The older brother"),
                              ("g", "The killer then sat in court, fiddling with a pen.", "The killer")):
        item = analysed(sid, text)
        line = standalone(item, 0, item.analysis.sentences[0].text, told=lambda noun: True)
        assert line.text is None or line.stand_in == phrase, line
    # a body's noun after an adjective that says only what kind: which firm is "the financial firm"?
    firm = analysed("h", "In a statement released after midnight, Harlow Brothers said it would file for insolvency. "
                         "The financial firm said the filing was approved by its board of directors on Sunday.")
    line = standalone(firm, 1, firm.analysis.sentences[1].text, told=lambda noun: True)
    assert line.text is None or line.stand_in == "The financial firm" or line.text.startswith("In a statement")
    kind = analysed("i", "The holding company will file the papers in Eastmere, the board said on Sunday.")
    line = standalone(kind, 0, kind.analysis.sentences[0].text, told=lambda noun: True)
    assert line.text and line.stand_in is None  # a kind of company, said of the one the story is about
    person = analysed("c", "Shy and bookish, the dissident playwright was an unlikely hero of the revolution.")
    line = standalone(person, 0, person.analysis.sentences[0].text, told=lambda noun: True)
    assert line.text is None or line.stand_in == "the dissident playwright"


@pytest.mark.slow
def test_a_line_trimmed_of_the_phrase_that_leans_elsewhere_is_shown():
    a = analysed("a", "Rescuers reached the wreck late on Tuesday. There were 72 passengers and nine crew "
                      "on board the charter plane, which was carrying the team to Harlow for the final.")
    b = analysed("b", "Investigators from Harlow began work at the site near Eastmere on Wednesday.")
    out = synthesis.synthesise([a, b], [], [], Settings())
    shown = [i.text for i in (*out.summary, *out.known, *out.unknown)]
    assert "There were 72 passengers and nine crew on board the charter plane." in shown
    assert not any("the team" in t for t in shown)


def shown_texts(out) -> list[str]:
    """The words of every line the synthesis shows: In brief, Background, What we know and don't."""
    return [i.text for i in (*out.summary, *out.background, *out.known, *out.unknown)]


@pytest.mark.slow
def test_a_fact_retold_in_other_words_is_shown_once():
    # the words that make the fact ("fear", "tanker", "carriages"), not the story's own, are shared
    a = analysed("a", "A runaway train carrying crude oil derailed in Harlow early on Saturday. "
                      "Fire officials said they feared more of the tanker carriages could explode.")
    b = analysed("b", "The train derailed in the centre of Harlow on Saturday, sparking fears of other potentially "
                      "fatal explosions of tanker carriages, officials said.")
    c = analysed("c", "About 30 buildings in Harlow were destroyed after the train derailed on Saturday.")
    d = analysed("d", "The Harlow mayor said on Saturday that about 40 people were still missing after the derailment.")
    e = analysed("e", "Police closed the roads into Harlow on Saturday and residents were told to stay away.")
    out = synthesis.synthesise([a, b, c, d, e], [], [], Settings())
    shown = shown_texts(out)
    assert sum("tanker carriages" in t for t in shown) == 1, shown


@pytest.mark.slow
def test_the_same_share_of_the_same_thing_is_one_fact():
    a = analysed("a", "Floods struck the port of Lyrabay on Monday after two dams burst in heavy rain. "
                      "As much as a quarter of the city has disappeared, emergency officials said.")
    b = analysed("b", "Two dams burst above Lyrabay on Monday, sending a torrent through the port. "
                      "Reports suggest almost a quarter of the city has been washed away by the water.")
    c = analysed("c", "Rescue teams from Harlow reached Lyrabay on Tuesday after the dams burst.")
    out = synthesis.synthesise([a, b, c], [], [], Settings())
    shown = shown_texts(out)
    assert sum("quarter of the city" in t for t in shown) == 1, shown


@pytest.mark.slow
def test_the_same_question_asked_twice_is_one_open_question():
    a = analysed("a", "Part of the Lyra Pier collapsed into the river early on Friday, officials said. "
                      "It was unclear what caused the old pier to give way, and divers were searching the river bed.")
    b = analysed("b", "The Lyra Pier partly collapsed on Friday morning. "
                      "It isn't yet clear what caused the collapse, but engineers are looking for clues.")
    c = analysed("c", "Boats were kept away from the Lyra Pier on Friday after part of it collapsed.")
    out = synthesis.synthesise([a, b, c], [], [], Settings())
    asked = [u.text for u in out.unknown if u.kind == "open_question"]
    assert sum("what caused" in t for t in asked) == 1, asked


@pytest.mark.slow
def test_a_speaker_tail_is_someone_told_speaking_never_one_told_acting():
    # "..., he said" is who spoke: the person who only acted in the sentence before is not guessed
    acting = with_mentions("a", "Lev Orlanov locked the cockpit door and ignored the captain's knocks.",
                           "Most of the passengers may not have been aware of the danger, he said, as the plane "
                           "descended gradually.")
    line = standalone(acting, 1, acting.analysis.sentences[1].text)
    assert line.text is None or "[Orlanov]" not in line.text
    speaking = with_mentions("b", "Lev Orlanov told reporters on Friday that the cockpit door had been locked.",
                             "Most of the passengers may not have been aware of the danger, he said, as the plane "
                             "descended gradually.")
    assert "[Orlanov] said" in standalone(speaking, 1, speaking.analysis.sentences[1].text).text


def test_two_grammar_slips_in_a_short_text_make_it_garbled():
    text = ("Some text here. " * 60).strip()  # 180 words: two slips are more than careful copy has
    item = AnalysedArticle(Article("a", "a.txt", (text,)),
                           ArticleAnalysis("a", (), grammar_slips=("stamped ended", ", saying.")))
    assert garbled.find([item]) == {"a"}
    one = AnalysedArticle(Article("b", "b.txt", (text,)), ArticleAnalysis("b", (), grammar_slips=("stamped ended",)))
    assert garbled.find([one]) == set()


@pytest.mark.slow
def test_a_line_is_never_mended_with_a_sentence_that_leans_elsewhere_itself():
    # a line takes the sentence before along only if that one stands alone: "this" there points
    # further back still, so the two together lean on what neither says
    item = analysed("a", "The Velt central bank cut its main rate below zero on Friday.",
                    "It is hoped that this will further stimulate lending. In its statement the bank "
                    "highlighted its concerns over falling oil prices.")
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("In its statement"))
    assert resolve._with_previous(item, index, item.analysis.sentences[index].text, join=True) is None
    index = next(s.index for s in item.analysis.sentences if s.text.startswith("It is hoped"))
    assert resolve._with_previous(item, index, item.analysis.sentences[index].text, join=True) is None  # other paragraph


@pytest.mark.slow
def test_a_toll_below_one_shown_above_is_an_earlier_count_and_held():
    a = analysed("a", "A passenger train crashed near Harlow on Friday night, killing at least 288 people, officials said "
                      "on Sunday.")
    b = analysed("b", "At least 288 people were killed when a train crashed near Harlow on Friday, officials said.")
    c = analysed("c", "Rescue teams worked through the night at the crash site near Harlow. Approximately 50 people "
                      "are feared dead and over 300 injured as several coaches of the train derailed in the crash.",
                 published="2024-05-13")  # written the night before: not the same day's count, no disagreement
    d = analysed("d", "Trains to Harlow were cancelled on Saturday after the crash. More than 280 people died in the "
                      "crash, officials said.")
    out = synthesis.synthesise([a, b, c, d], [], [], Settings())
    shown = shown_texts(out)
    assert any("288" in t for t in shown), shown
    assert not any("Approximately 50" in t for t in shown), shown  # the first night's count, below 288
    assert any("Approximately 50" in h.text and "earlier count" in h.reason for h in out.held), out.held
    # bodies recovered are counted so far too
    e = analysed("e", "Rescuers have recovered 68 bodies from the wreck near Harlow, police said.")
    f = analysed("f", "Flights to Harlow resumed on Monday. According to reports, 32 bodies have been taken so far to "
                      "the district hospital in Lyra for identification.", published="2024-05-13")
    shown = shown_texts(synthesis.synthesise([a, b, e, f], [], [], Settings()))
    assert any("68 bodies" in t for t in shown) and not any("32 bodies" in t for t in shown), shown
    # "more than 280" beside 288 is the same count, rounded: no earlier count
    assert not any("More than 280" in h.text and "earlier count" in h.reason for h in out.held), out.held


@pytest.mark.slow
def test_one_official_or_a_picture_the_line_never_names_leans_elsewhere():
    official = analysed("a", "Rescue teams searched the gorge all day. Most of the bodies were badly burnt, the official added.")
    line = standalone(official, 1, official.analysis.sentences[1].text, told=lambda noun: True)
    assert line.text is None or line.stand_in == "the official" or line.sentences == (0, 1)
    officials = analysed("b", "The officials said the road to the gorge would reopen on Monday.")
    line = standalone(officials, 0, officials.analysis.sentences[0].text, told=lambda noun: True)
    assert line.text and line.stand_in is None  # a group: no one person left unnamed
    video = analysed("c", "The visuals of the video could be disturbing for many viewers.")
    line = standalone(video, 0, video.analysis.sentences[0].text, told=lambda noun: False)
    assert line.text is None or line.stand_in is not None
    # a story about one image: "the image" is its subject, which every source tells of
    line = standalone(video, 0, video.analysis.sentences[0].text, told=lambda noun: True)
    assert line.text and line.stand_in is None


@pytest.mark.slow
def test_a_quotation_given_to_two_speakers_is_held_not_shown_as_a_disagreement():
    a = analysed("a", '"The water in the city is safe to drink," said Mayor Tom Reyes on Wednesday.')
    b = analysed("b", '"The water in the city is safe to drink," Governor Ann Blake said on Wednesday.')
    out = synthesis.synthesise([a, b], [], [], Settings())
    assert not [u for u in out.unknown if u.kind == "disputed"], out.unknown
    assert [h.reason for h in out.held if h.section == "disputed"] == [synthesis.CREDITED_REASON]
