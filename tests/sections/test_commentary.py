"""Commentary: a source whose writer speaks in the first person is opinion, not a report."""

from __future__ import annotations

from generator.models import AnalysedArticle, Article, ArticleAnalysis
from generator.publish.source_view import source_entry
from generator.sections.claims.commentary import find, first_person_share

COLUMN = ("I sat through seven weeks of the trial in Harlow, and I never got used to it.",
          "What I saw in that courtroom stayed with me long after the jury left.",
          "The verdict, to my mind, was the only one the jurors could reach.",
          "I have covered many trials, but none drew crowds like this one did.",
          "The jury found for the plaintiff on all three counts on Wednesday afternoon.",
          "The defendant's lawyers said they would appeal the ruling next month.")
REPORT = ("The jury found for the plaintiff on all three counts on Wednesday afternoon.",
          "“I am grateful to the jury,” the plaintiff told reporters outside the court.",
          "“My life begins again today,” she said, adding that she would rest.",
          "The defendant's lawyers said they would appeal the ruling next month.")


def item(sid: str, paragraphs: tuple[str, ...]) -> AnalysedArticle:
    return AnalysedArticle(Article(sid, f"seeds/{sid}.txt", paragraphs), ArticleAnalysis(sid, ()))


def test_the_writers_own_first_person_makes_a_column():
    assert first_person_share(COLUMN) == (4, 6)
    assert find([item("001", COLUMN), item("002", REPORT)]) == {"001"}


def test_first_person_inside_quotation_marks_is_a_speakers_not_the_writers():
    assert first_person_share(REPORT) == (0, 4)
    # ... and in a speech quoted over paragraphs after "she said:", its marks left open as copy does
    speech = ("The mayor resigned on Friday after losing the vote in the council.", "In a speech outside the town hall she said:",
              "\u201cI have served this town for six years and I am proud of it.", "I will not stand again and I thank my staff.",
              "I think the town needs fresh leadership now.\u201d", "Her deputy will lead the council until an election in May.")
    assert first_person_share(speech) == (0, 3)


def test_the_sources_list_says_a_source_is_an_opinion_piece():
    entry = source_entry(Article("001", "seeds/001.txt", COLUMN, title="What I saw"), 1, "src-1", None, opinion=True)
    assert entry["opinion"] is True
