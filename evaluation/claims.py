"""The figures of the statement sections: what we know, what we don't know, disagreements.

They follow the page's rules since verification (issue 16): a fact is shown once, in In brief,
What we know, Background or the Timeline (which dates it), so a gold fact is found in any of them; every published statement
must be stated by each source it cites, which `known.verified` measures with the generator's
own support rule; a disagreement is real only when the gold calls it so (`kind`).
"""

from __future__ import annotations

import re

from generator.text.support import prepared, why_unsupported

from .metrics import Section, alternatives, count, ratio, section
from .text import fold, normalise, same_claim

FACT_SECTIONS = ("summary", "known", "background", "timeline")  # the sections that state facts, each fact once
VERIFIED_SECTIONS = ("summary", "background", "known", "whats_next")  # + unknown items but disputed ones
REAL_KINDS = ("factual", "minor")  # a page may show these as disagreements
FALSE_KINDS = ("wording", "garbled", "compatible")  # a page must not
KINDS = REAL_KINDS + FALSE_KINDS
QUOTED_VALUE = re.compile(r'"([^"]+)"')


def _evidence(entry: dict) -> list[str]:
    return [s for v in (entry.get("evidence") or {}).values() for s in alternatives(v)]


def fact_items(story: dict) -> list[tuple[str, dict]]:
    return [(name, it) for name in FACT_SECTIONS for it in story.get(name, [])]


def known(gold: dict, story: dict) -> Section:
    """`recall`: a gold fact is found when an item of In brief, What we know, Background or the Timeline matches
    one of its evidence sentences (the page states each fact once, In brief first). `support`: of
    the facts found, the share with a matching item that cites every gold source of the fact.
    `verified`: see `verified`."""
    facts, items = gold.get("facts", []), fact_items(story)
    found = complete = 0
    missed: list[str] = []
    partial: list[str] = []
    where: dict[str, int] = {}
    for fact in facts:
        evidence = _evidence(fact)
        matching = [(name, it) for name, it in items if any(same_claim(it.get("text", ""), ev) for ev in evidence)]
        if not matching:
            missed.append(fact["claim"])
            continue
        found += 1
        where[matching[0][0]] = where.get(matching[0][0], 0) + 1
        want = {str(s) for s in fact.get("sources", [])}
        if any(want <= {str(s) for s in it.get("sources", [])} for _, it in matching):
            complete += 1
        else:
            partial.append(f"{fact['claim']} (gold {sorted(want)})")
    shown, unverified = verified(story)
    return section({"recall": ratio(found, len(facts)), "support": ratio(complete, found),
                    "verified": ratio(shown - len(unverified), shown)},
                   {"found_in": [f"{name}: {n}" for name, n in where.items()], "missed": missed,
                    "incomplete_support": partial, "unverified": unverified})


def verified(story: dict) -> tuple[int, list[str]]:
    """Precision of the statements: (how many published statement lines, those not verified).

    A line (In brief, Background, What we know, What's next, an open question or single-source
    item) is verified when it cites a source and every source it cites states it under the
    generator's support rule (generator/text/support.py: the same numbers, names and polarity).
    Disputed items are measured by `discrepancies`."""
    texts = {str(s.get("id")): s.get("text") or "" for s in story.get("sources", [])}
    lines = [(name, it) for name in VERIFIED_SECTIONS for it in story.get(name, [])]
    lines += [(u.get("kind") or "unknown", u) for u in story.get("unknown", []) if u.get("kind") != "disputed"]
    bad: list[str] = []
    for name, it in lines:
        cited = [str(s) for s in it.get("sources", [])]
        reasons = [f"{sid}: {why}" for sid in cited
                   if (why := why_unsupported(it.get("text", ""), prepared(texts.get(sid, "")))) is not None]
        if not cited or reasons:
            bad.append(f"{name}: {it.get('text', '')[:80]} ({'; '.join(reasons) or 'cites no source'})")
    return len(lines), bad


def open_questions(gold: dict, story: dict) -> Section:
    """A gold open question is found when an item of What we don't know or What's next matches its
    evidence: the page shows a point once, and a forward-looking one ("could open the door to…")
    stands in What's next, higher on the page, rather than again among the open questions."""
    questions = gold.get("open_questions", [])
    items = story.get("unknown", []) + story.get("whats_next", [])
    missed = [q["question"] for q in questions
              if not any(same_claim(it.get("text", ""), ev) for it in items for ev in _evidence(q))]
    return section({"recall": ratio(len(questions) - len(missed), len(questions))}, {"missed": missed})


# ---------------------------------------------------------------- disagreements


def kind_of(disc: dict) -> str:
    """A gold discrepancy's kind; one annotated before kinds existed counts as factual."""
    return str(disc.get("kind") or "factual")


def variants_carried(item: dict, disc: dict) -> int:
    """How many of the gold variants a `disputed` item carries, each under its own source."""
    got = {str(k): v for k, v in (item.get("variants") or {}).items()}
    return sum(1 for sid, want in (disc.get("variants") or {}).items()
               if str(sid) in got and any(same_claim(got[str(sid)], w) for w in alternatives(want)))


def shown_values(item: dict) -> list[str]:
    """The values a disputed item sets against each other: the quoted ones of its neutral label
    ('Titles differ for X: "acting Foreign Minister" vs "Taliban Foreign Minister"')."""
    return QUOTED_VALUE.findall(normalise(item.get("text", "")))


def item_matches(item: dict, disc: dict) -> bool:
    """The README's rule (the item carries at least two of the gold variants, one if the gold has
    one) and, when the item's label shows two or more values, each value is words of one of the
    gold variants. The second part tells apart two points the same sentences carry: the item
    '"the first country" vs "the first major world power"' is the gold's "first country vs first
    major power" (compatible), not its "how long the Taliban have been in power" (factual), though
    it carries the variants of both."""
    if variants_carried(item, disc) < max(1, min(2, len(disc.get("variants") or {}))):
        return False
    values = shown_values(item)
    sentences = [fold(s) for v in (disc.get("variants") or {}).values() for s in alternatives(v)]
    return len(values) < 2 or all(any(fold(v) in s for s in sentences) for v in values)


def discrepancies(gold: dict, story: dict) -> Section:
    """`factual_found` / `recall`: the gold's factual discrepancies shown by a matching disputed item.
    `false`: disputed items matching a wording, garbled or compatible one (not disagreements).
    `real`: the share of shown disputed items that match a factual or minor one (precision)."""
    discs = gold.get("discrepancies", [])
    disputed = [u for u in story.get("unknown", []) if u.get("kind") == "disputed"]
    matches = [[d for d in discs if item_matches(u, d)] for u in disputed]
    factual = [d for d in discs if kind_of(d) == "factual"]
    found = [d for d in factual if any(d in m for m in matches)]
    false = [(u, m) for u, m in zip(disputed, matches) if any(kind_of(d) in FALSE_KINDS for d in m)]
    real = [u for u, m in zip(disputed, matches) if any(kind_of(d) in REAL_KINDS for d in m)]
    unmatched = [u for u, m in zip(disputed, matches) if not m]
    return section({"factual_found": count(len(found), len(factual)), "recall": ratio(len(found), len(factual)),
                    "false": count(len(false), len(disputed)), "real": ratio(len(real), len(disputed))},
                   {"found": [d["topic"] for d in found],
                    "missed": [d["topic"] for d in factual if d not in found],
                    "false": [f"{u.get('text', '')[:70]} = {', '.join(d['topic'] + ' (' + kind_of(d) + ')' for d in m)}"
                              for u, m in false],
                    "not_gold": [u.get("text", "")[:80] for u in unmatched]})
