"""The mechanical line audit inside the project (evaluation/line_audit.py): each flag on tiny
hand-made stories, and the same flags as ../shared/audit/page_audit.py, line by line, on pages
built from the real corpus articles (fast) and on the real exports of every event (slow)."""

from __future__ import annotations

import copy
import importlib.util
import re

import pytest

from evaluation.line_audit import FLAGS, audit_export, audit_story, supported
from evaluation.references import read_raw
from evaluation.run import events
from tests.paths import AUDIT_SCRIPT, HAVE_AUDIT, NO_AUDIT, ROOT, corpus_files, needs_audit, needs_corpus

SOURCE_A = ("The Harbor Authority closed the Kell Bridge on Monday after 12 cracks were found.\n"
            "Maria Lindqvist said the bridge was not safe. Repairs will take two years.")
SOURCE_B = "Officials closed the Kell Bridge on Monday, March 4, after cracks were found."


def story(**parts) -> dict:
    base = {"slug": "s", "headline": "Kell Bridge closed after cracks", "summary": [], "background": [],
            "known": [], "whats_next": [], "timeline": [], "unknown": [], "quotes": [], "actors": [],
            "sources": [{"id": "a", "title": "Kell Bridge closed", "text": SOURCE_A},
                        {"id": "b", "title": None, "text": SOURCE_B}], "held": []}
    return base | parts


def flags_of(st: dict) -> dict[str, list[str]]:
    return {f"{ln.section}: {ln.text}": ln.flags for ln in audit_story(st)}


def item(text: str, *sources: str) -> dict:
    return {"text": text, "sources": list(sources)}


# ---------------------------------------------------------------- each flag


def test_support_is_the_audits_rule():
    assert supported("The Harbor Authority closed the Kell Bridge on Monday", SOURCE_A)  # verbatim
    assert not supported("The Harbor Authority closed the Kell Bridge on Monday", SOURCE_B)  # not named there
    assert not supported("Engineers found 14 cracks in the Kell Bridge on Monday", SOURCE_A)  # not its number
    assert not supported("Maria Lindqvist said the bridge was safe.", SOURCE_A)  # the opposite polarity
    assert not supported("Anything at all", "")
    # looser than the generator's rule: nearly verbatim passes even with a number changed
    assert supported("The Harbor Authority closed the Kell Bridge on Monday after 13 cracks were found.", SOURCE_A)


def test_statement_flags():
    st = story(known=[item("The Harbor Authority closed the Kell Bridge on Monday.", "a", "b"),
                      item("He said the bridge was not safe.", "a"),
                      item('Lindqvist said "the bridge was not safe.', "a"),
                      item("Photo: Getty Images", "a"),
                      item("Repairs will take two years.", "a")])
    got = flags_of(st)
    assert got["known: The Harbor Authority closed the Kell Bridge on Monday."] == ["unsupported"]  # b lacks it
    assert "dangling" in got["known: He said the bridge was not safe."]
    assert "unbalanced" in got['known: Lindqvist said "the bridge was not safe.']
    assert "leak" in got["known: Photo: Getty Images"]
    assert got["known: Repairs will take two years."] == []


def test_repeats_count_across_sections_but_not_the_timeline():
    line = "Repairs will take two years."
    st = story(summary=[item(line, "a")], known=[item("Repairs will take two years", "a")],
               timeline=[{"date": "2024", "text": line, "sources": ["a"]}])
    lines = audit_story(st)
    assert [ln.flags for ln in lines if ln.section in ("summary", "known", "timeline")] == [[], ["repeat"], []]


def test_disputes_quotes_roles_and_headline():
    st = story(unknown=[{"kind": "disputed", "text": 'Dates differ: "Monday" vs "March 4"', "sources": ["a", "b"]},
                        {"kind": "disputed", "text": 'Counts differ: "12 cracks" vs "cracks"', "sources": ["a", "b"]},
                        {"kind": "disputed", "text": 'Names differ: "Kell Bridge" vs "Kell bridge"', "sources": []}],
               quotes=[{"speaker": "", "text": "the bridge was not safe", "sources": ["a"]},
                       {"speaker": "Maria Lindqvist", "text": "the bridge was not safe", "sources": ["a"]}],
               actors=[{"name": "Maria Lindqvist", "kind": "person", "role": "has been inspecting bridges"},
                       {"name": "Harbor Authority", "kind": "organization", "role": "closed the bridge"},
                       {"name": "Kell Bridge", "kind": "other", "role": "a bridge carrying goods such as oil"}],
               headline="Search menu")
    got = [ln.flags for ln in audit_story(st)]
    disputed, quotes, actors, headline = got[:3], got[3:5], got[5:8], got[8]
    assert disputed == [["dispute"], ["dispute"], ["dispute"]]  # one source gives both; one value twice
    assert quotes == [["unattributed"], []]
    assert actors == [["role"], [], ["role"]]  # a person's verb phrase; a role cut off after "such as"
    assert headline == ["headline"]


def test_export_figures_count_each_flag_once_per_line_and_the_held_lines():
    st = story(known=[item("He said 99 bridges were closed.", "a")], held=[{"section": "known", "text": "x"}])
    result = audit_export({"stories": [st, story()]})
    assert result["lines"] == 3  # one statement and two headlines
    assert result["flagged"] == 1 and result["flags"]["unsupported"] == 1 and result["flags"]["dangling"] == 1
    assert result["held"] == 1 and set(result["flags"]) == set(FLAGS)
    assert result["flag_rate"] == round(1 / result["lines"], 4)
    assert result["details"][0].startswith("[dangling,unsupported] s known: He said")


# ---------------------------------------------------------------- the same as the shared script


@pytest.fixture(scope="module")
def shared_audit():
    if not HAVE_AUDIT:
        pytest.skip(NO_AUDIT)
    spec = importlib.util.spec_from_file_location("shared_page_audit", AUDIT_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_lines(shared_audit, export: dict) -> int:
    """Every line of every story flagged exactly as the shared script flags it; the lines compared."""
    compared = 0
    for st in export["stories"]:
        theirs = shared_audit.audit_story(st)["lines"]
        ours = [(ln.section, ln.text, ln.flags) for ln in audit_story(st)]
        assert len(ours) == len(theirs), st.get("slug")
        for mine, shared in zip(ours, theirs):
            assert mine == tuple(shared), (st.get("slug"), mine, shared)
        compared += len(ours)
    return compared


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 3]


def page_from_articles(files: list) -> dict:
    """A page built from real articles to exercise every flag: each sentence cited to its own
    source, or also to the next one; pronoun openings, quotation marks and captions left in;
    disputes between values of one source and of two; roles cut from sentences; repeats."""
    texts = [read_raw(f) for f in files]
    sources = [{"id": str(i), "title": t.splitlines()[0][:80], "text": t} for i, t in enumerate(texts)]
    sections = ("summary", "background", "known", "whats_next", "timeline", "open_question", "single_source")
    st = {sec: [] for sec in ("summary", "background", "known", "whats_next", "timeline", "unknown", "quotes", "actors")}
    for i, text in enumerate(texts):
        cited = [str(i)], [str(i), str((i + 1) % len(texts))]
        for k, sentence in enumerate(_sentences(text)[:12]):
            line = {"text": sentence, "sources": cited[k % 2]}
            sec = sections[(i + k) % len(sections)]
            if sec in ("open_question", "single_source"):
                st["unknown"].append(line | {"kind": sec, "variants": {}})
            else:
                st[sec].append(line | ({"date": "2023"} if sec == "timeline" else {}))
            if k % 4 == 0:
                st["quotes"].append({"speaker": "" if k % 8 else "Someone", "text": sentence, "sources": [str(i)]})
            words = sentence.split()
            st["actors"].append({"name": words[0], "kind": ("person", "organization")[k % 2], "role": " ".join(words[1:k + 2])})
            if k % 5 == 1:
                st["unknown"].append({"kind": "disputed", "text": f'Values differ: "{words[0]}" vs "{words[-1]}"',
                                      "sources": [str(i)], "variants": {}})
        st["known"].append({"text": _sentences(text)[0] + " ", "sources": [str(i)]})  # a repeat
        st["background"].append({"text": "Photo: AFP via Getty Images", "sources": [str(i)]})  # a caption
    st["unknown"].append({"kind": "disputed", "text": 'Values differ: "6.8" vs "6,8"', "sources": [], "variants": {}})
    return {"stories": [st | {"slug": "articles", "headline": "Home | Search", "sources": sources}]}


@needs_audit
@needs_corpus
@pytest.mark.parametrize("folder", sorted({f.parent for f in corpus_files()}), ids=lambda p: p.name)
def test_same_flags_as_the_shared_script_on_pages_from_real_articles(shared_audit, folder):
    export = page_from_articles(sorted(folder.glob("*.txt")))
    assert assert_same_lines(shared_audit, export) > 20
    fired = {flag for flag, n in audit_export(export)["flags"].items() if n}
    if len(list(folder.glob("*.txt"))) > 1:  # (one article cannot be cited for another's words)
        assert fired == set(FLAGS), f"the comparison did not exercise {set(FLAGS) - fired}"


def restore_held(export: dict) -> dict:
    """The export as the page would be without verification: every held line back in its section."""
    out = copy.deepcopy(export)
    for st in out["stories"]:
        for h in st.get("held") or []:
            sec, line = h["section"], {"text": h["text"], "sources": h.get("sources") or []}
            if sec in ("summary", "background", "known", "whats_next", "timeline"):
                st[sec].append(line)
            elif sec in ("open_question", "single_source", "disputed"):
                st["unknown"].append(line | {"kind": sec, "variants": {}})
            elif sec == "quote":
                speaker, _, text = h["text"].partition(": ")
                st["quotes"].append({"speaker": speaker, "text": text, "sources": line["sources"]})
            elif sec == "actor":
                name, _, role = h["text"].partition(": ")
                st["actors"].append({"name": name, "kind": "person", "role": role})
    return out


EVENTS = [e.name for e in events(ROOT)]


@pytest.mark.slow
@needs_audit
@pytest.mark.parametrize("event", EVENTS)
def test_same_flags_as_the_shared_script_on_real_exports(shared_audit, event_results, event):
    export = event_results(event)["export"]
    assert assert_same_lines(shared_audit, export) == event_results(event)["audit"]["lines"]
    restored = restore_held(export)
    assert assert_same_lines(shared_audit, restored) > event_results(event)["audit"]["lines"]
