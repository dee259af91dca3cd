"""Property: random edits of random items, then random articles added and removed, never lose an
edit and never make a conflict unless the edited item's own source text changed.

All in memory and fast: a small world of facts told by up to seven articles, a fake composer
(the sentence chosen for a fact is the one of the first article telling it, so adding or
removing an article changes the words of points, their support, their section and order),
the real templates, the real read-back and the real decisions. Each fact carries its own
number, as real claims carry their figures.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from generator.editorial.decisions import Decisions
from generator.editorial.ids import with_ids
from generator.models import Actor, Article, Item, Quote, Story, TimelineEntry
from tests.editorial.support import Desk, lines_of

FACTS = 12
ARTICLES = 7
ENDINGS = (".", ", officials said.", ", according to reports.", ", the agency said.")
NOUNS = ("council", "agency", "court", "ministry", "union", "board")
SECTIONS = ("In brief", "Background", "What we know", "What's next")


def sentence(fact: int, article: int, edition: int = 0) -> str:
    noun = NOUNS[fact % len(NOUNS)]
    ending = ENDINGS[(article + fact + edition) % len(ENDINGS)]
    extra = " once more" if edition % 2 else ""
    return f"Fact {fact}: the {noun} approved plan {fact * 7 + 3}{extra}{ending}"


def article(j: int, facts: frozenset[int], edition: dict[int, int]) -> Article:
    lines = tuple(sentence(k, j, edition.get(k, 0)) for k in sorted(facts))
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Article(f"{j:03d}", f"seeds/{j:03d}_outlet{j}.example.txt", lines, title=f"Title {j}",
                   outlet=f"Outlet {j}", published=f"2024-03-{j + 1:02d}", content_hash=digest)


def compose(present: dict[int, frozenset[int]], edition: dict[tuple[int, int], int]) -> Story:
    """The fake composer: the present articles (index -> facts) -> a Story with ids."""
    arts = {j: article(j, facts, {k: edition.get((j, k), 0) for k in facts}) for j, facts in sorted(present.items())}
    support: dict[int, list[int]] = {}
    for j, facts in sorted(present.items()):
        for k in facts:
            support.setdefault(k, []).append(j)
    items = {k: Item(arts[js[0]].paragraphs[sorted(present[js[0]]).index(k)], tuple(f"{j:03d}" for j in js))
             for k, js in support.items()}
    ranked = sorted(items, key=lambda k: (-len(support[k]), k))
    summary = ranked[:3]
    background = [k for k in ranked if k % 4 == 0 and k not in summary]
    nxt = [k for k in ranked if k % 5 == 1 and k not in summary + background]
    known = [k for k in ranked if k not in summary + background + nxt]
    timeline = tuple(TimelineEntry(f"2024-02-{k + 1:02d}", items[k].text, items[k].sources) for k in sorted(items)
                     if k % 3 == 0)
    actors = tuple(Actor(f"Person {m}", "person", (), f"official number {m}", 1, tuple(f"{j:03d}" for j in js),
                         (f"{js[0]:03d}",))
                   for m in range(3) if (js := [j for j in sorted(present) if (j + m) % 2 == 0]))
    quotes = tuple(Quote(f"Person {k % 3}", f"We did thing {k}", items[k].sources) for k in sorted(items) if k % 6 == 2)
    story = Story("story", "Headline", None, None, tuple(arts.values()),
                  summary=tuple(items[k] for k in summary), background=tuple(items[k] for k in background),
                  known=tuple(items[k] for k in known), whats_next=tuple(items[k] for k in nxt),
                  timeline=timeline, actors=actors, quotes=quotes)
    return with_ids(story)


# ---------------------------------------------------------------- edits of the page


@dataclass
class Expect:
    """What must hold on every page after the edits."""

    texts: list[str] = field(default_factory=list)  # the desk's words: always on the page
    gone: list[int] = field(default_factory=list)  # facts deleted: never on the page again
    roles: dict[str, str] = field(default_factory=dict)  # actor -> the desk's role, wherever it shows
    pairs: list[tuple[int, int, str]] = field(default_factory=list)  # (a, b, section): b before a when both there
    pinned: list[int] = field(default_factory=list)  # facts moved into In brief


def _bounds(lines: list[str], heading: str) -> tuple[int, int]:
    start = lines.index(f"## {heading}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return start, end


def bullets(lines: list[str], heading: str) -> list[int]:
    start, end = _bounds(lines, heading)
    return [i for i in range(start, end) if lines[i].startswith("- ") and "Fact " in lines[i]]


def fact_of(line: str) -> int | None:
    m = re.search(r"Fact (\d+):", line)
    return int(m.group(1)) if m else None


def _cut(line: str) -> int:
    return min([i for i in (line.find("[^"), line.find(" <span"), line.find(" <!--")) if i >= 0] + [len(line)])


def edit_page(page: str, ops: list[tuple], expect: Expect) -> str:
    """Apply the drawn edits to the page's lines, each on a line not edited before."""
    lines = lines_of(page)
    touched: set[int] = set()
    for n, (kind, section, pick, other) in enumerate(ops):
        heading = SECTIONS[section % len(SECTIONS)]
        rows = [i for i in bullets(lines, heading) if fact_of(lines[i]) not in touched]
        if kind == "role":
            actor_rows = [i for i, ln in enumerate(lines) if ln.startswith("| **Person ")]
            if actor_rows:
                i = actor_rows[pick % len(actor_rows)]
                cells = lines[i].split(" | ")
                name = re.search(r"\*\*(.*?)\*\*", cells[0]).group(1)
                cells[1] = f"desk role {n}"
                lines[i] = " | ".join(cells)
                expect.roles[name] = f"desk role {n}"
            continue
        if kind == "add":
            start, end = _bounds(lines, heading)
            at = rows[pick % len(rows)] + 1 if rows else start + 2
            lines[at:at] = ["", f"Desk paragraph {n} of our own.", ""]
            expect.texts.append(f"Desk paragraph {n} of our own.")
            continue
        if not rows:
            continue
        i = rows[pick % len(rows)]
        fact = fact_of(lines[i])
        touched.add(fact)
        if kind == "reword":
            lines[i] = f"- Desk wording {n} of fact number {fact}{lines[i][_cut(lines[i]):]}"
            expect.texts.append(f"Desk wording {n} of fact number {fact}")
        elif kind == "delete":
            del lines[i]
            expect.gone.append(fact)
        elif kind == "swap" and len(rows) > 1:
            j = rows[(pick + 1 + other % (len(rows) - 1)) % len(rows)]
            if fact_of(lines[j]) in touched:
                continue
            touched.add(fact_of(lines[j]))
            a, b = (i, j) if i < j else (j, i)
            expect.pairs.append((fact_of(lines[a]), fact_of(lines[b]), heading))
            lines[a], lines[b] = lines[b], lines[a]
        elif kind == "pin" and heading != "In brief":
            line = lines.pop(i)
            top = bullets(lines, "In brief")
            at = top[other % len(top)] if top else _bounds(lines, "In brief")[0] + 2
            lines.insert(at, line)
            expect.pinned.append(fact)
    return "\n".join(lines)


# ---------------------------------------------------------------- checks


def check(page: str, expect: Expect, where: str) -> None:
    lines = lines_of(page)
    for text in expect.texts:
        assert text in page, f"{where}: lost the desk's words {text!r}"
    shown = [fact_of(ln) for ln in lines if (ln.startswith("- ") or ln.startswith("| ")) and fact_of(ln) is not None
             and "Desk wording" not in ln]
    for fact in expect.gone:
        assert fact not in shown, f"{where}: deleted fact {fact} is back"
    for name, role in expect.roles.items():
        row = next((ln for ln in lines if ln.startswith(f"| **{name}**")), None)
        assert row is None or role in row, f"{where}: lost the role of {name}"
    for a, b, heading in expect.pairs:
        facts = [fact_of(lines[i]) for i in bullets(lines, heading)]
        if a in facts and b in facts:
            assert facts.index(b) < facts.index(a), f"{where}: lost the order of facts {a} and {b} in {heading}"
    brief = [fact_of(lines[i]) for i in bullets(lines, "In brief")]
    for fact in expect.pinned:
        if fact in shown:
            assert fact in brief, f"{where}: fact {fact} left In brief"


# ---------------------------------------------------------------- the properties

OPS = st.lists(st.tuples(st.sampled_from(["reword", "delete", "swap", "role", "add", "pin"]),
                         st.integers(0, 3), st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=6)
WORLD = st.lists(st.frozensets(st.integers(0, FACTS - 1), min_size=2, max_size=FACTS), min_size=ARTICLES,
                 max_size=ARTICLES)
ROUND = st.tuples(st.sampled_from(["add", "remove"]), st.integers(0, ARTICLES - 1))


def _round(present: dict, world: list, op: tuple) -> dict:
    kind, j = op
    present = dict(present)
    if kind == "add":
        present[j] = world[j]
    elif len(present) > 1:
        present.pop(sorted(present)[j % len(present)])
    return present


def articles_come_and_go(world, first, ops, rounds) -> None:
    """Edit the first page, then add and remove articles round after round, checking each page."""
    present = {j: world[j] for j in range(first)}
    desk = Desk(Decisions("story"))
    page = desk.publish(compose(present, {}))
    expect = Expect()
    desk.edit(edit_page(page, ops, expect))
    for n, op in enumerate(rounds):
        present = _round(present, world, op)
        page = desk.publish(compose(present, {}))
        assert desk.applied.conflicts == (), f"round {n}: a conflict without any source text changing"
        check(page, expect, f"round {n} ({op})")


def sources_rewritten(world, ops, changes) -> None:
    """Edit the first page, then change the words of some facts in some articles."""
    present = {j: world[j] for j in range(4)}
    desk = Desk(Decisions("story"))
    page = desk.publish(compose(present, {}))
    expect = Expect()
    desk.edit(edit_page(page, ops, expect))
    before = desk.applied.story
    files = {a.key: a.file for a in before.sources}
    edition = {(j, k): 1 for j, k in changes}
    page = desk.publish(compose(present, edition), files)
    changed = {f"{j:03d}" for j, k in changes if k in present[j]}
    changed_keys = {a.key for a in before.sources if a.source_id in changed}
    for ident, _ in desk.applied.conflicts:
        d = desk.decisions.items[ident]
        assert d.text is not None and set(d.sources) & changed_keys, f"conflict on {ident} whose sources did not change"
    for text in expect.texts:
        assert text in page  # even in conflict, the page keeps the desk's words


CHANGES = st.lists(st.tuples(st.integers(0, 3), st.integers(0, FACTS - 1)), min_size=1, max_size=3)


@given(WORLD, st.integers(2, 4), OPS, st.lists(ROUND, min_size=1, max_size=3))
@hsettings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_edits_survive_articles_coming_and_going_without_a_conflict(world, first, ops, rounds):
    articles_come_and_go(world, first, ops, rounds)


@given(WORLD, OPS, CHANGES)
@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_conflict_only_where_an_edited_items_own_source_text_changed(world, ops, changes):
    sources_rewritten(world, ops, changes)
