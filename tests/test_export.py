"""The actor network export opens in networkx with readable labels and typed attributes."""

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli


@pytest.fixture(scope="module")
def seed_store(seed_store_path):
    return seed_store_path


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_roundtrip(seed_store, tmp_path, fmt, reader):
    out = tmp_path / f"a.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "-o", str(out), "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    g = reader(out)
    labels = {data["label"] for _, data in g.nodes(data=True)}
    assert {"Vladimir Poutine", "Kim Jong-un", "Sergueï Lavrov", "Pyongyang"} <= labels
    assert not any(label.startswith("http") for label in labels)
    poutine = next(n for n, d in g.nodes(data=True) if d["label"] == "Vladimir Poutine")
    assert g.nodes[poutine]["type"] == "Person" and g.nodes[poutine]["wikidata"] == "Q7747"
    kim = next(n for n, d in g.nodes(data=True) if d["label"] == "Kim Jong-un")
    assert g.has_edge(poutine, kim) and float(g[poutine][kim]["weight"]) >= 1
    nodes, edges = result.stderr.split(": ")[1].split(", ")
    assert g.number_of_nodes() == int(nodes.split()[0]) and g.number_of_edges() == int(edges.split()[0])
