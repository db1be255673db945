"""The `kg` command line: thin commands over the library; errors become one-line messages.

The group and what every command shares (options, error reporting) are here; the commands live
by concern in ``store_commands`` (build, remove, load, resolve, extract, stats, validate),
``queries`` (query, claims, export), ``evaluate`` (eval) and ``serving`` (serve, push)."""

from __future__ import annotations

from functools import wraps
from pathlib import Path

import click

from kg.errors import KgError

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


# the commands register themselves on `cli` when their modules are imported
from kg.cli import evaluate, queries, serving, store_commands  # noqa: E402, F401
