"""Build throughput: `kg build` against bare `nlp.pipe` of the same spaCy model.

    python bench/build_speed.py [--articles 500] [--workers 2]

Prints words per second for bare spaCy (fr_core_news_md, nlp.pipe, one process)
and for the whole kg build (reading, extraction, RDF mapping, Oxigraph writes) on
the same texts, in the same run, and the ratio. Target (issue #2): ≥ 70 %.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import click
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

from kg.build import build  # noqa: E402
from kg.nlp import MODEL  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402
from kg.store import Store  # noqa: E402


@click.command()
@click.option("--articles", default=500, show_default=True)
@click.option("--workers", default=1, show_default=True, help="Also time kg build with this many workers.")
def main(articles: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        words = write_corpus(folder, articles)
        texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
        print(f"corpus: {articles} articles, {words} words")

        nlp = spacy.load(MODEL)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        bare = words / (time.perf_counter() - t0)
        print(f"bare spaCy nlp.pipe ({MODEL}), 1 process: {bare:9.0f} words/s")

        pipeline = Pipeline()
        runs = [1] + ([workers] if workers > 1 else [])
        for n in runs:
            with Store.open(Path(tmp) / f"store{n}") as store:
                t0 = time.perf_counter()
                report = build([folder], store, pipeline, workers=n)
                elapsed = time.perf_counter() - t0
                triples = len(store)
            rate = words / elapsed
            print(
                f"kg build, {n} worker(s):                {rate:9.0f} words/s  "
                f"= {rate / bare:6.1%} of bare spaCy  ({elapsed:.1f} s, {triples} triples, "
                f"{report.counts['claims']} claims, {report.counts['events']} events)"
            )


if __name__ == "__main__":
    main()
