"""`kg serve` and `kg push`: the store over HTTP, and sending it to another SPARQL server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import cli, reports_errors, store_option


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
    from kg.extract.topics import fold  # the fold the topic scheme's names use, mirrored by the page
    from kg.graph.vocabulary import entity_iri
    from kg.kb import default_kb
    from kg.query import _ENTITY_NAMES

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
