"""Extraction for corpora too big for one machine: N-Quads shards, written anywhere.

:func:`extract_shard` runs the same pipeline as ``kg build`` on a list of article files
and writes their named graphs as one N-Quads file — nothing else, so any number of them
can run at once, on any machine that has kg installed. :func:`extract_with_dask` spreads
shards over a Dask cluster (``dask.distributed.Client``); :meth:`kg.store.Store.load_shards`
bulk-loads the results into a store, and an Oxigraph server loads them with
``oxigraph load --location DB --file SHARD.nq``.

Each worker process loads the French pipeline once and reuses it for every shard it is
given, and parses a shard's articles batch by batch as a worker process of ``kg build``
does (:meth:`kg.pipeline.Pipeline.extract_batch` on :func:`kg.workers.in_batches`).
Cross-article spelling merges of entities the knowledge base does not know
(:class:`kg.pipeline.EntityRegistry`) happen within a shard only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.graph.vocabulary import article_graph_iri

__all__ = ["ShardReport", "extract_shard", "extract_with_dask", "shard_paths"]


@dataclass
class ShardReport:
    path: str  # the N-Quads file written
    articles: int = 0
    quads: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason)


def extract_shard(files: Sequence[str], out: str, published: str | None = None) -> ShardReport:
    """Extract ``files`` and write their article graphs to the N-Quads file ``out``."""
    from kg.ingest import read_article
    from kg.pipeline import EntityRegistry, default_pipeline
    from kg.store import article_triples
    from kg.terms import to_quads
    from kg.workers import in_batches

    report = ShardReport(out)
    articles = []
    for f in files:
        try:
            articles.append(read_article(f, published=published))
        except InputError as e:
            report.failed.append((str(f), str(e)))
    registry = EntityRegistry()
    quads = []
    pipeline = default_pipeline()
    for batch in in_batches(articles):
        for x in map(registry.merge, pipeline.extract_batch(batch)):
            quads.extend(to_quads(article_graph_iri(x.article.name), article_triples(x, None, pipeline.fingerprint)))
            report.articles += 1
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    ox.serialize(quads, output=out, format=ox.RdfFormat.N_QUADS)
    report.quads = len(quads)
    return report


def shard_paths(files: Sequence[str], per_shard: int) -> list[list[str]]:
    """``files`` cut into consecutive groups of ``per_shard``."""
    return [list(files[i : i + per_shard]) for i in range(0, len(files), per_shard)]


def extract_with_dask(client, files: Sequence[str], out_dir: str | Path, per_shard: int = 200,
                      published: str | None = None) -> list[ShardReport]:
    """Extract ``files`` on the Dask cluster of ``client``: one task per shard of
    ``per_shard`` articles, each writing ``out_dir/shard-NNNNN.nq`` (a folder every
    worker can reach: a shared disk, or an object store mounted on each machine)."""
    groups = shard_paths([str(f) for f in files], per_shard)
    outs = [str(Path(out_dir) / f"shard-{i:05d}.nq") for i in range(len(groups))]
    futures = client.map(extract_shard, groups, outs, published=published, pure=False)
    return client.gather(futures)
