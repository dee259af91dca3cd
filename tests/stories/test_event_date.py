"""The story's own date (stories/compose.py `choose_event_date`): the day most sources put an event
on, never a date that nothing says is the news."""

from __future__ import annotations

from generator.models import AnalysedArticle, Article, ArticleAnalysis, TimelineEntry
from generator.stories.compose import choose_event_date


def item(source_id: str, published: str | None = None) -> AnalysedArticle:
    return AnalysedArticle(Article(source_id, f"{source_id}.txt", ("Text.",), published=published),
                           ArticleAnalysis(source_id, ()))


ROWS = (TimelineEntry("1955-02-24", "The founder was born on February 24, 1955.", ("001", "002")),
        TimelineEntry("2011-10-05", "The founder died on October 5, 2011.", ("003",)))


def test_in_an_undated_story_a_day_needs_most_sources():
    undated = [item(s) for s in ("001", "002", "003", "004", "005")]
    assert choose_event_date(ROWS, undated) is None  # a birth date two of five sources give is not the news
    assert choose_event_date(ROWS, undated[:3]) == "1955-02-24"  # two of three do say it


def test_in_a_dated_story_a_day_up_to_the_newest_article():
    dated = [item("001", "2011-10-06"), item("002"), item("003")]
    assert choose_event_date(ROWS[1:], dated) == "2011-10-05"
    later = (TimelineEntry("2011-10-09", "The funeral will be held on October 9.", ("001", "002", "003")),)
    assert choose_event_date(later + ROWS[1:], dated) == "2011-10-05"  # never after the newest article
    assert choose_event_date((), dated) == "2011-10-06"  # no dated event: the story is that old
    assert choose_event_date(ROWS, dated) == "2011-10-05"  # the news, not the birth two sources give


def test_an_older_day_one_source_gives_is_background_not_the_news():
    dated = [item("001", "2015-10-20"), item("002"), item("003"), item("004")]
    older = (TimelineEntry("2015-08-02", "Parliament was dissolved on August 2.", ("004",)),)
    assert choose_event_date(older, dated) == "2015-10-20"  # the story is as old as its first article
    most = (TimelineEntry("2015-10-12", "The storm made landfall on October 12.", ("001", "002", "003")),)
    assert choose_event_date(older + most, dated) == "2015-10-12"  # most sources do say it


def test_a_stray_publication_date_does_not_date_the_story():
    from generator.stories.compose import reference_date
    items = [item("01", "2019-03-08"), item("02", "2019-09-23"), item("03", "2019-09-23"), item("04", "2019-09-24")]
    assert reference_date(items) == "2019-09-23"
    assert choose_event_date([], items) == "2019-09-23"
    assert reference_date(items[:2]) == "2019-03-08"  # two dates: no majority to say which is stray
