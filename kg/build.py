"""Incremental, idempotent builds: files → articles → extractions → the store.

After the articles are stored, :func:`kg.resolve.resolve` updates the canonical events
and claims and the entities graph. An article whose content hash (file bytes plus sidecar) is already in the store is
skipped; a changed one has its named graph replaced in one transaction, so an
interrupted build leaves every article fully in or fully out. A file that cannot be
read is reported and skipped; nothing already stored is touched.

Worker processes parse and extract (:meth:`kg.pipeline.Pipeline.extract_many`) while this
process, the single writer, merges entities across articles in input order and writes.
The first build of a large corpus into an empty store uses Oxigraph's bulk loader,
:data:`BULK_EVERY` articles at a time (:class:`kg.store.BulkLoad`): it is not
atomic, but an article it leaves in part has no content hash, and the next build drops it
and builds it again (:meth:`kg.store.Store.incomplete_articles`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from kg.errors import InputError
from kg.graph.vocabulary import BASE, TOPICS_GRAPH
from kg.ingest import iter_input_paths, read_article
from kg.ingest.reader import DEFAULT_MAX_BYTES
from kg.pipeline import IN_PROCESS_BELOW, EntityRegistry, Pipeline, pipeline_fingerprint
from kg.records import Article, Extraction
from kg.resolve import ResolveReport, hashed, resolve
from kg.store import Store
from kg.workers import BATCH, Workers


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    reextracted: list[str] = field(default_factory=list)  # unchanged text, other KB or rules
    pruned: list[str] = field(default_factory=list)  # stored, but no longer among the inputs
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (level, "PATH: what reading did")
    counts: dict[str, int] = field(default_factory=lambda: {"entities": 0, "timexes": 0, "claims": 0, "events": 0})
    resolved: ResolveReport | None = None  # the resolution run after the articles were stored

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        c = self.counts
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.skipped)} unchanged, "
            f"{len(self.failed)} skipped as unreadable, "
            f"{_count(sum(level == 'warning' for level, _ in self.notices), 'warning')}; extracted {c['entities']} entities, {c['timexes']} dates, "
            f"{c['claims']} claims, {c['events']} events"
        ) + (f"; {len(self.reextracted)} re-extracted for a new knowledge base or rules" if self.reextracted else "") \
            + (f"; {len(self.pruned)} removed (files gone)" if self.pruned else "") \
            + (f"; {self.resolved.summary()}" if self.resolved else "")


FLUSH_EVERY = 100  # articles between store flushes: 2,000 articles peak at ~1 GB instead of ~2.3 GB
BULK_FROM = 100  # the fewest articles a build must have to bulk-load an empty store
BULK_EVERY = 25  # articles per bulk load: the last one, after the last parse, is short
Say = Callable[[str, str], None]  # (level, message): "error", "warning" or "note"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def read_inputs(
    paths: Iterable[str | Path], published: str | None, report: BuildReport, say: Say,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> list[Article]:
    """Articles of every readable input. Each unreadable one is reported as one line
    ("error", then skipped); what reading did to a readable one ("decoded as
    Windows-1252", "looks like English") as a "note" or "warning" line."""
    return read_files(list_inputs(paths, report, say), published, report, say, max_bytes)


def list_inputs(paths: Iterable[str | Path], report: BuildReport, say: Say) -> list[Path]:
    """The article files that ``paths`` name; a missing path is reported as one line and skipped."""
    errors: list[InputError] = []
    found = list(iter_input_paths(paths, errors))
    for e in errors:
        report.failed.append(("", str(e)))
        say("error", f"{e}; skipped")
    return found


def read_files(files: list[Path], published: str | None, report: BuildReport, say: Say,
               max_bytes: int | None) -> list[Article]:
    """The articles of :func:`list_inputs`' files that can be read (see :func:`read_inputs`)."""
    articles = []
    for path in files:
        try:
            article = read_article(path, published=published, max_bytes=max_bytes)
        except InputError as e:
            report.failed.append((str(path), str(e)))
            say("error", str(e) if ": skipped" in str(e) else f"{e}; skipped")
            continue
        for level, message in article.notices:
            report.notices.append((level, f"{path}: {message}"))
            say(level, f"{path}: {message}")
        articles.append(article)
    return articles


def build(
    paths: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline | None = None,
    *,
    workers: int = 1,
    published: str | None = None,
    force: bool = False,
    prune: bool = False,
    progress: bool = False,
    say: Say = lambda level, message: None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> BuildReport:
    report = BuildReport()
    _drop_incomplete(store, say)
    files = list_inputs(paths, report, say)
    early = _early_workers(store, len(files), workers)
    pipeline = pipeline or (Pipeline() if early else None)
    with Workers(pipeline, early) if early else nullcontext() as pool:
        todo = []
        fingerprint = pipeline.fingerprint if pipeline is not None else pipeline_fingerprint()
        seen: set[str] = set()
        for article in read_files(files, published, report, say, max_bytes):
            seen.add(article.name)
            stored = store.article_hash(article.name)
            if stored == article.sha256 and not force:
                if store.article_fingerprint(article.name) == fingerprint:
                    report.skipped.append(article.name)
                    continue
                report.reextracted.append(article.name)  # same text, other knowledge base or rules
            todo.append((article, stored is not None))
        if report.reextracted:
            say("note", f"{len(report.reextracted)} unchanged article(s) re-extracted: the knowledge base, "
                        "the topics or kg's extraction rules changed since they were built")
        if prune:  # never an article whose file is there but could not be read this time
            seen |= {Path(path).name for path, _ in report.failed}
            for name in sorted(set(store.articles()) - seen):
                store.remove_article(name)
                report.pruned.append(name)
        if not todo:
            if report.pruned or (store.articles() and not store.is_resolved()):
                # removed articles, a store built before resolution, or a resolution cut short
                report.resolved = resolve(store)
            return report
        pipeline = pipeline or Pipeline()
        articles = [a for a, _ in todo]
        bulk = _can_bulk_load(store, articles)
        store.replace_graph(TOPICS_GRAPH, hashed(TOPICS_GRAPH, list(pipeline.topics.triples())))  # hash: kg push
        registry = EntityRegistry(minted_entities(store))
        replaced = {a.name for a, was_there in todo if was_there}
        had_model = "nlp" in vars(pipeline)  # a lone worker's build loads it here, to extract
        extractions = pool.extract(articles) if pool else pipeline.extract_many(articles, workers=workers)
        bar = tqdm(extractions, total=len(todo), unit="article", disable=not progress, leave=False)
        with closing(extractions):  # on an error while writing, the worker processes stop at once
            for x in _write(store, map(registry.merge, bar), fingerprint, bulk):
                (report.replaced if x.article.name in replaced else report.added).append(x.article.name)
                for kind, records in (("entities", x.entities), ("timexes", x.timexes), ("claims", x.claims),
                                      ("events", x.events)):
                    report.counts[kind] += len(records)
        if not had_model:
            pipeline.release_model()
        report.resolved = resolve(store)
        return report


def _early_workers(store: Store, files: int, workers: int) -> int:
    """How many worker processes to start before reading the inputs, so that they load the
    spaCy model (seconds) meanwhile: in a first build (an empty store, so every readable input
    is to extract) of enough files to want workers, no more than there are batches; else 0."""
    if workers < 1 or files < IN_PROCESS_BELOW or store.articles():
        return 0
    return min(workers, -(-files // BATCH))


def _drop_incomplete(store: Store, say: Say) -> None:
    """Remove the article graphs an interrupted bulk load left without their content hash:
    they are in part, and would otherwise seed the entity registry or be shown by queries."""
    incomplete = store.incomplete_articles()
    for name in incomplete:
        store.remove_article(name)
    if incomplete:
        say("note", f"{_count(len(incomplete), 'article')} left incomplete by an interrupted build removed, "
                    "to be built again")


def _can_bulk_load(store: Store, articles: list[Article]) -> bool:
    """Bulk loading suits a first build of many articles: an empty store (no graph to replace
    atomically) and distinct names (two files of one name replace each other's graph)."""
    names = {a.name for a in articles}
    return len(articles) >= BULK_FROM and len(names) == len(articles) and not store.articles()


def _write(store: Store, extractions: Iterable[Extraction], fingerprint: str, bulk: bool) -> Iterator[Extraction]:
    """Write each (merged) extraction and yield it once it is stored: one transaction per
    article, or with ``bulk`` BULK_EVERY articles per bulk load; flushes as it goes."""
    if bulk:
        yield from _bulk_write(store, extractions, fingerprint)
        return
    for n, x in enumerate(extractions, 1):
        store.replace_article(x, topic_iri=None, fingerprint=fingerprint)
        if n % FLUSH_EVERY == 0:
            store.flush()  # keeps RocksDB's write buffers from growing with the corpus
        yield x


def _bulk_write(store: Store, extractions: Iterable[Extraction], fingerprint: str) -> Iterator[Extraction]:
    """Each extraction mapped as it comes (overlapping the parse), written BULK_EVERY at a time."""
    load = store.bulk_load(topic_iri=None, fingerprint=fingerprint)
    pending: list[Extraction] = []
    for x in extractions:
        load.add(x)
        pending.append(x)
        if len(pending) == BULK_EVERY:
            load.commit()
            yield from pending
            pending = []
    if pending:
        load.commit()
        yield from pending


_MINTED = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://kg.example.org/ns#>
SELECT DISTINCT ?e ?label ?type WHERE {
  GRAPH ?g {
    ?e rdfs:label ?label .
    VALUES (?class ?type) { (schema:Person "Person") (schema:Organization "Organization") (schema:Place "Place") }
    ?e a ?class .
    FILTER NOT EXISTS { ?e kg:inKnowledgeBase true }
  }
}
"""


def minted_entities(store: Store) -> list[tuple[str, str, str]]:
    """(key, label, type) of the entities already stored that the KB does not know,
    so that an incremental build merges new spellings with them."""
    prefix = BASE + "entity/"
    rows = store.query(_MINTED)
    return sorted(
        (str(e)[len(prefix) :], str(label), str(typ)) for e, label, typ in rows if str(e).startswith(prefix)
    )
