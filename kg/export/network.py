"""Export entry points: pick a view, write it as GraphML, GEXF 1.3 or Gephi CSV, or dump RDF.

Network views live in :mod:`kg.export.views`, the GEXF 1.3 writer in :mod:`kg.export.gexf`,
the spreadsheet writer in :mod:`kg.export.tabular`, RDF dumps in :mod:`kg.export.rdf`.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.gexf import write_gexf
from kg.export.tabular import write_csv
from kg.export.views import Filters, network
from kg.store import Store

NETWORK_FORMATS = ("graphml", "gexf", "csv")
RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")
FORMATS = NETWORK_FORMATS + RDF_FORMATS


def actor_network(store: Store) -> nx.Graph:
    """Undirected weighted graph of entities; edge relation "co-event" and/or "speaks-about"."""
    return network(store, "actors")


def default_output(fmt: str, view: str = "actors") -> Path:
    """exports/{view}.{graphml,gexf}, exports/{view}-csv/ or exports/kg.{ttl,trig,nq,jsonld}."""
    from kg.export.rdf import SUFFIXES

    if fmt in RDF_FORMATS:
        return Path("exports") / f"kg.{SUFFIXES[fmt]}"
    return Path("exports") / (f"{view}-csv" if fmt == "csv" else f"{view}.{fmt}")


def write(graph: nx.Graph, path: Path, fmt: str) -> Path:
    """Write graph as graphml, gexf (1.3, dynamic) or csv (path is then a folder)."""
    if fmt == "csv":
        write_csv(graph, path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(graph, path, encoding="utf-8")
    elif fmt == "gexf":
        write_gexf(graph, path)
    else:
        raise ValueError(fmt)
    return path


__all__ = ["FORMATS", "Filters", "actor_network", "default_output", "network", "write"]
