"""Issue 15: worker processes parse and extract, the main process writes — with the same result.

A build that parses in the main process, one with a single worker process and one with two
must write exactly the same quads, report the same counts and add the articles in input
order (the cross-article entity merge depends on it). A first build of many articles
bulk-loads the store, and an article a killed bulk load left in part is rebuilt, not skipped.
A failing article or a dead worker ends the build with one line, never a hang. A lone worker
only parses, and the main process extracts from the documents it sends: the same extractions.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.build
from kg.build import build
from kg.errors import ExtractionError
from kg.graph import vocabulary as v
from kg.ingest import read_article
from kg.store import Store
from tests.test_interrupt import kg_command, write_seed_copies

N_ARTICLES = 10  # more than kg.pipeline.IN_PROCESS_BELOW: builds use worker processes


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> Path:
    return write_seed_copies(tmp_path_factory.mktemp("workers") / "corpus", N_ARTICLES)


def all_quads(store: Store) -> frozenset[str]:
    """Every quad of the store as an N-Quads line (kg writes no blank nodes)."""
    return frozenset(str(q) for q in store._inner)


def built(folder: Path, path: Path, pipeline, workers: int):
    with Store.open(path) as store:
        report = build([folder], store, pipeline, workers=workers)
        return report, all_quads(store)


@pytest.fixture(scope="module")
def in_process(copies, tmp_path_factory, pipeline):
    """The reference: every article parsed in the main process (workers=0)."""
    return built(copies, tmp_path_factory.mktemp("in-process") / "kg", pipeline, workers=0)


@pytest.mark.parametrize("workers", [1, 2])
def test_worker_processes_write_the_same_quads_in_input_order(copies, tmp_path, pipeline, in_process, workers):
    ref_report, ref_quads = in_process
    report, quads = built(copies, tmp_path / "kg", pipeline, workers)
    names = sorted(p.name for p in copies.glob("*.txt"))
    assert ref_report.added == names and report.added == names  # input order
    assert report.counts == ref_report.counts and report.counts["events"] > 0
    assert report.summary() == ref_report.summary()
    assert len(quads) > 10_000
    assert quads == ref_quads


def test_a_first_build_of_many_articles_bulk_loads_the_same_store(copies, tmp_path, pipeline, in_process,
                                                                   monkeypatch):
    """Bulk loading in chunks (of 4 here: 4 + 4 + 2) writes what one transaction per article does."""
    monkeypatch.setattr(kg.build, "BULK_FROM", N_ARTICLES)
    monkeypatch.setattr(kg.build, "BULK_EVERY", 4)
    with Store.open(tmp_path / "kg") as store:
        assert kg.build._can_bulk_load(store, [read_article(p) for p in sorted(copies.glob("*.txt"))])
        report = build([copies], store, pipeline, workers=1)
        assert store.incomplete_articles() == []
        quads = all_quads(store)
    assert report.added == in_process[0].added
    assert quads == in_process[1]


def test_an_article_a_killed_bulk_load_left_in_part_is_rebuilt_not_skipped(copies, tmp_path, pipeline, in_process):
    """A bulk load writes each article's schema:sha256 after the rest: one cut short has no hash."""
    path = tmp_path / "kg"
    with Store.open(path) as store:
        build([copies], store, pipeline, workers=0)
        name = sorted(p.name for p in copies.glob("*.txt"))[3]
        graph = ox.NamedNode(str(v.article_graph_iri(name)))
        full = sorted(store._inner.quads_for_pattern(None, None, None, graph), key=str)
        sha256 = [q for q in full if q.predicate == ox.NamedNode(str(v.SDO.sha256))]
        assert [q.subject for q in sha256] == [ox.NamedNode(str(v.article_iri(name)))]
        store._inner.remove_graph(graph)  # what the interrupted bulk load left: part of it, no hash
        store._inner.extend([q for q in full[: len(full) // 2] if q not in sha256])
        assert store.incomplete_articles() == [name] and name in store
        assert store.article_hash(name) is None

        said = []
        report = build([copies], store, pipeline, say=lambda level, message: said.append((level, message)))
        assert report.added == [name]
        assert len(report.skipped) == N_ARTICLES - 1
        assert ("note", "1 article left incomplete by an interrupted build removed, to be built again") in said
        assert store.incomplete_articles() == []
        assert all_quads(store) == in_process[1]


def some_articles(folder: Path, n: int) -> list:
    """n articles read from folder, renamed round-robin to be distinct."""
    read = [read_article(p) for p in sorted(folder.glob("*.txt"))]
    return [replace(read[i % len(read)], name=f"{i:03d}_{read[i % len(read)].name}") for i in range(n)]


def test_a_failing_article_in_a_worker_is_one_line_naming_it(copies, pipeline):
    articles = some_articles(copies, 12)
    articles[9] = replace(articles[9], junk=((0, "x"),))  # malformed offsets: the extractors fail on it
    t0 = time.monotonic()
    with pytest.raises(ExtractionError) as error:
        list(pipeline.extract_many(articles, workers=2))
    message = str(error.value)
    assert message.startswith(f"{articles[9].path}: extraction failed: TypeError: ")
    assert "\n" not in message
    assert time.monotonic() - t0 < 60
    assert not multiprocessing.active_children()  # the workers were stopped


def test_a_killed_worker_ends_the_build_with_one_line_not_a_hang(copies, pipeline):
    articles = some_articles(copies, 40)  # 10 batches: more than a worker is given ahead (AHEAD)
    extractions = pipeline.extract_many(articles, workers=1)
    next(extractions)  # the worker has done its first batch
    (worker,) = multiprocessing.active_children()
    os.kill(worker.pid, signal.SIGKILL)
    with pytest.raises(ExtractionError, match=r"^extraction worker kg-extract-1 died \(killed by SIGKILL\); "):
        list(extractions)
    assert not multiprocessing.active_children()


def _children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_the_workers_of_a_killed_build_exit_by_themselves(copies, tmp_path):
    """SIGKILL reaches the main process only: its workers notice their parent is gone."""
    build_process = subprocess.Popen([*kg_command(), "build", "--store", str(tmp_path / "kg"), "-q", str(copies)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (workers := _children(build_process.pid)):
            assert build_process.poll() is None and time.monotonic() < deadline, "no worker process started"
            time.sleep(0.05)
        time.sleep(1)  # loading the model
        os.kill(build_process.pid, signal.SIGKILL)
        build_process.wait(10)
    finally:
        if build_process.poll() is None:
            build_process.kill()
    deadline = time.monotonic() + 10
    while alive := [pid for pid in workers if _running(pid)]:
        assert time.monotonic() < deadline, f"workers {alive} outlived their killed build"
        time.sleep(0.1)


def test_a_lone_worker_parses_and_the_main_process_extracts_the_same(pipeline):
    """Parse → bytes → extract (the one-worker split) gives what parse-and-extract gives."""
    articles = [read_article(p) for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))]
    parsed = pipeline.parse_batch(articles)
    assert len(parsed) == len(articles) and all(isinstance(b, bytes) for b in parsed)
    again = list(pipeline.extract_parsed(articles, parsed))
    assert again == pipeline.extract_batch(articles)
    assert sum(len(x.claims) for x in again) > 10 and sum(len(x.events) for x in again) > 50


def test_extraction_failing_in_the_main_process_is_one_line(pipeline, monkeypatch):
    articles = [read_article(p) for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))[:2]]
    parsed = pipeline.parse_batch(articles)

    def broken(doc, article):
        raise ValueError("no\nparse")

    monkeypatch.setattr(pipeline, "_extract", broken)
    with pytest.raises(ExtractionError) as e:
        list(pipeline.extract_parsed(articles, parsed))
    assert str(e.value) == f"{articles[0].path}: extraction failed: ValueError: no parse"


def test_a_build_frees_the_model_it_loaded_before_resolution(copies, tmp_path, pipeline, in_process):
    """A lone worker's build loads the model in the main process to extract, and frees it once the
    last article is extracted; a pipeline whose model was loaded before keeps it."""
    from kg.pipeline import Pipeline

    fresh = Pipeline()
    report, quads = built(copies, tmp_path / "kg", fresh, workers=1)
    assert "nlp" not in vars(fresh)
    assert quads == in_process[1] and report.counts == in_process[0].counts
    assert "nlp" in vars(pipeline)  # the session's pipeline, loaded before its builds, still has it
