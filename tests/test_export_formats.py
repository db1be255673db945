"""Export formats: views, GEXF 1.3 dynamic structure, CSV, RDF dumps, escaping, partial dates."""

import csv
import re

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from kg.cli import cli
from kg.export import write
from kg.export.views import interval

GEXF = "{http://gexf.net/1.3}"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def seed_store(seed_store_path):
    return seed_store_path


def run(seed_store, *args):
    result = CliRunner().invoke(cli, ["export", *args, "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    return result


def counts(result):
    nodes, edges = result.stderr.split(": ")[1].split(", ")
    return int(nodes.split()[0]), int(edges.split()[0])


@pytest.mark.parametrize("view", ["actors", "events", "full"])
@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_views_reopen_with_same_counts(seed_store, tmp_path, view, fmt, reader):
    out = tmp_path / f"{view}.{fmt}"
    result = run(seed_store, fmt, "-o", str(out), "--view", view)
    g = reader(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == counts(result)
    assert g.number_of_edges() > 0
    for _, data in g.nodes(data=True):
        assert data["label"] and not data["label"].startswith("http")
        assert data["type"]
    for *_, data in g.edges(data=True):
        assert data["label"] and float(data["weight"]) >= 1
    types = {d["type"] for _, d in g.nodes(data=True)}
    if view != "actors":
        assert {"Event", "Date"} <= types
    if view == "full":
        assert {"Claim", "Topic"} <= types


def test_gexf_is_dynamic_1_3_with_day_spells(seed_store, tmp_path):
    out = tmp_path / "full.gexf"
    run(seed_store, "gexf", "-o", str(out), "--view", "full")
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    declared = {a.get("id") for a in graph.iter(f"{GEXF}attribute")}
    dated = 0
    for el in [*graph.iter(f"{GEXF}node"), *graph.iter(f"{GEXF}edge")]:
        assert (el.get("start") is None) == (el.get("end") is None)
        if el.get("start"):
            dated += 1
            assert ISO_DAY.match(el.get("start")) and ISO_DAY.match(el.get("end"))
            assert el.get("start") <= el.get("end")
        for v in el.iter(f"{GEXF}attvalue"):
            assert v.get("for") in declared
    assert dated > 10
    ids = {n.get("id") for n in graph.iter(f"{GEXF}node")}
    assert all(e.get("source") in ids and e.get("target") in ids for e in graph.iter(f"{GEXF}edge"))
    assert int(graph.find(f"{GEXF}nodes").get("count")) == len(ids)


def test_csv_for_gephi_spreadsheet_import(seed_store, tmp_path):
    out = tmp_path / "csv"
    result = run(seed_store, "csv", "-o", str(out))
    with (out / "nodes.csv").open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (out / "edges.csv").open(encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert (len(nodes), len(edges)) == counts(result)
    assert {"Id", "Label", "timeset"} <= set(nodes[0]) and {"Source", "Target", "Weight", "timeset"} <= set(edges[0])
    assert "Sergueï Lavrov" in {n["Label"] for n in nodes}
    assert any(re.match(r"^<\[\d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}\]>$", n["timeset"]) for n in nodes)


def test_filters_narrow_the_network(seed_store, tmp_path):
    full = counts(run(seed_store, "graphml", "-o", str(tmp_path / "a.graphml"), "--view", "events"))
    since = counts(run(seed_store, "graphml", "-o", str(tmp_path / "b.graphml"), "--view", "events", "--since", "2024-06"))
    topic = counts(run(seed_store, "graphml", "-o", str(tmp_path / "c.graphml"), "--view", "events", "--topic", "diplomatie"))
    assert 0 < since[0] < full[0] and 0 < topic[0] < full[0]
    g = nx.read_graphml(tmp_path / "b.graphml")
    assert all(d["last"] >= "2024-06-01" for _, d in g.nodes(data=True) if d["type"] == "Event")
    bad = CliRunner().invoke(cli, ["export", "gexf", "--since", "2024-13", "--store", str(seed_store)])
    assert bad.exit_code != 0


@pytest.mark.parametrize("fmt, graphs", [("trig", True), ("nquads", True), ("turtle", False), ("jsonld", False)])
def test_rdf_dumps(seed_store, tmp_path, fmt, graphs):
    from rdflib import Dataset

    out = tmp_path / f"kg.{fmt}"
    run(seed_store, fmt, "-o", str(out))
    ds = Dataset()
    ds.parse(out, format={"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])
    named = {str(c.identifier) for c in ds.graphs() if "graph/article/" in str(c.identifier)}
    assert (len(named) == 5) if graphs else not named
    assert len(ds) + sum(len(c) for c in ds.graphs()) > 1000


def test_partial_dates_widen_to_their_interval():
    assert interval("2024-06-18") == ("2024-06-18", "2024-06-18")
    assert interval("2023-09") == ("2023-09-01", "2023-09-30")
    assert interval("2024-02") == ("2024-02-01", "2024-02-29")
    assert interval("2024") == ("2024-01-01", "2024-12-31")
    assert interval("2024-06-18T15:00") == ("2024-06-18", "2024-06-18")
    assert interval("XXXX-06-18") is None and interval("P9M") is None and interval("") is None


QUOTE = 'Il a dit « a < b & c > d » et "rien d\'autre"'


@pytest.fixture
def tricky():
    g = nx.DiGraph()
    g.add_node("e1", label="Sergueï Lavrov", type="Person", wikidata="Q80137", mentions=3, first="2023-09-01",
               last="2023-09-30", inKb=True)
    g.add_node("e2", label="Kim Jong-un", type="Person", wikidata="Q56226", mentions=2, first="", last="", inKb=False)
    g.add_node("c1", label=QUOTE, type="Claim", wikidata="", mentions=0, first="2024-01-01", last="2024-12-31",
               inKb=False)
    g.add_edge("e1", "c1", relation="said", label="said", weight=1, first="2024-01-01", last="2024-12-31")
    g.add_edge("c1", "e2", relation="about", label="about", weight=2.5)
    return g


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_french_labels_and_xml_special_characters_survive(tricky, tmp_path, fmt, reader):
    out = write(tricky, tmp_path / f"t.{fmt}", fmt)
    etree.parse(str(out))  # well-formed
    g = reader(out)
    assert sorted(d["label"] for _, d in g.nodes(data=True)) == sorted([QUOTE, "Kim Jong-un", "Sergueï Lavrov"])
    assert g.number_of_edges() == 2
    raw = out.read_text("utf-8")
    assert "Sergueï Lavrov" in raw and "«" in raw and "&lt;" in raw and "&amp;" in raw


def test_igraph_reopens_graphml(seed_store, tmp_path):
    ig = pytest.importorskip("igraph")
    out = tmp_path / "full.graphml"
    result = run(seed_store, "graphml", "-o", str(out), "--view", "full")
    g = ig.Graph.Read_GraphML(str(out))
    assert (g.vcount(), g.ecount()) == counts(result)
    assert "Kim Jong-un" in g.vs["label"]


# --- any text exports (issue 6) ---------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(label=st.text(min_size=1, max_size=40), claim=st.text(max_size=80))
def test_any_text_exports_to_parseable_graphml_and_gexf(tmp_path_factory, label, claim):
    import networkx as nx
    from lxml import etree

    from kg.export.network import write, xml_safe

    g = nx.Graph()
    g.add_node("n1", label=label, type="Person")
    g.add_node("n2", label="Kim Jong-un", type="Person")
    g.add_edge("n1", "n2", label=claim, weight=2)
    folder = tmp_path_factory.mktemp("any")
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = write(g, folder / f"g.{fmt}", fmt)
        etree.parse(str(path))  # well-formed XML whatever the text
        back = read(path)
        # the writers escape \r as &#13;, so even line ends survive exactly
        assert back.nodes["n1"]["label"] == xml_safe(label)
        assert back.number_of_edges() == 1


@pytest.mark.parametrize("view", ["actors", "events", "full"])
def test_undated_nodes_take_the_span_of_their_dated_links(seed_store, tmp_path, view):
    """Issue 14: a node with a dated link or neighbour is never shown at every date of the timeline."""
    out = tmp_path / f"{view}.graphml"
    run(seed_store, "graphml", "-o", str(out), "--view", view)
    g = nx.read_graphml(out)
    for n, data in g.nodes(data=True):
        neighbours = set(g.predecessors(n)) | set(g.successors(n)) if g.is_directed() else set(g.neighbors(n))
        linked = [d for *_, d in g.edges(n, data=True)] + [g.nodes[m] for m in neighbours]
        if any(d.get("first") for d in linked):
            assert data.get("first") and data["first"] <= data["last"], data["label"]
    if view == "full":
        assert all(d.get("first") for _, d in g.nodes(data=True))
