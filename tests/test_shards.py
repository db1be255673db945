"""Issue 7: the same extraction on a Dask cluster, as N-Quads shards that bulk-load
into a store with exactly the article graphs `kg build` writes."""

from __future__ import annotations

import distributed  # installed by `make test` (the [test] extra)

from kg.graph.vocabulary import DERIVED_GRAPHS, TOPICS_GRAPH
from tests.conftest import SEEDS, article_graphs


def test_dask_shards_load_into_the_same_article_graphs(tmp_path, seed_store_path, pipeline):
    from kg.resolve import resolve
    from kg.shards import extract_with_dask
    from kg.store import Store

    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    # An in-process local cluster: its worker threads share the session's French pipeline.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        reports = extract_with_dask(client, files, tmp_path / "shards", per_shard=2)
    assert [r.articles for r in reports] == [2, 2, 1]
    assert all(not r.failed for r in reports)
    assert all((tmp_path / "shards" / f"shard-{i:05d}.nq").exists() for i in range(3))

    with Store.open(tmp_path / "from-shards") as store:
        loaded = store.load_shards(r.path for r in reports)
        sharded = article_graphs(store)
        resolve(store)  # issue 12: one corpus-wide resolution after loading every shard
        sharded_derived = {str(g): set(store.graph_ntriples(str(g))[0].splitlines()) for g in DERIVED_GRAPHS}
    with Store.open(seed_store_path, read_only=True) as store:
        built = article_graphs(store)
        built_derived = {str(g): set(store.graph_ntriples(str(g))[0].splitlines()) for g in DERIVED_GRAPHS}
        other_quads = sum(store.graph_ntriples(str(g))[1] for g in (TOPICS_GRAPH, *DERIVED_GRAPHS))
        total = len(store)
    assert loaded == sum(r.quads for r in reports) == total - other_quads
    assert all(len(quads) > 100 for quads in built_derived.values())
    assert sharded_derived == built_derived  # the same canonical events, claims and entities
    assert sharded.keys() == built.keys() and len(built) == 5
    for graph in built:
        assert sharded[graph] == built[graph], graph


def test_a_bad_file_in_a_shard_is_reported_not_fatal(tmp_path):
    from kg.shards import extract_shard

    (tmp_path / "empty.txt").write_bytes(b"")
    good = next(SEEDS.glob("003_*.txt"))
    report = extract_shard([str(tmp_path / "empty.txt"), str(good)], str(tmp_path / "s.nq"))
    assert report.articles == 1 and report.quads > 0
    assert report.failed == [(str(tmp_path / "empty.txt"), f"{tmp_path / 'empty.txt'}: empty file")]
