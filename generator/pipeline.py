"""The pipeline you can see: ingest -> clean -> analyse -> cluster -> compose -> render -> merge.

Everything is read and analysed before anything is written (as in Pelican), so a story's
page is composed from all its sources at once. I/O happens only at the two ends.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from . import analyse, cache, clean, cluster, compose, ingest, merge, render, slugs
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
    groups, set_aside = cluster.cluster_with_rejections(analysed, settings)
    rejected = sorted(rejected + set_aside, key=lambda r: r.file)
    progress(f"found {len(groups)} stories")
    stories = [_compose_cached(group, settings) for group in groups]
    files = [[a.file for a in s.sources] for s in stories]
    assigned = slugs.assign_slugs(files, [s.slug for s in stories], slugs.load_registry(settings.state_path))
    stories = [replace(s, slug=slug) for s, slug in zip(stories, assigned)]
    stories.sort(key=lambda s: (s.updated or "", s.slug), reverse=True)
    return stories, rejected


# Modules whose code shapes a Story from analysed articles.
COMPOSE_MODULES = ("compose", "actors", "timeline", "quotes", "claims", "models")


def _compose_cached(group: list, settings: Settings) -> Story:
    """Compose a story, or reuse it when neither its articles nor the code changed.

    With many stories this keeps a run that adds one article proportional to that story.
    """
    import hashlib
    import pickle
    from pathlib import Path

    digest = hashlib.sha256(cache.code_fingerprint(COMPOSE_MODULES, repr(replace(settings, root=Path(".")))).encode())
    digest.update(pickle.dumps(group, protocol=4))
    path = settings.cache_path / "stories" / f"{digest.hexdigest()}.pkl"
    story = cache.load(path, Story)
    if story is None:
        story = compose.compose_story(group, settings)
        cache.store(path, story)
    return story


def story_registry(stories: list[Story]) -> dict[str, list[str]]:
    return {s.slug: [a.file for a in s.sources] for s in stories}


def render_pages(stories: list[Story], settings: Settings) -> dict[str, str]:
    pages = {f"stories/{s.slug}.md": render.render_story(s, settings) for s in stories}
    pages["index.md"] = render.render_index(stories, settings)
    return pages


def generate(settings: Settings, progress: Progress = _quiet) -> RunResult:
    stories, rejected = build_stories(settings, progress)
    pages = render_pages(stories, settings)
    result = merge.write_pages(pages, settings)
    slugs.save_registry(settings.state_path, story_registry(stories))
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
