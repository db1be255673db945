"""Extractor time apart from the parse: what kg adds to spaCy, extractor by extractor.

    python bench/extract_speed.py [--articles 200] [--repeat 3] [--profile FILE]

Parses the benchmark corpus once with ``nlp.pipe``, then runs the steps of
``Pipeline._extract`` (sentences, entities, temporal expressions, claims, events)
on the parsed docs, ``--repeat`` times, and prints the best time of each step and
their total. ``--profile`` writes a cProfile of one pass to FILE instead.
"""

from __future__ import annotations

import cProfile
import sys
import tempfile
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

from kg.extract.claims import extract_claims  # noqa: E402
from kg.extract.entities import extract_entities  # noqa: E402
from kg.extract.events import extract_events  # noqa: E402
from kg.extract.temporal import extract_timexes  # noqa: E402
from kg.ingest import read_article  # noqa: E402
from kg.nlp import sentence_spans  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402
from kg.records import Sentence  # noqa: E402

STEPS = ("sentences", "entities", "timexes", "claims", "events")


def one_pass(pipeline: Pipeline, parsed: list) -> dict[str, float]:
    """Seconds per step over all parsed docs, in the order and with the inputs of ``Pipeline._extract``."""
    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.perf_counter
    for doc, article in parsed:
        text = article.text
        t0 = clock()
        sentences = tuple(Sentence(s, e, text[s:e]) for s, e in sentence_spans(doc))
        t1 = clock()
        mentions, _ = extract_entities(doc, article, sentences, pipeline.kb)
        t2 = clock()
        timexes = tuple(extract_timexes(text, article.published, doc=doc, junk=article.junk))
        t3 = clock()
        claims = tuple(extract_claims(doc, article, sentences, mentions, timexes, pipeline.topics))
        t4 = clock()
        tuple(extract_events(doc, article, sentences, mentions, timexes, pipeline.topics, claims=claims))
        t5 = clock()
        for step, dt in zip(STEPS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[step] += dt
    return spent


@click.command()
@click.option("--articles", default=200, show_default=True)
@click.option("--repeat", default=3, show_default=True, help="Passes over the parsed docs; the best is kept.")
@click.option("--profile", type=click.Path(dir_okay=False), help="Write a cProfile of one pass here.")
def main(articles: int, repeat: int, profile: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        words = write_corpus(folder, articles)
        arts = [read_article(p) for p in sorted(folder.glob("*.txt"))]
    pipeline = Pipeline()
    t0 = time.perf_counter()
    parsed = list(pipeline.nlp.pipe(((a.text, a) for a in arts), as_tuples=True, batch_size=32))
    print(f"corpus: {articles} articles, {words} words; parse {time.perf_counter() - t0:.2f} s")
    if profile:
        cProfile.runctx("one_pass(pipeline, parsed)", globals(), {"pipeline": pipeline, "parsed": parsed}, profile)
        print(f"profile written to {profile}")
        return
    passes = [one_pass(pipeline, parsed) for _ in range(repeat)]
    best = {step: min(p[step] for p in passes) for step in STEPS}
    print(f"{'step':10} {'first':>7}   {'best':>7}   (first pass: caches cold, as in a build)")
    for step in STEPS:
        print(f"{step:10} {passes[0][step]:7.3f} s {best[step]:7.3f} s")
    print(f"{'total':10} {sum(passes[0].values()):7.3f} s {min(sum(p.values()) for p in passes):7.3f} s")


if __name__ == "__main__":
    main()
