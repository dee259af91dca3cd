"""Quotation spans: pairing quotation marks as news prose uses them (nlp/quotes/spans.py)."""

from __future__ import annotations

from generator.nlp.quotes.spans import clean_quote_text, find_spans

# ---------------------------------------------------------------- spans


def test_spans_pair_straight_and_curly_marks():
    text = 'She said "we will stay" and later “we will rebuild,” adding: "Soon."'
    spans = [text[s.start:s.end] for s in find_spans(text)]
    assert spans == ["we will stay", "we will rebuild,", "Soon."]


def test_span_left_open_runs_to_paragraph_end():
    text = '"We will not leave. The town is our home.'
    (span,) = find_spans(text)
    assert span.close_mark is None and text[span.start:span.end] == "We will not leave. The town is our home."


def test_new_opener_inside_open_quote_starts_a_new_quotation():
    text = "“This forces us to act. Relevant steps follow. “Our army will respond in due course.”"
    assert [text[s.start:s.end] for s in find_spans(text)] == [
        "This forces us to act. Relevant steps follow.", "Our army will respond in due course."]


def test_clean_text_drops_trailing_comma_and_full_stop_only():
    assert clean_quote_text("We will win,") == "We will win"
    assert clean_quote_text("It is over.") == "It is over"
    assert clean_quote_text("Wait...") == "Wait..."
    assert clean_quote_text("Why now?") == "Why now?"
    assert clean_quote_text("Earth, I have arrived!\u2019") == "Earth, I have arrived!"
    assert clean_quote_text("He said \u2018no\u2019") == "He said \u2018no\u2019"


# ---------------------------------------------------------------- single quotation marks (British style)


def test_single_marks_pair_around_apostrophes():
    text = "‘They don’t listen to anyone,’ she said. ‘It’s the residents’ money they’re wasting.’"
    assert [text[s.start:s.end] for s in find_spans(text)] == [
        "They don’t listen to anyone,", "It’s the residents’ money they’re wasting."]


def test_apostrophes_alone_make_no_quotation():
    for text in ("The firm’s shares fell after the ’90s-style crash and workers’ pay was cut.",
                 "The boys' club met on Monday. Rock 'n' roll fans came too. It wasn't clear why."):
        assert find_spans(text) == []


def test_plural_possessive_is_not_taken_for_the_closing_mark():
    text = "Union threatens ‘walkout’ after talks fail, and the drivers’ union backs it"
    assert [text[s.start:s.end] for s in find_spans(text)] == ["walkout"]


def test_double_marks_inside_single_marks_are_one_quotation():
    text = "‘He told me “no way”, and that was it,’ Ann Lee said."
    assert [text[s.start:s.end] for s in find_spans(text)] == ["He told me “no way”, and that was it,"]


def test_two_single_marks_standing_for_a_double_one_close_the_quotation():
    text = "\u201cWe will establish whether he acted alone\u2019\u2019, Chief Constable Ann Velt said."
    spans = find_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["We will establish whether he acted alone"]
