"""GEXF 1.3 writer (lxml) in dynamic mode, so Gephi's timeline plays the events.

networkx only writes GEXF 1.2draft. Here every node and edge with a ``first``/``last`` date
gets ``start``/``end`` attributes (``timeformat="date"``, ISO days, inclusive); undated ones
have none and exist for the whole timeline. Attributes are declared per class with their GEXF
type (string, integer, double, boolean) under numeric ids with the name as title, which Gephi
desktop and Gephi Lite both show by name; lxml escapes XML-special characters.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from lxml import etree

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
RESERVED = {"label", "first", "last"}  # written as the label and start/end attributes


def _type(values: list) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(v: object) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


def _declare(parent: etree._Element, cls: str, items: list[dict]) -> dict[str, str]:
    keys: dict[str, list] = {}
    for data in items:
        for k, v in data.items():
            if k not in RESERVED:
                keys.setdefault(k, []).append(v)
    attrs = etree.SubElement(parent, f"{{{NS}}}attributes", {"class": cls})
    ids = {}
    for i, (k, values) in enumerate(keys.items()):
        ids[k] = str(i)  # numeric: Gephi Lite (graphology-gexf) names a column by its title only then
        etree.SubElement(attrs, f"{{{NS}}}attribute", {"id": ids[k], "title": k, "type": _type(values)})
    return ids


def _attvalues(el: etree._Element, data: dict, ids: dict[str, str]) -> None:
    if data.get("first"):
        el.set("start", data["first"])
        el.set("end", data.get("last") or data["first"])
    values = [(k, v) for k, v in data.items() if k in ids]
    if values:
        box = etree.SubElement(el, f"{{{NS}}}attvalues")
        for k, v in values:
            etree.SubElement(box, f"{{{NS}}}attvalue", {"for": ids[k], "value": _text(v)})


def write_gexf(graph: nx.Graph, path: Path) -> None:
    root = etree.Element(f"{{{NS}}}gexf", nsmap={None: NS, "xsi": XSI}, version="1.3")
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    meta = etree.SubElement(root, f"{{{NS}}}meta")
    etree.SubElement(meta, f"{{{NS}}}creator").text = "kg"
    etree.SubElement(meta, f"{{{NS}}}description").text = graph.graph.get("description", "kg network")
    g = etree.SubElement(root, f"{{{NS}}}graph", {
        "defaultedgetype": "directed" if graph.is_directed() else "undirected",
        "mode": "dynamic", "timeformat": "date"})
    node_ids = _declare(g, "node", [d for _, d in graph.nodes(data=True)])
    edge_ids = _declare(g, "edge", [d for *_, d in graph.edges(data=True)])
    nodes = etree.SubElement(g, f"{{{NS}}}nodes", count=str(graph.number_of_nodes()))
    for n, data in graph.nodes(data=True):
        el = etree.SubElement(nodes, f"{{{NS}}}node", id=str(n), label=str(data.get("label", n)))
        _attvalues(el, data, node_ids)
    edges = etree.SubElement(g, f"{{{NS}}}edges", count=str(graph.number_of_edges()))
    for i, (a, b, data) in enumerate(graph.edges(data=True)):
        el = etree.SubElement(edges, f"{{{NS}}}edge", id=str(i), source=str(a), target=str(b))
        if "label" in data:
            el.set("label", str(data["label"]))
        if "weight" in data:
            el.set("weight", str(float(data["weight"])))
        _attvalues(el, data, edge_ids)
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True)
