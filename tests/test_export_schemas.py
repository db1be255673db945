"""Every export is valid against the official schemas in ../shared/schemas (GraphML 1.0, GEXF 1.3),
read offline; GraphML node ids are NMTOKENs with the IRI kept; GEXF attribute ids are numeric."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from kg.cli import cli
from kg.eval.corpora import shared_dir

SCHEMAS = shared_dir() / "schemas"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"


class _Local(etree.Resolver):
    """The schemas import each other by web address; there is no network: read the local copies."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        return self.resolve_filename(str(self.folder / url.rsplit("/", 1)[-1]), context)


@pytest.fixture(scope="module")
def schemas():
    if not SCHEMAS.is_dir():
        pytest.skip(f"{SCHEMAS} not found: the official schemas are read from ../shared, never copied")
    parser = etree.XMLParser()
    parser.resolvers.add(_Local(SCHEMAS / "graphml"))
    graphml = etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml" / "graphml.xsd"), parser))
    gexf = etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf-1.3" / "gexf.xsd")))
    return {"graphml": graphml, "gexf": gexf}


@pytest.mark.parametrize("view", ["actors", "events", "full"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_every_view_is_valid_against_the_official_schema(schemas, seed_store_path, tmp_path, view, fmt):
    out = tmp_path / f"{view}.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "-o", str(out), "--view", view, "--store", str(seed_store_path)])
    assert result.exit_code == 0, result.output
    doc = etree.parse(str(out))
    schema = schemas[fmt]
    assert schema.validate(doc), f"{out.name}: {schema.error_log.last_error}"


def test_graphml_node_ids_are_nmtokens_and_keep_their_iri(seed_store_path, tmp_path):
    out = tmp_path / "full.graphml"
    CliRunner().invoke(cli, ["export", "graphml", "-o", str(out), "--view", "full", "--store", str(seed_store_path)])
    root = etree.parse(str(out)).getroot()
    iri_key = next(k.get("id") for k in root.iter(f"{GRAPHML}key") if k.get("attr.name") == "iri")
    nodes = list(root.iter(f"{GRAPHML}node"))
    assert nodes and all("/" not in n.get("id") and "#" not in n.get("id") for n in nodes)
    iri_of = {n.get("id"): d.text for n in nodes for d in n.iter(f"{GRAPHML}data") if d.get("key") == iri_key}
    renamed = [n.get("id") for n in nodes if n.get("id") in iri_of]
    assert len(renamed) > 100 and all(iri_of[i].startswith("https://") for i in renamed)
    assert len(set(iri_of.values())) == len(iri_of)  # one IRI per node
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in root.iter(f"{GRAPHML}edge"))


def test_gexf_attribute_ids_are_numeric_with_names_as_titles(seed_store_path, tmp_path):
    out = tmp_path / "full.gexf"
    CliRunner().invoke(cli, ["export", "gexf", "-o", str(out), "--view", "full", "--store", str(seed_store_path)])
    root = etree.parse(str(out)).getroot()
    for attrs in root.iter(f"{GEXF}attributes"):
        declared = list(attrs.iter(f"{GEXF}attribute"))
        assert [a.get("id") for a in declared] == [str(i) for i in range(len(declared))]
        if attrs.get("class") == "node":
            assert {"type", "sources"} <= {a.get("title") for a in declared}
