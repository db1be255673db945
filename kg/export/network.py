"""Export entry points: pick a view, write it as GraphML, GEXF 1.3 or Gephi CSV, or dump RDF.

Network views live in :mod:`kg.export.views`, the GEXF 1.3 writer in :mod:`kg.export.gexf`,
the spreadsheet writer in :mod:`kg.export.tabular`, RDF dumps in :mod:`kg.export.rdf`.
"""

from __future__ import annotations

import re
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


# Characters XML 1.0 cannot carry at all (not even escaped): C0 controls but tab and line
# ends, lone surrogates, U+FFFE/U+FFFF. Article text may hold them (a form feed, a NUL).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> object:
    """A string with every character XML 1.0 forbids replaced by U+FFFD; other values as they are."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_safe_graph(graph: nx.Graph) -> nx.Graph:
    safe = graph.__class__()
    safe.graph.update({k: xml_safe(v) for k, v in graph.graph.items()})
    for n, data in graph.nodes(data=True):
        safe.add_node(xml_safe(n), **{k: xml_safe(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        safe.add_edge(xml_safe(u), xml_safe(v), **{k: xml_safe(x) for k, x in data.items()})
    return safe


_NMTOKEN = re.compile(r"^[\w.\-:]+$")


def nmtoken_ids(graph: nx.Graph) -> nx.Graph:
    """The graph with every node id GraphML accepts: ids are ``xs:NMTOKEN`` (letters, digits,
    ``.-_:``), so an IRI node becomes ``n0``, ``n1``… and keeps its IRI as the ``iri`` attribute."""
    taken = {str(n) for n in graph if _NMTOKEN.match(str(n))}
    mapping, i = {}, 0
    for n in graph:
        if _NMTOKEN.match(str(n)):
            continue
        while f"n{i}" in taken:
            i += 1
        mapping[n] = f"n{i}"
        taken.add(f"n{i}")
    if not mapping:
        return graph
    out = nx.relabel_nodes(graph, mapping, copy=True)
    for old, new in mapping.items():
        out.nodes[new]["iri"] = str(old)
    return out


def write(graph: nx.Graph, path: Path, fmt: str) -> Path:
    """Write graph as graphml, gexf (1.3, dynamic) or csv (path is then a folder).

    Markup characters are escaped by the XML writers; characters XML cannot carry at
    all become U+FFFD, so any article text exports to a file Gephi can open."""
    if fmt == "csv":
        write_csv(graph, path)
        return path
    graph = _xml_safe_graph(graph)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(nmtoken_ids(graph), path, encoding="utf-8")
    elif fmt == "gexf":
        write_gexf(graph, path)
    else:
        raise ValueError(fmt)
    return path


__all__ = ["FORMATS", "Filters", "actor_network", "default_output", "network", "nmtoken_ids", "write"]
