"""The `kg` command line: thin commands over the library; errors become one-line messages."""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from kg.errors import InputError, KgError, ResourceError
from kg.query import FORMATS

store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="KG_STORE",
    default=None,
    help="Graph store directory (default .kg/, or $KG_STORE).",
)
kb_option = click.option(
    "--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra knowledge-base TOML file(s) extending the shipped actors (repeatable).",
)


def _published(ctx, param, value):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(1), default=500_000, show_default=True,
    help="Skip (and report) article files larger than this many bytes.",
)


def say_on_stderr(quiet: bool = False):
    """Report lines: "error: …" and "warning: …" always, "note: …" unless quiet."""

    def say(level: str, message: str) -> None:
        if level != "note" or not quiet:
            click.echo(f"{level}: {message}", err=True)

    return say


published_option = click.option(
    "--published", callback=_published, metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every input, overriding sidecars.",
)


def reports_errors(f):
    """Turn kg's errors into `Error: …` and exit code 1 (only the CLI does this)."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except KgError as e:
            raise click.ClickException(str(e)) from e

    return wrapper


@click.group()
@click.version_option(package_name="kg")
def cli():
    """kg: an event-timeline knowledge graph for French news.

    Build a dated, sourced RDF graph of events, actors, places and claims from
    article files, then query, validate and export it.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@kb_option
@published_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes.")
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


@cli.command()
@click.argument("query", required=False, metavar="NAME|FILE|-")
@click.option("-e", "--expression", help="SPARQL text to run instead of a saved query.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output: a text table, W3C SPARQL results (csv, tsv, json, xml) or Markdown.")
@click.option("--list", "list_", is_flag=True, help="List the saved queries with their parameters.")
@click.option("--limit", type=click.IntRange(0), help="Print at most this many rows.")
@click.option("--width", type=click.IntRange(0), default=80, show_default=True,
              help="Cut table cells at this many characters (0: never cut).")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), help="Give up after this many seconds.")
@click.option("--endpoint", metavar="URL", help="Run on a remote SPARQL 1.1 endpoint instead of the store.")
@store_option
@reports_errors
def query(query, expression, params, fmt, list_, limit, width, timeout, endpoint, store_path):
    """Run a saved query (queries/NAME.rq), a query file, stdin (-) or -e TEXT.

    \b
    kg query --list
    kg query who-said-what --param topic=sanctions
    kg query timeline -p actor=Poutine -p since=2024-06 --format csv
    kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'

    Parameters are bound as RDF terms, never pasted into the query text. CONSTRUCT
    and DESCRIBE print Turtle; ASK prints true or false.
    """
    from kg import query as q
    from kg.store import Store

    if list_:
        click.echo(q.describe_catalogue(q.catalogue()))
        return
    if expression is not None:
        saved = q.parse(Path("<expression>"), expression)
    elif query is None:
        raise click.UsageError("give a saved query name, a file, - or -e TEXT (see kg query --list)")
    else:
        saved = q.load(query, sys.stdin.read() if query == "-" else None)
    raw = dict(_split_param(p) for p in params)
    if endpoint:
        from kg.remote import Endpoint

        remote = Endpoint(endpoint, timeout=timeout or 30.0)
        text, binds = q.prepare(saved, raw, remote)
        click.echo(q.render(remote.query(text, binds), fmt, limit, width), nl=False)
        return
    with Store.open(store_path, read_only=True) as store:
        text, binds = q.prepare(saved, raw, store)
        result = q.execute(store, text, binds, timeout=timeout)
        click.echo(q.render(result, fmt, limit, width), nl=False)


def _split_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--param")
    return name.strip(), value.strip()


@cli.command()
@store_option
@click.option("--topic", help='Topic, e.g. "sanctions" (labels, plurals and narrower topics match).')
@click.option("--speaker", help='Speaker, e.g. "Poutine" (any known name or alias).')
@reports_errors
def claims(store_path, topic, speaker):
    """Who said what (about a topic, by a speaker), with date and source.

    A readable form of `kg query who-said-what`.
    """
    from kg import query as q
    from kg.store import Store

    saved = q.saved("who-said-what")
    raw = {k: v for k, v in (("topic", topic), ("speaker", speaker)) if v}
    with Store.open(store_path, read_only=True) as store:
        result = q.execute(store, *q.prepare(saved, raw, store))
    rows = [{str(k): (None if v is None else str(v)) for k, v in row.asdict().items()} for row in result]
    if not rows:
        click.echo("No claims found.")
    for row in rows:
        role = f", {row['role']}" if row.get("role") else ""
        click.echo(f"{row.get('date') or '????'}  {row['speaker']}{role} [{row['stance']}, {row['mode']}] ({row.get('source') or '?'})")
        click.echo(f"    « {row['quote']} »")


@cli.command()
@click.argument("fmt", metavar="FORMAT",
                type=click.Choice(["graphml", "gexf", "csv", "turtle", "trig", "nquads", "jsonld"]))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file, or folder for csv (default exports/VIEW.FORMAT, exports/VIEW-csv/, exports/kg.*).")
@click.option("--view", type=click.Choice(["actors", "events", "full"]), default="actors", show_default=True,
              help="actors: people/orgs/places; events: + events, places, dates; full: + claims, topics.")
@click.option("--since", help="Keep events and claims dated on or after this date (2024, 2024-06, 2024-06-18).")
@click.option("--until", help="Keep events and claims dated on or before this date.")
@click.option("--topic", help="Keep events and claims about this topic (id or French label).")
@store_option
@reports_errors
def export(fmt, output, view, since, until, topic, store_path):
    """Write a network view for Gephi (graphml, gexf 1.3 dynamic, csv) or dump the RDF.

    RDF formats (turtle, trig, nquads, jsonld) dump the whole store; trig and nquads keep
    one named graph per article. View and filters apply to network formats only.
    """
    from kg import params
    from kg.export import Filters, default_output, network, write
    from kg.export.network import RDF_FORMATS
    from kg.store import Store

    since, until = params.date_range(since, until)
    topic = params.topic(topic) if topic else None
    path = output or default_output(fmt, view)
    with Store.open(store_path, read_only=True) as store:
        if fmt in RDF_FORMATS:
            from kg.export.rdf import dump

            path.parent.mkdir(parents=True, exist_ok=True)
            n = dump(store, path, fmt)
            click.echo(f"{path}: {n} {'quads' if fmt in ('trig', 'nquads') else 'triples'}", err=True)
            return
        graph = network(store, view, Filters(since, until, topic))
    if graph.number_of_nodes() == 0:
        asked = ", ".join(f"{k} {v}" for k, v in (("--since", since), ("--until", until), ("--topic", topic)) if v)
        raise InputError(f"nothing to export: no {view} match {asked or 'the store'}; {path} not written")
    write(graph, path, fmt)
    click.echo(f"{path}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)


DEFAULT_HELDOUT = Path("tests/data/timex-heldout")
DEFAULT_CLAIMS = Path("tests/data/claims")


@cli.group(name="eval")
def eval_():
    """Measure extraction accuracy against gold data (dates, claims)."""


@eval_.command(name="timex")
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--errors", is_flag=True, help="List misses, false alarms, wrong spans, values and types.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def eval_timex(corpus, errors, as_json):
    """Score the temporal tagger on a folder of ISO-TimeML (.tml) documents, TempEval-3 style.

    \b
    kg eval timex ../shared/eval/french-timebank/Data
    kg eval timex tests/data/timex-heldout --errors
    """
    from kg.eval.report import timex_table
    from kg.eval.timex import evaluate_timexes

    report = evaluate_timexes(corpus)
    if errors:
        for e in report.errors:
            click.echo(str(e))
        click.echo()
    if as_json:
        per_type = {t: {"gold": v.gold, "system": v.system, "relaxed_f1": round(v.relaxed.f1, 3),
                        "value_f1": round(v.value.f1, 3)} for t, v in report.per_type.items()}
        click.echo(json.dumps({"corpus": str(corpus), "documents": report.documents, **report.scores(),
                               "per_type": per_type}, indent=2))
    else:
        click.echo(timex_table(report))


@eval_.command(name="claims")
@click.argument("gold", required=False, type=click.Path(path_type=Path))
@click.option("--threshold", default=0.3, show_default=True, type=click.FloatRange(0, 1, max_open=True),
              help="Share of the gold content a system claim must cover to match it.")
@click.option("--errors", is_flag=True, help="List misses, wrong speakers and cues, false alarms.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def eval_claims(gold, threshold, errors, as_json):
    """Score speakers, content spans and cues on gold reported speech (a .jsonl file or folder).

    GOLD defaults to tests/data/claims: the seeds, the sets written for kg and the French
    TimeBank sets (real news, read from ../shared; skipped with a note when it is absent).
    """
    from kg.eval.claims import evaluate_claims
    from kg.eval.report import claim_errors, claims_table

    report = evaluate_claims(gold or DEFAULT_CLAIMS, threshold=threshold)
    if errors:
        for line in claim_errors(report):
            click.echo(line)
        click.echo()
    if as_json:
        click.echo(json.dumps({"gold": str(gold or DEFAULT_CLAIMS), "items": report.items, **report.scores()}, indent=2))
    else:
        click.echo(claims_table(report))


@eval_.command(name="events")
@click.option("--timebank", type=click.Path(path_type=Path), default=None,
              help="French TimeBank's Data folder  [default: ../shared/eval/french-timebank/Data]")
@click.option("--gold", "golds", multiple=True, type=click.Path(path_type=Path),
              help="Event gold .jsonl on French TimeBank text (repeatable)  [default: tests/data/events-gold/*.jsonl]")
@click.option("--errors", is_flag=True, help="List misses, wrong types, dates and modalities, unreported dated events.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def eval_events(timebank, golds, errors, as_json):
    """Score events: French TimeBank's EVENT/TLINK layer (dev and frozen held-out thirds) and kg's event gold."""
    from kg.eval.events_run import run_event_evals

    run_event_evals(timebank, golds, errors, as_json, click.echo)


@eval_.command(name="coref")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("tests/data/coref-gold/annotations.jsonl"), show_default=True,
              help="Coreference gold (.jsonl, one cluster per line).")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of the seed articles the gold's seeds split annotates.")
@click.option("--timebank", type=click.Path(path_type=Path), default=None,
              help="French TimeBank's Data folder  [default: ../shared/eval/french-timebank/Data]")
@reports_errors
def eval_coref(gold, seeds, timebank):
    """Score resolution: which event and claim mentions report the same happening or statement
    (MUC, B³, CEAF-e, CoNLL F1), beside the one-node-per-mention baseline."""
    from kg.eval.coref import evaluate, read_gold, table
    from kg.eval.corpora import timebank_dir

    records = read_gold(gold)
    folder = timebank or timebank_dir()
    reports = evaluate(records, "seeds", seeds, folder)
    try:
        reports += evaluate(records, "ftb", seeds, folder)
    except InputError as e:
        click.echo(f"note: the held-out ftb split is not scored: {e}", err=True)
    click.echo(table(reports))


@eval_.command(name="all")
@click.option("--timebank", type=click.Path(path_type=Path), default=None,
              help="French TimeBank's Data folder  [default: ../shared/eval/french-timebank/Data]")
@click.option("--heldout", type=click.Path(path_type=Path), default=DEFAULT_HELDOUT, show_default=True)
@click.option("--claims", "claims_dir", type=click.Path(path_type=Path), default=DEFAULT_CLAIMS, show_default=True)
@click.option("--write", "write_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the Markdown report there (e.g. docs/accuracy.md).")
@reports_errors
def eval_all(timebank, heldout, claims_dir, write_to):
    """Every accuracy figure in one table, beside the published anchors and the targets."""
    from kg.eval import report as rep
    from kg.eval.claims import evaluate_claims
    from kg.eval.corpora import timebank_dir
    from kg.eval.timex import evaluate_timexes

    timex = {"French TimeBank 1.1": evaluate_timexes(timebank or timebank_dir())}
    if heldout.exists():
        timex["TimeML written for kg"] = evaluate_timexes(heldout)
    claims = {}
    for f in sorted(Path(claims_dir).glob("*.jsonl")) if Path(claims_dir).is_dir() else [Path(claims_dir)]:
        try:
            claims[f"claims: {f.stem}"] = evaluate_claims(f)
        except ResourceError as e:
            click.echo(f"note: claims: {f.stem} is not scored: {e}", err=True)
    from kg.eval.events_run import event_reports

    events = event_reports(timebank)
    table = rep.rows(timex, claims, events)
    click.echo(rep.text_table(table))
    from kg.eval.coref import COREF_NOTES, DEFAULT_GOLD, evaluate, read_gold
    from kg.eval.coref import table as coref_table

    folder = timebank or timebank_dir()
    coref = []
    if DEFAULT_GOLD.exists():
        records = read_gold(DEFAULT_GOLD)
        coref = evaluate(records, "seeds", DEFAULT_GOLD.parents[3] / "seeds", folder)
        try:
            coref += evaluate(records, "ftb", DEFAULT_GOLD.parents[3] / "seeds", folder)
        except InputError as e:
            click.echo(f"note: held-out coreference not scored: {e}", err=True)
        click.echo(coref_table(coref))
    if write_to:
        text = rep.markdown(table, timex, claims, rep.NOTES, events)
        if coref:
            text = text.rstrip("\n") + "\n\n## Resolution: event and claim coreference\n\n" + COREF_NOTES + "\n\n" + coref_table(coref) + "\n"
        rep.write(write_to, text)
        click.echo(f"{write_to}: written", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0: the whole network).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on; 0 picks a free one (printed at start-up).")
@click.option("--allow-updates", is_flag=True, help="Also accept SPARQL Update and Graph Store writes.")
@click.option("--page", type=click.Path(dir_okay=False, path_type=Path), default=Path("exports/query.html"),
              show_default=True, help="Where to write the query page with the saved queries as tabs.")
@store_option
@reports_errors
def serve(host, port, allow_updates, page, store_path):
    """Serve the store over HTTP: a SPARQL 1.1 endpoint and a query page (Oxigraph's server).

    \b
    GET/POST http://HOST:PORT/query   SPARQL 1.1 Protocol (JSON, XML, CSV, TSV, Turtle by Accept)
    http://HOST:PORT/                 Oxigraph's YASGUI page
    exports/query.html                YASGUI with every saved query as a tab
    Read-only unless --allow-updates. While it runs, kg build, remove, load and resolve refuse
    to write the store (one line); stop it (Ctrl-C) first.
    """
    import os
    import shutil

    from kg import query as q
    from kg.store import Store, default_path

    path = Path(store_path) if store_path else default_path()
    with Store.open(path, read_only=True) as store:  # a missing, foreign or damaged store is refused here
        entities = _entity_names(store)
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        raise click.ClickException("the oxigraph server is not installed (pip install oxigraph)")
    mode = "serve" if allow_updates else "serve-read-only"
    port = _free_port(host, port)
    base = f"http://{host}:{port}"
    from kg.extract.topics import TopicScheme
    from kg.page import query_page
    from kg.store import SERVE_LOCK

    catalogue = q.catalogue()
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(query_page(base, catalogue, entities, TopicScheme.load().names()), encoding="utf-8")
    (path / SERVE_LOCK).write_text(str(os.getpid()), encoding="utf-8")  # the server keeps this pid
    click.echo(f"kg: serving {path} at {base}/ ({'read-write' if allow_updates else 'read-only'}; "
               f"SPARQL {base}/query; {len(catalogue)} saved queries on {page.resolve().as_uri()}); "
               "writes to it are refused until it stops", err=True)
    cmd = [binary, mode, "--location", str(path), "--bind", f"{host}:{port}", "--union-default-graph", "--cors"]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(binary, cmd)  # the server takes this process over: signals (Ctrl-C, SIGTERM) reach it directly


def _entity_names(store) -> dict[str, str]:
    """Every name and alias of an actor the store or the knowledge base knows, folded → its IRI,
    for the query page to resolve what users type."""
    import unicodedata

    from kg.graph.vocabulary import entity_iri
    from kg.kb import default_kb
    from kg.query import _ENTITY_NAMES

    def fold(s: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower().strip()

    names: dict[str, str] = {}
    for e, n in store.query(_ENTITY_NAMES):
        names.setdefault(fold(str(n)), str(e))
    for entry in default_kb().entries.values():
        for n in (entry.label, *entry.aliases):
            names.setdefault(fold(n), str(entity_iri(entry.id)))
    return names


def _free_port(host: str, port: int) -> int:
    """``port`` when nothing listens on it (0: a free port the system picks), else one line."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            raise click.ClickException(f"port {port} on {host} is in use: choose another with --port "
                                       "(--port 0 picks a free one)") from None
        return probe.getsockname()[1]


@cli.command()
@click.option("--endpoint", metavar="URL",
              help="Graph Store Protocol endpoint (Oxigraph: http://HOST:7878/store; Fuseki: …/DATASET/data).")
@click.option("--update-endpoint", metavar="URL",
              help="Or a SPARQL Update endpoint (…/update): each graph is dropped and inserted in one request.")
@click.option("--query-endpoint", metavar="URL",
              help="SPARQL query endpoint used to skip unchanged graphs (default: …/store → …/query).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@store_option
@reports_errors
def push(endpoint, update_endpoint, query_endpoint, quiet, store_path):
    """Send each article's named graph to a SPARQL server, replacing the ones that changed.

    Graphs whose content hash the server already holds are skipped, so an interrupted
    push resumes where it stopped. Requests are retried with back-off.
    """
    from tqdm import tqdm

    from kg.remote import Endpoint
    from kg.remote import push as run_push
    from kg.store import Store

    if not endpoint and not update_endpoint:
        raise click.UsageError("give --endpoint (Graph Store) or --update-endpoint (SPARQL Update)")
    for url, suffix in ((endpoint, "store"), (update_endpoint, "update")):
        if query_endpoint is None and url and url.rstrip("/").endswith("/" + suffix):
            query_endpoint = url.rstrip("/")[: -len(suffix)] + "query"
    remote = Endpoint(query_endpoint, store_url=endpoint, update_url=update_endpoint)
    show = not quiet and sys.stderr.isatty()
    with Store.open(store_path, read_only=True) as store:
        report = run_push(store, remote, progress=(lambda xs: tqdm(xs, unit="graph", leave=False)) if show else None)
    if not quiet:
        click.echo(report.summary(), err=True)
