"""Dates, in one place: one vocabulary, one grammar, one type for a date known only in part.

- vocabulary.py   month and weekday names, number words, the pattern of a date written in full
                  (`DATE_RE`), the words that are a date's rather than an event's (`DATE_WORDS`)
- partial.py      `PartialDate`: year, month or day precision ("2019", "2019-05", "2019-05-14"),
                  its period (`first`, `last`, `interval`), `contains`, `before`, `from_iso`;
                  `Interval`: a closed run of days (`overlaps`); `day_of` an ISO date or timestamp
- expressions.py  the grammar of date expressions: `parse_expression` ("on Tuesday", "in May
                  2019", "the 1990s", "nearly five years ago") -> `DateSpec`; `resolve` -> the
                  timeline's point (a PartialDate, none for a stretch like "the 1990s");
                  `interval` / `interval_of` -> the days it allows, for the claims
- written.py      `find_date`: full dates written on a page or in metadata (dateparser, or for
                  plain forms the speed-up generator.speedups.dates); `read_iso` for ISO values

Cleaning (find_date), extraction (nlp/dates.py), the timeline and the claims' date comparisons
(sections/claims/dating.py) all read dates through this package.

The models keep ISO strings (`DateMention.date`, `TimelineEntry.date`, `Story.event_date`,
`Article.published`): they are exported (docs/export-schema.md) and cached as they are, so code
converts at its edges with `PartialDate.from_iso` and `.iso` (or `day_of`). A publication date
may carry a time ("2025-07-04T15:25"), which a PartialDate does not: it stays a timestamp string.
"""
