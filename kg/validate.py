"""SHACL validation of kg's graph against ``kg/resources/shapes.ttl`` (pySHACL).

Validation runs over the union of all named graphs, so an entity described by one article
satisfies the shapes of another article's event that refers to it.
"""

from __future__ import annotations

import os
from collections import Counter
from importlib import resources

import pyshacl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import ResourceError
from kg.graph.mapping import new_graph
from kg.store import Store

__all__ = ["load_shapes", "validate"]

_MAX_LINES = 50


def load_shapes(path: str | os.PathLike[str] | None = None) -> Graph:
    """The SHACL shapes graph: kg's own, or the Turtle file at ``path``."""
    graph = Graph()
    try:
        if path is None:
            shipped = resources.files("kg").joinpath("resources", "shapes.ttl")
            graph.parse(data=shipped.read_text("utf-8"), format="turtle")
        else:
            graph.parse(str(path), format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise ResourceError(f"cannot read SHACL shapes {path or 'kg/resources/shapes.ttl'}: {e}") from e
    return graph


def _union(data: Store | Graph) -> Graph:
    if isinstance(data, Store):
        return data.graph_copy()
    if isinstance(data, Dataset):  # also rdflib.ConjunctiveGraph
        union = new_graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return data


def validate(
    data: Store | Graph, shapes: str | os.PathLike[str] | None = None
) -> tuple[bool, str]:
    """Validate a store, a Dataset (union of its graphs) or a Graph.

    Returns ``(conforms, report)``: the report is a short readable summary, one line per
    violation (capped), with the shape's message, the focus node and the property.
    """
    graph = _union(data)
    conforms, results, _text = pyshacl.validate(
        graph, shacl_graph=load_shapes(shapes), inference="none", advanced=False
    )
    return bool(conforms), _report(graph, results, bool(conforms))


def _short(graph: Graph, node: object) -> str:
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 -- any IRI rdflib cannot shorten is shown whole
            return f"<{node}>"
    if isinstance(node, Literal):
        text = node.n3(graph.namespace_manager)
        return text if len(text) <= 80 else text[:77] + "..."
    return str(node)


def _report(graph: Graph, results: Graph, conforms: bool) -> str:
    if conforms:
        return f"Conforms: {len(graph)} triples checked against kg's SHACL shapes."
    reports = list(results.subjects(RDF.type, SH.ValidationReport))
    # Only the report's own results: nested sh:detail results repeat them in less readable form.
    top = {r for report in reports for r in results.objects(report, SH.result)}
    lines: dict[str, str] = {}  # a node reached by two shapes fails the same way twice: dedupe
    for result in top:
        focus_node = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        line = f"- {_short(graph, focus_node)}"
        if path is not None:
            line += f" {_short(graph, path)}"
        line += f": {results.value(result, SH.resultMessage)}"
        if value is not None and value != focus_node:
            line += f" (value {_short(graph, value)})"
        lines[line] = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1].lower()
    severities = Counter(lines.values())
    summary = ", ".join(f"{n} {sev}{'s' if n > 1 else ''}" for sev, n in sorted(severities.items()))
    shown = sorted(lines)[:_MAX_LINES]
    if len(lines) > _MAX_LINES:
        shown.append(f"... and {len(lines) - _MAX_LINES} more")
    return "\n".join([f"Does not conform: {summary}.", *shown])
