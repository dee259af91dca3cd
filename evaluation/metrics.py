"""The figures of `tests/gold/README.md`, one pure function per part of the page.

Each function takes the gold annotation (a dict as loaded from YAML) and one story of an
export (a dict as in `docs/export-schema.md`, its source ids already mapped to the gold's)
and returns a Section: {"figures": {name: FIGURE}, "details": {name: [...]}}, where FIGURE is
{"value": float | int | None, "hits": int, "total": int}. `None` means nothing to measure.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from rapidfuzz import fuzz

from .text import (content_words, fold, names_overlap, normalise, occurs, quote_key, same_name, same_quote,
                   share_of_words, words)

Figure = dict[str, Any]
Section = dict[str, dict[str, Any]]

RECALL_IMPORTANCE = ("central", "supporting")  # README: actor recall is over these
EVENT_WORDS = 0.3  # timeline: share of the gold event's content words
EVIDENCE_WORDS = 0.5  # timeline: or share of its evidence sentence's content words
ROLE_WORDS = 0.5  # person role: share of the gold role's content words
PARAGRAPH_SAME = 90  # a kept boilerplate line that was only trimmed (ratio with a paragraph)
AUTHOR_FILLER = {"and", "by"}


def ratio(hits: int, total: int) -> Figure:
    return {"value": round(hits / total, 4) if total else None, "hits": hits, "total": total}


def count(n: int, total: int) -> Figure:
    return {"value": n, "hits": n, "total": total}


def section(figures: dict[str, Figure], details: dict[str, list] | None = None) -> Section:
    return {"figures": figures, "details": details or {}}


def alternatives(value: Any) -> list[str]:
    """A gold verbatim field: one sentence, or a list of acceptable ones."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# ---------------------------------------------------------------- cleaning


def raw_lines(raw: str, fragments: Iterable[str] = ()) -> list[str]:
    """Non-empty lines of a raw file, normalised, with the gold's neutral fragments cut out."""
    out = []
    for line in raw.splitlines():
        for fragment in fragments:
            line = line.replace(fragment, "")
        line = normalise(line)
        if line:
            out.append(line)
    return out


def body_lines(source: dict, raw: str) -> list[str]:
    """README: every non-empty line that is neither boilerplate nor neutral is article body."""
    drop = {normalise(x) for x in (source.get("boilerplate_lines") or []) + (source.get("neutral_lines") or [])}
    kept = [ln for ln in raw_lines(raw, source.get("neutral_fragments") or []) if ln not in drop]
    return list(dict.fromkeys(kept))


def boilerplate_kept(line: str, text: str) -> bool:
    """A boilerplate line is still in the text: as a line, or (5+ words) verbatim or barely trimmed.

    Exact, not fuzzy, inside paragraphs: a teaser that repeats the lead ("... as its ambassador
    in…") must not count as kept because the lead itself is.
    """
    key = fold(line)
    paragraphs = [fold(p) for p in text.splitlines() if p.strip()]
    if key in paragraphs:
        return True
    if len(words(line)) < 5:
        return False
    return key in fold(text) or any(fuzz.ratio(key, p) >= PARAGRAPH_SAME for p in paragraphs)


# What cleaning may take off the front of a body paragraph, listing it as removed: the line's
# rest is still the body ("AMIZMIZ: Rescuers dug ..." is kept as "Rescuers dug ...").
OPENER_REASONS = frozenset({"dateline", "page label"})


def cleaning(gold: dict, raw_texts: dict[str, str], exported: dict[str, dict]) -> Section:
    """Share of boilerplate lines absent from sources[].text; share of body lines present (a
    dateline or label taken off a paragraph's front, and listed as removed, aside)."""
    removed = total_bp = kept = total_body = 0
    left_in: list[str] = []
    lost: list[str] = []
    for src in gold.get("sources", []):
        sid = str(src["id"])
        text = (exported.get(sid) or {}).get("text") or ""
        for line in src.get("boilerplate_lines") or []:
            total_bp += 1
            if boilerplate_kept(line, text):
                left_in.append(f"{sid}: {line[:80]}")
            else:
                removed += 1
        openers = [normalise(r["line"]) for r in (exported.get(sid) or {}).get("removed") or []
                   if r.get("reason") in OPENER_REASONS]
        for line in body_lines(src, raw_texts.get(sid, "")):
            total_body += 1
            if occurs(line, text) or any(line.startswith(o) and occurs(line[len(o):], text) for o in openers if o):
                kept += 1
            else:
                lost.append(f"{sid}: {line[:80]}")
    return section({"boilerplate_removed": ratio(removed, total_bp), "body_kept": ratio(kept, total_body)},
                   {"boilerplate_left": left_in, "body_lost": lost})


# ---------------------------------------------------------------- metadata


def _author_words(author: str | None) -> set[str]:
    return {w for w in words(author or "") if w not in AUTHOR_FILLER}


def metadata_right(field: str, want: Any, got: Any) -> bool:
    """Title near-identical, published date part equal, author the same names; null where null."""
    if want is None or want == "":
        return got in (None, "")
    if got in (None, ""):
        return False
    if field == "published":
        return str(got)[:10] == str(want)[:10]
    if field == "author":
        return _author_words(str(got)) == _author_words(str(want))
    a, b = fold(str(got)).rstrip(". "), fold(str(want)).rstrip(". ")
    return a == b or fuzz.ratio(a, b) >= 95


def metadata(gold: dict, exported: dict[str, dict]) -> Section:
    figures: dict[str, Figure] = {}
    wrong: list[str] = []
    all_hits = all_total = 0
    for field in ("title", "published", "author"):
        hits = total = 0
        for src in gold.get("sources", []):
            sid = str(src["id"])
            got = (exported.get(sid) or {}).get(field)
            total += 1
            if metadata_right(field, src.get(field), got):
                hits += 1
            else:
                wrong.append(f"{sid} {field}: got {got!r}, gold {src.get(field)!r}")
        figures[field] = ratio(hits, total)
        all_hits, all_total = all_hits + hits, all_total + total
    figures["all"] = ratio(all_hits, all_total)
    return section(figures, {"wrong": wrong})


# ---------------------------------------------------------------- actors


def names_of(actor: dict) -> list[str]:
    return [actor.get("name") or "", *(actor.get("aliases") or [])]


def actor_matches(gold_actors: list[dict], export_actors: list[dict]) -> list[list[int]]:
    """For each gold actor, the indices (page order) of the export actors that are it."""
    export_names = [names_of(a) for a in export_actors]
    return [[i for i, names in enumerate(export_names) if names_overlap(names_of(g), names)]
            for g in gold_actors]


def _alias_in_body(alias: str, body_text: str | None) -> bool:
    return body_text is None or f" {' '.join(words(alias))} " in f" {' '.join(words(body_text))} "


def _role_right(gold_role: str | None, role: str | None) -> bool:
    want = content_words(gold_role or "")
    return bool(want) and share_of_words(want, content_words(role or "")) >= ROLE_WORDS


def _aliases_and_roles(gold_actors: list[dict], exp: list[dict], matches: list[list[int]],
                       found: list[int], body_text: str | None) -> tuple[Figure, Figure, list[str]]:
    """Aliases carried by the (first) export actor of each found gold actor; roles of the found
    central/supporting persons right (README: >= half of the gold role's content words)."""
    alias_hits = alias_total = role_hits = role_total = 0
    wrong_roles: list[str] = []
    for i in found:
        g, primary = gold_actors[i], exp[matches[i][0]]
        for alias in g.get("aliases") or []:
            if _alias_in_body(alias, body_text):
                alias_total += 1
                alias_hits += any(same_name(alias, n) for n in names_of(primary))
        if g.get("kind") == "person":
            role_total += 1
            if _role_right(g.get("role"), primary.get("role")):
                role_hits += 1
            else:
                wrong_roles.append(f"{g['name']}: {primary.get('role')!r}")
    return ratio(alias_hits, alias_total), ratio(role_hits, role_total), wrong_roles


def actors(gold: dict, story: dict, body_text: str | None = None) -> Section:
    """Recall (central+supporting), central (issue 16: every central actor present), precision
    (any gold actor), splits, aliases, person roles.

    Aliases count only when they occur in the article bodies (`body_text`): one seen only in
    a photo caption cannot be merged by a generator that rightly drops the caption.
    """
    gold_actors, exp = gold.get("actors", []), story.get("actors", [])
    matches = actor_matches(gold_actors, exp)
    core = [i for i, g in enumerate(gold_actors) if g.get("importance") in RECALL_IMPORTANCE]
    found = [i for i in core if matches[i]]
    central = [i for i in core if gold_actors[i].get("importance") == "central"]
    matched_export = {j for m in matches for j in m}
    aliases, roles, wrong_roles = _aliases_and_roles(gold_actors, exp, matches, found, body_text)
    splits = [f"{gold_actors[i]['name']}: " + " | ".join(exp[j]["name"] for j in m)
              for i, m in enumerate(matches) if len(m) > 1]
    conflated = [exp[j]["name"] + ": " + " | ".join(gold_actors[i]["name"] for i, m in enumerate(matches) if j in m)
                 for j in range(len(exp)) if sum(j in m for m in matches) > 1]
    figures = {
        "recall": ratio(len(found), len(core)),
        "central": ratio(sum(1 for i in central if matches[i]), len(central)),
        "precision": ratio(len(matched_export), len(exp)),
        "aliases_merged": aliases,
        "person_roles": roles,
        "splits": count(len(splits), len(gold_actors)),
        "conflated": count(len(conflated), len(exp)),
    }
    details = {
        "missed": [gold_actors[i]["name"] for i in core if not matches[i]],
        "not_gold": [a["name"] for j, a in enumerate(exp) if j not in matched_export],
        "splits": splits,
        "conflated": conflated,
        "wrong_roles": wrong_roles,
    }
    return section(figures, details)


# ---------------------------------------------------------------- timeline


def _timeline_words_match(text: str, gold_entry: dict) -> bool:
    """README: the text shares >= 30% of the gold event's content words or half of its evidence's."""
    got = content_words(text)
    return (share_of_words(content_words(gold_entry.get("event", "")), got) >= EVENT_WORDS
            or share_of_words(content_words(gold_entry.get("evidence", "")), got) >= EVIDENCE_WORDS)


def timeline_match(entry: dict, gold_entry: dict) -> bool:
    """Same date at the same precision, and the same event by its words."""
    return str(entry.get("date")) == str(gold_entry.get("date")) and _timeline_words_match(entry.get("text", ""), gold_entry)


def timeline(gold: dict, story: dict) -> Section:
    """Recall, precision, and date precision: of the entries whose words match some gold event,
    the share dated exactly as one of those events (same value, same precision)."""
    gold_entries, exp = gold.get("timeline", []), story.get("timeline", [])
    found = [g for g in gold_entries if any(timeline_match(e, g) for e in exp)]
    right = [e for e in exp if any(timeline_match(e, g) for g in gold_entries)]
    about = [(e, [g for g in gold_entries if _timeline_words_match(e.get("text", ""), g)]) for e in exp]
    about = [(e, gs) for e, gs in about if gs]
    dated = [e for e, gs in about if any(str(e.get("date")) == str(g.get("date")) for g in gs)]
    figures = {"recall": ratio(len(found), len(gold_entries)), "precision": ratio(len(right), len(exp)),
               "date_precision": ratio(len(dated), len(about))}
    details = {
        "missed": [f"{g['date']} {g['event']}" for g in gold_entries if g not in found],
        "not_gold": [f"{e.get('date')} {e.get('text', '')[:80]}" for e in exp if e not in right],
        "wrong_dates": [f"{e.get('date')} (gold {gs[0]['date']}): {e.get('text', '')[:60]}"
                        for e, gs in about if e not in dated],
    }
    return section(figures, details)


# ---------------------------------------------------------------- quotes

FRAGMENT_WORDS = 2  # issue 16, item 8: a quote of one or two words is a fragment, never a key quote


def speaker_names(gold: dict, speaker: str) -> list[str]:
    """The gold speaker's canonical name and aliases."""
    for a in gold.get("actors", []):
        if a.get("name") == speaker:
            return names_of(a)
    return [speaker]


def is_fragment(text: str) -> bool:
    return len(quote_key(text).split()) <= FRAGMENT_WORDS


def _names_in(names: list[str], text: str) -> bool:
    padded = f" {' '.join(words(text))} "
    return any(f" {' '.join(words(n))} " in padded for n in names if words(n))


def shown_with_speaker(gold: dict, quote: dict, story: dict) -> bool:
    """A quote is on the page when a published statement gives it in quotation marks and names its
    speaker (a name or alias), or when a key quote of that speaker contains it. A page shows each
    statement once: a quote whose sentence is a What-we-know line is not repeated as a key quote."""
    names = speaker_names(gold, quote["speaker"])
    key = re.escape(quote_key(quote["text"]))
    quoted = re.compile(rf"[\"']\s*{key}[\s.,;:!?]*[\"']")
    if any(quoted.search(fold(text)) and _names_in(names, text)
           for section, text, _ in statements(story) if section != "quotes"):
        return True
    return any(re.search(rf"\b{key}\b", quote_key(q.get("text", ""))) and names_overlap([q.get("speaker") or ""], names)
               for q in story.get("quotes", []))


def quotes(gold: dict, story: dict) -> Section:
    """`recall`: a gold quote is found among the export's quotes (near-identical text), or shown with
    its speaker in a published statement (`shown_with_speaker`): a fragment of one or two words is never
    a key quote (issue 16, item 8), and a quote whose sentence the page states is not repeated as one.
    `recall_all`: every gold quote among the export's quotes (the README's rule), so nothing is hidden.
    `speaker`: of the gold quotes found among the export's quotes, the share given to the gold speaker."""
    gold_quotes, exp = gold.get("quotes", []), story.get("quotes", [])
    hits = all_hits = speaker_hits = 0
    missed: list[str] = []
    wrong: list[str] = []
    for g in gold_quotes:
        fragment = is_fragment(g["text"])
        candidates = [q for q in exp if same_quote(q.get("text", ""), g["text"])]
        if candidates:
            all_hits += 1
            best = max(candidates, key=lambda q: fuzz.ratio(fold(q.get("text", "")), fold(g["text"])))
            if names_overlap([best.get("speaker") or ""], speaker_names(gold, g["speaker"])):
                speaker_hits += 1
            else:
                wrong.append(f"{g['text'][:50]}: {best.get('speaker')!r} (gold {g['speaker']})")
        if candidates or shown_with_speaker(gold, g, story):
            hits += 1
        else:
            missed.append(f"{g['speaker']}: {g['text'][:70]}" + (" (fragment)" if fragment else ""))
    return section({"recall": ratio(hits, len(gold_quotes)), "recall_all": ratio(all_hits, len(gold_quotes)),
                    "speaker": ratio(speaker_hits, all_hits)},
                   {"missed": missed, "wrong_speakers": wrong})


# ---------------------------------------------------------------- traceability, headline

ITEM_SECTIONS = ("summary", "background", "known", "whats_next", "timeline", "quotes")


def statements(story: dict) -> list[tuple[str, str, list[str]]]:
    """Every statement of a story as (section, text, cited sources); each variant of a dispute."""
    out = [(name, it.get("text", ""), [str(s) for s in it.get("sources", [])])
           for name in ITEM_SECTIONS for it in story.get(name, [])]
    for u in story.get("unknown", []):
        if u.get("kind") == "disputed":
            out.extend(("unknown", v, [str(sid)]) for sid, v in sorted((u.get("variants") or {}).items()))
        else:
            out.append(("unknown", u.get("text", ""), [str(s) for s in u.get("sources", [])]))
    return out


EDITOR_INSERT = re.compile(r"\s*\[[^\]]{1,60}\]\s*")


def traced(text: str, source: str) -> bool:
    """The text occurs near-verbatim in the source; a name an editor put in square brackets
    for a pronoun ("[Lindqvist] said ...") is the editor's, and every part around it must occur."""
    if "[" not in text or not EDITOR_INSERT.search(text):
        return occurs(text, source)
    parts = [p for p in EDITOR_INSERT.split(text) if len(p.split()) >= 3]
    return bool(parts) and all(occurs(p, source) for p in parts)


def traceability(story: dict) -> Section:
    """Share of statements whose text occurs near-verbatim in the text of a source they cite
    (editors' bracketed names aside, see `traced`)."""
    texts = {str(s.get("id")): s.get("text") or "" for s in story.get("sources", [])}
    all_statements = statements(story)
    untraceable = [f"{name}: {text[:80]} {sids}" for name, text, sids in all_statements
                   if not any(traced(text, texts.get(sid, "")) for sid in sids)]
    return section({"traceable": ratio(len(all_statements) - len(untraceable), len(all_statements))},
                   {"untraceable": untraceable})


def headline(gold: dict, story: dict) -> Section:
    """Share of the gold headline's content words in the headline; event date equal."""
    want = (gold.get("story") or {}).get("headline") or ""
    got = story.get("headline") or ""
    gold_date = (gold.get("story") or {}).get("event_date")
    date_right = int(str(story.get("event_date")) == str(gold_date)) if gold_date else 0
    want_words, got_words = content_words(want), content_words(got)
    shared = round(share_of_words(want_words, got_words) * len(want_words))
    return section({"words": ratio(shared, len(want_words)),
                    "event_date": ratio(date_right, 1 if gold_date else 0)},
                   {"headline": [got], "event_date": [str(story.get("event_date"))]})
