"""Test support for the render, site-build, injection and browser tests.

- `full_story()`: an invented, news-style story with every section filled (the seed story
  is mostly empty until the analysis modules land).
- `hostile_story()`: the same shape, every text field an attack string.
- `built_site()`: a temp copy of the project generated from plain scraped files without
  sidecars (the seeds, and the shared corpus's events when present: read from
  ../shared/corpus, copied into the temp project only), plus the two stories above, built
  once per test session with `mkdocs build --strict`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from generator.models import Actor, Article, Item, Quote, Story, TimelineEntry, Unknown
from tests.paths import corpus_files

ROOT = Path(__file__).resolve().parents[2]


def _article(sid: str, **kw) -> Article:
    return Article(source_id=sid, file=f"seeds/{sid}_test.txt", paragraphs=("Body.",), **kw)


def full_story() -> Story:
    """An invented tram-line story: four outlets, every section non-empty."""
    sources = (
        _article("000", title="Council approves Riverside tram line", outlet="Harbour Gazette",
                 author="Dana Reyes", published="2024-03-14T09:30", url="https://gazette.example.com/tram?id=7&x=(1)"),
        _article("001", title="Tram line gets green light after long debate", outlet="Metro Daily",
                 published="2024-03-14", url="http://metro.example.org/news/tram_line"),
        _article("002", title="Riverside tram: what the vote means", outlet=None, author="Sam Okafor",
                 published="2024-03-15"),
        _article("003", title=None, outlet="Valley Radio", published=None, url="javascript:alert('src')"),
    )
    return Story(
        slug="council-approves-riverside-tram-line",
        headline="Council approves Riverside tram line",
        event_date="2024-03-13",
        updated="2024-03-15",
        sources=sources,
        summary=(
            Item("The city council approved the Riverside tram line on Wednesday by 31 votes to 19.", ("000", "001")),
            Item("Construction is due to start in spring 2025.", ("000", "002")),
            Item("Opponents say the cost estimate of £240 million is too low.", ("001",)),
        ),
        background=(
            Item("The line was first proposed in 2009 and shelved twice for lack of funds.", ("000",)),
        ),
        actors=(
            Actor("Maria Lindqvist", "person", ("Lindqvist", "Mayor Lindqvist"), "mayor of the city", 6,
                  ("000", "001", "002"), role_sources=("001",)),
            Actor("City Council", "organization", (), "the body that approved the line", 4, ("000", "001")),
            Actor("Tom Berger", "person", ("Berger",), "leader of the opposition group", 2, ("001",)),
            Actor("Riverside", "region", (), None, 3, ("000", "002")),
        ),
        timeline=(
            TimelineEntry("2009", "The line was first proposed in 2009.", ("000",)),
            TimelineEntry("2019-06", "Plans were shelved a second time in June 2019.", ("002",)),
            TimelineEntry("2024-03-13", "The council voted 31 to 19 in favour on Wednesday.", ("000", "001")),
            TimelineEntry("2025", "Construction is due to start in spring 2025.", ("000", "002")),
        ),
        known=(
            Item("The vote was 31 in favour and 19 against.", ("000", "001", "002")),
            Item("The line will have 14 stops over 11 kilometres.", ("000", "001")),
            Item("Maria Lindqvist called the vote a turning point for the east of the city.", ("000",)),
        ),
        unknown=(
            Unknown("open_question", "It is not yet clear who will operate the line.", ("001",)),
            Unknown("single_source", "The national government may cover a third of the cost.", ("002",)),
            Unknown("disputed", "The estimated cost", ("000", "001"),
                    {"000": "The line is expected to cost £240 million.",
                     "001": "Officials put the cost at £310 million including new trams."}),
        ),
        quotes=(
            Quote("Maria Lindqvist", "This is a turning point for the east of our city", ("000", "001")),
            Quote("Tom Berger", "The numbers simply do not add up", ("001",), note="another rendering of the same statement"),
            Quote(None, "We have waited fifteen years for this", ("002",)),
        ),
        whats_next=(Item("A public consultation on the route opens in May.", ("000",)),),
        changes=("1 new source: Valley Radio", "2 new points under What we know"),
    )


# Each attack string tries one way for article text to become page structure or code.
ATTACKS = (
    "<script>window.__pwned=1;alert('xss')</script>",
    "<img src=x onerror=\"window.__pwned=2\">",
    "[click me](javascript:window.__pwned=3)",
    "![pixel](https://tracker.invalid/p.gif)",
    "<https://evil.invalid/autolink>",
    "{{ config.site_name }} {% raw %} {# c #}",
    "{: onclick=\"window.__pwned=4\" .evil }",
    "[^000] and [^zzz]: fake footnote",
    "| table | breaker |",
    "\n# Injected heading\n\n- injected item\n---\n",
    "*[HTML]: fake abbreviation",
    "<!-- material/tags --> &lt;script&gt; &#60;b&#62;",
    "`code` **bold** _em_ \\ \u202eevil\u202c \x02wzxhzdk:0\x03",
    "--8<-- \"/etc/passwd\"",
    "!!! danger \"Injected admonition\"",
    "<div markdown=\"1\">*md in html*</div>",
    "\"><svg onload=window.__pwned=5>",
)


def attack(i: int) -> str:
    return ATTACKS[i % len(ATTACKS)]


def hostile_story() -> Story:
    """Every text field of the full story replaced by an attack string."""
    base = full_story()
    n = iter(range(10_000))
    nxt = lambda: attack(next(n))  # noqa: E731 - a counter walking through the attacks
    sources = tuple(
        replace(a, title=nxt(), outlet=nxt(), author=nxt(),
                url="javascript:window.__pwned=6" if i % 2 else "https://ok.example.com/a\"><script>x</script>")
        for i, a in enumerate(base.sources)
    )
    return replace(
        base,
        slug="hostile-story",
        headline="Hostile " + " ".join(ATTACKS),
        sources=sources,
        summary=tuple(Item(nxt(), i.sources) for i in base.summary),
        background=tuple(Item(nxt(), i.sources) for i in base.background),
        actors=tuple(replace(a, name=nxt(), aliases=(nxt(),), role=nxt()) for a in base.actors)
        + (Actor("Hostile Actor", "person", (), nxt(), 1, ("000",)),),
        timeline=tuple(TimelineEntry(d, nxt(), ("000",)) for d in ("2024-03-13", "<b>2024</b>", "2025")),
        known=tuple(Item(a, ("000", "001")) for a in ATTACKS),
        unknown=(Unknown("open_question", nxt(), ("001",)),
                 Unknown("single_source", nxt(), ("002",)),
                 Unknown("disputed", nxt(), ("000", "001"), {"000": nxt(), "001": nxt()})),
        quotes=tuple(Quote(nxt(), nxt(), ("000",), note=nxt()) for _ in range(3)),
        whats_next=(Item(nxt(), ("003",)),),
        changes=(nxt(), nxt()),
    )


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the temp project
    site: Path  # its built site/
    log: str  # mkdocs's stderr
    returncode: int
    seed_slugs: tuple[str, ...]  # every generated story, newest first
    seed_slug: str  # the story of the repository's own seeds/
    corpus: bool  # whether the shared corpus's events are in the site
    stories: tuple = ()  # the generated Story objects


def _copy_project(dest: Path) -> None:
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("site_config", "seeds"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for event in sorted({p.parent for p in corpus_files()}):  # plain files, each event in its folder
        (dest / "seeds" / event.name).mkdir()
        for path in sorted(event.glob("*.txt")):
            shutil.copy2(path, dest / "seeds" / event.name / path.name)


@lru_cache(maxsize=1)
def built_site() -> BuiltSite:
    """Generate from the seeds into a temp copy, add the test stories, `mkdocs build --strict`."""
    from generator.config import load_settings
    from generator.pipeline import generate
    from generator.publish.render import render_story
    from generator.publish.site_pages import story_data

    tmp = Path(tempfile.mkdtemp(prefix="explainer-site-"))
    atexit.register(shutil.rmtree, tmp, True)
    _copy_project(tmp)
    settings = replace(load_settings(tmp), cache_dir=str(tmp / ".cache"))
    result = generate(settings)
    for story in (full_story(), hostile_story()):
        (tmp / "content" / "stories" / f"{story.slug}.md").write_text(render_story(story, settings), encoding="utf-8")
        (tmp / "content" / "stories" / f"{story.slug}.json").write_text(story_data(story), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MKDOCS")}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(tmp / "mkdocs.yml")],
        cwd=tmp, capture_output=True, text=True, env=env, timeout=300,
    )
    seed = next(s.slug for s in result.stories if all(a.file.count("/") == 1 for a in s.sources))
    return BuiltSite(tmp, tmp / "site", proc.stderr, proc.returncode, tuple(s.slug for s in result.stories), seed,
                     bool(corpus_files()), result.stories)
