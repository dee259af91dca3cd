"""Who said a quotation: attribution patterns of news prose, pronouns and gender, titles and
descriptions, speakers outside the quotation's sentence (nlp/quotes/extract.py and the modules
it uses), on invented paragraphs; and the extractor on the seeds against the gold."""

from __future__ import annotations

import pytest

from tests.conftest import parse
from tests.nlp.quotes.support import (
    RECALL_FLOOR, SPEAKER_FLOOR, quotes_of, seed_quote_figures, speaker_for,
)

# ---------------------------------------------------------------- attribution patterns


@pytest.mark.slow
def test_named_after_with_appositive():
    qs = quotes_of('"We will rebuild the bridge by spring," Ann Lee, the mayor of Dover, said on Monday.')
    assert qs[0].text == "We will rebuild the bridge by spring" and qs[0].speaker == "Ann Lee"


@pytest.mark.slow
def test_inverted_said_name():
    qs = quotes_of('"The water rose in minutes," said Tom Okafor, a farmer in the valley.')
    assert speaker_for(qs, "The water rose") == "Tom Okafor"


@pytest.mark.slow
def test_named_before_with_colon():
    qs = quotes_of('Finance Minister Maria Gomez said: "Inflation has peaked and will fall this year."')
    assert speaker_for(qs, "Inflation has peaked") == "Maria Gomez"


@pytest.mark.slow
def test_according_to():
    qs = quotes_of('The port will reopen "within days and with full staff," according to Carlos Mendes, '
                   "the harbour master.")
    assert speaker_for(qs, "within days") == "Carlos Mendes"


@pytest.mark.slow
def test_told_someone_that():
    qs = quotes_of('Senator Ruth Adler told reporters that the bill was "dead on arrival" in the House.')
    assert speaker_for(qs, "dead on arrival") == "Ruth Adler"


@pytest.mark.slow
def test_calling_it_scare_quote_keeps_the_subject():
    qs = quotes_of('Governor Paul Novak welcomed the vote, calling it a "historic step" for the state.')
    assert speaker_for(qs, "historic step") == "Paul Novak"


@pytest.mark.slow
def test_wrote_on_social_media_that():
    qs = quotes_of('Opposition leader Dana Whitfield welcomed the ruling, writing on social media that '
                   '"justice has finally been served."')
    assert speaker_for(qs, "justice has finally") == "Dana Whitfield"


@pytest.mark.slow
def test_quoted_as_saying():
    qs = quotes_of('Finance Minister Ann Lee was quoted as saying "the worst is behind us."')
    assert speaker_for(qs, "the worst is behind") == "Ann Lee"


@pytest.mark.slow
def test_speaker_label_with_colon():
    qs = quotes_of('Ann Lee: "We will not give up on this town."')
    assert speaker_for(qs, "We will not give up") == "Ann Lee"


@pytest.mark.slow
def test_unnamed_speakers_keep_their_named_affiliation():
    qs = quotes_of('"Prices will rise," analysts at Barclays wrote in a note.')
    assert speaker_for(qs, "Prices will rise") == "analysts at Barclays"


@pytest.mark.slow
def test_dash_after_block_quote_names_an_organisation():
    qs = quotes_of("The agency issued a statement late on Friday.",
                   '"We remain fully committed to the safety of every passenger." \u2013 Northern Rail Authority')
    assert speaker_for(qs, "We remain fully committed") == "Northern Rail Authority"


@pytest.mark.slow
def test_pronoun_refers_to_latest_main_clause_person():
    qs = quotes_of("Zamir Ivanov, the envoy, said the talks had ended. Ivanov noted that Bo Chen had left early.",
                   '"Now is the time for a formal deal," he said.')
    assert speaker_for(qs, "Now is the time") == "Zamir Ivanov"


@pytest.mark.slow
def test_surname_and_courtesy_title_resolve_to_full_name():
    qs = quotes_of("Zamir Ivanov, the envoy, spoke to state television on Friday.",
                   'The economy is "growing fast," Mr Ivanov said.')
    assert speaker_for(qs, "growing fast") == "Zamir Ivanov"


@pytest.mark.slow
def test_the_ministry_resolves_to_the_named_ministry():
    qs = quotes_of("Norway's Health Ministry announced new rules on Monday.",
                   '"Masks will be required on all trains," the ministry said.')
    assert speaker_for(qs, "Masks will be required") == "Norway's Health Ministry"


@pytest.mark.slow
def test_organisation_speaker():
    qs = quotes_of('"All insured depositors will have full access to their deposits," the FDIC said in a release.')
    assert speaker_for(qs, "All insured depositors") == "FDIC"


@pytest.mark.slow
def test_plural_pronoun_refers_to_a_group():
    qs = quotes_of("Some local officials think the plan can work. They suggested, \"Talk to the unions first "
                   'and the rest will follow."')
    assert speaker_for(qs, "Talk to the unions") == "local officials"


@pytest.mark.slow
def test_quote_split_by_attribution_gives_two_quotes_of_one_speaker():
    qs = quotes_of('Rosa Diaz runs the shelter. "We are full tonight," she said. "The next bus leaves at dawn."')
    assert [q.speaker for q in qs] == ["Rosa Diaz", "Rosa Diaz"]
    assert qs[1].text == "The next bus leaves at dawn"


@pytest.mark.slow
def test_continuation_paragraph_takes_previous_speaker():
    qs = quotes_of('"We lost everything in one night," said Rosa Diaz, a farmer.',
                   '"The river took the house, the barn and all of the animals."')
    assert speaker_for(qs, "The river took") == "Rosa Diaz"


@pytest.mark.slow
def test_previous_paragraph_speech_verb_speaker_continues():
    qs = quotes_of("Dean Ortiz, chief executive of a start-up, said he had accounts with the bank.",
                   '"This morning I queued for two hours and nobody could tell us anything."')
    assert speaker_for(qs, "This morning I queued") == "Dean Ortiz"


@pytest.mark.slow
def test_scare_quote_kept_with_speaker_dropped_without():
    qs = quotes_of('The unmanned "Sky Hopper" craft landed on Friday. The president has referred to the '
                   'crew as "heroes."')
    assert [q.text for q in qs] == ["heroes"]
    assert qs[0].speaker is not None


@pytest.mark.slow
def test_adjunct_clause_with_its_own_subject_is_not_the_speakers():
    qs = quotes_of('"We have landed," announced mission chief Ana Ruiz, as the crowd outside chanted "go team go."',
                   '"This is our day," said Omar Haddad, as the hall rang with cries of "long live the crew."')
    assert speaker_for(qs, "We have landed") == "Ana Ruiz"
    assert speaker_for(qs, "go team go") == "the crowd"
    assert speaker_for(qs, "This is our day") == "Omar Haddad"
    assert speaker_for(qs, "long live the crew") is None


@pytest.mark.slow
def test_offsets_point_at_the_verbatim_text():
    article_text = 'Intro line here.\n\n"We will rebuild," Ann Lee said.'
    qs = quotes_of("Intro line here.", '"We will rebuild," Ann Lee said.')
    assert article_text[qs[0].start:qs[0].end] == qs[0].text == "We will rebuild"
    assert qs[0].sentence == 1


# ---------------------------------------------------------------- single quotation marks (British style)


@pytest.mark.slow
def test_single_mark_quotes_are_attributed():
    qs = quotes_of("Mrs Patel said the council’s plan was ‘a disgrace’.",
                   "‘They don’t listen to anyone,’ she said.",
                   "Councillor John O’Neill said: 'We’ve heard people’s concerns and we’ll respond soon.'")
    assert speaker_for(qs, "a disgrace") == "Patel"
    assert speaker_for(qs, "They don’t listen") == "Patel"
    assert speaker_for(qs, "We’ve heard") == "John O’Neill"


# ---------------------------------------------------------------- pronouns, gender and "added"


@pytest.mark.slow
def test_she_skips_a_man_the_article_calls_he():
    qs = quotes_of("Ann Lee, the mayor, and her deputy Tom Baker toured the site. Baker said he was tired.",
                   "“We need rest and we need help,” she said.")
    assert speaker_for(qs, "We need rest") == "Ann Lee"


@pytest.mark.slow
def test_courtesy_titles_give_the_gender():
    qs = quotes_of("Ms Okafor met Mr Diallo on Tuesday. Mr Diallo said the deal was close.",
                   "“We are almost there,” she said.")
    assert speaker_for(qs, "We are almost there") == "Okafor"


@pytest.mark.slow
def test_kinship_words_give_the_gender():
    qs = quotes_of("The teen's father, Tom, reacted on social media: “I am broken hearted.”",
                   "His mother also said online that she was grateful for the prayers.",
                   "“You are all that I have,” she wrote.")
    assert speaker_for(qs, "You are all that I have") != "Tom"


@pytest.mark.slow
def test_descriptions_joined_before_a_name_are_not_the_speaker():
    qs = quotes_of("Accounts of a neighbour",
                   "Actor and writer Tom Velder, who lives around 600 metres from the scene in Harlow Road, told the "
                   "Harbour Press he feared the block could collapse.",
                   "He said: “It’s horrendous. The whole building is engulfed in flames.”")
    assert speaker_for(qs, "It’s horrendous") == "Tom Velder"


@pytest.mark.slow
def test_a_surname_two_people_share_goes_to_the_one_its_title_names():
    qs = quotes_of("Examplia's former president Tomas Velder has died aged 90.",
                   "His younger brother and successor as president Rauli Velder announced the news on state television.",
                   "Velder took power in 1959. He defied his neighbours for decades.",
                   "President Velder told the nation in a late broadcast that his brother had died.",
                   "“The commander of the revolution died at 22:29 hours this evening,” he said.")
    assert speaker_for(qs, "The commander of the revolution") == "Rauli Velder"


@pytest.mark.slow
def test_an_object_pronoun_is_not_its_subject():
    qs = quotes_of("Ann Lee, the minister, spoke first. “We act now,” Lee said.",
                   "Tom Baker disagreed with her.",
                   "“This is reckless and dangerous,” he said.")
    assert speaker_for(qs, "This is reckless") == "Tom Baker"


@pytest.mark.slow
def test_added_continues_the_previous_speaker():
    qs = quotes_of("Tom Baker led the delegation to the capital.",
                   "The palace said in a statement: “A new chapter has begun for the kingdom.”",
                   "“In the future, the kingdom will play its part in the region,” she added.")
    assert speaker_for(qs, "In the future") == "The palace"


@pytest.mark.slow
def test_a_quotation_after_an_added_one_goes_on_with_its_speaker():
    qs = quotes_of("Ecstatic cheers followed when Jacob Velde read the resignation letter to parliament.",
                   "“I hereby formally tender my resignation,” said Velde, reading the letter.",
                   "The news also sparked scenes of jubilation in the capital, Lyra, as large crowds cheered, "
                   "danced and sang celebrating Marlow's departure for hours.",
                   "“People are coming out onto the streets, they are calling this day Independence Day,” Velora "
                   "TV's Haru Mutasa, reporting from Lyra, said.",
                   "“It's getting chaotic,” she added. “Some people still can't believe this has happened.”")
    assert speaker_for(qs, "Some people still") == speaker_for(qs, "It's getting chaotic") != "Jacob Velde"


@pytest.mark.slow
def test_words_read_out_from_a_letter_are_not_the_readers():
    qs = quotes_of("“I hereby formally tender my resignation with immediate effect,” said Tom Baker, reading the letter.")
    assert speaker_for(qs, "I hereby formally") is None
    qs = quotes_of("“We will read every letter we receive,” said Tom Baker, the speaker of parliament.")
    assert speaker_for(qs, "We will read") == "Tom Baker"


@pytest.mark.slow
def test_a_quotation_whose_cut_attribution_follows_it_is_not_the_previous_speakers():
    qs = quotes_of("The discovery was hailed by physicists, who said the particle was real.",
                   "“This is a big moment for particle physics and a crossroads for the field,” Tom Baker, a")
    assert speaker_for(qs, "This is a big moment") != "physicists"
    qs = quotes_of("Ann Lee, the mayor, said the dam held.", "“We were lucky this time, and we know it.”")
    assert speaker_for(qs, "We were lucky") == "Ann Lee"  # a quotation alone goes on with her


@pytest.mark.slow
def test_added_after_someone_else_is_named_stays_with_them():
    qs = quotes_of("“The talks failed today,” said Ann Lee. Tom Baker, her rival, agreed.",
                   "“It is a sad day for the town,” he added.")
    assert speaker_for(qs, "It is a sad day") == "Tom Baker"


# ---------------------------------------------------------------- titles, descriptions, bodies


@pytest.mark.slow
def test_name_after_a_title_is_a_person_whatever_the_tagger_says():
    qs = quotes_of("The summit was hosted by President Tom Baker of Ostland.",
                   "For his part, the President of Pandia, Lindqvist emphasized that the day mattered. "
                   "“Security and stability matter most”, he emphasized.")
    assert speaker_for(qs, "Security and stability") == "Lindqvist"


@pytest.mark.slow
def test_title_with_of_phrase_picks_the_right_person():
    intro = "President Ann Lee of Ostland met President Tom Baker of Pandia."
    for country, who in (("Ostland", "Ann Lee"), ("Pandia", "Tom Baker")):
        qs = quotes_of(intro, f"“We agreed on trade and on the border,” the President of {country} said.")
        assert speaker_for(qs, "We agreed on trade") == who


@pytest.mark.slow
def test_generic_description_names_the_organisation():
    qs = quotes_of("The National Health Protection Organisation (NHPO) posted an update on Friday.",
                   "\"Vaccines are available in every clinic from today,\" the health agency said in its post.")
    assert speaker_for(qs, "Vaccines are available") == "National Health Protection Organisation"


@pytest.mark.slow
def test_description_with_appositive_body_name():
    qs = quotes_of("The UN's refugee agency, UNHCR, said: 'We are running out of tents and blankets.'")
    assert speaker_for(qs, "We are running out") == "UNHCR"


@pytest.mark.slow
def test_affiliation_keeps_the_whole_name():
    qs = quotes_of("Officials at the Department of Energy said the plant was 'safe for now'.")
    assert speaker_for(qs, "safe for now") == "Officials at the Department of Energy"


@pytest.mark.slow
def test_participle_takes_its_governing_subject_not_a_noun_before_it():
    qs = quotes_of("The ministry of health warned of 'severe' shortages, calling the situation 'very worrying'.")
    assert speaker_for(qs, "very worrying") == speaker_for(qs, "severe") == "ministry of health"


# ---------------------------------------------------------------- speakers outside the sentence


@pytest.mark.slow
def test_speaker_named_in_the_following_paragraph():
    qs = quotes_of('"...at least so far, prices are holding."',
                   "Ann Lee, an analyst at a bank in the city, explains.",
                   '"People are still spending, but more carefully than last year."')
    assert speaker_for(qs, "...at least so far") == "Ann Lee"
    assert speaker_for(qs, "People are still spending") == "Ann Lee"


@pytest.mark.slow
def test_reported_speech_in_next_paragraph_does_not_claim_the_quotation():
    qs = quotes_of('"We never saw the water coming at all."',
                   "Ann Lee said she had lived in the town for years.")
    assert qs[0].speaker is None


@pytest.mark.slow
def test_speech_noun_with_its_source():
    qs = quotes_of("The strike began on Monday, drawing a warning of “reprisals” from the Transport Ministry.",
                   "The union ignored the employers' call for 'restraint'.")
    assert speaker_for(qs, "reprisals") == "Transport Ministry"
    assert speaker_for(qs, "restraint") == "the employers"


# ---------------------------------------------------------------- the seeds


@pytest.mark.slow
def test_seed_extract_quotes_recall_and_speaker_surfaces(gold, analysed_seeds):
    found = [(q.text, q.speaker, (it.source_id,)) for it in analysed_seeds for q in it.analysis.quotes]
    recall, speaker_right = seed_quote_figures(gold, found)
    assert recall >= RECALL_FLOOR, recall
    assert speaker_right >= SPEAKER_FLOOR, speaker_right


@pytest.mark.slow
def test_seed_quotes_are_verbatim(analysed_seeds):
    for it in analysed_seeds:
        for q in it.analysis.quotes:
            assert it.article.text[q.start:q.end] == q.text


@pytest.mark.slow
def test_parse_array_readings_and_memoised_resolution_answer_as_token_loops():
    """Token positions read from the parse's arrays, and referents resolved once per token
    (speed only), are what a loop over the tokens and a fresh resolution give."""
    from generator.nlp.actors.mentions import CLOSE_QUOTES, OPEN_QUOTES, _quoted_tokens
    from generator.nlp.parsed import positions
    from generator.nlp.quotes.gender import GENDER_TITLES, GENDERED
    from generator.nlp.quotes.name_parts import apposed
    from generator.nlp.quotes.names import Names

    doc = parse('Mr. Ivanov, the envoy, said "we will go" and\n\nshe left. “Then,” Ms Lee said, '
                "‘they’ went. The ministry said it would act. He added that his team agreed.")
    for words in (GENDERED, GENDER_TITLES):
        assert positions(doc, "LOWER", frozenset(words)) == [t.i for t in doc if t.lower_ in words]
    subjects = frozenset({"nsubj", "nsubjpass"})
    assert positions(doc, "DEP", subjects) == [t.i for t in doc if t.dep_ in subjects]

    inside, quoted = False, set()
    for tok in doc:
        if "\n" in tok.text or tok.text in CLOSE_QUOTES and inside:
            inside = False
        elif tok.text == '"':
            inside = not inside
        elif tok.text in OPEN_QUOTES:
            inside = True
        elif inside:
            quoted.add(tok.i)
    assert _quoted_tokens(doc) == quoted

    names = Names.build(doc, doc.ents, frozenset(quoted))
    assert names.appositions == [t.i for t in doc if t.dep_ == "appos"]
    for tok in doc:
        assert apposed(tok, names.appositions) == apposed(tok), tok.text
        first = names.resolve(tok)
        names.named_at.clear()
        assert names.resolve(tok) == first and names.resolve(tok) == first, tok.text


# ---------------------------------------------------------------- who may be a speaker (issue 16, item 8)


@pytest.mark.slow
def test_x_told_y_credits_the_one_who_told():
    for text in ('"We will not give up," Ann Lee told Tom Baker.',
                 'Ann Lee told Tom Baker: "We will not give up on this town."',
                 'Tom Baker was told by Ann Lee that "we will not give up."',
                 'Mayor Ann Lee told Governor Tom Baker that "we will not give up."'):
        qs = quotes_of(text)
        assert speaker_for(qs, "We will not give up".lower() if "that" in text else "We will not") == "Ann Lee"


@pytest.mark.slow
def test_according_to_x_then_she_wrote_and_x_announced_that():
    qs = quotes_of('According to Ann Lee, the mayor, the bridge "will reopen in May at the latest," she wrote.',
                   'The Rail Authority announced on Monday that "all trains are cancelled until further notice."')
    assert speaker_for(qs, "will reopen") == "Ann Lee"
    assert speaker_for(qs, "all trains") == "Rail Authority"


@pytest.mark.slow
def test_an_outlet_passing_the_words_on_is_not_the_speaker():
    qs = quotes_of('Party leader Tom Baker said the day would "go down in history as our day of days," '
                   "the BBC reports.",
                   'Ann Lee, a minister, told reporters: "This is a new escalation of the crisis," she said, '
                   "according to AFP.",
                   '"We will respond to this in due course and in full."')
    assert speaker_for(qs, "go down in history") == "Tom Baker"
    assert speaker_for(qs, "We will respond") == "Ann Lee"


@pytest.mark.slow
def test_the_one_prompted_to_speak_and_the_people_celebrating_are_the_speakers():
    qs = quotes_of('The vote prompted Prime Minister Ann Lee to announce her resignation in favour of '
                   '"fresh leadership for the party."',
                   'The liftoff was successful, as rocket engineers celebrated by shouting "go rocket go go."')
    assert speaker_for(qs, "fresh leadership") == "Ann Lee"
    assert speaker_for(qs, "go rocket") == "rocket engineers"


@pytest.mark.slow
def test_a_date_an_object_or_an_unresolved_family_never_speaks():
    qs = quotes_of('October was "the deadliest month of the whole war," the report found.',
                   "The organizer's microphone blared \"everyone out of the square now.\"",
                   'His family also said: "He died peacefully today surrounded by his family."')
    assert {q.speaker for q in qs} == {None}


@pytest.mark.slow
def test_a_statement_speaks_for_whoever_issued_it():
    qs = quotes_of('The Acme statement said "those of us who knew him have lost a dear friend."')
    assert speaker_for(qs, "those of us") == "Acme"


@pytest.mark.slow
def test_a_bare_description_is_the_one_body_named_nearby_or_no_one():
    qs = quotes_of('World Wildlife Fund chairman Tom Baker says the deal "is a victory for the poor."',
                   'The group calls the deal "the most important step taken in a decade."')
    assert speaker_for(qs, "the most important step") == "World Wildlife Fund"


@pytest.mark.slow
def test_the_president_is_not_the_vice_president():
    qs = quotes_of("President Tom Baker and Vice President Mary Chan spoke at the palace, with Baker praising "
                   "the team. The president also said that he had met the coach.",
                   '"When I met him last year, I told him he would win," he said.')
    assert speaker_for(qs, "When I met him") == "Tom Baker"


@pytest.mark.slow
def test_the_minister_is_not_the_prime_minister():
    qs = quotes_of("On Thursday, Ann Velt, the minister for climate change, said that Prime Minister Tom Baker had set "
                   "up a war room.",
                   'During a news conference in Lyra, the minister said, "The country is going through its eighth cycle '
                   'of rain."')
    assert speaker_for(qs, "The country is going") == "Ann Velt"


@pytest.mark.slow
def test_a_pronoun_two_speakers_of_unknown_gender_could_answer_is_nobodys():
    qs = quotes_of("Ann Lee said the talks failed. Tom Baker was not available for comment.",
                   '"We will try again next week," she said.')
    assert speaker_for(qs, "We will try again") is None


@pytest.mark.slow
def test_the_latest_to_speak_keeps_the_pronoun():
    qs = quotes_of('Party leader Tom Baker hailed the result as "a victory for ordinary people." Ann Lee, who is '
                   'visiting her farm, also welcomed the result in a post. "We will build strong ties with '
                   'the new government," she wrote.')
    assert speaker_for(qs, "We will build") == "Ann Lee"


@pytest.mark.slow
def test_a_body_speaking_in_between_leaves_he_unresolved():
    qs = quotes_of("Tom Baker left the building at noon. The ministry said the talks were over.",
                   '"We did everything we could for them," he said.')
    assert speaker_for(qs, "We did everything") is None


@pytest.mark.slow
def test_a_quotation_sentence_after_one_naming_its_speaker_is_theirs():
    qs = quotes_of('Ann Lee spoke to reporters outside the court on Monday. "We are ready for whatever comes next."',
                   'Ann Lee said the talks failed. Tom Baker left early. "We will try again next week."')
    assert speaker_for(qs, "We are ready") == "Ann Lee"
    assert speaker_for(qs, "We will try again") is None


@pytest.mark.slow
def test_names_keep_their_hyphen_and_a_family_name_written_first_finds_the_person():
    qs = quotes_of('UN Secretary-General Ban Ki-moon said the deal "is a triumph for people and our planet."',
                   '"It sets the stage for progress," Ban tweeted.')
    assert speaker_for(qs, "is a triumph") == speaker_for(qs, "It sets the stage") == "Ban Ki-moon"


@pytest.mark.slow
def test_titles_and_tags_do_not_hide_a_person():
    qs = quotes_of("Maryland Gov. Wes Moore addressed the press on Tuesday.",
                   '"All of our hearts are broken tonight," the governor said.',
                   'FTX founder SBF apologized, writing "things can recover."',
                   '"I was shocked to see things unravel this week," he also added.')
    assert speaker_for(qs, "All of our hearts") == "Wes Moore"
    assert speaker_for(qs, "I was shocked") == "SBF"


@pytest.mark.slow
def test_it_was_likely_is_no_one():
    qs = quotes_of('The Leave campaign said it had won.',
                   'Scottish leader Ann Lee announced it was "highly likely" her government would hold a vote, '
                   'saying the country would not be taken out "against our will and our votes."')
    assert speaker_for(qs, "against our will") == "Ann Lee"


@pytest.mark.slow
def test_a_joint_statement_is_no_one_speakers():
    qs = quotes_of("In a statement, his children Ann, Rob and Tim said: “We are deeply saddened that our father died today.”")
    assert speaker_for(qs, "We are deeply saddened") is None
    qs = quotes_of("Ann Lee and Tom Baker said: “We will rebuild the bridge by spring.”")
    assert speaker_for(qs, "We will rebuild") is None


@pytest.mark.slow
def test_a_hyphenated_surname_keeps_both_halves_and_a_hyphenated_title_is_no_name():
    qs = quotes_of("At the UN, Examplia\u2019s ambassador Taher El-Vonni told reporters that he could not "
                   "immediately confirm the toll.",
                   "\u201cIt\u2019s a really high level of magnitude,\u201d Mr El-Vonni said.",
                   'Secretary-General Jane Harlow said the region "needs help now."')
    assert speaker_for(qs, "It\u2019s a really high") == "Taher El-Vonni"
    assert speaker_for(qs, "needs help now") == "Jane Harlow"


@pytest.mark.slow
def test_someone_only_described_loses_the_pronoun_to_a_person_named_after():
    # the parse may give the later name no subject's place: the described opener must not win "he"
    qs = quotes_of("Swathes of the Mediterranean city of Eastmere were obliterated by the flood torrent, unleashed "
                   "after rains from a powerful storm burst dams above the city on Sunday night. "
                   "Multistorey buildings were swept away with sleeping families inside.",
                   "The \u201csea is constantly dumping dozens of bodies\u201d, Hichem Abu Velkstrom, minister of "
                   "civil aviation in the administration that runs eastern Examplia, said.",
                   "\u201cWe have counted more than 5,300 dead so far,\u201d he said.")
    assert speaker_for(qs, "We have counted") == "Hichem Abu Velkstrom"


@pytest.mark.slow
def test_a_second_verb_with_its_own_subject_after_and_is_that_subjects():
    # the parser may hang "his daughter" on a noun before "and": the words are still hers
    qs = quotes_of("Velt died on Thursday at the Harlow Hospital in Lyra and his daughter, Kely Velt, confirmed the "
                   "news on Instagram, writing: \u201cEverything we are is thanks to you. We love you infinitely.\u201d",
                   "Ann Roe thanked the voters on Monday and then said: \u201cWe will win again soon.\u201d")
    assert speaker_for(qs, "Everything we are") == "Kely Velt"
    assert speaker_for(qs, "We will win again") == "Ann Roe"


@pytest.mark.slow
def test_a_participle_after_a_second_verb_tells_more_of_that_verb():
    qs = quotes_of("Examplian football legend Velt reportedly dies at 82 after falling ill.",
                   "Following surgery to remove a tumor in September 2021, Velt underwent colon cancer therapy and "
                   "needed ongoing care.",
                   "He was diagnosed with a respiratory infection after being readmitted to the hospital at the end of "
                   "November to reassess his cancer treatment, and after his body stopped responding to chemotherapy, "
                   "he was sent to palliative care.",
                   "Velt died on Thursday at the Harlow Hospital in Lyra and his daughter, Kely Velkstrom, confirmed "
                   "the news on Instagram, writing: \u201cEverything we are is thanks to you. We love you infinitely. "
                   "Rest in peace.\u201d")
    assert speaker_for(qs, "Everything we are") == "Kely Velkstrom"


@pytest.mark.slow
def test_he_after_a_person_described_in_his_own_sentence_is_not_someone_named_before():
    qs = quotes_of("Jane Velt, transport minister, said people would be flown home free of charge.",
                   "In the words a spokesman for the agency, he said: \u201cAll bookings have now been cancelled.\u201d")
    assert speaker_for(qs, "All bookings") != "Jane Velt"


@pytest.mark.slow
def test_they_after_two_joined_bodies_is_both_and_speaks_for_neither():
    qs = quotes_of("This morning, the Examplian Science Foundation and the Lyra Observatory teamed up for a celebration "
                   "at the press club in Harlow. Amid a large media contingent, they announced the first detection "
                   "of the waves.",
                   "\"It\u2019s the first time the universe has spoken to us in gravitational waves.\"")
    assert speaker_for(qs, "It\u2019s the first time") is None


@pytest.mark.slow
def test_a_title_inside_a_clause_near_a_name_is_not_that_persons():
    """ "... the maximum punishment allowed for what the judge called evil": "judge" describes
    someone else, so "The judge added" is not the person the clause hangs on."""
    qs = quotes_of('Disgraced financier Ann Velt will die in jail after she was sentenced to 150 years in prison, '
                   'the maximum punishment allowed for what the judge called "extraordinarily evil" crimes.',
                   'The judge added: "The breach of trust was massive."')
    assert speaker_for(qs, "The breach of trust") != "Ann Velt"


@pytest.mark.slow
def test_it_after_a_post_that_spoke_is_the_post_not_the_place_named_before():
    qs = quotes_of("BERGEN, Norway: All twelve climbers were rescued on Tuesday evening from a flooded cave.",
                   "The last five were evacuated on Tuesday, the third day of the operation.",
                   '"All twelve have been extracted from the cave," a post from the Velorian Navy SEALs said',
                   '"All are safe" it added, signing off with a "Hooyah", the divers\' signature.')
    assert speaker_for(qs, "All are safe") is None  # the post's issuer is no name the article gives
    qs = quotes_of('Velt Motors said in a statement: "We are sorry." "We will fix it," it added.')
    assert speaker_for(qs, "We will fix it") == "Velt Motors"


@pytest.mark.slow
def test_a_surname_two_offices_share_is_not_expanded_to_the_one_named_in_full():
    qs = quotes_of("“God bless the people of Norland!” tweeted President Velt. The church, which First Lady Ann Velt "
                   "visited in July, burned for hours. “So horrible to watch the fire,” Velt said in an earlier post.")
    assert speaker_for(qs, "So horrible") == "Velt"


@pytest.mark.slow
def test_a_per_label_paragraph_names_the_quotation_after_it():
    qs = quotes_of("Some users reported long delays at airports across the region on Friday.",
                   "Per Velt Systems:",
                   "“We have received feedback from customers that several reboots may be required.”")
    assert speaker_for(qs, "We have received") == "Velt Systems"


@pytest.mark.slow
def test_a_body_that_tweets_is_not_its_officer_named_with_the_body_before_the_title():
    qs = quotes_of("“We are sorry. Our apps are coming back online now,” Lyrabook said in a tweet.",
                   "“Sincere apologies to everyone affected by the outage,” Lyrabook CTO Ann Roeburn tweeted.")
    assert speaker_for(qs, "We are sorry") == "Lyrabook"
    assert speaker_for(qs, "Sincere apologies") == "Ann Roeburn"
