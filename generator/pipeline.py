"""The pipeline you can see: ingest -> clean -> analyse -> cluster -> compose -> render -> merge.

Everything is read and analysed before anything is written (as in Pelican), so a story's
page is composed from all its sources at once. I/O happens only at the two ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import analyse, clean, cluster, compose, ingest, merge, render
from .config import Settings
from .errors import InputRejected
from .models import Article, Rejection, RunResult, Story

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def load_articles(settings: Settings, progress: Progress = _quiet) -> tuple[list[Article], list[Rejection]]:
    """Ingest and clean every input; a bad file becomes a Rejection, the others go through."""
    raws, rejected = ingest.read_inputs(settings)
    articles: list[Article] = []
    for raw in raws:
        try:
            articles.append(clean.clean_document(raw))
        except InputRejected as exc:
            rejected.append(Rejection(exc.file, exc.reason))
    progress(f"read {len(articles)} articles, rejected {len(rejected)}")
    return articles, sorted(rejected, key=lambda r: r.file)


def build_stories(settings: Settings, progress: Progress = _quiet) -> tuple[list[Story], list[Rejection]]:
    articles, rejected = load_articles(settings, progress)
    analysed = analyse.analyse_articles(articles, settings.cache_path, settings.n_process, progress)
    groups = cluster.cluster_articles(analysed, settings)
    progress(f"found {len(groups)} stories")
    stories = [compose.compose_story(group, settings) for group in groups]
    stories = _unique_slugs(stories)
    stories.sort(key=lambda s: (s.updated or "", s.slug), reverse=True)
    return stories, rejected


def _unique_slugs(stories: list[Story]) -> list[Story]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for s in sorted(stories, key=lambda s: (s.slug, s.source_ids)):
        n = seen.get(s.slug, 0)
        seen[s.slug] = n + 1
        out.append(s if n == 0 else replace(s, slug=f"{s.slug}-{n + 1}"))
    return out


def render_pages(stories: list[Story], settings: Settings) -> dict[str, str]:
    pages = {f"stories/{s.slug}.md": render.render_story(s, settings) for s in stories}
    pages["index.md"] = render.render_index(stories, settings)
    return pages


def generate(settings: Settings, progress: Progress = _quiet) -> RunResult:
    stories, rejected = build_stories(settings, progress)
    pages = render_pages(stories, settings)
    result = merge.write_pages(pages, settings)
    progress(f"wrote {len(result.written)} pages, {len(result.conflicts)} conflicts")
    return RunResult(tuple(stories), tuple(rejected), result.conflicts, result.written)


@dataclass(frozen=True)
class ExitCode:
    """Documented exit statuses of every command."""

    OK = 0
    SOME_REJECTED = 1  # pages written, but some inputs were rejected (each named on stderr)
    USAGE = 2  # bad command line or settings
    CONFLICT = 3  # merge conflicts need an editor (each file:line named)
    FAILED = 4  # nothing could be done (no model, lock held, build failed)
