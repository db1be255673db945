"""Gephi spreadsheet import: ``nodes.csv`` and ``edges.csv`` in one folder.

Gephi's *Import spreadsheet* reads ``Id`` and ``Label`` for nodes, ``Source``, ``Target``,
``Type`` (Directed/Undirected), ``Label`` and ``Weight`` for edges, and a ``timeset`` column
(``<[2024-06-01, 2024-06-30]>``) for the timeline; other columns become attributes.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx


def timeset(data: dict) -> str:
    return f"<[{data['first']}, {data.get('last') or data['first']}]>" if data.get("first") else ""


def _columns(items: list[dict], skip: set[str]) -> list[str]:
    cols: dict[str, None] = {}
    for data in items:
        cols.update((k, None) for k in data if k not in skip)
    return list(cols)


def write_csv(graph: nx.Graph, folder: Path) -> tuple[Path, Path]:
    """Write folder/nodes.csv and folder/edges.csv (UTF-8); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    node_cols = _columns([d for _, d in graph.nodes(data=True)], {"label"})
    with nodes_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label", "timeset", *node_cols])
        for n, d in graph.nodes(data=True):
            w.writerow([n, d.get("label", n), timeset(d), *(d.get(c, "") for c in node_cols)])
    edge_cols = _columns([d for *_, d in graph.edges(data=True)], {"label", "weight"})
    kind = "Directed" if graph.is_directed() else "Undirected"
    with edges_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Type", "Label", "Weight", "timeset", *edge_cols])
        for a, b, d in graph.edges(data=True):
            w.writerow([a, b, kind, d.get("label", ""), d.get("weight", 1), timeset(d), *(d.get(c, "") for c in edge_cols)])
    return nodes_path, edges_path
