"""`kg build`, `remove`, `load`, `resolve`, `extract`, `stats`, `validate`: writing and inspecting the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli import cli, kb_option, max_bytes_option, published_option, reports_errors, say_on_stderr, store_option


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@kb_option
@published_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (1: it parses while kg extracts and writes; more: each parses and extracts).")
@click.option("--force", is_flag=True, help="Re-extract articles even when unchanged.")
@click.option("--prune", is_flag=True,
              help="Remove stored articles that are not among PATHS any more (their files are gone).")
@max_bytes_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, notes or summary (errors and warnings still).")
@reports_errors
def build(paths, store_path, kb_files, published, workers, force, prune, max_bytes, quiet):
    """Extract articles (files or folders; default seeds/) into the graph store.

    Unchanged files are skipped by content hash, unless the knowledge base, the topics or
    kg's extraction rules changed since (then they are re-extracted, and the summary says so);
    changed ones replace their named graph. Unreadable files are reported one per line and the
    exit code is 1.
    """
    from kg.build import build as run_build
    from kg.pipeline import Pipeline
    from kg.store import Store

    with Store.open(store_path) as store:
        report = run_build(
            paths or [Path("seeds")], store, Pipeline(kb_files), workers=workers, published=published,
            force=force, prune=prune, progress=not quiet and sys.stderr.isatty(), say=say_on_stderr(quiet), max_bytes=max_bytes,
        )
    if not quiet:
        click.echo(report.summary(), err=True)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("names", nargs=-1, required=True)
@store_option
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
@reports_errors
def remove(names, store_path, quiet):
    """Remove articles (by file name, as `kg stats`/`kg query sources` show them) from the
    store, then update the canonical events and claims they reported."""
    from kg.resolve import resolve
    from kg.store import Store

    with Store.open(store_path, read_only=False) as store:
        missing = [n for n in names if Path(n).name not in store]
        if missing:
            raise click.ClickException(f"not in the store: {', '.join(missing)} (see `kg query sources`)")
        for name in names:
            store.remove_article(Path(name).name)
        report = resolve(store)
    if not quiet:
        click.echo(f"{len(names)} removed; {report.summary()}", err=True)


@cli.command("load")
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@store_option
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
@reports_errors
def load(shards, store_path, quiet):
    """Bulk-load N-Quads shards written by `kg.shards` (Dask or any machine) into the store,
    then resolve the whole corpus once, as `kg build` does."""
    from kg.graph.vocabulary import article_name_from_graph
    from kg.resolve import resolve
    from kg.store import Store

    with Store.open(store_path) as store:
        total = store.load_shards(shards)
        report = resolve(store)
        articles = sum(1 for g in store.graph_hashes() if article_name_from_graph(g))
    if not quiet:
        click.echo(f"{len(shards)} shards loaded: {articles} articles, {total} quads; {report.summary()}", err=True)


@cli.command("resolve")
@store_option
@reports_errors
def resolve_(store_path):
    """Recompute the canonical events and claims and the entities graph from the stored
    mentions (what `kg build` does after extraction)."""
    from kg.resolve import resolve
    from kg.store import Store

    with Store.open(store_path) as store:
        click.echo(resolve(store).summary())


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["article", "entity", "timex", "claim", "event"]),
              help="Only these record kinds (repeatable).")
@kb_option
@published_option
@max_bytes_option
@reports_errors
def extract(files, fmt, kinds, kb_files, published, max_bytes):
    """Print extracted records of FILES without touching the store.

    One JSON object per line with file, kind, start, end, text and kind-specific
    fields (see docs/extract-schema.md). Sidecar .meta.json files are honoured.
    """
    from kg.build import BuildReport, read_inputs
    from kg.pipeline import Pipeline
    from kg.serialize import article_record, records

    report = BuildReport()
    articles = read_inputs(files, published, report, say_on_stderr(), max_bytes)
    out = []
    for x in Pipeline(kb_files).extract_many(articles):
        for rec in [article_record(x), *records(x)]:
            if not kinds or rec["kind"] in kinds:
                if fmt == "jsonl":
                    click.echo(json.dumps(rec, ensure_ascii=False))
                else:
                    out.append(rec)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if not report.ok:
        sys.exit(1)


@cli.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@reports_errors
def stats(store_path, as_json):
    """Counts of what the graph store holds (articles, entities, dates, claims, events)."""
    from kg.store import Store

    with Store.open(store_path, read_only=True) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for name, value in figures.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k} {v}" for k, v in sorted(value.items()))
            click.echo(f"{name:>18}: {inner}")
        else:
            click.echo(f"{name:>18}: {value}")


@cli.command()
@store_option
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), help="SHACL shapes file (default: shipped).")
@reports_errors
def validate(store_path, shapes):
    """Check the whole graph against kg's SHACL shapes (pyshacl); exit 1 on violations."""
    from kg.store import Store
    from kg.validate import validate as run_validate

    with Store.open(store_path, read_only=True) as store:
        conforms, report = run_validate(store, shapes)
    click.echo(report)
    if not conforms:
        sys.exit(1)
