"""Interrupted builds (issue 6): SIGKILL a real `kg build` mid-corpus, then check the store.

Every article must be either fully in (its named graph, hash included, identical to a
clean build's) or fully out (no graph, no hash, no stray triple about it), the store must
open without a damage error, and the next `kg build` must skip what is stored, build the
rest and end with exactly the store a clean build makes.

The build is watched from this process through a read-only store (RocksDB lets a reader
open the directory while the build holds the write lock); the kill is sent as soon as the
wanted number of articles is visible, i.e. while the build is extracting the next one
(or, for 0, as soon as the new store can be opened: the build is still loading spaCy).
Each article is one Oxigraph transaction holding its whole graph, ``schema:sha256`` included.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import StoreError
from kg.graph.vocabulary import TOPICS_GRAPH, article_graph_iri, article_iri
from kg.store import Store
from tests.conftest import SEEDS

N_ARTICLES = 12
START_TIMEOUT = 120  # seconds for the build to store the wanted articles (pipeline load included)


def kg_command() -> list[str]:
    """The `kg` console script ([project.scripts]) next to this interpreter, else `python -m kg`."""
    script = shutil.which("kg", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "kg"]


def write_seed_copies(folder: Path, n: int) -> Path:
    """n real articles in folder: the seeds, copied round-robin, each with a distinct closing
    paragraph (so each has its own hash) and the seed's sidecar."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        stem = f"{i:03d}_copie_{seed.name[:3]}"
        extra = f"\n\nCopie numéro {i} pour le test d'interruption, relue le {i + 1} mars 2024 à Lyon.\n"
        (folder / f"{stem}.txt").write_text(seed.read_text("utf-8") + extra, "utf-8")
        shutil.copyfile(seed.with_name(seed.name[: -len(".txt")] + ".meta.json"), folder / f"{stem}.meta.json")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """12 articles: the seeds, copied round-robin, each with a distinct closing paragraph."""
    return write_seed_copies(tmp_path_factory.mktemp("interrupt") / "corpus", N_ARTICLES)


def _quads(store: Store, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> frozenset[str]:
    """Quads of one graph (every graph when None) as N-Quads strings (kg writes no blank nodes)."""
    return frozenset(str(q) for q in store._inner.quads_for_pattern(None, None, None, graph))


def _graph(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(article_graph_iri(name)))


def snapshot(store: Store) -> dict:
    """Everything the store holds, per graph: the basis of the consistency checks."""
    inner = store._inner
    return {
        "articles": store.articles(),
        "graphs": sorted(g.value for g in inner.named_graphs()),
        "per_article": {name: _quads(store, _graph(name)) for name in store.articles()},
        "hashes": {name: store.article_hash(name) for name in store.articles()},
        "topics": _quads(store, ox.NamedNode(str(TOPICS_GRAPH))),
        "default_graph": _quads(store, ox.DefaultGraph()),
        "all": _quads(store),
    }


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, pipeline) -> dict:
    """The store a clean, uninterrupted build of the corpus makes."""
    from kg.build import build

    path = tmp_path_factory.mktemp("reference") / "kg"
    with Store.open(path) as store:
        report = build([corpus], store, pipeline)
        assert report.ok and len(report.added) == N_ARTICLES
        ref = snapshot(store)
    assert len(ref["articles"]) == N_ARTICLES
    assert all(ref["hashes"].values())
    return ref


def stored_articles(path: Path) -> list[str] | None:
    """Articles visible to a reader right now; None while the store cannot be opened yet
    (the build is still creating it, or the reader caught a write half-way: retry)."""
    try:
        with Store(path, read_only=True) as reader:
            return reader.articles()
    except (StoreError, OSError, RuntimeError):
        return None


def assert_consistent(store: Store, ref: dict) -> list[str]:
    """Every article fully in (identical to the clean build) or fully out; returns those in."""
    snap = snapshot(store)
    present = snap["articles"]
    assert set(present) <= set(ref["articles"])
    for name in present:
        assert snap["per_article"][name] == ref["per_article"][name], f"{name}: partial or different graph"
        assert snap["hashes"][name] == ref["hashes"][name]
    absent = sorted(set(ref["articles"]) - set(present))
    inner = store._inner
    for name in absent:
        assert store.article_hash(name) is None, f"{name}: orphan hash"
        assert name not in store
        subject = ox.NamedNode(str(article_iri(name)))
        stray = list(inner.quads_for_pattern(subject, None, None, None))
        assert not stray, f"{name}: {len(stray)} triple(s) about an article that is not stored"
    # No graph but the articles' and the topic scheme, nothing in the default graph.
    allowed = {str(article_graph_iri(n)) for n in present} | {str(TOPICS_GRAPH)}
    assert set(snap["graphs"]) <= allowed
    assert not snap["default_graph"]
    if snap["topics"]:
        assert snap["topics"] == ref["topics"]
    assert snap["all"] == frozenset().union(snap["topics"], *(snap["per_article"][n] for n in present))
    return present


@pytest.mark.parametrize(
    "kill_after",
    [0, 1, N_ARTICLES // 2],
    ids=["store-created-nothing-stored", "after-1-article", "after-half"],  # 0: killed while loading spaCy
)
def test_sigkilled_build_leaves_whole_articles_and_the_next_build_finishes(corpus, reference, tmp_path, kill_after):
    path = tmp_path / "kg"
    log = tmp_path / "killed-build.log"
    with log.open("w") as out:
        build = subprocess.Popen(
            [*kg_command(), "build", "--store", str(path), "-q", str(corpus)], stdout=out, stderr=out,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while (seen := stored_articles(path)) is None or len(seen) < kill_after:
            assert build.poll() is None, f"the build ended before the kill:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"the build did not store {kill_after} article(s) in time"
            time.sleep(0.05)
        os.kill(build.pid, signal.SIGKILL)
        build.wait(30)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    assert build.returncode == -signal.SIGKILL  # killed, not finished

    # The store opens (no damage error) and holds whole articles only.
    with Store(path, read_only=True) as store:
        present = assert_consistent(store, reference)
    assert kill_after <= len(present) < N_ARTICLES, "the kill did not land mid-corpus"
    print(f"\n[{kill_after=}] killed with {len(present)}/{N_ARTICLES} articles stored, all consistent")

    # The next `kg build`, on the store exactly as the kill left it, skips those and builds the rest
    # (run in-process so that it reuses the session's spaCy model instead of loading it again).
    done = CliRunner().invoke(cli, ["build", "--store", str(path), str(corpus)])
    assert done.exit_code == 0, done.output
    summary = re.search(r"(\d+) added, (\d+) replaced, (\d+) unchanged", done.stderr)  # exit 0: none failed
    assert summary, done.output
    added, replaced, unchanged = map(int, summary.groups())
    assert (added, replaced, unchanged) == (N_ARTICLES - len(present), 0, len(present)), done.output

    with Store(path, read_only=True) as store:
        final = snapshot(store)
    assert final["articles"] == reference["articles"]
    for name in reference["articles"]:
        assert final["per_article"][name] == reference["per_article"][name], name
    assert final["hashes"] == reference["hashes"]
    assert final["all"] == reference["all"]
