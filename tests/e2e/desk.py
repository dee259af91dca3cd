"""The desk scenario of issue 17, scripted: an editor's five edits, then three rounds of new input.

Used by tests/e2e/test_desk_scenario.py and by `python -m tests.e2e.desk` (which prints the
figures per round). The edits are made on the page's Markdown as an editor makes them, by
finding lines under the section headings, so the same script runs against any version of
the generator:

1. reword the first In-brief point;
2. delete the third What-we-know point;
3. swap the first two Background points;
4. fix a key actor's role in the Key actors table;
5. add a paragraph of the desk's own (after the Background points);
6. swap the first two What-we-know points left (new articles make other sources' sentences the
   words of those claims: the order follows the claims).

Rounds: (1) three new articles on the story (written here: short, original, about the seed
event, from invented outlets); (2) one source removed; (3) another event's articles added
(read from the shared corpus at run time, never copied into the repository).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from tests.paths import ROOT, corpus_files

REWORD = "Russia formally recognised the Taliban government in Kabul, the first country to do so (desk wording)."
ROLE = "country whose Taliban government Russia recognised (desk)"
ACTOR = "Afghanistan"
PARAGRAPH = ("Desk note: our editors checked the ministry's statement against the Russian "
             "Foreign Ministry's own website before publishing this page.")
REMOVED_SOURCE = "002_2eaa272692fcb246.txt"
OTHER_EVENT = "finland-joins-nato"

# Three short articles on the seed event, written for this test (invented outlets; the facts are
# those the seed articles report, in our own words).
NEW_ARTICLES = {
    "101_meridianpost.example.txt": """Moscow extends formal recognition to Taliban administration
Published: July 5, 2025, 09:10 AM
Russia has formally recognised the Taliban administration in Kabul, the first government in the world to take that step since the movement returned to power in August 2021.
The Russian Foreign Ministry said it had accepted the credentials of Gul Hassan Hassan as Afghanistan's ambassador in Moscow.
Officials in Kabul welcomed the decision and said they hoped other countries would follow Russia's example.
Western governments have so far withheld recognition, pointing to the restrictions the Taliban placed on the education and work of women and girls.
Analysts said Moscow expects the move to strengthen trade and security cooperation with Afghanistan and across Central Asia.
The Russian Supreme Court lifted the Taliban's designation as a terrorist organisation in April, which cleared the legal path for recognition.
""",
    "102_caspianwire.example.txt": """Russia first to recognise Taliban rule in Afghanistan
Published: July 5, 2025, 02:40 PM
Russia on Thursday became the first country to officially recognise the Taliban government of Afghanistan, its Foreign Ministry announced.
The ministry said official recognition would give impetus to productive bilateral cooperation between the two countries in trade, energy, transport and agriculture.
Afghan Foreign Minister Amir Khan Muttaqi called the decision a courageous step and said Russia had gone before everyone.
The Taliban seized control of Afghanistan in August 2021 as United States and NATO forces completed their withdrawal.
No other government has formally recognised the Taliban, although China, Pakistan and the United Arab Emirates have accepted ambassadors from Kabul.
""",
    "103_harbourjournal.example.txt": """Why Moscow recognised the Taliban government
Published: July 6, 2025, 11:00 AM
Moscow's recognition of the Taliban government follows years of growing contacts between Russian officials and the authorities in Kabul.
Russia's special envoy for Afghanistan, Zamir Kabulov, said recognition was needed to put economic cooperation with Afghanistan on a legal footing.
Russian officials have described the Taliban as a partner in the fight against the Islamic State group's Afghan branch.
The recognition was announced by the Russian Foreign Ministry on Thursday after it accepted the credentials of the new Afghan ambassador.
Human rights groups criticised the decision, saying it ignored the Taliban's treatment of women and girls.
""",
}


@dataclass
class Round:
    """What one round left: conflicts, and which edits are kept where."""

    name: str
    conflicts: int
    page: dict[str, bool] = field(default_factory=dict)  # edit -> present on the page
    data: dict[str, bool] = field(default_factory=dict)  # edit -> present in the page's JSON
    elsewhere: dict[str, bool] = field(default_factory=dict)  # deleted point absent from the timeline; role on the actor page

    def lost(self, where: dict[str, bool]) -> int:
        return sum(not ok for ok in where.values())

    def line(self) -> str:
        return (f"{self.name:<28} conflicts {self.conflicts:>2}  edits lost on the page {self.lost(self.page)}/{len(self.page)}"
                f"  in the JSON {self.lost(self.data)}/{len(self.data)}  elsewhere {self.lost(self.elsewhere)}/2")


# ---------------------------------------------------------------- the page as an editor sees it


def section_range(lines: list[str], heading: str) -> tuple[int, int]:
    """[start, end) of the lines under `## heading`, up to the next `## ` heading."""
    start = next(i for i, line in enumerate(lines) if line.strip() == f"## {heading}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return start, end


def bullets(lines: list[str], heading: str) -> list[int]:
    """The section's points in page order, those folded under "Show all" (indented) too."""
    start, end = section_range(lines, heading)
    return [i for i in range(start, end) if lines[i].lstrip().startswith("- ")]


def actor_row(lines: list[str], name: str) -> int | None:
    """The Key actors table row of `name` (its name may link to its page)."""
    pattern = re.compile(rf"^\| (?:\[)?\*\*{re.escape(name)}\*\*")
    return next((i for i in range(*section_range(lines, "Key actors")) if pattern.match(lines[i])), None)


def mentioned_item(lines: list[str], name: str) -> int:
    """The "Also mentioned" entry of `name`, below the Key actors table."""
    pattern = re.compile(rf"^\s+- (?:\[)?{re.escape(name)}\b")
    return next(i for i in range(*section_range(lines, "Key actors")) if pattern.match(lines[i]))


_DECORATION = re.compile(r"\[\^[^\]]+\]|<span class=\"xp-[^\"]*\"[^>]*>.*?</span>|<!--.*?-->")


def point_text(line: str) -> str:
    """The words of a bullet point, without its citations, marks and invisible id."""
    import html

    return html.unescape(_DECORATION.sub("", line.lstrip()[2:])).strip()


def replace_text(line: str, text: str) -> str:
    """The editor retypes the sentence and leaves what follows it (citations, marks, id) alone."""
    cut = min([m.start() for m in _DECORATION.finditer(line)] + [len(line)])
    indent = line[: len(line) - len(line.lstrip())]
    return f"{indent}- {text}{line[cut:]}"


@dataclass
class Edits:
    """The five edits, and the generated texts they were made against."""

    slug: str
    reworded_from: str = ""
    deleted: str = ""
    swapped: tuple[str, str] = ("", "")
    swapped_known: tuple[str, str] = ("", "")


def make_edits(page: Path) -> Edits:
    lines = page.read_text(encoding="utf-8").split("\n")
    edits = Edits(page.stem)
    first = bullets(lines, "In brief")[0]
    edits.reworded_from = point_text(lines[first])
    lines[first] = replace_text(lines[first], REWORD)
    third = bullets(lines, "What we know")[2]
    edits.deleted = point_text(lines[third])
    del lines[third]
    b0, b1 = bullets(lines, "Background")[:2]
    edits.swapped = (point_text(lines[b0]), point_text(lines[b1]))
    def indent(line: str) -> str:
        return line[: len(line) - len(line.lstrip())]

    lines[b0], lines[b1] = indent(lines[b0]) + lines[b1].lstrip(), indent(lines[b1]) + lines[b0].lstrip()
    k0, k1 = bullets(lines, "What we know")[:2]
    edits.swapped_known = (point_text(lines[k0]), point_text(lines[k1]))
    lines[k0], lines[k1] = indent(lines[k0]) + lines[k1].lstrip(), indent(lines[k1]) + lines[k0].lstrip()
    row = actor_row(lines, ACTOR)
    if row is not None:  # a key actor: the role's cell of its row
        cells = lines[row].split(" | ")
        cells[1] = ROLE
        lines[row] = " | ".join(cells)
    else:  # only mentioned, for want of a role: the role written after its name, as the list shows roles
        item = mentioned_item(lines, ACTOR)
        lines[item] = re.sub(r"(\s*<!--.*-->)?$", lambda m: f": {ROLE}{m.group(0)}", lines[item].rstrip(), count=1)
    last = bullets(lines, "Background")[-1]
    lines[last + 1: last + 1] = ["", PARAGRAPH]
    page.write_text("\n".join(lines), encoding="utf-8")
    return edits


def resolve_keeping_edits(page: Path) -> None:
    """What an editor does with line conflict markers to keep their work: take the edited side."""
    out, side = [], None
    for line in page.read_text(encoding="utf-8").split("\n"):
        if line.startswith("<<<<<<< "):
            side = "edited"
        elif line.startswith("||||||| ") and side:
            side = "base"
        elif line == "=======" and side:
            side = "generated"
        elif line.startswith(">>>>>>> ") and side:
            side = None
        elif side in (None, "edited"):
            out.append(line)
    page.write_text("\n".join(out), encoding="utf-8")


def conflict_blocks(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.startswith("<<<<<<< "))


# ---------------------------------------------------------------- checks


def _json_texts(data: dict) -> list[str]:
    texts = [i["text"] for key in ("summary", "background", "known", "whats_next") for i in data.get(key, [])]
    texts += [t["text"] for t in data.get("timeline", [])] + [u["text"] for u in data.get("unknown", [])]
    return texts


def _swapped_ids(project: Path, edits: Edits, swapped: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """The ids the two swapped points have now, from the desk's decisions (which follow a point
    whose words the generator changed); None where there are no decisions (older versions)."""
    import yaml

    path = project / ".explainer" / "decisions" / f"{edits.slug}.yaml"
    if not path.is_file():
        return None
    items = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("items", {})
    found = [next((k for k, d in items.items() if d.get("was") == text), None) for text in swapped or edits.swapped]
    return (found[0], found[1]) if all(found) else None


def check(project: Path, edits: Edits, name: str, conflicts: int) -> Round:
    page = (project / "content" / "stories" / f"{edits.slug}.md").read_text(encoding="utf-8")
    data_file = project / "content" / "stories" / f"{edits.slug}.json"
    data = json.loads(data_file.read_text(encoding="utf-8")) if data_file.is_file() else {}
    timeline = (project / "content" / "timeline.md").read_text(encoding="utf-8")
    actor_page = project / "content" / "actors" / f"{ACTOR.lower()}.md"
    actor_text = actor_page.read_text(encoding="utf-8") if actor_page.is_file() else ""
    lines = page.split("\n")
    texts = _json_texts(data)
    actor = next((a for a in data.get("actors", []) if a["name"] == ACTOR), {})

    def ordered(heading: str, key: str, swapped: tuple[str, str]) -> tuple[bool, bool]:
        """The swapped pair's order kept (on the page, in the JSON): by the ids the desk's
        decisions follow the two claims to, or by their words where there are none."""
        ids = _swapped_ids(project, edits, swapped)
        a, b = swapped if ids is None else ids
        start, end = section_range(lines, heading)
        if ids is None:
            on_page = [point_text(lines[i]) for i in bullets(lines, heading)]
            in_data = [i["text"] for i in data.get(key, [])]
        else:
            on_page = [m.group(1) for ln in lines[start:end] if (m := re.search(r"<!-- xp (\S+)", ln))]
            in_data = [i.get("id", "") for i in data.get(key, [])]
        return tuple(a in seq and b in seq and seq.index(b) < seq.index(a) for seq in (on_page, in_data))

    background, known = ordered("Background", "background", edits.swapped), \
        ordered("What we know", "known", edits.swapped_known)

    def esc(text: str) -> str:
        from generator.publish.markdown_escape import md_inline

        return md_inline(text)

    r = Round(name, conflicts)
    r.page = {"reword": esc(REWORD) in page or REWORD in page,
              "delete": edits.deleted not in [point_text(ln) for ln in lines if ln.lstrip().startswith("- ")]
              and esc(edits.deleted) not in page,
              "order": background[0],
              "known order": known[0],
              "role": (row := actor_row(lines, ACTOR)) is not None and (ROLE in lines[row] or esc(ROLE) in lines[row]),
              "paragraph": esc(PARAGRAPH) in page or PARAGRAPH in page}
    r.data = {"reword": REWORD in texts, "delete": edits.deleted not in texts,
              "order": background[1],
              "known order": known[1],
              "role": actor.get("role") == ROLE,
              "paragraph": PARAGRAPH in texts}
    r.elsewhere = {"timeline": esc(edits.deleted) not in timeline, "actor page": esc(ROLE) in actor_text}
    return r


# ---------------------------------------------------------------- the scenario


def make_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", dest / "site_config", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    return dest


def run(project: Path, cache: Path | None = None, report=print) -> list[Round]:
    """The whole scenario in `project` (made here); one Round per state, the edits first."""
    from generator.config import load_settings
    from generator.pipeline import generate

    make_project(project)
    settings = load_settings(project)
    if cache is not None:
        settings = replace(settings, cache_dir=str(cache))

    def regenerate() -> int:
        try:
            result = generate(settings)
        except Exception as exc:  # an editor's edit refused as invalid: counted as a failure
            report(f"generate failed: {exc}")
            return -1
        return len(result.conflicts)

    first = generate(settings)
    story = next(s for s in first.stories if any(a.file.endswith(REMOVED_SOURCE) for a in s.sources))
    page = project / "content" / "stories" / f"{story.slug}.md"
    edits = make_edits(page)
    rounds = [check(project, edits, "edited, before generate", 0)]
    rounds.append(check(project, edits, "generate (edits recorded)", regenerate()))

    def round_of(name: str) -> None:
        conflicts = regenerate()
        text = page.read_text(encoding="utf-8")
        conflicts = max(conflicts, conflict_blocks(text))
        rounds.append(check(project, edits, name, conflicts))
        if conflict_blocks(text):
            resolve_keeping_edits(page)

    for name, text in NEW_ARTICLES.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    round_of("1: three new articles")
    (project / "seeds" / REMOVED_SOURCE).unlink()
    round_of("2: one source removed")
    for path in corpus_files(f"{OTHER_EVENT}/*.txt"):
        shutil.copy(path, project / "seeds" / f"nato_{path.name}")
    round_of("3: another event added")
    for r in rounds:
        report(r.line())
    return rounds


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp) / "project", Path(sys.argv[1]) if len(sys.argv) > 1 else None)
