"""A line stands alone: no opener or speaker tail pointing outside it, not cut off."""

from __future__ import annotations

from generator.text.standalone import dangling, form_problem, inside_quotation, speech_paragraphs


def test_openers_that_point_outside_the_line():
    for line in ("He said the town would rebuild.", "The move follows years of delays.",
                 "However, the road stayed shut.", "According to him, the road stayed shut.",
                 "It struck 24 kilometres deep.", "Later, police closed the road.",
                 "Another 20 people were hurt.", "Both men were charged.", "The next day, the road reopened.",
                 "Hours later, the fire was out.", "Shortly afterwards, the road reopened.",
                 "Earlier, the council had voted.", "In response, the council voted.",
                 "The council, meanwhile, has voted to rebuild.", "Police, however, closed the road.",
                 "In this reading, members voted clause by clause.",
                 "Otherwise, the two leaders will meet again in June.",
                 "“Mum, don't, I'm hurt,” the daughter said.", '"It was chaos," the 17-year-old passenger told reporters.',
                 "“I should have done better,” the 30-year-old said in a post on Thursday.",
                 "Many were terrified by the aftershocks.", "Some had rushed to the house in their pyjamas.",
                 "Each side sought to paint its business as the stronger.",
                 "Scheduled to land in Harlow at 10:25, it came down near the village of Lyra.",
                 "Velt praised his triumph anyway.", "In short, a successful day for the unions.",
                 "One additional passenger was travelling on a UN passport.", "Earlier , the council had voted.",
                 "The revelations have ignited a firestorm for the firm.", "The panel has met resistance from Velt.",
                 "It is likely to pave the way for a new leader by spring.",
                 "It will also allow him to hold sway over the choice of his successor.",
                 "Apparently, the company believed it had to stabilise the situation.",
                 "As such, the mayor will have little time to prove herself.",
                 "A day earlier, the cabinet approved a state of emergency.", "Secondly, the umpire held back.",
                 "Velt was then immediately dismissed for a duck.", "Kessel was next to fall before the captain.",
                 "Roy wasn't so lucky when he was caught for 17.", "In a short exchange that followed, Velt left.",
                 "Apart from this, an unofficial count gave Velt 27.5 million votes.",
                 "The storm has kept FEMA workers from assessing the damage, he continued.",
                 "Even so, searchers continue to hold out hope of rescue."):
        assert dangling(line), line


def test_a_line_that_is_all_one_bracketed_aside_is_no_statement():
    assert form_problem("(UPDATE: A Valley Times reporter says eight are confirmed dead.)").startswith("an aside in brackets")
    assert form_problem("Police (who arrived at noon) closed the road.") is None


def test_lines_that_stand_alone():
    for line in ("This week, the council voted to rebuild.", "It is not clear how the fire started.",
                 '"We will rebuild," the mayor said.', "[Velt] said the town would rebuild.",
                 "Shortly after midnight, the road reopened.", "Earlier this week, the council voted.",
                 "There are 20 people in hospital.", "Others" + "en Bank fell 5%.", '"It was chaos," a passenger said.',
                 '"We won," the team said.', "Many residents fled the city on Monday.", "Most of the victims were children.",
                 "It is hard to say when the road will reopen.", "It will be days before the road reopens.",
                 "Speaking to reporters in Lyra, Ann Velt said the plan had failed.", "Founded in 1998, the firm grew.",
                 "The additional funding was approved in May.", "Velt said the vote went ahead regardless of the rain.",
                 "Following the ruling, it will be as if the vote had never been held.",
                 "The allegations stem from a 2009 gas deal Velt signed."):
        assert dangling(line) is None, line


def test_a_speaker_only_named_by_a_pronoun():
    assert form_problem('"We will rebuild," he said.').startswith("does not stand alone")


def test_cut_off_and_first_person_lines():
    assert form_problem("Workers were doing work when the crash occurred at 1:30AM this morning….").startswith("cut off")
    assert form_problem("…we can confirm that the crew notified authorities.").startswith("cut off")
    assert form_problem("For the workers on the bridge, we pray for their families.").startswith("someone's words")
    assert form_problem('The mayor said "we will rebuild" on Friday.') is None


def test_lines_pointing_to_what_was_said_before_them():
    for line in ("Similar hitches hit several banks.", "Many other users demanded an apology.",
                 "Musk later dismissed those reports, saying he would not cut staff.",
                 "He vowed to veto any such legislation.".replace("He", "The president"),
                 "The software in question is widely used.",
                 "First, the group wants legitimacy."):
        assert dangling(line), line
    for line in ("This week, the council voted.", "The mayor met those who fled.",
                 "The council said this was the first vote."):
        assert dangling(line) is None, line


def test_a_time_or_place_told_from_the_writers_desk():
    for line in ("Two explosions rocked the city yesterday.", "The leader today announced his resignation.", "The suspect appears in court this morning.",
                 "None had a criminal record here, police said.", "Two days ago, the runner said he was ready."):
        assert "writer's" in (form_problem(line) or ""), line
    assert form_problem('"I was here yesterday," the mayor said.') is None


def test_a_pronoun_inside_the_line_needs_a_name_before_it():
    for line in ("In a tweet, he thanked all three for their work.", "According to reports, he will take the top job.",
                 "Early on, it was reported that she might run."):
        assert dangling(line), line
    for line in ("Moore said he was working with federal agencies.", "The Queen thanked her staff.",
                 '"He was my friend," the mayor said.', "The council said its budget was cut."):
        assert dangling(line) is None, line


def test_a_pronoun_with_its_person_in_the_line():
    for line in ("In his remarks, Velt also hit back at critics.", "The suspect told police that he acted alone.",
                 "The unemployed suspect built his own weapon."):
        assert dangling(line) is None, line


def test_a_slip_the_copy_editing_missed():
    for line in ("The cause of the blaze has not yet been confirmed confirmed.", "The club was has been sold.",
                 "Fans gathered at in the square.", "The signals were received at from the control centre.",
                 "Jane Roe will seek peace until the a last day of her term.",
                 "The U.K. s the first country in the world to approve the shot.",
                 "“Mobilization is important”acknowledged the minister on Thursday.",
                 "People rushed to higher ground as but there were no reports of casualties."):
        assert "slip" in (form_problem(line) or ""), line
    for line in ("The mayor said that that was the end.", "Envoy Gul Hassan Hassan arrived.", "The mayor had had enough of the delays.",
                 "The talks went on for hours.", "Police moved in on the suspects.",
                 "The A-team and the A list met.", "The coach gave a B side a chance."):
        assert form_problem(line) is None, line


def test_a_line_picked_up_mid_way_and_openers_that_are_not_connectives():
    assert form_problem("hit about an hour after the first quake.").startswith("cut off")
    assert form_problem("iPhone sales rose by a tenth.") is None
    from generator.sections.claims.resolve import _trim_connective
    assert _trim_connective("So far, they have reached 25 families.") == "So far, they have reached 25 families."
    assert _trim_connective("However, the road stayed shut.") == "The road stayed shut."


def test_more_lines_leaning_on_what_came_before():
    for line in ("The other banks refused to help.", "Among them was a former minister.",
                 "Besides, the bank had no buyer.", "The deal between these two titans collapsed."):
        assert dangling(line), line


def test_a_definite_noun_phrase_pointing_back():
    for line in ("The ceremony was held in the palace.", "The appointment was confirmed on Friday.",
                 "Officials later scrapped that plan."):
        assert dangling(line), line
    assert dangling("Officials said that plan was never approved.".replace("that plan was", "the budget was")) is None


def test_a_situation_or_a_count_told_in_a_sentence_not_shown():
    for line in ("Now the former minister has spoken of his regret in a video.",
                 "Now, the news is official, and the studio has celebrated online.",
                 "In such a situation, identifying the victims can take weeks.",
                 "In one such instance, the striker kicked the post.",
                 "All that noise failed to put the Velorian side off.",
                 "It's part of a wider wave of mergers in the industry.",
                 "Velt said subsequently, the carriages were hit by a freight train.",
                 "Joining the two women in the front row were four other witnesses."):
        assert form_problem(line), line
    for line in ("Now that the count is over, the result is clear.", "Velt said the two countries signed the treaty.",
                 "The storm killed 12 people over two days."):
        assert form_problem(line) is None, line


def test_a_bare_number_the_rest_of_a_sentence_or_its_process_told_before():
    for line in ("Two were thrown by the force of the impact into the river.", "One of them was a nurse from Harlow.",
                 "Of those affected, 53 cases were serious, officials said.",
                 "Subsequent reports said the toll stood at 132.",
                 # a count or people told by their trade opening the line name no "he"
                 "Sixteen of the dead had been identified, he added.",
                 "Experts say it is likely he will remain in prison.",
                 "Not when it was a final between the best side and the worst.",
                 "In the process, it rejected a plan to add three new members."):
        assert form_problem(line), line
    for line in ("Two people were killed in the crash near Harlow.", "One passenger died in hospital on Monday.",
                 "Not only did Harlow win, the side also set a record."):
        assert form_problem(line) is None, line


def test_a_pronoun_after_a_capitalised_opening_word_that_names_no_one():
    assert form_problem("Under pressure he produced a drop shot to reach 5-3.") == "does not stand alone (opens with 'he')"
    assert form_problem("Under the new rules Velt said he would stay.") is None  # a name before the pronoun


def test_a_line_inside_someones_quotation_in_the_source():
    src = "Velt said: “I feel great. Thirty is the new twenty. I love this place.”\nThe final lasted four hours on Sunday."
    assert inside_quotation("Thirty is the new twenty.", src) is True
    assert inside_quotation("The final lasted four hours on Sunday.", src) is False
    assert inside_quotation("A sentence that is nowhere in the source.", src) is None
    assert inside_quotation('"Thirty is the new twenty," Velt said.', 'x "Thirty is the new twenty," Velt said.') is False
    # quoted in single marks, as British copy does; an apostrophe is no quotation mark
    british = "Roe urged caution: ‘It is a very dangerous storm. The last time there was a storm this severe 11 lives were lost.’"
    assert inside_quotation("The last time there was a storm this severe 11 lives were lost.’", british) is True
    after = "‘We won’t stop,’ she said. The Smiths’ house fell. The mayor said the town would rebuild the dam."
    assert inside_quotation("The mayor said the town would rebuild the dam.", after) is False


def test_more_openers_told_against_an_unseen_sentence():
    for line in ("It was among firms awarded contracts in July.", "At that time, the scientist was working in Harlow.",
                 "From then on, the scientist spoke through a synthesiser.", "In another case, rescuers saved a child.",
                 "Among those hit were the council's website and the port.",
                 "It's possible some among them were not in the building when it fell, officials said.",
                 "Especially against someone as well known as the actor.",
                 "Four years later, the scientist was awarded the medal.",
                 "The 45-year-old politician lamented the campaign.", "The Harbour United stopper kept a clean sheet.",
                 "The figure was reported by the news agency.", "Elsewhere in Lyra, cars honked their horns.",
                 "A couple of hours later, the deputy came on state television.",
                 "The first was a volleyed effort from 15 yards.", "The family was in the wrong place at the wrong time.",
                 "A further statement from the hospital on Tuesday said the singer needed care.",
                 "The person said Velt looked tired and was sweating.",
                 "With this, the country passed its best haul of six medals.", "Despite that, the team won.",
                 "It's one of the last big banks to raise rates.", "The day before, chaos ensued in parliament.",
                 "Following are highlights of the governor's comments at the news conference.",
                 "Twenty-four hours before, there were already warning signs in the alley.",
                 "According to the news agency, the party leader won the election last month.",
                 "In related news, the state premier said gas supplies were secure."):
        assert form_problem(line), line
    for line in ("The first flight took off at noon on Monday.", "The storm made landfall in Lyra on Friday.",
                 "With this season over, the team rested.", "The day before the vote was quiet in Lyra.",
                 "Hours before the crash, the pilot radioed the tower."):
        assert form_problem(line) is None, line


def test_a_pointer_inside_the_line_or_a_pronoun_the_sentence_never_names():
    assert form_problem("Velmont said it has made progress in that area.").startswith("does not stand alone")
    assert form_problem("If it was proven not to exist, scientists would have to rip up the theory.")
    assert form_problem("Many hailed it as a moment in history.")
    assert form_problem("The judge questioned that, citing the defendant's age and health.")
    assert form_problem("Velt will then be able to remain out on bail until sentencing.")
    assert form_problem("Workers in this zone are being asked to stay at home.")
    assert form_problem("Rescuers said the search would continue into the night.") is None
    assert form_problem("The singer died in her hotel room the night.").startswith("cut off")
    assert form_problem("The siege began at 9.45am local time (10.45pm Sunday in Lyra.") == "unbalanced brackets"
    assert form_problem("When he was 12, Tom Velt began boxing in Lyra.") is None  # the name follows
    assert form_problem("Many residents fled the town on Monday.") is None


def test_a_speakers_pronoun_after_a_name_in_the_line_is_that_persons():
    assert form_problem('Ann Lee described what she said "felt like an explosion under the floor."') is None
    assert form_problem('"We will rebuild the bridge," he said.').startswith("does not stand alone")


def test_a_run_of_words_printed_twice_is_a_caption_run_into_the_sentence():
    line = "Velair's Boeing 737 jetVelair’s Boeing 737 jet, carrying 189 people, crashed into the sea."
    assert form_problem(line).startswith("words printed twice")
    assert form_problem("The Velair jet, carrying 189 people, crashed into the sea on Monday.") is None


def test_glued_words_a_word_to_the_reader_and_a_line_that_only_says_who_someone_is():
    assert form_problem("Earlier witnesses saidHe said people were sitting in the hall.").startswith("words run together")
    assert form_problem("If you can't place a call right now, you're not alone.").startswith("the writer speaking")
    assert form_problem("Tom Velt is a program scientist.").startswith("only says who someone is")
    for line in ("Velt is the new president.", "McDonald said the iPhone sold well on LinkedIn.",
                 '"You will see," the mayor said.', "Jane Roe is a mother of three who lost her home in the fire."):
        assert form_problem(line) is None, line


def test_this_time_answers_an_earlier_time():
    assert dangling("This time the defendant kept her head bowed throughout.")
    assert dangling("This week, the council voted to rebuild.") is None


def test_a_speech_act_whose_words_the_scrape_lost():
    for line in ("Harbour Space chief Ann Velt posted on X.", "Spokesman Tom Roe added from the launch site.",
                 "Jane Roe, the director of the agency, said as the camera went dead.",
                 "Tom Velt, the new king, released the following statement on Thursday."):
        assert form_problem(line) == "introduces words that are not there", line
    for line in ("Police said on Monday the road would reopen.", "Jane Roe wrote to the council in 2019.",
                 "The mayor declared a state of emergency.", 'Ann Velt posted on X: "The tower caught it."',
                 "The palace released the following statement: the king died peacefully."):
        assert form_problem(line) is None, line


def test_a_note_on_the_reporting_at_the_hour_of_writing():
    for line in ("There was no immediate reaction from the ministry.", "Harbour Bank did not immediately respond to a request for comment.",
                 "Harbour Bank declined to comment on Monday.", "Velt could not be reached for comment."):
        assert form_problem(line) == "a note on the reporting at the hour of writing, not the story", line
    assert form_problem("Harbour Bank responded with a statement on Monday.") is None
    # a line about the coverage, not the event
    assert form_problem("Harbour Wire quotes eyewitness accounts of the devastating flood.") \
        == "a note on the reporting at the hour of writing, not the story"
    assert form_problem("Police published images of the suspect on Monday.") is None


def test_a_forecast_hours_ahead_of_the_writing_is_the_writers_time():
    assert form_problem("The ship is expected to reenter the atmosphere within an hour.").startswith("its time or place")
    assert form_problem("Power should return in the next few hours, the operator said.").startswith("its time or place")


def test_a_distance_a_delay_an_extreme_or_a_deed_told_before_does_not_stand_alone():
    for line in ("Just two minutes later, the visitors answered back through Jane Roe.",
                 "Twenty kilometres away, hundreds of parents waited on the jetty.",
                 "The worst came in the 28th minute when Roe kicked Doe in the chest.",
                 "Jane Roe did, and Harlow rules the league at long last.",
                 "John Doe is a father of one of the students.",
                 "The Egyptian scored the second quickest goal in the history of the final.",
                 "The Frenchman added a second goal after the break."):
        assert form_problem(line), line
    for line in ("According to the outlet, the prosecutor invited a slew of witnesses to testify.",
                 "The singer sat motionless in the courtroom as the verdict was read, according to the paper.",
                 "Roe is quoted in the report as saying the case was not about a celebrity.",
                 "The hedge fund held about $2.5 billion in the retailer's debt as of September.",
                 "The storm's late change of course meant that “the worst case is very likely”, it added.",
                 "On the same day, the firm was testing a prototype in Harlow and blew its top off.",
                 "Shortly before, the judge allowed a five minute break."):
        assert form_problem(line), line
    assert form_problem("The office of the prosecutor said it would appeal the ruling.") is None
    for line in ("The British government said it would act on Monday.", "The Congress passed the bill on Monday.",
                 "According to the Harbour Times, the singer sat motionless as the verdict was read."):
        assert form_problem(line) is None, line
    for line in ("Harlow did not qualify for the final in 1950.", "Jane Roe was a teacher at the school for 20 years.",
                 "The town lies twenty kilometres away from the coast."):
        assert form_problem(line) is None, line


def test_an_exclamation_or_a_bare_name_answering_an_unseen_sentence_says_nothing_alone():
    assert form_problem("Jane Roe can’t catch a break!") == "an exclamation: the writer's voice, not a reported fact"
    assert form_problem("In the end, it was Jane Roe.") == "says nothing alone (a name, the answer to a sentence not shown)"
    assert form_problem("A caption on the screen said „100 years of the same.") == "unbalanced quotation marks"
    assert form_problem("In the end, it was Roe breaking free in the box and scoring from eight yards.") is None
    assert form_problem("“We won!” Jane Roe told the crowd.") is None


def test_a_quotation_opened_with_a_single_mark_must_be_closed():
    assert form_problem("A statement from the family read: ‘It is with deep sorrow that the Queen announces "
                        "the death of her husband.") == "unbalanced quotation marks"
    assert form_problem("The Queen’s statement said ‘he died peacefully’ at home.") is None
    assert form_problem("‘We are devastated,’ Jane Roe said.") is None


def test_a_nationality_a_crowd_or_an_opening_participle_names_no_one_a_pronoun_could_be():
    assert form_problem("Addressing supporters waving the Turkish flag, he thanked the nation.") \
        == "does not stand alone (opens with 'he')"
    assert form_problem("Addressing the crowd, Jane Roe said she was proud.") is None
    assert form_problem("The suspect fled, and his car was found later.") is None


def test_a_contrast_with_a_sentence_not_shown_does_not_stand_alone():
    assert form_problem("On the other hand, Examplian PM Jane Roe congratulated him.") \
        == "does not stand alone (opens with 'On the other hand')"
    assert form_problem("In contrast, the index fell 2 percent on Monday.") == "does not stand alone (opens with 'In contrast')"


def test_all_of_that_and_others_beside_ones_told_before_lean_on_a_sentence_not_shown():
    assert form_problem("All of that was followed by an outburst, which prompted the judge to remove him.") \
        == "does not stand alone (opens with 'All of that')"
    assert form_problem("Jane Roe saw two other officers, on foot, take aim at the truck.") is not None
    assert form_problem("Police said all of the victims were adults.") is None


def test_a_name_printed_twice_or_an_image_label_run_into_the_text_is_garbled():
    assert form_problem("HarlowHarlow has reached a deal to buy the firm.") \
        == "words run together in the source's text ('HarlowHarlow')"
    assert form_problem("News photoLyra team captain Jane Roe lifts the trophy.") \
        == "words run together in the source's text ('photoLyra')"
    assert form_problem("LinkedIn said the deal was done.") is None


def test_a_little_later_answers_a_time_not_shown():
    assert form_problem("A little later, shooting begins near two of the city's hotels.") \
        == "does not stand alone (opens with 'A little later')"


def test_a_company_told_by_its_size_a_rather_and_an_it_with_no_body_before_it_lean_on_a_sentence_not_shown():
    assert form_problem("The web giant noted that removing the systems caused a full restart.") \
        == "does not stand alone (opens with 'The web giant')"
    assert form_problem("The giant panda was born in the zoo on Monday.") is None
    assert form_problem("Rather, the official said, the plans were accelerated.") \
        == "does not stand alone (opens with 'Rather')"
    assert form_problem("Rather than wait, the council voted on Monday.") is None
    assert form_problem("Boulders blocked roads, and the old town of Lyra was reduced to rubble, it added.") \
        == "does not stand alone (speaker only 'it added')"
    assert form_problem("S3 was working again by 4:54 p.m. EST Tuesday, it said.") \
        == "does not stand alone (speaker only 'it said')"
    assert form_problem("HXA sent 200 trucks to the coast, it said.") is None


def test_a_span_of_time_later_and_a_thing_pointed_to_after_any_preposition_lean_on_a_sentence_not_shown():
    assert dangling("Less than 72 hours later, the singer was dead.") is not None
    assert dangling("With this storm, the precise place of landfall did not matter.") is not None
    assert dangling("For that reason, the board met again.") is not None
    assert dangling("With 98 percent of votes counted, Velt led by 12 points.") is None


def test_two_photos_side_by_side_are_a_caption():
    assert form_problem("The old Velt tower in Lyra before and after the magnitude-7.9 quake struck on Saturday.") \
        == "a photo caption, not the article's text"
    assert form_problem("The Velt tower in Lyra collapsed when the quake struck on Saturday.") is None


def test_a_step_of_a_sequence_or_a_time_counted_from_an_unseen_event_does_not_stand_alone():
    for line in ("Harlow then kicked two penalties in quickfire succession late in the first half.",
                 "Velt added the second try eight minutes later, skipping past the tackle on the wing."):
        assert form_problem(line), line
    for line in ("Harlow put Lyra ahead in the 10th minute, before Velt levelled the score 13 minutes later.",
                 "The ferry sank and rescuers arrived two hours later."):
        assert form_problem(line) is None, line


def test_people_doing_something_in_the_present_tense_is_a_photo_caption():
    for line in ("Members of the Lyra team pose after the big announcement.",
                 "Tom Velt departs after his conviction at his retrial in Harlow.",
                 "Ann Roe leaves her home in Eastmere to take a bike ride with her partner.",
                 "Jan Velt, of the Lyra Party, flashes a thumbs up at a polling station in Harlow."):
        assert form_problem(line) == "a photo caption, not the article's text", line
    for line in ("The president leaves office in May, officials said.", "The storm leaves thousands without power.",
                 "Velt, who leaves office in May, said the plan failed.",
                 "The mayor, who leaves office in May, opposed the plan from the start.",
                 "In a procession that ignited flashes of anger, miners carried the bodies out."):
        assert form_problem(line) is None, line


def test_who_is_who_by_what_they_wear_is_a_photo_caption():
    assert form_problem("Ann Velt (in white singlet) runs flanked by pacesetters during the race in Lyra.") \
        == "a photo caption, not the article's text"
    assert form_problem("Velt (in French) told reporters in Lyra that the talks had failed.") is None


def test_a_broadcasts_sign_off_introduces_words_that_are_not_there():
    assert form_problem("Harbour TV\u2019s Jane Roe reports from Lyra City.") == "introduces words that are not there"
    assert form_problem("Harbour TV reported from Lyra that 12 people had died.") is None


def test_a_speakers_words_over_paragraphs_after_he_said_are_the_speakers():
    paragraphs = ["The mayor of Harlow resigned on Friday after the vote.",
                  "In a speech outside the town hall she said:",
                  "\u201cThe people of Harlow have voted and their will must be respected.",
                  "Across the county people have been watching the choice this town has made.",
                  "I am very proud to have served as mayor for six years.\u201d",
                  "Her deputy, Tom Roe, will lead the council until an election in May."]
    assert speech_paragraphs(paragraphs) == {2, 3, 4}  # until the mark that closes it
    text = "\n\n".join(paragraphs)
    assert inside_quotation("Across the county people have been watching the choice this town has made.", text) is True
    assert inside_quotation("Her deputy, Tom Roe, will lead the council until an election in May.", text) is False
    # an opening mark a scrape left unclosed, with no one handed the floor, opens no speech
    stray = ["Police said \u201cthe road is closed.", "Officers closed the bridge to traffic on Monday night."]
    assert speech_paragraphs(stray) == frozenset()


def test_two_words_printed_twice_are_a_slip_but_a_repetition_for_effect_is_none():
    assert "slip" in (form_problem("Ash can also be can be sucked into the cabin itself.") or "")
    assert "slip" in (form_problem("The ferry will be will be towed to port.") or "")
    for line in ("The talks went on and on and on.", "Prices rose more and more and more.",
                 "The rescuers came out one by one."):
        assert form_problem(line) is None, line


def test_people_things_and_places_told_of_in_a_sentence_not_shown():
    # a quantity of people acting, in an irregular past tense
    assert form_problem("Some lay on beds; others made tea in the conference room.").startswith("does not stand alone")
    assert form_problem("Some residents lay on beds in the hall.") is None
    # two things told before ("both properties"), not two named here or a pair every reader knows
    assert form_problem("The swarming of both properties came after a rally in the capital.")
    for line in ("Traffic was interrupted in both directions on the A10 highway.",
                 "Officials closed both airports in Velkstrom on Thursday.",
                 "The flood hit both men and women in the valley.",
                 "Talks between both sides stalled in Lyra on Monday."):
        assert form_problem(line) is None, line
    # a place told before
    assert form_problem("Twelve years ago on this ground, Velt bade farewell to the club.")
    # the pronoun inside a phrase hung on a person's noun: whose member?
    assert form_problem("Every other member of his powerful family quit the cabinet.")
    assert form_problem("The suspect and his wife fled the city on Monday.") is None


def test_a_time_counted_back_from_an_event_the_line_does_not_tell():
    assert form_problem("A fire had broken out about 25 minutes earlier at the site.").startswith("does not stand alone")
    assert form_problem("The blast came at 7:53 p.m.; a fire had broken out 25 minutes earlier.") is None


def test_reports_told_of_in_a_sentence_not_shown():
    assert form_problem("The reports also suggested that Velmont will be merged with Harlow Foods.").startswith("does not stand alone")
    assert form_problem("The reporters were told to leave the courtroom in Lyra.") is None


def test_a_concession_a_remainder_other_things_and_a_comparison_told_against_an_unseen_sentence():
    for line in ("True, Velt measured himself by world records and levels of animation.",
                 "The remaining 27 are all feared to be dead, officials said.",
                 "Along with the other data, hackers took names, dates of birth and addresses.",
                 "Thieves were able to siphon far more personal information from the firm."):
        assert form_problem(line).startswith("does not stand alone"), line
    for line in ("Thieves took far more data than in the Harlow breach.", "The fans on the other side cheered.",
                 "True to form, Velt won again in Lyra.", "The toll was much higher on Monday than first reported."):
        assert form_problem(line) is None, line


def test_more_than_a_count_or_the_rest_of_one_told_before():
    for line in ("Fifty more were injured, but others walked away from the wreck.",
                 "The identities of the remaining six victims have not been released."):
        assert form_problem(line).startswith("does not stand alone"), line
    assert form_problem("Velt will serve the remaining years of his term in Lyra.") is None
    assert form_problem("Harlow shareholders will own 51% of the new company, and Velt will hold the remaining 49%.") is None


def test_a_dateline_credits_one_agency_or_several():
    from generator.text.standalone import DATELINE
    for line in ("HARLOW (AP) — Floods cut the town off.", "VELORA (Reuters, AFP, Velt News) - Floods cut the town off.",
                 "LYRA - Floods cut the town off."):
        assert DATELINE.match(line) and line[DATELINE.match(line).end():] == "Floods cut the town off."
    assert DATELINE.match("The river (in flood) - rose fast.") is None
