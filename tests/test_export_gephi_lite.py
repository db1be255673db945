"""Gephi Lite opens kg's exports: its importers (graphology-gexf, graphology-graphml, installed by
`make test` from the npm registry into tests/js/node_modules) read every node, edge and attribute
by name, with numbers as numbers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli

JS = Path(__file__).parent / "js"


def gephi_lite(path: Path) -> dict:
    if shutil.which("node") is None or not (JS / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip("node or tests/js/node_modules missing: `make test` installs graphology-gexf/-graphml")
    out = subprocess.run(["node", str(JS / "read_exports.mjs"), str(path)], capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("view", ["actors", "full"])
@pytest.mark.parametrize("fmt, reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_gephi_lite_reads_attributes_by_name(seed_store_path, tmp_path, view, fmt, reader):
    out = tmp_path / f"{view}.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "-o", str(out), "--view", view, "--store", str(seed_store_path)])
    assert result.exit_code == 0, result.output
    seen = gephi_lite(out)
    g = reader(out)
    assert (seen["nodes"], seen["edges"]) == (g.number_of_nodes(), g.number_of_edges())
    nodes, edges = seen["nodeAttributes"], seen["edgeAttributes"]
    assert {"label", "type", "wikidata", "mentions"} <= set(nodes)  # names, not "n0", "n1"…
    assert not any(k.isdigit() or k[:1] in "ne" and k[1:].isdigit() for k in nodes)
    assert nodes["label"] == ["string"] and nodes["mentions"] == ["number"]
    assert edges["weight"] == ["number"] and edges["items"] == ["number"]
    if view == "full":
        assert {"stance", "speaker", "modality", "sources"} <= set(nodes)
