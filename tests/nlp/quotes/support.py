"""Helpers for the quote tests: the extractor run on invented paragraphs, and the seed gold's
quote figures (tests/gold/README.md, "Quotes")."""

from __future__ import annotations

from rapidfuzz import fuzz

from generator.models import Actor, Article, QuoteMention
from generator.nlp.quotes.extract import extract_quotes
from generator.sections.quotes import normalise
from tests.conftest import parse

RECALL_FLOOR = 0.9
SPEAKER_FLOOR = 0.9


def quotes_of(*paragraphs: str) -> list[QuoteMention]:
    """Run the extractor on invented paragraphs, as analyse does on a cleaned article."""
    from generator.nlp.parsed import ParsedArticle

    article = Article("t", "t.txt", tuple(paragraphs))
    doc = parse(article.text)
    return extract_quotes(ParsedArticle.of(article, doc))


def speaker_for(quotes: list[QuoteMention], start: str) -> str | None:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert hits, f"no quotation starting {start!r} in {[q.text for q in quotes]}"
    return hits[0].speaker


def same_text(a: str, b: str) -> bool:
    """"Near-identical text", as the gold README measures quotes."""
    return fuzz.ratio(normalise(a), normalise(b)) >= 90


def gold_names(gold: dict, speaker: str) -> set[str]:
    names = {speaker.lower()}
    for actor in gold["actors"]:
        if actor["name"] == speaker:
            names |= {a.lower() for a in actor.get("aliases") or ()}
    return names


def gold_actor_list(gold: dict) -> list[Actor]:
    """Test-only actors built from the gold (the quotes section without the actors stage's errors)."""
    weight = {"central": 30, "supporting": 10, "mentioned": 1}
    return [
        Actor(a["name"], a["kind"], tuple(a.get("aliases") or ()), a.get("role"),
              weight.get(a.get("importance"), 1), tuple(a.get("sources") or ()))
        for a in gold["actors"]
    ]



def seed_quote_figures(gold, found: list[tuple[str, str | None, tuple[str, ...]]]) -> tuple[float, float]:
    """(recall, share of matched quotes with the right speaker) over the gold quotes."""
    matched = right = 0
    for g in gold["quotes"]:
        hits = [f for f in found if same_text(f[0], g["text"]) and set(g["sources"]) & set(f[2])]
        if not hits:
            continue
        matched += 1
        names = gold_names(gold, g["speaker"])
        right += any((speaker or "").lower() in names for _, speaker, _ in hits)
    total = len(gold["quotes"])
    return matched / total, (right / matched if matched else 0.0)
