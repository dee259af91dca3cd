"""The pipeline you can see: ingest -> clean -> analyse -> cluster -> compose -> render -> merge.

Everything is read and analysed before anything is written (as in Pelican), so a story's
page is composed from all its sources at once. I/O happens only at the two ends.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator, Mapping

# analyse, clean, cluster, compose and ingest are imported where used: a run whose inputs did not
# change never loads them (nor spaCy, trafilatura or dateparser behind them).
from generator.store import cache
from generator.publish import changes
from generator.store import lock
from generator.publish import merge
from generator.publish import overrides
from generator.publish import render
from generator.publish import site_pages
from generator.stories import slugs
from generator.config import Settings
from generator.errors import ExitCode, InputRejected  # noqa: F401  (ExitCode: re-exported)
from generator.models import Article, Rejection, RunResult, Story

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def load_articles(settings: Settings, progress: Progress = _quiet) -> tuple[list[Article], list[Rejection]]:
    """Ingest and clean every input; a bad file becomes a Rejection, the others go through."""
    raws, rejected = _read_inputs(settings)
    articles = list(_cleaned(raws, settings, rejected))
    progress(f"read {len(articles)} articles, rejected {len(rejected)}")
    return articles, sorted(rejected, key=lambda r: r.file)


def _read_inputs(settings: Settings) -> tuple[list, list[Rejection]]:
    from generator.ingest import documents as ingest

    return ingest.read_inputs(settings)


def _cleaned(raws: list, settings: Settings, rejected: list[Rejection]) -> Iterator[Article]:
    """Each input cleaned, as it is asked for; rejections are appended to `rejected`.

    A cleaning is reused when neither the input nor the code changed (one cache file for all)."""
    memo = cache.MemoTable(settings.cache_path / "clean.pkl", cache.code_fingerprint(f"clean:{settings.min_body_words}"))
    for raw in raws:
        outcome = memo.get(cache.text_key(repr(raw)), functools.partial(_clean, raw, settings))
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        else:
            yield outcome
    memo.save()


def _clean(raw, settings: Settings) -> Article | Rejection:
    from generator.clean import article as clean

    try:
        return clean.clean_document(raw, settings.min_body_words)
    except InputRejected as exc:
        return Rejection(exc.file, exc.reason)


def build_stories(settings: Settings, progress: Progress = _quiet,
                  digests: Mapping[Path, bytes] | None = None) -> tuple[list[Story], list[Rejection]]:
    """`digests`: inputs' sha256 already taken in this run (changes.seed_hashes)."""
    stories, rejected = _stories_cached(settings, progress, digests)
    files = [[a.file for a in s.sources] for s in stories]
    assigned = slugs.assign_slugs(files, [s.slug for s in stories], slugs.load_registry(settings.state_path))
    stories = [replace(s, slug=slug) for s, slug in zip(stories, assigned)]
    stories.sort(key=lambda s: (s.updated or "", s.slug), reverse=True)
    return stories, rejected


def _settings_key(settings: Settings) -> str:
    """Code, model and settings (root left out, so a cache dir can move with the project)."""
    from generator.nlp.model import model_key

    return cache.code_fingerprint(model_key() + repr(replace(settings, root=Path("."))))


def _stories_cached(settings: Settings, progress: Progress,
                    digests: Mapping[Path, bytes] | None = None) -> tuple[list[Story], list[Rejection]]:
    """Stories before slugs; when no input, setting or line of code changed, the last run's.

    A warm run then reads only the inputs' bytes (to hash them) and one cache file.
    """
    key = cache.text_key(_settings_key(settings), str(settings.root), cache.folder_digest(settings.seeds_path, digests))
    path = settings.cache_path / "last-build.pkl"
    hit = cache.load_keyed(path, key)
    if isinstance(hit, tuple) and len(hit) == 2:
        progress(f"inputs unchanged: {len(hit[0])} stories reused from cache")
        return list(hit[0]), list(hit[1])
    from generator.nlp import analyse
    from generator.nlp import workers

    # Something changed: a worker starts loading spaCy now, while this process reads the inputs.
    with workers.take_prestarted(settings.cache_path) or contextlib.nullcontext() as pool:
        _import_later_stages()
        raws, rejected = _read_inputs(settings)
        cleaned = _cleaned(raws, settings, rejected)  # lazily: cleaning goes on while workers parse
        analysed = analyse.analyse_articles(cleaned, settings.cache_path, settings.n_process, progress, pool,
                                            expected=len(raws))
    progress(f"read {len(analysed)} articles, rejected {len(rejected)}")
    groups, set_aside = _cluster_cached(analysed, settings)
    rejected = sorted(rejected + set_aside, key=lambda r: r.file)
    progress(f"found {len(groups)} stories")
    stories = _compose_all(groups, settings)
    cache.store_keyed(path, key, (stories, rejected))
    return stories, rejected


def _import_later_stages() -> None:
    """Import the stages after analysis while a worker loads spaCy: the time is free then."""
    from generator.stories import cluster  # noqa: F401
    from generator.stories import compose
    from generator.publish import render


def _cluster_cached(analysed: list, settings: Settings) -> tuple[list[list], list[Rejection]]:
    """Cluster, or reuse the last clustering when the same articles come again."""
    key = cache.text_key(_settings_key(settings), *(repr(it.article) for it in analysed))
    path = settings.cache_path / "last-clusters.pkl"
    hit = cache.load_keyed(path, key)
    if isinstance(hit, tuple) and len(hit) == 2:
        members, set_aside = hit
        return [[analysed[i] for i in group] for group in members], list(set_aside)
    from generator.stories import cluster

    groups, set_aside = cluster.cluster_with_rejections(analysed, settings)
    position = {id(it): i for i, it in enumerate(analysed)}
    members = tuple(tuple(position[id(it)] for it in group) for group in groups)
    cache.store_keyed(path, key, (members, tuple(set_aside)))
    return groups, set_aside


def _compose_all(groups: list[list], settings: Settings) -> list[Story]:
    """Compose every story, reusing those whose articles and code did not change.

    The rest are composed in `n_process` processes: stories are independent, and with many
    new ones composing costs as much as parsing. A run that adds one article composes one.
    """
    from generator.nlp import workers

    paths = [_story_path(group, settings) for group in groups]
    stories: list[Story | None] = [cache.load(path, Story) for path in paths]
    # the biggest stories first, so that no process is left composing a long one alone at the end
    todo = sorted((i for i, story in enumerate(stories) if story is None),
                  key=lambda i: (-sum(len(it.article.text) for it in groups[i]), i))
    compose_one = functools.partial(_compose_story, settings=settings)
    for i, story in zip(todo, workers.fork_map(compose_one, [(groups[i], paths[i]) for i in todo], settings.n_process)):
        stories[i] = story
    return stories  # type: ignore[return-value]


def _story_path(group: list, settings: Settings) -> Path:
    """Keyed by the articles' reprs (an analysis is a function of its article, the code and the
    model); never by pickled analyses, whose bytes differ between a fresh and a loaded one."""
    key = cache.text_key(_settings_key(settings), *(repr(it.article) for it in group))
    return settings.cache_path / "stories" / f"{key}.pkl"


def _compose_story(job: tuple[list, Path], settings: Settings) -> Story:
    from generator.stories import compose

    group, path = job
    story = compose.compose_story(group, settings=settings)
    cache.store(path, story)
    return story


def story_registry(stories: list[Story]) -> dict[str, list[str]]:
    return {s.slug: [a.file for a in s.sources] for s in stories}


def render_pages(stories: list[Story], settings: Settings) -> dict[str, str]:
    # pages are a function of their input, the settings, the code and the templates
    key = cache.text_key(_settings_key(settings), cache.folder_digest(settings.templates_path))
    pages: dict[str, str] = {}
    for s, (md, data) in zip(stories, _story_pages(stories, settings, key)):
        pages[f"stories/{s.slug}.md"], pages[f"stories/{s.slug}.json"] = md, data
    pages["index.md"] = render.render_index(stories, settings)
    hubs = cache.MemoTable(settings.cache_path / "hub-pages.pkl", key)
    pages.update(site_pages.extra_pages(stories, settings, with_data=False, memo=hubs.get))  # tags, archive, hubs
    hubs.save()
    return pages


def _story_pages(stories: list[Story], settings: Settings, key: str) -> list[tuple[str, str]]:
    """Each story's page and JSON: those made last time from the same story under the same
    key, the rest rendered in `n_process` processes (each stores what it renders)."""
    from generator.nlp import workers

    paths = [settings.cache_path / "pages" / f"{cache.text_key(key, repr(s))}.pkl" for s in stories]
    made: list[tuple[str, str] | None] = [cache.load(path, tuple) for path in paths]
    todo = [i for i, page in enumerate(made) if page is None]
    render_one = functools.partial(_render_story, settings=settings)
    for i, page in zip(todo, workers.fork_map(render_one, [(stories[i], paths[i]) for i in todo], settings.n_process)):
        made[i] = page
    return made  # type: ignore[return-value]


def _render_story(job: tuple[Story, Path], settings: Settings) -> tuple[str, str]:
    story, path = job
    page = (render.render_story(story, settings), site_pages.story_data(story))
    cache.store(path, page)
    return page


def generate(settings: Settings, progress: Progress = _quiet) -> RunResult:
    """Under the project lock: build, apply editors' overrides, note what changed, merge, record."""
    with lock.content_lock(settings):
        for note in merge.recover(settings):
            progress(note)
        editor_overrides = overrides.load_overrides(settings.path(settings.overrides_file), settings.overrides_file)
        digests: dict[Path, bytes] = {}
        seeds = changes.seed_hashes(settings, digests)
        stories, rejected = build_stories(settings, progress, digests)
        stories = [overrides.apply_overrides(s, editor_overrides) for s in stories]
        stories = changes.annotate_changes(stories, changes.load_state(settings))
        pages = render_pages(stories, settings)
        result = merge.write_pages(pages, settings)
        slugs.save_registry(settings.state_path, story_registry(stories))
        changes.save_state(settings, changes.build_state(stories, changes.page_inputs(stories, pages), seeds))
    progress(f"wrote {len(result.written)} pages, {len(result.conflicts)} conflicts")
    return RunResult(tuple(stories), tuple(rejected), result.conflicts, result.written)
