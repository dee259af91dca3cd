"""The pipeline you can see: the stages in order, each a subpackage of generator/.

    ingest   files under seeds/       -> RawDocument | Rejection
    clean    RawDocument              -> Article (body, metadata, removed lines with reasons)
    nlp      Article                  -> ArticleAnalysis (the only stage that touches spaCy)
    stories  ArticleAnalysis[]        -> groups of one event (cluster), each composed into a
             Story from its sections   (sections: actors, timeline, quotes, claims)
    publish  Story                    -> Markdown pages and JSON, merged into content/

Everything is read and analysed before anything is written (as in Pelican), so a story's
page is composed from all its sources at once. Each stage is a pure function; caching
wraps the stages from outside (the `_cached_*` functions below, over generator.store):
an entry is keyed by its stage's code and its inputs, so an unchanged input is never
processed twice, and a change to one stage's code discards that stage's entries only.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from generator import speedups
from generator.config import Settings
from generator.errors import ExitCode, InputRejected  # noqa: F401  (ExitCode: re-exported)
from generator.models import AnalysedArticle, Article, ArticleAnalysis, RawDocument, Rejection, RunResult, Story
from generator.publish import changes, merge, overrides, render, site_pages
from generator.speedups import workers
from generator.store import lock
from generator.store.keys import folder_digest
from generator.store.store import Store
from generator.stories import slugs
from generator.stories.hubs import actor_hubs
from generator.stories.links import StoryLinks, site_links

Progress = Callable[[str], None]

# The modules each cached stage runs: their code, followed through its imports, keys the
# stage's entries (generator.store.keys.code_fingerprint).
STAGES = {
    "read": ("generator.ingest.documents",),
    "clean": ("generator.clean.article",),
    "parse": ("generator.nlp.model",),
    "analyse": ("generator.nlp.analyse",),
    "cluster": ("generator.stories.cluster",),
    "compose": ("generator.stories.compose",),
    "render": ("generator.publish.render", "generator.publish.site_pages"),
    "run": ("generator.pipeline", "generator.ingest.documents", "generator.clean.article",
            "generator.nlp.analyse", "generator.stories.cluster", "generator.stories.compose"),
}


def _quiet(_: str) -> None:
    pass


def generate(settings: Settings, progress: Progress = _quiet) -> RunResult:
    """Under the project lock: build the stories, apply editors' overrides, note what changed,
    render, merge into content/ and record the state."""
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


def build_stories(settings: Settings, progress: Progress = _quiet,
                  digests: Mapping[Path, bytes] | None = None) -> tuple[list[Story], list[Rejection]]:
    """Every story the inputs tell, newest first, each with its lasting slug.

    `digests`: the inputs' sha256 already taken in this run (changes.seed_hashes)."""
    speedups.use(settings.speedups)
    store = stage_store(settings)
    # When no input, setting or line of the stages' code changed: the last run's stories,
    # having read only the inputs' bytes (to hash them) and one cache file.
    run = store.key("run", _settings_text(settings), str(settings.root), folder_digest(settings.seeds_path, digests))
    last = store.last("run", run, tuple)
    if last is not None:
        progress(f"inputs unchanged: {len(last[0])} stories reused from cache")
        stories, rejected = list(last[0]), list(last[1])
    else:
        # A worker starts loading spaCy now, while this process reads the inputs.
        with workers.take_prestarted() or contextlib.nullcontext() as pool:
            _import_later_stages()
            raws, rejected = _cached_read(settings, store)                                # ingest
            articles = _cached_clean(raws, settings, store, rejected)                     # clean, lazily
            analysed = _cached_analyse(articles, settings, store, pool, len(raws), progress)  # nlp
        progress(f"read {len(analysed)} articles, rejected {len(rejected)}")
        groups, set_aside = _cached_cluster(analysed, settings, store)                    # stories
        rejected = sorted(rejected + set_aside, key=lambda r: r.file)
        progress(f"found {len(groups)} stories")
        stories = _cached_compose(groups, settings, store)                                # sections
        store.keep_last("run", run, (tuple(stories), tuple(rejected)))
    files = [[a.file for a in s.sources] for s in stories]
    assigned = slugs.assign_slugs(files, [s.slug for s in stories], slugs.load_registry(settings.state_path))
    stories = [replace(s, slug=slug) for s, slug in zip(stories, assigned)]
    stories.sort(key=lambda s: (s.updated or "", s.slug), reverse=True)
    return stories, rejected


def load_articles(settings: Settings, progress: Progress = _quiet) -> tuple[list[Article], list[Rejection]]:
    """Ingest and clean every input; a bad file becomes a Rejection, the others go through."""
    speedups.use(settings.speedups)
    store = stage_store(settings)
    raws, rejected = _cached_read(settings, store)
    articles = list(_cached_clean(raws, settings, store, rejected))
    progress(f"read {len(articles)} articles, rejected {len(rejected)}")
    return articles, sorted(rejected, key=lambda r: r.file)


def analyse_articles(articles: list[Article], settings: Settings,
                     progress: Progress = _quiet) -> list[AnalysedArticle]:
    """The NLP stage over `articles`, through the cache, in this process (tools and tests)."""
    speedups.use(settings.speedups)
    return _cached_analyse(articles, settings, stage_store(settings), None, len(articles), progress)


def render_pages(stories: list[Story], settings: Settings) -> dict[str, str]:
    """Every page of the site, by its path under content/: story pages and their JSON, the
    home page, and the pages across stories (tags, archive, actors, timeline)."""
    store = stage_store(settings)
    # pages are a function of their story, its links to other stories, the settings, the
    # code and the templates
    key = store.key("render", _settings_text(settings), folder_digest(settings.templates_path))
    hubs = actor_hubs(stories)
    links = site_links(stories, hubs)
    pages: dict[str, str] = {}
    for s, (md, data) in zip(stories, _cached_story_pages(stories, links, settings, store, key)):
        pages[f"stories/{s.slug}.md"], pages[f"stories/{s.slug}.json"] = md, data
    pages["index.md"] = render.render_index(stories, settings)
    memo = store.table("hubs", key)
    pages.update(site_pages.extra_pages(stories, settings, with_data=False, memo=memo.get, hubs=hubs))
    memo.save()
    return pages


def story_registry(stories: list[Story]) -> dict[str, list[str]]:
    return {s.slug: [a.file for a in s.sources] for s in stories}


# ---------------------------------------------------------------- caching around the stages


def stage_store(settings: Settings) -> Store:
    from generator.nlp.model import model_key  # names the model without loading spaCy

    model = model_key()
    return Store(settings.cache_path, STAGES, {"parse": model, "analyse": model, "run": model})


def _settings_text(settings: Settings) -> str:
    """The settings, the project root left out (a cache dir can move with the project)."""
    return repr(replace(settings, root=Path(".")))


def _import_later_stages() -> None:
    """Import the stages after analysis while a worker loads spaCy: the time is free then."""
    from generator.stories import cluster, compose  # noqa: F401


def _cached_read(settings: Settings, store: Store) -> tuple[list[RawDocument], list[Rejection]]:
    """Ingest, remembering what each file's bytes read as (one cache file for the desk)."""
    from generator.ingest import documents

    reads = store.table("read", store.key("read"))
    raws, rejected = documents.read_inputs(settings, memo=reads.get)
    reads.save()
    return raws, rejected


def _cached_clean(raws: list[RawDocument], settings: Settings, store: Store,
                  rejected: list[Rejection]) -> Iterator[Article]:
    """Clean each input as it is asked for (so cleaning goes on while workers parse); a
    rejection is appended to `rejected`."""
    cleaned = store.table("clean", store.key("clean", str(settings.min_body_words)))
    for raw in raws:
        outcome = cleaned.get(repr(raw), functools.partial(_clean, raw, settings))
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        else:
            yield outcome
    cleaned.save()


def _clean(raw: RawDocument, settings: Settings) -> Article | Rejection:
    from generator.clean.article import clean_document

    try:
        return clean_document(raw, settings.min_body_words)
    except InputRejected as exc:
        return Rejection(exc.file, exc.reason)


def _cached_analyse(articles: Iterable[Article], settings: Settings, store: Store, pool: "workers.Workers | None",
                    expected: int, progress: Progress) -> list[AnalysedArticle]:
    """The NLP stage through two caches: the analysis (a warm run loads neither spaCy nor a
    parse) and the parse (a code change re-extracts without re-parsing).

    With `pool` (already loading the model) parsing and analysing happen in its processes, and
    `articles` is consumed lazily: the first are parsed while the rest are cleaned. Cached
    analyses are read meanwhile, once every new text is handed out.
    """
    from generator.nlp.analyse import analyse_batch

    seen: list[Article] = []
    keys: list[str] = []
    results: dict[int, ArticleAnalysis] = {}
    cached: list[int] = []
    unreadable: list[tuple[int, tuple[Article, bytes | None]]] = []

    def parse_key(text: str) -> str:
        return store.key("parse", text)

    def misses() -> Iterator[tuple[int, tuple[Article, bytes | None]]]:
        for i, article in enumerate(articles):
            seen.append(article)
            keys.append(store.key("analyse", article.source_id, article.published or "", article.text))
            if store.has("analyse", keys[i]):
                cached.append(i)
            else:
                yield i, (article, store.get_bytes("parse", parse_key(article.text)))

    def read_cached() -> None:
        for i in cached:
            hit = store.get("analyse", keys[i], ArticleAnalysis)
            if hit is None:  # unreadable: analysed after all
                unreadable.append((i, (seen[i], None)))
            else:
                results[i] = hit
        cached.clear()

    def analysed(todo: Iterable[tuple[int, tuple[Article, bytes | None]]]) -> Iterable[tuple[int, tuple]]:
        if pool is None:
            batch = list(todo)
            return zip([i for i, _ in batch], analyse_batch([job for _, job in batch], settings.n_process))
        return pool.run(todo, settings.n_process, meanwhile=read_cached, total=expected)

    fresh = 0
    for todo in (misses(), unreadable):
        for i, (analysis, parse) in analysed(todo):
            store.put("analyse", keys[i], analysis)
            if parse is not None:
                store.put_bytes("parse", parse_key(seen[i].text), parse)
            results[i] = analysis
            fresh += 1
        read_cached()  # when no worker ran (nothing new) or none was used
    if fresh:
        progress(f"analysed {fresh} articles")
    progress(f"{len(results) - fresh} analyses reused from cache")
    return [AnalysedArticle(a, results[i]) for i, a in enumerate(seen) if i in results]


def _cached_cluster(analysed: list[AnalysedArticle], settings: Settings,
                    store: Store) -> tuple[list[list[AnalysedArticle]], list[Rejection]]:
    """Cluster, or reuse the last clustering when the same articles come again."""
    key = store.key("cluster", _settings_text(settings), *(repr(it.article) for it in analysed))
    last = store.last("cluster", key, tuple)
    if last is not None:
        members, set_aside = last
        return [[analysed[i] for i in group] for group in members], list(set_aside)
    from generator.stories.cluster import cluster_with_rejections

    groups, set_aside = cluster_with_rejections(analysed, settings)
    position = {id(it): i for i, it in enumerate(analysed)}
    store.keep_last("cluster", key, (tuple(tuple(position[id(it)] for it in g) for g in groups), tuple(set_aside)))
    return groups, set_aside


def _cached_compose(groups: list[list[AnalysedArticle]], settings: Settings, store: Store) -> list[Story]:
    """Compose every story, reusing those whose articles, settings and code did not change.

    The rest are composed in `n_process` processes, the biggest first (so that no process is
    left composing a long one alone at the end). A story is keyed by its articles' reprs (an
    analysis is a function of its article, the code and the model), never by pickled
    analyses, whose bytes differ between a fresh and a loaded one.
    """
    from generator.stories.compose import compose_story

    keys = [store.key("compose", _settings_text(settings), *(repr(it.article) for it in g)) for g in groups]
    stories: list[Story | None] = [store.get("compose", key, Story) for key in keys]
    todo = sorted((i for i, story in enumerate(stories) if story is None),
                  key=lambda i: (-sum(len(it.article.text) for it in groups[i]), i))
    made = workers.fork_map(functools.partial(compose_story, settings=settings), [groups[i] for i in todo],
                            settings.n_process)
    for i, story in zip(todo, made):
        store.put("compose", keys[i], story)
        stories[i] = story
    return stories  # type: ignore[return-value]


def _cached_story_pages(stories: list[Story], links: Mapping[str, StoryLinks], settings: Settings, store: Store,
                        key: str) -> list[tuple[str, str]]:
    """Each story's page and JSON: those made last time from the same story and links under
    the same key, the rest rendered in `n_process` processes."""
    keys = [store.key("render", key, repr(s), repr(links.get(s.slug))) for s in stories]
    made: list[tuple[str, str] | None] = [store.get("render", k, tuple) for k in keys]
    todo = [i for i, page in enumerate(made) if page is None]
    fresh = workers.fork_map(functools.partial(_render_story, settings=settings),
                             [(stories[i], links.get(stories[i].slug)) for i in todo], settings.n_process)
    for i, page in zip(todo, fresh):
        store.put("render", keys[i], page)
        made[i] = page
    return made  # type: ignore[return-value]


def _render_story(job: tuple[Story, StoryLinks | None], settings: Settings) -> tuple[str, str]:
    story, links = job
    return render.render_story(story, settings, links or render.NO_LINKS), site_pages.story_data(story)
