"""Per-article extraction read from the parse's arrays gives what a walk over its tokens gives.

The analyse step reads token attributes as arrays and the text as one string (spaCy builds an
object per token and per `.text`); these tests check the fast readings against the plain ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from generator.models import Article, Sentence
from generator.nlp import topic_terms
from generator.nlp.analyse import analyse_doc
from generator.nlp.model import parse_one
from generator.nlp.parsed import MODIFIER_DEPS, NUMBER_LABELS, VERB_TAGS, definite_subject, definites_of, ParsedArticle, pointers_of, positions, pronouns_of
from generator.stories import cluster
from generator.text.dates import expressions
from generator.text.actor_kinds import ADMIN_NOUNS, COLLECTIVE_NOUNS

TEXT = (
    "Officials in Oran province said on Tuesday that 452 people had left, about 3 percent of the town.\n\n"
    "  The Nordic governments (NG) met the U.K. officials after the storm, a day after the vote. "
    "“We will rebuild,” said Ann Lee, 41, the mayor.\n\n"
    "Twelve boats — and 7 trucks — reached the Sable River towns on May 2, 2019."
)

pytestmark = pytest.mark.slow  # every test here parses with spaCy


def _article(text: str = TEXT) -> Article:
    return Article("001", "001.txt", tuple(p for p in text.split("\n\n") if p), published="2019-05-10")


def _plain_sentences(doc, article: Article) -> tuple[Sentence, ...]:
    """ParsedArticle.sentences as a walk over Token objects (the reading the array version replaces)."""
    starts, pos = [], 0
    for para in article.paragraphs:
        starts.append(pos)
        pos += len(para) + 2
    out: list[Sentence] = []
    para = 0
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        while para + 1 < len(starts) and starts[para + 1] <= start:
            para += 1
        lemmas = tuple(t.lemma_.lower() for t in sent
                       if not (t.is_stop or t.is_punct or t.is_space) and t.lemma_.strip())
        numbers = tuple(e.text for e in sent.ents if e.label_ in NUMBER_LABELS) + tuple(
            t.text for t in sent if t.like_num and not t.ent_type_)
        out.append(Sentence(len(out), text, start, start + len(text), para, lemmas, numbers,
                            pointers_of(doc, sent.start, sent.end) + pronouns_of(doc, sent.start, sent.end),
                            any(t.tag_ in VERB_TAGS and t.dep_ not in MODIFIER_DEPS for t in sent),
                            definite_subject(doc, sent.start, sent.end) if sent[0].text == "The" else "",
                            definites_of(doc, sent.start, sent.end)))
    return tuple(out)


def test_sentences_from_arrays_equal_a_walk_over_the_tokens():
    article = _article()
    doc = parse_one(article.text)
    expected = _plain_sentences(doc, article)
    assert ParsedArticle.of(article, doc).sentences == expected
    assert any(s.numbers for s in expected) and any(s.paragraph == 2 for s in expected)


def test_entities_take_the_sentence_that_holds_them():
    article = _article()
    doc = parse_one(article.text)
    parsed = ParsedArticle.of(article, doc)
    found = parsed.entities()
    assert found and all(parsed.sentences[e.sentence].start <= e.start < parsed.sentences[e.sentence].end for e in found)
    assert [(e.start, e.label) for e in found] == [(e.start_char, e.label_) for e in doc.ents]
    assert all(e.text == doc.text[e.start:e.end] for e in found)


def test_positions_equal_a_scan_of_the_tokens():
    doc = parse_one(_article().text)
    for attr, words in (("LOWER", COLLECTIVE_NOUNS), ("LOWER", ADMIN_NOUNS), ("ORTH", frozenset({"(", "—"})),
                        ("LOWER", frozenset({"after"})), ("ORTH", frozenset({"no such word"}))):
        key = (lambda t: t.lower_) if attr == "LOWER" else (lambda t: t.text)
        assert positions(doc, attr, words) == [t.i for t in doc if key(t) in words]
        assert positions(doc, attr, words, 2, len(doc) - 2) == [t.i for t in doc[2:-2] if key(t) in words]
    assert positions(doc, "ORTH", frozenset({"("})), "the fixture has a bracket"
    assert positions(doc, "ORTH", frozenset({"("}), 5, 3) == []  # an empty range, as range(5, 3)
    assert positions(doc, "DEP", frozenset({"appos", "nsubj"})) == [t.i for t in doc if t.dep_ in ("appos", "nsubj")]


def test_each_parsed_article_holds_its_own_entities_and_sentence_lookup():
    first = ParsedArticle.of(_article(), parse_one(_article().text))
    other = Article("002", "002.txt", ("Ann Lee met Bo Chan in Oslo on Monday.",))
    second = ParsedArticle.of(other, parse_one(other.text))
    for parsed in (first, second, first):
        assert [(e.start, e.end, e.label_) for e in parsed.ents] == [(e.start, e.end, e.label_) for e in parsed.doc.ents]
        assert all(e.doc is parsed.doc for e in parsed.ents)
    assert [first.sentence_at(s.start) for s in first.sentences] == list(range(len(first.sentences)))
    assert first.sentence_at(first.sentences[1].start - 1) == 0  # between two sentences: the one before


def test_memoised_parse_expression_answers_as_the_plain_function():
    for expression in ("on Tuesday", "in May 2019", "last June", "five years ago", "this week", "on Tuesday"):
        assert expressions.parse_expression(expression) == expressions.parse_expression.__wrapped__(expression)


def test_empty_article_analyses_to_nothing():
    article = Article("002", "002.txt", ("",))
    analysis = analyse_doc(article, parse_one(article.text))
    assert analysis.sentences == () and analysis.entities == () and analysis.date_mentions == ()


def test_positions_find_words_spacy_keeps_as_symbols():
    """"agent", "number" and dependency labels have fixed symbol ids in spaCy, not hashes."""
    doc = parse_one("The agent gave a number to the root office.")
    for attr, words in (("LOWER", frozenset({"agent", "number", "root"})), ("DEP", frozenset({"det", "dobj"}))):
        key = (lambda t: t.lower_) if attr == "LOWER" else (lambda t: t.dep_)
        assert positions(doc, attr, words) == [t.i for t in doc if key(t) in words]
        assert positions(doc, attr, words)


def test_terms_are_the_content_lemmas_and_weighted_entities_clustering_compares():
    from generator.models import AnalysedArticle
    from generator.nlp.topic_terms import ENTITY_WEIGHT

    article = _article()
    analysis = analyse_doc(article, parse_one(article.text))
    terms = dict(analysis.terms)
    assert terms == Counter(topic_terms.features(analysis.sentences, analysis.entities))
    assert terms["ent:ann_lee"] == ENTITY_WEIGHT  # one mention, weighed as three words
    assert terms["official"] == 2 and "the" not in terms  # lemmas, stop words left out
    # an analysis made without terms (older code, hand-built in tests) is counted when clustered
    assert cluster.term_counts(AnalysedArticle(article, replace(analysis, terms=()))) == analysis.terms


@pytest.mark.parametrize("text,pronoun", [
    ("Grimacing in pain after a tackle, he hobbled off the field.", "he"),
    ("During the 1970s in the midst of the Cold War, he had a hand in many events.", "he"),
    ("If verified, it would make the seismic event stronger than the 7.0 quake.", "it"),
    ("Unfortunately, that didn't happen and the full stack started to spiral.", "that"),
    ("Had the hosts secured a lead, her performance would have been heroic.", "her"),
    ("It was one step too far for the champions, who lost just their second match.", "It"),
    ("It is designed to help people return to the moon.", "It"),
    ("It's the deadliest quake since 2010.", "It"),
    ("Harbour lawmakers and the dockers' union were quick to oppose it.", "it"),
    ("After a long holiday weekend, it was on its way from the capital to the coast.", "it"),
    # a noun in the phrase opening the pronoun's own clause describes its person, naming no one
    ("A former chain-smoker, he had to undergo throat surgery in 2009.", "he"),
    ("As president, she oversaw the country's transition to democracy.", "she"),
    ("In a statement issued through the president's office, he alleged that agents were attacked.", "he"),
    # a plural noun is no "he", a singular thing no "they"
    ("Prosecutors have refused to say where he was being held.", "he"),
    ("What they had not yet figured out was making money from their site.", "they"),
    # a name with an article is no one's, whatever the tagger says ("Moon" may be tagged a person)
    ("No other country has landed there; this will change all the stories about the Moon, he said.", "he"),
    ("Outside the Kremlin, he said the talks had failed.", "he"),
    # the clause a speaker's tail reports is the main one: what comes after "it" is not what it is
    ("Late on Saturday it had 72 seats to the coalition's 55, the broadcaster projected.", "it"),
    # a place told before: "there" with no place in its own sentence
    ("Parliament had been set to start there on Monday after a November election.", "there"),
])
def test_a_pronoun_nothing_in_its_sentence_can_stand_for(text, pronoun):
    doc = parse_one(text)
    assert pronoun in [p for p, _ in pronouns_of(doc, 0, len(doc))]


@pytest.mark.parametrize("text", [
    "It is unclear whether the bridge can be repaired.",
    "It was not immediately clear how many people were killed.",
    "It took rescuers six hours to reach the village.",
    "It has been 10 years since the last eruption.",
    "It was the first time a woman had won the award.",
    "When he arrived at the scene, Mayor John Smith said the damage was severe.",
    "The company said its profits fell.",
    "Police said they arrested two men.",
    "In his speech, Biden praised the workers.",
    "The minister said the plan that failed was his.",
    'Asked about the vote, Velt said: "It is over and we lost."',
    "The council approved the plan and the mayor signed it on Monday.",
    "Residents said they had never seen anything like it.",
    "When the suspect arrived at the station, he asked for a lawyer.",
    "The chairman said he would step down in March.",
    "There were 12 people on board the ferry.",
    "Rescuers reached the village on Monday and found 12 survivors there.",
    "The company said it had 72 seats on the board.",
])
def test_a_pronoun_its_own_sentence_anchors_or_an_it_that_stands_for_nothing(text):
    doc = parse_one(text)
    assert pronouns_of(doc, 0, len(doc)) == ()


def test_a_name_the_article_tags_a_person_elsewhere_anchors_his():
    # the small model may tag a lone surname otherwise; the article's full name tells it is a person's
    text = "Orlan Velkstrom chaired the board. Prosecutors arrested Velkstrom after questioning him at the airport."
    doc = parse_one(text)
    sent = list(doc.sents)[1]
    assert pronouns_of(doc, sent.start, sent.end) == ()


def test_a_caption_has_no_finite_verb_and_a_statement_has_one():
    text = ("The cast of the show at the awards in Eastmere in 2002.\n\n"
            "Protesters outside the burning parliament in Eastmere on Tuesday.\n\n"
            "The council approved the plan on Monday.\n\nThe mayor will resign.\n\n"
            "The Westbrook plant opened in March 2010 on the edge of the river town.")
    parsed = ParsedArticle.of(_article(text), parse_one(text))
    assert [s.has_verb for s in parsed.sentences] == [False, False, True, True, True]


def test_a_side_clause_standing_alone_states_nothing():
    # "While ..." with no main clause after it: the sentence's own verb is a side clause's
    text = ("While the interior minister, Jane Roe, also said that the number of missing could be over 500.\n\n"
            "While the toll rose, rescuers kept digging in Eastmere.\n\nBecause the old dam failed.")
    parsed = ParsedArticle.of(_article(text), parse_one(text))
    assert [s.has_verb for s in parsed.sentences] == [False, True, False]


def test_a_surname_the_tagger_reads_as_a_common_noun_still_anchors_his():
    # "Woods", "Banks": at the head of a sentence the small model may tag such a surname a plural
    # noun; the article's full name tells it is a person's
    text = ("Tom Woods won the title on Sunday. Woods has been troubled by back injuries over the last few "
            "years, slowing his historic run at major tournaments.")
    doc = parse_one(text)
    sent = list(doc.sents)[1]
    assert pronouns_of(doc, sent.start, sent.end) == ()


def test_these_before_a_noun_points_to_what_was_told_before_but_not_a_time():
    doc = parse_one("These derailed coaches collided with the goods train.")
    assert [p for p, _ in pointers_of(doc, 0, len(doc))] == ["These derailed coaches"]
    doc = parse_one("These days the line carries 40 trains.")
    assert pointers_of(doc, 0, len(doc)) == ()
