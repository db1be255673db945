"""`kg query`, `kg claims` and `kg export`: reading the graph (saved queries, who said what, Gephi files)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import cli, reports_errors, store_option
from kg.errors import InputError
from kg.query import FORMATS


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
        shown = len(result.bindings) if result.type == "SELECT" else 0
        click.echo(q.render(result, fmt, limit, width), nl=False)
        hidden = q.hidden_rows(saved, raw, store, shown, timeout)
        if hidden:
            click.echo(f"{hidden} more row{'s' * (hidden > 1)} hidden as not salient: add -p all=true to show them",
                       err=True)


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
