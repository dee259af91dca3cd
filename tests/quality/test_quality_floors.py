"""Quality floors and ceilings: the real pipeline on the seeds and on every corpus event, each
generated alone, scored against the gold annotations (tests/gold/, definitions in its README) and
by the mechanical line audit (evaluation/line_audit.py); CI fails when a figure crosses its bound.

Floors only go up and ceilings only go down (as in trafilatura's evaluation): move one when a
change improves its figure, never to let a change pass. They stand at what main's generator
measured once verification held back every line that fails it (issue 16); where that is below an
issue's target, the target is named beside it. `python -m evaluation --details` shows what is
missed and every flagged line. Run alone with `pytest -m quality`.
"""

from __future__ import annotations

import pytest

from evaluation.report import audit_values, values
from evaluation.run import events
from tests.paths import HAVE_CORPUS, NO_CORPUS, ROOT

pytestmark = pytest.mark.quality

# event -> figure -> the least acceptable value (figure >= floor). The ONE place floors are set.
FLOORS: dict[str, dict[str, float]] = {
    "seed": {
        "story.gold_sources": 1.0,  # share of the gold's articles in the story the page tells
        "cleaning.boilerplate_removed": 1.0,  # share of gold boilerplate lines cleaned out of the bodies
        "cleaning.body_kept": 1.0,  # share of gold body lines kept
        "metadata.title": 1.0,  # share of sources whose title is right (null where the gold says null)
        "metadata.published": 1.0,  # share of sources whose publication date is right
        "metadata.author": 1.0,  # share of sources whose author is right
        "actors.recall": 1.0,  # share of central and supporting gold actors on the page
        "actors.central": 1.0,  # share of central gold actors on the page (issue 16: every one)
        "actors.precision": 1.0,  # share of the page's actors that are gold actors
        "actors.aliases_merged": 0.93,  # share of gold aliases (seen in the bodies) merged into their actor
        "actors.person_roles": 1.0,  # share of found persons whose role has half the gold role's words
        "timeline.recall": 0.83,  # share of gold timeline entries on the timeline, same date and precision (1.0 before: two are 004's alone; source 004 reads as garbled (spun: "this stamped ended", "..., saying.") and a claim only it makes is held, issue 16 item 9)
        "timeline.precision": 1.0,  # share of timeline rows that are gold entries
        "timeline.date_precision": 1.0,  # share of rows about a gold event dated as the gold dates it
        "quotes.recall": 0.73,  # gold quotes among key quotes or shown with their speaker in a statement (target 0.8; 0.8 before: the "U.S. officials" quote is 004's alone; source 004 reads as garbled (spun: "this stamped ended", "..., saying.") and a claim only it makes is held, issue 16 item 9)
        "quotes.recall_all": 0.40,  # every gold quote among key quotes (0.46 before: 004's quote held, as above). 0.6 before that: two phrases Kabulov is quoted with are shown, with his name, inside What we know lines; a key quote would repeat them (issue 16: one fact, one place)
        "quotes.speaker": 1.0,  # share of found key quotes given to the gold speaker
        "known.recall": 0.7,  # share of gold facts in In brief, What we know, Background or the Timeline (31 of 44; 0.65 before the Timeline counted: a Known or Background point a row gives whole shows there alone, with its date; the target, 0.7; 29 of 44, 0.70 before: five gold facts are 004's alone, source 004 reads as garbled (spun: "this stamped ended", "..., saying.") and a claim only it makes is held, issue 16 item 9; 0.79 before precision first: a line must stand alone, every counted source state it, and a point said in other words higher on the page is not said again: "In April this year, the Supreme Court removed..." after "...that status was revoked in April 2025")
        "known.support": 0.67,  # share of found facts with an item citing every gold source of the fact (21 of 31, 0.677, since the Timeline counts: two more facts found, a dated row of one source each; 20 of 29 before; 0.70 before: two facts 004 alone gave, trivially supported, held as above)
        "known.verified": 1.0,  # share of statement lines whose every cited source states them
        "open_questions.recall": 0.66,  # share of gold open questions in What we don't know or What's next (1.0 before: two are 004's alone, held as above)
        "discrepancies.factual_found": 2,  # factual gold discrepancies shown (both: the target)
        "discrepancies.real": 1.0,  # share of shown disputes that are factual or minor gold ones (the target)
        "traceability.traceable": 1.0,  # share of statements near-verbatim in a source they cite
        "headline.words": 0.85,  # share of the gold headline's content words in the headline
        "headline.event_date": 1.0,  # the story's event date is the gold's
    },
    "finland-joins-nato": {
        "story.gold_sources": 1.0,  # share of the gold's articles in the story
        "cleaning.body_kept": 1.0,  # share of gold body lines kept (it has no boilerplate lines)
        "metadata.title": 1.0,  # share of sources whose title is right
        "metadata.published": 1.0,  # share of sources whose publication date is right
        "metadata.author": 1.0,  # share of sources whose author is right
        "actors.recall": 1.0,  # share of central and supporting gold actors on the page
        "actors.central": 1.0,  # share of central gold actors on the page
        "actors.precision": 1.0,  # share of the page's actors that are gold actors
        "actors.aliases_merged": 0.9,  # share of gold aliases merged into their actor
        "actors.person_roles": 1.0,  # share of found persons whose role is right
        "timeline.recall": 0.8,  # share of gold timeline entries on the timeline (rows are dated by the event their sentence reports)
        "timeline.precision": 1.0,  # share of timeline rows that are gold entries
        "timeline.date_precision": 1.0,  # share of rows about a gold event dated as the gold dates it
        "quotes.recall": 0.8,  # gold quotes among key quotes or shown with their speaker in a statement (1.0 before: five are garbled source 05's alone, now held like its statements, issue 16 item 9)
        "quotes.recall_all": 0.68,  # every gold quote among key quotes (0.88 before, as above)
        "quotes.speaker": 1.0,  # share of found key quotes given to the gold speaker
        "known.recall": 0.53,  # share of gold facts on the page, the Timeline included (14 of 26; 0.42 before it counted; 0.69 before: source 05, machine-translated, is labelled garbled and a claim only it makes is held, issue 16 item 9)
        "known.support": 0.27,  # share of found facts citing every gold source of it (source 05 garbled: never counted)
        "known.verified": 1.0,  # share of statement lines whose every cited source states them
        # share of gold open questions on the page (one is source 05's alone). 0.75 before: the
        # countermeasures question was shown as the bare "Relevant action will be taken.", a
        # speaker's words inside a quotation shown as the page's own line; it is now held (issue 16)
        "open_questions.recall": 0.5,
        "discrepancies.factual_found": 0,  # factual gold discrepancies shown (of 2)
        "traceability.traceable": 1.0,  # share of statements near-verbatim in a source they cite
        "headline.words": 0.5,  # share of the gold headline's content words in the headline
        "headline.event_date": 1.0,  # the story's event date is the gold's
    },
    "morocco-earthquake": {
        "story.gold_sources": 1.0,  # share of the gold's articles in the story
        "cleaning.boilerplate_removed": 1.0,  # share of gold boilerplate lines cleaned out
        "cleaning.body_kept": 1.0,  # share of gold body lines kept
        "metadata.title": 1.0,  # share of sources whose title is right
        "metadata.published": 1.0,  # share of sources whose publication date is right
        "metadata.author": 1.0,  # share of sources whose author is right
        "actors.recall": 1.0,  # share of central and supporting gold actors on the page
        "actors.central": 1.0,  # share of central gold actors on the page
        "actors.precision": 1.0,  # share of the page's actors that are gold actors
        "actors.aliases_merged": 1.0,  # share of gold aliases merged into their actor
        "actors.person_roles": 0.57,  # share of found persons whose role is right (roles held as verb phrases)
        "timeline.recall": 1.0,  # share of gold timeline entries on the timeline
        "timeline.precision": 0.80,  # share of timeline rows that are gold entries (0.85 before one event, one row: the 9 September toll row is held as the same event as the row on the survivors, which gives the same toll; 0.83 before rows of one date need fewer shared words to be one event: the "Late on Friday evening ... magnitude 6.9" row, a gold entry, is held as the same quake as the "Friday's magnitude 6.8 quake" row two sources state, which stays; recall stays 5 of 5; 4 of 5 rows are gold entries)
        "timeline.date_precision": 1.0,  # share of rows about a gold event dated as the gold dates it
        "quotes.recall": 1.0,  # gold quotes among key quotes or shown with their speaker in a statement
        "quotes.recall_all": 0.88,  # every gold quote among key quotes
        "quotes.speaker": 1.0,  # share of found key quotes given to the gold speaker
        "known.recall": 0.83,  # share of gold facts in In brief, What we know, Background or the Timeline (0.8 before it counted)
        "known.support": 0.37,  # share of found facts citing every gold source of it (citations pruned to the sources that state the line)
        "known.verified": 1.0,  # share of statement lines whose every cited source states them
        "open_questions.recall": 1.0,  # share of gold open questions on the page
        "discrepancies.factual_found": 2,  # factual gold discrepancies shown (of 2: the injured counts of two days are minor)
        "discrepancies.real": 1.0,  # share of shown disputes that are factual or minor gold ones
        "traceability.traceable": 1.0,  # share of statements near-verbatim in a source they cite
        "headline.words": 0.22,  # share of the gold headline's content words in the headline
        "headline.event_date": 1.0,  # the story's event date is the gold's
    },
}

# The mechanical line audit, on every event: the share of lines flagged (issue 16's target is at
# most 5%; main measures 0 everywhere), and never a false dispute, a leak or a navigation headline.
AUDIT_CEILINGS = {"audit.flag_rate": 0.0, "audit.dispute": 0, "audit.leak": 0, "audit.headline": 0}
# event -> figure -> the greatest acceptable value (figure <= ceiling). The ONE place ceilings are set.
CEILINGS: dict[str, dict[str, float]] = {
    "seed": AUDIT_CEILINGS | {
        "discrepancies.false": 3,  # disputes shown that the gold calls wording, garbled or compatible (target 0)
        "actors.splits": 0,  # gold actors shown as two actors
        "actors.conflated": 0,  # page actors that are two gold actors
    },
    "chandrayaan3-landing": AUDIT_CEILINGS,
    "finland-joins-nato": AUDIT_CEILINGS | {
        "discrepancies.false": 2,  # disputes shown that the gold calls wording (two renderings of a remark)
        "actors.splits": 0,  # gold actors shown as two actors
        "actors.conflated": 0,  # page actors that are two gold actors
    },
    "morocco-earthquake": AUDIT_CEILINGS | {
        "discrepancies.false": 0,  # disputes shown that the gold calls wording, garbled or compatible
        "actors.splits": 0,  # gold actors shown as two actors
        "actors.conflated": 0,  # page actors that are two gold actors
    },
    "svb-collapse": AUDIT_CEILINGS,
}


def figures(result: dict) -> dict:
    return (values(result["gold"]) if result["gold"] else {}) | audit_values(result["audit"])


def bounds(table: dict[str, dict[str, float]]) -> list[tuple[str, str, float]]:
    return [(event, figure, bound) for event, by_figure in table.items() for figure, bound in by_figure.items()]


@pytest.mark.slow
@pytest.mark.parametrize(("event", "figure", "floor"), bounds(FLOORS), ids=str)
def test_quality_floor(event_results, event, figure, floor):
    got = figures(event_results(event))[figure]
    assert got is not None, f"{event} {figure}: nothing measured (floor {floor})"
    assert got >= floor, f"{event} {figure} = {got}, below its floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize(("event", "figure", "ceiling"), bounds(CEILINGS), ids=str)
def test_quality_ceiling(event_results, event, figure, ceiling):
    got = figures(event_results(event))[figure]
    assert got is not None and got <= ceiling, f"{event} {figure} = {got}, above its ceiling {ceiling}"


def test_every_event_with_gold_bounds_has_a_gold_file():
    for table in (FLOORS, CEILINGS):
        for event, by_figure in table.items():
            if any(not f.startswith("audit.") for f in by_figure):
                path = ROOT / ("tests/gold/seed_gold.yaml" if event == "seed" else f"tests/gold/corpus/{event}.yaml")
                assert path.is_file(), f"{event}: bounds on gold figures but no gold annotation at {path}"


def test_every_event_has_audit_ceilings():
    """A corpus event added to ../shared/corpus must get its ceilings here (seeds and corpus alike)."""
    if not HAVE_CORPUS:
        pytest.skip(NO_CORPUS)
    assert sorted(e.name for e in events(ROOT)) == sorted(CEILINGS)
    assert all(AUDIT_CEILINGS.items() <= c.items() for c in CEILINGS.values())
