"""A project whose stories come from a fake composer (no spaCy), rendered by the real templates.

Each seed file is an article: its first line the title, each other line a sentence. One
story holds every article; a sentence that several articles share is one point citing them
all; the points most articles share are In brief, lines starting "Earlier" are Background,
lines with a date ("on 3 March 2024") are also timeline rows, and "the council" is an actor
whose role is the first article's. Fast enough for scripted regenerations and properties.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import load_settings
from generator.editorial.ids import with_ids
from generator.models import Actor, Article, Item, Story, TimelineEntry
from tests.paths import ROOT

ARTICLES = {
    "000_council.txt": "Council approves city budget\nThe city council approved the budget on 4 March 2024.\n"
                       "The vote was seven to two.\nThe mayor said the plan protects libraries.\n"
                       "Earlier, the council had rejected two drafts.\n",
    "001_paper.txt": "Budget passes after long debate\nThe council debated for six hours.\n"
                     "Opponents said the plan cuts bus routes.\nThe vote was seven to two.\n",
    "002_wire.txt": "Budget vote draws protest\nProtesters gathered outside city hall before the vote.\n"
                    "The vote was seven to two.\n",
}
_DATE = re.compile(r"on (\d{1,2}) (March) (\d{4})")


def compose(articles: list[Article], slug: str = "city-budget") -> Story:
    """The fake composer: articles -> one Story (with ids, as the pipeline gives it)."""
    by_text: dict[str, list[str]] = {}
    for a in articles:
        for line in a.paragraphs:
            by_text.setdefault(line, []).append(a.source_id)
    points = sorted(by_text.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    items = [Item(text, tuple(sorted(set(ids)))) for text, ids in points]
    background = tuple(i for i in items if i.text.startswith("Earlier"))
    rest = [i for i in items if i not in background]
    timeline = tuple(TimelineEntry(f"{m[3]}-03-{int(m[1]):02d}", i.text, i.sources)
                     for i in items if (m := _DATE.search(i.text)))
    council = [a.source_id for a in articles if any("council" in p.lower() for p in a.paragraphs)]
    actors = (Actor("City Council", "organization", ("council",), "the city's governing body", len(council),
                    tuple(council), tuple(council[:1])),) if council else ()
    dates = sorted(a.published for a in articles if a.published)
    return with_ids(Story(slug, articles[0].title or "Untitled", None, dates[-1] if dates else None,
                          tuple(articles), summary=tuple(rest[:2]), background=background, known=tuple(rest[2:]),
                          timeline=timeline, actors=actors))


def read_articles(settings) -> list[Article]:
    arts = []
    for path in sorted(settings.seeds_path.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        sid = path.name[:3]
        arts.append(Article(sid, path.relative_to(settings.root).as_posix(), tuple(lines[1:]), title=lines[0],
                            outlet=f"Outlet {sid}", content_hash=hashlib.sha256(path.read_bytes()).hexdigest()))
    return arts


def fake_build_stories(settings, progress=None, digests=None):
    """As pipeline.build_stories does: the story keeps the URL the registry gives it."""
    from generator.stories.slugs import assign_slugs, load_registry

    arts = read_articles(settings)
    if not arts:
        return [], []
    slug = assign_slugs([[a.file for a in arts]], ["city-budget"], load_registry(settings.state_path))[0]
    return [compose(arts, slug)], []


def make_project(root: Path, names=("000_council.txt", "001_paper.txt")) -> Path:
    (root / "seeds").mkdir(parents=True)
    for name in names:
        (root / "seeds" / name).write_text(ARTICLES[name], encoding="utf-8")
    shutil.copytree(ROOT / "site_config" / "templates", root / "site_config" / "templates")
    return root


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A temp project with two seed articles and the fake composer; returns its Settings."""
    make_project(tmp_path)
    monkeypatch.setattr(pipeline, "build_stories", fake_build_stories)
    return load_settings(tmp_path)


def page(settings, rel="stories/city-budget.md") -> Path:
    return settings.content_path / rel


def add_article(settings, name: str) -> None:
    (settings.seeds_path / name).write_text(ARTICLES[name], encoding="utf-8")
