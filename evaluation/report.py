"""One export scored against one gold annotation: the story picked, ids mapped, every figure.

`evaluate` is pure (dicts in, a dict out), so the metric code is unit-tested on tiny
hand-made export/gold pairs; `evaluation.run` does the I/O around it.
"""

from __future__ import annotations

from typing import Any

from . import claims, metrics
from .metrics import ratio

STORY_LISTS = ("summary", "background", "known", "whats_next", "timeline", "quotes", "actors")


def basename(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def id_map(export: dict, gold: dict) -> dict[str, str]:
    """Export source id -> gold source id, by file name (the gold's ids are then used throughout)."""
    by_file = {basename(s["file"]): str(s["id"]) for s in gold.get("sources", [])}
    out: dict[str, str] = {}
    for story in export.get("stories", []):
        for s in story.get("sources", []):
            gid = by_file.get(basename(s.get("file", "")))
            if gid is not None:
                out[str(s["id"])] = gid
    return out


def select_story(export: dict, gold: dict) -> dict | None:
    """The story whose sources are most of the gold's files (fewest others, then slug, on ties)."""
    gold_files = {basename(s["file"]) for s in gold.get("sources", [])}

    def key(story: dict) -> tuple[int, int, str]:
        files = {basename(s.get("file", "")) for s in story.get("sources", [])}
        return (-len(files & gold_files), len(files - gold_files), story.get("slug", ""))

    ranked = sorted(export.get("stories", []), key=key)
    return ranked[0] if ranked and key(ranked[0])[0] < 0 else None


def remap(story: dict, ids: dict[str, str]) -> dict:
    """A copy of the story with every source id replaced by the gold's id for the same file."""
    def m(sid: Any) -> str:
        return ids.get(str(sid), str(sid))

    out = dict(story)
    for name in STORY_LISTS:
        out[name] = [dict(it, sources=[m(s) for s in it.get("sources", [])]) for it in story.get(name, [])]
    out["unknown"] = [dict(u, sources=[m(s) for s in u.get("sources", [])],
                           variants={m(k): v for k, v in (u.get("variants") or {}).items()})
                      for u in story.get("unknown", [])]
    out["sources"] = [dict(s, id=m(s.get("id"))) for s in story.get("sources", [])]
    return out


def exported_sources(export: dict, ids: dict[str, str]) -> dict[str, dict]:
    """Every exported source (of any story) by gold id: cleaning is per file, whatever the story."""
    return {ids[str(s["id"])]: s for story in export.get("stories", []) for s in story.get("sources", [])
            if str(s["id"]) in ids}


def gold_body_text(gold: dict, raw_texts: dict[str, str]) -> str | None:
    """The article bodies as the gold reads them (no boilerplate), or None without raw texts."""
    if not raw_texts:
        return None
    return "\n".join(line for src in gold.get("sources", [])
                     for line in metrics.body_lines(src, raw_texts.get(str(src["id"]), "")))


def _story_section(gold: dict, story: dict | None, exported: dict[str, dict]) -> metrics.Section:
    gold_ids = [str(s["id"]) for s in gold.get("sources", [])]
    in_story = [str(s["id"]) for s in (story or {}).get("sources", [])]
    return metrics.section(
        {"gold_sources": ratio(sum(1 for g in gold_ids if g in in_story), len(gold_ids))},
        {"slug": [(story or {}).get("slug")], "other_sources": [s for s in in_story if s not in gold_ids],
         "missing_sources": [g for g in gold_ids if g not in in_story],
         "not_exported": [g for g in gold_ids if g not in exported]})


def evaluate(export: dict, gold: dict, raw_texts: dict[str, str] | None = None) -> dict:
    """Every figure of `tests/gold/README.md` for the export's story about the gold's event.

    `raw_texts` (gold source id -> raw file text) is needed for the cleaning figures and to
    know which aliases occur in the article bodies; without it those are measured loosely.
    """
    raw_texts = raw_texts or {}
    ids = id_map(export, gold)
    chosen = select_story(export, gold)
    story = remap(chosen, ids) if chosen else {}
    exported = exported_sources(export, ids)
    sections = {
        "story": _story_section(gold, chosen and story, exported),
        "cleaning": metrics.cleaning(gold, raw_texts, exported),
        "metadata": metrics.metadata(gold, exported),
        "actors": metrics.actors(gold, story, gold_body_text(gold, raw_texts)),
        "timeline": metrics.timeline(gold, story),
        "quotes": metrics.quotes(gold, story),
        "known": claims.known(gold, story),
        "open_questions": claims.open_questions(gold, story),
        "discrepancies": claims.discrepancies(gold, story),
        "traceability": metrics.traceability(story),
        "headline": metrics.headline(gold, story),
    }
    return {
        "figures": {f"{name}.{k}": v for name, sec in sections.items() for k, v in sec["figures"].items()},
        "details": {f"{name}.{k}": v for name, sec in sections.items() for k, v in sec["details"].items()},
    }


def values(report: dict) -> dict[str, Any]:
    """Figure name -> value: the flat form CI floors compare against."""
    return {name: fig["value"] for name, fig in report["figures"].items()}


def _cell(fig: dict | None) -> str:
    if fig is None:
        return ""
    v = fig["value"]
    shown = "n/a" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)
    return f"{shown:>5} {str(fig['hits']) + '/' + str(fig['total']):<7}"


def format_table(reports: dict[str, dict], details: bool = False) -> str:
    """The gold figures of several events side by side (value, hits/total), optionally with what
    each missed underneath."""
    names = list(dict.fromkeys(n for r in reports.values() for n in r["figures"]))
    width = max((len(n) for n in names), default=10) + 2
    cols = {event: max(len(event), 13) for event in reports}
    lines = [(f"{'figure':<{width}}" + "".join(f"  {event:<{w}}" for event, w in cols.items())).rstrip()]
    for name in names:
        lines.append((f"{name:<{width}}" + "".join(f"  {_cell(reports[e]['figures'].get(name)):<{w}}"
                                                    for e, w in cols.items())).rstrip())
    if details:
        for event, report in reports.items():
            lines.append(f"\n{event}: what the figures miss")
            lines += [f"  {name}: {item}" for name, items in report["details"].items() for item in items]
    return "\n".join(lines)


def format_audit(audits: dict[str, dict], details: bool = False) -> str:
    """One row per event: lines, flagged, flag rate, held-back lines, and the count of each flag."""
    width = max((len(e) for e in audits), default=5) + 2
    lines = [f"{'event':<{width}}{'lines':>6}{'flagged':>9}{'rate':>8}{'held':>6}  flags"]
    for event, a in audits.items():
        flags = " ".join(f"{k}={v}" for k, v in a["flags"].items() if v) or "-"
        lines.append(f"{event:<{width}}{a['lines']:>6}{a['flagged']:>9}{a['flag_rate']:>8.1%}{a['held']:>6}  {flags}")
    if details:
        for event, a in audits.items():
            lines += [f"  {event} {line}" for line in a["details"]]
    return "\n".join(lines)


def audit_values(audit: dict) -> dict[str, Any]:
    """The line audit's figures, flat: audit.lines, audit.flagged, audit.flag_rate, audit.held and
    audit.FLAG (lines carrying that flag)."""
    return {f"audit.{k}": audit[k] for k in ("lines", "flagged", "flag_rate", "held")} | {
        f"audit.{flag}": n for flag, n in audit["flags"].items()}
