"""Verbatim gold fields as references into the shared corpus, so the repository holds no article text.

The corpus gold files (`tests/gold/corpus/*.yaml`) annotate third-party articles that live only in
`../shared/corpus/`. Every field that quotes an article (titles, boilerplate and neutral lines,
evidence, quotes, variants, background and what's-next sentences) is stored as a reference

    {ref: 01_telegraph.co.uk.txt, start: 1234, length: 87, sha256: 1a2b3c4d5e6f}

(the file in the event's folder; the start and length in characters of the file as read by
`read_raw`, UTF-8 with universal newlines; the first 12 hex digits of the SHA-256 of the text) and
resolved when the gold is loaded. A changed corpus file fails loudly (the hash), never silently
scores against other words. `python -m evaluation --show-gold EVENT` prints a gold file resolved.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

REF_KEYS = frozenset({"ref", "start", "length", "sha256"})
HASH_DIGITS = 12


class GoldReferenceError(ValueError):
    """A reference that does not resolve: missing file, out of range, or text changed."""


def read_raw(path: Path) -> str:
    """A corpus file as the generator reads it (UTF-8, universal newlines): what offsets count in."""
    return Path(path).read_text(encoding="utf-8", errors="replace")


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


def is_reference(node: Any) -> bool:
    return isinstance(node, dict) and set(node) == REF_KEYS


def reference(file: str, text: str, start: int) -> dict:
    return {"ref": file, "start": start, "length": len(text), "sha256": fingerprint(text)}


def resolve_one(ref: dict, read: Callable[[str], str], where: str = "") -> str:
    """The text a reference points to; GoldReferenceError naming the field when it does not."""
    try:
        raw = read(str(ref["ref"]))
    except OSError as exc:
        raise GoldReferenceError(f"{where}: cannot read {ref['ref']}: {exc}") from exc
    start, length = int(ref["start"]), int(ref["length"])
    text = raw[start:start + length]
    if start < 0 or len(text) != length:
        raise GoldReferenceError(f"{where}: {ref['ref']} has no characters {start}..{start + length}")
    if fingerprint(text) != str(ref["sha256"]):
        raise GoldReferenceError(f"{where}: {ref['ref']} at {start}+{length} no longer holds the annotated "
                                 f"text (sha256 {fingerprint(text)}, annotated {ref['sha256']}): {text[:60]!r}")
    return text


def references(node: Any, where: str = "") -> Iterator[tuple[str, dict]]:
    """Every reference in a loaded gold, with its path ("facts[3].evidence.01")."""
    if is_reference(node):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from references(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from references(value, f"{where}[{i}]")


def resolve(node: Any, read: Callable[[str], str], where: str = "") -> Any:
    """A copy of `node` with every reference replaced by its text."""
    if is_reference(node):
        return resolve_one(node, read, where)
    if isinstance(node, dict):
        return {k: resolve(v, read, f"{where}.{k}" if where else str(k)) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, read, f"{where}[{i}]") for i, v in enumerate(node)]
    return node


def folder_reader(folder: Path) -> Callable[[str], str]:
    """`read` for `resolve`: files of one event folder, each read once."""
    cache: dict[str, str] = {}

    def read(name: str) -> str:
        if "/" in name or "\\" in name or name.startswith("."):
            raise OSError(f"not a file name of the event's folder: {name!r}")
        if name not in cache:
            cache[name] = read_raw(Path(folder) / name)
        return cache[name]

    return read


# ---------------------------------------------------------------- which fields quote the articles


def verbatim_fields(gold: dict) -> Iterator[tuple[str, Any, list[str]]]:
    """(path, value, source ids it comes from, most likely first) of every field that quotes an
    article: what must be a reference in a corpus gold file. Values are text, a reference, or None."""
    ids = [str(s["id"]) for s in gold.get("sources", [])]
    for i, src in enumerate(gold.get("sources", [])):
        sid = [str(src["id"])]
        if src.get("title") is not None:
            yield f"sources[{i}].title", src["title"], sid
        for key in ("boilerplate_lines", "neutral_lines", "neutral_fragments"):
            for j, v in enumerate(src.get(key) or []):
                yield f"sources[{i}].{key}[{j}]", v, sid
    for i, t in enumerate(gold.get("timeline", [])):
        yield f"timeline[{i}].evidence", t.get("evidence"), [str(s) for s in t.get("sources", [])] + ids
    for key in ("facts", "open_questions"):
        for i, entry in enumerate(gold.get(key, [])):
            yield from _keyed(f"{key}[{i}].evidence", entry.get("evidence") or {})
    for i, q in enumerate(gold.get("quotes", [])):
        yield f"quotes[{i}].text", q.get("text"), [str(s) for s in q.get("sources", [])] + ids
    for i, d in enumerate(gold.get("discrepancies", [])):
        yield from _keyed(f"discrepancies[{i}].variants", d.get("variants") or {})
    for key in ("background_sentences", "whats_next_sentences"):
        yield from _keyed(key, gold.get(key) or {})


def _keyed(where: str, by_source: dict) -> Iterator[tuple[str, Any, list[str]]]:
    for sid, value in by_source.items():
        if isinstance(value, list):
            for j, v in enumerate(value):
                yield f"{where}.{sid}[{j}]", v, [str(sid)]
        else:
            yield f"{where}.{sid}", value, [str(sid)]


def to_references(gold: dict, files: dict[str, str], texts: dict[str, str]) -> dict:
    """A copy of a gold written with verbatim text, each verbatim field replaced by a reference to
    its first exact occurrence in the files of its sources (`files`: source id -> file name;
    `texts`: file name -> text). For annotating a new corpus event: write the text, convert, check."""
    out = _copy(gold)
    for where, value, sids in list(verbatim_fields(gold)):
        if value is None or is_reference(value):
            continue
        found = next(((files[s], texts[files[s]].find(value)) for s in dict.fromkeys(sids)
                      if s in files and value in texts.get(files[s], "")), None)
        if found is None:
            raise GoldReferenceError(f"{where}: not found verbatim in the files of {sorted(set(sids))}: {value[:60]!r}")
        _set(out, where, reference(found[0], value, found[1]))
    return out


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def _set(root: Any, where: str, value: Any) -> None:
    """Assign at a path of the form `verbatim_fields` yields ("a[1].b.c[0]")."""
    steps: list[Any] = []
    for part in where.split("."):
        name, *indices = part.split("[")
        if name:
            steps.append(name)
        steps += [int(i.rstrip("]")) for i in indices]
    node = root
    for step in steps[:-1]:
        node = node[step]
    node[steps[-1]] = value


def dump_gold(gold: dict) -> str:
    """A gold as the files are written: block YAML, 200 columns, each reference on one line."""
    class Dumper(yaml.SafeDumper):
        pass

    class Flow(dict):
        pass

    def mark(node: Any) -> Any:
        if is_reference(node):
            return Flow((k, node[k]) for k in ("ref", "start", "length", "sha256"))
        if isinstance(node, dict):
            return {k: mark(v) for k, v in node.items()}
        return [mark(v) for v in node] if isinstance(node, list) else node

    Dumper.add_representer(Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data.items(),
                                                                    flow_style=True))
    return yaml.dump(mark(gold), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=200)
